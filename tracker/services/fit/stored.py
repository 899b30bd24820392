"""Fit scores stored beside their application (tracker.models.derived.ApplicationFit), so a
list reads them instead of working them out on every request.

A score is fresh while the generation it was computed at is the generation of its inputs: the
flush hook of tracker.models.upkeep raises the generation whenever an input changes. The
generation is read before the inputs, and a score is written only if the generation is still
the one read, so a score worked out from inputs another transaction has just changed is never
stored as fresh. Storing is best effort: a page that cannot write (a SQLite writer holds the
lock) shows the scores it computed and stores them another time.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.models.derived import APPLICATION_FIT
from tracker.models.upkeep import insert_for

log = logging.getLogger(__name__)
TABLE = APPLICATION_FIT
Score = tuple[float, int, int]  # the score, the requirements assessed, all of them


def read(session: Session, ids: list[int]) -> tuple[dict[int, Score], dict[int, int]]:
    """The fresh stored scores of these applications, and the generation of every stored row
    (fresh or stale)."""
    fresh: dict[int, Score] = {}
    generations: dict[int, int] = {}
    for row in session.execute(sa.select(
            TABLE.c.application_id, TABLE.c.generation, TABLE.c.computed_generation,
            TABLE.c.score, TABLE.c.assessed, TABLE.c.total)
            .where(TABLE.c.application_id.in_(ids))):
        generations[row.application_id] = row.generation
        if row.computed_generation == row.generation and row.score is not None:
            fresh[row.application_id] = (row.score, row.assessed, row.total)
    return fresh, generations


def store(session: Session, computed: dict[int, Score], generations: dict[int, int]) -> None:
    """Store these scores, each at the generation read before its inputs were."""
    if not computed:
        return
    rows = [{"aid": i, "b_generation": generations.get(i, 0), "b_score": score,
             "b_assessed": assessed, "b_total": total}
            for i, (score, assessed, total) in computed.items()]
    again = [row for row in rows if row["aid"] in generations]
    new = [row for row in rows if row["aid"] not in generations]
    try:
        with session.begin_nested():
            connection = session.connection()
            if again:
                connection.execute(sa.update(TABLE).where(
                    TABLE.c.application_id == sa.bindparam("aid"),
                    TABLE.c.generation == sa.bindparam("b_generation")).values(
                    computed_generation=sa.bindparam("b_generation"),
                    score=sa.bindparam("b_score"), assessed=sa.bindparam("b_assessed"),
                    total=sa.bindparam("b_total")), again)
            if new:
                connection.execute(insert_for(connection, TABLE).values(
                    application_id=sa.bindparam("aid"), generation=sa.bindparam("b_generation"),
                    computed_generation=sa.bindparam("b_generation"),
                    score=sa.bindparam("b_score"), assessed=sa.bindparam("b_assessed"),
                    total=sa.bindparam("b_total"),
                ).on_conflict_do_nothing(index_elements=[TABLE.c.application_id]), new)
    except sa.exc.OperationalError as error:  # e.g. SQLite: another writer holds the lock
        log.info("fit scores not stored this time: %s", error)
