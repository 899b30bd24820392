"""Reference data at work: look up occupations and certifications, describe them as plain data,
and propose an occupation's skills as a posting's requirements (hr edits them before saving)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain.errors import DomainError, NotFound
from tracker.domain.matching import coverage
from tracker.domain.timeutil import iso
from tracker.models import (
    Certification,
    Occupation,
    OccupationSkill,
    Posting,
    RequirementKind,
    SkillKind,
)

# A weighted skill at or above this weight is proposed as required, below it as preferred.
REQUIRED_FROM_WEIGHT = 90
# Which requirement kind each kind of occupation skill becomes.
REQUIREMENT_KIND = {
    SkillKind.HARD: RequirementKind.TECHNICAL_SKILL,
    SkillKind.KNOW_HOW: RequirementKind.KNOW_HOW,
    SkillKind.SOFT: RequirementKind.SOFT_SKILL,
    SkillKind.TOOL: RequirementKind.TECHNICAL_SKILL,
}
# When two skills of an occupation share a label, a posting's requirement names this kind first.
_KIND_PREFERENCE = [SkillKind.HARD, SkillKind.KNOW_HOW, SkillKind.SOFT, SkillKind.TOOL]


def get_occupation(session: Session, slug: str, field: str = "occupation") -> Occupation:
    occupation = session.scalar(sa.select(Occupation).where(Occupation.slug == slug.strip()))
    if occupation is None:
        raise NotFound(field, "no occupation %(slug)r (tracker reference list shows them; tracker reference load loads them)",
                       slug=slug)
    return occupation


def get_certification(session: Session, code: str, field: str = "certification") -> Certification:
    certification = session.scalar(
        sa.select(Certification).where(Certification.code == code.strip().upper()))
    if certification is None:
        raise NotFound(field, "no certification %(code)r (tracker reference list shows them; tracker reference load loads them)",
                       code=code)
    return certification


def find_reference(session: Session, key: str, field: str = "reference") -> Occupation | Certification:
    """An occupation by slug or a certification by code (e.g. RNCP39853)."""
    if key.strip().upper().startswith("RNCP"):
        return get_certification(session, key, field)
    return get_occupation(session, key, field)


def skill_of(occupation: Occupation, label: str, field: str) -> OccupationSkill:
    """The skill of `occupation` called `label` (case and spacing ignored)."""
    wanted = " ".join(label.split()).casefold()
    found = [s for s in occupation.skills if " ".join(s.label.split()).casefold() == wanted]
    if not found:
        raise DomainError(field, "occupation %(slug)s has no skill %(label)r",
                          slug=occupation.slug, label=label)
    return min(found, key=lambda s: _KIND_PREFERENCE.index(s.kind))


def list_references(session: Session) -> list[dict[str, Any]]:
    """Every occupation then every certification, one summary each."""
    rows: list[dict[str, Any]] = []
    for occupation in session.scalars(sa.select(Occupation).order_by(Occupation.slug)):
        rows.append({
            "kind": "occupation", "key": occupation.slug, "title": occupation.title,
            "language": occupation.language, "source": occupation.source,
            "skills": sum(1 for s in occupation.skills if s.kind is not SkillKind.TOOL),
            "salaries": len(occupation.salaries),
        })
    for cert in session.scalars(sa.select(Certification).order_by(Certification.code)):
        rows.append({
            "kind": "certification", "key": cert.code, "title": cert.title, "language": "fr",
            "source": cert.source, "skills": len(cert.blocks),
            "salaries": sum(1 for f in cert.market_figures if f.amount_min or f.amount_max),
        })
    return rows


def _money(value: Any) -> str | None:
    return None if value is None else f"{value:.2f}"


def occupation_record(occupation: Occupation) -> dict[str, Any]:
    def skills(kind: SkillKind) -> list[dict[str, Any]]:
        return [
            {"label": s.label, "weight": s.weight, "keywords": s.keywords, "family": s.family,
             "line": s.source_line}
            for s in occupation.skills if s.kind is kind
        ]

    return {
        "kind": "occupation",
        "slug": occupation.slug,
        "title": occupation.title,
        "language": occupation.language,
        "summary": occupation.summary,
        "source": occupation.source,
        "data_file": occupation.data_file,
        "hard_skills": skills(SkillKind.HARD),
        "know_how": skills(SkillKind.KNOW_HOW),
        "soft_skills": skills(SkillKind.SOFT),
        "tools": skills(SkillKind.TOOL),
        "salaries": [
            {"band": s.band, "experience": s.experience, "min": _money(s.amount_min),
             "max": _money(s.amount_max), "currency": s.currency, "period": s.period.value,
             "period_stated": s.period_stated, "basis": s.basis.value, "quote": s.quote,
             "line": s.source_line}
            for s in occupation.salaries
        ],
        "career_moves": [{"title": m.title, "stage": m.stage, "line": m.source_line}
                         for m in occupation.career_moves],
        "diplomas": [
            {"title": p.label, "level": p.level, "ects": p.ects_credits,
             "education_level": p.education_level.value if p.education_level else None,
             "quote": p.quote, "line": p.source_line, "level_line": p.level_line}
            for p in occupation.pathways if p.kind == "diploma"
        ],
        "education_notes": [{"text": p.label, "line": p.source_line}
                            for p in occupation.pathways if p.kind == "note"],
        "experience_routes": [{"title": p.label, "line": p.source_line}
                              for p in occupation.pathways if p.kind == "experience"],
        "certifications": [_link(link, link.certification.code) for link in occupation.links],
        "loaded_at": iso(occupation.loaded_at),
    }


def _link(link: Any, other: str) -> dict[str, Any]:
    return {"key": other, "basis": link.basis, "reason": link.reason, "source": link.source,
            "line": link.source_line, "quote": link.quote}


def certification_record(cert: Certification) -> dict[str, Any]:
    return {
        "kind": "certification",
        "code": cert.code,
        "title": cert.title,
        "level": cert.level,
        "entry_level": cert.entry_level,
        "registered_until": iso(cert.registered_until),
        "summary": cert.summary,
        "source": cert.source,
        "data_file": cert.data_file,
        "prerequisites": [{"kind": p.kind, "label": p.label, "quote": p.quote,
                           "line": p.source_line} for p in cert.prerequisites],
        "blocks": [{"title": b.title, "optional": b.is_optional, "line": b.source_line}
                   for b in cert.blocks],
        "rome_codes": [{"code": r.code, "title": r.title, "line": r.source_line}
                       for r in cert.rome_codes],
        "job_titles": [{"title": t.title, "line": t.source_line} for t in cert.job_titles],
        "market_figures": [
            {"kind": f.kind.value, "rome": f.rome_code, "label": f.label,
             "min": _money(f.amount_min), "max": _money(f.amount_max), "currency": f.currency,
             "pay_period": f.pay_period.value if f.pay_period else None,
             "basis": f.basis.value if f.basis else None,
             "percent": None if f.percent is None else f"{f.percent:.2f}", "count": f.count,
             "period": f.period_label, "period_start": iso(f.period_start),
             "period_end": iso(f.period_end), "quote": f.quote, "origin": f.origin,
             "line": f.source_line}
            for f in cert.market_figures
        ],
        "market_shares": [
            {"rome": s.rome_code, "dimension": s.dimension, "label": s.label,
             "job_seekers_percent": f"{s.seekers_percent:.2f}",
             "job_offers_percent": f"{s.offers_percent:.2f}", "period": s.period_label,
             "period_start": iso(s.period_start), "period_end": iso(s.period_end),
             "line": s.source_line, "job_seekers_line": s.seekers_line,
             "job_offers_line": s.offers_line}
            for s in cert.market_shares
        ],
        "occupations": [_link(link, link.occupation.slug) for link in cert.links],
        "loaded_at": iso(cert.loaded_at),
    }


@dataclass(frozen=True)
class ProposedRequirement:
    """One requirement proposed from an occupation's skill, as `posting add` takes it."""

    kind: RequirementKind
    label: str
    required: bool
    occupation_skill: str  # the skill's label, which the posting's requirement names
    weight: int | None
    why: str

    def as_input(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "label": self.label, "required": self.required,
                "occupation_skill": self.occupation_skill}


