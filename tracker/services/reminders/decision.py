"""What is to be done with a due reminder row: send it (with the plain data its message is made
from), expire it or cancel it (with the reason). Made by `facts` and `digest`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEND, EXPIRE, CANCEL = "send", "expire", "cancel"


@dataclass(frozen=True)
class Decision:
    reminder_id: int
    action: str  # send, expire or cancel
    reason: str | None = None
    context: dict[str, Any] = field(default_factory=dict)  # what the message is made from
