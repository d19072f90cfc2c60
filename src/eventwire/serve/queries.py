"""The few read queries the server needs that :class:`eventwire.store.Store` does not offer (yet).

The store holds the SQL of every list the API gives, but not their totals; a paged API must say
how many rows match over all pages. These counts reuse the store's own query builders where they
are public (events, dyads) and mirror its filters where they are inline (articles, quotes,
actors). Parameterised only: values travel as ``?`` parameters. Each function can go as soon as
the store offers the same query.
"""

from __future__ import annotations

from typing import Any

from ..store import EventFilters, Store
from ..store import queries as sq


def _count(store: Store, sql: str, params: list[Any]) -> int:
    return int(store.fetch(f"SELECT count(*) AS n FROM ({sql})", params)[0]["n"])


def count_events(store: Store, filters: EventFilters) -> int:
    """How many aggregated events ``Store.events`` would return with no limit."""
    q = sq.selected_events(filters)
    return _count(store, q.sql, q.params)


def count_dyads(store: Store, filters: EventFilters, level: str) -> int:
    """How many dyads ``Store.dyads`` would return with no limit."""
    q = sq.dyads_query(filters, level, None)
    return _count(store, q.sql, q.params)


def count_articles(store: Store, status: str | None = None, source: str | None = None, since: Any = None,
                   until: Any = None) -> int:
    """The total behind ``Store.articles`` with the same filters."""
    conds: list[str] = []
    params: list[Any] = []
    if status:
        conds.append("status = ?")
        params.append(status)
    if source:
        conds.append("(lower(source) = lower(?) OR source_key = lower(?))")
        params += [source, source]
    if since:
        conds.append("published >= ?")
        params.append(since)
    if until:
        conds.append("published <= ?")
        params.append(until)
    return _count(store, "SELECT id FROM articles" + (" WHERE " + " AND ".join(conds) if conds else ""), params)


def count_quotes(store: Store, speaker: str | None = None, article_id: str | None = None, kind: str | None = None,
                 since: Any = None, until: Any = None) -> int:
    """The total behind ``Store.quotes`` with the same filters."""
    conds: list[str] = []
    params: list[Any] = []
    if speaker:
        conds.append("(q.speaker_code LIKE ? OR q.speaker_name ILIKE ?)")
        params += [speaker.upper() + "%", "%" + speaker.replace("%", "") + "%"]
    if article_id:
        conds.append("q.article_id = ?")
        params.append(article_id)
    if kind:
        conds.append("q.kind = ?")
        params.append(kind)
    if since:
        conds.append("a.published >= ?")
        params.append(since)
    if until:
        conds.append("a.published <= ?")
        params.append(until)
    return _count(store, "SELECT q.n FROM quotes q JOIN articles a ON a.id = q.article_id"
                         + (" WHERE " + " AND ".join(conds) if conds else ""), params)


def count_actors(store: Store, code: str | None = None, uncoded: bool = False) -> int:
    """The total behind ``Store.actors`` (one row per name and code) with the same filters."""
    conds: list[str] = []
    params: list[Any] = []
    if code:
        conds.append("code LIKE ?")
        params.append(code.upper() + "%")
    if uncoded:
        conds.append("code IS NULL")
    return _count(store, "SELECT name, code FROM actors" + (" WHERE " + " AND ".join(conds) if conds else "")
                         + " GROUP BY name, code", params)


def rule_mentions(store: Store, rule: str, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """Event mentions coded by one lexicon entry (newest first) and how many there are in all."""
    sql = ("SELECT m.*, a.title AS article_title, a.published AS article_published FROM event_mentions m"
           " JOIN articles a ON a.id = m.article_id WHERE m.rule = ?")
    rows = list(store.fetch(sql + " ORDER BY m.date DESC NULLS LAST, m.article_id, m.n LIMIT ?", [rule, limit]))
    return rows, _count(store, sql, [rule])
