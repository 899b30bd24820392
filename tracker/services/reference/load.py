"""Loading the reference data files (samples/reference/*.yaml) into the database.

Idempotent: a file whose content has not changed since it was loaded is left alone; a changed
file updates its rows. An occupation's skills are matched by kind and label, so requirements
started from a skill keep their link when the file changes elsewhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from pydantic import BaseModel
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.errors import DomainError, NotFound, ValidationFailed
from tracker.domain.validation import parse_model
from tracker.models import (
    CareerMove,
    Certification,
    CertificationBlock,
    CertificationJobTitle,
    CertificationPrerequisite,
    MarketFigure,
    MarketFigureKind,
    MarketShare,
    Occupation,
    OccupationCertification,
    OccupationPathway,
    OccupationSalary,
    OccupationSkill,
    RomeCode,
    SkillKind,
)
from tracker.services.reference.files import (
    CertificationFile,
    LinksFile,
    OccupationFile,
    period_bounds,
)

Clock = Callable[[], datetime]
REFERENCE_DIR = Path(__file__).resolve().parents[3] / "samples" / "reference"
_MODELS: dict[str, type[BaseModel]] = {
    "occupation": OccupationFile, "certification": CertificationFile, "links": LinksFile,
}


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        lines = [f"reference: added {name}" for name in self.created]
        lines += [f"reference: updated {name}" for name in self.updated]
        if self.unchanged:
            lines.append(f"reference: unchanged {', '.join(self.unchanged)}")
        return "\n".join(lines) or "reference: no data files"


def read_file(path: Path) -> tuple[BaseModel, str]:
    """One data file parsed and checked, and the SHA-256 of its bytes. Errors name the file."""
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DomainError(path.name, "cannot read: %(exc)s", exc=exc) from exc
    if not isinstance(data, dict) or data.get("kind") not in _MODELS:
        raise DomainError(f"{path.name}: kind", "must be one of: %(kinds)s",
                          kinds=", ".join(_MODELS))
    try:
        parsed = parse_model(_MODELS[data["kind"]], data)
    except ValidationFailed as exc:
        raise ValidationFailed(
            [DomainError(f"{path.name}: {e.field}", e.code, **e.params) for e in exc.errors]
        ) from exc
    return parsed, hashlib.sha256(raw).hexdigest()


def load_reference(
    session: Session, directory: Path = REFERENCE_DIR, *, clock: Clock = utcnow
) -> LoadResult:
    """Load every *.yaml of `directory`: occupations and certifications, then the links."""
    if not directory.is_dir():
        raise DomainError("--dir", "%(directory)s is not a folder", directory=directory)
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise DomainError("--dir", "no *.yaml reference file in %(directory)s", directory=directory)
    parsed = [(path, *read_file(path)) for path in files]
    result = LoadResult()
    now = clock()
    for path, data, digest in parsed:
        if isinstance(data, OccupationFile):
            _load_occupation(session, path, data, digest, now, result)
        elif isinstance(data, CertificationFile):
            _load_certification(session, path, data, digest, now, result)
    for path, data, _digest in parsed:
        if isinstance(data, LinksFile):
            _load_links(session, path, data, result)
    session.flush()
    return result


def _load_occupation(session: Session, path: Path, data: OccupationFile, digest: str,
                     now: datetime, result: LoadResult) -> None:
    name = f"occupation {data.slug}"
    row = session.scalar(sa.select(Occupation).where(Occupation.slug == data.slug))
    if row is not None and row.content_sha256 == digest:
        result.unchanged.append(data.slug)
        return
    if row is None:
        row = Occupation(slug=data.slug)
        session.add(row)
        result.created.append(name)
    else:
        result.updated.append(name)
    row.title, row.language, row.summary = data.title, data.language, data.summary
    row.source, row.source_line, row.data_file = data.source, data.title_line, path.name
    row.content_sha256, row.loaded_at = digest, now
    wanted: list[dict[str, Any]] = []
    for skill in data.hard_skills:
        wanted.append({"kind": SkillKind.HARD, "label": skill.label, "weight": skill.weight,
                       "keywords": ", ".join(skill.keywords) or None, "source_line": skill.line})
    for kind, items in ((SkillKind.KNOW_HOW, data.know_how), (SkillKind.SOFT, data.soft_skills)):
        wanted += [{"kind": kind, "label": item.label, "source_line": item.line} for item in items]
    wanted += [{"kind": SkillKind.TOOL, "label": tool.name, "family": tool.family,
                "source_line": tool.line} for tool in data.tools]
    existing = {(s.kind, s.label): s for s in row.skills}
    skills = []
    for position, values in enumerate(wanted):
        skill = existing.pop((values["kind"], values["label"]), None) or OccupationSkill()
        for key in ("weight", "keywords", "family"):
            values.setdefault(key, None)
        for key, value in values.items():
            setattr(skill, key, value)
        skill.position = position
        skills.append(skill)
    row.skills = skills
    row.salaries = [
        OccupationSalary(
            band=s.band, experience=s.experience, years_min=s.years_min, years_max=s.years_max,
            amount_min=s.min, amount_max=s.max, currency=s.currency, period=s.period,
            period_stated=s.period_stated, basis=s.basis, quote=s.quote, position=position,
            source_line=s.line,
        )
        for position, s in enumerate(data.salaries)
    ]
    row.career_moves = [
        CareerMove(title=m.title, stage=m.stage, position=position, source_line=m.line)
        for position, m in enumerate(data.career_moves)
    ]
    pathways = [
        OccupationPathway(kind="diploma", label=d.title, level=d.level,
                          education_level=d.education_level, ects_credits=d.ects, quote=d.quote,
                          source_line=d.line, level_line=d.level_line)
        for d in data.diplomas
    ]
    pathways += [OccupationPathway(kind="note", label=n.text, source_line=n.line)
                 for n in data.education_notes]
    pathways += [OccupationPathway(kind="experience", label=r.title, source_line=r.line)
                 for r in data.experience_routes]
    for position, pathway in enumerate(pathways):
        pathway.position = position
    row.pathways = pathways
    session.flush()


def _load_certification(session: Session, path: Path, data: CertificationFile, digest: str,
                        now: datetime, result: LoadResult) -> None:
    name = f"certification {data.code}"
    row = session.scalar(sa.select(Certification).where(Certification.code == data.code))
    if row is not None and row.content_sha256 == digest:
        result.unchanged.append(data.code)
        return
    if row is None:
        row = Certification(code=data.code)
        session.add(row)
        result.created.append(name)
    else:
        result.updated.append(name)
    row.title, row.level, row.entry_level = data.title, data.level, data.entry_level
    row.registered_until, row.summary = data.registered_until, data.summary
    row.source, row.data_file, row.content_sha256, row.loaded_at = (
        data.source, path.name, digest, now)
    # The old rows go first: ROME codes are unique per certification, and the new ones would
    # be inserted before the old ones are deleted.
    row.blocks, row.rome_codes, row.job_titles, row.prerequisites = [], [], [], []
    row.market_figures, row.market_shares = [], []
    session.flush()
    row.blocks = [CertificationBlock(title=b.title, is_optional=b.optional, position=i,
                                     source_line=b.line) for i, b in enumerate(data.blocks)]
    row.rome_codes = [RomeCode(code=r.code, title=r.title, position=i, source_line=r.line)
                      for i, r in enumerate(data.rome_codes)]
    row.job_titles = [CertificationJobTitle(title=t.title, position=i, source_line=t.line)
                      for i, t in enumerate(data.job_titles)]
    row.prerequisites = [
        CertificationPrerequisite(kind=p.kind, label=p.label, quote=p.quote, position=i,
                                  source_line=p.line)
        for i, p in enumerate(data.prerequisites)
    ]
    row.market_figures = _figures(data)
    row.market_shares = _shares(data)
    session.flush()


def _shares(data: CertificationFile) -> list[MarketShare]:
    rows: list[MarketShare] = []
    for market in data.market:
        for share in market.shares:
            start, end = (period_bounds(share.period_label) if share.period_label
                          else (None, None))
            rows += [
                MarketShare(rome_code=market.rome, dimension=share.dimension, label=band.label,
                            seekers_percent=band.seekers, offers_percent=band.offers,
                            period_label=share.period_label, period_start=start,
                            period_end=end, position=len(rows) + i, source_line=band.line,
                            seekers_line=band.seekers_line, offers_line=band.offers_line)
                for i, band in enumerate(share.bands)
            ]
    return rows


def _figures(data: CertificationFile) -> list[MarketFigure]:
    figures: list[MarketFigure] = []

    def add(**values: Any) -> None:
        label = values.get("period_label")
        if label:
            values["period_start"], values["period_end"] = period_bounds(label)
        figures.append(MarketFigure(position=len(figures), **values))

    for rate in data.insertion_rates:
        add(kind=MarketFigureKind.INSERTION_RATE, percent=rate.percent, period_label=str(rate.year),
            label=f"Taux d'insertion sur le marché sur {rate.horizon}", source_line=rate.line)
    for market in data.market:
        offers = market.salary_offers
        if offers:
            add(kind=MarketFigureKind.SALARY_OFFERS, rome_code=market.rome,
                label="Salaires proposés dans les offres", amount_min=offers.min,
                amount_max=offers.max, currency=offers.currency, pay_period=offers.period,
                basis=offers.basis, percent=offers.share_percent, quote=offers.quote,
                period_label=offers.period_label, source_line=offers.line)
        bands = market.salary_bands
        if bands:
            currency = offers.currency if offers else None
            for band in bands.bands:
                add(kind=MarketFigureKind.SALARY_BAND, rome_code=market.rome, label=band.label,
                    amount_min=band.min, amount_max=band.max, currency=currency,
                    pay_period=offers.period if offers else None,
                    basis=offers.basis if offers else None, percent=band.percent,
                    period_label=bands.period_label, source_line=band.line)
        for count in market.counts:
            add(kind=MarketFigureKind(count.kind), rome_code=market.rome, label=count.label,
                count=count.value, period_label=count.period_label, origin=count.origin,
                source_line=count.line)
        for rate in market.rates:
            add(kind=MarketFigureKind.ACCESS_RATE, rome_code=market.rome, label=rate.label,
                percent=rate.percent, period_label=rate.period_label, origin=rate.origin,
                source_line=rate.line)
        if difficulty := market.recruitment_difficulty:
            add(kind=MarketFigureKind.RECRUITMENT_DIFFICULTY, rome_code=market.rome,
                label=difficulty.label, quote=difficulty.text, origin=difficulty.origin,
                period_label=difficulty.period_label, source_line=difficulty.line)
    return figures


def _load_links(session: Session, path: Path, data: LinksFile, result: LoadResult) -> None:
    first = session.scalar(sa.select(sa.func.count()).select_from(OccupationCertification)) == 0
    changed = False
    keep: set[tuple[int, int]] = set()
    for index, link in enumerate(data.links):
        where = f"{path.name}: links[{index}]"
        occupation = session.scalar(sa.select(Occupation).where(Occupation.slug == link.occupation))
        if occupation is None:
            raise NotFound(f"{where}.occupation", "no occupation %(occupation)r",
                           occupation=link.occupation)
        certification = session.scalar(
            sa.select(Certification).where(Certification.code == link.certification))
        if certification is None:
            raise NotFound(f"{where}.certification", "no certification %(certification)r",
                           certification=link.certification)
        keep.add((occupation.id, certification.id))
        row = session.scalar(sa.select(OccupationCertification).where(
            OccupationCertification.occupation_id == occupation.id,
            OccupationCertification.certification_id == certification.id))
        values = {"basis": link.basis, "reason": link.reason, "source": link.source,
                  "source_line": link.line, "quote": link.quote}
        if row is None:
            row = OccupationCertification(occupation=occupation, certification=certification)
            session.add(row)
            changed = True
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
                changed = True
    for row in session.scalars(sa.select(OccupationCertification)):
        if (row.occupation_id, row.certification_id) not in keep:
            session.delete(row)
            changed = True
    if not changed:
        result.unchanged.append(path.stem)
    else:
        (result.created if first else result.updated).append(f"{len(keep)} {path.stem}")
    session.flush()
