"""The Alerts page's cards: each alert with its dyad's timeline around the turn and the events behind it.

The chart is the timeline chart of :mod:`.charts` drawn from the very series the alert was found
on (its periods as timeline buckets), with the turn's period marked; the numbers are the API's.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from ..alerts import Alert, DyadSeries
from ..store import Store
from .charts import timeline_chart

#: Periods shown on each side of the turn.
AROUND = 12
#: Cards on one page, and events listed on each card: the page stays light; the API has them all.
MAX_CARDS = 25
MAX_EVENTS = 5
_CODE = re.compile(r"[A-Za-z0-9]{1,30}")


def turn_chart(series: DyadSeries, alert: Alert) -> dict[str, Any]:
    """The timeline chart of ``series`` around ``alert.start`` with ``turn``: where to draw the marker."""
    starts = [p.start for p in series.periods]
    i = starts.index(alert.start)
    lo, hi = max(0, i - AROUND), min(len(starts), i + AROUND)
    chart = timeline_chart([p.bucket() for p in series.periods[lo:hi]], height=220)
    slot = (chart["right"] - chart["left"]) / max(hi - lo, 1)
    chart["turn"] = {"x": round(chart["left"] + slot * (i - lo), 1), "label": alert.start.isoformat()}
    return chart


def driver_events(store: Store, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    """The first events behind an alert, with what a reader needs to judge them (and the article to read)."""
    out = []
    for event_id in ids[:MAX_EVENTS]:
        ev = store.event(event_id, mentions_limit=0)  # the card shows the event, not its mentions
        if ev is not None:
            out.append({k: ev.get(k) for k in ("id", "date", "code", "name", "quad_class", "goldstein", "sentence",
                                               "first_article_id", "source_code", "target_code")})
    return out


def events_link(alert: Alert) -> str | None:
    """The Events page for the dyad from the turn on, when its ends are codes the dyad filter takes
    (``---GOV``, a government of unknown country, is not one: the filter matches code prefixes)."""
    if not (_CODE.fullmatch(alert.source) and _CODE.fullmatch(alert.target)):
        return None
    query = {"dyad": f"{alert.source}-{alert.target}", "since": alert.start.isoformat(), "modality": "asserted"}
    if alert.both_ways:
        query["undirected"] = "true"
    return "/events?" + urlencode(query)


def cards(store: Store, found: list[Alert], series: dict[tuple[str, str], DyadSeries]) -> list[dict[str, Any]]:
    """One card per alert (the first ``MAX_CARDS``): the API's dict, its chart and its first events."""
    out = []
    for alert in found[:MAX_CARDS]:
        one = series.get((alert.source, alert.target))
        out.append({"alert": alert.to_dict(), "chart": turn_chart(one, alert) if one else None,
                    "events": driver_events(store, alert.events), "events_link": events_link(alert)})
    return out
