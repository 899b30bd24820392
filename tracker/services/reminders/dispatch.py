"""The dispatcher: claims due reminders, delivers them, marks them.

It works in short transactions of its own, so it takes a session factory, not a session:

1. expired leases are swept: a row left in `sending` by a dispatcher that died goes back to
   `pending` (or to `failed` once its retry period is over);
2. in-app rows and e-mail rows are claimed and delivered apart: a tick delivers the in-app
   rows first, and the scheduler runs the two channels as two jobs, so in-app reminders never
   wait for an SMTP server. A batch is claimed and committed: PostgreSQL picks the rows with
   FOR UPDATE SKIP LOCKED, so concurrent dispatchers never claim the same row; SQLite with a
   conditional UPDATE (writers are serialised there). Each claimed row gets a token and a
   lease;
3. in one transaction per batch, rows that no longer make sense are expired or cancelled with
   their reason, and in-app reminders become notifications together with their `sent` mark
   (exactly once: the mark only applies while the claim holds, and the notification's
   reminder_id is unique);
4. e-mails are claimed a few at a time (TRACKER_REMINDER_EMAIL_BATCH_SIZE) and go out one by
   one after that commit. The lease outlasts the worst case of a claim (the settings refuse
   one that does not), each row's lease is renewed before its e-mail while the claim holds, and
   the `sent` mark is a conditional UPDATE on the claim whose row count is checked: a row
   another dispatcher took back is neither sent again nor marked here. A crash between sending
   and marking leaves the row in `sending`: after its lease it is sent again, with the same
   Message-ID (e-mail is at-least-once, in-app exactly once).
5. A failed connection (refused, timed out, cut, TLS or log-in refused, 421) opens the
   `Circuit`: the other e-mails of the claim go back to the queue without counting an attempt,
   and no e-mail is tried until the circuit's wait (1, 2, 4... minutes, at most 30) is over.
   A message the server refuses for a while (4xx) is retried with the same back-off. Retries go
   on for TRACKER_REMINDER_RETRY_HOURS from the first failure; then the row is `failed`, and
   its reason says the retry period ran out, with the last error. 5xx answers fail at once.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db import UTCDateTime, unit_of_work, utcnow
from tracker.mail import (
    PERSONAL,
    Mailer,
    build_message,
    message_id,
    render_notification,
    render_reminder,
)
from tracker.models import Notification, Reminder, ReminderChannel, ReminderStatus
from tracker.services.reminders.decision import DUE_COLUMNS, Due, DueRow
from tracker.services.reminders.facts import CANCEL, EXPIRE, SEND, Decision, among, decide
from tracker.services.reminders.outbox import insert_ignore

log = logging.getLogger("tracker.reminders")
Clock = Callable[[], datetime]
R = ReminderStatus
IN_APP, EMAIL = ReminderChannel.IN_APP, ReminderChannel.EMAIL
BACKOFF_BASE_S, BACKOFF_MAX_S = 60, 30 * 60
NOTIFICATION = sa.inspect(Notification).local_table  # its table: Core inserts
SENT, LOST, RETRY, OUTAGE = "sent", "lost", "retry", "outage"  # what became of one e-mail


@dataclass
class DispatchReport:
    sent: list[dict] = field(default_factory=list)  # id, kind, channel, recipient, subject
    expired: list[dict] = field(default_factory=list)  # id, reason (and cancelled ones)
    retrying: list[dict] = field(default_factory=list)  # id, error, next attempt
    failed: list[dict] = field(default_factory=list)  # id, error, reason
    released: int = 0  # rows whose lease had expired, put back in the queue
    lost: list[dict] = field(default_factory=list)  # id, kind: claims taken back meanwhile
    email_waiting: int = 0  # e-mail reminders due while no SMTP server is configured
    deferred: int = 0  # e-mails put back untried because the SMTP server was unreachable
    smtp_error: str | None = None  # the connection failure that opened the circuit this pass
    circuit_open_until: datetime | None = None  # no e-mail is tried before then

    @property
    def done(self) -> int:
        return len(self.sent) + len(self.expired) + len(self.failed)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8, 16 minutes, then every 30 minutes."""
    return timedelta(seconds=min(BACKOFF_BASE_S * 2 ** min(max(attempts - 1, 0), 20),
                                 BACKOFF_MAX_S))


