"""Invitations by e-mail (issue #13, item 5): an admin invites staff from the page of accounts,
hr invite colleagues and candidates from their page of invitations; the e-mail arrives at a
real SMTP server on loopback; its link makes the account once, expires, and is refused when
altered; an address with an account is told so alone, the inviter sees the same answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from tests.reminders.conftest import SmtpServer
from tests.web.conftest import Web, text
from tests.web.mailbox import browser, link_in, mail_app, mail_settings, sent_mail, smtp_server
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import AuditLog, Role
from tracker.services.accounts import invitations, users

PASSWORD = "quatre chevaux dans le pré"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    yield from smtp_server()


@pytest.fixture
def app(session_factory, clock, tmp_path: Path, smtp: SmtpServer) -> Flask:  # noqa: ANN001
    return mail_app(session_factory, clock, tmp_path, smtp)


@pytest.fixture
def web(app: Flask) -> Web:
    return browser(app)


@pytest.fixture
def admin(session, clock):  # noqa: ANN001, ANN201
    """An admin who reads the pages in English."""
    return users.create_user(session, email="admin@example.org", full_name="Ada Admin",
                             role="admin", locale="en", clock=clock, actor=OPERATOR)


def _admin_invites(web: Web, admin, **fields: str):  # noqa: ANN001, ANN202
    web.as_user(admin)
    data = {"invite-email": "nouvelle.rh@univ-st-etienne.fr", "invite-full_name": "Inès Roux",
            "invite-role": "hr", "invite-organisation": "ujm", "invite-locale": "en",
            **{f"invite-{k}": v for k, v in fields.items()}}
    return web.post("/admin/accounts/invite", data, token_from="/admin/accounts")


def test_an_admin_invites_hr_who_accept_once(web: Web, app: Flask, smtp: SmtpServer, session,
                                             admin, ujm) -> None:  # noqa: ANN001
    page = text(web.as_user(admin).get("/admin/accounts"))
    assert "Invite staff by e-mail" in page
    answer = _admin_invites(web, admin)
    assert answer.status_code == 302
    assert "Invitation sent to nouvelle.rh@univ-st-etienne.fr." in text(web.get("/admin/accounts"))
    assert users.find_user(session, "nouvelle.rh@univ-st-etienne.fr") is None  # not yet
    [message] = sent_mail(smtp)
    assert message["To"] == "nouvelle.rh@univ-st-etienne.fr"
    assert message["Subject"] == "Ada Admin invites you to the posting tracker"
    body = message.get_content()
    assert "Hello Inès Roux" in body and "recruitment staff of Université Jean Monnet" in body
    assert "within 7 days" in body
    path = link_in(message)

    invitee = browser(app)
    page = invitee.get(path)
    assert page.status_code == 200
    assert "join the recruitment staff of Université Jean Monnet" in text(page)
    assert 'value="Inès Roux"' in text(page)
    done = invitee.post(path, {"full_name": "Inès Roux", "password": PASSWORD,
                               "confirm": PASSWORD, "locale": "fr"}, token_from=path)
    assert done.status_code == 302 and done.headers["Location"] == "/hr/"
    assert invitee.get("/hr/").status_code == 200  # logged in at once
    session.expire_all()
    user = users.get_user(session, "nouvelle.rh@univ-st-etienne.fr")
    assert (user.role, user.organisation.slug, user.locale.value) == (Role.HR, "ujm", "fr")
    assert users.verify_password(user, PASSWORD)
    actions = list(session.scalars(sa.select(AuditLog.action).where(
        AuditLog.entity_type == "invitation")))
    assert actions == ["invitation.sent", "invitation.accepted"]

    again = browser(app)
    page = again.get(path)
    assert page.status_code == 400 and "already used" in text(page)
    second = again.post(path, {"full_name": "Someone Else", "password": PASSWORD,
                               "confirm": PASSWORD, "locale": "en"}, token_from="/login")
    assert second.status_code == 400
    session.expire_all()
    assert users.get_user(session, "nouvelle.rh@univ-st-etienne.fr").full_name == "Inès Roux"


def test_inviting_an_address_with_an_account_tells_its_owner_only(
        web: Web, smtp: SmtpServer, session, admin, ujm, candidate) -> None:  # noqa: ANN001
    known = _admin_invites(web, admin, email="camille@example.org")
    known_page = text(web.get("/admin/accounts"))
    new = _admin_invites(web, admin, email="someone.new@example.org")
    new_page = text(web.get("/admin/accounts"))
    assert known.status_code == new.status_code == 302
    assert known.headers["Location"] == new.headers["Location"]
    assert "Invitation sent to camille@example.org." in known_page
    assert "Invitation sent to someone.new@example.org." in new_page
    messages = {m["To"]: m for m in sent_mail(smtp, 2)}
    owner = messages["camille@example.org"].get_content()
    assert "already has an account: nothing was changed" in owner
    assert "/invitations/" not in owner
    session.expire_all()
    assert users.get_user(session, "camille@example.org").role is Role.CANDIDATE


def test_hr_invite_a_colleague_of_their_own_organisation(web: Web, app: Flask,
                                                          smtp: SmtpServer, session, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get("/hr/invitations"))
    assert "Invite a colleague of Université Jean Monnet" in page
    answer = web.post("/hr/invitations", {"staff-email": "collegue@univ-st-etienne.fr",
                                          "staff-full_name": "", "staff-locale": "fr",
                                          "staff-submit": "1"}, token_from="/hr/invitations")
    assert answer.status_code == 302
    [message] = sent_mail(smtp)
    assert message["Subject"] == "Claire Dubois vous invite dans le suivi des offres"
    assert "chargées du recrutement de Université Jean Monnet" in message.get_content()
    invitee = browser(app)
    invitee.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    path = link_in(message)
    assert "rejoindre l’équipe de recrutement de Université Jean Monnet" in text(
        invitee.get(path))
    invitee.post(path, {"full_name": "Paul Colin", "password": PASSWORD, "confirm": PASSWORD,
                        "locale": "fr"}, token_from=path)
    session.expire_all()
    colleague = users.get_user(session, "collegue@univ-st-etienne.fr")
    assert (colleague.role, colleague.organisation_id) == (Role.HR, hr.organisation_id)


def test_hr_invite_a_candidate_to_apply(web: Web, app: Flask, smtp: SmtpServer, session, hr,
                                        posting) -> None:  # noqa: ANN001
    web.as_user(hr)
    assert "/hr/invitations?posting=UJM-TEST-1" in text(web.get("/hr/postings/UJM-TEST-1"))
    page = text(web.get("/hr/invitations?posting=UJM-TEST-1"))
    assert '<option selected value="UJM-TEST-1">' in page
    answer = web.post("/hr/invitations", {"apply-email": "lea.petit@example.org",
                                          "apply-posting": "UJM-TEST-1", "apply-locale": "en",
                                          "apply-submit": "1"}, token_from="/hr/invitations")
    assert answer.status_code == 302
    assert users.find_user(session, "lea.petit@example.org") is None
    [message] = sent_mail(smtp)
    assert message["Subject"] == ("Université Jean Monnet invites you to apply: "
                                  "Chargé de coopération internationale")
    body = message.get_content()
    assert "https://tracker.example/postings/UJM-TEST-1" in body
    assert "open until 2024-05-13" in body
    path = link_in(message)
    candidate = browser(app)
    page = text(candidate.get(path))
    assert "You are invited to apply for “Chargé de coopération internationale”" in page
    done = candidate.post(path, {"full_name": "Léa Petit", "password": PASSWORD,
                                 "confirm": PASSWORD, "locale": "en"}, token_from=path)
    assert done.status_code == 302 and done.headers["Location"] == "/postings/UJM-TEST-1"
    session.expire_all()
    assert users.get_user(session, "lea.petit@example.org").role is Role.CANDIDATE
    assert candidate.get("/me/").status_code == 200


def test_a_candidate_with_an_account_is_sent_to_log_in(web: Web, smtp: SmtpServer, hr,
                                                       posting, candidate) -> None:  # noqa: ANN001
    web.as_user(hr).post("/hr/invitations", {
        "apply-email": "camille@example.org", "apply-posting": "UJM-TEST-1",
        "apply-locale": "fr", "apply-submit": "1"}, token_from="/hr/invitations")
    [message] = sent_mail(smtp)
    body = message.get_content()
    assert "already has an account" in body and "https://tracker.example/login" in body
    assert "/invitations/" not in body


def test_an_expired_or_altered_invitation_is_refused(web: Web, app: Flask, smtp: SmtpServer,
                                                     session, clock, admin, ujm) -> None:  # noqa: ANN001
    _admin_invites(web, admin)
    path = link_in(sent_mail(smtp)[0])
    invitee = browser(app)
    clock.advance(days=6, hours=23)
    assert invitee.get(path).status_code == 200
    clock.advance(hours=2)
    page = invitee.get(path)
    assert page.status_code == 400 and "This link has expired" in text(page)
    invitee.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    assert "Ce lien a expiré" in text(invitee.get(path))
    done = invitee.post(path, {"full_name": "X Y", "password": PASSWORD, "confirm": PASSWORD,
                               "locale": "fr"}, token_from="/login")
    assert done.status_code == 400
    assert users.find_user(session, "nouvelle.rh@univ-st-etienne.fr") is None
    payload, signature = path.rsplit(".", 1)
    forged = f"{payload[:-3]}xyz.{signature}"
    assert "Ce lien n’est pas valide" in text(invitee.get(forged))
    # a reset link is no invitation, even with the same key
    assert "Ce lien n’est pas valide" in text(invitee.get("/invitations/" + "a" * 40 + ".b"))


def test_who_may_invite_whom(session, clock, tmp_path: Path, smtp: SmtpServer, hr, hr_other,
                             candidate, posting) -> None:  # noqa: ANN001
    settings = mail_settings(tmp_path, smtp)
    now = clock()
    with pytest.raises(PermissionDenied):
        invitations.invite_staff(session, actor=hr, email="x@example.org", role="admin",
                                 settings=settings, now=now)
    with pytest.raises(PermissionDenied):
        invitations.invite_staff(session, actor=hr, email="x@example.org", role="hr",
                                 organisation="acme", settings=settings, now=now)
    with pytest.raises(PermissionDenied):
        invitations.invite_staff(session, actor=candidate, email="x@example.org", role="hr",
                                 organisation="ujm", settings=settings, now=now)
    with pytest.raises(DomainError, match="no posting of yours"):
        invitations.invite_candidate(session, actor=hr_other, email="x@example.org",
                                     posting="UJM-TEST-1", settings=settings, now=now)
    with pytest.raises(PermissionDenied):
        invitations.invite_candidate(session, actor=candidate, email="x@example.org",
                                     posting="UJM-TEST-1", settings=settings, now=now)
    with pytest.raises(DomainError, match="must belong to an organisation"):
        invitations.invite_staff(session, actor=OPERATOR, email="x@example.org", role="hr",
                                 settings=settings, now=now)


def test_an_invitation_dies_with_the_inviters_right(web: Web, app: Flask, smtp: SmtpServer,
                                                    session, hr) -> None:  # noqa: ANN001
    web.as_user(hr).post("/hr/invitations", {
        "staff-email": "collegue@univ-st-etienne.fr", "staff-locale": "en",
        "staff-submit": "1"}, token_from="/hr/invitations")
    path = link_in(sent_mail(smtp)[0])
    hr.is_active = False
    session.flush()
    assert "already used or is no longer valid" in text(browser(app).get(path))


def test_the_invitation_forms_say_what_is_wrong(web: Web, smtp: SmtpServer, admin, ujm) -> None:  # noqa: ANN001
    page = _admin_invites(web, admin, email="not an address", role="hr", organisation="")
    assert page.status_code == 400
    assert "Invite staff by e-mail" in text(page)


def test_invitations_to_one_address_are_limited(session_factory, clock, tmp_path: Path,
                                                smtp: SmtpServer, admin, hr, ujm) -> None:  # noqa: ANN001
    """Staff cannot make the site flood a mailbox: a few invitations per address and hour,
    whoever sends them."""
    app = mail_app(session_factory, clock, tmp_path, smtp,
                   invitation_address_rate_limit="2 per hour")
    by_admin, by_hr = browser(app), browser(app).as_user(hr)
    assert _admin_invites(by_admin, admin, email="target@example.org").status_code == 302
    sent = by_hr.post("/hr/invitations", {"staff-email": "target@example.org",
                                          "staff-locale": "en", "staff-submit": "1"},
                      token_from="/hr/invitations")
    assert sent.status_code == 302
    assert _admin_invites(by_admin, admin, email="Target@example.org").status_code == 429
    assert _admin_invites(by_admin, admin, email="other@example.org").status_code == 302
