"""How well an application meets its posting's requirements, line by line, with the reason.

Each requirement is met, partly met, not shown, unknown or to assess, judged in this order:
1. the reviewer's rating, when there is one (3-4 met, 2 partly met, 1 not shown); it overrides
   the candidate's self-rating;
2. for a language: the candidate's CEFR level against the level asked (B2 meets "B2 minimum",
   B1 does not; a native speaker meets any level), language by language (see fit_language:
   bilingual is read as C1, a language marked as a plus never lowers the judgement, languages
   in general are judged on the profile's foreign languages); for education: the profile's
   level of study against the level asked (Bac+5 meets "Bac+5", Bac+3 does not). The profile
   decides where it states the level; the evidence is used where it does not;
3. otherwise the better of the candidate's evidence (self-rated 3-4 met, else partly met) and the
   profile's skills matched to the requirement's words (all key words of a skill found: met;
   at least half: partly met).
A requirement with nothing at all to judge it on (no rating, no evidence or self-rating, no
matching profile entry) is "to assess": the panel has not seen anything yet, so it is neither
failed nor passed.

Weights: a required requirement weighs REQUIRED_FACTOR, a preferred one PREFERRED_FACTOR, times
the occupation skill's weight / 100 where the requirement was started from a weighted skill.
Points are the weight times the credit of the status (1, 0.5, 0); the score is the points over
the weight of the ASSESSED lines (met, partly met, not shown), 0 to 100, and it is always shown
with its coverage: how many of the requirements were assessed ("68/100 over 12 of 37
requirements"). Unknown and to-assess lines are left out of the score and counted as not
assessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from tracker.domain.access import Actor, can_manage
from tracker.domain.errors import PermissionDenied
from tracker.domain.matching import coverage, education_in, order
from tracker.i18n import education_label
from tracker.models import (
    Application,
    CandidateProfile,
    Posting,
    Requirement,
    RequirementEvidence,
    RequirementKind,
    User,
)
from tracker.services.fit import stored
from tracker.services.fit.language import is_language, judge_language
from tracker.services.fit.words import ASSESSED, CREDIT, FitStatus, coverage_text, join, say

__all__ = ["CREDIT", "Fit", "FitLine", "FitStatus", "FitSummary", "application_fit",
           "fit_scores", "fit_summaries",
           "is_language", "missing_evidence", "requirement_weight", "unanswered"]

REQUIRED_FACTOR = 2.0
PREFERRED_FACTOR = 1.0
# A profile skill meets a requirement when all its key words are in the requirement and they
# make at least OVERLAP of both texts' key words; it partly meets it when one of the two holds.
OVERLAP = 0.5


@dataclass(frozen=True)
class FitLine:
    requirement_id: int
    kind: str  # RequirementKind value
    label: str
    level: str | None
    required: bool
    status: FitStatus
    weight: float
    points: float
    reason: str
    source: str  # reviewer, profile, evidence, none
    occupation_skill: str | None = None  # e.g. "95 | Gestion de projet"

    def as_dict(self) -> dict[str, Any]:
        return {"requirement_id": self.requirement_id, "kind": self.kind, "label": self.label,
                "level": self.level, "required": self.required, "status": self.status.value,
                "weight": self.weight, "points": self.points, "reason": self.reason,
                "source": self.source, "occupation_skill": self.occupation_skill}


@dataclass(frozen=True)
class Fit:
    application_id: int
    posting_reference: str
    candidate_name: str
    lines: list[FitLine] = field(default_factory=list)
    points: float = 0.0
    max_points: float = 0.0
    score: float = 0.0  # 0-100, one decimal, over the assessed lines only
    assessed: int = 0  # lines met, partly met or not shown
    total: int = 0  # every requirement of the posting

    @property
    def counts(self) -> dict[str, int]:
        return {s.value: sum(1 for line in self.lines if line.status is s) for s in FitStatus}

    def coverage_text(self, lang: str = "en") -> str:
        """"68/100 over 12 of 37 requirements" (fr « 68/100 sur 12 des 37 exigences »)."""
        return coverage_text(lang, _number(self.score, lang), self.assessed, self.total)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {"application_id": self.application_id, "posting": self.posting_reference,
                "candidate": self.candidate_name, "score": self.score, "points": self.points,
                "max_points": self.max_points, "assessed": self.assessed,
                "requirements": self.total, "coverage": self.coverage_text(lang),
                "counts": self.counts, "lines": [line.as_dict() for line in self.lines]}


@dataclass(frozen=True)
class FitSummary:
    """The score of an application with its coverage, for lists."""

    score: float
    assessed: int
    total: int

    def text(self, lang: str = "en") -> str:
        return coverage_text(lang, _number(self.score, lang), self.assessed, self.total)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {"score": self.score, "assessed": self.assessed, "requirements": self.total,
                "coverage": self.text(lang)}


def _number(score: float, lang: str) -> str:
    """68.0 -> "68", 62.5 -> "62.5" (fr "62,5")."""
    text = f"{score:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "fr" else text


def application_fit(session: Session, application: Application, *, lang: str = "en",
                    actor: Actor) -> Fit:
    """The fit of one application: a line per requirement of its posting, and the score.
    It weighs the reviewer's ratings, so only the employer side (`actor` managing the posting;
    None: the operator) may read it."""
    if not can_manage(actor, application.posting):
        raise PermissionDenied("application", "only the posting's employer side reads the fit")
    return _fit(application, _evidence_of(session, [application.id])[application.id], lang)


def _evidence_of(session: Session, ids: list[int]) -> dict[int, dict[int, RequirementEvidence]]:
    """The evidence rows of these applications as stored now, by application and requirement."""
    found: dict[int, dict[int, RequirementEvidence]] = {i: {} for i in ids}
    session.flush()
    for row in session.scalars(sa.select(RequirementEvidence).where(
            RequirementEvidence.application_id.in_(ids))):
        found[row.application_id][row.requirement_id] = row
    return found


def _fit(application: Application, evidence: dict[int, RequirementEvidence], lang: str) -> Fit:
    candidate: User | None = application.candidate  # none: recorded by the employer
    posting: Posting = application.posting
    profile = candidate.profile if candidate is not None else None
    lines = [_line(req, evidence.get(req.id), profile, lang)
             for req in posting.requirements]
    assessed = [line for line in lines if line.status in ASSESSED]
    total = sum(line.weight for line in assessed)
    points = sum(line.points for line in assessed)
    return Fit(
        application_id=application.id, posting_reference=posting.reference,
        candidate_name=application.person_name, lines=lines, points=round(points, 2),
        max_points=round(total, 2), score=round(100 * points / total, 1) if total else 0.0,
        assessed=len(assessed), total=len(lines),
    )


def fit_scores(session: Session, application_ids: list[int] | set[int]) -> dict[int, float]:
    """The score (0-100) of each application named that exists, in a few statements."""
    return {i: s.score for i, s in fit_summaries(session, application_ids).items()}


def fit_summaries(session: Session,
                  application_ids: list[int] | set[int]) -> dict[int, FitSummary]:
    """The score of each application named that exists, with its coverage: the stored score
    where its inputs have not changed since it was computed (tracker.models.upkeep marks it
    stale when they do), else computed now from the rows and stored (services.fit.stored)."""
    ids = list(dict.fromkeys(application_ids))
    if not ids:
        return {}
    session.flush()  # pending changes mark their scores stale first
    kept, generations = stored.read(session, ids)
    found = {i: FitSummary(*score) for i, score in kept.items()}
    stale = [i for i in ids if i not in found]
    if stale:
        computed = computed_summaries(session, stale)
        stored.store(session, {i: (s.score, s.assessed, s.total) for i, s in computed.items()},
                     generations)
        found.update(computed)
    return found


def computed_summaries(session: Session, ids: list[int]) -> dict[int, FitSummary]:
    """The fit of these applications worked out from their rows, in a few statements."""
    found = list(session.scalars(
        sa.select(Application).where(Application.id.in_(ids)).options(
            selectinload(Application.posting).selectinload(Posting.requirements)
            .selectinload(Requirement.occupation_skill),
            selectinload(Application.candidate).selectinload(User.profile).options(
                selectinload(CandidateProfile.skills), selectinload(CandidateProfile.languages)),
        )
    ))
    evidence = _evidence_of(session, [a.id for a in found])
    fits = {a.id: _fit(a, evidence[a.id], "en") for a in found}
    return {i: FitSummary(f.score, f.assessed, f.total) for i, f in fits.items()}


def requirement_weight(requirement: Requirement) -> float:
    factor = REQUIRED_FACTOR if requirement.is_required else PREFERRED_FACTOR
    skill = requirement.occupation_skill
    if skill is not None and skill.weight is not None:
        return round(factor * skill.weight / 100, 2)
    return factor


def _line(req: Requirement, given: RequirementEvidence | None,
          profile: CandidateProfile | None, lang: str) -> FitLine:
    status, reason, source = _judge(req, given, profile, lang)
    weight = requirement_weight(req)
    skill = req.occupation_skill
    if skill is not None and skill.weight is not None:
        reason += say(lang, "weight_from", weight=skill.weight, skill=skill.label)
    return FitLine(
        requirement_id=req.id, kind=req.kind.value, label=req.label, level=req.level,
        required=req.is_required, status=status, weight=weight,
        points=round(weight * CREDIT[status], 2), reason=reason, source=source,
        occupation_skill=skill.display if skill is not None else None,
    )


Judgement = tuple[FitStatus, str, str]


def _judge(req: Requirement, given: RequirementEvidence | None,
           profile: CandidateProfile | None, lang: str) -> Judgement:
    if given is not None and given.reviewer_rating is not None:
        return _reviewer(given, lang)
    from_evidence = _evidence(given, lang)
    if req.kind is RequirementKind.EDUCATION or is_language(req):
        check = _education if req.kind is RequirementKind.EDUCATION else judge_language
        # a profile listing no language says nothing about this one: nothing to judge it on
        states = check is _education or bool(profile is not None and profile.languages)
        from_profile = check(req, profile, lang) if states else None
        # The profile decides where it states a level; where it is silent, the evidence does.
        if from_profile is not None and from_profile[2] == "profile" and (
                from_profile[0] is not FitStatus.UNKNOWN):
            status, reason, source = from_profile
            if from_evidence is not None:
                reason = join(lang, [reason, say(lang, "evidence_also")])
            return status, reason, source
        if from_evidence is not None:
            return from_evidence
        if from_profile is not None:
            return from_profile
        silent = "nothing_education" if check is _education else "nothing_language"
        return FitStatus.TO_ASSESS, say(lang, silent), "none"
    from_profile = _skills(req, profile, lang)
    options = [j for j in (from_evidence, from_profile) if j is not None]
    if not options:
        return FitStatus.TO_ASSESS, say(lang, "nothing"), "none"
    best = max(options, key=lambda j: CREDIT[j[0]])
    others = [j[1] for j in options if j is not best]
    return best[0], join(lang, [best[1], *others]), best[2]


def _reviewer(given: RequirementEvidence, lang: str) -> Judgement:
    rating = given.reviewer_rating
    status = (FitStatus.MET if rating >= 3 else FitStatus.PARTLY_MET if rating == 2
              else FitStatus.NOT_SHOWN)
    reason = say(lang, "reviewer", rating=rating)
    if given.self_rating is not None and given.self_rating != rating:
        reason += say(lang, "overrides", rating=given.self_rating)
    return status, reason, "reviewer"


def _evidence(given: RequirementEvidence | None, lang: str) -> Judgement | None:
    if given is None or (not given.evidence and given.self_rating is None):
        return None
    if not given.evidence:
        return FitStatus.UNKNOWN, say(lang, "rating_only", rating=given.self_rating), "evidence"
    if given.self_rating is None:
        return FitStatus.PARTLY_MET, say(lang, "evidence_unrated"), "evidence"
    status = FitStatus.MET if given.self_rating >= 3 else FitStatus.PARTLY_MET
    return status, say(lang, "evidence_rated", rating=given.self_rating), "evidence"


def _education(req: Requirement, profile: CandidateProfile | None,
               lang: str) -> Judgement | None:
    asked = education_in(req.level) or education_in(req.label)
    if asked is None:
        return FitStatus.UNKNOWN, say(lang, "education_unread"), "none"
    have = profile.education_level if profile else None
    if have is None:
        return None
    word = say(lang, "education_word")
    if order(have) >= order(asked):
        return FitStatus.MET, say(lang, "level_meets", what=word, have=education_label(have, lang),
                                  want=education_label(asked, lang)), "profile"
    return FitStatus.NOT_SHOWN, say(lang, "level_below", what=word, have=education_label(have, lang),
                                    want=education_label(asked, lang)), "profile"


def _skills(req: Requirement, profile: CandidateProfile | None, lang: str) -> Judgement | None:
    if profile is None or not profile.skills:
        return None
    best: tuple[int, float, str, list[str]] = (0, 0.0, "", [])
    for skill in profile.skills:
        share, overlap, words = coverage(skill.label, req.label)
        grade = (share == 1.0) + (overlap >= OVERLAP)
        if (grade, overlap) > best[:2]:
            best = (grade, overlap, skill.label, words)
    grade, _overlap, label, words = best
    if grade == 2:
        return FitStatus.MET, say(lang, "skill_full", skill=label, words=", ".join(words)), \
            "profile"
    if grade == 1:
        return FitStatus.PARTLY_MET, say(lang, "skill_part", skill=label,
                                         words=", ".join(words)), "profile"
    return None


@dataclass(frozen=True)
class MissingEvidence:
    """A required requirement the candidate has not answered yet."""

    requirement_id: int
    kind: str
    label: str
    level: str | None


def shows_evidence(text: str | None) -> bool:
    """The one rule of what counts as an answer to a requirement: some evidence text."""
    return bool(text and text.strip())


def unanswered(posting: Posting, answered: set[int]) -> list[MissingEvidence]:
    """The required requirements of `posting` not among the `answered` requirement ids."""
    return [
        MissingEvidence(req.id, req.kind.value, req.label, req.level)
        for req in posting.requirements
        if req.is_required and req.id not in answered
    ]


def missing_evidence(session: Session, application: Application) -> list[MissingEvidence]:
    """The required requirements of the application's posting without evidence from the
    candidate: what they still have to show before the deadline."""
    answered = {requirement_id for requirement_id, row in
                _evidence_of(session, [application.id])[application.id].items()
                if shows_evidence(row.evidence)}
    return unanswered(application.posting, answered)
