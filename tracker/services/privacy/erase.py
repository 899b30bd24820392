"""Erasure that leaves nothing: a person's rows, files and generated dossiers removed, the audit
trail kept with the person replaced by a stable pseudonym, and a record of the erasure itself.

`erase_person` is the one way in: the command line, the admin's page of erasure requests, the
candidate's own deletion of their account and the retention policy all call it. What it removes
(see docs/privacy.md):
- the account and everything hanging from it: profile, skills, languages, applications (with
  their history, answers, notes and interviews), documents, the postings the person logged,
  notifications, reminders (to them, or about their applications and interviews, with the
  in-app notifications they made), reminder switches, calendar feed tokens and the calendar
  events of their interviews, API tokens, login sessions (with their IP and device);
- applications an employer recorded under the person's e-mail address or name;
- files: their imports waiting for review (data_dir/imports/<id>-*), and every file under the
  reports folder that names them (see `_files_naming`);
- audit entries are kept (what happened and when) but the person is replaced by their
  pseudonym: actor_id NULL and actor_label = the pseudonym; personal details (file names, token
  names, addresses, their name or e-mail anywhere) are replaced too.
On SQLite, every connection runs with `secure_delete` (tracker.db), so deleted rows are
overwritten with zeros, and after the transaction commits the write-ahead log is checkpointed
and truncated (`_truncate_wal_after_commit`): neither the database file nor its -wal keeps the
deleted bytes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tracker import pdfcheck
from tracker.config import Settings, secret_key
from tracker.domain.access import OPERATOR, Actor
from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.models import (
    ApiToken,
    Application,
    AuditLog,
    CalendarEvent,
    CalendarFeedToken,
    CandidateProfile,
    Document,
    Erasure,
    ErasureStatus,
    Interview,
    Job,
    JobKind,
    LoginSession,
    Notification,
    PanelMember,
    Posting,
    Reminder,
    ReminderSwitch,
    Role,
    SubjectType,
    User,
    Visibility,
)
from tracker.services import audit
from tracker.services.dossiers.render import slug

log = logging.getLogger(__name__)

ERASED = "[erased]"
# Keys of audit details that name a person or their files, replaced on the entries about them.
PERSONAL_KEYS = frozenset({"filename", "name", "full_name", "email", "ip", "device",
                           "applicant_name", "applicant_email", "user_agent"})
_AFTER_COMMIT = "tracker_privacy_after_commit"


# -- the pseudonym --------------------------------------------------------------------------------


def pseudonym(user_id: int, *, settings: Settings) -> str:
    """The stable pseudonym of a person: "person-" and 12 hex digits of an HMAC of their id
    keyed with the secret key. The same for every entry of theirs, and nobody without the key
    can tell whose it is (ids are never reused, so it names one person for ever)."""
    digest = hmac.new(secret_key(settings).encode(), f"user:{int(user_id)}".encode(),
                      hashlib.sha256).hexdigest()
    return f"person-{digest[:12]}"


# -- what an erasure covers -----------------------------------------------------------------------


@dataclass
class ErasurePlan:
    """What erasing one person removes: rows per kind and the files, found before anything
    is removed (and shown by `tracker privacy erase` without --yes)."""

    user_id: int
    email: str
    full_name: str
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    application_ids: list[int] = field(default_factory=list)
    interview_ids: list[int] = field(default_factory=list)
    reminder_ids: list[int] = field(default_factory=list)
    posting_ids: list[int] = field(default_factory=list)
    job_ids: list[int] = field(default_factory=list)


def check_may_erase(actor: Actor, user: User) -> None:
    """The operator, an admin, or the person themselves; staff accounts are not erased here."""
    if actor is not OPERATOR and not (isinstance(actor, User) and (
            actor.id == user.id or actor.role is Role.ADMIN)):
        raise PermissionDenied("user", "only an admin erases another person's data")
    if user.role is not Role.CANDIDATE:
        raise DomainError("role", "staff accounts are removed by an admin, not erased here")


def _ascii(text: str) -> str:
    """Accents and case ignored: how a name or address is looked for in text."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


