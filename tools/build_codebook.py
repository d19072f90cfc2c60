#!/usr/bin/env python3
"""Build eventwire's CAMEO event table from the public reference tables in ../shared/reference.

    python3 tools/build_codebook.py ../shared/reference

Writes src/eventwire/codebook/cameo_events.tsv: one row per CAMEO event code with its name,
Goldstein value, QuadClass and PLOVER event, mode and context. Run it again when the reference
tables change; the output is package data and is committed.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "codebook" / "cameo_events.tsv"


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def tidy(name: str) -> str:
    # The published 044 description carries mis-encoded quote marks around "third".
    # The Ò stands for the lost quote and the "t" after it; Ó for the closing quote and a space.
    name = name.replace("Òhird", '"third').replace("Ó", '" ')
    return name[0].upper() + name[1:].lower() if name.isupper() else name


def main(ref: Path) -> None:
    names = dict(csv.reader((ref / "CAMEO.eventcodes.txt").read_text(encoding="utf-8").splitlines()[1:], delimiter="\t"))
    gold = dict(csv.reader((ref / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:], delimiter="\t"))
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (ref / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
        plover[m.group(1)] = (parts[0], parts[1], parts[2])
    rows = []
    for code, name in names.items():
        code = code.strip()
        # A subcode without its own PLOVER line inherits its parent's.
        p = next((plover[c] for c in (code, code[:3], code[:2]) if c in plover), ("", "", ""))
        rows.append([code, tidy(name.strip()), gold.get(code, "0.0").strip(), quad_class(code), *p])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# CAMEO event codes with Goldstein values, QuadClass and PLOVER mapping.\n")
        f.write("# Built by tools/build_codebook.py from the public CAMEO/GDELT lookup tables and the\n")
        f.write("# CAMEO-to-PLOVER table of the Open Event Data Alliance (CC BY-SA 4.0).\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context"])
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
