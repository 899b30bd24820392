"""The statuses of the fit and the words of its reasons, in English and French."""

from __future__ import annotations

import enum
from typing import Any


class FitStatus(enum.StrEnum):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_SHOWN = "not_shown"
    UNKNOWN = "unknown"
    # nothing given at all (no evidence, answer, rating or matching profile entry): for the
    # panel to assess, and left out of the score rather than counted as failed
    TO_ASSESS = "to_assess"

    @property
    def text(self) -> str:
        return self.value.replace("_", " ")


CREDIT = {FitStatus.MET: 1.0, FitStatus.PARTLY_MET: 0.5, FitStatus.NOT_SHOWN: 0.0,
          FitStatus.UNKNOWN: 0.0, FitStatus.TO_ASSESS: 0.0}
# The statuses the score is computed over: the others are not assessed yet.
ASSESSED = frozenset({FitStatus.MET, FitStatus.PARTLY_MET, FitStatus.NOT_SHOWN})

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "reviewer": "reviewer rated it {rating}/4",
        "overrides": " (overrides the candidate's self-rating {rating}/4)",
        "evidence_rated": "evidence given, self-rated {rating}/4",
        "evidence_unrated": "evidence given, not self-rated",
        "rating_only": "self-rated {rating}/4 without evidence",
        "evidence_also": "evidence given too",
        "nothing": "no evidence and no matching skill in the profile",
        "nothing_language": "no evidence and no level for this language in the profile",
        "nothing_education": "no evidence and no level of study in the profile",
        "bilingual_read": " (bilingual read as {level})",
        "a_plus": "a plus: ",
        "general_languages": "languages in general, judged on the profile's foreign languages: ",
        "other_languages": "other languages: ",
        "foreign_none": "no languages in the profile",
        "foreign_only_native": "only native languages in the profile ({names})",
        "foreign_no_other": "no other foreign language in the profile",
        "language_missing": "{name} not in the profile",
        "language_native": "{name}: native speaker",
        "language_no_level": "{name} in the profile without a CEFR level",
        "language_any": "{name} {level} in the profile (no level asked)",
        "level_meets": "{what} {have} meets the {want} asked",
        "level_below": "{what} {have} is below the {want} asked",
        "education_word": "level of study",
        "education_unread": "the level of study asked cannot be read",
        "skill_full": "profile skill « {skill} » matches ({words})",
        "skill_part": "profile skill « {skill} » partly matches ({words})",
        "weight_from": "; weight from the occupation skill {weight} | {skill}",
        "lang_en": "English", "lang_fr": "French", "lang_es": "Spanish", "lang_de": "German",
        "lang_it": "Italian", "lang_pt": "Portuguese", "lang_ar": "Arabic",
        "lang_zh": "Chinese", "lang_ru": "Russian",
    },
    "fr": {
        "reviewer": "noté {rating}/4 par le jury",
        "overrides": " (remplace l’auto-évaluation {rating}/4)",
        "evidence_rated": "élément apporté, auto-évalué {rating}/4",
        "evidence_unrated": "élément apporté, sans auto-évaluation",
        "rating_only": "auto-évalué {rating}/4 sans élément",
        "evidence_also": "élément apporté aussi",
        "nothing": "ni élément apporté, ni compétence correspondante dans le profil",
        "nothing_language": "ni élément apporté, ni niveau pour cette langue dans le profil",
        "nothing_education": "ni élément apporté, ni niveau d’études dans le profil",
        "bilingual_read": " (bilingue, lu comme {level})",
        "a_plus": "un atout : ",
        "general_languages": "langues en général, jugées sur les langues étrangères du profil : ",
        "other_languages": "autres langues : ",
        "foreign_none": "aucune langue dans le profil",
        "foreign_only_native": "seulement des langues maternelles dans le profil ({names})",
        "foreign_no_other": "aucune autre langue étrangère dans le profil",
        "language_missing": "{name} absent du profil",
        "language_native": "{name} : langue maternelle",
        "language_no_level": "{name} dans le profil sans niveau CECRL",
        "language_any": "{name} {level} dans le profil (aucun niveau demandé)",
        "level_meets": "{what} {have} : atteint le niveau {want} demandé",
        "level_below": "{what} {have} : en dessous du niveau {want} demandé",
        "education_word": "niveau d’études",
        "education_unread": "le niveau d’études demandé n’est pas lisible",
        "skill_full": "compétence du profil « {skill} » correspondante ({words})",
        "skill_part": "compétence du profil « {skill} » en partie correspondante ({words})",
        "weight_from": " ; poids de la compétence du métier {weight} | {skill}",
        "lang_en": "Anglais", "lang_fr": "Français", "lang_es": "Espagnol", "lang_de": "Allemand",
        "lang_it": "Italien", "lang_pt": "Portugais", "lang_ar": "Arabe",
        "lang_zh": "Chinois", "lang_ru": "Russe",
    },
}
STATUS_WORDS = {
    "en": {"met": "met", "partly_met": "partly met", "not_shown": "not shown",
           "unknown": "unknown", "to_assess": "to assess"},
    "fr": {"met": "atteint", "partly_met": "en partie", "not_shown": "non démontré",
           "unknown": "inconnu", "to_assess": "à évaluer"},
}


COVERAGE = {
    "en": "{score}/100 over {assessed} of {total} requirements",
    "fr": "{score}/100 sur {assessed} des {total} exigences",
}
NONE_ASSESSED = {
    "en": "to assess (none of {total} requirements)",
    "fr": "à évaluer (aucune des {total} exigences)",
}


def coverage_text(lang: str, score: str, assessed: int, total: int) -> str:
    """The score with its coverage: "68/100 over 12 of 37 requirements"; "to assess" when
    nothing was assessed."""
    if not assessed:
        return NONE_ASSESSED.get(lang, NONE_ASSESSED["en"]).format(total=total)
    return COVERAGE.get(lang, COVERAGE["en"]).format(score=score, assessed=assessed, total=total)


def say(lang: str, key: str, **values: Any) -> str:
    words = WORDS.get(lang, WORDS["en"])
    return words[key].format(**values)


def join(lang: str, parts: list[str]) -> str:
    """The parts of a reason in one line: "a; b" in English, « a ; b » in French (a space
    before the semicolon, as French typography has it)."""
    return (" ; " if lang == "fr" else "; ").join(parts)
