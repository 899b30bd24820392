"""Reminder rows follow the postings, applications and interviews they are about."""

from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from tests.reminders.conftest import notifications, rows, run
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Reminder, ReminderChannel, ReminderKind, ReminderStatus
from tracker.services.hiring import applications, interviews, postings
from tracker.services.reminders import planner as reminders

K, S = ReminderKind, ReminderStatus


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def summary(session, **where):
    return [(r.offset_spec, r.channel.value, r.status.value, r.due_at) for r in rows(session, **where)]


def test_moving_the_deadline_retimes_pending_reminders_and_never_resends(
    session, session_factory, posting, application, candidate, hr, clock
):
    # the 7-day reminder (6 May, 09:00 CEST) goes out
    clock.now = utc(2024, 5, 6, 7)
    report = run(session_factory, clock, mail=False)
    assert [s["channel"] for s in report.sent] == ["in_app"]
    assert len(notifications(session, candidate.id)) == 1
    # the deadline moves a week later: pending reminders move with it, the sent one stays sent
    postings.update_posting(session, posting, {"valid_through_date": "2024-05-20"}, actor=hr,
                            clock=clock, settings=get_settings())
    assert summary(session, kind=K.DEADLINE_DRAFT, subject_id=application.id,
                   channel=ReminderChannel.IN_APP) == [
        ("-7d@09:00", "in_app", "sent", utc(2024, 5, 6, 7)),
        ("-2d@09:00", "in_app", "pending", utc(2024, 5, 18, 7)),
        ("0d@09:00", "in_app", "pending", utc(2024, 5, 20, 7)),
    ]
    # the new 7-day instant (13 May) comes: nothing is sent again
    clock.now = utc(2024, 5, 13, 7)
    assert run(session_factory, clock, mail=False).sent == []
    reminders.reconcile(session, clock=clock)
    assert run(session_factory, clock, mail=False).sent == []
    assert len(notifications(session, candidate.id)) == 1
    clock.now = utc(2024, 5, 18, 7)
    sent = run(session_factory, clock, mail=False).sent
    assert [s["id"] for s in sent if s["kind"] == "deadline_draft"] == [
        r.id for r in rows(session, kind=K.DEADLINE_DRAFT, offset_spec="-2d@09:00",
                           channel=ReminderChannel.IN_APP)]
    # and hr heard that the posting closes in 3 days with no application (17 May, 09:00)
    assert [s["kind"] for s in sent if s["kind"] != "deadline_draft"] == ["closing_empty"]


def test_cancelling_an_interview_cancels_its_reminders(session, posting, candidate, hr, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10), actor=hr, clock=clock)
    assert {r.status for r in rows(session, kind=K.INTERVIEW_SOON)} == {S.PENDING}
    interviews.reschedule(session, interview, day=date(2024, 5, 23), at=time(14), actor=hr,
                          clock=clock)
    assert {r.due_at for r in rows(session, kind=K.INTERVIEW_SOON, status=S.PENDING)} == {
        utc(2024, 5, 22, 7), utc(2024, 5, 23, 10)}
    interviews.cancel(session, interview, actor=hr, clock=clock, reason="poste gelé")
    cancelled = rows(session, kind=K.INTERVIEW_SOON)
    assert len(cancelled) == 4 and {r.status for r in cancelled} == {S.CANCELLED}
    assert {r.reason for r in cancelled} == {f"interview #{interview.id} is cancelled"}


def test_submitting_cancels_the_draft_reminders_and_plans_no_answer(
    session, posting, application, candidate, clock
):
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    draft = rows(session, kind=K.DEADLINE_DRAFT)
    assert {r.status for r in draft} == {S.CANCELLED}
    assert {r.reason for r in draft} == {f"application #{application.id} is submitted"}
    answer = rows(session, kind=K.NO_ANSWER)
    # submitted 15 April (10:00 CEST): 21 days later at 09:00, 6 May
    assert {(r.channel.value, r.due_at, r.status) for r in answer} == {
        ("in_app", utc(2024, 5, 6, 7), S.PENDING), ("email", utc(2024, 5, 6, 7), S.PENDING)}
    applications.move(session, application, "withdrawn", actor=candidate, clock=clock)
    assert {r.status for r in rows(session, kind=K.NO_ANSWER)} == {S.CANCELLED}


