"""What an interview's calendar event is called, and its SEQUENCE: the same in the e-mailed
invitations (tracker.mail, through facts) and in the calendar feeds (services.exports.calendar),
so that a calendar updates or removes the event it already holds."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.models import AuditLog

UID_DOMAIN = "posting-tracker"
# The changes that raise an interview's SEQUENCE (its audit actions)
INTERVIEW_CHANGES = ("interview.reschedule", "interview.cancel")


def interview_uid(interview_id: int) -> str:
    """The UID of an interview's event, in every feed and every invitation."""
    return f"interview-{interview_id}@{UID_DOMAIN}"


def interview_changes(session: Session, interview_ids: list[int]) -> dict[int, int]:
    """How many times each interview was moved or cancelled (its audit history): the SEQUENCE
    of its invitations, 0 for one never changed (absent from the result)."""
    if not interview_ids:
        return {}
    return {entity_id: number for entity_id, number in session.execute(
        sa.select(AuditLog.entity_id, sa.func.count()).where(
            AuditLog.entity_type == "interview", AuditLog.entity_id.in_(interview_ids),
            AuditLog.action.in_(INTERVIEW_CHANGES),
        ).group_by(AuditLog.entity_id))}
