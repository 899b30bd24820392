"""The text importer does work in proportion to its input, whatever the input: long lines of
the shapes that make regular expressions backtrack (a run of letters before an '@', a label
followed by a run of spaces...) are read in bounded time. CPU time of this process is
measured, not wall time, so that other work on the machine does not count."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from tracker.importers.text import parse_text

# Words the importer's patterns start from, and pieces whose long runs make a pattern retry.
TRIGGERS = [
    "", "x@", "Quotité ", "Catégorie ", "offre n° ", "CDD ", "Closing date ", "avant le ",
    "Date limite de candidature ", "entretien ", "Interviews ", "Salary ", "£", "€", "1 juin ",
    "12h ", "Université ", "The University of ", "La commune de ", "- ", "anglais ", "Bac ",
    "Durée ", "Lieu ", "Référence ", "Prise de poste ", "August ", "Type de contrat ", "tenure ",
    "0.8 FTE ", "http://",
]
PIECES = [
    " ", "\t", "a", "A", "1", ".", "-", "@", "é", ":", "(", "/", "b.", "a@", "1 ", " 1", "1.",
    "1,", "(a", "- ", "1h", "de ", "of ", "1 mois ", "x@y.", "@b", "juin ", "12:", "B2 ",
    "1 000 ", "Aa-", "d'", "est ", "Ab ",
]
# For 100 kB. A linear read of the worst shapes takes 1 to 2 s of CPU now (some 300 patterns
# each scan the line once: 'a@' * 50,000 took 2.0 s on a loaded two-core machine, with no
# pattern above 0.26 s), the quadratic reads this guards against took tens of seconds to
# minutes; test_work_grows_in_proportion_... checks the growth itself.
BOUND_SECONDS = 4.0


def _cpu_seconds(text: str, language: str | None = None) -> float:
    start = time.process_time()
    parse_text(text, language=language)
    return time.process_time() - start


def _long_line(trigger: str, piece: str, size: int, end: str = "") -> str:
    return trigger + piece * (size // len(piece)) + end


# Shapes that took seconds to minutes per 100 kB before (quadratic work), tried first.
KNOWN = [("x@", "a", "@b.c"), ("", "a@", ""), ("Quotité ", " ", ""), ("Catégorie ", "\t", ""),
         ("offre n° ", " ", ""), ("Closing date ", " ", ""), ("", "apply x@y.fr\n", ""),
         ("Essential criteria\n- a\n", "b\n", ""), ("", "ABCD\nb\n", ""),
         ("Gestionnaire (", " ", "H/F"), ("GP", " ", " is"), ("La commune de (", "a", ""),
         # a contract's word repeated (each looked back over the line before it), a bulletin's
         # name repeated (each looked ahead for its issue's number)
         ("", "ouvert aux fonctionnaires ", ""), ("Subject: x\n\n", "newsletter ", ""),
         # (seventeenth round) a post set off under a line pointing at it, a pointing line's
         # marks, a document's header, a learner's course after the title
         ("Nous cherchons un(e) :\n★", "★ ", "a"), ("x", ":", ""),
         ("Acme   Position Description", " x", ""), ("Apprenti vendeur – ", "BTS ", "")]


def _examples(test):  # noqa: ANN001, ANN202
    for trigger, piece, end in KNOWN:
        test = example(trigger=trigger, piece=piece, end=end, size=100_000, lines=False,
                       language=None)(test)
    return test


@settings(deadline=None, max_examples=25, database=None, derandomize=True,
          phases=(Phase.explicit, Phase.generate),  # no shrinking of a slow example
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(trigger=st.sampled_from(TRIGGERS), piece=st.sampled_from(PIECES),
       end=st.sampled_from(TRIGGERS), size=st.integers(1_000, 100_000), lines=st.booleans(),
       language=st.sampled_from(["fr", "en", None]))
@_examples
def test_long_lines_of_backtracking_shapes_are_read_in_bounded_time(trigger, piece, end, size,
                                                                    lines, language):
    # One long line, or as many lines of the piece (a long bullet, a long section...).
    text = _long_line(trigger, piece + "\n" if lines else piece, size, end)
    assert _cpu_seconds(text, language) < BOUND_SECONDS, (trigger, piece, end, len(text))


def test_the_reported_email_shape_is_read_in_bounded_time():
    # 'a' * 8000 + '@' + 'b.' * 4000 took 8 s; 90 kB of it took 275 s.
    for size in (8_000, 45_000):
        text = "a" * size + "@" + "b." * (size // 2)
        assert _cpu_seconds(text) < BOUND_SECONDS, size


def _best_of_three(text: str) -> float:
    return min(_cpu_seconds(text, "fr") for _ in range(3))


def test_work_grows_in_proportion_to_the_line_not_its_square():
    # Four times the text: about four times the work if linear, sixteen if quadratic.
    for trigger, piece in [("x@", "a"), ("Quotité ", " "), ("Closing date ", " "),
                           ("Université ", "Aa-"), ("", "a@")]:
        small = _best_of_three(_long_line(trigger, piece, 25_000))
        large = _best_of_three(_long_line(trigger, piece, 100_000))
        assert large < 8 * max(small, 0.005), (trigger, piece, small, large)
