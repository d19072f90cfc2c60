"""The GDELT 2.0 event and mentions tables: tab-separated, no header, columns in the documented order.

The column lists (names, GDELT types and the DuckDB types to read them back with) are package data,
``codebook/gdelt_events.tsv`` and ``codebook/gdelt_mentions.tsv``. One event row per aggregated
event; one mention row per stored mention, plus one per mention an unanalysed duplicate article
carries from its original (offsets blank, InRawText 0), so the mentions reconcile with NumArticles.

Where eventwire has no value GDELT would have, the column is blank: ethnic and religion codes,
ADM2, SentenceID, Confidence, translation info. An article without a URL is cited as
``eventwire:<article id>`` (MentionType 2, a citation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import IO, Any

from ..tables import read_tsv
from .db import Store
from .geo import BLANK, actor_geo, stored_geo


@dataclass(frozen=True)
class Column:
    name: str
    gdelt_type: str
    duckdb_type: str


@lru_cache(maxsize=2)
def columns(table: str = "events") -> tuple[Column, ...]:
    """The GDELT 2.0 columns of ``events`` (61) or ``mentions`` (16), in order."""
    name = {"events": "gdelt_events.tsv", "mentions": "gdelt_mentions.tsv"}[table]
    return tuple(Column(r["name"], r["gdelt_type"], r["duckdb_type"]) for r in read_tsv(name))


def duckdb_columns(table: str = "events") -> dict[str, str]:
    """``{name: duckdb type}`` for ``read_csv(..., columns=...)`` of an export."""
    return {c.name: c.duckdb_type for c in columns(table)}


@lru_cache(maxsize=1)
def _parts() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"country": set(), "type": set(), "knowngroup": set()}
    for r in read_tsv("cameo_actor_parts.tsv"):
        out[r["kind"]].add(r["code"])
    return out


def split_actor_code(code: str | None, country: str | None, sector: str | None) -> dict[str, str]:
    """GDELT's actor columns from a CAMEO actor code: country, known group and up to three type codes.

    A code is a chain of three-letter parts (``RUSGOV``, ``IGOUNO``, ``USAMILREB``): the first is the
    country when it is one; the others are types (roles) or known groups, by the CAMEO tables.
    """
    parts = _parts()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)] if code else []
    out = {"country": country or "", "knowngroup": "", "types": ""}
    types: list[str] = []
    for i, chunk in enumerate(chunks):
        if i == 0 and chunk in parts["country"] and chunk not in parts["type"]:
            out["country"] = out["country"] or chunk
        elif chunk in parts["knowngroup"] and not out["knowngroup"] and i > 0:
            out["knowngroup"] = chunk  # IGOUNO: the UN is a known group that CAMEO also lists as a type
        elif chunk in parts["type"]:
            types.append(chunk)
        elif chunk in parts["knowngroup"] and not out["knowngroup"]:
            out["knowngroup"] = chunk
    if not types and sector and sector in parts["type"]:
        types.append(sector)
    out["types"] = ",".join(types[:3])
    return out


def _ymd(d: date | None) -> int | None:
    return int(d.strftime("%Y%m%d")) if d else None


def _stamp(t: datetime | None) -> int | None:
    return int(t.strftime("%Y%m%d%H%M%S")) if t else None


def _actor(code: str | None, name: str | None, country: str | None, sector: str | None) -> list[Any]:
    if not code and not name:
        return [None] * 10
    p = split_actor_code(code, country, sector)
    types = p["types"].split(",") if p["types"] else []
    types += [""] * (3 - len(types))
    return [code or "", (name or "").upper(), p["country"], p["knowngroup"], "", "", "", *types]


def event_row(ev: dict[str, Any]) -> list[Any]:
    """One aggregated event (a row of the ``events`` table) as the 61 GDELT values."""
    d: date | None = ev["date"]
    fraction = round(d.year + (d.month * 30 + d.day) / 365, 4) if d else None
    geo = stored_geo(ev)
    geo_cols = geo.columns() if geo else BLANK
    a1, a2 = actor_geo(ev, "source", geo), actor_geo(ev, "target", geo)
    return [
        ev["global_id"], _ymd(d), int(d.strftime("%Y%m")) if d else None, d.year if d else None, fraction,
        *_actor(ev["source_code"], ev["source_name"], ev["source_country"], ev["source_sector"]),
        *_actor(ev["target_code"], ev["target_name"], ev["target_country"], ev["target_sector"]),
        1 if ev["is_root"] else 0, ev["code"], ev["base_code"] or ev["code"][:3], ev["root"] or ev["code"][:2],
        ev["quad_class"], ev["goldstein"], ev["num_mentions"], ev["num_sources"], ev["num_articles"], ev["avg_tone"],
        # Actor geography: where the text puts each actor, else the event's place (an actor is where its
        # event happens, as GDELT fills it: store/geo.py actor_geo); then the event's place (ActionGeo).
        *(a1.columns() if a1 else BLANK), *(a2.columns() if a2 else BLANK), *geo_cols,
        _stamp(ev["added"]), ev["source_url"] or f"eventwire:{ev['first_article_id']}",
    ]


_MENTIONS = """
SELECT e.global_id, e.added AS event_added, a.added AS mention_added, a.url, a.source_key, a.id AS article_id,
       m.source_start, m.target_start, m.trigger_start, m.span_start, a.doc_len, a.tone, TRUE AS in_raw_text
