"""What retention counts as an account's activity: a log-in on the web (its login session) or a
use of one of its API tokens; and a run alone at a time on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.services.accounts import sessions, tokens, users
from tracker.services.privacy import retention


def test_a_log_in_and_a_token_use_are_activity(session, candidate, clock) -> None:  # noqa: ANN001
    assert candidate.last_login_at is None
    later = datetime(2025, 1, 1, tzinfo=UTC)
    sessions.start_session(session, candidate, actor=candidate, device=None, ip=None,
                           clock=lambda: later)
    assert candidate.last_login_at == later
    plain, _token = tokens.create_token(session, candidate, "script", clock=lambda: later)
    used = later + timedelta(days=400)
    assert tokens.user_for_token(session, plain, lambda: used) is candidate
    assert candidate.last_login_at == used
    # 36 months from that use (5 February 2026), less 30 days: not before 6 January 2029
    plan = retention.run(session, actor=OPERATOR, settings=get_settings(), dry_run=True,
                         now=datetime(2029, 1, 5, tzinfo=UTC))
    assert plan.actions == []
    plan = retention.run(session, actor=OPERATOR, settings=get_settings(), dry_run=True,
                         now=datetime(2029, 1, 6, tzinfo=UTC))
    assert [(a.action, a.since) for a in plan.actions] == [("warn", used)]


def test_the_warning_period_is_a_setting(session, clock) -> None:  # noqa: ANN001
    users.create_user(session, email="nour@example.org", full_name="Nour Haddad",
                      role="candidate", clock=clock, actor=OPERATOR)
    settings = get_settings().model_copy(update={"retention_warning_days": 60,
                                                  "retention_account_months": 12})
    plan = retention.run(session, actor=OPERATOR, settings=settings, dry_run=True,
                         now=datetime(2025, 2, 14, 8, 0, tzinfo=UTC))
    assert [(a.action, a.deletion_at) for a in plan.actions] == [
        ("warn", datetime(2025, 4, 15, 8, 0, tzinfo=UTC))]


@pytest.mark.postgresql
def test_one_run_at_a_time_on_postgresql(engine) -> None:  # noqa: ANN001
    with engine.connect() as first, engine.connect() as second:
        one, two = Session(bind=first), Session(bind=second)
        now = datetime(2030, 1, 1, tzinfo=UTC)
        assert not retention.run(one, actor=OPERATOR, settings=get_settings(), now=now).skipped
        assert retention.run(two, actor=OPERATOR, settings=get_settings(), now=now).skipped
        one.rollback()  # the lock goes with the transaction
        assert not retention.run(two, actor=OPERATOR, settings=get_settings(), now=now).skipped
        two.rollback()
