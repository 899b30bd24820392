"""The pages hr open most cost the same statements whatever the size (issue #16 item 4): a
posting's applicants page runs as many statements for 12 applicants as for 3 (no reload of the
rows it has, no statement per row; the fit scores read from where they are stored once
computed), the dashboard as many for an organisation with many applications as for one with
few, and its open postings are read through the index led by the organisation."""

from __future__ import annotations

import sqlalchemy as sa

from tests.web.conftest import Web, text
from tracker.domain.access import OPERATOR
from tracker.services.accounts import users
from tracker.services.hiring import applications


def statements(web: Web, connection: sa.Connection, path: str, expect: str) -> list[str]:
    seen: list[str] = []

    def count(*args) -> None:  # noqa: ANN002
        seen.append(args[2])

    sa.event.listen(connection, "before_cursor_execute", count)
    try:
        page = text(web.get(path))
    finally:
        sa.event.remove(connection, "before_cursor_execute", count)
    assert expect in page
    return [s for s in seen if not s.startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO"))]


def add_applicants(session, posting, clock, first: int, count: int) -> None:  # noqa: ANN001
    for number in range(first, first + count):
        person = users.create_user(session, email=f"p{number}@example.org",
                                   full_name=f"Person {number}", role="candidate",
                                   clock=clock, actor=OPERATOR)
        app = applications.start(session, posting, person, actor=person, clock=clock)
        applications.move(session, app, "submitted", actor=person, clock=clock)
    session.flush()


def test_applicants_page_statements_do_not_grow_with_the_applicants(
        web: Web, session, connection, posting, hr, clock) -> None:  # noqa: ANN001
    web.as_user(hr)
    path = f"/hr/postings/{posting.reference}"
    add_applicants(session, posting, clock, 0, 3)
    first = statements(web, connection, path, "Person 2")  # computes and stores the fits
    few = statements(web, connection, path, "Person 2")
    assert len(few) < len(first)  # the second time the scores are read, not worked out
    assert not any("candidate_profile" in s for s in few), few  # nor profiles reloaded
    add_applicants(session, posting, clock, 3, 9)
    statements(web, connection, path, "Person 11")
    assert len(statements(web, connection, path, "Person 11")) == len(few)


def test_dashboard_statements_do_not_grow_with_the_applications(
        web: Web, session, connection, posting, hr, clock) -> None:  # noqa: ANN001
    web.as_user(hr)
    add_applicants(session, posting, clock, 0, 2)
    few = statements(web, connection, "/hr/", posting.title)
    add_applicants(session, posting, clock, 2, 10)
    many = statements(web, connection, "/hr/", posting.title)
    assert len(many) == len(few)
    assert not any("FROM application" in s and "count(" in s.lower() for s in many), many


def test_open_postings_read_through_the_index_led_by_the_organisation(
        session, connection, posting, hr, clock) -> None:  # noqa: ANN001
    """The plan of the dashboard's open-postings list, on the database the tests run on, with
    many open postings of other organisations beside this one's."""
    from tracker.models import Posting
    from tracker.services.accounts.organisations import create_organisation
    from tracker.services.views import overview

    other = create_organisation(session, slug="big", name="Big employer", clock=clock,
                                actor=OPERATOR)
    session.flush()
    now = clock()
    connection.execute(sa.insert(Posting.__table__), [dict(
        reference=f"BIG-{n}", title=f"Job {n}", organisation_id=other.id,
        hiring_organization_name="Big employer", employment_type="permanent",
        timezone="Europe/Paris", valid_through_date=posting.valid_through_date,
        valid_through=posting.valid_through, apply_method="in_app", status="open",
        visibility="public", created_at=now, updated_at=now) for n in range(3000)])
    connection.exec_driver_sql("ANALYZE")
    seen: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, *_rest) -> None:  # noqa: ANN001
        if "FROM posting" in statement and "LIMIT" in statement:
            seen.append((statement, parameters))

    sa.event.listen(connection, "before_cursor_execute", keep)
    try:
        overview.hr_dashboard(session, hr)
    finally:
        sa.event.remove(connection, "before_cursor_execute", keep)
    [(statement, parameters)] = seen
    if connection.dialect.name == "postgresql":
        plan = "\n".join(r[0] for r in connection.exec_driver_sql(
            f"EXPLAIN {statement}", parameters))
    else:
        plan = "\n".join(str(r[-1]) for r in connection.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {statement}", parameters))
    assert "ix_posting_organisation_status_valid_through" in plan, plan


def test_applicants_page_reads_the_requirements_skills_with_them(
        web: Web, session, connection, hr, clock) -> None:  # noqa: ANN001
    """A posting whose requirements were started from occupation skills: its page reads the
    skills with the requirements, not one statement per skill."""
    from tests.conftest import SAMPLES
    from tests.services.test_fit import make_posting
    from tracker.services.reference.load import load_reference

    load_reference(session, SAMPLES / "reference", clock=clock)
    posting = make_posting(session, hr, clock, [
        {"kind": "technical_skill", "label": "Gestion de projet",
         "occupation_skill": "Gestion de projet"},
        {"kind": "technical_skill", "label": "Analyse de données",
         "occupation_skill": "Analyse de données"},
    ], occupation="charge-cooperation-internationale")
    session.flush()
    web.as_user(hr)
    seen = statements(web, connection, f"/hr/postings/{posting.reference}", "Gestion de projet")
    skills = [s for s in seen if "FROM occupation_skill" in s]
    assert skills == [], skills  # joined to the requirements' statement
    assert any("JOIN occupation_skill" in s and "FROM requirement" in s for s in seen), seen
