"""Reading the Phoenix actor dictionaries (``*.actors.txt``) into records: names, codes and date ranges.

The format (PETRARCH-2 ``dictionaries.rst``, "Actor Dictionary", and its reader
``read_actor_dictionary``): a primary phrase, optionally ``[code]`` on the same line; ``+`` lines
are synonyms; lines starting with white space hold ``[code]`` or a date restriction
``[code YYMMDD-YYMMDD]``, ``[code >date]`` (from), ``[code <date]`` (until). Several primary lines
in a row with no code between them share the codes that follow (PETRARCH stores them under one
code index), so they form one record. Dates are YYMMDD (00-30 read as 20YY, else 19YY, as PETRARCH
does) or YYYYMMDD, and may be mixed. This reader keeps every bracket of a line (PETRARCH reads only
the first on a primary line), so ``ANN_VENEMAN_ [USAGOV 010120-050120] [IGOUNOKID >050501]`` keeps
both roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

BRACKET = re.compile(r"\[([^\]]*)\]")


@dataclass
class Restriction:
    """One ``[code ...]``: a dated role (``start``/``end`` as YYYY-MM-DD, open when empty) or a default."""

    code: str
    start: str = ""
    end: str = ""
    dated: bool = False
    broken: str = ""  # why the date could not be read


@dataclass
class Record:
    """One dictionary entry: its phrases (primary first), restrictions, and the primary line's comment."""

    names: list[str] = field(default_factory=list)
    codes: list[Restriction] = field(default_factory=list)
    comment: str = ""
    line: int = 0

    @property
    def entry(self) -> str:
        """The entry's name for provenance: the primary phrase as the dictionary writes it."""
        return self.names[0].strip().rstrip("_").replace(" ", "_")


def phoenix_date(text: str) -> str | None:
    """'930627' -> '1993-06-27', '080101' -> '2008-01-01', '19270101' -> '1927-01-01'; None when malformed."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


def restriction(body: str) -> Restriction:
    """The inside of one bracket: 'AFGGOV 331108-730717', 'BENGOV >081201', 'AFGELI'."""
    code, _, rest = body.strip().partition(" ")
    rest = rest.strip()
    if not rest:
        return Restriction(code)
    if m := re.fullmatch(r"([<>])\s*(\d+)", rest):
        day = phoenix_date(m.group(2))
        if day is None:
            return Restriction(code, dated=True, broken=f"malformed date {m.group(2)}")
        return Restriction(code, start=day, dated=True) if m.group(1) == ">" else Restriction(code, end=day, dated=True)
    if m := re.fullmatch(r"(\d+)\s*-\s*(\d+)", rest):
        a, b = phoenix_date(m.group(1)), phoenix_date(m.group(2))
        if a is None or b is None:
            return Restriction(code, dated=True, broken=f"malformed date {rest}")
        if b < a:
            return Restriction(code, dated=True, broken=f"range ends before it starts {rest}")
        return Restriction(code, start=a, end=b, dated=True)
    return Restriction(code, dated=True, broken=f"unreadable restriction {rest!r}")


def read_raw(path: Path) -> list[str]:
    """The file's lines; stray control bytes (lost accented letters) become U+FFFD."""
    text = path.read_bytes().decode("utf-8", errors="replace").replace("\x1a", "\ufffd")
    return text.splitlines()


def read_records(path: Path) -> list[Record]:
    """Every record of an actor dictionary, in file order."""
    records: list[Record] = []
    cur: Record | None = None
    for n, raw in enumerate(read_raw(path), 1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        if body[0] in " \t":
            if cur is not None:
                cur.codes.extend(restriction(b) for b in BRACKET.findall(body))
            continue
        phrase = body.split("[", 1)[0].split(";", 1)[0].strip()
        if body.startswith("+"):
            if cur is not None and phrase[1:].strip():
                cur.names.append(phrase[1:].strip())
            continue
        if cur is None or cur.codes:
            cur = Record(line=n)
            records.append(cur)
        cur.names.append(phrase)
        cur.comment = " ".join(filter(None, [cur.comment, comment.strip()]))
        cur.codes.extend(restriction(b) for b in BRACKET.findall(body))
    return records
