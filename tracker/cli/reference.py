"""`tracker reference ...`: occupation profiles and certifications (reference data)."""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from tracker.cli.context import AppContext, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, fields_table, print_tables, table
from tracker.i18n import education_label
from tracker.models import Occupation
from tracker.services.hiring import postings
from tracker.services.reference import catalogue as reference
from tracker.services.reference.load import REFERENCE_DIR, load_reference


@click.group("reference")
def reference_group() -> None:
    """Occupation profiles and certifications: load, list, show, propose requirements."""


@reference_group.command("load")
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Folder of *.yaml reference files [default: samples/reference]")
@pass_app
def reference_load(app: AppContext, directory: Path | None) -> None:
    """Load (or update) the reference data files. A file that has not changed is left alone."""
    with app.transaction() as session:
        result = load_reference(session, directory or REFERENCE_DIR, clock=app.clock)
    click.echo(result.summary())


@reference_group.command("list")
@FORMAT_OPTION
@pass_app
def reference_list(app: AppContext, fmt: str) -> None:
    """Occupations (by slug) and certifications (by code)."""
    with app.transaction() as session:
        rows = reference.list_references(session)
    if fmt == "json":
        emit_json(rows)
        return
    if not rows:
        click.echo("No reference data: tracker reference load")
        return
    print_tables(table("Reference data (tracker reference show SLUG|CODE)",
                       ["Kind", "Slug or code / title", "Lang", "Skills", "Pay"],
                       [[r["kind"], f"{r['key']}\n[dim]{r['title']}[/dim]", r["language"],
                         r["skills"], r["salaries"]] for r in rows],
                       no_wrap=["Kind", "Lang", "Skills", "Pay"]))


@reference_group.command("show")
@click.argument("key", metavar="SLUG|CODE")
@FORMAT_OPTION
@pass_app
def reference_show(app: AppContext, key: str, fmt: str) -> None:
    """An occupation (by slug) or a certification (by code, e.g. RNCP39853), with the source
    line of every value."""
    with app.transaction() as session:
        found = reference.find_reference(session, key, "SLUG|CODE")
        record = (reference.occupation_record(found) if isinstance(found, Occupation)
                  else reference.certification_record(found))
    if fmt == "json":
        emit_json(record)
    elif record["kind"] == "occupation":
        _show_occupation(record)
    else:
        _show_certification(record)


def _show_occupation(r: dict) -> None:
    src = r["source"]
    print_tables(
        fields_table(f"{r['slug']}: {r['title']}", [
            ("Language", r["language"]), ("Summary", r["summary"]), ("Source", src),
            ("Certifications", ", ".join(f"{c['key']} ({c['basis']})"
                                         for c in r["certifications"])),
        ]),
        table("Skills", ["Kind", "Weight", "Skill", "Key words", "Line"], [
            [{"hard_skills": "hard", "know_how": "know-how", "soft_skills": "soft"}[kind],
             s["weight"] if s["weight"] is not None else "", s["label"],
             s["keywords"] or "", s["line"]]
            for kind in ("hard_skills", "know_how", "soft_skills") for s in r[kind]
        ], no_wrap=["Weight", "Line"]),
        table("Tools", ["Family", "Tool", "Line"],
              [[t["family"], t["label"], t["line"]] for t in r["tools"]]),
        table("Salaries", ["Experience", "Range", "Basis", "Source text", "Line"], [
            [s["experience"], f"{s['min']}–{s['max']} {s['currency']} per {s['period']}"
             + ("" if s["period_stated"] else " (period not stated)"), s["basis"], s["quote"],
             s["line"]]
            for s in r["salaries"]
        ]),
        table("Career moves", ["Stage", "Title", "Line"],
              [[m["stage"], m["title"], m["line"]] for m in r["career_moves"]]),
        table("Diplomas and ways in", ["Kind", "Diploma, remark or job", "Level", "Line"], [
            *[["diploma", d["title"], " ".join(filter(None, [
                d["level"], f"({d['ects']} ECTS)" if d["ects"] else None,
                f"= {education_label(d['education_level'])}"])), d["line"]]
              for d in r["diplomas"]],
            *[["remark", n["text"], "", n["line"]] for n in r["education_notes"]],
            *[["experience", e["title"], "", e["line"]] for e in r["experience_routes"]],
        ], no_wrap=["Kind", "Line"]),
    )


