"""/api/v1/notifications (what the reminder dispatcher delivered in-app) and
/api/v1/applications/<id>/fit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracker.config import get_settings
from tracker.services.hiring import applications, evidence
from tracker.services.reminders import dispatch


@pytest.fixture
def draft_reminded(session, session_factory, posting, candidate, clock):  # noqa: ANN001, ANN201
    """Camille's draft to UJM-TEST-1 (deadline 13/05/2024) and the 7-day reminder delivered
    in-app by one pass of the dispatcher on 06/05/2024 at 09:00 Paris time."""
    draft = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    session.commit()
    clock.now = datetime(2024, 5, 6, 7, 0, tzinfo=UTC)
    dispatch.run_once(session_factory, clock=clock, mailer=None, settings=get_settings())
    return draft


def test_the_inbox_lists_marks_and_counts(client, draft_reminded, candidate, hr, token_for,
                                          clock):
    as_camille = token_for(candidate)
    inbox = client.get("/api/v1/notifications", headers=as_camille).get_json()
    assert inbox["unread"] == 1 and len(inbox["items"]) == 1
    note = inbox["items"][0]
    assert note["title"].startswith("Date limite dans 7 jours") and note["read_at"] is None
    assert "13/05/2024 23:59 (Europe/Paris)" in note["body"]
    # hr has an inbox of its own, which does not hold Camille's reminder
    assert client.get("/api/v1/notifications", headers=token_for(hr)).get_json()["items"] == []
    assert client.post(f"/api/v1/notifications/{note['id']}/read",
                       headers=token_for(hr)).status_code == 404
    read = client.post(f"/api/v1/notifications/{note['id']}/read", headers=as_camille)
    assert read.status_code == 200 and read.get_json()["read_at"] == "2024-05-06T07:00:00Z"
    unread = client.get("/api/v1/notifications?unread=true", headers=as_camille).get_json()
    assert unread["items"] == [] and unread["unread"] == 0
    again = client.post("/api/v1/notifications/read-all", headers=as_camille).get_json()
    assert again == {"marked": 0}


def test_the_fit_is_explained_line_by_line_for_the_employer(client, session, posting, candidate,
                                                            hr, token_for, clock):
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    english = posting.requirements[0]
    evidence.give_evidence(session, application, english, evidence="TOEIC 945", self_rating=4,
                           actor=candidate, clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    session.flush()
    response = client.get(f"/api/v1/applications/{application.id}/fit?lang=fr",
                          headers=token_for(hr))
    assert response.status_code == 200, response.get_json()
    found = response.get_json()
    assert found["posting"] == "UJM-TEST-1" and 0 <= found["score"] <= 100
    assert [line["label"] for line in found["lines"]] == [r.label for r in posting.requirements]
    assert all(line["reason"] for line in found["lines"])
    # the score is over what was assessed, shown with its coverage; nothing given: to assess
    total = len(posting.requirements)
    assessed = [line for line in found["lines"]
                if line["status"] in ("met", "partly_met", "not_shown")]
    assert found["requirements"] == total and found["assessed"] == len(assessed) >= 1
    score = f"{found['score']:g}".replace(".", ",")
    assert found["coverage"] == f"{score}/100 sur {len(assessed)} des {total} exigences"
    assert {line["status"] for line in found["lines"]} - {"met", "partly_met", "not_shown",
                                                          "unknown"} <= {"to_assess"}
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["FitOut"]
    assert {"assessed", "requirements", "coverage"} <= set(schema["properties"])
    assert {"assessed", "requirements", "coverage"} <= set(schema["required"])
    refused = client.get(f"/api/v1/applications/{application.id}/fit", headers=token_for(candidate))
    assert refused.status_code == 403
    assert refused.get_json()["error"]["fields"] == {
        "application": "only the posting's employer side reads the fit"}
