"""One union-find, for every "these belong together" rule: mentions of one entity in an
article, entities of one identity across a corpus, reports of one event, copies of one text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable


class UnionFind:
    """Disjoint sets over any hashable items, created on first sight.

    ``union(a, b)`` makes ``b``'s root the root of both: pass the fuller name (or the earlier
    article) second and it names the group.
    """

    def __init__(self, items=()):
        self.parent: dict = {}
        for x in items:
            self.find(x)

    def find(self, x: Hashable):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> bool:
        """Join the groups of ``a`` and ``b``; False when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra] = rb
        return True

    def groups(self) -> list[list]:
        """The groups, each in the order its items were first seen, ordered by first item."""
        out: dict = defaultdict(list)
        for x in list(self.parent):
            out[self.find(x)].append(x)
        return list(out.values())
