"""``run`` while another process reads the store: it waits for the read lock to go, or says who holds it.

A second process holds a read-only DuckDB connection, as ``eventwire serve`` does while it answers
a request. The waits are driven by the test (a fake sleep and clock), never by the wall clock.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.runners.job import open_store
from eventwire.store import Store

HOLDER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("holding", flush=True)
sys.stdin.readline()  # hold the read lock until told to let go
con.close()
"""


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    db = tmp_path / "ew.duckdb"
    Store(db).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    try:
        yield db, proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_store_lock_a_run_waits_for_a_reader_to_let_go(reader: tuple[Path, subprocess.Popen[str]]) -> None:
    db, proc = reader
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # the first wait is when the reader finishes its request
        waits.append(seconds)
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.write("done\n")
            proc.stdin.flush()
            proc.wait()

    with open_store(db, wait=30, sleep=sleep) as store:
        assert not store.read_only
    assert len(waits) == 1  # refused once while the lock was held, then opened


def test_store_lock_held_too_long_says_who_holds_it(reader: tuple[Path, subprocess.Popen[str]]) -> None:
    db, proc = reader
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with pytest.raises(EventwireError) as info:
        open_store(db, wait=5, sleep=sleep, clock=lambda: now[0])
    message = str(info.value)
    assert info.value.code == "E040" and f"PID {proc.pid}" in message and "after 5 s" in message
    assert now[0] >= 5  # it did wait the whole time before giving up


def test_store_lock_other_open_errors_are_not_waited_for(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_bytes(b"this is not a DuckDB file" * 100)

    def sleep(seconds: float) -> None:
        raise AssertionError("no wait for an error that waiting does not cure")

    with pytest.raises(EventwireError) as info:
        open_store(bad, sleep=sleep)
    assert info.value.code == "E040"
