"""The posting form as hr use it: a service's error on a whole row shows next to that row,
Enter in a text field saves, labels are shown as text."""

from __future__ import annotations

import re

from tests.web.conftest import Web, text
from tests.web.test_hr_pages import BASE_FORM
from tracker.services import postings


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
    assert postings.list_postings(session).rows == []
