"""Event places on real news: the gold places of tests/events/aeb_places.jsonl, annotated before the coder ran.

Each sentence is analysed inside its whole AEB article (slow: about 40 articles through the full pipeline).
The floors sit a little under the figures measured when the place stage was written (docs/events.md, "Places");
the held-out split is scored the same way and never read while changing the rules.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from placekit import articles_for, load_gold, score

from eventwire.models import Document
from sharedkit import shared_or_skip

# split -> (recall floor, precision floor), both at country level (placekit.score)
# measured 0.905 / 0.533 and 1.0 / 0.667 (docs/events.md). The holdout has 6 or 7 placed events, so one event moves
# its precision by about 0.15: its floor guards against a collapse, not a step.
FLOORS = {"dev": (0.80, 0.50), "holdout": (0.60, 0.50)}


def test_places_aeb_gold_covers_every_asserted_event() -> None:
    sents, places = load_gold()
    expected = {sid: len(r["expected"]) for sid, r in sents.items() if r["expected"]}
    assert {sid: len(a) for sid, a in places.items()} == expected
    for anns in places.values():
        for n, a in enumerate(anns):
            assert a["event"] == n and a["code"] == sents[a["id"]]["expected"][n]["code"]
            if a["place"]:
                assert a["place"]["name"] and len(a["place"]["country"]) == 3  # ISO alpha-3, as CAMEO and the coder


@pytest.fixture(scope="module")
def analysed(pipeline: Any) -> dict[str, list[dict[str, Any]]]:
    ground_truth = shared_or_skip("corpora", "aeb", "ground-truth.json")
    sents, places = load_gold()
    bodies = articles_for(places, ground_truth)
    published = {sid.split("-")[1]: sents[sid]["published"] for sid in places}
    docs = [Document(id=h, text=text, published=published[h]) for h, text in bodies.items()]
    return {a.id: [e.to_dict() for e in a.events] for a in pipeline.analyze(docs, dedupe=False)}


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_places_aeb_recall_and_precision(analysed: dict[str, list[dict[str, Any]]], split: str) -> None:
    sents, places = load_gold()
    got = score(split, analysed, sents, places)
    print(json.dumps(got))  # the figures, for docs/events.md (pytest -s)
    recall, precision = FLOORS[split]
    assert got["recall_country"] >= recall, got
    assert got["precision_country"] >= precision, got
