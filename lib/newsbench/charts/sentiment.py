"""Sentiment charts."""

from __future__ import annotations

import pandas as pd

from .base import ROLE_COLOURS, empty_figure, new_figure

__all__ = ["sentiment_arc"]


def sentiment_arc(sentences: pd.DataFrame, *, window: int = 3, title: str | None = None):
    """Sentence scores through the article with a rolling mean; non-body roles shaded.

    Args:
        sentences: the ``sentences`` frame of one article.
        window: sentences in the centred rolling mean.
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
    for role, group in sentences.groupby("role", observed=True):
        if role == "body":
            continue
        for sid in group["sent_id"]:
            ax.axvspan(sid - 0.5, sid + 0.5, color=ROLE_COLOURS.get(str(role), "#dddddd"), alpha=0.25,
                       lw=0)
    colours = ["#c44e52" if v < -0.05 else "#55a868" if v > 0.05 else "#8c8c8c" for v in y]
    ax.bar(x, y, color=colours, width=0.8, label="sentence score")
    rolling = pd.Series(y).rolling(window, center=True, min_periods=1).mean()
    ax.plot(x, rolling, color="black", lw=2, label=f"rolling mean ({window} sentences)")
    ax.axhline(0, color="#444444", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(x.min() - 0.6, x.max() + 0.6)
    ax.set_xlabel("sentence number (shaded: title, standfirst, caption, dateline)")
    ax.set_ylabel("sentiment (-1 negative .. +1 positive)")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=9)
    return fig
