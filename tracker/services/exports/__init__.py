"""What leaves the tracker in other formats: a posting as JSON-LD, applications as CSV, the
iCalendar files and each user's calendar feed. The faces reach `tracker.exporters` only
through here, with plain data built from the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.exports.calendar import (
        UID_DOMAIN,
        calendar_for_token,
        current_feed_token,
        feed_path,
        feed_token,
        feed_url,
        replace_feed_token,
        revoke_feed_token,
        user_calendar,
    )
    from tracker.services.exports.formats import (
        applications_csv,
        posting_jsonld,
        public_posting_jsonld,
        published_jsonld,
    )

_MODULES: dict[str, tuple[str, ...]] = {
    "calendar": (
        "feed_token", "current_feed_token", "replace_feed_token", "revoke_feed_token",
        "calendar_for_token", "user_calendar", "UID_DOMAIN", "feed_path", "feed_url",
    ),
    "formats": (
        "posting_jsonld", "applications_csv", "public_posting_jsonld", "published_jsonld",
    ),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
