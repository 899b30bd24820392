"""E-mail: reminder messages built from the Jinja templates of templates/email/, in the
recipient's language, sent over SMTP.

A message is multipart/alternative (plain text and HTML) and, for an interview, mixed with an
iCalendar invitation. Its Message-ID is derived from the reminder row alone, so a resend after a
crash carries the same one and mail clients and servers can see the duplicate.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from icalendar import Calendar, Event, vCalAddress, vText

from tracker.config import Settings
from tracker.i18n import LANGUAGES, catalog, gettext, label

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "email"

@dataclass(frozen=True)
class Rendered:
    subject: str
    summary: str  # the body of the in-app notification
    text: str
    html: str


def _lang(lang: str) -> str:
    return "fr" if lang == "fr" else "en"


@lru_cache(maxsize=len(LANGUAGES))
def _environment(lang: str) -> jinja2.Environment:
    """The templates of templates/email/ (one copy each, English, `{% trans %}` blocks) with the
    catalog of `lang` installed: one environment per language."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(catalog(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


def _template(lang: str, kind: str) -> jinja2.Template:
    return _environment(_lang(lang)).get_template(f"{kind}.txt")


def _block(template: jinja2.Template, name: str, context: dict[str, Any]) -> str:
    return "".join(template.blocks[name](template.new_context(context))).strip()


# What the subject and summary blocks never use, so that one rendering serves every recipient
# of the same facts (the dispatcher keeps a batch's renderings by the other fields).
PERSONAL = frozenset({"name", "recipient_email", "link"})


def render_notification(context: dict[str, Any]) -> tuple[str, str]:
    """Only the title and the summary: what an in-app notification shows. Their template
    blocks must not use the PERSONAL fields."""
    template = _template(context["lang"], context["kind"])
    return (" ".join(_block(template, "subject", context).split()),
            " ".join(_block(template, "summary", context).split()))


def render_reminder(context: dict[str, Any], *, public_url: str | None = None) -> Rendered:
    """Subject, in-app summary, text and HTML of a reminder from its plain `context` (as
    `tracker.services.reminders.facts` builds it), in the language `context["lang"]`."""
    lang = _lang(context["lang"])
    template = _template(lang, context["kind"])
    subject = " ".join(_block(template, "subject", context).split())
    summary = " ".join(_block(template, "summary", context).split())
    body = _block(template, "body", context)
    footer = gettext(lang, "Message sent by the employer through the posting tracker."
                     if context["kind"] == "message" else
                     "Reminder sent by the posting tracker. You can switch this kind of reminder "
                     "off in your preferences.")
    if context.get("late") and context["kind"] != "message":
        body = f"{body}\n\n({gettext(lang, 'This reminder is sent late.')})"
    url = f"{public_url.rstrip('/')}{context['link']}" if public_url and context.get("link") else None
    opening = f"\n\n{gettext(lang, 'Open in the posting tracker: %(url)s', url=url)}" if url else ""
    text = f"{body}{opening}\n\n-- \n{footer}\n"
    html = _environment(lang).get_template("layout.html").render(
        lang=lang, subject=subject, url=url,
        open_label=gettext(lang, "Open in the posting tracker"), footer=footer,
        paragraphs=[p.splitlines() for p in body.split("\n\n") if p.strip()],
        facts=_facts(context, lang),
    )
    return Rendered(subject, summary, text, html)


