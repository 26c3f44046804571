"""Character spans asked "which of you cover this?" many times: sorted once, each question a
binary search. Layers ask it per sentence, clause or mention; a linear scan each time made a
5 MB article quadratic."""

from __future__ import annotations

import bisect
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")


class Intervals(Generic[T]):
    """Half-open spans ``[start, end)``, each with an item (the span itself by default); spans
    may overlap or nest."""

    def __init__(self, spans: Iterable[tuple[int, int]], items: Iterable[T] | None = None):
        spans = list(spans)
        items = list(items) if items is not None else spans
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        self.spans = [spans[i] for i in order]
        self.items = [items[i] for i in order]
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []          # the furthest end of any span up to each one
        far = -1
        for _, e in self.spans:
            far = max(far, e)
            self.reach.append(far)

    def __len__(self) -> int:
        return len(self.spans)

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items of the spans sharing at least one character with ``[start, end)``, in order."""
        out = []
        j = bisect.bisect_left(self.starts, end) - 1
        while j >= 0 and self.reach[j] > start:
            s, e = self.spans[j]
            if e > start and s < end:
                out.append(self.items[j])
            j -= 1
        out.reverse()
        return out

    def covering(self, pos: int) -> list[T]:
        """Items of the spans holding the character at ``pos``."""
        return self.overlapping(pos, pos + 1)

    def within(self, start: int, end: int) -> list[T]:
        """Items of the spans lying inside ``[start, end]``, in order."""
        out = []
        for j in range(bisect.bisect_left(self.starts, start), len(self.spans)):
            s, e = self.spans[j]
            if s > end:
                break
            if e <= end:
                out.append(self.items[j])
        return out
