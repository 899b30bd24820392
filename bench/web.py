"""Web benchmark: latency of three pages under 20 concurrent clients against `tracker serve`,
and the SQL statements each page runs.

Fills a scratch database (100,000 postings and 1,000,000 applications by default, with the
fill of bench/listing.py) plus one open posting with 5,000 applicants, and serves it as
`tracker serve` does (bench/web_server.py: the same app, plus a bare Flask page `/_bare`). One
client alone fetches each page and the bare page: their costs, and each page's ratio to the
bare page (target at most 15x). Then 20 clients logged in as the posting's hr user fetch, in
turn, the hr dashboard, the public postings list (pages 1 to 5) and the posting's applicants
(pages 1 to 50 of 100), twice: in a closed loop (each client asks again as soon as it has its
answer: the server's saturation) and paced (each client asks once every --interval seconds, a
user clicking that fast); with one web process, then with --workers (default 2, gunicorn).
Prints p50 and p95 per page for each, then the statements each page runs, counted in-process
on the same database, at its first and at a deep page, and each page's processor time
in-process against the bare page's (a busy shared machine inflates wall-clock times, the
cheapest page's most). Exits 0 unless it crashes.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
import listing  # noqa: E402  (the fill of the listing benchmark)

from tracker.db import create_engine, make_session_factory, unit_of_work, utcnow  # noqa: E402
from tracker.domain.access import OPERATOR  # noqa: E402
from tracker.models import Application, Posting, User  # noqa: E402
from tracker.models.upkeep import recount, recount_postings  # noqa: E402
from tracker.services.accounts import sessions as login_sessions  # noqa: E402
from tracker.services.accounts.users import hash_password  # noqa: E402

PASSWORD = "bench password"
CLIENTS, BIG = 20, 5_000
TARGET_P95_MS = 150
TARGET_RATIO = 15  # a page costs at most 15 times the bare Flask page (#16)
HERE = Path(__file__).resolve().parent


def add_big_posting(url: str, size: listing.Size) -> str:
    """An open posting of organisation 1 with BIG applicants; hr user 1 gets a password."""
    engine = create_engine(url)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        pid = connection.scalar(sa.select(sa.func.max(Posting.id))) + 1
        aid = connection.scalar(sa.select(sa.func.max(Application.id))) or 0
        deadline = now + timedelta(days=30)
        reference = f"ORG-01-BIG-{pid}"
        connection.execute(sa.insert(Posting.__table__), [dict(
            id=pid, reference=reference, title="Chef de projet (Lyon)", organisation_id=1,
            hiring_organization_name="Établissement 1", location="Lyon",
            employment_type="permanent", timezone=listing.TZ,
            valid_through_date=deadline.date(), valid_through=deadline, apply_method="in_app",
            status="open", visibility="public", created_at=now, updated_at=now)])
        first = listing.ORGS * listing.HR_PER_ORG + 1
        statuses = ["submitted", "under_review", "interview", "rejected", "offer"]
        connection.execute(sa.insert(Application.__table__), [dict(
            id=aid + n + 1, posting_id=pid, candidate_id=first + n, status=statuses[n % 5],
            submitted_at=now - timedelta(minutes=n), created_at=now - timedelta(days=1),
            updated_at=now - timedelta(minutes=n), is_late=False)
            for n in range(min(BIG, size.candidates))])
        connection.execute(sa.update(User.__table__).where(User.id == 1).values(
            password_hash=hash_password(PASSWORD)))
        email = connection.scalar(sa.select(User.email).where(User.id == 1))
        recount(connection, {1})  # bulk inserts bypass the flush hook that keeps the counts
        # each posting's counts too (the fill of bench/listing.py and the big posting's)
        ids = list(connection.scalars(sa.select(Posting.id).order_by(Posting.id)))
        for start in range(0, len(ids), 500):
            recount_postings(connection, set(ids[start:start + 500]))
    engine.dispose()
    return reference, email  # type: ignore[return-value]


def big_posting(url: str) -> tuple[str, str]:
    """The big posting's reference and its hr user's e-mail, in a database filled before."""
    engine = create_engine(url)
    with engine.connect() as connection:
        reference = connection.scalar(sa.select(Posting.reference).where(
            Posting.reference.like("ORG-01-BIG-%")))
        email = connection.scalar(sa.select(User.email).where(User.id == 1))
    engine.dispose()
    return reference, email


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """One browser-like client: a keep-alive connection and the session cookie."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""

    def request(self, method: str, path: str, body: dict[str, str] | None = None) -> tuple[int, str]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError):
            # the server closed an idle keep-alive connection: a browser opens another
            self.connection.close()
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
        text = response.read().decode()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, text

    def log_in(self, email: str) -> None:
        _, page = self.request("GET", "/login")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        status, _ = self.request("POST", "/login", {"email": email, "password": PASSWORD,
                                                    "csrf_token": token})
        if status != 302:
            raise SystemExit(f"log-in failed: {status}")


