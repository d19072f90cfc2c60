"""Paragraph batches bounded by count and by characters: the parser's working memory follows a batch's words."""

from __future__ import annotations

from eventwire.nlp.model import _by_size


def test_model_batches_bounded_by_count_and_characters() -> None:
    items = [("x" * n, i) for i, n in enumerate([10, 10, 10, 50, 5, 200, 1, 1])]
    groups = list(_by_size(items, count=3, chars=60))
    assert [p for g in groups for p in g] == items  # every paragraph once, in order
    assert all(len(g) <= 3 for g in groups)
    # a group passes the character bound only when it holds one paragraph longer than the bound
    assert all(sum(len(t) for t, _ in g) <= 60 or len(g) == 1 for g in groups)
    assert [len(g) for g in groups] == [3, 2, 1, 2]
    assert list(_by_size([], count=3, chars=60)) == []
