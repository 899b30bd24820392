"""HTML -> PDF: Jinja2 templates rendered by WeasyPrint with a locked-down URL fetcher, then
uploaded PDFs laid onto the placeholder pages the template reserved for them.

A template reserves one page per page of each appendix (an element with the id
`appendix-<i>-page-<k>`, in a box of the size `APPENDIX_BOX` says). WeasyPrint lays out those
pages with the running header, the footer "page X / Y", the table of contents and the outline,
so all of them count the appended pages; pypdf then draws each uploaded page, scaled to fit,
into its placeholder.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = PROJECT_ROOT / "templates"
PDF_ASSETS = TEMPLATES / "pdf"

# A4 in points, and the page box of the placeholders (kept in step with templates/pdf/*.css)
PT_PER_MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * PT_PER_MM, 297 * PT_PER_MM
MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM = 22 * PT_PER_MM, 18 * PT_PER_MM, 20 * PT_PER_MM
APPENDIX_CAPTION = 12 * PT_PER_MM  # the caption line above an appended page

log = logging.getLogger(__name__)


class BlockedResource(ValueError):
    """A template or a text asked for a resource outside the project's PDF assets."""


@lru_cache(maxsize=1)
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher

    class AssetsOnlyFetcher(URLFetcher):
        """Serves files under templates/pdf/ and nothing else: no network, no other file."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise BlockedResource(f"blocked {parts.scheme or 'relative'} URL {url!r}")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(PDF_ASSETS.resolve()):
                raise BlockedResource(f"blocked file outside templates/pdf: {url!r}")
            return super().fetch(url, headers)

    return AssetsOnlyFetcher


def url_fetcher() -> Any:
    return _fetcher_class()(timeout=5, allowed_protocols={"file"})


@lru_cache(maxsize=1)
def font_configuration() -> Any:
    """One FontConfiguration per process, as WeasyPrint recommends."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@lru_cache(maxsize=1)
def jinja() -> Environment:
    """Templates escape everything they print: user text can never become markup."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Appendix:
    """An uploaded PDF appended page for page (and embedded as an attachment): its bytes in
    `data`, or in the file `path` (`data` then empty), so that a long dossier made in parts
    need not hold every upload at once (each is read when its part, or its attachment, is
    written)."""

    title: str
    filename: str
    data: bytes
    page_count: int
    path: Path | None = None

    @property
    def pages(self) -> range:
        return range(1, self.page_count + 1)

    def read(self) -> bytes:
        """The upload's bytes."""
        return self.data if self.path is None else self.path.read_bytes()


def appendix_box() -> dict[str, float]:
    """The placeholder box, in mm for the CSS, so that template and merge agree."""
    width = PAGE_WIDTH - 2 * MARGIN_SIDE
    height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - APPENDIX_CAPTION
    return {"width_mm": width / PT_PER_MM, "height_mm": height / PT_PER_MM,
            "caption_mm": APPENDIX_CAPTION / PT_PER_MM}


def template_html(template: str, context: dict[str, Any], appendices: list[Appendix]) -> str:
    """The HTML of a dossier, before WeasyPrint."""
    return jinja().get_template(template).render(
        **context, appendices=list(appendices), appendix_box=appendix_box()
    )


def weasy_html(html: str) -> Any:
    """A WeasyPrint document source for `html`, with the assets-only fetcher."""
    from weasyprint import HTML

    return HTML(string=html, base_url=PDF_ASSETS.as_uri() + "/", url_fetcher=url_fetcher())


def render_pdf(
    template: str,
    context: dict[str, Any],
    *,
    appendices: list[Appendix] = (),  # type: ignore[assignment]
    pdfa: bool = False,
    title: str | None = None,
) -> bytes:
    """Render `template` with `context` to PDF, lay the appendices onto their placeholder pages
    and embed them as attachments."""
    from weasyprint import Attachment

    document = weasy_html(template_html(template, context, appendices)).render(
        font_config=font_configuration()
    )
    placeholders = _placeholder_pages(document.pages, len(appendices))
    attachments = [
        Attachment(string=a.read(), name=a.filename, description=a.title) for a in appendices
    ]
    options: dict[str, Any] = {"attachments": attachments}
    if pdfa:
        options["pdf_variant"] = "pdf/a-3b"
    pdf = document.write_pdf(**options)
    if not placeholders:
        return pdf
    return lay_in_child(pdf, appendices, placeholders)


