"""Offsets land on the recipient's local wall-clock time, on both sides of a DST change."""

from datetime import UTC, date, datetime, time

import pytest

from tests.conftest import POSTING
from tests.reminders.conftest import rows
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.models import ReminderChannel, ReminderKind
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, interviews, postings
from tracker.services.hiring.interviews import Panelist
from tracker.services.reminders import settings as reminder_settings
from tracker.services.reminders.rules import parse_offset


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def draft_for(session, hr, candidate, clock, deadline, org="ujm", reference="UJM-DST-1"):
    data = dict(POSTING, reference=reference, organisation=org, valid_through_date=deadline,
                date_posted=None, job_start_date=None)
    posting = postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())
    postings.set_status(session, posting, "open", actor=hr, clock=clock)
    return posting, applications.start(session, posting, candidate, actor=candidate, clock=clock)


def due_times(session, kind, subject_id, recipient_user_id, channel=ReminderChannel.IN_APP):
    return {r.offset_spec: r.due_at for r in rows(session, kind=kind, subject_id=subject_id,
                                                   recipient_user_id=recipient_user_id,
                                                   channel=channel)}


def test_deadline_reminders_across_the_spring_change_in_paris(session, hr, candidate, clock):
    clock.now = utc(2024, 3, 1, 9)
    _, app = draft_for(session, hr, candidate, clock, "2024-04-03")
    assert due_times(session, ReminderKind.DEADLINE_DRAFT, app.id, candidate.id) == {
        "-7d@09:00": utc(2024, 3, 27, 8),  # 09:00 CET (UTC+1), before 31 March
        "-2d@09:00": utc(2024, 4, 1, 7),  # 09:00 CEST (UTC+2), after
        "0d@09:00": utc(2024, 4, 3, 7),
    }


def test_deadline_reminders_across_the_autumn_change_in_paris(session, hr, candidate, clock):
    clock.now = utc(2024, 10, 1, 9)
    _, app = draft_for(session, hr, candidate, clock, "2024-10-30")
    assert due_times(session, ReminderKind.DEADLINE_DRAFT, app.id, candidate.id) == {
        "-7d@09:00": utc(2024, 10, 23, 7),  # 09:00 CEST, before 27 October
        "-2d@09:00": utc(2024, 10, 28, 8),  # 09:00 CET, after
        "0d@09:00": utc(2024, 10, 30, 8),
    }
    # the e-mail rows are computed the same way
    assert due_times(session, ReminderKind.DEADLINE_DRAFT, app.id, candidate.id,
                     ReminderChannel.EMAIL)["-2d@09:00"] == utc(2024, 10, 28, 8)


def test_interview_reminders_on_the_night_clocks_go_forward(session, posting, hr, candidate, clock):
    clock.now = utc(2024, 3, 1, 9)
    app = applications.move(session, applications.start(session, posting, candidate,
                                                         clock=clock, actor=OPERATOR),
                            "submitted", actor=candidate, clock=clock)
    # Sunday 31 March 2024, 10:00 CEST: clocks went from 02:00 to 03:00 that night
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 3, 31),
                                    at=time(10), actor=hr, clock=clock,
                                    panel=[Panelist("Claire Dubois", hr.email),
                                           Panelist("Outside Expert", "expert@elsewhere.example")])
    assert interview.starts_at == utc(2024, 3, 31, 8)
    expected = {"-1d@09:00": utc(2024, 3, 30, 8),  # Saturday 09:00 CET
                "-2h": utc(2024, 3, 31, 6)}  # two hours before: 08:00 CEST
    assert due_times(session, ReminderKind.INTERVIEW_SOON, interview.id, candidate.id) == expected
    assert due_times(session, ReminderKind.INTERVIEW_SOON, interview.id, hr.id) == expected
    outside = rows(session, kind=ReminderKind.INTERVIEW_SOON, recipient_email="expert@elsewhere.example")
    assert {(r.channel, r.offset_spec) for r in outside} == {
        (ReminderChannel.EMAIL, "-1d@09:00"), (ReminderChannel.EMAIL, "-2h")}  # no inbox


def test_interview_on_the_night_clocks_go_back(session, posting, hr, candidate, clock):
    app = applications.move(session, applications.start(session, posting, candidate,
                                                         clock=clock, actor=OPERATOR),
                            "submitted", actor=candidate, clock=clock)
    clock.now = utc(2024, 10, 1, 9)
    # Sunday 27 October 2024, 09:30 CET; the day before is still CEST
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 10, 27),
                                    at=time(9, 30), actor=hr, clock=clock)
    assert due_times(session, ReminderKind.INTERVIEW_SOON, interview.id, candidate.id) == {
        "-1d@09:00": utc(2024, 10, 26, 7),  # Saturday 09:00 CEST
        "-2h": utc(2024, 10, 27, 6, 30),  # 07:30 CET
    }


