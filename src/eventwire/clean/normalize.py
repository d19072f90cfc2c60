"""Unicode and whitespace normalisation.

Scraped text carries non-breaking spaces, zero-width characters, control characters, Windows line
ends and runs of blank lines. Spans in the analysis point into the normalised text, so this runs
once, before anything else, and never afterwards: offsets stay stable.
"""

from __future__ import annotations

import html
import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# C0/C1 control characters other than tab and line feed: debris of bad encodings.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
_BLANKS = re.compile(r"\n{3,}")
# Scraped text often keeps HTML character references: "Kerry&#8217;s", "AT&amp;T".
_ENTITY = re.compile(r"&(#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def normalize_text(text: str) -> str:
    """Characters, not HTML references; NFC; no zero-width or control characters; single spaces; ``\\n`` line ends."""
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _CONTROLS.sub("", _LINE_BREAKS.sub("\n", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines (a single line break also separates in scraped text)."""
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
