"""The single-writer rule: the server reads between writes, and from a snapshot while a writer holds the store."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import serve_store as S
from fastapi.testclient import TestClient

from eventwire.serve import create_app
from eventwire.serve.access import StoreAccess, StoreBusy, StoreUnavailable

WRITER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])          # read-write: takes the file lock
    con.execute("INSERT INTO articles (id, status, reason) VALUES ('written-while-locked', 'skipped', 'test')")
    print("locked", flush=True)
    sys.stdin.readline()                       # hold the lock until the test closes stdin
    con.close()
""")


@contextmanager
def writer(db: Path) -> Iterator[None]:
    """Another process holding the store open for writing (as `eventwire run` does)."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return S.build_store(tmp_path / "store.duckdb")


def test_serve_access_reads_a_snapshot_while_a_writer_holds_the_store(db: Path) -> None:
    client = TestClient(create_app(db, token=None))
    assert client.get("/api/v1/stats").json()["articles"] == S.ARTICLES  # live; a snapshot is taken
    with writer(db):
        r = client.get("/api/v1/stats")
        assert r.status_code == 200
        assert r.json()["snapshot"] is True
        assert r.json()["articles"] == S.ARTICLES  # the consistent view from before the write
        assert "x-eventwire-snapshot" in r.headers
        assert client.get("/api/v1/health").json()["store"] == "snapshot"
        page = client.get("/", headers={"accept": "text/html"})
        assert page.status_code == 200 and 'data-testid="snapshot-banner"' in page.text
    r = client.get("/api/v1/stats")  # the writer is gone: live again, with its article
    assert r.json() | {"snapshot": False} == r.json()
    assert r.json()["articles"] == S.ARTICLES + 1
    assert "x-eventwire-snapshot" not in r.headers


def test_serve_access_without_snapshot_answers_503_in_the_error_shape(db: Path) -> None:
    client = TestClient(create_app(db, token=None, snapshot=False))
    with writer(db):
        r = client.get("/api/v1/events")
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "store_busy"
        assert "eventwire run" in r.json()["error"]["message"]
        assert r.headers["retry-after"]
        assert client.get("/api/v1/health").json()["store"] == "busy"
        html = client.get("/timeline", headers={"accept": "text/html"})
        assert html.status_code == 503 and "store_busy" in html.text
    assert client.get("/api/v1/events").status_code == 200


def test_serve_access_first_request_during_a_write_is_503_not_500(db: Path) -> None:
    client = TestClient(create_app(db, token=None))  # never read before: no snapshot yet
    with writer(db):
        assert client.get("/api/v1/dyads").status_code == 503


def test_serve_access_holds_no_connection_between_requests(db: Path) -> None:
    client = TestClient(create_app(db, token=None, snapshot=False))
    assert client.get("/api/v1/stats").status_code == 200
    # A writer can take the store right after a request: the server keeps nothing open.
    with writer(db):
        pass


def test_serve_access_missing_store_is_unavailable(tmp_path: Path) -> None:
    access = StoreAccess(tmp_path / "absent.duckdb")
    with pytest.raises(StoreUnavailable, match="eventwire run"), access.view():
        pass
    client = TestClient(create_app(tmp_path / "absent.duckdb", token=None))
    r = client.get("/api/v1/stats")
    assert r.status_code == 503 and r.json()["error"]["code"] == "store_unavailable"


def test_serve_access_store_at_an_old_schema_is_unavailable(tmp_path: Path) -> None:
    import duckdb

    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute("CREATE TABLE articles (id VARCHAR, status VARCHAR)")  # a version-1 store, never migrated
    con.close()
    with pytest.raises(StoreUnavailable, match="version"), StoreAccess(old).view():
        pass


def test_serve_access_busy_is_an_exception_the_app_maps(db: Path) -> None:
    access = StoreAccess(db, snapshot=False, retries=1)
    with writer(db), pytest.raises(StoreBusy), access.view():
        pass
