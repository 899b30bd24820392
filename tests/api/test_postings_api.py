"""/api/v1/postings and its requirements; the OpenAPI document; errors as JSON."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from openapi_spec_validator import validate

from tests.api.conftest import error_fields
from tests.conftest import POSTING
from tracker.models import Posting, RequirementEvidence
from tracker.services.hiring import evidence


@pytest.fixture
def as_hr(hr, token_for):  # noqa: ANN001, ANN201
    return token_for(hr)


def postings_count(session) -> int:  # noqa: ANN001
    session.expire_all()
    return session.scalar(sa.select(sa.func.count()).select_from(Posting))


def test_openapi_document_is_generated_and_public(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.get_json()
    assert doc["openapi"].startswith("3.")
    assert doc["components"]["securitySchemes"] == {"bearerAuth": {
        "type": "http", "scheme": "bearer",
        "description": "A personal API token (tracker user token create)"}}
    assert doc["security"] == [{"bearerAuth": []}]
    create = doc["paths"]["/api/v1/postings"]["post"]
    assert create["operationId"] == "create_posting"
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"] \
        == "#/components/schemas/PostingInput"
    assert set(create["responses"]) == {"201", "400", "401", "403", "404", "409", "422"}
    title = doc["components"]["schemas"]["PostingInput"]["properties"]["title"]
    assert title["maxLength"] == 300  # from the services' own input model
    assert "/api/v1/openapi.json" not in doc["paths"]
    validate(doc)  # a valid OpenAPI document, by the OpenAPI schema itself


def test_me(client, hr, as_hr):
    assert client.get("/api/v1/me", headers=as_hr).get_json() == {
        "id": hr.id, "email": "rh@univ-st-etienne.fr", "full_name": "Claire Dubois",
        "role": "hr", "organisation": "ujm", "locale": "fr", "timezone": None,
    }


def test_create_read_and_list_a_posting(client, session, as_hr):
    body = {**POSTING, "valid_through_time": "12:00",
            "required_documents": [{"kind": "cv", "label": "CV"}]}
    response = client.post("/api/v1/postings", headers=as_hr, json=body)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["reference"] == "UJM-TEST-1" and created["status"] == "draft"
    assert created["deadline"] == {
        "date": "2024-05-13", "time": "12:00", "timezone": "Europe/Paris",
        "utc": "2024-05-13T10:00:00Z", "local": "2024-05-13T12:00:00+02:00", "days_left": 28,
    }
    assert created["requirements"]["language"] == [
        {"label": "Anglais", "level": "B2", "required": True}]
    assert client.get("/api/v1/postings/UJM-TEST-1", headers=as_hr).get_json() == created
    listing = client.get("/api/v1/postings?status=draft&organisation=ujm", headers=as_hr)
    [item] = listing.get_json()["items"]
    assert item["reference"] == "UJM-TEST-1" and item["applications"] == {}


def test_a_refused_posting_names_every_field_and_saves_nothing(client, session, as_hr):
    before = postings_count(session)
    response = client.post("/api/v1/postings", headers=as_hr, json={
        **POSTING, "title": "", "working_time_percent": 150, "salary_currency": "euros",
        "colour": "blue",
    })
    assert response.status_code == 422
    fields = error_fields(response)
    assert set(fields) == {"title", "working_time_percent", "salary_currency", "colour"}
    assert fields["colour"] == "unknown field"
    assert "100" in fields["working_time_percent"]
    assert postings_count(session) == before


def test_true_or_false_is_no_number(client, session, as_hr):
    """JSON's booleans are not numbers of months or percentages (pydantic would read true as
    1): the schema says integer, and the API holds to it."""
    before = postings_count(session)
    response = client.post("/api/v1/postings", headers=as_hr, json={
        **POSTING, "duration_months": True, "working_time_percent": False})
    assert response.status_code == 422
    fields = error_fields(response)
    assert set(fields) == {"duration_months", "working_time_percent"}
    assert "not true or false" in fields["duration_months"]
    assert postings_count(session) == before


def test_rules_across_fields_are_422_with_the_field(client, as_hr):
    response = client.post("/api/v1/postings", headers=as_hr, json={
        **POSTING, "valid_through_date": "2024-04-01", "apply_email": None})
    assert response.status_code == 422
    assert set(error_fields(response)) == {"valid_through_date", "apply_email"}


def test_duplicate_reference_is_409(client, posting, as_hr):
    response = client.post("/api/v1/postings", headers=as_hr, json=POSTING)
    assert response.status_code == 409
    assert "reference" in error_fields(response)


@pytest.mark.parametrize("data,content_type,field", [
    (b'{"title": ', "application/json", "body"),
    (b"title=x", "application/x-www-form-urlencoded", "body"),
    (b'{"title": "A\\u0000B"}', "application/json", "title"),
])
def test_unreadable_bodies_are_400(client, session, as_hr, data, content_type, field):
    before = postings_count(session)
    response = client.post("/api/v1/postings", headers=as_hr, data=data,
                           content_type=content_type)
    assert response.status_code == 400
    assert field in error_fields(response)
    assert postings_count(session) == before


def test_unknown_urls_and_methods_answer_json(client, as_hr):
    response = client.get("/api/v1/nothing-here", headers=as_hr)
    assert response.status_code == 404 and response.is_json
    response = client.delete("/api/v1/me", headers=as_hr)
    assert response.status_code == 405 and response.is_json
    assert set(response.headers["Allow"].split(", ")) >= {"GET"}
    response = client.get("/api/v1", headers=as_hr)
    assert response.status_code == 404 and response.is_json


def test_web_paths_keep_the_web_error_pages(client, as_hr):
    """The API's JSON errors stop at its prefix: the pages of the same app answer HTML."""
    for path in ("/nothing-here", "/api/v10/me", "/api"):
        response = client.get(path, headers=as_hr)
        assert response.status_code == 404 and response.mimetype == "text/html", path
        assert "<h1" in response.get_data(as_text=True)
    response = client.delete("/login")
    assert response.status_code == 405 and response.mimetype == "text/html"


