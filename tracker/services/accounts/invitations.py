"""Invitations by e-mail: admins invite staff (hr of an organisation, or admins), hr invite
staff of their own organisation, instead of choosing passwords for them; hr invite a candidate
to apply to one of their postings. No account exists until the invitee accepts.

An invitation is a signed link (links.py) that carries what it grants: the address, the role,
the organisation (or the posting), the name if given, who invited, when, and a random number
that names it in the audit trail. It expires after TRACKER_INVITATION_DAYS and works once: the
account it creates holds the address, and an address with an account accepts nothing. The
inviter's right is checked again when it is accepted. Inviting an address that already has an
account changes nothing and tells its owner alone (by e-mail); the inviter gets the same answer
either way."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker import mail
from tracker.config import Settings
from tracker.domain.access import OPERATOR, Actor
from tracker.domain.errors import Conflict, DomainError, NotFound, PermissionDenied
from tracker.domain.validation import normalise_email, parse_enum
from tracker.models import Locale, Organisation, Posting, PostingStatus, Role, User, Visibility
from tracker.services import audit
from tracker.services.accounts import links, organisations, users

PURPOSE = "invitation"
STAFF, APPLY = "staff", "apply"


@dataclass(frozen=True)
class AuditSubject:
    """What the audit rows of one invitation name: `invitation` and its random number (no row
    of its own: the invitation lives in its link)."""

    id: int
    __tablename__ = "invitation"


@dataclass(frozen=True)
class Invitation:
    """A genuine, unexpired, unused invitation, as the acceptance page shows it."""

    kind: str
    email: str
    role: Role
    full_name: str
    locale: str
    organisation: str | None  # the organisation's name
    organisation_slug: str | None  # of staff invited to an organisation
    posting_reference: str | None
    posting_title: str | None
    number: int


def _lang(actor: Actor, locale: str | None) -> str:
    if locale:
        return parse_enum(Locale, locale, "locale").value
    return actor.locale.value if isinstance(actor, User) else Locale.FR.value


def _inviter_name(actor: Actor, lang: str) -> str:
    if isinstance(actor, User):
        return actor.full_name
    return "L’administration du site" if lang == "fr" else "The site's administrators"


def _send(session: Session, *, actor: Actor, kind: str, email: str, lang: str,
          payload: dict[str, Any], context: dict[str, Any], settings: Settings,
          now: datetime, entity_details: dict[str, Any]) -> EmailMessage:
    """The e-mail of an invitation: to a new address, the link to accept; to an address with
    an account, a word to its owner alone. Audited the same either way."""
    number = secrets.randbelow(2**31 - 1) + 1
    existing = users.find_user(session, email)
    login_url = links.url(settings, "/login")
    days = settings.invitation_days
    context = {**context, "login_url": login_url, "days": days}
    if existing is not None:
        template = "invitation_exists" if kind == STAFF else "invitation_apply"
        message = mail.account_message(
            template, recipient=email, lang=existing.locale.value, settings=settings, now=now,
            context={**context, "name": existing.full_name, "accept_url": None, "url": None})
    else:
        token = links.sign({**payload, "k": kind, "e": email, "l": lang, "n": number,
                            "b": actor.id if isinstance(actor, User) else 0},
                           purpose=PURPOSE, settings=settings, now=now)
        accept = links.url(settings, f"/invitations/{token}")
        message = mail.account_message(
            "invitation_staff" if kind == STAFF else "invitation_apply", recipient=email,
            lang=lang, settings=settings, now=now,
            context={**context, "name": payload.get("m") or "", "url": accept,
                     "accept_url": accept})
    audit.record(session, at=now, actor=actor, action="invitation.sent",
                 entity=AuditSubject(number), details={"kind": kind, **entity_details})
    return message


def invite_staff(session: Session, *, actor: Actor, email: str, role: Role | str,
                 organisation: str | None = None, full_name: str = "",
                 locale: str | None = None, settings: Settings, now: datetime) -> EmailMessage:
    """Invite a member of staff: an admin (or the operator) invites hr of any organisation or
    an admin; hr invite hr of their own organisation. The e-mail to send comes back (the
    faces send it after their transaction)."""
    parsed = parse_enum(Role, role, "role")
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        raise PermissionDenied("role", "only staff invite staff")
    if parsed is Role.CANDIDATE:
        raise DomainError("role", "candidates are invited to apply to a posting")
    org: Organisation | None = None
    if isinstance(actor, User) and actor.role is Role.HR:
        if parsed is not Role.HR:
            raise PermissionDenied("role", "hr invite hr of their own organisation only")
        org = actor.organisation
        if organisation and org is not None and organisation != org.slug:
            raise PermissionDenied("organisation",
                                   "hr invite hr of their own organisation only")
    elif parsed is Role.HR:
        if not organisation:
            raise DomainError("organisation", "an hr user must belong to an organisation")
        org = organisations.get_organisation(session, organisation)
    elif organisation:
        raise DomainError("organisation", "admins do not belong to an organisation")
    address = normalise_email(email)
    lang = _lang(actor, locale)
    name = (full_name or "").strip()[:200]
    return _send(
        session, actor=actor, kind=STAFF, email=address, lang=lang, settings=settings, now=now,
        payload={"r": parsed.value, "o": org.id if org else 0, "m": name},
        context={"inviter": _inviter_name(actor, lang), "role": parsed.value,
                 "organisation": org.name if org else ""},
        entity_details={"role": parsed.value, "organisation": org.slug if org else None})


def _deadline(posting: Posting, lang: str) -> str | None:
    day = posting.valid_through_date
    if day is None:
        return None
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def _employer_posting(session: Session, reference: str, actor: Actor) -> Posting:
    """The posting of this reference that the actor recruits for: hr, their organisation's;
    an admin or the operator, any organisation's (refused when the reference is ambiguous).
    Apart from hiring's lookup, which needs this area (no loop between the two)."""
    query = sa.select(Posting).where(Posting.reference == (reference or "").strip(),
                                     Posting.deleted_at.is_(None),
                                     Posting.organisation_id.is_not(None))
    if isinstance(actor, User) and actor.role is Role.HR:
        query = query.where(Posting.organisation_id == actor.organisation_id)
    found = list(session.scalars(query.order_by(Posting.id).limit(20)))
    if not found:
        raise NotFound("posting", "no posting of yours with reference %(reference)r",
                       reference=reference)
    if len(found) > 1:
        raise Conflict("posting", "reference %(reference)r names %(count)s postings of different organisations",
                       reference=reference, count=len(found))
    return found[0]


