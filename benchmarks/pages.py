"""The benchmark corpus: the AEB news pages of ../shared/corpora/aeb, read into memory.

Shared by throughput.py and scale.py. Nothing is copied into the project: a missing ../shared is
a clear error.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AEB = ROOT.parent / "shared" / "corpora" / "aeb"


def load_pages(folder: Path = AEB, limit: int | None = None) -> list[tuple[str, str, str | None]]:
    """(id, html, url) for every page with a ground-truth entry, in a stable order."""
    truth_path = folder / "ground-truth.json"
    if not truth_path.exists():
        sys.exit(f"{truth_path} is absent: the benchmarks need the project's ../shared folder")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        for name in (key + ".html.gz", key + ".html"):
            path = folder / "html" / name
            if path.exists():
                raw = path.read_bytes()
                html = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8", errors="replace")
                pages.append((key, html, truth[key].get("url")))
                break
    return pages[:limit] if limit else pages


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, MiB."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: the machine is shared, so numbers carry their context."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())
