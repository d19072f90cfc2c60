"""What ``eventwire watch`` polls: folders and feeds, and how it tells what is new.

Every source lists its items as (key, version) pairs without reading them: a file is its path
and its modification time and size; a feed entry is its link (or id). An item is new when its key
was not seen, or its version changed; only new items are read. Reading uses the ingest readers,
so a watched file or feed gives exactly the documents ``eventwire run`` would.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..config import Config
from ..errors import DocumentError, Errors, EventwireError
from ..ingest import FeedEntry, Fetcher, entry_document, feed_entries, is_url, looks_like_url, read_path, url_problem, walk
from ..ingest.failures import failed
from ..ingest.feeds import is_feed_bytes
from ..ingest.readers import FEED_SUFFIXES, URL_LIST_SUFFIXES, is_readable
from ..models import Document

LIST_SUFFIXES = URL_LIST_SUFFIXES | {".txt"}


@dataclass
class Item:
    """One thing a source holds: a file of a folder, an entry of a feed."""

    key: str
    version: str
    read: Any  # () -> Iterator[Document], called only when the item is new


class Source(Protocol):
    name: str

    def items(self, fetcher: Fetcher) -> list[Item]:
        """Every item the source holds now (cheap: nothing is read but listings)."""


@dataclass
class FolderSource:
    """A folder: every file eventwire reads, recursively (hidden files left out)."""

    path: Path
    config: Config
    published: str | None = None
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = f"folder:{self.path.resolve()}"

    def items(self, fetcher: Fetcher) -> list[Item]:
        out = []
        unlisted: list[OSError] = []
        for p in walk(self.path, errors=unlisted):
            if is_readable(p):
                st = p.stat()
                out.append(Item(str(p.relative_to(self.path)), f"{st.st_mtime_ns}:{st.st_size}",
                                lambda p=p: read_path(p, self.config, published=self.published, fetcher=fetcher)))
        for e in unlisted:  # a folder that cannot be listed is reported (E001), not watched as empty
            where = str(e.filename or self.path)
            report = failed(where, DocumentError(Errors.E001, path=where, cause=e.strerror or e))
            out.append(Item(f"unreadable:{where}", str(e.errno), lambda report=report: iter([report])))
        return out


@dataclass
class FeedSource:
    """An RSS or Atom feed, by URL or file: every entry, its link fetched for the full page."""

    location: str
    config: Config
    published: str | None = None
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = f"feed:{self.location}"

    def _raw(self, fetcher: Fetcher) -> bytes:
        if looks_like_url(self.location) and (problem := url_problem(self.location)) is not None:
            # Reported each cycle like any feed that cannot be listed; the other sources go on.
            raise DocumentError(Errors.E019, what="the feed URL", text=self.location[:200], cause=problem)
        if is_url(self.location):
            return fetcher.get(self.location).content  # raises DocumentError with the cause
        try:
            return Path(self.location).read_bytes()
        except OSError as err:
            raise DocumentError(Errors.E001, path=self.location, cause=err.strerror or err) from err

    def items(self, fetcher: Fetcher) -> list[Item]:
        raw = self._raw(fetcher)
        if not is_feed_bytes(raw):
            raise DocumentError(Errors.E010, what=self.location, cause="no RSS or Atom root element")
        out = []
        for entry in feed_entries(raw, self.location, self.config):  # raises E010 for a feed it cannot parse

            def read(entry: FeedEntry = entry) -> Iterator[Document]:
                return entry_document(entry, self.config, fetcher, self.published)

            out.append(Item(entry.key, "", read))
        return out


def sources_for(target: str, config: Config, published: str | None = None) -> list[Source]:
    """The sources one command-line argument names: a folder, a feed (URL or file), or a list of feed URLs."""
    if looks_like_url(target):
        return [FeedSource(target, config, published)]
    path = Path(target)
    if path.is_dir():
        return [FolderSource(path, config, published)]
    if not path.is_file():
        raise EventwireError(Errors.E076, what=target, cause="no such folder, file or URL")
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES or is_feed_bytes(path.read_bytes()[:4096]):
        return [FeedSource(str(path), config, published)]
    if suffix in LIST_SUFFIXES:
        urls = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.lstrip().startswith("#")]
        bad = [u for u in urls if not looks_like_url(u)]  # a malformed URL is reported by its source each cycle
        if bad:
            raise EventwireError(Errors.E076, what=target, cause=f"not a feed URL: {bad[0][:80]!r}")
        return [FeedSource(u, config, published) for u in urls]
    raise EventwireError(Errors.E076, what=target, cause="a single document; watch its folder instead")

