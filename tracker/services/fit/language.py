"""The fit of a language requirement: each language it names against the profile, with the
level written in that language's own clause (« Anglais niveau C1, espagnol B1 »), else the
requirement's level field, else bilingual read as C1, else none; a language said to be a plus
(« espagnol apprécié ») never lowers the judgement, it only adds to the reason. A requirement
about languages in general (« Compétences linguistiques », "foreign languages", a language
requirement naming none) is judged on the profile's foreign languages (not the native ones).
"""

from __future__ import annotations

from tracker.domain.matching import (
    GENERAL_LANGUAGE_PHRASES,
    GENERAL_LANGUAGE_WORDS,
    LANGUAGE_NAMES,
    LANGUAGE_WORDS,
    LanguageClause,
    cefr_in,
    keywords,
    language_clauses,
    languages_in,
    normalise,
    order,
)
from tracker.models import (
    CandidateLanguage,
    CandidateProfile,
    CEFRLevel,
    Requirement,
    RequirementKind,
)
from tracker.services.fit.words import CREDIT, FitStatus, join, say

# The level a requirement saying "bilingual" asks of each language it names.
BILINGUAL_LEVEL = CEFRLevel.C1
# The plain word "langue(s)"/"language(s)" makes a requirement about languages only in a label
# of at most this many key words ("Mastery of several languages"), not in a long skill label.
SHORT_LABEL = 3

Judgement = tuple[FitStatus, str, str]


def is_language(req: Requirement) -> bool:
    """A language requirement, or one of another kind about languages: naming a language with
    a word about languages (« Bilingue français/anglais »), or about languages in general
    (« Compétences linguistiques », "foreign languages", « Langues » in a short label)."""
    if req.kind is RequirementKind.LANGUAGE:
        return True
    plain = normalise(req.label)
    words = set(plain.split())
    if GENERAL_LANGUAGE_WORDS & words or any(p in plain for p in GENERAL_LANGUAGE_PHRASES):
        return True
    return bool(LANGUAGE_WORDS & words) and (
        bool(languages_in(req.label)) or len(keywords(req.label)) <= SHORT_LABEL)


def name_of(code: str, lang: str) -> str:
    return say(lang, "lang_" + code) if code in LANGUAGE_NAMES else code


def judge_language(req: Requirement, profile: CandidateProfile | None, lang: str) -> Judgement:
    clauses = language_clauses(req.label) or [LanguageClause(None)]
    field = cefr_in(req.level)
    named = {c.code for c in clauses if c.code}
    rows = list(profile.languages) if profile else []
    items: list[tuple[FitStatus, str, bool]] = []
    source = "none"
    for clause in clauses:
        asked, note = clause.level or field, ""
        if asked is None and clause.bilingual:
            asked, note = BILINGUAL_LEVEL, say(lang, "bilingual_read", level=BILINGUAL_LEVEL.value)
        if clause.code:
            status, reason, shown = _one(clause.code, asked, rows, lang, note)
        else:
            status, reason, shown = _general(asked, rows, named, lang, note)
        if clause.plus:
            reason = say(lang, "a_plus") + reason
        source = "profile" if shown else source
        items.append((status, reason, clause.plus))
    required = [item for item in items if not item[2]]
    if required:  # the plus languages only add to the reason
        status = min(required, key=lambda j: (CREDIT[j[0]], j[0] is not FitStatus.UNKNOWN))[0]
    else:  # every language a plus: the best of them
        status = max(items, key=lambda j: (CREDIT[j[0]], j[0] is not FitStatus.UNKNOWN))[0]
    return status, join(lang, [item[1] for item in items]), source


def _one(code: str, asked: CEFRLevel | None, rows: list[CandidateLanguage], lang: str,
         note: str) -> tuple[FitStatus, str, bool]:
    name = name_of(code, lang)
    row = next((r for r in rows if r.language.strip().lower() == code), None)
    if row is None:
        return FitStatus.NOT_SHOWN, say(lang, "language_missing", name=name), False
    if row.is_native:
        return FitStatus.MET, say(lang, "language_native", name=name), True
    return (*_level(row, asked, lang, note), True)


def _level(row: CandidateLanguage, asked: CEFRLevel | None, lang: str,
           note: str) -> tuple[FitStatus, str]:
    """A foreign language of the profile against the level asked; `note` says where the level
    asked comes from when it is not written (bilingual)."""
    name = name_of(row.language.strip().lower(), lang)
    if row.level is None:
        return FitStatus.UNKNOWN, say(lang, "language_no_level", name=name)
    if asked is None:
        return FitStatus.MET, say(lang, "language_any", name=name, level=row.level.value)
    if order(row.level) >= order(asked):
        return FitStatus.MET, say(lang, "level_meets", what=name, have=row.level.value,
                                  want=asked.value) + note
    return FitStatus.NOT_SHOWN, say(lang, "level_below", what=name, have=row.level.value,
                                    want=asked.value) + note


def _general(asked: CEFRLevel | None, rows: list[CandidateLanguage], named: set[str],
             lang: str, note: str) -> tuple[FitStatus, str, bool]:
    """Languages in general (or, beside named languages, other ones): met when a foreign
    language of the profile is at the level asked (any level when none is), partly met when
    below, not shown with only native languages, unknown when the profile lists none."""
    prefix = say(lang, "other_languages" if named else "general_languages")
    if not rows:
        return FitStatus.UNKNOWN, prefix + say(lang, "foreign_none"), False
    foreign = [r for r in rows if not r.is_native and r.language.strip().lower() not in named]
    if not foreign:
        if named:
            return FitStatus.NOT_SHOWN, prefix + say(lang, "foreign_no_other"), True
        natives = ", ".join(name_of(r.language.strip().lower(), lang) for r in rows)
        return FitStatus.NOT_SHOWN, prefix + say(lang, "foreign_only_native", names=natives), \
            True
    levelled = [r for r in foreign if r.level is not None]
    best = max(levelled, key=lambda r: order(r.level)) if levelled else foreign[0]
    status, reason = _level(best, asked, lang, note)
    if status is FitStatus.NOT_SHOWN:  # a foreign language, below the level asked
        status = FitStatus.PARTLY_MET
    return status, prefix + reason, True
