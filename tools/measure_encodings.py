#!/usr/bin/env python3
"""Measure charset detection on real articles: eventwire's decode against charset-normalizer alone.

    .venv/bin/python tools/measure_encodings.py [--pages N]

The article texts of the AEB pages (``../shared/corpora/aeb/html``, extracted with trafilatura) are
written in each charset (characters the charset lacks become "?") and read back. A round trip counts
when the text read is exactly the text written. For charset-normalizer alone, only the bytes that are
not valid UTF-8 are counted (the others never reach a detector).
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from pathlib import Path

import trafilatura
from charset_normalizer import from_bytes

from eventwire.errors import DocumentError
from eventwire.ingest.decode import decode_text

AEB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "aeb" / "html"
CHARSETS = ("cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig")


def texts(limit: int) -> list[str]:
    out = []
    for path in sorted(AEB.glob("*.html.gz"))[:limit]:
        out.append(trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")) or "")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000, help="at most this many AEB pages")
    args = ap.parse_args()
    corpus = texts(args.pages)
    print(f"{len(corpus)} AEB article texts\n")
    print(f"{'written as':<11} {'eventwire':>14} {'non-UTF-8: eventwire':>21} {'charset-normalizer':>19}  read as")
    for charset in CHARSETS:
        ours = ours_non_utf8 = theirs = non_utf8 = 0
        read_as: Counter[str] = Counter()
        for text in corpus:
            raw = text.encode(charset, "replace")
            expected = raw.decode(charset).removeprefix("\ufeff")
            try:
                found = decode_text(raw, "x")
                good = found.text == expected
                read_as[found.encoding] += 1
            except DocumentError as err:
                good = False
                read_as[err.code] += 1
            ours += good
            try:
                raw.decode("utf-8")
                continue
            except UnicodeDecodeError:
                non_utf8 += 1
            ours_non_utf8 += good
            best = from_bytes(raw).best()
            theirs += best is not None and str(best).removeprefix("\ufeff") == expected
        share = f"{ours_non_utf8}/{non_utf8}" if non_utf8 else "-"
        alone = f"{theirs}/{non_utf8}" if non_utf8 else "-"
        print(f"{charset:<11} {ours:>10}/{len(corpus)} {share:>21} {alone:>19}  {dict(read_as.most_common(4))}")


if __name__ == "__main__":
    main()
