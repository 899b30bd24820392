"""The panel dossier rendered in parts (issue #16): the summary, its tables (applicants,
schedule, comparison grid) cut into parts of a bounded size, each applicant's section (with
their uploads and evaluation grid) and the annex are rendered as
separate documents, at most `workers` at a time in child processes, each into a file of a
temporary folder, then the cover and contents (their page numbers known by then, rendered by
a child too) and the assembly of the files into one PDF, a part at a time, which embeds the
uploads as attachments one at a time (tracker/pdfparts.py).

A child renders one part and holds one applicant at most, so its memory is bounded by the
largest part, not by the number of applicants; children inherit the job's limits (address space,
CPU time) and are replaced every RECYCLE_AFTER parts; being bounded already, a child lays the
uploads onto their pages itself (tracker.pdf.lay_here) rather than in a child of its own.
The process that assembles holds no part's PDF but the one it is copying, no WeasyPrint
document, and no upload but the one it is embedding (the uploads wait in files of the folder,
render.write_panel), so its memory too follows the largest part.
"""

from __future__ import annotations

import multiprocessing
import pickle
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from tracker import pdf, pdfparts
from tracker.domain.errors import DomainError
from tracker.i18n import Formatter

RECYCLE_AFTER = 25  # parts a child renders before it is replaced (caches stay small)
SUMMARY = ("id", "name", "status", "submitted_at", "required_evidenced", "required_total",
           "documents_complete", "fit")
# The summary's tables are cut into parts of at most this many cells, a cell counted once per
# line it usually takes: 1,500 is about five tables of the grid (the largest parts at 100
# applicants before the cut, 172 MB a worker), or 125 rows of the applicants' table.
CELLS_PER_PART = 1500
CONTENTS_TRIES = 4  # renders of the cover and contents until their page count is stable


@dataclass(frozen=True)
class Task:
    """One part to render, as plain data (sent to a child)."""

    key: str  # head, applicant-<id>, annex, cover
    folder: str  # where the part's PDF is written, as <key>.pdf
    lang: str
    context: dict[str, Any]  # without the formatter `t`, rebuilt in the child
    appendices: list[pdf.Appendix]
    first_appendix: int = 1
    pdfa: bool = False


Renderer = Callable[[Task], pdfparts.Part]
Listener = Callable[[Task, pdfparts.Part], None]


def spool_view(view: dict[str, Any], folder: Path) -> dict[str, Any]:
    """An applicant's `view` (data.application_view) written into a file of `folder`, and
    what the job's process keeps of it: what the summary's row, the contents and the cover
    print (of the fit, its coverage), the numbers of their uploads, and the file, which the
    child that renders their part reads (render_task)."""
    path = folder / f"applicant-{view['id']}.view"
    path.write_bytes(pickle.dumps(view, protocol=pickle.HIGHEST_PROTOCOL))
    kept = {key: view[key] for key in (*SUMMARY, "appendices")}
    kept["fit"] = {"coverage": view["fit"]["coverage"]}
    kept["view_file"] = str(path)
    return kept


def _whole(view: dict[str, Any]) -> dict[str, Any]:
    """The applicant's whole view, read back from its file if spool_view wrote it."""
    if "view_file" not in view:
        return view
    whole: dict[str, Any] = pickle.loads(Path(view["view_file"]).read_bytes())  # our own file
    return whole


def render_task(task: Task, *, in_child: bool = False) -> pdfparts.Part:
    """Render one part (in a child of the pool, or in this process)."""
    context = dict(task.context, t=Formatter(task.lang), part=task.key.split("-")[0])
    if task.key.startswith("applicant-"):
        context["applicants"] = [_whole(view) for view in context["applicants"]]
    return pdfparts.render_part("pdf/panel.html", context, Path(task.folder) / f"{task.key}.pdf",
                                appendices=task.appendices,
                                first_appendix=task.first_appendix, pdfa=task.pdfa,
                                bounded=in_child)


def _child_task(task: Task) -> tuple[str, pdfparts.Part | tuple[str | None, str, dict[str, Any]]]:
    """In a child: the part, or the domain error that stopped it (as data: a DomainError does
    not cross processes as itself; its template and parameters do, to be said in any language)."""
    try:
        return task.key, render_task(task, in_child=True)
    except DomainError as exc:
        return task.key, (exc.field, exc.code, exc.params)


