"""``POST /api/v1/analyze``: analyse documents sent in the request. Off unless a token is set.

The endpoint runs the whole pipeline (spaCy included) on the server's CPU, so it must not be open
to whoever can reach the port: it is enabled only when the environment variable
``EVENTWIRE_API_TOKEN`` is set when the app is created, and then every request must carry
``Authorization: Bearer <token>``. Disabled, it answers 404 and is left out of the OpenAPI document.
It returns analyses and stores nothing: the server never writes to the store.
"""

from __future__ import annotations

import hmac
import os
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request

from ..ingest.ids import stable_id
from ..models import Document
from ..pipeline import Pipeline
from .errors import ApiError
from .schemas import AnalyzeIn, AnalyzeOut, ErrorResponse

TOKEN_ENV = "EVENTWIRE_API_TOKEN"

_pipeline_lock = threading.Lock()  # spaCy pipelines are not meant to be shared between threads


def analysis_router(token: str | None) -> APIRouter:
    """The router of the analysis endpoint; ``token`` None (or empty) means disabled."""
    router = APIRouter(prefix="/api/v1")
    errors: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorResponse, "description": why} for code, why in (
            (401, "missing or wrong bearer token"), (404, "the endpoint is disabled (no EVENTWIRE_API_TOKEN)"),
            (413, "request body too large"), (422, "invalid documents"))}

    @router.post("/analyze", response_model=AnalyzeOut, responses=errors, include_in_schema=bool(token),
                 summary="Analyse up to 20 documents (needs the bearer token; stores nothing)")
    def analyze(body: AnalyzeIn, request: Request,
                authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        if not token:
            raise ApiError(404, "not_enabled", f"the analysis endpoint is disabled; start the server with {TOKEN_ENV}"
                           " set to a secret and send it as `Authorization: Bearer <secret>`")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError(401, "unauthorized", "this endpoint needs `Authorization: Bearer <EVENTWIRE_API_TOKEN>`",
                           headers={"WWW-Authenticate": "Bearer"})
        docs = []
        for n, d in enumerate(body.documents):
            if not (d.text or d.html):
                raise ApiError(422, "invalid_parameter", f"document {n} has neither `text` nor `html`",
                               [{"location": "body", "parameter": f"documents.{n}", "message": "text or html needed"}])
            docs.append(Document(id=d.id or stable_id(d.text or d.html or ""), text=d.text, html=d.html,
                                 title=d.title, published=d.published.isoformat() if d.published else None,
                                 url=d.url, source=d.source, origin=f"api:{n}"))
        with _pipeline_lock:
            pipe = getattr(request.app.state, "pipeline", None)
            if pipe is None:
                pipe = request.app.state.pipeline = Pipeline()
            analyses = [a.to_dict() for a in pipe.analyze(docs)]
        return {"analyses": analyses}

    return router


def token_from_env() -> str | None:
    """The token the endpoint needs, or None when it is disabled."""
    return os.environ.get(TOKEN_ENV) or None
