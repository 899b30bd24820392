"""The account page's secrets: the calendar feed URL (read by a calendar app with no login and
no cookie) and personal API tokens (created, shown once, revoked)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

import icalendar
import pytest
import sqlalchemy as sa
from flask import Flask

from tests.web.conftest import Web, text, web_settings
from tracker.app import create_app
from tracker.models import ApiToken, CalendarFeedToken
from tracker.services.hiring import applications, interviews

FEED = re.compile(r'id="feed-url"[^>]*value="([^"]+)"')
PLAIN = re.compile(r'id="plain-token"[^>]*value="(trk_[^"]+)"')


@pytest.fixture
def scheduled(session, posting, hr, candidate, candidate_b, clock):  # noqa: ANN001, ANN201
    """Candidates A and B both applied to P, each with an interview on 22 May 2024 (Paris)."""
    found = {}
    for who, hour in ((candidate, 10), (candidate_b, 11)):
        application = applications.start(session, posting, who, actor=who, clock=clock)
        applications.move(session, application, "submitted", actor=who, clock=clock)
        found[who.id] = interviews.schedule(session, posting, day=date(2024, 5, 22),
                                            at=time(hour, 0), place="Salle 2",
                                            application=application, actor=hr, clock=clock)
    session.flush()
    return found


def _feed_url(web: Web) -> str | None:
    found = FEED.search(text(web.get("/account")))
    return found.group(1) if found else None


def _create_feed(web: Web) -> str:
    response = web.post("/account/calendar", token_from="/account")
    assert response.status_code == 302 and response.headers["Location"].endswith("#calendar")
    url = _feed_url(web)
    assert url is not None
    return url


def _events(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_the_feed_url_serves_my_deadlines_and_interviews(app: Flask, web: Web, candidate,
                                                         posting, scheduled) -> None:  # noqa: ANN001
    web.as_user(candidate)
    page = text(web.get("/account"))
    assert "You have no calendar feed URL." in page and 'id="feed-url"' not in page
    url = _create_feed(web)
    assert re.fullmatch(r"http://localhost/calendar/[A-Za-z0-9_-]{40,}\.ics", url)
    assert _feed_url(web) == url  # stable until replaced
    # A calendar app: no login, no cookie, and it gets none.
    response = app.test_client().get(url.removeprefix("http://localhost"))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"].startswith("private")
    assert response.headers["Referrer-Policy"] == "no-referrer"
    events = _events(response.data)
    assert set(events) == {"Deadline: Chargé de coopération internationale (UJM-TEST-1)",
                           "Interview: Chargé de coopération internationale (UJM-TEST-1)"}
    deadline = events["Deadline: Chargé de coopération internationale (UJM-TEST-1)"]
    assert deadline.decoded("DTSTART") == date(2024, 5, 13)
    interview = events["Interview: Chargé de coopération internationale (UJM-TEST-1)"]
    assert interview.decoded("DTSTART").astimezone(UTC) == datetime(2024, 5, 22, 8, 0,
                                                                      tzinfo=UTC)
    assert str(interview["UID"]) == f"interview-{scheduled[candidate.id].id}@posting-tracker"


def test_another_users_calendar_never_appears(app: Flask, web: Web, candidate, candidate_b,
                                              hr, hr_other, scheduled) -> None:  # noqa: ANN001
    feeds = {}
    for who in (candidate, candidate_b, hr, hr_other):
        web.as_user(who)
        path = _create_feed(web).removeprefix("http://localhost")
        feeds[who.email] = app.test_client().get(path).data
    uids = {email: {str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
            for email, data in feeds.items()}
    mine, theirs = (f"interview-{scheduled[u.id].id}@posting-tracker"
                    for u in (candidate, candidate_b))
    assert mine in uids[candidate.email] and theirs not in uids[candidate.email]
    assert theirs in uids[candidate_b.email] and mine not in uids[candidate_b.email]
    assert {mine, theirs} <= uids[hr.email]  # the employer sees both, with the names
    assert b"Camille Martin" in feeds[hr.email] and b"Camille" not in feeds[candidate_b.email]
    assert uids[hr_other.email] == set()  # hr of another organisation: nothing of P


def test_replaced_and_revoked_urls_answer_404(app: Flask, web: Web, candidate, scheduled,
                                              session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    first = _create_feed(web).removeprefix("http://localhost")
    feed = app.test_client()
    assert web.post("/account/calendar/replace", token_from="/account").status_code == 302
    second = _feed_url(web).removeprefix("http://localhost")  # type: ignore[union-attr]
    assert second != first
    answer = feed.get(first)
    assert answer.status_code == 404 and answer.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in answer.headers
    assert feed.get(second).status_code == 200
    assert web.post("/account/calendar/revoke", token_from="/account").status_code == 302
    assert feed.get(second).status_code == 404
    assert feed.get("/calendar/not-a-token.ics").status_code == 404
    assert _feed_url(web) is None
    assert "You have no calendar feed URL." in text(web.get("/account"))
    live = session.scalars(sa.select(CalendarFeedToken).where(
        CalendarFeedToken.revoked_at.is_(None))).all()
    assert live == []


def test_feed_url_uses_the_public_url_when_set(session_factory, clock, tmp_path,
                                               candidate) -> None:  # noqa: ANN001
    app = create_app(web_settings(tmp_path, public_url="https://jobs.example.org/"),
                     session_factory=session_factory, clock=clock)
    web = Web(app.test_client()).as_user(candidate)
    assert _create_feed(web).startswith("https://jobs.example.org/calendar/")


def test_calendar_actions_need_the_csrf_token(web: Web, candidate, session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    assert web.post("/account/calendar", csrf=False).status_code == 400
    assert session.scalar(sa.select(sa.func.count()).select_from(CalendarFeedToken)) == 0


def test_download_my_calendar_once(web: Web, candidate, scheduled) -> None:  # noqa: ANN001
    web.as_user(candidate)
    assert "/account/calendar.ics" in text(web.get("/account"))
    response = web.get("/account/calendar.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert len(_events(response.data)) == 2


def test_a_token_is_shown_once_and_works_until_revoked(app: Flask, web: Web, candidate,
                                                       session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    assert "You have no API token." in text(web.get("/account"))
    response = web.post("/account/tokens", {"token-name": "my <b>script</b>"},
                        token_from="/account")
    assert response.status_code == 200
    page = text(response)
    assert "it will not be shown again" in page
    assert "my &lt;b&gt;script&lt;/b&gt;" in page  # a name is text, never HTML
    plain = PLAIN.search(page).group(1)  # type: ignore[union-attr]
    assert response.headers["Cache-Control"] == "no-store"
    account = text(web.get("/account"))
    assert plain not in account and plain[:12] in account and "never" in account
    api = app.test_client()
    me = api.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    assert me.status_code == 200 and me.get_json()["email"] == candidate.email
    assert plain not in text(web.get("/account"))  # nor after it was used
    token_id = session.scalar(sa.select(ApiToken.id).where(ApiToken.user_id == candidate.id))
    assert web.post(f"/account/tokens/{token_id}/revoke", csrf=False).status_code == 400
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 200
    response = web.post(f"/account/tokens/{token_id}/revoke", token_from="/account")
    assert response.status_code == 302
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
    assert "revoked" in text(web.get("/account"))


def test_a_token_needs_a_name_and_nothing_is_saved_without_one(web: Web, candidate,
                                                                session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    response = web.post("/account/tokens", {"token-name": "  "}, token_from="/account")
    assert response.status_code == 400
    page = text(response)
    assert 'aria-invalid="true" id="token-name"' in page
    assert 'id="token-name-error"' in page
    response = web.post("/account/tokens", {"token-name": "x" * 101}, token_from="/account")
    assert response.status_code == 400 and "100 characters" in text(response)
    assert session.scalar(sa.select(sa.func.count()).select_from(ApiToken)) == 0


def test_nobody_revokes_someone_elses_token(web: Web, candidate, candidate_b, session,
                                            clock) -> None:  # noqa: ANN001
    from tracker.services.accounts import tokens

    _plain, token = tokens.create_token(session, candidate, "laptop", clock)
    session.flush()
    web.as_user(candidate_b)
    assert "laptop" not in text(web.get("/account"))
    response = web.post(f"/account/tokens/{token.id}/revoke", token_from="/account")
    assert response.status_code == 404
    session.refresh(token)
    assert token.revoked_at is None


def test_the_account_page_in_french(web: Web, candidate, session) -> None:  # noqa: ANN001
    from tracker.models import Locale

    candidate.locale = Locale.FR
    session.flush()
    web.as_user(candidate)
    page = text(web.get("/account"))
    assert "Jetons d’API personnels" in page and "Flux d’agenda" in page
