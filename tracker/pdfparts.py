"""A long dossier made of parts: each part rendered by WeasyPrint on its own (in any process)
into a file, then the parts' files joined into one PDF written as it is read, a part at a time
(pypdf reads each part; its objects are renumbered and written out before the next part is
opened), so that the assembly's memory follows the largest part, not the number of parts.

A part knows only its own pages, so what spans the parts is added when they are assembled:
- "page X / Y" is stamped onto every page but the first (the part templates leave the footer's
  right corner empty), in the footer's font, embedded as a small TrueType subset;
- links to an anchor of another part (the table of contents, the list of applicants) become
  link annotations to that page and point;
- each part's outline is kept, in the order of the parts; the first part's document
  (metadata, PDF/A output intent) is the assembled document's;
- the uploads are embedded as attachments by the assembly, one at a time, as WeasyPrint
  would have embedded them in the first part (which would hold them all at once).
The running headers need nothing: every part prints its own.
"""

from __future__ import annotations

import codecs
import gc
import hashlib
import io
import logging
import mimetypes
import re
import resource
import subprocess
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
)

from tracker import pdf
from tracker.defaults import frozen_collector

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
    """One rendered part (its PDF in a file, read again only by the assembly) and what the
    assembly needs to know of its layout."""

    path: Path
    pages: int
    # anchor name -> (page index in the part, x, y in PDF points from the bottom left)
    anchors: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    # links to anchors the part does not hold: (page index, anchor, (x1, y1, x2, y2) points)
    links: list[tuple[int, str, tuple[float, float, float, float]]] = field(default_factory=list)
    peak_mb: float = 0.0  # the peak resident memory of the process that rendered it


def render_part(template: str, context: dict[str, Any], out: Path, *,
                appendices: list[pdf.Appendix] = (),  # type: ignore[assignment]
                first_appendix: int = 1,
                pdfa: bool = False, bounded: bool = False) -> Part:
    """Render one part into the file `out`: `appendices` are laid onto their placeholder pages
    (numbered from `first_appendix`); they are not embedded as attachments: the assembly
    embeds them in the whole (see assemble). `bounded`: this process is a bounded child
    already, so the uploads are laid here rather than in a child of its own."""
    html = pdf.weasy_html(pdf.template_html(template, context, appendices))
    document = html.render(font_config=pdf.font_configuration())
    placeholders = pdf._placeholder_pages(document.pages, len(appendices), first=first_appendix)
    anchors, links = layout(document)
    options: dict[str, Any] = {}
    if pdfa:
        options["pdf_variant"] = "pdf/a-3b"
    with _quiet_missing_anchors():
        made = document.write_pdf(**options)
    pages = len(document.pages)
    del document, html
    if placeholders:
        lay = pdf.lay_here if bounded else pdf.lay_in_child
        made = lay(made, appendices, placeholders)
    out.write_bytes(made)
    del made
    return Part(out, pages, anchors, links, peak_mb())


def layout(document: Any) -> tuple[dict[str, tuple[int, float, float]],
                                   list[tuple[int, str, tuple[float, float, float, float]]]]:
    """What the assembly needs of a rendered WeasyPrint document: its anchors, and its links to
    anchors it does not hold (see Part), in PDF points."""
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
    return anchors, links


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


