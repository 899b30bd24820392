"""Retention: applications anonymised after their organisation's period, unused accounts
warned (in-app and by e-mail, in their language) then deleted, talent-pool consent honoured;
what `tracker privacy retention` lists and does."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.reminders.conftest import smtp  # noqa: F401 (the fixture)
from tests.uploads import two_pages
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import (
    Application,
    ApplicationStatusChange,
    AuditLog,
    Document,
    Note,
    Notification,
    RequirementEvidence,
    User,
)
from tracker.services.accounts import sessions, users
from tracker.services.hiring import applications, documents, evidence, postings
from tracker.services.privacy import consent, policy, retention

CLOSED = datetime(2024, 5, 20, 8, 0, tzinfo=UTC)  # the posting closes a week after its deadline


@pytest.fixture
def submitted(session, application, candidate, hr, posting, clock):
    """Camille's application with a CV, an answer, a cover letter, a note and a comment; the
    posting closed on 20 May 2024."""
    evidence.set_cover_letter(session, application, "Madame, Monsieur, je suis Camille Martin",
                              actor=candidate, clock=clock)
    evidence.give_evidence(session, application, posting.requirements[0],
                           evidence="Camille: TOEIC 945", self_rating=4, actor=candidate,
                           clock=clock)
    documents.add_document(session, application, kind="cv", filename="CV Camille Martin.pdf",
                           content=two_pages(), actor=candidate, clock=clock,
                           settings=get_settings())
    gone = documents.add_document(session, application, kind="other",
                                  filename="Lettre Camille Martin.pdf", content=two_pages(),
                                  actor=candidate, clock=clock, settings=get_settings())
    documents.remove_document(session, gone, actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    clock.now = datetime(2024, 5, 15, 8, 0, tzinfo=UTC)
    applications.move(session, application, "rejected", actor=hr, clock=clock,
                      comment="Camille Martin lacks Bac+5")
    evidence.add_note(session, application, "Call Camille back", actor=hr, clock=clock)
    clock.now = CLOSED
    postings.set_status(session, posting, "closed", actor=hr, clock=clock)
    session.flush()
    return application


def run(session, now, *, dry_run=False, settings=None):
    return retention.run(session, actor=OPERATOR, settings=settings or get_settings(), now=now,
                         dry_run=dry_run)


def test_an_application_is_anonymised_24_months_after_its_posting_closed(
        session, submitted, candidate, posting, tmp_path, reports_in_tmp):
    dossier = reports_in_tmp / "universite-jean-monnet" / "UJM-TEST-1" / \
        "dossier-de-candidature-camille-martin-fr.pdf"
    dossier.parent.mkdir(parents=True)
    dossier.write_bytes(b"%PDF- Camille Martin")
    assert run(session, datetime(2026, 5, 20, 7, 59, tzinfo=UTC)).actions == []
    plan = run(session, datetime(2026, 5, 20, 8, 0, tzinfo=UTC), dry_run=True)
    assert [(a.action, a.subject, a.id, a.organisation, a.posting) for a in plan.actions] == [
        ("anonymise", "application", submitted.id, "ujm", "UJM-TEST-1")]
    assert plan.actions[0].reason == "rejected, posting closed on 2024-05-20: kept 24 months"
    assert plan.actions[0].due == datetime(2026, 5, 20, 8, 0, tzinfo=UTC)
    assert session.get(Application, submitted.id).candidate_id == candidate.id  # a dry run

    done = run(session, datetime(2026, 5, 21, tzinfo=UTC))
    assert done.count("anonymise") == 1
    session.expire_all()
    kept = session.get(Application, submitted.id)
    assert (kept.candidate_id, kept.applicant_name, kept.cover_letter) == (None, None, None)
    assert kept.status.value == "rejected" and kept.submitted_at is not None
    assert kept.posting_id == posting.id and kept.anonymised_at is not None
    for model in (Document, RequirementEvidence, Note):
        assert session.scalars(sa.select(model)).all() == []
    assert [c.comment for c in session.scalars(sa.select(ApplicationStatusChange).where(
        ApplicationStatusChange.application_id == kept.id))] == [None, None, None]
    trail = json.dumps([e.details for e in session.scalars(sa.select(AuditLog))])
    assert "Camille" not in trail and "CV Camille Martin.pdf" not in trail
    assert "Lettre" not in trail  # a document removed before
    assert not dossier.exists()
    assert session.get(User, candidate.id) is not None  # the account is another rule's
    assert run(session, datetime(2026, 6, 1, tzinfo=UTC)).count("anonymise") == 0  # once


def test_hired_applications_stay_and_the_period_is_the_organisations(
        session, submitted, hr, ujm, candidate, posting, clock):
    policy.set_retention(session, "ujm", applications_months=6, actor=OPERATOR, now=clock())
    assert run(session, datetime(2024, 11, 20, 8, 0, tzinfo=UTC), dry_run=True).count(
        "anonymise") == 1
    other = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                              role="candidate", clock=clock, actor=OPERATOR)
    late = datetime(2024, 5, 20, 9, tzinfo=UTC)
    hired = applications.record_received(session, posting, name="Jordan Smith",
                                         email="jordan@example.org", late=True, actor=hr,
                                         clock=lambda: late)
    for status in ("under_review", "interview", "offer", "hired"):
        applications.move(session, hired, status, actor=hr, clock=lambda: late)
    assert other.id
    plan = run(session, datetime(2030, 1, 1, tzinfo=UTC), dry_run=True)
    assert [a.id for a in plan.actions if a.subject == "application"] == [submitted.id]


def test_talent_pool_consent_keeps_applications_until_revoked_or_lapsed(
        session, submitted, candidate, clock):
    consent.set_talent_pool(session, candidate, "ujm", True, actor=candidate, now=CLOSED)
    [choice] = consent.talent_pools(session, candidate, actor=candidate, now=CLOSED)
    assert (choice.slug, choice.given_at, choice.until) == (
        "ujm", CLOSED, datetime(2026, 5, 20, 8, 0, tzinfo=UTC))
    # the consent holds 24 months from its date: the application stays while it does
    assert run(session, datetime(2026, 5, 20, 7, tzinfo=UTC), dry_run=True).actions == []
    assert run(session, datetime(2026, 5, 20, 8, tzinfo=UTC), dry_run=True).count(
        "anonymise") == 1
    later = datetime(2025, 1, 1, tzinfo=UTC)
    consent.set_talent_pool(session, candidate, "ujm", True, actor=candidate, now=later)
    assert run(session, datetime(2026, 12, 1, tzinfo=UTC), dry_run=True).count("anonymise") == 0
    consent.set_talent_pool(session, candidate, "ujm", False, actor=candidate, now=later)
    assert consent.talent_pools(session, candidate, actor=candidate, now=later)[0].given_at is None
    assert run(session, datetime(2026, 12, 1, tzinfo=UTC), dry_run=True).count("anonymise") == 1
    actions = [e.action for e in session.scalars(sa.select(AuditLog).where(
        AuditLog.action.like("talent_pool.%")).order_by(AuditLog.id))]
    assert actions == ["talent_pool.consent", "talent_pool.consent", "talent_pool.revoke"]


def test_consent_is_the_candidates_own_act_for_an_organisation_they_applied_to(
        session, submitted, candidate, hr, other_candidate_and_org):
    with pytest.raises(PermissionDenied):
        consent.set_talent_pool(session, candidate, "ujm", True, actor=hr, now=CLOSED)
    with pytest.raises(DomainError, match="you have not applied to ACME"):
        consent.set_talent_pool(session, candidate, "acme", True, actor=candidate, now=CLOSED)


@pytest.fixture
def other_candidate_and_org(session, clock):
    from tracker.services.accounts import organisations

    return organisations.create_organisation(session, slug="acme", name="ACME", clock=clock,
                                             actor=OPERATOR)


def test_policy_periods_are_checked_and_only_admins_set_them(session, ujm, hr, clock):
    with pytest.raises(DomainError, match="applications_months: must be a whole number of "
                                          "months from 1 to 120, not 0"):
        policy.set_retention(session, "ujm", applications_months=0, actor=OPERATOR,
                             now=clock())
    with pytest.raises(PermissionDenied):
        policy.set_retention(session, "ujm", accounts_months=12, actor=hr, now=clock())
    with pytest.raises(PermissionDenied):
        retention.run(session, actor=hr, settings=get_settings(), now=clock())


# -- accounts ---------------------------------------------------------------------------------


def test_an_unused_account_is_warned_in_app_and_by_mail_then_deleted(session, clock, smtp):  # noqa: F811
    settings = get_settings().model_copy(update={
        "smtp_host": "127.0.0.1", "smtp_port": smtp.port, "smtp_tls": "none",
        "public_url": "https://jobs.example.org"})
    nour = users.create_user(session, email="nour@example.org", full_name="Nour Haddad",
                             role="candidate", locale="fr", clock=clock, actor=OPERATOR)
    login = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
    sessions.start_session(session, nour, actor=nour, device="test", ip=None,
                           clock=lambda: login)
    assert nour.last_login_at == login
    # 36 months after the last log-in, less the 30 days' warning: 2 May 2027
    assert run(session, datetime(2027, 5, 2, 8, 0, tzinfo=UTC), settings=settings).actions == []
    warn_at = datetime(2027, 5, 2, 9, 0, tzinfo=UTC)
    report = run(session, warn_at, settings=settings)
    assert [(a.action, a.email, a.deletion_at) for a in report.actions] == [
        ("warn", "nour@example.org", datetime(2027, 6, 1, 9, 0, tzinfo=UTC))]
    [note] = session.scalars(sa.select(Notification).where(Notification.user_id == nour.id))
    assert note.title == "Votre compte sera supprimé le 1 juin 2027"
    assert "sans connexion d’ici le 1 juin 2027" in note.body
    assert retention.send_warnings(report.warnings, settings=settings, now=warn_at) == 1
    [message] = smtp.inbox.messages
    assert message["To"] == "nour@example.org" and message["Content-Language"] == "fr"
    assert message["Subject"] == "Votre compte sera supprimé le 1 juin 2027"
    body = message.get_content()
    assert "Bonjour Nour Haddad" in body and "https://jobs.example.org/login" in body
    # warned once: the next day's run does not warn again, and nothing is deleted before
    assert run(session, datetime(2027, 5, 3, tzinfo=UTC), settings=settings).actions == []
    assert run(session, datetime(2027, 6, 1, 8, 59, tzinfo=UTC), settings=settings).actions == []
    done = run(session, datetime(2027, 6, 1, 9, 0, tzinfo=UTC), settings=settings)
    assert [(a.action, a.email) for a in done.actions] == [("delete", "nour@example.org")]
    session.expire_all()
    assert users.find_user(session, "nour@example.org") is None


def test_a_log_in_after_the_warning_keeps_the_account(session, clock):
    nour = users.create_user(session, email="nour@example.org", full_name="Nour Haddad",
                             role="candidate", locale="en", clock=clock, actor=OPERATOR)
    warn_at = datetime(2027, 3, 16, 8, 0, tzinfo=UTC)  # 36 months after 15 April 2024, less 30 days
    report = run(session, warn_at)
    assert report.count("warn") == 1 and report.warnings[0].lang == "en"
    [note] = session.scalars(sa.select(Notification).where(Notification.user_id == nour.id))
    assert note.title == "Your account will be deleted on 15 April 2027"
    back = datetime(2027, 4, 1, tzinfo=UTC)
    sessions.start_session(session, nour, actor=nour, device=None, ip=None, clock=lambda: back)
    assert run(session, datetime(2027, 4, 20, tzinfo=UTC)).actions == []
    assert users.find_user(session, "nour@example.org") is not None
    # the count starts again from that log-in: warned again 35 months later
    assert run(session, datetime(2030, 3, 2, tzinfo=UTC), dry_run=True).count("warn") == 1


def test_the_longest_period_of_the_organisations_applied_to_applies(
        session, application, candidate, clock):
    policy.set_retention(session, "ujm", accounts_months=48, actor=OPERATOR, now=clock())
    # (her draft, to a posting whose deadline passed, is anonymised meanwhile: the account
    # keeps its period all the same)
    plan = run(session, datetime(2027, 4, 15, tzinfo=UTC), dry_run=True)
    assert [(a.action, a.reason) for a in plan.actions] == [
        ("anonymise", "draft, posting deadline passed on 2024-05-13: kept 24 months")]
    plan = run(session, datetime(2028, 3, 17, tzinfo=UTC), dry_run=True)
    accounts = [a for a in plan.actions if a.subject == "account"]
    assert [(a.action, a.email) for a in accounts] == [("warn", "camille@example.org")]
    assert accounts[0].reason == "no log-in since 2024-04-15: kept 48 months"


def test_staff_accounts_are_not_touched(session, hr, clock):
    users.create_user(session, email="admin@example.org", full_name="Ada", role="admin",
                      clock=clock, actor=OPERATOR)
    assert run(session, datetime(2040, 1, 1, tzinfo=UTC), dry_run=True).actions == []


# -- the command ------------------------------------------------------------------------------


def test_the_command_lists_then_does(cli, session, submitted, candidate):
    cli.clock.now = datetime(2026, 6, 1, tzinfo=UTC)
    listed = cli("privacy retention --dry-run --format json")
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.output)
    assert (data["dry_run"], data["anonymise"], data["warn"], data["delete"]) == (True, 1, 0, 0)
    [action] = data["actions"]
    assert action | {"since": None} == {
        "action": "anonymise", "subject": "application", "id": submitted.id,
        "organisation": "ujm", "posting": "UJM-TEST-1", "email": None, "deletion_at": None,
        "reason": "rejected, posting closed on 2024-05-20: kept 24 months",
        "since": None, "due": "2026-05-20T08:00:00+00:00"}
    table = cli("privacy retention --dry-run").output
    assert "1 application(s) to anonymise, 0 account(s) to warn, 0 account(s) to delete" in table
    assert "UJM-TEST-1" in table
    done = cli("privacy retention")
    assert done.exit_code == 0, done.output
    assert "1 application(s) anonymised" in done.output
    session.expire_all()
    assert session.get(Application, submitted.id).candidate_id is None
    assert "0 application(s) to anonymise" in cli("privacy retention --dry-run").output


def test_org_retention_command_shows_and_sets(cli, ujm):
    assert cli("org retention ujm").output == \
        "ujm: applications 24 mo, accounts 36 mo, talent pool 24 mo\n"
    done = cli("org retention ujm --applications-months 12 --accounts-months 48")
    assert done.output == "ujm: applications 12 mo, accounts 48 mo, talent pool 24 mo\n"
    bad = cli("org retention ujm --accounts-months 0")
    assert bad.exit_code != 0
    assert "accounts_months: must be a whole number of months from 1 to 120, not 0" in bad.output
    assert json.loads(cli("org list --format json").output)[0]["retention"][
        "applications_months"] == 12
    missing = cli("org retention nope")
    assert missing.exit_code != 0 and "no organisation with slug 'nope'" in missing.output


def test_org_privacy_notice_command(cli, session, ujm, tmp_path):
    notice = tmp_path / "notice-fr.txt"
    notice.write_text("L’Université Jean Monnet traite vos données.\n", encoding="utf-8")
    done = cli(["org", "privacy-notice", "ujm", "--lang", "fr", "--file", str(notice)])
    assert done.output == "ujm: privacy notice (fr) set\n"
    assert json.loads(cli("org list --format json").output)[0]["retention"][
        "own_privacy_notice"] == ["fr"]
    shown = policy.privacy_notice(session, "ujm", lang="en")
    assert shown.text == "L’Université Jean Monnet traite vos données."  # no English one yet
    assert cli("org privacy-notice ujm --lang fr --clear").output == \
        "ujm: privacy notice (fr) back to the default\n"
    session.expire_all()
    assert policy.privacy_notice(session, "ujm", lang="fr").text is None
    both = cli("org privacy-notice ujm --lang en")
    assert both.exit_code != 0 and "give either --file FILE or --clear" in both.output


def test_only_admins_run_retention_from_the_command_line(cli, session, submitted):
    refused = cli("--as camille@example.org privacy retention --dry-run")
    assert refused.exit_code != 0
    assert "only an admin or the operator runs retention" in refused.output
