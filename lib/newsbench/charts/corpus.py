"""Corpus charts: articles and tone per period and source, entities over time and by source,
entities named together, the most reported events, and terms over time.

Each chart takes the frame of a view of :mod:`newsbench.views.corpus` and returns a Figure; an
empty frame gives a figure that says why in words.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from ..views.entities import LABEL_COLOURS
from .base import empty_figure, new_figure
from .entities import draw_nodes, place_labels


__all__ = ["articles_chart", "corpus_network", "corpus_timeline_chart", "entity_trends_chart",
           "source_entities_chart", "term_trends_chart", "tone_chart"]

_TONE_LABEL = "mean article tone (-1 negative .. 1 positive)"
_WIDTH_DAYS = {"day": 0.8, "week": 5.6, "month": 25.0}
_PERIOD_WORD = {"day": "day", "week": "week (starting Monday)", "month": "month"}
_LABEL_SIZE = 9
_GREY = "#9a9a9a"


# --------------------------------------------------------------------------- shared helpers


def _short(text, limit: int = 28) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _colours(n: int) -> list:
    import matplotlib

    cmap = matplotlib.colormaps["tab10" if n <= 10 else "tab20"]
    return [cmap(i % cmap.N) for i in range(n)]


def _granularity(df: pd.DataFrame) -> str:
    """The frame's granularity: from ``attrs``, else guessed from the spacing of its periods."""
    g = df.attrs.get("granularity")
    if g in _WIDTH_DAYS:
        return g
    days = pd.Series(sorted(pd.to_datetime(df["period"]).dropna().unique())).diff().dt.days
    step = days.min() if days.notna().any() else 30
    return "month" if step >= 28 else "week" if step >= 7 else "day"


def _x(dates) -> np.ndarray:
    return mdates.date2num(np.asarray(pd.to_datetime(pd.Series(dates)), dtype="datetime64[s]"))


def _date_axis(ax, granularity: str | None = None) -> None:
    """Dates ticked legibly (at most ~10 ticks, the year on every tick, no offset text to
    collide with the axis label), the axis labelled with the period when there is one."""
    lo, hi = ax.get_xlim()
    if granularity == "month":
        months = max(1, round((hi - lo) / 30.4))
        loc = mdates.MonthLocator(interval=max(1, math.ceil(months / 10)))
        fmt = "%b\n%Y"
    elif granularity == "week" and hi - lo <= 7 * 12:
        loc, fmt = mdates.WeekdayLocator(byweekday=mdates.MO), "%d %b\n%Y"
    elif hi - lo <= 40:
        loc, fmt = mdates.DayLocator(interval=max(1, math.ceil((hi - lo) / 10))), "%d %b\n%Y"
    else:
        loc, fmt = mdates.AutoDateLocator(minticks=3, maxticks=9), "%d %b\n%Y"
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.DateFormatter(fmt))
    ax.tick_params(axis="x", labelsize=_LABEL_SIZE)
    if granularity:
        ax.set_xlabel(_PERIOD_WORD[granularity])


def _pad_periods(ax, periods, granularity: str, *, bars: bool = False) -> None:
    """Room either side of the first and last period (bars start at their period)."""
    x = _x(periods)
    pad = _WIDTH_DAYS[granularity] * 0.6 + 0.5
    ax.set_xlim(x.min() - pad, x.max() + pad + (_WIDTH_DAYS[granularity] if bars else 0))


def _legend_right(ax, title: str | None = None, handles=None) -> None:
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=_LABEL_SIZE,
              frameon=False, title=title, title_fontsize=_LABEL_SIZE)


def _undated_note(df: pd.DataFrame) -> str:
    n = int(df.attrs.get("undated", 0) or 0)
    return f"; {n} undated not shown" if n else ""


def _lines(ax, df: pd.DataFrame, key: str, name: str, value: str, total: str) -> None:
    """One line per ``key`` (legend: ``name`` and its ``total``), in the frame's order."""
    keys = list(dict.fromkeys(df[key]))
    for k, colour in zip(keys, _colours(len(keys))):
        sub = df[df[key] == k].sort_values("period")
        ax.plot(_x(sub["period"]), sub[value].to_numpy(dtype=float), marker="o", ms=4, lw=1.8,
                color=colour, label=f"{_short(sub[name].iloc[0])} ({int(sub[total].sum())})")


