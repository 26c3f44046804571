"""Views of the sentiment scores: a line per article saying how negative it is, the most
negative and positive sentences (of one article or of a corpus), and emotion words per 1,000
words."""

from __future__ import annotations

import html

import pandas as pd

from ..errors import ParameterError
from ..schema import EMOTIONS
from ..sentiment import DEFAULT_METHOD, POLARITY_THRESHOLD, polarity
from .frames import report_table, sentence_keys, with_article, word_count

__all__ = ["describe", "emotion_rates", "extremes", "extremes_html"]

#: The sides of :func:`extremes`, with the polarity label each needs.
SIDES = {"most negative": "neg", "most positive": "pos"}
#: The two NRC polarity "emotions", shown apart from the eight feelings.
POLARITIES = ("negative", "positive")


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


def extremes(sentences: pd.DataFrame, *, n: int = 5,
             threshold: float = POLARITY_THRESHOLD) -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences, with their scores (led by
    ``article_id`` when the sentences are of several articles).

    Only sentences past the polarity threshold are listed (a score of ``-threshold`` or less
    is negative, ``+threshold`` or more positive: :func:`newsbench.sentiment.polarity`): an
    article with two positive sentences lists two, and one with none lists none, never a
    neutral or negative sentence as "most positive".

    Returns:
        Frame ``side, [article_id,] sent_id, role, sentiment, text, start, end``, the most
        negative first then the most positive. ``attrs``: ``threshold``, and ``negative`` and
        ``positive``, how many sentences are past the threshold on each side in all.
    """
    cols = with_article(sentences, ["sent_id", "role", "sentiment", "text", "start", "end"])
    labels = polarity(sentences["sentiment"], threshold=threshold).to_numpy()
    neg = sentences[labels == "neg"].nsmallest(n, "sentiment")
    pos = sentences[labels == "pos"].nlargest(n, "sentiment")
    negative = set(sentence_keys(neg))
    in_both = pd.Series([k in negative for k in sentence_keys(pos)], index=pos.index, dtype=bool)
    pos = pos[~in_both]
    out = pd.concat([neg.assign(side="most negative"), pos.assign(side="most positive")])
    out = out[["side", *cols]].reset_index(drop=True)
    out["side"] = out["side"].astype("string")
    out.attrs.update(threshold=threshold, negative=int((labels == "neg").sum()),
                     positive=int((labels == "pos").sum()))
    return out


def extremes_html(sentences: pd.DataFrame, *, n: int = 5,
                  threshold: float = POLARITY_THRESHOLD) -> str:
    """The two tables of :func:`extremes`, each under a line saying what it lists ("the 5 most
    negative of 12 negative sentences (score -0.2 or less)"), or saying "none" in words when
    no sentence is past the threshold on that side. Article text is HTML-escaped.
    """
    table = extremes(sentences, n=n, threshold=threshold)
    parts = []
    for side, label in SIDES.items():
        word = "negative" if label == "neg" else "positive"
        bound = f"score {-threshold:+.1f} or less" if label == "neg" else \
            f"score {threshold:+.1f} or more"
        rows = table[table["side"] == side].drop(columns="side")
        total = table.attrs[word]
        head = f"{side.capitalize()} sentences"
        if rows.empty:
            parts.append(f"<p><b>{head}</b>: none. No sentence is {word} ({bound}).</p>")
            continue
        which = (f"all {total} {word} sentence{'s' if total != 1 else ''}" if len(rows) == total
                 else f"the {len(rows)} most {word} of {total} {word} sentences")
        parts.append(f"<p><b>{head}</b>: {html.escape(which)} ({bound}).</p>")
        parts.append(report_table(rows).to_html())
    return "\n".join(parts)


def _total_words(emotions: pd.DataFrame, sentences: pd.DataFrame | None) -> int:
    if "words" in emotions.columns:
        return int(pd.to_numeric(emotions["words"], errors="coerce").fillna(0).sum())
    if sentences is None:
        raise ParameterError("emotion_rates: the emotions frame has no words column; pass the "
                             "sentences frame (sentences=an.sentences) to count the words")
    on = [c for c in ("article_id", "sent_id") if c in emotions.columns and c in sentences.columns]
    if "sent_id" in on:  # the words of the sentences the emotions were counted in
        sentences = sentences.merge(emotions[on].drop_duplicates(), on=on, how="inner")
    return sum(word_count(t) for t in sentences["text"])


def emotion_rates(emotions: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Words of each NRC emotion per 1,000 words of text, so a long article does not look more
    emotional than a short one.

    Args:
        emotions: the ``emotions`` frame (one row per sentence; its ``words`` column, the
            sentence's word count, is used when present).
        sentences: the ``sentences`` frame, to count the words in when ``emotions`` has no
            ``words`` column.

    Returns:
        Frame ``emotion, kind, words, per_1000``: one row per emotion (``kind`` ``feeling`` for
        the eight emotions, ``polarity`` for negative and positive), ``words`` the emotion words
        counted, ``per_1000`` per 1,000 words of the text; the feelings first, each kind highest
        rate first. ``attrs["total_words"]`` is the words of text.

    Raises:
        ParameterError: ``emotions`` has no ``words`` column and no ``sentences`` are given.
    """
    total = _total_words(emotions, sentences)
    counts = emotions[list(EMOTIONS)].sum() if len(emotions) else pd.Series(0, index=EMOTIONS)
    out = pd.DataFrame({"emotion": list(EMOTIONS),
                        "kind": ["polarity" if e in POLARITIES else "feeling" for e in EMOTIONS],
                        "words": [int(counts[e]) for e in EMOTIONS]})
    out["per_1000"] = out["words"] * 1000 / total if total else float("nan")
    out = out.sort_values(["kind", "per_1000", "emotion"], ascending=[True, False, True],
                          key=lambda s: s.map({"feeling": 0, "polarity": 1}) if s.name == "kind"
                          else s)
    out = out.reset_index(drop=True).astype({"emotion": "string", "kind": "string",
                                             "words": "int64", "per_1000": "float64"})
    out.attrs["total_words"] = total
    return out
