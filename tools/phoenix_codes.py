"""Phoenix actor codes -> eventwire actor codes: which three-letter parts are CAMEO, and one role per code.

A CAMEO actor code is a chain of three-letter parts: a country or region (or a non-state kind such
as IGO, NGO, IMG), then types (roles), religions and known groups. Phoenix often stacks two roles
(``AZEGOVBUS``: a government minister of business); eventwire's convention is one role per code
(``codebook/actors/README.md``), so the first role is kept and later ones are dropped, except where
the pair names the legislature (``GOVLEG`` is a parliament or a member of one: ``LEG``).

A part is CAMEO when eventwire's own tables know it: ``codebook/cameo_actor_parts.tsv`` (GDELT's
country, type and known-group tables), the country codes of ``codebook/actors/*.tsv``, the codes
used by eventwire's hand-written actor tables, and CAMEO's religion codes (below). A code whose
first part is unknown (historical states such as USR or DDR, digits, odd lengths) is dropped; an
unknown later part ends the code (``IMGSEAMUSJMA`` -> ``IMGSEAMUS``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CODEBOOK = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "codebook"

# CAMEO's religion codes, as in GDELT's CAMEO.religion.txt lookup (not among ../shared/reference):
# the Phoenix dictionaries use them for religious agents ("BUDDHIST [~BUD]") and groups (IMGMUSALQ).
RELIGIONS = frozenset({"ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD", "ITR",
                       "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "MUS", "NRM", "PAG", "PRO", "SFI", "SHI", "SHN", "SIK",
                       "SUN", "TAO", "UDX", "ZRO"})
# First parts that name no country: an IGO, NGO, militarised group, company, movement.
NON_STATE = ("IGO", "NGO", "IMG", "MNC", "NGM", "INT")
# Two Phoenix roles that read as one other role in eventwire.
ROLE_PAIRS = {("GOV", "LEG"): "LEG"}
# A company with a country is that country's business (eventwire: "Malaysia Airlines" is MYSBUS).
COMPANY_ROLE = "BUS"


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (CODEBOOK / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


@dataclass(frozen=True)
class Parts:
    """The three-letter parts eventwire knows, by kind."""

    countries: frozenset[str]
    types: frozenset[str]
    groups: frozenset[str]
    iso_to_cameo: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def known_parts() -> Parts:
    countries: set[str] = set()
    types: set[str] = set()
    groups: set[str] = set()
    for r in _rows("cameo_actor_parts.tsv"):
        {"country": countries, "type": types, "knowngroup": groups}[r["kind"]].add(r["code"])
    for name in ("actors/countries.tsv", "actors/countries_supplement.tsv", "actors/peoples.tsv"):
        for r in _rows(name):
            countries.update(c for c in _chunks(r["code"]) if c.isalpha() and len(c) == 3)
    types.update(r["role"] for r in _rows("actors/roles.tsv") if r["role"] != "-")
    for name in ("actors/organisations.tsv", "actors/institutions.tsv"):
        for r in _rows(name):
            chunks = _chunks(r["code"].strip("-"))
            groups.update(c for c in chunks[1:] if c not in countries and c not in types and c not in RELIGIONS)
    iso = {r["iso3"]: r["cameo"] for r in _rows("actors/cameo_country_codes.tsv")}
    return Parts(frozenset(countries - types), frozenset(types), frozenset(groups), iso)


@dataclass(frozen=True)
class Code:
    """A converted code, or why there is none; ``shortened`` when an unknown later part was cut."""

    code: str | None
    why: str = ""
    shortened: bool = False


def convert(raw: str) -> Code:
    """A Phoenix code as eventwire writes it: 'AZEGOVBUS' -> AZEGOV, 'MNCUSA' -> USABUS, 'ELI' -> ---ELI."""
    parts = known_parts()
    code = raw.strip().strip("~").upper()
    if code in ("", "---"):
        return Code(None, "null code [---]")
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return Code(None, "code is not CAMEO (digits or length)")
    chunks = _chunks(code)
    first = parts.iso_to_cameo.get(chunks[0], chunks[0])
    if first in NON_STATE or first in parts.countries:
        out, rest = [first], chunks[1:]
    elif first in parts.types or first in RELIGIONS:
        out, rest = ["---"], chunks  # a role alone: any country
    else:
        return Code(None, "code is not CAMEO (unknown country part)")
    role: str | None = None
    shortened = False
    for c in rest:
        if c in parts.groups:
            out.append(c)
        elif c in parts.types:
            if role is None:
                role = c
                out.append(c)
            elif (role, c) in ROLE_PAIRS:
                out[out.index(role)] = role = ROLE_PAIRS[(role, c)]
        elif c in RELIGIONS or c in parts.countries:
            out.append(c)
        else:
            shortened = True
            break
    if out[0] == "MNC" and len(out) > 1 and out[1] in parts.countries:
        # A company of a country is that country's business, or of its named sector ("MNCUSAMED" -> USAMED).
        out = [out[1], role or COMPANY_ROLE]
    return Code("".join(out), shortened=shortened)


def role_of(raw: str) -> str | None:
    """An agent's role code: '~GOVFRM' -> GOV; a religion when no type is given ('~BUDEDU' -> EDU, '~BUD' -> BUD)."""
    parts = known_parts()
    chunks = _chunks(raw.strip().strip("~").upper())
    if any(len(c) != 3 or not c.isalpha() for c in chunks):
        return None
    roles = [c for c in chunks if c in parts.types]
    if len(roles) >= 2 and (roles[0], roles[1]) in ROLE_PAIRS:
        return ROLE_PAIRS[(roles[0], roles[1])]
    if roles:
        return roles[0]
    faiths = [c for c in chunks if c in RELIGIONS]
    return faiths[0] if faiths else None