@dataclass
class Circuit:
    """What a process knows of its SMTP server between ticks. A failed connection opens it:
    no e-mail is tried before `open_until` (the back-off of the failures in a row), so an
    outage costs one connection attempt (one timeout at worst) per wait, not one per e-mail.
    The first e-mail accepted closes it. A process keeps one (the scheduler does); a fresh one
    is closed."""

    failures: int = 0
    open_until: datetime | None = None
    last_error: str | None = None

    def is_open(self, now: datetime) -> bool:
        return self.open_until is not None and now < self.open_until

    def trip(self, now: datetime, error: str) -> datetime:
        self.failures += 1
        self.open_until, self.last_error = now + backoff(self.failures), error
        return self.open_until

    def close(self) -> None:
        self.failures, self.open_until, self.last_error = 0, None, None


def unique_key(row: DueRow) -> str:
    return f"{row.kind.value}|{row.subject_id}|{row.recipient_key}|{row.channel.value}|{row.offset_spec}"


def _render(context: dict[str, Any], cache: dict[tuple, tuple[str, str]]) -> tuple[str, str]:
    """The title and summary of an in-app notification, rendered once per batch for each set
    of facts (what they show leaves out the PERSONAL fields, so many recipients share one)."""
    key = tuple([item for item in context.items() if item[0] not in PERSONAL])
    found = cache.get(key)
    if found is None:
        found = cache[key] = render_notification(context)
    return found


def run_once(
    factory: sessionmaker[Session],
    *,
    clock: Clock = utcnow,
    mailer: Mailer | None = None,
    settings: Settings,
    batch_size: int | None = None,
    max_batches: int | None = None,
    channels: list[ReminderChannel] | None = None,
    circuit: Circuit | None = None,
) -> DispatchReport:
    """Deliver everything due now (by `clock`) on `channels` (default both): in-app first,
    batch after batch, then e-mail a few at a time through `mailer`. Without a `mailer`,
    e-mail reminders are left pending and counted. `circuit` carries an SMTP outage from one
    call to the next (default: a fresh one)."""
    wanted = set(channels or ReminderChannel)
    report = DispatchReport()
    report.released = release_expired_leases(factory, clock=clock, settings=settings)
    if IN_APP in wanted:
        size = batch_size or settings.reminder_batch_size
        batches = 0
        while max_batches is None or batches < max_batches:
            token = str(uuid.uuid4())
            ids = claim(factory, token=token, now=clock(), batch_size=size,
                        lease=timedelta(seconds=settings.reminder_lease_s), channels=[IN_APP])
            batches += 1
            if ids:
                _deliver(factory, ids, token, clock, report)
            if len(ids) < size:
                break
    if EMAIL in wanted and mailer is not None:
        _run_email(factory, clock, mailer, settings, report, circuit or Circuit(),
                   max_batches=max_batches)
    elif EMAIL in wanted:
        with factory() as session:
            report.email_waiting = session.scalar(sa.select(sa.func.count()).where(
                Reminder.status == R.PENDING, Reminder.next_attempt_at <= clock(),
                Reminder.channel == EMAIL,
            )) or 0
    return report


