"""Views of the sentiment scores: a line per article saying how negative it is, and the most
negative and positive sentences (of one article or of a corpus)."""

from __future__ import annotations

import pandas as pd

from ..sentiment import DEFAULT_METHOD, POLARITY_THRESHOLD
from .frames import sentence_keys, with_article

__all__ = ["describe", "extremes"]


def describe(articles: pd.DataFrame, *, method: str = DEFAULT_METHOD) -> str:
    """One line per article: its score and the shares of negative and positive sentences."""
    lines = []
    for r in articles.itertuples():
        if pd.isna(r.sentiment):
            lines.append(f"{r.article_id}: no sentences to score")
            continue
        tone = "negative" if r.sentiment <= -POLARITY_THRESHOLD else (
            "positive" if r.sentiment >= POLARITY_THRESHOLD else "mixed or neutral")
        lines.append(
            f"{r.article_id}: article score {r.sentiment:+.2f} ({tone}; mean of its body sentence "
            f"scores, method '{method}'); {r.share_negative:.0%} of sentences negative, "
            f"{r.share_positive:.0%} positive (|score| >= {POLARITY_THRESHOLD})")
    return "\n".join(lines)


def extremes(sentences: pd.DataFrame, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences, with their scores (led by
    ``article_id`` when the sentences are of several articles)."""
    cols = with_article(sentences, ["sent_id", "role", "sentiment", "text", "start", "end"])
    neg = sentences.nsmallest(n, "sentiment")
    pos = sentences.nlargest(n, "sentiment")
    negative = set(sentence_keys(neg))
    in_both = pd.Series([k in negative for k in sentence_keys(pos)], index=pos.index, dtype=bool)
    pos = pos[~in_both]
    out = pd.concat([neg.assign(side="most negative"), pos.assign(side="most positive")])
    return out[["side", *cols]].reset_index(drop=True)
