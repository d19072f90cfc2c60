"""Early warning: alerts when a dyad turns toward conflict (escalation) or back (de-escalation).

Each dyad's series of asserted events per day, week or month (mean Goldstein, conflict share,
counts) is read from the store (:mod:`.series`), a change-detection method proposes turns
(:mod:`.methods`), and the turns with enough evidence become :class:`Alert` records
(:mod:`.detect`). The method and its settings were chosen by measurement: see docs/alerts.md.
"""

from .detect import DEFAULT_METHOD, alerts, find_alerts
from .methods import METHODS, Change
from .records import MAX_EVENT_IDS, Alert, Settings, Window
from .series import LEVELS, PERIODS, DyadSeries, Period, Point, build_series, load_series

__all__ = ["DEFAULT_METHOD", "LEVELS", "MAX_EVENT_IDS", "METHODS", "PERIODS", "Alert", "Change", "DyadSeries",
           "Period", "Point", "Settings", "Window", "alerts", "build_series", "find_alerts", "load_series"]
