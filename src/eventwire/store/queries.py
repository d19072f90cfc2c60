"""The SQL of the analysis queries, built from validated filters. Parameterised only: no value a user
gives is ever spliced into SQL text; the few words that choose SQL (time unit, dyad level) come
from fixed tables here. Nor does a value act as a pattern: prefixes are matched with
``starts_with`` and substrings with an ILIKE whose ``%``, ``_`` and ``\\`` are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

from ..errors import Errors, EventwireError
from .keys import parse_day

MODALITIES = ("asserted", "negated", "hypothetical")
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
LEVELS = {
    # dyad level -> (source expression, target expression)
    "code": ("source_code", "target_code"),
    "country": ("coalesce(source_country, source_code)", "coalesce(target_country, target_code)"),
}
_CODE = re.compile(r"^\d{1,4}$")
_ACTOR = re.compile(r"^[A-Za-z0-9]{1,30}$")


class EventFilters(TypedDict, total=False):
    """Filters shared by the event queries (all optional; all given ones must hold).

    - actor: CAMEO actor code prefix, as source or target ("RUS", "USAGOV").
    - dyad: "SOURCE-TARGET" code prefixes ("USA-RUS"): events from the first to the second.
    - undirected: with ``dyad``, also events from the second to the first.
    - code: CAMEO event code prefix ("04", "042").
    - quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict;
      one or several.
    - since, until: first and last event date, inclusive (YYYY-MM-DD).
    - place: place name (case-insensitive) or the place's ISO alpha-3 country code.
    - modality: asserted, negated or hypothetical. None means every modality.
    - one_a_day: the ICEWS filter: the same date, source, target, code and modality counted once.
    """

    actor: str | None
    dyad: str | None
    undirected: bool
    code: str | None
    quad_class: int | Sequence[int] | None
    since: str | date | None
    until: str | date | None
    place: str | None
    modality: str | None
    one_a_day: bool


@dataclass
class Query:
    """SQL text and its parameters."""

    sql: str
    params: list[Any] = field(default_factory=list)


def _bad(cause: str) -> EventwireError:
    return EventwireError(Errors.E041, cause=cause)


def _actor(value: str, what: str) -> str:
    if not _ACTOR.match(value):
        raise _bad(f"{what} {value!r} is not a CAMEO actor code (letters and digits, e.g. RUS or USAGOV)")
    return value.upper()


def filter_day(value: str | date, what: str) -> date:
    """A filter's date (YYYY-MM-DD), or the coded error E041 naming the filter."""
    day = parse_day(value)
    if day is None:
        raise _bad(f"{what} {value!r} is not a date; use YYYY-MM-DD")
    return day


