"""Scaling: ``eventwire run`` with 1 and with N worker processes on the same pages.

    .venv/bin/python benchmarks/scale.py [--workers 2] [--repeat 3] [--limit N]

Each measurement runs ``eventwire.runners.run_job`` in a fresh interpreter from a cold start
(model loading included, as a user's ``eventwire run`` pays it) into a fresh DuckDB store, and
reports wall time, pages/s, the speed-up over one process (whole run, and after the first batch
is back, i.e. without the one-time loading of the model and dictionaries), the peak resident
memory of the main process and of each worker, and whether the stored event mentions are the
same as with one process. Configurations take turns so that a change in the machine's load hits all of them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import load_average, load_pages, peak_rss_mib

MIB = 1024 * 1024


def one(workers: int, limit: int | None) -> dict[str, object]:
    from eventwire.config import Config
    from eventwire.models import Document
    from eventwire.runners import PoolStats, run_job
    from eventwire.store import Store

    docs = [Document(id=key, html=html, url=url, origin=key) for key, html, url in load_pages(limit=limit)]
    stats = PoolStats()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "scale.duckdb") as store:
        start = time.perf_counter()
        n, first_at, first_n = 0, 0.0, 0
        for _ in run_job(docs, store, Config(), workers=workers, stats=stats):
            n += 1
            if not first_at:  # the first batch is back: the pipeline is loaded and running
                first_at = time.perf_counter() - start
            if time.perf_counter() - start - first_at < 1e-3:
                first_n = n
        seconds = time.perf_counter() - start
        mentions = store.query("SELECT article_id, code, source_code, target_code, span_start, trigger_start"
                               " FROM event_mentions ORDER BY ALL")
    digest = hashlib.sha1(json.dumps(mentions, default=str).encode()).hexdigest()[:12]
    steady = (n - first_n) / (seconds - first_at) if seconds > first_at else 0.0
    return {"workers": workers, "pages": n, "seconds": round(seconds, 2), "pages_per_s": round(n / seconds, 3),
            "first_batch_s": round(first_at, 2), "steady_pages_per_s": round(steady, 3),
            "main_peak_rss_mib": round(peak_rss_mib(), 1),
            "worker_peak_rss_mib": sorted(round(v / MIB, 1) for v in stats.peak_rss.values()),
            "mentions": len(mentions), "mentions_digest": digest}


def measure(workers: int, limit: int | None) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--one", str(workers)] + (["--limit", str(limit)] if limit else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2, help="the pool size to compare with one process")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one, args.limit)))
        return
    print(f"# load average before: {load_average()}", file=sys.stderr)
    results: list[dict[str, object]] = []
    for i in range(args.repeat):
        for w in ([1, args.workers] if i % 2 == 0 else [args.workers, 1]):
            r = measure(w, args.limit)
            r["round"] = i + 1
            results.append(r)
            print(json.dumps(r), flush=True)
    print(f"# load average after: {load_average()}", file=sys.stderr)
    med = {w: statistics.median(float(str(r["seconds"])) for r in results if r["workers"] == w) for w in (1, args.workers)}
    steady = {w: statistics.median(float(str(r["steady_pages_per_s"])) for r in results if r["workers"] == w)
              for w in (1, args.workers)}
    print("| workers | wall s (median) | pages/s | speed-up | after the first batch: pages/s, speed-up |"
          " main peak RSS (MiB) | worker peak RSS (MiB) | event mentions |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for w in (1, args.workers):
        rs = [r for r in results if r["workers"] == w]
        rss = max((max(r["worker_peak_rss_mib"]) for r in rs if r["worker_peak_rss_mib"]), default=None)  # type: ignore[type-var,arg-type]
        pages = int(str(rs[0]["pages"]))
        print(f"| {w} | {med[w]:.1f} | {pages / med[w]:.2f} | {med[1] / med[w]:.2f}x |"
              f" {steady[w]:.2f}, {steady[w] / steady[1]:.2f}x |"
              f" {max(float(str(r['main_peak_rss_mib'])) for r in rs):.0f} | {rss if rss is not None else '-'} |"
              f" {sorted({int(str(r['mentions'])) for r in rs})} |")
    digests = {str(r["mentions_digest"]) for r in results}
    print(f"\nsame event mentions in every run: {len(digests) == 1}")


if __name__ == "__main__":
    main()
