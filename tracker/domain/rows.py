"""Plain rows the core hands to the outputs (CSV export, listings): data only, no ORM object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tracker.models import ApplicationStatus


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    posting_reference: str
    posting_title: str
    timezone: str
    candidate_name: str
    candidate_email: str
    status: ApplicationStatus
    submitted_at: datetime | None
    is_late: bool
    updated_at: datetime
    fit: float | None = None  # the fit score (0-100), when sorted by fit
    fit_assessed: int | None = None  # requirements the score is over (its coverage)
    fit_requirements: int | None = None  # every requirement of the posting