def _placeholder_pages(pages: list[Any], count: int,
                       first: int = 1) -> dict[int, tuple[int, int]]:
    """Page index -> (appendix index, page index in it), from the anchors on each page; the
    appendices are numbered from `first` (a part of a dossier holds some of them)."""
    found: dict[int, tuple[int, int]] = {}
    for index, page in enumerate(pages):
        for anchor in page.anchors:
            if anchor.startswith("appendix-") and "-page-" in anchor:
                number, _, page_number = anchor[len("appendix-"):].partition("-page-")
                found[index] = (int(number) - first, int(page_number) - 1)
    if {appendix for appendix, _ in found.values()} != set(range(count)):
        raise RuntimeError("the template did not reserve a page for every appendix")
    return found


def _lay_appendices(
    pdf: bytes, appendices: list[Appendix], placeholders: dict[int, tuple[int, int]]
) -> bytes:
    """Draw each appended page, as a Form XObject scaled into its placeholder's frame.

    A Form XObject reuses the page's content stream as it is; pypdf's merge_transformed_page
    would parse and rewrite it in Python (15 times slower on a typical CV page)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    readers = [PdfReader(io.BytesIO(a.read())) for a in appendices]
    box = appendix_box()
    box_width, box_height = box["width_mm"] * PT_PER_MM, box["height_mm"] * PT_PER_MM
    # One Form XObject per distinct (content, resources, box) of a source: pages that share a
    # stream share its form, so a dossier never holds a shared stream more than once.
    forms: dict[tuple[Any, ...], Any] = {}
    forms_index: dict[tuple[Any, ...], int] = {}
    for page_index, (appendix, number) in sorted(placeholders.items()):
        source = readers[appendix].pages[number]
        if (source.get("/Rotate") or 0) % 360:
            source.transfer_rotation_to_content()
        raw_contents = source.raw_get("/Contents") if "/Contents" in source else None
        if raw_contents is None:
            continue  # a blank page: the placeholder stays blank
        media = source.mediabox
        width, height = float(media.width), float(media.height)
        scale = min(box_width / width, box_height / height)
        left = MARGIN_SIDE + (box_width - width * scale) / 2
        bottom = MARGIN_BOTTOM + (box_height - height * scale)
        resources = source.raw_get("/Resources") if "/Resources" in source else None
        key = (appendix, _identity(raw_contents), _identity(resources),
               tuple(float(v) for v in media))
        if key not in forms:
            contents = source.get_contents()
            if contents is None:
                continue
            decoded = DecodedStreamObject()
            decoded.set_data(contents.get_data())
            form = decoded.flate_encode()
            form[NameObject("/Type")] = NameObject("/XObject")
            form[NameObject("/Subtype")] = NameObject("/Form")
            form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in media)
            form[NameObject("/Resources")] = (
                resources.get_object().clone(writer) if resources is not None
                else DictionaryObject()
            )
            forms_index[key] = len(forms)
            forms[key] = writer._add_object(form)  # pypdf has no public name for it
        name = NameObject(f"/TrackerAppendix{forms_index[key]}")
        page = writer.pages[page_index]
        page_resources = page[NameObject("/Resources")].get_object()
        xobjects = page_resources.setdefault(NameObject("/XObject"), DictionaryObject())
        xobjects.get_object()[name] = forms[key]
        tx = left - float(media.left) * scale
        ty = bottom - float(media.bottom) * scale
        # WeasyPrint's content leaves its own transformation in place: wrap it in q ... Q first.
        page[NameObject("/Contents")] = ArrayObject([
            writer._add_object(_stream(b"q\n")),
            *_content_refs(page),
            writer._add_object(_stream(
                f"Q q {scale:.6f} 0 0 {scale:.6f} {tx:.4f} {ty:.4f} cm {name} Do Q\n".encode()
            )),
        ])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _identity(value: Any) -> Any:
    """What names one object of a source PDF: its number if it is indirect (an array of
    references: theirs), else its value's id (it lives in one page only)."""
    if value is None:
        return None
    if hasattr(value, "idnum"):
        return ("ref", value.idnum, value.generation)
    resolved = value.get_object()
    if isinstance(resolved, ArrayObject):
        return tuple(_identity(item) for item in resolved)
    return ("direct", id(resolved))


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _content_refs(page: Any) -> list[Any]:
    contents = page.raw_get("/Contents")
    resolved = contents.get_object()
    return list(resolved) if isinstance(resolved, ArrayObject) else [contents]


