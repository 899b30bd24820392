"""An organisation's message templates: which text a kind has in a language (its own or the
shipped default), checking and saving one, going back to the default, and rendering a template
with a message's variables in a sandbox.

A template is plain text for Jinja's `SandboxedEnvironment`: the variables of
`defaults.VARIABLES`, `{% if %}` tests and filters. It is checked when it is saved: a variable
not in the list, a syntax error or an unsafe construct (`{{ ''.__class__ }}`) is refused with a
`TemplateProblem` naming the field and the problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor, Operator, actor_id
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.domain.validation import parse_enum
from tracker.models import Locale, MessageKind, MessageTemplate, Organisation, Role
from tracker.services import audit
from tracker.services.messages.defaults import DEFAULTS, VARIABLES

Clock = Callable[[], datetime]
SUBJECT_MAX = 300
BODY_MAX = 20_000


class TemplateProblem(DomainError):
    """A template that cannot be used. `problem` says which problem ("unknown_variable",
    "syntax", "unsafe", "empty", "too_long"), `details` its details (the variable's name, the
    line), so that each face words it in the reader's language. The message is a template
    whose parameters are the details."""

    def __init__(self, field: str, problem: str, message: str, /, **details: Any) -> None:
        super().__init__(field, message, **details)
        self.problem = problem
        self.details = details


@dataclass(frozen=True)
class Template:
    kind: MessageKind
    language: str
    subject: str
    body: str
    is_default: bool
    updated_at: datetime | None = None
    updated_by_id: int | None = None


@lru_cache(maxsize=1)
def _sandbox() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # Plain text (the e-mail's HTML part escapes it when it is laid out); undefined names fail.
    return ImmutableSandboxedEnvironment(autoescape=False, undefined=StrictUndefined,
                                         keep_trailing_newline=False)


def check_text(field: str, text: str, *, max_length: int) -> None:
    """Refuse a template text that is empty, too long, not valid, uses a variable outside the
    list or an unsafe construct (it is rendered with sample values to find out)."""
    from jinja2 import TemplateSyntaxError, meta
    from jinja2.exceptions import SecurityError, UndefinedError

    if not text.strip():
        raise TemplateProblem(field, "empty", "must not be empty")
    if len(text) > max_length:
        raise TemplateProblem(field, "too_long", "at most %(max)s characters", max=max_length)
    env = _sandbox()
    try:
        parsed = env.parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(field, "syntax", "line %(line)s: %(detail)s",
                              line=exc.lineno, detail=exc.message or "") from None
    from jinja2 import nodes

    # Only variables, tests and filters: no attribute, item or call (the sandbox would stop
    # the dangerous ones when rendering; a template has no use for any of them).
    for node in parsed.find_all((nodes.Getattr, nodes.Getitem, nodes.Call)):
        raise TemplateProblem(field, "unsafe", "uses something a template may not use "
                              "(only the listed variables, tests and filters)",
                              line=node.lineno)
    unknown = sorted(meta.find_undeclared_variables(parsed) - set(VARIABLES))
    if unknown:
        raise TemplateProblem(field, "unknown_variable", "unknown variable: %(name)s",
                              name=unknown[0])
    try:
        env.from_string(text).render(sample_variables())
    except SecurityError:
        raise TemplateProblem(field, "unsafe", "uses something a template may not use "
                              "(only the listed variables, tests and filters)") from None
    except UndefinedError as exc:  # an attribute or item of a variable: none exists
        raise TemplateProblem(field, "unsafe", "uses something a template may not use "
                              "(%(detail)s)", detail=exc.message or "") from None
    except Exception as exc:  # a filter given the wrong arguments, say
        raise TemplateProblem(field, "syntax", "%(detail)s", line=0, detail=str(exc)) from None


def render_text(text: str, variables: dict[str, str]) -> str:
    """`text` rendered with `variables` in the sandbox (a saved template was checked: a
    failure here is a TemplateProblem all the same)."""
    from jinja2 import TemplateError

    try:
        return _sandbox().from_string(text).render(variables).strip()
    except TemplateError as exc:
        raise TemplateProblem("body", "syntax", "%(detail)s", line=0, detail=str(exc)) from None


def sample_variables() -> dict[str, str]:
    """Values of every variable, for checking a template (never shown as a real message)."""
    return {name: f"[{name}]" for name in VARIABLES}


def _language(value: str | Locale) -> str:
    return parse_enum(Locale, value, "language").value


def _check_staff(actor: Actor, organisation: Organisation) -> None:
    if isinstance(actor, Operator) or actor.role is Role.ADMIN:
        return
    if actor.role is Role.HR and actor.organisation_id == organisation.id:
        return
    raise PermissionDenied("organisation", "only the organisation's hr staff may do this")


def get_template(session: Session, organisation: Organisation, kind: MessageKind | str,
                 language: str | Locale, *, actor: Actor) -> Template:
    """The template an organisation uses for `kind` in `language`: its own, else the default."""
    _check_staff(actor, organisation)
    return _template(session, organisation, parse_enum(MessageKind, kind, "kind"),
                     _language(language))


def _template(session: Session, organisation: Organisation, kind: MessageKind,
              language: str) -> Template:
    row = session.scalar(sa.select(MessageTemplate).where(
        MessageTemplate.organisation_id == organisation.id, MessageTemplate.kind == kind,
        MessageTemplate.language == language))
    if row is not None:
        return Template(kind, language, row.subject, row.body, False, row.updated_at,
                        row.updated_by_id)
    subject, body = DEFAULTS[(kind, language)]
    return Template(kind, language, subject, body, True)


def list_templates(session: Session, organisation: Organisation, *,
                   actor: Actor) -> list[Template]:
    """Every kind in French and English, as the organisation uses them."""
    _check_staff(actor, organisation)
    return [_template(session, organisation, kind, lang.value)
            for kind in MessageKind for lang in Locale]


def save_template(session: Session, organisation: Organisation, kind: MessageKind | str,
                  language: str | Locale, *, subject: str, body: str, actor: Actor,
                  clock: Clock = utcnow) -> Template:
    """Check and keep the organisation's own text for `kind` in `language`."""
    _check_staff(actor, organisation)
    parsed = parse_enum(MessageKind, kind, "kind")
    lang = _language(language)
    subject, body = " ".join(subject.split()), body.replace("\r\n", "\n").strip()
    check_text("subject", subject, max_length=SUBJECT_MAX)
    check_text("body", body, max_length=BODY_MAX)
    now = clock()
    row = session.scalar(sa.select(MessageTemplate).where(
        MessageTemplate.organisation_id == organisation.id, MessageTemplate.kind == parsed,
        MessageTemplate.language == lang))
    if row is None:
        row = MessageTemplate(organisation_id=organisation.id, kind=parsed, language=Locale(lang),
                              subject=subject, body=body)
        session.add(row)
    row.subject, row.body, row.updated_at, row.updated_by_id = subject, body, now, actor_id(actor)
    session.flush()
    audit.record(session, at=now, actor=actor, action="message_template.save",
                 entity=organisation, details={"kind": parsed.value, "language": lang})
    return _template(session, organisation, parsed, lang)


