"""Dossiers as jobs through the API (issue #16): asked for, followed, downloaded (the PDF read
back), and asked again with nothing changed: the stored copy at once."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.api.conftest import World
from tracker.services.jobs import run_here


def test_ask_follow_download_and_ask_again(world: World, client, api_app) -> None:  # noqa: ANN001
    hr = world.as_("hr")
    asked = client.post("/api/v1/postings/UJM-TEST-1/dossiers", headers=hr,
                        json={"kind": "panel", "language": "en"})
    assert asked.status_code == 202
    job = asked.get_json()
    assert job["status"] == "queued" and job["file"] is None and job["kind"] == "panel"
    assert job["progress"] == {"done": 0, "total": 3}  # two applicants, then the layout
    status = client.get(f"/api/v1/dossiers/{job['id']}", headers=hr).get_json()
    assert status["status"] == "queued"
    config = api_app.config
    run_here(config["TRACKER_SESSION_FACTORY"], job["id"], settings=config["TRACKER_SETTINGS"],
             worker="test", clock=config["TRACKER_CLOCK"])
    done = client.get(f"/api/v1/dossiers/{job['id']}", headers=hr).get_json()
    assert done["status"] == "done" and done["progress"] == {"done": 3, "total": 3}
    assert done["file"] == f"/api/v1/dossiers/{job['id']}/file" and done["error"] is None
    pdf = client.get(done["file"], headers=hr)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Panel dossier" in text and "Camille Martin" in text and "Jordan Smith" in text
    again = client.post("/api/v1/postings/UJM-TEST-1/dossiers", headers=hr,
                        json={"kind": "panel", "language": "en"})
    assert again.status_code == 200 and again.get_json()["id"] == job["id"]
    # the other organisation's staff learn nothing of it
    assert client.get(f"/api/v1/dossiers/{job['id']}",
                      headers=world.as_("hr_other")).status_code == 404


def test_a_body_that_is_no_object_is_refused(world: World, client) -> None:  # noqa: ANN001
    """JSON's [] (which spectree lets through unvalidated, being falsy) is no request."""
    hr = world.as_("hr")
    for sent in ("[]", "0", '""'):
        response = client.post(f"/api/v1/applications/{world.app_a.id}/dossier", headers=hr,
                               data=sent, content_type="application/json")
        assert response.status_code == 422, (sent, response.get_json())
        assert "body" in response.get_json()["error"]["fields"]
