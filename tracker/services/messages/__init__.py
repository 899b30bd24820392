"""Messages to candidates (issue #14): the kinds of message and their shipped French and
English texts with the variables they may use (`defaults`), each organisation's own templates,
checked in a sandbox when saved (`templates`), a message composed for one application in its
candidate's language and zone (`composing`), previews on the templates page (`previews`), and
sending it in-app and by e-mail through the reminder outbox, kept on the application's history,
to one or many candidates, and the acknowledgement of receipt on submission (`sending`).

The `application_message` rows are personal data: export, erasure and retention cover them
(services/privacy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.messages.composing import (
        Composed,
        check_writer,
        compose,
        reader_language,
        recipient,
        render,
    )
    from tracker.services.messages.defaults import DEFAULTS, KINDS, VARIABLES
    from tracker.services.messages.previews import (
        SampleApplication,
        preview,
        sample_applications,
    )
    from tracker.services.messages.sending import (
        SentMessage,
        acknowledge,
        list_messages,
        send,
        send_many,
    )
    from tracker.services.messages.templates import (
        Template,
        TemplateProblem,
        check_text,
        get_template,
        list_templates,
        reset_template,
        sample_variables,
        save_template,
        set_acknowledgement,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "composing": ("Composed", "check_writer", "compose", "reader_language", "recipient",
                  "render"),
    "defaults": ("DEFAULTS", "KINDS", "VARIABLES"),
    "previews": ("SampleApplication", "preview", "sample_applications"),
    "sending": ("SentMessage", "acknowledge", "list_messages", "send", "send_many"),
    "templates": (
        "Template", "TemplateProblem", "check_text", "get_template", "list_templates",
        "reset_template", "sample_variables", "save_template", "set_acknowledgement",
    ),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
