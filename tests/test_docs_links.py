"""The README and the guides under docs/ hold together: every relative link or image they point
to exists, every #anchor names a heading of its target (GitHub's slugs), and the README stays a
short front door whose first code blocks are the two commands (set up and run; test)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
README_MAX_LINES = 200

# The Markdown files checked: the README and every guide.
DOC_FILES = [README, *sorted((ROOT / "docs").rglob("*.md"))]

FENCE = re.compile(r"^ {0,3}(?:[-*+] |\d+[.)] )?\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# [text](target "title") and ![alt](target); the text may hold one level of brackets
# (an image inside a link).
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HTML_TARGET = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.I)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # http:, https:, mailto:, ...


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def split_blocks(text: str) -> tuple[list[str], list[str]]:
    """The lines outside fenced code blocks (blocks blanked out, so line numbers stay) and the
    contents of the fenced blocks, in order."""
    prose: list[str] = []
    blocks: list[str] = []
    fence: str | None = None
    current: list[str] = []
    for line in text.splitlines():
        match = FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                current = []
                prose.append("")
            else:
                prose.append(line)
        else:
            closing = line.strip()
            if closing.startswith(fence[0] * len(fence)) and set(closing) == {fence[0]}:
                blocks.append("\n".join(current))
                fence = None
            else:
                current.append(line)
            prose.append("")
    if fence is not None:
        blocks.append("\n".join(current))
    return prose, blocks


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: its text as rendered (code spans and links reduced to
    their words), lower case, every character dropped but letters (accented ones too), marks,
    digits, spaces, hyphens and connectors such as _, then spaces turned into hyphens."""
    text = INLINE_CODE.sub(lambda m: m.group(2), heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.strip().lower()
    kept = "".join(c for c in text
                   if c in " -" or unicodedata.category(c) == "Pc"
                   or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every anchor GitHub gives the headings of a Markdown file (repeats get -1, -2, ...)."""
    prose, _ = split_blocks(path.read_text("utf-8"))
    seen: dict[str, int] = {}
    found: set[str] = set()
    for line in prose:
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def link_targets(path: Path) -> list[tuple[int, str]]:
    """(line number, target) of every link and image of the file, code left out."""
    prose, _ = split_blocks(path.read_text("utf-8"))
    targets = []
    for number, line in enumerate(prose, start=1):
        line = INLINE_CODE.sub("", line)
        for pattern in (INLINE_LINK, REFERENCE_DEFINITION, HTML_TARGET):
            targets.extend((number, m.group(1)) for m in pattern.finditer(line))
    return targets


def problems_of(path: Path) -> list[str]:
    problems = []
    for number, target in link_targets(path):
        where = f"{relative(path)}:{number}: link '{target}'"
        if not target:
            problems.append(f"{where}: empty target")
            continue
        if EXTERNAL.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        file_part = unquote(file_part.split("?", 1)[0])
        if file_part.startswith("/"):
            problems.append(f"{where}: absolute path; make it relative to {relative(path)}")
            continue
        destination = (path.parent / file_part).resolve() if file_part else path
        if not destination.is_relative_to(ROOT):
            problems.append(f"{where}: {file_part} is outside the project")
            continue
        if not destination.exists():
            problems.append(f"{where}: {file_part} does not exist "
                            f"(looked for {relative(destination)})")
            continue
        if (anchor and destination.suffix == ".md"
                and unquote(anchor) not in anchors(destination)):
            problems.append(f"{where}: no heading of {relative(destination)} "
                            f"has the anchor #{anchor}")
    return problems


@pytest.mark.parametrize("path", DOC_FILES, ids=relative)
def test_every_relative_link_and_anchor_exists(path: Path) -> None:
    problems = problems_of(path)
    assert not problems, "broken links:\n" + "\n".join(problems)


def test_the_guides_exist() -> None:
    assert len(DOC_FILES) > 1, "no Markdown guide under docs/"


def test_every_guide_is_reached_from_the_readme() -> None:
    linked = set()
    for _, target in link_targets(README):
        file_part = unquote(target.partition("#")[0])
        if file_part and not EXTERNAL.match(target):
            linked.add((ROOT / file_part).resolve())
    missing = [relative(p) for p in DOC_FILES[1:] if p.resolve() not in linked]
    assert not missing, f"README.md links to no guide of: {', '.join(missing)}"


def test_readme_is_a_short_front_door() -> None:
    lines = README.read_text("utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, (
        f"README.md has {len(lines)} lines; at most {README_MAX_LINES}: move the rest to docs/")


def test_readme_opens_with_the_two_commands() -> None:
    _, blocks = split_blocks(README.read_text("utf-8"))
    assert blocks, "README.md has no fenced code block"
    assert "bash .ci/setup" in blocks[0], (
        f"the first code block of README.md is not the set-up and run command:\n{blocks[0]}")
    assert any("bash .ci/run" in block for block in blocks[:2]), (
        "`bash .ci/run` is in neither of the first two code blocks of README.md")


@pytest.mark.parametrize(("heading", "anchor"), [
    ("Run it", "run-it"),
    ("Several instances on PostgreSQL", "several-instances-on-postgresql"),
    ("`tracker serve`: the web pages", "tracker-serve-the-web-pages"),
    ("Données de référence et adéquation", "données-de-référence-et-adéquation"),
    ("Import, export & the calendar feed", "import-export--the-calendar-feed"),
    ("TRACKER_* settings (1/2)", "tracker_-settings-12"),
])
def test_slugs_follow_github(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor
