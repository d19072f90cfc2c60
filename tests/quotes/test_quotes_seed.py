"""The seed article end to end (the pipeline's actors, not a stub), against its hand-coded quotes."""

from __future__ import annotations

import json
import re
from typing import Any

from eventwire.models import Document
from sharedkit import shared_or_skip


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip().lower()


def test_quotes_seed_core_and_soft_quotes_with_speakers(pipeline: Any) -> None:
    seed = shared_or_skip("seed", "000_c2d42f4029cadffe.txt")
    gold = json.loads(shared_or_skip("gold", "seed_gold.json").read_text(encoding="utf-8"))["quotes"]
    doc = Document(id="seed", text=seed.read_text(encoding="utf-8"), published="2014-03-05")
    analysis = next(pipeline.analyze([doc]))
    text = analysis.article.text
    for q in analysis.quotes:
        assert text[q.span[0]:q.span[1]] == q.text
    found = {"core": 0, "soft": 0}
    right = {"core": 0, "soft": 0}
    for g in gold:
        start = _norm(g["starts"])[:40]
        hits = [q for q in analysis.quotes if start in _norm(q.text)]
        if hits:
            found[g["level"]] += 1
            names = [_norm((q.speaker.name or q.speaker.text) if q.speaker else "") for q in hits]
            right[g["level"]] += any(_norm(g["speaker"]) in n for n in names)
    assert found["core"] == 10
    assert right["core"] >= 9
    assert found["soft"] >= 4
    # Kerry's three paragraphs are three direct quotes, the last two carried over from the first.
    kerry = [q for q in analysis.quotes if q.kind == "direct" and q.speaker and "kerry" in _norm(q.speaker.name)]
    assert [q.rule for q in kerry] == ["cue-before", "continued", "continued"]
