"""One identity per entity across a corpus (newsbench.identity)."""

from __future__ import annotations

import pandas as pd
import pytest

import newsbench as nb
from newsbench import identity
from newsbench.load import article_from_text


def _entities(rows):
    """An entities frame from ``(article_id, entity, label, mentions[, aliases, country,
    label_source, model_labels])`` tuples (aliases and model_labels lists)."""
    out = []
    for r in rows:
        aid, ent, label, n, *rest = r
        rest += [None] * (4 - len(rest))
        aliases, country, source, model = rest
        out.append({"article_id": aid, "entity": ent, "label": label, "mentions": n,
                    "aliases": aliases or [ent], "country": country,
                    "label_source": source or "model vote", "model_labels": model or [label],
                    "model_label_counts": [n] if model is None else [1] * len(model)})
    return pd.DataFrame(out)


def _articles(dates):
    return pd.DataFrame({"article_id": list(dates),
                         "published": pd.to_datetime(list(dates.values()))})


def _ids(ents):
    return dict(zip(zip(ents["article_id"], ents["entity"]), ents["entity_id"]))


def test_country_names_and_acronyms_share_the_gazetteer_id():
    ents = _entities([("a", "United States", "PLACE", 3, None, "US"),
                      ("b", "U.S.", "PLACE", 2, None, "US"),
                      ("c", "US", "PLACE", 1, None, "US")])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert set(out["entity_id"]) == {"country:US"}
    assert set(out["entity_name"]) == {"United States"}
    assert list(out["identity_by"]) == ["", "country", "country"]


def test_a_country_written_only_as_an_acronym_is_named_by_the_gazetteer():
    ents = _entities([("a", "U.S.", "PLACE", 2, None, "US")])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert out["entity_name"].iloc[0] == "United States"


