"""`tracker doctor` names each misconfiguration it is given, and says what to change: one test
per mistake, against real folders, the real database and real SMTP servers on loopback (plain,
STARTTLS, implicit TLS with a certificate made here, one that demands a log-in, one that
never answers)."""

from __future__ import annotations

import json
import os
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from pydantic import SecretStr

from tests.reminders.conftest import Inbox, free_port
from tests.reminders.test_scheduler import TRACKER
from tracker.config import Settings, get_settings
from tracker.db import create_engine, make_session_factory
from tracker.domain.access import OPERATOR
from tracker.domain.errors import PermissionDenied
from tracker.services.operations import doctor, health
from tracker.services.operations.doctor import Finding

KEY = "k" * 48


def settings_for(tmp_path: Path, engine: sa.Engine | None = None, **changes: Any) -> Settings:
    """A sound configuration (the database: the tests', named), changed by `changes`."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700, exist_ok=True)
    os.chmod(data, 0o700)
    values: dict[str, Any] = {
        "data_dir": data, "reports_dir": tmp_path / "reports", "secret_key": KEY,
        "public_url": "https://jobs.example.org", "secure_cookies": True, "smtp_host": None,
        "database_url": engine.url.render_as_string(hide_password=False) if engine else None,
    }
    (tmp_path / "reports").mkdir(mode=0o700, exist_ok=True)
    os.chmod(tmp_path / "reports", 0o700)
    return Settings(**{**values, **changes})


def diagnose(settings: Settings, session_factory, clock, timeout: float = 3.0) -> list[Finding]:  # noqa: ANN001
    return doctor.diagnose(lambda: session_factory, actor=OPERATOR, settings=settings,
                           now=clock(), smtp_timeout_s=timeout)


def of(findings: list[Finding], check: str) -> list[tuple[str, str]]:
    return [(f.level, f.message) for f in findings if f.check == check]


def one(findings: list[Finding], check: str) -> tuple[str, str]:
    found = of(findings, check)
    assert len(found) == 1, findings
    return found[0]


@pytest.fixture
def run(tmp_path, session_factory, clock, engine):  # noqa: ANN001, ANN201
    """Diagnose the sound configuration changed by keyword arguments."""
    def run(**changes: Any) -> list[Finding]:
        return diagnose(settings_for(tmp_path, engine, **changes), session_factory, clock)
    return run


# -- a sound configuration -----------------------------------------------------------------

def test_a_sound_configuration_has_no_error(run, session, clock) -> None:  # noqa: ANN001
    health.beat(session, now=clock(), settings=get_settings(), instance="sched:1")
    session.commit()
    findings = run()
    assert doctor.worst(findings) == "warning"  # SMTP not configured, the one warning
    assert [f.check for f in findings if f.level != "ok"] == ["smtp"]
    assert {f.check for f in findings} >= {"secret_key", "public_url", "secure_cookies",
                                           "data_dir", "reports_dir", "database", "schema",
                                           "scheduler", "smtp"}
    assert one(findings, "schema")[1].startswith("the schema is at the code's revision")


# -- the secret key ------------------------------------------------------------------------

def test_a_short_secret_key(run) -> None:  # noqa: ANN001
    level, message = one(run(secret_key="changeme"), "secret_key")
    assert level == "warning"
    assert "TRACKER_SECRET_KEY is only 8 characters" in message and "token_urlsafe" in message


def test_a_generated_key_when_schedulers_run_on_two_machines(run, session, clock, engine) -> None:  # noqa: ANN001
    findings = run(secret_key=None)
    if engine.dialect.name == "sqlite":
        assert one(findings, "secret_key")[0] == "ok"  # one machine: the generated key will do
    settings = get_settings()
    health.beat(session, now=clock(), settings=settings, instance="web-a.example.org:101")
    health.beat(session, now=clock(), settings=settings, instance="web-b.example.org:202")
    session.commit()
    level, message = one(run(secret_key=None), "secret_key")
    assert level == "warning"
    assert "set TRACKER_SECRET_KEY to the same value on every instance" in message


def test_a_generated_key_on_postgresql_is_a_warning(tmp_path, session_factory, clock) -> None:  # noqa: ANN001
    settings = settings_for(tmp_path, secret_key=None,
                            database_url="postgresql+psycopg://tracker@db.example.org/tracker")
    finding = doctor.check_secret_key(settings, shared=True)[0]
    level, message = finding.level, finding.message
    assert level == "warning" and "same value on every instance" in message


def test_a_secret_key_file_others_can_read(run, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "data").mkdir(mode=0o700)
    key = tmp_path / "data" / "secret_key"
    key.write_text("x" * 64)
    key.chmod(0o644)
    found = of(run(secret_key=None), "secret_key")
    assert ("error", f"{key} can be read by other users (mode 644): chmod 600 {key}") in found


# -- the public URL and cookies ------------------------------------------------------------

def test_no_public_url(run) -> None:  # noqa: ANN001
    level, message = one(run(public_url=None), "public_url")
    assert level == "warning" and "TRACKER_PUBLIC_URL is not set" in message


def test_a_public_url_without_its_scheme(run) -> None:  # noqa: ANN001
    level, message = one(run(public_url="jobs.example.org"), "public_url")
    assert level == "error"
    assert "TRACKER_PUBLIC_URL='jobs.example.org' is not an http(s) address" in message


def test_a_plain_http_public_url(run) -> None:  # noqa: ANN001
    findings = run(public_url="http://jobs.example.org")
    assert one(findings, "public_url")[0] == "warning"
    assert "plain http" in one(findings, "public_url")[1]
    level, message = one(findings, "secure_cookies")
    assert level == "error" and "nobody can log in" in message
    # on this machine, http is how one tries it out
    assert one(run(public_url="http://127.0.0.1:8000"), "public_url")[0] == "ok"


def test_https_without_secure_cookies(run) -> None:  # noqa: ANN001
    level, message = one(run(secure_cookies=False), "secure_cookies")
    assert level == "warning" and "set TRACKER_SECURE_COOKIES=true" in message


# -- folders -------------------------------------------------------------------------------

def test_a_data_folder_others_can_read(run, tmp_path) -> None:  # noqa: ANN001
    data = tmp_path / "open"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    level, message = one(run(data_dir=data), "data_dir")
    assert level == "warning" and message.endswith(f"chmod 700 {data}")


def test_a_reports_folder_others_can_read(run, tmp_path) -> None:  # noqa: ANN001
    reports = tmp_path / "shared"
    reports.mkdir(mode=0o755)
    reports.chmod(0o755)
    level, message = one(run(reports_dir=reports), "reports_dir")
    assert level == "warning" and "holds candidates' dossiers" in message
    assert message.endswith(f"chmod 700 {reports}")


def test_a_data_folder_that_is_a_file(run, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "file").write_text("")
    assert one(run(data_dir=tmp_path / "file"), "data_dir") == (
        "error", f"TRACKER_DATA_DIR={tmp_path / 'file'} is not a folder")


def test_a_reports_folder_that_cannot_be_created(run, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "file").write_text("")
    level, message = one(run(reports_dir=tmp_path / "file" / "reports"), "reports_dir")
    assert level == "error" and "does not exist and cannot be created" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_a_reports_folder_that_is_not_writable(run, tmp_path) -> None:  # noqa: ANN001
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    level, message = one(run(reports_dir=locked), "reports_dir")
    assert level == "error" and "is not writable" in message


def test_a_missing_data_folder_is_not_created_by_the_doctor(tmp_path, session_factory, clock) -> None:  # noqa: ANN001
    settings = settings_for(tmp_path, data_dir=tmp_path / "new")
    findings = diagnose(settings, session_factory, clock)
    assert one(findings, "data_dir")[0] == "warning" and "mkdir -m 700" in one(findings, "data_dir")[1]
    assert "does not exist yet" in one(findings, "database")[1]
    assert not (tmp_path / "new").exists()


# -- the database --------------------------------------------------------------------------

def test_an_unreachable_database(tmp_path, clock) -> None:  # noqa: ANN001
    url = f"postgresql+psycopg://tracker@127.0.0.1:{free_port()}/tracker"
    dead = make_session_factory(create_engine(url))
    level, message = one(diagnose(settings_for(tmp_path, database_url=url), dead, clock),
                         "database")
    assert level == "error" and message.startswith("cannot reach the database (")
    assert "check TRACKER_DATABASE_URL" in message


def test_a_schema_behind_the_code(run, session) -> None:  # noqa: ANN001
    session.execute(sa.text("UPDATE alembic_version SET version_num = '0015'"))
    session.commit()
    level, message = one(run(), "schema")
    assert level == "error" and "the schema is at 0015" in message
    assert message.endswith("run `tracker db upgrade`")


def test_a_schema_newer_than_the_code(run, session) -> None:  # noqa: ANN001
    session.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    session.commit()
    level, message = one(run(), "schema")
    assert level == "error" and "the database is newer than this code" in message


def test_a_database_version_below_the_minimum(run, engine, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(doctor, "POSTGRESQL_MIN", 99)
    monkeypatch.setattr(doctor, "SQLITE_MIN", (99, 0))
    level, message = of(run(), "database")[0]
    assert level == "error"
    if engine.dialect.name == "postgresql":
        assert "is not supported: upgrade to 99 or newer" in message
    else:
        assert "is too old: 99.0 or newer is needed" in message


def test_a_scheduler_that_stopped_beating(run, session, clock) -> None:  # noqa: ANN001
    health.beat(session, now=clock(), settings=get_settings(), instance="sched:9")
    session.commit()
    clock.advance(minutes=10)
    level, message = one(run(), "scheduler")
    assert level == "error" and "heartbeat is 600 s old" in message


def test_no_scheduler_beside_postgresql(run, engine) -> None:  # noqa: ANN001
    level, message = one(run(), "scheduler")
    if engine.dialect.name == "postgresql":
        assert level == "warning" and "run `tracker scheduler`" in message
    else:
        assert level == "ok"


def test_a_candidate_may_not_run_the_diagnostics(tmp_path, session_factory, clock, candidate) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        doctor.diagnose(lambda: session_factory, actor=candidate, settings=settings_for(tmp_path),
                        now=clock(), smtp_timeout_s=1)


# -- SMTP ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:  # noqa: ANN001
    """A self-signed certificate for 127.0.0.1 (the clients trust it through SSL_CERT_FILE)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    return context