# --------------------------------------------------------------------------- articles and tone


def articles_chart(per_period: pd.DataFrame, *, max_sources: int = 8, title: str | None = None):
    """Articles per period, stacked by source (the ``max_sources`` largest; the rest "other").

    Args:
        per_period: :func:`newsbench.views.corpus.articles_per_period`'s frame.
        max_sources: sources drawn on their own.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    by = next((c for c in per_period.columns if c not in ("period", "n_articles")), "source")
    g = _granularity(per_period) if len(per_period) else "month"
    total = int(per_period["n_articles"].sum()) if len(per_period) else 0
    title = title or f"Articles per {g} by {by} ({total} articles{_undated_note(per_period)})"
    if total == 0:
        return empty_figure(title, "No dated articles to count: the corpus (or this selection) "
                                   "has no article with a publication date.")
    sums = per_period.groupby(by, observed=True)["n_articles"].sum().sort_values(
        ascending=False, kind="stable")
    kept = list(sums.index[:max_sources]) if len(sums) > max_sources + 1 else list(sums.index)
    key = per_period[by].where(per_period[by].isin(kept), "other")
    table = per_period.assign(**{by: key}).pivot_table(
        index="period", columns=by, values="n_articles", aggfunc="sum", fill_value=0)
    order = [k for k in [*kept, "other"] if k in table.columns]
    fig, ax = new_figure(figsize=(10, 5))
    x, bottom = _x(table.index), np.zeros(len(table))
    for k, colour in zip(order, _colours(len(order))):
        values = table[k].to_numpy(dtype=float)
        ax.bar(x, values, width=_WIDTH_DAYS[g], bottom=bottom, color=colour, align="edge",
               label=f"{_short(k)} ({int(values.sum())})", lw=0)
        bottom += values
    _pad_periods(ax, table.index, g, bars=True)
    _date_axis(ax, g)
    ax.set_ylabel("articles published")
    ax.yaxis.get_major_locator().set_params(integer=True)
    _legend_right(ax, title=f"{by} (articles)")
    ax.set_title(title)
    return fig


def _tone_points(ax, sub: pd.DataFrame, x: np.ndarray, colour, n_max: int, annotate: bool):
    """Filled markers sized by articles; hollow grey ones where too few to compare."""
    n = sub["n_articles"].to_numpy(dtype=float)
    few = sub["too_few"].to_numpy(dtype=bool)
    y = sub["tone"].to_numpy(dtype=float)
    size = 18 + 160 * n / max(n_max, 1)
    ax.scatter(x[~few], y[~few], s=size[~few], color=colour, zorder=3, edgecolors="white")
    ax.scatter(x[few], y[few], s=size[few], facecolors="white", edgecolors=_GREY, zorder=3,
               linewidths=1.4)
    if annotate:
        for xi, yi, ni in zip(x, y, n):
            ax.annotate(f"{int(ni)}", (xi, yi), xytext=(0, 6), textcoords="offset points",
                        fontsize=7, ha="center", color="#555555")


def tone_chart(tone: pd.DataFrame, *, max_sources: int = 8, title: str | None = None):
    """Mean article tone per source over periods, with its 95% bootstrap band.

    Periods with too few articles are drawn hollow and grey (not comparable). With one row per
    source (``granularity=None``), sources are side by side with their intervals.

    Args:
        tone: :func:`newsbench.views.corpus.tone_by`'s frame.
        max_sources: the sources with the most articles drawn.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    by = next((c for c in tone.columns if c not in ("period", "n_articles", "tone", "low",
                                                    "high", "too_few")), "source")
    df = tone[tone["tone"].notna()] if len(tone) else tone
    overall = df.empty or df["period"].isna().all()
    title = title or (f"Mean article tone by {by}" + ("" if overall else
                      f" and {_granularity(df)}") + " (band: 95% bootstrap interval)")
    if df.empty:
        undated = int(tone.attrs.get("undated", 0) or 0)
        why = (f"No article tone to show per period: the {undated} scored articles have no "
               "publication date (tone_by(..., granularity=None) gives tone over the whole "
               "corpus)." if undated else "No article tone to show: no article has a tone "
               "score (and a publication date, for tone per period).")
        return empty_figure(title, textwrap.fill(why, 100))
    n_min = df.attrs.get("min_articles") or tone.attrs.get("min_articles")
    note = (f"hollow: fewer than {n_min} articles, not comparable" if n_min else
            "hollow: too few articles, not comparable")
    sums = df.groupby(by, observed=True)["n_articles"].sum().sort_values(ascending=False,
                                                                          kind="stable")
    keys = list(sums.index[:max_sources])
    if len(sums) > len(keys):
        title += f"\n{len(keys)} of {len(sums)} {by}s with the most articles"
    fig, ax = new_figure(figsize=(10, 5))
    if overall:
        _tone_overall(ax, df, by, keys, note)
    else:
        _tone_periods(ax, df, by, keys, note)
    ax.axhline(0, color="#777777", lw=0.8, zorder=0)
    ax.set_ylabel(_TONE_LABEL)
    ax.set_title(title)
    return fig


