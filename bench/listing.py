"""Listing benchmark: do `posting list` and `application list --posting` stay flat as data grows?

Fills a small and a large scratch database (real migrations), times the listings on both,
counts their SQL statements and prints the query plans. Exits 0 unless it crashes.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from time import perf_counter
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from tracker.db import create_engine, make_session_factory
from tracker.domain.access import OPERATOR
from tracker.domain.timeutil import deadline_instant
from tracker.models import Application, Organisation, Posting, User
from tracker.models.upkeep import recount
from tracker.schema import upgrade
from tracker.services.hiring.applications import list_applications
from tracker.services.hiring.postings import list_postings

SEED, BATCH, TZ = 20261125, 10_000, "Europe/Paris"
ORGS, HR_PER_ORG, APPS_PER_CANDIDATE = 50, 2, 50
PER_PAGE, STATEMENT_PAGES = 50, (10, 100)
POSTING_STATUS = {"open": 70, "draft": 8, "closed": 12, "filled": 7, "cancelled": 3}
APP_STATUS = {"draft": 10, "submitted": 30, "under_review": 20, "interview": 10, "offer": 4,
              "hired": 3, "rejected": 18, "withdrawn": 5}
EMPLOYMENT = {"permanent": 35, "fixed_term": 30, "internship": 10, "apprenticeship": 8,
              "temporary": 7, "freelance": 5, "volunteer": 2, "other": 3}
JOBS = ["Ingénieur d'études", "Chargé de mission", "Assistant RH", "Développeur Python",
        "Gestionnaire administratif", "Technicien de laboratoire", "Chef de projet", "Comptable"]
CITIES = ["Paris", "Lyon", "Saint-Étienne", "Grenoble", "Lille", "Nantes", "Bordeaux", "Rennes"]
NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau"]
FIRST = ["Camille", "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Louis", "Manon", "Nathan"]


@dataclass(frozen=True)
class Size:
    label: str
    postings: int
    applications: int
    candidates: int


@dataclass
class Plan:
    """What the fill inserts, decided up front so that the benchmark knows it afterwards."""

    statuses: list[str]
    orgs: list[int]  # 0: a private posting (logged by a candidate, no organisation)
    deleted: list[bool]
    app_counts: Counter[int]  # posting id -> applications

    def reference(self, pid: int) -> str:
        org = self.orgs[pid - 1]
        return f"{f'ORG-{org:02d}' if org else 'P'}-2026-{pid:06d}"

    def typical_posting(self) -> int:
        """A live posting with the average number of applications (rounded)."""
        target = round(sum(self.app_counts.values()) / len(self.statuses))
        pids = sorted(p for p, n in self.app_counts.items()
                      if n == target and not self.deleted[p - 1])
        return pids[len(pids) // 2]


@dataclass
class Result:
    key: str
    label: str
    medians: dict[str, float] = field(default_factory=dict)  # database label -> seconds
    rows: dict[str, int] = field(default_factory=dict)  # database label -> rows on the page
    statements: dict[int, int] = field(default_factory=dict)  # per_page -> statements (large)
    empty_page: bool = False  # a counted page was empty (then there is no counts query)
    plans: list[tuple[str, list[str]]] = field(default_factory=list)  # (SQL, its plan)

    @property
    def ratio(self) -> float:
        return self.medians["large"] / self.medians["small"]

    @property
    def constant(self) -> str:
        if len(set(self.statements.values())) == 1:
            return "PASS"
        return "n/a*" if self.empty_page else "FAIL"


def weighted(rng: random.Random, weights: dict[str, int], k: int = 1) -> list[str]:
    return rng.choices(list(weights), list(weights.values()), k=k)


def make_plan(size: Size, rng: random.Random) -> Plan:
    statuses = weighted(rng, POSTING_STATUS, size.postings)
    orgs = [0 if rng.random() < 0.05 else rng.randint(1, ORGS) for _ in statuses]
    deleted = [rng.random() < 0.005 for _ in statuses]
    # nobody applies to a draft, and private postings are the candidate's own notes
    eligible = [i + 1 for i, s in enumerate(statuses) if s != "draft" and orgs[i]]
    counts = Counter(rng.choices(eligible, k=size.applications))
    return Plan(statuses, orgs, deleted, Counter({p: min(n, size.candidates)
                                                  for p, n in counts.items()}))


def organisations(now: datetime) -> Iterator[dict[str, Any]]:
    for i in range(1, ORGS + 1):
        city = CITIES[i % len(CITIES)]
        yield dict(id=i, slug=f"org-{i:02d}", name=f"Établissement {i} de {city}", timezone=TZ,
                   website=f"https://org-{i:02d}.example", address_locality=city,
                   address_country="FR", created_at=now, updated_at=now)


def users(size: Size, rng: random.Random, now: datetime) -> Iterator[dict[str, Any]]:
    hr = ORGS * HR_PER_ORG  # ids 1..hr are HR staff, HR_PER_ORG per organisation
    for i in range(1, hr + size.candidates + 1):
        created = now - timedelta(days=rng.uniform(1, 700))
        yield dict(id=i, email=f"{'hr' if i <= hr else 'cand'}{i}@bench.example",
                   full_name=f"{rng.choice(FIRST)} {rng.choice(NAMES)}",
                   role="hr" if i <= hr else "candidate",
                   organisation_id=(i - 1) // HR_PER_ORG + 1 if i <= hr else None,
                   locale="fr" if rng.random() < 0.8 else "en",
                   timezone=TZ if i <= hr else None, created_at=created, updated_at=created)


def postings(size: Size, plan: Plan, rng: random.Random, now: datetime) -> Iterator[dict]:
    today = now.astimezone(ZoneInfo(TZ)).date()
    for pid in range(1, size.postings + 1):
        status, org = plan.statuses[pid - 1], plan.orgs[pid - 1]
        owner = None if org else ORGS * HR_PER_ORG + rng.randint(1, size.candidates)
        day: date | None = None
        at: time | None = None
        if rng.random() >= 0.1:  # 10 % without a deadline; open and draft ones still ahead
            ahead = status in ("open", "draft")
            day = today + timedelta(days=rng.randint(1, 150) if ahead else -rng.randint(1, 365))
            at = rng.choice([None, None, None, time(12), time(17, 30)])
        kind = weighted(rng, EMPLOYMENT)[0]
        salary = Decimal(rng.randrange(22, 60) * 1000) if rng.random() < 0.6 else None
        method = rng.choices(["email", "url", "in_app"], [20, 10, 70])[0]
        city = rng.choice(CITIES)
        created = now - timedelta(days=rng.uniform(1, 400))
        yield dict(
            id=pid, reference=plan.reference(pid), title=f"{rng.choice(JOBS)} ({city})",
            organisation_id=org or None,
            hiring_organization_name=f"Établissement {org}" if org else "Entreprise externe",
            location=city, address_locality=city, address_country="FR", employment_type=kind,
            duration_months=rng.randint(1, 36) if kind in ("fixed_term", "internship") else None,
            working_time_percent=rng.choice([None, 100, 100, 80, 50]),
            job_start_date=day + timedelta(days=30) if day else None,
            date_posted=created.date(), valid_through_date=day, valid_through_time=at,
            timezone=TZ, valid_through=deadline_instant(day, at, TZ, "bench") if day else None,
            apply_method=method,
            apply_email=f"jobs{org}@bench.example" if method == "email" else None,
            apply_url=f"https://jobs.example/{pid}" if method == "url" else None,
            salary_min=salary, salary_max=salary + rng.randrange(0, 15) * 1000 if salary else None,
            salary_currency="EUR" if salary else None, salary_period="year" if salary else None,
            missions="Missions principales : …", status=status,
            visibility="public" if org else "private", owner_id=owner,
            created_by_id=(org - 1) * HR_PER_ORG + 1 if org else owner,
            deleted_at=now if plan.deleted[pid - 1] else None,
            created_at=created, updated_at=created)


def applications(size: Size, plan: Plan, rng: random.Random, now: datetime) -> Iterator[dict]:
    first = ORGS * HR_PER_ORG + 1
    candidates, aid = range(first, first + size.candidates), 0
    for pid in sorted(plan.app_counts):
        count = plan.app_counts[pid]
        for candidate, status in zip(rng.sample(candidates, count),
                                     weighted(rng, APP_STATUS, count), strict=True):
            aid += 1
            created = now - timedelta(days=rng.uniform(1, 300))
            submitted = None if status == "draft" else min(  # never in the future
                created + timedelta(hours=rng.uniform(1, 72)), now - timedelta(minutes=1))
            yield dict(id=aid, posting_id=pid, candidate_id=candidate, status=status,
                       cover_letter="Madame, Monsieur, …" if rng.random() < 0.3 else None,
                       submitted_at=submitted, is_late=submitted is not None and rng.random() < 0.01,
                       deleted_at=now if rng.random() < 0.005 else None,
                       created_at=created, updated_at=submitted or created)


def build(url: str, size: Size) -> tuple[Plan, float]:
    """Migrate and fill one database; returns the plan and the fill rate (rows per second)."""
    rng, now, engine = random.Random(SEED), datetime.now(UTC), create_engine(url)
    if engine.dialect.name == "sqlite":  # for the fill only: no fsync, a big page cache
        @event.listens_for(engine, "connect")
        def _fast(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA synchronous = OFF")
            dbapi_connection.execute("PRAGMA cache_size = -262144")
    upgrade(engine)
    plan = make_plan(size, rng)
    tables = [(Organisation, organisations(now)), (User, users(size, rng, now)),
              (Posting, postings(size, plan, rng, now)),
              (Application, applications(size, plan, rng, now))]
    total, start = 0, perf_counter()
    for model, rows in tables:
        began, count = perf_counter(), 0
        with engine.begin() as connection:
            while batch := list(islice(rows, BATCH)):
                connection.execute(sa.insert(model.__table__), batch)
                count += len(batch)
        took = perf_counter() - began
        total += count
        print(f"  {size.label:<5} {model.__tablename__:<13} {count:>10,} rows {took:7.1f} s "
              f"{count / took:>10,.0f} rows/s", flush=True)
    with engine.begin() as connection:  # the inserts bypass the ORM's flush hook: count once
        recount(connection, set(range(1, ORGS + 1)))  # as migration 0028 does
    seconds = perf_counter() - start
    print(f"  {size.label:<5} filled: {total:,} rows in {seconds:.1f} s = "
          f"{total / seconds:,.0f} rows/s", flush=True)
    if engine.dialect.name == "postgresql":  # what autovacuum would have done by then
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    return plan, total / seconds


@contextmanager
def scratch_urls(url: str | None) -> Iterator[dict[str, str]]:
    """Two fresh databases, small and large: SQLite files, or scratch PostgreSQL databases."""
    if url is None:
        with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
            yield {label: f"sqlite:///{tmp}/{label}.db" for label in ("small", "large")}
        return
    base = make_url(url)
    if base.get_backend_name() != "postgresql" or base.database == "test":
        raise SystemExit("--url must be a PostgreSQL URL to a maintenance database (not `test`)")
    names = {label: f"tracker_bench_{label}" for label in ("small", "large")}
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")

    def drop(create: bool = False) -> None:
        with admin.connect() as connection:
            for name in names.values():
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                if create:
                    connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    drop(create=True)
    try:
        yield {label: base.set(database=name).render_as_string(hide_password=False)
               for label, name in names.items()}
    finally:
        drop()
        admin.dispose()


@contextmanager
def statement_log(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements (BEGIN/COMMIT/ROLLBACK left out) run on `engine` inside the block."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.split(None, 1)[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def queries(reference: str) -> list[tuple[str, str, Callable[[Session, int], Any]]]:
    return [
        ("a", "list_postings()", lambda s, n: list_postings(s, per_page=n, actor=OPERATOR)),
        ("b", "list_postings(status=open)", lambda s, n: list_postings(s, status="open", per_page=n, actor=OPERATOR)),
        ("c", "list_postings(status=open, page=10)",
         lambda s, n: list_postings(s, status="open", page=10, per_page=n, actor=OPERATOR)),
        ("d", "list_applications(posting=REF)",
         lambda s, n: list_applications(s, posting=reference, per_page=n, actor=OPERATOR)),
    ]


def measure(url: str, label: str, reference: str, repeat: int, results: dict[str, Result]) -> None:
    """Median time of each query (fresh Session per run, after a warm-up); on the large
    database also the statements at per_page 10 and 100 and their query plans."""
    engine = create_engine(url)
    factory = make_session_factory(engine)
    for key, name, call in queries(reference):
        result, times = results.setdefault(key, Result(key, name)), []
        for _ in range(repeat + 1):
            with factory() as session:
                began = perf_counter()
                page = call(session, PER_PAGE)
                times.append(perf_counter() - began)
        result.medians[label], result.rows[label] = statistics.median(times[1:]), len(page.rows)
        if label != "large":
            continue
        for per_page in STATEMENT_PAGES:
            with factory() as session, statement_log(engine) as seen:
                result.empty_page |= not call(session, per_page).rows
            result.statements[per_page] = len(seen)
        with factory() as session, statement_log(engine) as seen:
            call(session, PER_PAGE)
        with engine.connect() as connection:
            result.plans = [(s, explain(connection, s, p)) for s, p in seen]
    engine.dispose()


def explain(connection: sa.Connection, statement: str, parameters: Any) -> list[str]:
    if connection.dialect.name != "sqlite":
        return [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)]
    rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    depth = {0: -1}
    for node, parent, _, _ in rows:
        depth[node] = depth.get(parent, -1) + 1
    return [f"{'  ' * depth[node]}{detail}" for node, _, _, detail in rows]


def short_sql(statement: str) -> str:
    text = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", re.sub(r"\s+", " ", statement))
    return re.sub(r"IN \((?:[^()]|\([^()]*\))*\)", "IN (…)", text)


def report(results: dict[str, Result], fill_rates: dict[str, float]) -> None:
    line = "-" * 110
    print(f"\n{line}\n{'query':<42}{'median small':>14}{'median large':>14}{'ratio l/s':>11}"
          f"{'rows s/l':>10}{'stmts 10/100':>14}  ratio≤2  const\n{line}")
    for r in results.values():
        statements = " / ".join(str(r.statements[n]) for n in STATEMENT_PAGES)
        print(f"({r.key}) {r.label:<38}{r.medians['small'] * 1e3:>11.2f} ms"
              f"{r.medians['large'] * 1e3:>11.2f} ms{r.ratio:>11.1f}"
              f"{r.rows['small']:>5}/{r.rows['large']:<4}{statements:>14}  "
              f"{'PASS' if r.ratio <= 2 else 'FAIL':<7}  {r.constant}")
    print(f"{line}\nrows s/l: rows on the page (per_page {PER_PAGE}), small/large; statements "
          "counted on the large database\n* a page was empty: no counts query, not N+1")
    print("fill rate: " + ", ".join(f"{k} {v:,.0f} rows/s" for k, v in fill_rates.items()))
    print("\nQuery plans (large database):")
    for r in (results[k] for k in "abd"):
        for statement, plan in r.plans:
            print(f"\n({r.key}) {short_sql(statement)}\n" + "\n".join(f"    {p}" for p in plan))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="postgresql+psycopg://… maintenance DB (default: SQLite)")
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--small-applications", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--quick", action="store_true",
                        help="large set of 20,000 postings / 200,000 applications")
    args = parser.parse_args()
    if args.quick:
        args.postings, args.applications = 20_000, 200_000
    small_postings = max(round(args.small_applications * args.postings / args.applications), 1)
    sizes = [Size("small", small_postings, args.small_applications,
                  max(args.small_applications // APPS_PER_CANDIDATE, 100)),
             Size("large", args.postings, args.applications,
                  max(args.applications // APPS_PER_CANDIDATE, 100))]
    results: dict[str, Result] = {}
    fill_rates: dict[str, float] = {}
    with scratch_urls(args.url) as urls:
        print(f"backend {make_url(urls['large']).get_backend_name()}: " + "; ".join(
            f"{s.label} {s.postings:,} postings, {s.applications:,} applications, "
            f"{s.candidates:,} candidates" for s in sizes), flush=True)
        for size in sizes:
            plan, fill_rates[size.label] = build(urls[size.label], size)
            pid = plan.typical_posting()
            print(f"  {size.label:<5} measuring, REF={plan.reference(pid)} "
                  f"({plan.app_counts[pid]} applications)", flush=True)
            measure(urls[size.label], size.label, plan.reference(pid), args.repeat, results)
        report(results, fill_rates)


if __name__ == "__main__":
    main()
