"""What a posting is made from: the fields a user gives, parsed and checked field by field."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from tracker.domain.errors import DomainError
from tracker.domain.matching import education_in
from tracker.domain.timeutil import parse_date, parse_time
from tracker.domain.validation import NON_BLANK, Documented, InvalidValue
from tracker.i18n import education_label
from tracker.models.enums import (
    ApplyMethod,
    CEFRLevel,
    DocumentKind,
    EducationLevel,
    EmploymentType,
    RequirementKind,
    SalaryPeriod,
    Visibility,
)


def _as_value_error(parser: Any) -> Any:
    def run(value: Any) -> Any:
        if value is None or value == "":
            return None
        try:
            return parser(value, "value")
        except DomainError as exc:
            raise InvalidValue(exc.code, **exc.params) from exc

    return run


# The document's dates are ISO and plausible (parse_date also reads 13/05/2024 and refuses
# years outside MIN_YEAR..MAX_YEAR).
DOC_DATE = Documented({"format": "date", "pattern": r"^(19[0-9]{2}|2[0-9]{3})-[0-9]{2}-[0-9]{2}$"})
LocalDate = Annotated[Annotated[date, DOC_DATE] | None,
                      BeforeValidator(_as_value_error(parse_date))]
# ...and its times HH:MM[:SS], local (parse_time also reads 10h30; it refuses an offset).
_DOC_TIME = Documented({"format": None,
                        "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"})
LocalTime = Annotated[Annotated[time, _DOC_TIME] | None,
                      BeforeValidator(_as_value_error(parse_time))]
# An amount as the document gives it: whole units or a decimal text with at most two places.
_DOC_AMOUNT = Documented({"anyOf": [
    {"type": "integer", "minimum": 0, "maximum": 9_999_999_999},
    {"type": "string", "pattern": r"^[0-9]{1,10}(\.[0-9]{1,2})?$"},
]})
_DOC_NON_BLANK = Documented({"pattern": NON_BLANK})
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), _DOC_NON_BLANK]


def _blank_as_none(value: Any) -> Any:
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def text(max_length: int) -> Any:
    """A required text that fits its column."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                            max_length=max_length), _DOC_NON_BLANK]


def opt_text(max_length: int | None = None) -> Any:
    """An optional text (blank is none) that fits its column."""
    return Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=max_length),
                     BeforeValidator(_blank_as_none)]


OptText = opt_text()


_CEFR_RULE = ("a language requirement's level is a CEFR level: "
              + ", ".join(m.value for m in list(CEFRLevel)[:-1]) + f" or {CEFRLevel.C2.value}"
              + ", or empty")
_EDUCATION_RULE = ("an education requirement's level is a level of study: "
                   + ", ".join(education_label(m) for m in EducationLevel
                               if m is not EducationLevel.NONE)
                   + " (or licence, maîtrise, master, doctorat...), or empty")


_CEFR_DOCUMENTED: list[JsonValue] = [v for m in CEFRLevel for v in (m.value, m.value.lower())]


class RequirementInput(BaseModel):
    # The document states the CEFR rule: a language requirement's level is one of them or none.
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "if": {"properties": {"kind": {"const": RequirementKind.LANGUAGE.value}}},
        "then": {"properties": {"level": {"anyOf": [{"enum": _CEFR_DOCUMENTED},
                                                    {"type": "null"}]}}},
    })

    kind: RequirementKind
    label: Text
    level: opt_text(40) = None
    required: bool = True
    # The label of a skill of the posting's occupation this requirement was started from.
    occupation_skill: OptText = None

    @field_validator("level")
    @classmethod
    def _readable_level(cls, value: str | None, info: ValidationInfo) -> str | None:
        """The fit compares levels: a language's must be a CEFR level, an education's a level
        of study it can read (matching.education_in); other kinds' levels are free text."""
        kind = info.data.get("kind")
        if value is None:
            return None
        if kind is RequirementKind.LANGUAGE:
            if value.upper() not in CEFRLevel.__members__:
                raise PydanticCustomError("cefr_level", _CEFR_RULE)
            return value.upper()
        if kind is RequirementKind.EDUCATION and education_in(value) is None:
            raise PydanticCustomError("education_level", _EDUCATION_RULE)
        return value


class RequiredDocumentInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: DocumentKind
    label: text(300)
    required: bool = True


class InterviewInput(BaseModel):
    """A posting-wide interview date given with the posting (e.g. in a posting file)."""

    model_config = ConfigDict(extra="forbid")

    date: Annotated[date, BeforeValidator(_as_value_error(parse_date)), DOC_DATE]
    time: LocalTime = None
    timezone: opt_text(64) = None
    duration_minutes: int = Field(default=45, ge=1, le=1440)
    place: opt_text(300) = None
    video_url: opt_text(1000) = None


class PostingInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reference: Annotated[str | None, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$")] = None
    title: text(300)
    organisation: opt_text(60) = None  # slug of a registered organisation
    hiring_organization_name: opt_text(200) = None
    department: opt_text(300) = None
    location: opt_text(300) = None
    address_locality: opt_text(200) = None
    address_country: Annotated[str | None, StringConstraints(pattern=r"^[A-Z]{2}$")] = None
    category: opt_text(40) = None
    employment_type: EmploymentType
    duration_months: int | None = Field(default=None, ge=1, le=600)
    working_time_percent: int | None = Field(default=None, ge=1, le=100)
    job_start_date: LocalDate = None
    date_posted: LocalDate = None
    valid_through_date: LocalDate = None
    valid_through_time: LocalTime = None
    timezone: opt_text(64) = None
    apply_method: ApplyMethod = ApplyMethod.IN_APP
    apply_email: opt_text(254) = None
    apply_url: Annotated[str | None, StringConstraints(pattern=r"^https?://\S+$",
                                                       max_length=1000)] = None
    application_contact: opt_text(300) = None
    salary_min: Annotated[Decimal, _DOC_AMOUNT] | None = Field(
        default=None, ge=0, max_digits=12, decimal_places=2)
    salary_max: Annotated[Decimal, _DOC_AMOUNT] | None = Field(
        default=None, ge=0, max_digits=12, decimal_places=2)
    salary_currency: Annotated[str | None, StringConstraints(pattern=r"^[A-Z]{3}$")] = None
    salary_period: SalaryPeriod | None = None
    context: OptText = None
    missions: OptText = None
    working_conditions: OptText = None
    benefits: OptText = None
    visibility: Visibility = Visibility.PUBLIC
    source_text: str | None = None
    source_url: opt_text(1000) = None
    occupation: OptText = None  # slug of an occupation profile (tracker reference list)
    certification: OptText = None  # code of a certification, e.g. RNCP39853
    requirements: list[RequirementInput] = Field(default_factory=list)
    required_documents: list[RequiredDocumentInput] = Field(default_factory=list)
    interviews: list[InterviewInput] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _apply_method_from_contact(cls, data: Any) -> Any:
        """Without an explicit method, an e-mail address or a URL to apply to says which."""
        if isinstance(data, dict) and not data.get("apply_method"):
            if data.get("apply_email"):
                data = {**data, "apply_method": ApplyMethod.EMAIL}
            elif data.get("apply_url"):
                data = {**data, "apply_method": ApplyMethod.URL}
        return data

    @field_validator("salary_currency", "address_country", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("duration_months", "working_time_percent", mode="before")
    @classmethod
    def _no_bool(cls, value: Any) -> Any:
        if isinstance(value, bool):  # JSON's true is no number of months, nor a percentage
            raise InvalidValue("must be a whole number, not true or false")
        if isinstance(value, str) and value.strip().endswith("%"):
            return value.strip()[:-1].strip()
        return value
