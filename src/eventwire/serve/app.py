"""The FastAPI application: REST API, OpenAPI docs and dashboard, read-only over one store.

``create_app(db)`` builds it; ``eventwire serve`` runs it with uvicorn. Everything the browser
loads comes from this app (``/static``), so the dashboard and the docs work with no internet.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..ingest.fetch import looks_like_url
from .access import StoreAccess, StoreBusy, StoreUnavailable
from .analyze import analysis_router, token_from_env
from .api import router as api_router
from .dashboard import router as dashboard_router
from .errors import error_payload, install_error_handlers

MAX_BODY = 1_048_576  # bytes; the only body the app takes is the analysis request
MAX_URL = 4096  # characters of path + query string
MAX_ACTIVE = 64  # requests answered at once; more get a 503 with Retry-After (LimitActive)
# Host names a server bound to a loopback address answers to (besides the address it is bound to).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

DESCRIPTION = """Read-only access to an eventwire store: articles, CAMEO events, quotes, actors, dyads,
timelines, places and the actor network, plus each article's full analysis with character spans.

* Every list is paged with `limit` (at most 500) and `offset`, and says its `total`; a timeline has
  at most 5000 periods (422 `range_too_large` beyond), an event at most 500 of its mentions.
* Past 64 requests at once the answer is 503 `busy` with `Retry-After`. `eventwire serve` answers
  only to the host names it listens on (421 `misdirected_request` otherwise; `--allow-host` adds some).
* Every error, 4xx or 5xx, has one shape: `{"error": {"code", "message", "details"}}`.
* The server never writes to the store. Each request opens a short read-only connection, so
  `eventwire run` can write between requests. While a run holds the store, answers come from the
  last snapshot (header `X-Eventwire-Snapshot`), or are 503 `store_busy` if there is none yet.
* `POST /api/v1/analyze` exists only when the server was started with `EVENTWIRE_API_TOKEN` set.
"""


class LimitRequests:
    """Refuses request bodies over ``max_body`` bytes (413) and URLs over ``max_url`` characters (414).

    The body is checked both by its Content-Length and while it streams, so a chunked upload
    without a length cannot get past the limit either.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, max_url: int = MAX_URL) -> None:
        self.app = app
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_len = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url_len > self.max_url:
            await self._refuse(send, 414, "uri_too_long", f"the URL is over {self.max_url} characters")
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    await self._refuse(send, 400, "bad_request", "the Content-Length header is not a number")
                    return
                if too_big:
                    await self._refuse(send, 413, "payload_too_large", f"the request body is over {self.max_body} bytes")
                    return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    # FastAPI re-raises an HTTPException from a body read (anything else becomes a 400),
                    # so the app's handler answers it in the one error shape.
                    raise HTTPException(413, f"the request body is over {self.max_body} bytes")
            return message

        await self.app(scope, limited_receive, send)

    @staticmethod
    async def _refuse(send: Send, status: int, code: str, message: str) -> None:
        await _refuse(send, status, code, message)


