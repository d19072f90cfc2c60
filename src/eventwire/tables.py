"""Loading the data under ``codebook/``: read once per process, cached, never hard-coded in logic."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


def codebook_path(name: str) -> Path:
    return Path(str(resources.files("eventwire") / "codebook" / name))


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a codebook text file."""
    text = codebook_path(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated codebook file with a header line; ``#`` lines are comments."""
    lines = [ln for ln in codebook_path(name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    def plover(self) -> dict[str, str | None]:
        return {"event": self.plover_event, "mode": self.plover_mode, "context": self.plover_context}


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code, by code."""
    out = {}
    for r in read_tsv("cameo_events.tsv"):
        out[r["code"]] = CameoCode(
            code=r["code"],
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            plover_event=r["plover_event"] or None,
            plover_mode=r["plover_mode"] or None,
            plover_context=r["plover_context"] or None,
        )
    return out
