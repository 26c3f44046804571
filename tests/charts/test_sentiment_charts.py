"""Sentiment charts (the arc, sentiment toward entities, emotions): titles and axis labels say
what is shown; an empty chart says so in words."""

from __future__ import annotations

import pandas as pd

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


def test_entity_sentiment_chart_is_labelled_or_says_it_is_empty():
    ents = pd.DataFrame({"entity": ["A", "B"], "label": ["PERSON", "ORG"], "mentions": [3, 2],
                         "sentiment": [-0.5, 0.2], "sentiment_std": [0.1, 0.0]})
    ax = charts.entity_sentiment_chart(ents, top_n=5).axes[0]
    assert "Sentiment toward" in ax.get_title() and "mean sentiment" in ax.get_xlabel()
    empty = charts.entity_sentiment_chart(ents.iloc[:0])
    assert any("No entities" in t.get_text() for t in empty.axes[0].texts)


def test_emotion_chart(seed_analysis):
    fig = charts.emotion_chart(seed_analysis.emotions)
    assert "NRC" in fig._suptitle.get_text()
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in fig.axes)

