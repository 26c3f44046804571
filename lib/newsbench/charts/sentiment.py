"""Sentiment charts: the arc through an article, sentiment toward entities, emotions."""

from __future__ import annotations

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..sentiment import POLARITY_THRESHOLD
from ..views.sentiment import emotion_rates
from .base import ROLE_COLOURS, empty_figure, integer_ticks, mark_zeros, new_figure, note

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
    zeros = mark_zeros(ax, x, y, colour=NEU)  # a score of 0 is a sentence, not a gap
    rolling = pd.Series(y).rolling(window, center=True, min_periods=1).mean()
    ax.plot(x, rolling, color="black", lw=2)
    ax.axhline(0, color="#444444", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(x.min() - 0.6, x.max() + 0.6)
    integer_ticks(ax.xaxis)
    ax.set_xlabel("sentence number, in reading order")
    ax.set_ylabel("sentiment (-1 negative .. +1 positive)")
    ax.set_title(title)
    handles = [Patch(color=NEG, label=f"negative (<= -{POLARITY_THRESHOLD})"),
               Patch(color=POS, label=f"positive (>= {POLARITY_THRESHOLD})"),
               Patch(color=NEU, label="neutral"),
               ax.lines[-1]]
    handles[-1].set_label(f"rolling mean ({window} sentences)")
    if zeros:
        handles.append(Line2D([], [], marker="o", ls="", color=NEU, ms=5, label="score 0"))
    handles += [Patch(color=ROLE_COLOURS.get(r, "#dddddd"), alpha=0.3, label=f"{r} (shaded)")
                for r in ("title", "standfirst", "caption", "dateline") if r in shaded]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=4, fontsize=9,
              frameon=False)
    return fig


#: Fewest mentions for a sentiment bar: the mean of one sentence is that sentence's score,
#: not a tone toward the entity.
MIN_MENTIONS = 2


