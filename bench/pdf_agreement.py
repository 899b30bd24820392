"""How far a posting read from a PDF agrees with the same posting read from its text.

Every posting of the corpus (tests/importers/postings/*.txt) is laid out as HTML and printed to
PDF with WeasyPrint in several layouts, the way real postings arrive:

- `a4`: A4, one column, justified and hyphenated in the posting's language, its publisher line
  as a running header and "page X / Y" in the footer, ligatures (a serif font), round bullets;
- `columns`: the body (after the title block) in two justified columns, dashes as bullets;
- `table`: a logo header (the publisher's line in a coloured band), the "Label : value" lines
  laid out as a two-column table, square bullets;
- `a5`: a narrow A5 page, large type, lists broken across pages, arrows as bullets, "3/5" at
  the foot of each page and a running header naming the post.

Each PDF is imported through the app's own path: tracker.pdflayout.read_pdf_text, then the
importer's reading of a PDF's text (tracker.importers.reading.read with kind 'pdf', what
read_file runs in its bounded child; `--bounded` goes through read_file and its child, about 4 s
a file on a loaded machine), and the text through the same reading with kind 'text'. Each of
the 18 scored fields of bench/accuracy.py is compared with the text import's result (agreement)
and with the true values (accuracy, PDF and text).

    .venv/bin/python bench/pdf_agreement.py              # every posting, every layout
    .venv/bin/python bench/pdf_agreement.py --quick 20   # a sample of 20 postings
    .venv/bin/python bench/pdf_agreement.py --verbose    # also every disagreement

The figures are ratios from one run (shares of fields), not timings.
"""

from __future__ import annotations

import argparse
import functools
import html
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import FIELDS, FIXTURES, Fixture, _normal, _values, fixtures  # noqa: E402

LAYOUTS = ("a4", "columns", "table", "a5")
ZONE = "Europe/Paris"

