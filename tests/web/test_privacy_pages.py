"""One's data on the account page (download it, ask for its erasure), the admin's page of
erasure requests, and the self-service deletion going through the same erasure (issue #13):
in English and in French."""

from __future__ import annotations

import io
import json
import zipfile

import sqlalchemy as sa

from tests.privacy.conftest import rows_naming
from tests.uploads import two_pages
from tests.web.conftest import PASSWORD, Web, text
from tracker.config import get_settings
from tracker.models import AuditLog, Erasure, Locale, User
from tracker.services.accounts import users
from tracker.services.hiring import applications, documents


def test_the_account_page_offers_my_data_in_english_and_french(web: Web, session,
                                                               candidate) -> None:  # noqa: ANN001
    web.as_user(candidate)
    page = text(web.get("/account"))
    assert "My data" in page and "Download my data (.zip)" in page
    assert 'href="/account/export.zip"' in page and "Ask for the erasure of my data" in page
    candidate.locale = Locale.FR
    session.flush()
    page = text(web.get("/account"))
    assert "Mes données" in page and "Télécharger mes données (.zip)" in page
    assert "Demander l’effacement de mes données" in page


def test_staff_download_their_own_data_but_have_no_erasure_button(web: Web, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get("/account"))
    assert "Download my data (.zip)" in page and "Ask for the erasure" not in page
    response = web.get("/account/export.zip")
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        assert json.loads(archive.read("data.json"))["account"]["email"] == hr.email


def test_download_my_data(web: Web, session, candidate, posting, clock) -> None:  # noqa: ANN001
    applications.start(session, posting, candidate, actor=candidate, clock=clock)
    session.flush()
    web.as_user(candidate)
    response = web.get("/account/export.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="personal-data-')
    assert response.headers["Cache-Control"] == "private, no-store"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        record = json.loads(archive.read("data.json"))
        readme = archive.read("README.txt").decode()
        assert [n for n in archive.namelist() if n.startswith("dossiers/")]
    assert record["account"]["email"] == "camille@example.org"
    assert record["applications"][0]["posting"]["reference"] == "UJM-TEST-1"
    assert "Your personal data" in readme  # her language: English


def test_a_request_is_made_on_the_account_page_and_carried_out_by_an_admin(
        web: Web, session, candidate, admin, app) -> None:  # noqa: ANN001
    web.as_user(candidate)
    done = web.post("/account/erasure-request", token_from="/account")
    assert done.status_code == 302 and done.headers["Location"].endswith("/account#privacy")
    page = text(web.get("/account"))
    assert "Your request is recorded" in page
    assert "You asked for the erasure of your data on" in page
    assert "Ask for the erasure of my data" not in page

    admin.locale = Locale.FR
    session.flush()
    web.as_user(admin)
    assert "Demandes d’effacement" in text(web.get("/admin/accounts"))
    page = text(web.get("/admin/erasure-requests"))
    assert "Demandes d’effacement" in page and "camille@example.org" in page
    assert "Effacer maintenant" in page and "Aucun effacement pour l’instant." in page
    [request] = session.scalars(sa.select(Erasure))
    done = web.post(f"/admin/erasure-requests/{request.id}/erase",
                    token_from="/admin/erasure-requests")
    assert done.status_code == 302
    page = text(web.get("/admin/erasure-requests"))
    assert "camille@example.org" not in page and "Camille Martin" not in page
    assert "Aucune demande en attente." in page and request.subject_label in page
    assert "sa demande" in page and admin.email in page
    session.expire_all()
    assert users.find_user(session, "camille@example.org") is None
    assert web.post(f"/admin/erasure-requests/{request.id}/erase",
                    token_from="/admin/erasure-requests").status_code == 404


def test_the_admin_page_in_english(web: Web, session, admin) -> None:  # noqa: ANN001
    admin.locale = Locale.EN
    session.flush()
    web.as_user(admin)
    page = text(web.get("/admin/erasure-requests"))
    assert "Erasure requests" in page and "No request is waiting." in page


def test_deleting_my_account_leaves_nothing(web: Web, session, candidate, posting, clock,
                                            app) -> None:  # noqa: ANN001
    """Before #13 the CV's file name stayed in the audit trail and the pending import on
    disk; now the deletion is the erasure."""
    candidate.password_hash = users.hash_password(PASSWORD)
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    documents.add_document(session, application, kind="cv", filename="CV-Camille-Martin.pdf",
                           content=two_pages(), actor=candidate, clock=clock,
                           settings=get_settings())
    session.flush()
    person_id = candidate.id
    imports = app.config["TRACKER_SETTINGS"].data_dir / "imports"
    imports.mkdir(parents=True)
    pending = imports / f"{person_id}-{'p' * 32}"
    pending.write_bytes(b"an offer Camille Martin was importing")
    web.login("camille@example.org")
    done = web.post("/account/delete", {"del-password": PASSWORD}, token_from="/account")
    assert done.status_code == 302
    session.expire_all()
    assert session.get(User, person_id) is None and not pending.exists()
    assert rows_naming(session, "camille@example.org", "Camille Martin", "CV-Camille") == []
    entries = list(session.scalars(sa.select(AuditLog).where(
        AuditLog.action.in_(["document.add", "user.erase"]))))
    assert {e.action for e in entries} == {"document.add", "user.erase"}
    assert {e.actor_label for e in entries} == {entries[0].actor_label}
    assert entries[0].actor_label.startswith("person-")
    [record] = session.scalars(sa.select(Erasure))
    assert record.source == "self" and record.done_by_label == record.subject_label
