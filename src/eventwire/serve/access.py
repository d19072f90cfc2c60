"""Read-only access to the store for the server, respecting DuckDB's single-writer rule.

DuckDB lets one process open a database file for writing, or any number of processes open it
read-only, never both. So the server holds no connection between requests: each request opens a
short-lived read-only connection and closes it, and ``eventwire run`` can take the write lock
whenever no request is being answered.

While a writer holds the lock, a request cannot open the live file. Rather than fail, the server
answers from a *snapshot*: a copy of the database file taken the last time the live file was
readable and had changed (taken while our read-only connection holds the shared lock, so no
writer can be half-way through it). Every answer from a snapshot is a consistent view of the
store as it was at that moment, and says so (``StoreView.snapshot_time``). With no snapshot yet
(or snapshots turned off) the request gets ``StoreBusy``, which the API answers with 503.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import EventwireError
from ..store import Store

log = logging.getLogger("eventwire.serve")


class StoreBusy(Exception):
    """The store is locked by a writer and there is no snapshot to read instead."""


class StoreUnavailable(Exception):
    """The store file is missing or cannot be read at all."""


@dataclass
class StoreView:
    """One request's read-only store, and whether it reads a snapshot."""

    store: Store
    path: str
    snapshot_time: float | None = None  # epoch seconds when the snapshot was taken; None = live

    @property
    def is_snapshot(self) -> bool:
        return self.snapshot_time is not None


def is_lock_error(err: BaseException) -> bool:
    """True when DuckDB refused a connection because someone else holds the file for writing."""
    text = str(err).lower()
    return "lock" in text or "different configuration" in text


def _signature(path: Path) -> tuple[int, int, int, int]:
    """Changes whenever the database file or its write-ahead log changes."""
    st = path.stat()
    wal = path.with_name(path.name + ".wal")
    wst = wal.stat() if wal.exists() else None
    return (st.st_mtime_ns, st.st_size, wst.st_mtime_ns if wst else 0, wst.st_size if wst else 0)


def _wrap(con: duckdb.DuckDBPyConnection, path: Path) -> Store:
    """The store API over a read-only connection; a store at another schema version is unavailable."""
    try:
        return Store.from_connection(con, str(path))
    except EventwireError as err:
        con.close()
        raise StoreUnavailable(str(err)) from err


class StoreAccess:
    """Opens read-only views of one database file, falling back to a snapshot while it is locked.

    ``retries`` short waits (``retry_wait`` seconds each) are tried before giving up on the live
    file, because a writer that commits per batch releases the lock often.
    """

    def __init__(self, path: str | Path, snapshot: bool = True, retries: int = 3, retry_wait: float = 0.1) -> None:
        self.path = Path(path)
        self.snapshot = snapshot
        self.retries = max(1, retries)
        self.retry_wait = retry_wait
        self._lock = threading.Lock()
        self._snap_dir: Path | None = None
        self._snap_path: Path | None = None
        self._snap_sig: tuple[int, int, int, int] | None = None
        self._snap_time: float | None = None
        self._snap_serial = 0

    @contextmanager
    def view(self) -> Iterator[StoreView]:
        """A read-only view for the duration of one request."""
        v = self._open()
        try:
            yield v
        finally:
            v.store.close()

    def _open(self) -> StoreView:
        if not self.path.exists():
            raise StoreUnavailable(f"no store at {self.path}; run `eventwire run --db {self.path}` first")
        last: Exception | None = None
        for attempt in range(self.retries):
            try:
                con = duckdb.connect(str(self.path), read_only=True)
            except duckdb.Error as err:
                if not is_lock_error(err):
                    raise StoreUnavailable(f"the store {self.path} cannot be read: {err}") from err
                last = err
                if attempt + 1 < self.retries:
                    time.sleep(self.retry_wait)
                continue
            store = _wrap(con, self.path)
            if self.snapshot:
                try:
                    self._refresh_snapshot()
                except OSError as err:  # a full disk must not stop the live answer
                    log.warning("could not snapshot %s: %s", self.path, err)
            return StoreView(store, str(self.path))
        return self._open_snapshot(last)

    def _open_snapshot(self, cause: Exception | None) -> StoreView:
        with self._lock:
            snap, taken = self._snap_path, self._snap_time
        if snap is None or taken is None:
            raise StoreBusy(f"the store {self.path} is being written by another process (eventwire run?)"
                            " and no snapshot of it was taken yet; retry when the run has finished") from cause
        try:
            con = duckdb.connect(str(snap), read_only=True)
        except duckdb.Error as err:
            raise StoreBusy(f"the store {self.path} is being written and its snapshot cannot be read: {err}") from err
        return StoreView(_wrap(con, self.path), str(snap), snapshot_time=taken)

    def _refresh_snapshot(self) -> None:
        """Copy the live file when it changed since the last copy.

        Called while this request's read-only connection is open, so the shared lock keeps any
        writer out and the copy is of a closed, consistent file.
        """
        try:
            sig = _signature(self.path)
        except OSError:
            return
        with self._lock:
            if sig == self._snap_sig:
                return
            if self._snap_dir is None:
                self._snap_dir = Path(tempfile.mkdtemp(prefix="eventwire-serve-"))
            self._snap_serial += 1
            # A new name per copy: DuckDB caches open databases by path, and a request may still
            # be reading the previous copy.
            dest = self._snap_dir / f"snapshot-{self._snap_serial}.duckdb"
            shutil.copyfile(self.path, dest)
            wal = self.path.with_name(self.path.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, dest.with_name(dest.name + ".wal"))
            old = self._snap_path
            self._snap_path, self._snap_sig, self._snap_time = dest, sig, time.time()
        if old is not None:
            for p in (old, old.with_name(old.name + ".wal")):
                # Unlinking a file another thread still reads is safe on POSIX; elsewhere keep it.
                if os.name == "posix" and p.exists():
                    p.unlink()

    def close(self) -> None:
        """Remove the snapshot copies."""
        with self._lock:
            if self._snap_dir is not None:
                shutil.rmtree(self._snap_dir, ignore_errors=True)
            self._snap_dir = self._snap_path = self._snap_sig = self._snap_time = None
