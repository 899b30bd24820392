"""A person's data as a zip archive: one's own (/me/export), or, for an employer's staff, one
candidate's as their organisation holds it (/candidates/{id}/export)."""

from __future__ import annotations

from flask import Response as FlaskResponse
from spectree import Response

from tracker.api.core import BINARY_ANSWERS, bp, call, operation
from tracker.api.schemas import ErrorBody
from tracker.services.privacy import export

ZIP = ("A zip archive (application/zip): data.json (everything held about the person), "
       "documents/ (their uploads, byte for byte), dossiers/ (each application's dossier as "
       "PDF) and README.txt (what each file is, in the person's language).")


BINARY_ANSWERS.update({"export_me": "application/zip", "export_candidate": "application/zip"})


def _zip_responses(*errors: int) -> Response:
    codes: dict[str, object] = {"HTTP_200": (None, ZIP)}
    for code in (400, 401, 422, *errors):
        codes[f"HTTP_{code}"] = ErrorBody
    return Response(**codes)


def _download(made: export.Export) -> FlaskResponse:
    response = FlaskResponse(made.content, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/me/export")
@operation(resp=_zip_responses(), tags=["me"])
def export_me() -> FlaskResponse:
    """Everything the tracker holds about the token's user, as one zip archive."""
    with call() as c:
        made = export.export_person(c.session, c.actor, actor=c.actor, settings=c.settings,
                                    now=c.now())
    return _download(made)


@bp.get("/candidates/<int(min=1, max=2147483647):candidate_id>/export")
@operation(resp=_zip_responses(403, 404), tags=["me"])
def export_candidate(candidate_id: int) -> FlaskResponse:
    """One candidate's data as a zip archive: for hr staff, what their organisation holds (the
    candidate's applications to its postings, with its notes and ratings), and 404 for anyone
    who never applied to it; for admins, everything; a candidate may name only themselves."""
    with call() as c:
        made = export.export_named(c.session, candidate_id=candidate_id, actor=c.actor,
                                   settings=c.settings, now=c.now())
    return _download(made)
