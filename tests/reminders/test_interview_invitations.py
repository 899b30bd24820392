"""An interview moved or cancelled reaches everyone it concerns (issue #14, item 4): the
candidate and each panel member receive an e-mail in their language at the real SMTP server on
loopback, with an .ics of the same UID as the first invitation and the calendar feeds, SEQUENCE
raised on each change, METHOD:CANCEL with STATUS:CANCELLED for a cancellation (RFC 5546); the
feeds show the moved event and the cancelled one with the same UID; reminders follow."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.reminders.conftest import rows, run
from tracker.domain.access import OPERATOR
from tracker.models import Locale, ReminderKind, ReminderStatus
from tracker.services.accounts import users
from tracker.services.exports import calendar
from tracker.services.hiring import applications, interviews
from tracker.services.hiring.interviews import Panelist

PARIS = ZoneInfo("Europe/Paris")
EXPERT = "expert@elsewhere.example"
JURY = "jury@univ-st-etienne.fr"


@pytest.fixture
def slot(session, posting, candidate, hr, clock):
    """Camille's interview on 22 May at 10:00, with an outside expert and a colleague who
    reads English on the panel."""
    users.create_user(session, email=JURY, full_name="Sam Taylor", role="hr", organisation="ujm",
                      locale="en", clock=clock, actor=OPERATOR)
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    interview = interviews.schedule(
        session, posting, application=app, day=date(2024, 5, 22), at=time(10), place="Salle 2",
        panel=[Panelist("Expert extérieur", EXPERT), Panelist("Sam Taylor", JURY)], actor=hr,
        clock=clock)
    session.commit()
    return interview


def received(smtp) -> dict[str, list]:
    """Each recipient's e-mails so far, then forgotten: (message, text, calendar or None)."""
    found: dict[str, list] = {}
    for to, message in zip(smtp.inbox.recipients, smtp.inbox.messages, strict=True):
        text = next(p for p in message.walk() if p.get_content_type() == "text/plain")
        ics = next((p for p in message.walk() if p.get_content_type() == "text/calendar"), None)
        cal = icalendar.Calendar.from_ical(ics.get_payload(decode=True)) if ics else None
        found.setdefault(to[0], []).append((message, text.get_content(), cal, ics))
    smtp.inbox.messages.clear()
    smtp.inbox.recipients.clear()
    return found


def event_of(cal) -> icalendar.Event:
    [event] = cal.walk("VEVENT")
    return event


def test_each_change_reaches_the_candidate_and_the_panel_with_the_same_uid(
        session, session_factory, slot, hr, clock, settings, smtp):
    uid = f"interview-{slot.id}@posting-tracker"
    run(session_factory, clock)
    first = received(smtp)
    assert set(first) == {"camille@example.org", EXPERT, JURY}
    for mails in first.values():  # the candidate's status change comes without one
        [cal] = [cal for _message, _text, cal, _part in mails if cal is not None]
        assert str(cal["METHOD"]) == "REQUEST"
        assert (str(event_of(cal)["UID"]), event_of(cal)["SEQUENCE"]) == (uid, 0)

    interviews.reschedule(session, slot, day=date(2024, 5, 23), at=time(14, 30),
                          duration_minutes=60, place="Salle B", actor=hr, clock=clock)
    session.commit()
    run(session_factory, clock)
    moved = received(smtp)
    assert set(moved) == {"camille@example.org", EXPERT, JURY}
    [(message, text, cal, part)] = moved["camille@example.org"]
    assert message["Subject"] == "Entretien déplacé : Chargé de coopération internationale"
    assert "est déplacé au 23/05/2024 14:30 (Europe/Paris), 60 min." in text
    assert "Lieu : Salle B" in text
    assert part.get_param("method") == "REQUEST" and str(cal["METHOD"]) == "REQUEST"
    event = event_of(cal)
    assert (str(event["UID"]), event["SEQUENCE"], str(event["STATUS"])) == (uid, 1, "CONFIRMED")
    assert event.decoded("DTSTART") == datetime(2024, 5, 23, 14, 30, tzinfo=PARIS)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=60)
    assert str(event["SUMMARY"]) == "Entretien : Chargé de coopération internationale"
    # the outside expert reads it as a panel member, in French; the colleague in English
    [(message, text, cal, _part)] = moved[EXPERT]
    assert message["Subject"] == ("Entretien déplacé : Chargé de coopération internationale "
                                  "(Camille Martin)")
    assert text.startswith("Bonjour Expert extérieur,")
    assert "L’entretien de Camille Martin, dont vous êtes membre du jury," in text
    assert event_of(cal)["SEQUENCE"] == 1
    [(message, text, cal, _part)] = moved[JURY]
    assert message["Subject"] == "Interview moved: Chargé de coopération internationale (Camille Martin)"
    assert message["Content-Language"] == "en"
    assert "The interview of Camille Martin, on whose panel you sit," in text
    assert str(event_of(cal)["SUMMARY"]) == "Interview: Chargé de coopération internationale"

    interviews.cancel(session, slot, reason="Jury indisponible", actor=hr, clock=clock)
    session.commit()
    run(session_factory, clock)
    cancelled = received(smtp)
    assert set(cancelled) == {"camille@example.org", EXPERT, JURY}
    for [(_message, _text, cal, part)] in cancelled.values():
        assert part.get_param("method") == "CANCEL" and str(cal["METHOD"]) == "CANCEL"
        event = event_of(cal)
        assert (str(event["UID"]), event["SEQUENCE"], str(event["STATUS"])) == (
            uid, 2, "CANCELLED")
        assert not event.walk("VALARM")
    [(message, text, _cal, _part)] = cancelled["camille@example.org"]
    assert message["Subject"] == "Entretien annulé : Chargé de coopération internationale"
    assert "prévu le 23/05/2024 14:30 (Europe/Paris) est annulé." in text
    assert "Motif : Jury indisponible" in text
    [(message, text, _cal, _part)] = cancelled[JURY]
    assert "Reason: Jury indisponible" in text and "removes it from your calendar" in text


