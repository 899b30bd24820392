"""Dossier benchmark: how long do the PDF dossiers take, and what do the batch workers cost?

Builds a scratch SQLite database (real migrations) with the demo as published and synthetic
submitted applicants (evidence, the same 2-page CV), then times the application dossier, the
panel dossier, the pipeline against WeasyPrint alone, a batch with 1 and 2 workers, and the peak
memory of the batch workers; then (f) the panel dossier rendered in parts at each of `--sizes`
applicants with 1 and 2 part workers: wall time, the peak memory of each worker and of the
process that assembles, and the ratios the issue sets targets for (#16). `--parts-only` runs
(f) alone. Exits 0 unless it crashes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing
import os
import resource
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import cycle, islice
from pathlib import Path
from queue import Empty
from time import perf_counter
from typing import Any

import sqlalchemy as sa
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker

from tracker import pdf
from tracker.config import get_settings  # noqa: E402
from tracker.db import create_engine, make_session_factory
from tracker.domain.access import OPERATOR
from tracker.models import Application, Document, DocumentKind, Posting, User
from tracker.schema import upgrade
from tracker.services.accounts import users
from tracker.services.dossiers.batch import RECYCLE_AFTER, run_batch
from tracker.services.dossiers.data import REVIEWED
from tracker.services.dossiers.render import (
    application_dossier,
    application_parts,
    panel_dossier,
)
from tracker.services.hiring import applications, documents, evidence
from tracker.services.operations.demo import load_demo, prepare_documents

NOW = datetime(2024, 5, 21, 8, 0, tzinfo=UTC)  # after the demo's deadline, as in tests/pdf
CAMILLE = "camille.martin@example.org"
FIRST = ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Louis", "Manon", "Nathan", "Emma"]
LAST = ["Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Roux"]
LETTER = ("Madame, Monsieur,\n\nChargé·e de projets internationaux depuis plusieurs années, "
          "je souhaite rejoindre la Direction de l’International.\n\nSalutations distinguées.")
STALL = 60  # seconds without a dossier made: the batch has hung
ANSWER = "Expérience de {n} ans sur ce point : projets menés, partenaires, résultats mesurés."


@dataclass
class Row:
    measure: str
    value: str
    target: str = "—"
    ok: bool | None = None  # None: no target, "info"


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def two_page_cv() -> bytes:
    """A 2-page CV as tests/pdf/conftest.make_pdf makes it (used if the demo has none)."""
    from weasyprint import HTML

    body = "".join(f'<section style="break-after: page"><h1>CURRICULUM VITAE {n}</h1>'
                   f'<p>{"Expérience, formation, compétences. " * 40}</p></section>'
                   for n in ("page one", "page two"))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def camille_cv(session: Session) -> tuple[Application, bytes]:
    """Camille Martin's application, with a 2-page CV attached (the demo's, else one made)."""
    application = session.scalar(sa.select(Application).join(User, Application.candidate)
                                 .where(User.email == CAMILLE))
    assert application is not None, "the demo has no application of Camille Martin"
    for document in application.documents:
        if document.kind is DocumentKind.CV and pages(document.content) == 2:
            return application, document.content
    data = two_page_cv()  # attached as tests/pdf/conftest.attach does
    session.add(Document(
        owner_id=application.candidate_id, application_id=application.id, kind=DocumentKind.CV,
        filename="CV-Camille-Martin-2p.pdf", media_type="application/pdf",
        size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), content=data,
        page_count=2, uploaded_at=NOW))
    session.flush()
    session.expire(application, ["documents"])
    return application, data


def reviewed_ids(session: Session, posting: Posting) -> list[int]:
    return list(session.scalars(sa.select(Application.id).where(
        Application.posting_id == posting.id, Application.deleted_at.is_(None),
        Application.status.in_(REVIEWED)).order_by(Application.id)))


def add_applicants(session: Session, posting: Posting, cv: bytes, total: int) -> list[int]:
    """Synthetic candidates apply (profile, CV, 4 answers) and submit until `total` reviewed
    applications exist; returns their ids."""
    done = reviewed_ids(session, posting)
    start = posting.created_at + timedelta(days=1)  # a day after the demo's published moment
    required = sorted((r for r in posting.requirements if r.is_required), key=lambda r: r.id)
    for i in range(len(done), total):
        def clock(at: datetime = start + timedelta(minutes=i)) -> datetime:
            return at
        user = users.create_user(session, email=f"bench{i:04d}@bench.example", role="candidate",
                                 full_name=f"{FIRST[i % 9]} {LAST[i // 9 % 9]}", clock=clock, actor=OPERATOR)
        users.set_profile(session, user, headline="Chargé·e de projets internationaux",
                          education_level="bac+5", experience_years=i % 12,
                          skills=["Gestion de projet", "Erasmus+", "Budget"],
                          languages=[users.LanguageInput("fr", is_native=True),
                                     users.LanguageInput("en", "B2")], clock=clock, actor=OPERATOR)
        app = applications.start(session, posting, user, cover_letter=LETTER, actor=user,
                                 clock=clock)
        documents.add_document(session, app, kind="cv", filename=f"CV-{i:04d}.pdf", content=cv,
                               actor=user, clock=clock, settings=get_settings())
        for k, requirement in enumerate(required[i % 7:i % 7 + 4]):
            evidence.give_evidence(session, app, requirement, evidence=ANSWER.format(n=k + 2),
                                   self_rating=1 + (i + k) % 4, actor=user, clock=clock)
        applications.move(session, app, "submitted", actor=user, clock=clock)
    session.commit()
    return reviewed_ids(session, posting)


def timed(fn: Callable[[], Any]) -> float:
    began = perf_counter()
    fn()
    return perf_counter() - began


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # reaped processes: the workers
    return usage.ru_utime + usage.ru_stime


@dataclass
class Run:
    done: int  # dossiers made; fewer than asked when the batch stalled
    seconds: float = 0.0
    cpu: float = 0.0  # user + system seconds of the workers
    peak_mb: float = 0.0  # the largest BatchItem.worker_peak_mb
    errors: int = 0

    @property
    def stalled(self) -> bool:
        return not self.seconds


def _helper(url: str, ids: list[int], workers: int, queue: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="tracker-bench-out-") as out:
        cpu, began = children_cpu(), perf_counter()
        items = run_batch(url, ids, workers=workers, out_dir=Path(out), reports_dir=Path(out),
                          now=NOW,
                          on_done=lambda item: queue.put(item.worker_peak_mb))
        queue.put(Run(len(items), perf_counter() - began, children_cpu() - cpu,
                      max(i.worker_peak_mb for i in items), sum(1 for i in items if i.error)))


def batch(url: str, ids: list[int], workers: int) -> Run:
    """run_batch in a fresh helper process, as the CLI runs it: a spawned worker's ru_maxrss
    starts at the peak RSS of the process that spawns it (Linux keeps it across execve), so the
    spawner must stay small. A batch with no dossier made for STALL seconds is given up."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    helper = context.Process(target=_helper, args=(url, ids, workers, queue))
    helper.start()
    peaks: list[float] = []
    try:
        while True:
            try:
                message = queue.get(timeout=STALL)
            except Empty:
                return Run(len(peaks), peak_mb=max(peaks, default=0.0))
            if isinstance(message, Run):
                return message
            peaks.append(message)
    finally:
        if helper.is_alive():
            helper.terminate()
        helper.join()


