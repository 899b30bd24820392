"""Who may reach what: every route of the web app x (anonymous, candidate A, candidate B, hr of
the posting's organisation, hr of another organisation, admin).

The routes are read from the app itself, so a new route without a rule here fails
`test_every_route_has_a_rule`. Allowed: the page answers (2xx, 3xx other than to the login
page, or 400 for a form sent empty). Refused: 403 or 404, or the login page for anonymous.
The JSON API (/api/v1) and static files are checked elsewhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from types import SimpleNamespace
from typing import Any

import pytest

from tests.uploads import make_pdf
from tests.web.conftest import Web, web_settings
from tracker.app import create_app
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Document, DocumentKind, Notification
from tracker.services.accounts import sessions as login_sessions
from tracker.services.accounts import tokens, users
from tracker.services.exports import calendar
from tracker.services.hiring import applications, evidence, interviews, postings
from tracker.services.jobs import queue as dossier_jobs
from tracker.services.privacy import erase

ACTORS = ["anonymous", "cand_a", "cand_b", "hr_a", "hr_b", "admin"]
EVERYONE = set(ACTORS)
LOGGED_IN = EVERYONE - {"anonymous"}
STAFF = {"hr_a", "hr_b", "admin"}
EMPLOYER = {"hr_a", "admin"}  # of the posting P and its applications
OWNER = {"cand_a"}  # of application A, its document and the private posting X
CANDIDATES = {"cand_a", "cand_b"}


@dataclass(frozen=True)
class Case:
    method: str
    url: Callable[[Any], str]
    allowed: set[str]
    name: str = ""


def case(method: str, url: Callable[[Any], str], allowed: set[str], name: str = "") -> Case:
    return Case(method, url, allowed, name)


A = "/me/applications/{w.a}"
H = "/hr/applications/{w.a}"
Q = "/hr/applications/{w.q}"  # candidate A's draft: A's own until submitted
RULES: dict[str, list[Case]] = {
    "public.index": [case("GET", lambda w: "/", EVERYONE)],
    "public.posting": [
        case("GET", lambda w: f"/postings/{w.p}", EVERYONE, "open public posting"),
        case("GET", lambda w: f"/postings/{w.d}", set(), "draft posting"),
        case("GET", lambda w: f"/postings/{w.x}", set(), "candidate A's private posting"),
    ],
    "public.set_language": [case("POST", lambda w: "/language", EVERYONE)],
    "health.healthz": [case("GET", lambda w: "/healthz", EVERYONE)],  # probes: JSON, no log-in
    "health.readyz": [case("GET", lambda w: "/readyz", EVERYONE)],
    "public.document": [case("GET", lambda w: f"/documents/{w.doc}", OWNER | EMPLOYER),
                        case("GET", lambda w: f"/documents/{w.draft_doc}", OWNER | {"admin"},
                             "a draft's document")],
    "auth.login": [case("GET", lambda w: "/login", EVERYONE),
                   case("POST", lambda w: "/login", EVERYONE)],
    "auth.logout": [case("POST", lambda w: "/logout", EVERYONE)],
    "auth.register": [case("GET", lambda w: "/register", EVERYONE),
                      case("POST", lambda w: "/register", EVERYONE)],
    "auth.account": [case("GET", lambda w: "/account", LOGGED_IN),
                     case("POST", lambda w: "/account", LOGGED_IN)],
    "auth.change_password": [case("POST", lambda w: "/account/password", LOGGED_IN)],
    "auth.delete_account": [case("POST", lambda w: "/account/delete", LOGGED_IN)],
    "auth.admin_accounts": [case("GET", lambda w: "/admin/accounts", {"admin"}),
                            case("POST", lambda w: "/admin/accounts", {"admin"})],
    "auth.admin_logout_everywhere": [case("POST", lambda w: "/admin/accounts/logout",
                                          {"admin"})],
    # issue #13: "forgot your password?", reset and invitation links (a made-up token: the
    # page answers 400 with the reason), invitation forms
    "auth.forgot_password": [case("GET", lambda w: "/password/forgot", EVERYONE),
                             case("POST", lambda w: "/password/forgot", EVERYONE)],
    "auth.reset_password": [case("GET", lambda w: "/password/reset/made-up", EVERYONE),
                            case("POST", lambda w: "/password/reset/made-up", EVERYONE)],
    "invitations.admin_invite": [case("POST", lambda w: "/admin/accounts/invite", {"admin"})],
    "invitations.hr_invitations": [case("GET", lambda w: "/hr/invitations", {"hr_a", "hr_b"}),
                                   case("POST", lambda w: "/hr/invitations", {"hr_a", "hr_b"})],
    "invitations.accept": [case("GET", lambda w: "/invitations/made-up", EVERYONE),
                           case("POST", lambda w: "/invitations/made-up", EVERYONE)],
    "audit.admin_log": [case("GET", lambda w: "/admin/audit", {"admin"})],
    "auth.end_session": [case("POST", lambda w: f"/account/sessions/{w.other_session}/end",
                              set(), "someone else's session")],
    "hr.dashboard": [case("GET", lambda w: "/hr/", STAFF)],
    "hr.posting_list": [case("GET", lambda w: "/hr/postings", STAFF)],
    "hr.posting_new": [case("GET", lambda w: "/hr/postings/new", STAFF),
                       case("POST", lambda w: "/hr/postings/new", STAFF)],
    "hr.posting_import": [case("GET", lambda w: "/hr/postings/import", STAFF),
                          case("POST", lambda w: "/hr/postings/import", STAFF)],
    "hr.posting": [case("GET", lambda w: f"/hr/postings/{w.p}", EMPLOYER, "open posting"),
                   case("GET", lambda w: f"/hr/postings/{w.d}", EMPLOYER, "draft posting"),
                   case("GET", lambda w: f"/hr/postings/{w.x}", {"admin"}, "private posting")],
    "hr.posting_edit": [case("GET", lambda w: f"/hr/postings/{w.p}/edit", EMPLOYER),
                        case("POST", lambda w: f"/hr/postings/{w.p}/edit", EMPLOYER),
                        case("GET", lambda w: f"/hr/postings/{w.d}/edit", EMPLOYER, "draft")],
    "hr.posting_status": [case("POST", lambda w: f"/hr/postings/{w.p}/status", EMPLOYER)],
    # issue #14: the pipeline board, bulk moves (confirmation, then the move), the
    # confirmation of a posting's cancellation
    "hr.board": [case("GET", lambda w: f"/hr/postings/{w.p}/board", EMPLOYER),
                 case("GET", lambda w: f"/hr/postings/{w.x}/board", {"admin"},
                      "private posting")],
    "hr.bulk_move": [case("GET", lambda w: f"/hr/postings/{w.p}/bulk", EMPLOYER),
                     case("POST", lambda w: f"/hr/postings/{w.p}/bulk", EMPLOYER)],
    "hr.posting_cancel": [case("GET", lambda w: f"/hr/postings/{w.p}/cancel", EMPLOYER)],
    "hr.posting_sheet": [case("GET", lambda w: f"/hr/postings/{w.d}/sheet.pdf", EMPLOYER)],
    "hr.panel_dossier": [case("GET", lambda w: f"/hr/postings/{w.p}/panel.pdf", EMPLOYER)],
    "hr.interview_new": [case("GET", lambda w: f"/hr/postings/{w.p}/interviews/new", EMPLOYER),
                         case("POST", lambda w: f"/hr/postings/{w.p}/interviews/new",
                              EMPLOYER)],
    # issue #14: move or cancel an interview of P (application A's)
    "hr.interview_move": [case("GET", lambda w: f"/hr/interviews/{w.iv}/move", EMPLOYER),
                          case("POST", lambda w: f"/hr/interviews/{w.iv}/move", EMPLOYER)],
    "hr.interview_cancel": [case("GET", lambda w: f"/hr/interviews/{w.iv}/cancel", EMPLOYER),
                            case("POST", lambda w: f"/hr/interviews/{w.iv}/cancel", EMPLOYER)],
    "hr.application": [case("GET", lambda w: H.format(w=w), EMPLOYER),
                       case("GET", lambda w: Q.format(w=w), {"admin"}, "draft")],
    "hr.application_move": [case("POST", lambda w: H.format(w=w) + "/move", EMPLOYER),
                            case("POST", lambda w: Q.format(w=w) + "/move", {"admin"},
                                 "draft")],
    "hr.application_ratings": [case("POST", lambda w: H.format(w=w) + "/ratings", EMPLOYER),
                               case("POST", lambda w: Q.format(w=w) + "/ratings", {"admin"},
                                    "draft")],
    "hr.application_note": [case("POST", lambda w: H.format(w=w) + "/notes", EMPLOYER),
                            case("POST", lambda w: Q.format(w=w) + "/notes", {"admin"},
                                 "draft")],
    "hr.application_dossier": [case("GET", lambda w: H.format(w=w) + "/dossier.pdf",
                                    EMPLOYER),
                               case("GET", lambda w: Q.format(w=w) + "/dossier.pdf",
                                    {"admin"}, "draft")],
    "hr.application_message": [
        case("GET", lambda w: H.format(w=w) + "/message", EMPLOYER),
        case("POST", lambda w: H.format(w=w) + "/message", EMPLOYER),
        case("GET", lambda w: Q.format(w=w) + "/message", {"admin"}, "draft"),
        case("POST", lambda w: Q.format(w=w) + "/message", {"admin"}, "draft")],
    "hr.message_templates": [case("GET", lambda w: "/hr/messages", STAFF),
                             case("POST", lambda w: "/hr/messages", STAFF)],
    "hr.message_template": [case("GET", lambda w: "/hr/messages/offer/fr", STAFF),
                            case("POST", lambda w: "/hr/messages/offer/en", STAFF)],
    "candidate.applications": [case("GET", lambda w: "/me/", CANDIDATES)],
    "candidate.profile": [case("GET", lambda w: "/me/profile", CANDIDATES),
                          case("POST", lambda w: "/me/profile", CANDIDATES)],
    "candidate.posting_import": [case("GET", lambda w: "/me/postings/import", CANDIDATES),
                                 case("POST", lambda w: "/me/postings/import", CANDIDATES)],
    "candidate.posting_new": [case("GET", lambda w: "/me/postings/new", CANDIDATES),
                              case("POST", lambda w: "/me/postings/new", CANDIDATES)],
    "candidate.posting": [case("GET", lambda w: f"/me/postings/{w.x}", OWNER)],
    "candidate.apply": [case("POST", lambda w: f"/me/apply/{w.p}", CANDIDATES, "public"),
                        case("POST", lambda w: f"/me/apply/{w.x}", OWNER, "private"),
                        case("POST", lambda w: f"/me/apply/{w.d}", set(), "draft")],
    "candidate.application": [case("GET", lambda w: A.format(w=w), OWNER),
                              case("GET", lambda w: f"/me/applications/{w.q}", OWNER,
                                   "draft")],
    "candidate.answers": [case("POST", lambda w: A.format(w=w) + "/answers", OWNER)],
    "candidate.letter": [case("POST", lambda w: A.format(w=w) + "/letter", OWNER)],
    "candidate.upload": [case("POST", lambda w: A.format(w=w) + "/documents", OWNER)],
    "candidate.remove_document": [
        case("POST", lambda w: A.format(w=w) + f"/documents/{w.doc}/delete", OWNER)],
    "candidate.move": [case("POST", lambda w: A.format(w=w) + "/withdrawn", OWNER)],
    "candidate.confirm_withdraw": [case("GET", lambda w: A.format(w=w) + "/withdraw", OWNER)],
    "candidate.confirm_remove_document": [
        case("GET", lambda w: A.format(w=w) + f"/documents/{w.doc}/delete", OWNER)],
    "candidate.dossier": [case("GET", lambda w: A.format(w=w) + "/dossier.pdf", OWNER)],
    # The calendar feed: its secret URL is the key, whoever calls it (no login, no cookie).
    "keys.calendar_feed": [
        case("GET", lambda w: f"/calendar/{w.feed}.ics", EVERYONE, "candidate A's feed"),
        case("GET", lambda w: "/calendar/not-a-token.ics", set(), "unknown token")],
    "keys.calendar_download": [case("GET", lambda w: "/account/calendar.ics", LOGGED_IN)],
    "keys.calendar_create": [case("POST", lambda w: "/account/calendar", LOGGED_IN)],
    "keys.calendar_replace": [case("POST", lambda w: "/account/calendar/replace", LOGGED_IN)],
    "keys.calendar_revoke": [case("POST", lambda w: "/account/calendar/revoke", LOGGED_IN)],
    "keys.token_create": [case("POST", lambda w: "/account/tokens", LOGGED_IN)],
    "keys.token_revoke": [case("POST", lambda w: f"/account/tokens/{w.token}/revoke", OWNER,
                               "candidate A's token")],
    # the inbox: everyone logged in has one; a notification is its owner's only (404 else)
    "inbox.index": [case("GET", lambda w: "/inbox/", LOGGED_IN)],
    "inbox.follow": [case("GET", lambda w: f"/inbox/{w.note}", OWNER)],
    # the links e-mails carry: to the reader's side's page of what they may see, else 404
    "links.application": [case("GET", lambda w: f"/applications/{w.a}", OWNER | EMPLOYER)],
    "links.interview": [case("GET", lambda w: f"/interviews/{w.iv}", OWNER | EMPLOYER)],
    "inbox.mark_read": [case("POST", lambda w: f"/inbox/{w.note}/read", OWNER)],
    "inbox.mark_all_read": [case("POST", lambda w: "/inbox/read-all", LOGGED_IN)],
    "inbox.switches": [case("POST", lambda w: "/inbox/switches", LOGGED_IN)],
    "inbox.offsets": [case("POST", lambda w: "/inbox/offsets", {"hr_a", "hr_b"})],
    # issue #13: the privacy notice is public; the talent-pool consent is a candidate's own
    "privacy.notice": [case("GET", lambda w: "/privacy", EVERYONE)],
    "privacy.talent_pool": [case("POST", lambda w: "/account/talent-pool/ujm", CANDIDATES)],
    "privacy.export_mine": [case("GET", lambda w: "/account/export.zip", LOGGED_IN)],
    "privacy.request_erasure": [case("POST", lambda w: "/account/erasure-request", CANDIDATES)],
    "privacy.admin_requests": [case("GET", lambda w: "/admin/erasure-requests", {"admin"})],
    # issue #16: a dossier's job page and file, to those who may have the dossier (the same
    # copy: the candidate's own is not the employer's)
    "jobs.status": [case("GET", lambda w: f"/jobs/{w.panel_job}", EMPLOYER, "panel dossier"),
                    case("GET", lambda w: f"/jobs/{w.my_job}", OWNER, "candidate A's dossier")],
    "jobs.file": [case("GET", lambda w: f"/jobs/{w.panel_job}/file", EMPLOYER, "panel dossier"),
                  case("GET", lambda w: f"/jobs/{w.my_job}/file", OWNER,
                       "candidate A's dossier")],
    "privacy.admin_erase": [case("POST", lambda w: f"/admin/erasure-requests/{w.erasure}/erase",
                                 {"admin"})],
}


def checked_endpoints(app: Any) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules()
            if rule.endpoint != "static" and not rule.rule.startswith("/api/")}


def test_every_route_has_a_rule(app) -> None:  # noqa: ANN001
    assert checked_endpoints(app) == set(RULES)
    for rule in app.url_map.iter_rules():
        if rule.endpoint in RULES:
            methods = (rule.methods or set()) - {"HEAD", "OPTIONS"}
            assert methods <= {c.method for c in RULES[rule.endpoint]}, rule


@pytest.fixture
def world(session, posting, hr, hr_other, candidate, candidate_b, admin, clock, tmp_path):  # noqa: ANN001, ANN201
    """Posting P (UJM, open), D (UJM, draft), X (candidate A's own), application A of
    candidate A to P (submitted, with a CV), Q of candidate A to another open posting of UJM
    (a draft, with a CV)."""
    draft = postings.create_posting(session, {"title": "Brouillon RH", "organisation": "ujm",
                                              "employment_type": "permanent"}, actor=hr,
                                    clock=clock, settings=get_settings())
    private = postings.create_posting(session, {
        "title": "Trouvée ailleurs", "employment_type": "permanent", "visibility": "private",
        "hiring_organization_name": "Ailleurs"}, actor=candidate, clock=clock, settings=get_settings())
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    evidence.give_evidence(session, application, posting.requirements[0], evidence="B2",
                           actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    interview = interviews.schedule(session, posting, application=application,
                                    day=date(2024, 5, 22), at=time(10), actor=hr, clock=clock)
    second = postings.create_posting(session, {"title": "Second poste", "organisation": "ujm",
                                               "employment_type": "permanent"}, actor=hr,
                                     clock=clock, settings=get_settings())
    postings.set_status(session, second, "open", actor=hr, clock=clock)
    draft_application = applications.start(session, second, candidate, actor=candidate,
                                           clock=clock)
    content = make_pdf("CV of candidate A")
    document, draft_document = (
        Document(owner_id=candidate.id, application_id=owner.id, kind=DocumentKind.CV,
                 filename="cv.pdf", media_type="application/pdf", size_bytes=len(content),
                 sha256=hashlib.sha256(content).hexdigest(), content=content, page_count=1,
                 uploaded_at=clock())
        for owner in (application, draft_application))
    session.add_all([document, draft_document])
    note = Notification(user_id=candidate.id, title="Status", body="Moved",
                        link=f"/applications/{application.id}", created_at=clock())
    session.add(note)
    session.flush()
    people = {"anonymous": None, "cand_a": candidate, "cand_b": candidate_b, "hr_a": hr,
              "hr_b": hr_other, "admin": admin}
    feed = calendar.feed_token(session, candidate, clock)
    _plain, token = tokens.create_token(session, candidate, "matrix", clock)
    outsider = users.create_user(session, email="outsider@example.org", full_name="Outsider",
                                 role="candidate", clock=clock, actor=OPERATOR)
    _key, other_session = login_sessions.start_session(session, outsider, actor=outsider,
                                                       device="elsewhere", ip=None, clock=clock)
    erasure = erase.request_erasure(session, outsider, actor=outsider,
                                    settings=web_settings(tmp_path), now=clock())
    # issue #16: the panel dossier's job (the employer's) and candidate A's own dossier's job
    panel_job = dossier_jobs.request(session, "panel", {"reference": posting.reference}, hr,
                                     lang="en", settings=web_settings(tmp_path), clock=clock)
    my_job = dossier_jobs.request(session, "application", {"application_id": application.id},
                                  candidate, lang="en", settings=web_settings(tmp_path),
                                  clock=clock)
    session.flush()
    return SimpleNamespace(panel_job=panel_job.id, my_job=my_job.id, erasure=erasure.id, p=posting.reference, d=draft.reference, x=private.reference,
                           a=application.id, doc=document.id, note=note.id, people=people,
                           q=draft_application.id, draft_doc=draft_document.id,
                           feed=feed, token=token.id, other_session=other_session.id,
                           iv=interview.id)


CASES = [
    pytest.param(endpoint, index, who, id=f"{endpoint}[{c.name or c.method}]-{who}")
    for endpoint, cases in RULES.items() for index, c in enumerate(cases) for who in ACTORS
]


@pytest.mark.parametrize(("endpoint", "index", "who"), CASES)
def test_route_access(endpoint: str, index: int, who: str, world, session_factory, clock,
                      tmp_path) -> None:  # noqa: ANN001
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    rule = RULES[endpoint][index]
    web = Web(app.test_client()).as_user(world.people[who])
    url = rule.url(world)
    with app.test_request_context():
        adapter = app.url_map.bind("localhost")
        assert adapter.match(url, method=rule.method)[0] == endpoint, url
    response = web.client.open(url, method=rule.method, data={})
    location = response.headers.get("Location", "")
    to_login = response.status_code == 302 and location.startswith("/login")
    if who in rule.allowed:
        assert response.status_code < 500
        assert response.status_code not in (401, 403, 404) and not to_login, (
            f"{who} refused {rule.method} {url}: {response.status_code} {location}")
    else:
        refused = response.status_code in (403, 404) or (who == "anonymous" and to_login)
        assert refused, f"{who} got {rule.method} {url}: {response.status_code} {location}"


def test_logged_out_account_loses_access_at_once(web: Web, world, session) -> None:  # noqa: ANN001
    """A login session of an account that has been deactivated opens nothing any more."""
    web.as_user(world.people["cand_a"])
    assert web.get(f"/me/applications/{world.a}").status_code == 200
    users.get_user(session, "camille@example.org").is_active = False
    session.flush()
    assert web.get(f"/me/applications/{world.a}").headers["Location"].startswith("/login")
