"""A PDF's text read by its layout, in the bounded child of tracker.pdfcheck only (pdfplumber is
imported there, never in a parent process).

A text extractor that prints a page line by line gives one item per wrapped line, the running
header and footer of every page, two columns interleaved and tables cell by cell. Here:

- words are grouped into lines by their baseline, and a line into segments where a gap wider
  than about 1.5 em separates its words;
- running headers and footers (a segment in the top or bottom band of the page that comes back
  on at least half the pages, digits aside) and page numbers ("page 3 / 3", "3/3", "- 3 -") are
  dropped;
- a page whose lines split at one common position is read as two columns (left, then right,
  between the lines that cross it) when both sides are wide, else as a two-cell table
  (label: value, a value wrapped on the next line kept with its label);
- ruled tables (pdfplumber's table finder) are read row by row, cells joined by " | ";
- lines wrapped inside a paragraph or a list item are joined: a line is continued by the next
  when the next line's first word would not have fitted at its end (a word cut by a hyphen: the
  whole word), with the same font size and weight and line spacing, and no bullet in front;
  blocks further apart are separated by a blank line;
- a word cut at the end of a line is rejoined: without its hyphen when the hyphen is one a
  hyphenation inserted (U+2010 or a soft hyphen) or when the document writes the word whole
  elsewhere, with it otherwise ("Saint-" "Étienne", "full-" "time");
- ligatures (ﬁ, ﬂ...) are read as their letters, soft hyphens inside words dropped, and the
  bullets of symbol fonts (private-use glyphs) read as "•";
- white text is hidden text unless it stands on a coloured fill (a logo band's white title).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

BAND = 0.09  # the top and bottom part of a page where running headers and footers sit
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:/|sur|of|de|on)\s*\d{1,4})?$",
    re.I)
_BULLETS = "•▪◦●○■□✓✔➢►▸–—-*·"
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
SOFT_HYPHEN, HYPHEN = "\u00ad", "\u2010"
_CUT = "\x01"  # a word cut at a hyphen-minus at the end of a line, decided once all is read
_PRIVATE_BULLET = re.compile(r"^[\ue000-\uf8ff](?=\s|$)")


def _letters(text: str) -> str:
    """A word as its letters: ligatures spelt out, soft hyphens inside it dropped (one at its
    end is kept: it says the word goes on on the next line), control characters removed."""
    text = "".join(_LIGATURES.get(c, c) for c in text if c >= " " or c == "\t")
    end = text.endswith(SOFT_HYPHEN)
    text = text.replace(SOFT_HYPHEN, "")
    return text + SOFT_HYPHEN if end and text else text


@dataclass
class Segment:
    """Words of one line that are close together (a cell, a column's part of the line)."""

    words: list[dict[str, Any]]

    @property
    def x0(self) -> float:
        return float(self.words[0]["x0"])

    @property
    def x1(self) -> float:
        return float(self.words[-1]["x1"])

    @property
    def text(self) -> str:
        return " ".join(str(word["text"]) for word in self.words)


@dataclass
class Line:
    top: float
    bottom: float
    size: float
    segments: list[Segment] = field(default_factory=list)
    text_override: str | None = None  # a table row, already written

    @property
    def x0(self) -> float:
        return min(segment.x0 for segment in self.segments) if self.segments else 0.0

    @property
    def x1(self) -> float:
        return max(segment.x1 for segment in self.segments) if self.segments else 0.0

    @property
    def text(self) -> str:
        if self.text_override is not None:
            return self.text_override
        return " ".join(segment.text for segment in self.segments)

    def first_word_width(self) -> float:
        words = self.segments[0].words if self.segments else []
        if not words:
            return 0.0
        first = words[0]
        if str(first["text"]) in _BULLETS and len(words) > 1:
            first = words[1]
        return float(first["x1"]) - float(first["x0"])


def read_pdf_text(data: bytes, pages: int) -> str:
    """The text of the first `pages` pages of `data`, read by its layout (see the module)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        read: list[tuple[float, float, list[Line]]] = []
        drawn = 0  # letters pdfplumber decodes, hidden ones included (PDFium reads those too)
        for page in pdf.pages[:pages]:
            drawn += sum(1 for char in page.chars if str(char["text"]).isalnum())
            read.append((float(page.width), float(page.height), _page_lines(page)))
    _drop_running_lines(read)
    blocks = [_page_text(lines, width, height) for width, height, lines in read]
    text = _resolve_cuts("\n\n".join(block for block in blocks if block.strip()))
    return _plain_if_lost(data, pages, drawn, _UNDECODED.search(text) is not None) or text


# C1 controls: never text, what pdfplumber gives for a glyph whose font it could not decode
_UNDECODED = re.compile("[\x80-\x9f]")


def _letters_in(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _plain_if_lost(data: bytes, pages: int, found: int, undecoded: bool) -> str | None:
    """The text line by line (PDFium, through pypdfium2) when pdfplumber could not decode a
    font (WeasyPrint writes one beside an emoji): it read some of its glyphs as control
    characters, or it decoded far fewer letters, hidden ones included, than PDFium, which
    decodes such fonts as a viewer does. Hidden text cannot tip it: both count it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        read = []
        for number in range(min(pages, len(document))):
            page = document[number]
            textpage = page.get_textpage()
            read.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    plain = "\n".join(read).replace("\r\n", "\n")
    plain = "".join(c for c in plain if (c >= " " or c in "\n\t") and not _UNDECODED.match(c))
    letters = _letters_in(plain)
    lost = letters > 2 * found + 20 or (undecoded and 10 * letters >= 9 * found)
    return _hyphenation_joined(plain) if lost else None


def _resolve_cuts(text: str) -> str:
    """Words cut at a hyphen-minus at the end of a line ("recrute-" "ment", "full-" "time"):
    whole when the document writes them whole elsewhere and never with the hyphen, else with
    the hyphen; then any hyphenation mark left (a soft hyphen, U+2010) as the reader sees it."""
    cut = re.compile(rf"([^\W\d_]+)-{_CUT}([^\W\d_]+)")
    plain = cut.sub(" ", text)
    words = Counter(w.casefold() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", plain))

    def join(match: re.Match[str]) -> str:
        head, tail = match[1], match[2]
        whole = words[(head + tail).casefold()] and not words[f"{head}-{tail}".casefold()]
        return head + tail if whole else f"{head}-{tail}"

    return _hyphenation_joined(cut.sub(join, text).replace(_CUT, ""))


def _hyphenation_joined(text: str) -> str:
    """A hyphenation mark (U+2010, a soft hyphen) ending a line that no paragraph's join took
    (a line-by-line reading): the word is one, its two parts rejoined ('... par courriel à em‐'
    over 'ploi@x.be'); any mark left as the reader sees it."""
    text = re.sub(rf"(?<=[^\W\d_])[{HYPHEN}{SOFT_HYPHEN}]\n(?=[^\W\d_])", "", text)
    return text.replace(SOFT_HYPHEN, "").replace(HYPHEN, "-")


# -- words into lines and segments -----------------------------------------------------------


def _page_lines(page: Any) -> list[Line]:
    width, height = float(page.width), float(page.height)
    # What a reader sees: text on the page, not white, not smaller than 3 pt (hidden text).
    page = page.within_bbox((0, 0, width, height), strict=False)
    fills = sorted((rect for rect in page.rects if rect.get("fill") and not _white(
        rect.get("non_stroking_color"))), key=_area, reverse=True)[:MAX_FILLS]
    page = page.filter(lambda obj: _visible(obj, fills))
    tables = _tables(page)
    words = []
    for word in page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False):
        word["text"] = _PRIVATE_BULLET.sub("•", _letters(str(word["text"])))
        if word["text"].strip() and not any(_inside(word, bbox) for bbox, _rows in tables):
            words.append(word)
    lines = _lines(words)
    for bbox, rows in tables:
        for offset, row in enumerate(rows):
            top = float(bbox[1]) + offset * 0.01
            lines.append(Line(top, top, 0.0, [], text_override=row))
    lines.sort(key=lambda line: line.top)
    return lines


MAX_FILLS = 50  # the largest coloured fills a white text may stand on (bounds the cost)


def _area(rect: dict[str, Any]) -> float:
    return (float(rect["x1"]) - float(rect["x0"])) * (float(rect["bottom"]) - float(rect["top"]))


def _white(colour: Any) -> bool:
    return isinstance(colour, tuple | list) and len(colour) in (1, 3) and all(
        isinstance(v, int | float) and v >= 0.98 for v in colour)


def _visible(obj: dict[str, Any], fills: list[dict[str, Any]]) -> bool:
    """A character a reader sees: 3 pt at least, and not white unless it stands on a coloured
    fill (a banner's title)."""
    if obj.get("object_type") != "char":
        return True
    if float(obj.get("size") or 0) < 3:
        return False
    return not _white(obj.get("non_stroking_color")) or any(  # white: only on a fill
        _inside(obj, (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])))
        for r in fills)