def _run_email(factory: sessionmaker[Session], clock: Clock, mailer: Mailer,
               settings: Settings, report: DispatchReport, circuit: Circuit, *,
               max_batches: int | None) -> None:
    """Claim e-mails TRACKER_REMINDER_EMAIL_BATCH_SIZE at a time and send them, until none is
    due or the circuit opens."""
    if circuit.is_open(clock()):  # said when it opened; not again at every tick
        report.circuit_open_until = circuit.open_until
        log.debug("reminders: e-mail waits until %s (SMTP unreachable: %s)",
                  circuit.open_until, circuit.last_error)
        return
    size, batches = settings.reminder_email_batch_size, 0
    while max_batches is None or batches < max_batches:
        token = str(uuid.uuid4())
        ids = claim(factory, token=token, now=clock(), batch_size=size,
                    lease=timedelta(seconds=settings.reminder_lease_s), channels=[EMAIL])
        batches += 1
        emails = _deliver(factory, ids, token, clock, report) if ids else []
        for n, (row, decision) in enumerate(emails):
            outcome = _send_email(factory, row, decision, token, clock, mailer, settings,
                                  report, circuit)
            if outcome == OUTAGE:
                rest = [r for r, _ in emails[n + 1:]]
                if rest:
                    _retry_later(factory, rest, token, clock(), settings, report,
                                 error=circuit.last_error or "", retry_at=circuit.open_until,
                                 tried=False)
                if circuit.open_until is not None:
                    _defer_due(factory, clock(), circuit.open_until, circuit.last_error or "",
                               settings, report)
                report.smtp_error = circuit.last_error
                report.circuit_open_until = circuit.open_until
                return
        if len(ids) < size:
            return


@dataclass(frozen=True)
class DueItem:
    """A reminder due at some instant, and what the dispatcher would do with it then."""

    reminder: Reminder
    action: str  # send, expire or cancel
    reason: str | None
    title: str | None  # the subject of the message it would send


def deliver_due(factory: sessionmaker[Session], *, settings: Settings,
                clock: Clock = utcnow, channels: list[ReminderChannel] | None = None,
                circuit: Circuit | None = None) -> DispatchReport:
    """One tick of the dispatcher, as the scheduler runs it (one job per channel) and
    `tracker reminders run --once` does (both): everything due, in-app at once and by e-mail
    through SMTP when `settings` name a host (else e-mail rows wait, counted in the report)."""
    wants_email = channels is None or EMAIL in channels
    mailer = Mailer(settings) if settings.smtp_host and wants_email else None
    try:
        return run_once(factory, clock=clock, mailer=mailer, settings=settings,
                        channels=channels, circuit=circuit)
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
                           settings: Settings) -> int:
    """Rows stuck in `sending` past their lease go back to `pending`, retried from then on
    like a failure (or `failed` when their retry period is over). Returns how many."""
    now = clock()
    stuck = sa.and_(Reminder.status == R.SENDING, Reminder.lease_until <= now)
    error = "lease expired: the dispatcher stopped during delivery"
    with unit_of_work(factory, write=True) as session:
        failed = session.execute(
            sa.update(Reminder).where(stuck, Reminder.retry_until <= now).values(
                status=R.FAILED, claim_token=None, lease_until=None, updated_at=now,
                last_error=error, reason=_ran_out(now, settings, error),
            ), execution_options={"synchronize_session": False},
        ).rowcount
        until = sa.func.coalesce(Reminder.retry_until, sa.literal(
            now + timedelta(hours=settings.reminder_retry_hours), UTCDateTime()))
        released = session.execute(
            sa.update(Reminder).where(stuck).values(
                status=R.PENDING, claim_token=None, lease_until=None, updated_at=now,
                last_error=error, retry_until=until,
            ), execution_options={"synchronize_session": False},
        ).rowcount
    if failed or released:
        log.warning("reminders: %d lease(s) expired, %d back in the queue, %d failed",
                    failed + released, released, failed)
    return (failed or 0) + (released or 0)