def test_paging_links(client, posting, as_hr):
    for number in (2, 3):
        client.post("/api/v1/postings", headers=as_hr,
                    json={**POSTING, "reference": f"UJM-TEST-{number}"})
    first = client.get("/api/v1/postings?per_page=2&organisation=ujm", headers=as_hr).get_json()
    assert [p["reference"] for p in first["items"]] == ["UJM-TEST-1", "UJM-TEST-2"]
    assert first["has_next"] is True and first["links"]["prev"] is None
    assert "organisation=ujm" in first["links"]["next"]
    second = client.get(first["links"]["next"], headers=as_hr).get_json()
    assert [p["reference"] for p in second["items"]] == ["UJM-TEST-3"]
    assert second["has_next"] is False and second["links"]["next"] is None
    assert second["links"]["prev"] == "/api/v1/postings?page=1&per_page=2&organisation=ujm"
    assert second["links"]["self"] == "/api/v1/postings?page=2&per_page=2&organisation=ujm"


@pytest.mark.parametrize("query,field,status", [
    ("per_page=0", "per_page", 422), ("page=0", "page", 422), ("status=lost", "status", 422),
    ("organisation=nowhere", "organisation", 404), ("colour=red", "colour", 422),
])
def test_bad_listing_parameters_name_the_parameter(client, as_hr, query, field, status):
    response = client.get(f"/api/v1/postings?{query}", headers=as_hr)
    assert response.status_code == status
    assert field in error_fields(response)


def test_edit_a_posting(client, session, posting, as_hr):
    response = client.patch("/api/v1/postings/UJM-TEST-1", headers=as_hr,
                            json={"title": "Chargée de coopération", "valid_through_time": "09:00"})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["title"] == "Chargée de coopération"
    assert body["deadline"]["utc"] == "2024-05-13T07:00:00Z"
    assert body["requirements"]["education"]  # untouched fields stay


def test_a_refused_edit_changes_nothing(client, session, posting, as_hr):
    for changes, field in [({"reference": "NEW"}, "reference"),
                           ({"valid_through_date": "13/13/2024"}, "valid_through_date"),
                           ({"title": None}, "title")]:
        response = client.patch("/api/v1/postings/UJM-TEST-1", headers=as_hr, json=changes)
        assert response.status_code == 422, changes
        assert field in error_fields(response)
    session.expire_all()
    assert session.get(Posting, posting.id).title == POSTING["title"]


