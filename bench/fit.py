"""Fit benchmark: what `application list --posting REF --sort fit` costs as applicants grow.

Loads the demo posting (37 requirements) into a scratch SQLite database, adds N candidates with
a profile and some evidence each, then compares `fit_scores` over all of them (a fixed number of
statements) with calling `application_fit` one application at a time on a fresh session (lazy
loads per application). Prints statements and time per applicant, and the ratio. Exits 0
unless it crashes.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path
from time import perf_counter

from sqlalchemy import event
from sqlalchemy.orm import Session

from tracker.config import get_settings  # noqa: E402
from tracker.db import create_engine, make_session_factory
from tracker.domain.access import OPERATOR
from tracker.schema import upgrade
from tracker.services.accounts import users
from tracker.services.accounts.users import LanguageInput
from tracker.services.fit.scores import application_fit, fit_scores
from tracker.services.hiring import applications, evidence
from tracker.services.operations.demo import load_demo, prepare_documents

SKILLS = ["Gestion de projet", "Erasmus+", "Communication interculturelle", "Droit public",
          "Montage budgétaire", "Diplomatie", "Reporting", "Travail en équipe"]


def fill(session: Session, applicants: int, rng: random.Random) -> tuple[str, list[int]]:
    demo = load_demo(session, as_published=False, settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))
    posting = demo.posting
    ids = list(demo.application_ids)
    for n in range(applicants - len(ids)):
        person = users.create_user(session, email=f"bench{n}@example.org",
                                   full_name=f"Bench {n}", role="candidate", actor=OPERATOR)
        users.set_profile(
            session, person, education_level=rng.choice(["bac+3", "bac+5", "bac+8"]),
            skills=rng.sample(SKILLS, 3),
            languages=[LanguageInput("en", rng.choice(["B1", "B2", "C1"]))],
            actor=OPERATOR,
        )
        app = applications.start(session, posting, person, actor=person)
        for req in rng.sample(posting.requirements, 5):
            evidence.give_evidence(session, app, req, evidence="Fait", actor=person,
                                   self_rating=rng.randint(1, 4))
        ids.append(app.id)
    session.commit()
    return posting.reference, ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applicants", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine)
        factory = make_session_factory(engine)
        statements = [0]
        event.listen(engine, "before_cursor_execute",
                     lambda *a, **k: statements.__setitem__(0, statements[0] + 1))
        with factory() as session:
            _reference, ids = fill(session, args.applicants, random.Random(20261125))
        results = {}
        for name in ("fit_scores", "one by one"):
            with factory() as session:
                statements[0] = 0
                start = perf_counter()
                if name == "fit_scores":
                    scores = fit_scores(session, ids)
                else:
                    scores = {i: application_fit(
                        session, applications.get_application(session, i, actor=OPERATOR), actor=OPERATOR).score for i in ids}
                results[name] = (perf_counter() - start, statements[0], scores)
        engine.dispose()
    assert results["fit_scores"][2] == results["one by one"][2]
    n = len(ids)
    print(f"{n} applicants, 37 requirements each")
    for name, (seconds, count, _scores) in results.items():
        print(f"  {name:11s} {count:6d} statements  {1000 * seconds / n:7.2f} ms per applicant")
    print(f"  fit_scores is {results['one by one'][0] / results['fit_scores'][0]:.1f}x faster, "
          f"{results['one by one'][1] / results['fit_scores'][1]:.0f}x fewer statements")


if __name__ == "__main__":
    main()
