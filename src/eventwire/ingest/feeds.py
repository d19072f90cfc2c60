"""RSS and Atom feeds (files or URLs): one Document per entry, its link fetched for the full page.

feedparser reads the feed from bytes (never from a URL: fetching is the Fetcher's job, with its
limits). A feed with a syntax error still yields the entries before the error.

Two levels: :func:`read_feed` reads a whole feed into Documents; :func:`feed_entries` lists its
entries without reading them (each with the key that names it from one poll to the next), and
:func:`entry_document` reads one entry. Watch mode uses the second to read only new entries.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from ..config import Config
from ..errors import DocumentError, Errors
from ..models import Document
from .failures import failed
from .fetch import Fetcher, is_url, looks_like_url, url_problem
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


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a parsed feed, listed but not read.

    ``key`` names the entry from one poll of the feed to the next: its link, else its id, else
    its title, else its position. ``data`` is feedparser's entry, for :func:`entry_document`.
    """

    origin: str  # the feed's file or URL
    n: int  # position in the feed, from 1
    key: str
    link: str  # "" when the entry has none
    id: str | None
    title: str | None  # whitespace collapsed
    source: str | None  # the feed's title
    broken: str | None  # the feed's syntax error, if it has one (entries after it are lost)
    data: Any = field(repr=False, compare=False)


def feed_entries(raw: bytes, origin: str, config: Config) -> list[FeedEntry]:
    """The entries of one feed (at most ``config.feed_max_entries``), in feed order, none read.

    Raises DocumentError (E010) when ``raw`` cannot be parsed as a feed and gives no entry; a
    well-formed feed without entries gives an empty list. A feed broken halfway gives the entries
    before the break, each with ``broken`` set.
    """
    parsed = feedparser.parse(raw)
    entries = list(parsed.entries)
    if not entries and (parsed.bozo or not parsed.get("version")):
        cause = str(parsed.get("bozo_exception") or "no RSS or Atom root element")
        raise DocumentError(Errors.E010, what=origin, cause=cause)
    source = parsed.feed.get("title") or None
    broken = str(parsed.get("bozo_exception") or "syntax error") if parsed.bozo else None
    out = []
    for n, entry in enumerate(entries[: config.feed_max_entries], 1):
        entry_id = entry.get("id")
        # The key is what watch mode has stored for seen entries: keep its form stable across versions.
        key = str(entry.get("link") or entry_id or entry.get("title") or n).strip()
        out.append(FeedEntry(origin=origin, n=n, key=key, link=str(entry.get("link") or "").strip(),
                             id=str(entry_id) if entry_id else None,
                             title=" ".join(str(entry.get("title") or "").split()) or None,
                             source=source, broken=broken, data=entry))
    return out


def read_feed(raw: bytes, origin: str, config: Config, fetcher: Fetcher,
              published: str | None = None) -> Iterator[Document]:
    """The entries of one feed as Documents; a feed that cannot be parsed gives one error Document."""
    try:
        entries = feed_entries(raw, origin, config)
    except DocumentError as err:
        yield Document(id=stable_id(origin), origin=origin, status=err.status, reason=str(err))  # type: ignore[arg-type]
        return
    if not entries:
        skipped = DocumentError(Errors.E016, "skipped", what=origin)
        yield Document(id=stable_id(origin), origin=origin, status=skipped.status, reason=str(skipped))  # type: ignore[arg-type]
        return
    for entry in entries:
        yield from entry_document(entry, config, fetcher, published)


def entry_document(entry: FeedEntry, config: Config, fetcher: Fetcher,
                   published: str | None = None) -> Iterator[Document]:
    """Read one feed entry: the page its link names, else the text the entry carries itself.

    ``published`` is the date used when the entry has none. A linked page gives what
    :func:`~eventwire.ingest.read_url` gives (an error Document when it cannot be fetched); an
    entry with neither a link nor content gives one error Document saying so.
    """
    from .urls import read_url  # urls imports feeds: a feed URL expands into its entries

    date = _entry_date(entry.data) or published
    problem = url_problem(entry.link) if looks_like_url(entry.link) else None
    if problem is not None:  # a publisher's typo (or worse) is this entry's reason, not the end of the run
        err = DocumentError(Errors.E019, what=f"the link of entry {entry.n} of the feed {entry.origin}",
                            text=entry.link[:200], cause=problem)
        yield failed(f"{entry.origin}#{entry.n}", err, stable_id(entry.link))
        return
    if entry.link and is_url(entry.link):
        # A link found in a feed is the publisher's, not the user's: it may not reach a private address.
        yield from read_url(entry.link, config, fetcher, published=date, title=entry.title, source=entry.source,
                            expand_feeds=False, found_in=f"entry {entry.n} of the feed {entry.origin}")
        return
    # An entry without a link may carry its article itself (some feeds put the full text in).
    content = _entry_content(entry.data)
    entry_origin = f"{entry.origin}#{entry.n}"
    key = entry.id or entry.title or str(entry.n)
    doc_id = stable_id(entry.origin, key)
    if content is None:
        err = (DocumentError(Errors.E010, what=f"{entry.origin} (entry {entry.n})", cause=entry.broken)
               if entry.broken else DocumentError(Errors.E015, n=entry.n, what=entry.origin))
        yield Document(id=doc_id, origin=entry_origin, status="error", reason=str(err))
        return
    yield Document(id=doc_id, html=content, title=entry.title, published=date, source=entry.source,
                   origin=entry_origin)