def pages(reference: str, rounds: int) -> list[tuple[str, str]]:
    paths = []
    for n in range(rounds):
        paths += [("hr dashboard", "/hr/"), ("public postings list", f"/?page={n % 5 + 1}"),
                  ("posting applicants (5,000)",
                   f"/hr/postings/{reference}?page={n % 50 + 1}")]
    return paths


def load(port: int, email: str, reference: str, rounds: int,
         interval: float = 0.0) -> dict[str, list[float]]:
    """The 20 clients at once, each fetching its pages in turn. With no `interval` (closed
    loop) a client asks for the next page as soon as it has the last one: the server is kept
    saturated and a latency is mostly the wait behind the other 19 clients. With an interval,
    each client asks for a page every `interval` seconds (a user clicking that fast), starting
    at a random phase, and a latency counts from the moment the request was due, so a late
    answer also delays what the client should have sent next (no coordinated omission)."""
    timings: dict[str, list[float]] = defaultdict(list)
    failures: Counter[str] = Counter()
    lock = threading.Lock()
    clients = [Client(port) for _ in range(CLIENTS)]
    for client in clients:
        client.log_in(email)
        for _, path in pages(reference, 1):  # warm up every page once
            client.request("GET", path)
    start = threading.Barrier(CLIENTS)
    phases = random.Random(5).sample(range(CLIENTS), CLIENTS)

    def run(client: Client, phase: int) -> None:
        start.wait()
        due = time.perf_counter() + interval * phase / CLIENTS
        for name, path in pages(reference, rounds):
            if interval:
                time.sleep(max(0.0, due - time.perf_counter()))
            began = due if interval else time.perf_counter()
            status, _ = client.request("GET", path)
            took = time.perf_counter() - began
            if status != 200:  # said, and counted: a thread cannot stop the run
                with lock:
                    failures[f"{path.split('?')[0]}: HTTP {status}"] += 1
                continue
            with lock:
                timings[name].append(took)
            due += interval

    threads = [threading.Thread(target=run, args=(c, phase))
               for c, phase in zip(clients, phases, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for what, count in failures.items():
        print(f"  FAILED {count} x {what}", flush=True)
    return timings


SINGLE = 30


def single(port: int, email: str, reference: str) -> dict[str, list[float]]:
    """Each page fetched by one client alone, one request at a time: the time a page costs
    without waiting for others."""
    client = Client(port)
    client.log_in(email)
    timings: dict[str, list[float]] = defaultdict(list)
    by_fit = [("applicants by fit (5,000)", f"/hr/postings/{reference}?sort=fit&page={n + 1}")
              for n in range(SINGLE // 3)]
    bare = [("bare Flask page (/_bare)", "/_bare")] * SINGLE
    failed: Counter[str] = Counter()
    for name, path in pages(reference, SINGLE) + by_fit + bare:
        began = time.perf_counter()
        status, _ = client.request("GET", path)
        timings[name].append(time.perf_counter() - began)
        if status != 200:  # an error page is no measure of the page
            failed[f"{path.split('?')[0]}: HTTP {status}"] += 1
    for what, count in failed.items():
        print(f"  FAILED {count} x {what} (one client alone)", flush=True)
    return timings


def statements(url: str, email: str, reference: str) -> tuple[list[tuple[str, str, int]],
                                                              dict[str, list[float]]]:
    """Statements per page, counted in-process with the app on the same database; then the
    processor time each page costs in-process (time.process_time around a test client's
    request, SINGLE times each): a cost that a busy machine's waits for a core do not inflate
    as they do the wall-clock time of the cheapest page."""
    from tracker.app import create_app
    from tracker.config import Settings

    engine = create_engine(url)
    counted: list[str] = []
    sa.event.listen(engine, "before_cursor_execute",
                    lambda *args: counted.append(args[2]))
    app = create_app(Settings(secret_key="bench", secure_cookies=False,
                              data_dir=Path(tempfile.mkdtemp())),
                     session_factory=make_session_factory(engine))
    app.add_url_rule("/_bare", "bench_bare", lambda: "bare")  # as bench/web_server.py does
    client = app.test_client()
    with unit_of_work(make_session_factory(engine), write=True) as session:
        user = session.scalar(sa.select(User).where(User.email == email))
        key, _row = login_sessions.start_session(session, user, actor=OPERATOR,
                                                 device="bench", ip=None, clock=utcnow)
    with client.session_transaction() as flask_session:  # as the log-in page leaves it
        flask_session["_user_id"] = key
        flask_session["_fresh"] = True
    rows = []
    for name, first, deep in [("hr dashboard", "/hr/", "/hr/"),
                              ("public postings list", "/?page=1", "/?page=50"),
                              ("posting applicants", f"/hr/postings/{reference}?page=1",
                               f"/hr/postings/{reference}?page=50"),
                              ("applicants by fit", f"/hr/postings/{reference}?sort=fit&page=1",
                               f"/hr/postings/{reference}?sort=fit&page=50")]:
        found = []
        for path in (first, deep):
            counted.clear()
            assert client.get(path).status_code == 200, path
            found.append(len([s for s in counted if not s.startswith(("BEGIN", "COMMIT"))]))
        rows.append((name, f"{found[0]} / {found[1]}", found[0]))
    cpu: dict[str, list[float]] = defaultdict(list)
    bare = [("bare Flask page (/_bare)", "/_bare")]
    by_fit = [("applicants by fit", f"/hr/postings/{reference}?sort=fit&page={n % 50 + 1}")
              for n in range(SINGLE)]
    for n, page in enumerate(pages(reference, SINGLE) + by_fit):
        for name, path in [page, *bare] if n % 3 == 0 else [page]:
            began = time.process_time()
            assert client.get(path).status_code == 200, path
            cpu[name].append(time.process_time() - began)
    engine.dispose()
    return rows, cpu


def open_postings_plan(url: str) -> str:
    """How the database reads the dashboard's open postings of organisation 1 (#16: through an
    index led by the organisation)."""
    from tracker.services.views.overview import DASHBOARD_POSTINGS

    query = (sa.select(Posting.id)
             .where(Posting.status == "open", Posting.deleted_at.is_(None),
                    Posting.organisation_id == 1, Posting.organisation_id.is_not(None))
             .order_by(Posting.valid_through.asc().nulls_last(), Posting.id)
             .limit(DASHBOARD_POSTINGS))
    engine = create_engine(url)
    with engine.connect() as connection:
        compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
        explain = "EXPLAIN" if engine.dialect.name == "postgresql" else "EXPLAIN QUERY PLAN"
        rows = connection.exec_driver_sql(f"{explain} {compiled}").all()
    engine.dispose()
    return "\n".join(f"  {row[-1] if engine.dialect.name == 'sqlite' else row[0]}"
                     for row in rows)


def wait_for(port: int) -> None:
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not start")


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def machine() -> str:
    """When, and how busy the machine was (figures of a shared machine move with its load)."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average {load}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10, help="page triples per client")
    parser.add_argument("--quick", action="store_true",
                        help="20,000 postings / 200,000 applications")
    parser.add_argument("--threads", type=int, default=8, help="tracker serve --threads")
    parser.add_argument("--workers", type=int, default=2,
                        help="the loaded runs again with this many web processes (gunicorn)")
    parser.add_argument("--interval", type=float, default=1.0,
                        help="seconds between two requests of a client in the paced run")
    parser.add_argument("--database", type=Path,
                        help="a SQLite file: filled if it does not exist, else used as it is "
                        "(kept after the run, so several runs measure one fill)")
    parser.add_argument("--in-process", action="store_true",
                        help="only the statements and the processor time in-process (no server)")
    args = parser.parse_args()
    if args.quick:
        args.postings, args.applications = 20_000, 200_000
    size = listing.Size("large", args.postings, args.applications,
                        max(args.applications // listing.APPS_PER_CANDIDATE, BIG + 100))
    print(f"began {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="tracker-bench-web-") as tmp:
        database = args.database or Path(tmp) / "web.db"
        url = f"sqlite:///{database}"
        if database.exists():
            reference, email = big_posting(url)
            print(f"using {database} as it is", flush=True)
        else:
            print(f"filling {size.postings:,} postings, {size.applications:,} applications, "
                  f"{size.candidates:,} candidates", flush=True)
            listing.build(url, size)
            reference, email = add_big_posting(url, size)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
        env.update(TRACKER_DATABASE_URL=url, TRACKER_DATA_DIR=tmp, TRACKER_SECRET_KEY="bench",
                   TRACKER_SECURE_COOKIES="false", TRACKER_LOGIN_RATE_LIMIT="1000 per minute",
                   TRACKER_LOGIN_ADDRESS_RATE_LIMIT="1000 per minute")
        subprocess.run([sys.executable, "-m", "tracker", "db", "upgrade"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        if args.in_process:
            in_process(url, email, reference)
            print(f"\nended {machine()}")
            return
        alone: dict[str, list[float]] = {}
        runs = []
        for workers in sorted({1, args.workers}):
            port = free_port()
            log = open(f"{tmp}/server-{workers}.log", "w")  # noqa: SIM115  (closed below)
            server = subprocess.Popen([sys.executable, str(HERE / "web_server.py"), str(port),
                                       str(args.threads), str(workers)], env=env,
                                      stdout=log, stderr=subprocess.STDOUT)
            try:
                wait_for(port)
                if workers == 1:
                    alone = single(port, email, reference)
                for interval in (0.0, args.interval):
                    began = time.perf_counter()
                    timings = load(port, email, reference, args.rounds, interval)
                    runs.append((workers, interval, timings, time.perf_counter() - began))
            finally:
                server.terminate()
                server.wait(timeout=60)
                log.close()
                errors = Counter(line.strip() for line in open(log.name)  # noqa: SIM115
                                 if re.match(r"\w+(\.\w+)*(Error|Exception): ", line))
                for line, count in errors.most_common(5):
                    print(f"  server error ({count} x): {line[:200]}", flush=True)
        bare = percentile(alone.pop("bare Flask page (/_bare)"), 50) * 1000
        print(f"\none client alone, {SINGLE} requests per page, one process: p50 / p95 ms, and "
              f"p50 against the bare Flask page of the same app ({bare:.2f} ms; target "
              f"<= {TARGET_RATIO}x)")
        for name, values in alone.items():
            p50 = percentile(values, 50) * 1000
            ratio = p50 / bare
            print(f"{name:<30} {p50:8.1f} {percentile(values, 95) * 1000:8.1f} {ratio:7.1f}x  "
                  f"{'PASS' if ratio <= TARGET_RATIO else 'over'}")
        for workers, interval, timings, took in runs:
            total = sum(len(v) for v in timings.values())
            how = (f"each a request every {interval * 1000:.0f} ms "
                   f"({CLIENTS / interval:.0f} requests/s offered)" if interval
                   else "closed loop, no pause between requests")
            print(f"\n{CLIENTS} clients, {how}: {total} requests in {took:.1f} s "
                  f"({total / took:.0f} requests/s), --workers {workers} "
                  f"--threads {args.threads}")
            print(f"{'page':<30} {'p50 ms':>8} {'p95 ms':>8}  target p95 < {TARGET_P95_MS} ms")
            for name, values in timings.items():
                p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
                verdict = "PASS" if p95 < TARGET_P95_MS else "over"
                print(f"{name:<30} {p50:8.1f} {p95:8.1f}  {verdict}")
        in_process(url, email, reference)
    print(f"\nended {machine()}")


def in_process(url: str, email: str, reference: str) -> None:
    """The statements of each page, its processor time in-process against the bare page's,
    and the plan of the dashboard's open postings."""
    counted, cpu = statements(url, email, reference)
    print(f"\n{'page':<30} statements (first page / page 50)")
    for name, text, _ in counted:
        print(f"{name:<30} {text}")
    floor = percentile(cpu.pop("bare Flask page (/_bare)"), 50) * 1000
    print(f"\nprocessor time in-process (test client, {SINGLE} requests per page): p50 ms "
          f"and p50 against the bare Flask page ({floor:.2f} ms; target <= {TARGET_RATIO}x)")
    for name, values in cpu.items():
        p50 = percentile(values, 50) * 1000
        print(f"{name:<30} {p50:8.2f} {p50 / floor:7.1f}x  "
              f"{'PASS' if p50 / floor <= TARGET_RATIO else 'over'}")
    print("\nthe dashboard's open postings (organisation 1), as the database reads them:")
    print(open_postings_plan(url))


if __name__ == "__main__":
    main()
