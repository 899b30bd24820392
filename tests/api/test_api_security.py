"""The API on the web app: its answers set no cookie and carry a policy of their own (JSON loads
nothing, is never framed nor cached); a login session's cookie opens nothing of the API, and the
API needs no CSRF token while the pages of the same app still do."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from tests.conftest import POSTING
from tests.web.conftest import Web
from tracker.models import Posting

JSON_POLICY = "default-src 'none'; frame-ancestors 'none'"


def _assert_api_headers(response) -> None:  # noqa: ANN001
    assert response.is_json
    assert response.headers["Content-Security-Policy"] == JSON_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in response.headers


def test_every_kind_of_api_answer_has_the_api_headers_and_no_cookie(client, token_for, hr):  # noqa: ANN001
    auth = token_for(hr)
    answers = [
        client.get("/api/v1/me", headers=auth),                     # 200
        client.get("/api/v1/openapi.json"),                         # public document
        client.get("/api/v1/me"),                                   # 401
        client.get("/api/v1/postings/NOPE", headers=auth),          # 404 of a service
        client.get("/api/v1/nothing-here", headers=auth),           # 404 of the router
        client.delete("/api/v1/me", headers=auth),                  # 405
        client.post("/api/v1/postings", headers=auth, json={}),     # 422
    ]
    assert [a.status_code for a in answers] == [200, 200, 401, 404, 404, 405, 422]
    for answer in answers:
        _assert_api_headers(answer)


def test_the_pages_keep_their_own_policy(client):  # noqa: ANN001
    page = client.get("/login")
    assert page.mimetype == "text/html"
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert "form-action 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store"


def test_a_login_session_opens_nothing_of_the_api(api_app: Flask, hr, session):  # noqa: ANN001
    """A browser logged in to the pages sends its session cookie along to the API: it is not a
    credential there (so no cross-site request can use it), and it is not touched."""
    web = Web(api_app.test_client()).as_user(hr)
    assert web.get("/hr/").status_code == 200  # the session is a live login for the pages
    for method, path in [("GET", "/api/v1/me"), ("POST", "/api/v1/postings")]:
        response = web.client.open(path, method=method, json=dict(POSTING))
        assert response.status_code == 401, (method, path)
        _assert_api_headers(response)
    assert session.scalar(sa.select(sa.func.count()).select_from(Posting)) == 0


def test_the_api_needs_no_csrf_token_but_the_pages_do(api_app: Flask, token_for, hr,
                                                      session):  # noqa: ANN001
    web = Web(api_app.test_client()).as_user(hr)
    created = web.client.post("/api/v1/postings", headers=token_for(hr), json=dict(POSTING))
    assert created.status_code == 201, created.get_json()
    _assert_api_headers(created)
    refused = web.post("/hr/postings/new", {"title": "Sans jeton CSRF"}, csrf=False)
    assert refused.status_code == 400 and refused.mimetype == "text/html"
    titles = set(session.scalars(sa.select(Posting.title)))
    assert titles == {POSTING["title"]}
