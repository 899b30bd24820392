"""The JSON API under /api/v1: personal bearer tokens, the services' rules, errors as JSON
naming the fields, and an OpenAPI 3 document built from the code at /api/v1/openapi.json.

`init_api(app)` registers it on any Flask app whose config holds TRACKER_SESSION_FACTORY (a
sessionmaker) and, optionally, TRACKER_CLOCK (a callable returning an aware UTC datetime).
"""

from __future__ import annotations

from flask import Flask
from flask.typing import ResponseReturnValue

from tracker.api import (  # noqa: F401  (the routes)
    applications,
    dossiers,
    interviews,
    me,
    messages,
    notifications,
    postings,
    privacy,
)
from tracker.api.core import PREFIX, api_headers, bp, document, json_errors_for_api_paths

__all__ = ["PREFIX", "init_api"]


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """The OpenAPI 3 document of this API, generated from its routes and pydantic models."""
    return document()


def init_api(app: Flask) -> None:
    """Register the API blueprint (and its OpenAPI document) on `app`. Call it after the app's
    own 404/405 handlers and CSRFProtect are set up: under /api/v1 it answers those errors as
    JSON (deferring to the app's handlers elsewhere) and exempts itself from CSRF."""
    if "TRACKER_SESSION_FACTORY" not in app.config:
        raise RuntimeError("init_api: app.config['TRACKER_SESSION_FACTORY'] is not set")
    app.register_blueprint(bp)
    json_errors_for_api_paths(app)
    api_headers(app)
    csrf = app.extensions.get("csrf")  # Flask-WTF's CSRFProtect, when the app has one
    if csrf is not None:
        csrf.exempt(bp)  # the API reads no cookie: a bearer token cannot be forged cross-site
