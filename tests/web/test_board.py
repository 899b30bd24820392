"""The pipeline board of a posting (issue #14): a column per status, cards with what a reviewer
needs, filters and search, only the moves the workflow allows (one button each, no default),
a refused move said in place in the reader's language, bulk moves behind a confirmation, and
"new since your last visit" on the board and the dashboard."""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from tests.web.conftest import Web, text
from tracker.domain.access import OPERATOR
from tracker.models import ApplicationStatus, DocumentKind, RequiredDocument
from tracker.services.accounts import users
from tracker.services.hiring import applications, interviews

BUTTONS = re.compile(r'<button type="submit" name="status" value="([a-z_]+)"')


def _person(session, email: str, name: str, clock):  # noqa: ANN001, ANN202
    return users.create_user(session, email=email, full_name=name, role="candidate",
                             clock=clock, actor=OPERATOR)


@pytest.fixture
def hr_fr(session, ujm, clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="rh-fr@univ-st-etienne.fr", full_name="Rose Girard",
                             role="hr", organisation="ujm", locale="fr", clock=clock,
                             actor=OPERATOR)


@pytest.fixture
def campaign(session, posting, hr, clock):  # noqa: ANN001, ANN201
    """Three applicants: Anna (submitted), Bruno (at interview, one scheduled), Chloé
    (rejected); the posting asks for a CV nobody sent."""
    posting.required_documents.append(RequiredDocument(kind=DocumentKind.CV, label="CV",
                                                       is_required=True))
    people = {}
    for email, name in (("anna@example.org", "Anna Petit"), ("bruno@example.org", "Bruno Blanc"),
                        ("chloe@example.org", "Chloé Noir")):
        person = _person(session, email, name, clock)
        app = applications.start(session, posting, person, actor=person, clock=clock)
        applications.move(session, app, "submitted", actor=person, clock=clock)
        people[name.split()[0].lower()] = app
    applications.move(session, people["bruno"], "interview", actor=hr, clock=clock)
    interviews.schedule(session, posting, application=people["bruno"], day=date(2024, 5, 22),
                        at=time(10), actor=hr, clock=clock)
    applications.move(session, people["chloé"], "rejected", actor=hr, clock=clock)
    session.flush()
    return people


def _card(page: str, application_id: int) -> str:
    start = page.index(f'id="application-{application_id}"')
    return page[start:page.index("</article>", start)]


def test_the_board_in_english_shows_columns_cards_and_only_allowed_moves(
        web: Web, hr, posting, campaign) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get(f"/hr/postings/{posting.reference}/board"))
    assert "Pipeline board" in page
    for label in ("Submitted", "Under review", "Interview", "Offer", "Hired", "Rejected",
                  "Withdrawn"):
        assert f'status">{label}</span>' in page or f">{label}</span>" in page
    bruno = _card(page, campaign["bruno"].id)
    assert "Bruno Blanc" in bruno and "Missing: CV" in bruno
    # the next interview, in the reader's zone
    assert re.search(r"Next interview</dt><dd>May 22, 2024, 10:00\WAM \(Europe/Paris\)", bruno)
    assert "To assess (none of 2 requirements)" in bruno  # the fit with its coverage
    # an applicant at interview: exactly the moves the workflow allows, none pre-selected
    assert BUTTONS.findall(bruno) == ["under_review", "offer", "rejected", "withdrawn"]
    assert "selected" not in bruno
    assert BUTTONS.findall(_card(page, campaign["anna"].id)) == [
        "under_review", "interview", "rejected", "withdrawn"]
    assert BUTTONS.findall(_card(page, campaign["chloé"].id)) == ["under_review"]
    # the forms work without JavaScript: a plain POST with the button's value
    assert '<form method="post" action="/hr/applications/' in bruno
    assert "board.js" in page


def test_the_board_in_french(web: Web, hr_fr, posting, campaign) -> None:  # noqa: ANN001
    web.as_user(hr_fr)
    page = text(web.get(f"/hr/postings/{posting.reference}/board"))
    assert "Tableau de suivi" in page
    bruno = _card(page, campaign["bruno"].id)
    assert "Manque : CV" in bruno and "Prochain entretien" in bruno
    assert "22 mai 2024, 10:00" in bruno
    assert "Passer à" in bruno and "Non retenue" in bruno
    assert "Pipeline board" not in page and "Missing:" not in page and "Move to" not in page


def test_filters_and_search(web: Web, hr, posting, campaign) -> None:  # noqa: ANN001
    web.as_user(hr)
    base = f"/hr/postings/{posting.reference}/board"
    page = text(web.get(base + "?q=bru"))
    assert "Bruno Blanc" in page and "Anna Petit" not in page and "Chloé Noir" not in page
    page = text(web.get(base + "?interview=yes"))
    assert "Bruno Blanc" in page and "Anna Petit" not in page
    page = text(web.get(base + "?interview=no&status=submitted"))
    assert "Anna Petit" in page and "Bruno Blanc" not in page and "Chloé Noir" not in page
    page = text(web.get(base + "?documents=complete"))
    assert "Anna Petit" not in page and "0 of 3 applications shown" in page
    page = text(web.get(base + "?documents=nonsense"))
    assert "is not one of: complete, missing" in page and "Anna Petit" in page


