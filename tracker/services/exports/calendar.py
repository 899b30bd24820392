"""Each user's calendar: deadlines of the postings they track (have an application to) or own
(HR of the organisation, or a candidate's private posting) and the interviews of those
postings that concern them; with a secret feed URL token per user, revocable."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from tracker.exporters.ics import CalendarEntry, build_calendar
from tracker.i18n import LANGUAGES, gettext
from tracker.models import (
    Application,
    ApplicationStatus,
    CalendarEvent,
    CalendarFeedToken,
    Interview,
    InterviewStatus,
    Posting,
    PostingStatus,
    Role,
    User,
)
from tracker.services.reminders.invitations import (
    UID_DOMAIN,
    interview_changes,
    interview_uid,
)

Clock = Callable[[], datetime]


# Where the web face serves a feed (the route of tracker.web.keys.calendar_feed; a test of
# `tracker export ics --feed-token` fetches what it prints from the web face).
FEED_PATH = "/calendar/{token}.ics"


def feed_path(token: str) -> str:
    """The path of the calendar feed of `token` on the web face."""
    return FEED_PATH.format(token=token)


def feed_url(token: str, *, public_url: str | None) -> str | None:
    """The full address of the feed of `token` (settings.public_url + its path), or None
    when the public address of the web face is not configured."""
    return public_url.rstrip("/") + feed_path(token) if public_url else None


def feed_token(session: Session, user: User, clock: Clock) -> str:
    """The user's live calendar feed token; a new one if they have none."""
    live = session.scalar(sa.select(CalendarFeedToken).where(
        CalendarFeedToken.user_id == user.id, CalendarFeedToken.revoked_at.is_(None)))
    if live is not None:
        return live.token
    token = secrets.token_urlsafe(32)
    session.add(CalendarFeedToken(user_id=user.id, token=token, created_at=clock()))
    session.flush()
    return token


def current_feed_token(session: Session, user: User) -> str | None:
    """The user's live calendar feed token, or None if they have none (nothing is created)."""
    return session.scalar(sa.select(CalendarFeedToken.token).where(
        CalendarFeedToken.user_id == user.id, CalendarFeedToken.revoked_at.is_(None)))


def replace_feed_token(session: Session, user: User, clock: Clock) -> str:
    """A new feed token in place of the live one: the old URL stops working at once."""
    revoke_feed_token(session, user, clock)
    return feed_token(session, user, clock)


def revoke_feed_token(session: Session, user: User, clock: Clock) -> None:
    """The current feed URL stops working; the next feed_token() is a new one."""
    session.execute(
        sa.update(CalendarFeedToken)
        .where(CalendarFeedToken.user_id == user.id, CalendarFeedToken.revoked_at.is_(None))
        .values(revoked_at=clock())
    )
    session.flush()


def calendar_for_token(session: Session, token: str, clock: Clock) -> bytes | None:
    """The calendar of the token's user, or None for an unknown or revoked token."""
    if not token or len(token) > 64:
        return None
    live = session.scalar(sa.select(CalendarFeedToken).where(
        CalendarFeedToken.token == token, CalendarFeedToken.revoked_at.is_(None)))
    if live is None or not live.user.is_active or live.user.deleted_at is not None:
        return None
    return user_calendar(session, live.user, clock)


def _postings(session: Session, user: User) -> list[Posting]:
    query = sa.select(Posting).where(Posting.deleted_at.is_(None)).options(
        selectinload(Posting.interviews).selectinload(Interview.application))
    tracked = sa.select(Application.posting_id).where(
        Application.candidate_id == user.id, Application.deleted_at.is_(None),
        Application.status != ApplicationStatus.WITHDRAWN)
    mine = sa.or_(Posting.id.in_(tracked), Posting.owner_id == user.id)
    if user.role is Role.HR and user.organisation_id is not None:
        mine = sa.or_(mine, Posting.organisation_id == user.organisation_id)
    return list(session.scalars(query.where(mine).order_by(Posting.id)))


# The titles of the events (tracker.i18n's catalog), in the reader's language: a calendar shows
# no other words. The `subject` is the English title, the same for every reader.
_DEADLINE = "Deadline: %(title)s"
_INTERVIEW = "Interview: %(title)s"
_INTERVIEW_WITH = "Interview with %(who)s: %(title)s"