class Mentions:
    """Whether a text names a person: their e-mail address anywhere, or their name as whole
    words, in any case, with or without accents, whatever spaces or punctuation separate its
    parts, in its order or the other way round ("Camille Martin", "camille-martin", "MARTIN
    Camille" do; "Camille Martinez" does not)."""

    def __init__(self, email: str, full_name: str) -> None:
        self.email = _ascii(email.strip())
        parts = re.findall(r"[a-z0-9]+", _ascii(full_name))
        orders = [parts, parts[::-1]] if len(parts) > 1 else [parts] if parts else []
        self.names = [re.compile(r"(?<![a-z0-9])" + r"[^a-z0-9]*".join(map(re.escape, order))
                                 + r"(?![a-z0-9])") for order in orders]

    def __call__(self, text: str) -> bool:
        found = _ascii(text)
        return bool(self.email and self.email in found) or any(
            name.search(found) for name in self.names)


def received_under(email: str, name: str) -> sa.ColumnElement[bool]:
    """Applications an employer recorded (no account) under this address or name."""
    return sa.and_(Application.candidate_id.is_(None), sa.or_(
        sa.func.lower(Application.applicant_email) == email.lower(),
        sa.func.lower(Application.applicant_name) == " ".join(name.split()).lower(),
    ))


def erasure_plan(session: Session, user: User, *, actor: Actor,
                 settings: Settings) -> ErasurePlan:
    """What erase_person would remove for `user`, removing nothing."""
    check_may_erase(actor, user)
    plan = ErasurePlan(user.id, user.email, user.full_name)
    apps = list(session.scalars(sa.select(Application).where(sa.or_(
        Application.candidate_id == user.id, received_under(user.email, user.full_name)))))
    plan.application_ids = [a.id for a in apps]
    plan.interview_ids = list(session.scalars(sa.select(Interview.id).where(
        Interview.application_id.in_(plan.application_ids)))) if apps else []
    plan.posting_ids = list(session.scalars(sa.select(Posting.id).where(
        Posting.owner_id == user.id, Posting.visibility == Visibility.PRIVATE)))
    plan.reminder_ids = list(session.scalars(sa.select(Reminder.id).where(sa.or_(
        Reminder.recipient_user_id == user.id,
        sa.func.lower(Reminder.recipient_email) == user.email.lower(),
        sa.and_(Reminder.subject_type == SubjectType.APPLICATION,
                Reminder.subject_id.in_(plan.application_ids)),
        sa.and_(Reminder.subject_type == SubjectType.INTERVIEW,
                Reminder.subject_id.in_(plan.interview_ids)),
        sa.and_(Reminder.subject_type == SubjectType.POSTING,
                Reminder.subject_id.in_(plan.posting_ids)),
    ))))

    def count(model: Any, *where: Any) -> int:
        return session.scalar(sa.select(sa.func.count()).select_from(model).where(*where)) or 0

    plan.counts = {
        "account": 1,
        "applications": len([a for a in apps if a.candidate_id == user.id]),
        "received_applications": len([a for a in apps if a.candidate_id is None]),
        "documents": count(Document, sa.or_(Document.owner_id == user.id,
                                            Document.application_id.in_(plan.application_ids))),
        "private_postings": len(plan.posting_ids),
        "interviews": len(plan.interview_ids),
        "notifications": count(Notification, _notifications(user, plan)),
        "reminders": len(plan.reminder_ids),
        "calendar_feed_tokens": count(CalendarFeedToken, CalendarFeedToken.user_id == user.id),
        "api_tokens": count(ApiToken, ApiToken.user_id == user.id),
        "login_sessions": count(LoginSession, LoginSession.user_id == user.id),
        "audit_entries": len(_audit_entries(session, user, plan)),
    }
    plan.job_ids, job_files = _jobs_naming(session, settings, apps, plan.posting_ids, user.id)
    plan.counts["dossier_jobs"] = len(plan.job_ids)
    plan.files = sorted(set(_pending_imports(settings, user.id))
                        | set(_files_naming(settings, user.email, user.full_name, apps))
                        | set(job_files))
    plan.counts["files"] = len(plan.files)
    return plan


