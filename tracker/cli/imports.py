"""`tracker posting import FILE` and `tracker posting export REF`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.cli.output import cli_lang, emit_json, print_tables, t, table
from tracker.services import imports
from tracker.services.exports import formats


def _value_text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v not in (None, ""))
    text = " ".join(str(value).split())
    return text if len(text) <= 120 else text[:117] + "..."


def _with_snippet(finding: dict[str, Any]) -> str:
    value = escape(_value_text(finding["value"]))
    snippet = finding["snippet"]
    snippet = snippet if len(snippet) <= 90 else snippet[:87] + "..."
    if not snippet or snippet == value:
        return value
    return f"{value}\n[dim]« {escape(snippet)} »[/dim]"


def _status(finding: dict[str, Any]) -> str:
    if finding["status"] == "review":
        return t("REVIEW: %(reason)s", reason=finding["review"])
    return t("found") if finding["status"] == "found" else t("check")


@click.command("import")
@click.argument("path", metavar="FILE|URL", type=click.Path(dir_okay=False))
@click.option("--org", "organisation", metavar="SLUG", help="The organisation it is for.")
@click.option("--posting", "number", type=click.IntRange(min=1), default=1, show_default=True,
              help="Which posting, when the file holds several.")
@click.option("--yes", is_flag=True, help="Save it as a draft posting (otherwise only shown).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for people, json for scripts")
@pass_app
def import_command(app: AppContext, path: str, organisation: str | None, number: int,
                   yes: bool, fmt: str) -> None:
    """Read a posting from FILE (schema.org JSON-LD .json/.jsonld, an .html page with JSON-LD,
    plain .txt, or .pdf) or from a web address (http:// or https://, fetched under limits:
    public addresses only) and show what was found, field by field, with the snippet and a
    confidence. Nothing is saved without --yes; a posting saved from an address keeps it as
    its source."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", path, re.I):
        report = imports.analyse_url(path, clock=app.clock, default_zone=app.settings.timezone,
                                     settings=app.settings)
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise UserError(f"error: file: cannot read {path}: {exc.strerror or exc}") from exc
        report = imports.analyse(Path(path).name, data, clock=app.clock,
                                 default_zone=app.settings.timezone, settings=app.settings)
    saved = None
    if yes:
        with app.transaction() as session:
            posting = imports.save_import(session, report, organisation=organisation,
                                          actor=app.actor(session), clock=app.clock,
                                          index=number - 1, settings=app.settings)
            saved = {"reference": posting.reference, "status": posting.status.value,
                     "title": posting.title}
    if fmt == "json":
        emit_json({**report.as_dict(), "saved": saved})
        return
    for warning in imports.warnings(report, cli_lang()):
        click.echo(t("warning: %(problem)s", problem=warning))
    shown = imports.shown(report, cli_lang())
    for position, parsed in enumerate(shown, start=1):
        findings = parsed["findings"]
        if len(report.postings) > 1 and position != number and yes:
            continue
        rows = [[f["field"], _with_snippet(f), f"{f['confidence']:.2f}", _status(f)]
                for f in findings if f["field"] not in imports_list_fields]
        reqs = [[_value_text(f["value"].get("kind") if isinstance(f["value"], dict) else ""),
                 _value_text({k: v for k, v in f["value"].items() if k != "kind"}),
                 f"{f['confidence']:.2f}", _status(f)]
                for f in findings if f["field"] == "requirements"]
        others = [[f["field"], _with_snippet(f), f"{f['confidence']:.2f}", _status(f)]
                  for f in findings if f["field"] in ("interviews", "required_documents")]
        title = f"{report.url or report.filename} ({report.format}" + (
            f", {report.language})" if report.language else ")")
        if len(report.postings) > 1:
            title += f": posting {position} of {len(report.postings)}"
        print_tables(
            table(title, ["Field", "Value (and where it was found)", "Conf.", ""], rows,
                  no_wrap=["Field", "Conf."]),
            table("Requirements", ["Kind", "Requirement", "Conf.", ""], reqs),
            table("Interviews and documents", ["Field", "Value (and where it was found)",
                                               "Conf.", ""], others, no_wrap=["Conf."]),
        )
        if parsed["unknown"]:
            click.echo("Kept in the source, no field here: " + ", ".join(parsed["unknown"]))
    if 0 < number <= len(report.postings):
        flagged = sum(f["review"] is not None
                      for f in shown[number - 1]["findings"])
        if flagged:
            click.echo(f"{flagged} value{'s' if flagged > 1 else ''} to review "
                       f"{'are' if flagged > 1 else 'is'} left out of the draft (REVIEW above).")
    if saved:
        click.echo(f"posting {saved['reference']} saved ({saved['status']}): {saved['title']}")
    else:
        click.echo("Nothing saved: check the values above, then run again with --yes.")


imports_list_fields = ("requirements", "interviews", "required_documents")


@click.command("export")
@click.argument("reference")
@click.option("--format", "fmt", type=click.Choice(["jsonld"]), default="jsonld",
              show_default=True)
@click.option("--url", help="The posting's public address, for the JSON-LD 'url'.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@pass_app
def export_command(app: AppContext, reference: str, fmt: str, url: str | None,
                   output: str | None) -> None:
    """The posting REFERENCE as a schema.org JobPosting (JSON-LD)."""
    with app.transaction() as session:
        document = formats.posting_jsonld(session, reference, actor=app.actor(session), url=url)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"posting {reference} written to {output}")
    else:
        click.echo(text, nl=False)
