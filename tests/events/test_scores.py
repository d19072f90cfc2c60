"""The development floors of issue 5, measured with the shared scorers (slow: they run the whole pipeline)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from eventkit import ROOT

from sharedkit import shared_or_skip

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))


def _last_json(out: str) -> dict[str, float]:
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.slow
def test_scores_seed_floors(tmp_path: Path) -> None:
    seed = shared_or_skip("seed", "000_c2d42f4029cadffe.txt")
    scorer = shared_or_skip("tools", "score_seed.py")
    out = tmp_path / "seed.jsonl"
    with out.open("w") as f:
        subprocess.run([EVENTWIRE, "analyze", str(seed), "--published", "2014-03-05"], stdout=f, check=True, cwd=ROOT)
    got = _last_json(subprocess.run([sys.executable, str(scorer), str(out)], capture_output=True, text=True,
                                    check=True).stdout)
    assert got["events_core"] >= 11
    assert got["trap_violations"] == 0
    assert got["events_soft"] >= 7
    assert got.get("dates_ok", 0) >= 1 and got.get("places_ok", 0) >= 2


def _score_records(records: Path, tmp_path: Path) -> dict[str, float]:
    """``score_events.py`` figures for eventwire's analysis of a records file (petr2_gsr format)."""
    scorer = shared_or_skip("tools", "score_events.py")
    inputs, outputs = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    with inputs.open("w") as f:
        subprocess.run([sys.executable, str(scorer), "inputs", str(records)], stdout=f, check=True)
    with outputs.open("w") as f:
        subprocess.run([EVENTWIRE, "analyze", "--jsonl", str(inputs)], stdout=f, check=True, cwd=ROOT)
    return _last_json(subprocess.run([sys.executable, str(scorer), "score", str(records), str(outputs)],
                                     capture_output=True, text=True, check=True).stdout)


@pytest.mark.slow
def test_scores_petr2_floors(tmp_path: Path) -> None:
    got = _score_records(shared_or_skip("corpora", "petr2_gsr", "records.jsonl"), tmp_path)
    assert got["recall"] >= 0.78  # measured 0.80 / 0.81
    assert got["precision"] >= 0.78


@pytest.mark.slow
def test_scores_heldout_like_floors(tmp_path: Path) -> None:
    """Our own wire-style set (tests/events/heldout_like.jsonl: every CAMEO root, no-event sentences), scored
    like petr2; the floors sit a little under the measured 0.81 recall / 0.83 precision."""
    got = _score_records(ROOT / "tests" / "events" / "heldout_like.jsonl", tmp_path)
    assert got["recall"] >= 0.77
    assert got["precision"] >= 0.78
    assert got["no_event_records_empty"] >= got["no_event_records"] - 1


@pytest.mark.slow
def test_scores_blind2_floors(tmp_path: Path) -> None:
    """A second wire-style set (tests/events/blind2.jsonl: three sentences per CAMEO root), coded from the CAMEO
    definitions before the coder was run on it (blind: 0.72 recall / 0.78 precision); the floors sit a little
    under the 0.83 / 0.84 measured after the general fixes of that round."""
    got = _score_records(ROOT / "tests" / "events" / "blind2.jsonl", tmp_path)
    assert got["recall"] >= 0.80
    assert got["precision"] >= 0.81


AEB_GOLD = ROOT / "tests" / "events" / "aeb_gold.jsonl"


def test_scores_aeb_gold_is_a_coded_sample() -> None:
    """The real-news dev set (docs/aeb_dev_set.md): ≥ 300 sentences, every code a CAMEO code, modalities apart."""
    from eventwire.tables import cameo_codes

    codes = set(cameo_codes())
    records = [json.loads(line) for line in AEB_GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 300 and len({r["id"] for r in records}) == len(records)
    assert {r["split"] for r in records} == {"dev", "holdout"}
    for r in records:
        assert r["no_events"] == (not r["expected"])
        assert all(e["modality"] == "asserted" for e in r["expected"])
        assert all(e["modality"] in ("negated", "hypothetical") for e in r["other"])
        assert all(e["code"] in codes and e["source"] for e in r["expected"] + r["other"])


@pytest.mark.slow
@pytest.mark.parametrize(("split", "recall", "precision"), [("dev", 0.08, 0.30), ("holdout", 0.02, 0.14)])
def test_scores_aeb_gold_floors(tmp_path: Path, split: str, recall: float, precision: float) -> None:
    """Real news sentences coded by hand before the coder saw them (tests/events/aeb_gold.jsonl). The figures are
    low (docs/events.md says why); the floors keep them from sinking further while the coder is worked on."""
    records = tmp_path / f"{split}.jsonl"
    lines = [ln for ln in AEB_GOLD.read_text(encoding="utf-8").splitlines() if json.loads(ln)["split"] == split]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = _score_records(records, tmp_path)
    assert got["recall"] >= recall
    assert got["precision"] >= precision
    # a coder that fires on real news' many eventless sentences is wrong there too
    assert got["no_event_records_empty"] >= 0.95 * got["no_event_records"]