def test_a_refused_move_is_said_on_the_board_in_french(web: Web, hr_fr, posting, campaign,
                                                        session) -> None:  # noqa: ANN001
    web.as_user(hr_fr)
    bruno = campaign["bruno"]
    board = f"/hr/postings/{posting.reference}/board"
    refused = web.post(f"/hr/applications/{bruno.id}/move",
                       {"status": "submitted", "back": "board"}, token_from=board)
    assert refused.status_code == 400
    page = text(refused)
    assert "Tableau de suivi" in page  # the same page, not another one
    assert ("Bruno Blanc ne peut pas passer de « Entretien » à « Déposée ». Autorisés : "
            "En cours d’examen, Proposition, Non retenue, Retirée.") in page
    assert "cannot move" not in page and "allowed:" not in page
    session.refresh(bruno)
    assert bruno.status is ApplicationStatus.INTERVIEW


def test_a_refused_move_is_said_on_the_posting_page_and_the_application_page(
        web: Web, hr_fr, posting, campaign) -> None:  # noqa: ANN001
    web.as_user(hr_fr)
    bruno = campaign["bruno"]
    for back, marker in (("posting", "Candidatures"), ("", "Faire avancer la candidature")):
        refused = web.post(f"/hr/applications/{bruno.id}/move",
                           {"status": "hired", "back": back},
                           token_from=f"/hr/applications/{bruno.id}")
        assert refused.status_code == 400
        page = text(refused)
        assert marker in page
        assert "Bruno Blanc ne peut pas passer de « Entretien » à « Recruté·e »" in page


def test_the_posting_page_and_application_page_offer_only_allowed_moves(
        web: Web, hr, posting, campaign) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get(f"/hr/postings/{posting.reference}"))
    row = page[page.index(f'id="application-{campaign["bruno"].id}"'):]
    row = row[:row.index("</tr>")]
    assert BUTTONS.findall(row) == ["under_review", "offer", "rejected", "withdrawn"]
    assert "<select" not in row and "Pipeline board" in page
    page = text(web.get(f"/hr/applications/{campaign['bruno'].id}"))
    assert BUTTONS.findall(page) == ["under_review", "offer", "rejected", "withdrawn"]
    assert 'name="status" id="status"' not in page  # no select with a default


def test_a_move_from_the_board_comes_back_to_it(web: Web, hr, posting, campaign,
                                                session) -> None:  # noqa: ANN001
    web.as_user(hr)
    anna = campaign["anna"]
    board = f"/hr/postings/{posting.reference}/board"
    moved = web.post(f"/hr/applications/{anna.id}/move",
                     {"status": "under_review", "comment": "Bon profil", "back": "board"},
                     token_from=board)
    assert moved.status_code == 302 and moved.headers["Location"].startswith(board)
    session.refresh(anna)
    assert anna.status is ApplicationStatus.UNDER_REVIEW and anna.history[-1].comment == (
        "Bon profil")
    assert "Anna Petit moved to “Under review”." in text(web.get(board))


def test_bulk_move_confirms_first_then_moves_and_reports_the_refused(
        web: Web, hr_fr, posting, campaign, session) -> None:  # noqa: ANN001
    web.as_user(hr_fr)
    board = f"/hr/postings/{posting.reference}/board"
    ids = [campaign["anna"].id, campaign["chloé"].id]
    query = "&".join(f"ids={i}" for i in ids)
    confirm = web.get(f"/hr/postings/{posting.reference}/bulk?{query}&status=rejected"
                      "&comment=Profil+hors+champ")
    page = text(confirm)
    assert confirm.status_code == 200
    assert "Passer cette candidature à « Non retenue » ?" in page or "Non retenue" in page
    assert "Anna Petit" in page
    assert ("Chloé Noir ne peut pas passer de « Non retenue » à « Non retenue »" in page)
    assert 'name="confirm" value="1"' in page
    # a POST without the confirmation does nothing
    data = {"ids": [str(i) for i in ids], "status": "rejected", "comment": "Profil hors champ"}
    refused = web.post(f"/hr/postings/{posting.reference}/bulk", data, token_from=board)
    assert refused.status_code == 400
    assert "Rien n’a été fait" in text(refused)
    session.refresh(campaign["anna"])
    assert campaign["anna"].status is ApplicationStatus.SUBMITTED
    done = web.post(f"/hr/postings/{posting.reference}/bulk", {**data, "confirm": "1"},
                    token_from=board)
    assert done.status_code == 302
    session.refresh(campaign["anna"])
    assert campaign["anna"].status is ApplicationStatus.REJECTED
    assert campaign["anna"].history[-1].comment == "Profil hors champ"
    page = text(web.get(board))
    assert "Passée(s) à « Non retenue » : Anna Petit." in page
    assert "Non déplacée : Chloé Noir ne peut pas passer" in page


