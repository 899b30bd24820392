"""The dispatcher: claims due reminders, delivers them, marks them.

It works in short transactions of its own, so it takes a session factory, not a session:

1. expired leases are swept: a row left in `sending` by a dispatcher that died goes back to
   `pending` (or to `failed` once it has used its attempts);
2. a batch is claimed and committed: PostgreSQL picks the rows with FOR UPDATE SKIP LOCKED, so
   concurrent dispatchers never claim the same row; SQLite with a conditional UPDATE (writers
   are serialised there). Each claimed row gets a token and a lease;
3. in one transaction per batch, rows that no longer make sense are expired or cancelled with
   their reason, and in-app reminders become notifications together with their `sent` mark
   (exactly once: the mark only applies while the claim holds, and the notification's
   reminder_id is unique);
4. e-mails go out one by one after that commit, each marked `sent` once the server accepted it.
   Before each one, its row's lease is renewed while the claim still holds (a conditional
   UPDATE on the token and status): a batch slower than its lease is not sent a second time
   by a dispatcher that took the rows back; a row whose claim was lost is skipped. A crash
   between sending and marking leaves the row in `sending`: after its lease it is sent again,
   with the same Message-ID. A refused or failed delivery is retried with back-off, then
   `failed`.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db import unit_of_work, utcnow
from tracker.mail import (
    Mailer,
    build_message,
    message_id,
    render_notification,
    render_notification_cached,
    render_reminder,
)
from tracker.models import Notification, Reminder, ReminderChannel, ReminderStatus
from tracker.services.reminders.facts import CANCEL, EXPIRE, SEND, Decision, decide
from tracker.services.reminders.outbox import insert_ignore

log = logging.getLogger("tracker.reminders")
Clock = Callable[[], datetime]
R = ReminderStatus
BACKOFF_BASE_S, BACKOFF_MAX_S = 60, 6 * 3600


@dataclass
class DispatchReport:
    sent: list[dict] = field(default_factory=list)  # id, kind, channel, recipient, subject
    expired: list[dict] = field(default_factory=list)  # id, reason (and cancelled ones)
    retrying: list[dict] = field(default_factory=list)  # id, error, next attempt
    failed: list[dict] = field(default_factory=list)  # id, error
    released: int = 0  # rows whose lease had expired, put back in the queue
    lost: list[dict] = field(default_factory=list)  # id, kind: claims taken back before sending
    email_waiting: int = 0  # e-mail reminders due while no SMTP server is configured

    @property
    def done(self) -> int:
        return len(self.sent) + len(self.expired) + len(self.failed)


def backoff(attempts: int) -> timedelta:
    """1, 4, 16, 64 minutes... at most 6 hours."""
    return timedelta(seconds=min(BACKOFF_BASE_S * 4 ** max(attempts - 1, 0), BACKOFF_MAX_S))


def unique_key(row: Reminder) -> str:
    return f"{row.kind.value}|{row.subject_id}|{row.recipient_key}|{row.channel.value}|{row.offset_spec}"


def run_once(
    factory: sessionmaker[Session],
    *,
    clock: Clock = utcnow,
    mailer: Mailer | None = None,
    settings: Settings,
    batch_size: int | None = None,
    max_batches: int | None = None,
) -> DispatchReport:
    """Deliver everything due now (by `clock`), batch after batch. Without a `mailer`, e-mail
    reminders are left pending and counted."""
    batch_size = batch_size or settings.reminder_batch_size
    report = DispatchReport()
    report.released = release_expired_leases(factory, clock=clock,
                                             max_attempts=settings.reminder_max_attempts)
    channels = [ReminderChannel.IN_APP] + ([ReminderChannel.EMAIL] if mailer else [])
    batches = 0
    while max_batches is None or batches < max_batches:
        token = str(uuid.uuid4())
        ids = claim(factory, token=token, now=clock(), batch_size=batch_size,
                    lease=timedelta(seconds=settings.reminder_lease_s), channels=channels)
        batches += 1
        if ids:
            _deliver(factory, ids, token, clock, mailer, settings, report)
        if len(ids) < batch_size:
            break
    if mailer is None:
        with factory() as session:
            report.email_waiting = session.scalar(sa.select(sa.func.count()).where(
                Reminder.status == R.PENDING, Reminder.next_attempt_at <= clock(),
                Reminder.channel == ReminderChannel.EMAIL,
            )) or 0
    return report


@dataclass(frozen=True)
class DueItem:
    """A reminder due at some instant, and what the dispatcher would do with it then."""

    reminder: Reminder
    action: str  # send, expire or cancel
    reason: str | None
    title: str | None  # the subject of the message it would send


def deliver_due(factory: sessionmaker[Session], *, settings: Settings,
                clock: Clock = utcnow) -> DispatchReport:
    """One tick of the dispatcher, as the scheduler runs it and `tracker reminders send --once`
    does: everything due, in-app at once and by e-mail through SMTP when `settings` name a
    host (else e-mail rows wait, counted in the report)."""
    mailer = Mailer(settings) if settings.smtp_host else None
    try:
        return run_once(factory, clock=clock, mailer=mailer, settings=settings)
    finally:
        if mailer is not None:
            mailer.close()


def due(session: Session, *, at: datetime, limit: int = 1000) -> list[DueItem]:
    """What a dispatcher running at `at` would deliver, expire or cancel (nothing is changed):
    pending rows due by then, and rows whose claim would have expired."""
    rows = list(session.scalars(
        sa.select(Reminder).where(sa.or_(
            sa.and_(Reminder.status == R.PENDING, Reminder.next_attempt_at <= at),
            sa.and_(Reminder.status == R.SENDING, Reminder.lease_until <= at),
        )).order_by(Reminder.next_attempt_at, Reminder.id).limit(limit)
    ))
    by_id = {row.id: row for row in rows}
    items = []
    for d in decide(session, rows, at):
        title = render_notification(d.context)[0] if d.action == SEND else None
        items.append(DueItem(by_id[d.reminder_id], d.action, d.reason, title))
    return items


def release_expired_leases(factory: sessionmaker[Session], *, clock: Clock = utcnow,
                           max_attempts: int = 5) -> int:
    """Rows stuck in `sending` past their lease go back to `pending` (or `failed` when their
    attempts are used up). Returns how many."""
    now = clock()
    stuck = sa.and_(Reminder.status == R.SENDING, Reminder.lease_until <= now)
    with unit_of_work(factory, write=True) as session:
        failed = session.execute(
            sa.update(Reminder).where(stuck, Reminder.attempts >= max_attempts).values(
                status=R.FAILED, claim_token=None, lease_until=None, updated_at=now,
                last_error="lease expired: the dispatcher stopped during delivery, "
                           "and the attempts are used up",
            ), execution_options={"synchronize_session": False},
        ).rowcount
        released = session.execute(
            sa.update(Reminder).where(stuck).values(
                status=R.PENDING, claim_token=None, lease_until=None, updated_at=now,
                last_error="lease expired: the dispatcher stopped during delivery",
            ), execution_options={"synchronize_session": False},
        ).rowcount
    if failed or released:
        log.warning("reminders: %d lease(s) expired, %d back in the queue, %d failed",
                    failed + released, released, failed)
    return (failed or 0) + (released or 0)


def claim(
    factory: sessionmaker[Session],
    *,
    token: str,
    now: datetime,
    batch_size: int,
    lease: timedelta,
    channels: list[ReminderChannel] | None = None,
) -> list[int]:
    """Claim up to `batch_size` due rows for `token` and commit; returns their ids."""
    with unit_of_work(factory, write=True) as session:
        pick = sa.select(Reminder.id).where(
            Reminder.status == R.PENDING, Reminder.next_attempt_at <= now,
        ).order_by(Reminder.next_attempt_at, Reminder.id).limit(batch_size)
        if channels is not None and len(channels) < len(ReminderChannel):
            pick = pick.where(Reminder.channel.in_(channels))
        values = dict(status=R.SENDING, claim_token=token, lease_until=now + lease,
                      attempts=Reminder.attempts + 1, updated_at=now)
        if session.get_bind().dialect.name == "postgresql":
            picked = pick.with_for_update(skip_locked=True).cte("picked")
            statement = sa.update(Reminder).where(Reminder.id == picked.c.id)
        else:
            statement = sa.update(Reminder).where(
                Reminder.id.in_(pick.scalar_subquery()), Reminder.status == R.PENDING
            )
        result = session.execute(statement.values(**values).returning(Reminder.id),
                                 execution_options={"synchronize_session": False})
        return sorted(result.scalars())


def _deliver(factory: sessionmaker[Session], ids: list[int], token: str, clock: Clock,
             mailer: Mailer | None, settings: Settings, report: DispatchReport) -> None:
    now = clock()
    emails: list[tuple[dict, Decision]] = []
    with unit_of_work(factory, write=True) as session:
        rows = {r.id: r for r in session.scalars(
            sa.select(Reminder).where(Reminder.id.in_(ids), Reminder.claim_token == token)
        )}
        decisions = decide(session, rows.values(), now)
        ours = sa.and_(Reminder.claim_token == token, Reminder.status == R.SENDING)
        closing = [d for d in decisions if d.action in (EXPIRE, CANCEL)]
        if closing:
            session.execute(sa.update(Reminder).where(ours), [
                dict(id=d.reminder_id, status=R.EXPIRED if d.action == EXPIRE else R.CANCELLED,
                     reason=d.reason, claim_token=None, lease_until=None, updated_at=now)
                for d in closing
            ], execution_options={"synchronize_session": None})
            for d in closing:
                row = rows[d.reminder_id]
                report.expired.append(dict(id=row.id, kind=row.kind.value, action=d.action,
                                           reason=d.reason))
                log.info("reminder #%d %s %s: %s", row.id, row.kind.value,
                         "expired" if d.action == EXPIRE else "cancelled", d.reason)
        in_app = [d for d in decisions
                  if d.action == SEND and rows[d.reminder_id].channel is ReminderChannel.IN_APP]
        if in_app:
            marked = set(session.scalars(
                sa.update(Reminder).where(ours, Reminder.id.in_([d.reminder_id for d in in_app]))
                .values(status=R.SENT, sent_at=now, claim_token=None, lease_until=None,
                        last_error=None, updated_at=now).returning(Reminder.id),
                execution_options={"synchronize_session": False},
            ))
            notes, rendered = [], {}
            for d in in_app:
                if d.reminder_id not in marked:
                    continue
                row = rows[d.reminder_id]
                title, summary = render_notification_cached(d.context, rendered)
                notes.append(dict(user_id=row.recipient_user_id, title=title[:300],
                                  body=summary, link=d.context.get("link"),
                                  created_at=now, reminder_id=row.id))
                report.sent.append(dict(id=row.id, kind=row.kind.value, channel="in_app",
                                        recipient=row.recipient_email, subject=title))
                log.info("reminder #%d %s sent in-app to %s: %s", row.id, row.kind.value,
                         row.recipient_email, title)
            if notes:
                session.execute(insert_ignore(session, Notification, ["reminder_id"]), notes)
        for d in decisions:
            row = rows[d.reminder_id]
            if d.action == SEND and row.channel is ReminderChannel.EMAIL:
                emails.append((dict(id=row.id, kind=row.kind.value, key=unique_key(row),
                                    email=row.recipient_email, user_id=row.recipient_user_id,
                                    attempts=row.attempts), d))
    for row, decision in emails:
        if mailer is None:  # not claimed without one; kept for safety
            continue
        _send_email(factory, row, decision, token, clock, mailer, settings, report)


def _send_email(factory: sessionmaker[Session], row: dict, decision: Decision, token: str,
                clock: Clock, mailer: Mailer, settings: Settings,
                report: DispatchReport) -> None:
    now = clock()
    ours = sa.and_(Reminder.id == row["id"], Reminder.claim_token == token,
                   Reminder.status == R.SENDING)
    # The batch's lease may have run out while the e-mails before this one went out: renew
    # this row's lease, and leave it alone if another dispatcher took it back meanwhile.
    with unit_of_work(factory, write=True) as session:
        renewed = session.execute(sa.update(Reminder).where(ours).values(
            lease_until=now + timedelta(seconds=settings.reminder_lease_s), updated_at=now,
        ), execution_options={"synchronize_session": False}).rowcount
        capped = bool(renewed) and _over_cap(session, row, now, settings.email_daily_cap)
        if capped:
            reason = (f"daily e-mail cap: {settings.email_daily_cap} e-mails to this address "
                      "in the last 24 hours (TRACKER_EMAIL_DAILY_CAP); not sent")
            session.execute(sa.update(Reminder).where(ours).values(
                status=R.CANCELLED, reason=reason, claim_token=None, lease_until=None,
                updated_at=now,
            ), execution_options={"synchronize_session": False})
    if capped:
        report.expired.append(dict(id=row["id"], kind=row["kind"], action=CANCEL,
                                   reason=reason))
        log.warning("reminder #%d %s to %s not e-mailed: %s", row["id"], row["kind"],
                    row["email"], reason)
        return
    if not renewed:
        report.lost.append(dict(id=row["id"], kind=row["kind"]))
        log.warning("reminder #%d: its claim was taken back before its e-mail went out; "
                    "left to the dispatcher that holds it", row["id"])
        return
    msg_id = message_id(row["id"], row["key"], settings.smtp_sender)
    try:
        rendered = render_reminder(decision.context, public_url=settings.public_url)
        message = build_message(rendered, decision.context, recipient=row["email"],
                                msg_id=msg_id, settings=settings, now=now)
        mailer.send(message)
    except (smtplib.SMTPException, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"
        final = row["attempts"] >= settings.reminder_max_attempts or _permanent(exc)
        retry_at = now + backoff(row["attempts"])
        with unit_of_work(factory, write=True) as session:
            session.execute(sa.update(Reminder).where(ours).values(
                status=R.FAILED if final else R.PENDING, last_error=error, claim_token=None,
                lease_until=None, updated_at=now,
                **({} if final else {"next_attempt_at": retry_at}),
            ), execution_options={"synchronize_session": False})
        entry = dict(id=row["id"], kind=row["kind"], error=error)
        if final:
            report.failed.append(entry)
            log.error("reminder #%d e-mail to %s failed: %s", row["id"], row["email"], error)
        else:
            report.retrying.append({**entry, "next_attempt_at": retry_at})
            log.warning("reminder #%d e-mail to %s: %s; next attempt at %s", row["id"],
                        row["email"], error, retry_at.isoformat())
        return
    with unit_of_work(factory, write=True) as session:
        session.execute(sa.update(Reminder).where(ours).values(
            status=R.SENT, sent_at=now, message_id=msg_id, last_error=None, claim_token=None,
            lease_until=None, updated_at=now,
        ), execution_options={"synchronize_session": False})
    report.sent.append(dict(id=row["id"], kind=row["kind"], channel="email",
                            recipient=row["email"], subject=rendered.subject,
                            message_id=msg_id))
    log.info("reminder #%d %s e-mailed to %s (%s): %s", row["id"], row["kind"], row["email"],
             msg_id, rendered.subject)


def _over_cap(session: Session, row: dict, now: datetime, cap: int) -> bool:
    """Whether the row's recipient (an account, else an outside address) already got `cap`
    e-mails in the 24 hours before `now`."""
    who = (Reminder.recipient_user_id == row["user_id"] if row["user_id"] is not None
           else Reminder.recipient_email == row["email"])  # an account: its (indexed) id
    sent = session.scalar(sa.select(sa.func.count()).where(
        who, Reminder.channel == ReminderChannel.EMAIL, Reminder.status == R.SENT,
        Reminder.sent_at > now - timedelta(hours=24),
    )) or 0
    return sent >= cap


def _permanent(exc: Exception) -> bool:
    """5xx answers (unknown mailbox, refused sender) will not get better by retrying."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    code = getattr(exc, "smtp_code", None)
    return isinstance(code, int) and 500 <= code < 600 and not isinstance(
        exc, smtplib.SMTPServerDisconnected)
