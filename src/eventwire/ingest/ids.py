"""Stable document ids: the same input always gets the same id, so reruns add nothing."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url


def stable_id(*parts: str | None) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update((p or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def canonical_url(url: str) -> str:
    """One spelling of an http(s) URL, for ids: the same page named another way is a repeat.

    courlan (trafilatura's URL library) lowercases the scheme and host, drops the scheme's default
    port, sorts the query and removes tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ...);
    the fragment goes too (it names a place in the page, not another page) and an empty path is
    ``/``. Anything else (another scheme, text that is no URL) is returned stripped, as given. The
    canonical form names a document; the URL fetched and stored is the one given.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return text
        normal = urlsplit(normalize_url(text))
    except ValueError:  # a bracketed host left open, a port out of range: no canonical form
        return text
    return urlunsplit((normal.scheme, normal.netloc, normal.path or "/", normal.query, ""))


def url_id(url: str, *more: str | None) -> str:
    """The id of a document named by a URL (and ``more``, e.g. its text): from the canonical URL."""
    return stable_id(canonical_url(url), *more)
