"""Messages to candidates (issue #14): shipped defaults, an organisation's own templates checked
in a sandbox, the candidate's language and zone, sending in-app and by e-mail to the real
loopback SMTP server, the acknowledgement of receipt, and the history kept."""

from datetime import date, time

import pytest

from tests.conftest import POSTING
from tests.reminders.conftest import notifications, run
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import ApplicationMessage, Locale, MessageKind
from tracker.services import messages
from tracker.services.accounts import users
from tracker.services.hiring import applications, interviews, postings

K = MessageKind


def submitted(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    return app


def test_defaults_in_the_candidates_language_with_dates_in_their_zone(
        session, posting, candidate, hr, clock):
    app = submitted(session, posting, candidate, clock)
    interviews.schedule(session, posting, application=app, day=date(2024, 5, 22), at=time(10),
                        actor=hr, clock=clock)
    text = messages.compose(session, application=app, kind="interview_invitation", actor=hr,
                            public_url="https://tracker.example", clock=clock)
    assert text.language == "fr"
    assert text.subject == "Invitation à un entretien — Chargé de coopération internationale"
    assert text.body.startswith("Bonjour Camille Martin,")
    assert "le 22/05/2024 10:00" in text.body
    # an English reader in New York: English words, the interview at her own clock time
    candidate.locale, candidate.timezone = Locale.EN, "America/New_York"
    session.flush()
    text = messages.compose(session, application=app, kind="interview_invitation", actor=hr,
                            clock=clock)
    assert text.subject == "Invitation to an interview — Chargé de coopération internationale"
    assert "Dear Camille Martin," in text.body
    assert "04:00" in text.body and "10:00" not in text.body
    ack = messages.compose(session, application=app, kind="acknowledgement", actor=hr,
                           public_url="https://tracker.example", clock=clock)
    assert f"https://tracker.example/applications/{app.id}" in ack.body
    assert "deadline of" in ack.body


def test_an_organisations_own_template_replaces_the_default_and_reset_brings_it_back(
        session, posting, candidate, hr, ujm, clock):
    app = submitted(session, posting, candidate, clock)
    messages.save_template(session, ujm, "rejection_after_review", "fr",
                           subject="Réponse — {{ posting_reference }}",
                           body="Madame, Monsieur {{ candidate_name }},\n\nC'est non.",
                           actor=hr, clock=clock)
    text = messages.compose(session, application=app, kind="rejection_after_review", actor=hr,
                            clock=clock)
    assert text.subject == "Réponse — UJM-TEST-1"
    assert text.body == "Madame, Monsieur Camille Martin,\n\nC'est non."
    # the English one is still the default
    english = messages.get_template(session, ujm, "rejection_after_review", "en", actor=hr)
    assert english.is_default and english.subject.startswith("Your application")
    messages.reset_template(session, ujm, "rejection_after_review", "fr", actor=hr, clock=clock)
    text = messages.compose(session, application=app, kind="rejection_after_review", actor=hr,
                            clock=clock)
    assert text.subject == "Votre candidature — Chargé de coopération internationale"


@pytest.mark.parametrize("body, code, detail", [
    ("Bonjour {{ candidat }}", "unknown_variable", "candidat"),
    ("{{ ''.__class__ }}", "unsafe", None),
    ("{{ candidate_name.__class__.__mro__ }}", "unsafe", None),
    ("{{ candidate_name.upper() }}", "unsafe", None),
    ("{% for x in 'ab' %}", "syntax", None),
    ("   ", "empty", None),
])
def test_a_template_is_checked_when_it_is_saved(session, ujm, hr, clock, body, code, detail):
    with pytest.raises(messages.TemplateProblem) as caught:
        messages.save_template(session, ujm, "offer", "fr", subject="Offre", body=body,
                               actor=hr, clock=clock)
    assert caught.value.field == "body" and caught.value.problem == code
    if detail:
        assert caught.value.params["name"] == detail and detail in str(caught.value)
    assert messages.get_template(session, ujm, "offer", "fr", actor=hr).is_default


def test_the_sandbox_refuses_attribute_tricks_even_in_a_text_never_checked():
    from tracker.services.messages.templates import render_text

    with pytest.raises(messages.TemplateProblem):
        render_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", {})
    assert render_text("{{ candidate_name | upper }}", {"candidate_name": "Camille"}) == "CAMILLE"


def test_only_the_organisations_hr_manage_its_templates(session, ujm, candidate, clock):
    with pytest.raises(PermissionDenied):
        messages.list_templates(session, ujm, actor=candidate)
    other = users.create_user(session, email="rh@autre.fr", full_name="Autre RH", role="hr",
                              organisation=_org(session, clock).slug, clock=clock,
                              actor=OPERATOR)
    with pytest.raises(PermissionDenied):
        messages.save_template(session, ujm, "offer", "fr", subject="x", body="y", actor=other,
                               clock=clock)


def _org(session, clock):
    from tracker.services.accounts import organisations
    return organisations.create_organisation(session, slug="autre", name="Autre",
                                             clock=clock, actor=OPERATOR)


def test_send_reaches_the_candidate_in_app_and_by_email_in_french_and_is_kept(
        session, session_factory, posting, candidate, hr, clock, settings, smtp):
    app = submitted(session, posting, candidate, clock)
    text = messages.compose(session, application=app, kind="rejection_after_review", actor=hr,
                            clock=clock)
    messages.send(session, application=app, subject=text.subject, body=text.body, actor=hr,
                  kind=text.kind, language=text.language, clock=clock)
    session.commit()
    report = run(session_factory, clock)
    assert sorted(s["channel"] for s in report.sent
                  if s["kind"] != "application_received") == ["email", "in_app"]  # (hr news: #14)
    [mail] = smtp.inbox.messages
    assert mail["Subject"] == "Votre candidature — Chargé de coopération internationale"
    assert mail["To"].addresses[0].addr_spec == "camille@example.org"
    assert mail["Content-Language"] == "fr"
    plain = mail.get_body(("plain",)).get_content()
    assert "nous ne sommes pas en mesure de donner une suite favorable" in plain
    assert "Message envoyé par l’employeur" in plain
    [note] = notifications(session, candidate.id)
    assert note.title == mail["Subject"]
    assert note.body.startswith("Message de Université Jean Monnet")
    [kept] = messages.list_messages(session, app, actor=hr)
    assert kept.kind == "rejection_after_review" and kept.sent_by == "Claire Dubois"
    assert messages.list_messages(session, app, actor=candidate) == [kept]
    assert run(session_factory, clock).sent == []  # once


def test_send_many_gives_each_candidate_their_own_text_in_their_language(
        session, posting, candidate, hr, clock):
    first = submitted(session, posting, candidate, clock)
    other = users.create_user(session, email="jo@example.org", full_name="Jo Smith",
                              role="candidate", clock=clock, actor=OPERATOR)
    other.locale = Locale.EN
    second = submitted(session, posting, other, clock)
    sent = messages.send_many(session, applications=[first, second], kind="offer", actor=hr,
                              clock=clock)
    assert [(m.language.value, m.subject) for m in sent] == [
        ("fr", "Proposition d’embauche — Chargé de coopération internationale"),
        ("en", "Job offer — Chargé de coopération internationale")]
    assert "Camille Martin" in sent[0].body and "Jo Smith" in sent[1].body
    # a text written once, with variables, rendered for each
    sent = messages.send_many(session, applications=[first, second], actor=hr, clock=clock,
                              subject="Note — {{ posting_reference }}",
                              body="Bonjour {{ candidate_name }}")
    assert [m.body for m in sent] == ["Bonjour Camille Martin", "Bonjour Jo Smith"]


def test_rights_and_bad_input(session, posting, candidate, hr, clock):
    app = submitted(session, posting, candidate, clock)
    with pytest.raises(PermissionDenied):
        messages.send(session, application=app, subject="s", body="b", actor=candidate,
                      clock=clock)
    with pytest.raises(DomainError) as caught:
        messages.send(session, application=app, subject=" ", body="b", actor=hr, clock=clock)
    assert caught.value.field == "subject"


def test_acknowledgement_on_submission_unless_switched_off(
        session, posting, candidate, hr, ujm, clock):
    # the fixture's posting takes applications by e-mail: the tracker received nothing
    app = submitted(session, posting, candidate, clock)
    assert session.query(ApplicationMessage).count() == 0
    in_app = postings.create_posting(
        session, dict(POSTING, reference="UJM-TEST-2", title="Gestionnaire",
                      apply_method="in_app", apply_email=None),
        actor=hr, clock=clock, settings=get_settings())
    postings.set_status(session, in_app, "open", actor=hr, clock=clock)
    app = submitted(session, in_app, candidate, clock)
    [ack] = messages.list_messages(session, app, actor=hr)
    assert ack.kind == "acknowledgement" and ack.sent_by is None
    assert ack.subject == "Nous avons bien reçu votre candidature — Gestionnaire"
    assert "13/05/2024" in ack.body
    messages.set_acknowledgement(session, ujm, False, actor=hr, clock=clock)
    other = users.create_user(session, email="jo@example.org", full_name="Jo Smith",
                              role="candidate", clock=clock, actor=OPERATOR)
    app = submitted(session, in_app, other, clock)
    assert messages.list_messages(session, app, actor=hr) == []
