"""The summary of a form's errors, shown at its top: each message with a link to its field.

Whatever put the errors there (the form's own validation or a service's, placed by
common.form_errors), every field with an error is listed once, in the order of the form, a
row of a list named by the list's label and its row number ("Requirements, row 4: Level")."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from wtforms import Field

_SKIPPED = {"CSRFTokenField"}  # the expired form has its own message


def error_summary(form: Any) -> list[dict[str, str]]:
    """[{"id", "label", "message"}] for every field of `form` (rows of its lists and
    sub-forms included) that has an error; the form's own messages are not in it."""
    found: list[dict[str, str]] = []
    _walk(form, found, prefix=None)
    return found


def _walk(form: Any, found: list[dict[str, str]], prefix: str | None) -> None:
    for item in form:
        if item.type in _SKIPPED:
            continue
        entries = getattr(item, "entries", None)
        if entries is not None:  # a FieldList: its rows
            for index, entry in enumerate(entries):
                row = _join(prefix, _("%(list)s, row %(number)s", list=_text(item),
                                      number=index + 1))
                if hasattr(entry, "form"):
                    _walk(entry.form, found, row)
                elif entry.errors:
                    found.append(_entry(entry, row))
        elif hasattr(item, "form") and hasattr(item.form, "_fields"):  # a FormField
            _walk(item.form, found, _join(prefix, _text(item)))
        elif isinstance(item, Field) and item.errors:
            found.append(_entry(item, _join(prefix, _text(item))))


def _entry(field: Field, label: str) -> dict[str, str]:
    messages = [str(message) for message in field.errors if not isinstance(message, dict)]
    return {"id": field.id, "label": label, "message": "; ".join(messages)}


def _text(field: Any) -> str:
    label = getattr(getattr(field, "label", None), "text", None)
    return str(label) if label else str(field.name)


def _join(prefix: str | None, label: str) -> str:
    """"Requirements, row 2: Level" (in French "Exigences, ligne 2 : Niveau")."""
    return _("%(where)s: %(what)s", where=prefix, what=label) if prefix else label
