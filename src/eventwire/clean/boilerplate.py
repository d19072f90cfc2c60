"""Line-level boilerplate removal for plain text scraped from news pages.

The patterns live in ``codebook/boilerplate.txt`` (one regular expression a line), so users can
add their sites' furniture without touching code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables import data_lines


@lru_cache(maxsize=1)
def _patterns() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("boilerplate.txt")), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    return bool(_patterns().search(line.strip()))


def strip_boilerplate(paragraphs: list[str]) -> list[str]:
    return [p for p in paragraphs if not is_boilerplate(p)]
