"""The JSON API's request and response bodies (pydantic). The OpenAPI document is built from
them; responses are checked against them before they leave.

Requests reuse the services' own input models where one exists (PostingInput,
RequirementInput), so the document says exactly what the services accept.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime as DateTime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from tracker.domain.validation import Documented
from tracker.models import (
    ApplicationStatus,
    ApplyMethod,
    DocumentKind,
    EmploymentType,
    InterviewStatus,
    PostingStatus,
    RequirementKind,
    Role,
    SalaryPeriod,
    Visibility,
)
from tracker.services.hiring.posting_input import DOC_DATE, PostingInput, RequirementInput

MAX_ID = 2**31 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
HhMm = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$")]


def _text(max_length: int, min_length: int = 0) -> Any:
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length)]


# An e-mail address: checked by the services (tracker.domain.validation.normalise_email), stated
# in the document.
_Email = Annotated[str, StringConstraints(min_length=3, max_length=254),
                   Documented({"format": "email"})]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- errors and paging --------------------------------------------------------------------------


class RuleBroken(BaseModel):
    field: str | None = None
    message: str = Field(description="In the request's language")
    code: str = Field(description="The message's English template, the same in every language")
    params: dict[str, Any] = Field(default_factory=dict,
                                   description="The values the template names")


class ErrorDetail(BaseModel):
    message: str
    fields: dict[str, str] = Field(
        default_factory=dict, description="The fields at fault, each with what is wrong"
    )
    code: str | None = Field(
        default=None, description="A broken rule's message template (English, stable), with "
                                  "`params` the values it names")
    params: dict[str, Any] | None = None
    errors: list[RuleBroken] | None = Field(
        default=None, description="Every rule broken, each with its field, code and params")


class ErrorBody(BaseModel):
    error: ErrorDetail


class Links(BaseModel):
    self: str
    next: str | None = None
    prev: str | None = None


class Paged(BaseModel):
    page: int
    per_page: int
    has_next: bool
    links: Links


class PageQuery(Strict):
    page: int = Field(default=1, ge=1, le=1_000_000)
    per_page: int = Field(default=50, ge=1, le=500)


# -- people -------------------------------------------------------------------------------------


class UserOut(BaseModel):
    id: int
    email: str
    full_name: str
    role: Role
    organisation: str | None
    locale: str
    timezone: str | None


# -- postings -----------------------------------------------------------------------------------


class Deadline(BaseModel):
    date: Date | None
    time: HhMm | None
    timezone: str
    utc: DateTime | None
    local: DateTime | None
    days_left: int | None


class PostingSummary(BaseModel):
    reference: str
    title: str
    status: PostingStatus
    visibility: Visibility
    organisation: str | None
    hiring_organization_name: str
    location: str | None
    employment_type: EmploymentType
    deadline: Deadline
    applications: dict[str, int] | None = Field(
        description="Applications per status; only for those who manage the posting"
    )


class PostingPage(Paged):
    items: list[PostingSummary]


class PostingQuery(PageQuery):
    status: PostingStatus | None = None
    organisation: _text(60, 1) | None = Field(default=None, description="Organisation slug")


class ApplyInfo(BaseModel):
    method: ApplyMethod
    email: str | None
    url: str | None
    contact: str | None


class Salary(BaseModel):
    min: str | None
    max: str | None
    currency: str | None
    period: SalaryPeriod | None


class RequirementItem(BaseModel):
    label: str
    level: str | None
    required: bool


class RequiredDocumentOut(BaseModel):
    kind: DocumentKind
    label: str
    required: bool


class PanelMemberOut(BaseModel):
    name: str
    email: str


class InterviewOut(BaseModel):
    id: int
    posting: str
    application_id: int | None
    date: Date
    time: HhMm | None
    timezone: str
    starts_at_utc: DateTime
    starts_at_local: DateTime
    duration_minutes: int
    place: str | None
    video_url: str | None
    status: InterviewStatus
    outcome: str | None
    panel: list[PanelMemberOut]


class PostingOut(BaseModel):
    reference: str
    title: str
    status: PostingStatus
    visibility: Visibility
    organisation: str | None
    hiring_organization_name: str
    department: str | None
    location: str | None
    address_locality: str | None
    address_country: str | None
    category: str | None
    employment_type: EmploymentType
    duration_months: int | None
    working_time_percent: int | None
    job_start_date: Date | None
    date_posted: Date | None
    deadline: Deadline
    apply: ApplyInfo
    salary: Salary
    context: str | None
    missions: str | None
    working_conditions: str | None
    benefits: str | None
    requirements: dict[RequirementKind, list[RequirementItem]]
    required_documents: list[RequiredDocumentOut]
    interviews: list[InterviewOut]
    source_url: str | None
    has_source_text: bool
    created_at: DateTime
    updated_at: DateTime


def _no_default(schema: dict[str, Any]) -> None:
    """A patch's absent field is left unchanged: it has no default value to document."""
    schema.pop("default", None)


