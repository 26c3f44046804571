"""The time layer (:mod:`newsbench.layers.time`): the timexes and events frames of the seed and
of small articles, relative anchors, no publication date, the fallback to the model's entities,
and the cache. The tagger itself is tested in tests/timex/test_timex_tag.py.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import newsbench as nb
from newsbench import schema, views
from newsbench.layers import time as time_layer

DATA = Path(__file__).resolve().parent.parent / "data" / "timeline"


def test_period_offset():
    assert time_layer.period_offset("P5Y6M") == pd.DateOffset(years=5, months=6, days=0)
    assert time_layer.period_offset("P2W") == pd.DateOffset(years=0, months=0, days=14)
    assert time_layer.period_offset("PT3H") is None and time_layer.period_offset("PXW") is None


def test_seed_values(seed_analysis):
    tx = seed_analysis.timexes
    got = {(r.text, r.value) for r in tx.itertuples()}
    assert ("Friday", "2016-10-07") in got
    assert ("Saturday", "2016-10-08") in got
    assert ("Last night", "2016-10-06TNI") in got
    assert ("17 August 2016", "2016-08-17") in got
    assert ("5-1/2-year", "P5Y6M") in got
    assert ("two weeks", "P2W") in got
    assert ("earlier this week", "2016-W40") in got
    assert not tx["text"].str.contains("Su-34|250,000").any()


def test_seed_timexes_frame_is_typed_and_points_at_the_text(seed_analysis):
    tx = seed_analysis.timexes
    text = seed_analysis.text
    assert list(tx.columns[: len(schema.SCHEMAS["timexes"])]) == [c for c, _ in schema.SCHEMAS["timexes"]]
    assert str(tx["type"].dtype) == "category" and str(tx["date_start"].dtype) == schema.DATE
    assert str(tx["span_start"].dtype) == time_layer.SPAN_DTYPE
    for r in tx.itertuples():
        assert text[r.start:r.end] == r.text
        sent = seed_analysis.sentences.set_index("sent_id").loc[r.sent_id]
        assert sent.start <= r.start and r.end <= sent.end
    friday = tx[tx["text"] == "Friday"].iloc[0]
    assert friday.date_start == friday.date_end == pd.Timestamp("2016-10-07")
    assert friday.anchor == "publication:2016-10-07"
    week = tx[tx["text"] == "earlier this week"].iloc[0]
    assert (week.date_start, week.date_end) == (pd.Timestamp("2016-10-03"), pd.Timestamp("2016-10-09"))
    war = tx[tx["text"] == "5-1/2-year"].iloc[0]
    assert pd.isna(war.date_start) and war.span_end == pd.Timestamp("2016-10-07")
    assert war.span_start == pd.Timestamp("2011-04-07")


def test_seed_events(seed_analysis):
    ev = seed_analysis.events
    assert list(ev.columns[: len(schema.SCHEMAS["events"])]) == [c for c, _ in schema.SCHEMAS["events"]]
    friday = ev[ev["timex"] == "Friday"].iloc[0]
    assert friday.summary.startswith("Russia said") and "unacceptable" in friday.summary
    assert "Russia" in friday.entities
    aug = ev[ev["timex"] == "17 August 2016"].iloc[0]
    assert aug.date_start == pd.Timestamp("2016-08-17")
    # two months before publication
    assert (pd.Timestamp("2016-10-07") - aug.date_start).days == 51
    vote = ev[ev["timex"] == "Saturday"].iloc[0]
    assert "vote" in vote.summary and vote.date_start == pd.Timestamp("2016-10-08")
    bombardment = ev[(ev["kind"] == "span") & (ev["timex"] == "two weeks")].iloc[0]
    assert (bombardment.date_start, bombardment.date_end) == (pd.Timestamp("2016-09-23"),
                                                              pd.Timestamp("2016-10-07"))
    undated = views.undated_events(ev)
    assert undated["relation"].str.contains("since ceasefire collapsed").any()
    assert undated["relation"].str.contains("a day after").any()
    for r in ev.itertuples():
        assert 0 <= r.start < r.end <= len(seed_analysis.text)


def test_events_resolve_relative_anchors_dated_in_the_article():
    an = nb.analyze(nb.load_article(DATA / "relative.txt"), cache=False)
    ev = an.events
    since = ev[ev["relation"].fillna("").str.startswith("since ceasefire collapsed")].iloc[0]
    assert since.kind == "relative"
    assert (since.date_start, since.date_end) == (pd.Timestamp("2016-09-19"), pd.Timestamp("2016-10-07"))
    after = ev[ev["relation"].fillna("").str.startswith("two days after")].iloc[0]
    assert after.date_start == pd.Timestamp("2016-09-21")
    week = ev[ev["relation"].fillna("").str.startswith("a week after vote")].iloc[0]
    assert week.date_start == pd.Timestamp("2016-10-15")
    # an amount of "a week after X" is not a period ending at publication
    assert not ((ev["kind"] == "span") & (ev["timex"] == "a week")).any()
    # the uprising is never dated: the clause is listed, undated
    uprising = ev[ev["relation"].fillna("").str.contains("uprising")]
    assert len(uprising) == 1 and pd.isna(uprising.iloc[0].date_start)


def test_without_publication_date_events_are_undated_and_the_note_says_how_to_give_one():
    an = nb.analyze(nb.load_article(DATA / "undated.txt"), cache=False)
    assert an.articles["published"].isna().all()
    tuesday = an.timexes[an.timexes["text"] == "Tuesday"].iloc[0]
    assert tuesday.value == "XXXX-WXX-2" and pd.isna(tuesday.date_start)
    assert an.timexes[an.timexes["text"] == "12 March 2015"].iloc[0].value == "2015-03-12"
    undated = views.undated_events(an.events)
    assert {"Tuesday", "Thursday", "next week"} <= set(undated["timex"])
    note = views.publication_note(an)
    assert "no publication date" in note and "published" in note and "YYYY-MM-DD" in note
    # the same article with a date given by the caller
    dated = nb.analyze(nb.load_article(DATA / "undated.txt", published="2021-03-05"), cache=False)
    assert dated.timexes.set_index("text").loc["Tuesday", "value"] == "2021-03-02"


def test_entities_fall_back_to_spacy_when_there_are_no_mentions(monkeypatch):
    import dataclasses

    from newsbench import layers

    def no_entities(ctx):
        return {"mentions": [], "entities": []}

    monkeypatch.setitem(layers.REGISTRY, "entities",
                        dataclasses.replace(layers.REGISTRY["entities"], build=no_entities))
    an = nb.analyze_text("Talks fail\n\nRussia said on Friday the French draft was unacceptable.",
                         published="2016-10-07", cache=False)
    assert an.mentions.empty
    ev = an.events.iloc[0]
    assert ev.date_start == pd.Timestamp("2016-10-07") and "Russia" in ev.entities


def test_frames_survive_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBENCH_CACHE_DIR", str(tmp_path / "cache"))
    art = nb.load_article(DATA / "relative.txt")
    first = nb.analyze(art, cache=True)
    again = nb.analyze(art, cache=True)
    assert again.run["cached"]
    for name in ("timexes", "events"):
        pd.testing.assert_frame_equal(getattr(first, name)[[c for c, _ in schema.SCHEMAS[name]]],
                                      getattr(again, name)[[c for c, _ in schema.SCHEMAS[name]]])


def test_since_a_date_is_a_span_to_the_publication_on_the_timeline():
    from newsbench.load import article_from_text
    text = ("Fund doubles\n\nLONDON, Oct 7 (Reuters) - The fund has grown since its inception in "
            "1989, and prices have doubled since 2004. Output fell in 2010.")
    an = nb.analyze(article_from_text(text, published="2016-10-07"), cache=False)
    tx = an.timexes.set_index("text")
    assert tx.loc["2004", "span_start"] == pd.Timestamp("2004-01-01")
    assert tx.loc["2004", "span_end"] == pd.Timestamp("2016-10-07")
    assert pd.isna(tx.loc["2010", "span_start"])
    ev = an.events
    spans = ev[ev["kind"] == "span"]
    assert {d.year for d in spans["date_start"]} == {1989, 2004}
    assert (spans["date_end"] == pd.Timestamp("2016-10-07")).all()
    assert (ev.loc[ev["kind"] == "dated", "date_start"].dt.year == 2010).any()
