"""The one translation catalog holds every word the tracker says, in French and English.

Read statically, so that a message nobody has yet triggered in a test is held too:
- every label of the printed documents and every enum value's label has its French entry;
- every domain error is raised with its message as a string literal (a template whose values go
  in as parameters, never an f-string), each of its `%(name)s` placeholders given, and French
  for it in the catalog;
- every French entry keeps the placeholders of its English one.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from tracker import i18n
from tracker.models import enums

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tracker"
PO = PACKAGE / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]")

# Where the message of an error class's constructor is, when it is not the second argument
# (field, message): None for a class that words its message itself.
MESSAGE_ARGUMENT = {"TemplateProblem": 2, "FetchRefused": 1, "ScheduledAlready": None,
                    "ValidationFailed": None}


@lru_cache(maxsize=1)
def french() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="fr")


def translated(msgid: str, context: str | None = None) -> bool:
    message = french().get(msgid, context=context)
    return message is not None and bool(message.string) and not message.fuzzy


def test_every_label_has_its_french_entry() -> None:
    missing = [key for key in i18n.LABELS_EN
               if not key.startswith("education_level.") or key == "education_level.none"
               if not translated(i18n.LABELS_EN[key], context=key)]
    assert missing == []


@pytest.mark.parametrize("enum_class", [getattr(enums, name) for name in i18n.ENUM_PREFIXES])
def test_every_enum_value_has_a_label_in_both_languages(enum_class: type) -> None:
    for value in enum_class:  # type: ignore[attr-defined]
        english, french_label = i18n.label(value, "en"), i18n.label(value, "fr")
        assert english and french_label
        assert english != value.value or not value.value.isidentifier() or "_" not in value.value


def test_french_entries_keep_their_placeholders() -> None:
    broken = [message.id for message in french()
              if message.id and message.string and isinstance(message.id, str)
              and set(PLACEHOLDER.findall(message.id)) != set(PLACEHOLDER.findall(message.string))]
    assert broken == []


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """DomainError and every class of the package that derives from it, however indirectly."""
    known = {"DomainError"}
    while True:
        found = {node.name for tree in trees.values() for node in ast.walk(tree)
                 if isinstance(node, ast.ClassDef)
                 and any(_name(base) in known for base in node.bases)} | known
        if found == known:
            return known
        known = found


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _literal(node: ast.expr) -> str | None:
    """A string literal, or literals joined with +, or a face's `_("...")` of one; None for
    anything else."""
    if isinstance(node, ast.Call) and _name(node.func) in {"_", "gettext", "_l"} and node.args:
        return _literal(node.args[0])
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return None if left is None or right is None else left + right
    return None


@lru_cache(maxsize=1)
def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(), str(path)) for path in sorted(PACKAGE.rglob("*.py"))}


def raised_messages(path: Path) -> list[tuple[int, str | None, set[str], bool]]:
    """(line, message literal or None, parameter names given, passes **params on) of each
    domain error made in `path`."""
    trees = _trees()
    classes = _error_classes(trees)
    found = []
    for node in ast.walk(trees[path]):
        if not isinstance(node, ast.Call) or _name(node.func) not in classes:
            continue
        position = MESSAGE_ARGUMENT.get(_name(node.func), 1)
        if position is None or len(node.args) <= position:
            continue
        argument = node.args[position]
        names = {k.arg for k in node.keywords if k.arg}
        spread = any(k.arg is None for k in node.keywords)
        if _name(argument) == "code":
            continue  # another error's message (its template) passed on with its parameters
        found.append((node.lineno, _literal(argument), names, spread))
    return found


MODULES = [path for path in sorted(PACKAGE.rglob("*.py"))
           if "DomainError" in path.read_text() or "Error(" in path.read_text()]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_errors_are_templates_with_french(path: Path) -> None:
    problems = []
    for line, message, names, spread in raised_messages(path):
        where = f"{path.relative_to(ROOT)}:{line}"
        if message is None:
            problems.append(f"{where}: the message is no string literal (put values in "
                            f"parameters: DomainError(field, '... %(name)s', name=value))")
            continue
        wanted = set(PLACEHOLDER.findall(message))
        if not spread and wanted - names:
            problems.append(f"{where}: {message!r} is given no {sorted(wanted - names)}")
        if not translated(message):
            problems.append(f"{where}: no French for {message!r}")
    assert problems == []
