"""A service's refusal reads in the page's language, its values (statuses...) by their labels."""

from __future__ import annotations

import html

import pytest

from tests.web.conftest import Web, text
from tests.web.test_hr_pages import BASE_FORM
from tracker.domain.access import OPERATOR
from tracker.models import ApplicationStatus, Locale
from tracker.services.hiring import applications

REFUSED = {
    Locale.FR: "impossible de passer de « non retenue » à « retirée » "
               "(possibles : en cours d’examen)",
    Locale.EN: "cannot move from Rejected to Withdrawn (allowed: Under review)",
}


@pytest.mark.parametrize("lang", [Locale.FR, Locale.EN])
def test_a_refused_withdrawal_is_said_in_the_page_language_with_its_status_labels(
        web: Web, session, application, candidate, clock, lang) -> None:  # noqa: ANN001
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    applications.move(session, application, "rejected", actor=OPERATOR, clock=clock)
    candidate.locale = lang
    session.flush()
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    web.post(f"{url}/withdrawn", {"confirm": "1"}, token_from=url)
    page = html.unescape(text(web.get(url)))
    assert REFUSED[lang] in page
    assert REFUSED[Locale.EN if lang is Locale.FR else Locale.FR] not in page
    session.expire_all()
    assert application.status is ApplicationStatus.REJECTED


def test_a_posting_form_refused_by_the_service_reads_in_french(
        web: Web, hr, session) -> None:  # noqa: ANN001
    hr.locale = Locale.FR
    session.flush()
    web.as_user(hr)
    # refused when the fields are read (pydantic), the value typed shown after the rule
    form = {**BASE_FORM, "requirements-1-level": "B7"}
    page = html.unescape(text(web.post("/hr/postings/new", form, token_from="/hr/postings/new")))
    assert ("le niveau d’une exigence de langue est un niveau du CECRL : A1, A2, B1, B2, C1 ou "
            "C2, ou vide (saisi : 'B7')") in page
    # refused by the service's rules across fields
    form = {**BASE_FORM, "salary_min": "40000", "salary_max": "30000", "salary_period": "year"}
    refused = web.post("/hr/postings/new", form, token_from="/hr/postings/new")
    assert refused.status_code == 400
    page = html.unescape(text(refused))
    assert "40000 est supérieur au salaire maximum (30000)" in page
    assert "un salaire a besoin d’une devise (EUR, GBP…)" in page
    assert "is above" not in page and "needs a currency" not in page and "(got " not in page

