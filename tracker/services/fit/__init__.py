"""How well an application meets its posting's requirements: line by line with the reason
(`scores`), language requirements against CEFR levels (`language`), and the words the fit is
shown with in English and French (`words`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.fit.language import (
        BILINGUAL_LEVEL,
        SHORT_LABEL,
        is_language,
        judge_language,
        name_of,
    )
    from tracker.services.fit.scores import (
        OVERLAP,
        PREFERRED_FACTOR,
        REQUIRED_FACTOR,
        Fit,
        FitLine,
        FitSummary,
        MissingEvidence,
        application_fit,
        fit_scores,
        fit_summaries,
        missing_evidence,
        requirement_weight,
        shows_evidence,
        unanswered,
    )
    from tracker.services.fit.words import (
        ASSESSED,
        CREDIT,
        STATUS_WORDS,
        FitStatus,
        coverage_text,
        join,
        say,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "language": ("is_language", "name_of", "judge_language", "BILINGUAL_LEVEL", "SHORT_LABEL",),
    "scores": (
        "FitLine", "Fit", "application_fit", "fit_scores", "requirement_weight", "MissingEvidence",
        "shows_evidence", "unanswered", "missing_evidence", "REQUIRED_FACTOR", "PREFERRED_FACTOR",
        "OVERLAP", "FitSummary", "fit_summaries",
    ),
    "words": ("FitStatus", "say", "join", "CREDIT", "STATUS_WORDS", "ASSESSED", "coverage_text",),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
