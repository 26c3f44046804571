"""Shared chart helpers: report-size defaults and the 'nothing to show' figure."""

from __future__ import annotations

import io

import matplotlib
from matplotlib.figure import Figure

#: Report size: readable in an HTML report and on a phone screen.
FIGSIZE = (10, 4.8)

ROLE_COLOURS = {"title": "#4c72b0", "standfirst": "#8172b2", "caption": "#937860",
                "dateline": "#8c8c8c", "body": "#ffffff"}


STYLE = {"font.size": 11, "axes.titlesize": 13, "axes.labelsize": 11, "figure.dpi": 100,
         "savefig.dpi": 110}


def style() -> None:
    """Font sizes that stay readable at report size (for charts drawn outside newsbench)."""
    matplotlib.rcParams.update(STYLE)


def new_figure(figsize=FIGSIZE, *, nrows: int = 1, ncols: int = 1, **subplots):
    """A figure not registered with pyplot: no backend needed, nothing leaks, nothing auto-shows.

    Returns ``(fig, ax)``, or ``(fig, axes)`` when more than one panel is asked for.
    """
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=figsize, layout="constrained")
        axes = fig.subplots(nrows, ncols, **subplots)
    return fig, axes


def plain_text(fig) -> None:
    """Every text of ``fig`` drawn as written: article words such as "$5 and $6" or
    "$\\frac{a}{b}$" are not matplotlib mathtext (which would garble them, or fail to draw)."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)


def to_png(fig) -> bytes:
    """The figure as PNG bytes (the same input gives the same bytes); its texts as written
    (:func:`plain_text`). For callers that need a raster image; notebooks show SVG
    (:func:`show`)."""
    plain_text(fig)
    buf = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


#: How charts are written as SVG: text kept as text (selectable, searchable, small), ids
#: seeded so the same figure gives the same bytes.
SVG_STYLE = {"svg.fonttype": "none", "svg.hashsalt": "newsbench", "svg.image_inline": True,
             # the font the chart was measured in, then the closest in width that browsers
             # have (a short list: it is written on every text)
             "font.sans-serif": ["DejaVu Sans", "Verdana"]}
#: No date, creator or path in an SVG: the same input gives the same file wherever it runs.
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def to_svg(fig) -> str:
    """The figure as SVG markup (vector, text as ``<text>`` elements), the same for the same
    input: no date, creator or path in it; its texts as written (:func:`plain_text`).

    Article words in labels are escaped by matplotlib's SVG writer (``<`` as ``&lt;``, ``&``
    as ``&amp;``): no label can add markup or script to the SVG.
    """
    plain_text(fig)
    buf = io.StringIO()
    with matplotlib.rc_context({**STYLE, **SVG_STYLE}):
        fig.savefig(buf, format="svg", metadata=SVG_METADATA)
    svg = buf.getvalue()
    # the XML prolog and DOCTYPE are for files; an SVG inlined in HTML starts at <svg
    return svg[svg.index("<svg"):]


def show(fig) -> None:
    """Display a chart in a notebook as SVG (vector, text selectable; shown by JupyterLab and
    inlined in the HTML reports, whatever matplotlib backend the kernel has)."""
    from IPython.display import display

    display({"image/svg+xml": to_svg(fig), "text/plain": f"<chart: {chart_title(fig)}>"},
            raw=True)


def chart_title(fig) -> str:
    """The figure's title (its suptitle, else its first axes title), on one line."""
    texts = [fig._suptitle] if fig._suptitle is not None else []
    texts += [t for ax in fig.axes for t in (ax.title, ax._left_title)]
    title = next((t.get_text() for t in texts if t.get_text().strip()), "chart")
    return " ".join(title.split())


def integer_ticks(axis) -> None:
    """Ticks on whole numbers only (sentence numbers, counts: never a tick at 2.5)."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


#: A value this close to 0 draws no visible bar.
ZERO = 0.005


def mark_zeros(ax, positions, values, *, horizontal: bool = False, label: str | None = None,
               colour: str = "#333333") -> int:
    """A dot (and, with ``label``, that text beside it) where a bar is 0, so a zero reads as
    a value and not as a missing row.

    Args:
        ax: the axes holding the bars.
        positions: each bar's place on the category axis.
        values: each bar's value.
        horizontal: the bars are horizontal (``barh``).
        label: a text written beside each zero dot ("0", "0.00").

    Returns:
        How many zeros were marked.
    """
    n = 0
    for p, v in zip(positions, values):
        if v is None or v != v or abs(float(v)) >= ZERO:  # NaN is no value, not a zero
            continue
        xy = (0, p) if horizontal else (p, 0)
        ax.plot(*xy, marker="o", ms=5, color=colour, ls="", zorder=4)
        if label is not None:
            ax.annotate(label, xy, xytext=(6, 0) if horizontal else (0, 5),
                        textcoords="offset points", fontsize=9, color=colour,
                        ha="left" if horizontal else "center",
                        va="center" if horizontal else "bottom", zorder=4)
        n += 1
    return n


def note(fig, text: str, *, width: int = 130) -> None:
    """Small text under the whole figure (what was left out, and why), wrapped; the layout
    makes room for it."""
    import textwrap

    fig.supxlabel(textwrap.fill(text, width), x=0.01, ha="left", fontsize=9, color="#444444")


def empty_figure(title: str, message: str):
    """A figure that says in words why there is nothing to draw."""
    fig, ax = new_figure(figsize=(10, 2.2))
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True, fontsize=12,
            transform=ax.transAxes)
    return fig
