from datetime import UTC, date, datetime, time

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, InvalidTransition, PermissionDenied
from tracker.i18n import label
from tracker.models import ApplicationStatus, AuditLog, Interview, InterviewStatus, PanelMember
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, interviews, postings
from tracker.services.hiring.interviews import Panelist


def submitted(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    return applications.move(session, app, "submitted", actor=candidate, clock=clock)


def count(session, model):
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def test_posting_wide_date_without_time_starts_at_local_midnight(session, posting, hr, clock):
    interview = interviews.schedule(session, posting, day=date(2024, 5, 22), actor=hr,
                                    clock=clock)
    assert interview.application is None
    assert (interview.start_date, interview.start_time, interview.timezone) == (
        date(2024, 5, 22), None, "Europe/Paris")
    assert interview.starts_at == datetime(2024, 5, 21, 22, 0, tzinfo=UTC)  # 00:00 CEST
    assert interview.status is InterviewStatus.SCHEDULED
    assert interview.duration_minutes == 45
    session.expire_all()
    assert [i.id for i in posting.interviews] == [interview.id]


@pytest.mark.parametrize(
    ("now", "day", "allowed"),
    [
        # 22:00 in Paris: today's local midnight has passed, but the day is still today
        (datetime(2024, 4, 15, 20, 0, tzinfo=UTC), date(2024, 4, 15), True),
        # 00:30 on the 16th in Paris though still the 15th in UTC: the 15th is past
        (datetime(2024, 4, 15, 22, 30, tzinfo=UTC), date(2024, 4, 15), False),
        (datetime(2024, 4, 15, 22, 30, tzinfo=UTC), date(2024, 4, 16), True),
        (datetime(2024, 4, 15, 8, 0, tzinfo=UTC), date(2024, 4, 14), False),
    ],
)
def test_date_without_time_is_past_only_once_the_day_is_over_in_the_zone(
    session, posting, hr, clock, now, day, allowed
):
    clock.now = now
    if allowed:
        interview = interviews.schedule(session, posting, day=day, actor=hr, clock=clock)
        assert interview.start_date == day
        return
    with pytest.raises(DomainError, match="the interview would start in the past") as caught:
        interviews.schedule(session, posting, day=day, actor=hr, clock=clock)
    assert caught.value.field == "at"
    assert count(session, Interview) == 0


def test_slot_for_an_application_moves_it_to_interview(session, posting, candidate, hr, clock):
    app = submitted(session, posting, candidate, clock)
    clock.advance(days=1)
    interview = interviews.schedule(
        session, posting, application=app, day=date(2024, 5, 22), at=time(10, 0),
        duration_minutes=30, place="Salle 2", actor=hr, clock=clock,
    )
    assert interview.application_id == app.id
    assert interview.starts_at == datetime(2024, 5, 22, 8, 0, tzinfo=UTC)
    assert app.status is ApplicationStatus.INTERVIEW
    last = app.history[-1]
    assert (last.from_status, last.to_status, last.changed_by_id, last.changed_at) == (
        ApplicationStatus.SUBMITTED, ApplicationStatus.INTERVIEW, hr.id, clock.now)
    assert last.comment == "interview on 2024-05-22 10:00 (Europe/Paris)"

    # a second slot is refused while the first is to come (move that one instead), and
    # replaces it when asked: the first is cancelled, the status and history stay
    with pytest.raises(interviews.ScheduledAlready) as caught:
        interviews.schedule(session, posting, application=app, day=date(2024, 5, 23),
                            at=time(14, 0), actor=hr, clock=clock)
    assert (caught.value.field, caught.value.interview) == ("application", interview)
    assert count(session, Interview) == 1
    second = interviews.schedule(session, posting, application=app, day=date(2024, 5, 23),
                                 at=time(14, 0), actor=hr, clock=clock, replace=True)
    assert interview.status is InterviewStatus.CANCELLED
    assert interview.outcome == interviews.REPLACED
    assert interviews.current_interviews(session, app, clock=clock) == [second]
    assert app.status is ApplicationStatus.INTERVIEW and len(app.history) == 3

    # once it took place, a new slot is a second round, not a replacement
    clock.now = datetime(2024, 5, 24, 8, 0, tzinfo=UTC)
    third = interviews.schedule(session, posting, application=app, day=date(2024, 6, 3),
                                at=time(9, 0), actor=hr, clock=clock)
    assert second.status is InterviewStatus.SCHEDULED and third.application_id == app.id


def test_slot_without_time_comment(session, posting, candidate, hr, clock):
    app = submitted(session, posting, candidate, clock)
    applications.move(session, app, "under_review", actor=hr, clock=clock)
    interviews.schedule(session, posting, application=app, day=date(2024, 5, 22), actor=hr,
                        clock=clock)
    assert app.status is ApplicationStatus.INTERVIEW
    assert app.history[-1].from_status is ApplicationStatus.UNDER_REVIEW
    assert app.history[-1].comment == "interview on 2024-05-22 (Europe/Paris)"


@pytest.mark.parametrize("field", ["at", "interviews[0]", "--at"])
def test_refused_in_the_past_naming_the_field(session, posting, hr, clock, field):
    clock.now = datetime(2024, 5, 22, 8, 30, tzinfo=UTC)  # 10:30 in Paris
    with pytest.raises(DomainError) as caught:
        interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(10, 0), actor=hr,
                            clock=clock, field=field)
    assert caught.value.field == field
    assert "would start in the past (2024-05-22 10:00)" in caught.value.message
    # the same day, later, is fine
    later = interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(11, 0),
                                actor=hr, clock=clock)
    assert later.starts_at == datetime(2024, 5, 22, 9, 0, tzinfo=UTC)
    assert count(session, Interview) == 1


