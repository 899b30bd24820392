"""Issue #12, finding 11: references are unique per organisation (and per candidate for
private postings). Creating a posting with another organisation's draft reference, or another
candidate's private one, answered 409 'exists', which told that they existed. Now each
namespace is its own: a conflict is only ever reported within one's own."""

from __future__ import annotations

from tests.api.conftest import World, error_fields
from tests.conftest import POSTING


def _create(client, world: World, role: str, reference: str, **extra):  # noqa: ANN001, ANN202
    body = {**POSTING, "reference": reference, **extra}
    if role.startswith("candidate"):
        body.update(visibility="private", organisation=None,
                    hiring_organization_name="Somewhere")
    elif role == "hr_other":
        body["organisation"] = "lyon"
    return client.post("/api/v1/postings", headers=world.as_(role), json=body)


def test_other_namespaces_references_are_not_revealed(client, world: World) -> None:  # noqa: ANN001
    # UJM's draft reference, from another organisation: created, nothing said about UJM
    lyon = _create(client, world, "hr_other", world.draft.reference)
    assert lyon.status_code == 201, lyon.get_json()
    # candidate A's private reference, from candidate B and from an organisation
    other = _create(client, world, "candidate_b", world.private.reference)
    assert other.status_code == 201, other.get_json()
    assert _create(client, world, "hr_other", world.private.reference).status_code == 201
    # within one's own namespace it is still a conflict, said in its words
    again = _create(client, world, "hr", world.draft.reference)
    assert again.status_code == 409 and "reference" in error_fields(again)
    assert "Université Jean Monnet" in again.get_json()["error"]["message"]
    mine = _create(client, world, "candidate_a", world.private.reference)
    assert mine.status_code == 409 and "your postings" in mine.get_json()["error"]["message"]


def test_a_reference_two_namespaces_share_is_each_ones_own(client, world: World) -> None:  # noqa: ANN001
    assert _create(client, world, "hr_other", world.draft.reference).status_code == 201
    ref = world.draft.reference
    # each hr user reaches their own organisation's posting
    ujm = client.get(f"/api/v1/postings/{ref}", headers=world.as_("hr")).get_json()
    lyon = client.get(f"/api/v1/postings/{ref}", headers=world.as_("hr_other")).get_json()
    assert ujm["organisation"] != lyon["organisation"]
    # an admin sees both: the lookup is refused as ambiguous, naming the organisations
    both = client.get(f"/api/v1/postings/{ref}", headers=world.as_("admin"))
    assert both.status_code == 409, both.get_json()
    message = both.get_json()["error"]["message"]
    assert "2 postings" in message and "Université Lyon 2" in message
