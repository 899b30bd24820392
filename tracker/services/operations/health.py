"""Health: the signs of life the running services leave, and what `/readyz` answers.

- The scheduler writes a heartbeat row (`scheduler`, one per process: `host:pid`) on each of
  its ticks (`beat`) and removes it when it stops cleanly (`forget`). A row left behind by a
  crash ages; rows silent for a day are pruned by the next beat of any instance.
- After each dispatcher tick that tried e-mail, the scheduler records the SMTP result
  (`record_dispatch`: ok, or the last error without addresses or credentials) as `smtp`.
- `readiness` answers whether this instance can serve: the database answers, its schema is the
  code's, and the scheduler beats recently when the deployment runs one (a scheduler row
  exists: this process's own, or another's). The last SMTP result is reported but does not make
  an instance unready: a mail outage must not take the web pages out of the load balancer.

Nothing here holds personal data; the answers are plain dicts for JSON.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import socket
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker import __version__, schema
from tracker.config import Settings
from tracker.models import ServiceHeartbeat

if TYPE_CHECKING:
    from tracker.services.reminders.dispatch import DispatchReport

log = logging.getLogger("tracker.health")
SCHEDULER, SMTP = "scheduler", "smtp"
PRUNE_AFTER = timedelta(days=1)
ERROR_LENGTH = 300
ADDRESS = re.compile(r"[^\s<>()'\",;:]+@[^\s<>()'\",;:]+")


def instance_name() -> str:
    """This process, as its heartbeat rows name it: `host:pid`."""
    return f"{socket.gethostname()}:{os.getpid()}"


def stale_after(settings: Settings) -> timedelta:
    """How old the freshest scheduler heartbeat may be: three missed ticks and a minute."""
    return timedelta(seconds=3 * settings.scheduler_interval_s + 60)


def _upsert(session: Session, name: str, instance: str, at: datetime,
            details: dict[str, Any]) -> None:
    values = dict(name=name, instance=instance, at=at, details=details)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        pg = pg_insert(ServiceHeartbeat).values(**values)
        session.execute(pg.on_conflict_do_update(
            index_elements=["name", "instance"], set_=dict(at=at, details=details)))
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        lite = sqlite_insert(ServiceHeartbeat).values(**values)
        session.execute(lite.on_conflict_do_update(
            index_elements=["name", "instance"], set_=dict(at=at, details=details)))


def beat(session: Session, *, now: datetime, settings: Settings,
         instance: str | None = None) -> None:
    """The scheduler's heartbeat for this process (or `instance`), and the pruning of rows no
    instance has written for a day (crashed processes)."""
    _upsert(session, SCHEDULER, instance or instance_name(), now,
            {"interval_s": settings.scheduler_interval_s, "version": __version__})
    session.execute(sa.delete(ServiceHeartbeat).where(ServiceHeartbeat.at < now - PRUNE_AFTER))
    session.flush()


def forget(session: Session, *, instance: str | None = None) -> None:
    """A scheduler that stops cleanly takes its heartbeat away: the deployment no longer runs
    it, so /readyz stops waiting for it."""
    session.execute(sa.delete(ServiceHeartbeat).where(
        ServiceHeartbeat.name == SCHEDULER,
        ServiceHeartbeat.instance == (instance or instance_name())))
    session.flush()


def clean_error(error: BaseException | str, settings: Settings) -> str:
    """An SMTP error as it may be shown to anyone: no e-mail address, user name or password,
    on one line and cut short."""
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    secrets = [settings.smtp_user or ""]
    if settings.smtp_password is not None:
        secrets.append(settings.smtp_password.get_secret_value())
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, "***")
    text = ADDRESS.sub("<address>", text)
    text = " ".join(text.split())
    return text if len(text) <= ERROR_LENGTH else text[:ERROR_LENGTH - 1] + "…"


def record_dispatch(session: Session, *, report: DispatchReport, settings: Settings,
                    now: datetime) -> bool:
    """The SMTP result of one dispatcher tick, from its report: `ok` when the server accepted
    at least one e-mail, else the last error (a refused recipient, a connection that failed).
    A tick that tried no e-mail records nothing. Returns whether a result was recorded."""
    emailed = [item for item in report.sent if item.get("channel") == "email"]
    errors = [str(item["error"]) for item in (*report.retrying, *report.failed)
              if item.get("error")]
    if report.smtp_error:  # the connection failure that opened the circuit for this tick
        errors.append(report.smtp_error)
    if not emailed and not errors:
        return False
    _upsert(session, SMTP, instance_name(), now, {
        "ok": bool(emailed), "sent": len(emailed), "errors": len(errors),
        "error": clean_error(errors[-1], settings) if errors else None,
        "server": f"{settings.smtp_host}:{settings.smtp_effective_port}",
    })
    session.flush()
    return True


@functools.lru_cache(maxsize=1)
def _head() -> str:
    return schema.head_revision()


@dataclass
class Readiness:
    ready: bool
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"status": "ready" if self.ready else "not ready", "checks": self.checks}


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def readiness(session: Session, *, settings: Settings, now: datetime,
              instance: str | None = None) -> Readiness:
    """Whether this instance can serve: the database, the schema, the scheduler's heartbeat
    when the deployment runs one; and the last SMTP result (reported, never blocking)."""
    result = Readiness(ready=True)
    try:
        session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as exc:
        # only the kind of error: the driver's text may name hosts and users (the log has it)
        session.rollback()
        log.warning("readiness: database: %s", " ".join(str(exc).split())[:ERROR_LENGTH])
        result.ready = False
        result.checks["database"] = {"ok": False, "error": type(exc).__name__}
        return result
    result.checks["database"] = {"ok": True, "dialect": session.get_bind().dialect.name}
    try:
        current = session.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.SQLAlchemyError:
        session.rollback()
        current = None
    head = _head()
    result.checks["schema"] = {"ok": current == head, "revision": current, "head": head}
    if current != head:
        result.ready = False
        return result  # the heartbeat table itself may be missing

    rows = list(session.scalars(sa.select(ServiceHeartbeat)))
    beats = [r for r in rows if r.name == SCHEDULER]
    here = instance or instance_name()
    limit = stale_after(settings)
    if not beats:
        result.checks["scheduler"] = {"ok": True, "running": False}
    else:
        freshest = max(beats, key=lambda r: r.at)
        own = next((r for r in beats if r.instance == here), None)
        fresh = now - freshest.at <= limit and (own is None or now - own.at <= limit)
        result.checks["scheduler"] = {
            "ok": fresh, "running": True, "in_this_process": own is not None,
            "last_beat": _iso(freshest.at), "age_s": round((now - freshest.at).total_seconds()),
            "stale_after_s": round(limit.total_seconds()),
            "instances": sum(1 for r in beats if now - r.at <= limit),
        }
        result.ready = result.ready and fresh
    mails = [r for r in rows if r.name == SMTP]
    smtp: dict[str, Any] = {"configured": bool(settings.smtp_host)}
    if mails:
        last = max(mails, key=lambda r: r.at)
        smtp["last"] = {"ok": bool(last.details.get("ok")), "at": _iso(last.at),
                        "error": last.details.get("error")}
    result.checks["smtp"] = smtp
    return result


def scheduler_instances(session: Session, *, settings: Settings, now: datetime) -> list[str]:
    """Which hosts ran a scheduler recently (within a day), for `tracker doctor`."""
    rows = session.scalars(sa.select(ServiceHeartbeat).where(
        ServiceHeartbeat.name == SCHEDULER, ServiceHeartbeat.at > now - PRUNE_AFTER))
    return sorted({row.instance for row in rows})