def _notifications(user: User, plan: ErasurePlan) -> sa.ColumnElement[bool]:
    """The person's notifications, those their reminders made (a panel member's "interview of
    Camille Martin"), and any other whose text names them."""
    names = [user.email, " ".join(user.full_name.split())]
    return sa.or_(
        Notification.user_id == user.id,
        Notification.reminder_id.in_(plan.reminder_ids),
        *[sa.func.lower(column).contains(name.lower(), autoescape=True)
          for name in names if name for column in (Notification.title, Notification.body)],
    )


def _audit_entries(session: Session, user: User, plan: ErasurePlan) -> list[AuditLog]:
    """Entries the person made, entries about their account and what hung from it, and any
    other entry whose details hold their e-mail address or name."""
    about: list[tuple[str, Iterable[int]]] = [
        ("user_account", [user.id]),
        ("application", plan.application_ids),
        ("interview", plan.interview_ids),
        ("posting", plan.posting_ids),
        ("candidate_profile", session.scalars(sa.select(CandidateProfile.id).where(
            CandidateProfile.user_id == user.id))),
        ("document", session.scalars(sa.select(Document.id).where(sa.or_(
            Document.owner_id == user.id, Document.application_id.in_(plan.application_ids))))),
        ("api_token", session.scalars(sa.select(ApiToken.id).where(ApiToken.user_id == user.id))),
        ("login_session", session.scalars(sa.select(LoginSession.id).where(
            LoginSession.user_id == user.id))),
    ]
    text = sa.cast(AuditLog.details, sa.Text)
    stated = [user.email, " ".join(user.full_name.split())]
    # as stored: JSON writes non-ASCII letters as \u escapes, which lower() leaves as they are
    needles = {n.lower() for n in stated} | {json.dumps(n)[1:-1].lower() for n in stated}
    conditions = [AuditLog.actor_id == user.id]
    conditions += [sa.and_(AuditLog.entity_type == kind, AuditLog.entity_id.in_(list(ids)))
                   for kind, ids in about]
    conditions += [sa.func.lower(text).contains(n, autoescape=True) for n in needles if n]
    return list(session.scalars(sa.select(AuditLog).where(sa.or_(*conditions))))


def _pending_imports(settings: Settings, user_id: int) -> list[Path]:
    """The files of the person's web imports waiting for review (tracker/web/import_store)."""
    folder = Path(settings.data_dir) / "imports"
    return sorted(p for p in folder.glob(f"{int(user_id)}-*") if p.is_file()) \
        if folder.is_dir() else []


def _files_naming(settings: Settings, email: str, full_name: str,
                  apps: list[Application]) -> list[Path]:
    """Files under the reports folder that name the person: any file whose name holds their
    name (an application dossier is named after the applicant), whose bytes hold their e-mail
    or name (exports, JSON, CSV, calendar files; the members of a zip archive too), and any
    PDF in the folder of a posting they applied to (reports/<organisation>/<reference>/, where
    dossiers are saved) whose text names them (a panel dossier lists every applicant). A PDF
    there that cannot be read is removed too: it may name them, and it can be made again."""
    root = Path(settings.reports_dir)
    if not root.is_dir():
        return []
    name_slug = slug(full_name) if full_name else ""
    mentions = Mentions(email, full_name)
    posting_folders = set()
    for application in apps:
        posting = application.posting
        organisation = posting.organisation.slug if posting.organisation else "private"
        reference = slug(posting.reference) if posting.reference else "posting"
        posting_folders.add((slug(organisation), reference))
    limits = replace(pdfcheck.PdfLimits.of(settings), max_bytes=2_000_000_000,
                     max_pages=100_000)
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if len(name_slug) >= 3 and name_slug != "x" and (
                f"-{name_slug}-" in f"-{slug(path.name)}-"):
            found.append(path)
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if mentions(data.decode("utf-8", "ignore")) or _zip_names(data, mentions):
            found.append(path)
            continue
        relative = path.relative_to(root).parts
        in_posting = len(relative) >= 3 and (
            slug(relative[0]), slug(relative[1])) in posting_folders
        if in_posting and data[:5] == b"%PDF-":
            try:
                text = pdfcheck.pdf_text(data, filename=path.name, limits=limits,
                                         max_pages=100_000, layout=False)
            except DomainError:
                found.append(path)
                continue
            if mentions(text):
                found.append(path)
    return found