def _facts(context: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The table under the message: the posting, then the interview's time and place or the
    deadline, each under its label in `lang`."""
    facts = [(label("posting", lang), context["posting_title"]),
             (label("reference", lang), context["posting_reference"])
             ] if "posting_title" in context else []
    if context["kind"] in ("interview_soon", "interview_scheduled"):
        facts.append((label("when", lang), context["when"]))
        if context.get("place"):
            facts.append((label("where", lang), context["place"]))
        if context.get("video_url"):
            facts.append((gettext(lang, "Video call"), context["video_url"]))
    elif context.get("deadline"):
        facts.append((gettext(lang, "Deadline"), context["deadline"]))
    return facts


def message_id(reminder_id: int, unique_key: str, sender: str) -> str:
    """The same Message-ID for the same reminder row, whatever the attempt."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    digest = hashlib.sha256(unique_key.encode()).hexdigest()[:16]
    return f"<reminder.{reminder_id}.{digest}@{domain}>"


def interview_ics(context: dict[str, Any], sender: str, recipient: str, now: datetime) -> bytes:
    """An iCalendar invitation for the interview of `context`, in its zone (RFC 5546):
    METHOD:REQUEST when it is set or moved, METHOD:CANCEL with STATUS:CANCELLED when it is
    cancelled; the UID is the one of the calendar feeds, SEQUENCE `context["sequence"]`."""
    start = context["starts_at"].astimezone(ZoneInfo(context["zone"]))
    cancelled = context.get("event") == "cancelled"
    calendar = Calendar()
    calendar.add("prodid", "-//posting-tracker//reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", context.get("uid") or f"interview-{context['interview_id']}@{_domain(sender)}")
    event.add("sequence", context.get("sequence", 0))
    event.add("dtstamp", now)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if context.get("all_day"):
        event.add("dtstart", start.date())
        event.add("dtend", start.date() + timedelta(days=1))
    else:
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=context["duration_minutes"]))
    event.add("summary", gettext(_lang(context["lang"]), "Interview: %(title)s",
                                 title=context["posting_title"]))
    if context.get("place"):
        event.add("location", context["place"])
    if context.get("video_url"):
        event.add("url", context["video_url"])
    organizer = vCalAddress(f"mailto:{parseaddr(sender)[1]}")
    organizer.params["cn"] = vText(parseaddr(sender)[0] or parseaddr(sender)[1])
    event["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{recipient}")
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def build_message(
    rendered: Rendered,
    context: dict[str, Any],
    *,
    recipient: str,
    msg_id: str,
    settings: Settings,
    now: datetime,
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = settings.smtp_sender
    message["To"] = formataddr((context.get("name") or "", recipient)) if context.get(
        "name") and context["name"] != recipient else recipient
    message["Date"] = format_datetime(now)
    message["Message-ID"] = msg_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    if context["kind"] in ("interview_soon", "interview_scheduled"):
        ics = interview_ics(context, settings.smtp_sender, recipient, now)
        method = "CANCEL" if context.get("event") == "cancelled" else "REQUEST"
        # base64, not 8bit: the CRLF lines reach the calendar as they are, through any relay
        message.add_attachment(ics, maintype="text", subtype="calendar", cte="base64",
                               filename="invitation.ics",
                               params={"method": method, "charset": "utf-8"})
    message["Content-Language"] = context["lang"]  # after set_content, which drops Content-*
    return message


class Mailer:
    """One SMTP connection, opened on the first message and reused; `close()` ends it."""

    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_host:
            raise ValueError("TRACKER_SMTP_HOST is not set")
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        port, timeout = s.smtp_effective_port, s.smtp_timeout_s
        if s.smtp_tls == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.smtp_host or "", port, timeout=timeout,
                                                  context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(s.smtp_host or "", port, timeout=timeout)
            if s.smtp_tls == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if s.smtp_user:
            smtp.login(s.smtp_user, s.smtp_password.get_secret_value() if s.smtp_password else "")
        return smtp

    def connect(self) -> None:
        """Open the connection now (greeting, TLS, log-in) unless it is open: the dispatcher
        does so before it checks that its claim on a reminder still holds, so that only the
        transfer of the message itself lies between that check and the `sent` mark. Raises
        smtplib.SMTPException or OSError."""
        if self._smtp is None:
            self._smtp = self._connect()

    def send(self, message: EmailMessage) -> None:
        """Hand `message` to the server; returns once the server accepted it, raises
        smtplib.SMTPException or OSError otherwise."""
        self.connect()
        assert self._smtp is not None
        try:
            self._smtp.send_message(message)
        except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused):
            raise  # an answer about this message: smtplib has reset the connection for the next
        except OSError:  # smtplib's other errors too: the connection is not to be trusted
            self.close()
            raise

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _domain(sender: str) -> str:
    return parseaddr(sender)[1].rpartition("@")[2] or "localhost"


def account_exists_message(*, recipient: str, lang: str, settings: Settings,
                           now: datetime) -> EmailMessage:
    """The e-mail to the owner of an address someone tried to register again with: the
    registration page answers as for a new address, so the owner alone learns of it."""
    template = _template(lang, "account_exists")
    login_url = f"{settings.public_url.rstrip('/')}/login" if settings.public_url else None
    context = {"email": recipient, "login_url": login_url}
    message = EmailMessage()
    message["Subject"] = " ".join(_block(template, "subject", context).split())
    message["From"] = settings.smtp_sender
    message["To"] = recipient
    message["Date"] = format_datetime(now)
    digest = hashlib.sha256(f"{recipient} {now.isoformat()}".encode()).hexdigest()[:24]
    message["Message-ID"] = f"<account-exists-{digest}@{_domain(settings.smtp_sender)}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(_block(template, "body", context) + "\n")
    message["Content-Language"] = lang
    return message


def account_message(kind: str, *, recipient: str, lang: str, context: dict[str, Any],
                    settings: Settings, now: datetime) -> EmailMessage:
    """A plain-text e-mail about one's account (a password reset link, an invitation) from
    templates/email/<kind>.txt (blocks `subject` and `body`), in `lang`. Its
    Message-ID is random: each request is a new message."""
    lang = _lang(lang)
    template = _template(lang, kind)
    values = {"email": recipient, **context}
    message = EmailMessage()
    message["Subject"] = " ".join(_block(template, "subject", values).split())
    message["From"] = settings.smtp_sender
    message["To"] = recipient
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(kind.replace("_", "-"), _domain(settings.smtp_sender))
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(_block(template, "body", values) + "\n")
    message["Content-Language"] = lang
    return message


def render_notice(kind: str, lang: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Subject, in-app summary and text body of the plain notice templates/email/<kind>.txt
    (a notice to one person, not a reminder: retention's warning of an unused account)."""
    template = _template(lang, kind)
    return (" ".join(_block(template, "subject", context).split()),
            " ".join(_block(template, "summary", context).split()),
            _block(template, "body", context))


def notice_message(kind: str, *, recipient: str, lang: str, context: dict[str, Any],
                   settings: Settings, now: datetime, msg_id: str) -> EmailMessage:
    """The e-mail of a notice (render_notice), its Message-ID made from `msg_id`, the same for
    the same notice whatever the attempt."""
    subject, _summary, body = render_notice(kind, lang, context)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.smtp_sender
    message["To"] = recipient
    message["Date"] = format_datetime(now)
    message["Message-ID"] = f"<{msg_id}@{_domain(settings.smtp_sender)}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body + "\n")
    message["Content-Language"] = lang
    return message
