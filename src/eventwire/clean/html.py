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
from lxml.html import HtmlElement, HTMLParser, fromstring
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


# libxml2 stops building a tree 256 elements deep unless told the input may be huge, so an article
# nested in 300 <div>s (page builders do this) parses to an empty shell and its text is lost. The
# same settings as trafilatura's own parser, plus that one.
_DEEP_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                          remove_pis=True, huge_tree=True)


def _deep_tree(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf-8", "surrogatepass"), parser=_DEEP_PARSER)
    except Exception:  # lxml raises several kinds on broken input; the page then simply has no text
        return None


def _extract(html: str, url: str | None, **mode: Any) -> str:
    return trafilatura.extract(html, url=url, include_comments=False, config=_CONFIG, **mode) or ""


def _bare(page: str | HtmlElement, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        page, url=url, favor_precision=True, include_comments=False, with_metadata=True, config=_CONFIG,
    )


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Article text, title, date, author, site name and canonical URL of one page."""
    got: Any = _bare(html, url)
    if not (getattr(got, "text", None) if got is not None else None) and html.count("<div") > 250:
        # nothing found in a page deep enough to have hit the parser's depth limit: parse it whole
        tree = _deep_tree(html)
        if tree is not None:
            got = _bare(tree, url) or got
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
