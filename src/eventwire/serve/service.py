"""What the API and the dashboard both answer: validated parameters in, API-shaped dicts out.

Every query, and the total behind every paged list, is a method of :class:`eventwire.store.Store`:
no SQL lives here. The REST routes return these dicts as JSON and the dashboard renders the very
same dicts, so a number on a chart is the number the API gives for the same filters.
"""

from __future__ import annotations

from typing import Any

from ..alerts import Alert, DyadSeries, Settings, find_alerts, load_series
from ..store import Store
from ..store.queries import PLACE_HOWS
from .errors import ApiError
from .params import (
    MAX_PAGE,
    MAX_PERIODS,
    ActorParams,
    AlertParams,
    ArticleParams,
    DyadParams,
    EventListParams,
    NetworkParams,
    PlaceParams,
    QuoteParams,
    TimelineParams,
)
from .schemas import actor_out, event_out, quote_out

# Lists show every modality unless asked; counts, timelines, maps and networks count what happened.
LIST_MODALITY = None
COUNT_MODALITY = "asserted"
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def events(store: Store, p: EventListParams) -> dict[str, Any]:
    f = p.filters(LIST_MODALITY)
    rows = store.events(limit=p.limit, offset=p.offset, newest_first=p.sort == "-date", **f)
    return _page([event_out(r) for r in rows], store.count_events(**f), p.limit, p.offset)


def event(store: Store, event_id: str) -> dict[str, Any]:
    """One aggregated event with its mentions, the first MAX_PAGE of them (``num_mentions`` counts all)."""
    row = store.event(event_id, mentions_limit=MAX_PAGE)
    if row is None:
        raise ApiError(404, "not_found", f"no event with id {event_id!r}")
    out = event_out(row)
    out["mentions"] = [event_out(m) for m in row.get("mentions", [])]
    return out


def dyads(store: Store, p: DyadParams) -> dict[str, Any]:
    f = p.filters(COUNT_MODALITY)
    rows = list(store.dyads(level=p.level, limit=p.limit, offset=p.offset, **f))
    return _page(rows, store.count_dyads(level=p.level, **f), p.limit, p.offset)


def timeline(store: Store, p: TimelineParams) -> dict[str, Any]:
    """Periods of cooperation against conflict, with totals over the periods.

    Every period of the range is a row, empty ones too: a range of more than MAX_PERIODS periods is
    refused (422) before it is built, with what to change.
    """
    f = p.filters(COUNT_MODALITY)
    first, last = p.since, p.until
    if first is None or last is None:  # the range runs to the first or last selected event
        lo, hi = store.event_date_range(**f)
        first, last = first or lo, last or hi
    n = p.periods(first, last) if first and last else 0
    if n > MAX_PERIODS:
        raise ApiError(422, "range_too_large",
                       f"the timeline from {first} to {last} by {p.by} has {n} periods, over the {MAX_PERIODS} one answer"
                       " holds; narrow it with since and until, or choose a wider `by` (week, month, year)",
                       [{"location": "query", "parameter": "by", "message": f"{n} periods > {MAX_PERIODS}"}])
    buckets = []
    for r in store.timeline(by=p.by, **f):
        b = {k: r[k] for k in ("period", "events", "mentions", "goldstein_mean", "cooperation", "conflict")}
        b["quad"] = {k: r[k] for k in _QUADS}
        buckets.append(b)
    n = sum(b["events"] for b in buckets)
    gsum = sum((b["goldstein_mean"] or 0.0) * b["events"] for b in buckets)
    return {"by": p.by, "filters": p.given(), "buckets": buckets, "events": n,
            "cooperation": sum(b["cooperation"] for b in buckets), "conflict": sum(b["conflict"] for b in buckets),
            "goldstein_mean": round(gsum / n, 3) if n else None}


def places(store: Store, p: PlaceParams) -> dict[str, Any]:
    items = [r for r in store.event_places(limit=p.limit, how=p.hows(), **p.filters(COUNT_MODALITY))
             if -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180]
    for r in items:  # events by the evidence that placed them, as one object
        r["how"] = {h: r.pop(f"how_{h}", 0) for h in PLACE_HOWS}
    return {"items": items, "events": sum(i["events"] for i in items)}