def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:  # noqa: ANN001
    return AuthResult(success=(auth_data.login, auth_data.password) == (b"relay", b"right"),
                      handled=False)  # a refusal answers 535


@pytest.fixture
def mail_server(certificate) -> Iterator[Any]:  # noqa: ANN001
    """Start an SMTP server: mail_server(kind) with kind plain, starttls or ssl."""
    started: list[Controller] = []

    def start(kind: str, **kwargs: Any) -> int:
        port = free_port()
        if kind == "starttls":
            kwargs["tls_context"] = server_context(certificate)
        elif kind == "ssl":
            kwargs["ssl_context"] = server_context(certificate)
        controller = Controller(Inbox(), hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def trusted(certificate, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))


def smtp(tmp_path: Path, port: int, tls: str, timeout: float = 3.0,
         **changes: Any) -> list[Finding]:
    changes.setdefault("smtp_sender", "Recrutement <recrutement@univ-st-etienne.fr>")
    settings = settings_for(tmp_path, smtp_host="127.0.0.1", smtp_port=port, smtp_tls=tls,
                            **changes)
    return doctor.check_smtp(settings, timeout_s=timeout)


def test_no_smtp_server(run) -> None:  # noqa: ANN001
    level, message = one(run(), "smtp")
    assert level == "warning" and "TRACKER_SMTP_HOST is not set" in message


