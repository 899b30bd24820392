"""The figures pages read instead of working out (issue #16 item 4) stay equal to what the rows
say, whatever path changes the rows: the per-organisation and per-posting status counts after
any sequence of random operations (start, record, move, bulk move, soft delete and restore of
applications and postings, a posting moved to another organisation, anonymisation, erasure),
compared with a fresh COUNT; on SQLite and, with TRACKER_TEST_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import contextlib
import random
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.models import (
    Application,
    ApplicationStatus,
    Posting,
    PostingStatusCount,
    StatusCount,
)
from tracker.models.upkeep import count_predicate
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, bulk, postings
from tracker.services.privacy import erase, retention
from tracker.services.views import applicants, overview


def stored_counts(session) -> dict[tuple[int, str], int]:  # noqa: ANN001
    return {(org, status.value): number for org, status, number in session.execute(
        sa.select(StatusCount.organisation_id, StatusCount.status, StatusCount.number))
        if number}


def fresh_counts(session) -> dict[tuple[int, str], int]:  # noqa: ANN001
    return {(org, status.value): number for org, status, number in session.execute(
        sa.select(Posting.organisation_id, Application.status, sa.func.count())
        .join(Posting, Posting.id == Application.posting_id).where(count_predicate())
        .group_by(Posting.organisation_id, Application.status))}


def stored_posting_counts(session) -> dict[tuple[int, str], int]:  # noqa: ANN001
    return {(posting, status.value): number for posting, status, number in session.execute(
        sa.select(PostingStatusCount.posting_id, PostingStatusCount.status,
                  PostingStatusCount.number)) if number}


def fresh_posting_counts(session) -> dict[tuple[int, str], int]:  # noqa: ANN001
    return {(posting, status.value): number for posting, status, number in session.execute(
        sa.select(Application.posting_id, Application.status, sa.func.count())
        .where(Application.deleted_at.is_(None))
        .group_by(Application.posting_id, Application.status))}


class World:
    """Two organisations with two open postings each, and candidates made on demand."""

    def __init__(self, session, clock, ujm, hr) -> None:  # noqa: ANN001
        self.session, self.clock = session, clock
        self.other = organisations.create_organisation(
            session, slug="ens", name="ENS Lyon", clock=clock, actor=OPERATOR)
        self.hrs = {ujm.id: hr, self.other.id: users.create_user(
            session, email="rh@ens.fr", full_name="Hugo Rh", role="hr", organisation="ens",
            clock=clock, actor=OPERATOR)}
        self.postings = []
        for n, (slug, staff) in enumerate([("ujm", hr), ("ujm", hr),
                                          ("ens", self.hrs[self.other.id]),
                                          ("ens", self.hrs[self.other.id])]):
            posting = postings.create_posting(
                session, {**POSTING, "reference": f"P-{n}", "organisation": slug}, actor=staff,
                clock=clock, settings=get_settings())
            postings.set_status(session, posting, "open", actor=staff, clock=clock)
            self.postings.append(posting)
        self.made = 0

    def hr_of(self, posting: Posting):  # noqa: ANN201
        return self.hrs[posting.organisation_id]

    def candidate(self):  # noqa: ANN201
        self.made += 1
        return users.create_user(self.session, email=f"c{self.made}@example.org",
                                 full_name=f"Candidate {self.made}", role="candidate",
                                 clock=self.clock, actor=OPERATOR)

    def applications(self) -> list[Application]:
        return list(self.session.scalars(sa.select(Application).order_by(Application.id)))


def step(world: World, rng: random.Random) -> None:
    session, clock = world.session, world.clock
    apps = world.applications()
    what = rng.choice(["start", "start", "record", "move", "move", "move", "bulk", "delete",
                       "restore", "posting", "reassign", "anonymise", "erase"])
    if what == "start" or not apps:
        person = world.candidate()
        app = applications.start(session, rng.choice(world.postings), person, actor=person,
                                 clock=clock)
        if rng.random() < 0.7:
            applications.move(session, app, "submitted", actor=person, clock=clock)
    elif what == "record":
        posting = rng.choice(world.postings)
        applications.record_received(session, posting, name=f"Par courrier {len(apps)}",
                                     email=f"courrier{len(apps)}@example.org", actor=world.hr_of(posting), clock=clock)
    elif what == "move":
        app = rng.choice(apps)
        target = rng.choice(list(ApplicationStatus))
        actor = app.candidate if target in applications.CANDIDATE_MOVES and app.candidate \
            and rng.random() < 0.5 else world.hr_of(app.posting)
        with contextlib.suppress(DomainError):
            applications.move(session, app, target, actor=actor, clock=clock)
    elif what == "bulk":
        chosen = rng.sample(apps, min(len(apps), rng.randint(1, 5)))
        posting = chosen[0].posting
        bulk.bulk_move(session, [a.id for a in chosen], rng.choice(
            [ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED,
             ApplicationStatus.INTERVIEW]), actor=world.hr_of(posting), clock=clock)
    elif what == "delete":
        rng.choice(apps).deleted_at = clock()
    elif what == "restore":
        rng.choice(apps).deleted_at = None
    elif what == "posting":
        posting = rng.choice(world.postings)
        posting.deleted_at = None if posting.deleted_at else clock()
    elif what == "reassign":  # the posting moved to the other organisation
        posting = rng.choice(world.postings)
        posting.organisation_id = next(org for org in world.hrs if org != posting.organisation_id)
    elif what == "anonymise":
        app = rng.choice(apps)
        if app.anonymised_at is None:
            retention.anonymise(session, app, reason="test", actor=OPERATOR,
                                settings=get_settings(), now=clock())
    elif what == "erase":
        people = [a.candidate for a in apps if a.candidate is not None]
        if people:
            erase.erase_person(session, rng.choice(people), actor=OPERATOR,
                               settings=get_settings(), now=clock())
    session.flush()
    clock.advance(minutes=5)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_equal_a_fresh_count_after_random_operations(session, clock, ujm, hr,
                                                            seed: int) -> None:  # noqa: ANN001
    world = World(session, clock, ujm, hr)
    rng = random.Random(seed)
    seen = set()
    for number in range(60):
        step(world, rng)
        assert stored_counts(session) == fresh_counts(session), f"after step {number}"
        assert stored_posting_counts(session) == fresh_posting_counts(session), \
            f"after step {number}"
        seen |= {status for _, status in fresh_counts(session)}
    assert len(seen) >= 4  # the walk went through several statuses, not just drafts


def test_dashboard_shows_the_stored_counts_of_its_organisation_only(session, clock, ujm,
                                                                     hr) -> None:  # noqa: ANN001
    world = World(session, clock, ujm, hr)
    for posting, name in [(world.postings[0], "Ana"), (world.postings[0], "Ben"),
                          (world.postings[2], "Chloé")]:
        applications.record_received(session, posting, name=name, email=f"{name}@example.org",
                                     actor=world.hr_of(posting), clock=clock)
    session.flush()
    first = world.applications()[0]
    applications.move(session, first, "under_review", actor=hr, clock=clock)
    assert overview.hr_dashboard(session, hr, clock=clock).status_counts == {
        "submitted": 1, "under_review": 1, "interview": 0, "offer": 0, "hired": 0,
        "rejected": 0, "withdrawn": 0}
    other = world.hrs[world.other.id]
    assert overview.hr_dashboard(session, other, clock=clock).status_counts["submitted"] == 1
    world.postings[0].deleted_at = clock() - timedelta(minutes=1)  # its applications go
    session.flush()
    assert sum(overview.hr_dashboard(session, hr, clock=clock).status_counts.values()) == 0


def test_the_dashboard_counts_without_counting_applications(session, clock, ujm, hr,
                                                            connection) -> None:  # noqa: ANN001
    """The dashboard's statements read the stored counts, not the application table."""
    World(session, clock, ujm, hr)
    session.flush()
    ran: list[str] = []
    listen = lambda *args: ran.append(args[2])  # noqa: E731
    sa.event.listen(connection, "before_cursor_execute", listen)
    try:
        overview.hr_dashboard(session, hr, clock=clock)
    finally:
        sa.event.remove(connection, "before_cursor_execute", listen)
    assert any("status_count" in s for s in ran)
    assert not any("FROM application" in s for s in ran), ran


