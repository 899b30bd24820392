from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from tracker.i18n import label
from tracker.models import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    AuditLog,
    PostingStatus,
)
from tracker.services.accounts import users
from tracker.services.hiring import applications, postings
from tracker.services.hiring.applications import TRANSITIONS

S = ApplicationStatus
# 13 May 2024 23:59:59 in Paris (CEST, UTC+2): the last second of the posting's deadline
LAST_SECOND = datetime(2024, 5, 13, 21, 59, 59, tzinfo=UTC)


def make_candidate(session, clock, email="jordan@example.org", name="Jordan Smith"):
    return users.create_user(session, email=email, full_name=name, role="candidate", clock=clock, actor=OPERATOR)


def submitted(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    return applications.move(session, app, "submitted", actor=candidate, clock=clock)


def walk(session, app, path, actor, clock):
    """Move `app` along `path` (a list of statuses) as `actor`."""
    for status in path:
        applications.move(session, app, status, actor=actor, clock=clock)
    return app


# A path from draft to each status, through allowed moves only.
PATH_TO = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.UNDER_REVIEW: [S.SUBMITTED, S.UNDER_REVIEW],
    S.INTERVIEW: [S.SUBMITTED, S.INTERVIEW],
    S.OFFER: [S.SUBMITTED, S.UNDER_REVIEW, S.OFFER],
    S.HIRED: [S.SUBMITTED, S.UNDER_REVIEW, S.OFFER, S.HIRED],
    S.REJECTED: [S.SUBMITTED, S.REJECTED],
    S.WITHDRAWN: [S.WITHDRAWN],
}


def test_start_is_a_draft_with_its_first_history_row(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, cover_letter="Madame, Monsieur",
                             actor=candidate, clock=clock)
    assert app.status is S.DRAFT and app.submitted_at is None and not app.is_late
    assert app.cover_letter == "Madame, Monsieur"
    [first] = app.history
    assert (first.from_status, first.to_status, first.changed_by_id, first.changed_at) == (
        None, S.DRAFT, candidate.id, clock.now)


def test_one_application_per_candidate_and_posting(session, posting, candidate, clock):
    first = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    with pytest.raises(Conflict) as caught:
        applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    assert caught.value.field == "posting"
    assert f"already has application #{first.id} to UJM-TEST-1" in caught.value.message
    # even once withdrawn, the application is still the one of this candidate to this posting
    applications.move(session, first, "withdrawn", actor=candidate, clock=clock)
    with pytest.raises(Conflict):
        applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    # another candidate may apply
    other = make_candidate(session, clock)
    assert applications.start(session, posting, other, clock=clock, actor=OPERATOR).status is S.DRAFT


@pytest.mark.parametrize("status", ["closed", "cancelled", "filled"])
def test_no_application_to_a_posting_no_longer_open(session, posting, candidate, hr, clock,
                                                    status):
    postings.set_status(session, posting, status, actor=hr, clock=clock)
    with pytest.raises(DomainError, match=f"the posting is {status}: no new application") as caught:
        applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    assert caught.value.field == "posting"
    assert session.scalar(sa.select(sa.func.count()).select_from(Application)) == 0


def test_no_application_to_a_public_draft_posting(session, hr, candidate, clock):
    draft = postings.create_posting(session, dict(POSTING), actor=hr, clock=clock, settings=get_settings())
    assert draft.status is PostingStatus.DRAFT
    with pytest.raises(DomainError, match="posting: the posting is not open yet"):
        applications.start(session, draft, candidate, clock=clock, actor=OPERATOR)


def test_only_candidates_apply_and_for_themselves(session, posting, candidate, hr, clock):
    with pytest.raises(DomainError, match="candidate: rh@univ-st-etienne.fr is not a candidate"):
        applications.start(session, posting, hr, clock=clock, actor=OPERATOR)
    other = make_candidate(session, clock)
    with pytest.raises(PermissionDenied, match="candidates apply for themselves only"):
        applications.start(session, posting, candidate, actor=other, clock=clock)
    # the employer side may not link a candidate's account: only the candidate's own act does
    # (issue #12); it records an application it received with the details as given
    with pytest.raises(PermissionDenied) as caught:
        applications.start(session, posting, candidate, actor=hr, clock=clock)
    assert caught.value.field == "candidate"
    app = applications.record_received(session, posting, name="Camille Martin",
                                       email=candidate.email, actor=hr, clock=clock)
    assert app.history[0].changed_by_id == hr.id and app.candidate_id is None