def _show_certification(r: dict) -> None:
    figures = []
    for f in r["market_figures"]:
        if f["min"] or f["max"]:
            value = f"{f['min'] or ''}–{f['max'] or ''} {f['currency'] or ''} per " \
                    f"{f['pay_period']} {f['basis'] or ''}".strip()
            if f["percent"]:
                value += f" ({f['percent']} %)"
        elif f["count"] is not None:
            value = str(f["count"])
        elif f["percent"] is not None:
            value = f"{f['percent']} %"
        else:  # a figure the page has no data for says so
            value = f["quote"] or ""
        period = f["period"] + (f" ({f['origin']})" if f["origin"] else "")
        figures.append([f["rome"] or "", f["label"], value, period, f["line"]])
    print_tables(
        fields_table(f"{r['code']}: {r['title']}", [
            ("Level", r["level"] if r["level"] else "not stated"),
            ("Entry level", r["entry_level"]), ("Registered until", r["registered_until"]),
            ("Summary", r["summary"]), ("Source", r["source"]),
            ("Occupations", ", ".join(f"{o['key']} ({o['basis']})" for o in r["occupations"])),
        ]),
        table("Competence blocks", ["#", "Block", "Line"],
              [[i + 1, b["title"] + (" (optional)" if b["optional"] else ""), b["line"]]
               for i, b in enumerate(r["blocks"])], no_wrap=["#"]),
        table("Prerequisites", ["Kind", "Prerequisite", "Line"],
              [[p["kind"], p["label"], p["line"]] for p in r["prerequisites"]],
              no_wrap=["Kind", "Line"]),
        table("ROME codes", ["Code", "Title", "Line"],
              [[c["code"], c["title"], c["line"]] for c in r["rome_codes"]]),
        table("Job titles", ["Title"], [[t["title"]] for t in r["job_titles"]]),
        table("Market figures", ["ROME", "Figure", "Value", "Period", "Line"], figures,
              no_wrap=["ROME", "Line"]),
        table("Job seekers and job offers by band", ["ROME", "By", "Band", "Seekers",
                                                     "Offers", "Lines"],
              [[s["rome"] or "", s["dimension"] + (f"\n[dim]{s['period']}[/dim]"
                                                   if s["period"] else ""),
                s["label"], f"{s['job_seekers_percent']} %",
                f"{s['job_offers_percent']} %",
                f"{s['job_seekers_line']}, {s['job_offers_line']}, {s['line']}"]
               for s in r["market_shares"]], no_wrap=["ROME", "Seekers", "Offers"]),
    )


@reference_group.command("requirements")
@click.argument("slug")
@click.option("--posting", "posting_ref", metavar="REF",
              help="Start from this posting's fields and requirements (for posting update).")
@click.option("--tools", is_flag=True, help="Also propose the occupation's tools.")
@pass_app
def reference_requirements(app: AppContext, slug: str, posting_ref: str | None,
                           tools: bool) -> None:
    """Propose the occupation SLUG's skills as requirements, printed as YAML to edit, then
    save with `tracker posting add --file` or `tracker posting update REF --file`."""
    with app.transaction() as session:
        occupation = reference.get_occupation(session, slug, "SLUG")
        posting = (postings.get_posting(session, posting_ref, "--posting",
                                        actor=app.actor(session)) if posting_ref else None)
        proposed = reference.propose_requirements(session, occupation, tools=tools,
                                                  posting=posting)
        current = postings.input_of(posting)["requirements"] if posting else []
    items = [
        {key: (value.value if hasattr(value, "value") else value)
         for key, value in item.items() if value is not None}
        for item in current
    ]
    lines = [
        f"# Requirements proposed from the occupation {slug} ({occupation.title}).",
        "# Edit, delete or add lines, then save: tracker posting "
        + (f"update {posting_ref} --file THIS_FILE" if posting_ref else "add --file THIS_FILE")
        + "\n# (with the posting's other fields for posting add).",
        f"# required: weight >= {reference.REQUIRED_FROM_WEIGHT}; occupation_skill links the "
        "requirement to the skill, whose weight the fit uses.",
        yaml.safe_dump({"occupation": slug}, allow_unicode=True, sort_keys=False).strip(),
        "requirements:",
    ]
    for item in items:
        lines.append("  - " + _flow(item))
    for item in proposed:
        lines.append(f"  - {_flow(item.as_input())}  # {item.why}")
    click.echo("\n".join(lines))


def _flow(mapping: dict) -> str:
    return yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False,
                          default_flow_style=True, width=10_000).strip()
