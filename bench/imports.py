"""How fast is an import? Median milliseconds per text import and per JSON-LD import over the
real postings of tests/importers/postings (and the Jean Monnet sample), against the targets
(under 50 ms and under 2 ms). Nothing is written; the database is not used.

    .venv/bin/python bench/imports.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time as clock
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import fixtures  # noqa: E402
from tracker.config import get_settings  # noqa: E402
from tracker.domain.timeutil import deadline_instant  # noqa: E402
from tracker.exporters.jsonld import posting_jsonld  # noqa: E402
from tracker.importers.dates import fold  # noqa: E402
from tracker.models import Posting, Requirement  # noqa: E402
from tracker.services.hiring.posting_input import PostingInput  # noqa: E402
from tracker.services.imports import analyse  # noqa: E402

TEXT_TARGET_MS, JSONLD_TARGET_MS = 50.0, 2.0


def as_jsonld(name: str, text: str) -> bytes:
    """The posting a text import finds, as the JSON-LD the tracker would export for it."""
    data = analyse(f"{name}.txt", text.encode(), default_zone=get_settings().timezone).postings[0].data()
    data.setdefault("title", name)
    # what a person completes in the review when the text does not say it (a posting with no
    # contract word has none since #15's ninth round)
    data.setdefault("employment_type", "other")
    parsed = PostingInput.model_validate({k: v for k, v in data.items() if k != "interviews"})
    zone = parsed.timezone or "Europe/Paris"
    posting = Posting(
        reference=parsed.reference or name[:60], title=parsed.title, timezone=zone,
        hiring_organization_name=parsed.hiring_organization_name or "Employer",
        created_at=datetime(2024, 1, 1, tzinfo=UTC),
        **{k: getattr(parsed, k) for k in (
            "location", "category", "employment_type", "duration_months",
            "working_time_percent", "job_start_date", "date_posted", "valid_through_date",
            "valid_through_time", "apply_method", "apply_email", "apply_url", "salary_min",
            "salary_max", "salary_currency", "salary_period", "context", "missions")},
    )
    if parsed.valid_through_date:
        posting.valid_through = deadline_instant(parsed.valid_through_date,
                                                 parsed.valid_through_time, zone, "deadline")
    posting.requirements = [Requirement(kind=r.kind, label=r.label, level=r.level,
                                        is_required=r.required) for r in parsed.requirements]
    return json.dumps(posting_jsonld(posting), ensure_ascii=False).encode()


def cold(function, *args):  # noqa: ANN001, ANN002, ANN201
    """Each run as a first sight of its text: the per-line cache of folded lines emptied."""
    fold.cache_clear()
    return function(*args)


def median_ms(function, repeat: int) -> float:  # noqa: ANN001
    function()  # warm-up (caches of compiled patterns and month names)
    times = []
    for _ in range(repeat):
        start = clock.perf_counter()
        function()
        times.append((clock.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    rows = []
    for fixture in fixtures():
        text = fixture.text.encode()
        document = as_jsonld(fixture.name, fixture.text)
        rows.append((
            fixture.name, len(text),
            median_ms(lambda t=text, n=fixture.name: cold(
                lambda: analyse(f"{n}.txt", t, default_zone=get_settings().timezone)), args.repeat),
            median_ms(lambda d=document, n=fixture.name: analyse(f"{n}.jsonld", d, default_zone=get_settings().timezone), args.repeat),
        ))
    print(f"{'posting':52} {'bytes':>6} {'text ms':>8} {'JSON-LD ms':>10}")
    for name, size, text_ms, jsonld_ms in rows:
        print(f"{name:52} {size:6d} {text_ms:8.2f} {jsonld_ms:10.3f}")
    text_median = statistics.median(r[2] for r in rows)
    jsonld_median = statistics.median(r[3] for r in rows)
    print(f"\nmedian per text import:    {text_median:7.2f} ms (target < {TEXT_TARGET_MS:g} ms, "
          f"{TEXT_TARGET_MS / text_median:.1f}x under)")
    print(f"median per JSON-LD import: {jsonld_median:7.3f} ms (target < {JSONLD_TARGET_MS:g} ms,"
          f" {JSONLD_TARGET_MS / jsonld_median:.1f}x under)")
    print(f"slowest text import:       {max(r[2] for r in rows):7.2f} ms "
          f"({max(rows, key=lambda r: r[2])[0]})")


if __name__ == "__main__":
    main()