_BULLET = re.compile(r"^\s*(?:[-•*·–—▪◦●○■□✓✔➢►▸]|\d{1,2}[.)])\s+(?P<item>\S.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
_LABEL = re.compile(r"^(?P<label>[^:]{2,40}?)\s?:\s+(?P<value>\S.*)$")


@dataclass
class Block:
    kind: str  # 'p' (one line of text), 'h' (a heading), 'ul' / 'ol' (items), 'dl' (label lines)
    lines: list[Any]


def _label(line: str) -> tuple[str, str] | None:
    match = _LABEL.match(line)
    if not match or "http" in match["label"] or len(match["label"].split()) > 6:
        return None
    return match["label"].strip(), match["value"].strip()


def _heading(line: str, following: list[str]) -> bool:
    """A short line without final punctuation, followed in its block by more lines."""
    return (bool(following) and len(line) <= 60 and not re.search(r"[.:;,!?)]$", line)
            and not _BULLET.match(line) and _label(line) is None)


def blocks(text: str) -> list[list[Block]]:
    """The posting's paragraphs (runs of lines between blank lines), each as blocks of one
    kind: a heading, lines of text, list items, label lines."""
    out: list[list[Block]] = []
    for chunk in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        found: list[Block] = []
        for index, line in enumerate(lines):
            bullet = _BULLET.match(line)
            if bullet:
                kind = "ol" if _NUMBERED.match(line) else "ul"
                value: Any = bullet["item"]
            elif _label(line) is not None:
                kind, value = "dl", _label(line)
            elif index == 0 and _heading(line, lines[1:]):
                kind, value = "h", line
            else:
                kind, value = "p", line
            if found and found[-1].kind == kind and kind in ("ul", "ol", "dl", "p"):
                found[-1].lines.append(value)
            else:
                found.append(Block(kind, [value]))
        out.append(found)
    return out


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _block_html(block: Block, layout: str) -> str:
    if block.kind == "h":
        return f"<h3>{_esc(block.lines[0])}</h3>"
    if block.kind in ("ul", "ol"):
        items = "".join(f"<li>{_esc(item)}</li>" for item in block.lines)
        return f"<{block.kind}>{items}</{block.kind}>"
    if block.kind == "dl":
        if layout == "table":
            rows = "".join(f"<tr><th>{_esc(label)}</th><td>{_esc(value)}</td></tr>"
                           for label, value in block.lines)
            return f"<table>{rows}</table>"
        return "".join(f"<p>{_esc(label)} : {_esc(value)}</p>" for label, value in block.lines)
    return "".join(f"<p>{_esc(line)}</p>" for line in block.lines)


STYLE = {
    "a4": """
@page { size: A4; margin: 25mm 22mm 22mm;
  @top-left { content: string(publisher); font: 8pt 'DejaVu Sans'; color: #555; }
  @bottom-center { content: 'page ' counter(page) ' / ' counter(pages); font: 8pt 'DejaVu Sans'; } }
body { font: 10.5pt/1.35 'DejaVu Serif'; text-align: justify; hyphens: auto; }
.publisher { string-set: publisher content(); }
ul { list-style-type: disc; }
""",
    "columns": """
@page { size: A4; margin: 20mm 18mm;
  @bottom-right { content: counter(page) '/' counter(pages); font: 8pt 'DejaVu Sans'; } }
body { font: 10pt/1.3 'Liberation Serif'; text-align: justify; hyphens: auto; }
.body { columns: 2; column-gap: 9mm; }
ul { list-style: none; padding-left: 4mm; } ul li::before { content: '– '; margin-left: -4mm; }
""",
    "table": """
@page { size: A4; margin: 18mm 20mm;
  @bottom-left { content: 'Offre imprimée depuis le site du recruteur'; font: 7pt 'DejaVu Sans'; }
  @bottom-right { content: '- ' counter(page) ' -'; font: 7pt 'DejaVu Sans'; } }
body { font: 10pt/1.35 'Liberation Sans'; }
.logo { background: #1d4f91; color: white; font: bold 15pt 'DejaVu Sans'; padding: 5mm;
  margin-bottom: 6mm; }
table { border-collapse: collapse; margin: 2mm 0; }
th { text-align: left; vertical-align: top; width: 48mm; padding: 0.6mm 4mm 0.6mm 0;
  font-weight: bold; }
td { padding: 0.6mm 0; }
ul { list-style-type: square; }
""",
    "a5": """
@page { size: A5; margin: 16mm 14mm 18mm;
  @top-right { content: string(post); font: 7.5pt 'DejaVu Sans'; }
  @bottom-center { content: counter(page) '/' counter(pages); font: 7.5pt 'DejaVu Sans'; } }
@page :first { @top-right { content: none; } }
body { font: 11pt/1.3 'DejaVu Sans'; hyphens: auto; }
h3.post { string-set: post content(); }
ul { list-style: none; padding-left: 5mm; } ul li::before { content: '➢ '; margin-left: -5mm; }
""",
}
COMMON = """
p { margin: 0; } h3 { font-size: 1.1em; margin: 0; font-weight: bold; }
ul, ol { margin: 0; } .chunk { margin: 0 0 0.9em; } table { width: 100%; }
"""


def posting_html(text: str, lang: str, layout: str) -> str:
    """The posting as an HTML page in `layout` (see the module)."""
    chunks = blocks(text)
    first = next((b.lines[0] for b in chunks[0] if b.kind in ("p", "h")), "") if chunks else ""
    parts = []
    for number, chunk in enumerate(chunks):
        inner = "".join(_block_html(block, layout) for block in chunk)
        if number == 0 and layout == "table" and first:
            rest = _block_html(Block("p", chunk[0].lines[1:]), layout) if \
                chunk[0].kind in ("p", "h") else ""
            inner = f"<div class='logo'>{_esc(first)}</div>" + rest + "".join(
                _block_html(block, layout) for block in chunk[1:])
        parts.append(f"<div class='chunk'>{inner}</div>")
    if layout == "a4":
        parts.insert(0, f"<div class='publisher' style='display:none'>{_esc(first)}</div>")
    if layout == "a5":  # the running header names the post (the first heading)
        title = next((b.lines[0] for c in chunks[1:] for b in c if b.kind in ("h", "p")), "")
        parts.insert(0, f"<h3 class='post' style='display:none'>{_esc(title)}</h3>")
    if layout == "columns":  # the title block across, the rest in two columns
        head = 2 if len(parts) > 3 else 1
        parts = parts[:head] + ["<div class='body'>"] + parts[head:] + ["</div>"]
    return (f"<html lang='{lang}'><head><meta charset='utf-8'><style>{COMMON}{STYLE[layout]}"
            f"</style></head><body>{''.join(parts)}</body></html>")


@functools.lru_cache(maxsize=4)  # (one posting's layouts, read by each reader in turn)
def render(text: str, lang: str, layout: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=posting_html(text, lang, layout)).write_pdf())