def _ran_out(until: datetime, settings: Settings, error: str | None,
             attempts: int | None = None) -> str:
    """Why a row is failed once its retry period is over, in words (the reminders list and
    the outbox show it)."""
    tries = f" after {attempts} attempt{'s' if attempts != 1 else ''}" if attempts else ""
    return (f"not sent: the retry period ran out at {until.astimezone(UTC):%Y-%m-%d %H:%M}Z "
            f"({settings.reminder_retry_hours:g} h from the first failure, "
            f"TRACKER_REMINDER_RETRY_HOURS){tries}; last error: {error or 'none'}")


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
            # the status checked without the (status, next_attempt_at) index (every pending
            # row, later ones too: 70,000 in a 1M-row outbox): the picked ids by rowid
            statement = sa.update(Reminder).where(Reminder.id.in_(pick.scalar_subquery()),
                                                  _status_is(R.PENDING, "sqlite"))
        result = session.execute(statement.values(**values).returning(Reminder.id),
                                 execution_options={"synchronize_session": False})
        return sorted(result.scalars())


# PostgreSQL: the batch's notifications as one array per column, one statement whatever the
# batch (psycopg's executemany ran one INSERT per row, pipelined; multi-row VALUES made a new
# statement of 3,000 parameters at each batch, which psycopg parsed anew).
_PG_NOTIFICATIONS = sa.text("""
INSERT INTO notification (user_id, title, body, link, created_at, reminder_id)
SELECT user_id, title, body, link, :created_at, reminder_id
FROM unnest(CAST(:user_ids AS INTEGER[]), CAST(:titles AS TEXT[]), CAST(:bodies AS TEXT[]),
            CAST(:links AS TEXT[]), CAST(:reminder_ids AS INTEGER[]))
     AS batch (user_id, title, body, link, reminder_id)
ON CONFLICT (reminder_id) DO NOTHING
""").bindparams(sa.bindparam("created_at", type_=UTCDateTime()))


def _insert_notifications(session: Session, notes: list[dict[str, Any]], dialect: str) -> None:
    """INSERT ... ON CONFLICT (reminder_id) DO NOTHING of a batch's notifications, as Core (the
    ORM's bulk insert processed each row): one statement of arrays on PostgreSQL, one
    executemany on SQLite (in the process: a prepared statement run per row)."""
    if dialect != "postgresql":
        session.execute(insert_ignore(session, NOTIFICATION, ["reminder_id"]), notes)
        return
    session.execute(_PG_NOTIFICATIONS, dict(
        created_at=notes[0]["created_at"], user_ids=[n["user_id"] for n in notes],
        titles=[n["title"] for n in notes], bodies=[n["body"] for n in notes],
        links=[n["link"] for n in notes], reminder_ids=[n["reminder_id"] for n in notes]))


def _status_is(status: ReminderStatus, dialect: str) -> sa.ColumnElement[bool]:
    """`reminder.status = status`, which on SQLite is written `+reminder.status`: the check
    stays, but SQLite must not walk the (status, next_attempt_at) index for it, over every row
    of that status, instead of looking the statement's ids up by rowid."""
    if dialect != "sqlite":
        return Reminder.status == status
    unindexed = sa.literal_column("+reminder.status", type_=Reminder.status.type)
    return unindexed == sa.literal(status, Reminder.status.type)