def _names(names, limit: int = 8) -> str:
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def entity_sentiment_chart(entities: pd.DataFrame, *, top_n: int = 10,
                           min_mentions: int = MIN_MENTIONS, title: str | None = None):
    """Mean sentiment of the sentences mentioning each of the most mentioned entities, with the
    spread (one standard deviation) as an error bar and the mean written beside each bar.

    Args:
        entities: the ``entities`` frame (``entity``, ``label``, ``mentions``, ``sentiment``,
            ``sentiment_std``).
        top_n: how many entities, by mention count.
        min_mentions: leave out entities mentioned fewer times (default 2: one mention is one
            sentence's score, not a tone); the chart says which were left out.

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or f"Sentiment toward the {top_n} most mentioned entities"
    if entities.empty:
        return empty_figure(title, "No entities found in this article, so no sentiment toward "
                                   "them.")
    ranked = entities.sort_values(["mentions", "entity"], ascending=[False, True])
    kept = ranked[ranked["mentions"] >= min_mentions]
    left_out = ranked[ranked["mentions"] < min_mentions]
    top = kept.head(top_n)
    why = (f"{len(left_out)} entit{'y' if len(left_out) == 1 else 'ies'} mentioned fewer than "
           f"{min_mentions} times (too few sentences for a tone)")
    if top.empty:
        return empty_figure(title, f"No entity is mentioned {min_mentions} times or more. Left "
                                   f"out: {why}: {_names(left_out['entity'])}.")
    top = top.iloc[::-1]
    fig, ax = new_figure(figsize=(10, max(2.8, 0.45 * len(top) + 1.9)))
    labels = [f"{e} ({lab}, {m}×)"
              for e, lab, m in zip(top["entity"], top["label"], top["mentions"])]
    y = list(range(len(top)))
    values = top["sentiment"].to_numpy(dtype=float)
    ax.barh(y, values, xerr=top["sentiment_std"].fillna(0), color=[_colour(v) for v in values],
            ecolor="#333333", capsize=3)
    ax.set_yticks(y, labels)
    mark_zeros(ax, y, values, horizontal=True)
    for yi, v, sd in zip(y, values, top["sentiment_std"]):  # the numbers, in a column at right
        text = "n/a" if v != v else f"{v:+.2f}" + ("" if sd != sd else f" ± {sd:.2f}")
        ax.annotate(text, (1.0, yi), xycoords=ax.get_yaxis_transform(), xytext=(6, 0),
                    textcoords="offset points", va="center", ha="left", fontsize=9)
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.6, len(top) - 0.4)
    ax.set_xlabel("mean sentiment of the sentences that mention it (line: ±1 standard "
                  "deviation; at right: mean ± standard deviation)")
    ax.set_ylabel("entity (label, mentions)")
    ax.set_title(title if len(top) >= top_n else
                 f"{title} ({len(top)} mentioned {min_mentions} times or more)")
    if len(left_out):
        hidden = left_out["entity"] if len(top) < top_n else left_out["entity"].head(0)
        note(fig, f"Left out: {why}" + (f": {_names(hidden)}." if len(hidden) else
                                        "; none of them would be in the top " f"{top_n}."))
    return fig


def emotion_chart(emotions: pd.DataFrame, sentences: pd.DataFrame | None = None, *,
                  title: str | None = None):
    """NRC emotion words per 1,000 words of the article, by emotion, highest rate first
    (positive/negative shown apart); each bar has its rate and count written beside it.

    Args:
        emotions: the ``emotions`` frame (its ``words`` column, the sentence's word count, is
            used when present).
        sentences: the ``sentences`` frame, to count the words in when ``emotions`` has no
            ``words`` column.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.

    Raises:
        ParameterError: no ``words`` column and no ``sentences`` to count words in.
    """
    title = title or "Emotion words per 1,000 words of the article (NRC emotion lexicon)"
    if emotions.empty:
        return empty_figure(title, "No sentences, so no emotion words.")
    rates = emotion_rates(emotions, sentences)
    total = rates.attrs["total_words"]
    if rates["words"].sum() == 0 or not total:
        return empty_figure(title, "No word of the NRC emotion lexicon occurs in this article.")
    feelings = rates[rates["kind"] == "feeling"].iloc[::-1]  # highest rate on top
    polar = rates[rates["kind"] == "polarity"].set_index("emotion").loc[["negative", "positive"]]
    fig, (ax, ax2) = new_figure(figsize=(10, 4.4), ncols=2, width_ratios=[3, 1])
    y = list(range(len(feelings)))
    ax.barh(y, feelings["per_1000"], color="#4c72b0")
    ax.set_yticks(y, feelings["emotion"].tolist())
    top = max(float(rates["per_1000"].max()), 1.0)
    for yi, rate, n in zip(y, feelings["per_1000"], feelings["words"]):
        ax.annotate(f"{rate:.1f} ({n})", (rate, yi), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=9)
    mark_zeros(ax, y, feelings["per_1000"].to_numpy(), horizontal=True)
    ax.set_xlim(0, float(feelings["per_1000"].max()) * 1.18 + 0.5)
    ax.set_xlabel("emotion words per 1,000 words (in brackets: words counted)")
    ax.set_ylabel("emotion")
    ax.set_title("Emotions", fontsize=11, loc="left")
    x = [0, 1]
    ax2.bar(x, polar["per_1000"], color=[NEG, POS])
    ax2.set_xticks(x, ["negative", "positive"])
    for xi, rate, n in zip(x, polar["per_1000"], polar["words"]):
        ax2.annotate(f"{rate:.1f}\n({n})", (xi, rate), xytext=(0, 3), textcoords="offset points",
                     ha="center", va="bottom", fontsize=9)
    mark_zeros(ax2, x, polar["per_1000"].to_numpy())
    ax2.set_ylim(0, top * 1.25 + 0.5)
    ax2.set_ylabel("words per 1,000 words")
    ax2.set_xlabel("polarity")
    ax2.set_title("Polarity words", fontsize=11, loc="left")
    fig.suptitle(f"{title}\n({total:,} words; a word can carry several emotions; negation is "
                 "not taken into account)")
    return fig
