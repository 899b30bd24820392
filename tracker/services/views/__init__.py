"""Read models for the faces: records as plain data (`records`), the hr dashboard and a
candidate's applications (`overview`), a posting's applicants (`applicants`), a posting's
pipeline board (`board`). Nothing here writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.views.applicants import SORTS, posting_applicants
    from tracker.services.views.board import (
        COLUMNS,
        BoardFilters,
        allowed_moves,
        posting_board,
    )
    from tracker.services.views.overview import (
        DASHBOARD_POSTINGS,
        STATUS_ORDER,
        UPCOMING_DAYS,
        Dashboard,
        Detail,
        application_detail,
        application_interviews,
        candidate_applications,
        hr_dashboard,
        missing_items,
        own_application_to,
        own_postings,
        schedulable_applicants,
    )
    from tracker.services.views.records import (
        application_record,
        application_record_for,
        deadline_record,
        document_record,
        interview_record,
        local_instant,
        posting_record,
        posting_record_for,
        posting_summary,
        requirement_record,
        user_record,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "applicants": ("SORTS", "posting_applicants"),
    "board": ("COLUMNS", "BoardFilters", "allowed_moves", "posting_board"),
    "overview": (
        "Dashboard", "hr_dashboard", "schedulable_applicants",
        "application_interviews", "missing_items", "candidate_applications", "Detail",
        "application_detail", "own_application_to", "own_postings", "UPCOMING_DAYS",
        "DASHBOARD_POSTINGS", "STATUS_ORDER",
    ),
    "records": (
        "local_instant", "document_record", "interview_record", "deadline_record",
        "posting_summary", "requirement_record", "posting_record", "posting_record_for",
        "application_record", "application_record_for", "user_record",
    ),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
