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


def entity_sentiment(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentiment toward each canonical entity: mean and spread of the sentences mentioning it.

    A sentence that mentions an entity twice counts once for it.

    Args:
        mentions: frame with ``article_id``, ``sent_id``, ``entity``.
        sentences: frame with ``article_id``, ``sent_id``, ``sentiment``.

    Returns:
        Frame ``article_id, entity, sentiment, sentiment_std, n_sentences`` (``sentiment_std`` is
        0.0 for an entity seen in one sentence).
    """
    cols = ["article_id", "entity", "sentiment", "sentiment_std", "n_sentences"]
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c.startswith("sent") else "object")
                             for c in cols}).astype({"n_sentences": "int64"})
    pairs = mentions[["article_id", "sent_id", "entity"]].drop_duplicates()
    joined = pairs.merge(sentences[["article_id", "sent_id", "sentiment"]], on=["article_id", "sent_id"])
    grouped = joined.groupby(["article_id", "entity"], observed=True)["sentiment"]
    out = grouped.agg(sentiment="mean", sentiment_std=lambda s: float(s.std(ddof=0)),
                      n_sentences="size").reset_index()
    return out[cols]
