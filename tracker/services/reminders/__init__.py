"""Reminders and notifications: what reminders there should be (`rules`), the outbox rows that
match them (`outbox`, kept current by `planner` and `events`), what people choose
(`settings`), what a due row would say (`facts`), delivery (`dispatch`), the in-app inbox
(`notifications`) and the daily digest of new applications for hr (`digest`).

The database holds the truth; the scheduler and `tracker reminders send` only call `dispatch`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.reminders.decision import (
        CANCEL,
        EXPIRE,
        SEND,
    )
    from tracker.services.reminders.digest import (
        DIGEST_AT,
        decide_digest,
        due_digest,
        new_applications,
        plan_digests,
        user_zone,
    )
    from tracker.services.reminders.dispatch import (
        DispatchReport,
        DueItem,
        backoff,
        claim,
        deliver_due,
        due,
        release_expired_leases,
        run_once,
        unique_key,
    )
    from tracker.services.reminders.events import (
        EVENT_OF_CODE,
        INTERVIEW_EVENTS,
        application_received,
        interview_changed,
        parse_event,
        silence,
        status_changed,
    )
    from tracker.services.reminders.facts import (
        INTERVIEW_CHANGES,
        Decision,
        decide,
    )
    from tracker.services.reminders.notifications import (
        LinkTarget,
        latest_unread,
        link_target,
        list_notifications,
        mark_all_read,
        mark_read,
        unread_count,
    )
    from tracker.services.reminders.outbox import (
        UNIQUE,
        SyncResult,
        insert_ignore,
        planned_late_reason,
        sync_rows,
    )
    from tracker.services.reminders.planner import (
        RECONCILE_HORIZON,
        channel_switches,
        get_reminder,
        list_reminders,
        offsets_for,
        receives_reminders,
        reconcile,
        retry,
        retry_many,
        sync_application,
        sync_interview,
        sync_posting,
        sync_posting_kind,
    )
    from tracker.services.reminders.rules import (
        ANY,
        BEFORE_ANCHOR,
        CHANNELS,
        EVENT_KINDS,
        KIND_CHANNELS,
        PLANNED_LATE_AFTER,
        TOLD_AGAIN_WHEN_MOVED,
        Offset,
        Planned,
        Recipient,
        email_key,
        is_on,
        parse_kind,
        parse_offset,
        plan,
        user_key,
    )
    from tracker.services.reminders.settings import (
        OFFSET_KINDS,
        organisation_offsets,
        set_offsets,
        set_switch,
        set_switches,
        switch_states,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "decision": ("SEND", "EXPIRE", "CANCEL"),
    "digest": ("DIGEST_AT", "plan_digests", "decide_digest", "due_digest", "new_applications",
               "user_zone"),
    "dispatch": (
        "DispatchReport", "backoff", "unique_key", "run_once", "DueItem", "deliver_due", "due",
        "release_expired_leases", "claim",
    ),
    "events": (
        "status_changed", "interview_changed", "silence", "parse_event", "INTERVIEW_EVENTS",
        "EVENT_OF_CODE", "application_received",
    ),
    "facts": ("Decision", "decide", "INTERVIEW_CHANGES",),
    "notifications": (
        "list_notifications", "unread_count", "mark_read", "mark_all_read", "latest_unread",
        "LinkTarget", "link_target",
    ),
    "outbox": ("SyncResult", "sync_rows", "planned_late_reason", "insert_ignore", "UNIQUE",),
    "planner": (
        "sync_posting", "sync_application", "sync_interview", "reconcile", "list_reminders",
        "get_reminder", "retry", "retry_many", "sync_posting_kind", "offsets_for",
        "channel_switches", "receives_reminders", "RECONCILE_HORIZON",
    ),
    "rules": (
        "Offset", "parse_offset", "parse_kind", "Recipient", "user_key", "email_key", "Planned",
        "plan", "is_on", "EVENT_KINDS", "BEFORE_ANCHOR", "TOLD_AGAIN_WHEN_MOVED",
        "PLANNED_LATE_AFTER", "CHANNELS", "ANY", "KIND_CHANNELS",
    ),
    "settings": (
        "set_switch", "switch_states", "set_switches", "organisation_offsets", "set_offsets",
        "OFFSET_KINDS",
    ),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
