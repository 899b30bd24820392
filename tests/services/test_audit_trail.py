"""Reading the audit log: an application's and a posting's trail for the staff who manage
them, the admin's filtered log, and the log-ins recorded (never a password)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
import sqlalchemy as sa

from tests.uploads import two_pages
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import AuditLog
from tracker.services import audit
from tracker.services.accounts import account, organisations, users
from tracker.services.hiring import applications, documents, evidence, interviews, postings

PASSWORD = "correct horse battery staple"


@pytest.fixture
def admin(session, clock):
    return users.create_user(session, email="admin@example.org", full_name="Ada Admin",
                             role="admin", clock=clock, actor=OPERATOR)


@pytest.fixture
def other_hr(session, clock):
    organisations.create_organisation(session, slug="acme", name="ACME", clock=clock,
                                      actor=OPERATOR)
    return users.create_user(session, email="rh@acme.example", full_name="Other HR", role="hr",
                             organisation="acme", clock=clock, actor=OPERATOR)


@pytest.fixture
def reviewed(session, application, candidate, hr, clock):
    """The candidate adds a CV and submits; hr reviews, rates, writes a note, plans, moves and
    cancels an interview, and removes the CV: one thing a minute."""
    cv = documents.add_document(session, application, kind="cv", filename="CV Camille.pdf",
                                content=two_pages(), actor=candidate, clock=clock,
                                settings=get_settings())
    clock.advance(minutes=1)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    clock.advance(minutes=1)
    applications.move(session, application, "under_review", actor=hr, clock=clock)
    clock.advance(minutes=1)
    evidence.rate_evidence(session, application, application.posting.requirements[0], rating=3,
                           actor=hr, clock=clock)
    clock.advance(minutes=1)
    evidence.add_note(session, application, "Très bon dossier", actor=hr, clock=clock)
    clock.advance(minutes=1)
    meeting = interviews.schedule(session, application.posting, day=date(2024, 5, 20),
                                  at=time(10, 0), application=application, actor=hr,
                                  clock=clock)
    clock.advance(minutes=1)
    interviews.reschedule(session, meeting, day=date(2024, 5, 21), at=time(14, 0), actor=hr,
                          clock=clock)
    clock.advance(minutes=1)
    interviews.cancel(session, meeting, actor=hr, clock=clock, reason="jury absent")
    clock.advance(minutes=1)
    documents.remove_document(session, cv, actor=hr, clock=clock)
    session.flush()
    return application


def actions(page):
    return [e.action for e in page.rows]


def test_an_application_trail_holds_what_hangs_from_it_newest_first(session, reviewed, hr):
    found = audit.trail(session, reviewed, actor=hr, per_page=50)
    assert actions(found) == [
        "document.remove", "interview.cancel", "interview.reschedule", "application.move",
        "interview.schedule", "note.add", "evidence.rate", "application.move",
        "application.move", "document.add", "application.start"]
    moves = [e.details for e in found.rows if e.action == "application.move"]
    assert moves[-1] == {"from": "draft", "to": "submitted", "late": False}
    note = next(e for e in found.rows if e.action == "note.add")
    assert note.who == "Claire Dubois <rh@univ-st-etienne.fr>"
    assert "Très bon dossier" not in str(note.details)  # the note's text stays in the note
    assert [e.at for e in found.rows] == sorted((e.at for e in found.rows), reverse=True)


def test_the_trail_is_paged(session, reviewed, hr):
    first = audit.trail(session, reviewed, actor=hr, per_page=4)
    second = audit.trail(session, reviewed, actor=hr, page=2, per_page=4)
    third = audit.trail(session, reviewed, actor=hr, page=3, per_page=4)
    assert first.has_next and second.has_next and not third.has_next
    assert len(first.rows) == 4 and len(third.rows) == 3
    assert not {e.id for e in first.rows} & {e.id for e in second.rows}


def test_a_posting_trail_is_the_posting_own(session, reviewed, posting, hr):
    found = audit.trail(session, posting, actor=hr)
    assert actions(found) == ["posting.open", "posting.create"]
    assert found.rows[0].details == {"from": "draft"}


def test_staff_of_another_organisation_and_candidates_read_no_trail(
        session, reviewed, posting, candidate, other_hr):
    for who in (other_hr, candidate):
        with pytest.raises(PermissionDenied):
            audit.trail(session, reviewed, actor=who)
        with pytest.raises(PermissionDenied):
            audit.trail(session, posting, actor=who)


def test_hr_read_no_trail_of_a_draft_but_admins_and_the_operator_do(
        session, application, hr, admin):
    with pytest.raises(PermissionDenied):
        audit.trail(session, application, actor=hr)
    assert actions(audit.trail(session, application, actor=admin)) == ["application.start"]
    assert actions(audit.trail(session, application, actor=OPERATOR)) == ["application.start"]


def test_the_system_is_no_one(session, posting, clock):
    postings.set_status(session, posting, "closed", actor=OPERATOR, clock=clock)
    latest = audit.trail(session, posting, actor=OPERATOR).rows[0]
    assert (latest.action, latest.who, latest.actor_email) == ("posting.closed", None, None)


def test_admins_search_the_whole_log(session, reviewed, posting, hr, admin, clock):
    everything = audit.search(session, audit.Filters(), actor=admin, per_page=500)
    assert {"user.create", "posting.create", "note.add"} <= set(actions(everything))
    by_hr = audit.search(session, audit.Filters(actor_email=" RH@univ-st-etienne.fr"),
                         actor=admin, per_page=500)
    assert by_hr.rows and {e.actor_email for e in by_hr.rows} == {"rh@univ-st-etienne.fr"}
    family = audit.search(session, audit.Filters(action="interview"), actor=admin)
    assert actions(family) == ["interview.cancel", "interview.reschedule", "interview.schedule"]
    one = audit.search(session, audit.Filters(action="interview.cancel"), actor=admin)
    assert actions(one) == ["interview.cancel"]
    by_reference = audit.search(session, audit.Filters(entity=f"posting:{posting.reference}"),
                                actor=admin)
    assert actions(by_reference) == ["posting.open", "posting.create"]
    by_application = audit.search(session, audit.Filters(entity=f"application:{reviewed.id}"),
                                  actor=admin, per_page=500)
    assert len(by_application.rows) == 11
    notes = audit.search(session, audit.Filters(entity="note"), actor=admin)
    assert actions(notes) == ["note.add"]


def test_the_period_is_counted_in_days_of_a_zone(session, posting, admin, clock):
    # the posting was created and opened at 08:00 UTC on 15 April 2024
    day = date(2024, 4, 15)
    assert audit.search(session, audit.Filters(since=day, until=day, action="posting"),
                        actor=admin).rows
    assert not audit.search(session, audit.Filters(since=date(2024, 4, 16), action="posting"),
                            actor=admin).rows
    assert not audit.search(session, audit.Filters(until=date(2024, 4, 14), action="posting"),
                            actor=admin).rows
    # 08:00 UTC on the 15th is still the 14th in Honolulu (UTC-10)
    assert audit.search(session, audit.Filters(until=date(2024, 4, 14), action="posting",
                                               timezone="Pacific/Honolulu"), actor=admin).rows
    assert not audit.search(session, audit.Filters(since=day, action="posting",
                                                   timezone="Pacific/Honolulu"), actor=admin).rows


@pytest.mark.parametrize(("filters", "field"), [
    (audit.Filters(actor_email="nobody@example.org"), "actor"),
    (audit.Filters(entity="spaceship:3"), "entity"),
    (audit.Filters(entity="posting:NO-SUCH-REF"), "entity"),
    (audit.Filters(entity="application:x"), "entity"),
    (audit.Filters(since=date(2024, 5, 2), until=date(2024, 5, 1)), "until"),
    (audit.Filters(timezone="Mars/Olympus"), "timezone"),
    (audit.Filters(action="x" * 61), "action"),
])
def test_a_filter_not_understood_is_an_error_naming_it(session, admin, filters, field):
    with pytest.raises(DomainError) as caught:
        audit.search(session, filters, actor=admin)
    assert caught.value.field == field


def test_only_admins_and_the_operator_search(session, hr, candidate, posting):
    for who in (hr, candidate):
        with pytest.raises(PermissionDenied):
            audit.search(session, audit.Filters(), actor=who)
    assert audit.search(session, audit.Filters(), actor=OPERATOR).rows


def logins(session):
    return list(session.scalars(sa.select(AuditLog).where(AuditLog.action.like("login.%"))
                                .order_by(AuditLog.id)))


def test_log_ins_are_recorded_without_the_password(session, candidate, clock):
    users_password = PASSWORD  # noqa: S105
    account.set_password(session, candidate, users_password, actor=OPERATOR, clock=clock)
    assert account.log_in(session, "Camille@example.org", users_password, ip="192.0.2.7",
                          clock=clock) is not None
    assert account.log_in(session, "camille@example.org", "wrong password!", ip="192.0.2.7",
                          clock=clock) is None
    assert account.log_in(session, "ghost@example.org", users_password, ip="192.0.2.8",
                          clock=clock) is None
    assert account.log_in(session, users_password, users_password, ip=None,
                          clock=clock) is None  # a password typed in the address field
    ok, failed_known, failed_unknown, typed = logins(session)
    assert (ok.action, ok.actor_id, ok.entity_type, ok.entity_id) == (
        "login.ok", candidate.id, "user_account", candidate.id)
    assert (failed_known.action, failed_known.actor_id, failed_known.entity_id) == (
        "login.failed", None, candidate.id)
    assert failed_unknown.entity_type == "login" and failed_unknown.details == {
        "ip": "192.0.2.8", "email": "ghost@example.org"}
    assert typed.details == {"ip": None}
    every = session.execute(sa.select(AuditLog.details)).scalars().all()
    assert users_password not in str(every) and "wrong password!" not in str(every)


def test_the_admin_log_shows_log_ins(session, candidate, admin, clock):
    account.log_in(session, "ghost@example.org", "whatever it is", ip=None, clock=clock)
    found = audit.search(session, audit.Filters(action="login"), actor=admin)
    assert [(e.action, e.who, e.details.get("email")) for e in found.rows] == [
        ("login.failed", None, "ghost@example.org")]
    as_dict = found.rows[0].as_dict()
    assert as_dict["entity"] == "login:0" and as_dict["at"] == datetime(
        2024, 4, 15, 8, 0, tzinfo=UTC).isoformat()
