"""Corpus views (:mod:`newsbench.views.corpus`) and their charts (:mod:`newsbench.charts.corpus`)
on small synthetic corpora with planted facts: a more negative source, a month where an entity
is named three times as often, one event reported three times, copies of an article."""

from __future__ import annotations

import re

import matplotlib.text
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from newsbench.charts import corpus as cc
from newsbench.errors import ParameterError
from newsbench.views import corpus as vc

# --------------------------------------------------------------------------- a tiny corpus

#: surface form -> (entity_id, entity_name, entity_label)
ENTITIES = {
    "Ada Lovelace": ("person:ada lovelace", "Ada Lovelace", "PERSON"),
    "Lovelace": ("person:ada lovelace", "Ada Lovelace", "PERSON"),
    "Bob Smith": ("person:bob smith", "Bob Smith", "PERSON"),
    "London": ("city:london", "London", "PLACE"),
    "Senate": ("org:senate", "Senate", "ORG"),
    "U.S.": ("country:US", "United States", "PLACE"),
}
_SURFACE = re.compile("|".join(sorted(map(re.escape, ENTITIES), key=len, reverse=True)))

#: article_id, published, source, sentiment, sentences, events as (sentence index, date, summary)
ARTICLES = [
    ("j1", "2020-01-06", "Alpha", 0.2, ["Ada Lovelace spoke in London.", "Rain fell."], []),
    ("j2", "2020-01-20", "Beta", -0.3, ["Lovelace was absent.", "Bob Smith joined the Senate."],
     []),
    ("f1", "2020-02-03", "Alpha", 0.1,
     ["Ada Lovelace, Lovelace and again Ada Lovelace.", "Bob Smith waited."], []),
    ("f2", "2020-02-17", "Beta", -0.2, ["Lovelace met Lovelace's aide Ada Lovelace.", "Sun."],
     []),
    ("m1", "2020-03-11", "Alpha", 0.3,
     ["On Tuesday Ada Lovelace opened the new engine factory in London.",
      "The U.S. embassy sent a note.", "Bob Smith resigned from the Senate committee."],
     [(0, "2020-03-10", "Ada Lovelace opened new engine factory London"),
      (2, "2020-03-10", "Bob Smith resigned Senate committee")]),
    ("m2", "2020-03-12", "Beta", -0.4,
     ["Ada Lovelace opened a new engine factory in London on Tuesday, officials said.",
      "It employs 300 people."],
     [(0, "2020-03-10", "Ada Lovelace opened new engine factory London Tuesday")]),
    ("m3", "2020-03-13", "Gamma", 0.0,
     ["In London, Lovelace opened the engine factory on Tuesday.", "Crowds came."],
     [(0, "2020-03-10", "Lovelace opened engine factory London")]),
    ("u1", None, None, 0.05, ["An undated note about Ada Lovelace."], []),
]


def _corpus() -> dict:
    arts, sents, ments, evs, texts = [], [], [], [], {}
    for aid, pub, src, tone, sentences, events in ARTICLES:
        text, pos = "", []
        for s in sentences:
            if text:
                text += " "
            pos.append((len(text), len(text) + len(s)))
            text += s
        texts[aid] = text
        arts.append({"article_id": aid, "title": sentences[0], "published": pub, "source": src,
                     "sentiment": tone, "n_sentences": len(sentences)})
        for sid, (a, b) in enumerate(pos):
            sents.append({"article_id": aid, "start": a, "end": b, "sent_id": sid, "para_id": sid,
                          "role": "body", "text": text[a:b], "sentiment": tone})
            for m in _SURFACE.finditer(text, a, b):
                eid, name, label = ENTITIES[m.group(0)]
                ments.append({"article_id": aid, "start": m.start(), "end": m.end(),
                              "mention_id": len(ments), "sent_id": sid, "para_id": sid,
                              "text": m.group(0), "label": label, "entity": name,
                              "entity_id": eid, "entity_name": name, "entity_label": label})
        for k, (sid, day, summary) in enumerate(events):
            evs.append({"article_id": aid, "start": pos[sid][0], "end": pos[sid][1],
                        "event_id": k, "sent_id": sid, "date_start": day, "date_end": day,
                        "summary": summary, "kind": "dated"})
    articles = pd.DataFrame(arts).astype({"article_id": "string", "source": "string"})
    articles["published"] = pd.to_datetime(articles["published"]).astype("datetime64[s]")
    events = pd.DataFrame(evs)
    for c in ("date_start", "date_end"):
        events[c] = pd.to_datetime(events[c]).astype("datetime64[s]")
    return {"articles": articles, "sentences": pd.DataFrame(sents),
            "mentions": pd.DataFrame(ments), "events": events, "texts": texts}


