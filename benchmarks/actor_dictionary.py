"""Load time and memory of the actor dictionary, with and without the converted Phoenix files.

    .venv/bin/python benchmarks/actor_dictionary.py [--repeat N]

Each measurement runs in a fresh process (the dictionary is cached once per process): spaCy and
eventwire are imported first, then ``load_lexicon()`` is timed and the resident memory it adds is
read from /proc (Linux). "without" switches the Phoenix folder off, so the difference is what the
converted dictionaries cost a worker. The best time and the median memory of ``--repeat`` runs are
printed; nothing is written (docs/benchmarks.md is edited by hand from these figures).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

PROBE = """
import json, time
def rss():
    with open("/proc/self/status") as f:
        return next(int(ln.split()[1]) for ln in f if ln.startswith("VmRSS")) / 1024
import eventwire.actors.phoenix as phoenix
from eventwire.actors import lexicon
if {off}:
    phoenix.FOLDER = "absent"
lexicon._tokenizer()  # spaCy's tokenizer is loaded by the pipeline anyway: not counted
before, t = rss(), time.perf_counter()
lex = lexicon.load_lexicon()
seconds = time.perf_counter() - t
print(json.dumps({{"seconds": seconds, "rss_mb": rss() - before,
                   "entries": sum(len(v) for v in lex.index.values())}}))
"""


def measure(off: bool, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", PROBE.format(off=off)], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"seconds": min(r["seconds"] for r in runs), "rss_mb": statistics.median(r["rss_mb"] for r in runs),
            "entries": runs[0]["entries"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    without, with_ = measure(True, args.repeat), measure(False, args.repeat)
    print(f"{'actor dictionary':<28}{'load s':>8}{'RSS MB':>9}{'entries':>9}")
    for name, m in (("eventwire tables only", without), ("with the Phoenix files", with_)):
        print(f"{name:<28}{m['seconds']:>8.2f}{m['rss_mb']:>9.1f}{m['entries']:>9.0f}")
    print(f"{'Phoenix adds':<28}{with_['seconds'] - without['seconds']:>8.2f}{with_['rss_mb'] - without['rss_mb']:>9.1f}"
          f"{with_['entries'] - without['entries']:>9.0f}")


if __name__ == "__main__":
    main()
