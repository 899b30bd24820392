"""A draft is its candidate's own until submitted: hr never see one (not found, like any
record they may not see), in lists, counts, exports and dossier batches alike; admins and the
operator see everything."""

from __future__ import annotations

import csv
import io

import pytest

from tracker.domain.access import OPERATOR
from tracker.domain.errors import NotFound
from tracker.services.accounts import users
from tracker.services.dossiers import batch as dossier_batch
from tracker.services.hiring import applications, postings
from tracker.services.views import overview


@pytest.fixture
def admin(session, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="admin@example.org", full_name="Ada Admin",
                             role="admin", clock=clock, actor=OPERATOR)


@pytest.fixture
def two(session, posting, candidate, clock):  # noqa: ANN001, ANN201
    """Camille's draft and Jordan's submitted application to the UJM posting."""
    jordan = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                               role="candidate", clock=clock, actor=OPERATOR)
    draft = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    sent = applications.start(session, posting, jordan, actor=jordan, clock=clock)
    applications.move(session, sent, "submitted", actor=jordan, clock=clock)
    session.flush()
    return draft, sent


def ids(rows) -> set[int]:  # noqa: ANN001
    return {row.id for row in rows}


def test_hr_do_not_see_drafts_admins_and_the_operator_do(session, two, hr, admin, candidate) -> None:  # noqa: ANN001
    draft, sent = two
    with pytest.raises(NotFound, match=f"no application #{draft.id}"):
        applications.get_application(session, draft.id, actor=hr)
    assert applications.get_application(session, sent.id, actor=hr) is sent
    for who in (admin, OPERATOR, candidate):
        assert applications.get_application(session, draft.id, actor=who) is draft
    listed = {who: ids(applications.list_applications(session, posting="UJM-TEST-1",
                                                      actor=actor).rows)
              for who, actor in (("hr", hr), ("admin", admin), ("operator", OPERATOR))}
    assert listed == {"hr": {sent.id}, "admin": {draft.id, sent.id},
                      "operator": {draft.id, sent.id}}
    assert ids(applications.list_applications(session, status="draft", actor=hr).rows) == set()
    assert ids(applications.list_applications(session, sort="fit", posting="UJM-TEST-1",
                                              actor=hr).rows) == {sent.id}


def test_counts_leave_drafts_out_for_hr(session, two, hr, admin, clock) -> None:  # noqa: ANN001
    assert "draft" not in overview.hr_dashboard(session, hr, clock=clock).status_counts
    assert overview.hr_dashboard(session, hr, clock=clock).status_counts["submitted"] == 1
    assert overview.hr_dashboard(session, admin, clock=clock).status_counts["draft"] == 1
    counts = {who: {s.value: n for s, n in postings.list_postings(
        session, actor=actor).rows[0].counts.items()} for who, actor in (("hr", hr),
                                                                         ("admin", admin))}
    assert counts == {"hr": {"submitted": 1}, "admin": {"draft": 1, "submitted": 1}}


def test_exports_and_dossier_batches_for_hr_leave_drafts_out(session, two, hr, cli) -> None:  # noqa: ANN001
    draft, sent = two
    assert dossier_batch.application_ids(session, "UJM-TEST-1", actor=hr) == [sent.id]
    assert dossier_batch.application_ids(session, "UJM-TEST-1", actor=OPERATOR) == sorted([draft.id, sent.id])
    exported = cli(f"--as {hr.email} application list --posting UJM-TEST-1 --format csv")
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.output.lstrip("\ufeff"))))
    assert [row["status"] for row in rows] == ["submitted"]
    assert "application: no application" in cli(
        f"--as {hr.email} application show {draft.id}").output
