"""Voice views (:mod:`newsbench.views.voices`, :mod:`newsbench.views.corpus.voices`): who is
quoted, how much and how, the quotations table, each speaker's quotes in their sentences
(escaped), the explorer, and the corpus views, on hand-made frames."""

from __future__ import annotations

import pandas as pd
import pytest

import newsbench as nb
from newsbench import schema
from newsbench.errors import ParameterError
from newsbench.views import voices
from newsbench.views.corpus.voices import most_quoted, quoted_by_source

SENTENCES = [
    "Minister vows to rebuild",
    '"We will rebuild every home," Anna Berg said on Monday.',
    "She said the money would come soon.",
    "The plan was a disaster, a ministry spokeswoman told reporters.",
    '"It <script>alert(1)</script> failed," Berg added.',
    'Earlier the barrier was "holding up well", it was reported.',
]
TEXT = "\n\n".join(SENTENCES)


def _at(piece: str, sent: int | None = None) -> tuple[int, int]:
    base = 0 if sent is None else TEXT.index(SENTENCES[sent])
    start = TEXT.index(piece, base)
    return start, start + len(piece)


def sentences_frame(text: str = TEXT, parts=SENTENCES, aid: str = "a") -> pd.DataFrame:
    rows, pos = [], 0
    for i, s in enumerate(parts):
        start = text.index(s, pos)
        pos = start + len(s)
        rows.append({"article_id": aid, "start": start, "end": pos, "sent_id": i, "para_id": i,
                     "role": "title" if i == 0 else "body", "text": s,
                     "sentiment": [0.0, 0.4, 0.1, -0.7, -0.5, 0.3][i % 6],
                     "pos": 0.0, "neg": 0.0, "neu": 1.0})
    return schema.conform(pd.DataFrame(rows), "sentences")


def _quote(sent, quote, kind, cue, speaker, words_at, label, source, sid, sentiment, spoken):
    start, end = _at(quote, sent)
    cs, ce = _at(cue, sent) if cue else (pd.NA, pd.NA)
    ss, se = _at(words_at, sent) if words_at else (pd.NA, pd.NA)
    return {"article_id": "a", "start": start, "end": end, "sent_id": sent, "para_id": sent,
            "quote": quote, "kind": kind, "cue": cue, "cue_start": cs, "cue_end": ce,
            "speaker": speaker, "speaker_start": ss, "speaker_end": se, "speaker_label": label,
            "speaker_source": source, "speaker_id": sid, "sentiment": sentiment,
            "spoken": spoken}


def quotes_frame() -> pd.DataFrame:
    rows = [
        _quote(1, "We will rebuild every home,", "direct", "said", "Anna Berg", "Anna Berg",
               "PERSON", "named", "person:anna berg", 0.5, "2021-03-01"),
        _quote(2, "the money would come soon", "indirect", "said", "Anna Berg", "She",
               "PERSON", "pronoun", "person:anna berg", 0.1, None),
        _quote(3, "The plan was a disaster", "indirect", "told reporters",
               "a ministry spokeswoman", "a ministry spokeswoman", None, "description", None,
               -0.6, None),
        _quote(4, "It <script>alert(1)</script> failed,", "direct", "added", "Anna Berg",
               "Berg", "PERSON", "named", "person:anna berg", -0.4, None),
        _quote(5, 'the barrier was "holding up well"', "mixed", None, None, None, None, "none",
               None, 0.3, None),
    ]
    df = pd.DataFrame(rows)
    df.insert(3, "quote_id", range(len(df)))
    return schema.conform(df, "quotes")


def analysis(quotes: pd.DataFrame | None = None,
             sentences: pd.DataFrame | None = None) -> nb.Analysis:
    frames = {n: schema.empty(n) for n in schema.FRAMES}
    frames["quotes"] = quotes_frame() if quotes is None else quotes
    frames["sentences"] = sentences_frame() if sentences is None else sentences
    return nb.Analysis(**frames, texts={"a": TEXT})


# --------------------------------------------------------------------------- filter_kind


@pytest.mark.parametrize("kind, n", [("all", 5), ("direct", 2), ("indirect", 2), ("mixed", 1)])
def test_filter_kind(kind, n):
    got = voices.filter_kind(quotes_frame(), kind)
    assert len(got) == n and list(got.index) == list(range(n))
    if kind != "all":
        assert (got["kind"] == kind).all()


def test_filter_kind_refuses_an_unknown_kind():
    with pytest.raises(ParameterError, match="kind: 'quoted' is not allowed; use one of all"):
        voices.filter_kind(quotes_frame(), "quoted")


def test_quote_words():
    assert voices.quote_words("We will rebuild every home,") == 5
    assert voices.quote_words("don't — stop") == 2
    assert voices.quote_words(pd.NA) == 0


# --------------------------------------------------------------------------- speaker_table