@pytest.fixture(scope="module")
def corpus() -> dict:
    return _corpus()


def _tone_articles(seed: int = 3) -> pd.DataFrame:
    """Alpha mildly positive, Beta clearly negative, over three months; Gamma has 3 articles."""
    rng = np.random.default_rng(seed)
    rows = []
    for month in (1, 2, 3):
        for src, mean, n in (("Alpha", 0.2, 12), ("Beta", -0.4, 12), ("Gamma", 0.0, 1)):
            for i in range(n):
                rows.append({"article_id": f"{src}-{month}-{i}", "source": src,
                             "published": pd.Timestamp(2020, month, 1 + i),
                             "sentiment": float(np.clip(rng.normal(mean, 0.15), -1, 1))})
    rows.append({"article_id": "undated", "source": "Alpha", "published": pd.NaT,
                 "sentiment": 0.9})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize("call", [
    lambda c: vc.articles_per_period(c["articles"], granularity="year"),
    lambda c: vc.tone_by(c["articles"], granularity="year"),
    lambda c: vc.entity_trends(c["mentions"], c["articles"], granularity="year"),
    lambda c: vc.term_trends(c["sentences"], c["articles"], ["factory"], granularity="year"),
])
def test_granularity_year_raises_naming_granularity(corpus, call):
    with pytest.raises(ParameterError, match=r"^granularity: 'year'"):
        call(corpus)


def test_other_bad_parameters_raise(corpus):
    with pytest.raises(ParameterError, match="^date_from"):
        vc.filter_articles(corpus["articles"], date_from="not a date")
    with pytest.raises(ParameterError, match="^unit"):
        vc.corpus_cooccurrences(corpus["mentions"], unit="paragraph")
    with pytest.raises(ParameterError, match="^terms"):
        vc.parse_terms(" , ")
    with pytest.raises(ParameterError, match="^term"):
        vc.kwic(corpus["sentences"], "  ")
    with pytest.raises(ParameterError, match="^threshold"):
        vc.near_duplicates({}, corpus["articles"], threshold=1.5)
    with pytest.raises(ParameterError, match="^labels"):
        vc.top_entities(corpus["mentions"], labels="PEOPLE")


# --------------------------------------------------------------------------- which articles


def test_filter_articles_and_restrict(corpus):
    arts = corpus["articles"]
    feb = vc.filter_articles(arts, date_from="2020-02-01", date_to="2020-02-17")
    assert set(feb["article_id"]) == {"f1", "f2"}  # date_to is inclusive
    assert feb.attrs["undated"] == 1
    beta = vc.filter_articles(arts, sources="beta, GAMMA", exclude=["m3"])
    assert set(beta["article_id"]) == {"j2", "f2", "m2"}
    unknown = vc.filter_articles(arts, sources=["unknown source"])
    assert list(unknown["article_id"]) == ["u1"]
    cut = vc.restrict(corpus, feb["article_id"])
    assert set(cut["mentions"]["article_id"]) == {"f1", "f2"}
    assert set(cut["texts"]) == {"f1", "f2"} and cut["events"].empty


def test_articles_per_period_counts_sources_and_says_undated(corpus):
    per = vc.articles_per_period(corpus["articles"], granularity="month")
    assert per.attrs["undated"] == 1
    assert list(per.columns) == ["period", "source", "n_articles"]
    march = per[per["period"] == pd.Timestamp("2020-03-01")].set_index("source")["n_articles"]
    assert march.to_dict() == {"Alpha": 1, "Beta": 1, "Gamma": 1}
    assert per["n_articles"].sum() == 7
    weeks = vc.articles_per_period(corpus["articles"], granularity="week")
    assert (weeks["period"].dt.day_of_week == 0).all()  # weeks start on Monday
    arts = corpus["articles"].copy()
    arts.loc[arts["article_id"] == "j1", "source"] = pd.NA
    assert "unknown source" in set(vc.articles_per_period(arts)["source"])


# --------------------------------------------------------------------------- tone


