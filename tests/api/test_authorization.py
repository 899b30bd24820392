"""Authorization matrix: every endpoint and method under /api/v1, called by each of anonymous,
candidate A, candidate B, hr of the posting's organisation, hr of another organisation and an
admin, answers the expected status. The routes are read from the app, so an endpoint added
without a row here fails `test_every_endpoint_has_a_rule`.

Anonymous callers get 401 everywhere but the OpenAPI document: the API has no public reads
(the public posting pages of the web face are for people without an account).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa

from tests.api.conftest import ROLES, World

W = World
A, B, HR, HRO, ADM = "candidate_a", "candidate_b", "hr", "hr_other", "admin"
OTHER = (A, B, HR, HRO, ADM)


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    rule: str  # the Flask rule, e.g. /api/v1/postings/<path:reference>
    url: Callable[[W], str]
    expected: dict[str, int]  # role -> status; anonymous is 401 unless said otherwise
    body: Callable[[W], dict[str, Any]] | None = None


def each(status: int, **overrides: int) -> dict[str, int]:
    statuses = dict.fromkeys(OTHER, status)
    statuses.update({key: value for key, value in overrides.items()})
    return statuses


APP = "/api/v1/applications/<int(min=1, max=2147483647):application_id>"
REQ = "<int(min=1, max=2147483647):requirement_id>"
INTERVIEW = "/api/v1/interviews/<int(min=1, max=2147483647):interview_id>"
POSTING = "/api/v1/postings/<path:reference>"
NOTE = "/api/v1/notifications/<int(min=1, max=2147483647):notification_id>"
CANDIDATE_EXPORT = "/api/v1/candidates/<int(min=1, max=2147483647):candidate_id>/export"
# Endpoints whose success is a file (every other answer, and their errors, are JSON)
DOSSIER = "/api/v1/dossiers/<int(min=1, max=2147483647):job_id>"
FILES = {"/api/v1/me/export": "application/zip", CANDIDATE_EXPORT: "application/zip",
         DOSSIER + "/file": "application/pdf"}


def p(ref: str = "UJM-TEST-1", suffix: str = "") -> Callable[[W], str]:
    return lambda w: f"/api/v1/postings/{ref}{suffix}"


def app_url(which: str, suffix: str = "") -> Callable[[W], str]:
    return lambda w: f"/api/v1/applications/{getattr(w, which).id}{suffix}"


def ev_url(which: str, suffix: str = "") -> Callable[[W], str]:
    def url(w: W) -> str:
        application = getattr(w, which)
        return (f"/api/v1/applications/{application.id}/evidence/"
                f"{application.posting.requirements[0].id}{suffix}")
    return url


def iv_url(which: str, suffix: str = "") -> Callable[[W], str]:
    return lambda w: f"/api/v1/interviews/{getattr(w, which).id}{suffix}"


PUBLIC_POSTING = {"reference": "UJM-NEW-1", "title": "Chargé de projets", "organisation": "ujm",
                  "employment_type": "permanent"}
PRIVATE_POSTING = {"reference": "PRIV-NEW-1", "title": "Poste vu sur un salon",
                   "visibility": "private", "hiring_organization_name": "Ailleurs SA",
                   "employment_type": "permanent"}
LATER = {"date": "2024-05-29", "time": "14:00"}

CASES = [
    Case("me", "GET", "/api/v1/me", lambda w: "/api/v1/me", each(200)),
    # a person's data (issue #13): one's own; a candidate's as their organisation holds it
    Case("export my data", "GET", "/api/v1/me/export", lambda w: "/api/v1/me/export",
         each(200)),
    Case("export candidate A", "GET", CANDIDATE_EXPORT,
         lambda w: f"/api/v1/candidates/{w.people['candidate_a'].id}/export",
         each(200, candidate_b=403, hr_other=404)),
    Case("export candidate C (applied nowhere)", "GET", CANDIDATE_EXPORT,
         lambda w: f"/api/v1/candidates/{w.candidate_c.id}/export",
         each(404, candidate_a=403, candidate_b=403, admin=200)),
    Case("export an unknown account", "GET", CANDIDATE_EXPORT,
         lambda w: "/api/v1/candidates/2147483647/export",
         each(404, candidate_a=403, candidate_b=403)),
    # dossiers as jobs (issue #16): asked for by those who may have the dossier, each its copy
    Case("ask for the panel dossier", "POST", POSTING + "/dossiers", p(suffix="/dossiers"),
         each(403, hr=202, admin=202), lambda w: {"kind": "panel"}),
    Case("ask for application A's dossier", "POST", APP + "/dossier", app_url("app_a", "/dossier"),
         each(404, candidate_a=200, hr=202, admin=202), lambda w: {"language": "fr"}),
    Case("ask for A's draft's dossier", "POST", APP + "/dossier", app_url("draft_a", "/dossier"),
         each(404, candidate_a=202, admin=202), lambda w: {}),
    Case("the panel dossier's job", "GET", DOSSIER, lambda w: f"/api/v1/dossiers/{w.panel_job}",
         each(404, hr=200, admin=200)),
    Case("A's own dossier's job", "GET", DOSSIER, lambda w: f"/api/v1/dossiers/{w.my_job}",
         each(404, candidate_a=200)),
    Case("the panel dossier's file (not made yet)", "GET", DOSSIER + "/file",
         lambda w: f"/api/v1/dossiers/{w.panel_job}/file", each(404, hr=409, admin=409)),
    Case("A's own dossier's file", "GET", DOSSIER + "/file",
         lambda w: f"/api/v1/dossiers/{w.my_job}/file", each(404, candidate_a=200)),
    Case("openapi document", "GET", "/api/v1/openapi.json", lambda w: "/api/v1/openapi.json",
         {"anonymous": 200, **each(200)}),
    # postings
    Case("list postings", "GET", "/api/v1/postings", lambda w: "/api/v1/postings", each(200)),
    Case("create public posting", "POST", "/api/v1/postings", lambda w: "/api/v1/postings",
         each(403, hr=201, admin=201), lambda w: PUBLIC_POSTING),
    Case("create private posting", "POST", "/api/v1/postings", lambda w: "/api/v1/postings",
         each(422, candidate_a=201, candidate_b=201), lambda w: PRIVATE_POSTING),
    Case("read open posting", "GET", POSTING, p(), each(200)),
    Case("read draft posting", "GET", POSTING, p("UJM-DRAFT-1"), each(404, hr=200, admin=200)),
    Case("read A's private posting naming UJM", "GET", POSTING, p("PRIV-A-1"),
         each(404, candidate_a=200, admin=200)),
    Case("edit open posting", "PATCH", POSTING, p(), each(403, hr=200, admin=200),
         lambda w: {"title": "Chargé de coopération internationale (H/F)"}),
    Case("edit A's private posting", "PATCH", POSTING, p("PRIV-A-1"),
         each(404, candidate_a=200, admin=200), lambda w: {"department": "Export"}),
    Case("open draft posting", "POST", POSTING + "/open", p("UJM-DRAFT-1", "/open"),
         each(404, hr=200, admin=200)),
    Case("close open posting", "POST", POSTING + "/close", p(suffix="/close"),
         each(403, hr=200, admin=200)),
    Case("cancel open posting", "POST", POSTING + "/cancel", p(suffix="/cancel"),
         each(403, hr=200, admin=200)),
    Case("cancel A's private posting", "POST", POSTING + "/cancel", p("PRIV-A-1", "/cancel"),
         each(404, candidate_a=200, admin=200)),
    Case("fill open posting", "POST", POSTING + "/fill", p(suffix="/fill"),
         each(403, hr=200, admin=200)),
    Case("requirements of open posting", "GET", POSTING + "/requirements",
         p(suffix="/requirements"), each(200)),
    Case("requirements of draft posting", "GET", POSTING + "/requirements",
         p("UJM-DRAFT-1", "/requirements"), each(404, hr=200, admin=200)),
    Case("replace requirements", "PUT", POSTING + "/requirements", p(suffix="/requirements"),
         each(403, hr=200, admin=200),
         lambda w: {"requirements": [{"kind": "language", "label": "Anglais", "level": "C1"}]}),
    # applications
    Case("list applications", "GET", "/api/v1/applications", lambda w: "/api/v1/applications",
         each(200)),
    Case("start application for candidate C", "POST", "/api/v1/applications",
         lambda w: "/api/v1/applications", each(403, hr=201, admin=201),
         lambda w: {"posting": "UJM-TEST-1", "candidate": "lea@example.org",
                    "candidate_name": "Léa Petit"}),
    Case("start application to A's private posting", "POST", "/api/v1/applications",
         lambda w: "/api/v1/applications", each(404, candidate_a=201, admin=422),
         lambda w: {"posting": "PRIV-A-1"}),
    Case("read A's application", "GET", APP, app_url("app_a"),
         each(404, candidate_a=200, hr=200, admin=200)),
    Case("read B's application", "GET", APP, app_url("app_b"),
         each(404, candidate_b=200, hr=200, admin=200)),
    Case("withdraw A's application", "POST", APP + "/status", app_url("app_a", "/status"),
         each(404, candidate_a=200, hr=200, admin=200), lambda w: {"status": "withdrawn"}),
    Case("review A's application", "POST", APP + "/status", app_url("app_a", "/status"),
         each(404, candidate_a=403, hr=200, admin=200), lambda w: {"status": "under_review"}),
    Case("read A's evidence", "GET", APP + "/evidence", app_url("app_a", "/evidence"),
         each(404, candidate_a=200, hr=200, admin=200)),
    # A's application is submitted (at interview stage now): no longer A's to change
    Case("answer for A's application", "PUT", f"{APP}/evidence/{REQ}", ev_url("app_a"),
         each(404, candidate_a=422, hr=403, admin=403), lambda w: {"evidence": "C1 certificate"}),
    Case("answer for B's application", "PUT", f"{APP}/evidence/{REQ}", ev_url("app_b"),
         each(404, candidate_b=422, hr=403, admin=403), lambda w: {"evidence": "Erasmus"}),
    Case("rate A's evidence", "PUT", f"{APP}/evidence/{REQ}/rating", ev_url("app_a", "/rating"),
         each(404, candidate_a=403, hr=200, admin=200), lambda w: {"rating": 3}),
    # A's draft: A's own until submitted; hr do not see it (404 as any invisible record)
    Case("read A's draft", "GET", APP, app_url("draft_a"),
         each(404, candidate_a=200, admin=200)),
    Case("read A's draft's evidence", "GET", APP + "/evidence", app_url("draft_a", "/evidence"),
         each(404, candidate_a=200, admin=200)),
    Case("answer for A's draft", "PUT", f"{APP}/evidence/{REQ}", ev_url("draft_a"),
         each(404, candidate_a=200, admin=403), lambda w: {"evidence": "C1 certificate"}),
    Case("rate A's draft", "PUT", f"{APP}/evidence/{REQ}/rating", ev_url("draft_a", "/rating"),
         each(404, candidate_a=403, admin=200), lambda w: {"rating": 3}),
    Case("submit A's draft", "POST", APP + "/status", app_url("draft_a", "/status"),
         each(404, candidate_a=200, admin=200), lambda w: {"status": "submitted"}),
    Case("fit of A's draft", "GET", APP + "/fit", app_url("draft_a", "/fit"),
         each(404, candidate_a=403, admin=200)),
    # interviews
    Case("list interviews", "GET", "/api/v1/interviews", lambda w: "/api/v1/interviews",
         each(200)),
    Case("schedule B's interview", "POST", "/api/v1/interviews", lambda w: "/api/v1/interviews",
         each(404, candidate_b=403, hr=201, admin=201),
         # B already has a slot: the new one replaces it, by the caller's explicit choice
         lambda w: {"posting": "UJM-TEST-1", "application_id": w.app_b.id, "replace": True,
                    **LATER}),
    Case("schedule an interview for A's draft", "POST", "/api/v1/interviews",
         lambda w: "/api/v1/interviews", each(404, candidate_a=403, admin=409),
         lambda w: {"posting": "UJM-OPEN-2", "application_id": w.draft_a.id, **LATER}),
    Case("schedule a date for the posting", "POST", "/api/v1/interviews",
         lambda w: "/api/v1/interviews", each(403, hr=201, admin=201),
         lambda w: {"posting": "UJM-TEST-1", **LATER}),
    Case("read A's interview", "GET", INTERVIEW, iv_url("interview_a"),
         each(404, candidate_a=200, hr=200, admin=200)),
    Case("read the posting-wide interview", "GET", INTERVIEW, iv_url("interview_all"),
         each(200)),
    Case("move A's interview", "POST", INTERVIEW + "/reschedule",
         iv_url("interview_a", "/reschedule"), each(404, candidate_a=403, hr=200, admin=200),
         lambda w: LATER),
    Case("cancel A's interview", "POST", INTERVIEW + "/cancel", iv_url("interview_a", "/cancel"),
         each(404, candidate_a=403, hr=200, admin=200), lambda w: {"reason": "panel unavailable"}),
    # fit: the employer side only (it weighs the reviewer's ratings)
    Case("fit of A's application", "GET", APP + "/fit", app_url("app_a", "/fit"),
         each(404, candidate_a=403, hr=200, admin=200)),
    # notifications: each caller's own inbox
    Case("list notifications", "GET", "/api/v1/notifications",
         lambda w: "/api/v1/notifications", each(200)),
    Case("read A's notification", "POST", NOTE + "/read",
         lambda w: f"/api/v1/notifications/{w.notification_a.id}/read",
         each(404, candidate_a=200)),
    Case("read all notifications", "POST", "/api/v1/notifications/read-all",
         lambda w: "/api/v1/notifications/read-all", each(200)),
    # an organisation's message templates (issue #14): its hr and admins
    Case("message template", "GET", "/api/v1/orgs/<slug>/message-templates/<kind>/<lang>",
         lambda w: "/api/v1/orgs/ujm/message-templates/offer/fr", each(403, hr=200, admin=200)),
    Case("save a message template", "PUT",
         "/api/v1/orgs/<slug>/message-templates/<kind>/<lang>",
         lambda w: "/api/v1/orgs/ujm/message-templates/offer/en", each(403, hr=200, admin=200),
         body=lambda w: {"subject": "Offer", "body": "Dear {{ candidate_name }}"}),
]


def api_routes(app) -> set[tuple[str, str]]:  # noqa: ANN001
    return {
        (rule.rule, method)
        for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_every_endpoint_has_a_rule(api_app):
    covered = {(case.rule, case.method) for case in CASES}
    missing = api_routes(api_app) - covered
    assert not missing, f"endpoints without a row in the authorization matrix: {sorted(missing)}"
    assert not covered - api_routes(api_app), "matrix rows for endpoints that do not exist"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_matrix(case: Case, world: World, client, connection):
    """Each role calls the endpoint in a savepoint of its own, rolled back afterwards, so that
    no call sees another's change."""
    expected = {"anonymous": 401, **case.expected}
    assert set(expected) == set(ROLES)
    got = {}
    for role in ROLES:
        savepoint = connection.begin_nested()
        try:
            response = client.open(case.url(world), method=case.method,
                                   headers=world.as_(role),
                                   json=case.body(world) if case.body else None)
            got[role] = response.status_code
            assert response.is_json or (response.status_code == 200 and response.mimetype
                                        == FILES.get(case.rule)), (role, response.data[:200])
        finally:
            savepoint.rollback()
    assert got == expected


