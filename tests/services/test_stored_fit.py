"""Fit scores are stored and read back by the applicants page (issue #16 item 4); changing any
input of the fit changes the score the page shows: the posting's requirements, the candidate's
evidence and the reviewer's rating, the profile's education, skills and languages, the weight
of an occupation skill. A score worked out from inputs changed meanwhile is not stored as
fresh."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa

from tests.conftest import SAMPLES
from tests.services.test_fit import candidate_with, make_posting
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import ApplicationFit, OccupationSkill
from tracker.services.accounts import users
from tracker.services.accounts.users import LanguageInput
from tracker.services.fit import stored
from tracker.services.fit.scores import computed_summaries, fit_summaries
from tracker.services.hiring import applications, evidence, postings
from tracker.services.reference.load import load_reference
from tracker.services.views import applicants

REQUIREMENTS = [
    {"kind": "technical_skill", "label": "Gestion de projet",
     "occupation_skill": "Gestion de projet"},
    {"kind": "language", "label": "Anglais", "level": "B2"},
    {"kind": "education", "label": "Bac + 5", "level": "Bac+5"},
    {"kind": "knowledge", "label": "Droit public"},
]
PROFILE = {"education_level": "bac+5", "skills": ["Gestion de projet"],
           "languages": [LanguageInput("en", "C1")]}


@pytest.fixture
def setting(session, hr, clock):  # noqa: ANN001, ANN201
    load_reference(session, SAMPLES / "reference", clock=clock)
    posting = make_posting(session, hr, clock, REQUIREMENTS,
                           occupation="charge-cooperation-internationale")
    person = candidate_with(session, clock, **PROFILE)
    app = applications.start(session, posting, person, actor=person, clock=clock)
    evidence.give_evidence(session, app, posting.requirements[3], evidence="Master de droit",
                           self_rating=2, actor=person, clock=clock)
    applications.move(session, app, "submitted", actor=person, clock=clock)
    session.flush()
    return posting, person, app


def shown(session, posting, hr) -> str:  # noqa: ANN001
    """The fit as the applicants page shows it."""
    [group] = applicants.posting_applicants(session, posting, actor=hr)["groups"]
    [row] = group["rows"]
    return row["fit"]["coverage"]


def stored_row(session, app):  # noqa: ANN001, ANN201
    return session.execute(sa.select(ApplicationFit).where(
        ApplicationFit.application_id == app.id)).scalar_one()


def change_requirements(session, posting, person, app, hr, clock) -> None:  # noqa: ANN001
    postings.update_posting(session, posting, {"requirements": REQUIREMENTS[:3]}, actor=hr,
                            settings=get_settings(), clock=clock)


def change_evidence(session, posting, person, app, hr, clock) -> None:  # noqa: ANN001
    evidence.give_evidence(session, app, posting.requirements[3], evidence="Master de droit",
                           self_rating=4, actor=OPERATOR, clock=clock)


def change_rating(session, posting, person, app, hr, clock) -> None:  # noqa: ANN001
    evidence.rate_evidence(session, app, posting.requirements[0], rating=1, actor=hr,
                           clock=clock)


def change_education(session, posting, person, app, hr, clock) -> None:  # noqa: ANN001
    users.set_profile(session, person, **{**PROFILE, "education_level": "bac+3"},
                      actor=OPERATOR, clock=clock)


def change_skills(session, posting, person, app, hr, clock) -> None:  # noqa: ANN001
    users.set_profile(session, person, **{**PROFILE, "skills": ["Cuisine"]}, actor=OPERATOR,
                      clock=clock)


def change_languages(session, posting, person, app, hr, clock) -> None:  # noqa: ANN001
    users.set_profile(session, person, **{**PROFILE, "languages": [LanguageInput("en", "A2")]},
                      actor=OPERATOR, clock=clock)


def change_skill_weight(session, posting, person, app, hr, clock) -> None:  # noqa: ANN001
    skill = session.get(OccupationSkill, posting.requirements[0].occupation_skill_id)
    skill.weight = 10  # the met line weighs less against the partly met one


CHANGES: list[Callable[..., None]] = [change_requirements, change_evidence, change_rating,
                                      change_education, change_skills, change_languages,
                                      change_skill_weight]


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__ for c in CHANGES])
def test_changing_an_input_changes_the_score_shown(session, setting, hr, clock,
                                                   change) -> None:  # noqa: ANN001
    posting, person, app = setting
    before = shown(session, posting, hr)
    row = stored_row(session, app)
    assert row.computed_generation == row.generation  # stored when first shown
    assert shown(session, posting, hr) == before  # and read back as it was

    change(session, posting, person, app, hr, clock)
    session.flush()
    session.expire_all()
    after = shown(session, posting, hr)

    assert after != before
    expected = computed_summaries(session, [app.id])[app.id]
    assert after == expected.text()  # what the rows say now, not the old stored score
    assert shown(session, posting, hr) == after


def test_a_list_reads_stored_scores_without_loading_the_applications(session, setting,
                                                                    connection) -> None:  # noqa: ANN001
    _posting, _person, app = setting
    fit_summaries(session, [app.id])  # computed and stored
    ran: list[str] = []
    listen = lambda *args: ran.append(args[2])  # noqa: E731
    sa.event.listen(connection, "before_cursor_execute", listen)
    try:
        again = fit_summaries(session, [app.id])
    finally:
        sa.event.remove(connection, "before_cursor_execute", listen)
    assert app.id in again
    statements = [s for s in ran if not s.startswith(("SAVEPOINT", "RELEASE"))]
    assert len(statements) == 1 and "application_fit" in statements[0], statements


def test_a_score_from_inputs_changed_meanwhile_is_not_stored_as_fresh(session, setting, hr,
                                                                     clock) -> None:  # noqa: ANN001
    posting, person, app = setting
    fit_summaries(session, [app.id])
    change_rating(session, posting, person, app, hr, clock)
    session.flush()
    _fresh, generations = stored.read(session, [app.id])  # read before the inputs...
    old = computed_summaries(session, [app.id])
    change_education(session, posting, person, app, hr, clock)  # ...which change meanwhile
    session.flush()
    stored.store(session, {i: (f.score, f.assessed, f.total) for i, f in old.items()},
                 generations)
    row = stored_row(session, app)
    session.refresh(row)
    assert row.computed_generation != row.generation  # still stale: computed again next time
    session.expire_all()
    assert shown(session, posting, hr) == computed_summaries(session, [app.id])[app.id].text()
