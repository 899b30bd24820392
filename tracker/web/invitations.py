"""Invitations by e-mail: the admin's form (on the page of accounts), the hr page of their
organisation's invitations (colleagues, and candidates invited to apply to a posting), and the
page an invitation's link opens, where the invitee chooses a password and has their account."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.services.accounts import invitations
from tracker.web import auth
from tracker.web.common import (
    actor,
    clock,
    error_text,
    form_errors,
    roles_required,
    settings,
    transaction,
)
from tracker.web.forms import AcceptInvitationForm, InviteCandidateForm, InviteStaffForm

bp = Blueprint("invitations", __name__)


def _sent(email: str) -> None:
    # The same words whether or not the address has an account (its owner alone is told).
    flash(_("Invitation sent to %(email)s.", email=email.strip()), "ok")


@bp.post("/admin/accounts/invite")
@roles_required("admin")
def admin_invite() -> Any:
    """An admin invites hr of any organisation, or an admin."""
    form = InviteStaffForm(prefix="invite")
    with transaction() as db:
        form.organisation.choices = auth.organisation_choices(db)
    if form.validate_on_submit():
        try:
            with transaction() as db:
                message = invitations.invite_staff(
                    db, actor=actor(db), email=form.email.data or "",
                    role=form.role.data or "", organisation=form.organisation.data or None,
                    full_name=form.full_name.data or "", locale=form.locale.data or None,
                    settings=settings(), now=clock())
            auth.send_later(message)
            _sent(form.email.data or "")
            return redirect(url_for("auth.admin_accounts") + "#invite")
        except DomainError as exc:
            form_errors(form, exc)
    return auth.accounts_page(invite=form), 400


@bp.route("/hr/invitations", methods=["GET", "POST"])
@roles_required("hr")
def hr_invitations() -> Any:
    """hr invite colleagues of their organisation, and candidates to apply to a posting."""
    staff = InviteStaffForm(prefix="staff")
    del staff.role, staff.organisation  # hr invite hr of their own organisation
    apply = InviteCandidateForm(prefix="apply")
    with transaction() as db:
        user = actor(db)
        apply.posting.choices = invitations.invitable_postings(db, actor=user)
        organisation = user.organisation.name if user.organisation else ""
    status = 200
    for form, kind in ((staff, "staff"), (apply, "apply")):
        if not (form.submit.data and form.validate_on_submit()):
            continue
        try:
            with transaction() as db:
                if kind == "staff":
                    message = invitations.invite_staff(
                        db, actor=actor(db), email=staff.email.data or "", role="hr",
                        full_name=staff.full_name.data or "",
                        locale=staff.locale.data or None, settings=settings(), now=clock())
                else:
                    message = invitations.invite_candidate(
                        db, actor=actor(db), email=apply.email.data or "",
                        posting=apply.posting.data or "", locale=apply.locale.data or None,
                        settings=settings(), now=clock())
            auth.send_later(message)
            _sent(form.email.data or "")
            return redirect(url_for("invitations.hr_invitations"))
        except DomainError as exc:
            form_errors(form, exc)
            status = 400
    if (staff.submit.data or apply.submit.data) and (staff.errors or apply.errors):
        status = 400
    if not apply.is_submitted() and request.args.get("posting"):
        apply.posting.data = request.args["posting"]  # from the posting's page
    return render_template("web/auth/invitations.html", staff=staff, apply=apply,
                           organisation=organisation,
                           days=settings().invitation_days), status


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def accept(token: str) -> Any:
    """The invitation's link: the invitee chooses a name and a password, and has the account
    (logged in at once); a spent, expired or forged link says so."""
    form = AcceptInvitationForm()
    problem = None
    invitation = None
    try:
        with transaction(write=False) as db:
            invitation = invitations.read_invitation(db, token, actor=OPERATOR,
                                                     settings=settings(), now=clock())
        if form.validate_on_submit():
            try:
                with transaction() as db:
                    user, invitation = invitations.accept_invitation(
                        db, token, full_name=form.full_name.data or "",
                        password=form.password.data or "", locale=form.locale.data or "fr",
                        actor=OPERATOR, settings=settings(), now=clock())
                    auth.log_in(db, user)
                flash(_("Welcome: your account is ready."), "ok")
                if invitation.posting_reference:
                    return redirect(url_for("public.posting",
                                            reference=invitation.posting_reference))
                return redirect(auth.home_for(user.role.value))
            except DomainError as exc:
                if exc.field == "link":
                    raise
                form_errors(form, exc)
        elif not form.is_submitted():
            form.full_name.data = invitation.full_name
            form.locale.data = invitation.locale
    except DomainError as exc:
        problem = error_text(exc)
        problem = problem[:1].upper() + problem[1:]
    status = 400 if problem or form.errors else 200
    return render_template("web/auth/accept.html", form=form, problem=problem,
                           invitation=invitation,
                           logged_in=current_user.is_authenticated), status