def test_a_replaced_slot_is_cancelled_for_everyone_in_their_words(
        session, session_factory, slot, posting, hr, clock, settings, smtp):
    run(session_factory, clock)
    received(smtp)
    new = interviews.schedule(session, posting, application=slot.application,
                              day=date(2024, 5, 24), at=time(9), actor=hr, clock=clock,
                              replace=True)
    session.commit()
    run(session_factory, clock)
    mails = received(smtp)["camille@example.org"]
    by_uid = {str(event_of(cal)["UID"]): (message, text, cal) for message, text, cal, _p in mails}
    message, text, cal = by_uid[f"interview-{slot.id}@posting-tracker"]
    assert str(cal["METHOD"]) == "CANCEL"
    assert "Il est remplacé par un nouveau créneau, annoncé à part." in text
    assert "replaced by a new slot" not in text
    message, text, cal = by_uid[f"interview-{new.id}@posting-tracker"]
    assert str(cal["METHOD"]) == "REQUEST" and "est fixé au 24/05/2024 09:00" in text


def test_the_feeds_show_the_moved_and_the_cancelled_event_with_the_same_uid(
        session, slot, candidate, posting, hr, clock):
    uid = f"interview-{slot.id}@posting-tracker"
    interviews.schedule(session, posting, day=date(2024, 5, 21), actor=hr, clock=clock)

    def feed(user):
        cal = icalendar.Calendar.from_ical(calendar.user_calendar(session, user, clock))
        return {str(e["UID"]): e for e in cal.walk("VEVENT")}

    mine = feed(candidate)
    assert [u for u in mine if u.startswith("interview-")] == [uid]  # no posting-wide day
    assert mine[uid]["SEQUENCE"] == 0
    interviews.reschedule(session, slot, day=date(2024, 5, 23), at=time(14, 30), actor=hr,
                          clock=clock)
    mine, staff = feed(candidate), feed(hr)
    for events in (mine, staff):  # the SEQUENCE of the e-mailed invitation, in either feed
        assert events[uid]["SEQUENCE"] == 1
        assert events[uid].decoded("DTSTART") == datetime(2024, 5, 23, 14, 30, tzinfo=PARIS)
    assert str(staff[uid]["SUMMARY"]).startswith("Entretien avec Camille Martin : ")
    hr.locale = Locale.EN
    assert str(feed(hr)[uid]["SUMMARY"]).startswith("Interview with Camille Martin: ")
    interviews.cancel(session, slot, actor=hr, clock=clock)
    mine = feed(candidate)
    assert str(mine[uid]["STATUS"]) == "CANCELLED" and mine[uid]["SEQUENCE"] == 2
    # with no slot of her own left, the posting's day is hers again
    assert len([u for u in mine if u.startswith("interview-")]) == 2


def test_reminders_follow_the_move_and_are_withdrawn_on_cancel(session, slot, hr, clock):
    def pending():
        return sorted({r.due_at.astimezone(UTC) for r in rows(
            session, kind=ReminderKind.INTERVIEW_SOON, subject_id=slot.id,
            recipient_email="camille@example.org", status=ReminderStatus.PENDING)})

    # the day before at 09:00 and 2 hours before, in Camille's zone
    assert pending() == [datetime(2024, 5, 21, 7, tzinfo=UTC), datetime(2024, 5, 22, 6, tzinfo=UTC)]
    interviews.reschedule(session, slot, day=date(2024, 5, 23), at=time(14, 30), actor=hr,
                          clock=clock)
    session.commit()
    assert pending() == [datetime(2024, 5, 22, 7, tzinfo=UTC),
                         datetime(2024, 5, 23, 10, 30, tzinfo=UTC)]
    panel = rows(session, kind=ReminderKind.INTERVIEW_SOON, subject_id=slot.id,
                 recipient_email=EXPERT, status=ReminderStatus.PENDING)
    assert {r.due_at.astimezone(UTC) for r in panel} == {
        datetime(2024, 5, 22, 7, tzinfo=UTC), datetime(2024, 5, 23, 10, 30, tzinfo=UTC)}
    interviews.cancel(session, slot, actor=hr, clock=clock)
    session.commit()
    assert pending() == []
    left = rows(session, kind=ReminderKind.INTERVIEW_SOON, subject_id=slot.id)
    assert left and {r.status for r in left} == {ReminderStatus.CANCELLED}
