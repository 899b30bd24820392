"""`tracker doctor`: the configuration a person would get wrong, checked, with what to change.

Each check returns findings: `ok`, `warning` (works, but not as it should in production) or
`error` (something will fail). A finding names the setting and says what to do. The checks
read the settings, the files and the database, and talk to the SMTP server; they change
nothing (no folder or database is created: the files are checked before the database is
opened, and the embedded database is not opened when it does not exist yet).
"""

from __future__ import annotations

import ipaddress
import os
import smtplib
import sqlite3
import ssl
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from tracker import schema
from tracker.config import Settings
from tracker.db import unit_of_work
from tracker.domain.access import Actor
from tracker.domain.errors import PermissionDenied
from tracker.models import Role, User
from tracker.services.operations import health

OK, WARNING, ERROR = "ok", "warning", "error"
POSTGRESQL_MIN = 13
SQLITE_MIN = (3, 35)  # RETURNING, which claims and the outbox use
SECRET_MIN = 32
NEW_SECRET = "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"


@dataclass(frozen=True)
class Finding:
    level: str  # ok, warning or error
    check: str  # what was checked: secret_key, public_url, cookies, smtp, data_dir, ...
    message: str  # what was found, and for a warning or an error what to change

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _local(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_secret_key(settings: Settings, *, shared: bool) -> list[Finding]:
    """TRACKER_SECRET_KEY set, long enough, and the same on every instance."""
    if settings.secret_key:
        if len(settings.secret_key) < SECRET_MIN:
            return [Finding(WARNING, "secret_key", f"TRACKER_SECRET_KEY is only "
                            f"{len(settings.secret_key)} characters: use {SECRET_MIN} or more "
                            f"random ones ({NEW_SECRET})")]
        return [Finding(OK, "secret_key", "TRACKER_SECRET_KEY is set")]
    path = Path(settings.data_dir) / "secret_key"
    found = []
    if shared:
        found.append(Finding(WARNING, "secret_key", f"TRACKER_SECRET_KEY is not set: each "
                             f"machine uses the key generated in its own {path}, so sessions "
                             "and forms break when the load balancer moves a visitor to "
                             "another instance; set TRACKER_SECRET_KEY to the same value on "
                             f"every instance ({NEW_SECRET})"))
    else:
        found.append(Finding(OK, "secret_key", f"TRACKER_SECRET_KEY is not set: the key "
                             f"generated in {path} is used (fine for one machine)"))
    if path.exists() and stat.S_IMODE(path.stat().st_mode) & 0o077:
        found.append(Finding(ERROR, "secret_key", f"{path} can be read by other users "
                             f"(mode {stat.S_IMODE(path.stat().st_mode):o}): chmod 600 {path}"))
    return found


def check_public_url(settings: Settings) -> list[Finding]:
    """TRACKER_PUBLIC_URL: set, an absolute http(s) URL, and https outside this machine."""
    url = settings.public_url
    if not url:
        return [Finding(WARNING, "public_url", "TRACKER_PUBLIC_URL is not set: e-mail "
                        "reminders carry no link; set it to the address people open, e.g. "
                        "https://jobs.example.org")]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [Finding(ERROR, "public_url", f"TRACKER_PUBLIC_URL={url!r} is not an http(s) "
                        "address: write it in full, e.g. https://jobs.example.org")]
    if parts.query or parts.fragment:
        return [Finding(ERROR, "public_url", f"TRACKER_PUBLIC_URL={url!r} has a query or a "
                        "fragment: give only the scheme, host and optional path")]
    if parts.scheme == "http" and not _local(parts.hostname):
        return [Finding(WARNING, "public_url", f"TRACKER_PUBLIC_URL={url} is plain http: "
                        "passwords and personal data cross the network in clear; serve the "
                        "site over https (see deploy/) and set https://")]
    return [Finding(OK, "public_url", f"TRACKER_PUBLIC_URL is {url}")]


def check_cookies(settings: Settings) -> list[Finding]:
    """TRACKER_SECURE_COOKIES must match how the site is served."""
    parts = urlsplit(settings.public_url or "")
    if parts.scheme == "https" and not settings.secure_cookies:
        return [Finding(WARNING, "secure_cookies", "the site is served over https but "
                        "TRACKER_SECURE_COOKIES=false: session cookies may leak over plain "
                        "http; set TRACKER_SECURE_COOKIES=true")]
    if parts.scheme == "http" and settings.secure_cookies and not _local(parts.hostname):
        return [Finding(ERROR, "secure_cookies", f"TRACKER_PUBLIC_URL is plain http "
                        f"({settings.public_url}) and TRACKER_SECURE_COOKIES=true: browsers "
                        "will not send the session cookie back, so nobody can log in; serve "
                        "over https (better) or set TRACKER_SECURE_COOKIES=false")]
    if not settings.secure_cookies and parts.scheme != "https":
        return [Finding(WARNING, "secure_cookies", "TRACKER_SECURE_COOKIES=false: keep it "
                        "only for plain http on a private network; behind a TLS proxy set "
                        "it to true")]
    return [Finding(OK, "secure_cookies", "session cookies are sent over https only")]


def _smtp_hint(settings: Settings) -> str:
    port, tls = settings.smtp_effective_port, settings.smtp_tls
    if port == 465 and tls != "ssl":
        return "; port 465 speaks TLS from the first byte: set TRACKER_SMTP_TLS=ssl"
    if port in (25, 587) and tls == "ssl":
        return (f"; port {port} starts in plain text: set TRACKER_SMTP_TLS=starttls "
                "(or TRACKER_SMTP_PORT=465)")
    return ""


def check_smtp(settings: Settings, *, timeout_s: float) -> list[Finding]:
    """The SMTP server answers on its port in its TLS mode, and accepts the log-in."""
    if not settings.smtp_host:
        return [Finding(WARNING, "smtp", "TRACKER_SMTP_HOST is not set: e-mail reminders "
                        "wait and nobody receives them; set TRACKER_SMTP_HOST (and _PORT, "
                        "_TLS, _USER, _PASSWORD)")]
    host, port, tls = settings.smtp_host, settings.smtp_effective_port, settings.smtp_tls
    where = f"{host}:{port} (TRACKER_SMTP_TLS={tls})"
    found: list[Finding] = []
    context = ssl.create_default_context()
    smtp: smtplib.SMTP | None = None
    step = "connect"
    try:
        if tls == "ssl":
            step = "TLS handshake"
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout_s, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout_s)
        step = "EHLO"
        smtp.ehlo()
        if tls == "starttls":
            if not smtp.has_extn("starttls"):
                return [Finding(ERROR, "smtp", f"{where}: the server does not offer STARTTLS: "
                                "set TRACKER_SMTP_TLS=ssl with port 465, or none only for a "
                                "relay on this machine")]
            step = "STARTTLS"
            smtp.starttls(context=context)
            smtp.ehlo()
        elif tls == "none" and not _local(host):
            found.append(Finding(WARNING, "smtp", f"{where}: e-mails (and the SMTP password) "
                                 "cross the network in clear: set TRACKER_SMTP_TLS=starttls "
                                 "or ssl"))
        if settings.smtp_user:
            step = "log-in"
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_user, password)
    except smtplib.SMTPAuthenticationError:
        return [Finding(ERROR, "smtp", f"{where}: the server refused the log-in: check "
                        "TRACKER_SMTP_USER and TRACKER_SMTP_PASSWORD")]
    except ssl.SSLError as exc:
        return [Finding(ERROR, "smtp", f"{where}: {step} failed: "
                        f"{health.clean_error(exc, settings)}{_smtp_hint(settings)}")]
    except TimeoutError:
        return [Finding(ERROR, "smtp", f"{where}: no answer within {timeout_s:g} s at "
                        f"{step}{_smtp_hint(settings) or ': check the host, port and firewall'}")]
    except (smtplib.SMTPException, OSError) as exc:
        if isinstance(exc.__context__, TimeoutError):  # smtplib words a timeout as a hang-up
            return [Finding(ERROR, "smtp", f"{where}: no answer within {timeout_s:g} s at "
                            f"{step}{_smtp_hint(settings) or ': check the host, port and firewall'}")]
        return [Finding(ERROR, "smtp", f"{where}: {step} failed: "
                        f"{health.clean_error(exc, settings)}"
                        f"{_smtp_hint(settings) or ': check TRACKER_SMTP_HOST and _PORT'}")]
    finally:
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
    done = {"ssl": "TLS handshake ok", "starttls": "STARTTLS ok", "none": "no TLS"}[tls]
    found.append(Finding(OK, "smtp", f"{where} answers, {done}"
                         + (", log-in accepted" if settings.smtp_user else "")))
    domain = parseaddr(settings.smtp_sender)[1].rpartition("@")[2]
    if not domain or _local(domain) or "." not in domain:
        found.append(Finding(WARNING, "smtp_sender", f"TRACKER_SMTP_SENDER="
                             f"{settings.smtp_sender!r}: many servers refuse or bin mail from "
                             "such an address; use one of your domain, e.g. "
                             "'Recrutement <recrutement@example.org>'"))
    return found


