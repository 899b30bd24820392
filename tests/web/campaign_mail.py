"""The campaign test's view of the e-mails that reach the loopback SMTP server: waiting for
them, their plain text, and the .ics they carry (read with the `icalendar` library)."""

from __future__ import annotations

import time
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from tests.reminders.conftest import SmtpServer


def mail_to(smtp: SmtpServer, address: str, subject: Callable[[str], bool],
            count: int = 1, wait_s: float = 60) -> list[EmailMessage]:
    """The e-mails to `address` whose subject passes `subject`, once `count` arrived (the
    dispatcher of `tracker serve` sends them within seconds)."""
    deadline = time.monotonic() + wait_s
    while True:
        found = [m for m in list(smtp.inbox.messages)
                 if address in str(m["To"]) and subject(str(m["Subject"]))]
        if len(found) >= count or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    seen = [(str(m["To"]), str(m["Subject"])) for m in smtp.inbox.messages]
    assert len(found) >= count, f"no e-mail to {address} as expected; received: {seen}"
    return found


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def calendar_of(message: EmailMessage) -> Any:
    import icalendar

    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, f"one .ics expected in {message['Subject']!r}"
    payload = parts[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    return icalendar.Calendar.from_ical(payload)


def the_event(calendar: Any) -> Any:
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    return events[0]
