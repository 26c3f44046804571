"""Voice charts: who is quoted and how much, how the quotations are given, their tone by
speaker, where in the article each voice speaks, and the most quoted speakers of a corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ..errors import ParameterError
from ..schema import QUOTE_KINDS, SPEAKER_SOURCES
from ..views.entities import LABEL_COLOURS
from ..views.frames import several_articles
from ..views.voices import speaker_table
from .base import empty_figure, integer_ticks, mark_zeros, new_figure
from .sentiment import _colour

__all__ = ["most_quoted_chart", "quote_kinds_chart", "quote_tone_chart", "speaker_bars",
           "voice_positions"]

#: A description ("a ministry spokeswoman") has no entity label.
DESCRIPTION_COLOUR = "#b0b0b0"
KIND_COLOURS = {"direct": "#4c72b0", "indirect": "#8fb3de", "mixed": "#8172b3"}
SOURCE_COLOURS = {"named": "#55a868", "pronoun": "#a6d8a0", "description": "#ccb974",
                  "none": "#c7c7c7"}
SOURCE_NAMES = {"named": "named", "pronoun": "pronoun\n(resolved)", "description": "description",
                "none": "no speaker"}

_NO_QUOTES = "No quotations found in this article."


def _short(name, limit: int = 30) -> str:
    name = str(name)
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _label_colour(label) -> str:
    return DESCRIPTION_COLOUR if pd.isna(label) else LABEL_COLOURS.get(str(label), "#8c8c8c")


def _label_handles(labels) -> list:
    seen = list(dict.fromkeys("description" if pd.isna(x) else str(x) for x in labels))
    return [Patch(color=DESCRIPTION_COLOUR if x == "description" else _label_colour(x),
                  label="description (not named)" if x == "description" else x) for x in seen]


def _why_empty(table: pd.DataFrame) -> str:
    """Why a speaker table has no rows, in words."""
    a = table.attrs
    if a.get("left_out"):
        return (f"No speaker is quoted {a.get('min_quotes')} times or more "
                f"({a['left_out']} speaker(s) quoted less often).")
    if a.get("unattributed"):
        return (f"{a['unattributed']} quotation(s) found, but none has a speaker the text "
                "names or describes.")
    return _NO_QUOTES


def _bar_height(n: int) -> tuple[int, float]:
    return 10, max(2.6, 1.2 + 0.42 * n)


def speaker_bars(table: pd.DataFrame, *, top_n: int = 10, title: str | None = None):
    """The most quoted speakers: a bar per speaker counting their quotations, coloured by
    label (grey: a description such as "a ministry spokeswoman"), with the words quoted and
    the kinds of quotation written beside it.

    Args:
        table: a :func:`~newsbench.views.voices.speaker_table`.
        top_n: speakers shown, most quoted first.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or f"Who is quoted: quotations per speaker (top {top_n})"
    if table.empty:
        return empty_figure(title, _why_empty(table))
    top = table.head(top_n)
    fig, ax = new_figure(figsize=_bar_height(len(top)))
    y = np.arange(len(top))[::-1]
    ax.barh(y, top["quotes"], color=[_label_colour(x) for x in top["speaker_label"]])
    xmax = int(top["quotes"].max())
    for yi, r in zip(y, top.itertuples()):
        kinds = ", ".join(f"{getattr(r, k)} {k}" for k in QUOTE_KINDS if getattr(r, k))
        ax.text(r.quotes + xmax * 0.015, yi, f"{r.words} words ({kinds})", va="center",
                fontsize=9)
    ax.set_yticks(y, [_short(s) for s in top["speaker"]])
    ax.set_xlim(0, xmax * 1.6 + 0.5)
    ax.set_ylim(-0.6, len(top) - 0.4)
    integer_ticks(ax.xaxis)
    ax.set_xlabel("quotations (beside each bar: the words quoted, and of which kind)")
    ax.set_ylabel("speaker")
    ax.legend(handles=_label_handles(top["speaker_label"]), loc="lower right", fontsize=9,
              frameon=False)
    ax.set_title(title)
    return fig


