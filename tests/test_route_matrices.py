"""The two authorization matrices together cover every route of the one application
`tracker serve` runs: the web matrix (tests/web/test_authorization.py, which leaves /api/ out)
and the API matrix (tests/api/test_authorization.py, /api/v1 only). A route that falls between
them (say /api/v2/..., or a page rule nobody wrote) fails here."""

from __future__ import annotations

from pathlib import Path

from tests.api.test_authorization import CASES as API_CASES
from tests.web.conftest import web_settings
from tests.web.test_authorization import RULES as WEB_RULES
from tracker.app import create_app

# Served to everyone by design: the stylesheet (checked below).
PUBLIC_FILES = {"static"}


def test_every_route_of_the_app_is_in_one_matrix(session_factory, clock, tmp_path: Path) -> None:  # noqa: ANN001
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    web = {(endpoint, case.method) for endpoint, cases in WEB_RULES.items() for case in cases}
    api = {(case.rule, case.method) for case in API_CASES}
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_FILES:
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            if (rule.endpoint, method) not in web and (rule.rule, method) not in api:
                missing.append(f"{method} {rule.rule} ({rule.endpoint})")
    assert missing == [], f"routes in neither authorization matrix: {missing}"
    # and the matrices name no route the app does not have
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert {endpoint for endpoint, _method in web} <= endpoints
    assert {r for r, _method in api} <= {rule.rule for rule in app.url_map.iter_rules()}


def test_the_stylesheet_is_public(session_factory, clock, tmp_path: Path) -> None:  # noqa: ANN001
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    response = app.test_client().get("/static/style.css")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert "Set-Cookie" not in response.headers


def test_every_application_route_checks_that_hr_do_not_see_a_draft(session_factory, clock,
                                                                    tmp_path: Path) -> None:  # noqa: ANN001
    """A draft is its candidate's own until submitted: each route of the employer side that
    takes an application has a case with a draft, refused to hr of the posting's organisation
    and open to admins (pages), or answered 404 to hr (API)."""
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    missing = []
    for rule in app.url_map.iter_rules():
        if "application_id" not in rule.arguments or rule.endpoint.startswith("candidate."):
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            if rule.rule.startswith("/api/"):
                ok = any(c.rule == rule.rule and c.method == method and "draft" in c.name
                         and c.expected["hr"] == 404 for c in API_CASES)
            else:
                ok = any(c.method == method and c.name == "draft" and "hr_a" not in c.allowed
                         and "admin" in c.allowed for c in WEB_RULES.get(rule.endpoint, []))
            if not ok:
                missing.append(f"{method} {rule.rule}")
    assert missing == [], f"no case with a draft, hidden from hr: {missing}"
