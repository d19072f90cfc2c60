"""Analysis time and peak memory against the size of one document.

    .venv/bin/python benchmarks/doc_size.py [--sizes 10K,50K,100K,250K,1M,5M] [--timeout 600]
                                            [--max-chars N] [--profile SIZE]

Each size runs in a fresh process, so one size's memory and caches never count for the next: the
child loads the model, warms it up on one bundled sample, then times ``Pipeline.analyze`` on one
document of that many characters and reports the time, its peak RSS (``ru_maxrss``, model
included) and the RSS before the document (the model alone). A child that outlives ``--timeout``
is killed and reported as not finished.

The document repeats the bodies of the bundled samples (src/eventwire/samples/), real news
paragraphs, until it has the wanted size, so the parse, the actors, quotes and events see the
same kind of text at every size.

``--max-chars`` sets the config's ``max_analysed_chars`` (0: no cap, to measure the bare cost);
left out, the default applies. To measure older code, run the script with
``PYTHONPATH=<worktree>/src`` (older code has no cap: leave ``--max-chars`` out). ``--profile SIZE``
runs one size in this process under cProfile and prints the 30 costliest functions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "samples"
UNITS = {"K": 1_000, "M": 1_000_000}


def parse_size(text: str) -> int:
    text = text.strip().upper()
    return int(float(text[:-1]) * UNITS[text[-1]]) if text[-1] in UNITS else int(text)


def build_text(size: int) -> str:
    """``size`` characters of news paragraphs, repeating the samples' bodies (their titles left out)."""
    paras: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").strip().split("\n\n")[1:]
        paras += [p.strip() for p in body if p.strip()]
    out: list[str] = []
    total = 0
    while total < size:
        for p in paras:
            out.append(p)
            total += len(p) + 2
            if total >= size:
                break
    return "\n\n".join(out)[:size]


def _pipeline(max_chars: int | None) -> Any:
    from eventwire.config import load_config
    from eventwire.pipeline import Pipeline

    overrides: dict[str, Any] = {} if max_chars is None else {"max_analysed_chars": max_chars}
    return Pipeline(load_config(**overrides))


def _analyze(pipe: Any, text: str) -> Any:
    from eventwire.models import Document

    return next(pipe.analyze([Document(id=f"doc-{len(text)}", text=text, published="2025-03-12")]))


def child(size: int, max_chars: int | None) -> dict[str, Any]:
    pipe = _pipeline(max_chars)
    _analyze(pipe, build_text(3_000))  # the model, lexicons and dictionaries loaded and warm
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = build_text(size)
    t0 = time.perf_counter()
    got = _analyze(pipe, text)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "seconds": round(seconds, 2), "peak_mb": round(peak), "base_mb": round(base),
            "status": got.article.status, "reason": got.article.reason, "events": len(got.events)}


def run_size(size: int, max_chars: int | None, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", str(size)]
    if max_chars is not None:
        cmd += ["--max-chars", str(max_chars)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=os.environ.copy())
    except subprocess.TimeoutExpired:
        return {"size": size, "seconds": None, "peak_mb": None, "status": f"not finished in {timeout:.0f} s"}
    if out.returncode != 0:
        return {"size": size, "seconds": None, "peak_mb": None, "status": f"failed: {out.stderr.strip()[-200:]}"}
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def label(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size / 1_000:g} KB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10K,50K,100K,250K,1M,5M")
    ap.add_argument("--timeout", type=float, default=600.0)
    ap.add_argument("--max-chars", type=int, default=None)
    ap.add_argument("--profile", default=None, help="profile one size in this process")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.max_chars)))
        return
    if args.profile:
        import cProfile
        import pstats

        pipe = _pipeline(args.max_chars)
        _analyze(pipe, build_text(3_000))
        text = build_text(parse_size(args.profile))
        prof = cProfile.Profile()
        prof.runcall(_analyze, pipe, text)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        return
    print("| document | analysis s | s per 100 KB | peak RSS MB | model alone MB | events | note |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for size in [parse_size(s) for s in args.sizes.split(",")]:
        r = run_size(size, args.max_chars, args.timeout)
        secs = r.get("seconds")
        per = f"{secs / size * 100_000:.1f}" if secs is not None else "-"
        note = r.get("reason") or ("" if r.get("status") == "ok" else r.get("status", ""))
        print(f"| {label(size)} | {secs if secs is not None else '-'} | {per} | {r.get('peak_mb') or '-'} "
              f"| {r.get('base_mb') or '-'} | {r.get('events', '-')} | {note} |", flush=True)


if __name__ == "__main__":
    main()
