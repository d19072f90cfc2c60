"""Fetching pages and feeds over HTTP with httpx: timeouts, retries with backoff, a size cap,
content-type checks and a User-Agent from the config. Links found inside feeds (``found_in``) may
not reach loopback, private or link-local addresses unless ``fetch_private_addresses`` is set (SSRF).

The transport is a seam: pass ``transport=httpx.MockTransport(handler)`` (or point at a local
test server) and nothing touches the network. A failure never raises out of a reader: it becomes
a Document with status error and a reason (see :func:`eventwire.ingest.urls.read_url`).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from ..config import Config
from ..errors import DocumentError, Errors

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+xml")
ACCEPTED = HTML_TYPES + TEXT_TYPES + FEED_TYPES
# Worth another try: the server is busy or broken for a moment, or asked us to wait.
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
# Never wait longer than this for a server's Retry-After.
MAX_WAIT = 30.0


@dataclass
class Fetched:
    """A fetched resource: its final URL, the body and its media type."""

    url: str
    content: bytes
    media_type: str  # "text/html", "" when the server did not say
    content_type: str  # the raw header, with its charset parameter

    @property
    def is_feed(self) -> bool:
        return self.media_type in FEED_TYPES

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


_URL_START = re.compile(r"\s*https?://", re.IGNORECASE)


def looks_like_url(text: str) -> bool:
    """True for text that starts like an http(s) URL, well formed or not (``https://[::1`` too)."""
    return bool(_URL_START.match(text))


def url_problem(text: str) -> str | None:
    """Why ``text`` is not a usable absolute http(s) URL, or None when it is one.

    urllib raises ValueError for a bracketed host left open or a port out of range; one such URL
    in a feed or a list must become that document's reason, not stop the run, so it is asked here.
    """
    try:
        parts = urlsplit(text.strip())
        _ = parts.port  # parsed lazily: an out-of-range or non-numeric port raises only here
    except ValueError as err:
        return str(err)
    if parts.scheme.lower() not in ("http", "https"):
        return "not http or https"
    if not parts.hostname:
        return "no host"
    return None


def resolve_host(host: str) -> list[str]:
    """The addresses a host name resolves to (an address literal is its own); [] when it does not resolve."""
    try:
        return [ipaddress.ip_address(host.strip("[]")).compressed]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):  # gaierror is an OSError; an over-long label a UnicodeError
        return []
    return sorted({str(info[4][0]).split("%")[0] for info in infos})


def address_kind(address: str) -> str | None:
    """Why eventwire must not fetch a discovered link at ``address`` ("loopback", "private", ...), or None.

    Everything that is not a global unicast address is refused: loopback, private (RFC 1918, unique
    local), link-local (cloud metadata services live at 169.254.169.254), shared (100.64/10),
    reserved, unspecified and multicast; an IPv4 address inside IPv6 (``::ffff:127.0.0.1``) is judged
    as the IPv4 one.
    """
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "unspecified", "link_local", "private", "multicast", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-global"


def is_url(text: str) -> bool:
    """True for a well-formed absolute http(s) URL (never raises, whatever the text)."""
    return url_problem(text) is None