def _tables(page: Any) -> list[tuple[tuple[float, ...], list[str]]]:
    """Ruled tables: their box and their rows as text (cells joined by ' | ', or 'label: value'
    for two cells)."""
    found = []
    for table in page.find_tables():
        rows = []
        for row in table.extract():
            cells = [_cell_text(str(cell)) for cell in row if cell and str(cell).strip()]
            if not cells:
                continue
            if len(cells) == 2 and not cells[0].endswith(":"):
                rows.append(f"{cells[0]} : {cells[1]}")
            else:
                rows.append(" | ".join(cells))
        if rows:
            found.append((tuple(float(v) for v in table.bbox), rows))
    return found


def _cell_text(cell: str) -> str:
    text = ""
    for line in cell.split("\n"):
        line = " ".join(line.split())
        if line:
            text = _glue(text, line) if text else line
    return text


def _inside(word: dict[str, Any], bbox: tuple[float, ...]) -> bool:
    middle_x = (float(word["x0"]) + float(word["x1"])) / 2
    middle_y = (float(word["top"]) + float(word["bottom"])) / 2
    return bbox[0] <= middle_x <= bbox[2] and bbox[1] <= middle_y <= bbox[3]


def _lines(words: list[dict[str, Any]]) -> list[Line]:
    """Words grouped by baseline (within a third of their height), each line cut into
    segments at gaps wider than 1.5 em (a bullet stays with its text)."""
    ordered = sorted(words, key=lambda w: (float(w["bottom"]), float(w["x0"])))
    rows: list[list[dict[str, Any]]] = []
    for word in ordered:
        height = float(word["bottom"]) - float(word["top"])
        if rows and abs(float(rows[-1][-1]["bottom"]) - float(word["bottom"])) <= height / 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
        sizes = Counter(round(float(w["size"]), 1) for w in row)
        size = sizes.most_common(1)[0][0]
        segments: list[Segment] = []
        for word in row:
            if segments:
                previous = segments[-1]
                gap = float(word["x0"]) - previous.x1
                bullet_only = len(previous.words) == 1 and previous.text in _BULLETS
                if gap <= 1.5 * max(size, 1.0) or bullet_only:
                    previous.words.append(word)
                    continue
            segments.append(Segment([word]))
        lines.append(Line(min(float(w["top"]) for w in row),
                          max(float(w["bottom"]) for w in row), size, segments))
    return lines