def like_escaped(value: str) -> str:
    """``value`` as literal text inside a LIKE pattern written with ``ESCAPE '\\'``: its ``%``, ``_`` and
    backslashes match themselves instead of acting as wildcards."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _starts_with(column: str) -> str:
    # A prefix test takes its parameter as plain text, so there is no wildcard to escape; DuckDB turns
    # it into a range scan, which a LIKE with an ESCAPE clause does not get.
    return f"starts_with({column}, ?)"


def _contains(column: str) -> str:
    """A case-insensitive substring test; its parameter comes from ``_contains_arg``."""
    return f"{column} ILIKE ? ESCAPE '\\'"


def _contains_arg(value: str) -> str:
    return "%" + like_escaped(value) + "%"


def where(filters: EventFilters) -> tuple[list[str], list[Any]]:
    """WHERE conditions over the ``events`` table (or anything with its columns) and their parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if filters.get("actor"):
        prefix = _actor(str(filters["actor"]), "actor")
        conds.append(f"({_starts_with('source_code')} OR {_starts_with('target_code')})")
        params += [prefix, prefix]
    if filters.get("dyad"):
        a, sep, b = str(filters["dyad"]).partition("-")
        if not sep or not a or not b:
            raise _bad(f"dyad {filters['dyad']!r} must be SOURCE-TARGET, e.g. USA-RUS")
        a, b = _actor(a, "dyad source"), _actor(b, "dyad target")
        directed = f"({_starts_with('source_code')} AND {_starts_with('target_code')})"
        if filters.get("undirected"):
            conds.append(f"({directed} OR {directed})")
            params += [a, b, b, a]
        else:
            conds.append(directed)
            params += [a, b]
    if filters.get("code"):
        code = str(filters["code"])
        if not _CODE.match(code):
            raise _bad(f"code {code!r} is not a CAMEO event code prefix (1 to 4 digits, e.g. 04 or 042)")
        conds.append(_starts_with("code"))
        params.append(code)
    quad = filters.get("quad_class")
    if quad is not None:
        quads = [quad] if isinstance(quad, int) else list(quad)
        if not quads or any(not isinstance(q, int) or q not in (1, 2, 3, 4) for q in quads):
            raise _bad(f"quad_class {quad!r} must be 1, 2, 3 or 4")
        conds.append(f"quad_class IN ({', '.join('?' * len(quads))})")
        params += quads
    if filters.get("since"):
        conds.append("date >= ?")
        params.append(filter_day(filters["since"], "since"))  # type: ignore[arg-type]
    if filters.get("until"):
        conds.append("date <= ?")
        params.append(filter_day(filters["until"], "until"))  # type: ignore[arg-type]
    if filters.get("place"):
        place = str(filters["place"]).strip()
        conds.append("(lower(place_name) = lower(?) OR place_country = upper(?))")
        params += [place, place]
    modality = filters.get("modality")
    if modality:
        if modality not in MODALITIES:
            raise _bad(f"modality {modality!r} must be one of {', '.join(MODALITIES)}")
        conds.append("modality = ?")
        params.append(modality)
    return conds, params


def selected_events(filters: EventFilters) -> Query:
    """The aggregated events the filters select, one-a-day applied when asked: a subquery for the others."""
    conds, params = where(filters)
    sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(conds) if conds else "")
    if filters.get("one_a_day"):
        # ICEWS: one event per date, dyad and code; the best-reported one stands for the day.
        sql += (" QUALIFY row_number() OVER (PARTITION BY date, source_key, target_key, code, modality"
                " ORDER BY num_articles DESC, num_mentions DESC, id) = 1")
    return Query(sql, params)


def events_query(filters: EventFilters, limit: int | None, offset: int, newest_first: bool) -> Query:
    """Aggregated events, in date order."""
    base = selected_events(filters)
    order = "date DESC NULLS LAST" if newest_first else "date NULLS LAST"
    sql = f"SELECT * FROM ({base.sql}) ORDER BY {order}, num_articles DESC, num_mentions DESC, id"
    return _page(Query(sql, base.params), limit, offset)


def dyads_query(filters: EventFilters, level: str, limit: int | None, offset: int = 0) -> Query:
    """Dyads by number of events, with mentions, mean Goldstein and cooperation against conflict."""
    if level not in LEVELS:
        raise _bad(f"level {level!r} must be one of {', '.join(LEVELS)}")
    s, t = LEVELS[level]
    base = selected_events(filters)
    sql = f"""
        SELECT {s} AS source, {t} AS target, count(*) AS events, sum(num_mentions)::BIGINT AS mentions,
               sum(num_articles)::BIGINT AS articles, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               min(date) AS first_date, max(date) AS last_date
        FROM ({base.sql})
        WHERE {s} IS NOT NULL AND {t} IS NOT NULL
        GROUP BY 1, 2
        ORDER BY events DESC, mentions DESC, source, target"""
    return _page(Query(sql, base.params), limit, offset)


def dyad_points_query(level: str, since: date | None = None, until: date | None = None) -> Query:
    """Asserted, dated events with both ends known at ``level`` (a key of LEVELS), oldest first, as
    (id, day, source, target, goldstein, quad_class): the points of each dyad's series for alerts."""
    s, t = LEVELS[level]
    base = selected_events({"modality": "asserted", "since": since, "until": until})
    sql = (f"SELECT id, date AS day, {s} AS source, {t} AS target, goldstein, quad_class"
           f" FROM ({base.sql}) WHERE date IS NOT NULL AND goldstein IS NOT NULL AND quad_class IS NOT NULL"
           f" AND {s} IS NOT NULL AND {t} IS NOT NULL"
           " ORDER BY date, id")
    return Query(sql, base.params)


