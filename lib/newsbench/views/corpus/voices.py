"""Who a corpus quotes most, and which sources quote them.

A speaker is read by its corpus identity (``speaker_id``, as in the ``mentions`` frame's
``entity_id``) when it has one, else by its words (``speaker``). A description ("a ministry
spokeswoman") is kept apart from names, under its own words: the same words in two articles
need not be the same person (``speaker_source`` says which rows are descriptions).
"""

from __future__ import annotations

import pandas as pd

from ...schema import QUOTE_KINDS
from ..voices import quote_words
from ._common import _empty, _int, per_source

__all__ = ["most_quoted", "quoted_by_source"]

_COLS = {"speaker_key": "string", "speaker": "string", "speaker_label": "string",
         "speaker_source": "string", "quotes": "int64", "articles": "int64", "words": "int64",
         "direct": "int64", "indirect": "int64", "mixed": "int64"}


def _keyed(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The attributed quotations of the listed articles, with ``speaker_key``."""
    df = quotes[quotes["speaker"].notna() & quotes["article_id"].isin(articles["article_id"])]
    df = df.copy()
    desc = (df["speaker_source"].astype("string") == "description").fillna(False)
    by_words = ("description:" + df["speaker"]).where(desc, "speaker:" + df["speaker"])
    df["speaker_key"] = df["speaker_id"].astype("string").where(
        df["speaker_id"].notna() & ~desc, by_words)
    df["is_description"] = desc
    return df


def _ranked(df: pd.DataFrame) -> pd.DataFrame:
    if df.empty:
        return _empty(_COLS)
    rows = []
    for key, g in df.groupby("speaker_key", sort=False):
        names = g["speaker"].value_counts()
        names = names[names == names.max()].sort_index()  # the most frequent; ties alphabetical
        labels = g["speaker_label"].dropna()
        kinds = g["kind"].astype("string").value_counts()
        rows.append({"speaker_key": key, "speaker": names.index[0],
                     "speaker_label": labels.mode().iloc[0] if len(labels) else pd.NA,
                     "speaker_source": "description" if g["is_description"].all() else "name",
                     "quotes": len(g), "articles": g["article_id"].nunique(),
                     "words": int(sum(quote_words(q) for q in g["quote"])),
                     **{k: int(kinds.get(k, 0)) for k in QUOTE_KINDS}})
    out = pd.DataFrame(rows, columns=list(_COLS))
    out = out.sort_values(["quotes", "articles", "words", "speaker"],
                          ascending=[False, False, False, True])
    return out.reset_index(drop=True).astype(_COLS)


def most_quoted(quotes: pd.DataFrame, articles: pd.DataFrame, *, top_n: int = 10,
                descriptions: bool = True) -> pd.DataFrame:
    """The speakers a corpus quotes most.

    Args:
        quotes: the ``quotes`` frame of the corpus.
        articles: the ``articles`` frame: quotations of articles not in it are left out.
        top_n: speakers kept.
        descriptions: keep descriptions ("a ministry spokeswoman"), each under its own words.

    Returns:
        Frame ``speaker_key, speaker, speaker_label, speaker_source, quotes, articles, words,
        direct, indirect, mixed``, most quoted first (then in most articles): ``speaker_key`` is
        the corpus entity id, else ``speaker:<words>`` or ``description:<words>``; ``speaker``
        the words most often used for it; ``speaker_source`` ``name`` or ``description``;
        ``articles`` the distinct articles quoting it. ``attrs["unattributed"]`` counts the
        quotations with no speaker.

    Raises:
        ParameterError: ``top_n`` is not a whole number of at least 1.
    """
    top_n = _int("top_n", top_n)
    df = _keyed(quotes, articles)
    if not descriptions:
        df = df[~df["is_description"]]
    out = _ranked(df).head(top_n).reset_index(drop=True)
    listed = quotes["article_id"].isin(articles["article_id"])
    out.attrs["unattributed"] = int((quotes["speaker"].isna() & listed).sum())
    return out


def quoted_by_source(quotes: pd.DataFrame, articles: pd.DataFrame, *,
                     top_n: int = 10) -> pd.DataFrame:
    """How often each source quotes the most quoted speakers, per article of the source.

    Args:
        quotes: the ``quotes`` frame of the corpus.
        articles: the ``articles`` frame (``article_id``, ``source``): quotations of articles not
            in it are left out.
        top_n: the speakers kept, most quoted overall first.

    Returns:
        Frame ``speaker_key, speaker, source, quotes, n_articles, per_article`` for every
        speaker and source (zeros included), sources with most articles first; ``n_articles``
        counts the source's articles, ``per_article`` = quotes / n_articles.

    Raises:
        ParameterError: ``top_n`` is not a whole number of at least 1.
    """
    cols = {"speaker_key": "string", "speaker": "string", "source": "string", "quotes": "int64",
            "n_articles": "int64", "per_article": "float64"}
    top = most_quoted(quotes, articles, top_n=top_n)
    if top.empty:
        return _empty(cols)
    out = per_source(_keyed(quotes, articles), "speaker_key", top["speaker_key"], articles,
                     "quotes")
    out["speaker"] = out["speaker_key"].map(dict(zip(top["speaker_key"], top["speaker"])))
    return out[list(cols)].astype(cols)