def test_starttls_with_a_trusted_certificate_and_a_log_in(tmp_path, mail_server, trusted) -> None:  # noqa: ANN001
    port = mail_server("starttls", authenticator=authenticate)
    assert smtp(tmp_path, port, "starttls", smtp_user="relay",
                smtp_password=SecretStr("right")) == [
        Finding("ok", "smtp", f"127.0.0.1:{port} (TRACKER_SMTP_TLS=starttls) answers, "
                              "STARTTLS ok, log-in accepted")]


def test_implicit_tls_with_a_trusted_certificate(tmp_path, mail_server, trusted) -> None:  # noqa: ANN001
    port = mail_server("ssl")
    assert one(smtp(tmp_path, port, "ssl"), "smtp")[1].endswith("answers, TLS handshake ok")


def test_starttls_asked_of_a_server_that_does_not_offer_it(tmp_path, mail_server) -> None:  # noqa: ANN001
    port = mail_server("plain")
    level, message = one(smtp(tmp_path, port, "starttls"), "smtp")
    assert level == "error" and "the server does not offer STARTTLS" in message
    assert "TRACKER_SMTP_TLS=ssl" in message


def test_starttls_with_a_certificate_nobody_trusts(tmp_path, mail_server) -> None:  # noqa: ANN001
    port = mail_server("starttls")
    level, message = one(smtp(tmp_path, port, "starttls"), "smtp")
    assert level == "error" and "STARTTLS failed" in message
    assert "CERTIFICATE_VERIFY_FAILED" in message


