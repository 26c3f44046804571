"""Timeline charts: the article's dated events on a calendar axis."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .base import empty_figure, new_figure

__all__ = ["timeline_chart"]

GRANULARITIES = ("day", "week", "month")

_COLOURS = {"dated": "#1f4e79", "relative": "#dd8452", "span": "#55a868", "period": "#8172b2",
            "published": "#c44e52"}
_LABEL_SIZE = 9


def _snap(ts: pd.Timestamp, granularity: str) -> pd.Timestamp:
    if granularity == "week":
        return (ts - pd.Timedelta(days=ts.weekday())).normalize()
    if granularity == "month":
        return ts.replace(day=1).normalize()
    return ts.normalize()


def _date_label(start: pd.Timestamp, end: pd.Timestamp, year: bool = False) -> str:
    """The event's own date, exactly (whatever the chart's granularity)."""
    days = (end - start).days
    if days == 0:
        return f"{start:%a} {start.day} {start:%b}" + (f" {start.year}" if year else "")
    if days == 6 and start.weekday() == 0:
        return f"wk {start.isocalendar()[1]}"
    if days == 1 and start.weekday() == 5:
        return f"wkd {start.day} {start:%b}"
    if start.day == 1 and end.month == start.month and end.year == start.year:
        return f"{start:%b %Y}"
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return f"{start.year}" if start.year == end.year else f"{start.year}-{end.year}"
    return f"{start.day} {start:%b %Y}-{end.day} {end:%b %Y}"


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline_chart(events: pd.DataFrame, *, published=None, granularity: str = "day",
                   include_durations: bool = True, max_label: int = 56, title: str | None = None):
    """Dated events on a date axis, the publication day marked, periods and durations as spans.

    Each event is a dot at its date with a label "date: who did what"; labels are stacked on
    levels so that none overlap. Events spanning a week, month or year are bars; durations the
    text places on the calendar ("two weeks of bombardment" ending at publication) are drawn
    below the axis line. A duration reaching far before the other events is cut at the left
    edge, with an arrow and its start date.

    Args:
        events: the ``events`` frame of one article.
        published: the publication date (``YYYY-MM-DD``, date or Timestamp), marked with a
            dashed line; None when unknown.
        granularity: ``day``, ``week`` or ``month``: where dots sit (the day, the Monday of
            their week, the first of their month) and how the axis is ticked.
        include_durations: draw durations as spans (``kind == "span"`` events).
        max_label: longest label, in characters (longer ones end in "…").
        title: the chart title (default says what is shown).

    Returns:
        ``matplotlib.figure.Figure``.
    """
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity: '{granularity}' is not allowed; use one of {', '.join(GRANULARITIES)}")
    title = title or "The article's events on the calendar"
    pub = None if published is None or pd.isna(published) or published == "" else pd.Timestamp(published).normalize()
    ev = events[events["date_start"].notna()] if len(events) else events
    if "kind" not in ev.columns:       # frames from before the time layer had kinds
        ev = ev.assign(kind="dated")
    if not include_durations and len(ev):
        ev = ev[ev["kind"].astype(str) != "span"]
    if ev is None or ev.empty:
        return empty_figure(title, textwrap.fill(_nothing_dated(events, pub), 90))

    rows = _rows(ev, pub, max_label)
    xmin, xmax = _window(rows, pub, granularity)
    fig, ax = new_figure(figsize=(10, 5.6))
    drawn, n_above, n_below = _stack(fig, ax, rows, xmin, xmax)
    _draw(ax, drawn, xmin, xmax)
    _frame(ax, pub, granularity, xmin, xmax, n_above, n_below)
    n_undated = int(events["date_start"].isna().sum()) if len(events) else 0
    _title_and_legend(fig, ax, rows, title, n_undated)
    return fig


def _nothing_dated(events: pd.DataFrame, pub) -> str:
    """Why there is nothing to draw, in words."""
    if pub is None:
        return ("No dated events. The article has no publication date, so 'Friday' or 'last week' "
                "cannot be placed on a calendar: give one with the published parameter (YYYY-MM-DD).")
    if len(events):
        return "No event in this article could be placed on a calendar (see the undated events)."
    return "No dated events: the article has no temporal expressions to anchor its events."


def _rows(ev: pd.DataFrame, pub, max_label: int) -> list[dict]:
    """One entry per event to draw: its days, kind and label."""
    years = {pd.Timestamp(d).year for d in ev["date_start"]} | ({pub.year} if pub is not None else set())
    rows = []
    for r in ev.itertuples():
        start = pd.Timestamp(r.date_start).normalize()
        end = pd.Timestamp(r.date_end).normalize() if pd.notna(r.date_end) else start
        kind = str(r.kind)
        if kind == "span":
            label = _short(f"{r.summary}: {start.day} {start:%b %Y} to {end.day} {end:%b %Y}", max_label + 24)
        else:
            with_year = len(years) > 1 and (pub is None or start.year != pub.year)
            label = _short(f"{_date_label(start, end, with_year)}: {r.summary}", max_label)
        rows.append({"start": start, "end": end, "kind": kind, "label": label,
                     "point": (end - start).days == 0 and kind != "span"})
    return rows


def _window(rows: list[dict], pub, granularity: str):
    """The dates shown: every event and period, and durations unless they reach far back
    (those are marked ``clipped``). Points are snapped to the granularity."""
    for r in rows:
        if r["point"]:
            r["start"] = r["end"] = _snap(r["start"], granularity)
    core = [x for r in rows if r["kind"] != "span" for x in (r["start"], r["end"])]
    if pub is not None:
        core.append(pub)
    if not core:
        core = [x for r in rows for x in (r["start"], r["end"])]
    lo, hi = min(core), max(core)
    reach = max((hi - lo) * 0.5, pd.Timedelta(days=30))
    for r in rows:
        if r["kind"] == "span":
            r["clipped"] = r["start"] < lo - reach
            if not r["clipped"]:
                lo = min(lo, r["start"])
            hi = max(hi, r["end"])
    span_days = max((hi - lo).days, 6)
    pad = pd.Timedelta(days=max(1, round(span_days * 0.04)))
    return lo - pad, hi + pad + pd.Timedelta(days=1)


def _place(levels: list[list[tuple[float, float]]], a: float, b: float) -> int:
    """The lowest level where ``[a, b)`` overlaps nothing (a new level when none is free)."""
    for i, taken in enumerate(levels):
        if all(b <= x or a >= y for x, y in taken):
            taken.append((a, b))
            return i
    levels.append([(a, b)])
    return len(levels) - 1


def _stack(fig, ax, rows: list[dict], xmin, xmax):
    """Levels for the labels so that none overlap, measured in the rendered font.

    Returns ``(drawn, n_above, n_below)``: ``(row, level, x_start, x_end, right_aligned)`` for
    each row, and how many levels are used above and below the axis line.
    """
    canvas = FigureCanvasAgg(fig)
    ax.set_xlim(xmin, xmax)
    canvas.draw()
    renderer = canvas.get_renderer()
    axes_px = ax.get_window_extent(renderer).width
    days_per_px = (xmax - xmin).total_seconds() / 86400 / max(axes_px, 1)

    def width_days(text: str) -> float:
        t = ax.text(0, 0, text, fontsize=_LABEL_SIZE)
        w = t.get_window_extent(renderer).width
        t.remove()
        return (w + 14) * days_per_px

    x_num = mdates.date2num
    xmax_n = x_num(xmax)
    above: list[list[tuple[float, float]]] = []
    below: list[list[tuple[float, float]]] = []
    drawn = []
    for r in sorted(rows, key=lambda r: (r["kind"] == "span", r["start"])):
        # a day is its tick (midnight, where its date is written): a dot sits on the tick of
        # its day, a bar runs from the tick of its first day to the tick of its last
        a = x_num(r["start"]) if r["point"] else x_num(max(r["start"], xmin))
        b_bar = x_num(min(max(r["end"], r["start"] + pd.Timedelta(hours=6)), xmax))
        w = width_days(r["label"])
        right_aligned = a + w > xmax_n
        la, lb = (a - w, a) if right_aligned else (a, a + w)
        if r["kind"] == "span":
            lvl = _place(below, min(la, a), max(lb, b_bar))
        else:
            lvl = _place(above, min(la, a), max(lb, b_bar if not r["point"] else a))
        drawn.append((r, lvl, a, b_bar, right_aligned))
    return drawn, len(above), len(below)


def _draw(ax, drawn, xmin, xmax) -> None:
    """Dots, bars and labels: events above the axis line, durations below it."""
    xmin_n, xmax_n = mdates.date2num(xmin), mdates.date2num(xmax)
    for r, lvl, a, b, right in drawn:
        colour = _COLOURS["span"] if r["kind"] == "span" else (
            _COLOURS["relative"] if r["kind"] == "relative" else
            _COLOURS["dated"] if r["point"] else _COLOURS["period"])
        if r["kind"] == "span":
            y = -(lvl + 1)
            ax.barh(y, b - a, left=a, height=0.45, color=colour, alpha=0.55, lw=0)
            if r.get("clipped"):
                ax.annotate("", xy=(a, y), xytext=(a + (xmax_n - xmin_n) * 0.04, y),
                            arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.5})
                text = "◂ " + r["label"]
            else:
                text = r["label"]
            ax.text(a if not right else b, y + 0.32, text, fontsize=_LABEL_SIZE, va="bottom",
                    ha="right" if right else "left", color="#2d4a2d")
        else:
            y = lvl + 1
            ax.plot([a, a], [0, y], color="#bbbbbb", lw=0.8, zorder=1)
            if r["point"]:
                ax.plot([a], [y], "o", color=colour, ms=6, zorder=3)
            else:
                ax.barh(y, b - a, left=a, height=0.3, color=colour, alpha=0.6, lw=0, zorder=2)
            ax.annotate(r["label"], xy=(a, y), xytext=(-5 if right else 5, 5), textcoords="offset points",
                        fontsize=_LABEL_SIZE, va="bottom", ha="right" if right else "left",
                        color="#222222", zorder=4)


def _frame(ax, pub, granularity: str, xmin, xmax, n_above: int, n_below: int) -> None:
    """The axis line, the publication day, the limits, ticks and axis labels."""
    x_num = mdates.date2num
    ax.axhline(0, color="#444444", lw=1)
    if pub is not None and xmin <= pub <= xmax:
        at = x_num(_snap(pub, granularity))  # on the tick of its day, as the dots are
        ax.axvline(at, color=_COLOURS["published"], ls="--", lw=1.4, zorder=0)
        right = at > (x_num(xmin) + x_num(xmax)) / 2
        ax.text(at, 1.0, f"published {pub:%a} {pub.day} {pub:%b %Y} ", transform=ax.get_xaxis_transform(),
                color=_COLOURS["published"], fontsize=_LABEL_SIZE, va="bottom",
                ha="right" if right else "left")
    top = n_above + 1
    bottom = -(n_below + 0.6) if n_below else -0.6
    ax.set_ylim(bottom, top + 0.4)
    ax.set_yticks([])
    ax.set_ylabel("events, stacked so labels do not overlap\n(below the line: durations)")
    _ticks(ax, granularity, xmin, xmax)
    ax.set_xlabel({"day": "date (a dot sits on the tick of its day)", "week": "week (dots at the Monday of their week)",
                   "month": "month (dots at the first of their month)"}[granularity]
                  + ("; dashed line: publication day" if pub is not None else
                     "\nno publication date: relative dates such as 'Friday' are not placed"
                     " (give one with published=YYYY-MM-DD)"))


def _title_and_legend(fig, ax, rows: list[dict], title: str, n_undated: int) -> None:
    n_dated = sum(1 for r in rows if r["kind"] != "span")
    n_span = sum(1 for r in rows if r["kind"] == "span")
    counts = f"{n_dated} events" + (f", {n_span} durations" if n_span else "")
    if n_undated:
        counts += f"; {n_undated} undated, not shown"
    ax.set_title(f"{title} ({counts})", pad=16)
    handles = [Line2D([], [], marker="o", ls="", color=_COLOURS["dated"], label="event on a day"),
               Patch(color=_COLOURS["period"], alpha=0.6, label="event in a week/month/year")]
    if any(r["kind"] == "relative" for r in rows):
        handles.append(Line2D([], [], marker="o", ls="", color=_COLOURS["relative"],
                              label="dated through another event"))
    if n_span:
        handles.append(Patch(color=_COLOURS["span"], alpha=0.55, label="duration"))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8, frameon=False)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _ticks(ax, granularity: str, xmin: pd.Timestamp, xmax: pd.Timestamp) -> None:
    days = (xmax - xmin).days
    if granularity == "week" and days <= 7 * 16:
        ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("wk %V\n%d %b"))
    elif granularity == "month" and days <= 31 * 18:
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    elif granularity == "day" and days <= 21:
        ax.xaxis.set_major_locator(mdates.DayLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%a\n%d %b"))
    else:
        loc = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    ax.tick_params(axis="x", labelsize=9)
