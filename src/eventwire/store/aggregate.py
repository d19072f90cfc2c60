"""GDELT-style aggregation: event mentions -> one event per fingerprint, with its counts.

For each fingerprint, the articles carrying it are the articles with a mention of it, plus every
stored duplicate of such an article that was not analysed itself (a copy of a story carries the
original's events). Then, as GDELT defines them:

- NumMentions: mentions across those articles (a copy counts the original's mentions again);
- NumArticles: distinct articles; NumSources: distinct outlets (``articles.source_key``);
- AvgTone: the mean tone of those articles;
- names, place, URL, IsRootEvent and DATEADDED from the first report (earliest published, then
  earliest stored).

The aggregate is recomputed for the fingerprints a write touches, inside the write's transaction.
A write touches a few dozen fingerprints: for them the rows behind the events are read with two
plain queries and aggregated here (``_aggregate``), because DuckDB's fixed cost of planning and
running the one aggregating query (``_REFRESH``, a dozen operators) was most of the cost of a write.
A rebuild of every event (or of very many) runs ``_REFRESH``; both give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from .rows import first

# Above this many touched fingerprints the one aggregating query beats reading the rows into Python.
SQL_ABOVE = 2000

_REFRESH = """
WITH m AS (
    SELECT em.*, a.published AS a_published, a.added AS a_added, a.url AS a_url
    FROM event_mentions em JOIN articles a ON a.id = em.article_id
    WHERE em.fingerprint IN (SELECT fp FROM _touched)
),
own AS (
    SELECT fingerprint, article_id, count(*) AS n FROM m GROUP BY fingerprint, article_id
),
carriers AS (
    SELECT fingerprint, article_id, n FROM own
    UNION ALL
    SELECT own.fingerprint, d.article_id, own.n
    FROM own
    JOIN duplicates d ON d.original_id = own.article_id
    JOIN articles da ON da.id = d.article_id AND da.status <> 'ok'
),
counts AS (
    SELECT c.fingerprint, sum(c.n)::INTEGER AS num_mentions, count(DISTINCT c.article_id) AS num_articles,
           count(DISTINCT a.source_key) AS num_sources, avg(a.tone) AS avg_tone, min(a.added) AS added
    FROM carriers c JOIN articles a ON a.id = c.article_id
    GROUP BY c.fingerprint
),
first AS (
    SELECT * FROM m
    QUALIFY row_number() OVER (PARTITION BY fingerprint
                               ORDER BY a_published NULLS LAST, a_added, article_id, n) = 1
),
roots AS (
    SELECT fingerprint, article_id, bool_or(is_root) AS is_root FROM m GROUP BY fingerprint, article_id
)
SELECT f.fingerprint AS id, f.date, f.code, f.base_code, f.root, f.name, f.quad_class, f.goldstein,
       f.plover_event, f.plover_mode, f.modality,
       f.source_key, f.source_code, coalesce(f.source_name, f.source_text) AS source_name, f.source_country, f.source_sector,
       f.target_key, f.target_code, coalesce(f.target_name, f.target_text) AS target_name, f.target_country, f.target_sector,
       f.place_key, f.place_name, f.place_country, f.place_lat, f.place_lon, f.place_kind,
       {geo},
       c.num_mentions, c.num_sources, c.num_articles, c.avg_tone, r.is_root,
       f.article_id AS first_article_id, f.id AS first_mention_id, f.a_url AS source_url, f.sentence, f.rule, c.added
