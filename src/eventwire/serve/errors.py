"""One error shape for the whole server: ``{"error": {"code", "message", "details"}}``.

API paths (``/api/...``) answer errors as JSON; dashboard pages answer them as an HTML page with
the same code and message. Nothing a client sends should reach the generic 500 handler: bad
parameters are 4xx, a store locked by a writer is 503.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError
from .access import StoreBusy, StoreUnavailable

log = logging.getLogger("eventwire.serve")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          406: "not_acceptable", 413: "payload_too_large", 414: "uri_too_long", 415: "unsupported_media_type",
          422: "invalid_parameter", 429: "too_many_requests", 500: "internal_error", 503: "store_busy"}


class ApiError(Exception):
    """An error with its HTTP status, stable code and a message that says what to do."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers


def error_payload(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def wants_html(request: Request) -> bool:
    """Dashboard pages get HTML errors; the API, its docs and everything else get JSON."""
    path = request.url.path
    if path.startswith(("/api", "/static", "/openapi", "/docs", "/redoc")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str,
                   details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None) -> Response:
    if wants_html(request):
        templates = getattr(request.app.state, "templates", None)
        if templates is not None:
            return templates.TemplateResponse(request, "error.html", {"status": status, "code": code,
                                              "message": message, "details": details or []},
                                              status_code=status, headers=headers)
        return HTMLResponse(f"<h1>{status} {code}</h1>", status_code=status, headers=headers)
    return JSONResponse(error_payload(code, message, details), status_code=status, headers=headers)


def _clean_details(errors: Any) -> list[dict[str, Any]]:
    """Validation errors as JSON-safe ``{"location", "parameter", "message"}`` records."""
    out = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ())]
        out.append({"location": loc[0] if loc else None, "parameter": ".".join(loc[1:]) or None,
                    "message": str(e.get("msg", "invalid value"))})
    return out


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise into the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        details = _clean_details(exc.errors())
        what = "; ".join(f"{d['parameter'] or d['location']}: {d['message']}" for d in details[:5])
        return error_response(request, 422, "invalid_parameter", f"invalid request: {what}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; see /docs for the API"
        return error_response(request, exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: StoreBusy) -> Response:
        return error_response(request, 503, "store_busy", str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(request: Request, exc: StoreUnavailable) -> Response:
        return error_response(request, 503, "store_unavailable", str(exc), headers={"Retry-After": "30"})

    @app.exception_handler(EventwireError)
    async def _eventwire(request: Request, exc: EventwireError) -> Response:
        if exc.code == "E041":  # the store refused a query: a filter it does not accept
            return error_response(request, 400, "bad_query", str(exc))
        if exc.code == "E040":
            return error_response(request, 503, "store_unavailable", str(exc), headers={"Retry-After": "30"})
        log.exception("eventwire error on %s", request.url.path)
        return error_response(request, 500, "internal_error", str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal_error",
                              f"the server failed on this request ({type(exc).__name__}); it is logged")
