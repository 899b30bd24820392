"""The privacy notice on /privacy and on the registration page (the default one, or an
organisation's own), and the talent-pool checkbox of a candidate's account page, in French and
in English."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import sqlalchemy as sa
from pypdf import PdfReader

from tests.web.conftest import Web, text
from tests.web.dossier_jobs import fetch_dossier
from tracker.domain.access import OPERATOR
from tracker.models import TalentPoolConsent
from tracker.services.hiring import applications
from tracker.services.privacy import policy


def test_the_default_notice_in_english_and_in_french(web: Web, ujm) -> None:  # noqa: ANN001
    page = text(web.get("/privacy"))
    assert "<h1>Privacy notice</h1>" in page
    assert "anonymised 24 months after its posting closed" in page
    assert "complain to your data protection authority (in France, the CNIL)" in page
    web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    page = text(web.get("/privacy"))
    assert "<h1>Protection des données personnelles</h1>" in page
    assert "anonymisée 24 mois après la clôture de l’offre" in page
    assert "saisir l’autorité de protection des données (en France, la CNIL)" in page


def test_an_organisations_own_notice_on_privacy_and_registration(web: Web, session, ujm,
                                                                 clock) -> None:  # noqa: ANN001
    policy.set_privacy_notice(session, "ujm", lang="fr", text="L’UJM traite vos données <b>",
                              actor=OPERATOR, now=clock())
    session.flush()
    # English readers get the French text while no English one is written
    page = text(web.get("/privacy"))
    assert "Your personal data at Université Jean Monnet" in page
    assert "L’UJM traite vos données &lt;b&gt;" in page
    policy.set_privacy_notice(session, "ujm", lang="en", text="UJM processes your data",
                              actor=OPERATOR, now=clock())
    register = text(web.get("/register?org=ujm"))
    assert "UJM processes your data" in register and 'href="/privacy"' in register
    assert "anonymised 24 months" not in register
    default = text(web.get("/register"))
    assert "anonymised 24 months after its posting closed" in default
    web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    register = text(web.get("/register?org=ujm"))
    assert "Vos données personnelles chez Université Jean Monnet" in register
    assert "L’UJM traite vos données" in register
    assert "Une candidature qui n’a pas abouti" in text(web.get("/register?org=nope"))


def test_the_footer_and_the_login_page_link_to_the_notice(web: Web) -> None:
    assert 'href="/privacy">Privacy notice</a></footer>' in text(web.get("/"))
    assert "How we use your personal data" in text(web.get("/login"))


def test_a_candidate_consents_to_a_talent_pool_and_revokes(web: Web, session, posting,
                                                           candidate, clock) -> None:  # noqa: ANN001
    web.as_user(candidate)
    page = text(web.get("/account"))
    assert "You have not applied to any employer yet." in page
    applications.start(session, posting, candidate, actor=candidate, clock=clock)
    session.flush()
    page = text(web.get("/account"))
    assert "Keep my applications in the talent pool of Université Jean Monnet for 24 months" \
        in page
    assert 'value="yes" checked' not in page
    done = web.post("/account/talent-pool/ujm", {"pool-csrf_token": web.token("/account"),
                                                 "consent": "yes"}, csrf=False)
    assert done.status_code == 302 and done.headers["Location"].endswith("/account#talent-pool")
    page = text(web.get("/account"))
    assert "You stay in the talent pool of Université Jean Monnet." in page
    assert 'value="yes" checked' in page
    assert "Agreed on Apr 15, 2024, 10:00" in page and ", until Apr 15, 2026, 10:00" in page
    row = session.scalar(sa.select(TalentPoolConsent))
    assert (row.given_at, row.revoked_at) == (datetime(2024, 4, 15, 8, 0, tzinfo=UTC), None)
    # the checkbox left unticked: consent revoked
    web.post("/account/talent-pool/ujm", {"pool-csrf_token": web.token("/account")},
             csrf=False)
    session.expire_all()
    assert session.scalar(sa.select(TalentPoolConsent)).revoked_at is not None
    assert "You left the talent pool of Université Jean Monnet." in text(web.get("/account"))


def test_the_talent_pool_section_in_french(web: Web, session, posting, candidate,
                                           clock) -> None:  # noqa: ANN001
    candidate.locale = "fr"
    applications.start(session, posting, candidate, actor=candidate, clock=clock)
    session.flush()
    web.as_user(candidate)
    page = text(web.get("/account"))
    assert "Viviers de candidats" in page
    assert "Garder mes candidatures dans le vivier de candidats de Université Jean Monnet " \
           "pendant 24 mois" in page


def test_staff_have_no_talent_pool_section(web: Web, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    assert "Talent pools" not in text(web.get("/account"))


def test_a_candidate_cannot_join_the_pool_of_an_employer_not_applied_to(
        web: Web, session, candidate, ujm) -> None:  # noqa: ANN001
    web.as_user(candidate)
    web.post("/account/talent-pool/ujm", {"pool-csrf_token": web.token("/account"),
                                          "consent": "yes"}, csrf=False)
    assert "you have not applied to Université Jean Monnet" in text(web.get("/account"))
    assert session.scalar(sa.select(TalentPoolConsent)) is None


def test_logging_in_on_the_web_records_the_last_log_in(web: Web, session, clock) -> None:  # noqa: ANN001
    from tests.web.conftest import PASSWORD
    from tracker.services.accounts import users

    nour = users.create_user(session, email="nour@example.org", full_name="Nour Haddad",
                             role="candidate", password=PASSWORD, clock=clock, actor=OPERATOR)
    session.flush()
    assert nour.last_login_at is None
    clock.advance(days=3)
    assert web.login("nour@example.org").status_code == 302
    session.expire_all()
    assert users.get_user(session, "nour@example.org").last_login_at == clock.now


def test_hr_pages_show_an_anonymised_application(web: Web, session, posting, candidate, hr,
                                                 clock) -> None:  # noqa: ANN001
    from tracker.config import get_settings
    from tracker.services.privacy import retention

    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    session.flush()
    retention.run(session, actor=OPERATOR, settings=get_settings(),
                  now=datetime(2027, 1, 1, tzinfo=UTC))
    session.flush()
    web.as_user(hr)
    for path in (f"/hr/postings/{posting.reference}", f"/hr/applications/{application.id}",
                 f"/hr/postings/{posting.reference}/panel.pdf"):
        if path.endswith(".pdf"):  # a job since #16: its page, then the file
            page, _job_page = fetch_dossier(web, path)
            assert page.mimetype == "application/pdf"
            content = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.data)).pages)
            assert "Camille" not in content
            continue
        page = web.get(path)
        assert page.status_code == 200, path
        assert "Camille" not in text(page), path
        if "/applications/" in path:
            assert "Anonymised applicant" in text(page), path
    assert web.get("/hr/").status_code == 200
    hr.locale = "fr"
    session.flush()
    assert "Candidat(e) anonymisé(e)" in text(web.get(f"/hr/applications/{application.id}"))


def test_the_default_notice_states_the_organisations_periods(web: Web, session, ujm,
                                                             clock) -> None:  # noqa: ANN001
    policy.set_retention(session, "ujm", applications_months=12, accounts_months=48,
                         actor=OPERATOR, now=clock())
    session.flush()
    for path in ("/register?org=ujm", "/privacy?org=ujm"):
        page = text(web.get(path))
        assert "anonymised 12 months after its posting closed" in page, path
        assert "deleted after 48 months without log-in" in page, path
    assert "anonymised 24 months" in text(web.get("/register"))
    web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    assert "anonymisée 12 mois après la clôture" in text(web.get("/privacy?org=ujm"))


def test_a_public_posting_leads_to_registration_with_its_employers_notice(
        web: Web, session, posting, clock) -> None:  # noqa: ANN001
    policy.set_privacy_notice(session, "ujm", lang="en", text="UJM processes your data",
                              actor=OPERATOR, now=clock())
    session.flush()
    page = text(web.get(f"/postings/{posting.reference}"))
    assert 'href="/register?org=ujm">Create an account</a>' in page
    assert "UJM processes your data" in text(web.get("/register?org=ujm"))
