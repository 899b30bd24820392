"""The recruitment workflow: postings (what they are made of, `posting_input`; their life,
`postings`; looking one up, `lookup`), applications and their history, interviews (the rules of
a slot in `interview_rules`), the evidence candidates show and reviewers rate, uploaded
documents, and the search of open postings; moves of several applications at once (`bulk`) and
what is new for hr since their last visit (`news`).

Dependencies run one way: postings -> interviews -> applications -> lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.hiring.applications import (
        CANDIDATE_MOVES,
        SORTS,
        all_applications,
        candidate_for,
        check_changeable,
        employer_records,
        final_state,
        get_application,
        list_applications,
        missing_documents,
        move,
        open_to,
        record_received,
        required_missing,
        satisfied_kinds,
        start,
        start_for,
    )
    from tracker.services.hiring.bulk import (
        BulkMessage,
        BulkOutcome,
        bulk_move,
        preview_bulk,
    )
    from tracker.services.hiring.documents import (
        MAX_FILENAME,
        MEDIA_TYPE,
        add_document,
        check_upload,
        clean_filename,
        document_content,
        get_document,
        list_documents,
        remove_document,
        uploaded_filename,
    )
    from tracker.services.hiring.evidence import (
        add_note,
        get_requirement,
        give_evidence,
        rate_evidence,
        set_cover_letter,
    )
    from tracker.services.hiring.interviews import (
        Panelist,
        cancel,
        get_interview,
        is_past,
        list_interviews,
        move_comment,
        reschedule,
        schedule,
        schedule_problems,
        scheduled_on,
    )
    from tracker.services.hiring.lookup import (
        get_posting,
    )
    from tracker.services.hiring.news import (
        News,
        board_news,
        dashboard_news,
        news_since,
        posting_scope,
        visit,
    )
    from tracker.services.hiring.posting_input import (
        DOC_DATE,
        InterviewInput,
        PostingInput,
        RequiredDocumentInput,
        RequirementInput,
        opt_text,
        text,
    )
    from tracker.services.hiring.postings import (
        PostingRow,
        create_posting,
        input_of,
        list_postings,
        set_status,
        update_posting,
    )
    from tracker.services.hiring.search import (
        Filters,
        filter_choices,
        public_posting,
        search_postings,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "applications": (
        "get_application", "candidate_for", "employer_records", "start_for", "record_received",
        "open_to", "start", "move", "check_changeable", "final_state", "missing_documents",
        "required_missing", "satisfied_kinds", "list_applications", "all_applications", "CANDIDATE_MOVES", "SORTS",
    ),
    "bulk": ("BulkMessage", "BulkOutcome", "bulk_move", "preview_bulk"),
    "news": ("News", "visit", "news_since", "dashboard_news", "board_news", "posting_scope"),
    "documents": (
        "clean_filename", "uploaded_filename", "check_upload", "add_document", "get_document",
        "list_documents", "document_content", "remove_document", "MEDIA_TYPE", "MAX_FILENAME",
    ),
    "evidence": (
        "get_requirement", "give_evidence", "rate_evidence", "add_note", "set_cover_letter",
    ),
    "interviews": (
        "Panelist", "schedule", "schedule_problems", "reschedule", "cancel", "get_interview",
        "list_interviews", "move_comment", "scheduled_on", "is_past",
    ),
    "lookup": ("get_posting",),
    "posting_input": (
        "text", "opt_text", "RequirementInput", "RequiredDocumentInput", "InterviewInput",
        "PostingInput", "DOC_DATE",
    ),
    "postings": (
        "create_posting", "input_of", "update_posting", "set_status", "PostingRow",
        "list_postings",
    ),
    "search": ("Filters", "search_postings", "filter_choices", "public_posting",),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
