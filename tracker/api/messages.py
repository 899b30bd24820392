"""/api/v1/orgs/{slug}/message-templates/{kind}/{lang}: an organisation's message templates
(issue #14), as the templates page shows and saves them (services/messages)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from flask.typing import ResponseReturnValue
from pydantic import BaseModel, Field, StringConstraints

from tracker.api.core import body, bp, call, operation, responses
from tracker.api.schemas import Strict
from tracker.services import messages
from tracker.services.accounts import organisations
from tracker.services.views.records import iso

TAG = "messages"
TEMPLATE = "/orgs/<slug>/message-templates/<kind>/<lang>"


class MessageTemplateIn(Strict):
    subject: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    body: Annotated[str, StringConstraints(min_length=1, max_length=20_000)] = Field(
        description="Plain text: the variables of `variables` between double braces, "
                    "{% if %} tests and filters")


class MessageTemplateOut(BaseModel):
    organisation: str
    kind: Literal["acknowledgement", "interview_invitation", "rejection_after_review",
                  "rejection_after_interview", "offer"]
    language: Literal["fr", "en"]
    subject: str
    body: str
    is_default: bool = Field(description="The shipped text: the organisation has none of its own")
    updated_at: datetime | None
    variables: list[str]


def _record(slug: str, template: messages.Template) -> dict[str, Any]:
    return {"organisation": slug, "kind": template.kind.value, "language": template.language,
            "subject": template.subject, "body": template.body,
            "is_default": template.is_default, "updated_at": iso(template.updated_at),
            "variables": list(messages.VARIABLES)}


@bp.get(TEMPLATE)
@operation(resp=responses(200, MessageTemplateOut, 403, 404), tags=[TAG])
def get_message_template(slug: str, kind: str, lang: str) -> ResponseReturnValue:
    """The text the organisation sends for `kind` in `lang` (its own, or the default): its hr
    staff and admins."""
    with call() as c:
        organisation = organisations.get_organisation(c.session, slug)
        return _record(slug, messages.get_template(c.session, organisation, kind, lang,
                                                   actor=c.actor))


@bp.put(TEMPLATE)
@operation(json=MessageTemplateIn, resp=responses(200, MessageTemplateOut, 403, 404),
           tags=[TAG])
def put_message_template(slug: str, kind: str, lang: str) -> ResponseReturnValue:
    """Save the organisation's own text for `kind` in `lang`; an unknown variable or a
    construct a template may not use is refused (422, naming the field)."""
    data = body(MessageTemplateIn)
    with call() as c:
        organisation = organisations.get_organisation(c.session, slug)
        return _record(slug, messages.save_template(
            c.session, organisation, kind, lang, subject=data.subject, body=data.body,
            actor=c.actor, clock=c.clock))
