"""What every importer returns: findings (value, snippet, confidence) per posting field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from enum import Enum
from typing import Any

from tracker.domain.errors import DomainError
from tracker.i18n import Text, show

# A finding at or above this confidence is shown as found; below it, as a guess to check.
SURE = 0.8

# An e-mail address and a web address in any text. Linear in the text: an address starts only
# where no address character precedes it (a run of letters is not tried at each of its
# positions), and every part is bounded as in RFC 5321 (64 before the @, labels of 63).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24}",
                   re.I)
URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)


class ImportFailed(DomainError):
    """The file cannot be read as a posting (unknown type, empty, invalid JSON...)."""


@dataclass
class Finding:
    """One value read from the source. A finding with `review` set is shown to the person
    but not used: an ambiguous or implausible value is never silently accepted."""

    field: str
    value: Any
    snippet: Text | str
    confidence: float
    review: Text | str | None = None  # why, in words each face says in its reader's language

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The finding as plain data, its snippet and reason to review in `lang`."""
        return {
            "field": self.field, "value": plain(self.value),
            "snippet": review_text(self.snippet, lang),
            "confidence": round(self.confidence, 2), "review": review_text(self.review, lang),
        }


def review_text(words: Text | str | None, lang: str) -> str | None:
    """A finding's reason to review (or its snippet, or a warning about the file) in `lang`:
    the importers word them as tracker.i18n.Text, values in as parameters."""
    return None if words is None else show(words, lang)


# Fields whose findings are lists of items (each finding one item).
LIST_FIELDS = ("requirements", "required_documents", "interviews")


@dataclass
class ParsedPosting:
    """The findings for one posting, and what the source held that has no field here."""

    findings: list[Finding] = field(default_factory=list)
    unknown: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, value: Any, snippet: Text | str, confidence: float,
            review: Text | str | None = None) -> Finding | None:
        """Record a finding; a second value for a single field is kept only if surer."""
        if value is None or value == "" or value == []:
            return None
        if not isinstance(snippet, Text):  # words of ours stay words to translate
            snippet = " ".join(str(snippet).split())[:300]
        finding = Finding(name, value, snippet, confidence, review)
        if name not in LIST_FIELDS:
            current = self.get(name)
            if current is not None:
                if current.review is None and (review is not None
                                               or current.confidence >= confidence):
                    return None
                self.findings.remove(current)
        self.findings.append(finding)
        return finding

    def replace(self, *names: str) -> None:
        """Forget the findings of `names`, for a later reading that overrides them."""
        self.findings = [f for f in self.findings if f.field not in names]

    def get(self, name: str) -> Finding | None:
        return next((f for f in self.findings if f.field == name), None)

    def value(self, name: str) -> Any:
        found = self.get(name)
        return found.value if found is not None and found.review is None else None

    def items(self, name: str) -> list[Any]:
        return [f.value for f in self.findings if f.field == name and f.review is None]

    def data(self) -> dict[str, Any]:
        """The accepted values as the input `posting add` takes (PostingInput's fields)."""
        result: dict[str, Any] = {}
        for finding in self.findings:
            if finding.review is not None:
                continue
            if finding.field in LIST_FIELDS:
                result.setdefault(finding.field, []).append(finding.value)
            else:
                result[finding.field] = finding.value
        return result

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "data": plain(self.data()),
            "findings": [f.as_dict(lang) for f in self.findings],
            "unknown": self.unknown,
        }


def plain(value: Any) -> Any:
    """JSON-ready: dates and times as ISO text, Decimals as text, enums as their value."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
