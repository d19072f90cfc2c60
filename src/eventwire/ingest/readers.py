"""Readers: files, folders, JSON Lines, stdin, feeds, WARC archives, URLs and URL lists.

A reader never raises for one bad document: it yields a Document with status error (or skipped)
and a reason, so the batch goes on and the problem is reported on its own line. Only an input
that does not exist at all is a usage error (InputError, exit code 2).

Which reader reads a file is decided by its suffixes (an optional ``.gz`` last):

====================  =====================================================
``.txt .text .md``    one plain-text document (HTML inside is recognised)
``.html .htm``        one HTML page
``.json``             one document object, or a list of them (CONTRACT.md)
``.jsonl .ndjson``    one document object a line, streamed (limit per line)
``.rss .atom .xml``   a feed: each entry's link is fetched
``.warc``             a WARC archive: its HTML responses (gzip read by warcio)
``.urls``             one URL a line, each fetched (feeds expanded)
====================  =====================================================

An argument that is an http(s) URL is fetched: a page, or a feed whose entries are fetched.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, cast

from ..config import Config
from ..errors import DocumentError, Errors, InputError
from ..models import Document
from .decode import GZIP_MAGIC, ByteStream, decode, decode_text, gunzip, gunzip_stream, read_capped
from .failures import failed
from .feeds import is_feed_bytes, read_feed
from .fetch import Fetcher, looks_like_url
from .ids import stable_id
from .jsonl import document_from_object, read_jsonl_lines, read_jsonl_text
from .sniff import looks_html
from .urls import read_url, read_url_list
from .warc import read_warc

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"} | JSONL_SUFFIXES
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


def read_jsonl_stream(stream: Iterable[str], what: str, published: str | None = None) -> Iterator[Document]:
    """One Document per JSON Lines line of decoded text; a bad line gives an error Document with its line number."""
    yield from read_jsonl_text(stream, what, Config().max_bytes, published)


def _binary(stream: IO[str] | IO[bytes]) -> ByteStream:
    """The bytes under a stream: stdin's buffer, so that its bytes are decoded like a file's (decode.py).

    Python decodes ``sys.stdin`` as UTF-8 with surrogate escapes, which lets bytes of any other
    charset through as lone surrogates that no output can encode; reading the buffer avoids that.
    An in-memory text stream (a notebook's, a test's) has no bytes under it and is encoded back.
    """
    if isinstance(stream.read(0), bytes):
        return cast(ByteStream, stream)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return cast(ByteStream, buffer)
    return io.BytesIO(cast(IO[str], stream).read().encode("utf-8", "surrogateescape"))


def read_stream(stream: IO[str] | IO[bytes], jsonl: bool, published: str | None = None, name: str = "stdin",
                limit: int | None = None) -> Iterator[Document]:
    """Read stdin (or any stream): JSON Lines documents, or one plain text or HTML document.

    JSON Lines are read a line at a time, ``limit`` bytes at most a line (``max_bytes`` of the
    default config when not given); a single document is at most ``limit`` bytes.
    """
    limit = Config().max_bytes if limit is None else limit
    binary = _binary(stream)
    if jsonl:
        yield from read_jsonl_lines(binary, name, limit, published)
        return
    try:
        raw = read_capped(binary, name, limit)
        if raw[:2] == GZIP_MAGIC:
            raw = gunzip(raw, name, limit)
        if not raw.strip():
            raise DocumentError(Errors.E002, "skipped", what=name)
        data, encoding = decode_text(raw, name)
    except DocumentError as err:
        yield failed(name, err)
        return
    # The id comes from the content: every piped document is its own, and the same one piped again a repeat.
    yield _document_from_text(data, name, stable_id(name, data), published, encoding)


def _document_from_text(data: str, origin: str, doc_id: str, published: str | None,
                        encoding: str | None = None) -> Document:
    is_html = looks_html(data)
    return Document(id=doc_id, text=None if is_html else data, html=data if is_html else None,
                    published=published, origin=origin, encoding=encoding)


def _read_bytes(path: Path, gz: bool, config: Config) -> bytes:
    with path.open("rb") as f:
        # A gzip stream is read as such whatever the file is called (servers save .html that is gzip).
        if gz or f.peek(2)[:2] == GZIP_MAGIC:
            raw = gunzip_stream(f, path, config.max_bytes)  # stops just past the limit: a gzip bomb costs little
        else:
            size = os.fstat(f.fileno()).st_size
            if size > config.max_bytes:
                raise DocumentError(Errors.E004, "skipped", what=path, size=size, limit=config.max_bytes)
            raw = read_capped(f, path, config.max_bytes)
    if not raw.strip():
        raise DocumentError(Errors.E002, "skipped", what=path)
    return raw


def _read_jsonl_file(path: Path, gz: bool, config: Config, published: str | None) -> Iterator[Document]:
    """A JSON Lines file (gzipped or not) as a stream: one line in memory at a time, whatever the file's size."""
    origin = str(path)
    try:
        f = path.open("rb")
    except OSError as err:
        yield failed(origin, DocumentError(Errors.E001, path=path, cause=err.strerror or err))
        return
    with f:
        stream: ByteStream = f
        if gz or f.peek(2)[:2] == GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=f, mode="rb")  # decompressed as it is read, never whole
        yield from read_jsonl_lines(stream, origin, config.max_bytes, published)