def _optional_copy(name: str, model: type[BaseModel], leave_out: set[str]) -> type[BaseModel]:
    """`model` with every field optional (absent: unchanged), for partial updates. A field
    keeps its own type: null is allowed where the model allows it."""
    fields: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        if field_name in leave_out:
            continue
        # absent means unchanged; null only where the posting itself may hold none (a title or
        # the requirements cannot be emptied by a null, so the document does not offer it)
        annotation: Any = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        fields[field_name] = (annotation, Field(default=None, description=info.description,
                                                json_schema_extra=_no_default))
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


# The fields of a posting that change; reference and visibility never do, and interviews are
# scheduled one by one.
PostingPatch = _optional_copy("PostingPatch", PostingInput, {"reference", "visibility",
                                                             "interviews"})
PostingCreate = PostingInput


class RequirementOut(BaseModel):
    id: int
    kind: RequirementKind
    label: str
    level: str | None
    required: bool
    position: int


class RequirementList(BaseModel):
    requirements: list[RequirementOut]


class RequirementsReplace(Strict):
    requirements: list[RequirementInput] = Field(max_length=200)


# -- applications -------------------------------------------------------------------------------


class Person(BaseModel):
    name: str
    email: str


class ApplicationSummary(BaseModel):
    id: int
    posting: str
    posting_title: str
    candidate: Person
    status: ApplicationStatus
    submitted_at: DateTime | None
    is_late: bool
    updated_at: DateTime


class ApplicationPage(Paged):
    items: list[ApplicationSummary]


class ApplicationQuery(PageQuery):
    posting: _text(60, 1) | None = Field(default=None, description="Posting reference")
    candidate: _Email | None = Field(default=None, description="Candidate's e-mail")
    status: ApplicationStatus | None = None


class EvidenceOut(BaseModel):
    requirement_id: int
    kind: RequirementKind
    label: str
    required: bool
    evidence: str | None
    self_rating: int | None
    reviewer_rating: int | None


class EvidenceList(BaseModel):
    requirements: list[EvidenceOut]


class DocumentOut(BaseModel):
    id: int
    application_id: int | None
    kind: DocumentKind
    filename: str
    media_type: str
    size_bytes: int
    page_count: int | None
    sha256: str
    uploaded_at: DateTime


class NoteOut(BaseModel):
    at: DateTime
    author: str | None
    body: str


class HistoryOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    at: DateTime
    from_: ApplicationStatus | None = Field(alias="from")
    to: ApplicationStatus
    by: str | None
    by_name: str | None
    comment: str | None


class ApplicationOut(BaseModel):
    id: int
    posting: str
    posting_title: str
    candidate: Person
    status: ApplicationStatus
    submitted_at: DateTime | None
    is_late: bool
    cover_letter: str | None
    requirements: list[EvidenceOut]
    documents: list[DocumentOut]
    notes: list[NoteOut]
    history: list[HistoryOut]
    created_at: DateTime
    updated_at: DateTime


class ApplicationCreate(Strict):
    posting: _text(60, 1) = Field(description="Reference of the posting")
    candidate: _Email | None = Field(
        default=None, description="The applicant's e-mail as they gave it (employer side, "
                                  "recording an application received); default: yourself"
    )
    candidate_name: _text(200, 1) | None = Field(
        default=None, description="The applicant's name as they gave it (employer side)"
    )
    cover_letter: _text(20_000) | None = None
    submit: bool = Field(default=False, description="Submit at once instead of a draft")
    late: bool = Field(default=False, description="Record a submission after the deadline "
                                                   "(employer side)")