def test_refused_for_an_application_of_another_posting(session, posting, candidate, hr, clock):
    other = postings.create_posting(session, {**POSTING, "reference": "UJM-TEST-2"}, actor=hr,
                                    clock=clock, settings=get_settings())
    postings.set_status(session, other, "open", actor=hr, clock=clock)
    app = submitted(session, other, candidate, clock)
    with pytest.raises(DomainError, match="the application is for another posting") as caught:
        interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                            at=time(10, 0), actor=hr, clock=clock)
    assert caught.value.field == "application"
    assert app.status is ApplicationStatus.SUBMITTED
    assert count(session, Interview) == 0


@pytest.mark.parametrize("status", ["draft", "withdrawn", "offer", "hired", "rejected"])
def test_refused_for_an_application_not_in_the_running(session, posting, candidate, hr, clock,
                                                        status):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    path = {
        "draft": [], "withdrawn": ["withdrawn"],
        "offer": ["submitted", "under_review", "offer"],
        "hired": ["submitted", "under_review", "offer", "hired"],
        "rejected": ["submitted", "rejected"],
    }[status]
    for step in path:
        applications.move(session, app, step, actor=hr, clock=clock)
    with pytest.raises(InvalidTransition,
                       match=f"a {label(ApplicationStatus(status))} application cannot get an "
                             "interview") as caught:
        interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                            at=time(10, 0), actor=hr, clock=clock)
    assert caught.value.field == "application"
    assert app.status == status
    assert count(session, Interview) == 0


def test_only_the_employer_schedules(session, posting, candidate, clock):
    organisations.create_organisation(session, slug="other", name="Other", clock=clock, actor=OPERATOR)
    stranger = users.create_user(session, email="rh@other.example", full_name="R H", role="hr",
                                 organisation="other", clock=clock, actor=OPERATOR)
    for actor in (stranger, candidate):
        with pytest.raises(PermissionDenied, match="you may not schedule interviews"):
            interviews.schedule(session, posting, day=date(2024, 5, 22), actor=actor,
                                clock=clock)
    # the operator (no actor) may
    assert interviews.schedule(session, posting, day=date(2024, 5, 22), clock=clock, actor=OPERATOR).id


def test_wall_clock_time_in_the_dst_gap_is_refused(session, posting, hr, clock):
    clock.now = datetime(2024, 3, 1, tzinfo=UTC)
    with pytest.raises(DomainError,
                       match="2024-03-31 02:30 does not exist in Europe/Paris") as caught:
        interviews.schedule(session, posting, day=date(2024, 3, 31), at=time(2, 30), actor=hr,
                            clock=clock)
    assert caught.value.field == "at"
    # just before and just after the gap exist
    before = interviews.schedule(session, posting, day=date(2024, 3, 31), at=time(1, 59),
                                 actor=hr, clock=clock)
    after = interviews.schedule(session, posting, day=date(2024, 3, 31), at=time(3, 0),
                                actor=hr, clock=clock)
    assert before.starts_at == datetime(2024, 3, 31, 0, 59, tzinfo=UTC)  # CET, UTC+1
    assert after.starts_at == datetime(2024, 3, 31, 1, 0, tzinfo=UTC)  # CEST, UTC+2


