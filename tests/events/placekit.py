"""Scoring event places against tests/events/aeb_places.jsonl (gold places of the AEB dev set's asserted events).

Each gold sentence is analysed inside its whole article (``../shared/corpora/aeb/ground-truth.json``), so the
coder sees the dateline and the rest of the story, as it does in production. A coded event belongs to a gold
sentence when their texts contain one another (spaCy and the sampling sentencizer split a little differently).

- recall: of the gold events with a gold place whose sentence gets at least one asserted coded event, the share
  for which one of those events carries the gold place (``end_to_end_recall`` counts every gold-placed event,
  coded or not: it is bounded by the coder's event recall);
- precision: of the placed asserted events coded on gold sentences, the share whose place is a gold place of the
  sentence; ``precision_lenient`` also accepts the article's place where the annotators marked the story as
  being about one place (``article_place``) and the sentence's events carry no gold place.

A place is right at ``country`` level when its ISO alpha-3 country is the gold one, at ``name`` level when its
name (or its ADM1 name) is the gold name, ADM1 or city as well.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "events" / "aeb_gold.jsonl"
PLACES = ROOT / "tests" / "events" / "aeb_places.jsonl"
HOWS = ("attached", "sentence", "dateline", "article")


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(t for t in text.split() if t != "the")


def load_gold() -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Gold sentences by id, and their place annotations (one per asserted event, in order) by sentence id."""
    sents = {r["id"]: r for r in map(json.loads, GOLD.open(encoding="utf-8"))}
    places: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in map(json.loads, PLACES.open(encoding="utf-8")):
        places[r["id"]].append(r)
    return sents, dict(places)


def articles_for(sents: Iterable[str], ground_truth: Path) -> dict[str, str]:
    """The article body of each page whose sentences are given (page key = the id's hash part)."""
    bodies = json.loads(ground_truth.read_text(encoding="utf-8"))
    out = {}
    for sid in sents:
        h = sid.split("-")[1]
        key = next(k for k in bodies if k.startswith(h))
        out[h] = bodies[key]["articleBody"]
    return out


def _names(p: dict[str, Any]) -> set[str]:
    return {norm(p.get(k)) for k in ("name", "admin1", "city") if p.get(k)}


def place_right(pred: dict[str, Any], gold: dict[str, Any] | None, level: str) -> bool:
    if not gold or not pred or pred.get("country") != gold.get("country"):
        return False
    if level == "country":
        return True
    return bool({norm(pred.get("name")), norm(pred.get("adm1_name"))} & _names(gold))


def events_of(sentence: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The asserted events coded on the gold sentence."""
    g = norm(sentence)
    out = []
    for e in events:
        s = norm(e.get("sentence"))
        if e.get("modality") == "asserted" and s and (s in g or g in s):
            out.append(e)
    return out


def score(split: str, analysed: dict[str, list[dict[str, Any]]], sents: dict[str, dict[str, Any]],
          places: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Place recall and precision on one split; ``analysed`` maps page hash -> its coded events (dicts)."""
    n_gold = n_gold_coded = 0
    hit = {"country": 0, "name": 0}
    n_pred = 0
    right = {"country": 0, "name": 0}
    lenient = 0
    by_how: dict[str, list[int]] = {h: [0, 0] for h in HOWS}  # how -> [placed, right at country level]
    for sid, anns in places.items():
        if anns[0]["split"] != split:
            continue
        coded = events_of(sents[sid]["text"], analysed.get(sid.split("-")[1], []))
        golds = [a["place"] for a in anns if a["place"]]
        for a in anns:
            if a["place"] is None:
                continue
            n_gold += 1
            if coded:
                n_gold_coded += 1
                for level in hit:
                    hit[level] += any(place_right(e.get("place") or {}, a["place"], level) for e in coded)
        for e in coded:
            p = e.get("place")
            if not p:
                continue
            n_pred += 1
            ok = {level: any(place_right(p, g, level) for g in golds) for level in right}
            for level in right:
                right[level] += ok[level]
            art = anns[0].get("article_place")
            lenient += ok["country"] or bool(not golds and art and p.get("country") == art["country"])
            how = p.get("how") or "attached"
            by_how.setdefault(how, [0, 0])
            by_how[how][0] += 1
            by_how[how][1] += ok["country"]

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    return {
        "split": split, "gold_placed": n_gold, "gold_placed_coded": n_gold_coded, "predicted_placed": n_pred,
        "recall_country": ratio(hit["country"], n_gold_coded), "recall_name": ratio(hit["name"], n_gold_coded),
        "end_to_end_recall_country": ratio(hit["country"], n_gold),
        "precision_country": ratio(right["country"], n_pred), "precision_name": ratio(right["name"], n_pred),
        "precision_lenient": ratio(lenient, n_pred),
        "by_how": {h: {"placed": v[0], "right_country": v[1]} for h, v in by_how.items()},
    }
