"""The JSON shapes of the REST API (and of its OpenAPI document), and the row-to-shape functions.

Events keep the nesting of CONTRACT.md (``source``/``target``/``place``/``plover`` objects, a
``span`` pair) so that what ``eventwire analyze`` prints and what the API answers look alike.
Models accept extra fields, so columns the store adds later pass through.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    code: str = Field(description="a stable, machine-readable error code, e.g. invalid_parameter")
    message: str = Field(description="what went wrong and what to do about it")
    details: list[dict[str, Any]] | None = Field(default=None, description="per-parameter problems, for validation errors")


class ErrorResponse(BaseModel):
    """The one error shape of every 4xx and 5xx answer."""

    error: ErrorBody


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="rows matching the filters, over all pages")
    limit: int
    offset: int


class ActorSide(Open):
    code: str | None = None
    name: str | None = None
    text: str | None = Field(default=None, description="the words used (mentions only)")
    country: str | None = None
    sector: str | None = None
    span: list[int] | None = Field(default=None, description="[start, end) in the article text (mentions only)")


class PlaceOut(Open):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None
    # Where known, also: how (the evidence: attached, sentence, dateline, article), geo_type (GDELT's), adm1,
    # adm1_name and feature_id (GeoNames id); docs/output.md. Passed through as extra fields, so that places
    # stored before they existed keep their shape.


class _EventCore(Open):
    code: str
    base_code: str | None = None
    root: str | None = None
    name: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: dict[str, str | None] | None = None
    modality: str | None = None
    date: dt.date | None = None
    source: ActorSide | None = None
    target: ActorSide | None = None
    place: PlaceOut | None = None
    sentence: str | None = None
    rule: str | None = Field(default=None, description="the lexicon entry that fired")
    is_root: bool | None = None


class EventOut(_EventCore):
    """One aggregated event (a GDELT-style fingerprint), counted across its mentions."""

    id: str
    global_id: int | None = None
    num_mentions: int
    num_sources: int
    num_articles: int
    avg_tone: float | None = None
    first_article_id: str | None = None
    source_url: str | None = None


class MentionOut(_EventCore):
    """One mention of an event in one article, with its character offsets."""

    id: str
    event_id: str | None = Field(default=None, description="the aggregated event (events.id)")
    article_id: str
    article_title: str | None = None
    n: int | None = None
    span: list[int | None] = Field(description="[start, end) of the sentence in the article text")
    trigger: list[int] | None = Field(default=None, description="[start, end) of the word that fired")
    quote_n: int | None = None


class EventDetail(EventOut):
    mentions: list[MentionOut]


class DyadOut(Open):
    source: str
    target: str
    events: int
    mentions: int
    articles: int
    goldstein_mean: float | None
    cooperation: int = Field(description="events of QuadClass 1 and 2")
    conflict: int = Field(description="events of QuadClass 3 and 4")
    first_date: dt.date | None
    last_date: dt.date | None


class QuadCounts(BaseModel):
    verbal_cooperation: int = Field(description="QuadClass 1")
    material_cooperation: int = Field(description="QuadClass 2")
    verbal_conflict: int = Field(description="QuadClass 3")
    material_conflict: int = Field(description="QuadClass 4")


class Bucket(BaseModel):
    period: dt.date = Field(description="first day of the period")
    events: int
    mentions: int
    goldstein_mean: float | None
    cooperation: int = Field(description="QuadClass 1 and 2")
    conflict: int = Field(description="QuadClass 3 and 4")
    quad: QuadCounts


class Timeline(BaseModel):
    by: str
    filters: dict[str, Any]
    buckets: list[Bucket] = Field(description="every period from the first to the last, empty ones included")
    events: int = Field(description="events in the buckets")
    cooperation: int
    conflict: int
    goldstein_mean: float | None = Field(description="mean over the events (not over the periods)")


class PlacePoint(Open):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int
    mentions: int
    goldstein_mean: float | None
    cooperation: int
    conflict: int
    kind: str | None = Field(default=None, description="city, adm1, country, region or sea")
    type: int | None = Field(default=None, description="GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city,"
                                                       " 5 world ADM1")
    adm1: str | None = Field(default=None, description="GeoNames admin1 code of the place")
    adm1_name: str | None = None
    feature_id: str | None = Field(default=None, description="GeoNames id")
    how: dict[str, int] = Field(default_factory=dict, description="events by the evidence that placed them: attached,"
                                                                  " sentence, dateline, article")


class PlacesOut(BaseModel):
    items: list[PlacePoint]
    events: int = Field(description="events at the places listed")


class Node(BaseModel):
    id: str = Field(description="the actor (code or country, by level)")
    events: int = Field(description="events on the node's links")
    as_source: int
    as_target: int
    goldstein_mean: float | None


class Edge(BaseModel):
    source: str
    target: str
    events: int
    mentions: int
    goldstein_mean: float | None
    cooperation: int
    conflict: int


class Network(BaseModel):
    level: str
    nodes: list[Node]
    edges: list[Edge]


class AlertWindow(BaseModel):
    """The asserted events of a dyad over a run of periods."""

    model_config = ConfigDict(populate_by_name=True)

    events: int
    goldstein: float | None = Field(description="mean Goldstein of the events")
    conflict_share: float | None = Field(description="share of the events in QuadClass 3 and 4")
    from_: dt.date | None = Field(alias="from", description="first period of the window")
    to: dt.date | None = Field(description="last period of the window")


class AlertOut(BaseModel):
    """A dyad turning toward conflict (escalation) or back (de-escalation); see docs/output.md."""

    source: str
    target: str
    kind: str = Field(description="escalation or de-escalation")
    start: dt.date = Field(description="first day of the first period of the change")
    by: str = Field(description="day, week or month")
    level: str = Field(description="country or actor")
    both_ways: bool = Field(description="true when A→B and B→A are pooled")
    baseline: AlertWindow = Field(description="the periods before the change")
    recent: AlertWindow = Field(description="the periods from the change on")
    score: float = Field(description="z statistic of the change (recent against baseline)")
    events: list[str] = Field(description="ids of the events behind it (conflict ones for an escalation, cooperative"
                                          " ones for a de-escalation), strongest first, at most 50")
    events_total: int = Field(description="how many such events there are")
    method: str = Field(description="the change-detection method")


class Alerts(BaseModel):
    items: list[AlertOut]
    total: int = Field(description="alerts matching the filters (items holds the newest `limit` of them)")
    limit: int
    filters: dict[str, Any]


class ActorOut(Open):
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    kind: str | None
    articles: int
    mentions: int


class _ArticleCore(Open):
    """The fields an article has both in a list and in its full analysis."""

    id: str
    status: str
    reason: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    tone: float | None = None


class ArticleOut(_ArticleCore):
    doc_len: int | None = None
    mentions: int = Field(description="event mentions found in the article")


class QuoteOut(Open):
    article_id: str
    n: int
    speaker: ActorSide | None
    text: str | None
    kind: str | None
    cue: str | None
    span: list[int | None] = Field(description="[start, end) of the quoted words in the article text")
    cue_span: list[int] | None = None
    rule: str | None = None
    article_title: str | None = None
    article_published: dt.date | None = None


class ArticleActor(Open):
    n: int
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    kind: str | None
    rule: str | None
    mentions: list[list[int]] = Field(description="[start, end) of every mention")


class ArticleAnalysis(_ArticleCore):
    """One article with everything found in it; every span indexes ``text``."""

    text: str
    actors: list[ArticleActor]
    events: list[MentionOut] = Field(description="the event mentions of this article")
    quotes: list[QuoteOut]
    places: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    duplicates: list[dict[str, Any]] = Field(description="stored copies of this article")


class Stats(Open):
    articles: int
    articles_ok: int
    events: int
    event_mentions: int
    quotes: int
    actors: int
    first_date: dt.date | None
    last_date: dt.date | None
    snapshot: bool = Field(description="true when the live store is being written and this is a snapshot")


class DocumentIn(BaseModel):
    """A document to analyse, as in CONTRACT.md."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, max_length=200)
    text: str | None = Field(default=None, max_length=200_000)
    html: str | None = Field(default=None, max_length=500_000)
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = None
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


class AnalyzeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentIn] = Field(min_length=1, max_length=20)


class AnalyzeOut(BaseModel):
    analyses: list[dict[str, Any]] = Field(description="one analysis per document, in the shape `eventwire analyze` prints")


# -- rows to shapes ----------------------------------------------------------------------------

def _pair(r: dict[str, Any], a: str, b: str) -> list[int] | None:
    return [r[a], r[b]] if r.get(a) is not None and r.get(b) is not None else None


def _side(r: dict[str, Any], side: str) -> dict[str, Any] | None:
    vals = {k: r.get(f"{side}_{k}") for k in ("code", "name", "text", "country", "sector")}
    if not any(v is not None for v in vals.values()):
        return None
    vals["span"] = _pair(r, f"{side}_start", f"{side}_end")
    return vals


_FLAT = {f"{side}_{k}" for side in ("source", "target") for k in ("text", "name", "code", "country", "sector", "key",
                                                                   "start", "end")}
_FLAT |= {"place_how", "place_type", "place_adm1", "place_adm1_name", "place_feature"}
_FLAT |= {f"{side}_place_{k}" for side in ("source", "target")
          for k in ("name", "country", "lat", "lon", "type", "adm1", "feature")}
_FLAT |= {"place_name", "place_country", "place_lat", "place_lon", "place_kind", "place_key", "plover_event",
          "plover_mode", "span_start", "span_end", "trigger_start", "trigger_end", "fingerprint", "added"}


