"""A page's reads go on in the log-in check's transaction (#16: one transaction a page, not two)
when the check only read; a check that wrote (the session's last-seen instant) is committed
before the page, a page that writes ends the check's transaction before its own begins, and a
request that opens none still ends it."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask
from flask_login import current_user

from tests.web.conftest import Web, text
from tracker.models import LoginSession


def seen(web: Web, connection: sa.Connection, path: str) -> tuple[str, list[str]]:
    """The page and the statements its request ran (the tests' transactions are savepoints)."""
    found: list[str] = []

    def count(*args) -> None:  # noqa: ANN002
        found.append(args[2].split()[0])

    sa.event.listen(connection, "before_cursor_execute", count)
    try:
        page = web.get(path)
    finally:
        sa.event.remove(connection, "before_cursor_execute", count)
    assert page.status_code == 200, text(page)
    return text(page), found


def test_a_page_reads_in_the_log_in_checks_transaction(
        web: Web, connection, posting, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    page, ran = seen(web, connection, f"/hr/postings/{posting.reference}")
    assert posting.title in page
    assert ran.count("SAVEPOINT") == 1 and ran.count("RELEASE") == 1
    assert ran[0] == "SAVEPOINT" and ran[-1] == "RELEASE"


def test_a_check_that_writes_is_committed_before_the_page(
        web: Web, session, connection, posting, hr, clock) -> None:  # noqa: ANN001
    web.as_user(hr)
    clock.advance(minutes=5)  # the session's last-seen instant is written once a minute
    _page, ran = seen(web, connection, f"/hr/postings/{posting.reference}")
    assert ran.count("SAVEPOINT") == 2
    first_end = ran.index("RELEASE")
    assert "UPDATE" in ran[:first_end] and ran.index("SAVEPOINT", 1) > first_end
    seen_at = session.scalar(sa.select(sa.func.max(LoginSession.last_seen_at)))
    assert seen_at == clock()
    _page, ran = seen(web, connection, f"/hr/postings/{posting.reference}")
    assert ran.count("SAVEPOINT") == 1  # written: the next minute's pages only read


def test_a_page_that_writes_ends_the_checks_transaction_first(
        web: Web, connection, posting, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    _page, ran = seen(web, connection, "/hr/")  # the dashboard remembers the visit
    assert ran.count("SAVEPOINT") == 2
    assert ran.index("RELEASE") < ran.index("SAVEPOINT", 1)  # one after the other


def test_a_request_that_opens_no_transaction_still_ends_the_checks(
        app: Flask, web: Web, connection, hr) -> None:  # noqa: ANN001
    app.add_url_rule("/_who", "who", lambda: current_user.email)
    web.as_user(hr)
    page, ran = seen(web, connection, "/_who")
    assert page == hr.email
    assert ran[0] == "SAVEPOINT" and ran[-1] == "RELEASE" and ran.count("SAVEPOINT") == 1


def test_a_check_made_inside_a_pages_transaction_is_its_own(
        web: Web, connection, posting, candidate) -> None:  # noqa: ANN001
    """A page open to everyone asks who is there inside its block: the check then reads in a
    transaction of its own, ended at once, inside the page's."""
    web.as_user(candidate)
    page, ran = seen(web, connection, f"/postings/{posting.reference}")
    assert posting.title in page
    assert ran.count("SAVEPOINT") == ran.count("RELEASE") == 2
    assert ran[-1] == "RELEASE"
