"""The health probes of load balancers, container engines and monitoring: no log-in, no
cookie, no personal data, JSON only.

- `GET /healthz`: the process answers (the database is not touched): 200.
- `GET /readyz`: this instance can serve: the database answers, its schema is the code's, the
  scheduler beats when the deployment runs one (200 or 503); the last SMTP result is shown
  but never makes it 503 (see docs/operations.md#health-and-diagnostics).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from tracker.services.operations import health
from tracker.web.common import clock, settings, transaction

bp = Blueprint("health", __name__)
NO_STORE = {"Cache-Control": "no-store"}


@bp.get("/healthz")
def healthz() -> Any:
    return jsonify(status="alive"), 200, NO_STORE


@bp.get("/readyz")
def readyz() -> Any:
    with transaction() as session:
        state = health.readiness(session, settings=settings(), now=clock())
    return jsonify(state.as_json()), 200 if state.ready else 503, NO_STORE
