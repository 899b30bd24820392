"""/api/v1/applications: start, submit, move, evidence and ratings; /api/v1/interviews."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.api.conftest import error_fields
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Application, Interview


@pytest.fixture
def as_hr(hr, token_for):  # noqa: ANN001, ANN201
    return token_for(hr)


@pytest.fixture
def as_camille(candidate, token_for):  # noqa: ANN001, ANN201
    return token_for(candidate)


@pytest.fixture
def as_admin(session, token_for, clock):  # noqa: ANN001, ANN201
    from tracker.services.accounts import users

    return token_for(users.create_user(session, email="admin@example.org", full_name="Ada",
                                       role="admin", clock=clock, actor=OPERATOR))


def test_a_candidate_starts_and_submits_an_application(client, session, posting, as_camille,
                                                       clock):
    response = client.post("/api/v1/applications", headers=as_camille,
                           json={"posting": "UJM-TEST-1", "cover_letter": "Madame, Monsieur"})
    assert response.status_code == 201, response.get_json()
    draft = response.get_json()
    assert draft["status"] == "draft" and draft["candidate"]["email"] == "camille@example.org"
    assert draft["cover_letter"] == "Madame, Monsieur"
    assert [r["label"] for r in draft["requirements"]] == ["Anglais", "Bac + 5"]
    clock.advance(days=1)
    response = client.post(f"/api/v1/applications/{draft['id']}/status", headers=as_camille,
                           json={"status": "submitted"})
    assert response.status_code == 200
    submitted = response.get_json()
    assert submitted["submitted_at"] == "2024-04-16T08:00:00Z"
    assert [(h["from"], h["to"], h["by"]) for h in submitted["history"]] == [
        (None, "draft", "camille@example.org"), ("draft", "submitted", "camille@example.org")]
    assert client.get(f"/api/v1/applications/{draft['id']}", headers=as_camille).get_json() \
        == submitted


def test_applying_twice_is_409(client, application, as_camille):
    response = client.post("/api/v1/applications", headers=as_camille,
                           json={"posting": "UJM-TEST-1", "submit": True})
    assert response.status_code == 409 and "posting" in error_fields(response)
    assert client.get(f"/api/v1/applications/{application.id}",
                      headers=as_camille).get_json()["status"] == "draft"


def test_submit_at_once_and_candidates_apply_for_themselves(client, session, posting, candidate,
                                                            as_camille, hr):
    response = client.post("/api/v1/applications", headers=as_camille, json={
        "posting": "UJM-TEST-1", "candidate": "someone@example.org"})
    assert response.status_code == 403 and "candidate" in error_fields(response)
    response = client.post("/api/v1/applications", headers=as_camille, json={
        "posting": "UJM-TEST-1", "candidate": "Camille@example.org", "submit": True})
    assert response.status_code == 201 and response.get_json()["status"] == "submitted"


def test_the_employer_starts_an_application_for_a_candidate(client, posting, candidate, as_hr):
    # issue #12: the employer records what it received (name and address as given), linked to
    # no account, and answers the same for an address with an account or without
    response = client.post("/api/v1/applications", headers=as_hr,
                           json={"posting": "UJM-TEST-1", "candidate": "camille@example.org",
                                 "candidate_name": "Camille Martin"})
    assert response.status_code == 201
    assert response.get_json()["history"][0]["by"] == "rh@univ-st-etienne.fr"
    response = client.post("/api/v1/applications", headers=as_hr,
                           json={"posting": "UJM-TEST-1", "candidate": "nobody@example.org",
                                 "candidate_name": "No Body"})
    assert response.status_code == 201
    response = client.post("/api/v1/applications", headers=as_hr,
                           json={"posting": "UJM-TEST-1", "candidate": "nobody@example.org"})
    assert response.status_code == 422 and "candidate_name" in error_fields(response)


def test_after_the_deadline_only_the_employer_records_a_late_submission(
        client, application, as_camille, as_hr, as_admin, clock):
    clock.now = datetime(2024, 5, 14, 8, 0, tzinfo=UTC)
    url = f"/api/v1/applications/{application.id}/status"
    response = client.post(url, headers=as_camille, json={"status": "submitted"})
    assert response.status_code == 422 and "submitted_at" in error_fields(response)
    response = client.post(url, headers=as_camille, json={"status": "submitted", "late": True})
    assert response.status_code == 403 and "late" in error_fields(response)
    # a draft is its candidate's own: hr do not see it; an admin (or the operator) records it
    assert client.post(url, headers=as_hr, json={"status": "submitted",
                                                 "late": True}).status_code == 404
    response = client.post(url, headers=as_admin, json={"status": "submitted", "late": True,
                                                        "comment": "reçu par courrier le 13"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["is_late"] is True and body["history"][-1]["comment"] == "reçu par courrier le 13"


def test_moves_follow_the_workflow_and_the_role(client, application, as_camille, as_hr):
    url = f"/api/v1/applications/{application.id}/status"
    response = client.post(url, headers=as_hr, json={"status": "under_review"})
    assert response.status_code == 404  # a draft: not the employer's to see yet
    client.post(url, headers=as_camille, json={"status": "submitted"})
    response = client.post(url, headers=as_hr, json={"status": "offer"})
    assert response.status_code == 409
    assert error_fields(response)["status"].startswith("cannot move from Submitted to Offer")
    response = client.post(url, headers=as_camille, json={"status": "under_review"})
    assert response.status_code == 403 and "status" in error_fields(response)
    response = client.post(url, headers=as_hr, json={"status": "under_review"})
    assert response.status_code == 200 and response.get_json()["status"] == "under_review"
    response = client.post(url, headers=as_hr, json={"status": "lost"})
    assert response.status_code == 422 and "status" in error_fields(response)


def test_list_applications_with_filters(client, application, posting, as_hr, as_camille):
    drafts = "/api/v1/applications?posting=UJM-TEST-1&status=draft"
    assert client.get(drafts, headers=as_hr).get_json()["items"] == []  # the candidate's own
    assert [a["id"] for a in client.get(drafts, headers=as_camille).get_json()["items"]] == [
        application.id]
    client.post(f"/api/v1/applications/{application.id}/status", headers=as_camille,
                json={"status": "submitted"})
    listing = client.get("/api/v1/applications?posting=UJM-TEST-1&status=submitted",
                         headers=as_hr).get_json()
    assert [a["id"] for a in listing["items"]] == [application.id]
    assert listing["items"][0]["candidate"] == {"name": "Camille Martin",
                                                "email": "camille@example.org"}
    assert client.get("/api/v1/applications?status=draft", headers=as_hr).get_json()[
        "items"] == []
    response = client.get("/api/v1/applications?posting=NOPE", headers=as_hr)
    assert response.status_code == 404 and "posting" in error_fields(response)


def test_evidence_per_requirement(client, session, posting, application, as_camille, as_hr):
    english, diploma = (r.id for r in posting.requirements)
    url = f"/api/v1/applications/{application.id}/evidence"
    response = client.put(f"{url}/{english}", headers=as_camille,
                          json={"evidence": "  TOEIC 945 (2023)  ", "self_rating": 4})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["requirements"][0] == {
        "requirement_id": english, "kind": "language", "label": "Anglais", "required": True,
        "evidence": "TOEIC 945 (2023)", "self_rating": 4, "reviewer_rating": None}
    assert client.put(f"{url}/{english}/rating", headers=as_hr,
                      json={"rating": 3}).status_code == 404  # still a draft
    client.post(f"/api/v1/applications/{application.id}/status", headers=as_camille,
                json={"status": "submitted"})
    response = client.put(f"{url}/{english}", headers=as_camille, json={"evidence": "C2"})
    assert response.status_code == 422
    assert error_fields(response) == {
        "application": "submitted on 2024-04-15: it can no longer be changed"}
    response = client.put(f"{url}/{english}/rating", headers=as_hr, json={"rating": 3})
    assert response.status_code == 200
    assert response.get_json()["requirements"][0]["reviewer_rating"] == 3
    listed = client.get(url, headers=as_hr).get_json()["requirements"]
    assert [(r["requirement_id"], r["evidence"], r["reviewer_rating"]) for r in listed] == [
        (english, "TOEIC 945 (2023)", 3), (diploma, None, None)]


@pytest.mark.parametrize("body,field", [
    ({"evidence": "x", "self_rating": 5}, "self_rating"),
    ({"evidence": "x", "mood": "good"}, "mood"),
    ({"evidence": 12}, "evidence"),
])
def test_bad_evidence_names_the_field(client, posting, application, as_camille, body, field):
    url = f"/api/v1/applications/{application.id}/evidence/{posting.requirements[0].id}"
    response = client.put(url, headers=as_camille, json=body)
    assert response.status_code == 422 and field in error_fields(response)


def test_evidence_for_a_requirement_of_another_posting_is_404(client, session, application,
                                                              as_camille, hr, clock):
    from tracker.services.hiring import postings

    other = postings.create_posting(session, {
        "reference": "UJM-OTHER", "title": "Autre", "organisation": "ujm",
        "employment_type": "permanent", "requirements": [{"kind": "other", "label": "Permis B"}],
    }, actor=hr, clock=clock, settings=get_settings())
    session.flush()
    response = client.put(
        f"/api/v1/applications/{application.id}/evidence/{other.requirements[0].id}",
        headers=as_camille, json={"evidence": "oui"})
    assert response.status_code == 404 and "requirement" in error_fields(response)


# -- interviews ----------------------------------------------------------------------------------


@pytest.fixture
def submitted(client, application, as_camille):  # noqa: ANN001, ANN201
    client.post(f"/api/v1/applications/{application.id}/status", headers=as_camille,
                json={"status": "submitted"})
    return application


def test_schedule_move_and_cancel_an_interview(client, session, submitted, as_hr, as_camille):
    response = client.post("/api/v1/interviews", headers=as_hr, json={
        "posting": "UJM-TEST-1", "application_id": submitted.id, "date": "2024-05-22",
        "time": "10:00", "duration_minutes": 30, "place": "Salle 2",
        "panel": [{"name": "Claire Dubois", "email": "DRH@example.org"}]})
    assert response.status_code == 201, response.get_json()
    interview = response.get_json()
    assert interview["starts_at_utc"] == "2024-05-22T08:00:00Z"
    assert interview["starts_at_local"] == "2024-05-22T10:00:00+02:00"
    assert interview["panel"] == [{"name": "Claire Dubois", "email": "drh@example.org"}]
    assert client.get(f"/api/v1/applications/{submitted.id}", headers=as_camille).get_json()[
        "status"] == "interview"
    assert client.get(f"/api/v1/interviews/{interview['id']}", headers=as_camille).get_json() \
        == interview

    # a second slot while this one is to come: 409, move it instead (or replace it)
    second = {"posting": "UJM-TEST-1", "application_id": submitted.id, "date": "2024-05-24",
              "time": "09:00"}
    response = client.post("/api/v1/interviews", headers=as_hr, json=second)
    assert response.status_code == 409 and "application" in error_fields(response)

    response = client.post(f"/api/v1/interviews/{interview['id']}/reschedule", headers=as_hr,
                           json={"date": "2024-05-23", "time": "14:30"})
    assert response.status_code == 200
    moved = response.get_json()
    assert moved["starts_at_utc"] == "2024-05-23T12:30:00Z"
    assert (moved["duration_minutes"], moved["place"]) == (30, "Salle 2")  # absent: unchanged
    response = client.post(f"/api/v1/interviews/{interview['id']}/reschedule", headers=as_hr,
                           json={"date": "2024-05-23", "time": "14:30", "duration_minutes": 60,
                                 "place": None, "video_url": "https://visio.example/x"})
    moved = response.get_json()
    assert (moved["duration_minutes"], moved["place"], moved["video_url"]) == (
        60, None, "https://visio.example/x")
    response = client.post(f"/api/v1/interviews/{interview['id']}/cancel", headers=as_hr,
                           json={"reason": "jury indisponible"})
    assert response.get_json()["status"] == "cancelled"
    assert response.get_json()["outcome"] == "jury indisponible"
    response = client.post(f"/api/v1/interviews/{interview['id']}/cancel", headers=as_hr,
                           json={})
    assert response.status_code == 409 and "status" in error_fields(response)
    # once it is cancelled the application may have a new slot; `replace` cancels a live one
    first = client.post("/api/v1/interviews", headers=as_hr, json=second)
    assert first.status_code == 201
    response = client.post("/api/v1/interviews", headers=as_hr,
                           json={**second, "date": "2024-05-25", "replace": True})
    assert response.status_code == 201
    assert client.get(f"/api/v1/interviews/{first.get_json()['id']}", headers=as_hr).get_json()[
        "status"] == "cancelled"


@pytest.mark.parametrize("changes,field", [
    ({"date": "2024-04-01"}, "date"),
    ({"time": "25:00"}, "time"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"video_url": "ftp://x"}, "video_url"),
    ({"duration_minutes": 0}, "duration_minutes"),
    ({"panel": [{"name": "X", "email": "not-an-address"}]}, "panel[0].email"),
])
def test_a_refused_interview_names_the_field_and_saves_nothing(client, session, submitted, as_hr,
                                                               changes, field):
    response = client.post("/api/v1/interviews", headers=as_hr, json={
        "posting": "UJM-TEST-1", "application_id": submitted.id, "date": "2024-05-22",
        "time": "10:00", **changes})
    assert response.status_code == 422, response.get_json()
    assert field in error_fields(response)
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count()).select_from(Interview)) == 0
    assert session.get(Application, submitted.id).status.value == "submitted"


def test_a_draft_cannot_get_an_interview(client, application, as_hr, as_admin):
    body = {"posting": "UJM-TEST-1", "application_id": application.id, "date": "2024-05-22"}
    response = client.post("/api/v1/interviews", headers=as_hr, json=body)
    assert response.status_code == 404 and "application" in error_fields(response)  # unseen
    response = client.post("/api/v1/interviews", headers=as_admin, json=body)
    assert response.status_code == 409 and "application" in error_fields(response)


def test_list_interviews_by_posting_and_application(client, submitted, as_hr):
    for body in ({"date": "2024-05-23"}, {"application_id": submitted.id, "date": "2024-05-22",
                                          "time": "09:00"}):
        assert client.post("/api/v1/interviews", headers=as_hr,
                           json={"posting": "UJM-TEST-1", **body}).status_code == 201
    every = client.get("/api/v1/interviews?posting=UJM-TEST-1", headers=as_hr).get_json()
    assert [(i["date"], i["application_id"]) for i in every["items"]] == [
        ("2024-05-22", submitted.id), ("2024-05-23", None)]
    one = client.get(f"/api/v1/interviews?application={submitted.id}", headers=as_hr).get_json()
    assert [i["application_id"] for i in one["items"]] == [submitted.id]
    assert client.get("/api/v1/interviews/999999", headers=as_hr).status_code == 404


def test_the_employers_notes_and_ratings_are_not_shown_to_the_candidate(
        client, session, posting, application, hr, as_hr, as_camille, clock):
    from tracker.services.hiring import applications, evidence

    evidence.add_note(session, application, "Anglais à vérifier à l'oral", actor=hr, clock=clock)
    evidence.rate_evidence(session, application, posting.requirements[0], rating=2, actor=hr,
                           clock=clock)
    applications.move(session, application, "submitted", actor=application.candidate,
                      clock=clock)
    session.flush()
    employer = client.get(f"/api/v1/applications/{application.id}", headers=as_hr).get_json()
    assert [n["body"] for n in employer["notes"]] == ["Anglais à vérifier à l'oral"]
    assert employer["requirements"][0]["reviewer_rating"] == 2
    own = client.get(f"/api/v1/applications/{application.id}", headers=as_camille).get_json()
    assert own["notes"] == [] and own["requirements"][0]["reviewer_rating"] is None
    listed = client.get(f"/api/v1/applications/{application.id}/evidence",
                        headers=as_camille).get_json()["requirements"]
    assert listed[0]["reviewer_rating"] is None


def test_a_candidate_cannot_probe_other_addresses(client, application, as_camille, as_hr):
    for address in ("jordan@example.org", "nobody@example.org"):
        response = client.get(f"/api/v1/applications?candidate={address}", headers=as_camille)
        assert response.status_code == 200 and response.get_json()["items"] == []
    mine = client.get("/api/v1/applications?candidate=camille@example.org", headers=as_camille)
    assert [a["id"] for a in mine.get_json()["items"]] == [application.id]
    response = client.get("/api/v1/applications?candidate=nobody@example.org", headers=as_hr)
    assert response.status_code == 404 and "candidate" in error_fields(response)
