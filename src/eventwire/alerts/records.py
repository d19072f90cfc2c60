"""Typed records of the alerts stage: the settings, a dyad's window statistics, and an alert."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Kind = Literal["escalation", "de-escalation"]
By = Literal["day", "week", "month"]
Level = Literal["country", "actor"]

#: The most event ids one alert carries (the strongest first); ``events_total`` says how many there were.
MAX_EVENT_IDS = 50


@dataclass(frozen=True)
class Settings:
    """How sensitive detection is. The defaults are the operating point measured in docs/alerts.md.

    - baseline: periods before a candidate turn that form the baseline.
    - recent: periods from the turn on that form the recent window (fewer at the end of the series).
    - min_baseline, min_recent: events each window needs before a turn can be claimed: a dyad seen
      three times is no series.
    - threshold: the score (a z statistic) an alert needs.
    - min_shift: the least change of mean Goldstein, in Goldstein points, that counts as a turn
      (unless the conflict share moves by ``min_share`` or more).
    - min_share: the least change of conflict share (0..1) that counts as a turn on its own.
    """

    baseline: int = 8
    recent: int = 8
    min_baseline: int = 6
    min_recent: int = 4
    threshold: float = 3.5
    min_shift: float = 2.0
    min_share: float = 0.3


@dataclass(frozen=True)
class Window:
    """Asserted events of one dyad over a run of periods: how many, their mean Goldstein and conflict share."""

    events: int
    goldstein: float | None
    conflict_share: float | None
    first: date | None = None  # the first period of the window
    last: date | None = None  # the last period of the window

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events,
                "goldstein": None if self.goldstein is None else round(self.goldstein, 3),
                "conflict_share": None if self.conflict_share is None else round(self.conflict_share, 3),
                "from": self.first.isoformat() if self.first else None,
                "to": self.last.isoformat() if self.last else None}


@dataclass(frozen=True)
class Alert:
    """A dyad turning toward conflict (``escalation``) or away from it (``de-escalation``).

    ``start`` is the first period of the change; ``baseline`` the periods before it, ``recent`` the
    periods from it on. ``events`` are the ids of the recent events that pull in the alert's direction
    (conflict events for an escalation, cooperative ones for a de-escalation), strongest first, at most
    ``MAX_EVENT_IDS``; ``events_total`` counts them all.
    """

    source: str
    target: str
    kind: Kind
    start: date
    baseline: Window
    recent: Window
    score: float
    events: tuple[str, ...]
    events_total: int
    by: By = "week"
    level: Level = "country"
    both_ways: bool = False
    method: str = "window"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of docs/output.md (``eventwire alerts --json``, ``/api/v1/alerts``)."""
        return {"source": self.source, "target": self.target, "kind": self.kind, "start": self.start.isoformat(),
                "by": self.by, "level": self.level, "both_ways": self.both_ways,
                "baseline": self.baseline.to_dict(), "recent": self.recent.to_dict(),
                "score": round(self.score, 3), "events": list(self.events), "events_total": self.events_total,
                "method": self.method}
