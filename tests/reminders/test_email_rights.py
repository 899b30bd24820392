"""Who may make the site write e-mail (issue #12, finding 6): only an organisation's staff may
cause e-mail to an address that is not an account of the site; a candidate's own postings and
their interviews remind that candidate alone; and no address gets more than
TRACKER_EMAIL_DAILY_CAP e-mails in 24 hours (the rest is logged and cancelled, not sent)."""

from __future__ import annotations

import logging
from datetime import date, time

from tests.reminders.conftest import rows, run
from tracker.app import create_app
from tracker.config import get_settings
from tracker.models import Interview, PanelMember, ReminderChannel, ReminderStatus
from tracker.services.accounts import tokens
from tracker.services.hiring import applications, interviews, postings
from tracker.services.reminders import planner

PHISHING = "Votre compte expire : confirmez vos identifiants"


def private_posting(session, candidate, clock):  # noqa: ANN001, ANN201
    posting = postings.create_posting(session, {
        "title": PHISHING, "employment_type": "permanent", "visibility": "private",
        "hiring_organization_name": "Ailleurs"}, actor=candidate, clock=clock,
        settings=get_settings())
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    return posting, application


def test_a_candidate_cannot_put_a_panel_on_their_own_posting(session, session_factory, clock,
                                                              candidate, tmp_path) -> None:  # noqa: ANN001
    posting, application = private_posting(session, candidate, clock)
    plain, _ = tokens.create_token(session, candidate, "api", clock)
    session.flush()
    from tests.web.conftest import web_settings

    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    response = app.test_client().post("/api/v1/interviews", json={
        "posting": posting.reference, "application_id": application.id, "date": "2024-04-22",
        "time": "10:00", "panel": [{"name": "Victim", "email": "victim@elsewhere.example"}],
    }, headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 422, response.get_json()
    fields = response.get_json()["error"]["fields"]
    assert list(fields) == ["panel"]
    assert "leave the panel empty" in fields["panel"]
    assert session.query(PanelMember).count() == 0
    # without a panel the candidate keeps their own reminder of their own interview
    response = app.test_client().post("/api/v1/interviews", json={
        "posting": posting.reference, "application_id": application.id, "date": "2024-04-22",
        "time": "10:00"}, headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 201, response.get_json()


def test_a_private_postings_interview_emails_its_candidate_alone(
        session, session_factory, clock, candidate, smtp, settings) -> None:  # noqa: ANN001
    """An interview with a panel on a candidate's posting (as one planned before the rule):
    the panel is never e-mailed, the candidate is."""
    posting, application = private_posting(session, candidate, clock)
    interview = interviews.schedule(session, posting, day=date(2024, 4, 22), at=time(10, 0),
                                    application=application, actor=candidate, clock=clock)
    interview.panel.append(PanelMember(name="Victim", email="victim@elsewhere.example"))
    session.flush()
    planner.sync_interview(session, interview, clock=clock)
    session.flush()
    assert all(r.recipient_user_id == candidate.id for r in rows(session, kind="interview_soon"))
    clock.advance(days=6, hours=10)  # everything due: the day before and two hours before
    run(session_factory, clock, settings)
    sent_to = {address for rcpt in smtp.inbox.recipients for address in rcpt}
    assert sent_to == {candidate.email}
    assert not any(PHISHING in (m["Subject"] or "") and "victim" in str(m["To"])
                   for m in smtp.inbox.messages)


def test_rows_planned_for_a_private_postings_panel_are_cancelled(
        session, session_factory, clock, candidate, smtp, settings) -> None:  # noqa: ANN001
    """A panel row left in the outbox from before the rule is cancelled at delivery."""
    posting, application = private_posting(session, candidate, clock)
    interview = interviews.schedule(session, posting, day=date(2024, 4, 22), at=time(10, 0),
                                    application=application, actor=candidate, clock=clock)
    planned = planner.plan(planner.K.INTERVIEW_SOON, interview.id, interview.starts_at,
                           [planner.Recipient("e:victim@elsewhere.example",
                                              "victim@elsewhere.example", None, "Europe/Paris")],
                           ["-1d@09:00"], {})
    planner.sync_rows(session, planner.K.INTERVIEW_SOON, interview.id, planned, clock(), "")
    session.flush()
    clock.advance(days=6, hours=10)
    run(session_factory, clock, settings)
    outside = rows(session, recipient_email="victim@elsewhere.example")
    assert outside and all(r.status is ReminderStatus.CANCELLED for r in outside)
    assert "alone" in outside[0].reason
    assert all("victim@elsewhere.example" not in rcpt for rcpt in smtp.inbox.recipients)


def test_emails_beyond_the_daily_cap_are_logged_not_sent(
        session, session_factory, clock, candidate, hr, posting, smtp, settings, monkeypatch,
        caplog) -> None:  # noqa: ANN001
    monkeypatch.setattr(settings, "email_daily_cap", 2)
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    for hour in (9, 11, 14):
        other = interviews.schedule(session, posting, day=date(2024, 4, 22), at=time(hour, 0),
                                    actor=hr, clock=clock,
                                    panel=[interviews.Panelist("Outside", "panel@outside.example")])
        assert isinstance(other, Interview)
    session.flush()
    clock.advance(days=6, hours=10)
    with caplog.at_level(logging.WARNING, logger="tracker.reminders"):
        run(session_factory, clock, settings)
    to_panel = [rcpt for rcpt in smtp.inbox.recipients if "panel@outside.example" in rcpt]
    assert len(to_panel) == 2
    capped = [r for r in rows(session, recipient_email="panel@outside.example",
                              channel=ReminderChannel.EMAIL)
              if r.status is ReminderStatus.CANCELLED]
    assert capped and all("daily e-mail cap" in r.reason for r in capped)
    assert "daily e-mail cap" in caplog.text
