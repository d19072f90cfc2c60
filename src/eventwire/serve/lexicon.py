"""Finding the codebook entry behind a rule id, so the dashboard can show why an event was coded.

Events and actors carry the id of the lexicon or dictionary entry that fired (``Event.rule``,
``Actor.rule``). The entry lives in one of the codebook's tab- or comma-separated files with an
``id`` column; this looks it up without knowing which file, so new lexicon files are found too.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _entries() -> dict[str, list[dict[str, Any]]]:
    """Every row with an ``id`` in the shipped codebook's TSV/CSV files, by id."""
    out: dict[str, list[dict[str, Any]]] = {}
    root = resources.files("eventwire") / "codebook"
    for f in sorted(root.iterdir(), key=lambda p: p.name):
        if not f.name.endswith((".tsv", ".csv")):
            continue
        try:
            lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        except (OSError, UnicodeDecodeError):
            continue
        delim = "\t" if f.name.endswith(".tsv") else ","
        for n, row in enumerate(csv.DictReader(lines, delimiter=delim)):
            rid = (row.get("id") or "").strip()
            if rid:
                fields = {k: v for k, v in row.items() if k and k != "id"}
                out.setdefault(rid, []).append({"file": f.name, "row": n + 1, "fields": fields})
    return out


def lookup(rule: str) -> list[dict[str, Any]]:
    """The codebook rows whose id is ``rule`` (usually one; none for rules from user files or code)."""
    return _entries().get(rule, [])
