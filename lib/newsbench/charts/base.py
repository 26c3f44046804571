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
    (:func:`plain_text`)."""
    plain_text(fig)
    buf = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def show(fig) -> None:
    """Display a chart in a notebook as a PNG image (works in JupyterLab and in HTML reports,
    whatever matplotlib backend the kernel has)."""
    from IPython.display import Image, display

    display(Image(data=to_png(fig), format="png"))


def empty_figure(title: str, message: str):
    """A figure that says in words why there is nothing to draw."""
    fig, ax = new_figure(figsize=(10, 2.2))
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True, fontsize=12,
            transform=ax.transAxes)
    return fig
