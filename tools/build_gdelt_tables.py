#!/usr/bin/env python3
"""Build the store's GDELT and CAMEO-actor tables from the public reference tables in ../shared/reference.

    python3 tools/build_gdelt_tables.py ../shared/reference

Writes, under src/eventwire/codebook/:
- gdelt_events.tsv: the 61 columns of a GDELT 2.0 event export, in order, with the GDELT type and
  the DuckDB type a reader should load each one as (GDELT's INTEGER is 64-bit: DATEADDED needs it);
- gdelt_mentions.tsv: the same for the GDELT 2.0 mentions table;
- cameo_actor_parts.tsv: the three-letter parts a CAMEO actor code is made of (countries and
  regions, roles/types, known groups), used to split a code into GDELT's Actor*Code columns.
The output is package data and is committed; run this again when the reference tables change.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "codebook"
DUCKDB_TYPES = {"INTEGER": "BIGINT", "STRING": "VARCHAR", "FLOAT": "DOUBLE"}


def _columns(rows: list[tuple[str, str]], out: Path, what: str) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# The columns of a GDELT 2.0 {what}, in the documented order (GDELT 2.0 codebook).\n")
        f.write("# Built by tools/build_gdelt_tables.py; duckdb_type is how eventwire reads each column back.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["n", "name", "gdelt_type", "duckdb_type"])
        for n, (name, typ) in enumerate(rows, 1):
            w.writerow([n, name, typ, DUCKDB_TYPES[typ]])
    print(f"wrote {len(rows)} columns to {out}")


def main(ref: Path) -> None:
    with (ref / "GDELT2_event_columns.csv").open(encoding="utf-8") as f:
        events = [(r["tableId"].strip(), r["dataType"].strip()) for r in csv.DictReader(f)]
    _columns(events, OUT / "gdelt_events.tsv", "event export")
    with (ref / "GDELT2_mentions_columns.tsv").open(encoding="utf-8") as f:
        mentions = [(r["tableId"].strip(), r["dataType"].strip()) for r in csv.DictReader(f, delimiter="\t")]
    _columns(mentions, OUT / "gdelt_mentions.tsv", "mentions table")
    parts: list[tuple[str, str, str]] = []
    for kind, name in (("country", "CAMEO.country.txt"), ("type", "CAMEO.type.txt"), ("knowngroup", "CAMEO.knowngroup.txt")):
        with (ref / name).open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                parts.append((r["CODE"].strip(), kind, r["LABEL"].strip()))
    out = OUT / "cameo_actor_parts.tsv"
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("# Three-letter parts of CAMEO actor codes: countries and regions, types (roles), known groups.\n")
        f.write("# Built by tools/build_gdelt_tables.py from GDELT's public CAMEO lookup tables.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "kind", "label"])
        w.writerows(parts)
    print(f"wrote {len(parts)} actor code parts to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "reference"))