def quote_kinds_chart(mix: pd.DataFrame, *, title: str | None = None):
    """How the quotations are given (direct, indirect, mixed; left) and how their speaker is
    found (named, a pronoun resolved to a name, a description, none; right).

    Args:
        mix: a :func:`~newsbench.views.voices.source_mix` frame.
        title: the chart title.

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or "How the article quotes: kind of quotation and how the speaker is named"
    total = int(mix["quotes"][mix["dimension"] == "kind"].sum()) if len(mix) else 0
    if total == 0:
        return empty_figure(title, _NO_QUOTES)
    fig, (left, right) = new_figure(figsize=(10, 3.8), ncols=2, width_ratios=[3, 4])
    panels = ((left, "kind", QUOTE_KINDS, KIND_COLOURS, {k: k for k in QUOTE_KINDS},
               "Kind of quotation", "kind"),
              (right, "speaker", SPEAKER_SOURCES, SOURCE_COLOURS, SOURCE_NAMES,
               "How the speaker is found", "speaker"))
    ymax = 0
    for ax, dim, order, colours, names, sub, xlabel in panels:
        rows = mix[mix["dimension"] == dim].set_index("value")
        counts = [int(rows.at[v, "quotes"]) if v in rows.index else 0 for v in order]
        ymax = max(ymax, *counts)
        x = np.arange(len(order))
        ax.bar(x, counts, color=[colours[v] for v in order])
        for xi, n in zip(x, counts):
            ax.text(xi, n, f"{n} ({n / total:.0%})", ha="center", va="bottom", fontsize=9)
        ax.set_xticks(x, [names[v] for v in order])
        ax.set_xlabel(xlabel)
        ax.set_ylabel("quotations")
        ax.set_title(sub, fontsize=11, loc="left")
        integer_ticks(ax.yaxis)
    for ax in (left, right):
        ax.set_ylim(0, ymax * 1.2 + 0.5)
    fig.suptitle(f"{title}\n({total} quotation(s); in brackets: the share of all)")
    return fig


def _speakers(quotes: pd.DataFrame, top_n: int, min_quotes: int) -> pd.DataFrame:
    return speaker_table(quotes, min_quotes=min_quotes).head(top_n)


def _of_speaker(quotes: pd.DataFrame, r) -> pd.DataFrame:
    """The quotations of one row of a speaker table (a description apart from a name)."""
    same = (quotes["speaker"] == r.speaker).fillna(False).to_numpy(bool)
    desc = (quotes["speaker_source"].astype("string") == "description").fillna(False)
    return quotes[same & (desc.to_numpy(bool) == (r.speaker_source == "description"))]


def quote_tone_chart(quotes: pd.DataFrame, *, top_n: int = 10, min_quotes: int = 1,
                     title: str | None = None):
    """The tone of each speaker's quotations: a dot per quotation (its sentiment), the mean as
    a bar and one standard deviation either side as a line.

    Args:
        quotes: the ``quotes`` frame (filter it with
            :func:`~newsbench.views.voices.filter_kind` to show one kind).
        top_n: speakers shown, most quoted first.
        min_quotes: leave out speakers quoted fewer times.
        title: the chart title.

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or f"Tone of the quoted words, speaker by speaker (top {top_n})"
    top = _speakers(quotes, top_n, min_quotes)
    if top.empty:
        return empty_figure(title, _why_empty(top))
    fig, ax = new_figure(figsize=_bar_height(len(top)))
    y = np.arange(len(top))[::-1]
    rng = np.random.default_rng(7)  # a seeded jitter: the same input draws the same
    for yi, r in zip(y, top.itertuples()):
        scores = _of_speaker(quotes, r)["sentiment"].dropna().to_numpy()
        if not len(scores):
            continue
        mean, sd = float(scores.mean()), float(scores.std()) if len(scores) > 1 else 0.0
        ax.barh(yi, mean, height=0.6, color=_colour(mean), alpha=0.55)
        mark_zeros(ax, [yi], [mean], horizontal=True, colour="#8c8c8c")
        ax.annotate(f"{mean:+.2f}" + (f" ± {sd:.2f}" if len(scores) > 1 else ""), (1.0, yi),
                    xycoords=ax.get_yaxis_transform(), xytext=(6, 0), textcoords="offset points",
                    va="center", ha="left", fontsize=9)
        ax.plot([max(mean - sd, -1), min(mean + sd, 1)], [yi, yi], color="#333333", lw=1.5)
        ax.scatter(scores, yi + rng.uniform(-0.18, 0.18, len(scores)), s=22, color="#222222",
                   zorder=3)
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.6, len(top) - 0.4)
    ax.set_yticks(y, [f"{_short(s)} ({n})" for s, n in zip(top["speaker"], top["quotes"])])
    ax.set_xlabel("sentiment of the quoted words (-1 negative .. +1 positive; at right: mean "
                  "± standard deviation)")
    ax.set_ylabel("speaker (quotations)")
    handles = [Line2D([], [], marker="o", ls="", color="#222222", label="one quotation"),
               Patch(color="#8c8c8c", alpha=0.55, label="mean (coloured by tone)"),
               Line2D([], [], color="#333333", lw=1.5, label="±1 standard deviation")]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=9, frameon=False)
    ax.set_title(title)
    return fig


def _sentence_span(sentences: pd.DataFrame, start: int, end: int, first: int) -> list[int]:
    hit = sentences[(sentences["end"] > start) & (sentences["start"] < end)]["sent_id"]
    return sorted(set(hit.astype(int))) or [int(first)]


