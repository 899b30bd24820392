"""Bulk moves: each application checked on its own; what may move moves (with its history
entry), what may not is reported by name with the reason and stays as it was."""

from __future__ import annotations

import pytest

from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.models import ApplicationStatus
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, bulk


def _submitted(session, posting, name: str, clock):  # noqa: ANN001, ANN202
    person = users.create_user(session, email=f"{name.lower()}@example.org", full_name=name,
                               role="candidate", clock=clock, actor=OPERATOR)
    app = applications.start(session, posting, person, actor=person, clock=clock)
    applications.move(session, app, "submitted", actor=person, clock=clock)
    return app


def test_moves_what_may_move_and_reports_the_rest_by_name(session, posting, hr, clock) -> None:  # noqa: ANN001
    anna, bruno, chloe = (_submitted(session, posting, n, clock) for n in ("Anna", "Bruno", "Chloe"))
    applications.move(session, chloe, "rejected", actor=hr, clock=clock)
    outcomes = bulk.bulk_move(session, [anna.id, bruno.id, chloe.id, 999999], "under_review",
                              actor=hr, comment="Premier tri", clock=clock)
    assert [(o.name, o.moved, o.problem) for o in outcomes] == [
        ("Anna", True, None), ("Bruno", True, None),
        ("Chloe", True, None),  # rejected -> under_review: reconsidered, allowed
        (None, False, bulk.NOT_FOUND)]
    outcomes = bulk.bulk_move(session, [anna.id, chloe.id], "hired", actor=hr, clock=clock)
    assert [(o.name, o.moved, o.problem, o.from_status) for o in outcomes] == [
        ("Anna", False, bulk.NOT_ALLOWED, "under_review"),
        ("Chloe", False, bulk.NOT_ALLOWED, "under_review")]
    session.refresh(anna)
    assert anna.status is ApplicationStatus.UNDER_REVIEW
    # each moved application keeps its own history entry, with the comment
    last = anna.history[-1]
    assert (last.from_status, last.to_status, last.comment, last.changed_by_id) == (
        ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, "Premier tri", hr.id)


def test_another_organisations_hr_moves_nothing(session, posting, clock) -> None:  # noqa: ANN001
    anna = _submitted(session, posting, "Anna", clock)
    organisations.create_organisation(session, slug="acme", name="ACME", clock=clock,
                                      actor=OPERATOR)
    other = users.create_user(session, email="rh@acme.example", full_name="Other", role="hr",
                              organisation="acme", clock=clock, actor=OPERATOR)
    [outcome] = bulk.bulk_move(session, [anna.id], "rejected", actor=other, clock=clock)
    assert (outcome.moved, outcome.name, outcome.problem) == (False, None, bulk.NOT_FOUND)
    session.refresh(anna)
    assert anna.status is ApplicationStatus.SUBMITTED


def test_a_candidate_cannot_bulk_move_their_own_beyond_withdrawing(session, posting, clock) -> None:  # noqa: ANN001
    anna = _submitted(session, posting, "Anna", clock)
    [outcome] = bulk.bulk_move(session, [anna.id], "under_review", actor=anna.candidate,
                               clock=clock)
    assert (outcome.moved, outcome.problem) == (False, bulk.FORBIDDEN)


def test_preview_writes_nothing(session, posting, hr, clock) -> None:  # noqa: ANN001
    anna = _submitted(session, posting, "Anna", clock)
    [outcome] = bulk.preview_bulk(session, [anna.id], "rejected", actor=hr)
    assert (outcome.name, outcome.moved) == ("Anna", True)
    session.refresh(anna)
    assert anna.status is ApplicationStatus.SUBMITTED and len(anna.history) == 2


@pytest.mark.parametrize(("ids", "status", "field"), [
    ([], "rejected", "applications"), (["x"], "rejected", "applications"),
    (["1"], "nowhere", "status")])
def test_bad_requests_name_their_field(session, hr, ids, status, field) -> None:  # noqa: ANN001
    with pytest.raises(DomainError) as caught:
        bulk.bulk_move(session, ids, status, actor=hr)
    assert caught.value.field == field


def test_each_moved_candidate_gets_the_templated_message_in_their_language(
        session, posting, hr, clock) -> None:  # noqa: ANN001
    from tracker.models import ApplicationMessage

    anna = _submitted(session, posting, "Anna", clock)
    bruno = _submitted(session, posting, "Bruno", clock)
    bruno.candidate.locale = "en"
    applications.move(session, bruno, "rejected", actor=hr, clock=clock)
    outcomes = bulk.bulk_move(session, [anna.id, bruno.id], "rejected", actor=hr, clock=clock,
                              message=bulk.BulkMessage("rejection_after_review"))
    assert [(o.name, o.moved) for o in outcomes] == [("Anna", True), ("Bruno", False)]
    [sent] = session.query(ApplicationMessage).all()  # Bruno, not moved, is sent nothing
    assert (sent.application_id, sent.language.value) == (anna.id, "fr")
    assert "Anna" in sent.body


def test_a_message_needs_a_template_or_a_text(session, posting, hr, clock) -> None:  # noqa: ANN001
    anna = _submitted(session, posting, "Anna", clock)
    for message, field in ((bulk.BulkMessage(), "message"),
                           (bulk.BulkMessage("nonsense"), "message"),
                           (bulk.BulkMessage(subject="Objet"), "message_body")):
        with pytest.raises(DomainError) as caught:
            bulk.bulk_move(session, [anna.id], "rejected", actor=hr, message=message)
        assert caught.value.field == field
    session.refresh(anna)
    assert anna.status is ApplicationStatus.SUBMITTED