def test_speaker_table_counts_quotes_words_and_kinds():
    table = voices.speaker_table(quotes_frame())
    assert list(table.columns) == ["speaker", "speaker_label", "speaker_source", "quotes",
                                   "words", "direct", "indirect", "mixed", "mean_sentiment"]
    assert table["speaker"].tolist() == ["Anna Berg", "a ministry spokeswoman"]
    berg = table.iloc[0]
    assert (berg["quotes"], berg["direct"], berg["indirect"], berg["mixed"]) == (3, 2, 1, 0)
    assert berg["words"] == 5 + 5 + 6
    assert berg["speaker_source"] == "named, pronoun" and berg["speaker_label"] == "PERSON"
    assert berg["mean_sentiment"] == pytest.approx((0.5 + 0.1 - 0.4) / 3)
    desc = table.iloc[1]
    assert pd.isna(desc["speaker_label"]) and desc["speaker_source"] == "description"
    assert table.attrs["unattributed"] == 1 and table.attrs["left_out"] == 0


def test_speaker_table_min_quotes_and_order_by_words():
    q = quotes_frame()
    table = voices.speaker_table(q, min_quotes=2)
    assert table["speaker"].tolist() == ["Anna Berg"] and table.attrs["left_out"] == 1
    more_words = voices.speaker_table(q[q["quote_id"].isin([2, 3])])  # one quote each
    assert more_words["speaker"].tolist() == ["Anna Berg", "a ministry spokeswoman"]
    assert more_words["words"].tolist() == [6, 5]
    tie = voices.speaker_table(q[q["quote_id"].isin([1, 2])])  # 5 words each: alphabetical
    assert tie["words"].tolist() == [5, 5] and tie["speaker"].iloc[0] == "Anna Berg"
    with pytest.raises(ParameterError, match="min_quotes"):
        voices.speaker_table(q, min_quotes=0)


def test_a_description_is_never_merged_with_a_name():
    q = quotes_frame()
    q.loc[2, "speaker"] = "Anna Berg"  # the same words, but a description
    table = voices.speaker_table(q)
    assert len(table) == 2 and table["speaker"].tolist() == ["Anna Berg", "Anna Berg"]
    assert table["quotes"].tolist() == [3, 1]
    assert table["speaker_source"].tolist() == ["named, pronoun", "description"]


def test_speaker_table_of_an_empty_frame():
    table = voices.speaker_table(schema.empty("quotes"))
    assert table.empty and "speaker" in table.columns and table.attrs["unattributed"] == 0


# --------------------------------------------------------------------------- source_mix


def test_source_mix_counts_and_shares():
    mix = voices.source_mix(quotes_frame()).set_index(["dimension", "value"])
    assert mix.attrs["total"] == 5
    assert mix.loc[("kind", "direct"), "quotes"] == 2
    assert mix.loc[("kind", "mixed"), "share"] == pytest.approx(0.2)
    assert mix.loc[("speaker", "named"), "quotes"] == 2
    assert mix.loc[("speaker", "pronoun"), "quotes"] == 1
    assert mix.loc[("speaker", "description"), "share"] == pytest.approx(0.2)
    assert mix.loc[("speaker", "none"), "quotes"] == 1
    for dim in ("kind", "speaker"):
        assert mix.loc[dim, "share"].sum() == pytest.approx(1.0)
    assert "resolved" in mix.loc[("speaker", "pronoun"), "meaning"]


def test_source_mix_of_an_empty_frame():
    mix = voices.source_mix(schema.empty("quotes"))
    assert len(mix) == 7 and (mix["quotes"] == 0).all() and mix["share"].isna().all()


# --------------------------------------------------------------------------- quotes_table


def test_quotes_table_is_what_a_reader_needs():
    table = voices.quotes_table(quotes_frame())
    assert list(table.columns) == ["speaker", "speaker_source", "cue", "kind", "quote", "words",
                                   "spoken", "sent_id"]
    assert table["sent_id"].tolist() == [1, 2, 3, 4, 5]
    assert table["spoken"].tolist()[:2] == ["2021-03-01", "not given"]
    assert table["speaker"].iloc[4] == "no speaker given" and table["cue"].iloc[4] == ""
    assert table["words"].tolist() == [5, 5, 5, 6, 6]


def test_quotes_table_shortens_long_quotes():
    q = quotes_frame()
    q.loc[0, "quote"] = " ".join(["rebuilding"] * 40)
    table = voices.quotes_table(q)
    short = table["quote"].iloc[0]
    assert len(short) <= voices.MAX_QUOTE and short.endswith("…")
    assert table["words"].iloc[0] == 40


def test_quotes_table_names_the_article_when_several():
    q = pd.concat([quotes_frame(), quotes_frame().assign(article_id="b")], ignore_index=True)
    table = voices.quotes_table(schema.conform(q, "quotes"))
    assert table.columns[0] == "article_id" and len(table) == 10
    assert voices.quotes_table(schema.empty("quotes")).empty


# --------------------------------------------------------------------------- HTML


