"""Speed of eventwire's clean stage next to bare trafilatura, on the AEB news pages, in one run.

    .venv/bin/python benchmarks/clean_speed.py [--repeat N] [--no-write]

Measures pages per second of
- ``trafilatura.extract`` with default settings, and with ``favor_precision=True`` (what
  eventwire starts from);
- eventwire's clean stage, ``clean_document``: trafilatura in precision mode with metadata, the
  fallback to the default mode for short texts, normalisation, boilerplate lines, title and
  language.

Every extractor runs over the same pages in memory, after a warm-up, alternating so that the load
of a shared machine falls on all of them alike; the best of ``--repeat`` passes is kept. The
table also gives each one's F1 with the AEB metric (../shared/tools/score_pages.py). It is printed
and written into docs/benchmarks.md under "## Clean stage" (other sections are left alone).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import trafilatura
from pages import AEB, ROOT, load_pages
from trafilatura.settings import use_config

from eventwire.clean import clean_document
from eventwire.config import Config
from eventwire.models import Document

HEADING = "## Clean stage"
DOC = ROOT / "docs" / "benchmarks.md"

_TCONFIG = use_config()
_TCONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")

Extractor = Callable[[str, str | None], str]


def bare(**options: Any) -> Extractor:
    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, config=_TCONFIG, **options) or ""
    return run


def eventwire_clean(config: Config) -> Extractor:
    def run(html: str, url: str | None) -> str:
        art = clean_document(Document(id="b", html=html, url=url), config)
        return art.text if art.status == "ok" else ""
    return run


def scorer() -> Any:
    """The shared AEB scorer module (its tp/fp/fn, precision and recall functions)."""
    path = AEB.parents[1] / "tools" / "score_pages.py"
    spec = importlib.util.spec_from_file_location("score_pages", path)
    if spec is None or spec.loader is None or not path.exists():
        sys.exit(f"{path} is absent: the benchmark needs the project's ../shared folder")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def f1(texts: dict[str, str], score: Any) -> float:
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    ps, rs = [], []
    for key, gt in truth.items():
        counts = score.tp_fp_fn(gt.get("articleBody", ""), texts.get(key, ""))
        if counts[0] + counts[1] > 0:
            ps.append(score.precision(*counts))
        if counts[0] + counts[2] > 0:
            rs.append(score.recall(*counts))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return 2 * p * r / (p + r) if p + r else 0.0


def measure(extractors: dict[str, Extractor], pages: list[tuple[str, str, str | None]],
            repeat: int) -> dict[str, tuple[float, dict[str, str]]]:
    """Best seconds over ``repeat`` passes, and the texts, per extractor."""
    for run in extractors.values():  # warm-up: imports, caches, compiled patterns
        for _, html, url in pages[:3]:
            run(html, url)
    best: dict[str, float] = {}
    texts: dict[str, dict[str, str]] = {}
    for _ in range(repeat):
        for name, run in extractors.items():
            out: dict[str, str] = {}
            start = time.perf_counter()
            for key, html, url in pages:
                out[key] = run(html, url)
            elapsed = time.perf_counter() - start
            best[name] = min(best.get(name, elapsed), elapsed)
            texts[name] = out
    return {name: (best[name], texts[name]) for name in extractors}


def table(results: dict[str, tuple[float, dict[str, str]]], n_pages: int, score: Any) -> str:
    rows = ["| extractor | pages | seconds | pages/s | relative | F1 (AEB metric) |",
            "|---|---:|---:|---:|---:|---:|"]
    base = results["trafilatura.extract (favor_precision)"][0]
    for name, (seconds, texts) in results.items():
        rows.append(f"| {name} | {n_pages} | {seconds:.2f} | {n_pages / seconds:.1f} | {base / seconds:.2f}x "
                    f"| {f1(texts, score):.3f} |")
    return "\n".join(rows)


def write_section(body: str) -> None:
    """Replace (or add) the "## Clean stage" section of docs/benchmarks.md, keeping every other section."""
    DOC.parent.mkdir(parents=True, exist_ok=True)
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    lines = old.splitlines()
    section = [HEADING, "", *body.strip().splitlines()]
    if HEADING in lines:
        start = lines.index(HEADING)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        tail = lines[end:]
        lines = lines[:start] + section + (["", *tail] if tail else [])
    else:
        lines = [*lines, "", *section] if lines and lines[-1] != "" else [*lines, *section]
    DOC.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="passes per extractor; the best is kept")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()
    pages = load_pages(limit=args.limit)
    extractors = {
        "trafilatura.extract (default)": bare(include_comments=False),
        "trafilatura.extract (favor_precision)": bare(favor_precision=True, include_comments=False),
        "eventwire clean stage": eventwire_clean(Config()),
    }
    load = os.getloadavg()[0]  # the machine is shared: say how busy it was
    results = measure(extractors, pages, max(1, args.repeat))
    md = table(results, len(pages), scorer())
    notes = (
        f"Measured {date.today().isoformat()} with `benchmarks/clean_speed.py` (best of {args.repeat} passes, one "
        f"process, {platform.machine()} with {os.cpu_count()} cores at load average {load:.1f}, trafilatura "
        f"{trafilatura.__version__}), all extractors in the same run on "
        f"the {len(pages)} AEB pages held in memory. The clean stage runs trafilatura once in precision mode with "
        "metadata, a second time in the default mode only for short texts (the fallback), then normalisation, "
        "boilerplate lines, title and language identification; the largest part of the extra time is the metadata (title, "
        "date, author, site, canonical URL: trafilatura's metadata pass with htmldate), which bare "
        "`extract` does not compute. F1 is the AEB metric of `../shared/tools/score_pages.py` over the same "
        "outputs.\n"
    )
    print(md)
    if not args.no_write:
        write_section(md + "\n\n" + notes)
        print(f"\nwritten to {DOC.relative_to(ROOT)} under '{HEADING}'")


if __name__ == "__main__":
    main()
