"""Cutting article text into segments under overlapping actor, quote and event marks."""

from __future__ import annotations

from itertools import pairwise

from eventwire.serve.highlight import segments

TEXT = 'Lavrov said "we met Kerry today". Then he left.'


def test_serve_highlight_segments_cover_the_text_exactly() -> None:
    segs = segments(TEXT, [{"mentions": [[0, 6], [20, 25]]}], [{"n": 0, "span": [13, 31]}],
                    [{"id": "e1", "span": [0, 33], "trigger": [16, 19]}])
    assert "".join(s.text for s in segs) == TEXT
    assert [s.start for s in segs] == sorted(s.start for s in segs)
    assert all(a.end == b.start for a, b in pairwise(segs))


def test_serve_highlight_overlapping_marks_stack_on_one_segment() -> None:
    segs = segments(TEXT, [{"mentions": [[20, 25]]}], [{"n": 0, "span": [13, 31]}],
                    [{"id": "e1", "span": [0, 33], "trigger": [16, 19]}])
    kerry = next(s for s in segs if s.text == "Kerry")
    assert (kerry.actors, kerry.quotes, kerry.events, kerry.triggers) == ([0], [0], [0], [])
    assert kerry.classes == "actor quote event"
    met = next(s for s in segs if s.text == "met")
    assert met.classes == "quote event trigger"
    tail = segs[-1]
    assert tail.text == " Then he left." and tail.classes == ""


def test_serve_highlight_anchors_use_event_ids_and_quote_numbers() -> None:
    segs = segments(TEXT, [], [{"n": 4, "span": [13, 31]}], [{"id": "abc", "span": [0, 33]}])
    assert segs[0].anchors == ["ev-abc"]
    assert next(s for s in segs if s.start == 13).anchors == ["q-4"]


def test_serve_highlight_bad_spans_are_clipped_or_dropped() -> None:
    segs = segments("short", [{"mentions": [[3, 99], [7, 9], [4, 2]]}], [{"span": [None, None]}], [{"span": []}])
    assert "".join(s.text for s in segs) == "short"
    assert [s.text for s in segs if s.actors] == ["rt"]


def test_serve_highlight_empty_text_has_no_segments() -> None:
    assert segments("", [{"mentions": [[0, 3]]}], [], []) == []
