"""Entity charts: who and where is named, where in the article, with whom, and what merging did."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ..views.entities import (DEFAULT_LABELS, LABEL_COLOURS, cooccurrences,
                              demonyms_as_countries, entity_counts, labels_param, model_counts)
from .base import STYLE, empty_figure, integer_ticks, new_figure

__all__ = ["entity_bars", "entity_positions", "cooccurrence_network", "raw_vs_merged"]

_DEMONYM_NOTE = "demonyms counted as their country"
_MODEL_COLOURS = {"GPE": LABEL_COLOURS["PLACE"], "LOC": LABEL_COLOURS["PLACE"]}


def _labels(labels) -> tuple[str, ...]:
    return labels_param(labels) if labels is not None else DEFAULT_LABELS


def _title(base: str, merge_demonyms: bool) -> str:
    return f"{base}\n(with {_DEMONYM_NOTE})" if merge_demonyms else base


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def entity_bars(mentions: pd.DataFrame, *, labels=None, top_n: int = 10, min_mentions: int = 1,
                merge_demonyms: bool = False, title: str | None = None):
    """The most mentioned entities, one panel of horizontal bars per label.

    Args:
        mentions: the ``mentions`` frame.
        labels: labels to show, one panel each (default PERSON, ORG, PLACE, NORP).
        top_n: entities per panel.
        min_mentions: leave out entities mentioned fewer times.
        merge_demonyms: count demonyms as their country (said in the title).
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    labels = _labels(labels)
    title = _title(title or f"Most mentioned entities by label (top {top_n}, mentions after "
                   "merging aliases)", merge_demonyms)
    counts = entity_counts(mentions, labels=labels, merge_demonyms=merge_demonyms,
                           min_mentions=min_mentions)
    if counts.empty:
        return empty_figure(title, f"No entities labelled {', '.join(labels)} with at least "
                                   f"{min_mentions} mention(s) in this article.")
    shown = [lab for lab in labels if (counts["label"] == lab).any()]
    rows = max(min(int((counts["label"] == lab).sum()), top_n) for lab in shown)
    ncols = min(len(shown), 2)
    nrows = math.ceil(len(shown) / ncols)
    fig, ax0 = new_figure(figsize=(10, max(2.4, nrows * (0.9 + 0.32 * rows))))
    ax0.remove()
    with matplotlib.rc_context(STYLE):
        axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
        xmax = int(counts["mentions"].max())
        for ax, lab in zip(axes, shown):
            sub = counts[counts["label"] == lab].head(top_n)
            y = rows - 1 - np.arange(len(sub))  # most mentioned on top, panels aligned
            ax.barh(y, sub["mentions"], color=LABEL_COLOURS.get(lab, "#8c8c8c"))
            ax.set_yticks(y, [_short(e) for e in sub["entity"]])
            for yi, v in zip(y, sub["mentions"]):
                ax.text(v + xmax * 0.01, yi, str(v), va="center", fontsize=9)
            ax.set_xlim(0, xmax * 1.12 + 0.5)
            ax.set_ylim(-0.6, rows - 0.4)
            ax.set_title(lab, fontsize=11, loc="left")
            ax.set_xlabel("mentions")
            ax.set_ylabel("entity")
            integer_ticks(ax.xaxis)
        for ax in axes[len(shown):]:
            ax.set_axis_off()
        fig.suptitle(title)
    return fig