def test_tone_by_finds_the_negative_source_and_is_deterministic():
    arts = _tone_articles()
    tone = vc.tone_by(arts, granularity=None, n_boot=500, seed=1).set_index("source")
    assert tone.loc["Beta", "tone"] < tone.loc["Alpha", "tone"] - 0.4
    assert tone.loc["Beta", "high"] < tone.loc["Alpha", "low"]  # the bands do not overlap
    assert tone.loc["Alpha", "n_articles"] == 37  # undated counts over the whole corpus
    assert pd.isna(tone.loc["Alpha"].name) is False and tone["period"].isna().all()
    per = vc.tone_by(arts, granularity="month", n_boot=500, seed=1)
    assert per.attrs["undated"] == 1 and per.attrs["min_articles"] == 5
    dated = per.dropna(subset=["low"])
    assert ((dated["low"] <= dated["tone"]) & (dated["tone"] <= dated["high"])).all()
    again = vc.tone_by(arts, granularity="month", n_boot=500, seed=1)
    pd.testing.assert_frame_equal(per, again)
    other = vc.tone_by(arts, granularity="month", n_boot=500, seed=2)
    assert not np.allclose(per["low"].fillna(0), other["low"].fillna(0))


def test_tone_by_flags_too_few_and_leaves_single_articles_without_band():
    per = vc.tone_by(_tone_articles(), granularity="month", min_articles=5, n_boot=200)
    gamma = per[per["source"] == "Gamma"]
    assert gamma["too_few"].all() and gamma["low"].isna().all() and gamma["high"].isna().all()
    assert not per[per["source"] == "Alpha"]["too_few"].any()


# --------------------------------------------------------------------------- entities


def test_top_entities_counts_mentions_and_articles(corpus):
    top = vc.top_entities(corpus["mentions"], top_n=10)
    ada = top.set_index("entity_id").loc["person:ada lovelace"]
    assert top.iloc[0]["entity_id"] == "person:ada lovelace"
    assert ada["entity_name"] == "Ada Lovelace" and ada["articles"] == 8
    assert ada["mentions"] == (corpus["mentions"]["entity_id"] == "person:ada lovelace").sum()
    one = vc.top_entities(corpus["mentions"], labels=("PLACE",), top_n=1)
    assert list(one["entity_id"]) == ["city:london"]


def test_entity_trends_shows_the_tripling_month_and_zero_periods(corpus):
    tr = vc.entity_trends(corpus["mentions"], corpus["articles"], labels=("PERSON",), top_n=2)
    assert tr.attrs["undated"] == 1
    ada = tr[tr["entity_id"] == "person:ada lovelace"].set_index("period")
    jan, feb = ada.loc[pd.Timestamp("2020-01-01")], ada.loc[pd.Timestamp("2020-02-01")]
    assert jan["per_article"] == 1.0 and feb["per_article"] == 3.0
    assert feb["n_articles"] == 2
    bob = tr[tr["entity_id"] == "person:bob smith"].set_index("period")
    assert len(bob) == 3  # every month, also the one without mentions
    assert tr.groupby("entity_id").size().eq(3).all()
    chosen = vc.entity_trends(corpus["mentions"], corpus["articles"], entity_ids="country:US",
                              granularity="day")
    assert chosen["mentions"].sum() == 1 and (chosen["mentions"] == 0).sum() > 10


def test_mentions_by_source_and_cooccurrences(corpus):
    by = vc.mentions_by_source(corpus["mentions"], corpus["articles"], top_n=3)
    cell = by.set_index(["entity_id", "source"]).loc[("city:london", "Alpha")]
    assert cell["mentions"] == 2 and cell["n_articles"] == 3
    assert cell["per_article"] == pytest.approx(2 / 3)
    assert len(by) == 3 * 4  # every entity and source (unknown source too)
    pairs = vc.corpus_cooccurrences(corpus["mentions"], unit="sentence", min_count=2)
    top = pairs.iloc[0]
    assert (top["a"], top["b"]) == ("city:london", "person:ada lovelace")
    assert top["count"] == 4 and top["articles"] == 4
    assert (pairs["a"] < pairs["b"]).all()
    whole = vc.corpus_cooccurrences(corpus["mentions"], unit="article", min_count=1)
    bs = whole.set_index(["a", "b"]).loc[("org:senate", "person:bob smith")]
    assert bs["count"] == 2


# --------------------------------------------------------------------------- events


def test_events_timeline_merges_three_reports_and_keeps_another_event_apart(corpus):
    tl = vc.events_timeline(corpus["events"], corpus["mentions"], corpus["articles"])
    assert len(tl) == 2
    factory = tl[tl["n_articles"] == 3].iloc[0]
    assert factory["article_ids"] == ["m1", "m2", "m3"]  # earliest published first
    assert factory["sources"] == ["Alpha", "Beta", "Gamma"]
    assert factory["summary"] == "Ada Lovelace opened new engine factory London"
    assert factory["entity_ids"][:2] == ["city:london", "person:ada lovelace"] or \
        set(factory["entity_ids"]) == {"city:london", "person:ada lovelace"}
    assert factory["date_start"] == pd.Timestamp("2020-03-10")
    other = tl[tl["n_articles"] == 1].iloc[0]
    assert "Bob Smith" in other["entity_names"] and other["event_ids"] == ["m1:1"]
    only_bob = vc.events_timeline(corpus["events"], corpus["mentions"], corpus["articles"],
                                  entity_ids=["person:bob smith"])
    assert list(only_bob["n_articles"]) == [1]