FROM first f
JOIN counts c ON c.fingerprint = f.fingerprint
JOIN roots r ON r.fingerprint = f.fingerprint AND r.article_id = f.article_id
"""


_MENTIONS = """
SELECT em.*, a.published AS a_published, a.added AS a_added, a.url AS a_url, a.source_key AS a_source_key, a.tone AS a_tone
FROM event_mentions em JOIN articles a ON a.id = em.article_id
WHERE em.fingerprint IN (SELECT unnest(?::VARCHAR[]))
"""

# The copies of these articles that were not analysed themselves: each carries its original's events.
_COPIES = """
SELECT d.original_id, d.article_id, a.source_key, a.tone, a.added
FROM duplicates d JOIN articles a ON a.id = d.article_id AND a.status <> 'ok'
WHERE d.original_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY d.original_id, d.article_id
"""

# The place geography of migration 003, taken from the first report like the place itself.
GEO_COLUMNS = ("place_how", "place_type", "place_adm1", "place_adm1_name", "place_feature",
               *(f"{side}_place_{k}" for side in ("source", "target")
                 for k in ("name", "country", "lat", "lon", "type", "adm1", "feature")))
_REFRESH = _REFRESH.replace("{geo}", ", ".join(f"f.{c}" for c in GEO_COLUMNS))

# The events columns taken as they are from the first report's mention row.
_FROM_FIRST = ("date", "code", "base_code", "root", "name", "quad_class", "goldstein", "plover_event", "plover_mode",
               "modality", "source_key", "source_code", "source_country", "source_sector", "target_key",
               "target_code", "target_country", "target_sector", "place_key", "place_name", "place_country",
               "place_lat", "place_lon", "place_kind", "sentence", "rule", *GEO_COLUMNS)


def _nulls_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value)


def _aggregate(mentions: pa.Table, copies: Sequence[tuple[Any, ...]]) -> pa.Table:
    """The events of the fingerprints in ``mentions`` (rows of ``_MENTIONS``), as ``_REFRESH`` computes them.

    ``copies`` are the rows of ``_COPIES`` for the articles of those mentions.
    """
    col = {name: mentions.column(name).to_pylist() for name in (
        "fingerprint", "article_id", "n", "a_published", "a_added", "is_root", "a_source_key", "a_tone")}
    fps, arts = col["fingerprint"], col["article_id"]
    article: dict[str, tuple[Any, Any, Any]] = {}  # id -> (source_key, tone, added)
    own: dict[str, dict[str, int]] = {}  # fingerprint -> article -> its mentions of it
    roots: dict[tuple[str, str], list[bool]] = {}  # (fingerprint, article) -> its mentions' root flags
    best: dict[str, tuple[tuple[Any, ...], int]] = {}  # fingerprint -> (sort key, row) of the first report
    for i, fp in enumerate(fps):
        art = arts[i]
        article[art] = (col["a_source_key"][i], col["a_tone"][i], col["a_added"][i])
        per = own.setdefault(fp, {})
        per[art] = per.get(art, 0) + 1
        if col["is_root"][i] is not None:
            roots.setdefault((fp, art), []).append(col["is_root"][i])
        # The first report: earliest published, then earliest stored (NULLs last, as in SQL).
        key = (_nulls_last(col["a_published"][i]), _nulls_last(col["a_added"][i]), art, col["n"][i])
        if fp not in best or key < best[fp][0]:
            best[fp] = (key, i)
    copies_of: dict[str, list[tuple[Any, ...]]] = {}
    for original, copy, skey, tone, added in copies:
        copies_of.setdefault(original, []).append((copy, skey, tone, added))
        article.setdefault(copy, (skey, tone, added))
    rows, num_mentions, num_articles, num_sources, avg_tone, added_at, is_root = [], [], [], [], [], [], []
    for fp in sorted(own):
        carriers: list[tuple[str, int, Any, Any, Any]] = []  # (article, mentions, source_key, tone, added)
        for art in sorted(own[fp]):
            carriers.append((art, own[fp][art], *article[art]))
        for art in sorted(own[fp]):
            carriers.extend((c, own[fp][art], skey, tone, added) for c, skey, tone, added in copies_of.get(art, ()))
        tones = [c[3] for c in carriers if c[3] is not None]
        stored = [c[4] for c in carriers if c[4] is not None]
        row = best[fp][1]
        known_roots = roots.get((fp, arts[row]), [])  # bool_or over the first report's mentions
        rows.append(row)
        num_mentions.append(sum(c[1] for c in carriers))
        num_articles.append(len({c[0] for c in carriers}))
        num_sources.append(len({c[2] for c in carriers if c[2] is not None}))
        avg_tone.append(sum(tones) / len(tones) if tones else None)  # in carrier order, as SQL's avg sums
        added_at.append(min(stored) if stored else None)
        is_root.append(any(known_roots) if known_roots else None)
    picked = mentions.take(pa.array(rows, pa.int64()))
    out = {"id": picked.column("fingerprint")}
    out.update({name: picked.column(name) for name in _FROM_FIRST})
    out["source_name"] = pc.coalesce(picked.column("source_name"), picked.column("source_text"))
    out["target_name"] = pc.coalesce(picked.column("target_name"), picked.column("target_text"))
    out.update({"num_mentions": pa.array(num_mentions, pa.int32()), "num_sources": pa.array(num_sources, pa.int64()),
                "num_articles": pa.array(num_articles, pa.int64()), "avg_tone": pa.array(avg_tone, pa.float64()),
                "is_root": pa.array(is_root, pa.bool_()), "first_article_id": picked.column("article_id"),
                "first_mention_id": picked.column("id"), "source_url": picked.column("a_url"),
                "added": pa.array(added_at, picked.column("a_added").type)})
    return pa.table(out)


def _refresh_some(con: duckdb.DuckDBPyConnection, fps: list[str]) -> int:
    """Recompute the events of a few fingerprints: read their rows, aggregate here, replace their events."""
    mentions = con.sql(_MENTIONS, params=[fps]).to_arrow_table()
    arts = sorted(set(mentions.column("article_id").to_pylist()))
    copies = con.execute(_COPIES, [arts]).fetchall() if arts else []
    con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [fps])
    if mentions.num_rows == 0:
        return 0
    _ew_events = _aggregate(mentions, copies)
    # DuckDB reads the local Arrow table by its name (a replacement scan). GLOBALEVENTID is
    # keys.global_id() in SQL (the first 60 bits of the fingerprint), so it never changes.
    con.execute("INSERT INTO events BY NAME SELECT *, ('0x' || substr(id, 1, 15))::BIGINT AS global_id FROM _ew_events")
    return _ew_events.num_rows


def refresh_events(con: duckdb.DuckDBPyConnection, fingerprints: Iterable[str] | None = None) -> int:
    """Recompute the aggregated events of ``fingerprints`` (all of them when None); the rows now stored for them.

    Call inside the transaction that changed the mentions, articles or duplicates behind them.
    """
    if fingerprints is not None:
        fps = sorted(set(fingerprints))
        if not fps:
            return 0
        if len(fps) <= SQL_ABOVE:
            return _refresh_some(con, fps)
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _touched (fp VARCHAR)")
    con.execute("DELETE FROM _touched")
    if fingerprints is None:
        con.execute("INSERT INTO _touched SELECT DISTINCT fingerprint FROM event_mentions WHERE fingerprint IS NOT NULL")
        con.execute("DELETE FROM events")
    else:
        con.execute("INSERT INTO _touched SELECT unnest(?::VARCHAR[])", [fps])
        con.execute("DELETE FROM events WHERE id IN (SELECT fp FROM _touched)")
    # GLOBALEVENTID: keys.global_id() in SQL (the first 60 bits of the fingerprint), so it never changes.
    con.execute(f"INSERT INTO events BY NAME SELECT *, ('0x' || substr(id, 1, 15))::BIGINT AS global_id FROM ({_REFRESH})")
    row = first(con.execute("SELECT count(*) FROM events WHERE id IN (SELECT fp FROM _touched)"))
    return int(row[0]) if row else 0