def invite_candidate(session: Session, *, actor: Actor, email: str, posting: str,
                     locale: str | None = None, settings: Settings,
                     now: datetime) -> EmailMessage:
    """hr (or an admin) invite someone to apply to one of their organisation's open public
    postings: an e-mail with the posting's link and a link to create an account (or, to an
    address with an account, to log in). Nothing of anyone is shared by it."""
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        raise PermissionDenied("posting", "only staff invite candidates")
    found = _employer_posting(session, posting, actor)
    if found.visibility is not Visibility.PUBLIC or found.status is not PostingStatus.OPEN:
        raise DomainError("posting", "candidates are invited to open public postings only")
    address = normalise_email(email)
    lang = _lang(actor, locale)
    org_name = found.organisation.name if found.organisation else (
        found.hiring_organization_name or "")
    return _send(
        session, actor=actor, kind=APPLY, email=address, lang=lang, settings=settings, now=now,
        payload={"r": Role.CANDIDATE.value, "p": found.id, "m": ""},
        context={"inviter": _inviter_name(actor, lang), "organisation": org_name,
                 "title": found.title, "reference": found.reference,
                 "deadline": _deadline(found, lang),
                 "posting_url": links.url(settings, f"/postings/{found.reference}")},
        entity_details={"posting": found.id})