FROM event_mentions m JOIN events e ON e.id = m.fingerprint JOIN articles a ON a.id = m.article_id
WHERE {where}
UNION ALL
SELECT e.global_id, e.added, da.added, da.url, da.source_key, da.id,
       NULL, NULL, NULL, NULL, da.doc_len, da.tone, FALSE
FROM event_mentions m JOIN events e ON e.id = m.fingerprint
JOIN duplicates d ON d.original_id = m.article_id JOIN articles da ON da.id = d.article_id AND da.status <> 'ok'
WHERE {where}
ORDER BY 1, 3, 6
"""


def mention_row(m: dict[str, Any]) -> list[Any]:
    """One mention as the 16 GDELT mentions values."""
    url = m["url"]
    web = bool(url and url.startswith(("http://", "https://")))
    action = m["trigger_start"] if m["trigger_start"] is not None else m["span_start"]
    return [
        m["global_id"], _stamp(m["event_added"]), _stamp(m["mention_added"]), 1 if web else 2,
        m["source_key"], url or f"eventwire:{m['article_id']}", None,
        m["source_start"], m["target_start"], action, 1 if m["in_raw_text"] else 0, None,
        m["doc_len"], m["tone"], None, None,
    ]


def _clean(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    # A field never holds the delimiter or a line break: the format has no quoting.
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_gdelt(store: Store, out: IO[str], table: str = "events", modality: str | None = None) -> int:
    """Write the GDELT 2.0 ``events`` or ``mentions`` table to ``out``; the number of rows.

    ``modality`` (e.g. ``asserted``) keeps only events of that modality: GDELT has no modality
    column, so a reader takes every row as a fact.
    """
    where, params = ("e.modality = $m", {"m": modality}) if modality else ("TRUE", None)
    to_row: Callable[[dict[str, Any]], list[Any]]
    if table == "events":
        sql, to_row = f"SELECT * FROM events e WHERE {where} ORDER BY date, global_id", event_row
    elif table == "mentions":
        sql, to_row = _MENTIONS.format(where=where), mention_row
    else:
        raise ValueError(f"GDELT tables are events and mentions, not {table!r}")
    n = 0
    for batch in store.con.sql(sql, params=params).to_arrow_reader(5000):
        for row in batch.to_pylist():
            out.write("\t".join(_clean(v) for v in to_row(row)) + "\n")
            n += 1
    return n
