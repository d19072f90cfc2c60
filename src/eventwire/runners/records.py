"""Analyses as Parquet rows and back, for runs that write files instead of the store (Ray).

One row per article: the article's fields, the events flattened into a list of structs (so DuckDB,
Spark or Trino can query them where they lie), and the whole Analysis as JSON, which
:func:`analysis_from_json` turns back into the records a store writes. Rows are partitioned by
publication date (``date=YYYY-MM-DD``, ``date=unknown`` when there is none).
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterator
from dataclasses import asdict, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from ..errors import Errors, EventwireError
from ..models import Analysis, Event

NO_DATE = "unknown"

EVENT_TYPE = pa.struct([
    ("code", pa.string()), ("root", pa.string()), ("name", pa.string()), ("quad_class", pa.int64()),
    ("goldstein", pa.float64()), ("modality", pa.string()), ("date", pa.string()),
    ("source_code", pa.string()), ("source_text", pa.string()), ("target_code", pa.string()),
    ("target_text", pa.string()), ("place_name", pa.string()), ("place_country", pa.string()),
    ("sentence", pa.string()), ("span_start", pa.int64()), ("span_end", pa.int64()), ("rule", pa.string()),
])

SCHEMA = pa.schema([
    ("id", pa.string()), ("date", pa.string()), ("status", pa.string()), ("reason", pa.string()),
    ("title", pa.string()), ("published", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("language", pa.string()), ("tone", pa.float64()), ("n_events", pa.int64()), ("n_quotes", pa.int64()),
    ("events", pa.list_(EVENT_TYPE)), ("analysis", pa.string()),
])


def _event_row(ev: Event) -> dict[str, Any]:
    s, t, p = ev.source, ev.target, ev.place
    return {
        "code": ev.code, "root": ev.root, "name": ev.name, "quad_class": ev.quad_class, "goldstein": ev.goldstein,
        "modality": ev.modality, "date": ev.date,
        "source_code": s.code if s else None, "source_text": s.text if s else None,
        "target_code": t.code if t else None, "target_text": t.text if t else None,
        "place_name": p.name if p else None, "place_country": p.country if p else None,
        "sentence": ev.sentence, "span_start": ev.span[0], "span_end": ev.span[1], "rule": ev.rule,
    }


def analysis_to_json(analysis: Analysis) -> str:
    """Every field of an Analysis as JSON (more than the CONTRACT shape: enough to rebuild it)."""
    return json.dumps(asdict(analysis), ensure_ascii=False)


def analysis_row(analysis: Analysis) -> dict[str, Any]:
    """One Parquet row (see :data:`SCHEMA`) for an analysis."""
    a = analysis.article
    return {
        "id": a.id, "date": a.published or NO_DATE, "status": a.status, "reason": a.reason, "title": a.title,
        "published": a.published, "url": a.url, "source": a.source, "language": a.language,
        "tone": analysis.tone, "n_events": len(analysis.events), "n_quotes": len(analysis.quotes),
        "events": [_event_row(e) for e in analysis.events], "analysis": analysis_to_json(analysis),
    }


def analyses_table(analyses: list[Analysis]) -> pa.Table:
    """Rows for many analyses, with the fixed schema (so empty lists and nulls keep their types)."""
    return pa.Table.from_pylist([analysis_row(a) for a in analyses], schema=SCHEMA)


# ---------------------------------------------------------------- back to records

@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _build(tp: Any, value: Any) -> Any:
    """``value`` (decoded JSON) as an instance of the annotated type ``tp``."""
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [t for t in get_args(tp) if t is not type(None)]
        return _build(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = get_args(tp) or (Any,)
        return [_build(item, v) for v in value]
    if origin is tuple:
        args = get_args(tp)
        return tuple(_build(args[i] if i < len(args) else Any, v) for i, v in enumerate(value))
    if origin is Literal or tp is Any or origin is dict:
        return value
    if isinstance(tp, type) and is_dataclass(tp):
        hints = _hints(tp)
        known = {f.name for f in fields(tp) if f.init}
        return tp(**{k: _build(hints[k], v) for k, v in value.items() if k in known})
    return value


def analysis_from_json(text: str) -> Analysis:
    """The Analysis that :func:`analysis_to_json` wrote (fields added later take their defaults)."""
    out = _build(Analysis, json.loads(text))
    assert isinstance(out, Analysis)
    return out


def parquet_files(folder: Path) -> list[Path]:
    """The Parquet files of an output folder, in a stable order."""
    return sorted(p for p in folder.rglob("*.parquet") if p.is_file())


def read_analyses(location: str | Path, batch_rows: int = 256) -> Iterator[Analysis]:
    """Every Analysis in a Parquet file, or under a folder (a ``--engine ray`` output), file by file."""
    import pyarrow.parquet as pq

    root = Path(location)
    files = [root] if root.is_file() else parquet_files(root) if root.is_dir() else []
    if not files:
        raise EventwireError(Errors.E074, path=root, cause="no .parquet files under it")
    for path in files:
        try:
            pf = pq.ParquetFile(path)
            if "analysis" not in pf.schema_arrow.names:
                raise EventwireError(Errors.E074, path=path, cause="no `analysis` column")
            for batch in pf.iter_batches(batch_size=batch_rows, columns=["analysis"]):
                for text in batch.column(0).to_pylist():
                    yield analysis_from_json(text)
        except (OSError, pa.ArrowException) as err:
            raise EventwireError(Errors.E074, path=path, cause=err) from err
