"""JSON document objects (CONTRACT.md) and JSON Lines read as a stream, one line at a time.

A JSON Lines corpus may be gigabytes: it is never read whole. Lines are read from a binary stream
(a file, a gzip stream, stdin) with ``readline(limit + 1)``, so the size limit applies to each
document and memory stays flat however large the file. A line over the limit is passed over in
chunks and reported; a line that is not JSON, or whose fields have the wrong type, is that line's
error Document, and the lines after it are read as usual.
"""

from __future__ import annotations

import io
import json
import math
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import DocumentError, Errors
from ..models import Document
from .decode import ByteStream, bom_encoding, decode_text, utf16_by_zeros
from .failures import failed
from .fetch import url_problem
from .ids import stable_id, url_id

# json.loads pairs escaped surrogates that belong together; only lone ones are left to find.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Read this much at a time when passing over a line that is over the limit.
_SKIP_CHUNK = 1 << 20


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


def text_field(obj: dict[str, Any], name: str, what: str) -> str | None:
    """A string field of a document object; None when absent or null.

    A number is read as its text (ids and dates are often written as numbers); anything else (a
    list, an object, a boolean, NaN) raises E018 rather than reaching a stage that expects text.
    """
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float) or (
            isinstance(value, float) and not math.isfinite(value)):
        raise DocumentError(Errors.E018, field=name, what=what, kind=_kind(value))
    text = value if isinstance(value, str) else str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # JSON may escape a lone surrogate ("\ud800"); no store or output can encode it. Replacing it
        # with U+FFFD is the coercion every UTF-8 decoder makes for the same broken data.
        text = _SURROGATE.sub("\ufffd", text)
    return text


def document_from_object(obj: Any, origin: str, published: str | None = None) -> Document:
    """A JSON document object (CONTRACT.md) to a Document; raises DocumentError (E007, E008, E018, E019)."""
    if not isinstance(obj, dict):
        raise DocumentError(Errors.E007, line=origin.rsplit(":", 1)[-1], what=origin, cause="not an object")
    fields = {name: text_field(obj, name, origin)
              for name in ("id", "text", "html", "title", "published", "url", "source")}
    text, html, url = fields["text"], fields["html"], fields["url"]
    body = text if text is not None else html
    if text is None and html is None:
        raise DocumentError(Errors.E008, what=origin)
    if url and (problem := url_problem(url)) is not None and problem != "not http or https":
        # Other schemes and bare names are kept as given; a URL that cannot be parsed at all would
        # break every later use of it (the store takes its host), so it is this document's reason.
        raise DocumentError(Errors.E019, what=f"the `url` of {origin}", text=url[:200], cause=problem)
    return Document(
        id=fields["id"] or (url_id(url, body) if url else stable_id(url, body)),
        text=text,
        html=html if text is None else None,
        title=fields["title"] or None,
        published=fields["published"] or published,
        url=url or None,
        source=fields["source"] or None,
        origin=origin,
    )


def _document_from_line(line: bytes, n: int, what: str, published: str | None,
                        encoding: str | None = None) -> Document:
    origin = f"{what}:{n}"
    obj: Any = None
    try:
        try:
            found = decode_text(line, origin)
            obj = json.loads(found.text)
        except json.JSONDecodeError as err:
            raise DocumentError(Errors.E007, line=n, what=what, cause=err.msg) from err
        except RecursionError as err:  # "[[[[..." nested deeper than the parser's stack
            raise DocumentError(Errors.E007, line=n, what=what, cause="nested too deeply") from err
        doc = document_from_object(obj, origin, published)
        doc.encoding = encoding or found.encoding
        return doc
    except DocumentError as err:
        out = failed(origin, err)
        given = obj.get("id") if isinstance(obj, dict) else None
        if isinstance(given, str) and given.strip() and not _SURROGATE.search(given):
            out.id = given  # the id the user gave names the record that reports the problem
        return out


def _not_jsonl(line: bytes, n: int, what: str) -> DocumentError | None:
    """Why a stream cannot be JSON Lines at all, judged by line ``n`` before any line was a document.

    JSON text holds no NUL byte (UTF-16 was transcoded before this): a line with one is binary
    data, whose every "line" would otherwise be reported on its own.
    """
    if b"\x00" in line:
        return DocumentError(Errors.E003, what=what)
    return None