def batch_rows(runs: dict[int, Run], n: int, suffix: str) -> list[Row]:
    one, two = runs[1], runs[2]
    if one.stalled or two.stalled:
        state = " / ".join(f"stalled after {r.done} of {n}" if r.stalled else f"{r.seconds:.1f} s"
                           for r in (one, two))
        return [Row(f"(d{suffix}) batch of {n}, 1 / 2 workers", state, ">= 1.7", False)]
    speedup = one.seconds / two.seconds
    return [
        Row(f"(d{suffix}) batch of {n}, 1 / 2 workers, wall",
            f"{one.seconds:.1f} s / {two.seconds:.1f} s  "
            f"({one.seconds / n:.3f} / {two.seconds / n:.3f} s each)"),
        Row(f"(d{suffix}) worker CPU per dossier, 1 / 2 workers",
            f"{one.cpu / n:.3f} s / {two.cpu / n:.3f} s  (cores busy "
            f"{one.cpu / one.seconds:.2f} / {two.cpu / two.seconds:.2f})"),
        Row(f"(d{suffix}) speed-up t1 / t2", f"{speedup:.2f}", ">= 1.7", speedup >= 1.7)]


def measure_renders(url: str, args: argparse.Namespace) -> tuple[list[Row], bytes]:
    """(a), (b), (c), in this process; returns the rows and the 2-page CV."""
    factory: sessionmaker[Session] = make_session_factory(create_engine(url))
    rows: list[Row] = []
    with factory() as session:
        posting = session.scalars(sa.select(Posting)).one()
        reference = posting.reference
        camille, cv = camille_cv(session)
        camille_id = camille.id
        ids = add_applicants(session, posting, cv, args.panel)
        print(f"  {len(ids)} reviewed applicants for the panel, CV {len(cv):,} bytes "
              f"({pages(cv)} p.)", flush=True)
        parts = application_parts(session.get(Application, camille_id), lang="fr", now=NOW,
                                  for_employer=True)
        html = pdf.template_html(parts.template, parts.context, parts.appendices)

    def one() -> bytes:
        with factory() as session:
            return application_dossier(session, camille_id, lang="fr", clock=lambda: NOW, actor=OPERATOR).content

    def alone() -> bytes:
        return pdf.weasy_html(html).write_pdf(font_config=pdf.font_configuration())

    sample, bare = one(), alone()  # warm-ups
    piped, weasy = [], []
    for _ in range(args.repeat):  # interleaved, so that both see the same machine state
        piped.append(timed(one))
        weasy.append(timed(alone))
    pipe_s, weasy_s = statistics.median(piped), statistics.median(weasy)
    rows.append(Row("(a) application dossier (Camille, fr), median",
                    f"{pipe_s:.3f} s  ({pages(sample)} p., {len(sample) / 1e3:,.0f} kB)"))
    print(f"  (a) done; WeasyPrint alone {weasy_s:.3f} s ({pages(bare)} p.)", flush=True)

    def panel() -> bytes:
        with factory() as session:
            return panel_dossier(session, reference, lang="fr", clock=lambda: NOW, actor=OPERATOR).content

    panel_pdf = panel()  # warm-up
    panel_s = statistics.median(timed(panel) for _ in range(args.repeat))
    rows.append(Row(f"(b) panel dossier, {len(ids)} applicants, median",
                    f"{panel_s:.3f} s  ({pages(panel_pdf)} p., {len(panel_pdf) / 1e6:,.1f} MB)"))
    rows.append(Row("(c) overhead: pipeline / WeasyPrint alone",
                    f"{pipe_s / weasy_s:.2f}  ({pipe_s:.3f} / {weasy_s:.3f} s)", "<= 1.3",
                    pipe_s / weasy_s <= 1.3))
    print("  (b), (c) done", flush=True)
    return rows, cv


