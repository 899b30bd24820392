"""schemathesis against /api/v1/openapi.json, through the WSGI app, with a token: whatever it
generates from the document (valid and invalid input), the API never answers 5xx, and every
answer (status, content type, body) is one the document describes.

The document is read from the app once; each operation is then a test of its own, calling a
fresh app bound to the test's transaction (schemathesis' pytest loader `from_fixture` does not
run under pytest 9, so the operations' strategies are drawn with Hypothesis directly). Some
calls have their path parameters pointed at records that exist, so that the bodies reach the
services instead of stopping at a 404.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import World
from tracker.api import init_api

# A few dozen calls per operation and role keep the suite fast; raise it for a deeper search.
EXAMPLES = int(os.environ.get("TRACKER_API_FUZZ_EXAMPLES", "15"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def _document_app() -> Flask:
    app = Flask("openapi-document")
    app.config["TRACKER_SESSION_FACTORY"] = None  # the document needs no database
    init_api(app)
    return app


SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _document_app())
OPERATIONS = sorted((op.path, op.method.upper()) for op in
                    (result.ok() for result in SCHEMA.get_all_operations()))


def test_the_document_lists_every_operation(api_app: Flask):
    assert len(OPERATIONS) == 27
    assert ("/api/v1/postings/{reference}", "PATCH") in OPERATIONS
    # the application `tracker serve` runs publishes the same document
    assert api_app.test_client().get("/api/v1/openapi.json").get_json() == SCHEMA.raw_schema


def _existing(world: World) -> dict[str, object]:
    return {
        "reference": world.posting.reference,
        "application_id": world.app_a.id,
        "requirement_id": world.requirement_ids[0],
        "interview_id": world.interview_all.id,
    }


@pytest.mark.parametrize("role", ["hr", "candidate_a"])
@pytest.mark.parametrize("path,method", OPERATIONS)
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
@given(data=st.data())
def test_api_answers_as_documented(path: str, method: str, role: str, data: st.DataObject,
                                   world: World, api_app: Flask):
    operation = SCHEMA[path][method]
    mode = data.draw(st.sampled_from([GenerationMode.POSITIVE, GenerationMode.NEGATIVE]))
    pinned = None
    if data.draw(st.booleans()):
        pinned = {name: value for name, value in _existing(world).items()
                  if "{" + name + "}" in path} or None
    case = data.draw(operation.as_strategy(generation_mode=mode, path_parameters=pinned))
    case.call_and_validate(app=api_app, headers=world.as_(role), checks=CHECKS)
