"""POST /api/v1/analyze: off without a token, bearer-token protected, size-limited, stores nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import serve_store as S
from fastapi.testclient import TestClient

from eventwire.serve import create_app

DOC = {"id": "t1", "text": "The French foreign minister met his German counterpart in Berlin on Monday to discuss trade.",
       "published": "2025-05-05"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return S.build_store(tmp_path_factory.mktemp("analyze") / "store.duckdb")


def test_serve_analyze_is_disabled_without_a_token(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_API_TOKEN", raising=False)
    client = TestClient(create_app(db))
    r = client.post("/api/v1/analyze", json={"documents": [DOC]})
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_enabled"
    assert "EVENTWIRE_API_TOKEN" in r.json()["error"]["message"]
    assert "/api/v1/analyze" not in client.get("/openapi.json").json()["paths"]


def test_serve_analyze_reads_the_token_from_the_environment(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", "s3cret")
    client = TestClient(create_app(db))
    assert "/api/v1/analyze" in client.get("/openapi.json").json()["paths"]
    assert client.post("/api/v1/analyze", json={"documents": [DOC]}).status_code == 401


@pytest.mark.parametrize("header", [None, "Bearer wrong", "s3cret", "Basic s3cret", "Bearer "])
def test_serve_analyze_refuses_a_missing_or_wrong_token(db: Path, header: str | None) -> None:
    client = TestClient(create_app(db, token="s3cret"))
    headers = {"Authorization": header} if header is not None else {}
    r = client.post("/api/v1/analyze", json={"documents": [DOC]}, headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("body", [
    {}, {"documents": []}, {"documents": [{"title": "no text"}]}, {"documents": [DOC] * 21},
    {"documents": [{**DOC, "colour": "red"}]}, {"documents": [{**DOC, "published": "someday"}]}, [DOC],
])
def test_serve_analyze_bad_bodies_are_422(db: Path, body: object) -> None:
    client = TestClient(create_app(db, token="s3cret"))
    r = client.post("/api/v1/analyze", json=body, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_parameter"


def test_serve_analyze_refuses_bodies_over_the_limit(db: Path) -> None:
    client = TestClient(create_app(db, token="s3cret", max_body=2000))
    big = {"documents": [{"text": "word " * 1000}]}
    r = client.post("/api/v1/analyze", json=big, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


def test_serve_analyze_refuses_streamed_bodies_over_the_limit(db: Path) -> None:
    client = TestClient(create_app(db, token="s3cret", max_body=2000))

    def chunks():  # no Content-Length: the limit must hold while the body streams
        for _ in range(10):
            yield b"x" * 500

    r = client.post("/api/v1/analyze", content=chunks(), headers={"Authorization": "Bearer s3cret",
                                                                  "Content-Type": "application/json"})
    assert r.status_code == 413


def test_serve_analyze_returns_analyses_and_stores_nothing(db: Path, pipeline: object) -> None:
    client = TestClient(create_app(db, token="s3cret"))
    r = client.post("/api/v1/analyze", json={"documents": [DOC, {"text": ""}]},
                    headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422  # an empty text is not a document
    r = client.post("/api/v1/analyze", json={"documents": [DOC]}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200, r.text
    (a,) = r.json()["analyses"]
    assert a["id"] == "t1" and a["status"] == "ok" and a["published"] == "2025-05-05"
    assert a["text"].startswith("The French foreign minister")
    assert client.get("/api/v1/stats").json()["articles"] == S.ARTICLES
