"""The audit log on the pages: the trail of an application and of a posting for the hr who
manage them (in their language and time zone, newest first, paged), the admin's whole log with
its filters and CSV, and every action the services record worded in English and French."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date, time
from pathlib import Path

import sqlalchemy as sa

from tests.uploads import make_pdf
from tests.web.conftest import PASSWORD, Web, text
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import AuditLog, PostingStatus
from tracker.services.accounts import account
from tracker.services.hiring import applications, documents, evidence, interviews, postings
from tracker.web import hr_audit
from tracker.web.i18n import catalog

SERVICES = Path(__file__).resolve().parents[2] / "tracker" / "services"


def reviewed(session, application, candidate, hr, clock):  # noqa: ANN001, ANN201
    documents.add_document(session, application, kind="cv", filename="CV Camille.pdf",
                           content=make_pdf("Camille CV"), actor=candidate, clock=clock,
                           settings=get_settings())
    clock.advance(minutes=1)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    clock.advance(minutes=1)
    applications.move(session, application, "under_review", actor=hr, clock=clock)
    clock.advance(minutes=1)
    evidence.add_note(session, application, "Très bon dossier", actor=hr, clock=clock)
    session.flush()
    return application


def trail_of(page: str) -> list[list[str]]:
    """The rows of the page's audit trail, each as its cells' text."""
    section = page.split('id="audit"', 1)[1].split("</section>", 1)[0]
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
             for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", section, re.S) if "<td>" in row]


def test_hr_read_an_application_trail_in_english_in_their_zone(
        web: Web, session, application, candidate, hr, clock) -> None:  # noqa: ANN001
    hr.timezone = "America/Montreal"
    reviewed(session, application, candidate, hr, clock)
    page = text(web.as_user(hr).get(f"/hr/applications/{application.id}"))
    rows = trail_of(page)
    assert [r[2] for r in rows] == [
        "Note added", "Status changed from “Submitted” to “Under review”",
        "Status changed from “Draft” to “Submitted”", "Document added: CV (CV Camille.pdf)",
        "Application started"]
    # 08:03 UTC on 15 April 2024 is 04:03 in Montréal
    assert rows[0][0] == "Apr 15, 2024, 4:03\u202fAM (America/Montreal)"
    assert rows[0][1] == "Claire Dubois <rh@univ-st-etienne.fr>"
    assert rows[-1][1] == "Camille Martin <camille@example.org>"


def test_hr_read_it_in_french(web: Web, session, application, candidate, hr, clock) -> None:  # noqa: ANN001
    hr.locale = "fr"
    reviewed(session, application, candidate, hr, clock)
    rows = trail_of(text(web.as_user(hr).get(f"/hr/applications/{application.id}")))
    assert [r[2] for r in rows] == [
        "Note ajoutée", "Statut changé de « Déposée » à « En cours d’examen »",
        "Statut changé de « Brouillon » à « Déposée »", "Document ajouté : CV (CV Camille.pdf)",
        "Candidature commencée"]
    assert rows[0][0].startswith("15 avr. 2024, 10:03 (Europe/Paris)")


def test_the_trail_is_paged_newest_first(web: Web, session, application, candidate, hr,
                                         clock) -> None:  # noqa: ANN001
    reviewed(session, application, candidate, hr, clock)
    for _ in range(hr_audit.TRAIL_PER_PAGE):
        clock.advance(minutes=1)
        evidence.add_note(session, application, "encore", actor=hr, clock=clock)
    session.flush()
    web.as_user(hr)
    url = f"/hr/applications/{application.id}"
    first = text(web.get(url))
    assert len(trail_of(first)) == hr_audit.TRAIL_PER_PAGE
    assert f"{url}?audit_page=2#audit" in first and "Older" in first
    second = trail_of(text(web.get(f"{url}?audit_page=2")))
    assert [r[2] for r in second][-2:] == [
        "Document added: CV (CV Camille.pdf)", "Application started"]


def test_ratings_interviews_and_removals_read_as_sentences(
        web: Web, session, application, candidate, hr, clock) -> None:  # noqa: ANN001
    reviewed(session, application, candidate, hr, clock)
    requirement = application.posting.requirements[0]
    evidence.rate_evidence(session, application, requirement, rating=3, actor=hr, clock=clock)
    evidence.rate_evidence(session, application, requirement, rating=None, actor=hr,
                           clock=clock)
    meeting = interviews.schedule(session, application.posting, day=date(2024, 5, 20),
                                  at=time(10, 0), timezone="Europe/Paris",
                                  application=application, actor=hr, clock=clock)
    interviews.reschedule(session, meeting, day=date(2024, 5, 21), at=time(14, 30),
                          actor=hr, clock=clock)
    interviews.cancel(session, meeting, actor=hr, clock=clock, reason="jury absent")
    documents.remove_document(session, application.documents[0], actor=hr, clock=clock)
    session.flush()
    hr.timezone = "Europe/Paris"
    session.flush()
    rows = trail_of(text(web.as_user(hr).get(f"/hr/applications/{application.id}")))
    assert [r[2] for r in rows][:7] == [
        "Document removed: CV (CV Camille.pdf)", "Interview cancelled: jury absent",
        "Interview moved from May 20, 2024, 10:00 AM (Europe/Paris) to May 21, 2024, "
        "2:30 PM (Europe/Paris)",
        "Status changed from “Under review” to “Interview”",
        "Interview scheduled for May 20, 2024, 10:00 AM (Europe/Paris)",
        "Rating of a requirement cleared", "Requirement rated 3 / 4"]


def test_a_posting_trail_on_its_page(web: Web, session, posting, hr, clock) -> None:  # noqa: ANN001
    clock.advance(minutes=1)
    postings.update_posting(session, posting, {"title": "Chargé·e de coopération"}, actor=hr,
                            clock=clock, settings=get_settings())
    session.flush()
    rows = trail_of(text(web.as_user(hr).get(f"/hr/postings/{posting.reference}")))
    assert [r[2] for r in rows] == ["Posting edited: title",
                                    "Posting status changed from “Draft” to “Open”",
                                    "Posting created (UJM-TEST-1)"]


def test_hr_of_another_organisation_see_nothing_and_candidates_are_refused(
        web: Web, session, application, candidate, hr, hr_other, clock) -> None:  # noqa: ANN001
    reviewed(session, application, candidate, hr, clock)
    web.as_user(hr_other)
    for url in (f"/hr/applications/{application.id}",
                f"/hr/postings/{application.posting.reference}"):
        answer = web.get(url)
        assert answer.status_code in (403, 404)
        assert "Note added" not in text(answer) and "Claire Dubois" not in text(answer)
    web.as_user(candidate)
    assert web.get(f"/hr/applications/{application.id}").status_code == 403
    own = text(web.get(f"/me/applications/{application.id}"))
    assert 'id="audit"' not in own and "Note added" not in own


def test_admins_filter_the_whole_log(web: Web, session, application, candidate, hr, admin,
                                     clock) -> None:  # noqa: ANN001
    admin.locale = "en"
    reviewed(session, application, candidate, hr, clock)
    web.as_user(admin)
    page = text(web.get("/admin/audit?actor=rh@univ-st-etienne.fr&action=application"))
    shown = re.findall(r"<tr><td>.*?</tr>", page, re.S)
    assert len(shown) == 1 and "Status changed from “Submitted” to “Under review”" in html.unescape(
        shown[0])
    notes = text(web.get(f"/admin/audit?entity=application&number={application.id}"))
    assert "Note added" in notes and "Document added: CV" in notes
    assert "Posting created" not in notes
    days = text(web.get("/admin/audit?since=2024-04-16&action=note"))
    assert "Nothing recorded matches." in days
    assert "Note added" in text(web.get("/admin/audit?since=2024-04-15&until=2024-04-15"))


def test_admin_filters_with_mistakes_say_which_and_why(web: Web, session, admin) -> None:  # noqa: ANN001
    admin.locale = "en"
    session.flush()
    web.as_user(admin)
    bad_day = web.get("/admin/audit?since=2024-13-01")
    assert bad_day.status_code == 400
    assert error_of(text(bad_day), "since") == "is not a date: write it as YYYY-MM-DD"
    unknown = web.get("/admin/audit?actor=nobody@example.org")
    assert unknown.status_code == 400
    assert error_of(text(unknown), "actor") == "no account has this e-mail address"
    assert "Nothing recorded matches." not in text(unknown)  # an error, not an empty answer
    admin.locale = "fr"
    session.flush()
    web.as_user(admin)
    french = text(web.get("/admin/audit?until=demain&since=2024-01-01"))
    assert error_of(french, "until") == "n’est pas une date : écrivez-la AAAA-MM-JJ"
    backwards = text(web.get("/admin/audit?since=2024-05-02&until=2024-05-01"))
    assert error_of(backwards, "until") == "ne doit pas précéder le premier jour"
    nobody = text(web.get("/admin/audit?actor=nobody@example.org"))
    assert error_of(nobody, "actor") == "aucun compte n’a cette adresse e-mail"


def test_the_log_as_csv(web: Web, session, application, candidate, hr, admin, clock) -> None:  # noqa: ANN001
    admin.locale = "en"
    reviewed(session, application, candidate, hr, clock)
    answer = web.as_user(admin).get("/admin/audit?format=csv&action=note")
    assert answer.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(text(answer))))
    assert rows[0] == ["at_utc", "who", "action", "entity", "what"]
    assert rows[1][1:3] == ["Claire Dubois <rh@univ-st-etienne.fr>", "note.add"]
    assert rows[1][4] == "Note added" and len(rows) == 2


def test_only_admins_read_the_whole_log(web: Web, hr, candidate) -> None:  # noqa: ANN001
    for who in (hr, candidate):
        assert web.as_user(who).get("/admin/audit").status_code == 403
        assert web.get("/admin/audit?format=csv").status_code == 403
    assert web.as_user(None).get("/admin/audit").status_code == 302  # to the log-in page


def test_log_ins_are_in_the_log_and_the_page_says_the_same_either_way(
        web: Web, session, candidate, admin, clock) -> None:  # noqa: ANN001
    admin.locale = "en"
    account.set_password(session, candidate, PASSWORD, actor=OPERATOR, clock=clock)
    session.flush()
    wrong = text(web.login("camille@example.org", "not the password"))
    unknown = text(web.login("ghost@example.org", "not the password"))
    strip = re.compile(r'name="csrf_token"[^>]*>|value="[^"]*"')
    assert strip.sub("", wrong) == strip.sub("", unknown)
    assert web.login("camille@example.org").status_code == 302
    assert web.post("/logout", token_from="/me/").status_code == 302
    session.expire_all()
    rows = session.execute(sa.select(AuditLog.action, AuditLog.entity_type, AuditLog.actor_id)
                           .where(AuditLog.action.like("log%")).order_by(AuditLog.id)).all()
    assert rows == [("login.failed", "user_account", None), ("login.failed", "login", None),
                    ("login.ok", "user_account", candidate.id),
                    ("logout", "user_account", candidate.id)]
    page = html.unescape(text(web.as_user(admin).get("/admin/audit?action=login")))
    assert "Failed log-in as ghost@example.org" in page and "Logged in" in page
    assert "someone not logged in" in page and "not the password" not in page
    assert "Logged out" in html.unescape(text(web.get("/admin/audit?action=logout")))


def error_of(page: str, name: str) -> str:
    found = re.search(rf'<span class="error" id="f-{name}-error">([^<]*)</span>', page)
    assert found, f"no error next to {name}"
    return html.unescape(found.group(1))


def recorded_actions() -> set[str]:
    """Every action a service records: the literal ones, and the status moves of postings."""
    found: set[str] = set()
    for path in SERVICES.rglob("*.py"):
        for prefix, name in re.findall(r'action=(f?)"([^"]+)"', path.read_text()):
            if not prefix:
                found.add(name)
            elif name == "posting.{target.value}":
                found |= {f"posting.{s.value}" for s in PostingStatus}
            else:
                raise AssertionError(f"{path.name}: add the actions of {name} to this test")
    return found


def test_every_recorded_action_reads_as_a_sentence_in_english_and_french() -> None:
    actions = recorded_actions()
    assert {"application.move", "note.add", "login.ok", "login.failed", "posting.open"} <= actions
    assert actions - set(hr_audit.SENTENCES) == set(), "give these actions a sentence"
    french = catalog("fr")
    untranslated = sorted(m for m in {*hr_audit.SENTENCES.values(), *hr_audit.VARIANTS.values()}
                          if french.gettext(m) == m)
    assert untranslated == []
