"""The confirmation of a posting's cancellation (issue #14), a permanent action: the page says
what will happen and its button POSTs to the posting's status form with `confirm`; that form
refuses a cancellation without it and shows this page again (400)."""

from __future__ import annotations

from typing import Any

from flask import render_template, url_for
from flask_babel import gettext as _

from tracker.web.forms import ButtonForm


def cancel_confirmation(reference: str, title: str, status: int = 200) -> Any:
    return render_template(
        "web/confirm.html", title=_("Cancel the posting?"), heading=title, form=ButtonForm(),
        lead=_("A cancelled posting takes no more applications and cannot be opened again. "
               "This cannot be undone."),
        items=[], refused=[], comment=None,
        action=url_for("hr.posting_status", reference=reference),
        hidden=[("status", "cancelled")], confirm_label=_("Yes, cancel the posting"),
        can_confirm=True, danger=True, cancel_url=url_for("hr.posting", reference=reference),
        error=_("Nothing was done: confirm on this page first.") if status == 400 else None,
    ), status