def body_tasks(context: dict[str, Any], applicants: list[dict[str, Any]],
               appendices: list[list[pdf.Appendix]], *, lang: str,
               pdfa: bool, folder: str) -> list[Task]:
    """The parts after the cover, in their order: the head (the summary and the first rows of
    its tables), the rest of the tables (see table_chunks), one per applicant, annex; each to
    be written into `folder`."""
    common = {k: v for k, v in context.items()
              if k not in ("t", "applicants", "matrix", "toc", "schedule")}
    summary = [{k: a[k] for k in SUMMARY} for a in applicants]
    chunks = table_chunks(summary, context["schedule"], context["matrix"])
    tasks = [Task("head" if number == 1 else f"tables-{number}", folder, lang,
                  dict(common, applicants=[], **chunk), [], pdfa=pdfa)
             for number, chunk in enumerate(chunks, 1)]
    for view, files in zip(applicants, appendices, strict=True):
        first = view["appendices"][0]["number"] if view["appendices"] else 1
        tasks.append(Task(f"applicant-{view['id']}", folder, lang,
                          dict(common, applicants=[view]),
                          files, first, pdfa=pdfa))
    if context["posting"]["sections"]:
        tasks.append(Task("annex", folder, lang, dict(common, applicants=[]), [], pdfa=pdfa))
    return tasks


TABLES = ("rows", "schedule", "matrix")  # the summary's tables, in their order
OPENS = {"rows": "applicants", "schedule": "schedule", "matrix": "matrix"}  # their headings


def _cells(table: str, item: Any) -> int:
    """What an item of a table weighs, in cells by the lines they take: a row of the
    applicants' table six cells of two lines (with a link), of the schedule four of one, a
    table of the grid all of its own cells."""
    if table == "matrix":
        return (len(item["rows"]) + 1) * (len(item["names"]) + 1)
    return 12 if table == "rows" else 4


