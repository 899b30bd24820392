"""Domain errors: each names the field and the rule it broke."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken. `field` names what the user must change."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message

    def as_dict(self) -> dict[str, str | None]:
        return {"field": self.field, "message": self.message}


class NotFound(DomainError):
    """The record named does not exist (or is not visible to the actor)."""


class Conflict(DomainError):
    """The change would duplicate something that must be unique."""


class PermissionDenied(DomainError):
    """The actor may not do this."""


class InvalidTransition(DomainError):
    """A status change the workflow does not allow."""


class ValidationFailed(DomainError):
    """One or more fields are invalid; `errors` lists every one of them."""

    def __init__(self, errors: list[DomainError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.field, first.message)

    def __str__(self) -> str:
        return "; ".join(str(e) for e in self.errors)