def network(store: Store, p: NetworkParams) -> dict[str, Any]:
    """Actors (nodes) and dyads (directed edges) of the matching events.

    Edges are the busiest ``max_edges`` dyads with at least ``min_events`` events; nodes are their
    ends, with the events of their edges.
    """
    edges = [{k: r[k] for k in ("source", "target", "events", "mentions", "goldstein_mean", "cooperation", "conflict")}
             for r in store.dyads(level=p.level, limit=p.max_edges, **p.filters(COUNT_MODALITY))
             if r["events"] >= p.min_events]
    nodes: dict[str, dict[str, Any]] = {}
    gsum: dict[str, float] = {}
    for e in edges:
        for end, role in ((e["source"], "as_source"), (e["target"], "as_target")):
            n = nodes.setdefault(end, {"id": end, "events": 0, "as_source": 0, "as_target": 0, "goldstein_mean": None})
            n[role] += e["events"]
            if e["source"] != e["target"] or role == "as_source":  # a self-loop counts once
                n["events"] += e["events"]
                gsum[end] = gsum.get(end, 0.0) + (e["goldstein_mean"] or 0.0) * e["events"]
    for n in nodes.values():
        n["goldstein_mean"] = round(gsum[n["id"]] / n["events"], 3) if n["events"] else None
    ordered = sorted(nodes.values(), key=lambda n: (-n["events"], n["id"]))
    return {"level": p.level, "nodes": ordered, "edges": edges}


def actors(store: Store, p: ActorParams) -> dict[str, Any]:
    items = list(store.actors(code=p.code, uncoded=p.uncoded, limit=p.limit, offset=p.offset))
    return _page(items, store.count_actors(p.code, p.uncoded), p.limit, p.offset)


def articles(store: Store, p: ArticleParams) -> dict[str, Any]:
    args: dict[str, Any] = {"status": p.status, "source": p.source, "since": p.since, "until": p.until}
    items = list(store.articles(**args, limit=p.limit, offset=p.offset))
    return _page(items, store.count_articles(**args), p.limit, p.offset)


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One article's full analysis: text, actors with mention spans, event mentions and quotes with spans."""
    row = store.article(article_id)
    if row is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    out = {k: v for k, v in row.items() if k not in ("mentions",)}
    out["text"] = row.get("text") or ""
    out["actors"] = [actor_out(r) for r in row.get("actors", [])]
    out["events"] = sorted((event_out({**m, "article_title": row.get("title")}) for m in row.get("mentions", [])),
                           key=lambda e: (e["span"][0] if e["span"][0] is not None else -1, e.get("n") or 0))
    out["quotes"] = [quote_out({**r, "article_id": article_id}) for r in row.get("quotes", [])]
    return out


def quotes(store: Store, p: QuoteParams) -> dict[str, Any]:
    args: dict[str, Any] = {"speaker": p.speaker, "article_id": p.article_id, "kind": p.kind, "since": p.since,
                            "until": p.until}
    items = [quote_out(r) for r in store.quotes(**args, limit=p.limit, offset=p.offset)]
    return _page(items, store.count_quotes(**args), p.limit, p.offset)


def rule(store: Store, rule_id: str, limit: int = 50) -> dict[str, Any]:
    """The event mentions coded by one lexicon entry, newest first, and how many there are in all."""
    rows = store.mentions(rule=rule_id, limit=limit, newest_first=True)
    return {"items": [event_out(r) for r in rows], "total": store.count_mentions(rule=rule_id)}


def alert_list(store: Store, p: AlertParams) -> tuple[list[Alert], dict[tuple[str, str], DyadSeries]]:
    """Every alert the parameters select (newest first) and the series of the dyads they were found on."""
    s = Settings()
    series = load_series(store, p.by, p.level, p.both_ways, p.since, lookback=s.baseline)
    found = [a for a in find_alerts(series, s, since=p.since, level=p.level, both_ways=p.both_ways)
             if p.kind is None or a.kind == p.kind]
    return found, {(x.source, x.target): x for x in series}


def alerts(store: Store, p: AlertParams) -> dict[str, Any]:
    """Dyads turning toward conflict or back, newest first; ``total`` counts them all, ``items`` the first ``limit``."""
    found, _ = alert_list(store, p)
    filters = p.model_dump(exclude_defaults=True, exclude={"limit"})
    return {"items": [a.to_dict() for a in found[:p.limit]], "total": len(found), "limit": p.limit,
            "filters": {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in filters.items()}}


def stats(store: Store) -> dict[str, Any]:
    return store.stats()