def test_status_changes_follow_the_workflow(client, posting, as_hr):
    response = client.post("/api/v1/postings/UJM-TEST-1/close", headers=as_hr)
    assert response.status_code == 200 and response.get_json()["status"] == "closed"
    assert client.post("/api/v1/postings/UJM-TEST-1/open", headers=as_hr).get_json()[
        "status"] == "open"
    assert client.post("/api/v1/postings/UJM-TEST-1/cancel", headers=as_hr).status_code == 200
    response = client.post("/api/v1/postings/UJM-TEST-1/fill", headers=as_hr)
    assert response.status_code == 409
    assert error_fields(response) == {"status": "a posting cannot go from cancelled to filled"}


def test_opening_after_the_deadline_is_refused(client, session, hr, as_hr, clock):
    client.post("/api/v1/postings", headers=as_hr, json={**POSTING, "reference": "LATE-1"})
    clock.advance(days=40)
    response = client.post("/api/v1/postings/LATE-1/open", headers=as_hr)
    assert response.status_code == 422 and "valid_through" in error_fields(response)


def test_references_with_slashes_are_reachable(client, as_hr):
    client.post("/api/v1/postings", headers=as_hr, json={**POSTING, "reference": "UJM/2024/7"})
    assert client.get("/api/v1/postings/UJM/2024/7", headers=as_hr).get_json()[
        "reference"] == "UJM/2024/7"
    assert client.post("/api/v1/postings/UJM/2024/7/open", headers=as_hr).get_json()[
        "status"] == "open"
    assert [r["label"] for r in client.get("/api/v1/postings/UJM/2024/7/requirements",
                                           headers=as_hr).get_json()["requirements"]] \
        == ["Anglais", "Bac + 5"]


def test_replacing_requirements_keeps_the_evidence_of_unchanged_ones(
        client, session, posting, application, candidate, as_hr, clock):
    english, diploma = posting.requirements
    evidence.give_evidence(session, application, english, evidence="TOEIC 945",
                           actor=candidate, clock=clock)
    session.flush()
    listed = client.get("/api/v1/postings/UJM-TEST-1/requirements", headers=as_hr).get_json()
    assert [(r["id"], r["label"], r["position"]) for r in listed["requirements"]] == [
        (english.id, "Anglais", 0), (diploma.id, "Bac + 5", 1)]
    response = client.put("/api/v1/postings/UJM-TEST-1/requirements", headers=as_hr, json={
        "requirements": [{"kind": "soft_skill", "label": "Rigueur", "required": False},
                         {"kind": "language", "label": "Anglais", "level": "C1"}]})
    assert response.status_code == 200, response.get_json()
    after = response.get_json()["requirements"]
    assert [(r["label"], r["level"], r["required"]) for r in after] == [
        ("Rigueur", None, False), ("Anglais", "C1", True)]
    assert after[1]["id"] == english.id
    session.expire_all()
    assert session.scalars(sa.select(RequirementEvidence.evidence)).all() == ["TOEIC 945"]


def test_requirements_are_checked_by_field(client, posting, as_hr):
    response = client.put("/api/v1/postings/UJM-TEST-1/requirements", headers=as_hr, json={
        "requirements": [{"kind": "magic", "label": "x"}, {"kind": "language", "label": ""}]})
    assert response.status_code == 422
    assert set(error_fields(response)) == {"requirements[0].kind", "requirements[1].label"}


def test_a_candidate_logs_a_private_posting(client, candidate, token_for):
    response = client.post("/api/v1/postings", headers=token_for(candidate), json={
        "title": "Chargée de projets", "visibility": "private", "employment_type": "permanent",
        "hiring_organization_name": "Mairie de Lyon"})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["visibility"] == "private"
    assert response.get_json()["organisation"] is None


def test_init_api_leaves_the_apps_own_error_pages_alone(session_factory, clock):
    from flask import Flask

    from tracker.api import init_api

    app = Flask(__name__)
    app.config.update(TRACKER_SESSION_FACTORY=session_factory, TRACKER_CLOCK=clock)
    app.register_error_handler(404, lambda exc: ("<h1>Page introuvable</h1>", 404))
    init_api(app)
    client = app.test_client()
    page = client.get("/nowhere")
    assert page.status_code == 404 and page.data == b"<h1>Page introuvable</h1>"
    api = client.get("/api/v1/nowhere")
    assert api.status_code == 404 and api.is_json
    assert client.get("/api/v1/postings").status_code == 401
