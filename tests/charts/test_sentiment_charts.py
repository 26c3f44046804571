"""Sentiment charts (the arc, sentiment toward entities, emotions): titles and axis labels say
what is shown; an empty chart says so in words."""

from __future__ import annotations

import pandas as pd
import pytest

import newsbench as nb
from newsbench import charts, schema
from newsbench.errors import ParameterError


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


def _emotions(words=None):
    """Two sentences: the first with 2 fear and 1 trust words, the second with 1 trust word."""
    rows = {e: [0, 0] for e in schema.EMOTIONS}
    rows.update(fear=[2, 0], trust=[1, 1], negative=[2, 0], positive=[0, 1])
    df = pd.DataFrame({"article_id": "a", "start": [0, 30], "end": [29, 60], "sent_id": [0, 1],
                       **rows})
    if words is not None:
        df["words"] = words
    return df


def _sentences_of(texts):
    return pd.DataFrame({"article_id": "a", "sent_id": range(len(texts)), "text": texts})


def test_emotion_chart_counts_per_1000_words_and_orders_by_that_rate():
    fig = charts.emotion_chart(_emotions(words=[100, 150]))  # 250 words in all
    ax, ax2 = fig.axes
    assert "per 1,000 words" in ax.get_xlabel() and "per 1,000 words" in ax2.get_ylabel()
    assert "per 1,000 words" in fig._suptitle.get_text() and "250 words" in fig._suptitle.get_text()
    names = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.patches]
    assert names[-2:] == ["trust", "fear"]  # highest rate on top: fear 8, trust 8 -> by name
    assert widths[-1] == pytest.approx(2 * 1000 / 250) and widths[-2] == pytest.approx(8.0)
    assert widths == sorted(widths)  # ordered by the rate
    assert any(t.get_text() == "8.0 (2)" for t in ax.texts)  # the rate, and the count
    heights = [p.get_height() for p in ax2.patches]
    assert heights == [pytest.approx(8.0), pytest.approx(4.0)]  # negative, positive


def test_emotion_chart_counts_words_in_the_sentences_without_a_words_column():
    sents = _sentences_of(["one two three four five", "six seven eight nine ten"])
    fig = charts.emotion_chart(_emotions(), sents)  # 10 words
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths[-1] == pytest.approx(200.0)  # 2 fear words per 10 words
    with pytest.raises(ParameterError, match="sentences"):
        charts.emotion_chart(_emotions())


def test_emotion_chart_marks_zero_rates():
    fig = charts.emotion_chart(_emotions(words=[100, 150]))
    ax = fig.axes[0]
    zero_rows = [i for i, p in enumerate(ax.patches) if p.get_width() == 0]
    dots = [ln for ln in ax.lines if ln.get_marker() == "o"]
    assert len(zero_rows) == 6 and len(dots) == 6  # anger, anticipation ... each a dot at 0
    assert all(ln.get_xdata()[0] == 0 for ln in dots)


def test_emotion_chart_on_the_seed(seed_analysis):
    fig = charts.emotion_chart(seed_analysis.emotions, seed_analysis.sentences)
    assert "NRC" in fig._suptitle.get_text()
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in fig.axes)


def test_arc_ticks_are_whole_sentence_numbers():
    an = nb.analyze_text("Title\n\nA terrible massacre. The weather was mild. A wonderful day.",
                         cache=False)
    ax = charts.sentiment_arc(an.sentences).axes[0]
    lo, hi = ax.get_xlim()
    ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)


def test_arc_marks_a_zero_score_as_a_dot():
    sents = pd.DataFrame({"sent_id": [0, 1, 2], "role": ["title", "body", "body"],
                          "sentiment": [0.4, 0.0, -0.5], "text": ["a", "b", "c"]})
    ax = charts.sentiment_arc(sents).axes[0]
    dots = [ln for ln in ax.lines if ln.get_marker() == "o"]
    assert len(dots) == 1 and dots[0].get_xdata()[0] == 1 and dots[0].get_ydata()[0] == 0
    assert "score 0" in [t.get_text() for t in ax.get_legend().get_texts()]


def _ents():
    return pd.DataFrame({"entity": ["Aleppo", "Lavrov", "Beirut", "Tass", "Iran"],
                         "label": ["PLACE", "PERSON", "PLACE", "ORG", "PLACE"],
                         "mentions": [5, 3, 2, 1, 1], "sentiment": [-0.5, 0.2, 0.0, 0.9, -0.9],
                         "sentiment_std": [0.3, 0.1, 0.0, float("nan"), float("nan")]})


def _bar_names(fig):
    return [t.get_text().split(" (")[0] for t in fig.axes[0].get_yticklabels()]


def test_entity_sentiment_leaves_one_mention_entities_out_by_default_and_says_which():
    fig = charts.entity_sentiment_chart(_ents(), top_n=10)
    assert set(_bar_names(fig)) == {"Aleppo", "Lavrov", "Beirut"}
    note = fig._supxlabel.get_text()
    assert "2 entities mentioned fewer than 2 times" in " ".join(note.split())
    assert "Tass" in note and "Iran" in note
    assert "3 mentioned 2 times or more" in fig.axes[0].get_title()
    every = charts.entity_sentiment_chart(_ents(), top_n=10, min_mentions=1)
    assert set(_bar_names(every)) == {"Aleppo", "Lavrov", "Beirut", "Tass", "Iran"}
    assert every._supxlabel is None


def test_entity_sentiment_note_does_not_list_names_that_would_not_be_shown():
    fig = charts.entity_sentiment_chart(_ents(), top_n=2)
    assert _bar_names(fig) == ["Lavrov", "Aleppo"]
    note = " ".join(fig._supxlabel.get_text().split())
    assert "2 entities" in note and "Tass" not in note
    assert "none of them would be in the top 2" in note


def test_entity_sentiment_with_nobody_mentioned_twice_says_so():
    fig = charts.entity_sentiment_chart(_ents()[_ents()["mentions"] == 1])
    text = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert not fig.axes[0].axison and "No entity is mentioned 2 times or more" in text
    assert "Tass" in text


def test_entity_sentiment_marks_a_zero_mean_and_writes_every_mean():
    fig = charts.entity_sentiment_chart(_ents())
    ax = fig.axes[0]
    row = _bar_names(fig).index("Beirut")
    dots = [ln for ln in ax.lines if ln.get_marker() == "o"]
    assert len(dots) == 1 and dots[0].get_ydata()[0] == row and dots[0].get_xdata()[0] == 0
    texts = [t.get_text() for t in ax.texts]
    assert "+0.00 ± 0.00" in texts and "-0.50 ± 0.30" in texts
