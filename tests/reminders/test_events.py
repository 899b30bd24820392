"""Event notifications: the candidate hears at once, in-app and by e-mail, when the employer
moves their application or sets, moves or cancels their interview; one message per event."""

from datetime import date, time

import icalendar

from tests.reminders.conftest import notifications, rows, run
from tracker.models import Locale, ReminderChannel, ReminderKind, ReminderStatus
from tracker.services.hiring import applications, interviews
from tracker.services.reminders import events
from tracker.services.reminders import notifications as inbox
from tracker.services.reminders.settings import set_switch

K = ReminderKind


def submitted(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    return app


def test_status_changes_and_interview_reach_the_candidate_in_app_and_by_email(
    session, session_factory, posting, candidate, hr, clock, settings, smtp
):
    app = submitted(session, posting, candidate, clock)
    session.commit()
    # their own submission tells them nothing (hr are told of it: #14)
    assert [s["kind"] for s in run(session_factory, clock).sent] == ["application_received"]
    applications.move(session, app, "under_review", actor=hr, clock=clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10), place="Salle 2", actor=hr, clock=clock)
    session.commit()
    report = run(session_factory, clock)
    assert sorted((s["kind"], s["channel"]) for s in report.sent) == sorted(
        [(k, c) for k in ("status_changed", "status_changed", "interview_scheduled")
         for c in ("email", "in_app")])
    titles = [n.title for n in notifications(session, candidate.id)]
    assert titles == [
        "Votre candidature est maintenant : en cours d’examen — Chargé de coopération internationale",
        "Votre candidature est maintenant : entretien — Chargé de coopération internationale",
        "Entretien fixé : Chargé de coopération internationale",
    ]
    links = [n.link for n in notifications(session, candidate.id)]
    assert links == [f"/applications/{app.id}"] * 2 + [f"/interviews/{interview.id}"]
    subjects = sorted(m["Subject"] for m in smtp.inbox.messages)
    assert subjects == sorted(titles)
    invitation = next(m for m in smtp.inbox.messages if m["Subject"].startswith("Entretien"))
    assert any(p.get_content_type() == "text/calendar" for p in invitation.walk())
    text = invitation.get_body(("plain",)).get_content()
    assert "est fixé au 22/05/2024 10:00 (Europe/Paris), 45 min" in text
    assert "Lieu : Salle 2" in text
    # run again: nothing twice
    assert run(session_factory, clock).sent == []
    assert len(notifications(session, candidate.id)) == 3


def test_moved_and_cancelled_interview_each_told_once_in_english(
    session, session_factory, posting, candidate, hr, clock, settings, smtp
):
    candidate.locale = Locale.EN
    session.flush()
    app = submitted(session, posting, candidate, clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10), actor=hr, clock=clock)
    interviews.reschedule(session, interview, day=date(2024, 5, 23), at=time(14), actor=hr,
                          clock=clock)
    interviews.reschedule(session, interview, day=date(2024, 5, 24), at=time(9), actor=hr,
                          clock=clock)
    interviews.cancel(session, interview, actor=hr, clock=clock)
    session.commit()
    events_rows = rows(session, kind=K.INTERVIEW_SCHEDULED, channel=ReminderChannel.IN_APP)
    assert [r.offset_spec.split(":")[0] for r in events_rows] == ["is", "ir", "ir", "ic"]
    run(session_factory, clock)
    events_rows = rows(session, kind=K.INTERVIEW_SCHEDULED, channel=ReminderChannel.IN_APP)
    # the interview is cancelled: only the cancellation still makes sense
    assert [r.status for r in events_rows] == [ReminderStatus.CANCELLED] * 3 + [
        ReminderStatus.SENT]
    [cancelled] = [n for n in notifications(session, candidate.id)
                   if n.link == f"/interviews/{interview.id}"]
    assert cancelled.title == "Interview cancelled: Chargé de coopération internationale"
    assert "is cancelled" in cancelled.body
    [mail] = [m for m in smtp.inbox.messages if m["Subject"].startswith("Interview")]
    assert mail["Content-Language"] == "en"
    # the invitation withdraws the event from the calendar (RFC 5546): same UID, raised SEQUENCE
    [ics] = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
    assert ics.get_param("method") == "CANCEL"
    calendar = icalendar.Calendar.from_ical(ics.get_payload(decode=True))
    assert str(calendar["method"]) == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"interview-{interview.id}@posting-tracker"
    assert (str(event["status"]), event["sequence"]) == ("CANCELLED", 3)


def test_switched_off_events_are_not_told(
    session, session_factory, posting, candidate, hr, clock, settings, smtp
):
    set_switch(session, candidate, enabled=False, kind="status_changed", clock=clock)
    set_switch(session, candidate, enabled=False, kind="interview_scheduled", channel="email",
               clock=clock)
    app = submitted(session, posting, candidate, clock)
    interviews.schedule(session, posting, application=app, day=date(2024, 5, 22), at=time(10),
                        actor=hr, clock=clock)
    session.commit()
    report = run(session_factory, clock)
    assert [(s["kind"], s["channel"]) for s in report.sent
            if s["recipient"] == candidate.email] == [("interview_scheduled", "in_app")]
    assert smtp.inbox.messages == []
    assert inbox.unread_count(session, candidate) == 1


def test_each_event_is_one_row_and_planning_it_twice_adds_nothing(
    session, posting, candidate, hr, clock
):
    app = submitted(session, posting, candidate, clock)
    applications.move(session, app, "under_review", actor=hr, clock=clock)
    change = app.history[-1]
    assert events.status_changed(session, app, change, actor=hr, clock=clock) == 0
    status_rows = rows(session, kind=K.STATUS_CHANGED)
    assert {(r.channel.value, r.offset_spec) for r in status_rows} == {
        ("in_app", f"sc:{change.id}"), ("email", f"sc:{change.id}")}
    assert all(r.due_at == clock() for r in status_rows)
