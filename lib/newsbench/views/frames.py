"""What every view needs to read frames that may hold many articles."""

from __future__ import annotations

import pandas as pd


def several_articles(df: pd.DataFrame) -> bool:
    """True when ``df`` holds rows of more than one article."""
    return "article_id" in df.columns and df["article_id"].nunique() > 1


def with_article(df: pd.DataFrame, cols: list[str]) -> list[str]:
    """``cols``, led by ``article_id`` when ``df`` holds more than one article (a sentence or
    event number alone does not say where it is then)."""
    return ["article_id", *cols] if several_articles(df) else list(cols)


def sentence_key(row) -> tuple:
    """``(article_id, sent_id)`` of a row (from ``itertuples``): a sentence's place in a corpus."""
    return getattr(row, "article_id", None), int(row.sent_id)


def sentence_keys(df: pd.DataFrame) -> list[tuple]:
    """``(article_id, sent_id)`` of every row of ``df``."""
    aids = df["article_id"] if "article_id" in df.columns else [None] * len(df)
    return [(a, int(s)) for a, s in zip(aids, df["sent_id"])]
