"""The calendar export: who sees what, valid RFC 5545 read back by two independent parsers
(icalendar and vobject) with the right instants, stable UIDs, SEQUENCE raised on change,
VTIMEZONE and VALARM; the secret feed token."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
import vobject

from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Locale
from tracker.services.accounts import users
from tracker.services.exports import calendar
from tracker.services.hiring import applications, interviews, postings


@pytest.fixture
def interview(session, posting, application, candidate, hr, clock):
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    return interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(10, 0),
                               duration_minutes=45, place="Salle 2", application=application,
                               actor=hr, clock=clock)


def _events(data: bytes) -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def test_candidate_sees_the_deadline_and_their_interview(session, candidate, interview,
                                                           posting, clock):
    data = calendar.user_calendar(session, candidate, clock)
    events = _events(data)
    deadline = events[f"posting-{posting.id}-deadline@posting-tracker"]
    meeting = events[f"interview-{interview.id}@posting-tracker"]
    # A deadline without a time is the whole local day; the interview at its local time.
    assert deadline.decoded("DTSTART") == date(2024, 5, 13)
    start = meeting.decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2024, 5, 22, 8, 0, tzinfo=UTC)
    assert meeting["DTSTART"].params["TZID"] == "Europe/Paris"
    assert meeting.decoded("DTEND") - start == timedelta(minutes=45)
    assert meeting["LOCATION"] == "Salle 2"
    for event in (deadline, meeting):
        assert event.decoded("DTSTAMP") == clock()
        assert event["SEQUENCE"] == 0
        [alarm] = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY" and alarm.decoded("TRIGGER") < timedelta(0)
    zones = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Paris"]


def test_a_second_parser_reads_the_same_instants(session, candidate, interview, clock):
    text = calendar.user_calendar(session, candidate, clock).decode()
    parsed = vobject.readOne(text)
    starts = {e.uid.value: e.dtstart.value for e in parsed.vevent_list}
    assert starts[f"interview-{interview.id}@posting-tracker"].astimezone(UTC) == datetime(
        2024, 5, 22, 8, 0, tzinfo=UTC)
    assert date(2024, 5, 13) in starts.values()
    assert all(e.sequence.value == "0" for e in parsed.vevent_list)
    assert all(len(e.valarm_list) == 1 for e in parsed.vevent_list)


def test_a_deadline_with_a_time_is_at_that_local_time(session, candidate, posting, hr,
                                                        application, clock):
    postings.update_posting(session, posting, {"valid_through_time": "12:00"}, actor=hr,
                            clock=clock, settings=get_settings())
    event = _events(calendar.user_calendar(session, candidate, clock))[
        f"posting-{posting.id}-deadline@posting-tracker"]
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2024, 5, 13, 10, 0, tzinfo=UTC)


def test_sequence_is_raised_when_an_event_changes_and_uids_stay(session, candidate, interview,
                                                                 hr, clock):
    uid = f"interview-{interview.id}@posting-tracker"
    assert _events(calendar.user_calendar(session, candidate, clock))[uid]["SEQUENCE"] == 0
    clock.advance(hours=1)
    assert _events(calendar.user_calendar(session, candidate, clock))[uid]["SEQUENCE"] == 0
    interviews.reschedule(session, interview, day=date(2024, 5, 23), at=time(14, 0), actor=hr,
                          clock=clock)
    clock.advance(hours=1)
    event = _events(calendar.user_calendar(session, candidate, clock))[uid]
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2024, 5, 23, 12, 0, tzinfo=UTC)
    interviews.cancel(session, interview, actor=hr, clock=clock)
    event = _events(calendar.user_calendar(session, candidate, clock))[uid]
    assert (event["SEQUENCE"], event["STATUS"]) == (2, "CANCELLED")
    assert event.walk("VALARM") == []


def test_exports_for_two_viewers_in_turn_leave_the_sequence_alone(session, candidate, hr,
                                                                   interview, posting, clock):
    # HR read "Interview with Camille Martin: ...", Camille "Interview: ...": one event.
    uids = [f"interview-{interview.id}@posting-tracker",
            f"posting-{posting.id}-deadline@posting-tracker"]
    for viewer in (hr, candidate, hr, candidate):
        clock.advance(minutes=5)
        events = _events(calendar.user_calendar(session, viewer, clock))
        assert [events[uid]["SEQUENCE"] for uid in uids] == [0, 0], viewer.email
    interviews.reschedule(session, interview, day=date(2024, 5, 23), at=time(14, 0), actor=hr,
                          clock=clock)
    for viewer in (hr, candidate, hr):  # a real change: raised once, the same for both
        assert _events(calendar.user_calendar(session, viewer, clock))[uids[0]][
            "SEQUENCE"] == 1


def test_deadlines_leave_the_time_free_and_interviews_take_it(session, candidate, interview,
                                                              posting, hr, clock):
    uid = f"posting-{posting.id}-deadline@posting-tracker"
    events = _events(calendar.user_calendar(session, candidate, clock))
    assert events[uid].decoded("DTSTART") == date(2024, 5, 13)  # all day
    assert events[uid]["TRANSP"] == "TRANSPARENT"
    assert events[f"interview-{interview.id}@posting-tracker"]["TRANSP"] == "OPAQUE"
    postings.update_posting(session, posting, {"valid_through_time": "12:00"}, actor=hr,
                            clock=clock, settings=get_settings())
    assert _events(calendar.user_calendar(session, candidate, clock))[uid][
        "TRANSP"] == "TRANSPARENT"


def test_who_sees_what(session, posting, candidate, interview, hr, clock):
    other = users.create_user(session, email="other@example.org", full_name="Other",
                              role="candidate", clock=clock, actor=OPERATOR)
    assert _events(calendar.user_calendar(session, other, clock)) == {}
    # HR of the organisation sees its postings' deadlines and every interview, with names, in
    # their language (French here, English for an English reader).
    events = _events(calendar.user_calendar(session, hr, clock))
    assert str(events[f"interview-{interview.id}@posting-tracker"]["SUMMARY"]).startswith(
        "Entretien avec Camille Martin : ")
    assert str(events[f"posting-{posting.id}-deadline@posting-tracker"]["SUMMARY"]).startswith(
        "Date limite : ")
    hr.locale = Locale.EN
    events = _events(calendar.user_calendar(session, hr, clock))
    assert str(events[f"interview-{interview.id}@posting-tracker"]["SUMMARY"]).startswith(
        "Interview with Camille Martin: ")
    # Another candidate applying sees the deadline but not Camille's interview.
    applications.start(session, posting, other, actor=other, clock=clock)
    assert set(_events(calendar.user_calendar(session, other, clock))) == {
        f"posting-{posting.id}-deadline@posting-tracker"}


def test_feed_token_is_stable_until_revoked(session, candidate, interview, clock):
    token = calendar.feed_token(session, candidate, clock)
    assert len(token) >= 40
    assert calendar.feed_token(session, candidate, clock) == token
    feed = calendar.calendar_for_token(session, token, clock)
    assert feed is not None and b"BEGIN:VCALENDAR" in feed
    assert calendar.calendar_for_token(session, token + "x", clock) is None
    calendar.revoke_feed_token(session, candidate, clock)
    assert calendar.calendar_for_token(session, token, clock) is None
    fresh = calendar.feed_token(session, candidate, clock)
    assert fresh != token
    assert calendar.calendar_for_token(session, fresh, clock) is not None


def test_cli_writes_the_calendar_to_a_file(cli, candidate, interview, tmp_path):
    target = tmp_path / "cal.ics"
    result = cli(["export", "ics", "--user", candidate.email, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"written to {target}" in result.output
    assert len(list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))) == 2
    result = cli(["export", "ics", "--user", "nobody@example.org"])
    assert result.exit_code == 1 and "--user" in result.stderr


@pytest.mark.parametrize("zone", ["Europe/Paris", "Europe/London", "America/New_York",
                                  "Australia/Sydney", "Asia/Tokyo", "Etc/GMT+5"])
def test_zones_read_back_by_both_parsers_at_every_season(zone):
    from zoneinfo import ZoneInfo

    from tracker.exporters.ics import CalendarEntry, build_calendar

    tz = ZoneInfo(zone)
    starts = [datetime(2025, month, 15, 9, 30, tzinfo=tz) for month in range(1, 13)]
    entries = [CalendarEntry(uid=f"e{i}@test", summary="x", start=s, end=None)
               for i, s in enumerate(starts)]
    data = build_calendar(entries, {}, datetime(2025, 1, 1, tzinfo=UTC), "test")
    expected = [s.astimezone(UTC) for s in starts]
    read = sorted(e.decoded("DTSTART").astimezone(UTC)
                  for e in icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert read == expected
    read = sorted(e.dtstart.value.astimezone(UTC)
                  for e in vobject.readOne(data.decode()).vevent_list)
    assert read == expected


ENGLISH_WORDS = ("Deadline", "Interview", "Postings of")
FRENCH_WORDS = ("Date limite", "Entretien", "Offres suivies")


def _words(data: bytes) -> list[str]:
    """Every text a person reads in a calendar: its name, each event's title and alarm."""
    parsed = icalendar.Calendar.from_ical(data)
    return [str(parsed["X-WR-CALNAME"])] + [
        str(component[name]) for component in parsed.walk()
        if component.name in ("VEVENT", "VALARM")
        for name in ("SUMMARY", "DESCRIPTION") if name in component]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_calendar_speaks_its_readers_language_only(session, candidate, hr, interview, lang,
                                                      clock):
    for reader in (candidate, hr):
        reader.locale = Locale(lang)
        words = _words(calendar.user_calendar(session, reader, clock))
        foreign, own = ((ENGLISH_WORDS, FRENCH_WORDS) if lang == "fr"
                        else (FRENCH_WORDS, ENGLISH_WORDS))
        assert not [w for w in words if any(f in w for f in foreign)], (reader.email, words)
        assert words[0] == ("Offres suivies par " if lang == "fr" else "Postings of ") + \
            reader.full_name
        # a deadline and an interview, both titled in the reader's words (and their alarms)
        assert sum(w.startswith(own[0]) for w in words) == 2, words
        assert sum(w.startswith(own[1]) for w in words) == 2, words