def _visible(client, world: World, role: str, path: str) -> set[Any]:  # noqa: ANN001
    response = client.get(path, headers=world.as_(role))
    assert response.status_code == 200
    return {item.get("id", item.get("reference")) for item in response.get_json()["items"]}


def test_who_sees_which_applications(client, world: World):
    a, b, draft = world.app_a.id, world.app_b.id, world.draft_a.id
    expected = {A: {a, draft}, B: {b}, HR: {a, b}, HRO: set(), ADM: {a, b, draft}}
    assert {role: _visible(client, world, role, "/api/v1/applications?per_page=500")
            for role in expected} == expected
    # the posting's list too: hr see no draft
    expected = {A: {draft}, HR: set(), ADM: {draft}}
    assert {role: _visible(client, world, role, "/api/v1/applications?posting=UJM-OPEN-2")
            for role in expected} == expected


def test_who_sees_which_interviews(client, world: World):
    ia, ib, common = world.interview_a.id, world.interview_b.id, world.interview_all.id
    expected = {A: {ia, common}, B: {ib, common}, HR: {ia, ib, common}, HRO: {common},
                ADM: {ia, ib, common}}
    assert {role: _visible(client, world, role, "/api/v1/interviews") for role in expected} \
        == expected


def test_who_sees_which_postings(client, world: World):
    public = {"UJM-TEST-1", "UJM-OPEN-2"}
    expected = {A: public | {"PRIV-A-1"}, B: public, HR: public | {"UJM-DRAFT-1"}, HRO: public,
                ADM: public | {"UJM-DRAFT-1", "PRIV-A-1"}}
    assert {role: _visible(client, world, role, "/api/v1/postings") for role in expected} \
        == expected


