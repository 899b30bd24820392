"""Reference data in the hr posting editor and pages (issue #7): link a posting to an
occupation and a certification, start its requirements from the occupation's skills (a plain
submit button, nothing saved until hr saves), and the salary check in French and English."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import SAMPLES
from tests.web.conftest import Web, text
from tests.web.test_hr_pages import BASE_FORM
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.services.hiring import postings
from tracker.services.reference import catalogue as reference
from tracker.services.reference.load import load_reference

OCCUPATION = "charge-cooperation-internationale"


@pytest.fixture
def loaded(session, clock):  # noqa: ANN001, ANN201
    return load_reference(session, SAMPLES / "reference", clock=clock)


def _inputs(page: str) -> dict[str, str]:
    """The values the browser would send back: inputs and the selected options."""
    values = {m.group(1): html.unescape(m.group(2)) for m in re.finditer(
        r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page)}
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option selected value="([^"]*)"|<option value="([^"]*)" selected',
                           body)
        if chosen:
            values[name] = html.unescape(chosen.group(1) or chosen.group(2) or "")
    values.pop("csrf_token", None)
    return values


def test_start_the_requirements_from_the_occupation_then_save(web: Web, hr, loaded,
                                                               session) -> None:  # noqa: ANN001
    web.as_user(hr)
    blank = text(web.get("/hr/postings/new"))
    assert 'for="occupation"' in blank and 'for="certification"' in blank
    assert "Chargé(e) de coopération internationale" in blank and "RNCP39853" in blank
    refused = web.post("/hr/postings/new", {**BASE_FORM, "submit": "", "propose": "1"},
                       token_from="/hr/postings/new")
    assert refused.status_code == 400 and "Choose an occupation first." in text(refused)
    form = {k: v for k, v in BASE_FORM.items() if k != "submit"}
    proposed = web.post("/hr/postings/new", {**form, "propose": "1", "occupation": OCCUPATION,
                                             "certification": "RNCP39853"},
                        token_from="/hr/postings/new")
    page = text(proposed)
    assert proposed.status_code == 200, page
    expected = reference.propose_requirements(session, OCCUPATION)
    assert f"{len(expected)} requirements proposed from the occupation" in page
    assert page.count("From the occupation skill:") == len(expected)
    assert "Cisco IOS" in page and "Anglais" in page  # the rows typed so far stay
    assert postings.list_postings(session, organisation="ujm", actor=OPERATOR).rows == []  # nothing saved
    values = _inputs(page)
    assert values["occupation"] == OCCUPATION and values["certification"] == "RNCP39853"
    first = expected[0]
    row = next(k.split("-")[1] for k, v in values.items()
               if k.endswith("-occupation_skill") and v == first.occupation_skill)
    assert values[f"requirements-{row}-label"] == first.label
    # hr edits a proposed row, then saves
    values[f"requirements-{row}-label"] = first.label + " (edited)"
    done = web.post("/hr/postings/new", {**values, "submit": "1"}, token_from="/hr/postings/new")
    assert done.status_code == 302, text(done)
    created = postings.get_posting(session, done.headers["Location"].rsplit("/", 1)[-1], actor=OPERATOR)
    assert created.occupation.slug == OCCUPATION and created.certification.code == "RNCP39853"
    linked = [r for r in created.requirements if r.occupation_skill is not None]
    assert len(linked) == len(expected)
    assert any(r.label == first.label + " (edited)" and
               r.occupation_skill.label == first.occupation_skill for r in linked)
    # the edit form shows the links, and proposing again adds no skill twice
    edit = f"/hr/postings/{created.reference}/edit"
    again = web.post(edit, {**_inputs(text(web.get(edit))), "propose": "1"}, token_from=edit)
    assert "0 requirements proposed" in text(again)
    assert text(again).count("From the occupation skill:") == len(expected)


def test_salary_check_on_the_hr_and_public_posting_pages(web: Web, hr, posting, loaded,
                                                         session, clock) -> None:  # noqa: ANN001
    postings.update_posting(session, posting, {
        "occupation": OCCUPATION, "salary_min": 1800, "salary_max": 2100,
        "salary_currency": "EUR", "salary_period": "month"}, actor=hr, clock=clock, settings=get_settings())
    session.flush()
    web.as_user(hr)
    page = text(web.get(f"/hr/postings/{posting.reference}"))
    check = page[page.index('id="salary-check"'):]
    assert "Salary against the market" in check
    assert 'class="status verdict-below">below<' in check
    assert "1 800–2 100 EUR per month is below the range" in check
    public = text(web.get(f"/postings/{posting.reference}"))
    assert "is below the range" in public
    hr.locale = "fr"
    session.flush()
    page = text(web.get(f"/hr/postings/{posting.reference}"))
    assert "Salaire et marché" in page and "est en dessous de la fourchette" in page
    web.as_user(None)
    bare = text(web.get(f"/postings/{posting.reference}", headers={"Accept-Language": "fr"}))
    assert "est en dessous de la fourchette" in bare
    postings.update_posting(session, posting, {"occupation": None}, actor=hr, clock=clock, settings=get_settings())
    session.flush()
    assert "salary-check" not in text(web.get(f"/postings/{posting.reference}"))
