"""Sentiment: sentence scores, and paragraph and article scores built from them."""

from __future__ import annotations

import pandas as pd

from .errors import ParameterError
from .models import get_vader

METHODS = ("vader",)


def check_method(method: str) -> str:
    if method not in METHODS:
        raise ParameterError(f"method: '{method}' is not a sentiment method; use one of {', '.join(METHODS)}")
    return method


def score_texts(texts: list[str], *, method: str = "vader") -> pd.DataFrame:
    """Score each text.

    Returns:
        Frame with ``sentiment`` (-1..1), ``pos``, ``neg``, ``neu`` (proportions), one row per text.
    """
    check_method(method)
    sia = get_vader()
    rows = []
    for t in texts:
        s = sia.polarity_scores(t)
        rows.append((s["compound"], s["pos"], s["neg"], s["neu"]))
    return pd.DataFrame(rows, columns=["sentiment", "pos", "neg", "neu"], dtype="float64")


def aggregate(sentences: pd.DataFrame, by: str) -> pd.Series:
    """Mean sentence score per group (``para_id`` or ``article_id``); never saturates like a
    compound score of the whole text does."""
    return sentences.groupby(by, observed=True)["sentiment"].mean()
