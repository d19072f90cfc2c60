"""Memory of the streaming readers: large JSON Lines files and gzip bombs, peak RSS per measurement.

    .venv/bin/python benchmarks/stream_memory.py [--jsonl-mb 1024] [--bomb-mib 2048] [--clean-docs 2000] [--run-docs 200]

Everything is generated in a temporary folder. Each measurement runs in a fresh interpreter and
reports its own peak resident memory (``resource.getrusage``), so one measurement's garbage is
not charged to the next:

- ``baseline``: importing eventwire and reading a 10-document JSON Lines file;
- ``read jsonl``: reading every document of a generated JSON Lines file of ``--jsonl-mb`` MB
  (plain and gzipped), counting them: memory must not grow with the file;
- ``gzip bomb``: ``--bomb-mib`` MiB of zeros gzipped (about 1/1000 of that on disk), read as one
  document (``.txt.gz``: refused with E004 just past the limit) and as JSON Lines (``.jsonl.gz``:
  its first line holds NUL bytes, so the file is refused with E003 after one line's worth; a
  line of text over the limit would be passed over a chunk at a time, in flat memory);
- ``clean``: ``eventwire clean`` (the cleaning stage, model-free) over 10 and over ``--clean-docs``
  documents of a JSON Lines file, output discarded; ``run``: ``eventwire run`` (the model loaded,
  one process) over 10 and over ``--run-docs`` documents into a fresh store.

Timings are printed for orientation only; nothing here asserts on them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

MIB = 1024 * 1024

_CHILD = """
import resource, sys, time
from pathlib import Path
start = time.perf_counter()
from eventwire.config import Config
from eventwire.ingest import read_path
counts = {}
for doc in read_path(Path(sys.argv[1]), Config()):
    key = doc.reason.split()[0] if doc.reason else doc.status
    counts[key] = counts.get(key, 0) + 1
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - start, counts)
"""

_STORY = ("{n}: Negotiators from both warring parties returned to Geneva on Wednesday for round {n} of ceasefire "
          "talks mediated by the United Nations. A spokesman said prisoner exchanges and humanitarian corridors "
          "were at the top of the agenda, and that both delegations had agreed to meet again within weeks. ")


def write_jsonl(path: Path, target_bytes: int | None = None, docs: int | None = None) -> int:
    """Documents of about 1.5 kB each until the file reaches ``target_bytes`` (or holds ``docs``); the count."""
    opener = gzip.open if path.suffix == ".gz" else open
    n = written = 0
    with opener(path, "wt", encoding="utf-8") as f:  # type: ignore[operator]
        while (docs is None or n < docs) and (target_bytes is None or written < target_bytes):
            line = json.dumps({"id": f"d{n}", "title": f"Talks resume, round {n}", "text": _STORY.format(n=n) * 4,
                               "published": "2025-03-01"}) + "\n"
            f.write(line)
            written += len(line)
            n += 1
    return n


def write_bomb(path: Path, mib: int) -> None:
    """``mib`` MiB of zeros, gzipped a MiB at a time (never held whole)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * MIB
    with path.open("wb") as f:
        for _ in range(mib):
            f.write(comp.compress(chunk))
        f.write(comp.flush())


def measure_read(path: Path) -> tuple[float, float, str]:
    """(peak RSS in MiB, seconds, what was read) for reading every document of ``path`` in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True)
    rss_kib, seconds, counts = out.stdout.strip().split(" ", 2)
    return int(rss_kib) / 1024, float(seconds), counts


def measure_cli(*args: str) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of ``eventwire ARGS`` in a fresh interpreter, its output discarded."""
    code = ("import resource, sys, time\nfrom eventwire.cli import app\nstart = time.perf_counter()\n"
            "try:\n    app(sys.argv[1:], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - start, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=False)  # exit 1 is fine: counts are not the point
    rss_kib, seconds = out.stderr.strip().splitlines()[-1].split()
    return int(rss_kib) / 1024, float(seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jsonl-mb", type=int, default=1024, help="size of the generated JSON Lines file")
    ap.add_argument("--bomb-mib", type=int, default=2048, help="decompressed size of the gzip bomb")
    ap.add_argument("--clean-docs", type=int, default=2000, help="documents for the `clean` measurement (0: skip)")
    ap.add_argument("--run-docs", type=int, default=200, help="documents for the `run` measurement (0: skip)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows: list[tuple[str, str, float, float, str]] = []

        small = folder / "small.jsonl"
        write_jsonl(small, docs=10)
        rows.append(("baseline", "10 docs", *measure_read(small)))

        for name in ("big.jsonl", "big.jsonl.gz"):
            path = folder / name
            n = write_jsonl(path, target_bytes=args.jsonl_mb * 1_000_000)
            size = f"{path.stat().st_size / MIB:.0f} MiB on disk, {n} docs"
            rows.append((f"read {name}", size, *measure_read(path)))
            path.unlink()

        for name in ("bomb.txt.gz", "bomb.jsonl.gz"):
            path = folder / name
            write_bomb(path, args.bomb_mib)
            size = f"{path.stat().st_size / MIB:.1f} MiB -> {args.bomb_mib} MiB"
            rows.append((f"gzip bomb {name}", size, *measure_read(path)))
            path.unlink()

        if args.clean_docs:
            for docs in (10, args.clean_docs):
                path = folder / f"clean{docs}.jsonl"
                write_jsonl(path, docs=docs)
                rows.append(("eventwire clean", f"{docs} docs", *measure_cli("clean", str(path)), ""))
        if args.run_docs:
            for docs in (10, args.run_docs):
                path = folder / f"run{docs}.jsonl"
                write_jsonl(path, docs=docs)
                db = str(folder / f"run{docs}.duckdb")
                rows.append(("eventwire run", f"{docs} docs", *measure_cli("run", str(path), "--db", db), ""))

        print(f"{'measurement':<28} {'input':<36} {'peak RSS':>10} {'seconds':>9}  read")
        for what, size, rss, seconds, counts in rows:
            print(f"{what:<28} {size:<36} {rss:>7.0f} MiB {seconds:>9.1f}  {counts}")


if __name__ == "__main__":
    main()
