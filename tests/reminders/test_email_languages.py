"""Every e-mail speaks its reader's language only: each template of templates/email/ (one copy,
its words in the catalog) rendered in French and in English, every branch, holds no word of
the other language; and every sentence of the templates has its French in the catalog."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from jinja2.ext import babel_extract

from tracker import mail
from tracker.config import Settings
from tracker.i18n import catalog

NOW = datetime(2026, 5, 13, 9, 0, tzinfo=UTC)
SETTINGS = Settings(smtp_sender="Tracker <t@example.org>", public_url="https://t.example.org")
TEMPLATES = sorted(Path(mail.TEMPLATES).glob("*.txt"))

# Words a French reader should never meet in an e-mail, and the other way round (whole words;
# the sample values below use none of them).
ENGLISH = ["the", "your", "you", "has", "been", "is", "and", "for", "Hello", "interview",
           "Interview", "deadline", "Deadline", "application", "applications", "Application",
           "position", "posting", "reminder", "Reminder", "click", "account", "password", "link",
           "Open", "scheduled", "cancelled", "moved", "submitted", "review", "today", "tomorrow",
           "soon", "days", "day", "hours", "Place", "Video call", "Reason", "panel", "ref",
           "Position", "Reference", "Date and time", "invites", "waits", "wait"]
FRENCH = ["le", "la", "les", "des", "du", "de", "à", "est", "et", "votre", "vous", "Bonjour",
          "candidature", "candidatures", "entretien", "Entretien", "Date limite", "date limite",
          "poste", "Poste", "rappel", "Rappel", "aujourd’hui", "demain", "bientôt", "jours",
          "jour", "heures", "Lieu", "Motif", "compte", "mot de passe", "lien", "réf", "Ouvrir",
          "Référence", "Date et heure", "Visioconférence", "invite", "attend", "attendent"]

BASE = {"name": "Camille Martin", "recipient_email": "c@example.org", "link": "/a/3",
        "posting_title": "Data analyst", "posting_reference": "REF-1", "organisation": "ACME",
        "deadline": "13/05/2026 23:59 (Europe/Paris)", "when": "14/05/2026 10:00"}


def _reminders() -> Iterator[dict]:
    """The contexts of every kind of reminder, through each branch of its template."""
    def kind(name: str, **values: object) -> dict:
        return {**BASE, "kind": name, **values}

    yield kind("application_received", applicant="Léa Petit", submitted="12/05/2026")
    for days in (None, 0, 1, 5):
        yield kind("closing_empty", days_left=days)
        yield kind("deadline_draft", days_left=days, late=days == 5)
    for count in (1, 3):
        yield kind("hr_digest", count=count, since="12/05", until="13/05",
                   items=[("Data analyst", "REF-1", "Léa Petit", "12/05")] * count)
        yield kind("review_waiting", waiting=count)
    for event, panel, candidate, place, video, reason, replaced, minutes in itertools.product(
            ("scheduled", "rescheduled", "cancelled"), (False, True), (None, "Léa Petit"),
            (None, "Salle 4"), (None, "https://meet.example.org/x"), (None, "grève"),
            (False, True), (None, 45)):
        yield kind("interview_scheduled", event=event, as_panel=panel, candidate_name=candidate,
                   place=place, video_url=video, reason=reason, replaced=replaced,
                   duration_minutes=minutes)
    for left, days, panel, candidate, place, video in itertools.product(
            (30, 125, 300), (1, 3), (False, True), (None, "Léa Petit"), (None, "Salle 4"),
            (None, "https://meet.example.org/x")):
        yield kind("interview_soon", minutes_left=left, days_to_interview=days, as_panel=panel,
                   candidate_name=candidate, place=place, video_url=video, duration_minutes=30)
    yield kind("message", message_subject="—", message_body="…")
    yield kind("no_answer", days_since=21, submitted="01/04/2026")
    for status, before in itertools.product(("interview", "offer", "rejected"), (None, "X")):
        yield kind("status_changed", status=status, status_label="X", from_status_label=before,
                   changed="13/05")


def _account_contexts() -> Iterator[tuple[str, dict]]:
    for days, login in itertools.product((1, 7), (None, "https://t.example.org/login")):
        for deadline, accept in itertools.product((None, "13/05"), (None, "https://t/x")):
            yield "invitation_apply", {"organisation": "ACME", "title": "Data analyst",
                                       "inviter": "Bob", "reference": "REF-1",
                                       "deadline": deadline, "posting_url": "https://t/p",
                                       "accept_url": accept, "days": days,
                                       "login_url": login or "https://t/l"}
        for role, name in itertools.product(("admin", "hr"), (None, "Zoé")):
            yield "invitation_exists", {"inviter": "Bob", "name": name or "Zoé", "role": role,
                                        "organisation": "ACME", "login_url": "https://t/l"}
            yield "invitation_staff", {"inviter": "Bob", "name": name, "role": role,
                                       "organisation": "ACME", "days": days, "url": "https://t/u"}
        yield "password_reset", {"name": "Zoé", "hours": days, "url": "https://t/u"}


def _visible(html: str) -> str:
    """The words of an HTML part a person reads (its text, not its tags and styles)."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<head>.*?</head>", " ", html, flags=re.S))


