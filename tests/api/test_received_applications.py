"""A candidate's data reaches an employer only by the candidate's act (issue #12, finding 7).

The employer side records an application it received by post or e-mail with the person's name
and address as given: it is linked to no account, and the API answers the same whether the
address is unknown, a staff member's or a candidate's (whose profile stays theirs)."""

from __future__ import annotations

import sqlalchemy as sa

from tests.web.conftest import Web
from tracker.domain.access import OPERATOR
from tracker.models import Application, CandidateProfile
from tracker.services.accounts import users

HEADLINE = "Profil privé de Camille 8841"


def test_the_answer_is_the_same_for_any_address(client, session, token_for, hr, posting,
                                                candidate, api_app) -> None:  # noqa: ANN001
    session.add(CandidateProfile(user=candidate, headline=HEADLINE))
    session.flush()
    headers = token_for(hr)
    answers = {}
    for address in ("nobody@elsewhere.example", hr.email, candidate.email):
        response = client.post("/api/v1/applications", json={
            "posting": posting.reference, "candidate": address,
            "candidate_name": "Personne Reçue"}, headers=headers)
        answers[address] = response
    statuses = {a: r.status_code for a, r in answers.items()}
    assert set(statuses.values()) == {201}, statuses
    shapes = {a: sorted(r.get_json()) for a, r in answers.items()}
    assert len({tuple(s) for s in shapes.values()}) == 1, shapes
    for address, response in answers.items():
        body = response.get_json()
        assert body["candidate"] == {"name": "Personne Reçue", "email": address}
        assert body["status"] == "submitted"
    linked = session.scalars(sa.select(Application.candidate_id).where(
        Application.posting_id == posting.id)).all()
    assert linked == [None, None, None]
    # the employer's page of the one recorded with the candidate's address: no profile of hers
    received = answers[candidate.email].get_json()["id"]
    web = Web(api_app.test_client()).as_user(hr)
    page = web.get(f"/hr/applications/{received}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Personne Reçue" in text and HEADLINE not in text


def test_the_employer_gives_the_name_and_address(client, token_for, hr, posting) -> None:  # noqa: ANN001
    response = client.post("/api/v1/applications", json={
        "posting": posting.reference, "candidate": "not an address"}, headers=token_for(hr))
    assert response.status_code == 422
    fields = response.get_json()["error"]["fields"]
    assert set(fields) == {"candidate_name", "candidate"}, fields


def test_a_candidate_still_applies_for_themselves(client, token_for, candidate, posting,
                                                  session) -> None:  # noqa: ANN001
    response = client.post("/api/v1/applications", json={"posting": posting.reference},
                           headers=token_for(candidate))
    assert response.status_code == 201
    assert session.get(Application, response.get_json()["id"]).candidate_id == candidate.id


def test_the_command_line_as_hr_records_without_linking(cli, hr, posting, candidate,
                                                        session) -> None:  # noqa: ANN001
    result = cli(f"--as {hr.email} apply --posting {posting.reference} "
                 f"--candidate {candidate.email} --name 'Camille M.'")
    assert result.exit_code == 0, result.output
    assert "submitted" in result.output
    found = session.scalars(sa.select(Application).where(
        Application.posting_id == posting.id)).one()
    assert found.candidate_id is None and found.applicant_name == "Camille M."
    # the operator (no --as) still starts a candidate's own application, for tests and demos
    other = users.create_user(session, email="op@example.org", full_name="Op Cand",
                              role="candidate", actor=OPERATOR, clock=cli.clock)
    session.flush()
    result = cli(f"apply --posting {posting.reference} --candidate {other.email}")
    assert result.exit_code == 0, result.output
