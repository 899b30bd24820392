"""Domain errors: each names the field and the rule it broke, in words every face translates.

An error carries a code and parameters, not a finished sentence: the code is the message's English
template, which is also its entry in the catalog (tracker/translations), and the parameters are
the values it names. `DomainError("posting", "the posting is %(status)s: no new application",
status=posting.status)` reads "the posting is closed: no new application" in English and "le poste
est clos : aucune nouvelle candidature" on a French page; the status is shown as its label.

Each face says the error in its reader's language with `error.text(lang)`; `error.message` is the
English text (logs, the audit trail, tests). The message must be a string literal (the catalog
test reads every one of them): the values go into the parameters.
"""

from __future__ import annotations

from typing import Any

from tracker.i18n import Text, render, show


class DomainError(Exception):
    """A rule of the domain was broken. `field` names what the user must change."""

    def __init__(self, field: str | None, message: str, /, **params: Any) -> None:
        self.field = field
        self.code = message
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return render(self.code, self.params, "en")

    def text(self, lang: str) -> str:
        """The message in `lang` (without the field's name)."""
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """What an API answers: the field, the message in `lang`, the code (the message's
        template) and its parameters as plain values."""
        return {"field": self.field, "message": self.text(lang), "code": self.code,
                "params": {name: _plain(value) for name, value in self.params.items()}}


def _plain(value: Any) -> Any:
    """A parameter as JSON carries it: an enum by its stored value, words in English."""
    if isinstance(value, Text):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return getattr(value, "value", value)
    return show(value, "en")


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
        super().__init__(first.field, first.code, **first.params)

    def text(self, lang: str) -> str:
        return "; ".join(error.text(lang) for error in self.errors)

    def __str__(self) -> str:
        return "; ".join(str(e) for e in self.errors)
