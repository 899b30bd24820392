"""The notifications inbox: what the dispatcher delivered shows as unread, is marked read one by
one or all at once, and leads to the right page for hr and for candidates; the reminder
switches of the account page turn a kind or a channel off and on again."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from flask import Flask

from tests.web.conftest import Web, text
from tracker.config import get_settings
from tracker.models import Notification
from tracker.services.hiring import applications, interviews
from tracker.services.reminders import dispatch, notifications
from tracker.services.reminders.notifications import LinkTarget, link_target
from tracker.services.reminders.settings import switch_states
from tracker.web.inbox import web_url


def deliver(session, session_factory, clock) -> list[dict]:  # noqa: ANN001
    session.commit()
    return dispatch.run_once(session_factory, clock=clock, settings=get_settings()).sent


@pytest.fixture
def story(session, session_factory, posting, candidate, hr, clock):  # noqa: ANN001, ANN201
    """Camille applied; hr moved her application to review and scheduled her interview; the
    dispatcher delivered the news to her inbox."""
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    applications.move(session, app, "under_review", actor=hr, clock=clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10), place="Salle 2", actor=hr, clock=clock)
    deliver(session, session_factory, clock)
    return app, interview


def test_inbox_lists_unread_news_and_the_nav_counts_them(web: Web, story, candidate, session):  # noqa: ANN001
    web.as_user(candidate)
    page = text(web.get("/inbox/"))
    assert page.count('class="card note unread"') == 3
    assert "Application moved to “Interview”: Chargé de coopération internationale" in page
    assert "Interview scheduled: Chargé de coopération internationale" in page
    assert re.search(r'class="count"[^>]*>3<', page)  # the nav's unread count
    assert "3 unread" in page


def test_following_a_notification_marks_it_read_and_opens_the_candidate_page(
        web: Web, story, candidate, session) -> None:  # noqa: ANN001
    app, interview = story
    web.as_user(candidate)
    [note] = [n for n in notifications.list_notifications(session, candidate).rows
              if n.link == f"/interviews/{interview.id}"]
    response = web.get(f"/inbox/{note.id}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/me/applications/{app.id}"
    session.expire_all()
    assert session.get(Notification, note.id).read_at is not None
    assert notifications.unread_count(session, candidate) == 2
    assert text(web.get("/inbox/")).count('class="card note read"') == 1


def test_mark_one_then_all_read(web: Web, story, candidate, session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    first = notifications.list_notifications(session, candidate).rows[0]
    assert web.post(f"/inbox/{first.id}/read", token_from="/inbox/").status_code == 302
    assert notifications.unread_count(session, candidate) == 2
    assert web.post(f"/inbox/{first.id}/read", csrf=False).status_code == 400  # no token
    web.post("/inbox/read-all", token_from="/inbox/")
    assert notifications.unread_count(session, candidate) == 0
    page = text(web.get("/inbox/?show=unread"))
    assert 'class="card note' not in page and 'class="count"' not in page


def test_nobody_reads_or_marks_another_users_notification(
        web: Web, story, candidate, candidate_b, hr, session) -> None:  # noqa: ANN001
    note = notifications.list_notifications(session, candidate).rows[0]
    for other in (candidate_b, hr):
        web.as_user(other)
        assert web.get(f"/inbox/{note.id}").status_code == 404
        assert web.post(f"/inbox/{note.id}/read", token_from="/inbox/").status_code == 404
        assert note.title not in text(web.get("/inbox/"))
    web.post("/inbox/read-all", token_from="/inbox/")
    assert notifications.unread_count(session, candidate) == 3


def test_the_inbox_pages(web: Web, session, candidate, clock) -> None:  # noqa: ANN001
    for number in range(30):
        session.add(Notification(user_id=candidate.id, title=f"Note {number:02d}", body="b",
                                 created_at=clock()))
    session.flush()
    web.as_user(candidate)
    first = text(web.get("/inbox/"))
    assert "Note 29" in first and "Note 05" in first and "Note 04" not in first
    second = text(web.get("/inbox/?page=2"))
    assert "Note 04" in second and "Note 29" not in second


def test_link_mapping_for_each_side(app: Flask, session, story, posting) -> None:  # noqa: ANN001
    app_row, interview = story
    assert link_target(session, f"/applications/{app_row.id}") == LinkTarget("application",
                                                                            app_row.id)
    assert link_target(session, f"/interviews/{interview.id}") == LinkTarget("application",
                                                                          app_row.id)
    assert link_target(session, f"/postings/{posting.reference}") == LinkTarget(
        "posting", posting.reference)
    assert link_target(session, "/interviews/999999") is None
    assert link_target(session, "https://elsewhere.example/") is None
    with app.test_request_context():
        to_app, to_posting = LinkTarget("application", 7), LinkTarget("posting", "UJM-1")
        assert web_url(to_app, "hr") == "/hr/applications/7"
        assert web_url(to_app, "admin") == "/hr/applications/7"
        assert web_url(to_app, "candidate") == "/me/applications/7"
        assert web_url(to_posting, "hr") == "/hr/postings/UJM-1"
        assert web_url(to_posting, "candidate") == "/postings/UJM-1"
        assert web_url(None, "candidate") == "/inbox/"


def test_hr_dashboard_card_shows_the_latest_unread(web: Web, session, hr, clock) -> None:  # noqa: ANN001
    web.as_user(hr)
    assert "Nothing new." in text(web.get("/hr/"))
    session.add(Notification(user_id=hr.id, title="3 applications wait for review",
                             body="b", link="/postings/X", created_at=clock()))
    session.flush()
    page = text(web.get("/hr/"))
    card = page[page.index('id="notifications"'):]
    assert "3 applications wait for review" in card and "Nothing new." not in card


def test_switch_a_kind_and_a_channel_off_and_on_again(
        web: Web, session, session_factory, posting, candidate, hr, clock) -> None:  # noqa: ANN001
    web.as_user(candidate)
    page = text(web.get("/account"))
    assert 'value="status_changed:email" checked' in page
    on = [f"{k}:{c}" for (k, c), v in switch_states(session, candidate).items() if v]
    # status changes off everywhere, and e-mail off for every kind
    keep = [v for v in on if not v.startswith("status_changed") and not v.endswith(":email")]
    response = web.post("/inbox/switches", {"on": keep}, token_from="/account")
    assert response.status_code == 302
    states = switch_states(session, candidate)
    assert not states[("status_changed", "in_app")] and not states[("no_answer", "email")]
    assert states[("interview_scheduled", "in_app")]
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    applications.move(session, app, "under_review", actor=hr, clock=clock)
    # (hr are told of the submission: not the candidate's business here)
    assert [s for s in deliver(session, session_factory, clock)
            if s["recipient"] == candidate.email] == []
    account = text(web.get("/account"))
    assert 'value="status_changed:in_app" checked' not in account
    assert 'value="interview_scheduled:in_app" checked' in account
    web.post("/inbox/switches", {"on": on}, token_from="/account")  # all back on
    applications.move(session, app, "interview", actor=hr, clock=clock)
    sent = deliver(session, session_factory, clock)
    assert [(s["kind"], s["channel"]) for s in sent] == [("status_changed", "in_app")]
    bad = web.post("/inbox/switches", {"on": ["nonsense:email"]}, token_from="/account",
                   follow_redirects=True)
    assert "not a reminder kind" in text(bad)
    assert switch_states(session, candidate) == {k: True for k in states}


def test_hr_sets_the_organisations_reminder_times_and_resets_them(
        web: Web, session, posting, hr, candidate, clock) -> None:  # noqa: ANN001
    from tracker.services.reminders.planner import offsets_for

    web.as_user(hr)
    page = text(web.get("/account"))
    assert 'id="offsets-deadline_draft" name="offsets" value="-7d@09:00 -2d@09:00 0d@09:00"' in page
    response = web.post("/inbox/offsets", {"kind": "deadline_draft",
                                           "offsets": "-10d@09:00, -1d@09:00"},
                        token_from="/account")
    assert response.status_code == 302
    assert offsets_for(session, "deadline_draft", posting.organisation_id) == [
        "-10d@09:00", "-1d@09:00"]
    bad = text(web.post("/inbox/offsets", {"kind": "deadline_draft", "offsets": "tomorrow"},
                        token_from="/account", follow_redirects=True))
    field = bad[bad.index('id="offsets-deadline_draft"'):]
    assert "&#39;tomorrow&#39; is not an offset" in field[:600]  # next to its field
    assert 'value="tomorrow"' in field[:200]  # what was typed is kept
    assert offsets_for(session, "deadline_draft", posting.organisation_id) == [
        "-10d@09:00", "-1d@09:00"]  # nothing lost
    web.post("/inbox/offsets", {"kind": "deadline_draft", "offsets": ""}, token_from="/account")
    assert offsets_for(session, "deadline_draft", posting.organisation_id) == [
        "-7d@09:00", "-2d@09:00", "0d@09:00"]
    web.as_user(candidate)
    assert 'id="offsets"' not in text(web.get("/account"))
