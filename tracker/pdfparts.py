"""A long dossier made of parts: each part rendered by WeasyPrint on its own (in any process),
then the parts assembled into one PDF with pypdf.

A part knows only its own pages, so what spans the parts is added when they are assembled:
- "page X / Y" is stamped onto every page but the first (the part templates leave the footer's
  right corner empty), in the footer's font, embedded as a small TrueType subset;
- links to an anchor of another part (the table of contents, the list of applicants) become
  link annotations to that page and point;
- each part's outline is kept, in the order of the parts; the first part's document
  (metadata, attachments, PDF/A output intent) is the assembled document's.
The running headers need nothing: every part prints its own.
"""

from __future__ import annotations

import io
import logging
import resource
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from tracker import pdf

PX = 0.75  # PDF points per CSS pixel
# The footer's "page X / Y": 8pt, #333, right-aligned on the right margin, its baseline where
# WeasyPrint sets it in the @bottom-right box (templates/pdf/base.html and dossier.css).
NUMBER_SIZE = 8.0
NUMBER_BASELINE = 25.6  # points above the page's bottom edge
NUMBER_GREY = 0.2
FONT_FAMILY = "Liberation Sans"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Part:
    """One rendered part and what the assembly needs to know of its layout."""

    pdf: bytes
    pages: int
    # anchor name -> (page index in the part, x, y in PDF points from the bottom left)
    anchors: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    # links to anchors the part does not hold: (page index, anchor, (x1, y1, x2, y2) points)
    links: list[tuple[int, str, tuple[float, float, float, float]]] = field(default_factory=list)
    peak_mb: float = 0.0  # the peak resident memory of the process that rendered it


def render_part(template: str, context: dict[str, Any], *,
                appendices: list[pdf.Appendix] = (),  # type: ignore[assignment]
                first_appendix: int = 1,
                attachments: list[pdf.Appendix] = (),  # type: ignore[assignment]
                pdfa: bool = False, bounded: bool = False) -> Part:
    """Render one part: `appendices` are laid onto their placeholder pages (numbered from
    `first_appendix`), `attachments` embedded. `bounded`: this process is a bounded child
    already, so the uploads are laid here rather than in a child of its own."""
    from weasyprint import Attachment

    html = pdf.weasy_html(pdf.template_html(template, context, appendices))
    document = html.render(font_config=pdf.font_configuration())
    placeholders = pdf._placeholder_pages(document.pages, len(appendices), first=first_appendix)
    anchors: dict[str, tuple[int, float, float]] = {}
    for index, page in enumerate(document.pages):
        for name, (x, y, *_) in page.anchors.items():
            anchors.setdefault(name, (index, x * PX, (page.height - y) * PX))
    links = []
    for index, page in enumerate(document.pages):
        for kind, target, (x, y, width, height), _ in page.links:
            if kind == "internal" and target not in anchors:
                bottom = (page.height - y - height) * PX
                links.append((index, target, (x * PX, bottom, (x + width) * PX,
                                              bottom + height * PX)))
    options: dict[str, Any] = {"attachments": [
        Attachment(string=a.data, name=a.filename, description=a.title) for a in attachments]}
    if pdfa:
        options["pdf_variant"] = "pdf/a-3b"
    with _quiet_missing_anchors():
        made = document.write_pdf(**options)
    pages = len(document.pages)
    del document, html
    if placeholders:
        lay = pdf.lay_here if bounded else pdf.lay_in_child
        made = lay(made, appendices, placeholders)
    return Part(made, pages, anchors, links, peak_mb())


class _MissingAnchors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("No anchor #")


@contextmanager
def _quiet_missing_anchors() -> Iterator[None]:
    """A link to another part's anchor is no mistake: the assembly makes it."""
    logger, hush = logging.getLogger("weasyprint"), _MissingAnchors()
    logger.addFilter(hush)
    try:
        yield
    finally:
        logger.removeFilter(hush)


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM starts afresh at exec; ru_maxrss would carry
    the peak of the process that spawned it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def page_of(parts: list[Part], anchor: str) -> int | None:
    """The page number (from 1) of `anchor` once `parts` are assembled in this order."""
    offset = 0
    for part in parts:
        if anchor in part.anchors:
            return offset + part.anchors[anchor][0] + 1
        offset += part.pages
    return None


def assemble(parts: list[Part], *, page_word: str) -> bytes:
    """The parts, in order, as one PDF: "<page_word> X / Y" on every page but the first, links
    across parts, every part's outline."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(parts[0].pdf)))
    for part in parts[1:]:
        writer.append(PdfReader(io.BytesIO(part.pdf)))
    total = len(writer.pages)
    if total != sum(part.pages for part in parts):
        raise RuntimeError("the parts do not hold the pages they counted")
    _link_across(writer, parts)
    font = _number_font(writer, page_word)
    for number in range(2, total + 1):
        _stamp(writer, writer.pages[number - 1], f"{page_word} {number} / {total}", font)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _link_across(writer: PdfWriter, parts: list[Part]) -> None:
    offsets: list[int] = []
    anchors: dict[str, tuple[int, float, float]] = {}
    offset = 0
    for part in parts:
        offsets.append(offset)
        for name, (index, x, y) in part.anchors.items():
            anchors.setdefault(name, (offset + index, x, y))
        offset += part.pages
    for part, offset in zip(parts, offsets, strict=True):
        for index, target, rect in part.links:
            if target not in anchors:
                continue
            page_index, x, y = anchors[target]
            annotation = DictionaryObject({
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject(FloatObject(v) for v in rect),
                NameObject("/BS"): DictionaryObject({NameObject("/W"): NumberObject(0)}),
                NameObject("/F"): NumberObject(4),  # printed (PDF/A)
                NameObject("/Dest"): ArrayObject([
                    writer.pages[page_index].indirect_reference, NameObject("/XYZ"),
                    FloatObject(x), FloatObject(y), NumberObject(0)]),
            })
            page = writer.pages[offset + index]
            if "/Annots" not in page:
                page[NameObject("/Annots")] = ArrayObject()
            annots = page["/Annots"].get_object()
            assert isinstance(annots, ArrayObject)
            annots.append(writer._add_object(annotation))


# -- "page X / Y" in an embedded subset of the footer's font ---------------------------------


@lru_cache(maxsize=1)
def _font_file() -> Path | None:
    """The footer's font file, as fontconfig (which WeasyPrint uses) finds it."""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", FONT_FAMILY], capture_output=True,
                               text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found and Path(found).suffix.lower() == ".ttf" and Path(found).is_file():
        return Path(found)
    for folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        for name in ("LiberationSans-Regular.ttf", "DejaVuSans.ttf"):
            for path in folder.rglob(name) if folder.is_dir() else ():
                return path
    return None