def _tone_periods(ax, df: pd.DataFrame, by: str, keys: list, note: str) -> None:
    n_max = int(df["n_articles"].max())
    annotate = len(df[df[by].isin(keys)]) <= 48
    for k, colour in zip(keys, _colours(len(keys))):
        sub = df[df[by] == k].sort_values("period")
        x = _x(sub["period"])
        ax.fill_between(x, sub["low"].to_numpy(dtype=float), sub["high"].to_numpy(dtype=float),
                        color=colour, alpha=0.15, lw=0)
        ax.plot(x, sub["tone"].to_numpy(dtype=float), color=colour, lw=1.6,
                label=f"{_short(k)} ({int(sub['n_articles'].sum())})")
        _tone_points(ax, sub, x, colour, n_max, annotate)
    g = _granularity(df)
    _pad_periods(ax, df["period"], g)
    _date_axis(ax, g)
    ax.set_xlabel(f"{_PERIOD_WORD[g]}; marker size"
                  f"{' and number' if annotate else ''}: articles; {note}")
    hollow = Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor=_GREY,
                    label="too few articles")
    handles, _ = ax.get_legend_handles_labels()
    _legend_right(ax, title=f"{by} (articles)", handles=[*handles, hollow])


def _tone_overall(ax, df: pd.DataFrame, by: str, keys: list, note: str) -> None:
    sub = df.set_index(by).loc[keys].reset_index()
    x = np.arange(len(sub), dtype=float)
    low, high = sub["low"].to_numpy(dtype=float), sub["high"].to_numpy(dtype=float)
    ok = ~np.isnan(low)
    ax.vlines(x[ok], low[ok], high[ok], color="#4c72b0", lw=2.2, alpha=0.5)
    _tone_points(ax, sub, x, "#4c72b0", int(sub["n_articles"].max()), annotate=True)
    ax.set_xticks(x, [f"{_short(k, 22)}" for k in sub[by]], rotation=30 if len(x) > 4 else 0,
                  ha="right" if len(x) > 4 else "center", fontsize=_LABEL_SIZE)
    ax.set_xlim(-0.6, len(x) - 0.4)
    ax.set_xlabel(f"{by} (number above: articles; line: 95% bootstrap interval); {note}")


# --------------------------------------------------------------------------- entities


def _per_article_lines(trends: pd.DataFrame, g: str, title: str, cols: tuple[str, str, str],
                       what: str, legend: str):
    """One line per ``cols[0]`` (named by ``cols[1]``) of ``per_article`` over periods, the
    legend counting ``cols[2]``."""
    key, name, total = cols
    fig, ax = new_figure(figsize=(10, 5))
    _lines(ax, trends, key, name, "per_article", total)
    _pad_periods(ax, trends["period"], g)
    _date_axis(ax, g)
    ax.set_ylabel(f"{what} per article\npublished that {g}")
    ax.set_ylim(bottom=0)
    _legend_right(ax, title=f"{legend} ({what})")
    ax.set_title(title)
    return fig