def test_an_acronym_alone_joins_the_expansion_another_article_gives():
    ents = _entities([("a", "Baltic Ferry Authority", "ORG", 2),
                      ("b", "BFA", "ORG", 3)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert out["entity_id"].nunique() == 1
    assert set(out["entity_name"]) == {"Baltic Ferry Authority"}
    assert out.set_index("entity").loc["BFA", "identity_by"] == identity.ACRONYM


def test_an_acronym_two_expansions_fit_stays_apart():
    ents = _entities([("a", "Baltic Ferry Authority", "ORG", 2),
                      ("b", "Bergen Fishing Association", "ORG", 2),
                      ("c", "BFA", "ORG", 3)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert out["entity_id"].nunique() == 3


def test_an_article_writing_both_decides_between_expansions():
    ents = _entities([("a", "Baltic Ferry Authority", "ORG", 2, ["Baltic Ferry Authority", "BFA"]),
                      ("b", "Bergen Fishing Association", "ORG", 2),
                      ("c", "BFA", "ORG", 3)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    ids = _ids(out)
    assert ids[("c", "BFA")] == ids[("a", "Baltic Ferry Authority")]


def test_british_and_american_spellings_are_one_entity():
    ents = _entities([("a", "Nordic Health Organisation", "ORG", 2),
                      ("b", "Nordic Health Organization", "ORG", 1),
                      ("c", "Centre for Labour Studies", "ORG", 1),
                      ("d", "Center for Labor Studies", "ORG", 1)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert out["entity_id"].nunique() == 2
    assert out.set_index("entity").loc["Nordic Health Organization", "identity_by"] == identity.SPELLING


def test_spelling_rules_leave_other_words_alone():
    assert identity.normal_form("Four Seasons Tour") == "four seasons tour"
    assert identity.normal_form("Enterprise Ireland") == "enterprise ireland"
    assert identity.normal_form("Conference Board") == "conference board"


def test_transliterations_join_when_the_rest_of_the_name_agrees():
    ents = _entities([("a", "Mahmud Karimov", "PERSON", 2), ("b", "Mahmoud Karimov", "PERSON", 3),
                      ("c", "Mahmoud Karimova", "PERSON", 1), ("d", "Dan Brown", "PERSON", 1),
                      ("e", "Don Brown", "PERSON", 1)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    ids = _ids(out)
    assert ids[("a", "Mahmud Karimov")] == ids[("b", "Mahmoud Karimov")]
    assert ids[("c", "Mahmoud Karimova")] != ids[("b", "Mahmoud Karimov")]
    assert ids[("d", "Dan Brown")] != ids[("e", "Don Brown")]
    assert out.set_index("entity").loc["Mahmud Karimov", "entity_name"] == "Mahmoud Karimov"


def test_a_surname_joins_the_one_person_of_that_name_in_the_period():
    ents = _entities([("a", "Helena Marsh", "PERSON", 2), ("b", "Marsh", "PERSON", 4),
                      ("c", "Oliver Marsh", "PERSON", 2), ("d", "Marsh", "PERSON", 1)])
    arts = _articles({"a": "2025-01-10", "b": "2025-01-20", "c": "2025-06-01", "d": "2025-06-09"})
    _, out = identity.resolve(ents.iloc[:0], ents, arts)
    ids = _ids(out)
    assert ids[("b", "Marsh")] == ids[("a", "Helena Marsh")] == "person:helena marsh"
    assert ids[("d", "Marsh")] == ids[("c", "Oliver Marsh")]
    assert out.set_index("article_id").loc["b", "identity_by"] == identity.SURNAME


def test_a_surname_two_people_share_in_the_period_stays_apart():
    ents = _entities([("a", "Helena Marsh", "PERSON", 2), ("b", "Marsh", "PERSON", 4),
                      ("c", "Oliver Marsh", "PERSON", 2)])
    arts = _articles({"a": "2025-01-10", "b": "2025-01-20", "c": "2025-02-01"})
    _, out = identity.resolve(ents.iloc[:0], ents, arts)
    row = out.set_index("article_id").loc["b"]
    assert row["entity_id"] == "person:marsh"
    assert row["identity_by"] == identity.AMBIGUOUS
    assert out["entity_id"].nunique() == 3


def test_a_name_without_its_middle_initial_joins_the_one_fuller_name():
    ents = _entities([("a", "George W. Bush", "PERSON", 3), ("b", "George Bush", "PERSON", 1)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert out["entity_id"].nunique() == 1
    assert set(out["entity_name"]) == {"George W. Bush"}


def test_one_label_per_corpus_entity_voted_by_mentions():
    ents = _entities([("a", "Harbour Works", "ORG", 5), ("b", "Harbour Works", "FAC", 1),
                      ("c", "Harbour Works", "ORG", 2)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert set(out["entity_label"]) == {"ORG"}
    assert list(out["label"]) == ["ORG", "FAC", "ORG"]  # each article keeps its own


def test_two_entities_with_one_display_name_are_told_apart():
    ents = _entities([("a", "Jordan", "PLACE", 2, None, "JO"), ("b", "Jordan", "PERSON", 2)])
    _, out = identity.resolve(ents.iloc[:0], ents)
    assert sorted(out["entity_name"]) == ["Jordan (PERSON)", "Jordan (PLACE)"]


def test_corpus_ids_reach_the_mentions_with_merged_by(tmp_path):
    texts = [
        ("w1", "2024-01-05", "GENEVA (Reuters) - The World Trade Organization met on Monday. "
                             "U.S. officials said the talks went well."),
        ("w2", "2024-01-09", "BRUSSELS (Reuters) - The WTO said on Tuesday trade fell. "
                             "The United States and France disagreed."),
    ]
    arts = [article_from_text(t, published=d, article_id=a) for a, d, t in texts]
    corpus = nb.Corpus(arts, engine="serial", cache=False)
    m = corpus.mentions
    us = m[m["text"].isin(["U.S.", "United States"])]
    assert set(us["entity_id"]) == {"country:US"}
    assert set(us["entity_name"]) == {"United States"}
    wto = m[m["text"] == "WTO"]
    assert set(wto["entity_id"]) == set(m.loc[m["text"] == "World Trade Organization", "entity_id"])
    assert wto["merged_by"].notna().all()
    assert corpus.entity_ids(["US", "wto"]) == ["country:US", wto["entity_id"].iloc[0]]
    with pytest.raises(nb.ParameterError, match="entities: no entity called 'Atlantis'"):
        corpus.entity_ids(["Atlantis"])


def test_analyze_csv_output_carries_corpus_ids(tmp_path):
    from newsbench.cli import main

    (tmp_path / "a.txt").write_text("The Baltic Ferry Authority raised fares on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("The BFA said on Tuesday that fares would rise again.\n",
                                    encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out",
                 str(tmp_path / "csv"), "--format", "csv", "--engine", "serial", "-q",
                 "--no-cache"]) == 0
    ents = pd.read_csv(tmp_path / "csv" / "entities.csv")
    assert ents.loc[ents["entity"] == "BFA", "entity_name"].iloc[0] == "Baltic Ferry Authority"
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out",
                 str(tmp_path / "ds"), "--engine", "serial", "-q"]) == 0
    table = pd.read_parquet(tmp_path / "ds" / identity.IDENTITIES_FILE)
    assert table.loc[table["entity"] == "BFA", "entity_name"].iloc[0] == "Baltic Ferry Authority"
    corpus = nb.open_corpus(tmp_path / "ds")
    assert corpus.entities.loc[corpus.entities["entity"] == "BFA", "entity_name"].iloc[0] == \
        "Baltic Ferry Authority"
    # the text comes back from the paragraphs at their offsets
    for row in corpus.sentences.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.text
