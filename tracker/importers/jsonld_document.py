"""A JSON-LD document as the importer reads it: parsed (bad JSON and hostile nesting refused
with the file's name and the place), found in the blocks of an HTML page (a broken block is
reported with its line in the page, the others are still read), the JobPosting nodes in it,
and the references by '@id' between its nodes resolved."""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.etree

from tracker.i18n import Text
from tracker.importers.base import ImportFailed

# A JobPosting is a few levels deep; a document nested deeper than this is refused before any
# walk of it (Python's own recursion would fail far below what '[' * 100000 asks).
MAX_DEPTH = 64
# No figure of a posting (a salary in cents, a number of months, a percentage) needs more
# digits than this; a longer number is kept as an OutOfRange text and flagged, never turned
# into a Python int or float (Python refuses to read an int of more than 4300 digits at all,
# and '1e999' is an infinity).
MAX_NUMBER_DIGITS = 15


class OutOfRange(str):
    """A number of the document that is too large to be a value of a posting: it stays a
    (shortened) text, so every reader of numbers passes it by and the importer flags it."""

    @classmethod
    def of(cls, literal: str) -> OutOfRange:
        if len(literal) <= 24:
            return cls(literal)
        digits = sum(ch.isdigit() for ch in literal)
        return cls(f"{literal[:12]}…{literal[-4:]} ({digits} digits)")


def _number(literal: str, kind: type[int] | type[float]) -> int | float | OutOfRange:
    mantissa = re.split(r"[eE]", literal, maxsplit=1)[0]
    if sum(ch.isdigit() for ch in mantissa) > MAX_NUMBER_DIGITS or len(literal) > 40:
        return OutOfRange.of(literal)
    value = kind(literal)
    if isinstance(value, float) and not (abs(value) < 10 ** MAX_NUMBER_DIGITS):
        return OutOfRange.of(literal)  # 1e999 (an infinity), 1e300
    return value


def loads(text: str, **options: Any) -> Any:
    """json.loads with every number bounded (see OutOfRange); NaN and Infinity refused too."""
    return json.loads(text, parse_int=lambda s: _number(s, int),
                      parse_float=lambda s: _number(s, float),
                      parse_constant=OutOfRange.of, **options)
_COMMENT_LINE = re.compile(r"^\s*(//.*|<!--.*-->)")  # what extruct strips before a retry
_BLOCKS = lxml.etree.XPath('descendant-or-self::script[@type="application/ld+json"]')


def load_json(text: str, filename: str) -> Any:
    """The document in `text`; ImportFailed (field 'file') for invalid or too deep JSON."""
    try:
        document = loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            "file", "invalid JSON at line %(line)s, column %(column)s: %(detail)s",
            line=exc.lineno, column=exc.colno, detail=exc.msg
        ) from exc
    except RecursionError as exc:
        raise _too_deep(filename) from exc
    check_depth(document, filename)
    return document


def _too_deep(filename: str, where: Text | str = "") -> ImportFailed:
    return ImportFailed("file", "%(filename)r%(where)s: JSON nested more than %(limit)s levels "
                                "deep is not a posting", filename=filename, where=where,
                        limit=MAX_DEPTH)


def check_depth(document: Any, filename: str, where: Text | str = "") -> None:
    """Refuse a document nested deeper than MAX_DEPTH (walked without recursion)."""
    stack = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(filename, where)
        children = node.values() if isinstance(node, dict) else node \
            if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))


def extract_html(data: bytes, filename: str) -> tuple[list[Any], list[Text]]:
    """The JSON-LD items of an HTML page's blocks, and what is wrong with each block that
    cannot be read, with its line in the page (the other blocks are still read)."""
    from extruct.jsonld import JsonLdExtractor
    from extruct.utils import parse_html

    extractor = JsonLdExtractor()
    items: list[Any] = []
    problems: list[Text] = []
    for node in _BLOCKS(parse_html(data, encoding="UTF-8")):
        line = node.sourceline or 1
        where = Text(" (the JSON-LD block at line %(line)s of the page)", line=line)
        try:
            found = extractor.extract_items(node)  # the block alone, read as extruct reads it
        except RecursionError as exc:
            raise _too_deep(filename, where) from exc
        except ValueError:
            problems.append(Text("the JSON-LD block at line %(line)s of the page is not valid "
                                 "JSON%(where)s", line=line,
                                 where=_where(node.xpath("string()"), line)))
            continue
        for item in found:
            check_depth(item, filename, where)
            items.append(item)
    return items, problems


def _where(script: str, first_line: int) -> Text | str:
    """', at line L, column C: message' of a block's JSON error, as a line of the page."""
    try:
        json.loads(_COMMENT_LINE.sub("", script), strict=False)
    except json.JSONDecodeError as exc:
        return Text(" (line %(line)s, column %(column)s: %(detail)s)",
                    line=first_line + exc.lineno - 1, column=exc.colno, detail=exc.msg)
    except (ValueError, RecursionError):
        return ""
    return ""


def job_postings(document: Any) -> list[dict[str, Any]]:
    """Every JobPosting in a JSON-LD document: a node, a list, or nodes under @graph, with the
    nodes they refer to by '@id' put in place."""
    found: list[dict[str, Any]] = []
    index = _nodes_by_id(document)

    def walk(node: Any, depth: int = 0) -> None:
        if depth > 20:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting" for k in kinds):
                found.append(resolve(node, index))
            elif "@graph" in node:
                walk(node["@graph"], depth + 1)
            elif "itemListElement" in node:
                walk(node["itemListElement"], depth + 1)
            elif "item" in node:
                walk(node["item"], depth + 1)

    walk(document)
    return found


def _nodes_by_id(document: Any) -> dict[str, dict[str, Any]]:
    """'@id' -> the node that describes it (more than a bare reference), anywhere."""
    index: dict[str, dict[str, Any]] = {}
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            key = node.get("@id")
            if isinstance(key, str) and set(node) - {"@id", "@type"}:
                index.setdefault(key, node)
            stack.extend(node.values())
    return index


def _is_reference(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("@id"), str) \
        and not set(value) - {"@id", "@type"}


def resolve(node: Any, index: dict[str, dict[str, Any]], depth: int = 0,
            seen: frozenset[str] = frozenset()) -> Any:
    """`node` with each bare {'@id': ...} replaced by the node of that id in the document
    (a few levels down; a reference to itself or to nothing known stays as it is)."""
    if depth > 8 or not index:
        return node
    if _is_reference(node):
        key = node["@id"]
        if key in index and key not in seen:
            return resolve(index[key], index, depth + 1, seen | {key})
        return node
    if isinstance(node, dict):
        if isinstance(node.get("@id"), str):  # a node's parts that refer back to it stay so
            seen = seen | {node["@id"]}
        return {k: resolve(v, index, depth + 1, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v, index, depth + 1, seen) for v in node]
    return node