def assemble(parts: list[Part], out: Path, *, page_word: str,
             attachments: Sequence[pdf.Appendix] = (), pdfa: bool = False,
             attached_at: datetime | None = None) -> None:
    """The parts, in order, as one PDF written to `out`: "<page_word> X / Y" on every page but
    the first, links across parts, every part's outline and named destinations, and
    `attachments` embedded (see _attach; `pdfa`: the first part is PDF/A-3, which names them
    in the catalog too).

    The whole is written as it is read, one part at a time: each part's file is opened, its
    pages and the objects they use are renumbered and written out, and the part is let go
    before the next is opened. What is kept from part to part is small (where each object was
    written, the outline and named destinations of the parts), so the memory this takes follows
    the largest part, not the number of parts."""
    total = sum(part.pages for part in parts)
    anchors: dict[str, tuple[int, float, float]] = {}  # name -> (page of the whole, x, y)
    first_pages: list[int] = []
    offset = 0
    for part in parts:
        first_pages.append(offset)
        for name, (index, x, y) in part.anchors.items():
            anchors.setdefault(name, (offset + index, x, y))
        offset += part.pages
    header = PdfReader(parts[0].path).pdf_header.encode("ascii", "replace")
    with out.open("wb") as file:
        whole = _Whole(file, total, header)
        font = _number_font(whole, page_word)
        opening = whole.put(_stream_bytes(b"q\n"))
        # a part's reader and its objects point at each other: they are collected as each
        # part is let go; what the process held before is frozen, so that each collection
        # looks at the part's objects only, not at everything the process holds
        with frozen_collector():
            for number, (part, first) in enumerate(zip(parts, first_pages, strict=True)):
                _copy_part(whole, part, first, anchors, font, opening, page_word,
                           first=number == 0)
                gc.collect()
        if attachments:
            if "/EmbeddedFiles" in whole.catalog_names:
                raise ValueError("the first part has attachments of its own")
            when = (attached_at or datetime.now(UTC)).strftime("D:%Y%m%d%H%M%SZ").encode()
            whole.attachments = [_attach(whole, appendix, when, pdfa=pdfa)
                                 for appendix in attachments]
            whole.af = pdfa
        whole.close()


def _attach(whole: _Whole, appendix: pdf.Appendix, when: bytes, *,
            pdfa: bool) -> tuple[bytes, int]:
    """Embed the upload of `appendix` (read from its file if it waits in one, and let go once
    written) as WeasyPrint embeds an attachment, so that the whole reads as it did when the
    cover carried them: the file stream (compressed at level 9, its MD5, size and dates in
    /Params) and its file specification (PDF/A-3: with its relationship to the document);
    the name it is listed under and the specification's number."""
    data = appendix.read()
    mime = (_mime_types().guess_type(appendix.filename, strict=False)[0]
            or mimetypes.guess_type(appendix.filename, strict=False)[0]
            or "application/octet-stream")
    params = _dictionary({"/CheckSum": b"<%s>" % hashlib.md5(data, usedforsecurity=False)
                          .hexdigest().encode(), "/Size": b"%d" % len(data),
                          "/CreationDate": _text(when), "/ModDate": _text(when)})
    packer = zlib.compressobj(level=9)
    packed = packer.compress(data) + packer.flush()
    del data
    stream = whole.put(_stream_bytes(packed, Type=b"/EmbeddedFile",
                                     Subtype=b"/" + mime.replace("/", "#2f").encode(),
                                     Params=params, Filter=b"/FlateDecode"))
    del packed
    name = _text(appendix.filename.encode(errors="ignore"))
    spec = whole.put(_dictionary({
        "/Type": b"/Filespec", "/F": name, "/UF": _text(appendix.filename),
        "/EF": _dictionary({"/F": b"%d 0 R" % stream}), "/Desc": _text(appendix.title),
        **({"/AFRelationship": b"/Unspecified"} if pdfa else {})}))
    return name, spec


@lru_cache(maxsize=1)
def _mime_types() -> mimetypes.MimeTypes:
    """Python's own table, which WeasyPrint asks before the system's."""
    return mimetypes.MimeTypes()


def _text(value: str | bytes) -> bytes:
    """A PDF string as WeasyPrint writes one (pydyf.String): literal if it is bytes or ASCII,
    else UTF-16BE with its byte order mark, in hexadecimal."""
    try:
        raw = value if isinstance(value, bytes) else value.encode("ascii")
    except UnicodeEncodeError:
        return b"<%s>" % (codecs.BOM_UTF16_BE + str(value).encode("utf-16-be")).hex().encode()
    return b"(" + re.sub(rb"([\\()])", rb"\\\1", raw) + b")"