def test_implicit_tls_asked_of_a_plain_server(tmp_path, mail_server) -> None:  # noqa: ANN001
    port = mail_server("plain")
    level, message = one(smtp(tmp_path, port, "ssl"), "smtp")
    assert level == "error" and "TLS handshake failed" in message


def test_a_refused_log_in(tmp_path, mail_server, trusted) -> None:  # noqa: ANN001
    port = mail_server("starttls", authenticator=authenticate)
    level, message = one(smtp(tmp_path, port, "starttls", smtp_user="relay",
                              smtp_password=SecretStr("wrong")), "smtp")
    assert level == "error"
    assert "refused the log-in: check TRACKER_SMTP_USER and TRACKER_SMTP_PASSWORD" in message
    assert "wrong" not in message


def test_a_port_nobody_listens_on(tmp_path) -> None:
    port = free_port()
    level, message = one(smtp(tmp_path, port, "starttls"), "smtp")
    assert level == "error" and "connect failed" in message and "Connection refused" in message


def test_port_465_with_starttls(tmp_path) -> None:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 465)) == 0:
            pytest.skip("something listens on port 465 here")
    level, message = one(smtp(tmp_path, 465, "starttls"), "smtp")
    assert level == "error" and message.endswith(
        "port 465 speaks TLS from the first byte: set TRACKER_SMTP_TLS=ssl")


def test_a_server_that_never_answers(tmp_path) -> None:
    """Accepts the connection and stays silent: one short timeout, then a clear error."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True)
    thread.start()
    try:
        port = listener.getsockname()[1]
        level, message = one(smtp(tmp_path, port, "starttls", timeout=0.5), "smtp")
    finally:
        thread.join(5)
        for connection in accepted:
            connection.close()
        listener.close()
    assert level == "error" and "no answer within 0.5 s at connect" in message


def test_a_sender_at_localhost(tmp_path, mail_server) -> None:  # noqa: ANN001
    port = mail_server("plain")
    found = smtp(tmp_path, port, "none", smtp_sender="Posting tracker <tracker@localhost>")
    level, message = one(found, "smtp_sender")
    assert level == "warning" and "TRACKER_SMTP_SENDER" in message


# -- the command ---------------------------------------------------------------------------

def command(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return subprocess.run([str(TRACKER), "doctor", *args], capture_output=True, text=True,
                          env={**clean, **env}, timeout=120)


def test_the_command_prints_a_line_per_finding_and_fails_on_an_error(tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    data.chmod(0o700)
    env = dict(TRACKER_DATA_DIR=str(data), TRACKER_REPORTS_DIR=str(tmp_path),
               TRACKER_PUBLIC_URL="http://jobs.example.org", TRACKER_SECRET_KEY=KEY)
    result = command(tmp_path, **env)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert "error   secure_cookies: TRACKER_PUBLIC_URL is plain http" in "\n".join(lines)
    assert any(line.startswith("warning public_url: ") for line in lines)
    assert any(line.startswith("ok      data_dir: ") for line in lines)
    assert lines[-1].startswith("1 error(s), ")
    assert not (data / "tracker.db").exists()  # the doctor created nothing
    result = command(tmp_path, "--format", "json", **env)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["status"] == "error"
    assert {"level": "error", "check": "secure_cookies"}.items() <= report["findings"][2].items()
    env["TRACKER_PUBLIC_URL"] = "https://jobs.example.org"
    result = command(tmp_path, "--format", "json", **env)
    assert result.returncode == 0 and json.loads(result.stdout)["status"] == "warning"


def test_the_command_names_a_setting_that_does_not_parse(tmp_path) -> None:
    result = command(tmp_path, TRACKER_DATA_DIR=str(tmp_path), TRACKER_SMTP_PORT="99999")
    assert result.returncode == 1
    assert result.stdout.startswith("error   settings: TRACKER_SMTP_PORT: Input should be less "
                                    "than or equal to 65535")


def test_the_command_is_the_operators_and_admins(cli, candidate) -> None:  # noqa: ANN001
    result = cli(["--as", candidate.email, "doctor"])
    assert result.exit_code == 1
    assert result.stderr == "error: --as: the diagnostics are for the operator and admins\n"