def measure_batches(url: str, args: argparse.Namespace, cv: bytes) -> tuple[list[Row], list[str]]:
    """(d) and (e); applicants are added after (b), so that the panel keeps `--panel` of them."""
    rows: list[Row] = []
    with make_session_factory(create_engine(url))() as session:
        posting = session.scalars(sa.select(Posting)).one()
        ids = add_applicants(session, posting, cv, max(args.batch, args.panel))
    batch_ids = ids[:args.batch]
    memory_ids = list(islice(cycle(ids), args.memory_batch))
    notes = [f"workers are recycled every {RECYCLE_AFTER} dossiers (maxtasksperchild)"]
    runs: dict[int, Run] = {}
    for workers in (1, 2):
        load = os.getloadavg()[0]
        runs[workers] = run = batch(url, batch_ids, workers)
        print(f"  (d) {workers} worker(s): {run.done} made in "
              f"{'(stalled)' if run.stalled else f'{run.seconds:.1f} s'}, "
              f"load before {load:.2f}", flush=True)
    memory = batch(url, memory_ids, 2)
    print(f"  (e) {memory.done} made, peak {memory.peak_mb:.0f} MB", flush=True)
    if any(r.errors for r in (*runs.values(), memory)):
        raise SystemExit("some dossiers of the batches failed")
    made = (f"stalled after {memory.done} of {len(memory_ids)}" if memory.stalled
            else f"{memory.seconds:.0f} s")
    rows += [*batch_rows(runs, len(batch_ids), ""),
             Row(f"(e) worker peak RSS, {len(memory_ids)} dossiers, 2 workers",
                 f"{memory.peak_mb:.0f} MB  ({made})", "< 300 MB",
                 not memory.stalled and memory.peak_mb < 300)]
    return rows, notes


@dataclass
class PanelRun:
    seconds: float
    pages: int
    size_mb: float
    worker_peak_mb: float  # the largest VmHWM of a part worker (0 workers: the process itself)
    parent_peak_mb: float  # the process that reads the rows, hands out the parts, assembles
    parts: int
    cpu: float = 0.0  # user + system seconds of the helper and its part workers
    peak_part: str = ""  # the part after which a worker's peak was the largest
    phases: dict[str, float] = field(default_factory=dict)  # CPU of the assembling process


