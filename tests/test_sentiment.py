"""Sentiment scoring (:mod:`newsbench.sentiment`): sentence polarity, the method switch,
aggregates, emotions, and the labelled set. Its views are tested in
tests/views/test_sentiment_views.py, its charts in tests/charts/test_sentiment_charts.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import newsbench as nb
from newsbench import sentiment
from newsbench.evaluation import macro_f1, pearson

NEGATIVE = [
    "At least 40 people were killed when an airstrike hit a crowded market.",
    "The company announced 2,000 layoffs as sales plunged for a third quarter.",
    "Famine conditions have spread across the region, aid agencies warned.",
]
POSITIVE = [
    "The two sides signed a ceasefire that brought the first calm in months.",
    "Scientists hailed the new vaccine as a remarkable breakthrough.",
    "All 12 miners were rescued alive after three days underground.",
]
NEUTRAL = [
    "The committee will meet on Tuesday to discuss the budget.",
    "The central bank left interest rates unchanged at 2 percent.",
    "The ministry published its annual report on Monday.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clearly_negative(text):
    assert sentiment.score(text) <= -sentiment.POLARITY_THRESHOLD


@pytest.mark.parametrize("text", POSITIVE)
def test_clearly_positive(text):
    assert sentiment.score(text) >= sentiment.POLARITY_THRESHOLD


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral(text):
    assert abs(sentiment.score(text)) < sentiment.POLARITY_THRESHOLD


@pytest.mark.parametrize("text", [
    "No one was injured.",
    "No deaths were reported.",
    "The passengers were not harmed.",
])
def test_negated_harm_is_not_negative(text):
    assert sentiment.score(text) > 0.2
    assert sentiment.score(text) >= sentiment.score(text, method="vader")


@pytest.mark.parametrize("text", [
    "The central bank left interest rates unchanged.",
    "The United States and France met on Monday.",
    "The Security Council will vote on the draft.",
])
def test_news_senses_and_names_carry_no_sentiment(text):
    assert sentiment.score(text) == 0.0
    assert sentiment.score(text, method="vader") > 0.2  # plain VADER reads them as positive


def test_title_case_headline_keeps_its_sentiment():
    assert sentiment.score("Stocks Surge As Peace Deal Nears") > 0.2


def test_news_lexicon_covers_words_vader_misses():
    text = "Shelling and airstrikes caused heavy casualties."
    assert sentiment.score(text, method="vader") > -0.3
    assert sentiment.score(text, method="news") < -0.6


def test_news_lexicon_inflects_its_base_forms():
    lex = sentiment.news_lexicon()
    for form in ("plunge", "plunged", "plunges", "plunging", "layoffs", "casualties"):
        assert lex[form] < 0, form


def test_method_switch_changes_scores_and_cache_key(cache_dir):
    text = "Headline here\n\nCasualties mounted as the shelling went on."
    a = nb.analyze_text(text, method="news")
    b = nb.analyze_text(text, method="vader")
    assert a.run["cache_key"] != b.run["cache_key"]
    assert a.sentences["sentiment"].iloc[-1] < b.sentences["sentiment"].iloc[-1]
    assert b.run["parameters"]["method"] == "vader"


def test_unknown_method_is_a_parameter_error():
    with pytest.raises(nb.ParameterError, match="method: 'bert' is not a sentiment method; use one of news, vader"):
        nb.analyze_text("Some text here.", method="bert")


def test_aggregates_are_means_in_range_and_do_not_saturate():
    body = "Rebels shelled the town, killing dozens. " * 30
    an = nb.analyze_text("Headline\n\n" + body + "\n\nThe rescue saved many lives.", cache=False)
    s, p = an.sentences, an.paragraphs
    for pid, group in s.groupby("para_id"):
        assert p.loc[p.para_id == pid, "sentiment"].iloc[0] == pytest.approx(group["sentiment"].mean())
    art = an.articles.iloc[0]
    assert -1 <= art.sentiment <= 1
    assert art.sentiment == pytest.approx(s[s.role == "body"]["sentiment"].mean())
    assert art.sentiment > -0.99  # a compound of the whole text would be -1.0
    assert 0 <= art.share_negative <= 1 and art.share_negative > 0.9


def test_scores_are_per_sentence_inside_quotes_and_parentheses(seed_analysis):
    s = seed_analysis.sentences
    quoted = s[s["text"].str.startswith('"')]
    assert len(quoted) >= 3
    assert s["sentiment"].between(-1, 1).all()
    for r in s.itertuples():
        assert seed_analysis.text[r.start:r.end] == r.text
    # the headline is scored as the sentence it is
    assert s.iloc[0]["role"] == "title" and s.iloc[0]["sentiment"] < -0.5


def test_emotions_frame(seed_analysis):
    e = seed_analysis.emotions
    assert len(e) == len(seed_analysis.sentences)
    assert (e[["start", "end"]].to_numpy() == seed_analysis.sentences[["start", "end"]].to_numpy()).all()
    counts = sentiment.emotion_counts("The terror and fear of war; people were terrified.")
    assert counts["fear"] >= 3 and counts["negative"] >= 2 and counts["joy"] == 0


# --- news senses: movement words in context, negation, scare quotes, casualties -------------

@pytest.mark.parametrize("text", [
    "Share prices dipped 1.1 percent.",
    "Maybank eased 10 sen to 8.50 ringgit.",
    "The Dow fell 200 points.",
    "Shares eased 0.5 percent in early trade.",
    "Shares shed 3 percent.",
    "The company shed 1,200 jobs.",
    "Profit fell 20 percent in the third quarter.",
    "The economy contracted 0.4 percent.",
    "Stocks tumbled as the tech selloff deepened.",
])
def test_markets_going_down_read_negative(text):
    assert sentiment.score(text) <= -sentiment.POLARITY_THRESHOLD


@pytest.mark.parametrize("text", [
    "Shares rose 3 percent.",
    "The dollar gained against the yen.",
    "Exports climbed 4 percent in May.",
    "Stocks rallied on Friday.",
    "Sales jumped 12 percent.",
])
def test_markets_going_up_read_positive(text):
    assert sentiment.score(text) >= sentiment.POLARITY_THRESHOLD


@pytest.mark.parametrize("down, up", [
    ("Unemployment fell to 4.1 percent.", "Unemployment rose to 6 percent."),
    ("Inflation eased to 2 percent in March.", "Inflation climbed to 6 percent in March."),
    ("Losses narrowed in the third quarter.", "Losses widened in the third quarter."),
    ("The unemployment rate fell to 5 percent.", "The unemployment rate rose to 5 percent."),
    ("Jobless claims fell by 20,000.", "Jobless claims rose by 20,000."),
    ("A fall in unemployment surprised economists.", "A rise in unemployment worried economists."),
    ("Tensions eased after the talks.", "Tensions rose after the talks."),
    ("Fuel prices fell sharply.", "Fuel prices rose sharply."),
])
def test_bad_things_going_down_is_good_news(down, up):
    assert sentiment.score(down) >= sentiment.POLARITY_THRESHOLD
    assert sentiment.score(up) <= -sentiment.POLARITY_THRESHOLD


@pytest.mark.parametrize("text", [
    "Yields on ten-year bonds rose 12 basis points.",
    "The census counted 3.86 million residents, an increase of 2.1 percent since 2015.",
    "The bank raised interest rates by half a point.",
    "The wall fell.",
    "The government fell after a vote.",
    "Rose Smith said the plan would work.",
])
def test_movements_of_levels_and_plain_senses_are_neutral(text):
    assert abs(sentiment.score(text)) < sentiment.POLARITY_THRESHOLD


def test_a_movement_keeps_its_plain_sense_without_a_market():
    assert sentiment.score("The minister fell ill.") < 0          # "ill", not the fall
    assert sentiment.score("The death toll rose to 58.") < sentiment.score("Deaths were reported.")


@pytest.mark.parametrize("text", [
    "Nor will it pose any threat to the region.",
    "Nor will it pose any threat.",
    "The dam posed no threat to villages downstream.",
    "None of the 38 hostages were harmed during the rescue operation.",
])
def test_negators_reach_their_clause(text):
    assert sentiment.score(text) > 0
    assert sentiment.score(text) > sentiment.score(text, method="vader")


@pytest.mark.parametrize("quote", ["'{}'", "\u201c{}\u201d", '"{}"', "({})"])
def test_words_in_scare_quotes_keep_their_polarity(quote):
    text = (f"The opposition called it a {quote.format('fraudulent')} election "
            f"{quote.format('tainted with irregularities')}.")
    assert sentiment.score(text) <= -0.5


@pytest.mark.parametrize("text", [
    "At least 201 people were injured by car bombs near the central mosque.",
    "Car bombs injured 201 people near the market on Sunday.",
    "Two car bombs wounded 201 people in the capital, police said.",
    "The death toll rose to 58.",
    "The bomb exploded near a school.",
])
def test_casualties_weigh_clearly_negative(text):
    assert sentiment.score(text) < -0.5


def test_a_count_makes_casualties_weigh_more():
    assert sentiment.score("Soldiers were killed in the attack.") > \
        sentiment.score("31 soldiers were killed in the attack.")


def test_news_lexicon_inflections_do_not_make_other_words():
    for text in ("Aides said the talks would resume, according to the ministry.",):
        assert sentiment.score(text) == 0.0


def test_plain_vader_is_unchanged():
    assert sentiment.score("Share prices dipped 1.1 percent.", method="vader") > 0
    assert sentiment.score("Nor will it pose any threat to the region.", method="vader") < 0


def test_emotion_counts_from_text_are_the_fallback():
    counts = sentiment.emotion_counts("Interest rates passed 5 percent this morning.")
    assert counts["disgust"] == counts["anticipation"] == 0   # not "rat", not "morn"
    assert counts["negative"] == 0                            # not "passe"
    assert counts["words"] == 7


def test_emotions_rows_from_the_parse_have_words(seed_analysis, nlp):
    rows = sentiment.emotion_rows(seed_analysis.sentences.to_dict("records"),
                                  docs=[(nlp(seed_analysis.text), 0)])
    assert len(rows) == len(seed_analysis.sentences)
    assert all(r["words"] > 0 for r in rows)
    died = sentiment.emotion_rows(
        [{"article_id": "a", "start": 0, "end": 23, "sent_id": 0, "text": "Three civilians died."}],
        docs=[(nlp("Three civilians died."), 0)])[0]
    assert died["sadness"] == 1 and died["fear"] == 1 and died["words"] == 3


# --- against the labelled set: a regression floor (the figures themselves are in benches/) ----

@pytest.fixture(scope="module")
def labelled():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benches"))
    from sentiment_data import labelled as load

    d = load()
    for m in ("news", "vader"):
        d[m] = sentiment.score_texts(d["text"].tolist(), method=m)["sentiment"].to_numpy()
    return d


def test_labelled_set_is_complete(labelled):
    assert len(labelled) == 300
    assert labelled["rating_a"].between(-1, 1).all() and labelled["rating_b"].between(-1, 1).all()


def test_news_method_beats_plain_vader_on_held_out_sentences(labelled):
    held = labelled[labelled["split"] == "held-out"]
    r_news = pearson(held["news"].tolist(), held["gold"].tolist())
    r_vader = pearson(held["vader"].tolist(), held["gold"].tolist())
    assert r_news >= r_vader + 0.05
    assert r_news >= 0.55
    f_news = macro_f1(held["gold_label"].tolist(), sentiment.polarity(held["news"]).tolist())
    f_vader = macro_f1(held["gold_label"].tolist(), sentiment.polarity(held["vader"], threshold=0.05).tolist())
    assert f_news > f_vader
