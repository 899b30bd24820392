"""What is to be done with a due reminder row: send it (with the plain data its message is made
from), expire it or cancel it (with the reason). Made by `facts` and `digest`, from plain
tuples of what they read (`Due`, `Account`): a batch holds hundreds of rows, and an attribute
of a tuple costs a tenth of one of an ORM object or a SQLAlchemy row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from tracker.models import Locale, Reminder, ReminderChannel, ReminderKind, Role, User

SEND, EXPIRE, CANCEL = "send", "expire", "cancel"


class Due(NamedTuple):
    """What the decisions read of a reminder row (the dispatcher reads these columns alone)."""

    id: int
    kind: ReminderKind
    subject_id: int
    recipient_key: str
    recipient_user_id: int | None
    recipient_email: str
    channel: ReminderChannel
    offset_spec: str
    anchor_at: datetime
    due_at: datetime
    timezone: str
    created_at: datetime
    attempts: int


DUE_COLUMNS = tuple(getattr(Reminder, name) for name in Due._fields)
# A due reminder as the decisions read it: the dispatcher's `Due`, or an ORM row (`due`, dry
# runs), which has the same attributes.
DueRow = Due | Reminder


class Account(NamedTuple):
    """What the decisions read of a recipient's account."""

    id: int
    email: str
    full_name: str
    role: Role
    organisation_id: int | None
    locale: Locale
    is_active: bool
    deleted_at: datetime | None


ACCOUNT_COLUMNS = tuple(getattr(User, name) for name in Account._fields)


@dataclass(slots=True)
class Decision:
    reminder_id: int
    action: str  # send, expire or cancel
    reason: str | None = None
    context: dict[str, Any] = field(default_factory=dict)  # what the message is made from