def _one_shared_entity(mentions):
    """The mentions without London: the factory reports then share one entity only."""
    return mentions[mentions["entity_name"] != "London"]


def test_events_timeline_needs_similar_words_and_counts_an_article_once(corpus):
    strict = vc.events_timeline(corpus["events"], _one_shared_entity(corpus["mentions"]),
                                corpus["articles"], similarity=0.95)
    assert strict["n_articles"].max() == 1 and len(strict) == 4
    # sharing two entities (Ada Lovelace, London) halves the similarity needed
    two = vc.events_timeline(corpus["events"], corpus["mentions"], corpus["articles"],
                             similarity=0.95)
    assert two["n_articles"].max() == 3
    ev = corpus["events"]
    twice = pd.concat([ev, ev[ev["article_id"] == "m2"].assign(event_id=5)], ignore_index=True)
    tl = vc.events_timeline(twice, corpus["mentions"], corpus["articles"])
    factory = tl[tl["summary"].str.contains("factory")].iloc[0]
    assert factory["n_articles"] == 3 and sum(e.startswith("m2:") for e in factory["event_ids"]) == 2
    none = vc.events_timeline(ev, corpus["mentions"], corpus["articles"], date_from="2020-04-01")
    assert none.empty and list(none.columns)[:3] == ["date_start", "date_end", "summary"]


# --------------------------------------------------------------------------- terms


def test_kwic_offsets_are_exact(corpus):
    hits = vc.kwic(corpus["sentences"], "engine factory", width=20)
    assert len(hits) == 3 and hits.attrs["total"] == 3
    for r in hits.itertuples():
        assert corpus["texts"][r.article_id][r.start:r.end] == r.match
        assert r.match.lower() == "engine factory" and len(r.left) <= 20
    us = vc.kwic(corpus["sentences"], "u.s.")
    assert len(us) == 1 and corpus["texts"]["m1"][us.iloc[0]["start"]:us.iloc[0]["end"]] == "U.S."
    assert vc.kwic(corpus["sentences"], "lovelac").empty  # whole words only
    assert len(vc.kwic(corpus["sentences"], "lovelace", limit=2)) == 2


def test_term_trends_counts_per_period(corpus):
    assert vc.parse_terms("factory, Lovelace ,factory") == ["factory", "Lovelace"]
    tr = vc.term_trends(corpus["sentences"], corpus["articles"], "factory, lovelace")
    fac = tr[tr["term"] == "factory"].set_index("period")["hits"]
    assert fac.to_dict() == {pd.Timestamp("2020-01-01"): 0, pd.Timestamp("2020-02-01"): 0,
                             pd.Timestamp("2020-03-01"): 3}
    mar = tr[(tr["term"] == "factory") & (tr["period"] == pd.Timestamp("2020-03-01"))].iloc[0]
    assert mar["per_article"] == 1.0 and tr.attrs["undated"] == 1


# --------------------------------------------------------------------------- duplicates


def _random_text(rng, n: int = 300) -> str:
    vocab = [f"word{i}" for i in range(5000)]
    return " ".join(rng.choice(vocab, size=n))


def test_near_duplicates_finds_copies_not_unrelated_texts():
    rng = np.random.default_rng(7)
    texts = {f"x{i}": _random_text(rng) for i in range(30)}
    texts["copy"] = "  " + texts["x0"].upper().replace(" ", "\n ", 5)
    words = texts["x1"].split()
    for i in (40, 150, 260):
        words[i] = "edited"
    texts["edit"] = " ".join(words)
    texts["short"], texts["short2"] = "Brief note.", "brief  NOTE."
    arts = pd.DataFrame({"article_id": list(texts), "published": pd.Timestamp("2019-06-01")})
    arts.loc[arts["article_id"] == "copy", "published"] = pd.Timestamp("2019-07-01")
    arts.loc[arts["article_id"] == "edit", "published"] = pd.Timestamp("2019-01-01")
    arts.loc[arts["article_id"].str.startswith("short"), "published"] = pd.NaT
    dups = vc.near_duplicates(texts, arts)
    got = dups.set_index("article_id")
    assert got.loc["copy", "duplicate_of"] == "x0" and got.loc["copy", "kind"] == "syndicated copy"
    # the edited copy was published first: it is the original
    assert got.loc["x1", "duplicate_of"] == "edit" and got.loc["x1", "kind"] == "near-duplicate"
    assert 0.8 <= got.loc["x1", "similarity"] < 1
    assert got.loc["short2", "duplicate_of"] == "short"
    assert set(got.index) == {"copy", "x1", "short2"}
    assert vc.duplicate_ids(dups) == {"copy", "x1", "short2"}
    text = vc.describe_corpus(arts, dups)
    assert "31 articles" in text and "3 duplicates left out" in text


