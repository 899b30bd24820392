"""The models: `from tracker.models import Posting` as everywhere.

A name is imported from its module when first asked for, and a model module imports, at its
end, the modules of the models its relationships name (and the flush hook of tracker.models.
upkeep, with the models it watches): so a command declares the models it uses and what they
reach, not all 47 (declaring and configuring a model is a few milliseconds each: issue #16,
`tracker posting list`). What needs every table (Alembic, the schema checks, the tests) calls
`declare_all()`. tests/test_models_lazy.py holds both: each module alone declares what it
needs, and every module is in the table below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.models.application import (
        Application,
        ApplicationStatusChange,
        Note,
        RequirementEvidence,
    )
    from tracker.models.audit import (
        AuditLog,
    )
    from tracker.models.calendar import (
        CalendarEvent,
        CalendarFeedToken,
    )
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
    from tracker.models.derived import (
        ApplicationFit,
        PostingStatusCount,
        StatusCount,
    )
    from tracker.models.document import (
        Document,
    )
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
    from tracker.models.health import (
        ServiceHeartbeat,
    )
    from tracker.models.imports import (
        PostingSource,
    )
    from tracker.models.interview import (
        Interview,
        PanelMember,
    )
    from tracker.models.job import (
        Job,
        JobKind,
        JobStatus,
    )
    from tracker.models.login_session import (
        LoginSession,
    )
    from tracker.models.message import (
        ApplicationMessage,
        MessageKind,
        MessageTemplate,
    )
    from tracker.models.notification import (
        Notification,
    )
    from tracker.models.organisation import (
        Organisation,
    )
    from tracker.models.posting import (
        Posting,
        RequiredDocument,
        Requirement,
    )
    from tracker.models.privacy import (
        Erasure,
        ErasureStatus,
        TalentPoolConsent,
    )
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
    from tracker.models.token import (
        ApiToken,
    )
    from tracker.models.user import (
        CandidateLanguage,
        CandidateProfile,
        CandidateSkill,
        User,
    )
    from tracker.models.visit import (
        HrVisit,
    )

# module -> the public names it defines
MODULES: dict[str, tuple[str, ...]] = {
    "application": ("Application", "ApplicationStatusChange", "Note", "RequirementEvidence",),
    "audit": ("AuditLog",),
    "calendar": ("CalendarEvent", "CalendarFeedToken",),
    "certification": ("Certification", "CertificationBlock", "CertificationJobTitle", "CertificationPrerequisite", "MarketFigure", "MarketFigureKind", "MarketShare", "RomeCode",),
    "derived": ("ApplicationFit", "PostingStatusCount", "StatusCount",),
    "document": ("Document",),
    "enums": ("ApplicationStatus", "ApplyMethod", "CEFRLevel", "DocumentKind", "EducationLevel", "EmploymentType", "InterviewStatus", "Locale", "PostingStatus", "RequirementKind", "Role", "SalaryPeriod", "Visibility",),
    "health": ("ServiceHeartbeat",),
    "imports": ("PostingSource",),
    "interview": ("Interview", "PanelMember",),
    "job": ("Job", "JobKind", "JobStatus",),
    "login_session": ("LoginSession",),
    "message": ("ApplicationMessage", "MessageKind", "MessageTemplate",),
    "notification": ("Notification",),
    "organisation": ("Organisation",),
    "posting": ("Posting", "RequiredDocument", "Requirement",),
    "privacy": ("Erasure", "ErasureStatus", "TalentPoolConsent",),
    "reference": ("CareerMove", "Occupation", "OccupationCertification", "OccupationPathway", "OccupationSalary", "OccupationSkill", "PayBasis", "SkillKind",),
    "reminder": ("Reminder", "ReminderChannel", "ReminderKind", "ReminderOffsets", "ReminderStatus", "ReminderSwitch", "SubjectType",),
    "token": ("ApiToken",),
    "user": ("CandidateLanguage", "CandidateProfile", "CandidateSkill", "User",),
    "visit": ("HrVisit",),
}
# the modules without a public name of their own: the shared columns, the flush hook
OTHER_MODULES = ("mixins", "upkeep")
__getattr__ = lazy(__name__, MODULES)


def declare_all() -> None:
    """Declare every model: the metadata holds every table (Alembic, the schema checks)."""
    for module in (*MODULES, *OTHER_MODULES):
        importlib.import_module(f"{__name__}.{module}")


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
    "PostingStatusCount",
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
