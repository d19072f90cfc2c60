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
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from .rows import first

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
       c.num_mentions, c.num_sources, c.num_articles, c.avg_tone, r.is_root,
       f.article_id AS first_article_id, f.id AS first_mention_id, f.a_url AS source_url, f.sentence, f.rule, c.added
FROM first f
JOIN counts c ON c.fingerprint = f.fingerprint
JOIN roots r ON r.fingerprint = f.fingerprint AND r.article_id = f.article_id
"""


def refresh_events(con: duckdb.DuckDBPyConnection, fingerprints: Iterable[str] | None = None) -> int:
    """Recompute the aggregated events of ``fingerprints`` (all of them when None); the rows now stored for them.

    Call inside the transaction that changed the mentions, articles or duplicates behind them.
    """
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _touched (fp VARCHAR)")
    con.execute("DELETE FROM _touched")
    if fingerprints is None:
        con.execute("INSERT INTO _touched SELECT DISTINCT fingerprint FROM event_mentions WHERE fingerprint IS NOT NULL")
        con.execute("DELETE FROM events")
    else:
        fps = sorted(set(fingerprints))
        if not fps:
            return 0
        con.execute("INSERT INTO _touched SELECT unnest(?::VARCHAR[])", [fps])
        con.execute("DELETE FROM events WHERE id IN (SELECT fp FROM _touched)")
    # GLOBALEVENTID: keys.global_id() in SQL (the first 60 bits of the fingerprint), so it never changes.
    con.execute(f"INSERT INTO events BY NAME SELECT *, ('0x' || substr(id, 1, 15))::BIGINT AS global_id FROM ({_REFRESH})")
    row = first(con.execute("SELECT count(*) FROM events WHERE id IN (SELECT fp FROM _touched)"))
    return int(row[0]) if row else 0