def timeline_query(filters: EventFilters, by: str) -> Query:
    """Events per day, week (from Monday), month or year, with every period in the range present."""
    if by not in UNITS:
        raise _bad(f"by {by!r} must be one of {', '.join(UNITS)}")
    unit = UNITS[by]
    base = selected_events(filters)
    since, until = filters.get("since"), filters.get("until")
    sql = f"""
        WITH b AS (
            SELECT date_trunc('{unit}', date)::DATE AS period, * FROM ({base.sql}) WHERE date IS NOT NULL
        ),
        agg AS (
            SELECT period, count(*) AS events, sum(num_mentions)::BIGINT AS mentions, avg(goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE quad_class = 4) AS material_conflict
            FROM b GROUP BY period
        ),
        bounds AS (
            SELECT date_trunc('{unit}', coalesce(?::DATE, min(period)))::DATE AS lo,
                   date_trunc('{unit}', coalesce(?::DATE, max(period)))::DATE AS hi
            FROM agg
        ),
        periods AS (
            SELECT unnest(generate_series(lo, hi, INTERVAL 1 {unit}))::DATE AS period FROM bounds WHERE lo <= hi
        )
        SELECT p.period,
               coalesce(events, 0) AS events, coalesce(mentions, 0) AS mentions, goldstein_mean,
               coalesce(verbal_cooperation, 0) + coalesce(material_cooperation, 0) AS cooperation,
               coalesce(verbal_conflict, 0) + coalesce(material_conflict, 0) AS conflict,
               coalesce(verbal_cooperation, 0) AS verbal_cooperation,
               coalesce(material_cooperation, 0) AS material_cooperation,
               coalesce(verbal_conflict, 0) AS verbal_conflict,
               coalesce(material_conflict, 0) AS material_conflict
        FROM periods p LEFT JOIN agg USING (period)
        ORDER BY p.period"""
    params = [*base.params, filter_day(since, "since") if since else None, filter_day(until, "until") if until else None]
    return Query(sql, params)


PLACE_HOWS = ("attached", "sentence", "dateline", "article")


def places_query(filters: EventFilters, limit: int | None, how: Sequence[str] | None = None) -> Query:
    """Event places with coordinates, for a map: events, mentions and mean Goldstein per place, its GDELT
    geography, and its events by the evidence that placed them (``how``: only events placed that way)."""
    base = selected_events(filters)
    params = list(base.params)
    where = ""
    if how:
        bad = [h for h in how if h not in PLACE_HOWS]
        if bad:
            raise _bad(f"how {bad[0]!r} must be one of {', '.join(PLACE_HOWS)}")
        where = f" AND place_how IN ({', '.join('?' * len(how))})"
        params += list(how)
    by_how = ", ".join(f"count(*) FILTER (WHERE place_how = '{h}') AS how_{h}" for h in PLACE_HOWS)
    sql = f"""
        SELECT place_key, any_value(place_name) AS name, any_value(place_country) AS country,
               any_value(place_lat) AS lat, any_value(place_lon) AS lon, count(*) AS events,
               sum(num_mentions)::BIGINT AS mentions, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               any_value(place_kind) AS kind, max(place_type) AS type, any_value(place_adm1) AS adm1,
               any_value(place_adm1_name) AS adm1_name, any_value(place_feature) AS feature_id, {by_how}
        FROM ({base.sql})
        WHERE place_lat IS NOT NULL AND place_lon IS NOT NULL{where}
        GROUP BY place_key
        ORDER BY events DESC, mentions DESC, place_key"""
    return _page(Query(sql, params), limit, 0)


def _page(q: Query, limit: int | None, offset: int) -> Query:
    if limit is not None:
        if limit < 0:
            raise _bad(f"limit {limit} must be 0 or more")
        q.sql += " LIMIT ?"
        q.params.append(limit)
    if offset:
        if offset < 0:
            raise _bad(f"offset {offset} must be 0 or more")
        q.sql += " OFFSET ?"
        q.params.append(offset)
    return q


