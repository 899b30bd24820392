"""The deployment files of deploy/, checked as far as this machine allows: the systemd units
parse, are hardened and run `tracker` commands that exist with options it takes
(`systemd-analyze verify` and its security score when systemd is there); the environment
example names real settings only and holds no secret; the Caddyfile adapts (`caddy adapt`,
when Caddy is installed) and checks /readyz; the Containerfile parses with BuildKit's parser
and installs what WeasyPrint needs (the list of .ci/setup). And `tracker serve
--trusted-proxy`, which the web unit uses, really counts log-ins per visitor behind a proxy."""

from __future__ import annotations

import configparser
import http.cookiejar
import json
import os
import re
import shlex
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import click
import pytest

from tests.reminders.conftest import free_port
from tests.reminders.test_scheduler import TRACKER
from tracker.cli import main
from tracker.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = DEPLOY / "systemd"
SERVICES = ["tracker-web@.service", "tracker-scheduler.service", "tracker-backup.service"]
INSTALLED = "/opt/tracker/venv/bin/tracker"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",),
                                       comment_prefixes=("#", ";"), empty_lines_in_values=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(UNITS / name, encoding="utf-8")
    return parser


def tracker_argv(exec_start: str) -> list[str]:
    """The `tracker` command line of an ExecStart (through `sh -c '...'` too), specifiers
    filled in as for tracker-web@8001 (and %% and $$ as systemd reads them)."""
    argv = shlex.split(exec_start.replace("%i", "8001").replace("%%", "%").replace("$$", "$"))
    if argv[:2] == ["/bin/sh", "-c"]:
        argv = shlex.split(argv[2])
        argv = argv[1:] if argv[0] == "exec" else argv
    assert argv[0] == INSTALLED, exec_start
    return argv[1:]


def parse_command(argv: list[str]) -> click.Context:
    """Parse `argv` as the `tracker` command would, down to the command it names (a
    click.UsageError for an unknown command or option)."""
    command: click.Command = main
    context = main.make_context("tracker", list(argv), resilient_parsing=False)
    while isinstance(command, click.Group):
        with warnings.catch_warnings():  # Click 9 leaves the command name in args
            warnings.simplefilter("ignore", DeprecationWarning)
            rest = [*getattr(context, "protected_args", ()), *context.args]
        name, found, rest = command.resolve_command(context, rest)
        assert found is not None and name is not None
        command = found
        context = command.make_context(name, rest, parent=context)
    return context


# -- systemd -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SERVICES)
def test_each_service_runs_as_tracker_and_is_hardened(name: str) -> None:
    service = unit(name)["Service"]
    assert (service["User"], service["Group"]) == ("tracker", "tracker")
    assert service["EnvironmentFile"] == "/etc/tracker/tracker.env"
    for key, value in {"NoNewPrivileges": "yes", "ProtectSystem": "strict", "PrivateTmp": "yes",
                       "ProtectHome": "yes", "PrivateDevices": "yes", "RestrictSUIDSGID": "yes",
                       "UMask": "0077", "CapabilityBoundingSet": ""}.items():
        assert service.get(key) == value, (name, key)
    assert "/var/lib/tracker" in service["ReadWritePaths"].split()
    assert service["StateDirectory"] == "tracker"


@pytest.mark.parametrize(("name", "expected"), [
    ("tracker-web@.service", ["serve"]), ("tracker-scheduler.service", ["scheduler"]),
    ("tracker-backup.service", ["backup", "create"])])