def _deliver(factory: sessionmaker[Session], ids: list[int], token: str, clock: Clock,
             report: DispatchReport) -> list[tuple[dict, Decision]]:
    """Close the claimed rows that no longer make sense, deliver the in-app ones, all in one
    transaction; return the e-mails to send (still claimed by `token`)."""
    now = clock()
    emails: list[tuple[dict, Decision]] = []
    with unit_of_work(factory, write=True) as session:
        dialect = session.get_bind().dialect.name
        # plain rows of the columns the decisions read, not ORM objects (500 a batch)
        rows = {r.id: r for r in map(Due._make, session.execute(
            sa.select(*DUE_COLUMNS).where(among(Reminder.id, ids, dialect),
                                          Reminder.claim_token == token)
        ))}
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
                  if d.action == SEND and rows[d.reminder_id].channel is IN_APP]
        if in_app:
            marked = set(session.scalars(
                sa.update(Reminder).where(Reminder.claim_token == token,
                                          _status_is(R.SENDING, dialect),
                                          among(Reminder.id, [d.reminder_id for d in in_app],
                                                dialect))
                .values(status=R.SENT, sent_at=now, claim_token=None, lease_until=None,
                        last_error=None, retry_until=None, updated_at=now)
                .returning(Reminder.id),
                execution_options={"synchronize_session": False},
            ))
            notes, rendered = [], {}
            for d in in_app:
                if d.reminder_id not in marked:
                    continue
                row = rows[d.reminder_id]
                title, summary = _render(d.context, rendered)
                notes.append(dict(user_id=row.recipient_user_id, title=title[:300],
                                  body=summary, link=d.context.get("link"),
                                  created_at=now, reminder_id=row.id))
                report.sent.append(dict(id=row.id, kind=row.kind.value, channel="in_app",
                                        recipient=row.recipient_email, subject=title))
                log.info("reminder #%d %s sent in-app to %s: %s", row.id, row.kind.value,
                         row.recipient_email, title)
            if notes:
                _insert_notifications(session, notes, dialect)
        for d in decisions:
            row = rows[d.reminder_id]
            if d.action == SEND and row.channel is EMAIL:
                emails.append((dict(id=row.id, kind=row.kind.value, key=unique_key(row),
                                    email=row.recipient_email, user_id=row.recipient_user_id,
                                    attempts=row.attempts), d))
    return emails


def _send_email(factory: sessionmaker[Session], row: dict, decision: Decision, token: str,
                clock: Clock, mailer: Mailer, settings: Settings, report: DispatchReport,
                circuit: Circuit) -> str:
    """Send one claimed e-mail and mark it; returns SENT, LOST (the claim was taken back),
    RETRY (refused or failed: retried later, or failed) or OUTAGE (the server could not be
    reached: the circuit is open)."""
    ours = sa.and_(Reminder.id == row["id"], Reminder.claim_token == token,
                   Reminder.status == R.SENDING)
    try:  # the slow part, when the server is slow or silent: before the claim is checked
        mailer.connect()
    except (smtplib.SMTPException, OSError) as exc:
        return _send_failed(factory, row, exc, token, clock, mailer, settings, report, circuit,
                            ours)
    now = clock()
    # The lease outlasts a claim's worst case, but renew it anyway just before sending, and
    # leave the row alone if another dispatcher took it back meanwhile.
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
        return RETRY
    if not renewed:
        report.lost.append(dict(id=row["id"], kind=row["kind"]))
        log.warning("reminder #%d: its claim was taken back before its e-mail went out; "
                    "left to the dispatcher that holds it", row["id"])
        return LOST
    msg_id = message_id(row["id"], row["key"], settings.smtp_sender)
    try:
        rendered = render_reminder(decision.context, public_url=settings.public_url)
        message = build_message(rendered, decision.context, recipient=row["email"],
                                msg_id=msg_id, settings=settings, now=now)
        mailer.send(message)
    except (smtplib.SMTPException, OSError) as exc:
        return _send_failed(factory, row, exc, token, clock, mailer, settings, report, circuit,
                            ours)
    circuit.close()
    now = clock()
    with unit_of_work(factory, write=True) as session:
        marked = session.execute(sa.update(Reminder).where(ours).values(
            status=R.SENT, sent_at=now, message_id=msg_id, last_error=None, claim_token=None,
            lease_until=None, retry_until=None, updated_at=now,
        ), execution_options={"synchronize_session": False}).rowcount
    if not marked:
        # Only when the lease ran out during the transfer (a setting the validator lets
        # through cannot, short of a paused process): the row is another dispatcher's now.
        report.lost.append(dict(id=row["id"], kind=row["kind"], message_id=msg_id))
        log.error("reminder #%d was e-mailed to %s (%s) but its claim was taken back "
                  "meanwhile: not marked sent here; the dispatcher that holds it may send it "
                  "again, with the same Message-ID", row["id"], row["email"], msg_id)
        return LOST
    report.sent.append(dict(id=row["id"], kind=row["kind"], channel="email",
                            recipient=row["email"], subject=rendered.subject,
                            message_id=msg_id))
    log.info("reminder #%d %s e-mailed to %s (%s): %s", row["id"], row["kind"], row["email"],
             msg_id, rendered.subject)
    return SENT