def test_speaker_quotes_html_marks_and_escapes():
    out = voices.speaker_quotes_html(analysis(), "Anna Berg")
    assert "<script" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert out.count('<mark class="quote"') >= 3
    assert '<span class="speaker"' in out and '<span class="cue"' in out
    assert "3 quotation(s), 16 word(s), in 3 sentence(s)" in out
    assert "+0.40" in out  # the sentiment of the first quote's sentence
    assert "spoken: 2021-03-01" in out and "spoken: not given" in out
    assert "a ministry spokeswoman" not in out


def test_speaker_quotes_html_by_kind_and_unknown_speaker():
    an = analysis()
    direct = voices.speaker_quotes_html(an, "Anna Berg", kind="direct")
    assert "2 quotation(s)" in direct
    assert voices.speaker_quotes_html(an, "<b>Nobody</b>") == (
        "<p>&lt;b&gt;Nobody&lt;/b&gt; is not quoted.</p>")


def test_hostile_speaker_and_cue_are_escaped():
    q = quotes_frame()
    q.loc[0, "speaker"] = '<img src=x onerror="alert(1)">'
    q.loc[0, "cue"] = "<iframe>"
    out = voices.speaker_quotes_html(analysis(q), '<img src=x onerror="alert(1)">')
    assert "<img" not in out and "<iframe" not in out and "&lt;iframe&gt;" in out


@pytest.fixture()
def shown(monkeypatch):
    objects = []
    monkeypatch.setattr("IPython.display.display", lambda obj: objects.append(obj))
    return objects


def test_voices_explorer_without_widgets(shown):
    from IPython.display import HTML

    voices.voices_explorer(analysis(), interactive=False)
    assert len(shown) == 1 and isinstance(shown[0], HTML)
    assert "Anna Berg" in shown[0].data and "a ministry spokeswoman" in shown[0].data
    assert "<script" not in shown[0].data


def test_voices_explorer_dropdown(shown):
    voices.voices_explorer(analysis(), interactive=True, top_n=1)
    pick = shown[0].children[0]
    assert [label for label, _ in pick.options] == ["Anna Berg (3 quotes)"]
    voices.voices_explorer(analysis(), interactive=True, kind="indirect")
    assert [label for label, _ in shown[1].children[0].options] == [
        "Anna Berg (1 quote)", "a ministry spokeswoman (1 quote)"]


def test_voices_explorer_says_when_nothing_is_quoted(shown):
    voices.voices_explorer(analysis(schema.empty("quotes")), interactive=True)
    assert "No quotations" in shown[0].data and "nothing to explore" in shown[0].data


# --------------------------------------------------------------------------- corpus


def _corpus_quotes() -> tuple[pd.DataFrame, pd.DataFrame]:
    base = quotes_frame()
    parts = [base.assign(article_id="a"), base.assign(article_id="b"),
             base[base["quote_id"] == 2].assign(article_id="c")]
    q = pd.concat(parts, ignore_index=True)
    q.loc[q["article_id"] == "b", "speaker"] = q.loc[q["article_id"] == "b", "speaker"].replace(
        {"Anna Berg": "Berg"})  # another name, the same corpus entity
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "source": ["Wire", "Wire", "Daily", None]})
    return schema.conform(q, "quotes"), articles


def test_most_quoted_by_corpus_identity():
    q, articles = _corpus_quotes()
    top = most_quoted(q, articles)
    berg = top.iloc[0]
    assert berg["speaker_key"] == "person:anna berg" and berg["quotes"] == 6
    assert berg["articles"] == 2 and berg["direct"] == 4 and berg["words"] == 32
    assert berg["speaker"] in ("Anna Berg", "Berg") and berg["speaker_source"] == "name"
    desc = top.iloc[1]
    assert desc["speaker_key"] == "description:a ministry spokeswoman"
    assert (desc["quotes"], desc["articles"]) == (3, 3) and pd.isna(desc["speaker_label"])
    assert top.attrs["unattributed"] == 2
    assert most_quoted(q, articles, descriptions=False)["speaker"].tolist() == [berg["speaker"]]
    assert len(most_quoted(q, articles, top_n=1)) == 1
    assert most_quoted(q, articles[articles["article_id"] == "c"])["quotes"].tolist() == [1]
    with pytest.raises(ParameterError, match="top_n"):
        most_quoted(q, articles, top_n=0)


def test_quoted_by_source_per_article():
    q, articles = _corpus_quotes()
    by = quoted_by_source(q, articles).set_index(["speaker_key", "source"])
    assert set(by.index.get_level_values("source")) == {"Wire", "Daily", "unknown source"}
    row = by.loc[("person:anna berg", "Wire")]
    assert (row["quotes"], row["n_articles"], row["per_article"]) == (6, 2, 3.0)
    assert by.loc[("person:anna berg", "Daily"), "quotes"] == 0
    assert by.loc[("description:a ministry spokeswoman", "Daily"), "per_article"] == 1.0


def test_corpus_views_of_empty_frames():
    articles = pd.DataFrame({"article_id": ["a"], "source": ["Wire"]})
    assert most_quoted(schema.empty("quotes"), articles).empty
    assert quoted_by_source(schema.empty("quotes"), articles).empty
