"""The build tools under tools/ are scripts, not a package: their folder goes on sys.path for these tests."""

from __future__ import annotations

import sys

from sharedkit import ROOT

sys.path.insert(0, str(ROOT / "tools"))
