"""Readers: files, folders, JSON Lines, stdin, feeds, WARC archives, URLs and URL lists.

A reader never raises for one bad document: it yields a Document with status error (or skipped)
and a reason, so the batch goes on and the problem is reported on its own line. Only an input
that does not exist at all is a usage error (InputError, exit code 2).

Which reader reads a file is decided by its suffixes (an optional ``.gz`` last):

====================  =====================================================
``.txt .text .md``    one plain-text document (HTML inside is recognised)
``.html .htm``        one HTML page
``.json``             one document object, or a list of them (CONTRACT.md)
``.jsonl .ndjson``    one document object a line
``.rss .atom .xml``   a feed: each entry's link is fetched
``.warc``             a WARC archive: its HTML responses (gzip read by warcio)
``.urls``             one URL a line, each fetched (feeds expanded)
====================  =====================================================

An argument that is an http(s) URL is fetched: a page, or a feed whose entries are fetched.
"""

from __future__ import annotations

import fnmatch
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..config import Config
from ..errors import DocumentError, Errors, InputError
from ..models import Document
from .decode import GZIP_MAGIC, decode, gunzip
from .feeds import is_feed_bytes, read_feed
from .fetch import Fetcher, is_url
from .ids import stable_id
from .sniff import looks_html
from .urls import read_url, read_url_list
from .warc import read_warc

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc"}
URL_LIST_SUFFIXES = {".urls"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES | URL_LIST_SUFFIXES

__all__ = ["KNOWN", "decode", "document_from_object", "is_readable", "read_inputs", "read_jsonl_stream",
           "read_path", "read_stream", "walk"]


def _kind(path: Path) -> tuple[str, bool]:
    """The format suffix of a path and whether it is gzipped."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def is_readable(path: Path) -> bool:
    """True when a file found in a folder has a format eventwire reads (gzipped or not)."""
    return _kind(path)[0] in KNOWN


def _failed(origin: str, err: DocumentError) -> Document:
    return Document(id=stable_id(origin), origin=origin, status=err.status, reason=str(err))  # type: ignore[arg-type]


def document_from_object(obj: Any, origin: str, published: str | None = None) -> Document:
    """A JSON document object (CONTRACT.md) to a Document."""
    if not isinstance(obj, dict):
        raise DocumentError(Errors.E007, line=origin.rsplit(":", 1)[-1], what=origin, cause="not an object")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise DocumentError(Errors.E008, what=origin)
    content = text if isinstance(text, str) else html
    doc_id = obj.get("id")
    return Document(
        id=str(doc_id) if doc_id not in (None, "") else stable_id(obj.get("url"), content),
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        title=obj.get("title") or None,
        published=str(obj["published"]) if obj.get("published") else published,
        url=obj.get("url") or None,
        source=obj.get("source") or None,
        origin=origin,
    )


def read_jsonl_stream(stream: Iterable[str], what: str, published: str | None = None) -> Iterator[Document]:
    """One Document per JSON Lines line; a bad line gives an error Document with its line number."""
    for n, line in enumerate(stream, 1):
        line = line.strip()
        if not line:
            continue
        origin = f"{what}:{n}"
        try:
            yield document_from_object(json.loads(line), origin, published)
        except json.JSONDecodeError as err:
            yield _failed(origin, DocumentError(Errors.E007, line=n, what=what, cause=err.msg))
        except DocumentError as err:
            yield _failed(origin, err)


def read_stream(stream: IO[str], jsonl: bool, published: str | None = None, name: str = "stdin") -> Iterator[Document]:
    """Read stdin (or any text stream): JSON Lines documents, or one plain text or HTML document."""
    if jsonl:
        yield from read_jsonl_stream(stream, name, published)
        return
    data = stream.read()
    if not data.strip():
        yield _failed(name, DocumentError(Errors.E002, "skipped", what=name))
        return
    yield _document_from_text(data, name, name, published)


def _document_from_text(data: str, origin: str, id_seed: str, published: str | None) -> Document:
    is_html = looks_html(data)
    return Document(id=stable_id(id_seed), text=None if is_html else data, html=data if is_html else None,
                    published=published, origin=origin)


def _read_bytes(path: Path, gz: bool, config: Config) -> bytes:
    size = path.stat().st_size
    if size > config.max_bytes:
        raise DocumentError(Errors.E004, "skipped", what=path, size=size, limit=config.max_bytes)
    raw = path.read_bytes()
    # A gzip stream is read as such whatever the file is called (servers save .html that is gzip).
    if gz or raw[:2] == GZIP_MAGIC:
        raw = gunzip(raw, path, config.max_bytes)
    if not raw.strip():
        raise DocumentError(Errors.E002, "skipped", what=path)
    return raw


def read_path(path: Path, config: Config, jsonl: bool = False, published: str | None = None,
              fetcher: Fetcher | None = None) -> Iterator[Document]:
    """Every document in one file (a JSON Lines file, a feed, a WARC or a URL list holds many)."""
    origin = str(path)
    kind, gz = _kind(path)
    if kind in WARC_SUFFIXES:
        yield from read_warc(path, config, published)  # warcio reads gzip itself, record by record
        return
    try:
        raw = _read_bytes(path, gz, config)
        if kind in FEED_SUFFIXES:
            yield from _read_feed_file(raw, origin, config, fetcher, published)
            return
        data = decode(raw, origin)
    except DocumentError as err:
        yield _failed(origin, err)
        return
    except OSError as err:
        yield _failed(origin, DocumentError(Errors.E001, path=path, cause=err.strerror or err))
        return
    if kind in URL_LIST_SUFFIXES:
        with _Fetching(fetcher, config) as f:
            yield from read_url_list(data, origin, config, f, published)
    elif kind in (".jsonl", ".ndjson") or (jsonl and kind not in HTML_SUFFIXES | {".json"}):
        yield from read_jsonl_stream(data.splitlines(), origin, published)
    elif kind == ".json":
        yield from _read_json(data, path, published)
    elif kind in HTML_SUFFIXES:
        yield Document(id=stable_id(origin), html=data, published=published, origin=origin)
    else:
        yield _document_from_text(data, origin, origin, published)


def _read_feed_file(raw: bytes, origin: str, config: Config, fetcher: Fetcher | None,
                    published: str | None) -> Iterator[Document]:
    if not is_feed_bytes(raw):
        raise DocumentError(Errors.E010, what=origin, cause="no RSS or Atom root element")
    with _Fetching(fetcher, config) as f:
        yield from read_feed(raw, origin, config, f, published)


def _read_json(data: str, path: Path, published: str | None) -> Iterator[Document]:
    origin = str(path)
    try:
        obj = json.loads(data)
    except json.JSONDecodeError as err:
        yield _failed(origin, DocumentError(Errors.E007, line=err.lineno, what=path, cause=err.msg))
        return
    objs = obj if isinstance(obj, list) else [obj]
    for i, o in enumerate(objs):
        try:
            yield document_from_object(o, origin if len(objs) == 1 else f"{origin}:{i + 1}", published)
        except DocumentError as err:
            yield _failed(f"{origin}:{i + 1}", err)


class _Fetching:
    """The caller's Fetcher, or a new one closed when the block ends."""

    def __init__(self, given: Fetcher | None, config: Config) -> None:
        self.given = given
        self.own = Fetcher(config) if given is None else None

    def __enter__(self) -> Fetcher:
        return self.given or self.own  # type: ignore[return-value]

    def __exit__(self, *exc: object) -> None:
        if self.own is not None:
            self.own.close()


def walk(folder: Path, pattern: str = "*") -> Iterator[Path]:
    """Files under a folder whose name matches ``pattern``, recursively, in a stable order; hidden ones left out."""
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(folder).parts):
            continue
        if fnmatch.fnmatch(p.name, pattern) or fnmatch.fnmatch(str(p.relative_to(folder)), pattern):
            yield p


def read_inputs(inputs: Iterable[str], config: Config, jsonl: bool = False, published: str | None = None,
                pattern: str = "*", fetcher: Fetcher | None = None) -> Iterator[Document]:
    """Documents from command-line inputs: files, folders, URLs and ``-`` for stdin.

    ``pattern`` filters the files of folders by name (``"*.html"``, ``"2024-*/*.txt"``); files
    given by name are always read. ``fetcher`` is the HTTP client (tests inject a transport).
    Raises InputError for an input that does not exist at all (a usage error, exit code 2).
    """
    with _Fetching(fetcher, config) as f:
        for item in inputs:
            if item == "-":
                yield from read_stream(sys.stdin, jsonl, published)
                continue
            if is_url(item):
                yield from read_url(item, config, f, published)
                continue
            path = Path(item)
            if path.is_dir():
                for p in walk(path, pattern):
                    if is_readable(p):
                        yield from read_path(p, config, jsonl, published, f)
            elif path.exists():
                yield from read_path(path, config, jsonl, published, f)
            else:
                raise InputError(Errors.E060, path=item)
