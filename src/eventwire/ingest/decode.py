"""Bytes to text: declared charset, UTF-8, then detection; binary data and gzip handled on the way."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from typing import IO, Protocol, cast

from charset_normalizer import from_bytes

from ..errors import DocumentError, Errors

GZIP_MAGIC = b"\x1f\x8b"
# Control characters other than tab, line feed, carriage return and form feed: text has (almost)
# none, binary data is full of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_SHARE = 0.05


class ByteStream(Protocol):
    """What the readers need of a binary stream (a file, a gzip stream, stdin's buffer)."""

    def read(self, size: int = ..., /) -> bytes: ...

    def readline(self, size: int = ..., /) -> bytes: ...


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{2,40})""", re.IGNORECASE)


def read_capped(stream: ByteStream, what: object, limit: int) -> bytes:
    """All of ``stream`` when it holds at most ``limit`` bytes; E004 (skipped) when it holds more.

    Never reads more than ``limit + 1`` bytes, so a gzip stream that expands a thousandfold is
    refused after decompressing just past the limit, not after decompressing all of it.
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DocumentError(Errors.E004, "skipped", what=what, size=f"over {limit}", limit=limit)
    return data


def gunzip_stream(stream: ByteStream, what: object, limit: int) -> bytes:
    """Decompress a gzip stream, refusing a truncated stream and output over ``limit`` bytes."""
    try:
        with gzip.GzipFile(fileobj=cast(IO[bytes], stream), mode="rb") as unzipped:
            return read_capped(unzipped, what, limit)
    except (OSError, EOFError, zlib.error) as err:
        raise DocumentError(Errors.E006, what=what, cause=err) from err


def gunzip(raw: bytes, what: object, limit: int) -> bytes:
    """Decompress gzip data, refusing a truncated stream and output over ``limit`` bytes."""
    return gunzip_stream(io.BytesIO(raw), what, limit)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return bool(sample) and len(_CONTROL.findall(sample)) > _BINARY_SHARE * len(sample)


def declared_charset(raw: bytes, header: str | None = None) -> str | None:
    """The charset a server header or the page's own ``<meta>`` declares, if any."""
    if header:
        found = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", header, re.IGNORECASE)
        if found:
            return found.group(1)
    meta = _META_CHARSET.search(raw[:4096])
    return meta.group(1).decode("ascii", "ignore") if meta else None


def decode(raw: bytes, what: object, charset: str | None = None) -> str:
    """Text from bytes: the declared charset, else UTF-8, else detection; binary data is refused.

    Raises DocumentError E003 for binary data and E005 for bytes no charset decodes.
    """
    if b"\x00" in raw[:8192]:
        raise DocumentError(Errors.E003, what=what)
    text: str | None = None
    if charset:
        try:
            text = raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong declaration is common: fall through to UTF-8 and detection
    if text is None:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            best = from_bytes(raw).best()
            if best is None:
                raise DocumentError(Errors.E005, what=what, cause="no charset fits") from None
            text = str(best)
    if _looks_binary(text):
        raise DocumentError(Errors.E003, what=what)
    return text
