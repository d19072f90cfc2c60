"""Fixtures of the store tests: an empty store and one with known contents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import GENEVA, KHARKIV, actor, analysis, event

from eventwire.store import Store


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store in a temporary file."""
    with Store(tmp_path / "t.duckdb") as s:
        yield s


@pytest.fixture()
def known_store(tmp_path: Path) -> Iterator[Store]:
    """A store with a known set of events (see the comments), for the query tests.

    USA->RUS: 2024-05-06 042 (GENEVA, two articles from two outlets), 2024-05-07 111 (conflict),
              2024-05-08 036 hypothetical; RUS->USA: 2024-05-07 130 (conflict);
    RUS->UKR: 2024-05-13 190 at Kharkiv (material conflict), three mentions in one article;
    FRA->DEU: 2024-05-20 057 (sign agreement: QuadClass 1, root 05).
    """
    usa, rus, ukr = actor("USAGOV", "US officials"), actor("RUSGOV", "the Kremlin"), actor("UKRMIL", "Ukrainian troops")
    fra, deu = actor("FRAGOV", "France"), actor("DEUGOV", "Germany")
    items = [
        analysis("a1", [event("042", usa, rus, "2024-05-06", GENEVA), event("111", usa, rus, "2024-05-07")],
                 source="Wire A", url="https://wire-a.example/1", tone=-2.0),
        analysis("a2", [event("042", usa, rus, "2024-05-06", GENEVA), event("130", rus, usa, "2024-05-07"),
                        event("036", usa, rus, "2024-05-08", modality="hypothetical")],
                 source="Wire B", url="https://wire-b.example/2", tone=4.0),
        analysis("a3", [event("190", rus, ukr, "2024-05-13", KHARKIV, span=(0, 40)),
                        event("190", rus, ukr, "2024-05-13", KHARKIV, span=(50, 90)),
                        event("190", rus, ukr, "2024-05-13", KHARKIV, span=(100, 140))],
                 source="Wire C", published="2024-05-13", tone=-6.0),
        analysis("a4", [event("057", fra, deu, "2024-05-20")], source="Wire A", published="2024-05-20", tone=0.5),
    ]
    with Store(tmp_path / "known.duckdb") as s:
        assert s.write_many(items) == 4
        yield s