def _entries(user: User, posting: Posting) -> list[CalendarEntry]:
    """The posting's events for `user`: titles in the user's language (the `subject`, which
    says what the event is for the SEQUENCE, stays the same for everyone). A candidate sees
    their own interview, and the posting's interview days only while they have none."""
    entries = []
    employer = user.role is Role.HR and posting.organisation_id == user.organisation_id
    lang = _lang(user)
    label = f"{posting.title} ({posting.reference})"
    if posting.valid_through_date is not None:
        zone = ZoneInfo(posting.timezone)
        start = (datetime.combine(posting.valid_through_date, posting.valid_through_time,
                                  tzinfo=zone)
                 if posting.valid_through_time else posting.valid_through_date)
        apply = posting.apply_email or posting.apply_url or ""
        entries.append(CalendarEntry(
            uid=f"posting-{posting.id}-deadline@{UID_DOMAIN}",
            summary=gettext(lang, _DEADLINE, title=label), subject=gettext("en", _DEADLINE, title=label),
            busy=False, start=start, end=None,
            description="\n".join(filter(None, [posting.hiring_organization_name, apply])),
            location=posting.location,
            cancelled=posting.status is PostingStatus.CANCELLED,
            alarm_before=timedelta(days=2),
        ))
    own = [i for i in posting.interviews if i.application is not None
           and i.application.candidate_id == user.id]
    has_own_slot = any(i.status is InterviewStatus.SCHEDULED for i in own)
    for interview in posting.interviews:
        wide = interview.application_id is None
        concerned = (employer or interview in own) if not wide else (
            employer or not has_own_slot)
        if not concerned:
            continue
        zone = ZoneInfo(interview.timezone)
        if interview.start_time is not None:
            start = datetime.combine(interview.start_date, interview.start_time, tzinfo=zone)
            end: datetime | None = start + timedelta(minutes=interview.duration_minutes)
            before = timedelta(hours=2)
        else:
            start, end, before = interview.start_date, None, timedelta(days=1)
        summary = (gettext(lang, _INTERVIEW_WITH, who=interview.application.person_name,
                           title=label)
                   if employer and interview.application is not None
                   else gettext(lang, _INTERVIEW, title=label))
        entries.append(CalendarEntry(
            uid=interview_uid(interview.id),
            summary=summary, subject=gettext("en", _INTERVIEW, title=label),
            start=start, end=end,
            description=interview.video_url or "",
            location=interview.place or interview.video_url,
            cancelled=interview.status is InterviewStatus.CANCELLED
            or posting.status is PostingStatus.CANCELLED,
            alarm_before=before,
        ))
    return entries


def _sequences(session: Session, entries: list[CalendarEntry], now: datetime) -> dict[str, int]:
    """Each event's SEQUENCE: 0 when first exported, raised whenever its content changed, and
    for an interview never below the SEQUENCE its e-mailed invitations carry (one per move or
    cancellation, tracker.services.reminders.facts): a feed read after a move shows the event
    as the invitation did."""
    known = {row.uid: row for row in session.scalars(sa.select(CalendarEvent).where(
        CalendarEvent.uid.in_([e.uid for e in entries])))} if entries else {}
    floors = _interview_changes(session, [e.uid for e in entries])
    sequences = {}
    for entry in entries:
        fingerprint = entry.fingerprint()
        floor = floors.get(entry.uid, 0)
        row = known.get(entry.uid)
        if row is None:
            row = CalendarEvent(uid=entry.uid, fingerprint=fingerprint, sequence=floor,
                                changed_at=now)
            session.add(row)
            known[entry.uid] = row
        elif row.fingerprint != fingerprint:
            row.fingerprint, row.changed_at = fingerprint, now
            row.sequence = max(row.sequence + 1, floor)
        elif row.sequence < floor:
            row.sequence, row.changed_at = floor, now
        sequences[entry.uid] = row.sequence
    session.flush()
    return sequences


def _interview_changes(session: Session, uids: list[str]) -> dict[str, int]:
    ids = {int(m.group(1)): uid for uid in uids if (m := _INTERVIEW_UID.fullmatch(uid))}
    return {ids[i]: n for i, n in interview_changes(session, list(ids)).items()}


_INTERVIEW_UID = re.compile(rf"interview-(\d+)@{re.escape(UID_DOMAIN)}")


def user_calendar(session: Session, user: User, clock: Clock) -> bytes:
    """The user's calendar as an iCalendar document (bytes, UTF-8)."""
    now = clock()
    entries = [entry for posting in _postings(session, user) for entry in _entries(user, posting)]
    sequences = _sequences(session, entries, now)
    return build_calendar(entries, sequences, now,
                          name=gettext(_lang(user), "Postings of %(name)s", name=user.full_name))


def _lang(user: User) -> str:
    return user.locale.value if user.locale.value in LANGUAGES else "en"



