"""The runners stream: input is pulled as results are needed, never gathered into a list first."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

from eventwire.config import Config
from eventwire.models import Document
from eventwire.runners import run_job
from eventwire.runners.ray_engine import INPUT_BLOCK, _blocks
from eventwire.store import Store


def _endless(pulled: list[int]) -> Iterator[Document]:
    """Documents without end (each one a reader's error record, cheap to store), counting those pulled."""
    for n in itertools.count():
        pulled[0] = n + 1
        yield Document(id=f"bad-{n}", origin=f"endless:{n}", status="error", reason="E007 test")


def test_stream_run_job_pulls_input_as_it_goes(tmp_path: Path, nlp: object) -> None:
    pulled = [0]
    with Store(tmp_path / "s.duckdb") as store:
        outcomes = run_job(_endless(pulled), store, Config(batch_size=8))
        done = list(itertools.islice(outcomes, 50))  # would never return if the input were listed first
        outcomes.close()
    assert len(done) == 50 and all(o.analysis is not None and o.analysis.status == "error" for o in done)
    assert pulled[0] < 50 + 2 * 64  # what is read ahead is bounded (a lookup chunk and a batch)


def test_stream_ray_blocks_spread_a_short_input_and_bound_a_long_one() -> None:
    assert [len(b) for b in _blocks(range(4), 2)] == [1, 1, 2]
    sizes = [len(b) for b in _blocks(range(100_000), 2)]
    assert sum(sizes) == 100_000 and max(sizes) == INPUT_BLOCK
    assert [len(b) for b in _blocks([], 2)] == []
