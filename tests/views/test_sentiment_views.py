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
