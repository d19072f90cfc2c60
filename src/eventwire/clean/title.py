"""Title detection for plain text: the first line is the headline when it looks like one."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?\"”’)]$")


def looks_like_title(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 20 or len(line) > 160:
        return False
    # A headline does not end like a sentence; a colon or a quote inside is common ("Ukraine: ...").
    return not _END.search(line) or line.endswith("?")
