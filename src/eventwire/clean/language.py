"""Language identification with py3langid, which ships its model inside the package."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when there is too little text to tell."""
    sample = text[:4000]
    if len(sample.split()) < 3:
        return None
    lang, _ = py3langid.classify(sample)
    return str(lang)