def test_a_posting_shows_a_candidate_only_their_own_interview(client, world: World):
    def interview_ids(role: str) -> set[int]:
        body = client.get("/api/v1/postings/UJM-TEST-1", headers=world.as_(role)).get_json()
        return {i["id"] for i in body["interviews"]}

    ia, ib, common = world.interview_a.id, world.interview_b.id, world.interview_all.id
    assert interview_ids(A) == {ia, common}
    assert interview_ids(B) == {ib, common}
    assert interview_ids(HRO) == {common}
    assert interview_ids(HR) == {ia, ib, common}


def test_application_counts_only_for_the_posting_managers(client, world: World):
    def counts(role: str) -> dict[str, Any]:
        items = client.get("/api/v1/postings", headers=world.as_(role)).get_json()["items"]
        return {i["reference"]: i["applications"] for i in items}

    assert counts(HR)["UJM-TEST-1"] == {"interview": 2}
    assert counts(HR)["UJM-OPEN-2"] == {} and counts(ADM)["UJM-OPEN-2"] == {"draft": 1}
    assert counts(HRO)["UJM-TEST-1"] is None
    assert counts(A)["UJM-TEST-1"] is None and counts(A)["PRIV-A-1"] == {}


def test_candidate_b_changes_nothing_of_a(client, world: World, session):
    """Every write B might try on A's application is refused and leaves it as it was."""
    from tracker.models import RequirementEvidence

    before = session.execute(sa.select(RequirementEvidence.evidence, RequirementEvidence.self_rating)
                             .where(RequirementEvidence.application_id == world.app_a.id)).all()
    h = world.as_(B)
    for method, url, body in [
        ("POST", f"/api/v1/applications/{world.app_a.id}/status", {"status": "withdrawn"}),
        ("PUT", ev_url("app_a")(world), {"evidence": "hacked", "self_rating": 1}),
        ("PUT", ev_url("app_a", "/rating")(world), {"rating": 1}),
        ("POST", f"/api/v1/interviews/{world.interview_a.id}/cancel", {}),
    ]:
        assert client.open(url, method=method, headers=h, json=body).status_code == 404
    session.expire_all()
    assert session.execute(sa.select(RequirementEvidence.evidence, RequirementEvidence.self_rating)
                           .where(RequirementEvidence.application_id == world.app_a.id)).all() \
        == before
    assert session.get(type(world.app_a), world.app_a.id).status.value == "interview"
