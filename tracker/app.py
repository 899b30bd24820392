"""The WSGI application: the web pages and the JSON API in one Flask app, with the security,
language and error pages they share. This is the one place that assembles the two faces
(`tracker serve` and the tests start it); neither face imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask import Flask, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.exceptions import HTTPException

from tracker.api import init_api
from tracker.api.core import error_response, is_api_path
from tracker.config import Settings, get_settings
from tracker.db import create_engine, make_session_factory, utcnow
from tracker.domain.errors import DomainError, NotFound, PermissionDenied

# Their pages join the hr and candidate blueprints when imported.
from tracker.web import (
    TEMPLATES,
    auth,
    candidate,
    candidate_application,
    candidate_confirm,
    candidate_import,
    common,
    health,
    hr,
    hr_applications,
    hr_audit,
    hr_board,
    hr_import,
    hr_interviews,
    hr_messages,
    i18n,
    inbox,
    invitations,
    jobs,
    keys,
    links,
    privacy,
    public,
    security,
    templating,
)


def create_app(
    settings: Settings | None = None,
    *,
    session_factory: sessionmaker[Session] | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Flask:
    """The Flask application. Tests pass their session factory and clock; `tracker serve`
    passes nothing and gets the configured database and the real clock."""
    settings = settings or get_settings()
    if session_factory is None:
        session_factory = make_session_factory(create_engine(settings.effective_database_url))
    app = Flask("tracker.web", template_folder=str(TEMPLATES),
                static_folder=str(TEMPLATES / "web" / "static"), static_url_path="/static")
    app.config["TRACKER_SESSION_FACTORY"] = session_factory
    app.config["TRACKER_CLOCK"] = clock or utcnow
    app.config["TRACKER_SETTINGS"] = settings
    app.config["TRACKER_ALLOW_REGISTRATION"] = settings.allow_registration
    security.configure(app, settings)
    i18n.configure(app, settings.timezone)
    csrf = CSRFProtect(app)  # every form; init_api exempts the API

    login = LoginManager(app)
    login.login_view = "auth.login"
    login.login_message = None
    login.session_protection = "basic"
    login.user_loader(common.load_user)

    # keys: the calendar feed URL and personal API tokens; inbox: notifications and switches
    # The hr and candidate blueprints gather pages from modules of their own, imported above.
    for pages in (hr_applications, hr_board, hr_import, hr_interviews, hr_messages,
                  candidate_application, candidate_confirm, candidate_import):
        assert pages.bp in (hr.bp, candidate.bp), pages.__name__
    for blueprint in (public.bp, auth.bp, hr.bp, candidate.bp, inbox.bp, keys.bp,
                      invitations.bp, hr_audit.bp, privacy.bp, jobs.bp, links.bp):
        app.register_blueprint(blueprint)
    # the language switch checks the token itself, for logged-in users only (tracker/web/public.py)
    csrf.exempt(public.set_language)
    # /healthz and /readyz: GET only (no CSRF), no log-in, JSON (#13)
    app.register_blueprint(health.bp)
    security.throttle_login(app, settings)
    templating.configure(app, settings)
    _error_pages(app)

    # The JSON API, after the error pages (it answers its own 404/405 as JSON) and CSRF (it
    # exempts itself: it authenticates with tokens only and never reads the session cookie).
    init_api(app)
    return app


def _error_pages(app: Flask) -> None:
    def page(code: int, title: str, message: str | None = None) -> Any:
        return render_template("web/error.html", code=code, title=title, message=message), code

    @app.errorhandler(401)
    def unauthorised(error: Any) -> Any:  # the account went away during the session
        return redirect(url_for("auth.login"))

    @app.errorhandler(NotFound)
    @app.errorhandler(404)
    def not_found(error: Any) -> Any:
        return page(404, "not_found")

    @app.errorhandler(PermissionDenied)
    @app.errorhandler(403)
    def forbidden(error: Any) -> Any:
        return page(403, "forbidden")

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> Any:
        return page(400, "csrf", error.description)

    @app.errorhandler(413)
    def too_large(error: Any) -> Any:
        """An upload form's own page with the limit next to its file field, else this page."""
        handler = common.TOO_LARGE.get(request.endpoint or "")
        if handler is not None and current_user.is_authenticated:
            try:
                return handler(**(request.view_args or {}))
            except (HTTPException, DomainError):
                pass
        return page(413, "too_large")

    @app.errorhandler(429)
    def throttled(error: Any) -> Any:
        return page(429, "throttled", request.path)

    @app.errorhandler(405)
    def not_allowed(error: Any) -> Any:  # e.g. a form's address opened as a page
        response = app.make_response(page(405, "not_allowed"))
        response.headers["Allow"] = ", ".join(getattr(error, "valid_methods", None) or ())
        return response

    @app.errorhandler(500)
    def server_error(error: Any) -> Any:
        """A styled page (JSON under /api/v1); if even that fails, plain text."""
        if is_api_path(request.path):
            return error_response(500, "internal error: the change was not saved")
        try:
            return page(500, "server_error")
        except Exception:  # noqa: BLE001  (the page itself may need what just failed)
            return "Internal error: nothing was saved. Try again later.", 500, {
                "Content-Type": "text/plain; charset=utf-8"}