def _jobs_naming(session: Session, settings: Settings, apps: list[Application],
                 private_posting_ids: list[int], user_id: int | None) -> tuple[list[int], list[Path]]:
    """The dossier jobs (issue #16) that name the person, and their stored files: the jobs of
    their applications, the panel dossiers and batches of the postings they applied to (those
    list every applicant; they can be made again), the jobs of their private postings and those
    they asked for."""
    application_ids = [a.id for a in apps]
    posting_ids = sorted({a.posting_id for a in apps})
    conditions = [Job.application_id.in_(application_ids),
                  sa.and_(Job.posting_id.in_(posting_ids),
                          Job.kind.in_([JobKind.PANEL, JobKind.BATCH])),
                  Job.posting_id.in_(private_posting_ids)]
    if user_id is not None:
        conditions.append(Job.requested_by == user_id)
    jobs = list(session.scalars(sa.select(Job).where(sa.or_(*conditions)).order_by(Job.id)))
    root = Path(settings.reports_dir)
    files = [root / job.result_path for job in jobs
             if job.result_path and (root / job.result_path).is_file()]
    return [job.id for job in jobs], files


def forget_dossier_jobs(session: Session, settings: Settings, apps: list[Application]) -> int:
    """Delete the dossier jobs that show these applications, and their stored files (the
    retention policy anonymising them); how many jobs went."""
    job_ids, files = _jobs_naming(session, settings, apps, [], None)
    session.execute(sa.delete(Job).where(Job.id.in_(job_ids))
                    .execution_options(synchronize_session=False))
    _remove_files(files)
    return len(job_ids)


def _zip_names(data: bytes, mentions: Mentions) -> bool:
    if data[:4] != b"PK\x03\x04":
        return False
    try:
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if mentions(info.filename):
                    return True
                if info.file_size <= 200_000_000 and mentions(
                        archive.read(info).decode("utf-8", "ignore")):
                    return True
    except (zipfile.BadZipFile, OSError, RuntimeError):
        return True  # an unreadable archive under reports/ may be theirs: it goes
    return False


# -- erasure --------------------------------------------------------------------------------------


