"""Presenting results: readable tables (fit for an 80-column terminal) or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.table import Table

FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="table for people, json for scripts",
)


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
        out.print(item)
        out.print()


def days_left_text(days: int | None) -> str:
    if days is None:
        return "-"
    if days == 0:
        return "today"
    if days < 0:
        return f"{-days} d ago"
    return f"{days} d"


def when_text(iso: str | None, tz_name: str) -> str:
    """An ISO instant as local wall-clock time in `tz_name`, e.g. '2024-05-13 09:00 CEST'."""
    if not iso:
        return "-"
    from datetime import datetime
    from zoneinfo import ZoneInfo

    local = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(ZoneInfo(tz_name))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"