class Fetcher:
    """An HTTP client with the config's politeness and limits; reuse one for many URLs."""

    def __init__(self, config: Config | None = None, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 resolve: Callable[[str], list[str]] | None = None) -> None:
        self.config = config or Config()
        self._transport = transport
        self._sleep = sleep
        self._resolve = resolve  # tests give a table of names; None: resolve_host, looked up when called
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:  # created on first use: reading local files never opens one
            self._client = httpx.Client(
                transport=self._transport,
                timeout=httpx.Timeout(self.config.fetch_timeout),
                headers={"User-Agent": self.config.user_agent,
                         "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                                   "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"},
                follow_redirects=True,
                max_redirects=10,
                trust_env=self.config.fetch_trust_env,
                # Run before every request, each redirect's too: a public link may redirect inward.
                event_hooks={"request": [self._guard]},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def get(self, url: str, found_in: str | None = None) -> Fetched:
        """Fetch one URL; raises DocumentError (E011, E012 or E004) with a reason a person can act on.

        ``found_in`` names the feed or page a link was found in: such a link (and every redirect
        from it) may not reach a non-global address unless ``fetch_private_addresses`` is set
        (E021). A URL the user gave (``found_in`` None) is fetched wherever it points.
        """
        if not is_url(url):
            raise DocumentError(Errors.E011, url=url, cause="not an http(s) URL")
        attempts = 1 + max(0, self.config.fetch_retries)
        guard = None if found_in is None or self.config.fetch_private_addresses else found_in
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                return self._get_once(url, guard)
            except _Retry as retry:
                if last:
                    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
                    raise DocumentError(Errors.E011, url=url, cause=f"{retry.cause}{tries}") from None
                self._sleep(retry.wait if retry.wait is not None else self.config.fetch_backoff * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _guard(self, request: httpx.Request) -> None:
        """Refuse a request for a discovered link whose host resolves to a non-global address (E021).

        The name is resolved here, before the request; an attacker's DNS that answers with a public
        address now and a private one at connect time (rebinding) gets through this check, which is why
        the guard is a default for feeds, not a sandbox. A name that does not resolve here is let
        through: the fetch fails on its own (or a proxy that knows the name fetches it).
        """
        found_in = request.extensions.get(_GUARD)
        if found_in is None:
            return
        host = request.url.host
        for address in (self._resolve or resolve_host)(host):
            kind = address_kind(address)
            if kind is not None:
                raise DocumentError(Errors.E021, url=str(request.url), what=found_in, address=address, kind=kind)

    def _get_once(self, url: str, guard: str | None = None) -> Fetched:
        try:
            extensions = {_GUARD: guard} if guard is not None else {}
            with self.client.stream("GET", url, extensions=extensions) as resp:
                if resp.status_code >= 400:
                    cause = f"HTTP {resp.status_code} {resp.reason_phrase}".strip()
                    if resp.status_code in RETRY_STATUS:
                        raise _Retry(cause, _retry_after(resp))
                    raise DocumentError(Errors.E011, url=url, cause=cause)
                ctype = resp.headers.get("content-type", "")
                media = ctype.split(";")[0].strip().lower()
                if media and media not in ACCEPTED:
                    raise DocumentError(Errors.E012, url=url, ctype=media)
                limit = self.config.fetch_max_bytes
                declared = resp.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise DocumentError(Errors.E004, "skipped", what=url, size=int(declared), limit=limit)
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > limit:  # a server may send more than it declared, or not declare
                        raise DocumentError(Errors.E004, "skipped", what=url, size=f"over {limit}", limit=limit)
                return Fetched(url=str(resp.url), content=bytes(body), media_type=media, content_type=ctype)
        except httpx.TimeoutException as err:
            raise _Retry(f"timed out after {self.config.fetch_timeout:g} s ({type(err).__name__})") from err
        except httpx.TooManyRedirects as err:
            raise DocumentError(Errors.E011, url=url, cause="too many redirects") from err
        except httpx.TransportError as err:
            raise _Retry(f"{type(err).__name__}: {err}") from err
        except httpx.InvalidURL as err:
            raise DocumentError(Errors.E011, url=url, cause=f"invalid URL ({err})") from err


# The request extension that marks a discovered link, naming where it was found (httpx passes a
# request's extensions on to the requests of its redirects).
_GUARD = "eventwire.found_in"


class _Retry(Exception):
    """A failure worth another attempt after a pause."""

    def __init__(self, cause: str, wait: float | None = None) -> None:
        super().__init__(cause)
        self.cause = cause
        self.wait = wait


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("retry-after", "")
    return min(float(value), MAX_WAIT) if value.isdigit() else None
