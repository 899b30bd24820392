"""The log-in check's account as a row of a request's session (login_sessions.checked_user, #16):
made from the columns the check read, without reading the account again, it is the account as
the database holds it, a row with nothing to write, whose other columns are read when used; a
row the session already holds is that row, refused once it is no longer active."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.config import get_settings
from tracker.domain.access import OPERATOR, can_manage
from tracker.models import User
from tracker.services.accounts import sessions as login_sessions


def checked(session: Session, user: User, clock) -> login_sessions.Account:  # noqa: ANN001
    """The account as the log-in check reads it, in a session holding no row."""
    key, _row = login_sessions.start_session(session, user, actor=OPERATOR, device=None,
                                             ip=None, clock=clock)
    session.flush()
    session.expunge_all()
    live = login_sessions.resolve(session, key, settings=get_settings(), clock=clock)
    assert live is not None
    return live.user


def statements(session: Session) -> list[str]:
    seen: list[str] = []
    sa.event.listen(session.get_bind(), "before_cursor_execute",
                    lambda *args: seen.append(args[2]))
    return seen


def test_the_checked_account_is_the_row_without_reading_it(session, hr, posting, clock) -> None:  # noqa: ANN001
    account = checked(session, hr, clock)
    seen = statements(session)
    user = login_sessions.checked_user(session, account)
    assert isinstance(user, User) and not seen
    assert (user.id, user.email, user.full_name, user.role, user.organisation_id, user.locale,
            user.timezone, user.is_active, user.deleted_at) == (
        hr.id, hr.email, hr.full_name, hr.role, hr.organisation_id, hr.locale, hr.timezone,
        True, None)
    assert sa.inspect(user).persistent and user in session
    assert session.get(User, hr.id) is user  # the session's one row of the account
    assert not session.dirty and not session.new
    session.flush()  # nothing to write
    assert not [s for s in seen if not s.startswith("SELECT")]
    assert can_manage(user, session.merge(posting))  # it acts as the account does


def test_its_other_columns_are_read_when_used(session, hr, clock) -> None:  # noqa: ANN001
    created, password = hr.created_at, hr.password_hash
    user = login_sessions.checked_user(session, checked(session, hr, clock))
    seen = statements(session)
    assert user.created_at == created and user.password_hash == password
    assert len(seen) == 1  # the rest of the row, read once
    assert user.organisation.slug == "ujm"  # and its relations


def test_a_row_the_session_holds_is_that_row_still_checked(session, hr, clock) -> None:  # noqa: ANN001
    account = checked(session, hr, clock)
    held = session.get(User, hr.id)
    assert login_sessions.checked_user(session, account) is held
    held.is_active = False
    assert login_sessions.checked_user(session, account) is None
    held.is_active, held.deleted_at = True, clock()
    assert login_sessions.checked_user(session, account) is None


def test_the_check_says_whether_it_wrote(session, hr, clock) -> None:  # noqa: ANN001
    """A face may go on reading in the check's transaction only when the check only read."""
    key, _row = login_sessions.start_session(session, hr, actor=OPERATOR, device=None,
                                             ip=None, clock=clock)
    session.flush()
    settings = get_settings()
    assert not login_sessions.resolve(session, key, settings=settings, clock=clock).wrote
    clock.advance(seconds=59)
    assert not login_sessions.resolve(session, key, settings=settings, clock=clock).wrote
    clock.advance(seconds=2)  # its last-seen instant is a minute old: written
    assert login_sessions.resolve(session, key, settings=settings, clock=clock).wrote
    assert not login_sessions.resolve(session, key, settings=settings, clock=clock).wrote