def pdf_layout_text(data: bytes) -> str:
    """The PDF's text as the app reads it in its bounded child (tracker.pdflayout)."""
    from tracker.pdflayout import read_pdf_text

    return read_pdf_text(data, 50)


def pdf_plain_text(data: bytes) -> str:
    """The PDF's text line by line (pypdf, the app's fallback when the layout cannot be
    followed): what the layout reading is measured against."""
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


BOUNDED = False  # --bounded: each reading in the app's bounded child (read_file), slower


def imported(name: str, data: bytes, kind: str) -> dict[str, Any]:
    """The values the app reads from `data` (a PDF's extracted text or a text file): the
    reading of the bounded child (tracker.importers.reading.read), in this process, or with
    BOUNDED through read_file and its child as the app runs it."""
    from tracker.importers import reading

    if BOUNDED:
        read = reading.read_file(name, data, kind=kind, zone=ZONE, timeout_s=60, memory_mb=1024)
    else:
        read = reading.read(name, data, kind, ZONE)
    return _values(read.postings[0]) if read.postings else {}


@functools.lru_cache(maxsize=2)
def _text_import(name: str, text: str) -> dict[str, Any]:
    """The posting's text import, made once for the readers compared on it in turn."""
    return imported(f"{name}.txt", text.encode(), "text")


def language(fixture: Fixture) -> str:
    return "fr" if fixture.name.startswith("fr") else "en"


@dataclass
class Outcome:
    name: str
    layout: str
    fields: list[str]
    agree: dict[str, bool]
    pdf_right: dict[str, bool]
    text_right: dict[str, bool]
    shown: dict[str, tuple[Any, Any]]  # field: (PDF value, text value) where they differ
    text: str  # the PDF's text, for --verbose


def compare(fixture: Fixture, layouts: Iterable[str],
            reader: Callable[[bytes], str] = pdf_layout_text) -> list[Outcome]:
    """The posting read from its PDF in each layout (by `reader`) against its text import and
    its true values."""
    text_values = _text_import(fixture.name, fixture.text)
    names = [n for n in FIELDS if n in fixture.expected]
    truth = {n: _normal(fixture.expected.get(n)) for n in names}
    text_right = {n: _normal(text_values.get(n)) == truth[n] for n in names}
    out = []
    for layout in layouts:
        read = reader(render(fixture.text, language(fixture), layout))
        values = imported(f"{fixture.name}.pdf", read.encode(), "pdf")
        agree = {n: _normal(values.get(n)) == _normal(text_values.get(n)) for n in names}
        out.append(Outcome(fixture.name, layout, names, agree,
                           {n: _normal(values.get(n)) == truth[n] for n in names}, text_right,
                           {n: (values.get(n), text_values.get(n)) for n in names
                            if not agree[n]}, read))
    return out


