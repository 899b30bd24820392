"""Reading postings from files people already have: schema.org JSON-LD (alone or inside an
HTML page), plain text and PDF. An importer never writes: it returns what it found, each value
with the snippet it came from and a confidence, for a person to review before saving."""

from tracker.importers.base import Finding, ImportFailed, ParsedPosting

__all__ = ["Finding", "ImportFailed", "ParsedPosting"]
