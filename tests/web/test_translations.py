"""French everywhere, as a tested property (#14 item 8): every page a person opens and every
form error they get, read in French and in English, shows no stored value (fixed_term,
under_review), no English word on a French page and no French word on an English page; and every
text the pages ask the catalog for has its French.

The pages come from the authorization matrix (tests/web/test_authorization.py, which holds every
route of the app with the ids to fill in), opened by each person it allows, on the matrix's world
plus the demo (its posting in full, Camille's application at interview, Jordan's). File downloads
(PDF, calendar, archives, uploads) are read elsewhere. What people typed (titles, names, answers,
letters) is taken out of the text before the words are checked: it is in its writer's language.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import sqlalchemy as sa
from babel.messages.extract import extract_from_dir
from sqlalchemy.orm import Session

from tests.web.conftest import Web, web_settings
from tests.web.test_authorization import RULES, world  # noqa: F401 (the matrix's world)
from tracker.app import create_app
from tracker.config import get_settings
from tracker.db import Base
from tracker.i18n import catalog
from tracker.models import Application, Interview, Notification, User, enums
from tracker.models.enums import SalaryPeriod
from tracker.services.messages.defaults import DEFAULTS
from tracker.services.operations.demo import DemoDocuments, load_demo, prepare_documents

ROOT = Path(__file__).resolve().parents[2]
# A real posting (French), read by the import: its review page shows what was found, and why.
SAMPLE_POSTING = ROOT / "samples" / "posting-ujm-charge-cooperation-internationale.txt"

# Pages that are files, not pages (read by the PDF, calendar and export tests), or JSON probes.
FILES = {"public.document", "hr.posting_sheet", "hr.panel_dossier", "hr.application_dossier",
         "candidate.dossier", "keys.calendar_feed", "keys.calendar_download",
         "privacy.export_mine", "jobs.file", "health.healthz", "health.readyz",
         "inbox.follow"}  # a redirect to the notification's link (opened on its own)
ROLES = {"visitor": "anonymous", "candidate": "cand_a", "hr": "hr_a", "admin": "admin"}

# (a) A stored value shown as text: the enums' values written with an underscore, on any page.
STORED = sorted({member.value for name in dir(enums)
                 if isinstance(getattr(enums, name), type)
                 and issubclass(getattr(enums, name), enums.enum.Enum)
                 for member in getattr(enums, name) if "_" in str(member.value)})
STORED_EXTRA = ["hour/day", "per_hour", "cv · CV"]
# (b) English words on a French page (whole words, any case). "minutes" and "application"
# are French too: "application" is only English when not elided ("l’application" is French).
ENGLISH = ["the", "and", "of", "your", "has", "been", "with", "deadline", "interview",
           "interviews", "application", "applications", "posting", "postings", "submitted",
           "review", "none", "yes", "save", "cancel", "delete", "search", "filter", "status",
           "week", "weeks", "day", "days", "hour", "hours", "unread", "candidates",
           "applicant", "applicants", "draft", "required", "optional", "missing", "new",
           "edit", "back", "from", "to", "for", "this", "no", "or", "not", "show", "move",
           "schedule", "scheduled", "per", "over", "requirements", "requirement", "letter",
           "cover", "nothing", "sent", "send", "open", "closed", "filled", "cancelled",
           "rejected", "withdrawn", "hired", "offer", "known", "language", "languages",
           "skills", "level", "profile", "account", "password", "log", "in", "out"]
# "candidate" is French too (la candidate, elle candidate): the role's stored name is not.
ROLE_NAME = re.compile(r"(?<![\w’'])(?<!la )(?<!une )(?<!se )(?<!ne )(?<!Chaque )(?<!chaque )"
                       r"(?<!cette )(?<!Cette )(?<!nouvelle )candidate(?![\w’'])")
# (c) French words on an English page.
FRENCH = ["le", "la", "les", "des", "du", "vous", "votre", "vos", "candidature", "candidatures",
          "poste", "postes", "entretien", "entretiens", "date limite", "enregistrer", "annuler",
          "rechercher", "aucun", "aucune", "non lues", "non lue", "déposée", "brouillon",
          "exigences", "exigence", "lettre de motivation", "jours", "heure", "heures", "semaine",
          "statut", "et", "pour", "avec", "sur", "dans", "une", "est", "sont", "à", "à l’",
          "jusqu’au", "retirer", "supprimer", "modifier", "ouvrir", "clore", "oui", "non"]


class VisibleText(HTMLParser):
    """The words a person reads on a page: the text outside scripts and styles, and the
    placeholder, title and aria-label of any element and the value of a button."""

    SKIP = {"script", "style", "template", "textarea"}  # a textarea holds what was typed

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        values = dict(attrs)
        for name in ("placeholder", "title", "aria-label", "alt"):
            if values.get(name):
                self.parts.append(str(values[name]))
        kind = (values.get("type") or "").lower()
        # an input button reads its value (a <button>'s value is sent, its text is read)
        if values.get("value") and tag == "input" and kind in ("submit", "button", "reset"):
            self.parts.append(str(values["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def visible_text(page: str) -> str:
    parser = VisibleText()
    parser.feed(page)
    return "\n".join(parser.parts)


def user_values(session: Session) -> list[str]:
    """Every text people wrote that a page may show: each string column of the database that
    is not an enum (titles, names, answers, letters, notes, e-mails, file names)."""
    found: set[str] = set()
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if not isinstance(table, sa.Table):
            continue
        columns = [c for c in table.columns
                   if isinstance(c.type, sa.String) and not isinstance(c.type, sa.Enum)
                   and c.name not in ("status", "kind", "role", "locale", "employment_type",
                                      "salary_period", "apply_method", "visibility",
                                      "education_level", "level", "password_hash")]
        if not columns:
            continue
        for row in session.execute(sa.select(*columns)):
            for value in row:
                if isinstance(value, str) and len(value.strip()) >= 3:
                    found.add(value.strip())
                    found.update(line.strip() for line in value.splitlines()
                                 if len(line.strip()) >= 3)
    for subject, body in DEFAULTS.values():  # the shipped messages: texts, not the page's words
        found.add(subject)
        found.update(line.strip() for line in body.splitlines() if len(line.strip()) >= 3)
    return sorted(found, key=len, reverse=True)


def source_words(text: str) -> list[str]:
    """The words of a text people gave (a posting to import), which its review page quotes in
    bits: each word of it is theirs there."""
    return sorted({w.strip(".,;:()«»\"") for w in re.findall(r"[\w’'.+-]+", text)} - {""},
                  key=len, reverse=True)


def strip_values(text: str, values: Iterable[str]) -> str:
    """`text` without the values people wrote (whole words only: "Pr" leaves "Prof" alone)."""
    for value in values:
        if value in text:
            text = re.sub(r"(?<!\w)" + re.escape(value) + r"(?!\w)", " ", text)
    return text


def words(text: str, listed: Iterable[str]) -> list[str]:
    found = []
    for word in listed:
        pattern = (r"(?<![\w’'\-/._])" + re.escape(word).replace(r"\ ", r"\s+")
                   + r"(?![\w’'\-/._@])")
        if re.search(pattern, text, flags=re.IGNORECASE):
            found.append(word)
    return found


# Words a page writes badly whatever its language: a label repeated in brackets ("Lettre de
# motivation (Lettre de motivation)"), a language as its ISO code before its level ("en C1"), a
# number with a useless ".0", "1" with a plural.
BOTH = {
    "label repeated": re.compile(r"(?<![\w’'])([^\W\d][\w’' -]{1,40}) \(\1\)", re.IGNORECASE),
    "language code": re.compile(r"(?<![\w-])(?:fr|en|es|de|it|pt)(?: \(\w+\))? [ABC][12]\b"),
    "number with .0": re.compile(r"(?<![\w.,])\d+[.,]0(?![\w.,/%])"),
}
PLURAL_AFTER_ONE = {
    "fr": re.compile(r"(?<![\w.,-])1 (?:non lues|exigences|jours|candidatures|entretiens|heures)\b"),
    "en": re.compile(r"(?<![\w.,-])1 (?:unread notifications|requirements|days|applications|"
                     r"interviews|hours)\b"),
}
# French typography: a space before ":" ("Déposée : 3 mai"), a comma for decimals.
FRENCH_TYPOGRAPHY = {
    "no space before ':'": re.compile(r"[^\W\d_]:(?=\s|$)", re.MULTILINE),
    "decimal point": re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])"),
}


def around(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 50):end + 50].split())


def problems(text: str, lang: str, values: list[str]) -> list[str]:
    found = [f"stored value {value!r}" for value in STORED + STORED_EXTRA
             if re.search(r"(?<![\w.])" + re.escape(value) + r"(?![\w.])", text)]
    written = strip_values(text, values)
    checks = {**BOTH, "1 with a plural": PLURAL_AFTER_ONE[lang],
              **(FRENCH_TYPOGRAPHY if lang == "fr" else {})}
    for name, pattern in checks.items():
        found += [f"{name} '{m.group(0)}' in «{around(written, m.start(), m.end())}»"
                  for m in pattern.finditer(written)]
    own = strip_values(re.sub(r"\{\{.*?\}\}", " ", text), values)  # not a template's variables
    if lang == "fr":
        found += [f"English word {w!r}" for w in words(own, ENGLISH)]
        if ROLE_NAME.search(own):
            found.append("role name 'candidate'")
    else:
        found += [f"French word {w!r}" for w in words(own, FRENCH)]
    return found


def context(text: str, word: str) -> str:
    """The line of the page holding `word`, to say where it is."""
    for line in text.splitlines():
        if re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", line, flags=re.IGNORECASE):
            return line.strip()[:160]
    return ""


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    pages: int = 0

    def read(self, where: str, response: Any, lang: str, values: list[str]) -> None:
        self.pages += 1
        assert response.status_code < 500, f"{where}: {response.status_code}"
        if response.mimetype != "text/html" or 300 <= response.status_code < 400:
            return  # a redirect's body is Werkzeug's, nobody reads it
        text = visible_text(response.get_data(as_text=True))
        for problem in problems(text, lang, values):
            if "«" not in problem:
                problem += f" in «{context(text, problem.split(chr(39))[1])}»"
            self.failures.append(f"{where}: {problem}")


@pytest.fixture(scope="module")
def demo_documents() -> DemoDocuments:
    return prepare_documents(settings=get_settings())


@pytest.fixture
def crawl(world, session: Session, session_factory, clock, demo_documents, tmp_path):  # noqa: ANN001, ANN201, F811
    """The matrix's world and the demo in one database, with the ids of each to fill in."""
    demo = load_demo(session, settings=get_settings(), documents=demo_documents, clock=clock)
    demo.posting.salary_min, demo.posting.salary_max = Decimal("2100.00"), Decimal("2450.50")
    demo.posting.salary_currency, demo.posting.salary_period = "EUR", SalaryPeriod.MONTH
    session.flush()
    camille, jordan = (session.get(Application, i) for i in demo.application_ids)
    interview = session.scalars(sa.select(Interview).where(
        Interview.application_id == camille.id)).first()
    for person in (camille.candidate, jordan.candidate):
        session.add(Notification(user_id=person.id, title="Candidature", body="Reçue",
                                 link=f"/me/applications/{camille.id}", created_at=clock()))
    session.flush()
    demo_world = SimpleNamespace(**{**vars(world), "p": demo.posting.reference, "a": camille.id,
                                    "iv": interview.id if interview else world.iv})
    demo_world.people = {**world.people, "cand_a": camille.candidate}
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    return SimpleNamespace(app=app, worlds=[world, demo_world], session=session)