def _writable(folder: Path) -> str | None:
    """None if a file can be created in `folder`, else why not."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_folder(path: Path, *, check: str, setting: str, holds: str | None) -> list[Finding]:
    """A folder the tracker writes to: it exists (or can be made), is a folder, is writable,
    and when it `holds` something private no other user can enter it."""
    private = holds is not None
    path = Path(path)
    if not path.exists():
        parent = _nearest_existing(path.parent)
        if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
            return [Finding(ERROR, check, f"{setting}={path} does not exist and cannot be "
                            f"created ({parent} is not writable): create it for the tracker's "
                            "user" + (" with mode 700" if private else ""))]
        return [Finding(WARNING, check, f"{setting}={path} does not exist yet: it is created "
                        "on first use" + (f"; better create it now: mkdir -m 700 {path}"
                                          if private else ""))]
    if not path.is_dir():
        return [Finding(ERROR, check, f"{setting}={path} is not a folder")]
    why = _writable(path)
    if why is not None:
        return [Finding(ERROR, check, f"{setting}={path} is not writable ({why}): "
                        "make the tracker's user its owner")]
    mode = stat.S_IMODE(path.stat().st_mode)
    if private and mode & 0o077:
        return [Finding(WARNING, check, f"{setting}={path} can be read by other users "
                        f"(mode {mode:o}) and holds {holds}: chmod 700 {path}")]
    return [Finding(OK, check, f"{setting}={path} is writable"
                    + (" and private" if private else ""))]


def check_database(session: Session, *, settings: Settings,
                   now: datetime) -> tuple[list[Finding], int]:
    """Reachable, a supported version, the schema at the code's head, a scheduler beating;
    and on how many machines a scheduler beat within a day."""
    try:
        session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as exc:
        session.rollback()
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
        return [Finding(ERROR, "database", f"cannot reach the database ({reason}): check "
                        "TRACKER_DATABASE_URL and that the server runs")], 0
    found = []
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        number = int(session.execute(sa.text("SHOW server_version_num")).scalar_one())
        version = f"{number // 10000}.{number % 10000}"
        if number // 10000 < POSTGRESQL_MIN:
            found.append(Finding(ERROR, "database", f"PostgreSQL {version} is not supported: "
                                 f"upgrade to {POSTGRESQL_MIN} or newer"))
        else:
            found.append(Finding(OK, "database", f"PostgreSQL {version}"))
    else:
        version = sqlite3.sqlite_version
        if sqlite3.sqlite_version_info[:2] < SQLITE_MIN:
            found.append(Finding(ERROR, "database", f"SQLite {version} is too old: "
                                 f"{'.'.join(map(str, SQLITE_MIN))} or newer is needed "
                                 "(Debian 12's python3 has it)"))
        else:
            found.append(Finding(OK, "database", f"SQLite {version} (embedded: one machine; "
                                 "several instances need PostgreSQL)"))
    current = session.execute(sa.text(
        "SELECT version_num FROM alembic_version")).scalar() if sa.inspect(
        session.connection()).has_table("alembic_version") else None
    head = schema.head_revision()
    embedded = not settings.database_url
    if current == head:
        found.append(Finding(OK, "schema", f"the schema is at the code's revision {head}"))
    elif current is None:
        found.append(Finding(WARNING if embedded else ERROR, "schema", "the database is empty: "
                             + ("it is migrated on first start" if embedded
                                else "run `tracker db upgrade`")))
    else:
        newer = current not in _known_revisions()
        found.append(Finding(ERROR if newer or not embedded else WARNING, "schema",
                             f"the schema is at {current}, the code at {head}: " + (
                                 "the database is newer than this code: install the newer "
                                 "version" if newer else "run `tracker db upgrade`")))
    if current != head:
        return found, 0  # the heartbeats' table may not exist yet
    found.extend(_check_scheduler(session, settings=settings, now=now, dialect=dialect))
    hosts = {name.rpartition(":")[0]
             for name in health.scheduler_instances(session, settings=settings, now=now)}
    return found, len(hosts)


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(schema.alembic_config()).walk_revisions()}


def _check_scheduler(session: Session, *, settings: Settings, now: datetime,
                     dialect: str) -> list[Finding]:
    state = health.readiness(session, settings=settings, now=now).checks.get("scheduler", {})
    if not state.get("running"):
        if dialect == "postgresql":
            return [Finding(WARNING, "scheduler", "no scheduler has been seen: reminders are "
                            "not sent; run `tracker scheduler` (deploy/tracker-scheduler.service)")]
        return [Finding(OK, "scheduler", "no scheduler running now (`tracker serve` runs one "
                        "in its process on SQLite)")]
    if not state.get("ok"):
        return [Finding(ERROR, "scheduler", f"the scheduler's last heartbeat is "
                        f"{state['age_s']} s old (more than {state['stale_after_s']} s): it "
                        "stopped or hangs; see `journalctl -u tracker-scheduler`")]
    return [Finding(OK, "scheduler", f"scheduler beating ({state['instances']} instance(s))")]


def _check_operator(actor: Actor) -> None:
    if isinstance(actor, User) and actor.role is not Role.ADMIN:
        raise PermissionDenied("--as", "the diagnostics are for the operator and admins")


def diagnose(factory: Callable[[], sessionmaker[Session]], *, actor: Actor, settings: Settings,
             now: datetime, smtp_timeout_s: float = 5.0) -> list[Finding]:
    """Every check, the files first: `factory` is called (the engine made) only when the
    database exists or is a server, so the doctor creates nothing."""
    _check_operator(actor)
    found = check_public_url(settings) + check_cookies(settings)
    found += check_folder(settings.data_dir, check="data_dir", setting="TRACKER_DATA_DIR",
                          holds="candidates' documents and the secret key")
    found += check_folder(settings.reports_dir, check="reports_dir",
                          setting="TRACKER_REPORTS_DIR", holds="candidates' dossiers")
    shared = bool(settings.database_url and settings.database_url.startswith("postgresql"))
    embedded_file = Path(settings.data_dir) / "tracker.db"
    if not settings.database_url and not embedded_file.exists():
        found.append(Finding(OK, "database", f"the embedded database {embedded_file} does not "
                             "exist yet: it is created on first start"))
    else:
        try:
            with unit_of_work(factory()) as session:
                database, hosts = check_database(session, settings=settings, now=now)
            shared = shared or hosts > 1
        except sa.exc.SQLAlchemyError as exc:
            reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
            database = [Finding(ERROR, "database", f"cannot use the database ({reason}): "
                                "check TRACKER_DATABASE_URL")]
        found += database
    found = check_secret_key(settings, shared=shared) + found
    found += check_smtp(settings, timeout_s=smtp_timeout_s)
    return found


def worst(findings: Iterable[Finding]) -> str:
    levels = {f.level for f in findings}
    return ERROR if ERROR in levels else WARNING if WARNING in levels else OK
