"""The REST API under ``/api/v1``: read-only over the store, one short-lived connection per request."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from . import service
from .access import StoreAccess, StoreView
from .errors import ApiError
from .lexicon import lookup
from .params import (
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
from .schemas import (
    ActorOut,
    Alerts,
    ArticleAnalysis,
    ArticleOut,
    DyadOut,
    ErrorResponse,
    EventDetail,
    EventOut,
    Network,
    Page,
    PlacesOut,
    QuoteOut,
    Stats,
    Timeline,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    414: {"model": ErrorResponse, "description": "the URL is too long"},
    422: {"model": ErrorResponse, "description": "a parameter is invalid (the error names it)"},
    503: {"model": ErrorResponse, "description": "the store is being written and no snapshot exists yet, or is missing"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse, "description": "no such id"}}

router = APIRouter(prefix="/api/v1", responses=ERRORS)


def store_view(request: Request, response: Response) -> Iterator[StoreView]:
    """A read-only view of the store for one request; marks answers read from a snapshot."""
    access: StoreAccess = request.app.state.access
    with access.view() as view:
        if view.snapshot_time is not None:
            response.headers["X-Eventwire-Snapshot"] = time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                      time.gmtime(view.snapshot_time))
        yield view


View = Annotated[StoreView, Depends(store_view)]
Id = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


@router.get("/stats", response_model=Stats, summary="Counts and date range of the store")
def get_stats(view: View) -> dict[str, Any]:
    return {**service.stats(view.store), "snapshot": view.is_snapshot}


@router.get("/articles", response_model=Page[ArticleOut], summary="Articles, newest first")
def list_articles(view: View, p: Annotated[ArticleParams, Query()]) -> dict[str, Any]:
    return service.articles(view.store, p)


# `:path`: an id the input gave may hold "/" (the store keeps ids as given); a plain parameter would 404 it.
@router.get("/articles/{article_id:path}", response_model=ArticleAnalysis, responses=NOT_FOUND,
            summary="One article's full analysis: text, actors, events and quotes with spans")
def get_article(view: View, article_id: Id) -> dict[str, Any]:
    return service.article(view.store, article_id)


@router.get("/events", response_model=Page[EventOut], summary="Events, filtered as `eventwire events` does")
def list_events(view: View, p: Annotated[EventListParams, Query()]) -> dict[str, Any]:
    return service.events(view.store, p)


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND,
            summary="One event (by id or GLOBALEVENTID) with every mention of it")
def get_event(view: View, event_id: Id) -> dict[str, Any]:
    return service.event(view.store, event_id)


@router.get("/quotes", response_model=Page[QuoteOut], summary="Quotes with their speakers")
def list_quotes(view: View, p: Annotated[QuoteParams, Query()]) -> dict[str, Any]:
    return service.quotes(view.store, p)


@router.get("/actors", response_model=Page[ActorOut], summary="Actors across articles, most mentioned first")
def list_actors(view: View, p: Annotated[ActorParams, Query()]) -> dict[str, Any]:
    return service.actors(view.store, p)


@router.get("/dyads", response_model=Page[DyadOut], summary="Source-target actor pairs with counts and Goldstein")
def list_dyads(view: View, p: Annotated[DyadParams, Query()]) -> dict[str, Any]:
    return service.dyads(view.store, p)


@router.get("/timeline", response_model=Timeline,
            summary="Cooperation against conflict over time (QuadClass counts, Goldstein) for any event filter")
def get_timeline(view: View, p: Annotated[TimelineParams, Query()]) -> dict[str, Any]:
    return service.timeline(view.store, p)


@router.get("/places", response_model=PlacesOut, summary="Places of events with coordinates, for maps")
def list_places(view: View, p: Annotated[PlaceParams, Query()]) -> dict[str, Any]:
    return service.places(view.store, p)


@router.get("/network", response_model=Network, summary="The actor network: actors as nodes, dyads as edges")
def get_network(view: View, p: Annotated[NetworkParams, Query()]) -> dict[str, Any]:
    return service.network(view.store, p)


@router.get("/alerts", response_model=Alerts,
            summary="Early warning: dyads whose asserted events turned toward conflict (escalation) or back")
def list_alerts(view: View, p: Annotated[AlertParams, Query()]) -> dict[str, Any]:
    return service.alerts(view.store, p)


@router.get("/lexicon/{rule}", responses=NOT_FOUND,
            summary="The codebook entry behind a rule id (Event.rule) and the mentions it coded")
def get_lexicon(view: View, rule: Id) -> dict[str, Any]:
    entries = lookup(rule)
    used = service.rule(view.store, rule, limit=20)
    if not entries and not used["total"]:
        raise ApiError(404, "not_found", f"no codebook entry and no stored event has the rule {rule!r}")
    return {"rule": rule, "entries": entries, "mentions": used["items"], "total": used["total"]}