def pages_of(role: str, worlds: list[Any]) -> list[tuple[str, Any, str]]:
    """(endpoint, person, url) of each page `role` may open, once per url."""
    who = ROLES[role]
    seen: set[str] = set()
    pages = []
    for endpoint, cases in RULES.items():
        if endpoint in FILES:
            continue
        for case in cases:
            if case.method != "GET" or who not in case.allowed:
                continue
            for each in worlds:
                url = case.url(each)
                if url not in seen:
                    seen.add(url)
                    pages.append((endpoint, each.people[who], url))
    return pages


def speak(session: Session, person: User | None, lang: str) -> None:
    if person is not None and person.locale != lang:
        person.locale = lang
        session.flush()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_reads_in_one_language(crawl, lang: str) -> None:  # noqa: ANN001
    """Each role (visitor, candidate, hr, admin) in turn, on one database (it takes a while
    to make)."""
    values = user_values(crawl.session)
    report = Report()
    for role, (endpoint, person, url) in ((r, page) for r in ROLES
                                          for page in pages_of(r, crawl.worlds)):
        speak(crawl.session, person, lang)
        web = Web(crawl.app.test_client()).as_user(person)
        web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = lang
        report.read(f"{role} {lang} GET {url} ({endpoint})", web.get(url), lang, values)
    assert report.pages >= 3
    assert not report.failures, "\n".join(report.failures)


