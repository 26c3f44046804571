"""Small evaluation helpers shared by the benches and the regression tests."""

from __future__ import annotations

import math
from collections.abc import Sequence


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r (nan when either side is constant)."""
    n = len(x)
    if n != len(y) or n < 2:
        raise ValueError("pearson needs two sequences of the same length, at least 2")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else float("nan")


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = ("neg", "neu", "pos")) -> float:
    """Macro-averaged F1 over ``labels``."""
    scores = []
    for c in labels:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / len(scores)
