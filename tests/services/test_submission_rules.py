"""What a candidate may still change, and what a submission needs: documents, answers and the
letter are the candidate's to change while the application is a draft only; submitting to a
posting applied to in the tracker needs the documents it requires. The same rules for pages,
API and CLI, since they live here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.uploads import make_pdf
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.models import ApplicationStatus, Document
from tracker.services.hiring import applications, documents, evidence, postings

FINAL = "submitted on 2024-04-15: it can no longer be changed"


def add(session, application, actor, clock, kind="cv", text="CV"):  # noqa: ANN001, ANN201
    return documents.add_document(session, application, kind=kind, filename=f"{kind}.pdf",
                                  content=make_pdf(text), actor=actor, clock=clock, settings=get_settings())


@pytest.fixture
def submitted(session, application, candidate, clock):  # noqa: ANN001, ANN201
    """The candidate's application with a CV and an answer, submitted on 15 April 2024."""
    add(session, application, candidate, clock)
    evidence.give_evidence(session, application, application.posting.requirements[0],
                           evidence="TOEIC 945", self_rating=3, actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    return application


def refused(call) -> DomainError:  # noqa: ANN001
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


def test_a_submitted_application_is_no_longer_the_candidates_to_change(
        session, submitted, candidate, clock) -> None:  # noqa: ANN001
    requirement = submitted.posting.requirements[0]
    cv = session.scalars(sa.select(Document).where(
        Document.application_id == submitted.id)).one()
    attempts = {
        "answer": lambda: evidence.give_evidence(session, submitted, requirement,
                                                 evidence="changed", actor=candidate,
                                                 clock=clock),
        "add": lambda: add(session, submitted, candidate, clock, "diploma", "Master"),
        "remove": lambda: documents.remove_document(session, cv, actor=candidate, clock=clock),
        "letter": lambda: evidence.set_cover_letter(session, submitted, "Madame,",
                                                    actor=candidate, clock=clock),
    }
    for name, attempt in attempts.items():
        error = refused(attempt)
        assert (error.field, error.message) == ("application", FINAL), name
    session.expire_all()
    assert [e.evidence for e in submitted.evidence] == ["TOEIC 945"]
    assert [d.kind.value for d in submitted.documents] == ["cv"]
    assert submitted.cover_letter is None


def test_a_withdrawn_draft_says_so(session, application, candidate, clock) -> None:  # noqa: ANN001
    applications.move(session, application, "withdrawn", actor=candidate, clock=clock)
    error = refused(lambda: evidence.give_evidence(
        session, application, application.posting.requirements[0], evidence="x",
        actor=candidate, clock=clock))
    assert (error.field, error.message) == ("application",
                                            "Withdrawn: it can no longer be changed")


def test_the_employer_side_still_rates_notes_and_adds_its_documents(
        session, submitted, hr, clock) -> None:  # noqa: ANN001
    requirement = submitted.posting.requirements[0]
    assert evidence.rate_evidence(session, submitted, requirement, rating=4, actor=hr,
                                  clock=clock).reviewer_rating == 4
    evidence.add_note(session, submitted, "Bon dossier", actor=hr, clock=clock)
    theirs = add(session, submitted, hr, clock, "other", "Grille d'entretien")
    add(session, submitted, OPERATOR, clock, "other", "Added by the operator")
    documents.remove_document(session, theirs, actor=hr, clock=clock)


def in_app(session, posting, hr, clock, **fields):  # noqa: ANN001, ANN003, ANN201
    postings.update_posting(session, posting, {
        "apply_method": "in_app", "apply_email": None, "required_documents": [
            {"kind": "cv", "label": "Curriculum vitae"},
            {"kind": "cover_letter", "label": "Lettre de motivation"},
            {"kind": "diploma", "label": "Diplôme", "required": False}], **fields},
        actor=hr, clock=clock, settings=get_settings())
    session.flush()
    return posting


def test_submitting_in_the_tracker_needs_the_required_documents(
        session, application, posting, candidate, hr, clock) -> None:  # noqa: ANN001
    in_app(session, posting, hr, clock)
    error = refused(lambda: applications.move(session, application, "submitted",
                                              actor=candidate, clock=clock))
    assert error.field == "documents"
    assert error.message == "required by the posting and missing: Curriculum vitae, " \
                            "Lettre de motivation"
    add(session, application, candidate, clock)
    error = refused(lambda: applications.move(session, application, "submitted",
                                              actor=candidate, clock=clock))
    assert error.message.endswith("missing: Lettre de motivation")  # the optional one is not
    add(session, application, candidate, clock, "cover_letter", "Lettre")
    # unanswered required requirements do not block (the page asks to confirm)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    assert application.status is ApplicationStatus.SUBMITTED


def test_a_typed_letter_is_the_cover_letter_everywhere(
        session, application, posting, candidate, hr, clock) -> None:  # noqa: ANN001
    """One rule (hiring.required_missing) says which required documents an application
    provides: a letter typed in the letter box is its cover letter, for the submission, the
    candidate's "still to show" list and the dossiers alike."""
    from tracker.services.views import overview

    in_app(session, posting, hr, clock)
    add(session, application, candidate, clock)  # the CV, no letter uploaded
    assert applications.missing_documents(session, application) == ["Lettre de motivation"]
    evidence.set_cover_letter(session, application, "   ", actor=candidate, clock=clock)
    assert applications.missing_documents(session, application) == ["Lettre de motivation"]
    evidence.set_cover_letter(session, application, "Madame, Monsieur,\n\nJe postule.",
                              actor=candidate, clock=clock)
    assert applications.missing_documents(session, application) == []
    session.expire(application, ["documents"])
    shown = overview.application_detail(session, application).missing
    assert [m["label"] for m in shown if m["what"] == "document"] == []
    listed = overview.candidate_applications(session, candidate, clock=clock)
    assert [m["label"] for row in listed for m in row["missing"] if m["what"] == "document"] == []
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    assert application.status is ApplicationStatus.SUBMITTED


def test_a_posting_applied_to_elsewhere_is_only_recorded(
        session, application, posting, candidate, hr, clock) -> None:  # noqa: ANN001
    in_app(session, posting, hr, clock, apply_method="email",
           apply_email="recrutement@univ-st-etienne.fr")
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    assert application.status is ApplicationStatus.SUBMITTED


@pytest.mark.parametrize("who", ["hr", "operator"])
def test_late_submissions_by_the_employer_or_operator_are_not_affected(
        session, application, posting, hr, clock, who) -> None:  # noqa: ANN001
    in_app(session, posting, hr, clock)
    clock.now = datetime(2024, 5, 20, 9, 0, tzinfo=UTC)  # after the deadline
    applications.move(session, application, "submitted", actor=hr if who == "hr" else OPERATOR,
                      late=True, clock=clock)
    assert application.status is ApplicationStatus.SUBMITTED and application.is_late
