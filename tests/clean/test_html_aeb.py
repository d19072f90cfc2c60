"""The boilerplate-removal floor on the AEB dev pages (read from ../shared, never copied)."""

from __future__ import annotations

import gzip
import importlib.util
import json

import pytest

from eventwire.clean import clean_document
from eventwire.models import Document
from sharedkit import shared_or_skip

FLOOR = 0.96  # trafilatura favor_precision alone scores 0.959 on these pages with this metric


@pytest.mark.slow
def test_html_aeb_f1_stays_above_floor() -> None:
    folder = shared_or_skip("corpora", "aeb")
    spec = importlib.util.spec_from_file_location("score_pages", shared_or_skip("tools", "score_pages.py"))
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ps, rs = [], []
    for key, gt in truth.items():
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        art = clean_document(Document(id=key, html=html, url=gt.get("url")))
        counts = scorer.tp_fp_fn(gt.get("articleBody", ""), art.text if art.status == "ok" else "")
        if counts[0] + counts[1] > 0:
            ps.append(scorer.precision(*counts))
        if counts[0] + counts[2] > 0:
            rs.append(scorer.recall(*counts))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * p * r / (p + r)
    assert f1 >= FLOOR, f"F1 {f1:.4f} (precision {p:.4f}, recall {r:.4f}) fell under {FLOOR}"