def propose_requirements(
    session: Session, occupation: Occupation | str, *, tools: bool = False,
    posting: Posting | None = None,
) -> list[ProposedRequirement]:
    """The occupation's skills as requirements: hard skills (required from a weight of
    REQUIRED_FROM_WEIGHT, preferred below), know-how, soft skills (preferred), and its tools
    when asked. Skills `posting` already has a requirement for are left out: one linked to the
    skill, or one whose words hold every key word of the skill (« Maîtriser les méthodes de
    gestion de projet » holds "Gestion de projet"; a generic word alone never does)."""
    if isinstance(occupation, str):
        occupation = get_occupation(session, occupation)
    taken = {r.occupation_skill_id for r in posting.requirements} if posting else set()
    if posting is not None:
        labels = [r.label for r in posting.requirements if r.occupation_skill_id is None]
        taken |= {skill.id for skill in occupation.skills
                  if any(coverage(skill.label, label)[0] == 1.0 for label in labels)}
    proposed = []
    for kind in _KIND_PREFERENCE:
        if kind is SkillKind.TOOL and not tools:
            continue
        for skill in occupation.skills:
            if skill.kind is not kind or skill.id in taken:
                continue
            if skill.weight is not None:
                required = skill.weight >= REQUIRED_FROM_WEIGHT
                why = (f"weight {skill.weight} {'≥' if required else '<'} "
                       f"{REQUIRED_FROM_WEIGHT}: {'required' if required else 'preferred'}")
            else:
                required = kind is SkillKind.KNOW_HOW
                why = f"{kind.value.replace('_', '-')} skill without a weight: " + (
                    "required" if required else "preferred")
            label = skill.label
            if skill.keywords:
                label = f"{skill.label} ({skill.keywords})"
            elif skill.family:
                label = f"{skill.label} ({skill.family})"
            proposed.append(ProposedRequirement(
                kind=REQUIREMENT_KIND[kind], label=label, required=required,
                occupation_skill=skill.label, weight=skill.weight, why=why,
            ))
    return proposed
