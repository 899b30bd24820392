"""The secret key, session cookies, security headers and login throttling of the web face."""

from __future__ import annotations

from flask import Flask, Response, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user

from tracker import config
from tracker.config import Settings

# No inline script or style anywhere: the pages work without JavaScript and the stylesheet is
# one file of ours. A JSON-LD block is data, never executed, so script-src does not apply to it.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def secret_key(settings: Settings) -> str:
    """TRACKER_SECRET_KEY, or the key generated once and kept in the data directory (made in
    tracker.config, where the services that sign e-mailed links find it too)."""
    return config.secret_key(settings)


def configure(app: Flask, settings: Settings) -> None:
    app.config.update(
        SECRET_KEY=secret_key(settings),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=settings.secure_cookies,
        MAX_CONTENT_LENGTH=(settings.max_upload_mb + 1) * 1_000_000,
        RATELIMIT_HEADERS_ENABLED=True,
    )
    # Flask-Limiter keeps its counters in this process's memory: each instance counts its own.
    limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", default_limits=[],
                      app=app)
    app.extensions["tracker_limiter"] = limiter

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def _address() -> str:
    """The e-mail address a form names, as accounts are keyed (trimmed, lower case)."""
    return "address:" + (request.form.get("email") or "").strip().lower()[:320]


def _invitee() -> str:
    """The address an invitation form names (the admin's and hr's forms have prefixes)."""
    for name in ("invite-email", "staff-email", "apply-email", "email"):
        if request.form.get(name):
            return "invitee:" + request.form[name].strip().lower()[:320]
    return "invitee:"


def _account() -> str:
    return f"account:{current_user.get_id() if current_user.is_authenticated else '-'}"


def _throttle(app: Flask, endpoint: str, *limits: tuple[str, object]) -> None:
    limiter: Limiter = app.extensions["tracker_limiter"]
    view = app.view_functions[endpoint]
    for value, key in limits:
        view = limiter.limit(value, key_func=key, methods=["POST"])(view)  # type: ignore[arg-type]
    app.view_functions[endpoint] = view


def throttle_login(app: Flask, settings: Settings) -> None:
    """Log-in, registration and password change, limited per client address and per the
    e-mail address (or account) they are about: a guesser moving from one client to another,
    or from one address to another, is stopped either way (429, the site's own page)."""
    _throttle(app, "auth.login", (settings.login_rate_limit, get_remote_address),
              (settings.login_address_rate_limit, _address))
    _throttle(app, "auth.register", (settings.registration_rate_limit, get_remote_address),
              (settings.registration_address_rate_limit, _address))
    _throttle(app, "auth.change_password", (settings.password_rate_limit, get_remote_address),
              (settings.password_rate_limit, _account))
    # "Forgot your password?" (issue #13): per client, and per address asked about.
    _throttle(app, "auth.forgot_password", (settings.reset_rate_limit, get_remote_address),
              (settings.reset_address_rate_limit, _address))
    # Invitations to one address, counted together on the admin's and hr's forms.
    limiter: Limiter = app.extensions["tracker_limiter"]
    shared = limiter.shared_limit(settings.invitation_address_rate_limit, scope="invitee",
                                  key_func=_invitee, methods=["POST"])
    for endpoint in ("invitations.admin_invite", "invitations.hr_invitations"):
        app.view_functions[endpoint] = shared(app.view_functions[endpoint])
