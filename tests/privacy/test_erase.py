"""Erasure (issue #13 item 2): no row names the person afterwards, on SQLite and PostgreSQL;
the audit trail keeps what happened with a stable pseudonym; files naming them go; a record of
the erasure stays; rights fail closed; a candidate's request is carried out by an admin."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.privacy.conftest import EMAIL, NAME, rows_naming
from tests.uploads import make_pdf
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.models import (
    Application,
    AuditLog,
    Document,
    Erasure,
    ErasureStatus,
    LoginSession,
    Posting,
    User,
)
from tracker.services.accounts import users
from tracker.services.privacy import erase


def test_after_erasure_no_row_holds_the_persons_email_or_name(session, traces, settings, clock,
                                                              posting, hr):  # noqa: ANN001
    assert rows_naming(session, EMAIL, NAME)  # the traces are there to begin with
    person_id = traces.candidate.id
    before = session.scalar(sa.select(sa.func.count()).select_from(AuditLog))

    erase.erase_person(session, traces.candidate, actor=OPERATOR, settings=settings,
                       now=clock())
    session.expire_all()

    assert rows_naming(session, EMAIL, NAME, "192.0.2.7", "CV Camille", "Firefox on") == []
    assert session.get(User, person_id) is None
    assert session.get(Application, traces.application.id) is None
    assert session.get(Application, traces.received.id) is None  # recorded under her address
    assert session.scalar(sa.select(sa.func.count()).select_from(Document)) == 0
    assert session.scalar(sa.select(sa.func.count()).select_from(LoginSession)) == 0
    # what others own stays: the posting, its hr user
    assert session.get(Posting, posting.id) is not None and session.get(User, hr.id) is not None
    # the audit trail keeps every entry (and one more: the erasure)
    assert session.scalar(sa.select(sa.func.count()).select_from(AuditLog)) == before + 1


def test_the_audit_trail_keeps_what_happened_with_one_stable_pseudonym(session, traces,
                                                                       settings, clock):  # noqa: ANN001
    person_id = traces.candidate.id
    mine = [e.id for e in session.scalars(sa.select(AuditLog).where(
        AuditLog.actor_id == person_id))]
    actions = sorted(e.action for e in session.scalars(sa.select(AuditLog).where(
        AuditLog.actor_id == person_id)))
    assert len(mine) >= 4 and "document.add" in actions

    record = erase.erase_person(session, traces.candidate, actor=OPERATOR, settings=settings,
                                now=clock())
    session.expire_all()

    label = erase.pseudonym(person_id, settings=settings)
    assert label.startswith("person-") and record.subject_label == label
    entries = list(session.scalars(sa.select(AuditLog).where(AuditLog.id.in_(mine))))
    assert sorted(e.action for e in entries) == actions  # what happened, still there
    assert {(e.actor_id, e.actor_label) for e in entries} == {(None, label)}
    [added] = [e for e in entries if e.action == "document.add"]
    assert added.details["filename"] == erase.ERASED and added.details["kind"] == "cv"
    [done] = session.scalars(sa.select(AuditLog).where(AuditLog.action == "user.erase"))
    assert done.entity_id == person_id and done.details["source"] == "operator"


def test_the_pseudonym_is_stable_and_keyed(settings) -> None:  # noqa: ANN001
    first = erase.pseudonym(42, settings=settings)
    assert first == erase.pseudonym(42, settings=settings)
    assert first != erase.pseudonym(43, settings=settings)
    other_key = settings.model_copy(update={"secret_key": "another key"})
    assert first != erase.pseudonym(42, settings=other_key)


def test_a_record_of_the_erasure_stays_without_personal_data(session, traces, settings, clock,
                                                             admin_user):  # noqa: ANN001
    record = erase.erase_person(session, traces.candidate, actor=admin_user, settings=settings,
                                now=clock())
    session.flush()
    session.expire_all()
    [row] = session.scalars(sa.select(Erasure))
    assert row.id == record.id and row.status is ErasureStatus.DONE and row.user_id is None
    assert row.done_at == clock() and row.done_by_id == admin_user.id and row.source == "admin"
    assert row.counts["applications"] == 1 and row.counts["received_applications"] == 1
    assert row.counts["documents"] == 1 and row.counts["login_sessions"] == 1
    assert EMAIL not in str(row.counts) and NAME not in str(row.counts)


def test_files_naming_the_person_go_and_others_stay(session, traces, settings, clock) -> None:  # noqa: ANN001
    reports = settings.reports_dir
    folder = reports / "ujm" / "UJM-TEST-1"
    folder.mkdir(parents=True)
    named = folder / "dossier-de-candidature-camille-martin-fr.pdf"  # named after her
    named.write_bytes(b"%PDF-1.7 not really")
    listing = reports / "exports" / "applicants.csv"  # her address inside
    listing.parent.mkdir()
    listing.write_text("name,email\nCamille Martin,camille@example.org\n", encoding="utf-8")
    panel = folder / "dossier-du-jury-ujm-test-1-fr.pdf"  # her name in its text only
    panel.write_bytes(make_pdf("Candidats : Bob Brun, Camille MARTIN"))
    other = folder / "dossier-de-candidature-camille-martinez-fr.pdf"  # another person
    other.write_bytes(make_pdf("Dossier de Camille Martínez"))
    other_import = settings.data_dir / "imports" / f"{traces.candidate.id + 1000}-{'y' * 32}"
    other_import.write_bytes(b"someone else's import")

    plan = erase.erasure_plan(session, traces.candidate, actor=OPERATOR, settings=settings)
    assert set(plan.files) == {named, listing, panel, traces.import_file}

    erase.erase_person(session, traces.candidate, actor=OPERATOR, settings=settings,
                       now=clock())
    assert not any(p.exists() for p in (named, listing, panel, traces.import_file))
    assert other.exists() and other_import.exists()


def test_rights_fail_closed(session, traces, settings, clock, hr, candidate_b) -> None:  # noqa: ANN001
    for actor in (hr, candidate_b):
        with pytest.raises(PermissionDenied):
            erase.erase_person(session, traces.candidate, actor=actor, settings=settings,
                               now=clock())
    with pytest.raises(DomainError, match="staff"):
        erase.erase_person(session, hr, actor=OPERATOR, settings=settings, now=clock())
    with pytest.raises(TypeError):
        erase.erase_person(session, traces.candidate, settings=settings, now=clock())  # type: ignore[call-arg]
    assert session.get(User, traces.candidate.id) is not None


def test_a_request_is_recorded_then_carried_out_by_an_admin(session, traces, settings, clock,
                                                            admin_user, candidate_b) -> None:  # noqa: ANN001
    person = traces.candidate
    request = erase.request_erasure(session, person, actor=person, settings=settings,
                                    now=clock())
    again = erase.request_erasure(session, person, actor=person, settings=settings, now=clock())
    assert again.id == request.id
    assert erase.pending_request(session, person, actor=person) is not None
    with pytest.raises(PermissionDenied):
        erase.request_erasure(session, person, actor=candidate_b, settings=settings,
                              now=clock())
    with pytest.raises(PermissionDenied):
        erase.list_erasures(session, actor=person)
    [row] = erase.list_erasures(session, actor=admin_user)
    assert (row.status, row.email, row.full_name) == ("requested", EMAIL, NAME)

    clock.advance(days=2)
    erase.carry_out_request(session, request.id, actor=admin_user, settings=settings,
                            now=clock())
    session.expire_all()
    [row] = erase.list_erasures(session, actor=admin_user)
    assert (row.status, row.email, row.full_name, row.source) == ("done", None, None, "request")
    assert row.done_by == admin_user.email and row.requested_at < row.done_at
    with pytest.raises(NotFound):
        erase.carry_out_request(session, request.id, actor=admin_user, settings=settings,
                                now=clock())


@pytest.fixture
def admin_user(session, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="admin@example.org", full_name="Ada Admin",
                             role="admin", clock=clock, actor=OPERATOR)


@pytest.fixture
def candidate_b(session, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="bob@example.org", full_name="Bob Brun",
                             role="candidate", clock=clock, actor=OPERATOR)


def test_how_a_name_is_recognised_in_text() -> None:
    mentions = erase.Mentions("Camille@Example.org", "Camille Martin")
    for text in ("Camille Martin", "MARTIN Camille", "dossier-camille-martin-fr.pdf",
                 "CamilleMartin", "camille@example.org", "Camillé  Martin\n"):
        assert mentions(text), text
    for text in ("Camille Martinez", "Camille Dupont", "camille@example.com", "martin"):
        assert not mentions(text), text


def test_any_audit_entry_naming_the_person_is_pseudonymised(session, settings, clock, hr,
                                                           posting) -> None:  # noqa: ANN001
    """An entry about something else that names her (an accented name: JSON stores it with
    escapes) names her pseudonym afterwards; an entry naming someone else stays."""
    elodie = users.create_user(session, email="elodie@example.org", full_name="Élodie Petit",
                               role="candidate", clock=clock, actor=OPERATOR)
    session.flush()
    for said in ("Élodie Petit called", "Élodie Petitjean called"):
        session.add(AuditLog(at=clock(), actor_id=hr.id, action="posting.note",
                             entity_type="posting", entity_id=posting.id,
                             details={"said": said}))
    session.flush()
    erase.erase_person(session, elodie, actor=OPERATOR, settings=settings, now=clock())
    session.expire_all()
    said = {e.details["said"] for e in session.scalars(sa.select(AuditLog).where(
        AuditLog.action == "posting.note"))}
    assert said == {"Élodie Petitjean called", erase.pseudonym(elodie.id, settings=settings)}
