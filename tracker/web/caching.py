"""Public pages a proxy or CDN may keep: an `ETag` and `Cache-Control` on each, and a 304 to a
conditional request whose tag still matches.

The tag is a digest of the page's own bytes, so it changes exactly when what a visitor reads
changes (a posting's requirements, its days left, the language) and never goes stale through a
row whose change did not touch the posting's `updated_at`. The page is still rendered, but
nothing is sent again, and a shared cache in front holds it for `max-age` seconds.

Only a visitor's page is shared (`public`): it then carries no session cookie, no CSRF token and
no one-off message. A logged-in user's copy of the same page is theirs (their application, a
CSRF token that changes every second): `private, no-store` and no tag, as every other page.
"""

from __future__ import annotations

from flask import Request, Response, get_flashed_messages, session
from flask_login import current_user

#: how long a shared cache may serve a visitor's copy without asking again
PUBLIC_MAX_AGE_S = 60


def conditional(response: Response, request: Request) -> Response:
    """Tag a public page's response and answer 304 where the client's copy is current."""
    if response.status_code != 200:
        return response
    shareable = (not current_user.is_authenticated and not session.modified
                 and not get_flashed_messages())
    # the language comes from the session cookie or from Accept-Language
    response.vary.update(("Cookie", "Accept-Language"))
    if not shareable:
        response.cache_control.private = True
        response.cache_control.no_store = True
        return response
    response.cache_control.public = True
    response.cache_control.max_age = PUBLIC_MAX_AGE_S
    response.add_etag()
    response.make_conditional(request)  # 304 and no body where the tag matches (in place)
    return response
