"""Small wire-style documents for the runner tests, written for them (not from any dev set).

Each story combines different actors, places and numbers, so no two are near duplicates.
"""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.models import Document

_LEADERS = [
    ("French President", "Elise Marchand", "France"), ("German Chancellor", "Tobias Keller", "Germany"),
    ("Kenyan President", "Daniel Mwangi", "Kenya"), ("Brazilian Foreign Minister", "Paulo Ribeiro", "Brazil"),
    ("Japanese Prime Minister", "Haruto Sato", "Japan"), ("Indian Foreign Minister", "Ravi Menon", "India"),
    ("Turkish President", "Emre Aydin", "Turkey"), ("Canadian Prime Minister", "Claire Tremblay", "Canada"),
]
_CITIES = ["Geneva", "Nairobi", "Lisbon", "Jakarta", "Oslo", "Cairo", "Lima", "Hanoi", "Accra", "Doha"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_TOPICS = ["grain exports", "a border dispute", "fishing rights", "a stalled rail project", "refugee returns",
           "tariffs on steel", "a ceasefire monitoring mission", "water sharing on a shared river"]


def story(n: int) -> str:
    """The text of story number ``n``: a headline, then three short paragraphs."""
    t1, name1, c1 = _LEADERS[n % len(_LEADERS)]
    t2, name2, c2 = _LEADERS[(n * 3 + 1) % len(_LEADERS)]
    if c1 == c2:
        t2, name2, c2 = _LEADERS[(n + 1) % len(_LEADERS)]
    city, day, topic = _CITIES[n % len(_CITIES)], _DAYS[n % len(_DAYS)], _TOPICS[(n * 5) % len(_TOPICS)]
    return (
        f"{c1} and {c2} hold talks on {topic} in {city}\n\n"
        f"{t1} {name1} met {t2} {name2} in {city} on {day} to discuss {topic}, officials said.\n\n"
        f"{c1} accused {c2} of delaying an agreement reached {n + 2} weeks ago, and {name2} rejected the claim. "
        f"\"We will not sign a deal that ignores our farmers,\" {name2} told reporters after {n % 4 + 2} hours of talks.\n\n"
        f"About {(n + 3) * 140} people protested outside the venue, and police detained {n % 7 + 1} of them. "
        f"Both sides agreed to meet again within {n % 3 + 2} months.\n"
    )


def documents(count: int, start: int = 0) -> list[Document]:
    """``count`` documents with ids ``doc-<n>``."""
    return [Document(id=f"doc-{n:03d}", text=story(n), published=f"2025-0{n % 9 + 1}-1{n % 10}", origin=f"test:{n}")
            for n in range(start, start + count)]


def write_jsonl(path: Path, docs: list[Document]) -> Path:
    """The documents as a JSON Lines input file (CONTRACT.md's document objects)."""
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.id, "text": d.text, "published": d.published}) + "\n")
    return path