class StatusMove(Strict):
    status: ApplicationStatus
    comment: _text(2000) | None = None
    late: bool = False


class EvidenceIn(Strict):
    evidence: _text(10_000) | None = None
    self_rating: int | None = Field(default=None, ge=1, le=4)


class RatingIn(Strict):
    rating: int | None = Field(ge=1, le=4, description="1 (weak) to 4 (strong); null clears")


# -- interviews ---------------------------------------------------------------------------------


class InterviewPage(Paged):
    items: list[InterviewOut]


class InterviewQuery(PageQuery):
    posting: _text(60, 1) | None = Field(default=None, description="Posting reference")
    application: Id | None = Field(default=None, description="Application id")


class PanelMemberIn(Strict):
    name: _text(200) = ""
    email: _text(254, 1)


class InterviewCreate(Strict):
    posting: _text(60, 1) = Field(description="Reference of the posting")
    application_id: Id | None = Field(
        default=None, description="The application interviewed; none: a date for the posting"
    )
    date: Annotated[Date, DOC_DATE] = Field(description="Local date in the interview's zone")
    time: HhMm | None = Field(default=None, description="Local time (HH:MM); none: all day")
    timezone: _text(64, 1) | None = Field(default=None, description="IANA zone; default the "
                                                                     "posting's")
    duration_minutes: int = Field(default=45, ge=1, le=1440)
    place: _text(300) | None = None
    video_url: _text(1000) | None = None
    panel: list[PanelMemberIn] = Field(default_factory=list, max_length=30)
    replace: bool = Field(
        default=False, description="The application already has a scheduled interview: true "
        "cancels it (its candidate and panel are told) for this one; false (default) refuses "
        "with 409, move that one instead")


class InterviewMove(Strict):
    date: Annotated[Date, DOC_DATE]
    time: HhMm | None = None
    timezone: _text(64, 1) | None = Field(default=None, description="IANA zone; default: "
                                                                     "unchanged")
    duration_minutes: int | None = Field(default=None, ge=1, le=1440,
                                         description="Minutes; default: unchanged")
    place: _text(300) | None = Field(default=None, description="Absent: unchanged; null: none")
    video_url: _text(1000) | None = Field(default=None,
                                          description="Absent: unchanged; null: none")


class InterviewCancel(Strict):
    reason: _text(2000) | None = None


# -- notifications and fit ----------------------------------------------------------------------


class NotificationOut(BaseModel):
    id: int
    title: str
    body: str
    link: str | None
    created_at: DateTime
    read_at: DateTime | None


class NotificationPage(Paged):
    items: list[NotificationOut]
    unread: int = Field(description="How many of the caller's notifications are unread")


class NotificationQuery(PageQuery):
    unread: bool = Field(default=False, description="Only the unread ones")


class ReadAllOut(BaseModel):
    marked: int = Field(description="How many notifications were marked read")


class FitLineOut(BaseModel):
    requirement_id: int
    kind: RequirementKind
    label: str
    level: str | None
    required: bool
    status: str = Field(description="met, partly_met, not_shown, unknown or to_assess (nothing "
                              "given yet: left out of the score)")
    weight: float
    points: float
    reason: str
    source: str = Field(description="reviewer, profile, evidence or none")
    occupation_skill: str | None


class FitOut(BaseModel):
    application_id: int
    posting: str
    candidate: str
    score: float = Field(description="0 to 100, over the assessed requirements only")
    points: float
    max_points: float
    assessed: int = Field(description="Requirements assessed (met, partly met or not shown): "
                          "the ones the score is computed over")
    requirements: int = Field(description="Every requirement of the posting")
    coverage: str = Field(description="The score with its coverage, in the language asked: "
                          "\"68/100 over 12 of 37 requirements\"")
    counts: dict[str, int]
    lines: list[FitLineOut]


class FitQuery(Strict):
    lang: Literal["en", "fr"] = "en"
