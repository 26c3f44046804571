"""Charts: titles and axis labels say what is shown; an empty chart says so in words."""

from __future__ import annotations

import newsbench as nb
from newsbench import charts, schema


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_sentiment_arc_is_labelled(seed_analysis):
    fig = charts.sentiment_arc(seed_analysis.sentences, window=3)
    ax = fig.axes[0]
    assert "Sentiment" in ax.get_title()
    assert "sentence" in ax.get_xlabel() and "sentiment" in ax.get_ylabel()
    assert len(ax.patches) >= len(seed_analysis.sentences)  # one bar per sentence
    assert charts.to_png(fig).startswith(b"\x89PNG")


def test_same_input_same_png(seed_analysis):
    a = charts.to_png(charts.sentiment_arc(seed_analysis.sentences))
    b = charts.to_png(charts.sentiment_arc(seed_analysis.sentences))
    assert a == b


def test_empty_chart_says_so():
    fig = charts.sentiment_arc(schema.empty("sentences"))
    assert any("No sentences" in t for t in _texts(fig))
