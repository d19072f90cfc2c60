"""`watch` reports the alerts its cycles bring to light, once each, and not the history it starts on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alertkit import COOPERATE, FIGHT, plan, turning_store

from eventwire.cli.watch import _line
from eventwire.config import Config
from eventwire.runners.watch import Cycle, Watcher
from eventwire.store import Store


def test_alerts_watch_reports_new_turns_once(tmp_path: Path) -> None:
    with Store(tmp_path / "w.duckdb") as store:
        watcher = Watcher([], store, Config())
        try:
            store.write_many(plan("USAGOV", "RUSGOV", range(10), COOPERATE))
            assert watcher.new_alerts() == []  # the first call learns what is there
            # Six weeks of fighting arrive: the turn is news, once.
            store.write_many(plan("USAGOV", "RUSGOV", range(10, 16), FIGHT))
            [alert] = watcher.new_alerts()
            assert (alert.source, alert.target, alert.kind) == ("USA", "RUS", "escalation")
            assert watcher.new_alerts() == []
        finally:
            watcher.close()


def test_alerts_watch_does_not_report_history(tmp_path: Path) -> None:
    # A store that already holds two turns when the watch starts: nothing of it is new.
    db = turning_store(tmp_path / "old.duckdb")
    with Store(db) as store:
        watcher = Watcher([], store, Config())
        try:
            assert watcher.new_alerts() == []
            assert watcher.new_alerts() == []
        finally:
            watcher.close()


def test_alerts_watch_cycle_line_lists_new_alerts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eventwire.alerts import alerts

    with Store(turning_store(tmp_path / "t.duckdb"), read_only=True) as store:
        found = alerts(store)
    cycle = Cycle(3, datetime.now(UTC), stored=2, alerts=found)
    _line(cycle, 60.0, last=True)
    err = capsys.readouterr().err
    assert f"{len(found)} new alerts" in err
    for a in found:
        assert f"{a.kind} {a.source}→{a.target} from {a.start.isoformat()}" in err
