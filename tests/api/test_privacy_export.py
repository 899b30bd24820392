"""GET /api/v1/me/export and /api/v1/candidates/{id}/export (issue #13): the zip of a person's
data, one's own whole, a candidate's as an employer holds it, nothing for anyone else."""

from __future__ import annotations

import io
import json
import zipfile

from tests.api.conftest import World, error_fields


def archive(response) -> dict:  # noqa: ANN001
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/zip"
    assert "no-store" in response.headers["Cache-Control"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as found:
        names = found.namelist()
        assert "README.txt" in names
        return {"data": json.loads(found.read("data.json")), "names": names}


def test_a_candidate_exports_their_own_data(client, world: World) -> None:  # noqa: ANN001
    got = archive(client.get("/api/v1/me/export", headers=world.as_("candidate_a")))
    data = got["data"]
    assert data["scope"] == "full" and data["account"]["email"] == "camille@example.org"
    assert {a["posting"]["reference"] for a in data["applications"]} == {"UJM-TEST-1",
                                                                          "UJM-OPEN-2"}
    assert data["notifications"][0]["title"] == "Entretien demain"
    assert {p["reference"] for p in data["private_postings"]} == {"PRIV-A-1"}
    # the candidate's copy: no reviewer's ratings, no employer's notes
    assert all("reviewer_rating" not in a and "notes" not in a
               for app in data["applications"] for a in [app, *app["answers"]])
    assert len([n for n in got["names"] if n.startswith("dossiers/")]) == 2


def test_hr_export_what_their_organisation_holds_and_nothing_more(client, world: World) -> None:  # noqa: ANN001
    person = world.people["candidate_a"].id
    got = archive(client.get(f"/api/v1/candidates/{person}/export", headers=world.as_("hr")))
    data = got["data"]
    assert data["scope"] == "organisation" and data["organisation"] == "ujm"
    # the submitted application to UJM's posting; not the draft (A's own), not the private one
    assert [a["posting"]["reference"] for a in data["applications"]] == ["UJM-TEST-1"]
    assert "reviewer_rating" in data["applications"][0]["answers"][0]
    for private in ("notifications", "login_sessions", "api_tokens", "private_postings",
                    "audit", "profile"):
        assert private not in data

    other = client.get(f"/api/v1/candidates/{person}/export", headers=world.as_("hr_other"))
    assert other.status_code == 404 and "candidate" in error_fields(other)
    unknown = client.get("/api/v1/candidates/2147483647/export", headers=world.as_("hr"))
    assert unknown.status_code == 404
    assert unknown.get_json()["error"]["message"] == other.get_json()["error"]["message"]


def test_a_candidate_cannot_export_someone_else(client, world: World) -> None:  # noqa: ANN001
    person = world.people["candidate_a"].id
    refused = client.get(f"/api/v1/candidates/{person}/export",
                         headers=world.as_("candidate_b"))
    assert refused.status_code == 403 and refused.mimetype == "application/json"


def test_the_openapi_document_describes_the_exports(client) -> None:  # noqa: ANN001
    document = client.get("/api/v1/openapi.json").get_json()
    for path in ("/api/v1/me/export", "/api/v1/candidates/{candidate_id}/export"):
        answer = document["paths"][path]["get"]["responses"]["200"]
        assert answer["content"] == {"application/zip": {"schema": {"type": "string",
                                                                    "format": "binary"}}}
        assert "data.json" in answer["description"]