def _copy_part(whole: _Whole, part: Part, first_page: int,
               anchors: dict[str, tuple[int, float, float]], font: _Font, opening: int,
               page_word: str, *, first: bool) -> None:
    """Write `part`'s pages (from `first_page` of the whole on) and the objects they use."""
    reader = PdfReader(part.path)
    if len(reader.pages) != part.pages:
        raise RuntimeError("the parts do not hold the pages they counted")
    copy = _Copy(whole, reader, first_page)
    if first:
        whole.catalog, whole.catalog_names = copy.catalog()
        whole.info = copy.info()
    for index, page in enumerate(reader.pages):
        at = first_page + index
        links = [_link(whole, rect, anchors[target]) for page_index, target, rect
                 in part.links if page_index == index and target in anchors]
        stamp = None if at == 0 else \
            _stamp(whole, page, f"{page_word} {at + 1} / {whole.pages}", font, opening)
        copy.page(page, at, links, stamp)
    copy.take_names_and_outline()
    copy.flush()


class _Own(PdfObject):
    """A reference to an object of the assembled document (not renumbered as a part's are)."""

    def __init__(self, number: int) -> None:
        self.number = number

    def write_to_stream(self, stream: Any, encryption_key: Any = None) -> None:
        stream.write(f"{self.number} 0 R".encode())


@dataclass
class _Item:
    """An outline item, as it will be written: title and destination already serialised."""

    title: bytes
    dest: bytes | None
    closed: bool
    children: list[_Item] = field(default_factory=list)


