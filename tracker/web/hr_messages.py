"""HR pages of messages to candidates (issue #14): the organisation's templates (a list of the
kinds, an editor per kind and language with the variables beside it, a preview, back to the
default, the acknowledgement of receipt on or off) and "write to the candidate" from an
application's page. Routes of the `hr` blueprint; the services/messages area does the work."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import Optional

from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.models import Organisation
from tracker.services import messages
from tracker.services.accounts import organisations
from tracker.web.common import (
    MESSAGE_KIND_LABELS,
    actor,
    clock,
    error_text,
    form_errors,
    roles_required,
    site_url,
    transaction,
)
from tracker.web.hr import STAFF, bp
from tracker.web.hr_applications import managed_application
from tracker.web.i18n import lazy_gettext as _l
from tracker.web.widgets import SelectField

KIND_LABELS = MESSAGE_KIND_LABELS
LANGUAGE_LABELS = {"fr": _l("French"), "en": _l("English")}
VARIABLE_LABELS = {
    "candidate_name": _l("the candidate's full name"),
    "posting_title": _l("the posting's title"),
    "posting_reference": _l("the posting's reference"),
    "organisation": _l("your organisation's name"),
    "deadline": _l("the deadline, date and time in the candidate's language and time zone"),
    "interview": _l("the candidate's next interview, date and time in their language and time "
                    "zone (empty when none)"),
    "application_url": _l("the address of the candidate's application page"),
}


class TemplateForm(FlaskForm):
    subject = StringField(_l("Subject"))
    body = TextAreaField(_l("Text"), render_kw={"rows": 14})
    sample = SelectField(_l("Preview with"), choices=[], validators=[Optional()])
    save = SubmitField(_l("Save"))
    preview = SubmitField(_l("Preview"))
    reset = SubmitField(_l("Back to the default text"))


class AcknowledgementForm(FlaskForm):
    on = BooleanField(_l("Send an acknowledgement of receipt when a candidate submits an "
                         "application in the tracker"))
    submit = SubmitField(_l("Save"))


class WriteForm(FlaskForm):
    subject = StringField(_l("Subject"))
    body = TextAreaField(_l("Text"), render_kw={"rows": 14})
    preview = SubmitField(_l("Preview"))
    send = SubmitField(_l("Send to the candidate"))


def problem(exc: DomainError) -> str:
    """A service's complaint about a template, in the reader's language: the page words the
    problems it can help with (where the variables are listed, which marks to check)."""
    code = getattr(exc, "problem", None)
    params = getattr(exc, "details", {})
    if code == "unknown_variable":
        return _("unknown variable “%(name)s”: use one of the variables listed beside the form",
                 name=params.get("name", ""))
    if code == "unsafe":
        return _("only the listed variables, {% if %} tests and filters may be used")
    if code == "syntax":
        return _("the text cannot be read at line %(line)s: check its {{ }} and {%% %%} marks",
                 line=params.get("line") or "?")
    if code == "too_long":
        return _("at most %(max)s characters", max=params.get("max", ""))
    if code == "empty" or exc.code == "must not be empty":
        return _("must not be empty")
    return error_text(exc)


def show_errors(form: Any, exc: DomainError) -> None:
    target = getattr(form, exc.field or "", None)
    if target is not None and hasattr(target, "errors"):
        target.errors = [*target.errors, problem(exc)]
    else:
        form_errors(form, exc)


def _organisation(db: Any) -> Organisation | None:
    """Whose templates: the hr user's organisation; an admin's choice (?org=slug)."""
    user = actor(db)
    if user.organisation is not None and user.role.value == "hr":
        return user.organisation
    slug = request.args.get("org")
    return organisations.get_organisation(db, slug) if slug else None


def _org_args(organisation: Organisation) -> dict[str, Any]:
    return {} if actor_is_hr() else {"org": organisation.slug}


def actor_is_hr() -> bool:
    from flask_login import current_user

    return bool(current_user.role == "hr")


@bp.route("/messages", methods=["GET", "POST"])
@roles_required(*STAFF)
def message_templates() -> Any:
    form = AcknowledgementForm()
    status = 200
    with transaction() as db:
        organisation = _organisation(db)
        if organisation is None:  # an admin: choose an organisation first
            return render_template("web/hr/messages.html", organisation=None,
                                   organisations=[(o.slug, o.name)
                                                  for o in organisations.list_organisations(db)])
        if request.method == "POST":
            if form.validate_on_submit():
                messages.set_acknowledgement(db, organisation, bool(form.on.data),
                                             actor=actor(db), clock=clock)
                flash(_("Saved."), "ok")
                return redirect(url_for("hr.message_templates", **_org_args(organisation)))
            status = 400
        else:
            form.on.data = organisation.acknowledge_applications
        rows = messages.list_templates(db, organisation, actor=actor(db))
        context = {"organisation": {"slug": organisation.slug, "name": organisation.name},
                   "query": _org_args(organisation)}
    kinds = [{"kind": kind, "label": label,
              "languages": [{"lang": t.language, "label": LANGUAGE_LABELS[t.language],
                             "is_default": t.is_default, "updated_at": t.updated_at}
                            for t in rows if t.kind.value == kind]}
             for kind, label in KIND_LABELS.items()]
    return render_template("web/hr/messages.html", kinds=kinds, form=form, **context), status


@bp.route("/messages/<kind>/<lang>", methods=["GET", "POST"])
@roles_required(*STAFF)
def message_template(kind: str, lang: str) -> Any:
    if kind not in KIND_LABELS or lang not in LANGUAGE_LABELS:
        abort(404)
    form = TemplateForm()
    shown = None
    status = 200
    with transaction() as db:
        organisation = _organisation(db)
        if organisation is None:
            return redirect(url_for("hr.message_templates"))
        user = actor(db)
        samples = messages.sample_applications(db, organisation, actor=user)
        form.sample.choices = [("", _("A made-up candidate"))] + [
            (str(s.id), f"{s.name} — {s.posting_title} ({s.posting_reference})")
            for s in samples]
        query = _org_args(organisation)
        if request.method == "POST" and form.validate_on_submit():
            try:
                if form.reset.data:
                    messages.reset_template(db, organisation, kind, lang, actor=user,
                                            clock=clock)
                    flash(_("The default text is back."), "ok")
                    return redirect(url_for("hr.message_template", kind=kind, lang=lang,
                                            **query))
                if form.save.data:
                    messages.save_template(db, organisation, kind, lang,
                                           subject=form.subject.data or "",
                                           body=form.body.data or "", actor=user, clock=clock)
                    flash(_("Template saved."), "ok")
                    return redirect(url_for("hr.message_template", kind=kind, lang=lang,
                                            **query))
                shown = messages.preview(
                    db, organisation, subject=form.subject.data or "",
                    body=form.body.data or "", language=lang, actor=user,
                    application_id=int(form.sample.data) if form.sample.data else None,
                    public_url=site_url(), clock=clock)
            except PermissionDenied:
                raise
            except DomainError as exc:
                show_errors(form, exc)
                status = 400
        elif request.method == "POST":
            status = 400
        current = messages.get_template(db, organisation, kind, lang, actor=user)
        if request.method == "GET":
            form.subject.data, form.body.data = current.subject, current.body
        context = {"organisation": {"slug": organisation.slug, "name": organisation.name},
                   "query": query, "is_default": current.is_default,
                   "updated_at": current.updated_at}
    return render_template(
        "web/hr/message_template.html", form=form, kind=kind, template_lang=lang,
        kind_label=KIND_LABELS[kind], lang_label=LANGUAGE_LABELS[lang], preview=shown,
        variables=list(VARIABLE_LABELS.items()), **context), status


@bp.route("/applications/<int:application_id>/message", methods=["GET", "POST"])
@roles_required(*STAFF)
def application_message(application_id: int) -> Any:
    form = WriteForm()
    shown = None
    status = 200
    kind = request.args.get("kind") or None
    if kind is not None and kind not in KIND_LABELS:
        abort(404)
    with transaction() as db:
        found = managed_application(db, application_id)
        user = actor(db)
        language = messages.reader_language(found)
        if request.method == "POST" and form.validate_on_submit():
            try:
                text = messages.render(db, application=found, subject=form.subject.data or "",
                                       body=form.body.data or "", actor=user,
                                       public_url=site_url(), clock=clock)
                if form.send.data:
                    messages.send(db, application=found, subject=text.subject, body=text.body,
                                  actor=user, kind=kind, language=text.language, clock=clock)
                    flash(_("Message sent to the candidate."), "ok")
                    return redirect(url_for("hr.application", application_id=application_id)
                                    + "#messages")
                shown = text
            except PermissionDenied:
                raise
            except DomainError as exc:
                show_errors(form, exc)
                status = 400
        elif request.method == "POST":
            status = 400
        elif kind is not None:
            organisation = found.posting.organisation
            if organisation is None:
                raise NotFound("posting", "not a posting of an organisation")
            template = messages.get_template(db, organisation, kind, language, actor=user)
            form.subject.data, form.body.data = template.subject, template.body
        context = {"a": {"id": found.id, "name": (found.candidate.full_name if found.candidate
                                                  else found.applicant_name),
                         "email": messages.recipient(found)},
                   "posting_title": found.posting.title, "reference": found.posting.reference,
                   "language": LANGUAGE_LABELS[language]}
    return render_template(
        "web/hr/application_message.html", form=form, kind=kind, preview=shown,
        kinds=list(KIND_LABELS.items()), variables=list(VARIABLE_LABELS.items()),
        **context), status