def test_each_service_runs_a_tracker_command_that_exists(name: str, expected: list[str]) -> None:
    argv = tracker_argv(unit(name)["Service"]["ExecStart"])
    assert argv[:len(expected)] == expected
    if name.startswith("tracker-backup"):  # one archive per run, named by its UTC time
        assert argv[2:] == ["/var/backups/tracker/tracker-$(date -u +%Y%m%dT%H%M%SZ).tar.gz"]
        assert "/var/backups/tracker" in unit(name)["Service"]["ReadWritePaths"].split()
    if expected[0] not in main.list_commands(click.Context(main)):
        pytest.skip(f"`tracker {expected[0]}` comes with another branch of #13")
    context = parse_command(argv)
    if name.startswith("tracker-web"):
        assert context.params["port"] == 8001 and context.params["host"] == "127.0.0.1"
        assert context.params["trusted_proxy"] == "127.0.0.1"
        assert context.params["scheduler"] is None  # in process on SQLite only
    if name.startswith("tracker-backup"):
        assert context.params["file"].name.endswith(".tar.gz")


def test_the_backup_timer_runs_the_backup_nightly_and_catches_up() -> None:
    timer = unit("tracker-backup.timer")
    assert timer["Timer"]["Unit"] == "tracker-backup.service"
    assert (UNITS / timer["Timer"]["Unit"]).exists()
    assert timer["Timer"]["OnCalendar"] == "*-*-* 02:30:00"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert unit("tracker-backup.service")["Service"]["Type"] == "oneshot"