def _send_failed(factory: sessionmaker[Session], row: dict, exc: Exception, token: str,
                 clock: Clock, mailer: Mailer, settings: Settings, report: DispatchReport,
                 circuit: Circuit, ours: sa.ColumnElement[bool]) -> str:
    """An e-mail did not go out: an outage opens the circuit, a refusal is retried or
    failed."""
    error = f"{type(exc).__name__}: {exc}"
    now = clock()
    if _outage(exc):
        mailer.close()
        # the whole queue waits for the circuit, this row at least its own back-off
        retry_at = max(circuit.trip(now, error), now + backoff(row["attempts"]))
        circuit.open_until = retry_at
        log.warning("reminders: SMTP server unreachable (%s): e-mail waits until %s",
                    error, retry_at.isoformat())
        _retry_later(factory, [row], token, now, settings, report, error=error,
                     retry_at=retry_at, tried=True)
        return OUTAGE
    circuit.close()  # the server answered: it is this message it refuses
    if _permanent(exc):
        _fail(factory, row, ours, now, error, report,
              "not sent: the SMTP server refused it for good (a 5xx answer, not retried)")
    else:
        _retry_later(factory, [row], token, now, settings, report, error=error,
                     retry_at=now + backoff(row["attempts"]), tried=True)
    return RETRY


def _retry_later(factory: sessionmaker[Session], rows: list[dict], token: str, now: datetime,
                 settings: Settings, report: DispatchReport, *, error: str,
                 retry_at: datetime | None, tried: bool) -> None:
    """Put claimed e-mail rows back in the queue for `retry_at`, within their retry period
    (which starts at their first failure); a row whose period is over is failed, saying so.
    Rows not `tried` (the server was unreachable before their turn) get their attempt back."""
    ids = [r["id"] for r in rows]
    window = timedelta(hours=settings.reminder_retry_hours)
    with unit_of_work(factory, write=True) as session:
        current = {r.id: r for r in session.scalars(sa.select(Reminder).where(
            Reminder.id.in_(ids), Reminder.claim_token == token,
            Reminder.status == R.SENDING))}
        for row in rows:
            found = current.get(row["id"])
            if found is None:  # taken back meanwhile: the holder decides
                report.lost.append(dict(id=row["id"], kind=row["kind"]))
                continue
            until = found.retry_until or now + window
            attempts = found.attempts if tried else max(found.attempts - 1, 0)
            ours = sa.and_(Reminder.id == found.id, Reminder.claim_token == token,
                           Reminder.status == R.SENDING)
            what = error if tried else f"not tried, the SMTP server was unreachable: {error}"
            if now >= until:
                reason = _ran_out(until, settings, error, attempts)
                session.execute(sa.update(Reminder).where(ours).values(
                    status=R.FAILED, last_error=what, reason=reason, attempts=attempts,
                    claim_token=None, lease_until=None, updated_at=now,
                ), execution_options={"synchronize_session": False})
                report.failed.append(dict(id=found.id, kind=row["kind"], error=error,
                                          reason=reason))
                log.error("reminder #%d e-mail to %s failed: %s", found.id, row["email"],
                          reason)
                continue
            next_at = min(max(retry_at or now, now), until)
            session.execute(sa.update(Reminder).where(ours).values(
                status=R.PENDING, last_error=what, attempts=attempts, next_attempt_at=next_at,
                retry_until=until, claim_token=None, lease_until=None, updated_at=now,
            ), execution_options={"synchronize_session": False})
            if tried:
                report.retrying.append(dict(id=found.id, kind=row["kind"], error=error,
                                            next_attempt_at=next_at, retry_until=until))
                log.warning("reminder #%d e-mail to %s: %s; next attempt at %s, retried "
                            "until %s", found.id, row["email"], error, next_at.isoformat(),
                            until.isoformat())
            else:
                report.deferred += 1