def test_bulk_without_a_selection_says_so_on_the_board(web: Web, hr_fr, posting,
                                                       campaign) -> None:  # noqa: ANN001
    web.as_user(hr_fr)
    answer = web.get(f"/hr/postings/{posting.reference}/bulk?status=rejected")
    assert answer.status_code == 400
    assert "Sélectionnez au moins une candidature." in text(answer)
    answer = web.get(f"/hr/postings/{posting.reference}/bulk?ids={campaign['anna'].id}")
    assert "Choisissez le statut vers lequel les déplacer." in text(answer)


def test_new_since_the_last_visit_on_the_dashboard_and_the_board(
        web: Web, hr_fr, posting, session, clock) -> None:  # noqa: ANN001
    """After two submissions the dashboard no longer says "Rien de nouveau"."""
    web.as_user(hr_fr)
    assert "Rien de nouveau depuis votre dernière visite." in text(web.get("/hr/"))
    for email, name in (("anna@example.org", "Anna Petit"), ("bruno@example.org", "Bruno Blanc")):
        clock.advance(minutes=5)
        person = _person(session, email, name, clock)
        app = applications.start(session, posting, person, actor=person, clock=clock)
        applications.move(session, app, "submitted", actor=person, clock=clock)
    session.flush()
    clock.advance(minutes=5)
    page = text(web.get("/hr/"))
    assert "2 nouvelles candidatures depuis votre dernière visite" in page
    assert "Rien de nouveau depuis votre dernière visite." not in page
    assert f"/hr/postings/{posting.reference}/board" in page and "2 nouvelles" in page
    # seen: the next visit starts from here
    assert "Rien de nouveau depuis votre dernière visite." in text(web.get("/hr/"))
    board = text(web.get(f"/hr/postings/{posting.reference}/board"))
    assert "2 nouvelles candidatures depuis votre dernière visite" in board
    assert board.count('class="tag new"') == 2
    assert "Rien de nouveau" in text(web.get(f"/hr/postings/{posting.reference}/board"))


@pytest.fixture
def smtp():  # noqa: ANN201
    from tests.web.mailbox import smtp_server

    yield from smtp_server()


def test_bulk_rejection_with_the_template_reaches_each_candidate_in_french(
        web: Web, hr_fr, posting, campaign, session, session_factory, clock, smtp,
        tmp_path) -> None:  # noqa: ANN001
    from tests.web.mailbox import mail_settings
    from tracker.mail import Mailer
    from tracker.models import ApplicationMessage
    from tracker.services.reminders import dispatch

    web.as_user(hr_fr)
    board = text(web.get(f"/hr/postings/{posting.reference}/board"))
    assert "Message à chaque candidat" in board or 'name="message"' in board
    anna = campaign["anna"]
    confirm = web.get(f"/hr/postings/{posting.reference}/bulk?ids={anna.id}&status=rejected"
                      "&message=rejection_after_review")
    page = text(confirm)
    assert confirm.status_code == 200 and "Anna Petit" in page
    assert 'name="message" value="rejection_after_review"' in page
    assert "Chargé de coopération internationale" in page  # the preview, composed for Anna
    done = web.post(f"/hr/postings/{posting.reference}/bulk",
                    {"ids": [str(anna.id)], "status": "rejected",
                     "message": "rejection_after_review", "confirm": "1"},
                    token_from=f"/hr/postings/{posting.reference}/board")
    assert done.status_code == 302
    session.expire_all()
    assert anna.status is ApplicationStatus.REJECTED
    [sent] = session.query(ApplicationMessage).filter_by(application_id=anna.id).all()
    assert sent.kind.value == "rejection_after_review" and sent.language.value == "fr"
    settings = mail_settings(tmp_path, smtp)
    mailer = Mailer(settings)
    try:
        dispatch.run_once(session_factory, clock=clock, mailer=mailer, settings=settings)
    finally:
        mailer.close()
    mails = [m for m, r in zip(smtp.inbox.messages, smtp.inbox.recipients, strict=True)
             if r == ["anna@example.org"]]
    # the notice of the move, and the message from the template, in French
    [message] = [m for m in mails if m["Subject"] == sent.subject]
    assert len(mails) == 2 and message["Content-Language"] == "fr"
    assert "Anna Petit" in message.get_body(preferencelist=("plain",)).get_content()


def test_applications_the_employer_recorded_are_listed_and_on_the_board(
        web: Web, hr, posting, session, clock) -> None:  # noqa: ANN001
    recorded = applications.record_received(session, posting, name="Paul Courrier",
                                            email="paul@example.org", actor=hr, clock=clock)
    session.flush()
    web.as_user(hr)
    page = text(web.get(f"/hr/postings/{posting.reference}?sort=name"))
    assert "Paul Courrier" in page and f'id="application-{recorded.id}"' in page
    board = text(web.get(f"/hr/postings/{posting.reference}/board"))
    assert "Paul Courrier" in _card(board, recorded.id)
