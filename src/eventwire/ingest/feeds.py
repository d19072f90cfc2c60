"""RSS and Atom feeds (files or URLs): one Document per entry, its link fetched for the full page.

feedparser reads the feed from bytes (never from a URL: fetching is the Fetcher's job, with its
limits). A feed with a syntax error still yields the entries before the error.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from ..config import Config
from ..errors import DocumentError, Errors
from ..models import Document
from .fetch import Fetcher, is_url
from .ids import stable_id

_FEED_ROOT = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*>\s*)*<(rss|feed|rdf:RDF)\b",
                        re.DOTALL | re.IGNORECASE)


def is_feed_bytes(raw: bytes) -> bool:
    """True when the data starts like an RSS, Atom or RSS 1.0 (RDF) document."""
    return bool(_FEED_ROOT.match(raw[:4096].lstrip(b"\xef\xbb\xbf")))


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date().isoformat()
    return None


def _entry_content(entry: Any) -> str | None:
    """The fullest text the entry carries itself: content, else the summary."""
    for item in entry.get("content") or []:
        if isinstance(item, dict) and str(item.get("value", "")).strip():
            return str(item["value"])
    summary = entry.get("summary")
    return str(summary) if summary and str(summary).strip() else None


def read_feed(raw: bytes, origin: str, config: Config, fetcher: Fetcher,
              published: str | None = None) -> Iterator[Document]:
    """The entries of one feed as Documents; a feed that cannot be parsed gives one error Document."""
    parsed = feedparser.parse(raw)
    entries = list(parsed.entries)
    if not entries:
        if parsed.bozo or not parsed.get("version"):
            cause = str(parsed.get("bozo_exception") or "no RSS or Atom root element")
            err = DocumentError(Errors.E010, what=origin, cause=cause)
        else:
            err = DocumentError(Errors.E016, "skipped", what=origin)
        yield Document(id=stable_id(origin), origin=origin, status=err.status, reason=str(err))  # type: ignore[arg-type]
        return
    source = parsed.feed.get("title") or None
    # A feed broken halfway still gives the entries before the break; an entry cut by it says so.
    broken = str(parsed.get("bozo_exception") or "syntax error") if parsed.bozo else None
    for n, entry in enumerate(entries[: config.feed_max_entries], 1):
        yield from _entry_documents(entry, n, origin, config, fetcher, source, published, broken)


def _entry_documents(entry: Any, n: int, origin: str, config: Config, fetcher: Fetcher,
                     source: str | None, published: str | None, broken: str | None) -> Iterator[Document]:
    from .urls import read_url  # urls imports feeds: a feed URL expands into its entries

    title = " ".join(str(entry.get("title") or "").split()) or None
    date = _entry_date(entry) or published
    link = str(entry.get("link") or "").strip()
    if link and is_url(link):
        yield from read_url(link, config, fetcher, published=date, title=title, source=source, expand_feeds=False)
        return
    # An entry without a link may carry its article itself (some feeds put the full text in).
    content = _entry_content(entry)
    entry_origin = f"{origin}#{n}"
    key = str(entry.get("id") or title or n)
    if content is None:
        err = (DocumentError(Errors.E010, what=f"{origin} (entry {n})", cause=broken) if broken
               else DocumentError(Errors.E015, n=n, what=origin))
        yield Document(id=stable_id(origin, key), origin=entry_origin, status="error", reason=str(err))
        return
    yield Document(id=stable_id(origin, key), html=content, title=title, published=date, source=source,
                   origin=entry_origin)