def installed_copies(tmp_path: Path) -> list[Path]:
    """The units as they would be installed, with the tracker of this checkout's venv (which
    systemd-analyze wants to exist) and the web template instantiated."""
    copies = []
    for name in [*SERVICES, "tracker-backup.timer"]:
        text = (UNITS / name).read_text(encoding="utf-8").replace(INSTALLED, TRACKER.as_posix())
        copy = tmp_path / name.replace("@.", "@8001.")
        copy.write_text(text, encoding="utf-8")
        copies.append(copy)
    return copies


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_analyze_verifies_the_units(tmp_path: Path) -> None:
    result = subprocess.run(["systemd-analyze", "verify", *map(str, installed_copies(tmp_path))],
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_rates_the_services_exposure_ok(tmp_path: Path) -> None:
    for copy in installed_copies(tmp_path)[:3]:
        result = subprocess.run(["systemd-analyze", "security", "--offline=yes", str(copy)],
                                capture_output=True, text=True, timeout=120)
        if "--offline" in result.stderr:
            pytest.skip("this systemd-analyze has no --offline")
        score = re.search(r"Overall exposure level for \S+: ([\d.]+) (\w+)", result.stdout)
        assert score is not None, result.stdout + result.stderr
        assert float(score.group(1)) <= 2.5 and score.group(2) == "OK", (copy.name, score[0])


# -- the environment file ------------------------------------------------------------------

def test_the_environment_example_names_real_settings_and_no_secret() -> None:
    values = {}
    for line in (DEPLOY / "tracker.env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name] = shlex.split(value)[0] if value else value  # as sh and systemd read it
    fields = {f"TRACKER_{name.upper()}" for name in Settings.model_fields}
    assert set(values) <= fields, set(values) - fields
    for name in ("TRACKER_SECRET_KEY", "TRACKER_SMTP_PASSWORD"):
        assert values[name] == "CHANGE-ME"
    assert ":CHANGE-ME@" in values["TRACKER_DATABASE_URL"]
    settings = Settings(**{name.removeprefix("TRACKER_").lower(): value
                           for name, value in values.items()})
    assert settings.public_url and settings.public_url.startswith("https://")
    assert settings.secure_cookies and settings.smtp_tls == "starttls"
    assert settings.smtp_sender == "Recrutement <recrutement@example.org>"


# -- the reverse proxy ---------------------------------------------------------------------

def test_the_caddyfile_proxies_to_the_web_instances_and_checks_readyz() -> None:
    text = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert re.search(r"reverse_proxy 127\.0\.0\.1:8001 127\.0\.0\.1:8002", text)
    assert re.search(r"health_uri /readyz", text)
    if shutil.which("caddy") is None:
        pytest.skip("caddy is not installed: only read")
    result = subprocess.run(["caddy", "adapt", "--config", str(DEPLOY / "Caddyfile"),
                             "--adapter", "caddyfile"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    config = json.dumps(json.loads(result.stdout))
    assert '"dial": "127.0.0.1:8001"' in config and '"dial": "127.0.0.1:8002"' in config
    assert '"uri": "/readyz"' in config
    assert '"jobs.example.org"' in config  # the site's name: Caddy gets its certificate


# -- the container -------------------------------------------------------------------------

def test_the_containerfile_parses_and_runs_tracker_as_a_user_with_a_health_check() -> None:
    dockerfile = pytest.importorskip("dockerfile")
    commands = dockerfile.parse_file(str(DEPLOY / "Containerfile"))
    by = {}
    for command in commands:
        by.setdefault(command.cmd.upper(), []).append(command)
    assert by["FROM"][0].value == ("python:3.11-slim-bookworm",)
    assert by["USER"][-1].value == ("tracker",)
    health = by["HEALTHCHECK"][0]
    assert health.value[0] == "CMD" and "http://127.0.0.1:8000/healthz" in " ".join(health.value)
    assert by["ENTRYPOINT"][0].value == ("tracker",)
    context = parse_command(list(by["CMD"][0].value))
    assert context.params["port"] == 8000
    for copy in by["COPY"]:
        for source in copy.value[:-1]:
            assert (ROOT / source).exists(), source
    # what WeasyPrint needs, as .ci/setup installs it (not the test tools)
    setup = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    listed = re.search(r"SYSTEM_PACKAGES=\(([^)]*)\)", setup)
    assert listed is not None
    needed = set(listed.group(1).split()) - {"python3-venv", "poppler-utils", "chromium",
                                             "postgresql-client"}
    installed = " ".join(" ".join(c.value) for c in by["RUN"])
    assert needed <= set(installed.split()), needed - set(installed.split())


# -- tracker serve --trusted-proxy ---------------------------------------------------------

def failed_log_ins(base: str, visitors: list[str]) -> list[int]:
    """One wrong log-in per visitor (X-Forwarded-For), through one browser session."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        urllib.request.ProxyHandler({}))
    page = opener.open(f"{base}/login", timeout=30).read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token is not None
    codes = []
    for visitor in visitors:
        body = urllib.parse.urlencode({"csrf_token": token.group(1), "email": "a@example.org",
                                       "password": "wrong password"}).encode()
        request = urllib.request.Request(f"{base}/login", data=body,
                                         headers={"X-Forwarded-For": visitor})
        try:
            codes.append(opener.open(request, timeout=30).status)
        except urllib.error.HTTPError as exc:
            codes.append(exc.code)
    return codes


def serving(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(tmp_path), TRACKER_REPORTS_DIR=str(tmp_path / "reports"),
               TRACKER_SECURE_COOKIES="false", TRACKER_LOGIN_RATE_LIMIT="2 per minute",
               TRACKER_LOGIN_ADDRESS_RATE_LIMIT="1000 per minute")
    process = subprocess.Popen([str(TRACKER), "serve", "--port", str(port), "--no-scheduler",
                                *args], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 90  # a generous bound on start-up, not a timing assertion
    while True:
        try:
            urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
                f"{base}/healthz", timeout=5)
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > end:
                process.kill()
                raise AssertionError(process.communicate()[0]) from None
            time.sleep(0.2)


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_behind_a_trusted_proxy_log_ins_are_counted_per_visitor(tmp_path: Path) -> None:
    process, base = serving(tmp_path / "proxied", "--trusted-proxy", "127.0.0.1")
    try:
        # two tries a minute per visitor: the third of one visitor waits, another may go on
        assert failed_log_ins(base, ["198.51.100.7"] * 3 + ["203.0.113.9"]) == [200, 200, 429, 200]
    finally:
        stop(process)
    process, base = serving(tmp_path / "direct")
    try:
        # without it, the header is not believed: everyone behind the proxy is one client
        assert failed_log_ins(base, ["198.51.100.7"] * 3 + ["203.0.113.9"]) == [200, 200, 429, 429]
    finally:
        stop(process)