def entity_positions(mentions: pd.DataFrame, sentences: pd.DataFrame, *, labels=None,
                     top_n: int = 12, min_mentions: int = 1, merge_demonyms: bool = False,
                     title: str | None = None):
    """Where each top entity is named, sentence by sentence: one row per entity, a mark in
    each sentence that names it (darker when named more than once).

    Args:
        mentions: the ``mentions`` frame of one article.
        sentences: the ``sentences`` frame of that article (for the article's length and the
            sentences that are not body text).
        labels: labels to include (default PERSON, ORG, PLACE, NORP).
        top_n: entities shown, most mentioned first.
        min_mentions: leave out entities mentioned fewer times.
        merge_demonyms: count demonyms as their country (said in the title).
        title: the chart title.

    Returns:
        ``matplotlib.figure.Figure``.
    """
    labels = _labels(labels)
    title = _title(title or f"Where the top {top_n} entities are named, sentence by sentence",
                   merge_demonyms)
    counts = entity_counts(mentions, labels=labels, merge_demonyms=merge_demonyms,
                           min_mentions=min_mentions).head(top_n)
    if counts.empty or sentences.empty:
        return empty_figure(title, "No entities to place: the article names none with these "
                                   "labels and at least this many mentions.")
    df = demonyms_as_countries(mentions) if merge_demonyms else mentions
    n_sent = int(sentences["sent_id"].max()) + 1
    fig, ax = new_figure(figsize=(10, max(2.6, 1.3 + 0.34 * len(counts))))
    for sid, role in zip(sentences["sent_id"], sentences["role"]):
        if str(role) != "body":
            ax.axvspan(sid - 0.5, sid + 0.5, color="#e8e8e8", lw=0, zorder=0)
    names = counts["entity"].tolist()
    for row, (name, lab) in enumerate(zip(names, counts["label"])):
        hits = df[(df["entity"] == name) & (df["label"] == lab)].groupby("sent_id").size()
        colour = LABEL_COLOURS.get(lab, "#8c8c8c")
        ax.axhline(row, color="#f0f0f0", lw=0.8, zorder=1)
        alphas = [0.55 if n == 1 else 1.0 for n in hits.to_numpy()]
        for sid, alpha in zip(hits.index, alphas):
            ax.add_patch(Rectangle((sid - 0.42, row - 0.36), 0.84, 0.72, color=colour,
                                   alpha=alpha, lw=0, zorder=2))
    ax.set_yticks(range(len(names)), [f"{_short(n)} ({c})" for n, c in
                                      zip(names, counts["mentions"])])
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.set_xlim(-0.5, n_sent - 0.5)
    ax.set_xlabel("sentence number (grey: title, standfirst, caption, dateline)")
    ax.set_ylabel("entity (mentions)")
    integer_ticks(ax.xaxis)
    handles = [Line2D([], [], marker="s", ls="", color=LABEL_COLOURS.get(lab, "#8c8c8c"),
                      label=lab) for lab in dict.fromkeys(counts["label"])]
    handles.append(Line2D([], [], marker="s", ls="", color="#888888", alpha=0.55,
                          label="named once (darker: more)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
              frameon=False)
    ax.set_title(title)
    return fig


def cooccurrence_network(mentions: pd.DataFrame, *, unit: str = "sentence", labels=None,
                         top_n: int = 20, min_count: int = 1, merge_demonyms: bool = False,
                         title: str | None = None):
    """Entities named together: a node per entity (size: mentions, colour: label), a line
    between two entities named in the same sentence (or paragraph), thicker when more often.

    Args:
        mentions: the ``mentions`` frame.
        unit: ``sentence`` or ``paragraph``.
        labels: labels to include (default PERSON, ORG, PLACE, NORP).
        top_n: the most mentioned entities drawn.
        min_count: leave out pairs named together fewer times.
        merge_demonyms: count demonyms as their country (said in the title).
        title: the chart title.

    Returns:
        ``matplotlib.figure.Figure`` (the layout is seeded: the same input draws the same).
    """
    import networkx as nx

    labels = _labels(labels)
    title = _title(title or f"Entities named in the same {unit} (top {top_n}; line width: "
                   f"{unit}s shared)", merge_demonyms)
    counts = entity_counts(mentions, labels=labels, merge_demonyms=merge_demonyms).head(top_n)
    pairs = cooccurrences(mentions, unit=unit, labels=labels, merge_demonyms=merge_demonyms,
                          min_count=min_count)
    keep = set(counts["entity"])
    pairs = pairs[pairs["entity_a"].isin(keep) & pairs["entity_b"].isin(keep)]
    if pairs.empty:
        return empty_figure(title, f"No two of these entities are named in the same {unit}"
                                   f"{'' if min_count <= 1 else f' at least {min_count} times'}.")
    graph = nx.Graph()
    for row in pairs.itertuples():
        graph.add_edge(row.entity_a, row.entity_b, weight=int(row.count))
    nodes = sorted(graph.nodes)
    pos = _layout(graph)
    size = dict(zip(counts["entity"], counts["mentions"]))
    label_of = dict(zip(counts["entity"], counts["label"]))
    fig, ax = new_figure(figsize=(10, 6.4))
    wmax = max(d["weight"] for *_, d in graph.edges(data=True))
    for once in (True, False):  # pairs seen once faint, below the stronger ones
        edges = [(a, b, d["weight"]) for a, b, d in graph.edges(data=True)
                 if (d["weight"] == 1 and wmax > 1) == once]
        if not edges:
            continue
        ax.add_collection(LineCollection(
            [(pos[a], pos[b]) for a, b, _ in edges],
            linewidths=[0.7 + 5.3 * (w - 1) / max(wmax - 1, 1) for *_, w in edges],
            colors="#9aa5b1" if once else "#5d6d7e", alpha=0.35 if once else 0.75, zorder=1))
    smax = max(size.get(n, 1) for n in nodes)
    texts = [f"{_short(n, 24)} ({size.get(n, 0)})" for n in nodes]
    areas = [80 + 1100 * size.get(n, 1) / smax for n in nodes]
    draw_nodes(ax, [pos[n] for n in nodes], texts, areas,
               [LABEL_COLOURS.get(label_of.get(n, ""), "#8c8c8c") for n in nodes], names=False)
    faint = "faint: once, " if wmax > 1 else ""
    ax.set_xlabel(f"size: mentions (in brackets); line width: {unit}s naming both ({faint}"
                  f"widest: {wmax}); layout has no meaning")
    handles = [Line2D([], [], marker="o", ls="", color=LABEL_COLOURS.get(lab, "#8c8c8c"),
                      label=lab) for lab in dict.fromkeys(label_of[n] for n in nodes
                                                          if n in label_of)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
              frameon=False)
    ax.set_title(title)
    place_labels(ax, [pos[n] for n in nodes], texts, [math.sqrt(a) / 2 for a in areas])
    return fig


def draw_nodes(ax, xy, texts: list[str], areas: list[float], colours: list, *,
               names: bool = True) -> None:
    """A network's dots (``areas`` in points squared) with their names beside them, on an axes
    with no ticks or frame, its limits fitted with room for the names. Each name is put where
    it overlaps no other name and no dot (:func:`place_labels`).

    Names are placed in the figure as it is laid out now: a chart that adds a title, axis
    label or legend afterwards passes ``names=False`` and calls :func:`place_labels` last.
    """
    xy = np.array(xy, dtype=float)
    ax.scatter(xy[:, 0], xy[:, 1], s=areas, c=colours, edgecolors="white", linewidths=1.2,
               zorder=2)
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    ax.set_xlim(x0 - 0.14 * (x1 - x0) - 0.35, x1 + 0.14 * (x1 - x0) + 0.35)
    ax.set_ylim(y0 - 0.1 * (y1 - y0) - 0.25, y1 + 0.12 * (y1 - y0) + 0.3)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if names:
        place_labels(ax, xy, texts, [math.sqrt(a) / 2 for a in areas])


#: Directions a name may take from its dot, in the order tried (above first, then below,
#: the sides, the diagonals and between them).
_DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1),
               (0.5, 1), (-0.5, 1), (0.5, -1), (-0.5, -1), (1, 0.5), (-1, 0.5), (1, -0.5),
               (-1, -0.5))


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def place_labels(ax, xy, texts: list[str], radii: list[float], *, fontsize: float = 9) -> list:
    """Names beside dots, each where it overlaps no other name, no other dot and stays inside
    the axes when such a place exists (else where it overlaps least): tried above, below,
    right, left and at the diagonals of its dot, then further out. Measured in the rendered
    font at the figure's size, so what the test sees is what the reader sees.

    Args:
        ax: the axes, its limits set.
        xy: the dots' centres, in data coordinates.
        texts: one name per dot.
        radii: each dot's radius in points.
        fontsize: the names' size in points.

    Returns:
        The annotations, in the order of ``texts``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = ax.figure
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # settles the layout: pixel positions below are final
    renderer = canvas.get_renderer()
    px = fig.dpi / 72
    centres = ax.transData.transform(np.asarray(xy, dtype=float))
    rad = [r * px for r in radii]
    box = ax.get_window_extent(renderer)
    frame = (box.x0, box.y0, box.x1, box.y1)
    dots = [(x - r * 0.9, y - r * 0.9, x + r * 0.9, y + r * 0.9)
            for (x, y), r in zip(centres, rad)]
    sizes = []
    for text in texts:
        t = ax.text(0, 0, text, fontsize=fontsize)
        ext = t.get_window_extent(renderer)
        t.remove()
        sizes.append((ext.width + 4 * px, ext.height + 2 * px))
    placed: list[tuple] = []
    offsets: dict[int, tuple] = {}
    for i in sorted(range(len(texts)), key=lambda k: (-radii[k], k)):  # big dots choose first
        (x, y), r, (w, h) = centres[i], rad[i], sizes[i]
        best, best_cost = None, math.inf
        for step in range(7):
            gap = r + 2 * px + step * h
            for ux, uy in _DIRECTIONS:
                k = 0.75 if ux and uy else 1.0
                cx = x + ux * (k * gap + w / 2)
                cy = y + uy * (k * gap + h / 2)
                cand = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                # a name over a name is worse than a name over a dot
                cost = 3 * sum(_overlap(cand, p) for p in placed)
                cost += sum(_overlap(cand, d) for j, d in enumerate(dots) if j != i)
                inside = (max(frame[0] - cand[0], 0) + max(cand[2] - frame[2], 0)
                          + max(frame[1] - cand[1], 0) + max(cand[3] - frame[3], 0))
                cost += inside * h * 4 + step * 0.5  # nearer places first, all else equal
                if cost < best_cost:
                    best, best_cost = cand, cost
            if best_cost < 1:
                break
        placed.append(best)
        offsets[i] = (((best[0] + best[2]) / 2 - x) / px, ((best[1] + best[3]) / 2 - y) / px)
    out = []
    for i, (text, (x, y)) in enumerate(zip(texts, np.asarray(xy, dtype=float))):
        ann = ax.annotate(text, (x, y), xytext=offsets[i], textcoords="offset points",
                          fontsize=fontsize, ha="center", va="center", zorder=3,
                          bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                                "alpha": 0.75})
        ann.set_in_layout(False)  # names never move the axes the places were measured on
        out.append(ann)
    return out


def _layout(graph) -> dict:
    """Positions: each connected group laid out on its own (seeded), the groups side by side
    in rows, largest first, so that separate groups do not fly to the corners."""
    import networkx as nx

    comps = sorted((sorted(c) for c in nx.connected_components(graph)),
                   key=lambda c: (-len(c), c[0]))
    pos, x, y, row_h = {}, 0.0, 0.0, 0.0
    width = max(4.0, 2.2 * math.sqrt(graph.number_of_nodes()))
    for comp in comps:
        sub = graph.subgraph(comp)
        r = 0.55 * math.sqrt(len(comp)) if len(comp) > 2 else 0.45
        if len(comp) == 2:
            local = {comp[0]: np.array([-r, 0.0]), comp[1]: np.array([r, 0.0])}
        else:
            local = nx.spring_layout(sub, seed=7, weight="weight", iterations=200, scale=r,
                                     k=2.4 / math.sqrt(len(comp)))
        if x > 0 and x + 2 * r > width:
            x, y, row_h = 0.0, y - row_h - 0.6, 0.0
        for n, p in local.items():
            pos[n] = np.array([x + r + p[0], y - r + p[1]])
        x += 2 * r + 0.6
        row_h = max(row_h, 2 * r)
    return pos


def raw_vs_merged(mentions: pd.DataFrame, *, top_n: int = 15, title: str | None = None):
    """What merging did: on the left the model's own counts (each span text and label as
    spaCy gives them), on the right the counts after cleaning, merging and relabelling.

    Args:
        mentions: the ``mentions`` frame of one article.
        top_n: bars per side.
        title: the chart title.

    Returns:
        ``matplotlib.figure.Figure``.
    """
    title = title or (f"Model counts as spaCy gives them (left) and after merging aliases "
                      f"(right), top {top_n}")
    raw = model_counts(mentions).head(top_n)
    merged = entity_counts(mentions).head(top_n)
    if raw.empty and merged.empty:
        return empty_figure(title, "The model found no named entities in this article.")
    rows = max(len(raw), len(merged))
    fig, ax0 = new_figure(figsize=(10, max(3.0, 1.4 + 0.3 * rows)))
    ax0.remove()
    with matplotlib.rc_context(STYLE):
        left, right = fig.subplots(1, 2, sharex=True)
    xmax = max(int(raw["mentions"].max()) if len(raw) else 1,
               int(merged["mentions"].max()) if len(merged) else 1)
    panels = (
        (left,
         [f"{_short(t, 24)} [{lab}]" for t, lab in zip(raw["model_text"], raw["model_label"])],
         raw["mentions"].tolist(),
         [_MODEL_COLOURS.get(lab, LABEL_COLOURS.get(lab, "#8c8c8c")) for lab in raw["model_label"]],
         "as the model gives them: text [model label] (no numbers or dates)"),
        (right, [f"{_short(e, 24)} [{lab}]" for e, lab in zip(merged["entity"], merged["label"])],
         merged["mentions"].tolist(),
         [LABEL_COLOURS.get(lab, "#8c8c8c") for lab in merged["label"]],
         "after merging: entity [label]"),
    )
    for ax, names, values, colours, sub in panels:
        y = np.arange(len(names))[::-1]
        ax.barh(y, values, color=colours)
        ax.set_yticks(y, names, fontsize=9)
        for yi, v in zip(y, values):
            ax.text(v + xmax * 0.01, yi, str(v), va="center", fontsize=9)
        ax.set_ylim(-0.6 + (len(names) - rows), len(names) - 0.4)
        ax.set_xlim(0, xmax * 1.15 + 0.5)
        ax.set_xlabel("mentions")
        ax.set_ylabel("model text [model label]" if ax is left else "entity [label]")
        ax.set_title(sub, fontsize=10, loc="left")
        integer_ticks(ax.xaxis)
    fig.suptitle(title)
    return fig
