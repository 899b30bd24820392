"""The import pages' web address: the page is fetched by the imports service under its limits
(time: TRACKER_IMPORT_URL_TIMEOUT_S, a few seconds; size; redirects; public addresses only),
before any transaction opens, and then kept in the pending-import store like an uploaded file,
so that reviewing and saving never fetch it again. A refusal is said in the reader's language,
from its code and parameters."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from tracker.services import imports
from tracker.web.common import error_text, says_itself, settings

_KINDS = {
    "loopback": lambda: _("a loopback address"), "private": lambda: _("a private address"),
    "link-local": lambda: _("a link-local address"),
    "multicast": lambda: _("a multicast address"), "reserved": lambda: _("a reserved address"),
    "unspecified": lambda: _("an unspecified address"),
}


def refusal(error: imports.FetchRefused) -> str:
    """What went wrong, in the reader's language: the error's own words where the catalog
    has them, else worded here from its code and details."""
    if says_itself(error):
        return error_text(error)
    p: dict[str, Any] = dict(error.details)
    code = error.problem
    if code == "scheme":
        return _("the address must start with http:// or https://")
    if code == "credentials":
        return _("the address must not hold a user name or password")
    if code == "invalid":
        return _("%(url)s is not a web address", url=p.get("url", ""))
    if code == "dns":
        return _("%(host)s could not be found", host=p.get("host", ""))
    if code == "blocked":
        what = _KINDS.get(str(p.get("kind")), _KINDS["reserved"])()
        return _("%(host)s leads to %(address)s, %(what)s: only public addresses are fetched",
                 host=p.get("host", ""), address=p.get("address", ""), what=what)
    if code == "too_big":
        return _("the page is larger than the limit of %(mb)s MB", mb=p.get("mb", ""))
    if code == "timeout":
        return _("the page did not arrive within %(seconds)s s",
                 seconds=f"{float(p.get('seconds') or 0):g}")
    if code == "redirects":
        return _("the address redirects more than %(count)s times", count=p.get("count", ""))
    if code == "type":
        return _("the address gives %(type)s, not an HTML page, a PDF, JSON-LD or plain text",
                 type=p.get("type", ""))
    if code == "status":
        return _("the server answered %(status)s instead of the page",
                 status=p.get("status", ""))
    if code == "tls":
        return _("the secure connection to %(host)s failed (its certificate could not be "
                 "checked)", host=p.get("host", ""))
    if code == "connect" and p.get("host"):
        return _("%(host)s could not be reached", host=p["host"])
    if code == "encoding":
        return _("the page is sent compressed in a way that cannot be read")
    return _("the page could not be fetched")


def fetch_page(url: str) -> tuple[str, bytes, str]:
    """The page at `url`: a file name of its kind, its bytes and the address; FetchRefused
    otherwise."""
    fetched = imports.fetch_url(url.strip(), settings=settings())
    return fetched.filename, fetched.data, fetched.url
