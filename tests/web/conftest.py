"""The web app on the test database (rolled back after each test) and a client that logs in
and sends forms with their CSRF token, as a browser does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from tracker.app import create_app
from tracker.config import Settings
from tracker.db import unit_of_work
from tracker.domain.access import OPERATOR
from tracker.models import User
from tracker.services.accounts import organisations, users
from tracker.services.accounts import sessions as login_sessions

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PASSWORD = "correct horse battery"


def web_settings(tmp_path: Path, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data", "reports_dir": tmp_path / "reports",
        "secret_key": "test-secret-key", "secure_cookies": False,
        "max_upload_mb": 1, "login_rate_limit": "1000 per minute",
        "login_address_rate_limit": "1000 per minute", "registration_rate_limit": "1000 per minute",
        "registration_address_rate_limit": "1000 per minute",
        "password_rate_limit": "1000 per minute", **changes}
    return Settings(**values)


@pytest.fixture
def app(session_factory, clock, tmp_path: Path) -> Flask:  # noqa: ANN001
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    app.config["TESTING"] = True
    return app


@dataclass
class Web:
    """A test client with the habits of a browser: it reads the CSRF token from a page."""

    client: FlaskClient

    def __post_init__(self) -> None:
        # English pages unless a test says otherwise (an account's own language wins).
        self.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        return self.client.get(path, **kwargs)

    def token(self, path: str = "/") -> str:
        page = self.client.get(path).get_data(as_text=True)
        found = TOKEN.search(page)
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def post(self, path: str, data: dict[str, Any] | None = None, *, token_from: str = "/",
             csrf: bool = True, **kwargs: Any) -> TestResponse:
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.token(token_from))
        return self.client.post(path, data=data, **kwargs)

    def login(self, email: str, password: str = PASSWORD) -> TestResponse:
        return self.post("/login", {"email": email, "password": password}, token_from="/login")

    def as_user(self, user: User | None) -> Web:
        """Logged in as `user` without the password round trip (for the matrix): a login
        session is started as the log-in page does, and the cookie names it."""
        key = None
        if user is not None:
            config = self.client.application.config
            with unit_of_work(config["TRACKER_SESSION_FACTORY"], write=True) as db:
                key, _row = login_sessions.start_session(
                    db, db.get(User, user.id), actor=OPERATOR, device="test client",
                    ip=None, clock=config["TRACKER_CLOCK"])
        with self.client.session_transaction() as flask_session:
            flask_session.clear()
            if key is not None:
                flask_session["_user_id"] = key
                flask_session["_fresh"] = True
        return self


@pytest.fixture
def web(app: Flask) -> Web:
    return Web(app.test_client())


def text(response: TestResponse) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def other_org(session: Session, clock):  # noqa: ANN001, ANN201
    return organisations.create_organisation(session, slug="acme", name="ACME", clock=clock, actor=OPERATOR)


@pytest.fixture
def hr_other(session: Session, other_org, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="rh@acme.example", full_name="Other HR", role="hr",
                             organisation="acme", clock=clock, actor=OPERATOR)


@pytest.fixture
def admin(session: Session, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="admin@example.org", full_name="Ada Admin",
                             role="admin", clock=clock, actor=OPERATOR)


@pytest.fixture
def candidate_b(session: Session, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="bob@example.org", full_name="Bob Brun",
                             role="candidate", clock=clock, actor=OPERATOR)


@pytest.fixture
def hr(session: Session, ujm, clock):  # noqa: ANN001, ANN201
    """The UJM's hr user, who reads the pages in English (tests check English text)."""
    return users.create_user(session, email="rh@univ-st-etienne.fr", full_name="Claire Dubois",
                             role="hr", organisation="ujm", locale="en", clock=clock, actor=OPERATOR)


@pytest.fixture
def candidate(session: Session, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="camille@example.org", full_name="Camille Martin",
                             role="candidate", locale="en", clock=clock, actor=OPERATOR)
