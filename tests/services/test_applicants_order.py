"""The applicants page of a posting, page by page (issue #16 item 4): each status sorted by the
database from the number in every status, and sorted by fit from the stored scores once they
are all fresh. Whatever the sort and the page size, the pages put end to end are the posting's
applicants in workflow order, each status in the order the sort asks, and no statement reads
every application's score once they are stored."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.services.test_fit import candidate_with, make_posting
from tracker.models import Application
from tracker.services.fit.scores import computed_summaries
from tracker.services.hiring import applications, evidence
from tracker.services.views import applicants, overview

REQUIREMENTS = [{"kind": "knowledge", "label": "Droit public"},
                {"kind": "technical_skill", "label": "Gestion de projet", "required": False}]
# (status, self-rating of the first requirement or None, of the second): several of a score
PEOPLE = [("submitted", 4, None), ("submitted", 2, None), ("submitted", None, None),
          ("submitted", 4, None), ("under_review", 2, 4), ("under_review", 4, 4),
          ("under_review", None, 1), ("interview", 4, None), ("rejected", 1, None),
          ("rejected", 4, 4), ("rejected", None, None), ("submitted", 3, 2),
          ("interview", None, None), ("under_review", 4, 4), ("rejected", 2, 2)]
SORTS = ["submitted", "name", "updated", "fit"]


@pytest.fixture
def filled(session, hr, clock):  # noqa: ANN001, ANN201
    posting = make_posting(session, hr, clock, REQUIREMENTS)
    for number, (status, first, second) in enumerate(PEOPLE):
        person = candidate_with(session, clock, email=f"p{(number * 7) % 15:02}@example.org")
        app = applications.start(session, posting, person, actor=person, clock=clock)
        for requirement, rating in zip(posting.requirements, (first, second), strict=True):
            if rating is not None:
                evidence.give_evidence(session, app, requirement, evidence="Fait",
                                       self_rating=rating, actor=person, clock=clock)
        clock.advance(minutes=(number * 5) % 7 + 1)
        applications.move(session, app, "submitted", actor=person, clock=clock)
        if status != "submitted":
            applications.move(session, app, status, actor=hr, clock=clock)
    session.flush()
    return posting


def expected(session, posting, sort: str) -> list[int]:  # noqa: ANN001
    """The posting's applicants in the page's order, worked out here from their rows."""
    apps = list(session.scalars(sa.select(Application).where(
        Application.posting_id == posting.id)))
    rank = {status: n for n, status in enumerate(overview.STATUS_ORDER)}
    scores = computed_summaries(session, [a.id for a in apps])
    keys = {
        "submitted": lambda a: (a.submitted_at or a.created_at, a.id),
        "name": lambda a: (a.person_name.lower(), a.id),
        "updated": lambda a: (-a.updated_at.timestamp(), a.id),
        "fit": lambda a: (-scores[a.id].score, -scores[a.id].assessed, -a.id),
    }
    return [a.id for a in sorted(apps, key=lambda a: (rank[a.status], keys[sort](a)))]


def pages(session, posting, hr, sort: str, per_page: int) -> list[int]:  # noqa: ANN001
    found, page = [], 1
    while True:
        shown = applicants.posting_applicants(session, posting, actor=hr, sort=sort, page=page,
                                            per_page=per_page)
        found += [row["id"] for group in shown["groups"] for row in group["rows"]]
        if not shown["page"].has_next:
            return found
        page += 1


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("per_page", [1, 2, 4, 5, 15, 100])
def test_the_pages_end_to_end_are_the_applicants_in_order(session, filled, hr, sort,
                                                          per_page) -> None:  # noqa: ANN001
    assert pages(session, filled, hr, sort, per_page) == expected(session, filled, sort)


def test_by_fit_the_order_follows_a_changed_score(session, filled, hr, clock) -> None:  # noqa: ANN001
    pages(session, filled, hr, "fit", 4)  # every score stored
    lowest = expected(session, filled, "fit")[3]  # the last of the submitted ones
    app = session.get(Application, lowest)
    evidence.rate_evidence(session, app, filled.requirements[0], rating=4, actor=hr,
                           clock=clock)
    session.flush()
    now = expected(session, filled, "fit")
    assert now.index(lowest) < 3  # it moved up among the submitted
    assert pages(session, filled, hr, "fit", 4) == now


def test_by_fit_the_stored_scores_are_sorted_by_the_database(session, filled, hr,
                                                             connection) -> None:  # noqa: ANN001
    pages(session, filled, hr, "fit", 2)  # every score stored
    seen: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, *_rest) -> None:  # noqa: ANN001
        seen.append((statement, parameters))

    sa.event.listen(connection, "before_cursor_execute", keep)
    try:
        shown = applicants.posting_applicants(session, filled, actor=hr, sort="fit", page=2,
                                            per_page=2)
    finally:
        sa.event.remove(connection, "before_cursor_execute", keep)
    assert [row["id"] for group in shown["groups"] for row in group["rows"]] == expected(
        session, filled, "fit")[2:4]
    # the page's ids only, not one per applicant of the posting
    widest = max(len(parameters) for _statement, parameters in seen)
    assert widest < len(PEOPLE) - 4, seen
    assert not any("candidate_profile" in statement for statement, _ in seen)
