"""Comparing short texts people write (skills, requirement labels) and reading levels in them.

Texts are normalised (accents removed, case folded), cut into key words (stop words dropped),
and each word is reduced to its French and English Snowball stems; two words match when a stem
of one equals, or is a prefix of at least five letters of, a stem of the other
("budgétaire" ~ "Budgétisation", "projets" ~ "projet").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from tracker.models import CEFRLevel, EducationLevel

_FR = snowballstemmer.stemmer("french")
_EN = snowballstemmer.stemmer("english")
_STOP_TEXT = """
a au aux avec ce ces dans de des du en et la le les leur leurs ou par pour sa sans se ses son sur
un une d l qu que qui ainsi dont est etre avoir tres bonne bon bien autre autres atout
capacite capacites savoir maitriser maitrise connaissance connaissances competence competences
sens avere averee interet souhaitee souhaite preference niveau minimum experience
the of and or to in for with on an as at by from his her their its ability skills skill good
knowledge strong mastery several
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")
_CEFR = re.compile(r"\b([abc][12])\b")
_EDUCATION = re.compile(r"\bbac\s*\+?\s*(\d)\b")
_EDUCATION_WORDS = {"master": EducationLevel.BAC5, "licence": EducationLevel.BAC3,
                    "bachelor": EducationLevel.BAC3, "doctorat": EducationLevel.BAC8,
                    "phd": EducationLevel.BAC8, "bts": EducationLevel.BAC2,
                    "dut": EducationLevel.BAC2, "baccalaureat": EducationLevel.BAC}
_LANGUAGES = {
    "en": ("anglais", "english"), "fr": ("francais", "french"), "es": ("espagnol", "spanish"),
    "de": ("allemand", "german"), "it": ("italien", "italian"), "pt": ("portugais", "portuguese"),
    "ar": ("arabe", "arabic"), "zh": ("chinois", "chinese"), "ru": ("russe", "russian"),
}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German",
                  "it": "Italian", "pt": "Portuguese", "ar": "Arabic", "zh": "Chinese",
                  "ru": "Russian"}


def normalise(text: str) -> str:
    """Lower case, accents removed, everything but letters and digits turned into spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_WORD.findall(plain))


@lru_cache(maxsize=4096)
def keywords(text: str) -> tuple[frozenset[str], ...]:
    """The key words of `text`, each as the set of its stems."""
    words = [w for w in normalise(text).split() if len(w) > 2 and w not in STOP_WORDS]
    return tuple(frozenset({_FR.stemWord(w), _EN.stemWord(w), w}) for w in dict.fromkeys(words))


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    for x in a:
        for y in b:
            if x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x))):
                return True
    return False


def coverage(phrase: str, text: str) -> tuple[float, float, list[str]]:
    """How the key words of `phrase` (a skill) are found in `text` (a requirement): the share of
    the phrase's key words found, the overlap of both (Dice: 2 x shared / (words of phrase +
    words of text)), and the words found."""
    wanted, found = keywords(phrase), keywords(text)
    if not wanted or not found:
        return 0.0, 0.0, []
    words = [w for w in normalise(phrase).split() if len(w) > 2 and w not in STOP_WORDS]
    words = list(dict.fromkeys(words))
    hits = [words[i] for i, stems in enumerate(wanted) if any(_same(stems, o) for o in found)]
    return len(hits) / len(wanted), 2 * len(hits) / (len(wanted) + len(found)), hits


def cefr_in(text: str | None) -> CEFRLevel | None:
    """The CEFR level written in a text ('B2 minimum', 'niveau C1'), if any."""
    if not text:
        return None
    match = _CEFR.search(normalise(text))
    return CEFRLevel(match[1].upper()) if match else None


def education_in(text: str | None) -> EducationLevel | None:
    """The level of study written in a text ('Bac + 5', 'Bac+3', 'master'), if any."""
    if not text:
        return None
    plain = normalise(text).replace(" ", "")
    if match := _EDUCATION.search(normalise(text)) or re.search(r"bac(\d)", plain):
        try:
            return EducationLevel(f"bac+{match[1]}")
        except ValueError:
            return None
    for word in normalise(text).split():
        if word in _EDUCATION_WORDS:
            return _EDUCATION_WORDS[word]
    return None


def languages_in(text: str) -> list[str]:
    """The languages (ISO 639-1 codes) a text names, in the order it names them."""
    words = normalise(text).split()
    found = []
    for word in words:
        for code, names in _LANGUAGES.items():
            if word in names and code not in found:
                found.append(code)
    return found


def order(level: CEFRLevel | EducationLevel) -> int:
    """The rank of a level in its scale (the enums list their members in order)."""
    return list(type(level)).index(level)
