"""Reading an untrusted posting file in a bounded child process (tracker.bounded): the format's
parse (JSON, an HTML page and its JSON-LD blocks, plain text, a PDF's extracted text) and the
importers' reading of it never run in the caller's process, so a hostile file (JSON nested
100,000 deep, an HTML page of millions of tags, a text that is slow to read) costs the child,
stopped at the upload limits of time and memory, never a web worker.

`read_file` is the parent's side; `python -m tracker.importers.reading MEMORY_MB CPU_S` is the
child's, reading a JSON header line (file name, format, zone) and the bytes on stdin and
answering one JSON line and the pickled result, which the parent loads accepting only the
plain types a result is made of.
"""

from __future__ import annotations

import io
import json
import pickle
import sys
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from tracker import bounded
from tracker.domain.errors import DomainError
from tracker.i18n import Text
from tracker.importers.base import ImportFailed, ParsedPosting

READER = Text("the import reader")


@dataclass
class FileRead:
    """What the child read: the text shown for the file, its language, the postings found and
    what was left out of it."""

    text: str
    language: str | None
    postings: list[ParsedPosting] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)


def read_file(filename: str, data: bytes, *, kind: str, zone: str, timeout_s: float,
              memory_mb: int) -> FileRead:
    """`data` of format `kind` ('jsonld', 'html', 'text', or 'pdf' for a PDF's extracted text,
    in UTF-8) read in the bounded child; ImportFailed or a DomainError naming `file`."""
    header = json.dumps({"filename": filename, "kind": kind, "zone": zone}).encode()
    answer, payload = bounded.run(
        "tracker.importers.reading", [str(memory_mb), str(bounded.cpu_backstop(timeout_s))],
        header + b"\n" + data, filename=filename, timeout_s=timeout_s, memory_mb=memory_mb,
        reader=READER, checker=READER)
    error = answer.get("error")
    if error == "refused":
        # the child's error, passed on with its template and parameters
        sent = SimpleNamespace(code=str(answer.get("code") or answer.get("message")),
                               params=answer.get("params") or {})
        raise ImportFailed(str(answer.get("field") or "file"), sent.code, **sent.params)
    if error == "memory":
        raise bounded.memory_error(filename, memory_mb)
    if error == "too_deep":
        raise ImportFailed("file", "%(file)r is nested too deep to be a posting", file=filename)
    if error:
        raise ImportFailed("file", "%(file)r could not be read: %(reader)s failed (%(detail)s)",
                           file=filename, reader=READER,
                           detail=bounded.clip(str(answer.get("detail") or error)))
    try:
        result = _Loader(io.BytesIO(payload)).load()
    except Exception as exc:  # noqa: BLE001 -- a broken answer is the file's refusal
        raise ImportFailed("file", "%(file)r could not be read (no answer from %(reader)s)",
                           file=filename, reader=READER) from exc
    if not isinstance(result, FileRead):
        raise ImportFailed("file", "%(file)r could not be read (no answer from %(reader)s)",
                           file=filename, reader=READER)
    return result


class _Loader(pickle.Unpickler):
    """Loads a FileRead and what it holds: the importers' own types, dates, Decimals and enums
    of the models, nothing else (the child read hostile bytes)."""

    _MODULES = ("tracker.importers.", "tracker.models.enums", "tracker.i18n")
    _OTHERS = {("datetime", "date"), ("datetime", "time"), ("datetime", "datetime"),
               ("datetime", "timezone"), ("datetime", "timedelta"), ("decimal", "Decimal"),
               ("builtins", "set"), ("builtins", "frozenset")}

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(self._MODULES) or (module, name) in self._OTHERS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a read file")