def rendered(lang: str) -> Iterator[tuple[str, str]]:
    """(which, text) of every e-mail and in-app notice, in `lang`."""
    invitations: set[tuple[str, str | None]] = set()
    for context in _reminders():
        context = {**context, "lang": lang}
        which = f"{context['kind']} {context}"
        for url in (None, SETTINGS.public_url):
            r = mail.render_reminder(context, public_url=url)
            yield which, "\n".join([r.subject, r.summary, r.text, _visible(r.html)])
        key = (context["kind"], context.get("event"))
        if context["kind"].startswith("interview_") and key not in invitations:  # one of each
            invitations.add(key)
            ics = mail.interview_ics({**context, "starts_at": NOW, "zone": "Europe/Paris",
                                      "duration_minutes": context["duration_minutes"] or 30,
                                      "interview_id": 1}, SETTINGS.smtp_sender, "c@example.org",
                                     NOW)
            yield which + " .ics", re.search(rb"SUMMARY:(.*)", ics).group(1).decode()
    for kind, context in _account_contexts():
        m = mail.account_message(kind, recipient="a@example.org", lang=lang, context=context,
                                 settings=SETTINGS, now=NOW)
        yield f"{kind} {context}", f"{m['Subject']}\n{m.get_content()}"
    m = mail.account_exists_message(recipient="a@example.org", lang=lang, settings=SETTINGS,
                                    now=NOW)
    yield "account_exists", f"{m['Subject']}\n{m.get_content()}"
    for login in (None, "https://t/l"):
        yield "account_inactive", "\n".join(mail.render_notice(
            "account_inactive", lang, {"deletion_date": "01/06", "name": "Zoé",
                                       "login_url": login}))


def _pattern(words: list[str]) -> re.Pattern[str]:
    """Any of `words` as a whole word (not inside an address)."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w/.])(?:{alternatives})(?![\w/])")


PATTERNS = {"en": _pattern(ENGLISH), "fr": _pattern(FRENCH)}


def _found(lang: str, text: str) -> list[str]:
    """The words of `lang` (of ENGLISH or FRENCH) in `text`."""
    return sorted(set(PATTERNS[lang].findall(text)))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_email_speaks_its_readers_language_only(lang):
    foreign, own = ("en", "fr") if lang == "fr" else ("fr", "en")
    seen = set()
    for which, text in rendered(lang):
        seen.add(which.split()[0])
        assert _found(foreign, text) == [], (which, text)
        # the message was written (in the reader's words), not left empty
        assert which.endswith(".ics") or which.startswith("message") or _found(own, text), which
    assert {path.stem for path in TEMPLATES if not path.stem.startswith("_")} <= seen


def _messages(path: Path) -> Iterator[tuple[str, object]]:
    keywords = ("_", "gettext", "ngettext", "pgettext", "npgettext")
    with path.open("rb") as handle:
        for _line, function, message, _comments in babel_extract(
                handle, keywords, [], {"extensions": "jinja2.ext.i18n"}):
            yield function, message


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_sentence_of_the_templates_has_its_french(path):
    french = catalog("fr")
    missing = []
    for function, message in _messages(path):
        if function in ("ngettext", "npgettext"):
            *context, singular, plural, _n = message
            translated = [french.npgettext(context[0], singular, plural, n) if context
                          else french.ngettext(singular, plural, n) for n in (1, 2)]
            english = [singular, plural]
        elif function == "pgettext":
            translated, english = [french.pgettext(*message)], [message[1]]
        else:
            text = message if isinstance(message, str) else message[0]
            translated, english = [french.gettext(text)], [text]
        if translated == english:
            missing.append(english[0])
    assert missing == []
