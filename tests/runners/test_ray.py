"""The Ray engine on a local 2-CPU Ray: the same events as the local runner, Parquet by date.

Kept small (a local Ray takes seconds to start and 1.5 GB to hold): run it on its own with
``pytest -m ray``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from runkit import documents

from eventwire.config import Config
from eventwire.runners import run_job
from eventwire.store import Store

MENTIONS = ("SELECT article_id, code, source_code, target_code, modality, span_start, trigger_start, rule"
            " FROM event_mentions ORDER BY ALL")


@pytest.mark.ray
@pytest.mark.slow
def test_ray_engine_stores_the_events_the_local_runner_stores(tmp_path: Path, nlp: object) -> None:
    pytest.importorskip("ray")
    docs = documents(4)
    with Store(tmp_path / "local.duckdb") as local:
        list(run_job(docs, local, Config()))
        expected = local.query(MENTIONS)
        expected_articles = local.query("SELECT id, status, title, published, text FROM articles ORDER BY id")
    out = tmp_path / "parquet"
    with Store(tmp_path / "ray.duckdb") as on_ray:
        outcomes = list(run_job(docs, on_ray, Config(), engine="ray", workers=2, parquet_dir=out))
        got = on_ray.query(MENTIONS)
        got_articles = on_ray.query("SELECT id, status, title, published, text FROM articles ORDER BY id")
        # a second run finds everything stored and starts no Ray at all
        again = list(run_job(docs, on_ray, Config(), engine="ray", workers=2, parquet_dir=out))
    assert sorted(o.doc_id for o in outcomes) == sorted(d.id for d in docs) and all(o.written for o in outcomes)
    assert expected and got == expected
    assert got_articles == expected_articles
    assert all(o.already_stored for o in again)
    partitions = sorted(p.name for p in out.iterdir())
    assert partitions == sorted(f"date={d.published}" for d in docs)