def test_planning_is_idempotent_and_reconcile_repairs_what_a_hook_missed(
    session, posting, application, clock
):
    before = summary(session)
    reminders.sync_application(session, application, clock=clock)
    reminders.sync_posting(session, posting, clock=clock)
    assert summary(session) == before
    # a row lost (a hook skipped, a bad manual fix): the reconcile puts it back, once
    lost = rows(session, kind=K.DEADLINE_DRAFT, offset_spec="-2d@09:00")
    session.execute(sa.delete(Reminder).where(Reminder.id.in_([r.id for r in lost])))
    result = reminders.reconcile(session, clock=clock)
    assert result.created == len(lost) == 2
    assert reminders.reconcile(session, clock=clock).created == 0
    assert sorted(summary(session)) == sorted(before)


def test_reconcile_leaves_subjects_past_its_horizon_alone(session, posting, application, clock):
    """A draft whose deadline is older than the horizon has nothing left worth sending: the
    reconcile does not walk it (nor plan rows that could only expire); a recent one is still
    repaired."""
    everything = sa.delete(Reminder).where(Reminder.subject_id == application.id)
    session.execute(everything)
    clock.now = posting.valid_through + reminders.RECONCILE_HORIZON + timedelta(days=1)
    assert reminders.reconcile(session, clock=clock).created == 0
    assert rows(session, kind=K.DEADLINE_DRAFT) == []
    clock.now = posting.valid_through + reminders.RECONCILE_HORIZON - timedelta(days=1)
    assert reminders.reconcile(session, clock=clock).created > 0
    assert len(rows(session, kind=K.DEADLINE_DRAFT)) == 6  # 3 offsets x 2 channels, expired late


def test_closing_a_posting_cancels_the_reminders_of_its_drafts(
    session, posting, application, hr, clock
):
    postings.set_status(session, posting, "closed", actor=hr, clock=clock)
    assert {r.status for r in rows(session, kind=K.DEADLINE_DRAFT)} == {S.CANCELLED}
    assert {r.status for r in rows(session, kind=K.CLOSING_EMPTY)} == {S.CANCELLED}
    # reopening brings them back
    postings.set_status(session, posting, "open", actor=hr, clock=clock)
    assert {r.status for r in rows(session, kind=K.DEADLINE_DRAFT)} == {S.PENDING}


def _soon_notes(session, user):
    """The user's notifications of interview_soon reminders (not the news of the moves)."""
    soon = {r.id for r in rows(session, kind=K.INTERVIEW_SOON)}
    return [n for n in notifications(session, user.id) if n.reminder_id in soon]


def _soon(session, report):
    """The offsets of the interview_soon reminders a dispatcher run sent."""
    return [rows(session, id=s["id"])[0].offset_spec for s in report.sent
            if s["kind"] == "interview_soon"]


def test_a_moved_interview_is_reminded_again_for_its_new_date(
    session, session_factory, posting, candidate, hr, clock
):
    """A reminder row is for one occurrence of its anchor: the day-before reminder of 22 May
    went out, the interview moved to 29 May, so the day before 29 May is reminded too."""
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10), actor=hr, clock=clock)
    session.commit()
    clock.now = utc(2024, 5, 21, 7)  # 09:00 CEST the day before
    assert _soon(session, run(session_factory, clock, mail=False)) == ["-1d@09:00"]
    clock.now = utc(2024, 5, 21, 8)
    interviews.reschedule(session, interview, day=date(2024, 5, 29), at=time(10), actor=hr,
                          clock=clock)
    session.commit()
    in_app = dict(kind=K.INTERVIEW_SOON, channel=ReminderChannel.IN_APP)
    assert [(r.offset_spec, r.anchor_at, r.status.value, r.due_at)
            for r in rows(session, **in_app)] == [
        ("-1d@09:00", utc(2024, 5, 22, 8), "sent", utc(2024, 5, 21, 7)),
        ("-1d@09:00", utc(2024, 5, 29, 8), "pending", utc(2024, 5, 28, 7)),  # planned anew
        ("-2h", utc(2024, 5, 29, 8), "pending", utc(2024, 5, 29, 6)),  # re-timed
    ]
    reminders.reconcile(session, clock=clock)
    assert len(rows(session, **in_app)) == 3
    clock.now = utc(2024, 5, 28, 7)
    assert _soon(session, run(session_factory, clock, mail=False)) == ["-1d@09:00"]
    assert _soon_notes(session, candidate)[-1].title.startswith("Entretien demain")
    clock.now = utc(2024, 5, 29, 6)
    assert _soon(session, run(session_factory, clock, mail=False)) == ["-2h"]
    assert len(_soon_notes(session, candidate)) == 3


