"""Settings read from the environment (TRACKER_* variables)."""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tracker.defaults import SQLITE_BUSY_TIMEOUT_MS, default_data_dir, embedded_database_url

# The worst case of one e-mail, in SMTP exchanges that each may take up to TRACKER_SMTP_TIMEOUT_S:
# connecting (the greeting), EHLO, STARTTLS and its TLS handshake, EHLO again, AUTH (LOGIN takes
# two), MAIL FROM, RCPT TO, DATA, the message and its answer. Counted for every message, as if
# each opened its own connection. A claim of e-mails must hold this long, plus a margin.
SMTP_ROUND_TRIPS = 11
LEASE_MARGIN_S = 60


class Settings(BaseSettings):
    """Everything configurable, from TRACKER_* environment variables."""

    model_config = SettingsConfigDict(env_prefix="TRACKER_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    # Where dossiers are written by default: reports/ at the top of the project.
    reports_dir: Path = Path(__file__).resolve().parent.parent / "reports"
    timezone: str = "Europe/Paris"
    sqlite_busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
    # Uploads (CV, letters): at most this many MB (10^6 bytes), read by pypdf in a child
    # process bounded in time and address space.
    max_upload_mb: int = Field(default=10, ge=1)
    pdf_check_timeout_s: float = Field(default=10, gt=0)
    pdf_check_memory_mb: int = Field(default=512, ge=64)
    # More pages than any CV or letter: one placeholder page each in a dossier.
    max_upload_pages: int = Field(default=200, ge=1)
    # What the streams of one uploaded or imported PDF may unpack to, all together (a small
    # file can hold a huge compressed stream); also what appending uploads to a dossier may
    # use, in a child process bounded like the check.
    pdf_max_decoded_mb: int = Field(default=100, ge=1)
    dossier_append_timeout_s: float = Field(default=60, gt=0)
    dossier_append_memory_mb: int = Field(default=1024, ge=128)
    # Dossier jobs (issue #16): each made in a child process bounded in time and memory; a
    # worker's claim holds TRACKER_JOB_LEASE_S (renewed at each applicant), then the job is
    # taken again, up to TRACKER_JOB_MAX_ATTEMPTS claims. `tracker serve` on the embedded
    # SQLite database runs TRACKER_JOB_WORKERS of them at once; idle workers look for work
    # every TRACKER_JOB_POLL_S seconds.
    job_timeout_s: float = Field(default=900, gt=0)
    job_memory_mb: int = Field(default=4096, ge=256)
    job_lease_s: int = Field(default=960, ge=10)
    job_max_attempts: int = Field(default=3, ge=1)
    job_workers: int = Field(default=1, ge=0, le=16)
    job_poll_s: float = Field(default=2, gt=0)
    # A panel dossier is rendered in parts (issue #16), at most this many at a time, each in a
    # child process of the job's (under the same limits); 0 renders them in the job's process.
    dossier_part_workers: int = Field(default=2, ge=0, le=16)
    # Quotas (issue #12): files of web imports waiting for review, per account (kept a day);
    # documents per application, in number and in MB (10^6 bytes) all together.
    import_pending_max_files: int = Field(default=10, ge=1)
    import_pending_max_mb: int = Field(default=50, ge=1)
    # Import from a web address (#15): the whole fetch (DNS, connection, redirects, body) within
    # this many seconds, at most this many redirects, at most max_upload_mb of body. Addresses
    # that resolve to loopback, private, link-local, multicast or reserved ranges are refused;
    # tests only name the one loopback port of their own server that may be fetched.
    import_url_timeout_s: float = Field(default=10, gt=0, le=120)
    import_url_max_redirects: int = Field(default=5, ge=0, le=20)
    import_url_test_loopback_port: int | None = Field(default=None, ge=1, le=65535)
    application_max_documents: int = Field(default=20, ge=1)
    application_max_mb: int = Field(default=50, ge=1)
    # The web face (tracker serve). The secret key signs session cookies and CSRF tokens; when
    # unset, one is generated once and kept in the data directory (data_dir/secret_key).
    secret_key: str | None = None
    # Candidates may create their own account on the login page.
    allow_registration: bool = True
    # Login attempts per client address (Flask-Limiter syntax), counted in each process's
    # memory: with several instances each one counts its own.
    login_rate_limit: str = "10 per minute"
    # The same, counted per e-mail address given (whichever client sends it), and for
    # registration per client and per address (issue #12: 15 sign-ups in 3 s went through).
    login_address_rate_limit: str = "10 per minute;50 per day"
    registration_rate_limit: str = "5 per hour"
    registration_address_rate_limit: str = "3 per hour"
    # Changing one's password checks the current one: per account and per client.
    password_rate_limit: str = "5 per minute;20 per hour"
    # Session cookies are sent over HTTPS only. Browsers also accept them on http://localhost;
    # set false only to serve plain HTTP on another address (behind a TLS proxy keep true).
    secure_cookies: bool = True
    # A login session ends after this many minutes without a request, and this many hours
    # after the log-in whatever happens (the account page lists and ends one's sessions).
    session_idle_minutes: int = Field(default=120, ge=1)
    session_lifetime_hours: int = Field(default=24 * 14, ge=1)
    # Issue #13: "Forgot your password?" links and invitations by e-mail, signed with the
    # secret key, valid this long (and once); requests per client and per address.
    reset_link_hours: int = Field(default=2, ge=1)
    invitation_days: int = Field(default=7, ge=1)
    reset_rate_limit: str = "5 per hour"
    reset_address_rate_limit: str = "3 per hour"
    # Invitations sent to one address (whoever sends them), so nobody floods a mailbox.
    invitation_address_rate_limit: str = "3 per hour"

    # E-mail reminders go out through this SMTP server (none set: e-mail reminders wait).
    smtp_host: str | None = None
    smtp_port: int | None = Field(default=None, ge=1, le=65535)  # default: 25, 587 or 465
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_tls: Literal["none", "starttls", "ssl"] = "starttls"
    smtp_sender: str = "Posting tracker <tracker@localhost>"
    smtp_timeout_s: float = Field(default=30, gt=0)
    # Where the web face is reached, to turn the links of reminders into full URLs.
    public_url: str | None = None
    # The dispatcher: in-app rows claimed per batch, e-mail rows claimed per batch (kept small:
    # the claim's lease must outlast sending them all, see `_lease_outlasts_a_claim`), and how
    # long a claim holds. An e-mail that could not go out is retried with a growing wait (1, 2,
    # 4... minutes, then every 30) for this many hours after its first failure, then failed.
    reminder_batch_size: int = Field(default=500, ge=1, le=10_000)
    reminder_email_batch_size: int = Field(default=1, ge=1, le=100)
    reminder_lease_s: int = Field(default=600, ge=10)
    reminder_retry_hours: float = Field(default=72, gt=0)
    # At most this many e-mails to one address in 24 hours; the dispatcher cancels the rest
    # (logged, with their reason), so nobody can make the site flood a mailbox.
    email_daily_cap: int = Field(default=50, ge=1)
    # The scheduler process: how often it ticks the dispatcher, and the reconcile.
    scheduler_interval_s: float = Field(default=30, gt=0)
    reconcile_interval_s: float = Field(default=600, gt=0)
    # Retention (issue #13; periods per organisation, `tracker org retention`): a candidate's
    # unused account is warned this many days before its deletion; a candidate who applied to
    # no organisation is deleted after this many months without log-in; the scheduler runs
    # the policy every this many hours (once a day).
    retention_warning_days: int = Field(default=30, ge=1)
    retention_account_months: int = Field(default=36, ge=1)
    retention_interval_h: float = Field(default=24, gt=0)

    @property
    def smtp_effective_port(self) -> int:
        return self.smtp_port or {"none": 25, "starttls": 587, "ssl": 465}[self.smtp_tls]

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value

    @property
    def email_claim_worst_case_s(self) -> float:
        """The longest sending one claim of e-mails can take, margin included."""
        return (self.smtp_timeout_s * SMTP_ROUND_TRIPS * self.reminder_email_batch_size
                + LEASE_MARGIN_S)

    @model_validator(mode="after")
    def _lease_outlasts_a_claim(self) -> Settings:
        """A claim that ran out while its e-mail was on its way would let another dispatcher
        send it again: refuse a lease shorter than the worst case of a claim."""
        needed = self.email_claim_worst_case_s
        if self.reminder_lease_s < needed:
            raise ValueError(
                f"TRACKER_REMINDER_LEASE_S={self.reminder_lease_s} is shorter than the longest "
                f"sending a claim of e-mails can take: TRACKER_SMTP_TIMEOUT_S="
                f"{self.smtp_timeout_s:g} x {SMTP_ROUND_TRIPS} SMTP exchanges per e-mail x "
                f"TRACKER_REMINDER_EMAIL_BATCH_SIZE={self.reminder_email_batch_size} + "
                f"{LEASE_MARGIN_S} s = {needed:g} s; set TRACKER_REMINDER_LEASE_S to at least "
                f"{needed:.0f}, or lower TRACKER_SMTP_TIMEOUT_S or "
                "TRACKER_REMINDER_EMAIL_BATCH_SIZE")
        return self

    @model_validator(mode="after")
    def _job_lease_outlasts_a_job(self) -> Settings:
        """A job's lease must outlast the time its child may take, or another worker would make
        it again while the first is still at work."""
        if self.job_lease_s < self.job_timeout_s + LEASE_MARGIN_S:
            raise ValueError(
                f"TRACKER_JOB_LEASE_S={self.job_lease_s} is shorter than TRACKER_JOB_TIMEOUT_S="
                f"{self.job_timeout_s:g} + {LEASE_MARGIN_S} s; set it to at least "
                f"{self.job_timeout_s + LEASE_MARGIN_S:.0f}")
        return self

    @property
    def effective_database_url(self) -> str:
        """The configured URL, or the embedded SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return embedded_database_url(self.data_dir)


def secret_key(settings: Settings) -> str:
    """TRACKER_SECRET_KEY, or the key generated once and kept in the data directory: it signs
    session cookies and CSRF tokens (the web face) and the links of e-mails (the services)."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # Created readable by its owner only, and never overwritten if another process won the race.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
