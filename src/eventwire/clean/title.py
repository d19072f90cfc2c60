"""Title detection for plain text: the first line is the headline when it looks like one."""

from __future__ import annotations

import re

# A headline does not end like a sentence (a question is the exception), nor like a dateline or
# an introduction ("LONDON (Reuters) -", "He said:").
_NOT_A_HEADLINE_END = re.compile(r"([.!:;,…]|[-–—])[\"'”’)\]]*$")
_WORD = re.compile(r"\w+")


def looks_like_title(line: str) -> bool:
    """True for a line that reads like a headline: short, not starting in lower case, no full stop."""
    text = line.strip()
    words = _WORD.findall(text)
    if not 2 <= len(words) <= 25 or len(text) > 200:
        return False
    first = text.lstrip("\"'“‘(")[:1]
    if first.islower():  # caseless scripts and digits pass
        return False
    return not _NOT_A_HEADLINE_END.search(text)
