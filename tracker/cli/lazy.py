"""A click group whose subcommands are imported only when one is used (issue #16 item 6).

`tracker --help` and `tracker posting list` should not pay for the modules of commands they
do not run (their services, models, PDF, calendar and migration libraries). A LazyGroup knows
its commands by name -> "module:attribute" and imports a module the first time one of its
commands is resolved; the main group also carries each command's short help, so that its
--help lists them without importing anything (tests/cli/test_cli_startup.py checks that those
texts are the commands' own).
"""

from __future__ import annotations

import importlib
import textwrap
from collections.abc import Mapping
from typing import Any

import click


class LazyGroup(click.Group):
    """`lazy`: name -> "module:attribute", or ("module:attribute", short help)."""

    def __init__(self, *args: Any, lazy: Mapping[str, str | tuple[str, str]] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, tuple[str, str | None]] = {
            name: (spec, None) if isinstance(spec, str) else spec for name, spec in (lazy or {}).items()
        }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.add_command(self.load(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def load(self, name: str) -> click.Command:
        module_name, _, attribute = self.lazy[name][0].partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module_name}:{attribute} is not a click command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click's, but a command not yet imported is listed with its short help from the
        table (a command without one in the table is imported to ask it)."""
        rows: list[tuple[str, str]] = []
        limit = formatter.width - 6 - max((len(name) for name in self.list_commands(ctx)), default=0)
        for name in self.list_commands(ctx):
            help_text = self.lazy[name][1] if name in self.lazy and name not in self.commands else None
            if help_text is not None and len(help_text) > limit:  # as click shortens a help
                help_text = textwrap.shorten(help_text, max(limit, 3), placeholder="...",
                                             break_on_hyphens=False)
            if help_text is None:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                help_text = command.get_short_help_str(limit)
            rows.append((name, help_text))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

