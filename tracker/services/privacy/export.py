"""A person's data as one zip archive (access and portability):

- `data.json`: everything the tracker holds about them (account, profile, applications with
  their history, answers, documents and interviews, applications an employer recorded under
  their address or name, the postings they logged, notifications, reminders planned and sent,
  calendar events and feed tokens (never the secret), API tokens (never the secret), login
  sessions with their IP and device, audit entries by them and about them, erasure requests);
- `documents/`: the files they uploaded, byte for byte;
- `dossiers/`: the dossier of each application as PDF;
- `README.txt`: what each file is, in their language.

The person exports their own data (or the operator or an admin does it for them). An employer's
hr staff export one candidate's data held by their organisation only: the applications to its
postings (with its notes and ratings: what it holds about the person), and nothing else.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.config import Settings
from tracker.domain.access import OPERATOR, Actor, visible_applications
from tracker.domain.errors import NotFound, PermissionDenied
from tracker.models import (
    ApiToken,
    Application,
    ApplicationMessage,
    AuditLog,
    CalendarFeedToken,
    Document,
    Erasure,
    Interview,
    Job,
    LoginSession,
    Notification,
    Posting,
    Reminder,
    Role,
    User,
    Visibility,
)
from tracker.services.dossiers.render import render_application, slug
from tracker.services.privacy.erase import received_under

FORMAT = "tracker-personal-data/1"


@dataclass(frozen=True)
class Export:
    filename: str
    content: bytes
    counts: dict[str, int]


def export_person(session: Session, user: User, *, actor: Actor, settings: Settings,
                  now: datetime, dossiers: bool = True) -> Export:
    """The zip of `user`'s data as `actor` may have it: the person (or the operator, or an
    admin) gets everything; hr staff get what their organisation holds (applications to its
    postings); anyone else nothing (a candidate who names another person is refused; hr who
    name someone who never applied to them learn nothing of whether that person exists)."""
    full = actor is OPERATOR or (isinstance(actor, User) and (
        actor.id == user.id or actor.role is Role.ADMIN))
    staff = isinstance(actor, User) and actor.role is Role.HR and not full
    if not full and not staff:
        raise PermissionDenied("user", "you may export only your own data")
    where = [sa.or_(Application.candidate_id == user.id, received_under(user.email, user.full_name))]
    if staff:
        where.append(visible_applications(actor))
        where.append(Application.posting_id.in_(sa.select(Posting.id).where(
            Posting.visibility == Visibility.PUBLIC)))
    apps = list(session.scalars(sa.select(Application).where(*where).order_by(Application.id)))
    if staff and not apps:
        raise NotFound("candidate", "no such candidate among your organisation's applicants")
    for_employer = staff or (isinstance(actor, User) and actor.role is Role.ADMIN
                             and actor.id != user.id)
    lang = user.locale.value if user.locale else "fr"

    files: dict[str, bytes] = {}
    data: dict[str, Any] = {
        "format": FORMAT,
        "generated_at": now,
        "scope": "organisation" if staff else "full",
        "organisation": actor.organisation.slug if staff and isinstance(actor, User)
        and actor.organisation else None,
        "account": _account(user),
    }
    data["applications"] = [_application(session, a, files, for_employer=for_employer,
                                         lang=lang, now=now, dossiers=dossiers)
                            for a in apps]
    if not staff:
        data["profile"] = _profile(user)
        data["private_postings"] = _private_postings(session, user)
        data["unattached_documents"] = [
            _document(d, files) for d in session.scalars(sa.select(Document).where(
                Document.owner_id == user.id, Document.application_id.is_(None))
                .order_by(Document.id))]
        data["notifications"] = [_row(n, "id", "title", "body", "link", "created_at", "read_at")
                                 for n in session.scalars(sa.select(Notification).where(
                                     Notification.user_id == user.id).order_by(Notification.id))]
        data["reminders"] = _reminders(session, user, apps)
        data["calendar"] = _calendar(session, user, apps)
        data["api_tokens"] = [_row(t, "id", "name", "prefix", "created_at", "last_used_at",
                                   "revoked_at")
                              for t in session.scalars(sa.select(ApiToken).where(
                                  ApiToken.user_id == user.id).order_by(ApiToken.id))]
        data["login_sessions"] = [_row(s, "id", "created_at", "last_seen_at", "device", "ip",
                                       "ended_at")
                                  for s in session.scalars(sa.select(LoginSession).where(
                                      LoginSession.user_id == user.id)
                                      .order_by(LoginSession.id))]
        data["audit"] = _audit(session, user, apps)
        data["dossier_jobs"] = [_row(j, "id", "kind", "language", "status", "created_at",
                                     "finished_at", "filename")
                                for j in session.scalars(sa.select(Job).where(
                                    Job.requested_by == user.id).order_by(Job.id))]
        data["erasure_requests"] = [_row(e, "id", "status", "requested_at")
                                    for e in session.scalars(sa.select(Erasure).where(
                                        Erasure.user_id == user.id))]
    counts = {
        "applications": len(apps),
        "documents": len([n for n in files if n.startswith("documents/")]),
        "dossiers": len([n for n in files if n.startswith("dossiers/")]),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README[lang].format(
            email=user.email, when=now.strftime("%Y-%m-%d %H:%M UTC"),
            scope=README_SCOPE[lang]["organisation" if staff else "full"],
        ))
        archive.writestr("data.json", json.dumps(data, default=_json, ensure_ascii=False,
                                                 indent=2))
        for name, content in files.items():
            archive.writestr(name, content)
    stamp = now.strftime("%Y%m%d")
    return Export(f"personal-data-{user.id}-{stamp}.zip", buffer.getvalue(), counts)


# -- the parts of data.json -----------------------------------------------------------------------


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return str(value)


def _row(obj: Any, *names: str) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def _account(user: User) -> dict[str, Any]:
    return _row(user, "id", "email", "full_name", "role", "locale", "timezone", "is_active",
                "created_at", "updated_at")


def _profile(user: User) -> dict[str, Any] | None:
    profile = user.profile
    if profile is None:
        return None
    found = _row(profile, "headline", "education_level", "education_detail",
                 "experience_years", "experience_summary", "created_at", "updated_at")
    found["skills"] = [s.label for s in profile.skills]
    found["languages"] = [_row(lang, "language", "level", "is_native")
                          for lang in profile.languages]
    return found


def _document(document: Document, files: dict[str, bytes]) -> dict[str, Any]:
    name = f"documents/{document.id}-{_safe(document.filename)}"
    files[name] = document.content
    found = _row(document, "id", "kind", "filename", "media_type", "size_bytes", "sha256",
                 "page_count", "uploaded_at")
    found["file"] = name
    return found


def _safe(filename: str) -> str:
    stem, dot, ext = filename.rpartition(".")
    return (slug(stem) + dot + slug(ext)) if dot else slug(filename)


def _application(session: Session, application: Application, files: dict[str, bytes], *,
                 for_employer: bool, lang: str, now: datetime,
                 dossiers: bool) -> dict[str, Any]:
    posting = application.posting
    found = _row(application, "id", "status", "submitted_at", "is_late", "cover_letter",
                 "created_at", "updated_at")
    if application.candidate_id is None:
        found["recorded_by_employer"] = {"name": application.applicant_name,
                                         "email": application.applicant_email}
    found["posting"] = {"reference": posting.reference, "title": posting.title,
                        "organisation": posting.hiring_organization_name,
                        "deadline": posting.valid_through}
    # the comments of the employer's moves are its own (the candidate's pages do not show
    # them): the candidate's copy has the comments of their own moves only
    found["history"] = [
        _row(h, "from_status", "to_status", "changed_at")
        | {"comment": h.comment if for_employer or (
            h.changed_by_id is not None and h.changed_by_id == application.candidate_id)
           else None}
        for h in application.history]
    answers = []
    for evidence in application.evidence:
        answer = {"requirement": evidence.requirement.label, "evidence": evidence.evidence,
                  "self_rating": evidence.self_rating, "updated_at": evidence.updated_at}
        if for_employer:
            answer["reviewer_rating"] = evidence.reviewer_rating
            answer["reviewed_at"] = evidence.reviewed_at
        answers.append(answer)
    found["answers"] = answers
    if for_employer:
        found["notes"] = [_row(n, "body", "created_at") for n in application.notes]
    found["documents"] = [_document(d, files) for d in application.documents]
    found["messages"] = [  # what the employer wrote to the candidate (issue #14)
        _row(m, "sent_at", "recipient_email", "language", "kind", "subject", "body")
        for m in session.scalars(sa.select(ApplicationMessage).where(
            ApplicationMessage.application_id == application.id)
            .order_by(ApplicationMessage.sent_at, ApplicationMessage.id))]
    found["interviews"] = [
        _row(i, "id", "start_date", "start_time", "timezone", "starts_at", "duration_minutes",
             "place", "video_url", "status") | ({"outcome": i.outcome} if for_employer else {})
        for i in session.scalars(sa.select(Interview).where(
            Interview.application_id == application.id).order_by(Interview.starts_at))]
    if dossiers:
        dossier = render_application(application, lang=lang, pdfa=False, now=now,
                                     for_employer=for_employer)
        name = f"dossiers/{application.id}-{dossier.filename}"
        files[name] = dossier.content
        found["dossier"] = name
    return found


def _private_postings(session: Session, user: User) -> list[dict[str, Any]]:
    return [_row(p, "id", "reference", "title", "hiring_organization_name", "status",
                 "valid_through", "source_url", "created_at")
            for p in session.scalars(sa.select(Posting).where(
                Posting.owner_id == user.id, Posting.visibility == Visibility.PRIVATE)
                .order_by(Posting.id))]


def _reminders(session: Session, user: User, apps: list[Application]) -> list[dict[str, Any]]:
    return [_row(r, "id", "kind", "channel", "recipient_email", "due_at", "status", "attempts",
                 "sent_at", "reason", "created_at")
            for r in session.scalars(sa.select(Reminder).where(sa.or_(
                Reminder.recipient_user_id == user.id,
                sa.func.lower(Reminder.recipient_email) == user.email.lower())).order_by(
                Reminder.due_at, Reminder.id))]


def _calendar(session: Session, user: User, apps: list[Application]) -> dict[str, Any]:
    """The events of the person's calendar (deadlines of the postings they applied to, their
    interviews) and their feed tokens' dates (the secret itself is left out)."""
    events = []
    for application in apps:
        posting = application.posting
        if posting.valid_through is not None:
            events.append({"kind": "deadline", "posting": posting.reference,
                           "title": posting.title, "at": posting.valid_through})
    for interview in session.scalars(sa.select(Interview).where(
            Interview.application_id.in_([a.id for a in apps])).order_by(Interview.starts_at)):
        events.append({"kind": "interview", "posting": interview.posting.reference,
                       "title": interview.posting.title, "at": interview.starts_at,
                       "status": interview.status})
    tokens = [_row(t, "created_at", "revoked_at") for t in session.scalars(
        sa.select(CalendarFeedToken).where(CalendarFeedToken.user_id == user.id)
        .order_by(CalendarFeedToken.id))]
    return {"events": events, "feed_tokens": tokens}