def test_hr_of_another_organisation_may_not_start_one(session, posting, candidate, clock):
    from tracker.services.accounts import organisations

    organisations.create_organisation(session, slug="other", name="Other", clock=clock, actor=OPERATOR)
    stranger = users.create_user(session, email="rh@other.example", full_name="R H", role="hr",
                                 organisation="other", clock=clock, actor=OPERATOR)
    with pytest.raises(PermissionDenied) as caught:
        applications.start(session, posting, candidate, actor=stranger, clock=clock)
    assert caught.value.field == "posting"
    assert caught.value.message == "you may not start applications to this posting"
    assert session.scalar(sa.select(sa.func.count()).select_from(Application)) == 0


def test_submission_before_the_deadline(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    clock.advance(days=3)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    assert app.status is S.SUBMITTED
    assert app.submitted_at == datetime(2024, 4, 18, 8, 0, tzinfo=UTC)
    assert not app.is_late


@pytest.mark.parametrize(
    ("timezone", "last_second"),
    [
        ("Europe/Paris", LAST_SECOND),  # CEST: 23:59:59 = 21:59:59 UTC
        ("America/New_York", datetime(2024, 5, 14, 3, 59, 59, tzinfo=UTC)),  # EDT: UTC-4
        ("Asia/Tokyo", datetime(2024, 5, 13, 14, 59, 59, tzinfo=UTC)),  # JST: UTC+9
    ],
)
def test_deadline_boundary_is_the_end_of_the_day_in_the_postings_zone(
    session, hr, candidate, clock, timezone, last_second
):
    posting = postings.create_posting(session, {**POSTING, "timezone": timezone}, actor=hr,
                                      clock=clock, settings=get_settings())
    postings.set_status(session, posting, "open", actor=hr, clock=clock)
    on_time = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    late = applications.start(session, posting, make_candidate(session, clock), clock=clock, actor=OPERATOR)

    clock.now = last_second
    applications.move(session, on_time, "submitted", actor=on_time.candidate, clock=clock)
    assert on_time.submitted_at == last_second and not on_time.is_late

    clock.now = last_second + timedelta(seconds=1)
    with pytest.raises(DomainError) as caught:
        applications.move(session, late, "submitted", actor=late.candidate, clock=clock)
    assert caught.value.field == "submitted_at"
    assert f"the deadline (2024-05-13 {timezone}) has passed" in caught.value.message
    assert late.status is S.DRAFT and late.submitted_at is None


def test_submission_after_the_deadline_is_refused(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    clock.now = datetime(2024, 5, 20, 9, 0, tzinfo=UTC)
    with pytest.raises(DomainError) as caught:
        applications.move(session, app, "submitted", actor=candidate, clock=clock)
    assert caught.value.field == "submitted_at"
    assert app.status is S.DRAFT
    assert [h.to_status for h in app.history] == [S.DRAFT]


def test_hr_records_a_late_submission(session, posting, candidate, hr, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    clock.now = LAST_SECOND + timedelta(seconds=1)
    applications.move(session, app, "submitted", actor=hr, late=True, comment="posted letter",
                      clock=clock)
    assert app.status is S.SUBMITTED and app.is_late
    assert app.submitted_at == clock.now
    last = app.history[-1]
    assert (last.from_status, last.to_status, last.changed_by_id, last.comment) == (
        S.DRAFT, S.SUBMITTED, hr.id, "posted letter")
    audit = session.scalars(sa.select(AuditLog).where(AuditLog.action == "application.move")).one()
    assert audit.details == {"from": "draft", "to": "submitted", "late": True}


def test_candidate_may_not_record_a_late_submission(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    clock.now = datetime(2024, 5, 14, tzinfo=UTC)
    with pytest.raises(PermissionDenied) as caught:
        applications.move(session, app, "submitted", actor=candidate, late=True, clock=clock)
    assert caught.value.field == "late"
    assert app.status is S.DRAFT and not app.is_late


def test_late_before_the_deadline_is_refused(session, posting, candidate, hr, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    clock.now = LAST_SECOND
    with pytest.raises(DomainError, match="the deadline has not passed") as caught:
        applications.move(session, app, "submitted", actor=hr, late=True, clock=clock)
    assert caught.value.field == "late"
    assert app.status is S.DRAFT


def test_submission_to_a_closed_posting(session, posting, candidate, hr, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    postings.set_status(session, posting, "closed", actor=hr, clock=clock)
    with pytest.raises(DomainError, match="posting: the posting is closed"):
        applications.move(session, app, "submitted", actor=candidate, clock=clock)
    # after the deadline, the employer may still record a late one
    clock.now = datetime(2024, 5, 14, 9, 0, tzinfo=UTC)
    applications.move(session, app, "submitted", actor=hr, late=True, clock=clock)
    assert app.status is S.SUBMITTED and app.is_late


ALLOWED = sorted((a, b) for a, targets in TRANSITIONS.items() for b in targets)


def test_workflow_is_the_documented_one():
    # a rejected application may be reconsidered; hired and withdrawn are final
    documented = {
        S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
        S.SUBMITTED: {S.UNDER_REVIEW, S.INTERVIEW, S.REJECTED, S.WITHDRAWN},
        S.UNDER_REVIEW: {S.INTERVIEW, S.OFFER, S.REJECTED, S.WITHDRAWN},
        S.INTERVIEW: {S.UNDER_REVIEW, S.OFFER, S.REJECTED, S.WITHDRAWN},
        S.OFFER: {S.HIRED, S.REJECTED, S.WITHDRAWN},
        S.HIRED: set(),
        S.REJECTED: {S.UNDER_REVIEW},
        S.WITHDRAWN: set(),
    }
    assert documented == TRANSITIONS
    assert len(ALLOWED) == 18


@pytest.mark.parametrize(("source", "target"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_every_allowed_transition(session, posting, candidate, hr, clock, source, target):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    walk(session, app, PATH_TO[source], hr, clock)
    assert app.status is source
    clock.advance(hours=1)
    applications.move(session, app, target, actor=hr, comment=f"to {target}", clock=clock)
    assert app.status is target
    last = app.history[-1]
    assert (last.from_status, last.to_status, last.changed_at, last.comment) == (
        source, target, clock.now, f"to {target}")


FORBIDDEN = [
    (S.HIRED, S.DRAFT, "none (final)"),
    (S.HIRED, S.REJECTED, "none (final)"),
    (S.WITHDRAWN, S.SUBMITTED, "none (final)"),
    (S.WITHDRAWN, S.DRAFT, "none (final)"),
    (S.DRAFT, S.HIRED, "Submitted, Withdrawn"),
    (S.DRAFT, S.UNDER_REVIEW, "Submitted, Withdrawn"),
    (S.DRAFT, S.DRAFT, "Submitted, Withdrawn"),
    (S.SUBMITTED, S.OFFER, "Interview, Rejected, Under review, Withdrawn"),
    (S.SUBMITTED, S.DRAFT, "Interview, Rejected, Under review, Withdrawn"),
    (S.UNDER_REVIEW, S.HIRED, "Interview, Offer, Rejected, Withdrawn"),
    (S.INTERVIEW, S.SUBMITTED, "Offer, Rejected, Under review, Withdrawn"),
    (S.OFFER, S.INTERVIEW, "Hired, Rejected, Withdrawn"),
    (S.REJECTED, S.HIRED, "Under review"),
    (S.REJECTED, S.OFFER, "Under review"),
]


@pytest.mark.parametrize(("source", "target", "allowed"), FORBIDDEN,
                         ids=[f"{a}->{b}" for a, b, _ in FORBIDDEN])
def test_forbidden_transitions_list_the_allowed_ones(session, posting, candidate, hr, clock,
                                                     source, target, allowed):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    walk(session, app, PATH_TO[source], hr, clock)
    rows = len(app.history)
    with pytest.raises(InvalidTransition) as caught:
        applications.move(session, app, target, actor=hr, clock=clock)
    assert caught.value.field == "status"
    assert caught.value.message == (
        f"cannot move from {label(source)} to {label(target)} (allowed: {allowed})")
    assert app.status is source and len(app.history) == rows


def test_unknown_status_names_the_choices(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    with pytest.raises(DomainError, match="'accepted' is not one of: draft, submitted") as caught:
        applications.move(session, app, "accepted", clock=clock, actor=OPERATOR)
    assert caught.value.field == "status"


def test_candidate_submits_and_withdraws_only_their_own(session, posting, candidate, clock):
    other = make_candidate(session, clock)
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    with pytest.raises(PermissionDenied, match="status: you may not move this application"):
        applications.move(session, app, "submitted", actor=other, clock=clock)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    for target in ("under_review", "interview", "rejected"):
        with pytest.raises(PermissionDenied, match=f"to {label(S(target))}"):
            applications.move(session, app, target, actor=candidate, clock=clock)
    with pytest.raises(PermissionDenied):
        applications.move(session, app, "withdrawn", actor=other, clock=clock)
    applications.move(session, app, "withdrawn", actor=candidate, clock=clock)
    assert app.status is S.WITHDRAWN


def test_hr_of_another_organisation_may_not_move(session, posting, candidate, clock):
    from tracker.services.accounts import organisations

    organisations.create_organisation(session, slug="other", name="Other", clock=clock, actor=OPERATOR)
    stranger = users.create_user(session, email="rh@other.example", full_name="R H", role="hr",
                                 organisation="other", clock=clock, actor=OPERATOR)
    app = submitted(session, posting, candidate, clock)
    with pytest.raises(PermissionDenied):
        applications.move(session, app, "under_review", actor=stranger, clock=clock)
    assert app.status is S.SUBMITTED


def test_history_records_who_when_and_why(session, posting, candidate, hr, clock):
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    steps = [
        (candidate, "submitted", None),
        (hr, "under_review", "Dossier complet"),
        (hr, "rejected", "Profil trop junior"),
        (hr, "under_review", "Reconsidéré après désistement"),
        (OPERATOR, "interview", "operator"),
    ]
    for day, (actor, status, comment) in enumerate(steps, start=1):
        clock.now = datetime(2024, 4, 15 + day, 9, 30, tzinfo=UTC)
        applications.move(session, app, status, actor=actor, comment=comment, clock=clock)
    session.expire_all()
    rows = session.scalars(
        sa.select(ApplicationStatusChange)
        .where(ApplicationStatusChange.application_id == app.id)
        .order_by(ApplicationStatusChange.id)
    ).all()
    assert [(r.from_status, r.to_status, r.changed_by_id, r.changed_at, r.comment)
            for r in rows] == [
        (None, S.DRAFT, candidate.id, datetime(2024, 4, 15, 8, 0, tzinfo=UTC), None),
        (S.DRAFT, S.SUBMITTED, candidate.id, datetime(2024, 4, 16, 9, 30, tzinfo=UTC), None),
        (S.SUBMITTED, S.UNDER_REVIEW, hr.id, datetime(2024, 4, 17, 9, 30, tzinfo=UTC),
         "Dossier complet"),
        (S.UNDER_REVIEW, S.REJECTED, hr.id, datetime(2024, 4, 18, 9, 30, tzinfo=UTC),
         "Profil trop junior"),
        (S.REJECTED, S.UNDER_REVIEW, hr.id, datetime(2024, 4, 19, 9, 30, tzinfo=UTC),
         "Reconsidéré après désistement"),
        (S.UNDER_REVIEW, S.INTERVIEW, None, datetime(2024, 4, 20, 9, 30, tzinfo=UTC),
         "operator"),
    ]
    app = session.get(Application, app.id)
    assert app.submitted_at == datetime(2024, 4, 16, 9, 30, tzinfo=UTC)
    assert app.updated_at == datetime(2024, 4, 20, 9, 30, tzinfo=UTC)


def test_list_filters(session, posting, candidate, hr, clock):
    second = postings.create_posting(session, {**POSTING, "reference": "UJM-TEST-2"}, actor=hr,
                                     clock=clock, settings=get_settings())
    postings.set_status(session, second, "open", actor=hr, clock=clock)
    other = make_candidate(session, clock)
    a1 = submitted(session, posting, candidate, clock)
    a2 = applications.start(session, posting, other, clock=clock, actor=OPERATOR)
    a3 = submitted(session, second, candidate, clock)

    def ids(**filters):
        return [row.id for row in applications.list_applications(session, **filters, actor=OPERATOR).rows]

    assert ids() == [a3.id, a2.id, a1.id]  # newest first
    assert ids(posting="UJM-TEST-1") == [a2.id, a1.id]
    assert ids(candidate="camille@example.org") == [a3.id, a1.id]
    assert ids(candidate="Camille@Example.org") == [a3.id, a1.id]
    assert ids(status="submitted") == [a3.id, a1.id]
    assert ids(status=S.DRAFT) == [a2.id]
    assert ids(posting="UJM-TEST-1", candidate="jordan@example.org", status="draft") == [a2.id]
    assert ids(posting="UJM-TEST-2", status="draft") == []
    row = applications.list_applications(session, posting="UJM-TEST-2", actor=OPERATOR).rows[0]
    assert (row.posting_reference, row.candidate_name, row.candidate_email, row.status,
            row.timezone) == ("UJM-TEST-2", "Camille Martin", "camille@example.org",
                              S.SUBMITTED, "Europe/Paris")


@pytest.mark.parametrize(
    ("filters", "error", "field"),
    [
        ({"posting": "NOPE"}, NotFound, "posting"),
        ({"candidate": "nobody@example.org"}, NotFound, "candidate"),
        ({"candidate": "not-an-address"}, DomainError, "candidate"),
        ({"status": "accepted"}, DomainError, "status"),
        ({"page": 0}, DomainError, "page"),
        ({"per_page": 501}, DomainError, "per_page"),
    ],
)
def test_list_refuses_bad_filters(session, posting, filters, error, field):
    with pytest.raises(error) as caught:
        applications.list_applications(session, **filters, actor=OPERATOR)
    assert caught.value.field == field


def test_list_pagination(session, posting, clock):
    created = [
        applications.start(session, posting,
                           make_candidate(session, clock, f"c{n}@example.org", f"C {n}"),
                           clock=clock, actor=OPERATOR).id
        for n in range(5)
    ]
    newest_first = created[::-1]
    pages = [applications.list_applications(session, page=n, per_page=2, actor=OPERATOR) for n in (1, 2, 3, 4)]
    assert [[r.id for r in p.rows] for p in pages] == [
        newest_first[0:2], newest_first[2:4], newest_first[4:], []]
    assert [p.has_next for p in pages] == [True, True, False, False]
    exact = applications.list_applications(session, per_page=5, actor=OPERATOR)
    assert len(exact.rows) == 5 and not exact.has_next


def test_private_posting_owner_moves_own_application_through_every_status(session, candidate,
                                                                         clock):
    data = {"title": "Project officer", "hiring_organization_name": "Some NGO",
            "employment_type": "permanent", "visibility": "private",
            "valid_through_date": "2024-05-01", "timezone": "Europe/London"}
    private = postings.create_posting(session, data, actor=candidate, clock=clock, settings=get_settings())
    assert private.status is PostingStatus.DRAFT  # a private posting need not be opened
    app = applications.start(session, private, candidate, actor=candidate, clock=clock)
    path = [S.SUBMITTED, S.UNDER_REVIEW, S.INTERVIEW, S.UNDER_REVIEW, S.OFFER, S.HIRED]
    for status in path:
        clock.advance(days=1)
        applications.move(session, app, status, actor=candidate, clock=clock)
    assert app.status is S.HIRED
    assert [h.to_status for h in app.history] == [S.DRAFT, *path]
    assert {h.changed_by_id for h in app.history} == {candidate.id}

    # nobody else sees it, nor applies to it
    other = make_candidate(session, clock)
    with pytest.raises(NotFound, match="no posting with reference"):
        applications.start(session, private, other, actor=other, clock=clock)


def test_private_posting_owner_may_also_reject_and_withdraw(session, candidate, clock):
    data = {"title": "Analyst", "hiring_organization_name": "Elsewhere",
            "employment_type": "permanent", "visibility": "private"}
    private = postings.create_posting(session, data, actor=candidate, clock=clock, settings=get_settings())
    app = applications.start(session, private, candidate, actor=candidate, clock=clock)
    walk(session, app, [S.SUBMITTED, S.REJECTED, S.UNDER_REVIEW, S.WITHDRAWN], candidate, clock)
    assert app.status is S.WITHDRAWN and app.submitted_at == clock.now


def test_a_refused_move_names_the_statuses_in_the_readers_language(session, posting, candidate,
                                                                   hr, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    walk(session, app, PATH_TO[S.INTERVIEW], hr, clock)
    with pytest.raises(InvalidTransition) as caught:
        applications.move(session, app, S.SUBMITTED, actor=hr, clock=clock)
    assert caught.value.text("fr") == (
        "impossible de passer de « entretien » à « déposée » "
        "(possibles : proposition, non retenue, en cours d’examen, retirée)")
    assert caught.value.as_dict("fr")["params"] == {
        "current": "interview", "target": "submitted",
        "allowed": ["offer", "rejected", "under_review", "withdrawn"]}