def test_a_postings_page_counts_follow_each_change(session, clock, ujm, hr,
                                                   connection) -> None:  # noqa: ANN001
    """The counts above a posting's applicants are the kept ones, and follow an application
    added, moved, soft-deleted, restored and erased, and the posting moved to another
    organisation; the page reads them without counting its applications."""
    world = World(session, clock, ujm, hr)
    posting, other = world.postings[0], world.postings[1]

    def shown() -> dict[str, int]:
        return applicants.posting_applicants(session, posting, actor=OPERATOR)["counts"]

    people = [world.candidate() for _ in range(3)]
    apps = [applications.start(session, posting, person, actor=person, clock=clock)
            for person in people]
    assert shown() == {}  # drafts are the candidates' own
    for app, person in zip(apps, people, strict=True):
        applications.move(session, app, "submitted", actor=person, clock=clock)
    applications.record_received(session, other, name="Ailleurs", email="a@example.org",
                                 actor=hr, clock=clock)
    assert shown() == {"submitted": 3}
    applications.move(session, apps[0], "under_review", actor=hr, clock=clock)
    assert shown() == {"submitted": 2, "under_review": 1}
    apps[1].deleted_at = clock()
    session.flush()
    assert shown() == {"under_review": 1, "submitted": 1}
    apps[1].deleted_at = None
    session.flush()
    assert shown() == {"under_review": 1, "submitted": 2}
    erase.erase_person(session, people[2], actor=OPERATOR, settings=get_settings(), now=clock())
    assert shown() == {"under_review": 1, "submitted": 1}
    posting.organisation_id = world.other.id
    session.flush()
    assert shown() == {"under_review": 1, "submitted": 1}
    assert stored_posting_counts(session) == fresh_posting_counts(session)
    ran: list[str] = []
    listen = lambda *args: ran.append(args[2])  # noqa: E731
    sa.event.listen(connection, "before_cursor_execute", listen)
    try:
        shown()
    finally:
        sa.event.remove(connection, "before_cursor_execute", listen)
    assert any("posting_status_count" in s for s in ran)
    assert not any("count(" in s.lower() for s in ran), ran