async def _refuse(send: Send, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
    """Answer in the one error shape from a plain ASGI middleware (before the app's handlers)."""
    resp = JSONResponse(error_payload(code, message), status_code=status, headers=headers)
    await send({"type": "http.response.start", "status": status, "headers": resp.raw_headers})
    await send({"type": "http.response.body", "body": resp.body})


def host_name(header: str) -> str:
    """The host of a Host header, without its port, lowercased (``[::1]:8000`` is ``::1``)."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class CheckHost:
    """Answers only requests whose Host header names this server (421 otherwise): against DNS rebinding.

    A web page can make a browser send requests to a name its attacker points at 127.0.0.1; the
    browser then treats the local server's answers as the page's own and lets it read them. The
    Host header still carries the attacker's name, so a server that answers only to its own names
    cannot be read that way. ``allowed`` holds the names (no ports); ``*`` allows any.
    """

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = {host_name(h) for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.allowed:
            header = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            if host_name(header) not in self.allowed:
                await _refuse(send, 421, "misdirected_request",
                              f"this server does not answer to the host {header[:100]!r}; start it with"
                              " `--allow-host NAME` to answer to that name")
                return
        await self.app(scope, receive, send)


class LimitActive:
    """At most ``max_active`` requests answered at once; the next gets 503 ``busy`` with Retry-After.

    Every request holds a thread and, often, a store connection: past the limit a client waits a
    moment and retries instead of the server queueing without bound. Uvicorn's own limit (a
    backstop for idle connections) answers in plain text, so this one, in the one error shape, is
    set below it.
    """

    def __init__(self, app: ASGIApp, max_active: int = MAX_ACTIVE) -> None:
        self.app = app
        self.max_active = max_active
        self.active = 0  # one event loop: no lock needed between the check and the increment

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.active >= self.max_active:
            await _refuse(send, 503, "busy", f"the server is answering {self.active} requests; retry in a second",
                          headers={"Retry-After": "1"})
            return
        self.active += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.active -= 1


def is_web_link(value: object) -> bool:
    """True for an http(s) URL: the only stored URLs the dashboard renders as links (not javascript: or data:)."""
    return isinstance(value, str) and looks_like_url(value)


class SecurityHeaders:
    """Adds the content security policy and related headers to every response (a plain ASGI
    middleware: Starlette's BaseHTTPMiddleware would swallow errors raised while a body streams)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [(b"content-security-policy", _csp(scope.get("path", "")).encode()),
                 (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *((k, v) for k, v in extra if k not in have)]
            await send(message)

        await self.app(scope, receive, with_headers)


def _csp(path: str) -> str:
    # Swagger UI boots from an inline script; the dashboard runs no inline script at all.
    script = "'self' 'unsafe-inline'" if path.startswith("/docs") else "'self'"
    return (f"default-src 'self'; script-src {script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            " connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")


def create_app(db: str | Path, *, snapshot: bool = True, token: str | bool | None = True,
               max_body: int = MAX_BODY, allowed_hosts: Iterable[str] | None = None,
               max_active: int = MAX_ACTIVE) -> FastAPI:
    """The app over the store at ``db``.

    ``token``: the analysis endpoint's token; True (default) reads ``EVENTWIRE_API_TOKEN`` from
    the environment, None or "" disables the endpoint. ``snapshot``: answer from a copy of the
    store while a writer holds it (see ``access.StoreAccess``). ``allowed_hosts``: the Host names
    answered (``CheckHost``); None answers any (``eventwire serve`` always passes its own list).
    ``max_active``: requests answered at once (``LimitActive``).
    """
    access = StoreAccess(db, snapshot=snapshot)
    api_token = token_from_env() if token is True else (token or None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(title="eventwire", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.access = access
    app.state.templates = Jinja2Templates(directory=str(resources.files("eventwire.serve") / "templates"))
    app.state.templates.env.globals["version"] = __version__
    app.state.templates.env.tests["web_link"] = is_web_link
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(analysis_router(api_token))
    app.include_router(dashboard_router)
    app.mount("/static", StaticFiles(directory=str(resources.files("eventwire.serve") / "static")), name="static")

    @app.get("/api/v1/health", tags=["meta"], summary="Liveness, and whether the store can be read now")
    def health() -> dict[str, Any]:
        try:
            with access.view() as view:
                state = "snapshot" if view.is_snapshot else "live"
        except StoreBusy:
            state = "busy"
        except StoreUnavailable:
            state = "unavailable"
        return {"status": "ok", "store": state, "version": __version__}

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/static/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None})

    app.add_middleware(SecurityHeaders)
    app.add_middleware(LimitRequests, max_body=max_body)
    app.add_middleware(LimitActive, max_active=max_active)
    if allowed_hosts is not None:
        app.add_middleware(CheckHost, allowed=allowed_hosts)  # added last: runs first
    return app
