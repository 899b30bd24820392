"""The retention policy, run once a day by the scheduler and by `tracker privacy retention`.

- An application that did not lead to a hire, to a posting of an organisation, is anonymised
  `retention_applications_months` (default 24) after its posting closed: the later of its
  deadline and the moment it was closed, filled or cancelled (a posting still open counts from
  its deadline once passed; one with neither stays). Its documents, answers, notes, cover
  letter, status comments, interview outcome, reminders and dossier files go, and so does the
  link to the candidate (or the name and address the employer recorded); the posting, the
  status and the dates stay, for statistics. Unless the candidate's consent to the
  organisation's talent pool holds.
- A candidate's account unused (no log-in on the web, no use of an API token) for the longest
  `retention_accounts_months` of the organisations they applied to (none:
  settings.retention_account_months, default 36) is warned, in-app and by e-mail in its
  language, settings.retention_warning_days (default 30) before, then deleted; a log-in after
  the warning starts the count again. An account whose consent to a talent pool holds stays.

`run` decides and (unless dry_run) does it in the caller's transaction; `send_warnings` sends
the warnings' e-mails after the caller committed.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from tracker import mail
from tracker.config import Settings
from tracker.domain.access import Actor, Operator
from tracker.domain.errors import PermissionDenied
from tracker.i18n import Formatter
from tracker.models import (
    ApiToken,
    Application,
    ApplicationMessage,
    ApplicationStatus,
    ApplicationStatusChange,
    AuditLog,
    Document,
    Interview,
    LoginSession,
    Note,
    Notification,
    Organisation,
    Posting,
    PostingStatus,
    Reminder,
    RequirementEvidence,
    Role,
    SubjectType,
    TalentPoolConsent,
    User,
    Visibility,
)
from tracker.services import audit
from tracker.services.dossiers.render import Dossier, slug
from tracker.services.privacy.consent import holds
from tracker.services.privacy.erase import erase_person, forget_dossier_jobs

log = logging.getLogger(__name__)
_ENDED = (PostingStatus.CLOSED, PostingStatus.FILLED, PostingStatus.CANCELLED)
_ENDED_ACTIONS = tuple(f"posting.{status.value}" for status in _ENDED)


@dataclass(frozen=True)
class Action:
    """One thing the policy does: anonymise an application, warn or delete an account."""

    action: str  # anonymise, warn, delete
    subject: str  # application, account
    id: int
    organisation: str | None  # slug
    reason: str
    since: datetime  # the posting's close, or the account's last activity
    due: datetime  # when the rule says it is done
    email: str | None = None  # an account's address (the operator runs the policy)
    posting: str | None = None  # an application's posting reference
    deletion_at: datetime | None = None  # a warning: the deletion it announces

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, datetime) else v)
                for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class AccountWarning:
    """An e-mail to send after commit: the account will be deleted at `deletion_at`."""

    user_id: int
    email: str
    name: str
    lang: str
    timezone: str
    deletion_at: datetime
    warned_at: datetime


@dataclass
class Report:
    now: datetime
    dry_run: bool
    actions: list[Action] = field(default_factory=list)
    warnings: list[AccountWarning] = field(default_factory=list)
    skipped: bool = False  # another run holds the lock (several schedulers on PostgreSQL)

    def count(self, action: str) -> int:
        return sum(1 for a in self.actions if a.action == action)

    def as_dict(self) -> dict[str, Any]:
        return {"now": self.now.isoformat(), "dry_run": self.dry_run, "skipped": self.skipped,
                "anonymise": self.count("anonymise"), "warn": self.count("warn"),
                "delete": self.count("delete"),
                "actions": [a.as_dict() for a in self.actions]}


def _months(since: datetime, months: int) -> datetime:
    return since + relativedelta(months=months)


def _check_actor(actor: Actor) -> None:
    if not (isinstance(actor, Operator) or actor.role is Role.ADMIN):
        raise PermissionDenied("retention", "only an admin or the operator runs retention")


# --- applications -------------------------------------------------------------------------


def _consents(session: Session, now: datetime) -> set[tuple[int, int]]:
    """(user id, organisation id) of every consent that holds."""
    return {(c.user_id, org.id) for c, org in session.execute(
        sa.select(TalentPoolConsent, Organisation)
        .join(Organisation, Organisation.id == TalentPoolConsent.organisation_id)
         .where(TalentPoolConsent.revoked_at.is_(None))) if holds(c, org, now)}


def _application_actions(session: Session, now: datetime,
                         consents: set[tuple[int, int]]) -> list[tuple[Action, Application]]:
    ended_at = (sa.select(AuditLog.entity_id, sa.func.max(AuditLog.at).label("at"))
                .where(AuditLog.entity_type == "posting", AuditLog.action.in_(_ENDED_ACTIONS))
                .group_by(AuditLog.entity_id).subquery())
    rows = session.execute(
        sa.select(Application, Posting, Organisation, ended_at.c.at)
        .join(Posting, Posting.id == Application.posting_id)
        .join(Organisation, Organisation.id == Posting.organisation_id)
        .outerjoin(ended_at, ended_at.c.entity_id == Posting.id)
        .where(Application.anonymised_at.is_(None),
               Application.status != ApplicationStatus.HIRED,
               Posting.visibility == Visibility.PUBLIC,
               sa.or_(Posting.status.in_(_ENDED), Posting.valid_through < now))
        .order_by(Application.id))
    found = []
    for application, posting, org, status_at in rows:
        if posting.status in _ENDED:
            closed = max(filter(None, [posting.valid_through, status_at or posting.updated_at]))
        else:
            assert posting.valid_through is not None  # the query's condition
            closed = posting.valid_through
        due = _months(closed, org.retention_applications_months)
        if due > now:
            continue
        if application.candidate_id is not None and (application.candidate_id,
                                                     org.id) in consents:
            continue
        found.append((Action(
            "anonymise", "application", application.id, org.slug,
            f"{application.status.value}, posting "
            + (f"{posting.status.value} on " if posting.status in _ENDED
               else "deadline passed on ")
            + f"{closed.date().isoformat()}: kept {org.retention_applications_months} months",
            closed, due, posting=posting.reference), application))
    return found


def _dossier_paths(application: Application, posting: Posting, reports_dir: Path) -> list[Path]:
    """Where `tracker dossier application` writes this application's dossier, in each language
    (render.application_dossier names it so)."""
    name = application.person_name
    paths = []
    for lang in ("fr", "en"):
        f = Formatter(lang)
        filename = slug(f"{f('application_dossier')}-{name}-{lang}") + ".pdf"
        dossier = Dossier("application", posting.hiring_organization_name
                          if posting.organisation is None else posting.organisation.name,
                          posting.reference, filename, b"")
        paths.append(dossier.default_path(reports_dir))
    return paths


def anonymise(session: Session, application: Application, *, reason: str, actor: Actor,
              settings: Settings, now: datetime) -> None:
    """Remove the personal data of `application`, keep its posting, status and dates."""
    _check_actor(actor)
    for path in _dossier_paths(application, application.posting, Path(settings.reports_dir)):
        path.unlink(missing_ok=True)
    forget_dossier_jobs(session, settings, [application])  # stored dossiers that show it
    document_ids = list(session.scalars(sa.select(Document.id).where(
        Document.application_id == application.id)))
    # the audit trail of its documents (those removed before too) named their files: it keeps
    # what happened, not the name
    for entry in session.scalars(sa.select(AuditLog).where(
            AuditLog.entity_type == "document", sa.or_(
                AuditLog.entity_id.in_(document_ids),
                AuditLog.details["application"].as_integer() == application.id))):
        if "filename" in (entry.details or {}):
            entry.details = {k: v for k, v in entry.details.items() if k != "filename"}
    session.execute(sa.delete(Document).where(Document.id.in_(document_ids)))
    session.execute(sa.delete(RequirementEvidence).where(
        RequirementEvidence.application_id == application.id))
    session.execute(sa.delete(Note).where(Note.application_id == application.id))
    session.execute(sa.delete(ApplicationMessage).where(
        ApplicationMessage.application_id == application.id))
    session.execute(sa.update(ApplicationStatusChange)
                    .where(ApplicationStatusChange.application_id == application.id)
                    .values(comment=None))
    person = application.candidate_id
    if person is not None:  # what the candidate did to it no longer names them
        session.execute(sa.update(ApplicationStatusChange)
                        .where(ApplicationStatusChange.application_id == application.id,
                               ApplicationStatusChange.changed_by_id == person)
                        .values(changed_by_id=None))
        session.execute(sa.update(AuditLog).where(
            AuditLog.actor_id == person, sa.or_(
                sa.and_(AuditLog.entity_type == "application",
                        AuditLog.entity_id == application.id),
                sa.and_(AuditLog.entity_type == "document",
                        AuditLog.entity_id.in_(document_ids))))
            .values(actor_id=None).execution_options(synchronize_session=False))
    session.execute(sa.update(Interview).where(Interview.application_id == application.id)
                    .values(outcome=None))
    session.execute(sa.delete(Reminder).where(Reminder.subject_type == SubjectType.APPLICATION,
                                              Reminder.subject_id == application.id))
    application.candidate_id = None
    application.applicant_name = None
    application.applicant_email = None
    application.cover_letter = None
    application.anonymised_at = now
    application.updated_at = now
    session.flush()
    session.expire(application)
    audit.record(session, at=now, actor=actor, action="application.anonymise",
                 entity=application, details={"reason": reason})


# --- accounts -----------------------------------------------------------------------------


def _last_activity(session: Session) -> sa.Select[Any]:
    """Per candidate: the account, its last activity (creation, log-in, a session's last
    request, a token's last use) and the longest account period of its organisations."""
    seen = (sa.select(LoginSession.user_id, sa.func.max(LoginSession.last_seen_at).label("at"))
            .group_by(LoginSession.user_id).subquery())
    used = (sa.select(ApiToken.user_id, sa.func.max(ApiToken.last_used_at).label("at"))
            .group_by(ApiToken.user_id).subquery())
    months = (sa.select(Application.candidate_id.label("user_id"),
                        sa.func.max(Organisation.retention_accounts_months).label("months"))
              .join(Posting, Posting.id == Application.posting_id)
              .join(Organisation, Organisation.id == Posting.organisation_id)
              .group_by(Application.candidate_id).subquery())
    return (sa.select(User, seen.c.at, used.c.at, months.c.months)
            .outerjoin(seen, seen.c.user_id == User.id)
            .outerjoin(used, used.c.user_id == User.id)
            .outerjoin(months, months.c.user_id == User.id)
            .where(User.role == Role.CANDIDATE, User.deleted_at.is_(None))
            .order_by(User.id))


def _account_actions(session: Session, now: datetime, settings: Settings,
                     consents: set[tuple[int, int]]) -> list[tuple[Action, User]]:
    pooled = {user_id for user_id, _org in consents}
    warning = timedelta(days=settings.retention_warning_days)
    found = []
    for user, seen, used, months in session.execute(_last_activity(session)):
        if user.id in pooled:
            continue
        since = max(filter(None, [user.created_at, user.last_login_at, seen, used]))
        months = months or settings.retention_account_months
        due = _months(since, months)
        why = f"no log-in since {since.date().isoformat()}: kept {months} months"
        warned = user.retention_warned_at
        if warned is not None and warned >= since:
            deletion = max(due, warned + warning)
            if deletion <= now:
                found.append((Action("delete", "account", user.id, None, why + ", warned on "
                                     + warned.date().isoformat(), since, deletion,
                                     email=user.email), user))
        elif due - warning <= now:
            found.append((Action("warn", "account", user.id, None, why, since, due - warning,
                                 email=user.email, deletion_at=max(due, now + warning)), user))
    return found


def _warn(session: Session, user: User, action: Action, *, actor: Actor, default_zone: str,
          now: datetime) -> AccountWarning | None:
    """Mark `user` warned (a conditional update: of two runs at once, one warns) and leave the
    in-app notice; the e-mail goes after commit (send_warnings)."""
    assert action.deletion_at is not None
    claimed = session.execute(
        sa.update(User).where(User.id == user.id, sa.or_(
            User.retention_warned_at.is_(None), User.retention_warned_at < action.since))
        .values(retention_warned_at=now).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    session.refresh(user)
    lang = user.locale.value
    zone = user.timezone or default_zone
    subject, summary, _body = mail.render_notice(
        "account_inactive", lang, _notice_context(user, action.deletion_at, zone, None))
    session.add(Notification(user_id=user.id, title=subject[:300], body=summary,
                             link="/account", created_at=now))
    audit.record(session, at=now, actor=actor, action="user.retention_warning", entity=user,
                 details={"deletion_at": action.deletion_at.isoformat()})
    session.flush()
    return AccountWarning(user.id, user.email, user.full_name, lang, zone, action.deletion_at, now)


def _notice_context(user: User | AccountWarning, deletion_at: datetime, zone: str,
                    public_url: str | None) -> dict[str, Any]:
    lang = user.locale.value if isinstance(user, User) else user.lang
    return {"name": user.full_name if isinstance(user, User) else user.name,
            "deletion_date": Formatter(lang).long_date(
                deletion_at.astimezone(ZoneInfo(zone)).date()),
            "login_url": f"{public_url.rstrip('/')}/login" if public_url else None}


def _delete_account(session: Session, user: User, *, actor: Actor, settings: Settings,
                    now: datetime) -> None:
    """The one place an unused account is deleted: an erasure that leaves nothing, recorded as
    the retention policy's."""
    erase_person(session, user, actor=actor, settings=settings, now=now, source="retention")


# Any number that is this job's alone among the advisory locks of the database.
_LOCK_KEY = 0x7265_7465  # "rete"


def _only_run(session: Session) -> bool:
    """Whether this transaction is the only retention run: on PostgreSQL, where several
    schedulers may share the database, a transaction-scoped advisory lock (released at commit
    or rollback); on SQLite the write transaction (BEGIN IMMEDIATE) already runs alone."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.scalar(sa.select(sa.func.pg_try_advisory_xact_lock(_LOCK_KEY))))


# --- the run ------------------------------------------------------------------------------


def run(session: Session, *, actor: Actor, settings: Settings, now: datetime,
        dry_run: bool = False) -> Report:
    """What the policy does at `now`, done unless `dry_run` (in the caller's transaction)."""
    _check_actor(actor)
    report = Report(now=now, dry_run=dry_run)
    if not dry_run and not _only_run(session):
        report.skipped = True
        return report
    consents = _consents(session, now)
    applications = _application_actions(session, now, consents)
    accounts = _account_actions(session, now, settings, consents)
    if dry_run:
        report.actions = [a for a, _ in applications] + [a for a, _ in accounts]
        return report
    for action, application in applications:
        anonymise(session, application, reason=action.reason, actor=actor, settings=settings,
                  now=now)
        report.actions.append(action)
    for action, user in accounts:
        if action.action == "warn":
            warned = _warn(session, user, action, actor=actor,
                           default_zone=settings.timezone, now=now)
            if warned is not None:
                report.warnings.append(warned)
                report.actions.append(action)
        else:
            audit.record(session, at=now, actor=actor, action="user.retention_delete",
                         entity=user, details={"reason": action.reason.split(":")[0]})
            _delete_account(session, user, actor=actor, settings=settings, now=now)
            report.actions.append(action)
    session.flush()
    return report


def send_warnings(warnings: list[AccountWarning], *, settings: Settings, now: datetime) -> int:
    """E-mail each warning (after the transaction that recorded it committed); the number
    sent. Without an SMTP server, or when it fails, the in-app notice stands alone (logged)."""
    if not warnings:
        return 0
    if not settings.smtp_host:
        log.warning("retention: %d warning(s) shown in-app only: TRACKER_SMTP_HOST is not set",
                    len(warnings))
        return 0
    sent = 0
    try:
        with mail.Mailer(settings) as mailer:
            for warning in warnings:
                context = _notice_context(warning, warning.deletion_at, warning.timezone,
                                          settings.public_url)
                mailer.send(mail.notice_message(
                    "account_inactive", recipient=warning.email, lang=warning.lang,
                    context=context, settings=settings, now=now,
                    msg_id=f"retention.{warning.user_id}.{warning.warned_at:%Y%m%d%H%M%S}"))
                sent += 1
    except (OSError, smtplib.SMTPException):
        log.warning("retention: e-mailing warnings failed after %d of %d; the others are "
                    "shown in-app only", sent, len(warnings), exc_info=True)
    return sent
