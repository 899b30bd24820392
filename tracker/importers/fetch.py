"""A posting fetched from a web address, under limits, for the importers to read.

- http and https only, no user name or password in the address;
- the host is resolved first, and every address it resolves to must be a public one: loopback,
  private, link-local, multicast, reserved, unspecified and shared ranges are refused (IPv4 and
  IPv6, IPv4-mapped IPv6 read as the IPv4 it carries);
- the connection goes to the address that was checked (pinned: a second DNS answer cannot
  switch it), with the host name kept for the Host header and for TLS (SNI and certificate);
- redirects are followed by hand, at most `max_redirects`, each new address checked the same
  way;
- the whole fetch must end within `timeout_s`, the body is streamed and stopped past
  `max_bytes` (decompressed size, when the server compresses), and only HTML, PDF, JSON-LD or
  JSON and plain text are taken.

Every refusal is a FetchRefused naming the field `url`, with a code and its parameters so that
faces can say it in the reader's language. Nothing here touches a database: call it before any
transaction opens.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from tracker.i18n import Text
from tracker.importers.base import ImportFailed

MEDIA_KINDS = {
    "text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
    "application/ld+json": "jsonld", "application/json": "jsonld", "text/plain": "text",
}
EXTENSIONS = {"html": ".html", "pdf": ".pdf", "jsonld": ".jsonld", "text": ".txt"}
USER_AGENT = "posting-tracker (posting import)"


class FetchRefused(ImportFailed):
    """A web address the tracker will not fetch, or a fetch that broke a limit."""

    def __init__(self, problem: str, message: str, /, **details: Any) -> None:
        super().__init__("url", message, **details)
        self.problem = problem
        self.details = details


# What each kind of address that is never fetched is called (blocked_kind's answers).
_KIND_WORDS = {
    "loopback": Text("a loopback address"), "private": Text("a private address"),
    "link-local": Text("a link-local address"), "multicast": Text("a multicast address"),
    "reserved": Text("a reserved address"), "unspecified": Text("an unspecified address"),
}


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int
    timeout_s: float
    max_redirects: int
    # Tests only: the one loopback port of the test's own server that may be fetched.
    test_loopback_port: int | None = None


@dataclass
class Fetched:
    url: str  # the address asked for
    final_url: str  # after redirects
    data: bytes
    media_type: str
    kind: str  # 'html', 'pdf', 'jsonld' or 'text'
    filename: str  # a name for the file, with the extension of its kind
    redirects: list[str] = field(default_factory=list)


def fetch(url: str, limits: FetchLimits) -> Fetched:
    """The body of `url` (see the module for the limits), or FetchRefused."""
    import urllib3

    deadline = time.monotonic() + limits.timeout_s
    current = check_url(url)
    redirects: list[str] = []
    while True:
        parts = urlsplit(current)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = resolve(host, port, limits)
        response = _request(urllib3, parts, address, port, deadline, limits)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchRefused("status", "the server answered %(status)s without saying "
                                                 "where to go", status=str(response.status))
                if len(redirects) >= limits.max_redirects:
                    raise FetchRefused("redirects", "the address redirects more than %(count)s "
                                                    "times", count=limits.max_redirects)
                current = check_url(urljoin(current, location.strip()))
                redirects.append(current)
                continue
            if response.status != 200:
                raise FetchRefused("status", "the server answered %(status)s instead of the page",
                                   status=str(response.status))
            media_type = (response.headers.get("Content-Type") or "").split(";")[0].strip()
            kind = MEDIA_KINDS.get(media_type.lower())
            if kind is None:
                raise FetchRefused("type", "the address gives %(type)s, not an HTML page, a PDF, "
                                           "JSON-LD or plain text",
                                   type=media_type or Text("no type"))
            data = _body(response, deadline, limits)
        finally:
            response.release_conn()
        return Fetched(url, current, data, media_type.lower(), kind, _filename(current, kind),
                       redirects)


def check_url(url: str) -> str:
    """`url` if it is an http or https address without credentials, else FetchRefused."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 -- raises ValueError on a port out of range
    except ValueError as exc:
        raise FetchRefused("invalid", "%(url)r is not a web address", url=text[:200]) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchRefused("scheme", "the address must start with http:// or https://")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise FetchRefused("credentials", "the address must not hold a user name or password")
    if not parts.hostname or len(text) > 2000 or any(c.isspace() for c in text):
        raise FetchRefused("invalid", "%(url)r is not a web address", url=text[:200])
    return text


