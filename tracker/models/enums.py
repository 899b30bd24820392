"""The closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    ADMIN = "admin"
    HR = "hr"
    CANDIDATE = "candidate"


class Locale(enum.StrEnum):
    FR = "fr"
    EN = "en"


class CEFRLevel(enum.StrEnum):
    """Common European Framework of Reference levels, in order."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class EducationLevel(enum.StrEnum):
    """French levels of study after the baccalauréat, in order (Bac+4 = maîtrise or master 1,
    Bac+5 = master)."""

    NONE = "none"
    CAP_BEP = "cap_bep"
    BAC = "bac"
    BAC2 = "bac+2"
    BAC3 = "bac+3"
    BAC4 = "bac+4"
    BAC5 = "bac+5"
    BAC8 = "bac+8"


class EmploymentType(enum.StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    INTERNSHIP = "internship"
    APPRENTICESHIP = "apprenticeship"
    TEMPORARY = "temporary"
    FREELANCE = "freelance"
    VOLUNTEER = "volunteer"
    OTHER = "other"


class PostingStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    FILLED = "filled"
    CANCELLED = "cancelled"


class Visibility(enum.StrEnum):
    PUBLIC = "public"  # the organisation's own posting, visible to every candidate once open
    PRIVATE = "private"  # logged by a candidate from elsewhere, visible to that candidate only


class ApplyMethod(enum.StrEnum):
    EMAIL = "email"
    URL = "url"
    IN_APP = "in_app"


class SalaryPeriod(enum.StrEnum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class RequirementKind(enum.StrEnum):
    TECHNICAL_SKILL = "technical_skill"
    KNOWLEDGE = "knowledge"
    KNOW_HOW = "know_how"
    SOFT_SKILL = "soft_skill"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    LANGUAGE = "language"
    OTHER = "other"


class DocumentKind(enum.StrEnum):
    CV = "cv"
    COVER_LETTER = "cover_letter"
    DIPLOMA = "diploma"
    REFERENCE_LETTER = "reference_letter"
    PORTFOLIO = "portfolio"
    IDENTITY = "identity"
    OTHER = "other"


class ApplicationStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class InterviewStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