# -- running headers, footers and page numbers -----------------------------------------------


def _normal(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _running_key(segment: Segment, line: Line, height: float) -> tuple[str, bool, int]:
    """A segment of a band as its text (digits aside), its band and its distance from the
    page's edge (to 4 pt): a running header comes back at one place on every page, while a
    first page's own title that repeats it stands lower."""
    top = line.bottom <= height * BAND
    edge = line.top if top else height - line.bottom
    return _normal(segment.text), top, round(edge / 4)


def _drop_running_lines(pages: list[tuple[float, float, list[Line]]]) -> None:
    """Remove from the top and bottom bands of every page the segments that come back at the
    same place on at least half the pages (two at least), and page numbers anywhere in those
    bands."""
    seen: Counter[tuple[str, bool, int]] = Counter()
    for _width, height, lines in pages:
        keys = {_running_key(segment, line, height) for line in lines
                if _in_band(line, height) for segment in line.segments}
        seen.update(keys)
    needed = max(2, (len(pages) + 1) // 2)
    for _width, height, lines in pages:
        for line in list(lines):
            if not _in_band(line, height) or line.text_override is not None:
                continue
            line.segments = [
                segment for segment in line.segments
                if not (len(pages) > 1
                        and seen[_running_key(segment, line, height)] >= needed)
                and not _PAGE_NUMBER.match(segment.text.strip())]
            if not line.segments:
                lines.remove(line)


def _in_band(line: Line, height: float) -> bool:
    return line.bottom <= height * BAND or line.top >= height * (1 - BAND)


# -- columns, two-cell tables and paragraphs -------------------------------------------------


def _page_text(lines: list[Line], width: float, height: float) -> str:
    """A page's lines as text: runs of two-column or two-cell lines read as such, the other
    lines as one flow of paragraphs."""
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return ""
    # The page's text area: as wide as its widest line, or its margins taken as even; a
    # footer or header left in the bands (a one-page document's) may stand wider.
    body = [line for line in lines if not _in_band(line, height)] or lines
    right = max(max(line.x1 for line in body), width - min(line.x0 for line in body))
    gutter = _gutter(lines)
    if gutter is None:
        return _flow(lines, right)
    position, columns = gutter
    parts: list[str] = []
    flow: list[Line] = []
    index = 0
    while index < len(lines):
        # the last line of a paragraph set across the page, above the columns, stays with it
        ends_flow = columns and bool(flow) and _side(flow[-1], position) == "across" and \
            _continues(flow[-1], lines[index], right, flow[-1].x0)
        end = index if ends_flow else _run_end(lines, index, position, columns)
        if end > index:
            parts += [_flow(flow, right), _split_run(lines[index:end], position, columns,
                                                     right)]
            flow = []
            index = end
        else:
            flow.append(lines[index])
            index += 1
    parts.append(_flow(flow, right))
    return _join_parts(parts)


def _side(line: Line, position: float) -> str:
    """'split' (words on both sides of `position`, none across), 'left', 'right', 'across'
    or 'table' (a ruled table's row)."""
    if line.text_override is not None and not line.segments:
        return "table"
    if _crosses(line, position):
        return "across"
    left = any(s.x1 <= position for s in line.segments)
    right = any(s.x0 >= position for s in line.segments)
    return "split" if left and right else "left" if left else "right"


def _run_end(lines: list[Line], start: int, position: float, columns: bool) -> int:
    """Where the run of column (or two-cell) lines that starts at `start` ends; `start` itself
    when no such run starts there. Columns: lines that do not cross the gutter, two of them
    split at least. Two-cell rows: a split line, and the lines that continue its value."""
    if columns:  # lines that do not cross, two at least on each side
        end, left, right = start, 0, 0
        while end < len(lines) and _side(lines[end], position) not in ("across",):
            left += _side(lines[end], position) in ("split", "left")
            right += _side(lines[end], position) in ("split", "right")
            end += 1
        return end if min(left, right) >= 2 else start
    end, split = start, 0
    while end < len(lines):
        side = _side(lines[end], position)
        row = side == "split" or (side == "left" and _beside_value(lines, end, position))
        if not (row or side == "right" or (split and _wraps_label(lines, start, end,
                                                                  position))):
            break
        split += row
        end += 1
    return end if split else start


def _beside_value(lines: list[Line], index: int, position: float) -> bool:
    """The label of a row whose value stands a little lower (a value centred beside a label of
    several lines): the first line on the right side after it, the label's lines set tight
    between them, overlaps them."""
    bottom = lines[index].bottom
    for line in lines[index + 1:]:
        side = _side(line, position)
        if side == "right":
            return line.top < bottom
        if side != "left" or line.top - bottom >= 0.4 * (line.bottom - line.top):
            return False
        bottom = line.bottom
    return False


def _wraps_label(lines: list[Line], start: int, index: int, position: float) -> bool:
    """Line `index` goes on with the label of a two-cell row: on the left side only, set tight
    under the run's last line that has a label."""
    line = lines[index]
    if _side(line, position) != "left":
        return False
    above = next((lines[i] for i in range(index - 1, start - 1, -1)
                  if _side(lines[i], position) in ("split", "left")), None)
    return above is not None and line.top - above.bottom < 0.4 * (line.bottom - line.top)


def _join_parts(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part.strip())


def _crosses(line: Line, position: float) -> bool:
    return any(s.x0 < position - 1 and s.x1 > position + 1 for s in line.segments)


def _gutter(lines: list[Line]) -> tuple[float, bool] | None:
    """The position where the page's lines part with nothing across, and whether both sides
    are wide (columns) or the left one is narrow (a two-cell table); None if there is none.

    A two-cell table splits at least three lines at one place. Columns need not: their
    baselines may not meet (a heading or a paragraph's spacing in one column shifts the
    other), so three lines starting at one place right of the text's left quarter, with three
    lines wholly left of it and none crossing it among them, make columns too."""
    text_left = min(line.x0 for line in lines)
    text_right = max(line.x1 for line in lines)
    span = max(text_right - text_left, 1.0)
    starts: Counter[int] = Counter()
    for line in lines:
        for index, segment in enumerate(line.segments):
            if index or segment.x0 > text_left + 0.25 * span:
                starts[round(segment.x0 / 3)] += 1
    best: tuple[int, float, bool] | None = None
    for bucket, _count in starts.most_common(6):
        position = bucket * 3 - 1.5
        found = _parted(lines, position, text_left, text_right, span)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], position, found[1])
    return None if best is None else (best[1], best[2])


