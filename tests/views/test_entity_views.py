"""Entity views (:mod:`newsbench.views.entities`): counts with and without demonyms,
co-occurrence, highlighting, the labels parameter and each entity's mentions, on one article
and on several."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newsbench as nb
from newsbench import views

DATA = Path(__file__).resolve().parent.parent / "data" / "entities"

_ANALYSES: dict[str, nb.Analysis] = {}


def _analysis(name: str) -> nb.Analysis:
    if name not in _ANALYSES:
        _ANALYSES[name] = nb.analyze(nb.load_article(DATA / name), cache=False)
    return _ANALYSES[name]


def test_corpus_frames_cover_every_article():
    corpus = nb.load_corpus([DATA / "people.txt", DATA / "places.txt"], cache=False)
    m = corpus.mentions
    assert m["article_id"].nunique() == 2
    counts = views.entity_counts(m)
    lisbon = counts[counts["entity"] == "Lisbon"].iloc[0]
    assert lisbon["articles"] == 1 and lisbon["label"] == "PLACE"


# --------------------------------------------------------------------------- demonyms


def test_demonyms_off_by_default_and_on_by_option():
    an = _analysis("places.txt")
    plain = views.entity_counts(an.mentions)
    assert plain.set_index("entity").loc["Russian", "mentions"] == 3  # Russian x2, Russians
    assert plain.set_index("entity").loc["Russia", "mentions"] == 1
    merged = views.entity_counts(an.mentions, merge_demonyms=True).set_index("entity")
    assert "Russian" not in merged.index
    assert merged.loc["Russia", "mentions"] == 4 and merged.loc["Russia", "via_demonym"] == 3
    assert merged.loc["Spain", "mentions"] == 2 + 3  # Spain x2, Spanish x3
    assert merged.loc["Portugal", "label"] == "PLACE"


def test_demonym_without_its_country_in_the_article_gets_the_country_name():
    m = pd.DataFrame({"article_id": ["a"] * 3, "sent_id": [0, 1, 1], "para_id": [0, 0, 0],
                      "text": ["French", "Syrians", "Kurds"], "label": ["NORP"] * 3,
                      "entity": ["French", "Syrian", "Kurds"], "country": ["FR", "SY", None]})
    out = views.demonyms_as_countries(m)
    assert out["entity"].tolist() == ["France", "Syria", "Kurds"]
    assert out["label"].tolist() == ["PLACE", "PLACE", "NORP"]
    assert out["via_demonym"].tolist() == [True, True, False]
    assert m["entity"].tolist() == ["French", "Syrian", "Kurds"]  # the input is untouched


# --------------------------------------------------------------------------- co-occurrence


def _toy_mentions():
    rows = [("a", 0, 0, "Anna", "PERSON"), ("a", 0, 0, "Berlin", "PLACE"),
            ("a", 0, 0, "Anna", "PERSON"), ("a", 1, 0, "Anna", "PERSON"),
            ("a", 1, 0, "Cola", "ORG"), ("a", 2, 1, "Berlin", "PLACE"),
            ("a", 3, 1, "Anna", "PERSON"), ("a", 3, 1, "Berlin", "PLACE"),
            ("b", 0, 0, "Anna", "PERSON"), ("b", 0, 0, "Berlin", "PLACE")]
    return pd.DataFrame(rows, columns=["article_id", "sent_id", "para_id", "entity", "label"]) \
        .assign(text=lambda d: d["entity"])


def test_cooccurrence_counts_by_sentence_and_paragraph():
    m = _toy_mentions()
    by_sent = views.cooccurrences(m)
    got = {(r.entity_a, r.entity_b): r.count for r in by_sent.itertuples()}
    # a sentence naming Anna twice counts once; article b adds one
    assert got == {("Anna", "Berlin"): 3, ("Anna", "Cola"): 1}
    assert by_sent.iloc[0]["units"] == ["a:0", "a:3", "b:0"]
    by_para = views.cooccurrences(m, unit="paragraph")
    got = {(r.entity_a, r.entity_b): r.count for r in by_para.itertuples()}
    assert got == {("Anna", "Berlin"): 3, ("Anna", "Cola"): 1, ("Berlin", "Cola"): 1}
    assert views.cooccurrences(m, min_count=2)["count"].tolist() == [3]
    assert views.cooccurrences(m, labels="PERSON").empty
    with pytest.raises(nb.ParameterError, match="unit"):
        views.cooccurrences(m, unit="page")


def test_seed_cooccurrence(seed_analysis):
    pairs = views.cooccurrences(seed_analysis.mentions)
    assert (pairs["entity_a"] < pairs["entity_b"]).all()
    top = pairs.set_index(["entity_a", "entity_b"])["count"]
    assert top[("Aleppo", "Russia")] >= 2


# --------------------------------------------------------------------------- highlighting


def test_highlighted_article_text_is_escaped():
    an = _analysis("xss.txt")
    out = views.highlight_html(an.text, an.mentions)
    assert "<script" not in out and "<img" not in out and "onerror=alert(1)>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "PERSON → Ana Ribeiro" in out  # the surname shows the entity it counts for
    assert out.count("<mark") == len(an.mentions)


def test_highlighted_labels_and_names_are_escaped_too():
    text = "Hi <script>alert(1)</script> there"
    m = pd.DataFrame({"start": [3], "end": [28], "text": [text[3:28]], "label": ["ORG"],
                      "entity": ["<img src=x onerror=alert(1)>"]})
    out = views.highlight_html(text, m)
    assert "<script" not in out and "<img" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_highlight_filters_labels(seed_analysis):
    out = views.highlight_html(seed_analysis.text, seed_analysis.mentions, labels="PERSON")
    n_person = (seed_analysis.mentions["label"] == "PERSON").sum()
    assert out.count("<mark") == n_person


# --------------------------------------------------------------------------- parameters


def test_labels_param():
    assert views.labels_param("person, org,PLACE") == ("PERSON", "ORG", "PLACE")
    assert views.labels_param(["NORP"]) == ("NORP",)
    with pytest.raises(nb.ParameterError, match="GPE is not a label"):
        views.labels_param("PERSON,GPE")
    with pytest.raises(nb.ParameterError, match="at least one label"):
        views.labels_param(" , ")


def test_flag_param():
    assert views.flag_param("merge_demonyms", True) is True
    with pytest.raises(nb.ParameterError, match="True or False"):
        views.flag_param("merge_demonyms", "yes")


def test_mention_explorer_shows_each_mention_escaped(monkeypatch):
    an = _analysis("xss.txt")
    out = views.entity_mentions_html(an, "Ana Ribeiro")
    assert out.count("<mark") == 2 and "joined as surname" in out
    assert "<script" not in out and "<img" not in out
    assert "is not mentioned" in views.entity_mentions_html(an, "<b>nobody</b>")
    assert "&lt;b&gt;" in views.entity_mentions_html(an, "<b>nobody</b>")
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    views.mention_explorer(an, interactive=False, top_n=1)
    assert "Lisbon" in shown[0].data and "Ana Ribeiro" not in shown[0].data
    views.mention_explorer(_analysis("no_entities.txt"), interactive=False)
    assert "nothing to explore" in shown[1].data


# --------------------------------------------------------------------------- several articles


def _two_articles():
    """people.txt and xss.txt both name Lisbon, and their sentence numbers overlap."""
    a, b = _analysis("people.txt"), _analysis("xss.txt")
    return a, b, nb.Analysis.concat([a, b])


def test_entity_counts_over_two_articles():
    a, b, both = _two_articles()
    counts = views.entity_counts(both.mentions).set_index("entity")
    lisbon = counts.loc["Lisbon"]
    assert lisbon["articles"] == 2
    per = [views.entity_counts(x.mentions).set_index("entity").loc["Lisbon"] for x in (a, b)]
    assert lisbon["mentions"] == sum(c["mentions"] for c in per)
    assert lisbon["n_sentences"] == sum(c["n_sentences"] for c in per)  # sentences of each article
    assert counts.loc["Olaf Brandt", "articles"] == 1


def test_cooccurrences_keep_pairs_apart_per_article():
    a, b, both = _two_articles()
    shared = set(a.mentions["sent_id"]) & set(b.mentions["sent_id"])
    assert shared  # the same sentence numbers name entities in both articles
    per: dict[tuple, int] = {}
    for one in (a, b):
        for r in views.cooccurrences(one.mentions).itertuples():
            per[(r.entity_a, r.entity_b)] = per.get((r.entity_a, r.entity_b), 0) + r.count
    pairs = views.cooccurrences(both.mentions)
    assert {(r.entity_a, r.entity_b): r.count for r in pairs.itertuples()} == per
    only_a = set(a.entities["entity"]) - set(b.entities["entity"])
    only_b = set(b.entities["entity"]) - set(a.entities["entity"])
    for x, y in per:  # never a pair of entities from different articles
        assert not ({x, y} & only_a and {x, y} & only_b), (x, y)
    for units in pairs["units"]:
        assert all(u.split(":")[0] in (a.article_id, b.article_id) for u in units)


def test_entity_views_name_the_article_when_there_are_several():
    a, b, both = _two_articles()
    table = views.entity_table(both.entities)
    assert list(table.columns[:2]) == ["article_id", "entity"] and len(table) == len(both.entities)
    assert "article_id" not in views.entity_table(a.entities).columns
    out = views.entity_mentions_html(both, "Lisbon")
    n = int((both.mentions["entity"] == "Lisbon").sum())
    assert out.count("<mark") == n and f"{n} mention(s)" in out
    assert a.article_id in out and b.article_id in out
    assert out.lower().count(">lisbon</mark>") == n  # each marked in its own article's sentence
    with pytest.raises(nb.ParameterError, match="article_id"):
        views.highlight_html(a.text, both.mentions)
    assert views.highlight_html(b.text, both.mentions, article_id=b.article_id) == \
        views.highlight_html(b.text, b.mentions)
