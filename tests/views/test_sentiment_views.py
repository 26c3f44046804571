"""Sentiment views (:mod:`newsbench.views.sentiment`): the line per article and the table of
the most negative and positive sentences, on one article and on several."""

from __future__ import annotations

import newsbench as nb
from newsbench import views


def test_extremes_table():
    an = nb.analyze_text("Title\n\nA terrible massacre shocked the nation. The weather was mild. "
                         "A wonderful rescue delighted everyone.", cache=False)
    t = views.extremes(an.sentences, n=1)
    assert list(t["side"]) == ["most negative", "most positive"]
    assert t.iloc[0]["text"].startswith("A terrible massacre")
    assert t.iloc[1]["text"].startswith("A wonderful rescue")


def test_describe_says_the_method_and_shares(seed_analysis):
    line = views.sentiment.describe(seed_analysis.articles)
    assert "mean of its body sentence scores" in line and "method 'news'" in line and "%" in line


def test_extremes_over_two_articles_keep_each_article_apart():
    bad = nb.analyze_text("Title\n\nA terrible massacre shocked the nation.", cache=False)
    good = nb.analyze_text("Title\n\nA wonderful rescue delighted everyone.", cache=False)
    both = nb.Analysis.concat([bad, good])
    t = views.extremes(both.sentences, n=1)
    # the same sentence number in two articles is two sentences
    assert list(t["side"]) == ["most negative", "most positive"]
    assert list(t["article_id"]) == [bad.article_id, good.article_id]
    assert t.iloc[0]["sent_id"] == t.iloc[1]["sent_id"]
    assert "article_id" not in views.extremes(bad.sentences, n=1).columns
    lines = views.sentiment.describe(both.articles).splitlines()
    assert [ln.split(":")[0] for ln in lines] == [bad.article_id, good.article_id]


def _scored(scores):
    import pandas as pd

    return pd.DataFrame({"sent_id": range(len(scores)), "role": "body", "sentiment": scores,
                         "text": [f"Sentence {i}." for i in range(len(scores))],
                         "start": [10 * i for i in range(len(scores))],
                         "end": [10 * i + 9 for i in range(len(scores))]})


def test_extremes_list_only_sentences_past_the_polarity_threshold():
    from newsbench.sentiment import POLARITY_THRESHOLD

    # one positive sentence; the rest neutral or negative: "most positive" is that one alone
    t = views.extremes(_scored([-0.9, -0.5, -0.1, 0.0, 0.15, 0.19, 0.2 + 1e-9, -0.2]), n=5)
    neg = t[t["side"] == "most negative"]["sentiment"].tolist()
    pos = t[t["side"] == "most positive"]["sentiment"].tolist()
    assert neg == [-0.9, -0.5, -0.2] and pos == [0.2 + 1e-9]
    assert all(v <= -POLARITY_THRESHOLD for v in neg) and all(v >= POLARITY_THRESHOLD for v in pos)
    assert t.attrs["negative"] == 3 and t.attrs["positive"] == 1
    assert {"start", "end"} <= set(t.columns)  # the offsets stay in the frame


def test_extremes_html_says_none_in_words():
    html = views.sentiment.extremes_html(_scored([-0.9, -0.1, 0.0, 0.1]), n=5)
    assert "Most positive sentences</b>: none. No sentence is positive (score +0.2 or more)" in html
    assert "all 1 negative sentence" in html and "Sentence 0." in html
    assert "Sentence 1." not in html and "Sentence 3." not in html  # neutral: in neither table
    assert ">start<" not in html and ">end<" not in html  # offsets not shown
    both = views.sentiment.extremes_html(_scored([0.0, 0.1]), n=5)
    assert "Most negative sentences</b>: none" in both
    assert "Most positive sentences</b>: none" in both
    assert "<table" not in both


def test_extremes_html_says_how_many_it_shows_of_how_many():
    html = views.sentiment.extremes_html(_scored([-0.9, -0.8, -0.7, 0.5]), n=2)
    assert "the 2 most negative of 3 negative sentences" in html
    assert "Sentence 2." not in html


def test_extremes_html_escapes_article_text():
    scored = _scored([-0.9])
    scored["text"] = ["<script>alert(1)</script> & more"]
    html = views.sentiment.extremes_html(scored)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; more" in html


def _emotions(words=None):
    import pandas as pd

    from newsbench import schema

    rows = {e: [0, 0] for e in schema.EMOTIONS}
    rows.update(fear=[3, 1], trust=[0, 1], joy=[0, 0], negative=[3, 0])
    df = pd.DataFrame({"article_id": "a", "sent_id": [0, 1], "start": [0, 40], "end": [39, 80],
                       **rows})
    if words is not None:
        df["words"] = words
    return df


def test_emotion_rates_per_1000_words_from_the_words_column():
    rates = views.sentiment.emotion_rates(_emotions(words=[300, 200]))
    assert rates.attrs["total_words"] == 500
    by = rates.set_index("emotion")
    assert by.at["fear", "words"] == 4 and by.at["fear", "per_1000"] == 8.0
    assert by.at["trust", "per_1000"] == 2.0 and by.at["joy", "per_1000"] == 0.0
    feelings = rates[rates["kind"] == "feeling"]
    assert feelings["per_1000"].is_monotonic_decreasing and feelings["emotion"].iloc[0] == "fear"
    assert rates["kind"].tolist()[-2:] == ["polarity", "polarity"]


def test_emotion_rates_count_the_sentence_words_without_a_words_column():
    import pandas as pd
    import pytest

    sents = pd.DataFrame({"article_id": "a", "sent_id": [0, 1, 2],
                          "text": ["Four words are here.", "Don't count me twice.", "Not counted"]})
    rates = views.sentiment.emotion_rates(_emotions(), sents)
    assert rates.attrs["total_words"] == 8  # sentence 2 has no emotions row: not counted
    assert rates.set_index("emotion").at["fear", "per_1000"] == 500.0
    with pytest.raises(nb.ParameterError, match="words column"):
        views.sentiment.emotion_rates(_emotions())