def read_path(path: Path, config: Config, jsonl: bool = False, published: str | None = None,
              fetcher: Fetcher | None = None) -> Iterator[Document]:
    """Every document in one file (a JSON Lines file, a feed, a WARC or a URL list holds many)."""
    origin = str(path)
    kind, gz = _kind(path)
    if kind in WARC_SUFFIXES:
        yield from read_warc(path, config, published)  # warcio reads gzip itself, record by record
        return
    if kind in JSONL_SUFFIXES or (jsonl and kind not in HTML_SUFFIXES | FEED_SUFFIXES | URL_LIST_SUFFIXES | {".json"}):
        yield from _read_jsonl_file(path, gz, config, published)
        return
    try:
        raw = _read_bytes(path, gz, config)
        if kind in FEED_SUFFIXES:
            yield from _read_feed_file(raw, origin, config, fetcher, published)
            return
        data, encoding = decode_text(raw, origin)
    except DocumentError as err:
        yield failed(origin, err)
        return
    except OSError as err:
        yield failed(origin, DocumentError(Errors.E001, path=path, cause=err.strerror or err))
        return
    if kind in URL_LIST_SUFFIXES:
        with _Fetching(fetcher, config) as f:
            yield from read_url_list(data, origin, config, f, published)
    elif kind == ".json":
        for doc in _read_json(data, path, published):
            yield replace(doc, encoding=encoding) if doc.status == "ok" else doc
    elif kind in HTML_SUFFIXES:
        yield Document(id=_file_id(path, data), html=data, published=published, origin=origin, encoding=encoding)
    else:
        yield _document_from_text(data, origin, _file_id(path, data), published, encoding)


def _file_id(path: Path, data: str) -> str:
    """A file's document id: its content and its resolved path, so "news/a.txt" and "/home/me/news/a.txt" are
    one document (a rerun by another spelling adds nothing) and an edited file is a new one."""
    try:
        canonical = str(path.resolve())
    except OSError:
        canonical = str(path.absolute())
    return stable_id(canonical, data)


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
        yield failed(origin, DocumentError(Errors.E007, line=err.lineno, what=path, cause=err.msg))
        return
    objs = obj if isinstance(obj, list) else [obj]
    for i, o in enumerate(objs):
        try:
            yield document_from_object(o, origin if len(objs) == 1 else f"{origin}:{i + 1}", published)
        except DocumentError as err:
            yield failed(f"{origin}:{i + 1}", err)


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


def walk(folder: Path, pattern: str = "*", errors: list[OSError] | None = None) -> Iterator[Path]:
    """Files under a folder whose name matches ``pattern``, recursively, in a stable order; hidden ones left out.

    A folder (or the folder itself) that cannot be listed is added to ``errors`` when given:
    ``Path.rglob`` passes over it in silence, which made an unreadable folder a run of nothing, exit 0.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append if errors is not None else None):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, f) for f in files if not f.startswith("."))
    for p in sorted(found):
        if not p.is_file():
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
                yield from read_stream(sys.stdin, jsonl, published, limit=config.max_bytes)
                continue
            if looks_like_url(item):  # a malformed one is its own error Document (read_url), not a missing file
                yield from read_url(item, config, f, published)
                continue
            path = Path(item)
            if path.is_dir():
                unlisted: list[OSError] = []
                files = list(walk(path, pattern, unlisted))
                for e in unlisted:  # each folder that could not be read is its own error record (exit 1)
                    where = e.filename or path
                    yield failed(str(where), DocumentError(Errors.E001, path=where, cause=e.strerror or e))
                for p in files:
                    if is_readable(p):
                        yield from read_path(p, config, jsonl, published, f)
            elif path.exists():
                yield from read_path(path, config, jsonl, published, f)
            else:
                raise InputError(Errors.E060, path=item)
