"""Stable document ids: the same input always gets the same id, so reruns add nothing."""

from __future__ import annotations

import hashlib


def stable_id(*parts: str | None) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update((p or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]
