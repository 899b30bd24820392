"""All models, imported here so that the metadata is complete for Alembic."""

from tracker.models.application import (
    Application,
    ApplicationStatusChange,
    Note,
    RequirementEvidence,
)
from tracker.models.audit import AuditLog
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
from tracker.models.interview import Interview, PanelMember
from tracker.models.notification import Notification
from tracker.models.organisation import Organisation
from tracker.models.posting import Posting, RequiredDocument, Requirement
from tracker.models.reminder import (
    Reminder,
    ReminderChannel,
    ReminderKind,
    ReminderOffsets,
    ReminderStatus,
    ReminderSwitch,
    SubjectType,
)
from tracker.models.user import CandidateLanguage, CandidateProfile, CandidateSkill, User

__all__ = [
    "Application",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "ApplyMethod",
    "AuditLog",
    "CEFRLevel",
    "CandidateLanguage",
    "CandidateProfile",
    "CandidateSkill",
    "Document",
    "DocumentKind",
    "EducationLevel",
    "EmploymentType",
    "Interview",
    "InterviewStatus",
    "Locale",
    "Note",
    "Notification",
    "Organisation",
    "PanelMember",
    "Posting",
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
    "SalaryPeriod",
    "SubjectType",
    "User",
    "Visibility",
]