def table_chunks(rows: list[dict[str, Any]], schedule: list[dict[str, Any]],
                 matrix: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The summary's tables (the applicants, the schedule, the grid), in order, cut into
    parts of at most CELLS_PER_PART cells (an item heavier than that alone in its part), so
    that no part grows with the number of applicants. Each chunk holds its share of each
    table, `opens` (the tables whose heading it prints: where their first row is, or where
    an empty table would be) and `matrix_continues` (the grid goes on in a later part)."""
    chunks: list[dict[str, Any]] = []
    weight = 0
    for table, values in zip(TABLES, (rows, schedule, matrix), strict=True):
        items: list[dict[str, Any] | None] = [*values] or [None]  # an empty table: its heading
        for position, item in enumerate(items):
            cells = 1 if item is None else _cells(table, item)
            if not chunks or (weight and weight + cells > CELLS_PER_PART):
                chunks.append({"rows": [], "schedule": [], "matrix": [], "opens": []})
                weight = 0
            if position == 0:
                chunks[-1]["opens"].append(OPENS[table])
            if item is not None:
                chunks[-1][table].append(item)
            weight += cells
    last_grid = max(number for number, chunk in enumerate(chunks) if "matrix" in chunk["opens"]
                    or chunk["matrix"])
    for number, chunk in enumerate(chunks):
        chunk["matrix_continues"] = number < last_grid
    return chunks


def _warm() -> None:
    """A child's start: import WeasyPrint and compile the template before the first part comes
    (while the job's process reads the rows, when the pool is opened first)."""
    import weasyprint  # noqa: F401  (imported for its start-up cost)

    pdf.jinja().get_template("pdf/panel.html")


@contextmanager
def part_pool(workers: int) -> Iterator[Pool | None]:
    """`workers` child processes to render parts in (None for 0: in this process); opened
    before the rows are read, their start-up runs beside it."""
    if workers < 1:
        yield None
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_warm, maxtasksperchild=RECYCLE_AFTER) as pool:
        yield pool


def render_parts(tasks: list[Task], *, pool: Pool | None,
                 on_part: Listener = lambda task, part: None) -> Iterator[pdfparts.Part]:
    """The parts of `tasks` in their order, rendered by the children of `pool` (None: here,
    one after the other); `on_part` hears of each as it is made, in any order."""
    if pool is None:
        for task in tasks:
            part = render_task(task)
            on_part(task, part)
            yield part
        return
    made: dict[str, pdfparts.Part] = {}
    by_key = {task.key: task for task in tasks}
    # the largest parts first (the summary's tables, then the applicants with the most uploaded
    # pages), so that the last ones to finish are short and the children end together
    ordered = sorted(tasks, key=lambda t: (not t.key.startswith(("head", "tables")),
                                           -sum(a.page_count for a in t.appendices)))
    for key, result in pool.imap_unordered(_child_task, ordered):
        if isinstance(result, tuple):
            field, code, params = result
            raise DomainError(field, code, **params)
        made[key] = result
        on_part(by_key[key], result)
    for task in tasks:
        yield made.pop(task.key)


def contents(toc: list[dict[str, Any]], parts: list[pdfparts.Part],
             cover_pages: int) -> list[dict[str, Any]]:
    """The table of contents with the page of each entry, `cover_pages` before the parts."""
    numbered = []
    for entry in toc:
        page = pdfparts.page_of(parts, entry["id"])
        numbered.append(dict(entry, page=page + cover_pages if page else None))
    return numbered


def render_cover(context: dict[str, Any], body: list[pdfparts.Part], *, lang: str, pdfa: bool,
                 render: Renderer, folder: str) -> pdfparts.Part:
    """The cover and contents, rendered again until the pages they fill are the pages their
    numbers assumed (twice at most, but for a contents page that changes by a digit)."""
    cover = {k: v for k, v in context.items() if k not in ("t", "applicants", "matrix", "toc")}
    cover["applicants"] = [{"id": a["id"], "name": a["name"]} for a in context["applicants"]]
    guess = 1 + max(1, len(context["toc"]) // 35)
    for _ in range(CONTENTS_TRIES):
        task = Task("cover", folder, lang,
                    dict(cover, toc=contents(context["toc"], body, guess)), [], pdfa=pdfa)
        part = render(task)
        if part.pages == guess:
            return part
        guess = part.pages
    raise RuntimeError("the contents' page count does not settle")


def render_in_parts(context: dict[str, Any], appendices: list[list[pdf.Appendix]], out: Path,
                    *, lang: str, pdfa: bool, pool: Pool | None,
                    progress: Callable[[int, int], None] = lambda done, total: None,
                    on_part: Listener = lambda task, part: None,
                    phases: dict[str, float] | None = None, folder: str | None = None) -> None:
    """The panel dossier of `context` (as render.panel_context makes it) written into the file
    `out`, `appendices` the uploads of each applicant in order, its parts rendered in `pool`
    (see part_pool), the cover too, and written into `folder` (None: a temporary folder of
    its own). `progress(done, total)` hears of each applicant's part made (total: the
    applicants, plus one for the cover and assembly); `on_part` of each part (the benchmark
    reads their memory); `phases`, if given, gets the processor time this process spent on
    each step (parts: handing them out and taking them back; cover; assembly).

    The uploads are embedded as the whole's attachments by the assembly, one at a time (from
    their files when they wait in files), not by WeasyPrint in the cover, which would hold
    them all; and the cover, whose contents hold a line per applicant, is rendered by a child
    of `pool` like the other parts: this process holds no WeasyPrint document."""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="tracker-panel-") as own:
            render_in_parts(context, appendices, out, lang=lang, pdfa=pdfa, pool=pool,
                            progress=progress, on_part=on_part, phases=phases, folder=own)
        return
    applicants = context["applicants"]
    total = len(applicants) + 1
    done = 0
    clock = _Phases(phases)

    def heard(task: Task, part: pdfparts.Part) -> None:
        nonlocal done
        on_part(task, part)
        if task.key.startswith("applicant-"):
            done += 1
            progress(done, total)

    tasks = body_tasks(context, applicants, appendices, lang=lang, pdfa=pdfa, folder=folder)
    body = list(render_parts(tasks, pool=pool, on_part=heard))
    clock.lap("parts")
    cover = render_cover(context, body, lang=lang, pdfa=pdfa,
                         render=render_task if pool is None else partial(_in_pool, pool),
                         folder=folder)
    on_part(Task("cover", folder, lang, {}, []), cover)
    clock.lap("cover")
    pdfparts.assemble([cover, *body], out, page_word=context["t"]("page"),
                      attachments=[a for files in appendices for a in files], pdfa=pdfa)
    clock.lap("assembly")
    progress(total, total)


def _in_pool(pool: Pool, task: Task) -> pdfparts.Part:
    """`task` rendered by a child of `pool`, this process waiting for it."""
    _, result = pool.apply(_child_task, (task,))
    if isinstance(result, tuple):
        field, code, params = result
        raise DomainError(field, code, **params)
    return result


class _Phases:
    """Processor time of this process, step by step, into `into` (if given)."""

    def __init__(self, into: dict[str, float] | None) -> None:
        self.into, self.last = into, time.process_time()

    def lap(self, name: str) -> None:
        now = time.process_time()
        if self.into is not None:
            self.into[name] = self.into.get(name, 0.0) + now - self.last
        self.last = now
