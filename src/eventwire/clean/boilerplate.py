"""Line-level boilerplate removal for article text (scraped text, and what trafilatura returns).

Knowledge lives in two data files under ``codebook/`` (one regular expression a line), so users add
their sites' furniture without touching code:

- ``boilerplate.txt``: a line that is furniture on its own (share buttons, cookie notices,
  "Read more: ..." links, photo credits, copyright lines);
- ``boilerplate_sections.txt``: a line that opens a block of links ("Related stories", "Don't
  miss", a gallery counter); the block's headline-like lines that follow go with it.

A paragraph is only ever dropped whole, and only when a pattern matches it or it sits inside such
a block and does not read like prose (a headline, a link, a caption): body sentences stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Errors, EventwireError
from ..tables import data_lines

# A sentence ends with . ! or an ellipsis, perhaps followed by closing quotes or brackets; a colon
# ends a line that introduces a quote. Headlines and link texts end otherwise, or with a question
# mark ("Who are the rebels?"), which inside a block of links is a link.
_SENTENCE_END = re.compile(r"[.!…:。！][\"'”’)\]」』]*$")
_WORD = re.compile(r"\w+")
# How far a link block reaches: links and captions are short.
_HEADLINE_MAX_WORDS = 25


def _anchored(pattern: str) -> bool:
    """True for ``^...`` with no ``|`` outside brackets: it can only match at the start of a line."""
    if not pattern.startswith("^"):
        return False
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
        i += 1
    return True


@dataclass(frozen=True)
class Patterns:
    """Regular expressions of one data file, split so that most are tried at the line start only."""

    start: re.Pattern[str]  # the anchored ones, tried with ``match`` (fast on long paragraphs)
    anywhere: re.Pattern[str]  # the rest, tried with ``search``

    def __call__(self, line: str) -> bool:
        return bool(self.start.match(line) or self.anywhere.search(line))


def _compile(lines: Iterable[str], origin: str) -> Patterns:
    start: list[str] = []
    anywhere: list[str] = []
    for line in lines:
        try:
            re.compile(line)
        except re.error as err:
            raise EventwireError(Errors.E032, path=origin, pattern=line, cause=err) from err
        (start if _anchored(line) else anywhere).append(f"(?:{line})")
    return Patterns(start=re.compile("|".join(start) or r"(?!)", re.IGNORECASE),
                    anywhere=re.compile("|".join(anywhere) or r"(?!)", re.IGNORECASE))


def _user_lines(paths: Sequence[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        try:
            text = Path(p).read_text(encoding="utf-8")
        except OSError as err:
            raise EventwireError(Errors.E032, path=p, pattern="-", cause=err.strerror or err) from err
        out += [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return out


@dataclass(frozen=True)
class Boilerplate:
    """The compiled line and section patterns: the shipped data plus the user's files."""

    lines: Patterns
    sections: Patterns

    @classmethod
    def load(cls, user_lines: Sequence[str] = (), user_sections: Sequence[str] = ()) -> Boilerplate:
        """Shipped patterns extended by the user's pattern files (paths), cached per argument set."""
        return _load(tuple(user_lines), tuple(user_sections))

    def is_boilerplate(self, line: str) -> bool:
        """True for a line that is site furniture on its own (also as an item of a list)."""
        text = line.strip()
        bare = _unbullet(text)
        return self.lines(text) or (bare != text and self.lines(bare))

    def opens_section(self, line: str) -> bool:
        """True for a line that opens a block of links or captions."""
        return self.sections(line.strip())

    def strip(self, paragraphs: Sequence[str], title: str | None = None) -> list[str]:
        """Paragraphs without furniture, link blocks, and a leading repeat of the title."""
        out: list[str] = []
        in_block = False
        for para in paragraphs:
            if self.opens_section(para):
                in_block = True
                continue
            if in_block and looks_like_link(para):
                continue
            in_block = False
            if not self.is_boilerplate(para):
                out.append(para)
        return drop_title_repeat(out, title)


@lru_cache(maxsize=8)
def _load(user_lines: tuple[str, ...], user_sections: tuple[str, ...]) -> Boilerplate:
    return Boilerplate(
        lines=_compile(data_lines("boilerplate.txt") + _user_lines(user_lines), "boilerplate.txt"),
        sections=_compile(data_lines("boilerplate_sections.txt") + _user_lines(user_sections), "boilerplate_sections.txt"),
    )


def _unbullet(text: str) -> str:
    return text.lstrip("-–•*·>» ").strip()


def looks_like_link(line: str) -> bool:
    """A short line that does not end like a sentence: a headline, a link text or a caption."""
    text = _unbullet(line.strip())
    return len(_WORD.findall(text)) <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(text)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def drop_title_repeat(paragraphs: list[str], title: str | None) -> list[str]:
    """Leave out the headline when the text starts by repeating it (extractors often keep it)."""
    if not title or not paragraphs:
        return paragraphs
    key, first = _key(title), _key(paragraphs[0])
    if not key or not first:
        return paragraphs
    # Page titles often carry the site's name: "Headline - Site", "Site | Headline".
    if first == key or (len(first.split()) >= 4 and (key.startswith(first) or key.endswith(first))):
        return paragraphs[1:]
    return paragraphs


def is_boilerplate(line: str) -> bool:
    """True for a line that the shipped patterns call site furniture."""
    return Boilerplate.load().is_boilerplate(line)


def strip_boilerplate(paragraphs: Sequence[str], title: str | None = None) -> list[str]:
    """Paragraphs without furniture, using the shipped patterns only."""
    return Boilerplate.load().strip(paragraphs, title)

