"""The audit trail, written by every service that changes something."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain.access import Actor, actor_id
from tracker.models import AuditLog


def record(
    session: Session,
    *,
    at: datetime,
    actor: Actor | None,
    action: str,
    entity: Any,
    details: dict[str, Any] | None = None,
) -> AuditLog:
    """Add one audit row for `entity` (a flushed model instance with an `id`). The actor is
    required: `None` only where nobody is left to name (a person who deleted their own
    account)."""
    if entity.id is None:
        session.flush()
    entry = AuditLog(
        at=at,
        actor_id=None if actor is None else actor_id(actor),
        action=action,
        entity_type=entity.__tablename__,
        entity_id=entity.id,
        details=_jsonable(details or {}),
    )
    session.add(entry)
    return entry


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