def _parted(lines: list[Line], position: float, text_left: float, text_right: float,
            span: float) -> tuple[int, bool] | None:
    """How many lines `position` parts and whether as columns, or None if it does not."""
    whole = [line for line in lines if line.text_override is None and line.segments
             and not _crosses(line, position)]
    split = [line for line in whole if any(s.x1 <= position for s in line.segments)
             and any(s.x0 >= position for s in line.segments)]
    starting = sum(1 for line in whole for s in line.segments if abs(s.x0 - position) <= 3)
    # Measured on the split lines when there are three (lines above or below the parted run,
    # short enough not to cross, would make columns look like a narrow table), else on all.
    measured = split if len(split) >= 3 else whole
    lefts = [max(s.x1 for s in line.segments if s.x1 <= position) - text_left
             for line in measured if any(s.x1 <= position for s in line.segments)]
    rights = [text_right - min(s.x0 for s in line.segments if s.x0 >= position)
              for line in measured if any(s.x0 >= position for s in line.segments)]
    if not lefts or not rights:
        return None
    # Columns: a quarter of the lines at least are wide on each side (headings and a
    # paragraph's last line are short); a label column is narrow all along.
    columns = (sorted(lefts)[3 * len(lefts) // 4] >= 0.3 * span
               and sorted(rights)[3 * len(rights) // 4] >= 0.3 * span) or _even(
        whole, position, text_left, text_right, span)
    if len(split) >= 3:
        return len(split), columns
    if columns and starting >= 3 and len(lefts) >= 3 and len(rights) >= 3:
        return min(len(lefts), len(rights)), True
    return None


def _even(whole: list[Line], position: float, text_left: float, text_right: float,
          span: float) -> bool:
    """Two columns of one width, though the lines split side by side are short on the left
    (a header's short lines in the first column beside a paragraph in the second): the
    widest line of each side fills as much of its side as the other's does. A label column is
    narrower than its values'."""
    left = max((max(s.x1 for s in line.segments if s.x1 <= position) - text_left
                for line in whole if any(s.x1 <= position for s in line.segments)), default=0.0)
    right = max((text_right - min(s.x0 for s in line.segments if s.x0 >= position)
                 for line in whole if any(s.x0 >= position for s in line.segments)),
                default=0.0)
    return min(left, right) >= 0.35 * span and min(left, right) >= 0.9 * max(left, right)


def _part(segments: list[Segment]) -> Line:
    """One column's part of a line, measured on its own words (the other column's line on the
    same baseline may be a heading, larger and taller)."""
    words = [word for segment in segments for word in segment.words]
    size = Counter(round(float(w["size"]), 1) for w in words).most_common(1)[0][0]
    return Line(min(float(w["top"]) for w in words), max(float(w["bottom"]) for w in words),
                size, segments)


def _split_run(run: list[Line], position: float, columns: bool, right: float) -> str:
    if columns:
        left: list[Line] = []
        right_lines: list[Line] = []
        for line in run:
            if line.text_override is not None:  # a ruled table, kept where it starts
                (left if line.x0 < position else right_lines).append(line)
                continue
            left_part = [s for s in line.segments if s.x1 <= position]
            right_part = [s for s in line.segments if s.x0 >= position]
            if left_part:
                left.append(_part(left_part))
            if right_part:
                right_lines.append(_part(right_part))
        left_edge = max((line.x1 for line in left), default=position)
        return _join_parts([_flow(left, left_edge), _flow(right_lines, right)])
    return _flow(_two_cell_rows(run, position), right)


def _cells(parts: list[Line]) -> list[Line]:
    """Lines of one side of a two-cell table grouped into cells: a line closer than 0.4 of its
    height to the one above continues its cell."""
    cells: list[Line] = []
    for part in parts:
        last = cells[-1] if cells else None
        if last is not None and part.top - last.bottom < 0.4 * (part.bottom - part.top):
            last.text_override = _glue(last.text, part.text)  # a word cut in the cell rejoined
            last.segments = last.segments + part.segments
            last.bottom = part.bottom
        else:
            cells.append(Line(part.top, part.bottom, part.size, list(part.segments)))
    return cells


def _two_cell_rows(run: list[Line], position: float) -> list[Line]:
    """'label : value' rows; a value is paired with the label its lines overlap (a label may
    be centred beside a value of several lines)."""
    labels = _cells([Line(line.top, line.bottom, line.size,
                          [s for s in line.segments if s.x1 <= position])
                     for line in run if any(s.x1 <= position for s in line.segments)])
    values = _cells([Line(line.top, line.bottom, line.size,
                          [s for s in line.segments if s.x0 >= position])
                     for line in run if any(s.x0 >= position for s in line.segments)])
    paired: dict[int, list[Line]] = {}
    alone: list[Line] = []
    for value in values:
        overlaps = [(min(value.bottom, label.bottom) - max(value.top, label.top), index)
                    for index, label in enumerate(labels)]
        best = max(overlaps, default=(0.0, -1))
        if best[0] > 0:
            paired.setdefault(best[1], []).append(value)
        else:
            alone.append(value)
    rows = list(alone)
    for index, label in enumerate(labels):
        name = label.text.rstrip()
        said = " ".join(value.text for value in paired.get(index, []))
        if not said:
            rows.append(label)
            continue
        text = f"{name} {said}" if name.endswith(":") else f"{name} : {said}"
        top = min([label.top] + [value.top for value in paired[index]])
        bottom = max([label.bottom] + [value.bottom for value in paired[index]])
        rows.append(Line(top, bottom, label.size, label.segments, text_override=text))
    rows.sort(key=lambda line: line.top)
    return rows


def _starts_with_bullet(text: str) -> bool:
    return bool(re.match(rf"^[{re.escape(_BULLETS)}](?:\s|$)|^\d{{1,2}}[.)]\s", text))


def _flow(lines: list[Line], right: float) -> str:
    """Lines of one column (whose text ends at `right`) as paragraphs: wrapped lines joined,
    one paragraph or item a line, a blank line where the spacing opens up."""
    if not lines:
        return ""
    heights = sorted(line.bottom - line.top for line in lines if line.segments)
    usual = heights[len(heights) // 2] if heights else 10.0
    out: list[str] = []
    current: Line | None = None
    current_text = ""
    current_left = 0.0
    for line in lines:
        text = line.text.strip()
        if current is not None and line.text_override is None and \
                current.text_override is None and _continues(current, line, right,
                                                              current_left):
            current_text = _glue(current_text, text)
            current = line
            continue
        if current is not None:
            out.append(current_text)
            if line.top - current.bottom > 0.6 * usual:
                out.append("")
        current, current_text = line, text
        current_left = line.x0
        if line.segments and _starts_with_bullet(text) and len(line.segments[0].words) > 1:
            current_left = float(line.segments[0].words[1]["x0"])
    if current is not None:
        out.append(current_text)
    return "\n".join(out).strip("\n")


# A line that opens with a label ("Pays : Madagascar", "REPORTS TO: Director"): a capital,
# at most four words, a colon and a space.
_LABEL_START = re.compile(r"^[^\W\d_][^\s:]*(?:\s+[^\s:]+){0,3}\s?:(?:\s|$)")


def _continues(previous: Line, line: Line, right: float, left: float) -> bool:
    if not line.segments or not previous.segments or _starts_with_bullet(line.text.strip()):
        return False
    text = line.text.strip()
    if text[:1].isupper() and _LABEL_START.match(text) and not re.search(
            rf"[,;(/\-{HYPHEN}{SOFT_HYPHEN}]$", previous.text):
        return False  # a label line of its own, below a line that happened to end full
    if abs(previous.size - line.size) > 0.6 or line.x0 < left - 2:
        return False
    height = previous.bottom - previous.top
    if line.top - previous.bottom > 0.6 * height:
        return False
    if _bold(previous) != _bold(line):  # a heading and the paragraph under it
        return False
    last = previous.segments[-1].words[-1]
    if _cut_word(previous):  # would the whole word have fitted where its head stands?
        whole = float(last["x1"]) - float(last["x0"]) + line.first_word_width()
        return float(last["x0"]) + whole > right - 1
    space = 0.3 * previous.size
    return previous.x1 + space + line.first_word_width() > right - 1


def _glue(text: str, more: str) -> str:
    """A line and the next one of its paragraph: a word a hyphenation cut (U+2010, a soft
    hyphen) rejoined without its mark; one cut at a hyphen-minus marked, for _resolve_cuts to
    decide ("recrute-" "ment" or "Saint-" "Étienne"); else a space."""
    if more[:1].isalpha() and re.search(rf"[^\W\d_][{HYPHEN}{SOFT_HYPHEN}]$", text):
        return text[:-1] + more
    if more[:1].isalpha() and re.search(r"[^\W_]-$", text):  # "CLIMA-B2-" "RECRUITMENT@"
        return text + _CUT + more
    return f"{text} {more}"


def _cut_word(line: Line) -> bool:
    """The line ends with a word cut by a hyphen (of any kind) after a letter."""
    return bool(re.search(rf"[^\W\d_][-{HYPHEN}{SOFT_HYPHEN}]$", line.text))


def _bold(line: Line) -> bool:
    """Every word of the line is in a bold face (a heading; a bold word inside a paragraph
    does not make it one)."""
    return all(re.search(r"bold|black|heavy|semibold|demi", str(word.get("fontname", "")), re.I)
               for segment in line.segments for word in segment.words)