def corpus() -> list[Fixture]:
    """The postings of tests/importers/postings (not the Jean Monnet sample)."""
    return [f for f in fixtures() if (FIXTURES / f"{f.name}.txt").exists()]


def sample(found: list[Fixture], size: int | None) -> list[Fixture]:
    """`size` postings spread evenly over the corpus (all of them when None)."""
    if size is None or size >= len(found):
        return found
    step = len(found) / size
    return [found[int(i * step)] for i in range(size)]


def _bounded(on: bool) -> None:
    global BOUNDED
    BOUNDED = on


def run(found: list[Fixture], layouts: tuple[str, ...], jobs: int,
        bounded: bool = False) -> list[Outcome]:
    _bounded(bounded)
    if jobs <= 1:
        return [o for f in found for o in compare(f, layouts)]
    with ProcessPoolExecutor(jobs, initializer=_bounded, initargs=(bounded,)) as pool:
        return [o for chunk in pool.map(compare, found, [layouts] * len(found)) for o in chunk]


def _ratio(marks: Iterable[bool]) -> str:
    marks = list(marks)
    return f"{sum(marks) / len(marks):6.3f}" if marks else f"{'-':>6}"


def report(outcomes: list[Outcome], layouts: tuple[str, ...]) -> None:
    def cells(pick: Callable[[Outcome], dict[str, bool]], field: str | None) -> str:
        row = []
        for layout in layouts:
            mine = [o for o in outcomes if o.layout == layout]
            row.append(_ratio(pick(o)[n] for o in mine for n in o.fields
                              if field is None or n == field))
        return " ".join(row)

    heads = " ".join(f"{layout:>6}" for layout in layouts)
    print(f"{'':26} agreement with the text import | PDF right vs truth     | text right")
    print(f"{'field':26} {heads} | {heads} | {'':>6}")
    for field in [*FIELDS, None]:
        text = _ratio(o.text_right[n] for o in outcomes if o.layout == layouts[0]
                      for n in o.fields if field is None or n == field)
        print(f"{field or 'all fields':26} {cells(lambda o: o.agree, field)} | "
              f"{cells(lambda o: o.pdf_right, field)} | {text}")
    postings = {o.name for o in outcomes}
    whole = {layout: sum(all(o.agree.values()) for o in outcomes if o.layout == layout)
             for layout in layouts}
    print(f"\npostings whose 18 fields all agree, of {len(postings)}: " + ", ".join(
        f"{layout} {whole[layout]}" for layout in layouts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", type=int, metavar="N", help="a sample of N postings")
    parser.add_argument("--layout", action="append", choices=LAYOUTS,
                        help="only this layout (repeatable)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="processes (default 2)")
    parser.add_argument("--bounded", action="store_true",
                        help="read each file in the app's bounded child (read_file; slower)")
    parser.add_argument("--only", help="only the postings whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="show every disagreement")
    parser.add_argument("--show-text", action="store_true",
                        help="with --verbose, also the PDF's text where a field disagrees")
    args = parser.parse_args()
    layouts = tuple(args.layout or LAYOUTS)
    found = corpus()
    if args.only:
        found = [f for f in found if args.only in f.name]
    found = sample(found, args.quick)
    started = time.monotonic()
    outcomes = run(found, layouts, args.jobs, args.bounded)
    print(f"{len(found)} postings x {len(layouts)} layouts, {args.jobs} processes, "
          f"{time.monotonic() - started:.0f} s\n")
    report(outcomes, layouts)
    if args.verbose:
        for outcome in outcomes:
            for name, (pdf, text) in outcome.shown.items():
                print(f"  {outcome.name} [{outcome.layout}] {name}: PDF {pdf!r}, text {text!r}")
            if args.show_text and outcome.shown:
                print("    | " + outcome.text.replace("\n", "\n    | "))


if __name__ == "__main__":
    main()