def test_an_interview_moved_and_moved_back_keeps_one_row_per_occurrence(
    session, session_factory, posting, candidate, hr, clock
):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10), actor=hr, clock=clock)
    session.commit()
    clock.now = utc(2024, 5, 21, 7)
    run(session_factory, clock, mail=False)
    for day in (date(2024, 5, 29), date(2024, 5, 22)):  # there and back: no duplicate key
        clock.advance(minutes=30)
        interviews.reschedule(session, interview, day=day, at=time(10), actor=hr, clock=clock)
        session.commit()
    in_app = rows(session, kind=K.INTERVIEW_SOON, channel=ReminderChannel.IN_APP)
    assert [(r.offset_spec, r.anchor_at, r.status.value) for r in in_app] == [
        ("-1d@09:00", utc(2024, 5, 22, 8), "sent"),  # this occurrence was told: not resent
        ("-2h", utc(2024, 5, 22, 8), "pending"),
        ("-1d@09:00", utc(2024, 5, 29, 8), "cancelled"),
    ]
    assert _soon(session, run(session_factory, clock, mail=False)) == []
    clock.now = utc(2024, 5, 22, 6)
    assert _soon(session, run(session_factory, clock, mail=False)) == ["-2h"]
    assert len(_soon_notes(session, candidate)) == 2


def test_expired_deadline_reminders_come_back_when_the_deadline_moves(
    session, session_factory, posting, application, candidate, hr, clock
):
    """Nothing ran until 14 May: the reminders of the 13 May deadline expired. The deadline
    moves to 13 June: its reminders are planned for it."""
    clock.now = utc(2024, 5, 14, 7)
    report = run(session_factory, clock, mail=False)
    assert {e["reason"] for e in report.expired if e["kind"] == "deadline_draft"} == {
        "the deadline has passed (13/05/2024 23:59 (Europe/Paris))"}
    postings.update_posting(session, posting, {"valid_through_date": "2024-06-13"}, actor=hr,
                            clock=clock, settings=get_settings())
    session.commit()
    assert summary(session, kind=K.DEADLINE_DRAFT, channel=ReminderChannel.IN_APP) == [
        ("-7d@09:00", "in_app", "pending", utc(2024, 6, 6, 7)),
        ("-2d@09:00", "in_app", "pending", utc(2024, 6, 11, 7)),
        ("0d@09:00", "in_app", "pending", utc(2024, 6, 13, 7)),
    ]
    assert {r.anchor_at for r in rows(session, kind=K.DEADLINE_DRAFT)} == {posting.valid_through}
    for day in (6, 11, 13):
        clock.now = utc(2024, 6, day, 7)
        sent = run(session_factory, clock, mail=False).sent
        assert [s["kind"] for s in sent if s["kind"] == "deadline_draft"] == ["deadline_draft"]
    assert len([n for n in notifications(session, candidate.id)
                if n.title.startswith("Date limite")]) == 3


def test_a_deadline_moved_earlier_expires_the_reminder_whose_time_is_past(
    session, session_factory, posting, application, candidate, hr, clock
):
    """On 5 May the deadline moves from 13 to 10 May: its 7-day reminder (3 May) is past; it is
    expired with the reason, not sent at once as a late one."""
    clock.now = utc(2024, 5, 5, 10)
    postings.update_posting(session, posting, {"valid_through_date": "2024-05-10"}, actor=hr,
                            clock=clock, settings=get_settings())
    session.commit()
    draft = rows(session, kind=K.DEADLINE_DRAFT, channel=ReminderChannel.IN_APP)
    assert [(r.offset_spec, r.status.value, r.reason) for r in draft] == [
        ("-7d@09:00", "expired",
         "planned after its time: due 2024-05-03 07:00Z, planned 2024-05-05 10:00Z"),
        ("-2d@09:00", "pending", None), ("0d@09:00", "pending", None)]
    assert [s for s in run(session_factory, clock, mail=False).sent
            if s["kind"] == "deadline_draft"] == []
