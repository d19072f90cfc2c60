"""The bundled sample articles: the main job's default input, with their publication dates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .config import Config
from .ingest import read_path
from .models import Document


def samples_dir() -> Path:
    return Path(str(resources.files("eventwire") / "samples"))


def sample_documents(config: Config | None = None) -> Iterator[Document]:
    """Each sample article as a Document dated from ``samples/published.json``."""
    folder = samples_dir()
    dates: dict[str, str] = json.loads((folder / "published.json").read_text(encoding="utf-8"))
    for path in sorted(folder.glob("*.txt")):
        yield from read_path(path, config or Config(), published=dates.get(path.name))
