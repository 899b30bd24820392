"""The e-mail that arrives: multipart text and HTML in the recipient's language, the posting's
local time with its zone, an .ics invitation for interviews, a stable Message-ID."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar

from tests.reminders.conftest import rows, run
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import ReminderChannel, ReminderKind
from tracker.services.accounts import users
from tracker.services.hiring import applications, interviews, postings
from tracker.services.hiring.interviews import Panelist


def parts(message):
    return {part.get_content_type(): part for part in message.walk()}


def test_interview_email_in_french_with_an_ics_invitation(
    session, session_factory, posting, candidate, hr, clock, settings, smtp
):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    interview = interviews.schedule(
        session, posting, application=app, day=date(2024, 5, 22), at=time(10),
        duration_minutes=45, place="Salle 2, 10 rue Tréfilerie", actor=hr, clock=clock,
        panel=[Panelist("Expert extérieur", "expert@elsewhere.example")],
    )
    session.commit()
    run(session_factory, clock)  # the candidate is told at once that the interview is set
    smtp.inbox.messages.clear()
    smtp.inbox.recipients.clear()
    clock.now = datetime(2024, 5, 21, 7, tzinfo=UTC)  # 09:00 the day before
    report = run(session_factory, clock)
    assert sorted((s["recipient"], s["channel"]) for s in report.sent) == [
        ("camille@example.org", "email"), ("camille@example.org", "in_app"),
        ("expert@elsewhere.example", "email")]
    by_recipient = {tuple(r): m for r, m in zip(smtp.inbox.recipients, smtp.inbox.messages,
                                                strict=True)}
    message = by_recipient[("camille@example.org",)]
    assert message["Subject"] == "Entretien demain : Chargé de coopération internationale"
    assert message["Content-Language"] == "fr"
    assert message["To"] == "Camille Martin <camille@example.org>"
    assert message["From"] == "Suivi des candidatures <rappels@univ.example>"
    assert message.get_content_type() == "multipart/mixed"
    found = parts(message)
    assert {"multipart/alternative", "text/plain", "text/html", "text/calendar"} <= set(found)
    text = found["text/plain"].get_content()
    assert "Votre entretien pour le poste « Chargé de coopération internationale »" in text
    assert "a lieu le 22/05/2024 10:00 (Europe/Paris), 45 min." in text
    assert "Lieu : Salle 2, 10 rue Tréfilerie" in text
    assert (f"Ouvrir dans le suivi des candidatures : https://tracker.example/interviews/"
            f"{interview.id}") in text
    html = found["text/html"].get_content()
    assert '<html lang="fr">' in html and "22/05/2024 10:00 (Europe/Paris)" in html
    [row] = rows(session, kind=ReminderKind.INTERVIEW_SOON, channel=ReminderChannel.EMAIL,
                 recipient_email="camille@example.org", offset_spec="-1d@09:00")
    assert message["Message-ID"] == row.message_id
    # the invitation reads back with icalendar, in the posting's zone
    attachment = found["text/calendar"]
    assert attachment.get_filename() == "invitation.ics"
    assert attachment["Content-Transfer-Encoding"] == "base64"  # not 8bit: any relay takes it
    assert attachment.get_payload(decode=True).startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(attachment.get_content())
    assert str(calendar["method"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == datetime(2024, 5, 22, 10, tzinfo=ZoneInfo("Europe/Paris"))
    assert start.utcoffset().total_seconds() == 7200
    assert str(start.tzinfo) in ("Europe/Paris", "CEST")
    assert event.decoded("dtend") - start == (datetime(2024, 1, 1, 0, 45) - datetime(2024, 1, 1))
    assert str(event["location"]) == "Salle 2, 10 rue Tréfilerie"
    assert str(event["uid"]) == f"interview-{interview.id}@posting-tracker"  # the feeds' UID
    assert event["sequence"] == 0  # never moved
    assert str(event["attendee"]) == "mailto:camille@example.org"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    # the outside panel member gets it too, as a panel member, in French by default
    outside = by_recipient[("expert@elsewhere.example",)]
    assert "Vous êtes membre du jury de l’entretien de Camille Martin" in (
        parts(outside)["text/plain"].get_content())


def test_deadline_email_in_english_escapes_what_people_typed(
    session, session_factory, posting, hr, clock, settings, smtp
):
    postings.update_posting(session, posting, {"title": "Officer <b>R&D</b>"}, actor=hr,
                            clock=clock, settings=get_settings())
    jordan = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                               role="candidate", locale="en", clock=clock, actor=OPERATOR)
    applications.start(session, posting, jordan, actor=jordan, clock=clock)
    session.commit()
    clock.now = datetime(2024, 5, 11, 7, tzinfo=UTC)
    run(session_factory, clock)
    [message] = [m for m, to in zip(smtp.inbox.messages, smtp.inbox.recipients, strict=True)
                 if to == ["jordan@example.org"]]
    assert message["Subject"] == 'Deadline in 2 days: your application “Officer <b>R&D</b>” is still a draft'
    assert message["Content-Language"] == "en"
    assert message.get_content_type() == "multipart/alternative"
    found = parts(message)
    assert "text/calendar" not in found
    text = found["text/plain"].get_content()
    assert "The application deadline is 13 May 2024 23:59 (Europe/Paris), in 2 days." in text
    html = found["text/html"].get_content()
    assert "Officer &lt;b&gt;R&amp;D&lt;/b&gt;" in html and "<b>R&D</b>" not in html


def test_a_moved_interview_raises_the_invitations_sequence_and_a_late_reminder_counts_minutes(
    session, session_factory, posting, candidate, hr, clock, settings, smtp
):
    """The invitation's SEQUENCE counts the interview's changes (0, then 1 once moved), so that
    calendars replace their copy; a 2-hour reminder sent late says how many minutes are left,
    never "in 0 h"."""
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    interview = interviews.schedule(session, posting, application=app, day=date(2024, 5, 22),
                                    at=time(10), actor=hr, clock=clock)
    session.commit()
    run(session_factory, clock)
    interviews.reschedule(session, interview, day=date(2024, 5, 23), at=time(10), actor=hr,
                          clock=clock)
    session.commit()
    run(session_factory, clock)

    def invitations():
        found = []
        for message in smtp.inbox.messages:
            ics = parts(message).get("text/calendar")
            if ics is not None:
                [event] = Calendar.from_ical(ics.get_content()).walk("VEVENT")
                found.append((message["Subject"].split(" : ")[0], event["sequence"]))
        return found

    assert invitations() == [("Entretien fixé", 0), ("Entretien déplacé", 1)]
    smtp.inbox.messages.clear()
    # nothing ran since the 2-hour reminder (06:00 UTC); 15 minutes before the interview:
    clock.now = datetime(2024, 5, 23, 7, 45, tzinfo=UTC)
    run(session_factory, clock)
    [message] = [m for m in smtp.inbox.messages if "Entretien dans" in m["Subject"]]
    assert message["Subject"] == "Entretien dans 15 min : Chargé de coopération internationale"
    assert invitations() == [("Entretien dans 15 min", 1)]
