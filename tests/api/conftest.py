"""The JSON API on the web application bound to the test's transaction, personal tokens, and a
world of people and records every authorization test shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from tests.conftest import POSTING
from tests.web.conftest import web_settings
from tracker.app import create_app
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Application, Interview, Notification, Posting, User
from tracker.services.accounts import tokens, users
from tracker.services.accounts.organisations import create_organisation
from tracker.services.hiring import applications, evidence, interviews, postings


@pytest.fixture
def api_app(session_factory, clock, tmp_path: Path) -> Flask:  # noqa: ANN001
    """The one application `tracker serve` runs (web pages and API), bound to the test's
    transaction and clock, with the web tests' settings."""
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(api_app: Flask) -> FlaskClient:
    return api_app.test_client()


@pytest.fixture
def token_for(session: Session, clock) -> Callable[[User], dict[str, str]]:  # noqa: ANN001
    """The Authorization header of a new token of `user`."""

    def make(user: User) -> dict[str, str]:
        plain, _ = tokens.create_token(session, user, "tests", clock)
        session.flush()
        return {"Authorization": f"Bearer {plain}"}

    return make


ROLES = ["anonymous", "candidate_a", "candidate_b", "hr", "hr_other", "admin"]


@dataclass
class World:
    """Two organisations; hr of each, an admin and three candidates. UJM's open posting with an
    application of A and of B (both at interview stage, each with an interview), a posting-wide
    interview, a draft posting, A's private posting that names UJM, and a second open posting
    of UJM with A's draft."""

    people: dict[str, User]
    headers: dict[str, dict[str, str]]
    posting: Posting
    draft: Posting
    private: Posting
    app_a: Application
    app_b: Application
    draft_a: Application  # A's draft to a second open posting of UJM: A's own until submitted
    interview_a: Interview
    interview_b: Interview
    interview_all: Interview
    candidate_c: User
    notification_a: Notification
    requirement_ids: list[int] = field(default_factory=list)
    panel_job: int = 0  # issue #16: the panel dossier's job, queued
    my_job: int = 0  # A's own dossier's job, done with its file

    def as_(self, role: str) -> dict[str, str]:
        return self.headers.get(role, {})


@pytest.fixture
def world(session: Session, clock, hr, candidate, posting, token_for,  # noqa: ANN001
          tmp_path: Path) -> World:
    create_organisation(session, slug="lyon", name="Université Lyon 2", clock=clock, actor=OPERATOR)
    hr_other = users.create_user(session, email="rh@univ-lyon2.fr", full_name="Hugo Lefèvre",
                                 role="hr", organisation="lyon", clock=clock, actor=OPERATOR)
    admin = users.create_user(session, email="admin@example.org", full_name="Ada Admin",
                              role="admin", clock=clock, actor=OPERATOR)
    cand_b = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                               role="candidate", clock=clock, actor=OPERATOR)
    cand_c = users.create_user(session, email="lea@example.org", full_name="Léa Petit",
                               role="candidate", clock=clock, actor=OPERATOR)
    draft = postings.create_posting(session, {
        **POSTING, "reference": "UJM-DRAFT-1", "title": "Gestionnaire RH",
        "valid_through_date": "2024-06-01",
    }, actor=hr, clock=clock, settings=get_settings())
    private = postings.create_posting(session, {
        "reference": "PRIV-A-1", "title": "Chargée de mission trouvée ailleurs",
        "organisation": "ujm", "visibility": "private", "employment_type": "permanent",
        "requirements": [{"kind": "language", "label": "Allemand", "level": "B1"}],
    }, actor=candidate, clock=clock, settings=get_settings())
    apps = {}
    first = posting.requirements[0]
    for who, shown, rating in ((candidate, "TOEIC 945", 4), (cand_b, "IELTS 7", 3)):
        app = applications.start(session, posting, who, actor=who, clock=clock)
        evidence.give_evidence(session, app, first, evidence=shown, self_rating=rating,
                               actor=who, clock=clock)
        applications.move(session, app, "submitted", actor=who, clock=clock)
        apps[who.id] = app
    app_a, app_b = apps[candidate.id], apps[cand_b.id]
    second = postings.create_posting(session, {
        **POSTING, "reference": "UJM-OPEN-2", "title": "Chargé de projets européens",
        "valid_through_date": "2024-06-01"}, actor=hr, clock=clock, settings=get_settings())
    postings.set_status(session, second, "open", actor=hr, clock=clock)
    draft_a = applications.start(session, second, candidate, actor=candidate, clock=clock)
    at = time(10, 0)
    interview_a = interviews.schedule(session, posting, day=date(2024, 5, 22), at=at,
                                      application=app_a, actor=hr, clock=clock)
    interview_b = interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(11, 0),
                                      application=app_b, actor=hr, clock=clock)
    interview_all = interviews.schedule(session, posting, day=date(2024, 5, 23),
                                        place="Salle 2", actor=hr, clock=clock)
    # What the reminder dispatcher leaves in A's inbox (the API only reads and marks it)
    note_a = Notification(user_id=candidate.id, title="Entretien demain", body="10:00",
                          link=f"/applications/{app_a.id}", created_at=clock())
    session.add(note_a)
    session.flush()
    people = {"candidate_a": candidate, "candidate_b": cand_b, "hr": hr, "hr_other": hr_other,
              "admin": admin}
    headers = {role: token_for(user) for role, user in people.items()}
    panel_job, my_job = _dossier_jobs(session, posting, app_a, candidate, clock, tmp_path)
    return World(panel_job=panel_job, my_job=my_job, people=people, headers=headers, posting=posting, draft=draft,
                 private=private, app_a=app_a, app_b=app_b, draft_a=draft_a,
                 interview_a=interview_a,
                 interview_b=interview_b, interview_all=interview_all, candidate_c=cand_c,
                 notification_a=note_a,
                 requirement_ids=[r.id for r in posting.requirements])


def _dossier_jobs(session: Session, posting: Posting, app_a: Application, candidate: User,
                  clock: Callable[[], Any], tmp_path: Path) -> tuple[int, int]:
    """The panel dossier's job (queued) and A's own dossier's job, done with a stored file as a
    worker leaves it (under the reports folder of the app's settings)."""
    from datetime import timedelta

    from tracker.services.jobs import queue

    settings = web_settings(tmp_path)
    panel = queue.request(session, "panel", {"reference": posting.reference}, OPERATOR,
                          settings=settings, clock=clock)
    mine = queue.request(session, "application", {"application_id": app_a.id}, candidate,
                         settings=settings, clock=clock)
    session.flush()
    factory = sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint")
    claimed = queue.claim(factory, worker="test", now=clock(), lease=timedelta(seconds=960),
                          job_id=mine.id)
    assert claimed is not None
    folder = queue.result_folder(mine, settings)
    folder.mkdir(parents=True)
    (folder / "dossier.pdf").write_bytes(b"%PDF-1.7 stored")
    assert queue.finish(factory, claimed, result_path=f"jobs/{mine.id}/dossier.pdf",
                        filename="dossier.pdf", now=clock())
    session.expire_all()
    return panel.id, mine.id


def error_fields(response) -> dict[str, str]:  # noqa: ANN001
    """The fields named by an error response, after checking its shape."""
    body = response.get_json()
    assert set(body) == {"error"}, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]["fields"]
