"""URLs: one page (or a feed, expanded into its entries), and `.urls` files listing them.

A `.urls` file holds one http(s) URL a line; blank lines and lines starting with ``#`` are
skipped. Every URL becomes at least one Document; one that cannot be fetched becomes a Document
with status error and the reason (timeout, HTTP status, content type, size).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..errors import DocumentError, Errors
from ..models import Document
from .decode import declared_charset, decode_text
from .failures import failed
from .feeds import is_feed_bytes, read_feed
from .fetch import Fetcher, looks_like_url, url_problem
from .ids import stable_id, url_id
from .sniff import looks_html


def read_url(url: str, config: Config, fetcher: Fetcher, published: str | None = None, title: str | None = None,
             source: str | None = None, expand_feeds: bool = True, found_in: str | None = None) -> Iterator[Document]:
    """The document at one URL; a feed URL gives its entries (when ``expand_feeds``).

    ``found_in`` names the feed a link was found in: such a link may not reach a private address
    (:meth:`Fetcher.get`, E021); the URL a user gives is fetched wherever it points.
    """
    doc_id = url_id(url)  # the canonical URL: a rerun, or the same page by another spelling, adds nothing
    problem = url_problem(url)
    if problem is not None:
        yield failed(url, DocumentError(Errors.E019, what="the input", text=url[:200], cause=problem), doc_id)
        return
    try:
        got = fetcher.get(url, found_in)
        if expand_feeds and (got.is_feed or (got.media_type in ("", "text/plain") and is_feed_bytes(got.content))):
            yield from read_feed(got.content, url, config, fetcher, published)
            return
        if not got.content.strip():
            raise DocumentError(Errors.E002, "skipped", what=url)
        text, encoding = decode_text(got.content, url, declared_charset(got.content, got.content_type))
    except DocumentError as err:
        yield failed(url, err, doc_id, url=url)
        return
    if got.is_feed and not looks_html(text):
        # XML that is not a page, reached from a feed entry or with feeds not expanded
        yield failed(url, DocumentError(Errors.E012, url=url, ctype=got.media_type), doc_id, url=url)
        return
    is_html = got.is_html or looks_html(text)
    yield Document(id=doc_id, html=text if is_html else None, text=None if is_html else text, title=title,
                   published=published, url=got.url, source=source, origin=url, encoding=encoding)


def read_url_list(text: str, origin: str, config: Config, fetcher: Fetcher,
                  published: str | None = None) -> Iterator[Document]:
    """Every URL listed in a `.urls` file, in order."""
    for n, line in enumerate(text.splitlines(), 1):
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        problem = url_problem(item)
        if problem is not None:
            err = (DocumentError(Errors.E019, what=f"line {n} of {origin}", text=item[:80], cause=problem)
                   if looks_like_url(item) else DocumentError(Errors.E014, line=n, what=origin, text=item[:80]))
            yield failed(f"{origin}:{n}", err, stable_id(origin, str(n)))
            continue
        yield from read_url(item, config, fetcher, published)
