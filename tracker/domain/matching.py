"""Comparing short texts people write (skills, requirement labels) and reading levels in them.

Texts are normalised (accents removed, case folded), cut into key words (stop words dropped),
and each word is reduced to its French and English Snowball stems; two words match when a stem
of one equals, or is a prefix of at least five letters of, a stem of the other
("budgétaire" ~ "Budgétisation", "projets" ~ "projet"). Generic words ("gestion",
"management", "suivi", ...) count only beside a distinctive word: "Gestion de projet" does not
match "Gestion du stress" on "gestion" alone.

The Snowball stemmers are loaded on first use: importing snowballstemmer loads every language
it has, which the start of a command that never compares texts should not pay for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tracker.models import CEFRLevel, EducationLevel

_STOP_TEXT = """
a au aux avec ce ces dans de des du en et la le les leur leurs ou par pour sa sans se ses son sur
un une d l qu que qui ainsi dont est etre avoir tres bonne bon bien autre autres atout
capacite capacites savoir maitriser maitrise connaissance connaissances competence competences
sens avere averee interet souhaitee souhaite preference niveau minimum experience
the of and or to in for with on an as at by from his her their its ability skills skill good
knowledge strong mastery several
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
# Words too general to tell two skills apart on their own ("Gestion de projet" / "Gestion du
# stress"): a match needs at least one word that is not among them. Normalised (no accents).
_GENERIC_TEXT = """
gestion gerer management manage managing manager suivi suivre pilotage piloter organisation
organiser organization organize administration administrer mise oeuvre travail travailler work
working technique techniques technical outil outils tool tools methode methodes method methods
pratique pratiques practice practices relation relations relationnel relationnelles general
generale generales professionnel professionnelle professional developpement development
developper develop conduite conduire analyse analyser analysis service services support
"""
GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")
_CEFR = re.compile(r"\b([abc][12])\b")
_EDUCATION = re.compile(r"\bbac\s*\+?\s*(\d)\b")
_EDUCATION_PHRASES = re.compile(r"\b(master|mastere) ?([12])\b")
_EDUCATION_WORDS = {"master": EducationLevel.BAC5, "mastere": EducationLevel.BAC5,
                    "m2": EducationLevel.BAC5, "maitrise": EducationLevel.BAC4,
                    "m1": EducationLevel.BAC4, "licence": EducationLevel.BAC3,
                    "bachelor": EducationLevel.BAC3, "doctorat": EducationLevel.BAC8,
                    "doctorate": EducationLevel.BAC8, "phd": EducationLevel.BAC8,
                    "bts": EducationLevel.BAC2, "dut": EducationLevel.BAC2,
                    "deug": EducationLevel.BAC2, "baccalaureat": EducationLevel.BAC,
                    "bac": EducationLevel.BAC, "cap": EducationLevel.CAP_BEP,
                    "bep": EducationLevel.CAP_BEP}
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
    french, english = _stemmers()
    return tuple(frozenset({french.stemWord(w), english.stemWord(w), w})
                 for w in dict.fromkeys(words))


@lru_cache(maxsize=1)
def _stemmers() -> tuple[Any, Any]:
    """The French and English Snowball stemmers, loaded on first use (see the module's doc)."""
    import snowballstemmer

    return snowballstemmer.stemmer("french"), snowballstemmer.stemmer("english")


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
    if all(word in GENERIC_WORDS for word in hits):  # "gestion" alone says nothing
        return 0.0, 0.0, []
    return len(hits) / len(wanted), 2 * len(hits) / (len(wanted) + len(found)), hits


def cefr_in(text: str | None) -> CEFRLevel | None:
    """The CEFR level written in a text ('B2 minimum', 'niveau C1'), if any."""
    if not text:
        return None
    match = _CEFR.search(normalise(text))
    return CEFRLevel(match[1].upper()) if match else None


