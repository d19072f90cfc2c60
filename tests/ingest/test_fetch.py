"""The HTTP fetcher through httpx.MockTransport: no network is ever touched."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from ingestkit import page

from eventwire.config import Config
from eventwire.errors import DocumentError
from eventwire.ingest import Fetcher, is_url

Handler = Callable[[httpx.Request], httpx.Response]


def fetcher(handler: Handler, sleeps: list[float] | None = None, **cfg: object) -> Fetcher:
    config = Config(**{"fetch_retries": 2, "fetch_backoff": 0.5, **cfg})  # type: ignore[arg-type]
    return Fetcher(config, transport=httpx.MockTransport(handler),
                   sleep=(sleeps.append if sleeps is not None else lambda s: None))


def html(body: str = page("belvale"), status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers={"content-type": "text/html; charset=utf-8", **headers}, text=body)


def test_fetch_gets_page_with_user_agent() -> None:
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        return html()

    got = fetcher(handler, user_agent="eventwire-test/1").get("https://news.example/a")
    assert got.is_html and b"Belvale" in got.content and got.url == "https://news.example/a"
    assert seen[0].headers["user-agent"] == "eventwire-test/1"


def test_fetch_follows_redirects_and_reports_final_url() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/old":
            return httpx.Response(301, headers={"location": "https://news.example/new"})
        return html()

    assert fetcher(handler).get("https://news.example/old").url == "https://news.example/new"


def test_fetch_404_fails_at_once_with_status() -> None:
    calls = []

    def handler(req: httpx.Request) -> httpx.Response:
        calls.append(req)
        return html("gone", status=404)

    with pytest.raises(DocumentError) as info:
        fetcher(handler).get("https://news.example/missing")
    assert info.value.code == "E011" and "HTTP 404" in str(info.value)
    assert len(calls) == 1


def test_fetch_retries_server_errors_with_backoff_then_succeeds() -> None:
    answers = [html("busy", status=503), html("busy", status=502), html()]
    sleeps: list[float] = []
    got = fetcher(lambda req: answers.pop(0), sleeps).get("https://news.example/a")
    assert got.is_html
    assert sleeps == [0.5, 1.0]  # doubled each time


def test_fetch_honours_retry_after() -> None:
    answers = [html("slow down", status=429, **{"retry-after": "3"}), html()]
    sleeps: list[float] = []
    fetcher(lambda req: answers.pop(0), sleeps).get("https://news.example/a")
    assert sleeps == [3.0]


def test_fetch_timeout_is_retried_then_reported() -> None:
    calls = []

    def handler(req: httpx.Request) -> httpx.Response:
        calls.append(req)
        raise httpx.ReadTimeout("too slow", request=req)

    with pytest.raises(DocumentError) as info:
        fetcher(handler, fetch_timeout=2.0).get("https://news.example/slow")
    assert len(calls) == 3
    message = str(info.value)
    assert info.value.code == "E011" and "timed out after 2 s" in message and "3 attempts" in message
    assert "fetch_timeout" in message  # the message says what to change


def test_fetch_connection_error_is_reported() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=req)

    with pytest.raises(DocumentError) as info:
        fetcher(handler, fetch_retries=0).get("https://news.example/")
    assert "ConnectError" in str(info.value)


def test_fetch_wrong_content_type_is_refused() -> None:
    handler: Handler = lambda req: httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF")  # noqa: E731
    with pytest.raises(DocumentError) as info:
        fetcher(handler).get("https://news.example/report.pdf")
    assert info.value.code == "E012" and "application/pdf" in str(info.value)


def test_fetch_size_cap_by_header_and_by_body() -> None:
    big = "x" * 5000
    declared: Handler = lambda req: html(big)  # noqa: E731 - httpx sets content-length
    with pytest.raises(DocumentError) as info:
        fetcher(declared, fetch_max_bytes=1000).get("https://news.example/big")
    assert info.value.code == "E004" and info.value.status == "skipped"

    def undeclared(req: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=iter([b"x" * 600] * 5))

    with pytest.raises(DocumentError) as info:
        fetcher(undeclared, fetch_max_bytes=1000).get("https://news.example/stream")
    assert info.value.code == "E004"


def test_fetch_refuses_what_is_not_an_http_url() -> None:
    f = fetcher(lambda req: html())
    for bad in ("ftp://news.example/a", "file:///etc/passwd", "news.example/a"):
        with pytest.raises(DocumentError):
            f.get(bad)
    assert is_url("https://a.example/x") and not is_url("a.txt") and not is_url("http://")


def test_fetch_client_is_closed_and_reopened() -> None:
    f = fetcher(lambda req: html())
    with f:
        f.get("https://news.example/a")
    assert f._client is None
    assert f.get("https://news.example/a").is_html