def event_out(r: dict[str, Any]) -> dict[str, Any]:
    """A stored event or mention row in the nested shape of CONTRACT.md (source, target, place, plover)."""
    out = {k: v for k, v in r.items() if k not in _FLAT}
    out["source"] = _side(r, "source")
    out["target"] = _side(r, "target")
    has_place = r.get("place_name") is not None or r.get("place_lat") is not None
    out["place"] = ({"name": r.get("place_name"), "country": r.get("place_country"), "lat": r.get("place_lat"),
                     "lon": r.get("place_lon"), "kind": r.get("place_kind")} if has_place else None)
    if out["place"] is not None:  # the evidence and GDELT geography, where known (rows stored before 003 have none)
        extra = {"how": r.get("place_how"), "geo_type": r.get("place_type"), "adm1": r.get("place_adm1"),
                 "adm1_name": r.get("place_adm1_name"), "feature_id": r.get("place_feature")}
        out["place"].update({k: v for k, v in extra.items() if v is not None})
    for side in ("source", "target"):  # the place the text puts the actor in (GDELT's ActorGeo)
        if out[side] is not None and r.get(f"{side}_place_name") is not None:
            out[side]["place"] = {k: r.get(f"{side}_place_{k}") for k in ("name", "country", "lat", "lon", "adm1")} | {
                "geo_type": r.get(f"{side}_place_type"), "feature_id": r.get(f"{side}_place_feature")}
    out["plover"] = ({"event": r.get("plover_event"), "mode": r.get("plover_mode")}
                     if r.get("plover_event") or r.get("plover_mode") else None)
    if "span_start" in r:  # a mention
        out["event_id"] = r.get("fingerprint")
        out["span"] = [r.get("span_start"), r.get("span_end")]
        out["trigger"] = _pair(r, "trigger_start", "trigger_end")
    return out


def quote_out(r: dict[str, Any]) -> dict[str, Any]:
    """A stored quote row with its speaker as an object and spans as pairs."""
    drop = {"speaker_name", "speaker_code", "speaker_start", "speaker_end", "span_start", "span_end", "cue_start",
            "cue_end"}
    out = {k: v for k, v in r.items() if k not in drop}
    spk = r.get("speaker_name"), r.get("speaker_code")
    out["speaker"] = ({"name": spk[0], "code": spk[1], "span": _pair(r, "speaker_start", "speaker_end")}
                      if any(spk) else None)
    out["span"] = [r.get("span_start"), r.get("span_end")]
    out["cue_span"] = _pair(r, "cue_start", "cue_end")
    return out


def actor_out(r: dict[str, Any]) -> dict[str, Any]:
    """An article's actor with every mention as a [start, end) pair."""
    out = {k: v for k, v in r.items() if k not in ("spans", "article_id", "mentions")}
    spans = r.get("spans") or []
    if isinstance(spans, str):
        spans = json.loads(spans)
    out["mentions"] = [list(s) for s in spans]
    return out