def education_in(text: str | None) -> EducationLevel | None:
    """The level of study written in a text ('Bac + 5', 'Bac+3', 'master', 'Master 1',
    'maîtrise'), if any. The stored values read too ('bac+4', 'cap_bep')."""
    if not text:
        return None
    plain = normalise(text).replace(" ", "")
    if match := _EDUCATION.search(normalise(text)) or re.search(r"bac(\d)", plain):
        try:
            return EducationLevel(f"bac+{match[1]}")
        except ValueError:
            return None
    if match := _EDUCATION_PHRASES.search(normalise(text)):
        return EducationLevel.BAC4 if match[2] == "1" else EducationLevel.BAC5
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


# Words that make a requirement about languages in general, anywhere in its label; the plain
# word "langue(s)"/"language(s)" only does in a short label (see fit_language.is_language).
GENERAL_LANGUAGE_WORDS = frozenset({
    "linguistique", "linguistiques", "linguistic", "multilingue", "multilingues", "plurilingue",
    "plurilingues", "multilingual", "bilingue", "bilingues", "bilingual"})
GENERAL_LANGUAGE_PHRASES = ("langue etrangere", "langues etrangeres", "foreign language",
                            "langue vivante", "langues vivantes")
LANGUAGE_WORDS = frozenset({"langue", "langues", "language", "languages"})
_BILINGUAL = frozenset({"bilingue", "bilingues", "bilingual"})
# A clause saying its language is a plus, not a requirement ("espagnol apprécié").
_PLUS = re.compile(
    r"\b(apprecie(e)?s?|souhaite(e)?s?|(un|a) atout|atouts?|(un|a) plus|desirable|preferred|"
    r"an? asset|an? advantage|advantageous|bienvenue?s?|facultati(f|ve)s?|optionnel(le)?s?|"
    r"nice to have)\b")
_NOT_PLUS = re.compile(r"\bniveau (apprecie|souhaite)e?s?\b|\b(desirable|preferred) level\b")
_MAJOR = re.compile(r"[,;\n]|\.(?:\s|$)")
_MINOR = re.compile(r"/|&|\bet\b|\band\b")


@dataclass
class LanguageClause:
    """What a requirement asks of one language (`code`), or of languages in general (`code`
    None): the CEFR level written in its clause, whether it is only a plus, and whether its
    part of the text says bilingual."""

    code: str | None
    level: CEFRLevel | None = None
    plus: bool = False
    bilingual: bool = False


def language_clauses(text: str) -> list[LanguageClause]:
    """The languages a requirement's text asks for, each with the level and plus of its own
    clause. The text is cut at commas, semicolons and full stops, and each part at "/", "&",
    "et", "and"; a clause naming no language gives its level or plus to the language before it
    (« Anglais courant, B2 minimum »); a part saying bilingual marks the languages it names."""
    found: list[LanguageClause] = []
    last: list[LanguageClause] = []
    pending: tuple[CEFRLevel | None, bool] | None = None
    bilingual_alone = False  # a part says bilingual but names no language
    for major in _MAJOR.split(text):
        plain_major = normalise(major)
        bilingual = bool(_BILINGUAL & set(plain_major.split()))
        bilingual_alone |= bilingual and not languages_in(plain_major)
        for minor in _MINOR.split(plain_major):
            words = set(minor.split())
            if not words:
                continue
            level = cefr_in(minor)
            plus = bool(_PLUS.search(_NOT_PLUS.sub(" ", minor)))
            codes = [c for c in languages_in(minor) if all(c != f.code for f in found)]
            general = not codes and bool(
                (LANGUAGE_WORDS | GENERAL_LANGUAGE_WORDS) - _BILINGUAL & words
                or any(p in minor for p in GENERAL_LANGUAGE_PHRASES))
            if codes or general:
                last = [LanguageClause(code, level, plus, bilingual)
                        for code in (codes or [None])]
                if pending:
                    for clause in last:
                        clause.level = clause.level or pending[0]
                        clause.plus = clause.plus or pending[1]
                    pending = None
                found += last
            elif level or plus:
                if not last:
                    pending = (level, plus)
                for clause in last:
                    clause.level = clause.level or level
                    clause.plus = clause.plus or plus
    if bilingual_alone:
        named = [clause for clause in found if clause.code] or found
        if not named:  # « Bilingue » alone: a foreign language at the bilingual level
            named = found = [LanguageClause(None, *(pending or (None, False)))]
        for clause in named:
            clause.bilingual = True
    return found