def test_describe_corpus(corpus):
    text = vc.describe_corpus(corpus["articles"])
    assert text.startswith("8 articles from 3 sources (1 without a source)")
    assert "6 Jan 2020 to 13 Mar 2020" in text and "1 undated" in text


# --------------------------------------------------------------------------- charts


def _texts(fig: Figure) -> str:
    return " ".join(t.get_text() for ax in fig.axes for t in ax.texts)


def _labelled(fig: Figure) -> None:
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title().strip() and ax.get_xlabel().strip() and ax.get_ylabel().strip()
    from newsbench.charts.base import to_png

    assert to_png(fig).startswith(b"\x89PNG")


def test_charts_are_labelled(corpus):
    arts, m = corpus["articles"], corpus["mentions"]
    tone = vc.tone_by(_tone_articles(), n_boot=200)
    figs = [
        cc.articles_chart(vc.articles_per_period(arts)),
        cc.tone_chart(tone),
        cc.tone_chart(vc.tone_by(_tone_articles(), granularity=None, n_boot=200)),
        cc.entity_trends_chart(vc.entity_trends(m, arts, labels=None, top_n=4)),
        cc.source_entities_chart(vc.mentions_by_source(m, arts)),
        cc.corpus_network(vc.corpus_cooccurrences(m, min_count=1), vc.top_entities(m)),
        cc.corpus_network(vc.corpus_cooccurrences(m, min_count=1)),
        cc.corpus_timeline_chart(vc.events_timeline(corpus["events"], m, arts)),
        cc.term_trends_chart(vc.term_trends(corpus["sentences"], arts, "factory, lovelace")),
    ]
    for fig in figs:
        _labelled(fig)
    assert "fewer than 5 articles" in figs[1].axes[0].get_xlabel()
    assert "×3" in _texts(figs[7])


def test_timeline_chart_says_how_many_are_left_out(corpus):
    tl = vc.events_timeline(corpus["events"], _one_shared_entity(corpus["mentions"]),
                            corpus["articles"], similarity=0.95)
    fig = cc.corpus_timeline_chart(tl, top_n=2)
    assert "2 of 4 events" in fig.axes[0].get_title() and "2 less reported" in \
        fig.axes[0].get_title()


def test_empty_inputs_give_figures_that_say_why(corpus):
    arts = corpus["articles"]
    undated = arts.assign(published=pd.NaT)
    m = corpus["mentions"]
    cases = [
        (cc.articles_chart(vc.articles_per_period(undated)), "No dated articles"),
        (cc.tone_chart(vc.tone_by(undated)), "No article tone"),
        (cc.entity_trends_chart(vc.entity_trends(m, undated)), "No mentions"),
        (cc.source_entities_chart(vc.mentions_by_source(m.iloc[:0], arts)), "No mentions"),
        (cc.corpus_network(vc.corpus_cooccurrences(m, min_count=99)), "No two entities"),
        (cc.corpus_timeline_chart(vc.events_timeline(corpus["events"].iloc[:0], m, arts)),
         "No dated events"),
        (cc.term_trends_chart(vc.term_trends(corpus["sentences"], arts, "zeppelin")),
         "No uses"),
    ]
    for fig, why in cases:
        assert isinstance(fig, Figure) and fig.axes[0].get_title().strip()
        assert why in _texts(fig), (why, _texts(fig))


def test_article_text_in_a_chart_is_drawn_as_written_not_as_mathtext(corpus):
    """An event summary or entity name with "$...\\cmd...$" would make matplotlib's mathtext
    fail to draw the whole chart."""
    from newsbench.charts.base import to_png

    tl = vc.events_timeline(corpus["events"], corpus["mentions"], corpus["articles"])
    tl.loc[0, "summary"] = r"paid $5 and $x^\undefined{}$ bonus"
    fig = cc.corpus_timeline_chart(tl)
    png = to_png(fig)
    assert png.startswith(b"\x89PNG")
    assert any(r"$x^\undefined" in t.get_text() for t in fig.findobj(matplotlib.text.Text))
