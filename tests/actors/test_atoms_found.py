"""The index of found atoms answers as the scans over the atom list it replaced (no model needed)."""

from __future__ import annotations

from eventwire.actors.atoms import Atom, _Found


def test_atoms_found_overlapping_and_last_starting_match_a_scan() -> None:
    atoms = [Atom(0, 2, "country"), Atom(3, 4, "role"), Atom(5, 8, "org"), Atom(9, 10, "country")]
    found = _Found(list(atoms))
    live = list(atoms)
    ops = [(3, 6, "person"), (3, 4, "org"), (9, 12, "person"), (0, 1, "org")]
    for start, end, kind in ops:
        scan = [a for a in live if a.start < end and a.end > start]
        assert sorted(map(id, found.overlapping(start, end))) == sorted(map(id, scan))
        assert found.last_starting(start) is {a.start: a for a in live}.get(start)
        if kind == "person":  # a person name drops the atoms inside it, as find_atoms does
            gone = [a for a in scan if a.start >= start and a.end <= end]
            found.drop(gone)
            live = [a for a in live if a not in gone]
        new = Atom(start, end, kind)
        found.add(new)
        live.append(new)
        assert found.live() == live
    assert [(a.start, a.end, a.kind) for a in found.live()] == [
        (0, 2, "country"), (5, 8, "org"), (3, 6, "person"), (3, 4, "org"), (9, 12, "person"), (0, 1, "org")]