def voice_positions(quotes: pd.DataFrame, sentences: pd.DataFrame, *, top_n: int = 10,
                    min_quotes: int = 1, title: str | None = None):
    """Where in the article each voice speaks: one row per speaker, a mark in every sentence
    holding their quoted words, coloured by the kind of quotation (grey columns: title,
    standfirst, captions, dateline).

    Args:
        quotes: the ``quotes`` frame of one article.
        sentences: the ``sentences`` frame of that article.
        top_n: speakers shown, most quoted first.
        min_quotes: leave out speakers quoted fewer times.
        title: the chart title.

    Returns:
        ``matplotlib.figure.Figure``.

    Raises:
        ParameterError: the frames hold more than one article.
    """
    if several_articles(quotes) or several_articles(sentences):
        raise ParameterError("voice_positions: the frames cover several articles; pass the "
                             "frames of one (an.select(article_id))")
    title = title or f"Where each voice speaks, sentence by sentence (top {top_n} speakers)"
    top = _speakers(quotes, top_n, min_quotes)
    if top.empty or sentences.empty:
        return empty_figure(title, _why_empty(top) if top.empty else
                            "No sentences: the article has no text.")
    n_sent = int(sentences["sent_id"].max()) + 1
    fig, ax = new_figure(figsize=(10, max(2.6, 1.5 + 0.36 * len(top))))
    for sid, role in zip(sentences["sent_id"], sentences["role"]):
        if str(role) != "body":
            ax.axvspan(sid - 0.5, sid + 0.5, color="#e8e8e8", lw=0, zorder=0)
    kinds_seen = set()
    for row, r in enumerate(top.itertuples()):
        ax.axhline(row, color="#f0f0f0", lw=0.8, zorder=1)
        cells: dict[int, str] = {}
        for q in _of_speaker(quotes, r).itertuples():
            for sid in _sentence_span(sentences, int(q.start), int(q.end), q.sent_id):
                cells.setdefault(sid, str(q.kind))  # the first quotation in it decides
        for sid, kind in cells.items():
            kinds_seen.add(kind)
            ax.add_patch(Rectangle((sid - 0.42, row - 0.36), 0.84, 0.72, lw=0, zorder=2,
                                   color=KIND_COLOURS.get(kind, "#8c8c8c")))
    ax.set_yticks(range(len(top)), [f"{_short(s)} ({n})" for s, n in
                                    zip(top["speaker"], top["quotes"])])
    ax.set_ylim(len(top) - 0.5, -0.5)
    ax.set_xlim(-0.5, n_sent - 0.5)
    ax.set_xlabel("sentence number (grey: title, standfirst, caption, dateline)")
    ax.set_ylabel("speaker (quotations)")
    integer_ticks(ax.xaxis)
    handles = [Line2D([], [], marker="s", ls="", color=KIND_COLOURS[k], label=f"{k} quotation")
               for k in QUOTE_KINDS if k in kinds_seen]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
              frameon=False)
    ax.set_title(title)
    return fig


def most_quoted_chart(most_quoted: pd.DataFrame, *, title: str | None = None):
    """The speakers a corpus quotes most: a bar per speaker counting their quotations,
    coloured by label (grey: a description), with the number of articles quoting them.

    Args:
        most_quoted: a :func:`~newsbench.views.corpus.voices.most_quoted` frame.
        title: the chart title.

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or f"Most quoted speakers across the corpus (top {len(most_quoted)})"
    if most_quoted.empty:
        return empty_figure(title, "No quotations with a speaker found in these articles.")
    fig, ax = new_figure(figsize=_bar_height(len(most_quoted)))
    y = np.arange(len(most_quoted))[::-1]
    ax.barh(y, most_quoted["quotes"],
            color=[_label_colour(x) for x in most_quoted["speaker_label"]])
    xmax = int(most_quoted["quotes"].max())
    for yi, n, arts in zip(y, most_quoted["quotes"], most_quoted["articles"]):
        ax.text(n + xmax * 0.015, yi, f"{n} in {arts} article{'' if arts == 1 else 's'}",
                va="center", fontsize=9)
    ax.set_yticks(y, [_short(s) for s in most_quoted["speaker"]])
    ax.set_xlim(0, xmax * 1.35 + 0.5)
    ax.set_ylim(-0.6, len(most_quoted) - 0.4)
    integer_ticks(ax.xaxis)
    ax.set_xlabel("quotations across the corpus (beside each bar: in how many articles)")
    ax.set_ylabel("speaker")
    ax.legend(handles=_label_handles(most_quoted["speaker_label"]), loc="lower right",
              fontsize=9, frameon=False)
    ax.set_title(title)
    return fig
