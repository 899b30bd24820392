"""In the bounded child of tracker.pdfcheck only: an untrusted PDF rewritten as a clean copy
(qpdf, through pikepdf), or its text extracted, once every stream was decoded under a cap.

Kept: pages, fonts, images, text, links to web and mail addresses. Removed: JavaScript,
actions (open, page, form field and annotation actions other than such links), embedded
files, XFA forms. Never imported by the web process.
"""

from __future__ import annotations

import io
import zlib
from typing import Any

PAGE_LIMIT_PT = 14_400
# Filters whose data is kept encoded (images): their raw size counts.
_IMAGE_FILTERS = {"/DCTDecode", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode"}
# Keys that hold scripts, automatic actions, embedded files or XFA, wherever they are.
_DROPPED_KEYS = {
    "/JS": "JavaScript", "/JavaScript": "JavaScript", "/OpenAction": "actions",
    "/AA": "actions", "/EmbeddedFiles": "embedded files", "/EF": "embedded files",
    "/XFA": "XFA forms", "/RichMediaContent": "embedded files",
}
# Annotations that only carry a file, a sound or a movie.
_DROPPED_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
_LINK_SCHEMES = ("http://", "https://", "mailto:")


class TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def sanitise(data: bytes, facts: dict[str, Any], *, max_decoded: int
             ) -> tuple[dict[str, Any], bytes]:
    """The clean copy of `data` (already inspected: `facts`), or an error answer."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return {"error": "encrypted"}, b""
    except pikepdf.PdfError as exc:
        return {"error": "unreadable", "detail": str(exc)}, b""
    with pdf:
        problem = _check(pdf, max_decoded)
        if problem:
            return problem, b""
        removed = _strip(pdf)
        out = io.BytesIO()
        pdf.save(out, compress_streams=True, deterministic_id=True,
                 stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        pages = len(pdf.pages)
    return {**facts, "pages": pages, "removed": sorted(removed)}, out.getvalue()


def extract_text(data: bytes, facts: dict[str, Any], *, max_decoded: int, pages: int,
                 layout: bool = True) -> tuple[dict[str, Any], bytes]:
    """The text of the first `pages` pages, once the decoded size is known to be bounded: read
    by its layout (tracker.pdflayout), or all of it as pypdf gives it (`layout` false, or a
    layout the reader cannot follow)."""
    import pikepdf
    from pypdf import PdfReader

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            problem = _check(pdf, max_decoded)
    except pikepdf.PdfError as exc:
        return {"error": "unreadable", "detail": str(exc)}, b""
    if problem:
        return problem, b""
    text = None
    if layout:
        try:
            from tracker.pdflayout import read_pdf_text

            text = read_pdf_text(data, pages)
        except (MemoryError, RecursionError):
            raise
        except Exception:  # noqa: BLE001 -- a layout the reader cannot follow: plain text
            text = None
    if text is None:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages[:pages])
    return facts, text[:max_decoded].encode("utf-8", "replace")


def _check(pdf: Any, max_decoded: int) -> dict[str, Any] | None:
    """Page sizes, then every stream decoded (each shared stream once) under the cap."""
    for number, page in enumerate(pdf.pages, start=1):
        box = [float(v) for v in page.mediabox]
        if max(abs(box[2] - box[0]), abs(box[3] - box[1])) > PAGE_LIMIT_PT:
            return {"error": "page_too_large", "page": number}
    budget = max_decoded
    try:
        for obj in pdf.objects:
            if _is_stream(obj):
                budget -= _decoded_size(obj, budget)
                if budget < 0:
                    raise TooLarge(max_decoded)
    except TooLarge:
        return {"error": "decoded_too_large", "limit": max_decoded}
    return None


def _is_stream(obj: Any) -> bool:
    import pikepdf

    return isinstance(obj, pikepdf.Stream)


def _filters(stream: Any) -> list[str]:
    import pikepdf

    value = stream.get("/Filter")
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return [str(item) for item in value]
    return [str(value)]


def _decoded_size(stream: Any, budget: int) -> int:
    """How many bytes `stream` decodes to, counting in chunks: a stream that would pass
    `budget` raises TooLarge before it is held in memory whole."""
    import pikepdf

    filters = _filters(stream)
    raw = stream.read_raw_bytes()
    if not filters or all(name in _IMAGE_FILTERS for name in filters):
        return len(raw)
    if filters == ["/FlateDecode"] or filters == ["/Fl"]:
        return _inflated_size(raw, budget)
    try:
        decoded = stream.read_bytes(pikepdf.StreamDecodeLevel.generalized)
    except pikepdf.PdfError:
        return len(raw)  # kept as it is (an image filter after another one)
    if len(decoded) > budget:
        raise TooLarge(budget)
    return len(decoded)


def _inflated_size(raw: bytes, budget: int) -> int:
    inflater = zlib.decompressobj()
    size, chunk = 0, 1 << 20
    data = raw
    while data:
        try:
            out = inflater.decompress(data, chunk)
        except zlib.error:
            return size + len(raw)  # broken: qpdf keeps what it can; counted as it is
        size += len(out)
        if size > budget:
            raise TooLarge(budget)
        data = inflater.unconsumed_tail
        if inflater.eof or not out and not data:
            break
    return size


def _strip(pdf: Any) -> set[str]:
    """Remove scripts, actions, embedded files and XFA everywhere in the document."""
    import pikepdf

    removed: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [pdf.Root]
    for page in pdf.pages:
        stack.append(page.obj)
    while stack:
        obj = stack.pop()
        if obj.is_indirect:
            key = obj.objgen
            if key in seen:
                continue
            seen.add(key)
        if isinstance(obj, pikepdf.Array):
            kept = [item for item in obj if not _dropped_annotation(item)]
            if len(kept) != len(obj):
                removed.add("embedded files")
                obj[:] = kept
            stack.extend(item for item in obj if isinstance(item, pikepdf.Dictionary | pikepdf.Array))
            continue
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        for name in list(obj.keys()):
            if name in _DROPPED_KEYS:
                removed.add(_DROPPED_KEYS[name])
                removed.update(_scripts(obj[name]))
                del obj[name]
            elif (name in ("/A", "/PA") or name == "/Next" and "/S" in obj) \
                    and not _plain_link(obj[name]):  # an outline item's /Next is no action
                removed.add("actions")
                removed.update(_scripts(obj[name]))
                del obj[name]
            else:
                value = obj[name]
                if isinstance(value, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream):
                    stack.append(value)
    return removed


def _scripts(value: Any) -> set[str]:
    """{"JavaScript"} if `value` is, or directly holds, a JavaScript action."""
    import pikepdf

    actions = [value]
    if isinstance(value, pikepdf.Dictionary) and "/S" not in value:  # /AA: event -> action
        actions = [value[key] for key in list(value.keys())]  # noqa: SIM118
    for action in actions:
        if isinstance(action, pikepdf.Dictionary) and (
                str(action.get("/S", "")) == "/JavaScript" or "/JS" in action):
            return {"JavaScript"}
    return set()


def _dropped_annotation(item: Any) -> bool:
    import pikepdf

    return isinstance(item, pikepdf.Dictionary) and str(item.get("/Subtype", "")) in \
        _DROPPED_ANNOTATIONS and str(item.get("/Type", "/Annot")) == "/Annot"


def _plain_link(action: Any) -> bool:
    """A link to a web or mail address, or to a place in the document, with no follow-up."""
    import pikepdf

    if not isinstance(action, pikepdf.Dictionary) or "/Next" in action:
        return False
    kind = str(action.get("/S", ""))
    if kind == "/GoTo":
        return True
    if kind == "/URI":
        target = bytes(action.get("/URI", b"")).decode("latin-1").strip().lower() \
            if isinstance(action.get("/URI"), pikepdf.String) else ""
        return target.startswith(_LINK_SCHEMES)
    return False
