"""The posting form as hr use it: a service's error on a whole row shows next to that row,
Enter in a text field saves, labels are shown as text."""

from __future__ import annotations

import re

from tests.web.conftest import Web, text
from tests.web.test_hr_pages import BASE_FORM
from tracker.domain.access import OPERATOR
from tracker.services.hiring import postings


def test_an_error_on_a_whole_interview_row_shows_on_that_row(web: Web, hr, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    form = {**BASE_FORM, "interviews-0-date": "2024-01-10"}  # today is 15 April 2024
    refused = web.post("/hr/postings/new", form, token_from="/hr/postings/new")
    assert refused.status_code == 400
    page = text(refused)
    assert re.search(r'id="interviews-0-date-error">[^<]*in the past \(2024-01-10 09:30\)', page)
    # nothing typed is lost
    for value in ("Ingénieur·e réseau", "Cisco IOS", "2024-01-10", "Salle B", "America/Montreal"):
        assert f'value="{value}"' in page, value
    assert postings.list_postings(session, actor=OPERATOR).rows == []


def first_submit_button(page: str) -> str:
    form = page[page.index('<form method="post" novalidate class="posting-form">'):]
    return re.search(r"<button [^>]*type=\"submit\"[^>]*>[^<]*</button>", form).group(0)


def test_enter_in_a_text_field_saves_the_posting(web: Web, hr, session) -> None:  # noqa: ANN001
    """A browser submits a form on Enter with its first submit button: Save (a copy kept out
    of sight and of the tab order), not "Start the requirements from this occupation"."""
    web.as_user(hr)
    page = text(web.get("/hr/postings/new"))
    button = first_submit_button(page)
    assert 'name="submit"' in button and ">Save posting<" in button
    assert 'tabindex="-1"' in button and 'aria-hidden="true"' in button
    assert page.index(button) < page.index('name="propose"')
    saved = web.post("/hr/postings/new", BASE_FORM, token_from="/hr/postings/new")
    assert saved.status_code == 302  # what Enter sends: submit=1


def test_enter_saves_the_import_review_too(web: Web, hr) -> None:  # noqa: ANN001
    import io

    from tests.web.test_import_pages import UJM

    web.as_user(hr)
    page = text(web.post("/hr/postings/import", {"upload": "1", "file": (
        io.BytesIO(UJM.read_bytes()), "ujm.txt")}, token_from="/hr/postings/import",
        content_type="multipart/form-data"))
    button = first_submit_button(page)
    assert 'name="submit"' in button and ">Save as a draft<" in button
    assert page.index(button) < page.index('name="propose"')


def summary_of(page: str) -> str:
    found = re.search(r'<div class="alert error summary"[^>]*>.*?</div>', page, re.S)
    assert found, "no error summary"
    return found.group(0)


def test_a_bad_level_is_summarised_at_the_top_in_the_readers_language(
        web: Web, hr, session) -> None:  # noqa: ANN001
    """#14: "B7" as a language level reloaded the page at its top with no summary, the
    error in English 1,900 px lower, squeezed into the level column."""
    from tracker.models import Locale

    hr.locale = Locale.FR
    session.flush()
    web.as_user(hr)
    form = {**BASE_FORM, "requirements-1-level": "B7"}
    refused = web.post("/hr/postings/new", form, token_from="/hr/postings/new")
    assert refused.status_code == 400
    page = text(refused)
    summary = summary_of(page)
    # at the top of the form, announced, taking the focus so the page opens on it
    assert page.index(summary) < page.index("<fieldset")
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary and "autofocus" in summary
    # in French, the field named by its row and linked to
    assert "Veuillez corriger ce qui suit :" in summary
    assert re.search(r'<a href="#requirements-1-level">Exigences, ligne 2 : Niveau</a> – '
                     r"le niveau d’une exigence de langue est un niveau du CECRL : A1, A2, B1, "
                     r"B2, C1 ou C2, ou vide \(saisi : 'B7'\)", summary.replace("&#39;", "'")), summary
    # the field itself: marked, its message beside it, its row laid out for the message
    assert re.search(r'<input aria-describedby="requirements-1-level-error" '
                     r'aria-invalid="true" id="requirements-1-level"[^>]*value="B7"', page)
    assert re.search(r'<p class="error" id="requirements-1-level-error">le niveau d’une '
                     r"exigence de langue", page)
    assert 'class="row req-row row-error" id="requirement-1"' in page
    assert 'class="row req-row" id="requirement-0"' in page
    assert "language requirement" not in page  # no English left
    assert postings.list_postings(session, actor=OPERATOR).rows == []


def test_the_summary_lists_the_forms_own_checks_too_in_english(web: Web, hr) -> None:  # noqa: ANN001
    """The same summary whatever found the error: here the form's own parsing of a number
    and a date, before any service is asked."""
    web.as_user(hr)
    form = {**BASE_FORM, "working_time_percent": "eighty", "interviews-0-date": "10/06"}
    refused = web.post("/hr/postings/new", form, token_from="/hr/postings/new")
    assert refused.status_code == 400
    summary = summary_of(text(refused))
    assert "Please correct the following:" in summary
    assert '<a href="#working_time_percent">' in summary
    assert '<a href="#interviews-0-date">Interview dates, row 1: ' in summary
    assert summary.count("<li>") == 2


def test_a_page_without_errors_has_no_summary(web: Web, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get("/hr/postings/new"))
    assert 'class="alert error summary"' not in page and 'aria-invalid' not in page
