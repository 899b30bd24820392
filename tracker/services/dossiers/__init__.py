"""Printable dossiers: the plain data a dossier prints (`data`), the application dossier, the
panel dossier and the posting sheet (`render`), and a posting's dossiers made by a pool of
worker processes (`batch`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.dossiers.batch import (
        RECYCLE_AFTER,
        BatchItem,
        application_ids,
        run_batch,
    )
    from tracker.services.dossiers.data import (
        REVIEWED,
        application_view,
        fit_view,
        interview_view,
        posting_view,
        requirement_groups,
        timeline,
    )
    from tracker.services.dossiers.render import (
        MATRIX_COLUMNS,
        Dossier,
        Parts,
        application_dossier,
        application_parts,
        check_manager,
        panel_applications,
        panel_dossier,
        posting_applications,
        posting_sheet,
        render_application,
        render_panel,
        render_sheet,
        slug,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "batch": ("BatchItem", "application_ids", "run_batch", "RECYCLE_AFTER",),
    "data": (
        "posting_view", "interview_view", "requirement_groups", "application_view", "fit_view",
        "timeline", "REVIEWED",
    ),
    "render": (
        "Dossier", "slug", "application_dossier", "render_application", "Parts",
        "application_parts", "check_manager", "posting_sheet", "panel_dossier", "render_sheet",
        "render_panel", "panel_applications",
        "posting_applications", "MATRIX_COLUMNS",
    ),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
