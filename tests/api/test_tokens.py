"""Personal API tokens: the service, `tracker user token ...`, and what the API makes of them."""

from __future__ import annotations

import hashlib
import json

import pytest
import sqlalchemy as sa

from tests.api.conftest import error_fields
from tests.cli.helpers import assert_refused
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.models import ApiToken
from tracker.services.accounts import tokens, users


def test_a_token_is_shown_once_and_stored_hashed(session, candidate, clock):
    plain, token = tokens.create_token(session, candidate, "  laptop  ", clock)
    assert plain.startswith("trk_") and len(plain) >= 40
    assert token.name == "laptop" and token.prefix == plain[:12]
    stored = session.execute(sa.select(ApiToken.token_hash, ApiToken.prefix)).one()
    assert stored.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert plain not in (stored.token_hash, stored.prefix)
    assert tokens.user_for_token(session, plain, clock) is candidate
    assert token.last_used_at == clock.now


def test_last_use_is_written_at_most_once_a_minute(session, candidate, clock):
    plain, token = tokens.create_token(session, candidate, "cron", clock)
    tokens.user_for_token(session, plain, clock)
    first = token.last_used_at
    clock.advance(seconds=30)
    tokens.user_for_token(session, plain, clock)
    assert token.last_used_at == first
    clock.advance(seconds=31)
    tokens.user_for_token(session, plain, clock)
    assert token.last_used_at == clock.now


def test_revoked_unknown_and_inactive_tokens_lead_nowhere(session, candidate, hr, clock):
    plain, token = tokens.create_token(session, candidate, "old", clock)
    assert tokens.user_for_token(session, plain + "x", clock) is None
    assert tokens.user_for_token(session, "not-a-token", clock) is None
    with pytest.raises(NotFound, match="no token"):
        tokens.revoke_token(session, hr, token.id, clock)  # not hr's token
    tokens.revoke_token(session, candidate, token.id, clock)
    tokens.revoke_token(session, candidate, token.id, clock)  # twice is harmless
    assert token.revoked_at == clock.now
    assert tokens.user_for_token(session, plain, clock) is None
    other, _ = tokens.create_token(session, candidate, "new", clock)
    candidate.is_active = False
    assert tokens.user_for_token(session, other, clock) is None


def test_tokens_are_listed_newest_first_and_need_a_name(session, candidate, clock):
    tokens.create_token(session, candidate, "first", clock)
    clock.advance(minutes=1)
    tokens.create_token(session, candidate, "second", clock)
    assert [t.name for t in tokens.list_tokens(session, candidate)] == ["second", "first"]
    with pytest.raises(DomainError, match="name"):
        tokens.create_token(session, candidate, "   ", clock)
    with pytest.raises(DomainError, match="at most 100"):
        tokens.create_token(session, candidate, "x" * 101, clock)


def test_only_the_owner_or_an_admin_manages_tokens(session, candidate, hr, clock):
    admin = users.create_user(session, email="admin@example.org", full_name="Ada",
                              role="admin", clock=clock, actor=OPERATOR)
    tokens.check_may_manage(None, candidate)
    tokens.check_may_manage(candidate, candidate)
    tokens.check_may_manage(admin, candidate)
    with pytest.raises(PermissionDenied):
        tokens.check_may_manage(hr, candidate)


def test_cli_creates_lists_and_revokes_tokens(cli, client, candidate):
    result = cli("user token create camille@example.org --name 'laptop script'")
    assert result.exit_code == 0, result.output
    plain = result.stdout.strip()
    assert plain.startswith("trk_") and "\n" not in plain
    assert "shown this once only" in result.stderr and "laptop script" in result.stderr
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).get_json()[
        "email"] == "camille@example.org"

    table = cli("user token list camille@example.org").output
    assert "laptop script" in table and plain[:12] in table and plain not in table
    assert "active" in table
    [listed] = json.loads(cli("user token list camille@example.org --format json").output)
    assert listed["name"] == "laptop script" and listed["active"] is True
    assert listed["last_used_at"] is not None and "token_hash" not in listed

    result = cli(f"user token revoke camille@example.org {listed['id']}")
    assert result.output == f"token #{listed['id']} of camille@example.org revoked\n"
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 401
    assert "revoked" in response.get_json()["error"]["message"]
    assert "revoked" in cli("user token list camille@example.org").output


def test_cli_refuses_other_peoples_tokens(cli, candidate, hr):
    assert_refused(cli("--as rh@univ-st-etienne.fr user token create camille@example.org "
                       "--name x"), "user", "your own tokens")
    assert_refused(cli("user token revoke camille@example.org 999"), "token", "no token #999")
    assert_refused(cli("user token list nobody@example.org"), "EMAIL")
    assert cli("user token list camille@example.org").output == "No tokens for camille@example.org.\n"


@pytest.mark.parametrize("header", [
    None, "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer trk_unknown", "Token trk_x",
])
def test_api_without_a_live_token_is_401(client, header):
    response = client.get("/api/v1/postings",
                          headers={"Authorization": header} if header is not None else {})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert error_fields(response) == {}