class _Joined(io.RawIOBase):
    """The first line already read, then the rest of the stream: one stream again, for a decoder."""

    def __init__(self, head: bytes, rest: ByteStream) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[:len(data)] = data
        return len(data)


class _Utf8Lines:
    """A UTF-16 or UTF-32 stream read as UTF-8 lines, decoded as it is read (memory stays flat).

    ``readline(size)`` counts characters, not bytes: the limit per document holds within a factor
    of the charset's width, which is what it is for.
    """

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._text = text

    def readline(self, size: int = -1, /) -> bytes:
        return self._text.readline(size).encode("utf-8", "surrogatepass")

    def read(self, size: int = -1, /) -> bytes:
        return self._text.read(size).encode("utf-8", "surrogatepass")


def _as_utf8(stream: ByteStream, first: bytes) -> tuple[ByteStream, str | None]:
    """The stream as UTF-8 lines (the first line given back), and its charset when it is UTF-16 or UTF-32.

    JSON Lines saved as UTF-16 (Windows tools do, with or without a byte order mark) split on the
    byte 0x0A leave a zero byte on the wrong side of every line: they are decoded as a stream
    instead, by the mark or by where their zero bytes fall (decode.py).
    """
    encoding = bom_encoding(first)
    if encoding is None or encoding == "utf-8":
        encoding = utf16_by_zeros(first)
    joined = _Joined(first, stream)
    if encoding is None:
        return io.BufferedReader(joined), None
    # A byte order mark is read by the codec of the same family without an endianness ("utf-16").
    codec = encoding[:-3] if bom_encoding(first) == encoding else encoding
    text = io.TextIOWrapper(io.BufferedReader(joined), encoding=codec, errors="replace", newline="")
    return _Utf8Lines(text), encoding


def read_jsonl_lines(stream: ByteStream, what: str, limit: int, published: str | None = None) -> Iterator[Document]:
    """One Document per line of a binary JSON Lines stream, holding at most one line in memory.

    A line over ``limit`` bytes is skipped with E004; a stream that breaks (a truncated gzip file)
    ends with one E006 Document after the documents read before the break.
    """
    n = 0
    read_one = False  # until a line is read as a document, the stream may not be text at all
    try:
        stream, encoding = _as_utf8(stream, stream.readline(limit + 1))
        while line := stream.readline(limit + 1):
            n += 1
            if not read_one and (whole := _not_jsonl(line, n, what)) is not None:
                # One report for the file, not one for each of its "lines"; a bomb of zeros stops here.
                yield failed(what, whole)
                return
            if len(line) > limit and not line.endswith(b"\n"):
                size = len(line)
                while True:  # pass over the rest of the line a chunk at a time: memory stays flat
                    more = stream.readline(_SKIP_CHUNK)
                    size += len(more)
                    if not more or more.endswith(b"\n"):
                        break
                err = DocumentError(Errors.E004, "skipped", what=f"line {n} of {what}", size=size, limit=limit)
                yield failed(f"{what}:{n}", err)
                continue
            if line.strip():
                doc = _document_from_line(line, n, what, published, encoding)
                read_one = read_one or doc.status == "ok"
                yield doc
    except (OSError, EOFError, zlib.error) as err:
        yield failed(f"{what}:{n + 1}", DocumentError(Errors.E006, what=what, cause=f"{err}; read up to line {n}"))


def read_jsonl_text(lines: Iterable[str], what: str, limit: int, published: str | None = None) -> Iterator[Document]:
    """Like :func:`read_jsonl_lines`, over lines already decoded (an in-memory text stream)."""
    for n, text in enumerate(lines, 1):
        line = text.encode("utf-8", "surrogateescape")
        if len(line) > limit:
            err = DocumentError(Errors.E004, "skipped", what=f"line {n} of {what}", size=len(line), limit=limit)
            yield failed(f"{what}:{n}", err)
        elif line.strip():
            yield _document_from_line(line, n, what, published)
