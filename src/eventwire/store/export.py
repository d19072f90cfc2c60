"""Exports of stored tables: JSON Lines, CSV and Parquet for every table, and the GDELT 2.0 format.

Rows stream from DuckDB in Arrow batches, so an export never holds a large table in memory.
JSON Lines and CSV go to a file or stdout; Parquet needs a file.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq

from ..errors import Errors, EventwireError
from .db import PUBLIC_TABLES, Store
from .gdelt import write_gdelt
from .queries import MODALITIES

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
TABLES = (*PUBLIC_TABLES, "mentions")
GDELT_TABLES = ("events", "mentions")
_BATCH = 5000


def _json_default(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    raise TypeError(f"cannot export {type(v).__name__}")


@contextmanager
def _open(out: Path | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with out.open("w", encoding="utf-8", newline="") as f:
            yield f


def export_table(store: Store, table: str, fmt: str, out: Path | None, modality: str | None = None) -> int:
    """Write ``table`` in ``fmt`` to ``out`` (stdout when None); the number of rows written.

    ``table`` is any stored table (``mentions`` is ``event_mentions``). With ``fmt="gdelt"`` it is
    ``events`` (the 61-column event table) or ``mentions`` (the GDELT mentions table), and
    ``modality`` may keep only events of one modality.
    """
    if fmt not in FORMATS:
        raise EventwireError(Errors.E050, fmt=fmt, choices=FORMATS)
    if fmt == "gdelt":
        if modality is not None and modality not in MODALITIES:
            raise EventwireError(Errors.E041, cause=f"modality {modality!r} must be one of {', '.join(MODALITIES)}")
        if table not in GDELT_TABLES:
            raise EventwireError(Errors.E051, table=table, choices=GDELT_TABLES)
        with _open(out) as f:
            return write_gdelt(store, f, table, modality)
    name = store.table_name(table)
    rel = store.con.sql(f"SELECT * FROM {name}")
    if fmt == "parquet":
        if out is None:
            raise EventwireError(Errors.E041, cause="parquet needs --out PATH")
        table_ = rel.to_arrow_table()
        pq.write_table(table_, out)
        return table_.num_rows
    n = 0
    with _open(out) as f:
        reader = rel.to_arrow_reader(_BATCH)
        if fmt == "csv":
            w = csv.writer(f, lineterminator="\n")
            w.writerow(reader.schema.names)
            for batch in reader:
                cols = [c.to_pylist() for c in batch.columns]
                for row in zip(*cols, strict=True):
                    w.writerow(["" if v is None else v.isoformat() if isinstance(v, (date, datetime)) else v for v in row])
                    n += 1
        else:
            for batch in reader:
                for rec in batch.to_pylist():
                    f.write(json.dumps(rec, ensure_ascii=False, default=_json_default) + "\n")
                    n += 1
    return n