def form_posts(w: Any) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
    """For each role, the forms it sends with data that is wrong: (endpoint, url, data)."""
    bad_posting = {"title": "", "employment_type": "fixed_term", "valid_through_date": "2024-13-45",
                   "salary_min": "beaucoup", "salary_period": "hour", "apply_method": "email",
                   "apply_email": "pas-une-adresse", "requirements-0-kind": "language",
                   "requirements-0-label": "Anglais", "requirements-0-level": "B7",
                   "documents-0-kind": "cv", "working_time_percent": "250"}
    return {
        "visitor": [
            ("auth.login", "/login", {"email": "nobody@example.org", "password": "wrong"}),
            ("auth.register", "/register", {"full_name": "", "email": "x", "password": "a",
                                            "confirm": "b", "locale": "fr"}),
            ("auth.forgot_password", "/password/forgot", {"email": ""}),
            ("auth.reset_password", "/password/reset/made-up", {"password": "a"}),
            ("invitations.accept", "/invitations/made-up", {"password": "a"}),
        ],
        "candidate": [
            ("auth.account", "/account", {"full_name": "", "timezone": "Mars/Olympus"}),
            ("auth.change_password", "/account/password",
             {"current_password": "wrong", "new_password": "a", "confirm": "b"}),
            ("auth.delete_account", "/account/delete", {"password": "wrong"}),
            ("candidate.profile", "/me/profile", {"experience_years": "-4",
                                                  "languages-0-language": "klingon",
                                                  "languages-0-level": "B7"}),
            ("candidate.posting_new", "/me/postings/new", bad_posting),
            ("candidate.posting_import", "/me/postings/import", {"url": "not a url"}),
            ("candidate.posting_import", "/me/postings/import#review", {"file": SAMPLE_POSTING}),
            ("candidate.apply", f"/me/apply/{w.p}", {}),
            ("candidate.answers", f"/me/applications/{w.a}/answers",
             {"answers-0-self_rating": "9"}),
            ("candidate.letter", f"/me/applications/{w.a}/letter", {"cover_letter": "x" * 30000}),
            ("candidate.upload", f"/me/applications/{w.a}/documents", {"kind": "cv"}),
            ("candidate.move", f"/me/applications/{w.q}/submitted", {}),
        ],
        "hr": [
            ("hr.posting_new", "/hr/postings/new", bad_posting),
            ("hr.posting_edit", f"/hr/postings/{w.p}/edit", bad_posting),
            ("hr.posting_import", "/hr/postings/import", {"url": "not a url"}),
            ("hr.posting_import", "/hr/postings/import#review", {"file": SAMPLE_POSTING}),
            ("hr.posting_status", f"/hr/postings/{w.p}/status", {"status": "draft"}),
            ("hr.interview_new", f"/hr/postings/{w.p}/interviews/new",
             {"day": "", "at": "25:99", "duration_minutes": "-5", "timezone": "Mars/Olympus",
              "panel": "not a person"}),
            ("hr.interview_move", f"/hr/interviews/{w.iv}/move", {"day": "", "at": "xx"}),
            ("hr.application_move", f"/hr/applications/{w.a}/move", {"status": "hired"}),
            ("hr.application_ratings", f"/hr/applications/{w.a}/ratings",
             {"ratings-0-rating": "9"}),
            ("hr.application_note", f"/hr/applications/{w.a}/notes", {"body": ""}),
            ("hr.application_message", f"/hr/applications/{w.a}/message",
             {"subject": "", "body": ""}),
            ("hr.bulk_move", f"/hr/postings/{w.p}/bulk", {"status": "hired"}),
            ("hr.message_template", "/hr/messages/offer/fr", {"subject": "", "body": "{{ oops"}),
            ("invitations.hr_invitations", "/hr/invitations", {"email": "pas-une-adresse"}),
            ("inbox.offsets", "/inbox/offsets", {"offsets": "jamais"}),
        ],
        "admin": [
            ("auth.admin_accounts", "/admin/accounts",
             {"full_name": "", "email": "x", "role": "hr", "password": "a"}),
            ("invitations.admin_invite", "/admin/accounts/invite", {"email": "x", "role": "hr"}),
            ("audit.admin_log", "/admin/audit?since=hier&until=demain&actor=%25", {}),
        ],
    }


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_form_error_reads_in_one_language(crawl, lang: str) -> None:  # noqa: ANN001
    values = user_values(crawl.session)
    report = Report()
    sent: set[tuple[str, str]] = set()
    for role, each, (endpoint, url, data) in (
            (r, w, form) for r in ROLES for w in crawl.worlds for form in form_posts(w)[r]):
        if (role, url) in sent:
            continue
        sent.add((role, url))
        person = each.people[ROLES[role]]
        speak(crawl.session, person, lang)
        web = Web(crawl.app.test_client()).as_user(person)
        web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = lang
        shown = values
        if isinstance(data.get("file"), Path):  # a file to read: the import's review page
            source = data["file"].read_bytes()
            data = {**data, "file": (io.BytesIO(source), data["file"].name)}
            shown = values + source_words(source.decode())  # it quotes the posting's text
        response = (web.client.get(url, follow_redirects=True) if endpoint == "audit.admin_log"
                    else web.client.post(url, data=data, follow_redirects=True))
        report.read(f"{role} {lang} POST {url} ({endpoint})", response, lang, shown)
    assert not report.failures, "\n".join(report.failures)