def erase_person(session: Session, user: User, *, actor: Actor, settings: Settings,
                 now: datetime, source: str | None = None) -> Erasure:
    """Erase `user` (a candidate) and every trace of them; the record of the erasure (no
    personal data) comes back. `source` says how it came (self, request, admin, operator,
    retention; default from the actor). Flushes, never commits; the files go at once (they
    can all be made again, or are the person's own), the SQLite log is truncated once the face
    commits."""
    plan = erasure_plan(session, user, actor=actor, settings=settings)
    label = pseudonym(user.id, settings=settings)
    is_self = isinstance(actor, User) and actor.id == user.id
    given = source
    source = source or ("self" if is_self else "operator" if actor is OPERATOR else "admin")

    # The audit trail first, while the rows it is about still say what is theirs.
    entries = _audit_entries(session, user, plan)
    mentions = Mentions(user.email, user.full_name)
    about_ids = {e.id for e in entries if e.actor_id != user.id}
    for entry in entries:
        personal_entry = entry.actor_id == user.id or entry.id in about_ids
        if entry.actor_id == user.id:
            entry.actor_id = None
            entry.actor_label = label
        entry.details = _scrub(entry.details or {}, mentions, label, drop_keys=personal_entry)
    session.flush()

    notification_filter = _notifications(user, plan)
    session.execute(sa.delete(Notification).where(notification_filter)
                    .execution_options(synchronize_session=False))
    _delete_reminders_and_events(session, plan.reminder_ids, plan.interview_ids)
    session.execute(sa.delete(Job).where(Job.id.in_(plan.job_ids))
                    .execution_options(synchronize_session=False))
    session.execute(sa.delete(PanelMember).where(sa.or_(
        PanelMember.user_id == user.id,
        sa.func.lower(PanelMember.email) == user.email.lower()))
        .execution_options(synchronize_session=False))
    session.execute(sa.delete(Document).where(sa.or_(
        Document.owner_id == user.id, Document.application_id.in_(plan.application_ids)))
        .execution_options(synchronize_session=False))
    for application in session.scalars(sa.select(Application).where(
            Application.id.in_(plan.application_ids))):
        session.delete(application)  # history, answers, notes; interviews by the database
    session.flush()
    for posting in session.scalars(sa.select(Posting).where(Posting.id.in_(plan.posting_ids))):
        session.delete(posting)
    session.flush()
    for model in (CalendarFeedToken, ApiToken, LoginSession, ReminderSwitch):
        session.execute(sa.delete(model).where(model.user_id == user.id)
                        .execution_options(synchronize_session=False))

    record = session.scalars(sa.select(Erasure).where(
        Erasure.user_id == user.id, Erasure.status == ErasureStatus.REQUESTED)
        .order_by(Erasure.id)).first()
    for extra in session.scalars(sa.select(Erasure).where(
            Erasure.user_id == user.id, Erasure.status == ErasureStatus.REQUESTED)):
        if extra is not record:
            session.delete(extra)  # asked twice: one record
    if record is None:
        record = Erasure(subject_label=label)
        session.add(record)
    elif given is None and not is_self:
        source = "request"  # carrying out the person's request
    record.user_id = None
    record.subject_label = label
    record.status = ErasureStatus.DONE
    record.done_at = now
    record.done_by_id = actor.id if isinstance(actor, User) and not is_self else None
    record.done_by_label = label if is_self else ("operator" if actor is OPERATOR else None)
    record.source = source
    record.counts = dict(plan.counts)
    session.flush()
    # The erasure in the audit trail too: who did it (the person by their pseudonym), when,
    # how many rows and files went; nothing of who the person was.
    entry = audit.record(session, at=now, actor=None if is_self else actor,
                         action="user.erase", entity=user,
                         details={"source": source, "counts": dict(plan.counts)})
    entry.actor_label = label if is_self else None
    session.delete(user)  # the profile with it
    session.flush()
    _remove_files(plan.files)
    _truncate_wal_after_commit(session)
    return record


def delete_account(session: Session, user: User, *, actor: Actor, settings: Settings,
                   clock: Callable[[], datetime]) -> Erasure:
    """A candidate deletes their own account from its page (or an admin does it for them):
    the same erasure, leaving nothing."""
    return erase_person(session, user, actor=actor, settings=settings, now=clock())


def _scrub(value: Any, mentions: Callable[[str], bool], label: str, *,
           drop_keys: bool) -> Any:
    """`value` (audit details) with the person replaced: any text naming them (their e-mail
    address or name) by their pseudonym; on entries about them, the values of personal keys
    (file names, token names, addresses) by a mark."""
    if isinstance(value, dict):
        return {key: (ERASED if drop_keys and key in PERSONAL_KEYS and item is not None
                      else _scrub(item, mentions, label, drop_keys=drop_keys))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, mentions, label, drop_keys=drop_keys) for item in value]
    if isinstance(value, str) and mentions(value):
        return label
    return value


