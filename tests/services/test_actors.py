"""Rights fail closed: a service that reads or changes people's data demands an actor (a user or
OPERATOR, the system acting on its own); forgetting it is a TypeError, never full rights."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest

import tracker.services
from tracker.domain import access
from tracker.domain.access import OPERATOR, Operator
from tracker.services.hiring import applications, postings

# The public service functions that take a session but no actor, each kind with the reason it
# needs none. A new function must either demand an actor or be added here on purpose.
OWN = "acts for the person it is given (the logged-in user themselves), never for another"
LOOKUP = "a lookup by key for a face that identifies people (log-in, tokens, --as) or lists " \
         "organisations, which hold no personal data"
PUBLIC = "public data: open postings and reference data"
SYSTEM = "the system's own work: the scheduler, or hooks run after a service has checked " \
         "the actor"
OUTBOX = "the reminder outbox, the operator's and admins' (check_outbox in the faces)"
LOADED = "works on an object the caller loaded through a lookup that checked the actor"
LOGIN = "records a log-in attempt, before anyone has proved who they are"
HEALTH = "the health of the installation for probes and the operator: no personal data"
NO_ACTOR = {
    "accounts.account.register_candidate": OWN, "accounts.account.set_preferences": OWN,
    "accounts.account.change_password": OWN, "accounts.account.authenticate": LOOKUP,
    "accounts.account.active_user": LOOKUP,
    "accounts.account.log_in": LOOKUP, "audit.record_login": LOGIN, "accounts.organisations.find_organisation": LOOKUP,
    "accounts.organisations.get_organisation": LOOKUP,
    "accounts.organisations.list_organisations": LOOKUP,
    "accounts.sessions.resolve": LOOKUP, "accounts.sessions.checked_user": LOOKUP,
    "accounts.sessions.end_current": OWN,
    "accounts.sessions.forget_all": SYSTEM,
    "accounts.tokens.create_token": OWN, "accounts.tokens.list_tokens": OWN,
    "accounts.tokens.revoke_token": OWN, "accounts.tokens.user_for_token": LOOKUP,
    "accounts.users.find_user": LOOKUP, "accounts.users.get_user": LOOKUP,
    "operations.demo.load_demo": SYSTEM, "messages.sending.acknowledge": SYSTEM,
    "operations.health.beat": SYSTEM, "operations.health.forget": SYSTEM,
    "operations.health.record_dispatch": SYSTEM, "operations.health.readiness": HEALTH,
    "operations.health.scheduler_instances": HEALTH, "operations.doctor.check_database": HEALTH,
    "privacy.policy.privacy_notice": PUBLIC, "privacy.policy.own_notices": PUBLIC,
    "dossiers.render.posting_applications": LOADED,
    "dossiers.render.panel_applications": LOADED, "dossiers.render.render_panel": LOADED,
    "dossiers.render.panel_context": LOADED, "dossiers.render.write_panel": LOADED,
    "exports.calendar.feed_token": OWN, "exports.calendar.current_feed_token": OWN,
    "exports.calendar.replace_feed_token": OWN, "exports.calendar.revoke_feed_token": OWN,
    "exports.calendar.calendar_for_token": LOOKUP, "exports.calendar.user_calendar": OWN,
    "exports.formats.public_posting_jsonld": PUBLIC,
    "fit.scores.fit_scores": LOADED, "fit.scores.fit_summaries": LOADED,
    "fit.scores.missing_evidence": LOADED,
    "fit.scores.computed_summaries": LOADED, "fit.stored.read": LOADED,  # issue #16
    "fit.stored.store": LOADED,
    "hiring.applications.missing_documents": LOADED, "hiring.documents.list_documents": LOADED,
    "hiring.documents.document_content": LOADED, "hiring.evidence.get_requirement": LOADED,
    "hiring.search.search_postings": PUBLIC, "hiring.search.filter_choices": PUBLIC,
    "hiring.search.public_posting": PUBLIC,
    "hiring.interviews.current_interviews": LOADED,  # issue #14
    "reminders.invitations.interview_changes": SYSTEM,  # issue #14: an invitation's SEQUENCE
    "reference.catalogue.get_occupation": PUBLIC, "reference.catalogue.get_certification": PUBLIC,
    "reference.catalogue.find_reference": PUBLIC, "reference.catalogue.list_references": PUBLIC,
    "reference.catalogue.propose_requirements": PUBLIC, "reference.load.load_reference": PUBLIC,
    "reminders.dispatch.run_once": SYSTEM, "reminders.dispatch.deliver_due": SYSTEM,
    "reminders.dispatch.due": SYSTEM,
    "reminders.dispatch.release_expired_leases": SYSTEM, "reminders.dispatch.claim": SYSTEM,
    "reminders.events.interview_changed": SYSTEM, "reminders.digest.plan_digests": SYSTEM,
    "reminders.digest.new_applications": SYSTEM, "reminders.events.silence": SYSTEM,
    # issue #16: the dossier workers' own work on jobs that `jobs.queue.request` checked
    "jobs.queue.claim": SYSTEM, "jobs.queue.progress": SYSTEM, "jobs.queue.finish": SYSTEM,
    "jobs.queue.fail": SYSTEM, "jobs.queue.release_expired": SYSTEM, "jobs.make.run": SYSTEM,
    "jobs.make.run_here": SYSTEM, "jobs.make.load": SYSTEM, "jobs.workers.work_once": SYSTEM,
    "jobs.workers.run_forever": SYSTEM, "jobs.workers.run_bounded": SYSTEM,
    "jobs.workers.database_url": SYSTEM,
    "privacy.erase.forget_dossier_jobs": LOADED,
    "reminders.facts.decide": SYSTEM, "reminders.notifications.link_target": OWN,
    # issue #16: the dispatcher's batch checks, given the session of its own run
    "reminders.facts.superseded": SYSTEM, "reminders.digest.decide_digest": SYSTEM,
    "reminders.outbox.sync_rows": SYSTEM, "reminders.outbox.insert_ignore": SYSTEM,
    "reminders.planner.sync_posting": SYSTEM, "reminders.planner.sync_application": SYSTEM,
    "reminders.planner.sync_interview": SYSTEM, "reminders.planner.reconcile": SYSTEM,
    "reminders.planner.sync_posting_kind": SYSTEM, "reminders.planner.offsets_for": SYSTEM,
    "reminders.planner.channel_switches": SYSTEM,
    "reminders.planner.list_reminders": OUTBOX, "reminders.planner.get_reminder": OUTBOX,
    "reminders.planner.retry": OUTBOX, "reminders.planner.retry_many": OUTBOX,
    "reminders.settings.set_switch": OWN, "reminders.settings.switch_states": OWN,
    "reminders.settings.set_switches": OWN, "reminders.settings.organisation_offsets": OUTBOX,
    "reminders.settings.set_offsets": OUTBOX,
    "views.overview.application_interviews": LOADED, "views.overview.application_detail": LOADED,
    "views.overview.interview_list": LOADED,
    "views.overview.own_application_to": OWN,
}


def service_functions() -> Iterator[tuple[str, Any]]:
    for info in pkgutil.walk_packages(tracker.services.__path__, "tracker.services."):
        module = importlib.import_module(info.name)
        for name, function in vars(module).items():
            if (not name.startswith("_") and inspect.isfunction(function)
                    and function.__module__ == module.__name__):
                yield f"{module.__name__.removeprefix('tracker.services.')}.{name}", function


def takes_session(function: Any) -> bool:
    return bool({"session", "factory"} & set(inspect.signature(function).parameters))


def test_no_service_defaults_its_actor():
    defaulted = [name for name, function in service_functions()
                 if (actor := inspect.signature(function).parameters.get("actor")) is not None
                 and actor.default is not inspect.Parameter.empty]
    assert defaulted == []


def test_every_service_on_data_demands_an_actor_or_says_why_not():
    without = {name for name, function in service_functions()
               if takes_session(function) and "actor" not in inspect.signature(function).parameters}
    assert without - set(NO_ACTOR) == set(), "demand an actor, or list the function with its reason"
    assert set(NO_ACTOR) - without == set(), "listed here but gone or now taking an actor"


def test_a_call_without_an_actor_is_a_type_error(session, posting):
    with pytest.raises(TypeError, match="actor"):
        postings.get_posting(session, posting.reference)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="actor"):
        applications.list_applications(session)  # type: ignore[call-arg]


def test_none_is_no_actor(posting):
    """None, the old spelling of the operator, grants nothing: the rules refuse it."""
    with pytest.raises(AttributeError):
        access.can_manage(None, posting)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        access.visible_postings(None)  # type: ignore[arg-type]


def test_the_operator_is_explicit_and_has_every_right(posting):
    assert isinstance(OPERATOR, Operator) and repr(OPERATOR) == "OPERATOR"
    assert access.can_manage(OPERATOR, posting)
    assert access.actor_id(OPERATOR) is None