def page_msgids() -> set[tuple[str | tuple[str, ...], str | None]]:
    """Every text the page templates and the web code ask the catalog for, with its context."""
    keywords = {"_": None, "_l": None, "gettext": None, "lazy_gettext": None,
                "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    found: set[tuple[str | tuple[str, ...], str | None]] = set()
    for folder, method in ((ROOT / "templates" / "web", "jinja2"),
                           (ROOT / "tracker" / "web", "python")):
        pattern = "**.html" if method == "jinja2" else "**.py"
        for _name, _line, message, _comments, msgctxt in extract_from_dir(
                folder, method_map=[(pattern, method)], keywords=keywords,
                options_map={pattern: {"extensions": "jinja2.ext.do"}}):
            if message and (not isinstance(message, tuple) or message[0]):
                found.add((message, msgctxt))
    return found


def untranslated(message: str | tuple[str, ...], msgctxt: str | None) -> str | None:
    """`message` when the French catalog has nothing for it, else None."""
    known = catalog("fr")._catalog  # noqa: SLF001  (the compiled entries, by msgid)
    singular = message[0] if isinstance(message, tuple) else message
    key = f"{msgctxt}\x04{singular}" if msgctxt else singular
    if (key, 0) in known if isinstance(message, tuple) else key in known:
        return None
    if re.fullmatch(r"[\W\d_]*", singular):  # no word to translate
        return None
    return singular


def test_every_text_of_the_pages_has_its_french() -> None:
    missing = sorted({m for m in (untranslated(*found) for found in page_msgids()) if m})
    assert not missing, f"{len(missing)} texts of the pages have no French: " + "\n".join(
        html.escape(m) for m in missing)


@pytest.mark.parametrize(("lang", "text", "caught"), [
    ("fr", "Contrat : fixed_term", "stored value 'fixed_term'"),
    ("fr", "Statut : under_review", "stored value 'under_review'"),
    ("fr", "Salaire : 2100 EUR / hour", "English word 'hour'"),
    ("fr", "the deadline has passed", "English word 'deadline'"),
    ("fr", "camille@example.org · candidate", "role name 'candidate'"),
    ("fr", "Déposée: 3 mai 2024", "no space before ':' 'e:'"),
    ("fr", "Points : 2.0 sur 2.0", "number with .0 '2.0'"),
    ("fr", "Notifications (1 non lues)", "1 with a plural '1 non lues'"),
    ("fr", "Langues : fr, en C1", "language code 'en C1'"),
    ("fr", "Lettre de motivation (Lettre de motivation)", "label repeated"),
    ("en", "Open postings · votre candidature", "French word 'votre'"),
    ("en", "Interview: 22 May · entretien", "French word 'entretien'"),
])
def test_the_reader_catches_what_a_new_user_hit(lang: str, text: str, caught: str) -> None:
    assert any(p.startswith(caught) for p in problems(text, lang, [])), problems(text, lang, [])


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Déposée : 3 mai 2024, 10:00 (Europe/Paris) · la candidate · Points : 2 sur 2,5"),
    ("fr", "Dans l’application · 45 minutes · Jury : Anne Martin"),
    ("en", "Submitted: 3 May 2024, 10:00 (Europe/Paris) · Points: 2 of 2.5"),
])
def test_the_reader_lets_good_pages_pass(lang: str, text: str) -> None:
    assert problems(text, lang, []) == []


