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
