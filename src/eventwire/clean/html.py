"""HTML to article text and metadata with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import use_config

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work outside the main thread


@dataclass
class Extracted:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None) -> Extracted:
    text = trafilatura.extract(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        config=_CONFIG,
    ) or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    if meta is None:
        return Extracted(text=text)
    return Extracted(
        text=text,
        title=meta.title,
        published=(meta.date or None),
        author=meta.author,
        site=meta.sitename,
        url=meta.url,
    )