def test_what_people_wrote_is_not_read_as_the_pages_words() -> None:
    written = "Poste de chargé de coopération internationale"
    assert problems(f"Open postings: {written}", "en", [written]) == []
    assert problems(f"Open postings: {written}", "en", []) != []


@pytest.mark.parametrize(("lang", "fit", "shown"), [
    ("fr", {"score": 100.0, "assessed": 1, "requirements": 1},
     "100/100 (1 exigence évaluée sur 1)"),
    ("fr", {"score": 68.25, "assessed": 12, "requirements": 37}, "68,2/100 sur 12 des 37 exigences"),
    ("fr", {"score": 0, "assessed": 0, "requirements": 1}, "À évaluer (1 exigence, aucune évaluée)"),
    ("en", {"score": 100.0, "assessed": 1, "requirements": 1}, "100/100 over 1 of 1 requirement"),
    ("en", {"score": 0, "assessed": 0, "requirements": 37}, "To assess (none of 37 requirements)"),
])
def test_a_fit_reads_with_its_coverage_in_words_of_the_page(app, lang: str, fit: dict[str, Any],
                                                            shown: str) -> None:  # noqa: ANN001
    with app.test_request_context(headers={"Accept-Language": lang}):
        assert app.jinja_env.filters["fit_coverage"](fit) == shown
