"""Bytes to text: declared charset, UTF-8, then detection; binary data and gzip handled on the way."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from typing import IO, NamedTuple, Protocol, cast

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


class Decoded(NamedTuple):
    """Text and the charset it was decoded from (a Python codec name: "utf-8", "cp1252", "utf-16-le")."""

    text: str
    encoding: str


# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Non-ASCII characters of Western text read as cp1252: letters, and the punctuation, currency and
# symbols that Western news uses. A Central European or Cyrillic text read as cp1252 gives others
# ("³", "¹", "¾") or letters only (see _western).
_WESTERN_MARKS = frozenset("\u00a0¡¢£¥§©«®°±²·º»¼½¾¿×÷€‚„…†‡•–—‘’“”‹›™")
# Share of a text's letters that may be non-ASCII for it to be Western: French or German news has a
# few per cent accented letters, a Cyrillic or Greek text read as cp1252 has nearly all.
_WESTERN_SHARE = 0.3


def bom_encoding(raw: bytes) -> str | None:
    """The encoding a byte order mark at the start of ``raw`` names, if it has one."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    return None


def utf16_by_zeros(raw: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 without a byte order mark, judged by where its zero bytes fall.

    Text written as UTF-16 has a zero byte as the high byte of each ASCII character (nearly every
    character of a Latin-script text, the spaces, digits and punctuation of a Cyrillic or Korean
    one): in odd places for little-endian, even ones for big-endian, and few in the other places.
    Binary data has zeros in both, UTF-8 text none. What passes is still decoded strictly and
    checked for control characters.
    """
    sample = raw[:8192]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    # The other places may hold a few zeros: Korean syllables U+xx00 (2.7% of an AEB Korean article).
    if odd >= 0.1 * pairs and even <= max(0.01 * pairs, odd / 8):
        return "utf-16-le"
    if even >= 0.1 * pairs and odd <= max(0.01 * pairs, even / 8):
        return "utf-16-be"
    return None


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 text with a few broken bytes, the broken ones replaced by U+FFFD; None when it is not UTF-8.

    A stray byte (a truncated copy, one pasted Latin-1 character) must not make the whole text be
    read as another charset: when valid multi-byte sequences outnumber broken bytes, it is UTF-8.
    A single-byte charset almost never forms a valid multi-byte sequence by chance.
    """
    text = raw.decode("utf-8", "replace")
    broken = text.count("\ufffd") - raw.count("\ufffd".encode())
    valid = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return text if 0 < broken <= valid else None


def _western(raw: bytes) -> str | None:
    """``raw`` read as cp1252 when it reads as Western text, else None.

    charset-normalizer, asked alone, reads most short Western texts as cp1250, cp775 or cp852 (on
    the AEB articles written as cp1252 it got 128 of 158 right, written as Latin-1 24 of 40); the
    test here reads all of them right and still leaves Central European and Cyrillic texts to it.
    Latin-1 is read as cp1252 too: they differ only in 0x80-0x9F, C1 control codes no text uses
    (browsers do the same, WHATWG Encoding).
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
        return None
    letters = non_ascii = 0
    for c in text:
        if c.isalpha():
            letters += 1
            non_ascii += ord(c) > 0x7F
        elif ord(c) > 0x7F and c not in _WESTERN_MARKS:
            return None
    return text if letters and non_ascii <= _WESTERN_SHARE * letters else None


def decode_text(raw: bytes, what: object, charset: str | None = None) -> Decoded:
    """Text from bytes and the charset used: a byte order mark, UTF-16 by its zero bytes, the declared
    charset, UTF-8 (a few broken bytes replaced), Western cp1252, then charset-normalizer.

    Raises DocumentError E003 for binary data and E005 for bytes no charset decodes.
    """
    found = _decode(raw, what, charset)
    if _looks_binary(found.text):
        raise DocumentError(Errors.E003, what=what)
    return found


def _decode(raw: bytes, what: object, charset: str | None) -> Decoded:
    # A byte order mark outranks a declaration (the HTML standard's order): an editor that saved
    # UTF-16 left the page's old <meta charset> as it was.
    bom = bom_encoding(raw)
    if bom is not None:
        try:
            return Decoded(raw.decode(bom).removeprefix("\ufeff"), bom)
        except UnicodeDecodeError as err:
            raise DocumentError(Errors.E005, what=what, cause=f"it starts with a {bom} byte order mark: {err}") from None
    utf16 = utf16_by_zeros(raw)
    if utf16 is not None:
        try:
            return Decoded(raw.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass  # zeros in that pattern but not UTF-16: judged as binary below
    if b"\x00" in raw[:8192]:
        raise DocumentError(Errors.E003, what=what)
    if charset:
        try:
            return Decoded(raw.decode(charset), codecs.lookup(charset).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall through to UTF-8 and detection
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for read, name in ((_mostly_utf8, "utf-8"), (_western, "cp1252")):
        text = read(raw)
        if text is not None:
            return Decoded(text, name)
    best = from_bytes(raw).best()
    if best is None:
        raise DocumentError(Errors.E005, what=what, cause="no charset fits")
    return Decoded(str(best), codecs.lookup(best.encoding).name)


def decode(raw: bytes, what: object, charset: str | None = None) -> str:
    """Text from bytes (:func:`decode_text` without the charset it used)."""
    return decode_text(raw, what, charset).text
