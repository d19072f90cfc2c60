"""The dashboard: server-rendered pages over the same service functions as the API.

Pages take the API's parameters from their forms (empty fields count as absent) and render the
API's own answers, so what a chart shows is what ``/api/v1`` returns for the same filters.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from ..store import Store
from ..store.queries import PLACE_HOWS
from . import service
from .access import StoreView
from .alert_view import cards as alert_cards
from .api import Id, View
from .charts import QUAD_NAMES, goldstein_class, map_chart, timeline_chart
from .errors import ApiError
from .highlight import segments
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
    from_form,
)

router = APIRouter(include_in_schema=False)
P = TypeVar("P", bound=BaseModel)


def _render(request: Request, view: StoreView | None, name: str, **ctx: Any) -> Response:
    snap = None
    if view is not None and view.snapshot_time is not None:
        snap = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(view.snapshot_time))
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, {"snapshot": snap, "quad_names": QUAD_NAMES,
                                                      "gclass": goldstein_class, **ctx})


def _form(request: Request, model: type[P]) -> P:
    return from_form(model, dict(request.query_params))


def _pager(request: Request, page: dict[str, Any]) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the other parameters."""
    limit, offset, total = page["limit"], page["offset"], page["total"]

    def link(off: int) -> str:
        return str(request.url.include_query_params(offset=off, limit=limit))

    return {"from": offset + 1 if total else 0, "to": min(offset + limit, total), "total": total,
            "prev": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None}


def _list_page(request: Request, view: StoreView, model: type[P], answer: Callable[[Store, P], dict[str, Any]],
               template: str) -> Response:
    """A paged table: the form's parameters, the API's page for them, and links to the pages around it."""
    p = _form(request, model)
    page = answer(view.store, p)
    return _render(request, view, template, p=p, page=page, pager=_pager(request, page))


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, view: View) -> Response:
    stats = service.stats(view.store)
    dy = service.dyads(view.store, DyadParams(limit=10))
    ev = service.events(view.store, EventListParams(limit=10, sort="-date"))
    ac = service.actors(view.store, ActorParams(limit=10))
    try:
        tl = service.timeline(view.store, TimelineParams())
    except ApiError:  # events over more than MAX_PERIODS months (a date read wrong, centuries back): by year
        tl = service.timeline(view.store, TimelineParams(by="year"))
    return _render(request, view, "overview.html", stats=stats, dyads=dy, events=ev, actors=ac, timeline=tl,
                   chart=timeline_chart(tl["buckets"], height=220))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, view: View) -> Response:
    return _list_page(request, view, EventListParams, service.events, "events.html")


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request, view: View) -> Response:
    return _list_page(request, view, DyadParams, service.dyads, "dyads.html")


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, view: View) -> Response:
    p = _form(request, TimelineParams)
    tl = service.timeline(view.store, p)
    top = service.dyads(view.store, DyadParams(limit=12, level="code"))["items"]
    return _render(request, view, "timeline.html", p=p, tl=tl, chart=timeline_chart(tl["buckets"]), top_dyads=top)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, view: View) -> Response:
    p = _form(request, NetworkParams)
    net = service.network(view.store, p)
    return _render(request, view, "network.html", p=p, net=net)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, view: View) -> Response:
    p = _form(request, PlaceParams)
    pl = service.places(view.store, p)
    # Links that keep the other filters and set (or drop) the evidence filter; relative, like every link here.
    rest = {k: v for k, v in request.query_params.items() if k != "how"}
    how_links = {h: "/map?" + urlencode({**rest, "how": h} if h else rest) for h in ("", *PLACE_HOWS)}
    return _render(request, view, "map.html", p=p, pl=pl, chart=map_chart(pl["items"]), how_links=how_links)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, view: View) -> Response:
    p = _form(request, AlertParams)
    found, series = service.alert_list(view.store, p)
    answer = {"total": len(found)}
    return _render(request, view, "alerts.html", p=p, answer=answer, cards=alert_cards(view.store, found, series))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, view: View) -> Response:
    return _list_page(request, view, ArticleParams, service.articles, "articles.html")


# `:path`: an id the input gave may hold "/" (the store keeps ids as given); a plain parameter would 404 it.
@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, view: View, article_id: Id) -> Response:
    art = service.article(view.store, article_id)
    segs = segments(art["text"], art["actors"], art["quotes"], art["events"])
    return _render(request, view, "article.html", art=art, segments=segs)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, view: View) -> Response:
    return _list_page(request, view, QuoteParams, service.quotes, "quotes.html")


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, view: View) -> Response:
    return _list_page(request, view, ActorParams, service.actors, "actors.html")


@router.get("/lexicon/{rule}", response_class=HTMLResponse)
def lexicon_page(request: Request, view: View, rule: Id) -> Response:
    return _render(request, view, "lexicon.html", rule=rule, entries=lookup(rule), used=service.rule(view.store, rule))