@dataclass(frozen=True)
class _Font:
    name: NameObject
    resource: Any
    widths: dict[str, float]  # per character, in thousandths of the size


@lru_cache(maxsize=8)
def _font_subset(chars: str) -> tuple[bytes, str, dict[str, float], dict[str, float]] | None:
    """A TrueType subset of the footer's font holding `chars`; its bytes, PostScript name,
    widths and descriptor metrics (in thousandths of an em)."""
    path = _font_file()
    if path is None:
        return None
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # tables it drops: fine
    font = TTFont(path)
    options = subset.Options()
    options.name_IDs, options.notdef_outline, options.hinting = ["*"], True, False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    widths = {c: font["hmtx"][cmap[ord(c)]][0] * scale for c in chars if ord(c) in cmap}
    head, hhea, os2 = font["head"], font["hhea"], font["OS/2"]
    metrics = {"ascent": hhea.ascent * scale, "descent": hhea.descent * scale,
               "cap": getattr(os2, "sCapHeight", 0) * scale or hhea.ascent * scale,
               "x0": head.xMin * scale, "y0": head.yMin * scale,
               "x1": head.xMax * scale, "y1": head.yMax * scale}
    out = io.BytesIO()
    font.save(out)
    postscript = str(font["name"].getDebugName(6) or "Font").replace(" ", "")
    return out.getvalue(), postscript, widths, metrics


def _number_font(writer: PdfWriter, page_word: str) -> _Font | None:
    chars = "".join(sorted(set(f"{page_word} 0123456789/")))
    made = _font_subset(chars)
    if made is None or not all(ord(c) < 127 for c in chars):
        log.warning("no embeddable font for the page numbers; Helvetica is named instead")
        helvetica = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
        return _Font(NameObject("/TrackerNumbers"), writer._add_object(helvetica),
                     {c: 278.0 if c in " /" else 556.0 for c in chars})
    data, postscript, widths, metrics = made
    file = StreamObject()
    file._data = data
    file[NameObject("/Length1")] = NumberObject(len(data))
    file = file.flate_encode()
    base = NameObject(f"/TRKNUM+{postscript}")
    descriptor = DictionaryObject({
        NameObject("/Type"): NameObject("/FontDescriptor"), NameObject("/FontName"): base,
        NameObject("/Flags"): NumberObject(32),  # non-symbolic
        NameObject("/FontBBox"): ArrayObject(FloatObject(metrics[k])
                                             for k in ("x0", "y0", "x1", "y1")),
        NameObject("/ItalicAngle"): NumberObject(0),
        NameObject("/Ascent"): FloatObject(metrics["ascent"]),
        NameObject("/Descent"): FloatObject(metrics["descent"]),
        NameObject("/CapHeight"): FloatObject(metrics["cap"]),
        NameObject("/StemV"): NumberObject(80),
        NameObject("/FontFile2"): writer._add_object(file),
    })
    first, last = 32, 126
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/TrueType"),
        NameObject("/BaseFont"): base,
        NameObject("/FirstChar"): NumberObject(first), NameObject("/LastChar"): NumberObject(last),
        NameObject("/Widths"): ArrayObject(FloatObject(widths.get(chr(code), 0))
                                           for code in range(first, last + 1)),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        NameObject("/FontDescriptor"): writer._add_object(descriptor),
    })
    return _Font(NameObject("/TrackerNumbers"), writer._add_object(font), widths)


def _stamp(writer: PdfWriter, page: Any, text: str, font: _Font | None) -> None:
    """Draw `text` right-aligned on the right margin of the footer of `page`."""
    assert font is not None
    width = sum(font.widths.get(c, 0) for c in text) * NUMBER_SIZE / 1000
    right = float(page.mediabox.right) - pdf.MARGIN_SIDE
    resources = page[NameObject("/Resources")].get_object()
    fonts = resources.setdefault(NameObject("/Font"), DictionaryObject())
    fonts.get_object()[font.name] = font.resource
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    grey = NUMBER_GREY
    drawn = (f"q {grey} {grey} {grey} rg BT {font.name} {NUMBER_SIZE:g} Tf "
             f"{right - width:.3f} {NUMBER_BASELINE:.3f} Td ({escaped}) Tj ET Q\n").encode()
    page[NameObject("/Contents")] = ArrayObject([
        writer._add_object(_stream(b"q\n")),
        *pdf._content_refs(page),
        writer._add_object(_stream(b"Q\n" + drawn)),
    ])


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream

