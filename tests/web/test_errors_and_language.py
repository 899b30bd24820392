"""The language switch comes back to a page (never to a form's address, which answers only
POST); the error pages 405 and 500 are the site's own, like 404 and 403."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pytest

from tests.web.conftest import Web, text


def switch_target(page: str) -> str:
    found = re.search(r'action="/language\?next=([^"]*)"', page)
    assert found, "no language switch"
    return unquote(found.group(1).replace("&amp;", "&"))


def test_after_a_failed_post_the_switch_goes_back_to_the_form_page(
        web: Web, candidate, application) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    assert switch_target(text(web.get(url + "?x=1"))) == f"{url}?x=1"
    failed = web.post(f"{url}/letter", {"cover_letter": "x" * 20_001}, token_from=url,
                      headers={"Referer": f"http://localhost{url}"})
    assert failed.status_code == 400
    target = switch_target(text(failed))
    assert target == url  # the page, not /letter
    switched = web.post(f"/language?next={quote(target)}", {"lang": "fr"})
    assert switched.headers["Location"] == url
    assert web.get(url).status_code == 200


def test_without_a_referrer_on_this_site_the_switch_goes_home(web: Web, candidate,
                                                              application) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    failed = web.post(f"{url}/letter", {"cover_letter": "x" * 20_001}, token_from=url,
                      headers={"Referer": "https://elsewhere.example/me/applications/1"})
    assert switch_target(text(failed)) == "/"
    # and a form's address given by hand is not followed either
    switched = web.post(f"/language?next={url}/letter", {"lang": "en"})
    assert switched.headers["Location"] == "/"


def test_a_form_address_opened_as_a_page_is_the_sites_405(web: Web, candidate,
                                                           application) -> None:  # noqa: ANN001
    web.as_user(candidate)
    response = web.get(f"/me/applications/{application.id}/letter")
    page = text(response)
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"] and "GET" not in response.headers["Allow"]
    assert "Not a page" in page and 'class="brand"' in page  # the site's page, styled
    assert response.mimetype == "text/html"


def test_an_unexpected_error_is_the_sites_500(app, web: Web, session, candidate, clock,
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(app.view_functions, "public.index", broken)
    response = web.get("/")
    assert response.status_code == 500
    page = text(response)
    assert "Something went wrong" in page and 'class="brand"' in page and "boom" not in page
    # under /api/v1 the same error is JSON
    from tracker.services.accounts import tokens

    plain, _token = tokens.create_token(session, candidate, "test", clock)
    session.flush()
    assert "api_v1.me" in app.view_functions
    monkeypatch.setitem(app.view_functions, "api_v1.me", broken)
    response = web.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 500 and response.is_json and "boom" not in text(response)