def _where_sql(conds: list[str]) -> str:
    return " WHERE " + " AND ".join(conds) if conds else ""


def _published(since: str | date | None, until: str | date | None) -> tuple[list[str], list[Any]]:
    """Conditions on the publication date of the article ``a``, inclusive."""
    conds: list[str] = []
    params: list[Any] = []
    if since:
        conds.append("a.published >= ?")
        params.append(filter_day(since, "since"))
    if until:
        conds.append("a.published <= ?")
        params.append(filter_day(until, "until"))
    return conds, params


def mentions_query(event_id: str | None, article_id: str | None, rule: str | None) -> Query:
    """Event mentions with their article's title, URL, source and date (unordered, unpaged)."""
    conds: list[str] = []
    params: list[Any] = []
    for col, value in (("m.fingerprint", event_id), ("m.article_id", article_id), ("m.rule", rule)):
        if value:
            conds.append(f"{col} = ?")
            params.append(value)
    return Query("SELECT m.*, a.title AS article_title, a.url AS article_url, a.source AS article_source,"
                 " a.published AS article_published FROM event_mentions m JOIN articles a ON a.id = m.article_id"
                 + _where_sql(conds), params)


def articles_query(status: str | None, source: str | None, since: str | date | None, until: str | date | None,
                   search: str | None = None) -> Query:
    """Articles without their text, with their number of event mentions (unordered, unpaged).

    ``search`` is words to find in the title or the text, in any case, taken literally.
    """
    conds, params = _published(since, until)
    if status:
        conds.append("a.status = ?")
        params.append(status)
    if source:
        conds.append("(lower(a.source) = lower(?) OR a.source_key = lower(?))")
        params += [source, source]
    if search:
        conds.append(f"({_contains('a.title')} OR {_contains('a.text')})")
        params += [_contains_arg(search)] * 2
    return Query("SELECT a.* EXCLUDE (text), (SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id) AS mentions"
                 " FROM articles a" + _where_sql(conds), params)


def quotes_query(speaker: str | None, article_id: str | None, kind: str | None, since: str | date | None,
                 until: str | date | None, search: str | None = None) -> Query:
    """Quotes with their article's title, date and URL (unordered, unpaged).

    ``speaker`` is a code prefix or part of the speaker's name (any case); ``search`` is words to
    find in the quoted text (any case). Both are taken literally: ``%`` and ``_`` are no wildcards.
    """
    conds, params = _published(since, until)
    if speaker:
        conds.append(f"({_starts_with('q.speaker_code')} OR {_contains('q.speaker_name')})")
        params += [speaker.upper(), _contains_arg(speaker)]
    if search:
        conds.append(_contains("q.text"))
        params.append(_contains_arg(search))
    if article_id:
        conds.append("q.article_id = ?")
        params.append(article_id)
    if kind:
        conds.append("q.kind = ?")
        params.append(kind)
    return Query("SELECT q.*, a.title AS article_title, a.published AS article_published, a.url AS article_url"
                 " FROM quotes q JOIN articles a ON a.id = q.article_id" + _where_sql(conds), params)


def actors_query(code: str | None, uncoded: bool) -> Query:
    """Actors grouped by name and code across articles (unordered, unpaged)."""
    conds: list[str] = []
    params: list[Any] = []
    if code:
        conds.append(_starts_with("code"))
        params.append(code.upper())
    if uncoded:
        conds.append("code IS NULL")
    return Query("SELECT name, code, any_value(country) AS country, any_value(sector) AS sector, any_value(kind) AS kind,"
                 " count(DISTINCT article_id) AS articles, sum(mentions)::BIGINT AS mentions FROM actors"
                 + _where_sql(conds) + " GROUP BY name, code", params)


def ordered(q: Query, order: str, limit: int | None, offset: int) -> Query:
    """``q`` sorted by ``order`` (fixed SQL from this module, never user text) and paged."""
    return _page(Query(f"SELECT * FROM ({q.sql}) ORDER BY {order}", list(q.params)), limit, offset)


def counted(q: Query) -> Query:
    """The number of rows ``q`` gives."""
    return Query(f"SELECT count(*) AS n FROM ({q.sql})", list(q.params))
