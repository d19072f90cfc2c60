"""File, folder, JSON Lines and stdin readers.

A reader never raises for one bad document: it yields a Document with status error and a reason,
so the batch goes on and the problem is reported on its own line.
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes

from ..config import Config
from ..errors import DocumentError, Errors, InputError
from ..models import Document
from .ids import stable_id

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES


def _kind(path: Path) -> tuple[str, bool]:
    """The format suffix of a path and whether it is gzipped."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def decode(raw: bytes, what: str) -> str:
    """Bytes to text: UTF-8 first, then charset detection; binary data is refused."""
    if b"\x00" in raw[:8192]:
        raise DocumentError(Errors.E003, what=what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise DocumentError(Errors.E005, what=what, cause="no charset fits")
    return str(best)


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


def read_jsonl_stream(stream: IO[str], what: str, published: str | None = None) -> Iterator[Document]:
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
    yield _document_from_text(data, name, name, published)


def _document_from_text(data: str, origin: str, id_seed: str, published: str | None) -> Document:
    looks_html = data.lstrip()[:512].lower().startswith(("<!doctype html", "<html", "<?xml")) or "<body" in data[:4096].lower()
    return Document(
        id=stable_id(id_seed),
        text=None if looks_html else data,
        html=data if looks_html else None,
        published=published,
        origin=origin,
    )


def _read_bytes(path: Path, gz: bool, config: Config) -> bytes:
    size = path.stat().st_size
    if size > config.max_bytes:
        raise DocumentError(Errors.E004, "skipped", what=path, size=size, limit=config.max_bytes)
    raw = path.read_bytes()
    if gz:
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise DocumentError(Errors.E006, what=path, cause=err) from err
        if len(raw) > config.max_bytes:
            raise DocumentError(Errors.E004, "skipped", what=path, size=len(raw), limit=config.max_bytes)
    return raw


def read_path(path: Path, config: Config, jsonl: bool = False, published: str | None = None) -> Iterator[Document]:
    """Every document in one file (a JSON Lines file holds many)."""
    origin = str(path)
    kind, gz = _kind(path)
    try:
        raw = _read_bytes(path, gz, config)
        if not raw.strip():
            raise DocumentError(Errors.E002, "skipped", what=path)
        data = decode(raw, origin)
    except DocumentError as err:
        yield _failed(origin, err)
        return
    except OSError as err:
        yield _failed(origin, DocumentError(Errors.E001, path=path, cause=err.strerror or err))
        return
    if kind in (".jsonl", ".ndjson") or (jsonl and kind != ".json"):
        yield from read_jsonl_stream(iter(data.splitlines()), origin, published)  # type: ignore[arg-type]
    elif kind == ".json":
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
    elif kind in HTML_SUFFIXES:
        yield Document(id=stable_id(origin), html=data, published=published, origin=origin)
    else:
        yield _document_from_text(data, origin, origin, published)


def walk(folder: Path, pattern: str = "*") -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order; hidden files are left out."""
    for p in sorted(folder.rglob(pattern)):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts):
            yield p


def read_inputs(
    inputs: Iterable[str], config: Config, jsonl: bool = False, published: str | None = None
) -> Iterator[Document]:
    """Documents from command-line inputs: files, folders and ``-`` for stdin.

    Raises InputError for an input that does not exist at all (a usage error, exit code 2).
    """
    for item in inputs:
        if item == "-":
            yield from read_stream(sys.stdin, jsonl, published)
            continue
        path = Path(item)
        if path.is_dir():
            for p in walk(path):
                kind, _ = _kind(p)
                if kind in KNOWN:
                    yield from read_path(p, config, jsonl, published)
        elif path.exists():
            yield from read_path(path, config, jsonl, published)
        else:
            raise InputError(Errors.E060, path=item)