def _still_entitled(session: Session, inviter_id: int, role: Role,
                    organisation_id: int | None, posting: Posting | None) -> bool:
    """Whether whoever invited may still invite so (0: the operator, always)."""
    if not inviter_id:
        return True
    inviter = session.get(User, inviter_id)
    if inviter is None or inviter.deleted_at is not None or not inviter.is_active:
        return False
    if inviter.role is Role.ADMIN:
        return True
    if inviter.role is not Role.HR:
        return False
    if posting is not None:
        return posting.organisation_id == inviter.organisation_id
    return role is Role.HR and organisation_id == inviter.organisation_id


def read_invitation(session: Session, token: str, *, actor: Actor, settings: Settings,
                    now: datetime) -> Invitation:
    """The invitation a link carries, if it is genuine, unexpired and unused, and what it
    grants is still there; else a DomainError on `link`."""
    payload = links.read(token, purpose=PURPOSE, settings=settings, now=now,
                         valid_for=timedelta(days=settings.invitation_days))
    try:
        kind, email, role = str(payload["k"]), str(payload["e"]), Role(payload["r"])
        org_id, posting_id = int(payload.get("o") or 0), int(payload.get("p") or 0)
        inviter_id, number = int(payload.get("b") or 0), int(payload["n"])
    except (KeyError, ValueError, TypeError) as exc:
        raise links.invalid() from exc
    if users.find_user(session, email) is not None:
        raise links.used()
    org = session.get(Organisation, org_id) if org_id else None
    found = session.get(Posting, posting_id) if posting_id else None
    if (kind == STAFF and role is Role.HR and org is None) or (
            kind == APPLY and (found is None or found.deleted_at is not None)):
        raise links.used()
    if not _still_entitled(session, inviter_id, role, org_id or None, found):
        raise links.used()
    return Invitation(
        kind=kind, email=email, role=role, full_name=str(payload.get("m") or ""),
        locale=str(payload.get("l") or "fr"), number=number,
        organisation_slug=org.slug if org and kind == STAFF else None,
        organisation=org.name if org else (found.organisation.name if found is not None
                                           and found.organisation else None),
        posting_reference=found.reference if found is not None else None,
        posting_title=found.title if found is not None else None)


def accept_invitation(session: Session, token: str, *, full_name: str, password: str,
                      locale: str, actor: Actor, settings: Settings,
                      now: datetime) -> tuple[User, Invitation]:
    """The invitee's account, made from the invitation with the name and password they chose
    (the password rule applies); the link is spent with it."""
    invitation = read_invitation(session, token, actor=actor, settings=settings, now=now)
    user = users.create_user(
        session, email=invitation.email, full_name=full_name, role=invitation.role,
        organisation=invitation.organisation_slug, locale=locale or invitation.locale,
        password=password, clock=lambda: now,
        actor=OPERATOR,  # nobody is logged in yet: the system makes the invited account
    )
    audit.record(session, at=now, actor=user, action="invitation.accepted",
                 entity=AuditSubject(invitation.number),
                 details={"kind": invitation.kind, "user": user.id,
                          "role": invitation.role.value})
    return user, invitation



def invitable_postings(session: Session, *, actor: Actor) -> list[tuple[str, str]]:
    """(reference, title) of the open public postings the actor may invite candidates to."""
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        return []
    query = sa.select(Posting.reference, Posting.title).where(
        Posting.deleted_at.is_(None), Posting.organisation_id.is_not(None),
        Posting.visibility == Visibility.PUBLIC, Posting.status == PostingStatus.OPEN)
    if isinstance(actor, User) and actor.role is Role.HR:
        query = query.where(Posting.organisation_id == actor.organisation_id)
    return [(r, t) for r, t in session.execute(query.order_by(Posting.reference))]
