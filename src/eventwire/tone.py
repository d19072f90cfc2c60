"""Document tone in the manner of GDELT's AvgTone, with the lexicon vaderSentiment ships.

GDELT's tone is the percentage of an article's words that carry a positive connotation minus the
percentage that carry a negative one. eventwire counts the same way, with VADER's word list (a
word with valence of at least ``min_valence`` in absolute value is positive or negative), corrected
for news English by ``codebook/tone_overrides.tsv`` and by any user file in the same format. So:

- the scale is GDELT's: -100..+100 in theory, and like GDELT mostly between -10 and +10 for news;
- 0 is neutral; an article with 3% positive and 5% negative words has tone -2.0.

Negation and intensifiers are ignored, as in GDELT: the score is a count, comparable across
articles and cheap enough to run on every document.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .config import Config
from .errors import Errors, EventwireError
from .models import Article
from .tables import codebook_path

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
MIN_VALENCE = 0.5  # VADER means closer to zero than this are raters disagreeing, not a connotation


@dataclass(frozen=True)
class Tone:
    """A document's tone: ``tone`` = ``positive`` - ``negative``, each a percentage of ``words``."""

    tone: float
    positive: float
    negative: float
    words: int

    @property
    def polarity(self) -> float:
        """GDELT's Polarity: how emotionally charged the text is, whatever the direction."""
        return self.positive + self.negative


def _read_overrides(path: Path) -> dict[str, float]:
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        out = {}
        for row in csv.DictReader(lines, delimiter="\t"):
            out[row["word"].strip().casefold()] = float(row["valence"])
        return out
    except (OSError, KeyError, ValueError, TypeError) as err:
        raise EventwireError(Errors.E030, path=path, cause=f"{err} (expected TSV columns word, valence)") from err


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> dict[str, float]:
    """Word -> valence: VADER's lexicon, then the shipped news overrides, then the user's files in order."""
    lex: dict[str, float] = {}
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and " " not in parts[0]:  # single words; GDELT counts words, not phrases
            try:
                lex[parts[0].casefold()] = float(parts[1])
            except ValueError:
                continue
    for path in (codebook_path("tone_overrides.tsv"), *(Path(p) for p in extra)):
        lex.update(_read_overrides(path))
    return {w: v for w, v in lex.items() if v != 0}


def score(text: str, lexicon: dict[str, float] | None = None, min_valence: float = MIN_VALENCE) -> Tone:
    """The tone of ``text`` (see the module doc); a text without words has tone 0."""
    lex = lexicon if lexicon is not None else load_lexicon()
    words = _WORD.findall(text.casefold())
    pos = neg = 0
    for w in words:
        v = lex.get(w.replace("’", "'"))
        if v is None or abs(v) < min_valence:
            continue
        if v > 0:
            pos += 1
        else:
            neg += 1
    if not words:
        return Tone(0.0, 0.0, 0.0, 0)
    p, n = 100.0 * pos / len(words), 100.0 * neg / len(words)
    return Tone(round(p - n, 4), round(p, 4), round(n, 4), len(words))


def _user_files(config: Config | None) -> tuple[str, ...]:
    extra = (config.extra if config else {}).get("tone_lexicon") or ()
    files: Iterable[str] = [extra] if isinstance(extra, str) else extra
    return tuple(str(f) for f in files)


def article_tone(article: Article, config: Config | None = None) -> float | None:
    """An article's tone, or None when there is nothing English to score.

    Analysed articles and duplicates (whose copy carries the original's events) are scored; errors
    and other skipped articles (empty, another language) are not. A user lexicon file can be named
    in the config as ``extra: {tone_lexicon: path}`` (or a list of paths).
    """
    if not article.text or article.status == "error" or (article.status == "skipped" and not article.duplicate_of):
        return None
    return score(article.text, load_lexicon(_user_files(config))).tone
