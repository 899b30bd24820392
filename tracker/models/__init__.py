"""All models, imported here so that the metadata is complete for Alembic."""

import tracker.models.upkeep  # noqa: E402, F401  (the flush hook keeping the derived figures)
from tracker.models.application import (
    Application,
    ApplicationStatusChange,
    Note,
    RequirementEvidence,
)
from tracker.models.audit import AuditLog
from tracker.models.calendar import CalendarEvent, CalendarFeedToken
from tracker.models.certification import (
    Certification,
    CertificationBlock,
    CertificationJobTitle,
    CertificationPrerequisite,
    MarketFigure,
    MarketFigureKind,
    MarketShare,
    RomeCode,
)
from tracker.models.derived import ApplicationFit, StatusCount
from tracker.models.document import Document
from tracker.models.enums import (
    ApplicationStatus,
    ApplyMethod,
    CEFRLevel,
    DocumentKind,
    EducationLevel,
    EmploymentType,
    InterviewStatus,
    Locale,
    PostingStatus,
    RequirementKind,
    Role,
    SalaryPeriod,
    Visibility,
)
from tracker.models.health import ServiceHeartbeat
from tracker.models.imports import PostingSource
from tracker.models.interview import Interview, PanelMember
from tracker.models.job import Job, JobKind, JobStatus
from tracker.models.login_session import LoginSession
from tracker.models.message import ApplicationMessage, MessageKind, MessageTemplate
from tracker.models.notification import Notification
from tracker.models.organisation import Organisation
from tracker.models.posting import Posting, RequiredDocument, Requirement
from tracker.models.privacy import Erasure, ErasureStatus, TalentPoolConsent
from tracker.models.reference import (
    CareerMove,
    Occupation,
    OccupationCertification,
    OccupationPathway,
    OccupationSalary,
    OccupationSkill,
    PayBasis,
    SkillKind,
)
from tracker.models.reminder import (
    Reminder,
    ReminderChannel,
    ReminderKind,
    ReminderOffsets,
    ReminderStatus,
    ReminderSwitch,
    SubjectType,
)
from tracker.models.token import ApiToken
from tracker.models.user import CandidateLanguage, CandidateProfile, CandidateSkill, User
from tracker.models.visit import HrVisit

__all__ = [
    "ApiToken",
    "Application",
    "ApplicationFit",
    "ApplicationMessage",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "ApplyMethod",
    "AuditLog",
    "CalendarEvent",
    "CalendarFeedToken",
    "CEFRLevel",
    "CandidateLanguage",
    "CandidateProfile",
    "CandidateSkill",
    "CareerMove",
    "Certification",
    "CertificationBlock",
    "CertificationJobTitle",
    "CertificationPrerequisite",
    "Document",
    "DocumentKind",
    "EducationLevel",
    "Erasure",
    "ErasureStatus",
    "EmploymentType",
    "HrVisit",
    "Interview",
    "InterviewStatus",
    "Job",
    "JobKind",
    "JobStatus",
    "Locale",
    "LoginSession",
    "MarketFigure",
    "MarketFigureKind",
    "MarketShare",
    "MessageKind",
    "MessageTemplate",
    "Note",
    "Occupation",
    "OccupationCertification",
    "OccupationPathway",
    "OccupationSalary",
    "OccupationSkill",
    "Notification",
    "Organisation",
    "PanelMember",
    "PayBasis",
    "Posting",
    "PostingSource",
    "PostingStatus",
    "Reminder",
    "ReminderChannel",
    "ReminderKind",
    "ReminderOffsets",
    "ReminderStatus",
    "ReminderSwitch",
    "RequiredDocument",
    "Requirement",
    "RequirementEvidence",
    "RequirementKind",
    "Role",
    "RomeCode",
    "SalaryPeriod",
    "ServiceHeartbeat",
    "SkillKind",
    "StatusCount",
    "SubjectType",
    "TalentPoolConsent",
    "User",
    "Visibility",
]