def _audit(session: Session, user: User, apps: list[Application]) -> dict[str, Any]:
    def entries(condition: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
        return [_row(e, "at", "action", "entity_type", "entity_id", "details")
                for e in session.scalars(sa.select(AuditLog).where(condition)
                                         .order_by(AuditLog.at, AuditLog.id))]

    about = sa.or_(
        sa.and_(AuditLog.entity_type == "user_account", AuditLog.entity_id == user.id),
        sa.and_(AuditLog.entity_type == "application",
                AuditLog.entity_id.in_([a.id for a in apps])),
        sa.and_(AuditLog.entity_type == "document", AuditLog.entity_id.in_(
            sa.select(Document.id).where(Document.owner_id == user.id))),
    )
    return {"by_them": entries(AuditLog.actor_id == user.id),
            "about_them": entries(sa.and_(about, sa.or_(AuditLog.actor_id.is_(None),
                                                        AuditLog.actor_id != user.id)))}


# -- the README -----------------------------------------------------------------------------------

README_SCOPE = {
    "en": {"full": "everything the tracker holds about you",
           "organisation": "what one employer holds about you: your applications to its "
                           "postings, with its notes and ratings"},
    "fr": {"full": "tout ce que le service conserve à votre sujet",
           "organisation": "ce qu'un employeur conserve à votre sujet : vos candidatures à ses "
                           "offres, avec ses notes et évaluations"},
}

README = {
    "en": """Your personal data
==================

Export of the data of {email}, made on {when}: {scope}.

What each file is:

data.json
    Everything in one JSON document (UTF-8): your account, your profile (skills,
    languages), your applications with their status history, your answers to each
    requirement, your documents and interviews, applications an employer recorded under
    your address or name, the postings you logged, your notifications, the reminders
    planned and sent to you, your calendar events and feed links (without the secret
    address), your API tokens (without the secret), your log-in sessions (with the IP
    address and device), the audit entries about you and made by you, and your erasure
    requests. Dates and times are in UTC (ISO 8601).

documents/
    The files you uploaded, byte for byte as they are stored (each named by its number
    and its file name; data.json says which application each belongs to).

dossiers/
    The dossier of each of your applications as a PDF, as it prints today.

README.txt
    This file.

You may ask for the erasure of your data from your account page ("Ask for the erasure
of my data") or by writing to the site's administrator.
""",
    "fr": """Vos données personnelles
========================

Export des données de {email}, établi le {when} : {scope}.

Contenu de chaque fichier :

data.json
    Tout, dans un document JSON (UTF-8) : votre compte, votre profil (compétences,
    langues), vos candidatures avec l'historique de leurs statuts, vos réponses à chaque
    exigence, vos documents et entretiens, les candidatures qu'un employeur a enregistrées
    sous votre adresse ou votre nom, les offres que vous avez notées, vos notifications,
    les rappels prévus et envoyés, les événements de votre calendrier et vos liens
    d'abonnement (sans l'adresse secrète), vos jetons d'API (sans le secret), vos sessions
    de connexion (avec l'adresse IP et l'appareil), les entrées du journal d'audit vous
    concernant ou faites par vous, et vos demandes d'effacement. Dates et heures en UTC
    (ISO 8601).

documents/
    Les fichiers que vous avez déposés, octet pour octet tels qu'ils sont conservés
    (chacun nommé par son numéro et son nom de fichier ; data.json indique à quelle
    candidature il appartient).

dossiers/
    Le dossier de chacune de vos candidatures en PDF, tel qu'il s'imprime aujourd'hui.

README.txt
    Ce fichier.

Vous pouvez demander l'effacement de vos données depuis la page de votre compte
(« Demander l'effacement de mes données ») ou en écrivant à l'administrateur du site.
""",
}

def subject_of(session: Session, *, actor: Actor, email: str | None = None,
               candidate_id: int | None = None) -> User:
    """The person an export names (by e-mail or account id), as `actor` may find them: a
    candidate only themselves; hr staff only a candidate who applied to their organisation
    (anyone else is 'not found', whether or not they exist); the operator and admins anyone."""
    query = sa.select(User).where(User.deleted_at.is_(None))
    if email is not None:
        query = query.where(sa.func.lower(User.email) == email.strip().lower())
    elif candidate_id is not None:
        query = query.where(User.id == candidate_id)
    else:
        raise NotFound("candidate", "no person named")
    user = session.scalar(query)
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        if user is None or user.id != actor.id:
            raise PermissionDenied("user", "you may export only your own data")
        return user
    if isinstance(actor, User) and actor.role is Role.HR:
        seen = user is not None and session.scalar(sa.select(sa.func.count()).where(
            Application.candidate_id == user.id, visible_applications(actor),
            Application.posting_id.in_(sa.select(Posting.id).where(
                Posting.visibility == Visibility.PUBLIC)))) or 0
        if not seen or user is None:
            raise NotFound("candidate", "no such candidate among your organisation's applicants")
        return user
    if user is None:
        raise NotFound("candidate", "no account %(who)s", who=str(email or candidate_id))
    return user



def export_named(session: Session, *, actor: Actor, settings: Settings, now: datetime,
                 email: str | None = None, candidate_id: int | None = None) -> Export:
    """export_person of the person named by e-mail or account id, found as `actor` may find
    them (subject_of)."""
    user = subject_of(session, actor=actor, email=email, candidate_id=candidate_id)
    return export_person(session, user, actor=actor, settings=settings, now=now)
