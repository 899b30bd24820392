"""Shared validation: e-mail addresses, slugs, and pydantic errors turned into domain errors."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from tracker.domain.errors import DomainError, ValidationFailed
from tracker.i18n import Text

# pydantic is imported where a model is validated: a command that only reads (e.g. `tracker
# posting list`) starts without it (issue #16).
if TYPE_CHECKING:
    import pydantic
    from pydantic import GetJsonSchemaHandler

M = TypeVar("M", bound="pydantic.BaseModel")
E = TypeVar("E", bound=enum.Enum)
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$")

# What the OpenAPI document says of text, in regular expressions that read the same in Python,
# in pydantic's engine and in JSON Schema (ECMA 262): no NUL character (a database cannot store
# it: the API refuses it up front), and, for text that is stripped, at least one character that
# is not white space (str.strip()'s white space, spelled out: the engines' \s differ).
_WHITE_SPACE = "".join(f"\\u{ord(c):04x}" for c in
                       map(chr, [*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680,
                                 *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F,
                                 0x3000]))
NO_NUL = r"^[^\u0000]*$"
NON_BLANK = rf"^[^\u0000]*[^\u0000{_WHITE_SPACE}][^\u0000]*$"


@dataclass(frozen=True, eq=False)  # hashed by identity: it sits in type unions
class Documented:
    """Metadata of a pydantic type: the OpenAPI document states `extra` (e.g. a pattern) of a
    rule the validation enforces its own way (and words its own message for), so that the
    document is as strict as the answers. A key given None is left out of the schema."""

    extra: dict[str, Any]

    def __get_pydantic_json_schema__(self, core: Any, handler: GetJsonSchemaHandler) -> Any:
        found = {**handler(core), **self.extra}
        return {key: value for key, value in found.items() if value is not None}


def normalise_email(value: str, field: str = "email") -> str:
    """The address in canonical form (domain lower-cased), or a DomainError naming `field`."""
    from email_validator import EmailNotValidError, validate_email  # 20-50 ms: when needed

    try:
        result = validate_email(str(value).strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise DomainError(field, "%(value)s is not a valid e-mail address (%(reason)s)",
                          value=repr(value), reason=str(exc)) from exc
    return result.normalized.lower()


def check_slug(value: str, field: str = "slug") -> str:
    if not SLUG.match(value or ""):
        raise DomainError(
            field, "%(value)s is not a valid slug: lower-case letters, digits and '-', 1-60 long",
            value=repr(value),
        )
    return value


def _field_name(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1]}[{item}]"] if parts else [f"[{item}]"]
        else:
            parts.append(str(item))
    return ".".join(parts) or "input"


def parse_model(model: type[M], data: dict[str, Any]) -> M:
    """Validate `data` with a pydantic model; every problem becomes a field-named domain error."""
    import pydantic

    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValidationFailed(domain_errors(exc)) from exc


class InvalidValue(ValueError):
    """A value a model's validator refuses, its message a template of the catalog with its
    parameters (as a DomainError's), so that the domain error it becomes is said in the
    reader's language: raise it, not a ValueError with a finished sentence."""

    def __init__(self, template: str, /, **params: Any) -> None:
        self.text = Text(template, **params)
        super().__init__(str(self.text))


def domain_errors(exc: pydantic.ValidationError) -> list[DomainError]:
    """Each problem pydantic found, as a domain error naming its field (e.g. `requirements[0].kind`),
    the value refused shown after the message: "... (got 'B7')"."""
    errors = []
    for err in exc.errors(include_url=False):
        field = _field_name(tuple(err["loc"]))
        if err["type"] == "extra_forbidden":
            errors.append(DomainError(field, "unknown field"))
        elif "input" in err and err["type"] not in ("missing",):
            errors.append(DomainError(field, "%(message)s (got %(value)s)", message=_said(err),
                                      value=_shorten(err["input"])))
        else:
            errors.append(DomainError(field, "%(message)s", message=_said(err)))
    return errors


def _said(err: Any) -> Text:
    """What pydantic says of one problem, as words of the catalog: our own validators' (an
    InvalidValue, a PydanticCustomError whose message is a catalog entry), else pydantic's
    English sentence, which the catalog may hold too."""
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, InvalidValue):
        return cause.text
    context = err.get("ctx") or {}
    if not context:
        return Text(err["msg"])
    from pydantic_core import PydanticKnownError

    try:  # pydantic's own template, its {name} marks as the catalog's %(name)s
        template = PydanticKnownError(err["type"], context).message_template
    except (KeyError, TypeError, ValueError):
        return Text(err["msg"])
    template = _MARK.sub(r"%(\1)s", template.replace("%", "%%"))
    for plural in ("s", ""):  # pydantic's "character{expected_plural}"
        params = {name: str(value) for name, value in context.items()}
        if "%(expected_plural)s" in template:
            params["expected_plural"] = plural
        try:
            if template % params == err["msg"]:  # the same English, now translatable
                return Text(template, **params)
        except (KeyError, TypeError, ValueError):
            break
    return Text(err["msg"])


_MARK = re.compile(r"\{(\w+)\}")


def _shorten(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_enum(enum_cls: type[E], value: object, field: str) -> E:
    """A member of `enum_cls` from its value, or a DomainError listing the choices."""
    try:
        return enum_cls(value)
    except ValueError as exc:
        choices = ", ".join(str(m.value) for m in enum_cls)
        raise DomainError(field, "%(value)s is not one of: %(choices)s",
                          value=repr(value), choices=choices) from exc