def test_organisation_in_another_zone_and_a_candidate_in_paris(session, clock):
    clock.now = utc(2024, 2, 20, 12)
    organisations.create_organisation(session, slug="uqam", name="UQAM",
                                      timezone="America/Montreal", clock=clock, actor=OPERATOR)
    hr = users.create_user(session, email="rh@uqam.example", full_name="Marie Tremblay",
                           role="hr", organisation="uqam", clock=clock, actor=OPERATOR)
    local = users.create_user(session, email="local@example.org", full_name="Alex Roy",
                              role="candidate", clock=clock, actor=OPERATOR)
    parisian = users.create_user(session, email="paris@example.org", full_name="Léa Petit",
                                 role="candidate", timezone="Europe/Paris", clock=clock, actor=OPERATOR)
    # Montreal moves to summer time on 10 March 2024; the deadline is 12 March, 23:59:59 EDT
    posting, app_local = draft_for(session, hr, local, clock, "2024-03-12", org="uqam",
                                   reference="UQAM-1")
    assert posting.timezone == "America/Montreal"
    assert posting.valid_through == utc(2024, 3, 13, 3, 59, 59)
    app_paris = applications.start(session, posting, parisian, actor=parisian, clock=clock)
    assert due_times(session, ReminderKind.DEADLINE_DRAFT, app_local.id, local.id) == {
        "-7d@09:00": utc(2024, 3, 5, 14),  # 09:00 EST (UTC-5)
        "-2d@09:00": utc(2024, 3, 10, 13),  # 09:00 EDT (UTC-4), the day clocks change
        "0d@09:00": utc(2024, 3, 12, 13),
    }
    # For her the deadline falls on 13 March at 04:59 in Paris: its morning is after it, so
    # there is no "morning of the deadline" reminder; the others are at 09:00 Paris time.
    assert due_times(session, ReminderKind.DEADLINE_DRAFT, app_paris.id, parisian.id) == {
        "-7d@09:00": utc(2024, 3, 6, 8),
        "-2d@09:00": utc(2024, 3, 11, 8),
    }
    # hr of the organisation: 3 days before with no application, at 09:00 Montreal time
    assert due_times(session, ReminderKind.CLOSING_EMPTY, posting.id, hr.id) == {
        "-3d@09:00": utc(2024, 3, 9, 14)}
    assert due_times(session, ReminderKind.REVIEW_WAITING, posting.id, hr.id) == {
        "+1d@09:00": utc(2024, 3, 13, 13)}


def test_organisation_offsets_and_user_switches(session, ujm, hr, candidate, posting, clock):
    reminder_settings.set_offsets(session, ujm, "deadline_draft", ["-10d@08:30", "-1d"], clock=clock)
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    assert due_times(session, ReminderKind.DEADLINE_DRAFT, app.id, candidate.id) == {
        "-10d@08:30": utc(2024, 5, 3, 6, 30),
        "-1d": utc(2024, 5, 12, 21, 59, 59),  # the same local time, the day before
    }
    reminder_settings.set_switch(session, candidate, kind="deadline_draft", channel="email",
                         enabled=False, clock=clock)
    pending = rows(session, kind=ReminderKind.DEADLINE_DRAFT, subject_id=app.id,
                   status="pending")
    assert {r.channel for r in pending} == {ReminderChannel.IN_APP}
    cancelled = rows(session, kind=ReminderKind.DEADLINE_DRAFT, subject_id=app.id,
                     status="cancelled")
    assert {r.channel for r in cancelled} == {ReminderChannel.EMAIL}
    reminder_settings.set_offsets(session, ujm, "deadline_draft", None, clock=clock)  # the defaults
    assert set(due_times(session, ReminderKind.DEADLINE_DRAFT, app.id, candidate.id)) >= {
        "-7d@09:00", "-2d@09:00", "0d@09:00"}


@pytest.mark.parametrize("spec", ["7", "-7x", "-2h@09:00", "-7d@25:00", "soon", ""])
def test_bad_offsets_name_the_field(session, ujm, spec):
    with pytest.raises(DomainError) as caught:
        reminder_settings.set_offsets(session, ujm, "deadline_draft", [spec])
    assert caught.value.field == "offsets"
    assert repr(spec) in caught.value.message or "at least one" in caught.value.message


def test_offset_parsing():
    assert parse_offset("-7d@09:00").days == -7
    assert parse_offset("+21d@09:00").days == 21
    assert parse_offset("-2h").hours == -2
