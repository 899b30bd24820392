"""Public pages a proxy may keep (#16 item 4): each carries an ETag and Cache-Control, a
conditional request with the current tag gets 304 and no body, and any change a visitor would
read (the posting, the language, the day) gives a new tag. A visitor's copy is shareable and
holds no session cookie or CSRF token; a logged-in user's copy is private."""

from __future__ import annotations

from tests.web.conftest import Web, text
from tracker.config import get_settings
from tracker.services.hiring import postings

PAGES = ("/", "/postings/UJM-TEST-1")


def test_a_visitors_page_is_tagged_shareable_and_answers_304(web: Web, posting) -> None:  # noqa: ANN001
    for path in PAGES:
        first = web.get(path)
        assert first.status_code == 200, path
        etag = first.headers["ETag"]
        assert first.cache_control.public and first.cache_control.max_age == 60, path
        assert {"Cookie", "Accept-Language"} <= set(first.vary), path
        # nothing bound to this visitor: a cache may hand the page to the next one
        assert "Set-Cookie" not in first.headers, path
        assert 'name="csrf_token"' not in text(first), path
        again = web.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304, path
        assert again.get_data() == b"" and again.headers["ETag"] == etag, path
        stale = web.get(path, headers={"If-None-Match": '"not-this-one"'})
        assert stale.status_code == 200 and text(stale) == text(first), path


def test_a_change_a_visitor_reads_changes_the_tag(web: Web, session, posting, hr, clock) -> None:  # noqa: ANN001
    path = "/postings/UJM-TEST-1"
    before = web.get(path).headers["ETag"]
    postings.update_posting(session, posting, {"title": "Chargée de coopération européenne"},
                            actor=hr, settings=get_settings(), clock=clock)
    session.flush()
    changed = web.get(path, headers={"If-None-Match": before})
    assert changed.status_code == 200 and "coopération européenne" in text(changed)
    after = changed.headers["ETag"]
    assert after != before
    # the days left move with the clock, and so does the list's tag
    listed = web.get("/").headers["ETag"]
    clock.advance(days=1)
    assert web.get("/", headers={"If-None-Match": listed}).status_code == 200
    # another language is another page
    french = web.get(path, headers={"Accept-Language": "fr"})
    assert french.headers["ETag"] != after and "Référence" in text(french)


def test_a_logged_in_copy_is_private_and_kept_nowhere(web: Web, posting, candidate) -> None:  # noqa: ANN001
    """Their own copy (their application, a CSRF token that changes every second) is neither
    shared nor kept, and has no tag to revalidate."""
    web.as_user(candidate)
    page = web.get("/postings/UJM-TEST-1")
    assert page.status_code == 200
    assert page.cache_control.private and page.cache_control.no_store
    assert not page.cache_control.public and "ETag" not in page.headers
    assert 'name="csrf_token"' in text(page)  # the apply button and the log-out form
    again = web.get("/postings/UJM-TEST-1", headers={"If-None-Match": "*"})
    assert again.status_code == 200


def test_the_language_switch_needs_no_token_from_a_visitor_but_does_from_a_user(
        web: Web, posting, candidate) -> None:  # noqa: ANN001
    switched = web.post("/language?next=/", {"lang": "fr"}, csrf=False)
    assert switched.status_code == 302
    assert "Offres ouvertes" in text(web.get("/"))
    web.as_user(candidate)
    refused = web.post("/language?next=/", {"lang": "en"}, csrf=False)
    assert refused.status_code == 400
    assert web.post("/language?next=/", {"lang": "en"}).status_code == 302
