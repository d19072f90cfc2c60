"""The quote finder on a small evaluation set written for these tests (eval_quotes.yaml).

Scored like the held-out set: direct quotes only, a prediction matching a gold quote when they
share at least half of the shorter one's characters. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

SETS = ("eval_quotes.yaml", "eval_quotes_politics.yaml")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= min(a[1] - a[0], b[1] - b[0])


def score(analyze: Any, name: str) -> dict[str, Any]:
    """Recall, precision and speaker accuracy of direct quotes over one set, with the misses."""
    items = yaml.safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8"))
    gold_n = pred_n = matched_pred = matched_gold = speaker_ok = 0
    misses: list[str] = []
    for item in items:
        analysis = analyze(item["text"])
        text = analysis.article.text
        preds = [q for q in analysis.quotes if q.kind == "direct"]
        pred_n += len(preds)
        golds = []
        for g in item["direct"]:
            start = text.find(g["quote"])
            assert start >= 0, f"{item['id']}: gold quote not in text: {g['quote']!r}"
            golds.append(((start, start + len(g["quote"])), g))
        gold_n += len(golds)
        for span, g in golds:
            hits = [q for q in preds if _overlap(span, q.span)]
            if not hits:
                misses.append(f"{item['id']}: missed {g['quote'][:40]!r}")
                continue
            matched_gold += 1
            names = " ".join(f"{q.speaker.name or ''} {q.speaker.text}" for q in hits if q.speaker).lower()
            if any(s.lower() in names for s in g["speaker"]):
                speaker_ok += 1
            else:
                misses.append(f"{item['id']}: speaker {names!r} for {g['quote'][:30]!r}, want {g['speaker']}")
        for q in preds:
            if any(_overlap(span, q.span) for span, _ in golds):
                matched_pred += 1
            else:
                misses.append(f"{item['id']}: false direct quote {q.text[:40]!r}")
    return {
        "recall": matched_gold / gold_n if gold_n else 1.0,
        "precision": matched_pred / pred_n if pred_n else 1.0,
        "speaker_accuracy": speaker_ok / matched_gold if matched_gold else 1.0,
        "gold": gold_n,
        "predicted": pred_n,
        "misses": misses,
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_quotes_eval_set_meets_the_floors(analyze_text: Any, name: str) -> None:
    figures = score(analyze_text, name)
    print({k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()})
    assert figures["recall"] >= 0.85, figures["misses"]
    assert figures["precision"] >= 0.95, figures["misses"]
    assert figures["speaker_accuracy"] >= 0.90, figures["misses"]