class _Whole:
    """The assembled PDF, written as it goes: objects 1 to `pages` are the pages (so that any
    part can point at a page of another part before that part is read), the others numbered as
    they come; only where each object was written is kept."""

    def __init__(self, file: BinaryIO, pages: int, header: bytes) -> None:
        self.file, self.pages = file, pages
        self.offsets: dict[int, int] = {}
        self.next = pages + 1
        self.root = self.reserve()  # the page tree's one node
        self.names: dict[str, tuple[bytes, bytes]] = {}  # name -> (name, destination)
        self.outline: list[_Item] = []
        self.catalog: dict[str, bytes] = {}
        self.catalog_names: dict[str, bytes] = {}  # the first part's /Names but /Dests
        self.info: bytes | None = None
        self.attachments: list[tuple[bytes, int]] = []  # (name, file specification)
        self.af = False  # the attachments named in the catalog's /AF too (PDF/A-3)
        self.digest = hashlib.md5(usedforsecurity=False)
        self.position = 0
        self._write(header + b"\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        self.next += 1
        return self.next - 1

    def put(self, body: bytes, number: int | None = None) -> int:
        number = self.reserve() if number is None else number
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        return number

    def _write(self, data: bytes) -> None:
        self.file.write(data)
        self.digest.update(data)
        self.position += len(data)

    def close(self) -> None:
        """The page tree, outline, named destinations, catalog, cross-reference table."""
        kids = b" ".join(b"%d 0 R" % (n + 1) for n in range(self.pages))
        self.put(b"<</Type /Pages /Kids [%s] /Count %d>>" % (kids, self.pages), self.root)
        catalog = dict(self.catalog, **{"/Type": b"/Catalog", "/Pages": b"%d 0 R" % self.root})
        if self.outline:
            catalog["/Outlines"] = b"%d 0 R" % self._outline()
        names = dict(self.catalog_names)
        if self.attachments:
            listed = b" ".join(b"%s %d 0 R" % item for item in self.attachments)
            names["/EmbeddedFiles"] = b"%d 0 R" % self.put(b"<</Names [%s]>>" % listed)
            if self.af:
                # WeasyPrint's PDF/A-3 names each specification twice (those of the name
                # tree, then every /Filespec object): kept, so that the whole reads the same
                specs = b" ".join(b"%d 0 R" % spec for _, spec in self.attachments)
                catalog["/AF"] = b"[%s %s]" % (specs, specs)
        if self.names:
            flat = b" ".join(b"%s %s" % self.names[key] for key in sorted(self.names))
            names["/Dests"] = b"%d 0 R" % self.put(b"<</Names [%s]>>" % flat)
        if names:
            catalog["/Names"] = _dictionary(names)
        root = self.put(_dictionary(catalog))
        if len(self.offsets) != self.next - 1:
            raise RuntimeError("the parts do not hold the pages they counted")
        xref = self.position
        table = [b"xref\n0 %d\n0000000000 65535 f \n" % self.next]
        table += [b"%010d 00000 n \n" % self.offsets[n] for n in range(1, self.next)]
        self._write(b"".join(table))
        identifier = self.digest.hexdigest().encode()
        info = b" /Info %s" % self.info if self.info else b""
        self.file.write(b"trailer\n<</Size %d /Root %d 0 R%s /ID [<%s> <%s>]>>\nstartxref\n"
                        b"%d\n%%%%EOF\n" % (self.next, root, info, identifier, identifier,
                                            xref))

    def _outline(self) -> int:
        top = self.reserve()
        numbers, count = self._items(self.outline, top)
        return self.put(b"<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>"
                        % (numbers[0], numbers[-1], count), top)

    def _items(self, items: list[_Item], parent: int) -> tuple[list[int], int]:
        """Write `items` under `parent`: their numbers, and how many a reader sees open (the
        items and the descendants of the open ones)."""
        numbers = [self.reserve() for _ in items]
        visible = len(items)
        for position, (item, number) in enumerate(zip(items, numbers, strict=True)):
            entries = {"/Title": item.title, "/Parent": b"%d 0 R" % parent}
            if item.dest is not None:
                entries["/Dest"] = item.dest
            if position:
                entries["/Prev"] = b"%d 0 R" % numbers[position - 1]
            if position + 1 < len(items):
                entries["/Next"] = b"%d 0 R" % numbers[position + 1]
            if item.children:
                children, count = self._items(item.children, number)
                entries["/First"] = b"%d 0 R" % children[0]
                entries["/Last"] = b"%d 0 R" % children[-1]
                entries["/Count"] = b"%d" % (-count if item.closed else count)
                if not item.closed:
                    visible += count
            self.put(_dictionary(entries), number)
        return numbers, visible


class _Copy:
    """One part's objects as they are written into the whole: its pages take their numbers in
    the whole, every other object it uses the next free number, on first sight."""

    def __init__(self, whole: _Whole, reader: PdfReader, first: int) -> None:
        self.whole, self.reader = whole, reader
        self.numbers: dict[tuple[int, int], int] = {}
        for index, page in enumerate(reader.pages):
            ref = page.indirect_reference
            assert ref is not None
            self.numbers[ref.idnum, ref.generation] = first + index + 1
        self.waiting: list[IndirectObject] = []

    def ref(self, ref: IndirectObject) -> int:
        key = (ref.idnum, ref.generation)
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = self.whole.reserve()
            self.waiting.append(ref)
        return number

    def dump(self, obj: Any) -> bytes:
        """`obj` serialised, its references renumbered (and the objects they name queued)."""
        if isinstance(obj, IndirectObject):
            return b"%d 0 R" % self.ref(obj)
        if isinstance(obj, StreamObject):
            data = obj._data  # as stored in the part: still encoded
            entries = {key: self.dump(value) for key, value in dict.items(obj)
                       if key != "/Length"}
            entries["/Length"] = b"%d" % len(data)
            return _dictionary(entries) + b"\nstream\n" + data + b"\nendstream"
        if isinstance(obj, DictionaryObject):
            return _dictionary({key: self.dump(value) for key, value in dict.items(obj)})
        if isinstance(obj, ArrayObject):
            return b"[" + b" ".join(self.dump(item) for item in list.__iter__(obj)) + b"]"
        out = io.BytesIO()
        obj.write_to_stream(out)
        return out.getvalue()

    def flush(self) -> None:
        """Write every object queued so far, and those they name in turn."""
        while self.waiting:
            ref = self.waiting.pop()
            self.whole.put(self.dump(self.reader.get_object(ref)),
                           self.numbers[ref.idnum, ref.generation])

    def page(self, page: Any, at: int, links: list[int], stamp: tuple[int, int] | None) -> None:
        """Write `page` as page `at` of the whole, with `links` added to its annotations and
        `stamp` (the streams to draw before and after its own) around its contents."""
        entries = {key: self.dump(value) for key, value in dict.items(page)
                   if key not in ("/Parent", "/Annots", "/Contents")}
        entries["/Parent"] = b"%d 0 R" % self.whole.root
        annots = page.get("/Annots")
        annots = list(annots.get_object()) if annots is not None else []
        if annots or links:
            entries["/Annots"] = b"[" + b" ".join(
                [self.dump(a) for a in annots] + [b"%d 0 R" % n for n in links]) + b"]"
        if "/Contents" in page:
            own = [self.dump(ref) for ref in pdf._content_refs(page)]
            if stamp is not None:
                own = [b"%d 0 R" % stamp[0], *own, b"%d 0 R" % stamp[1]]
            entries["/Contents"] = b"[" + b" ".join(own) + b"]"
        self.whole.put(_dictionary(entries), at + 1)

    def catalog(self) -> tuple[dict[str, bytes], dict[str, bytes]]:
        """The first part's catalog entries the whole keeps (language, metadata, output
        intent, ...) and those of its /Names (attachments), less those the assembly makes."""
        root: Any = self.reader.trailer["/Root"].get_object()
        kept = {key: self.dump(value) for key, value in dict.items(root)
                if key not in ("/Type", "/Pages", "/Outlines", "/Names")}
        names = root.get("/Names")
        others = {} if names is None else {
            key: self.dump(value) for key, value in dict.items(names.get_object())
            if key != "/Dests"}
        return kept, others

    def info(self) -> bytes | None:
        info = self.reader.trailer.raw_get("/Info") if "/Info" in self.reader.trailer else None
        return self.dump(info) if info is not None else None

    def take_names_and_outline(self) -> None:
        """Keep this part's named destinations (the first part to name one keeps it) and
        outline items, their destinations renumbered."""
        root: Any = self.reader.trailer["/Root"].get_object()
        names = root.get("/Names")
        dests = names.get_object().get("/Dests") if names is not None else None
        if dests is not None:
            for name, dest in _name_tree(dests.get_object()):
                key = str(name)
                if key not in self.whole.names:
                    self.whole.names[key] = (self.dump(name), self.dump(dest))
        outlines = root.get("/Outlines")
        if outlines is not None:
            self.whole.outline += self._items(outlines.get_object())

    def _items(self, node: Any) -> list[_Item]:
        items = []
        item = node.get("/First")
        seen: set[int] = set()
        while item is not None and id(item := item.get_object()) not in seen:
            seen.add(id(item))
            dest = item.raw_get("/Dest") if "/Dest" in item else None
            if dest is None and "/A" in item and item["/A"].get("/S") == "/GoTo":
                dest = item["/A"].get_object().raw_get("/D")
            items.append(_Item(self.dump(item.raw_get("/Title")),
                               None if dest is None else self.dump(dest),
                               int(item.get("/Count", 0)) < 0, self._items(item)))
            item = item.get("/Next")
        return items


def _name_tree(node: Any) -> Iterator[tuple[Any, Any]]:
    """The (name, destination) pairs of a name tree, the destination raw as stored."""
    values = node.get("/Names")
    if values is not None:
        values = values.get_object()
        for position in range(0, len(values) - 1, 2):
            dest = list.__getitem__(values, position + 1)
            resolved = dest.get_object()
            if isinstance(resolved, DictionaryObject):
                dest = resolved.raw_get("/D")
            yield values[position], dest
    kids = node.get("/Kids")
    for kid in kids.get_object() if kids is not None else []:
        yield from _name_tree(kid.get_object())


def _dictionary(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"<<")
    for key, value in entries.items():
        NameObject(key).write_to_stream(out)
        out.write(b" " + value + b" ")
    out.write(b">>")
    return out.getvalue()


def _stream_bytes(data: bytes, **entries: bytes) -> bytes:
    head = {**{f"/{k}": v for k, v in entries.items()}, "/Length": b"%d" % len(data)}
    return _dictionary(head) + b"\nstream\n" + data + b"\nendstream"


def _link(whole: _Whole, rect: tuple[float, float, float, float],
          target: tuple[int, float, float]) -> int:
    """A link annotation over `rect` to the page (of the whole) and point of `target`."""
    page, x, y = target
    corners = b" ".join(_number(v) for v in rect)
    return whole.put(b"<</Type /Annot /Subtype /Link /Rect [%s] /BS <</W 0>> /F 4 "  # printed
                     b"/Dest [%d 0 R /XYZ %s %s 0]>>" % (corners, page + 1, _number(x),
                                                         _number(y)))


def _number(value: float) -> bytes:
    out = io.BytesIO()
    FloatObject(value).write_to_stream(out)
    return out.getvalue()


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
    name: str
    number: int  # its object in the assembled document
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


def _number_font(whole: _Whole, page_word: str) -> _Font:
    chars = "".join(sorted(set(f"{page_word} 0123456789/")))
    made = _font_subset(chars)
    if made is None or not all(ord(c) < 127 for c in chars):
        log.warning("no embeddable font for the page numbers; Helvetica is named instead")
        helvetica = whole.put(b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                              b"/Encoding /WinAnsiEncoding>>")
        return _Font("/TrackerNumbers", helvetica,
                     {c: 278.0 if c in " /" else 556.0 for c in chars})
    data, postscript, widths, metrics = made
    file = whole.put(_stream_bytes(zlib.compress(data), Filter=b"/FlateDecode",
                                   Length1=b"%d" % len(data)))
    out = io.BytesIO()
    NameObject(f"/TRKNUM+{postscript}").write_to_stream(out)
    base = out.getvalue()
    box = b" ".join(_number(metrics[k]) for k in ("x0", "y0", "x1", "y1"))
    descriptor = whole.put(
        b"<</Type /FontDescriptor /FontName %s /Flags 32 /FontBBox [%s] /ItalicAngle 0 "  # 32:
        b"/Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %d 0 R>>"  # non-symbolic
        % (base, box, _number(metrics["ascent"]), _number(metrics["descent"]),
           _number(metrics["cap"]), file))
    first, last = 32, 126
    advances = b" ".join(_number(widths.get(chr(code), 0)) for code in range(first, last + 1))
    font = whole.put(
        b"<</Type /Font /Subtype /TrueType /BaseFont %s /FirstChar %d /LastChar %d "
        b"/Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R>>"
        % (base, first, last, advances, descriptor))
    return _Font("/TrackerNumbers", font, widths)


def _stamp(whole: _Whole, page: Any, text: str, font: _Font, opening: int) -> tuple[int, int]:
    """Give `page` the footer's font and draw `text` right-aligned on the right margin of its
    footer: the streams to put before its own contents ("q", `opening`) and after them."""
    width = sum(font.widths.get(c, 0) for c in text) * NUMBER_SIZE / 1000
    right = float(page.mediabox.right) - pdf.MARGIN_SIDE
    if "/Resources" not in page:
        page[NameObject("/Resources")] = DictionaryObject()
    resources = page["/Resources"]  # the part's own object, written with the part
    if "/Font" not in resources:
        resources[NameObject("/Font")] = DictionaryObject()
    resources["/Font"][NameObject(font.name)] = _Own(font.number)
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    grey = NUMBER_GREY
    drawn = (f"Q\nq {grey} {grey} {grey} rg BT {font.name} {NUMBER_SIZE:g} Tf "
             f"{right - width:.3f} {NUMBER_BASELINE:.3f} Td ({escaped}) Tj ET Q\n").encode()
    return opening, whole.put(_stream_bytes(drawn))
