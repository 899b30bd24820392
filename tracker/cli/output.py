"""Presenting results: readable tables (fit for an 80-column terminal) or JSON."""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="table for people, json for scripts",
)


def cli_lang() -> str:
    """The language the command line speaks: TRACKER_LANG (fr or en), else English."""
    lang = os.environ.get("TRACKER_LANG", "").strip().lower()[:2]
    return lang if lang in ("fr", "en") else "en"


def t(text: str, **params: Any) -> str:
    """A sentence of the catalog in the command line's language, its placeholders filled in."""
    from tracker.i18n import gettext

    return gettext(cli_lang(), text, **params)


def word(kind: type[enum.Enum], value: Any) -> str:
    """A stored enum value (or the enum itself) as its label in the command line's language:
    never `fixed_term` or `under_review` on screen. None and an unknown value stay as given."""
    from tracker.i18n import label

    if value is None or value == "":
        return ""
    try:
        return label(kind(value), cli_lang())
    except (ValueError, KeyError):
        return str(value)


def error_line(error: Any) -> str:
    """A domain error as one line in the command line's language: 'error: FIELD: message'."""
    lang = cli_lang()
    parts = getattr(error, "errors", None) or [error]
    text = "; ".join(f"{e.field}: {e.text(lang)}" if e.field else e.text(lang) for e in parts)
    return t("error: %(message)s", message=text)


def console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def table(
    title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]],
    no_wrap: Sequence[str] = (),
) -> Table:
    # No minimum widths: with pad_edge off, rich lays a table with one out a column wider
    # than the terminal and crops the last characters of every line.
    result = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=False,
                   pad_edge=False, header_style="bold")
    for name in columns:
        result.add_column(name, no_wrap=name in no_wrap, overflow="fold")
    for row in rows:
        result.add_row(*("" if cell is None else str(cell) for cell in row))
    return result


def fields_table(title: str | None, pairs: Iterable[tuple[str, Any]]) -> Table:
    result = Table(title=title, title_justify="left", show_header=False, box=None,
                   pad_edge=False)
    result.add_column("field", style="bold", no_wrap=True)
    result.add_column("value", overflow="fold")
    for name, value in pairs:
        if value not in (None, "", [], {}):
            result.add_row(name, str(value))
    return result


def print_tables(*items: Any) -> None:
    out = console()
    for item in items:
        if isinstance(item, Table):
            fit_words(item, out.width)
        out.print(item)
        out.print()


_FLOOR = 8  # the width a column holding a word too long for the terminal keeps, if it can


def fit_words(result: Table, width: int) -> None:
    """Give the columns of `result` widths that never split a word, when it must wrap to fit
    `width` columns of terminal.

    rich narrows the widest columns first, whatever their words, and folds any word longer than
    its column ("coopératio/n"). Here the widest columns narrow first too, but none below its
    longest word. A word that cannot fit even then (a long URL or e-mail address, with every other column at its longest word) is
    the one exception: the widest columns give way first, and it is folded, never cut off."""
    columns = result.columns
    if not columns or any(column.width is not None for column in columns):
        return
    lines = [[Text.from_markup(str(cell)).plain.splitlines() if isinstance(cell, str)
              else [] for cell in [column.header, *column.cells]] for column in columns]
    natural = [max((len(line) for cell in cells for line in cell), default=1) or 1
               for cells in lines]
    longest = [natural[i] if column.no_wrap else
               max((len(word) for cell in lines[i] for line in cell for word in line.split()),
                   default=1) or 1
               for i, column in enumerate(columns)]
    for column in columns:
        column.width = 1
    overhead = Measurement.get(console(), console().options.update_width(width), result).maximum
    for column in columns:
        column.width = None
    budget = width - (overhead - len(columns))
    if sum(natural) <= budget:
        return  # fits as it is: rich lays it out unwrapped
    if sum(longest) > budget:
        widths = list(longest)
        # the exception: the column of the longest word gives way (down to a few characters),
        # then the next; a column kept on one line last
        while sum(widths) > budget and max(widths) > 1:
            order = sorted(range(len(widths)), key=lambda i: (
                not columns[i].no_wrap, widths[i] > _FLOOR, longest[i], widths[i]))
            widths[order[-1]] -= 1
    else:
        # as rich does, the widest columns narrow first, all to one level, but none below its
        # longest word: the highest level at which the table fits, then what is left over
        def at(level: int) -> list[int]:
            return [max(low, min(high, level)) for low, high in zip(longest, natural, strict=True)]

        low, high = 0, max(natural)
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if sum(at(middle)) <= budget else (low, middle - 1)
        widths = at(low)
        for i in range(len(widths)):
            if sum(widths) < budget and widths[i] < natural[i] and widths[i] == low:
                widths[i] += 1
    for column, given in zip(columns, widths, strict=True):
        column.width = given


def days_left_text(days: int | None) -> str:
    if days is None:
        return "-"
    if days == 0:
        return t("today")
    if days < 0:
        return t("%(days)s d ago", days=str(-days))
    return t("%(days)s d", days=str(days))


def when_text(iso: str | None, tz_name: str) -> str:
    """An ISO instant as local wall-clock time in `tz_name`, e.g. '2024-05-13 09:00 CEST'."""
    if not iso:
        return "-"
    from datetime import datetime
    from zoneinfo import ZoneInfo

    local = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(ZoneInfo(tz_name))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"