def blocked_kind(address: str) -> str | None:
    """Why `address` may not be fetched ('loopback', 'private', ...), or None for a public
    address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, test in (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
                       ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                       ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if test:
            return kind
    if not ip.is_global:  # shared address space (100.64.0.0/10), documentation ranges...
        return "reserved"
    return None


def resolve(host: str, port: int, limits: FetchLimits) -> str:
    """The address to connect to: every address `host` resolves to must be public (or the
    test's own loopback port), else FetchRefused naming the first that is not."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused("dns", "%(host)s could not be found", host=host) from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchRefused("dns", "%(host)s could not be found", host=host)
    for address in addresses:
        kind = blocked_kind(address)
        if kind == "loopback" and limits.test_loopback_port is not None \
                and port == limits.test_loopback_port:
            continue
        if kind is not None:
            raise FetchRefused("blocked", "%(host)s leads to %(address)s, %(what)s: only public "
                                          "addresses are fetched",
                               host=host, address=address, kind=kind,
                               what=_KIND_WORDS.get(kind, _KIND_WORDS["reserved"]))
    return addresses[0]


def _remaining(deadline: float, limits: FetchLimits) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchRefused("timeout", "the page did not arrive within %(seconds)s s",
                           seconds=float(limits.timeout_s))
    return left


def _request(urllib3: Any, parts: Any, address: str, port: int, deadline: float,
             limits: FetchLimits) -> Any:
    left = _remaining(deadline, limits)
    timeout = urllib3.Timeout(connect=left, read=left)
    host = parts.hostname
    pool: Any
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(address, port, timeout=timeout, retries=False,
                                           server_hostname=host, assert_hostname=host,
                                           cert_reqs="CERT_REQUIRED")
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    default_port = 443 if parts.scheme == "https" else 80
    named = f"[{host}]" if ":" in host else host
    headers = {"Host": named if parts.port is None or port == default_port
               else f"{named}:{port}",
               "User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, identity",
               "Accept": "text/html, application/pdf, application/ld+json, application/json, "
                         "text/plain;q=0.9, */*;q=0.1"}
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        return pool.urlopen("GET", path, headers=headers, redirect=False, retries=False,
                            preload_content=False, decode_content=False,
                            assert_same_host=False)
    except urllib3.exceptions.TimeoutError as exc:
        raise FetchRefused("timeout", "the page did not arrive within %(seconds)s s",
                           seconds=float(limits.timeout_s)) from exc
    except urllib3.exceptions.SSLError as exc:
        raise FetchRefused("tls", "the secure connection to %(host)s failed (its certificate "
                                  "could not be checked)", host=host) from exc
    except urllib3.exceptions.HTTPError as exc:
        raise FetchRefused("connect", "%(host)s could not be reached", host=host) from exc


def _body(response: Any, deadline: float, limits: FetchLimits) -> bytes:
    """The body streamed under the time and size limits, decompressed if it was sent
    compressed (the decompressed size counts)."""
    declared = response.headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > limits.max_bytes:
        raise _too_big(limits)
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchRefused("encoding", "the page is sent in an encoding the tracker does not "
                                       "read (%(encoding)s)", encoding=encoding)
    inflater = None if encoding == "identity" else zlib.decompressobj(
        16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
    chunks: list[bytes] = []
    size = 0
    import urllib3

    while True:
        _remaining(deadline, limits)
        try:
            chunk = response.read1(64 * 1024)
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchRefused("timeout", "the page did not arrive within %(seconds)s s",
                               seconds=float(limits.timeout_s)) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchRefused("connect", "the connection broke before the page arrived") \
                from exc
        if not chunk:
            break
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, limits.max_bytes - size + 1)
            except zlib.error as exc:
                raise FetchRefused("encoding", "the page's compressed data is damaged",
                                   encoding=encoding) from exc
        size += len(chunk)
        if size > limits.max_bytes:
            raise _too_big(limits)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(limits: FetchLimits) -> FetchRefused:
    megabytes = f"{limits.max_bytes / 1_000_000:.1f}".removesuffix(".0")
    return FetchRefused("too_big", "the page is larger than the limit of %(mb)s MB",
                        mb=megabytes)


def _filename(url: str, kind: str) -> str:
    """A file name for what was fetched: the last part of the path, with the extension of its
    kind ('offre-123.pdf', 'index.html')."""
    parts = urlsplit(url)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    stem = "".join(c if c.isalnum() or c in "-_." else "-" for c in last)[:80].strip(".-")
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return f"{stem or parts.hostname or 'page'}{EXTENSIONS[kind]}"
