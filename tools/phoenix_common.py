"""What the Phoenix converters share: reading the dictionaries' line format, counting, writing TSV."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Count:
    """Entries of one dictionary form: how many became rows, how many were dropped and why."""

    dictionary: str
    form: str
    converted: int
    dropped: int
    why: str = ""


def read_lines(path: Path) -> list[str]:
    """The file's lines, comments and trailing blanks removed (``#`` starts a comment).

    The Phoenix files are UTF-8 except for a few stray control bytes standing for lost accented
    letters; those decode as U+FFFD and the words holding them are left to the converters to drop.
    """
    out = []
    for raw in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        out.append(line.replace("\x1a", "\ufffd"))
    return out


def words(phrase: str) -> str:
    """'SECRETARY_OF_STATE_' -> 'secretary of state': the dictionaries' phrase as lower-case words."""
    return " ".join(phrase.replace("_", " ").split()).lower()


def tsv(header: Sequence[str], rows: Iterable[Sequence[str]], comment: str) -> str:
    """A tab-separated file with a comment block, a header and sorted, de-duplicated rows."""
    clean = {tuple(str(c).replace("\t", " ").strip() for c in r) for r in rows}
    lines = [f"# {ln}".rstrip() for ln in comment.strip().splitlines()]
    lines.append("\t".join(header))
    lines.extend("\t".join(r) for r in sorted(clean))
    return "\n".join(lines) + "\n"
