"""/api/v1/orgs/{slug}/message-templates/{kind}/{lang} (issue #14): read the text an
organisation sends (its own or the default), save its own; a bad template is refused with the
field named; the OpenAPI document describes both operations."""

from __future__ import annotations


def test_read_the_default_then_save_the_organisations_own(client, world) -> None:  # noqa: ANN001
    url = "/api/v1/orgs/ujm/message-templates/rejection_after_review/en"
    answer = client.get(url, headers=world.as_("hr"))
    assert answer.status_code == 200
    found = answer.get_json()
    assert found["is_default"] is True and found["language"] == "en"
    assert found["subject"] == "Your application — {{ posting_title }}"
    assert "candidate_name" in found["variables"] and "interview" in found["variables"]
    saved = client.put(url, headers=world.as_("hr"), json={
        "subject": "About {{ posting_reference }}", "body": "Dear {{ candidate_name }}, no."})
    assert saved.status_code == 200
    assert saved.get_json()["is_default"] is False
    again = client.get(url, headers=world.as_("admin")).get_json()
    assert (again["subject"], again["body"]) == ("About {{ posting_reference }}",
                                                 "Dear {{ candidate_name }}, no.")


def test_a_bad_template_is_refused_naming_the_field(client, world) -> None:  # noqa: ANN001
    url = "/api/v1/orgs/ujm/message-templates/offer/fr"
    answer = client.put(url, headers=world.as_("hr"),
                        json={"subject": "Offre", "body": "Bonjour {{ nom }}"})
    assert answer.status_code == 422
    assert answer.get_json()["error"]["fields"] == {"body": "unknown variable: nom"}
    answer = client.put(url, headers=world.as_("hr"),
                        json={"subject": "{{ ''.__class__ }}", "body": "Bonjour"})
    assert answer.status_code == 422 and "subject" in answer.get_json()["error"]["fields"]
    assert client.get("/api/v1/orgs/nowhere/message-templates/offer/fr",
                      headers=world.as_("admin")).status_code == 404
    assert client.get("/api/v1/orgs/ujm/message-templates/praise/fr",
                      headers=world.as_("hr")).status_code == 422


def test_the_openapi_document_describes_the_templates(client) -> None:  # noqa: ANN001
    document = client.get("/api/v1/openapi.json").get_json()
    path = document["paths"]["/api/v1/orgs/{slug}/message-templates/{kind}/{lang}"]
    assert {"get", "put"} <= set(path)
    assert path["put"]["operationId"] == "put_message_template"


def test_a_broken_rule_is_said_in_the_requests_language_with_its_code(client, world) -> None:  # noqa: ANN001
    url = "/api/v1/orgs/ujm/message-templates/offer/fr"
    sent = {"subject": "Offre", "body": "Bonjour {{ nom }}"}
    french = client.put(url, headers={**world.as_("hr"), "Accept-Language": "fr-FR,fr;q=0.9"},
                        json=sent)
    assert french.status_code == 422 and french.headers["Content-Language"] == "fr"
    error = french.get_json()["error"]
    assert error["fields"] == {"body": "variable inconnue : nom"}
    assert error["message"] == "body: variable inconnue : nom"
    assert (error["code"], error["params"]) == ("unknown variable: %(name)s", {"name": "nom"})
    assert error["errors"] == [{"field": "body", "message": "variable inconnue : nom",
                                "code": "unknown variable: %(name)s", "params": {"name": "nom"}}]
    english = client.put(url, headers={**world.as_("hr"), "Accept-Language": "de, en;q=0.5"},
                         json=sent).get_json()["error"]
    assert english["fields"] == {"body": "unknown variable: nom"}
    assert (english["code"], english["params"]) == (error["code"], error["params"])
    unasked = client.put(url, headers=world.as_("hr"), json=sent).get_json()["error"]
    assert unasked["fields"] == {"body": "unknown variable: nom"}
