"""HTML to article text and metadata with trafilatura.

trafilatura's precision mode scored best on news pages, but now and then it keeps only a sliver of
the article (a lead paragraph, a caption). One pass in precision mode gives the text and the
metadata; only when that text is short is the page extracted again in the default mode, and the
longer text is taken when precision mode kept less than ``fallback_ratio`` of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura
from trafilatura.settings import use_config

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work outside the main thread

# Below this many words, a precision-mode text is checked against the default mode.
FALLBACK_WORDS = 150
# Precision mode's text is replaced when it holds less than this share of the default mode's words.
FALLBACK_RATIO = 0.2


@dataclass
class Extracted:
    """What the HTML extractor found: article text and page metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    mode: str = "precision"  # which extraction gave the text: precision | default


def _extract(html: str, url: str | None, **mode: Any) -> str:
    return trafilatura.extract(html, url=url, include_comments=False, config=_CONFIG, **mode) or ""


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Article text, title, date, author, site name and canonical URL of one page."""
    doc = trafilatura.bare_extraction(
        html, url=url, favor_precision=True, include_comments=False, with_metadata=True, config=_CONFIG,
    )
    got: Any = doc
    text = (getattr(got, "text", None) or "") if got is not None else ""
    out = Extracted(text=text)
    if got is not None:
        out.title = getattr(got, "title", None) or None
        out.published = getattr(got, "date", None) or None
        out.author = getattr(got, "author", None) or None
        out.site = getattr(got, "sitename", None) or None
        out.url = getattr(got, "url", None) or None
    # Precision mode sometimes keeps only a sliver of the article: compare with the default mode.
    words = len(text.split())
    if words < FALLBACK_WORDS:
        default = _extract(html, url)
        if words < FALLBACK_RATIO * len(default.split()):
            out.text, out.mode = default, "default"
    return out
