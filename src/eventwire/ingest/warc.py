"""WARC archives (.warc, .warc.gz, as Common Crawl News ships them): the HTML responses only.

Requests, metadata records, redirects, errors and non-HTML responses are not articles and are
passed over. An archive damaged halfway (truncated download) keeps the records before the damage
and reports the rest as one error Document.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..config import Config
from ..errors import DocumentError, Errors
from ..models import Document
from .decode import declared_charset, decode_text, read_capped
from .failures import failed
from .fetch import HTML_TYPES
from .ids import stable_id, url_id


def _check_gzip(path: Path) -> None:
    """Raise EOFError when the last gzip member is cut short.

    warcio stops without a word at a member that ends before its end-of-stream marker (a
    truncated download), so the records before it would pass for the whole archive. Decompressing
    to the end, in chunks, is the one reliable test.
    """
    with gzip.open(path, "rb") as f:
        while f.read(1 << 20):
            pass


def read_warc(path: Path, config: Config, published: str | None = None) -> Iterator[Document]:
    """One Document per HTML response record of the archive."""
    origin = str(path)
    found = 0
    damaged = False
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for n, record in enumerate(records, 1):
                if not str(record.format).startswith("warc"):  # warcio reads junk as a loose (ARC) record
                    raise ArchiveLoadFailed(f"record {n} is not a WARC record")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if not str(record.http_headers.get_statuscode() or "").startswith("2"):
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                    continue
                found += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                rec_origin = f"{origin}#{url or n}"
                # the page's canonical URL: the same page from a URL list is the same doc
                doc_id = url_id(url) if url else stable_id(rec_origin)
                try:
                    raw = read_capped(record.content_stream(), rec_origin, config.max_bytes)
                    if getattr(record.raw_stream, "limit", 0):  # the block ended before its declared length
                        raise DocumentError(Errors.E013, what=path, cause=f"the record of {url or n} is cut short")
                    if not raw.strip():
                        raise DocumentError(Errors.E002, "skipped", what=rec_origin)
                    html, encoding = decode_text(raw, rec_origin, declared_charset(raw, ctype))
                except DocumentError as err:
                    damaged = damaged or err.code == "E013"
                    yield failed(rec_origin, err, doc_id)
                    continue
                yield Document(id=doc_id, html=html, url=url, published=published, origin=rec_origin,
                               encoding=encoding)
            # warcio passes over a gzip member cut short at the end: bytes left unread mean damage.
            if path.suffix.lower() == ".gz" and not damaged:  # one report of the damage is enough
                _check_gzip(path)
            if records.offset < path.stat().st_size:
                raise ArchiveLoadFailed(f"{path.stat().st_size - records.offset} bytes at the end could not be read")
    except OSError as err:
        if isinstance(err, FileNotFoundError | PermissionError):
            yield failed(origin, DocumentError(Errors.E001, path=path, cause=err.strerror or err))
            return
        yield failed(origin, DocumentError(Errors.E013, what=path, cause=err), stable_id(origin, "damaged"))
        return
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as err:
        yield failed(origin, DocumentError(Errors.E013, what=path, cause=err), stable_id(origin, "damaged"))
        return
    if not found:
        yield failed(origin, DocumentError(Errors.E017, "skipped", what=path))
