"""The printed documents speak their reader's language only: the application dossier, the
panel's dossier and the posting sheet, read back from the PDFs, hold no stored value
(fixed_term, under_review, technical_skill) and no word of the other language, apart from what
people wrote themselves (the demo's posting, answers and profile are French)."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import SAMPLES, Clock
from tests.pdf.conftest import NOW, text_of
from tracker.domain.access import OPERATOR
from tracker.i18n import ENUM_PREFIXES, LABELS_EN, label
from tracker.models import enums
from tracker.services.dossiers import render as dossiers


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


# What people wrote: the posting, the candidates' answers, profiles and letters, the uploads
# (tests.pdf.conftest's CV and letter). Any words there may print in either language.
_DEMO = yaml.safe_load((SAMPLES / "demo.yaml").read_text(encoding="utf-8"))
WRITTEN = " ".join(" ".join(_strings(yaml.safe_load((SAMPLES / name).read_text(
    encoding="utf-8")))) for name in ("demo.yaml", _DEMO["posting_file"]))
WRITTEN += " CURRICULUM VITAE LETTRE DE MOTIVATION signée"

# Each enum value the documents label, as stored: none may print.
STORED = sorted({member.value for name in ENUM_PREFIXES for member in getattr(enums, name)
                 if "_" in member.value})

# Common English words that no French page needs (and the labels of the catalog below).
ENGLISH = ["the", "your", "has", "been", "interview", "Interview", "deadline", "application",
           "Application", "position", "reminder", "click", "Requirement", "evidence", "required",
           "preferred", "submitted", "Submitted", "Under review", "to assess", "met", "Panel",
           "Generated", "Appendix", "Contents", "provided", "missing", "page of", "yes", "no"]
# French words that no English page needs (not "le", "de": the posting is full of them).
FRENCH = ["votre", "candidature", "Entretien", "Date limite", "Exigences", "fourni", "fournie",
          "manquante", "à évaluer", "atteint", "Annexe", "Sommaire", "Candidat·e", "jury",
          "établi", "oui"]

# The history comment scheduling writes ("interview on 2024-05-22 10:00 (Europe/Paris)"): the
# dossiers print it as stored, see test_a_scheduled_interview_in_the_history_is_in_french.
MOVE_COMMENT = re.compile(r"interview on \d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})? \(\S+\)")


def _words_of(lang: str) -> list[str]:
    """The labels of the catalog that differ between the languages, in `lang`, but for
    those that are also words of the other language's labels (Document, Service, Contrat)."""
    other = "en" if lang == "fr" else "fr"
    pairs = [(label(key, lang), label(key, other)) for key in LABELS_EN]
    theirs = " ".join(words for _mine, words in pairs)
    return [mine for mine, words in pairs
            if mine != words and not re.search(rf"(?<!\w){re.escape(mine)}(?!\w)", theirs)]


def _found(words: list[str], text: str) -> list[str]:
    """The words of `words` in `text` (whole words, case as given) not written by people."""
    return sorted({w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)
                   and not re.search(rf"(?<!\w){re.escape(w)}(?!\w)", WRITTEN)})


def _documents(session, demo, lang: str,
               names: tuple[str, ...] = ("application", "panel", "posting")) -> dict[str, str]:
    """The text of each printed document of the demo in `lang`."""
    clock, reference = Clock(NOW), "UJM-DRI-2024-CCI"
    make = {
        "application": lambda: dossiers.application_dossier(
            session, demo["camille"].id, lang=lang, clock=clock, actor=OPERATOR),
        "panel": lambda: dossiers.panel_dossier(session, reference, lang=lang, clock=clock,
                                                actor=OPERATOR),
        "posting": lambda: dossiers.posting_sheet(session, reference, lang=lang, clock=clock,
                                                  actor=OPERATOR),
    }
    return {name: text_of(make[name]().content) for name in names}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_dossiers_speak_one_language(session, demo, lang):
    foreign = (ENGLISH + _words_of("en")) if lang == "fr" else (FRENCH + _words_of("fr"))
    for name, text in _documents(session, demo, lang).items():
        assert len(text) > 1000, name  # the text was read back
        stored = [value for value in STORED if re.search(rf"\b{value}\b", text)]
        assert stored == [], (name, stored)
        assert _found(foreign, MOVE_COMMENT.sub("", text)) == [], name
        # and the document's own words are there, in its language
        assert label("generated", lang) in text, name


def test_a_scheduled_interview_in_the_history_is_in_french(session, demo):
    found = _documents(session, demo, "fr", ("application", "panel"))
    text, panel = (" ".join(found[name].split()) for name in ("application", "panel"))
    assert not MOVE_COMMENT.search(text)
    assert "Entretien le " in text
    # a document asked for is named once, and the panel reads languages by their names
    for shown in (text, panel):
        assert "Lettre de motivation (Lettre de motivation)" not in shown
        assert "CV (CV)" not in shown
    assert "français langue maternelle" in panel and "FR langue" not in panel