def entity_trends_chart(trends: pd.DataFrame, *, title: str | None = None):
    """Mentions per article published, per period, one line per entity.

    Args:
        trends: :func:`newsbench.views.corpus.entity_trends`'s frame.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    g = _granularity(trends) if len(trends) else "month"
    n = trends["entity_id"].nunique() if len(trends) else 0
    title = title or (f"Mentions per article of {n} entit{'y' if n == 1 else 'ies'}, "
                      f"by {g}{_undated_note(trends)}")
    if n == 0 or int(trends["mentions"].sum()) == 0:
        return empty_figure(title, "No mentions to follow over time: no dated article names "
                                   "these entities.")
    return _per_article_lines(trends, g, title, ("entity_id", "entity_name", "mentions"),
                              "mentions", "entity")


def term_trends_chart(trends: pd.DataFrame, *, title: str | None = None):
    """Uses of each term per article published, per period, one line per term.

    Args:
        trends: :func:`newsbench.views.corpus.term_trends`'s frame.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    g = _granularity(trends) if len(trends) else "month"
    terms = list(dict.fromkeys(trends["term"])) if len(trends) else []
    title = title or (f"Uses per article of {', '.join(repr(str(t)) for t in terms[:6])}"
                      f"{' …' if len(terms) > 6 else ''}, by {g}{_undated_note(trends)}")
    if not terms or int(trends["hits"].sum()) == 0:
        return empty_figure(title or "Term uses over time", "No uses to count: no dated article "
                            "uses these words" + (" (or no term was given)." if not terms else "."))
    return _per_article_lines(trends, g, title, ("term", "term", "hits"), "uses", "term")


