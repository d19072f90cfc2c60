"""Exports of stored tables."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import Errors, EventwireError
from .db import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
TABLES = ("events", "quotes", "actors", "articles")


def export_table(store: Store, table: str, fmt: str, out: Path | None) -> int:
    """Write ``table`` in ``fmt`` to ``out`` (stdout when None); the number of rows written."""
    if fmt not in FORMATS:
        raise EventwireError(Errors.E050, fmt=fmt, choices=FORMATS)
    if table not in TABLES:
        raise EventwireError(Errors.E051, table=table, choices=TABLES)
    rel = store.con.table(table)
    df = rel.df()
    if fmt == "jsonl":
        text = df.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
        _write(text, out)
    elif fmt == "csv":
        _write(df.to_csv(index=False), out)
    elif fmt == "parquet":
        if out is None:
            raise EventwireError(Errors.E041, cause="parquet needs --out PATH")
        df.to_parquet(out, index=False)
    else:
        raise EventwireError(Errors.E041, cause="the gdelt format is not available yet")
    return len(df)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
