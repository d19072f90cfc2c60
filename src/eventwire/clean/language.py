"""Language identification with py3langid, which ships its model inside the package."""

from __future__ import annotations

from functools import lru_cache

import py3langid

from ..config import Config
from ..models import Article
from ..tables import data_lines


@lru_cache(maxsize=1)
def _news_languages() -> frozenset[str]:
    return frozenset(data_lines("news_languages.txt"))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when there is too little text to tell."""
    sample = text[:2000]  # a few hundred words tell the language; more only costs time
    if len(sample.split()) < 3:
        return None
    allowed = _news_languages()
    # The best-ranked language among those news is written in (see codebook/news_languages.txt).
    ranked = py3langid.rank(sample)
    lang = next((code for code, _ in ranked if code in allowed), ranked[0][0])
    return str(lang)


def screen_language(art: Article, config: Config) -> Article:
    """Mark an article in a language the analysis does not cover as skipped, reason ``language xx``.

    An article whose language could not be told (too short) is left as it is.
    """
    if art.status == "ok" and art.language is not None and art.language not in config.languages:
        art.status, art.reason = "skipped", f"language {art.language}"
    return art
