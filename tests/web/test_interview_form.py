"""The interview form: every error of a submit at once, each next to its field; the panel's
addresses checked line by line; its labels shown as text."""

from __future__ import annotations

import re

import sqlalchemy as sa

from tests.web.conftest import Web, text
from tests.web.test_hr_pages import submitted_application
from tracker.models import Interview


def errors(page: str) -> dict[str, str]:
    return {name: message.replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
            for name, message in re.findall(r'<p class="error" id="([^"]+)-error">([^<]*)</p>',
                                            page)}


def test_one_submit_shows_every_error_next_to_its_field(web: Web, hr, posting, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    url = f"/hr/postings/{posting.reference}/interviews/new"
    refused = web.post(url, {"day": "", "at": "10:00", "timezone": "Mars/Olympus",
                             "duration_minutes": "45", "video_url": "ftp://x",
                             "panel": "Claire Dubois <drh@example.org>\nBob <not-an-email>\n"
                                      "nobody at all\n\nclaire <DRH@example.org>"},
                       token_from=url)
    assert refused.status_code == 400
    found = errors(text(refused))
    assert set(found) == {"day", "timezone", "video_url", "panel"}, found
    assert "unknown IANA time zone" in found["timezone"] or "Mars/Olympus" in found["timezone"]
    assert "not an http(s) URL" in found["video_url"]
    panel = found["panel"]
    assert "line 2: 'not-an-email' is not a valid e-mail address" in panel
    assert "line 3: write Name <e-mail>" in panel
    assert "line 5: drh@example.org is on the panel twice" in panel
    assert panel.index("line 2:") < panel.index("line 3:") < panel.index("line 5:")  # in order
    assert session.scalar(sa.select(sa.func.count()).select_from(Interview)) == 0


def test_a_past_date_and_a_bad_panel_address_together(web: Web, hr, posting, candidate,
                                                      session, clock) -> None:  # noqa: ANN001
    application = submitted_application(session, posting, candidate, clock)
    web.as_user(hr)
    url = f"/hr/postings/{posting.reference}/interviews/new"
    refused = web.post(url, {"application": str(application.id), "day": "2024-04-01",
                             "at": "10:00", "duration_minutes": "0",
                             "panel": "Bob <not-an-email>"}, token_from=url)
    found = errors(text(refused))
    assert refused.status_code == 400 and set(found) == {"at", "duration_minutes", "panel"}
    assert "in the past" in found["at"]
    assert found["panel"].startswith("line 1: 'not-an-email' is not a valid e-mail address")


def test_a_label_with_angle_brackets_is_shown_as_text(web: Web, hr, posting) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get(f"/hr/postings/{posting.reference}/interviews/new"))
    assert '<label for="panel">Panel, one per line: Name &lt;e-mail&gt;</label>' in page