def _defer_due(factory: sessionmaker[Session], now: datetime, retry_at: datetime, error: str,
               settings: Settings, report: DispatchReport) -> None:
    """The circuit opened: every other e-mail due waits for it, untried (no attempt counted),
    so that the outbox says why and other dispatchers wait too; its retry period starts now
    if it had none, and one whose period is over is failed, saying so."""
    due = sa.and_(Reminder.status == R.PENDING, Reminder.channel == EMAIL,
                  Reminder.next_attempt_at <= now)
    what = f"not tried, the SMTP server was unreachable: {error}"
    with unit_of_work(factory, write=True) as session:
        over = session.execute(sa.select(
            Reminder.id, Reminder.kind, Reminder.retry_until, Reminder.attempts,
        ).where(due, Reminder.retry_until <= now)).all()
        for row_id, kind, until, attempts in over:
            reason = _ran_out(until, settings, error, attempts)
            done = session.execute(sa.update(Reminder).where(Reminder.id == row_id, due).values(
                status=R.FAILED, last_error=what, reason=reason, updated_at=now,
            ), execution_options={"synchronize_session": False}).rowcount
            if done:
                report.failed.append(dict(id=row_id, kind=kind.value, error=error,
                                          reason=reason))
                log.error("reminder #%d e-mail failed: %s", row_id, reason)
        at = sa.literal(retry_at, UTCDateTime())
        report.deferred += session.execute(sa.update(Reminder).where(due).values(
            next_attempt_at=sa.case((Reminder.retry_until < at, Reminder.retry_until), else_=at),
            retry_until=sa.func.coalesce(Reminder.retry_until, sa.literal(
                now + timedelta(hours=settings.reminder_retry_hours), UTCDateTime())),
            last_error=what, updated_at=now,
        ), execution_options={"synchronize_session": False}).rowcount or 0


def _fail(factory: sessionmaker[Session], row: dict, ours: sa.ColumnElement[bool],
          now: datetime, error: str, report: DispatchReport, reason: str) -> None:
    with unit_of_work(factory, write=True) as session:
        done = session.execute(sa.update(Reminder).where(ours).values(
            status=R.FAILED, last_error=error, reason=reason, claim_token=None,
            lease_until=None, updated_at=now,
        ), execution_options={"synchronize_session": False}).rowcount
    if not done:
        report.lost.append(dict(id=row["id"], kind=row["kind"]))
        return
    report.failed.append(dict(id=row["id"], kind=row["kind"], error=error, reason=reason))
    log.error("reminder #%d e-mail to %s failed: %s", row["id"], row["email"], error)


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


def _outage(exc: Exception) -> bool:
    """The server could not be reached or talked to (whatever the message): refused, timed
    out, cut, no greeting, TLS or log-in refused, or 421 (the service is closing). Mind that
    smtplib's errors are OSErrors too: the SMTP answers are sorted first."""
    if isinstance(exc, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError,
                        smtplib.SMTPHeloError, smtplib.SMTPAuthenticationError,
                        smtplib.SMTPNotSupportedError)):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return any(code == 421 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):  # an answer about this message
        return exc.smtp_code == 421
    # a bare SMTPException: no usable log-in method, no AUTH; any other OSError: the network
    return type(exc) is smtplib.SMTPException or not isinstance(exc, smtplib.SMTPException)


def _permanent(exc: Exception) -> bool:
    """5xx answers (unknown mailbox, refused sender) will not get better by retrying."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    code = getattr(exc, "smtp_code", None)
    return isinstance(code, int) and 500 <= code < 600 and not isinstance(
        exc, smtplib.SMTPServerDisconnected)