def reset_template(session: Session, organisation: Organisation, kind: MessageKind | str,
                   language: str | Locale, *, actor: Actor, clock: Clock = utcnow) -> Template:
    """Go back to the shipped default (the organisation's own text is deleted)."""
    _check_staff(actor, organisation)
    parsed = parse_enum(MessageKind, kind, "kind")
    lang = _language(language)
    row = session.scalar(sa.select(MessageTemplate).where(
        MessageTemplate.organisation_id == organisation.id, MessageTemplate.kind == parsed,
        MessageTemplate.language == lang))
    if row is not None:
        session.delete(row)
        session.flush()
        audit.record(session, at=clock(), actor=actor, action="message_template.reset",
                     entity=organisation, details={"kind": parsed.value, "language": lang})
    return _template(session, organisation, parsed, lang)


def set_acknowledgement(session: Session, organisation: Organisation, on: bool, *,
                        actor: Actor, clock: Clock = utcnow) -> None:
    """Whether candidates receive the acknowledgement of receipt when they submit."""
    _check_staff(actor, organisation)
    if organisation.acknowledge_applications == on:
        return
    organisation.acknowledge_applications = on
    session.flush()
    audit.record(session, at=clock(), actor=actor, action="message_template.acknowledgement",
                 entity=organisation, details={"on": on})