def test_repeated_hour_when_clocks_go_back_is_its_first_occurrence(session, posting, hr, clock):
    interview = interviews.schedule(session, posting, day=date(2024, 10, 27), at=time(2, 30),
                                    actor=hr, clock=clock)
    assert interview.starts_at == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)  # 02:30 CEST


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2024, 3, 29), 9),  # CET, UTC+1
        (date(2024, 4, 2), 8),  # CEST, UTC+2 (clocks went forward on 31 March)
        (date(2024, 10, 25), 8),  # CEST
        (date(2024, 10, 28), 9),  # CET again (clocks went back on 27 October)
    ],
)
def test_local_time_across_daylight_saving_changes(session, posting, hr, clock, day, utc_hour):
    clock.now = datetime(2024, 3, 1, tzinfo=UTC)
    interview = interviews.schedule(session, posting, day=day, at=time(10, 0), actor=hr,
                                    clock=clock)
    session.expire_all()
    interview = session.get(Interview, interview.id)
    assert interview.starts_at == datetime(day.year, day.month, day.day, utc_hour, 0, tzinfo=UTC)
    assert (interview.start_date, interview.start_time) == (day, time(10, 0))


def test_zone_other_than_the_postings(session, posting, hr, clock):
    interview = interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(10, 0),
                                    timezone="America/Montreal", actor=hr, clock=clock)
    assert interview.timezone == "America/Montreal"
    assert interview.starts_at == datetime(2024, 5, 22, 14, 0, tzinfo=UTC)  # EDT, UTC-4
    with pytest.raises(DomainError, match="unknown IANA time zone 'Europe/Pariss'") as caught:
        interviews.schedule(session, posting, day=date(2024, 5, 22), timezone="Europe/Pariss",
                            actor=hr, clock=clock)
    assert caught.value.field == "timezone"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 1441}, "duration_minutes"),
        ({"video_url": "meet.example.org/abc"}, "video_url"),
    ],
)
def test_other_rules_name_the_field(session, posting, hr, clock, changes, field):
    with pytest.raises(DomainError) as caught:
        interviews.schedule(session, posting, day=date(2024, 5, 22), actor=hr, clock=clock,
                            **changes)
    assert caught.value.field == field
    assert count(session, Interview) == 0


def test_reschedule(session, posting, candidate, hr, clock):
    app = submitted(session, posting, candidate, clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10, 0), actor=hr, clock=clock)
    clock.advance(days=2)
    interviews.reschedule(session, interview, day=date(2024, 5, 24), at=time(14, 30), actor=hr,
                          clock=clock)
    session.expire_all()
    interview = session.get(Interview, interview.id)
    assert (interview.start_date, interview.start_time, interview.timezone) == (
        date(2024, 5, 24), time(14, 30), "Europe/Paris")
    assert interview.starts_at == datetime(2024, 5, 24, 12, 30, tzinfo=UTC)
    assert interview.updated_at == clock.now
    audit = session.scalars(
        sa.select(AuditLog).where(AuditLog.action == "interview.reschedule")).one()
    assert audit.details == {"from": "2024-05-22 08:00:00+00:00",
                             "to": "2024-05-24 12:30:00+00:00"}

    # to a date alone, in another zone
    interviews.reschedule(session, interview, day=date(2024, 5, 27), timezone="Europe/London",
                          actor=hr, clock=clock)
    assert interview.starts_at == datetime(2024, 5, 26, 23, 0, tzinfo=UTC)
    assert interview.start_time is None


def test_reschedule_refusals(session, posting, candidate, hr, clock):
    interview = interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(10, 0),
                                    actor=hr, clock=clock)
    with pytest.raises(DomainError, match="would start in the past") as caught:
        interviews.reschedule(session, interview, day=date(2024, 4, 15), at=time(9, 0),
                              actor=hr, clock=clock)
    assert caught.value.field == "at"
    with pytest.raises(DomainError, match="does not exist"):
        interviews.reschedule(session, interview, day=date(2025, 3, 30), at=time(2, 15),
                              actor=hr, clock=clock)
    with pytest.raises(PermissionDenied):
        interviews.reschedule(session, interview, day=date(2024, 5, 23), actor=candidate,
                              clock=clock)
    session.expire_all()
    assert session.get(Interview, interview.id).starts_at == datetime(2024, 5, 22, 8, 0,
                                                                      tzinfo=UTC)


