"""An organisation's retention policy and privacy notice, as admins set them and people read them.

The periods: applications that did not lead to a hire are anonymised `applications_months`
after their posting closed; candidates who applied to the organisation are deleted after
`accounts_months` without log-in (the longest period of the organisations they applied to
applies; settings.retention_account_months for those who applied to none); a candidate's consent
to the organisation's talent pool holds `talent_pool_months` after it was given, unless revoked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from tracker.domain.access import Actor, Operator
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.i18n import Text
from tracker.models import Organisation, Role
from tracker.services import audit
from tracker.services.accounts.organisations import (
    find_organisation,
    get_organisation,
    list_organisations,
)

# Ten years: longer than any rule a person would mean; a larger number is a typo.
MAX_MONTHS = 120
NOTICE_MAX = 20_000
LANGS = ("fr", "en")
DEFAULT_APPLICATIONS_MONTHS = 24  # the column's default: what an organisation starts with


@dataclass(frozen=True)
class Policy:
    slug: str
    name: str
    applications_months: int
    accounts_months: int
    talent_pool_months: int
    notice_fr: bool  # whether the organisation wrote its own notice in this language
    notice_en: bool


def policy_of(org: Organisation) -> Policy:
    return Policy(org.slug, org.name, org.retention_applications_months,
                  org.retention_accounts_months, org.talent_pool_months,
                  bool(org.privacy_notice_fr), bool(org.privacy_notice_en))


def _check_admin(actor: Actor, what: Text) -> None:
    if not (isinstance(actor, Operator) or actor.role is Role.ADMIN):
        raise PermissionDenied("organisation", "only an admin %(what)s", what=what)


def _months(value: int | None, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_MONTHS:
        raise DomainError(field, "must be a whole number of months from 1 to %(limit)s, not %(value)s",
                          limit=MAX_MONTHS, value=value)
    return value


def set_retention(
    session: Session, slug: str, *, applications_months: int | None = None,
    accounts_months: int | None = None, talent_pool_months: int | None = None,
    actor: Actor, now: datetime,
) -> Policy:
    """Change the periods given (None: unchanged) of organisation `slug`; admins only."""
    _check_admin(actor, Text("sets retention periods"))
    apps = _months(applications_months, "applications_months")
    accounts = _months(accounts_months, "accounts_months")
    pool = _months(talent_pool_months, "talent_pool_months")
    org = get_organisation(session, slug)
    before = policy_of(org)
    if apps is not None:
        org.retention_applications_months = apps
    if accounts is not None:
        org.retention_accounts_months = accounts
    if pool is not None:
        org.talent_pool_months = pool
    org.updated_at = now
    session.flush()
    audit.record(session, at=now, actor=actor, action="organisation.retention", entity=org,
                 details={"from": [before.applications_months, before.accounts_months,
                                   before.talent_pool_months],
                          "to": [org.retention_applications_months,
                                 org.retention_accounts_months, org.talent_pool_months]})
    return policy_of(org)


def set_privacy_notice(session: Session, slug: str, *, lang: str, text: str | None,
                       actor: Actor, now: datetime) -> Policy:
    """The organisation's own privacy notice in `lang` (fr or en); empty or None: the default
    notice again. Admins only."""
    _check_admin(actor, Text("sets privacy notices"))
    if lang not in LANGS:
        raise DomainError("lang", "must be fr or en, not %(lang)r", lang=lang)
    cleaned = (text or "").replace("\r\n", "\n").strip() or None
    if cleaned is not None and len(cleaned) > NOTICE_MAX:
        raise DomainError("privacy_notice", "is %(count)s characters long, more than %(limit)s",
                          count=len(cleaned), limit=NOTICE_MAX)
    org = get_organisation(session, slug)
    setattr(org, f"privacy_notice_{lang}", cleaned)
    org.updated_at = now
    session.flush()
    audit.record(session, at=now, actor=actor, action="organisation.privacy_notice",
                 entity=org, details={"lang": lang, "characters": len(cleaned or "")})
    return policy_of(org)


@dataclass(frozen=True)
class Notice:
    """An organisation's own notice in a language (None: the page shows the default one)."""

    slug: str
    name: str
    text: str | None
    applications_months: int
    accounts_months: int


def privacy_notice(session: Session, slug: str | None, *, lang: str) -> Notice | None:
    """The notice of organisation `slug` in `lang`, else in the other language; None when
    no such organisation. Anyone may read it (before registering)."""
    org = find_organisation(session, slug) if slug else None
    if org is None:
        return None
    return _notice(org, lang)


def _text(org: Organisation, lang: str) -> str | None:
    own = org.privacy_notice_fr if lang == "fr" else org.privacy_notice_en
    return own or org.privacy_notice_en or org.privacy_notice_fr


def own_notices(session: Session, *, lang: str) -> list[Notice]:
    """Every organisation that wrote its own notice, with it in `lang` (or the other one)."""
    return [notice for org in list_organisations(session)
            if (notice := _notice(org, lang)).text]


def _notice(org: Organisation, lang: str) -> Notice:
    return Notice(org.slug, org.name, _text(org, lang), org.retention_applications_months,
                  org.retention_accounts_months)


def list_policies(session: Session, *, actor: Actor) -> list[Policy]:
    """Every organisation's retention periods (for admins and the operator)."""
    _check_admin(actor, Text("reads the retention periods of organisations"))
    return [policy_of(org) for org in list_organisations(session)]