def _remove_files(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise DomainError("files", "cannot remove %(path)s: %(strerror)s",
                              path=path.name, strerror=exc.strerror) from exc
    for path in paths:  # folders left empty go too (a posting's reports folder)
        parent = path.parent
        try:
            if parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
        except OSError:
            pass


def _truncate_wal_after_commit(session: Session) -> None:
    """Once the face commits: on an SQLite file, the write-ahead log checkpointed into the
    database (whose deleted rows secure_delete has zeroed) and truncated, so no copy of the
    erased pages stays in the -wal file. Tests bind sessions to a connection: nothing then."""
    bind = session.get_bind()
    if not isinstance(bind, Engine) or bind.dialect.name != "sqlite":
        return
    if session.info.get(_AFTER_COMMIT):
        return
    session.info[_AFTER_COMMIT] = True

    def checkpoint(done: Session) -> None:
        done.info.pop(_AFTER_COMMIT, None)
        truncate_wal(bind)

    def forget(done: Session) -> None:
        done.info.pop(_AFTER_COMMIT, None)
        if sa.event.contains(done, "after_commit", checkpoint):
            sa.event.remove(done, "after_commit", checkpoint)

    sa.event.listen(session, "after_commit", checkpoint, once=True)
    sa.event.listen(session, "after_rollback", forget, once=True)


def truncate_wal(engine: Engine) -> bool:
    """Checkpoint an SQLite database's write-ahead log and truncate it to nothing; True when
    it could (a reader holding an old snapshot makes it wait, then give up)."""
    if engine.dialect.name != "sqlite":
        return True
    raw = engine.raw_connection()
    try:
        busy, _log_frames, _done = raw.driver_connection.execute(  # type: ignore[union-attr]
            "PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    if busy:
        log.warning("erasure: the SQLite write-ahead log could not be truncated now (a reader "
                    "was busy); it is on the next checkpoint")
    return not busy


# -- a person without an account -----------------------------------------------------------------


def _address_label(address: str, *, settings: Settings) -> str:
    digest = hmac.new(secret_key(settings).encode(), f"address:{address}".encode(),
                      hashlib.sha256).hexdigest()
    return f"person-{digest[:12]}"


@dataclass
class AddressPlan:
    """What erasing a person known only by an address an employer recorded removes."""

    email: str
    names: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    application_ids: list[int] = field(default_factory=list)
    interview_ids: list[int] = field(default_factory=list)
    reminder_ids: list[int] = field(default_factory=list)
    audit_ids: list[int] = field(default_factory=list)
    job_ids: list[int] = field(default_factory=list)


def address_plan(session: Session, email: str, *, actor: Actor,
                 settings: Settings) -> AddressPlan:
    """What erase_address would remove, removing nothing: the applications an employer
    recorded under `email` (no account has it), their documents, interviews, reminders and
    notifications, the panel seats of that address, the files naming the person."""
    _check_admin(actor)
    address = email.strip().lower()
    apps = list(session.scalars(sa.select(Application).where(
        Application.candidate_id.is_(None),
        sa.func.lower(Application.applicant_email) == address)))
    plan = AddressPlan(address, sorted({a.applicant_name for a in apps if a.applicant_name}))
    plan.application_ids = [a.id for a in apps]
    plan.interview_ids = list(session.scalars(sa.select(Interview.id).where(
        Interview.application_id.in_(plan.application_ids)))) if apps else []
    plan.reminder_ids = list(session.scalars(sa.select(Reminder.id).where(sa.or_(
        sa.func.lower(Reminder.recipient_email) == address,
        sa.and_(Reminder.subject_type == SubjectType.APPLICATION,
                Reminder.subject_id.in_(plan.application_ids)),
        sa.and_(Reminder.subject_type == SubjectType.INTERVIEW,
                Reminder.subject_id.in_(plan.interview_ids))))))
    seats = session.scalar(sa.select(sa.func.count()).select_from(PanelMember).where(
        sa.func.lower(PanelMember.email) == address)) or 0
    if not apps and not seats and not plan.reminder_ids:
        raise NotFound("EMAIL", "no account and nothing recorded under %(address)s",
                       address=address)
    text = sa.cast(AuditLog.details, sa.Text)
    stated = [address, *plan.names]
    needles = {n.lower() for n in stated} | {json.dumps(n)[1:-1].lower() for n in stated}
    plan.audit_ids = list(session.scalars(sa.select(AuditLog.id).where(sa.or_(
        sa.and_(AuditLog.entity_type == "application",
                AuditLog.entity_id.in_(plan.application_ids)),
        sa.and_(AuditLog.entity_type == "interview",
                AuditLog.entity_id.in_(plan.interview_ids)),
        *[sa.func.lower(text).contains(n, autoescape=True) for n in needles if n]))))
    files: set[Path] = set()
    for name in plan.names or [""]:
        files |= set(_files_naming(settings, address, name, apps))
    plan.job_ids, job_files = _jobs_naming(session, settings, apps, [], None)
    plan.files = sorted(files | set(job_files))
    plan.counts = {
        "received_applications": len(apps),
        "documents": session.scalar(sa.select(sa.func.count()).select_from(Document).where(
            Document.application_id.in_(plan.application_ids))) or 0,
        "interviews": len(plan.interview_ids),
        "panel_seats": seats,
        "reminders": len(plan.reminder_ids),
        "notifications": session.scalar(sa.select(sa.func.count()).select_from(Notification)
                                        .where(_address_notifications(plan))) or 0,
        "audit_entries": len(plan.audit_ids),
        "dossier_jobs": len(plan.job_ids),
        "files": len(plan.files),
    }
    return plan


def _address_notifications(plan: AddressPlan) -> sa.ColumnElement[bool]:
    return sa.or_(Notification.reminder_id.in_(plan.reminder_ids), *[
        sa.func.lower(column).contains(n.lower(), autoescape=True)
        for n in [plan.email, *plan.names] if n
        for column in (Notification.title, Notification.body)])


def erase_address(session: Session, email: str, *, actor: Actor, settings: Settings,
                  now: datetime) -> Erasure:
    """Erase a person known by an e-mail address: with an account, erase_person; without one,
    what an employer recorded under that address (see address_plan), the audit trail keeping
    what happened with a pseudonym in the person's place. Admins and the operator only."""
    _check_admin(actor)
    user = session.scalar(sa.select(User).where(
        sa.func.lower(User.email) == email.strip().lower()))
    if user is not None:
        return erase_person(session, user, actor=actor, settings=settings, now=now)
    plan = address_plan(session, email, actor=actor, settings=settings)
    label = _address_label(plan.email, settings=settings)
    checks = [Mentions(plan.email, name) for name in plan.names or [""]]

    def mentions(value: str) -> bool:
        return any(check(value) for check in checks)

    about = {("application", i) for i in plan.application_ids} | {
        ("interview", i) for i in plan.interview_ids}
    for entry in session.scalars(sa.select(AuditLog).where(AuditLog.id.in_(plan.audit_ids))):
        entry.details = _scrub(entry.details or {}, mentions, label,
                               drop_keys=(entry.entity_type, entry.entity_id) in about)
    session.flush()
    session.execute(sa.delete(Notification).where(_address_notifications(plan))
                    .execution_options(synchronize_session=False))
    _delete_reminders_and_events(session, plan.reminder_ids, plan.interview_ids)
    session.execute(sa.delete(Job).where(Job.id.in_(plan.job_ids))
                    .execution_options(synchronize_session=False))
    session.execute(sa.delete(PanelMember).where(sa.func.lower(PanelMember.email) == plan.email)
                    .execution_options(synchronize_session=False))
    session.execute(sa.delete(Document).where(Document.application_id.in_(plan.application_ids))
                    .execution_options(synchronize_session=False))
    for application in session.scalars(sa.select(Application).where(
            Application.id.in_(plan.application_ids))):
        session.delete(application)
    session.flush()
    record = Erasure(subject_label=label, status=ErasureStatus.DONE, done_at=now,
                     done_by_id=actor.id if isinstance(actor, User) else None,
                     done_by_label="operator" if actor is OPERATOR else None,
                     source="operator" if actor is OPERATOR else "admin",
                     counts=dict(plan.counts))
    session.add(record)
    session.flush()
    audit.record(session, at=now, actor=actor, action="person.erase", entity=record,
                 details={"counts": dict(plan.counts)})
    _remove_files(plan.files)
    _truncate_wal_after_commit(session)
    return record


def _delete_reminders_and_events(session: Session, reminder_ids: list[int],
                                 interview_ids: list[int]) -> None:
    """The reminders planned for the person and the calendar events of their interviews."""
    if reminder_ids:
        session.execute(sa.delete(Reminder).where(Reminder.id.in_(reminder_ids))
                        .execution_options(synchronize_session=False))
    if interview_ids:
        session.execute(sa.delete(CalendarEvent).where(sa.or_(*[
            CalendarEvent.uid.like(f"interview-{i}@%") for i in interview_ids]))
            .execution_options(synchronize_session=False))


# -- requests -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureRow:
    """One erasure as the admin's page lists it (no personal data once done)."""

    id: int
    status: str
    email: str | None
    full_name: str | None
    subject: str
    requested_at: datetime | None
    done_at: datetime | None
    done_by: str | None
    source: str
    counts: dict[str, Any]


def request_erasure(session: Session, user: User, *, actor: Actor, settings: Settings,
                    now: datetime) -> Erasure:
    """A candidate asks for the erasure of their data: the request is recorded for an admin
    (asking again keeps the first request)."""
    if not (isinstance(actor, User) and actor.id == user.id) and actor is not OPERATOR:
        raise PermissionDenied("user", "only the person asks for their own erasure")
    if user.role is not Role.CANDIDATE:
        raise DomainError("role", "staff accounts are removed by an admin, not erased here")
    existing = session.scalars(sa.select(Erasure).where(
        Erasure.user_id == user.id, Erasure.status == ErasureStatus.REQUESTED)).first()
    if existing is not None:
        return existing
    record = Erasure(user_id=user.id, subject_label=pseudonym(user.id, settings=settings),
                     status=ErasureStatus.REQUESTED, requested_at=now, source="request",
                     counts={})
    session.add(record)
    session.flush()
    return record


def pending_request(session: Session, user: User, *, actor: Actor) -> Erasure | None:
    """The person's erasure request waiting for an admin, if any (for their account page)."""
    if not (isinstance(actor, User) and (actor.id == user.id or actor.role is Role.ADMIN)) \
            and actor is not OPERATOR:
        raise PermissionDenied("user", "only the person or an admin sees their request")
    return session.scalars(sa.select(Erasure).where(
        Erasure.user_id == user.id, Erasure.status == ErasureStatus.REQUESTED)).first()


def list_erasures(session: Session, *, actor: Actor) -> list[ErasureRow]:
    """Requests waiting first, then erasures done, newest first (the admin's page)."""
    _check_admin(actor)
    rows = session.execute(
        sa.select(Erasure, User).outerjoin(User, User.id == Erasure.user_id)
        .order_by(Erasure.status.desc(), sa.func.coalesce(Erasure.done_at, Erasure.requested_at)
                  .desc(), Erasure.id.desc())).all()
    done_by = {u.id: u.email for u in session.scalars(sa.select(User).where(
        User.id.in_([e.done_by_id for e, _ in rows if e.done_by_id])))}
    return [ErasureRow(
        id=e.id, status=e.status.value, email=u.email if u else None,
        full_name=u.full_name if u else None, subject=e.subject_label,
        requested_at=e.requested_at, done_at=e.done_at,
        done_by=done_by.get(e.done_by_id) if e.done_by_id else e.done_by_label,
        source=e.source, counts=dict(e.counts or {})) for e, u in rows]


def carry_out_request(session: Session, request_id: int, *, actor: Actor, settings: Settings,
                      now: datetime) -> Erasure:
    """An admin carries out a candidate's erasure request."""
    _check_admin(actor)
    record = session.get(Erasure, request_id)
    if record is None or record.status is not ErasureStatus.REQUESTED or record.user_id is None:
        raise NotFound("request", "no erasure request %(request_id)s is waiting",
                       request_id=str(request_id))
    user = session.get(User, record.user_id)
    if user is None:
        raise NotFound("request", "no erasure request %(request_id)s is waiting",
                       request_id=str(request_id))
    return erase_person(session, user, actor=actor, settings=settings, now=now,
                        source="request")


def _check_admin(actor: Actor) -> None:
    if actor is not OPERATOR and not (isinstance(actor, User) and actor.role is Role.ADMIN):
        raise PermissionDenied("user", "only an admin handles erasure requests")