def test_cancel(session, posting, candidate, hr, clock):
    interview = interviews.schedule(session, posting, day=date(2024, 5, 22), actor=hr,
                                    clock=clock)
    with pytest.raises(PermissionDenied, match="you may not cancel"):
        interviews.cancel(session, interview, actor=candidate, clock=clock)
    clock.advance(hours=3)
    interviews.cancel(session, interview, actor=hr, reason="Jury indisponible", clock=clock)
    session.expire_all()
    interview = session.get(Interview, interview.id)
    assert interview.status is InterviewStatus.CANCELLED
    assert interview.outcome == "Jury indisponible" and interview.updated_at == clock.now
    with pytest.raises(InvalidTransition, match="a cancelled interview cannot be cancelled"):
        interviews.cancel(session, interview, actor=hr, clock=clock)
    with pytest.raises(InvalidTransition, match="a cancelled interview cannot move"):
        interviews.reschedule(session, interview, day=date(2024, 5, 23), actor=hr, clock=clock)
    actions = session.scalars(
        sa.select(AuditLog.action).where(AuditLog.entity_type == "interview")
        .order_by(AuditLog.id)).all()
    assert actions == ["interview.schedule", "interview.cancel"]


def test_panel_members_by_name_and_email(session, posting, hr, clock):
    interview = interviews.schedule(
        session, posting, day=date(2024, 5, 22), at=time(10, 0), actor=hr, clock=clock,
        panel=[
            Panelist("Directrice RI", " Directrice.RI@Univ-St-Etienne.fr "),
            Panelist("", "RH@univ-st-etienne.fr"),  # a user of the tracker: their name
            Panelist("", "outside@example.org"),  # an outsider without a name: the address
        ],
    )
    session.expire_all()
    panel = session.scalars(
        sa.select(PanelMember).where(PanelMember.interview_id == interview.id)
        .order_by(PanelMember.id)).all()
    assert [(m.name, m.email, m.user_id) for m in panel] == [
        ("Directrice RI", "directrice.ri@univ-st-etienne.fr", None),
        ("Claire Dubois", "rh@univ-st-etienne.fr", hr.id),
        ("outside@example.org", "outside@example.org", None),
    ]


@pytest.mark.parametrize(
    ("panel", "field", "words"),
    [
        ([Panelist("A", "a@example.org"), Panelist("B", "A@Example.org")], "panel[1].email",
         "a@example.org is on the panel twice"),
        ([Panelist("A", "a@example.org"), Panelist("B", "not-an-address")], "panel[1].email",
         "is not a valid e-mail address"),
    ],
)
def test_panel_refusals(session, posting, hr, clock, panel, field, words):
    with pytest.raises(DomainError, match=words) as caught:
        interviews.schedule(session, posting, day=date(2024, 5, 22), actor=hr, clock=clock,
                            panel=panel)
    assert caught.value.field == field
    assert count(session, Interview) == count(session, PanelMember) == 0


def test_interviews_given_with_a_posting(session, hr, clock):
    created = postings.create_posting(
        session, {**POSTING, "interviews": [{"date": "22/05/2024"},
                                            {"date": "2024-05-23", "time": "14h30"}]},
        actor=hr, clock=clock, settings=get_settings())
    assert [(i.start_date, i.start_time, i.starts_at) for i in created.interviews] == [
        (date(2024, 5, 22), None, datetime(2024, 5, 21, 22, 0, tzinfo=UTC)),
        (date(2024, 5, 23), time(14, 30), datetime(2024, 5, 23, 12, 30, tzinfo=UTC)),
    ]
    with pytest.raises(DomainError, match="would start in the past") as caught:
        postings.create_posting(
            session, {**POSTING, "reference": "PAST", "interviews": [
                {"date": "2024-05-22"}, {"date": "2024-04-01"}]}, actor=hr, clock=clock, settings=get_settings())
    assert caught.value.field == "interviews[1]"


def test_every_problem_of_a_request_is_reported_at_once(session, posting, hr, clock):
    from tracker.domain.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as caught:
        interviews.schedule(session, posting, day=date(2024, 4, 1), at=time(10, 0),
                            duration_minutes=0, video_url="ftp://x",
                            panel=[Panelist("Bob", "not-an-email"), Panelist("A", "a@example.org"),
                                   Panelist("B", "A@example.org")], actor=hr, clock=clock)
    assert [e.field for e in caught.value.errors] == [
        "duration_minutes", "video_url", "at", "panel[0].email", "panel[2].email"]
    assert interviews.schedule_problems(posting, day=None, clock=clock)[0].field == "day"
    assert count(session, Interview) == 0
