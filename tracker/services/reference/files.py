"""The format of the reference data files under samples/reference/ (YAML), checked field by field.

Every value carries where it came from in its source document: `line` (or `<name>_line`) is the
line of the source text holding it, `quote` the exact words when read from a sentence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from tracker.domain.errors import DomainError
from tracker.models import EducationLevel, SalaryPeriod
from tracker.models.reference import PayBasis

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Line = Annotated[int, Field(ge=1)]
Percent = Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HardSkill(_Strict):
    label: Text
    weight: Annotated[int, Field(ge=0, le=100)]
    line: Line
    keywords: list[Text] = Field(default_factory=list)
    keywords_line: Line | None = None


class NamedItem(_Strict):
    label: Text
    line: Line


class Tool(_Strict):
    family: Text
    family_line: Line
    name: Text
    line: Line


class Salary(_Strict):
    band: Text
    experience: Text
    experience_line: Line
    years_min: int | None = None
    years_max: int | None = None
    min: Money
    max: Money
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    period: SalaryPeriod
    period_stated: bool = True
    basis: PayBasis
    line: Line
    quote: Text


class CareerMoveItem(_Strict):
    title: Text
    stage: Literal["next", "later"]
    line: Line


class Diploma(_Strict):
    title: Text
    line: Line
    level: Text | None = None  # as printed, e.g. "BAC +2"
    level_line: Line | None = None
    ects: Annotated[int, Field(ge=0)] | None = None
    education_level: EducationLevel  # ours: the level as the tracker stores it
    quote: Text | None = None  # the sentence naming the diploma, when it is named in one


class EducationNote(_Strict):
    text: Text
    line: Line


class ExperienceRoute(_Strict):
    title: Text  # the job, from « Expérience en tant qu(e) ... »
    line: Line


class OccupationFile(_Strict):
    kind: Literal["occupation"]
    source: Text
    slug: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,78}[a-z0-9]$")]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    title: Text
    title_line: Line
    summary: Text | None = None
    summary_line: Line | None = None
    hard_skills: list[HardSkill] = Field(default_factory=list)
    know_how: list[NamedItem] = Field(default_factory=list)
    soft_skills: list[NamedItem] = Field(default_factory=list)
    tools: list[Tool] = Field(default_factory=list)
    salaries: list[Salary] = Field(default_factory=list)
    career_moves: list[CareerMoveItem] = Field(default_factory=list)
    diplomas: list[Diploma] = Field(default_factory=list)
    education_notes: list[EducationNote] = Field(default_factory=list)
    experience_routes: list[ExperienceRoute] = Field(default_factory=list)


class Block(_Strict):
    title: Text
    optional: bool = False
    line: Line


class Rome(_Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[A-N][0-9]{4}$")]
    title: Text
    line: Line


class JobTitle(_Strict):
    title: Text
    line: Line


class InsertionRate(_Strict):
    year: int
    year_line: Line
    horizon: Text
    percent: Percent
    line: Line


class SalaryOffers(_Strict):
    min: Money
    min_line: Line
    max: Money
    max_line: Line
    share_percent: Percent
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    period: SalaryPeriod
    basis: PayBasis
    basis_line: Line
    line: Line
    quote: Text
    period_label: Text
    period_line: Line


class SalaryBand(_Strict):
    min: Money | None = None
    max: Money | None = None
    label: Text
    line: Line
    percent: Percent
    percent_line: Line


class SalaryBands(_Strict):
    period_label: Text
    period_line: Line
    basis_line: Line
    bands: list[SalaryBand]


class Count(_Strict):
    kind: Literal["hires", "job_seekers", "job_offers"]
    label: Text
    value: Annotated[int, Field(ge=0)]
    text: Text  # as printed, e.g. "1,230"
    line: Line
    period_label: Text
    period_line: Line
    origin: Text | None = None  # who the figure comes from, e.g. "Acoss & MSA"
    origin_line: Line | None = None


class Rate(_Strict):
    kind: Literal["access_to_employment"]
    label: Text
    percent: Percent
    line: Line
    period_label: Text
    period_line: Line
    origin: Text | None = None
    origin_line: Line | None = None


class RecruitmentDifficulty(_Strict):
    """A figure the page says it has no data for, and where it would come from."""

    label: Text
    label_line: Line
    text: Text  # "Aucune donnée disponible ..."
    line: Line
    origin: Text
    period_label: Text
    period_line: Line


class ShareBand(_Strict):
    label: Text
    line: Line
    end_line: Line | None = None  # a label printed on two lines
    seekers: Percent  # share of the job seekers
    seekers_line: Line
    offers: Percent  # share of the job offers
    offers_line: Line


class Shares(_Strict):
    """Job seekers against job offers, band by band of one dimension."""

    dimension: Literal["diploma", "qualification", "experience"]
    heading: Text
    heading_line: Line
    columns_line: Line
    period_label: Text | None = None
    period_line: Line | None = None
    bands: list[ShareBand]


class Market(_Strict):
    rome: Annotated[str, StringConstraints(pattern=r"^[A-N][0-9]{4}$")]
    rome_line: Line
    salary_offers: SalaryOffers | None = None
    salary_bands: SalaryBands | None = None
    counts: list[Count] = Field(default_factory=list)
    rates: list[Rate] = Field(default_factory=list)
    recruitment_difficulty: RecruitmentDifficulty | None = None
    shares: list[Shares] = Field(default_factory=list)


class Prerequisite(_Strict):
    kind: Literal["domain", "language"]
    label: Text
    line: Line
    quote: Text | None = None


class CertificationFile(_Strict):
    kind: Literal["certification"]
    source: Text
    code: Annotated[str, StringConstraints(pattern=r"^RNCP[0-9]{3,6}$")]
    code_line: Line
    title: Text
    title_line: Line
    level: Annotated[int, Field(ge=1, le=8)] | None = None
    level_line: Line | None = None
    entry_level: Annotated[int, Field(ge=1, le=8)] | None = None
    entry_level_line: Line | None = None
    entry_level_quote: Text | None = None
    prerequisites: list[Prerequisite] = Field(default_factory=list)
    registered_until: date | None = None
    registered_until_line: Line | None = None
    registered_until_quote: Text | None = None
    summary: Text | None = None
    summary_line: Line | None = None
    blocks: list[Block] = Field(default_factory=list)
    rome_codes: list[Rome] = Field(default_factory=list)
    job_titles: list[JobTitle] = Field(default_factory=list)
    insertion_rates: list[InsertionRate] = Field(default_factory=list)
    market: list[Market] = Field(default_factory=list)


class Link(_Strict):
    occupation: Text
    certification: Text
    basis: Literal["stated", "ours"]
    source: Text | None = None
    line: Line | None = None
    quote: Text | None = None
    reason: Text | None = None


class LinksFile(_Strict):
    kind: Literal["links"]
    links: list[Link]


_QUARTER = re.compile(r"^\s*(\d)\s*(?:er|e|ème|eme)\s+trimestre\s+(\d{4})\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(?:ann[ée]e\s+)?(\d{4})\s*$", re.IGNORECASE)


def period_bounds(label: str, field: str = "period_label") -> tuple[date, date]:
    """The first and last day of a period as French statistics print it: '1er trimestre 2025',
    '2ème trimestre 2024', '2020'."""
    if match := _QUARTER.match(label):
        quarter, year = int(match[1]), int(match[2])
        if not 1 <= quarter <= 4:
            raise DomainError(field, "%(label)r: a year has four quarters", label=label)
        first = date(year, 3 * quarter - 2, 1)
        last = date(year, 12, 31) if quarter == 4 else (
            date(year, 3 * quarter + 1, 1) - timedelta(days=1))
        return first, last
    if match := _YEAR.match(label):
        year = int(match[1])
        return date(year, 1, 1), date(year, 12, 31)
    raise DomainError(field, "%(label)r is not a period like '1er trimestre 2025' or '2024'",
                      label=label)