def _panel_helper(url: str, workers: int, queue: Any) -> None:
    from tracker.pdfparts import peak_mb
    from tracker.services.dossiers.render import write_panel

    factory = make_session_factory(create_engine(url))
    peaks: list[tuple[float, str]] = []
    phases: dict[str, float] = {}
    began, cpu = perf_counter(), children_cpu() + own_cpu()
    with tempfile.TemporaryDirectory(prefix="tracker-bench-panel-") as folder:
        out = Path(folder) / "panel.pdf"
        with factory() as session:  # as a job makes it: the rows read, the PDF into a file
            posting = session.scalars(sa.select(Posting)).one()
            write_panel(session, posting, out, lang="fr", pdfa=False, now=NOW, workers=workers,
                        phases=phases, on_part=lambda task, part: peaks.append(
                            (part.peak_mb, task.key)))  # the cover too: a worker renders it
        seconds = perf_counter() - began
        cpu = children_cpu() + own_cpu() - cpu
        parent = peak_mb()
        top, key = max(peaks)
        queue.put(PanelRun(seconds, len(PdfReader(out).pages), out.stat().st_size / 1e6,
                           top if workers else parent, parent, len(peaks), cpu,
                           key if workers else "(one process)", phases))


def panel_run(url: str, workers: int) -> PanelRun:
    """The panel dossier in parts, in a fresh spawned process (see `batch` on ru_maxrss)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    helper = context.Process(target=_panel_helper, args=(url, workers, queue))
    helper.start()
    try:
        result: PanelRun = queue.get(timeout=3600)
        return result
    finally:
        helper.join()


def measure_parts(url: str, args: argparse.Namespace, cv: bytes | None) -> list[Row]:
    """(f): the panel dossier in parts at each size, 1 and 2 part workers."""
    rows: list[Row] = []
    runs: dict[tuple[int, int], PanelRun] = {}
    for size in args.sizes:
        with make_session_factory(create_engine(url))() as session:
            posting = session.scalars(sa.select(Posting)).one()
            if cv is None:
                cv = camille_cv(session)[1]
            ids = add_applicants(session, posting, cv, size)
            assert len(ids) == size, (len(ids), size)
        for workers in args.workers:
            load = os.getloadavg()[0]
            runs[size, workers] = run = panel_run(url, workers)
            print(f"  (f) {size} applicants, {workers} worker(s): {run.seconds:.1f} s, "
                  f"{run.pages} p., worker peak {run.worker_peak_mb:.0f} MB (after "
                  f"{run.peak_part}), assembling "
                  f"process {run.parent_peak_mb:.0f} MB, CPU {run.cpu:.1f} s "
                  f"(load before {load:.2f}); the assembling process's CPU: "
                  + ", ".join(f"{name} {value:.2f} s" for name, value in run.phases.items()),
                  flush=True)
        if len(args.workers) == 1:
            rows += single_rows(size, runs[size, args.workers[0]], args.workers[0])
            continue
        one, two = runs[size, 1], runs[size, 2]
        ratio = two.seconds / one.seconds
        worst = max(one.worker_peak_mb, two.worker_peak_mb)
        rows += [
            Row(f"(f) panel in parts, {size} applicants, 1 / 2 workers, wall",
                f"{one.seconds:.1f} s / {two.seconds:.1f} s  ({one.pages} p., "
                f"{one.size_mb:.1f} MB, {one.parts} parts)"),
            Row(f"(f) {size}: CPU 1 / 2 workers (cores busy)",
                f"{one.cpu:.1f} s / {two.cpu:.1f} s  ({one.cpu / one.seconds:.2f} / "
                f"{two.cpu / two.seconds:.2f})"),
            Row(f"(f) {size}: wall 2 workers / 1 worker", f"{ratio:.2f}", "<= 0.6",
                ratio <= 0.6),
            Row(f"(f) {size}: peak RSS per worker, 1 / 2 workers",
                f"{one.worker_peak_mb:.0f} / {two.worker_peak_mb:.0f} MB", "< 400 MB",
                worst < 400),
            Row(f"(f) {size}: peak RSS of the assembling process, 1 / 2 workers",
                f"{one.parent_peak_mb:.0f} / {two.parent_peak_mb:.0f} MB"),
        ]
    low, high = min(args.sizes), max(args.sizes)
    if low != high:
        base = 30 if 30 in args.sizes and high > 30 else low
        flat = max(runs[high, w].worker_peak_mb for w in args.workers) / \
            max(runs[base, w].worker_peak_mb for w in args.workers)
        rows.append(Row(f"(f) worker peak at {high} / at {base} applicants", f"{flat:.2f}",
                        "<= 1.2", flat <= 1.2))
        assembly = max(runs[high, w].parent_peak_mb for w in args.workers) / \
            max(runs[base, w].parent_peak_mb for w in args.workers)
        rows.append(Row(f"(f) assembling process peak at {high} / at {base}",
                        f"{assembly:.2f}", "<= 1.2", assembly <= 1.2))
    return rows


def single_rows(size: int, run: PanelRun, workers: int) -> list[Row]:
    """(f) at one size with `--workers` N only: no 1 / 2 workers ratio."""
    return [
        Row(f"(f) panel in parts, {size} applicants, {workers} worker(s), wall",
            f"{run.seconds:.1f} s  ({run.pages} p., {run.size_mb:.1f} MB, {run.parts} parts)"),
        Row(f"(f) {size}: CPU (cores busy)", f"{run.cpu:.1f} s  ({run.cpu / run.seconds:.2f})"),
        Row(f"(f) {size}: peak RSS per worker", f"{run.worker_peak_mb:.0f} MB", "< 400 MB",
            run.worker_peak_mb < 400),
        Row(f"(f) {size}: peak RSS of the assembling process", f"{run.parent_peak_mb:.0f} MB",
            "< 400 MB", run.parent_peak_mb < 400),
    ]


def report(rows: list[Row], notes: list[str]) -> None:
    width = max(len(r.measure) for r in rows) + 2
    value_width = max(len(r.value) for r in rows) + 2
    line = "-" * (width + value_width + 18)
    print(f"\n{line}\n{'measure':<{width}}{'value':<{value_width}}{'target':<10}result\n{line}")
    for r in rows:
        verdict = "info" if r.ok is None else ("PASS" if r.ok else "FAIL")
        print(f"{r.measure:<{width}}{r.value:<{value_width}}{r.target:<10}{verdict}")
    print(line)
    print(f"cores: os.cpu_count() = {os.cpu_count()}, usable by this process = "
          f"{len(os.sched_getaffinity(0))}; "
          "load average now " + " / ".join(f"{x:.2f}" for x in os.getloadavg()))
    for note in notes:
        print(note)


def scratch_database(path: Path) -> str:
    """A new SQLite database at `path` with the demo as published; its URL."""
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    upgrade(engine)
    began = perf_counter()
    with Session(engine) as session:
        load_demo(session, as_published=True, settings=get_settings(),
                  documents=prepare_documents(settings=get_settings()))
        session.commit()
    engine.dispose()
    print(f"demo loaded in {perf_counter() - began:.1f} s ({path.name})", flush=True)
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs after one warm-up")
    parser.add_argument("--batch", type=int, default=100, help="dossiers of the timed batch")
    parser.add_argument("--memory-batch", type=int, default=500,
                        help="dossiers of the memory batch (ids reused)")
    parser.add_argument("--panel", type=int, default=30, help="applicants in the panel dossier")
    parser.add_argument("--quick", action="store_true",
                        help="repeat 3, batch 20, memory batch 60, panel of 10")
    parser.add_argument("--sizes", default="10,30,100,300",
                        type=lambda text: sorted({int(n) for n in text.split(",") if n}),
                        help="applicants of the panel dossier in parts, comma-separated "
                             "(e.g. 10,30 for a quick run)")
    parser.add_argument("--workers", default="1,2",
                        type=lambda text: sorted({int(n) for n in text.split(",") if n}),
                        help="part workers of (f): 1,2 (the default) for the ratio of their "
                             "wall times, or one of them alone (e.g. 2, for 300 applicants)")
    parser.add_argument("--parts-only", action="store_true",
                        help="only (f), the panel dossier in parts")
    args = parser.parse_args()
    if len(args.workers) > 1 and args.workers != [1, 2]:
        parser.error("--workers: 1,2 or a single number")
    if args.quick:
        args.repeat, args.batch, args.memory_batch, args.panel = 3, 20, 60, 10
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        rows: list[Row] = []
        notes: list[str] = []
        cv: bytes | None = None
        if not args.parts_only:
            url = scratch_database(Path(tmp) / "dossiers.db")
            print(f"repeat {args.repeat}, batch {args.batch}, memory batch "
                  f"{args.memory_batch}, panel {args.panel}", flush=True)
            rows, cv = measure_renders(url, args)
            more, notes = measure_batches(url, args, cv)
            rows += more
        # its own database: the sizes start below the applicants the batches added
        rows += measure_parts(scratch_database(Path(tmp) / "parts.db"), args, cv)
    report(rows, notes)


if __name__ == "__main__":
    main()