def read(filename: str, data: bytes, kind: str, zone: str) -> FileRead:
    """In the child: the importers' reading of the file (what tracker.services.imports.analyse
    shows and saves)."""
    from tracker.importers.files import decode_text
    from tracker.importers.jsonld import parse_jsonld
    from tracker.importers.jsonld_document import extract_html, load_json
    from tracker.importers.text import detect_language, parse_text

    text = data.decode("utf-8", "replace") if kind == "pdf" else decode_text(data)
    if kind not in ("jsonld", "html"):
        language: str | None = detect_language(text)
        return FileRead(text, language, [parse_text(text, language=language)])
    broken: list[Text] = []
    if kind == "jsonld":
        document = load_json(text, filename)
    else:
        document, broken = extract_html(data, filename)
    found = parse_jsonld(document, zone)
    if broken and not found:  # the posting may be in the block that cannot be read
        raise ImportFailed("file", "%(file)r: %(problem)s", file=filename, problem=broken[0])
    warnings = [Text("%(problem)s: it was left out", problem=problem) for problem in broken]
    language = None
    if kind == "jsonld":
        if not found:
            raise ImportFailed("file", "%(file)r holds no schema.org JobPosting", file=filename)
        text = json.dumps(document, ensure_ascii=False, indent=2)
    elif not found:  # a page without JSON-LD: its visible text, read with its structure
        text, language, posting = _page(text)
        if not text.strip():
            raise ImportFailed("file", "%(file)r has neither a JobPosting nor text", file=filename)
        found = [posting]
    elif len(found) == 1:  # a JobPosting may be partial: the rest from the visible text
        from tracker.importers.html_hints import fill_from_text

        page_text, _, posting = _page(text)
        if page_text.strip():
            fill_from_text(found[0], posting)
    return FileRead(text, language, found, warnings)


_LITTLE = 200  # characters: less than a posting says


def _page(html: str) -> tuple[str, str | None, ParsedPosting]:
    """A page's readable text, its language and the text rules' reading of it with the page's
    structure applied (tracker.importers.html_page)."""
    import html_text

    from tracker.importers.html_page import read_page
    from tracker.importers.text import detect_language, parse_text

    page = read_page(html_text.parse_html(html))
    headed = any(title.source in ("h1", "main heading") for title in page.hints.titles)
    if len(page.text.strip()) < _LITTLE and not headed:
        # no heading kept its wrapper: one named like chrome may have held it all
        again = read_page(html_text.parse_html(html), by_names=False)
        page = again if len(again.text.strip()) > 2 * len(page.text.strip()) else page
    if not page.text.strip():
        return page.text, None, ParsedPosting()
    language = detect_language(page.text)
    return page.text, language, parse_text(page.text, language=language, hints=page.hints)


def _portable(params: dict[str, Any]) -> dict[str, Any]:
    """An error's parameters as JSON carries them back to the parent: text and numbers as they
    are, anything else (an enum, a date, words) as its English text."""
    return {name: value if isinstance(value, (str, int, float)) and not isinstance(value, bool)
            else str(value) for name, value in params.items()}


def _child_main(argv: list[str]) -> int:
    memory_mb, cpu_s = (int(arg) for arg in argv[:2])
    bounded.limit_child(memory_mb, cpu_s)
    payload = b""
    try:
        header, _, data = sys.stdin.buffer.read().partition(b"\n")
        meta = json.loads(header)
        from tracker.importers import reading  # its classes by their name, not __main__'s

        result = reading.read(str(meta["filename"]), data, str(meta["kind"]), str(meta["zone"]))
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        answer: dict[str, Any] = {"ok": True}
    except DomainError as exc:
        answer = {"error": "refused", "field": exc.field, "message": exc.message,
                  "code": exc.code, "params": _portable(exc.params)}
    except MemoryError:
        answer = {"error": "memory"}
    except RecursionError:
        answer = {"error": "too_deep"}
    except Exception as exc:  # noqa: BLE001 -- any failure of a reader refuses the file
        if bounded.near_memory_limit(memory_mb):
            answer = {"error": "memory"}
        else:
            answer = {"error": "failed", "detail": str(exc) or type(exc).__name__}
    bounded.write_answer(answer, payload)
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
