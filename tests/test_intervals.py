"""intervals.Intervals answers "which spans hold X" exactly as a linear scan would."""

from __future__ import annotations

import random

from newsbench.intervals import Intervals


def test_overlapping_within_and_covering_match_a_scan():
    rng = random.Random(0)
    for _ in range(2000):
        spans = [(a, a + rng.randint(0, 20)) for a in (rng.randint(0, 100)
                                                        for _ in range(rng.randint(0, 30)))]
        index = Intervals(spans)
        s = rng.randint(0, 110)
        e = s + rng.randint(0, 15)
        assert sorted(index.overlapping(s, e)) == sorted(x for x in spans if x[1] > s and x[0] < e)
        assert sorted(index.within(s, e)) == sorted(x for x in spans if x[0] >= s and x[1] <= e)
        assert sorted(index.covering(s)) == sorted(x for x in spans if x[0] <= s < x[1])


def test_items_come_back_in_text_order():
    index = Intervals([(10, 20), (0, 5), (3, 12)], ["c", "a", "b"])
    assert index.overlapping(0, 30) == ["a", "b", "c"]
    assert index.covering(11) == ["b", "c"] and index.within(0, 12) == ["a", "b"]
