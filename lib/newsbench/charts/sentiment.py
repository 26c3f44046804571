"""Sentiment charts: the arc through an article, sentiment toward entities, emotions."""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch

from ..schema import EMOTIONS
from ..sentiment import POLARITY_THRESHOLD
from .base import ROLE_COLOURS, empty_figure, new_figure

__all__ = ["emotion_chart", "entity_sentiment_chart", "sentiment_arc"]

NEG, POS, NEU = "#c44e52", "#55a868", "#8c8c8c"


def _colour(v: float, threshold: float = POLARITY_THRESHOLD) -> str:
    return NEG if v <= -threshold else POS if v >= threshold else NEU


def sentiment_arc(sentences: pd.DataFrame, *, window: int = 3, title: str | None = None):
    """Sentence scores through the article with a centred rolling mean; non-body roles shaded.

    Args:
        sentences: the ``sentences`` frame of one article.
        window: sentences in the rolling mean.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or "Sentiment through the article, sentence by sentence"
    if sentences.empty:
        return empty_figure(title, "No sentences to score: the article has no text.")
    fig, ax = new_figure()
    x = sentences["sent_id"].to_numpy()
    y = sentences["sentiment"].to_numpy()
    shaded = []
    for role, group in sentences.groupby("role", observed=True):
        if role == "body":
            continue
        shaded.append(str(role))
        for sid in group["sent_id"]:
            ax.axvspan(sid - 0.5, sid + 0.5, color=ROLE_COLOURS.get(str(role), "#dddddd"),
                       alpha=0.3, lw=0)
    ax.bar(x, y, color=[_colour(v) for v in y], width=0.8)
    rolling = pd.Series(y).rolling(window, center=True, min_periods=1).mean()
    ax.plot(x, rolling, color="black", lw=2)
    ax.axhline(0, color="#444444", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(x.min() - 0.6, x.max() + 0.6)
    ax.set_xlabel("sentence number, in reading order")
    ax.set_ylabel("sentiment (-1 negative .. +1 positive)")
    ax.set_title(title)
    handles = [Patch(color=NEG, label=f"negative (<= -{POLARITY_THRESHOLD})"),
               Patch(color=POS, label=f"positive (>= {POLARITY_THRESHOLD})"),
               Patch(color=NEU, label="neutral"),
               ax.lines[-1]]
    handles[-1].set_label(f"rolling mean ({window} sentences)")
    handles += [Patch(color=ROLE_COLOURS.get(r, "#dddddd"), alpha=0.3, label=f"{r} (shaded)")
                for r in ("title", "standfirst", "caption", "dateline") if r in shaded]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=4, fontsize=9,
              frameon=False)
    return fig


def entity_sentiment_chart(entities: pd.DataFrame, *, top_n: int = 10, min_mentions: int = 1,
                           title: str | None = None):
    """Mean sentiment of the sentences mentioning each of the most mentioned entities, with the
    spread (one standard deviation) as an error bar.

    Args:
        entities: the ``entities`` frame (``entity``, ``label``, ``mentions``, ``sentiment``,
            ``sentiment_std``).
        top_n: how many entities, by mention count.
        min_mentions: leave out entities mentioned fewer times.
    """
    title = title or f"Sentiment toward the {top_n} most mentioned entities"
    if entities.empty:
        return empty_figure(title, "No entities found in this article, so no sentiment toward them.")
    top = entities[entities["mentions"] >= min_mentions].nlargest(top_n, ["mentions"])
    if top.empty:
        return empty_figure(title, f"No entity is mentioned {min_mentions} times or more.")
    top = top.iloc[::-1]
    fig, ax = new_figure(figsize=(10, max(2.5, 0.45 * len(top) + 1.5)))
    labels = [f"{e} ({lab}, {m}×)" for e, lab, m in zip(top["entity"], top["label"], top["mentions"])]
    ax.barh(labels, top["sentiment"], xerr=top["sentiment_std"].fillna(0), color=[_colour(v) for v in top["sentiment"]],
            ecolor="#333333", capsize=3)
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean sentiment of the sentences that mention it (bar: ±1 standard deviation)")
    ax.set_ylabel("entity (label, mentions)")
    ax.set_title(title)
    return fig


def emotion_chart(emotions: pd.DataFrame, *, title: str | None = None):
    """NRC emotion words in the article, by emotion (positive/negative shown apart)."""
    title = title or "Emotion words in the article (NRC emotion lexicon)"
    if emotions.empty:
        return empty_figure(title, "No sentences, so no emotion words.")
    totals = emotions[list(EMOTIONS)].sum()
    if totals.sum() == 0:
        return empty_figure(title, "No word of the NRC emotion lexicon occurs in this article.")
    feelings = totals[[e for e in EMOTIONS if e not in ("positive", "negative")]].sort_values()
    fig, (ax, ax2) = new_figure(figsize=(10, 4.2), ncols=2, width_ratios=[3, 1])
    ax.barh(feelings.index, feelings.to_numpy(), color="#4c72b0")
    ax.set_xlabel("words in the article associated with the emotion")
    ax.set_ylabel("emotion")
    ax.set_title("Emotions")
    ax2.bar(["negative", "positive"], [totals["negative"], totals["positive"]], color=[NEG, POS])
    ax2.set_ylabel("words")
    ax2.set_xlabel("polarity")
    ax2.set_title("Polarity words")
    fig.suptitle(title)
    return fig