def source_entities_chart(by_source: pd.DataFrame, *, max_sources: int = 12,
                          title: str | None = None):
    """Which sources name whom: mentions per article of each source, entities by sources.

    Args:
        by_source: :func:`newsbench.views.corpus.mentions_by_source`'s frame.
        max_sources: the sources with the most articles drawn.
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or "Mentions per article of each source, for the most mentioned entities"
    if by_source.empty or int(by_source["mentions"].sum()) == 0:
        return empty_figure(title, "No mentions to compare: no article of these sources names "
                                   "an entity with these labels.")
    ents = list(dict.fromkeys(by_source["entity_id"]))
    n_src = by_source.drop_duplicates("source").set_index("source")["n_articles"]
    sources = list(n_src.sort_values(ascending=False, kind="stable").index[:max_sources])
    table = by_source.pivot_table(index="entity_id", columns="source", values="per_article",
                                  aggfunc="sum").reindex(index=ents, columns=sources)
    names = by_source.drop_duplicates("entity_id").set_index("entity_id")["entity_name"]
    values = table.to_numpy(dtype=float)
    fig, ax = new_figure(figsize=(10, max(3.2, 1.8 + 0.36 * len(ents))))
    im = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0)
    vmax = np.nanmax(values) if np.isfinite(values).any() else 1
    for (r, c), v in np.ndenumerate(values):
        if np.isfinite(v):
            ax.text(c, r, f"{v:.2f}", ha="center", va="center", fontsize=8,
                    color="white" if v > 0.6 * vmax else "#222222")
    ax.set_xticks(range(len(sources)), [f"{_short(s, 20)} ({int(n_src[s])})" for s in sources],
                  rotation=30 if len(sources) > 3 else 0, ha="right" if len(sources) > 3 else
                  "center", fontsize=_LABEL_SIZE)
    ax.set_yticks(range(len(ents)), [_short(names[e]) for e in ents], fontsize=_LABEL_SIZE)
    ax.set_xlabel("source (its articles)")
    ax.set_ylabel("entity, most mentioned first")
    fig.colorbar(im, ax=ax, label="mentions per article of the source", shrink=0.9)
    left = f"; {len(n_src) - len(sources)} smaller sources not shown" \
        if len(n_src) > len(sources) else ""
    ax.set_title(title + left)
    return fig


def _network_nodes(pairs: pd.DataFrame, top_entities, max_nodes: int):
    """Node weights, names and colours; the ``max_nodes`` heaviest kept."""
    names = dict(zip(pairs["a"], pairs["a_name"])) | dict(zip(pairs["b"], pairs["b_name"]))
    weight = pd.concat([pairs.groupby("a")["count"].sum(), pairs.groupby("b")["count"].sum()])
    weight = weight.groupby(level=0).sum()
    label_of: dict = {}
    if top_entities is not None and len(top_entities):
        mentions = top_entities.set_index("entity_id")["mentions"]
        weight = mentions.reindex(weight.index).fillna(weight)
        names |= dict(zip(top_entities["entity_id"], top_entities["entity_name"]))
        label_of = dict(zip(top_entities["entity_id"], top_entities["entity_label"]))
    weight = weight.sort_values(ascending=False, kind="stable").head(max_nodes)
    return weight, names, label_of


def _spread_layout(graph) -> dict:
    """Positions with room for the names: each connected group by Kamada-Kawai (deterministic,
    even edge lengths, unlike a spring layout's crowded hub), groups side by side in rows,
    largest first."""
    import networkx as nx

    comps = sorted((sorted(c) for c in nx.connected_components(graph)),
                   key=lambda c: (-len(c), c[0]))
    pos, x, y, row_h = {}, 0.0, 0.0, 0.0
    width = max(6.0, 3.2 * math.sqrt(graph.number_of_nodes()))
    for comp in comps:
        r = 1.1 * math.sqrt(len(comp)) if len(comp) > 2 else 1.2
        if len(comp) == 2:  # one above the other: two names side by side would collide
            local = {comp[0]: np.array([0.0, 0.45]), comp[1]: np.array([0.0, -0.45])}
        else:  # weight=None: every line one length (weights would stretch the strongest)
            local = nx.kamada_kawai_layout(graph.subgraph(comp), weight=None, scale=r)
        if x > 0 and x + 2 * r > width:
            x, y, row_h = 0.0, y - row_h - 0.8, 0.0
        for n, p in local.items():
            pos[n] = np.array([x + r + p[0], y - r + p[1]])
        x += 2 * r + 1.0
        row_h = max(row_h, 2 * r)
    return pos


def corpus_network(pairs: pd.DataFrame, top_entities: pd.DataFrame | None = None, *,
                   max_nodes: int = 25, title: str | None = None):
    """Entities named together across the corpus: a node per entity, a line per pair.

    Args:
        pairs: :func:`newsbench.views.corpus.corpus_cooccurrences`'s frame.
        top_entities: :func:`newsbench.views.corpus.top_entities`'s frame, for node sizes
            (mentions) and colours (labels); without it nodes are sized by pairs' counts.
        max_nodes: the heaviest nodes drawn (legible up to ~25).
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure`` (the layout is seeded: the same input draws the same).
    """
    import networkx as nx

    unit = pairs.attrs.get("unit", "sentence")
    title = title or f"Entities named in the same {unit} across the corpus (line width: {unit}s)"
    if pairs.empty:
        return empty_figure(title, f"No two entities are named in the same {unit} often enough"
                                   " (see min_count).")
    weight, names, label_of = _network_nodes(pairs, top_entities, max_nodes)
    kept = pairs[pairs["a"].isin(weight.index) & pairs["b"].isin(weight.index)]
    graph = nx.Graph()
    graph.add_weighted_edges_from(zip(kept["a"], kept["b"], kept["count"].astype(int)))
    pos = _spread_layout(graph)
    nodes = sorted(graph.nodes)
    fig, ax = new_figure(figsize=(11, 7.5))
    wmax = max(d["weight"] for *_, d in graph.edges(data=True))
    ax.add_collection(LineCollection(
        [(pos[a], pos[b]) for a, b in graph.edges],
        linewidths=[0.6 + 5.4 * (d["weight"] - 1) / max(wmax - 1, 1)
                    for *_, d in graph.edges(data=True)], colors="#5d6d7e", alpha=0.55, zorder=1))
    texts = [f"{_short(names.get(n, n), 24)} ({int(weight.get(n, 0))})" for n in nodes]
    areas = [80 + 1100 * weight.get(n, 1) / weight.max() for n in nodes]
    draw_nodes(ax, [pos[n] for n in nodes], texts, areas,
               [LABEL_COLOURS.get(label_of.get(n, ""), "#8c8c8c") for n in nodes], names=False)
    sized = "mentions" if label_of else f"{unit}s shared"
    ax.set_xlabel(f"size: {sized} (in brackets); line width: {unit}s naming both (widest: {wmax}); "
                  "layout has no meaning")
    ax.set_ylabel(f"{len(nodes)} entities")
    if label_of:
        _legend_right(ax, handles=[Line2D([], [], marker="o", ls="", color=LABEL_COLOURS.get(
            lab, "#8c8c8c"), label=lab) for lab in dict.fromkeys(label_of[n] for n in nodes
                                                                 if n in label_of)])
    ax.set_title(title)
    place_labels(ax, [pos[n] for n in nodes], texts, [math.sqrt(a) / 2 for a in areas])
    return fig


# --------------------------------------------------------------------------- events


def _event_label(r, max_label: int) -> str:
    start, end = pd.Timestamp(r.date_start), pd.Timestamp(r.date_end)
    when = f"{start.day} {start:%b}" if end.normalize() == start.normalize() else \
        f"{start.day} {start:%b}-{end.day} {end:%b}"
    count = f"×{int(r.n_articles)} " if r.n_articles > 1 else ""
    return _short(f"{count}{when}: {r.summary}", max_label)


def _levels(fig, ax, xs: np.ndarray, labels: list[str], xmin: float, xmax: float):
    """A level per label so that none overlap (measured in the rendered font), and which labels
    are right-aligned (those that would run off the right edge)."""
    canvas = FigureCanvasAgg(fig)
    ax.set_xlim(xmin, xmax)
    canvas.draw()
    renderer = canvas.get_renderer()
    per_px = (xmax - xmin) / max(ax.get_window_extent(renderer).width, 1)
    taken: list[list[tuple[float, float]]] = []
    levels, right = [], []
    for x, text in zip(xs, labels):
        t = ax.text(0, 0, text, fontsize=_LABEL_SIZE)
        w = (t.get_window_extent(renderer).width + 14) * per_px
        t.remove()
        r = x + w > xmax
        a, b = (x - w, x) if r else (x, x + w)
        lvl = next((i for i, row in enumerate(taken) if all(b <= p or a >= q for p, q in row)),
                   len(taken))
        if lvl == len(taken):
            taken.append([])
        taken[lvl].append((a, b))
        levels.append(lvl + 1)
        right.append(r)
    return levels, right


def corpus_timeline_chart(timeline: pd.DataFrame, *, max_label: int = 56, top_n: int = 25,
                          title: str | None = None):
    """The corpus's most reported dated events on a calendar: one mark per event, sized by the
    articles reporting it ("×3"), labelled with its summary.

    Args:
        timeline: :func:`newsbench.views.corpus.events_timeline`'s frame.
        max_label: longest label, in characters (longer ones end in "…").
        top_n: the most reported events drawn (the number left out is said in the title).
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or "The corpus's most reported dated events"
    if timeline.empty:
        return empty_figure(title, textwrap.fill(
            "No dated events: no article places an event on the calendar (articles without a "
            "publication date cannot place 'Friday' or 'last week').", 90))
    shown = timeline.sort_values(["n_articles", "date_start"], ascending=[False, True],
                                 kind="stable").head(top_n).sort_values("date_start",
                                                                        kind="stable")
    left_out = len(timeline) - len(shown)
    title += f" ({len(shown)} of {len(timeline)} events" + (
        f"; {left_out} less reported not shown)" if left_out else ")")
    start, end = _x(shown["date_start"]), _x(shown["date_end"]) + 1
    mid = np.where(end - start <= 1, start + 0.5, start)
    pad = max(1.0, (end.max() - start.min()) * 0.04)
    xmin, xmax = start.min() - pad, end.max() + pad
    fig, ax = new_figure(figsize=(10, 5.6))
    labels = [_event_label(r, max_label) for r in shown.itertuples()]
    levels, right = _levels(fig, ax, mid, labels, xmin, xmax)
    n = shown["n_articles"].to_numpy(dtype=float)
    for x0, x1, xm, lvl, lab, r, ni in zip(start, end, mid, levels, labels, right, n):
        ax.plot([xm, xm], [0, lvl], color="#bbbbbb", lw=0.8, zorder=1)
        if x1 - x0 > 1:
            ax.barh(lvl, x1 - x0, left=x0, height=0.3, color="#8172b2", alpha=0.6, lw=0)
        ax.scatter([xm], [lvl], s=24 + 36 * (ni - 1), color="#1f4e79", zorder=3,
                   edgecolors="white")
        ax.annotate(lab, (xm, lvl), xytext=(-6 if r else 6, 4), textcoords="offset points",
                    fontsize=_LABEL_SIZE, ha="right" if r else "left", va="bottom", zorder=4)
    fig.set_size_inches(10, max(4.0, 1.8 + 0.34 * max(levels)))
    ax.axhline(0, color="#444444", lw=1)
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(-0.4, max(levels) + 0.9)
    ax.set_yticks([])
    ax.set_ylabel("events, stacked so\nlabels do not overlap")
    _date_axis(ax)
    ax.set_xlabel("date (marker size and ×N: articles reporting the event; bars: periods)")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(title)
    return fig