# -- appending in a bounded child process ----------------------------------------------------


def lay_in_child(
    pdf: bytes, appendices: list[Appendix], placeholders: dict[int, tuple[int, int]],
    *, timeout_s: float | None = None, memory_mb: int | None = None,
) -> bytes:
    """_lay_appendices in a child process bounded in time and address space
    (TRACKER_DOSSIER_APPEND_TIMEOUT_S, TRACKER_DOSSIER_APPEND_MEMORY_MB), run by
    tracker.bounded like every other child: uploads that need more make the dossier fail with a
    clear error, never the process that serves it."""
    import json

    from tracker import bounded
    from tracker.domain.errors import DomainError
    from tracker.i18n import Text

    if timeout_s is None or memory_mb is None:
        from tracker.config import get_settings

        settings = get_settings()
        timeout_s = settings.dossier_append_timeout_s if timeout_s is None else timeout_s
        memory_mb = settings.dossier_append_memory_mb if memory_mb is None else memory_mb
    parts = [pdf, *(a.read() for a in appendices)]
    header = {"sizes": [len(p) for p in parts],
              "appendices": [[a.title, a.filename, a.page_count] for a in appendices],
              "placeholders": [[k, *v] for k, v in placeholders.items()]}
    names = ", ".join(repr(a.filename) for a in appendices)
    maker = Text("the dossier maker")
    try:
        answer, out = bounded.run(
            "tracker.pdf", [str(memory_mb), str(bounded.cpu_backstop(timeout_s))],
            json.dumps(header).encode() + b"\n" + b"".join(parts), filename="the uploads",
            timeout_s=timeout_s, memory_mb=memory_mb, reader=maker, checker=maker)
    except DomainError as exc:
        raise DomainError("file", "the uploads (%(names)s) could not be appended to the "
                                  "dossier: %(problem)s", names=names,
                          problem=Text(exc.code, **exc.params)) from exc
    if answer.get("error") == "memory":
        raise DomainError("file", "the uploads (%(names)s) could not be appended to the dossier "
                                  "within the memory limit (%(megabytes)s MB)", names=names,
                          megabytes=str(memory_mb))
    if answer.get("error") or not out.startswith(b"%PDF-"):
        raise DomainError("file", "the uploads (%(names)s) could not be appended to the dossier "
                                  "(%(problem)s)", names=names,
                          problem=bounded.clip(answer.get("error") or "no PDF made"))
    return out


def lay_here(pdf: bytes, appendices: list[Appendix],
             placeholders: dict[int, tuple[int, int]]) -> bytes:
    """_lay_appendices in this process, for a process that is itself a bounded child (a part of
    a panel dossier): no second child to start for each part; the same errors as lay_in_child."""
    from tracker.domain.errors import DomainError

    names = ", ".join(repr(a.filename) for a in appendices)
    try:
        return _lay_appendices(pdf, appendices, placeholders)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001  (any failure of a hostile upload is one answer)
        from tracker import bounded

        raise DomainError("file", "the uploads (%(names)s) could not be appended to the dossier "
                                  "(%(problem)s)", names=names,
                          problem=bounded.clip(f"{type(exc).__name__}: {exc}")) from exc


def _child_main(argv: list[str]) -> int:
    """`python -m tracker.pdf MEMORY_MB CPU_S` < header line + PDF + appendices."""
    import json
    import sys
    import warnings

    from tracker import bounded

    memory_mb, cpu_s = int(argv[0]), int(argv[1])
    bounded.limit_child(memory_mb, cpu_s)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    try:
        data = sys.stdin.buffer.read()
        head, _, rest = data.partition(b"\n")
        header = json.loads(head)
        parts, offset = [], 0
        for size in header["sizes"]:
            parts.append(rest[offset:offset + size])
            offset += size
        appendices = [Appendix(title, filename, body, count) for (title, filename, count), body
                      in zip(header["appendices"], parts[1:], strict=True)]
        placeholders = {int(k): (int(a), int(n)) for k, a, n in header["placeholders"]}
        made = _lay_appendices(parts[0], appendices, placeholders)
    except MemoryError:
        bounded.write_answer({"error": "memory"})
        return 0
    except Exception as exc:  # noqa: BLE001  (any failure of a hostile upload is one answer)
        bounded.write_answer({"error": f"{type(exc).__name__}: {exc}"})
        return 0
    bounded.write_answer({"ok": True}, made)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_child_main(sys.argv[1:]))
