"""Time views (:mod:`newsbench.views.timeline`): a TIMEX3 value in words, the tables of
expressions and events, on one article and on several."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsbench as nb
from newsbench import schema, views

DATA = Path(__file__).resolve().parent.parent / "data" / "timeline"


@pytest.mark.parametrize("value, words", [
    ("2016-10-07", "Fri 7 Oct 2016"),
    ("2016-W40", "week 40 of 2016 (3 Oct - 9 Oct)"),
    ("2016-10-06TNI", "Thu 6 Oct 2016, night"),
    ("P5Y6M", "5 years 6 months"),
    ("XXXX-WXX-5", "a Friday (exact date unknown: no publication date)"),
])
def test_describe(value, words):
    assert views.timeline.describe(value) == words


def test_tables(seed_analysis):
    table = views.expressions_table(seed_analysis.timexes)
    assert {"text", "type", "value", "reads", "anchor"} <= set(table.columns)
    assert len(table) == len(seed_analysis.timexes)
    assert views.expressions_table(schema.empty("timexes")).empty
    assert views.undated_events(schema.empty("events")).empty


def test_tables_over_two_articles(seed_analysis):
    other = nb.analyze(nb.load_article(DATA / "relative.txt"), cache=False)
    both = nb.Analysis.concat([seed_analysis, other])
    table = views.expressions_table(both.timexes)
    assert table.columns[0] == "article_id" and len(table) == len(both.timexes)
    assert "article_id" not in views.expressions_table(other.timexes).columns
    dated = views.dated_events(both.events)
    assert dated.columns[0] == "article_id"
    assert set(dated["article_id"]) == {seed_analysis.article_id, other.article_id}
    assert len(dated) == len(views.dated_events(seed_analysis.events)) + \
        len(views.dated_events(other.events))
    assert list(dated["date_start"]) == sorted(dated["date_start"])  # earliest first, all articles
    undated = views.undated_events(both.events)
    assert undated.columns[0] == "article_id"
    note = views.publication_note(both).splitlines()
    assert len(note) == 2 and note[0].startswith(seed_analysis.article_id)
