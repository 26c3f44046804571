"""The corpus views recover facts planted in a generated corpus (tests/planted_corpus.py,
written blind to the rules): a more negative outlet, a person whose mentions triple in one
month, one event reported by three articles, a syndicated copy and a near-duplicate, an
acronym in one article and its expansion in another, spelling variants, surnames."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import newsbench as nb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from planted_corpus import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    facts = make_corpus(folder)
    corpus = nb.load_corpus(folder / "corpus.jsonl", engine="serial", cache=False)
    corpus.analysis  # analyse once for the module
    return corpus, facts, folder


def _aid(corpus, given: str) -> str:
    """The corpus's article id of the article the generator called ``given``."""
    [aid] = [a for a in corpus.texts if a == given or a.endswith("-" + given)]
    return aid


def _ids_of(corpus, name: str, articles) -> set:
    ents = corpus.entities
    rows = ents[(ents["entity"] == name) & ents["article_id"].isin(articles)]
    assert len(rows), f"{name} not found in {articles}"
    return set(rows["entity_id"])


def test_the_negative_outlet_reads_more_negative_with_bands_apart(planted):
    corpus, facts, _ = planted
    tone = corpus.tone_by("source", granularity=None).set_index("source")
    neg = facts["negative_source"]["name"]
    for other in facts["negative_source"]["other_sources"]:
        assert tone.at[neg, "tone"] < tone.at[other, "tone"]
        assert tone.at[neg, "high"] < tone.at[other, "low"]
    monthly = corpus.tone_by("source", granularity="month")
    assert monthly["n_articles"].sum() == monthly.attrs["undated"] * 0 + len(
        corpus.articles.dropna(subset=["published"]))
    assert set(monthly["too_few"]) == {True}  # four articles an outlet a month: said, not hidden


def test_the_rising_person_triples_in_their_month(planted):
    corpus, facts, _ = planted
    person = facts["rising_person"]
    trends = corpus.entity_trends(entities=[person["name"]], granularity="month")
    assert set(trends["entity_name"]) == {person["name"]}
    by_month = trends.set_index(trends["period"].dt.strftime("%Y-%m"))["per_article"]
    others = by_month.drop(person["month"])
    assert by_month[person["month"]] >= 3 * others.max()
    # the top people, month by month, put them first that month
    top = corpus.entity_trends(labels=["PERSON"], top_n=3, granularity="month")
    month = top[top["period"].dt.strftime("%Y-%m") == person["month"]]
    assert month.sort_values("mentions").iloc[-1]["entity_name"] == person["name"]


def test_one_event_reported_three_times_is_one_mark(planted):
    corpus, facts, _ = planted
    ev = facts["shared_event"]
    ids = {_aid(corpus, a) for a in ev["article_ids"]}
    timeline = corpus.events_timeline(entities=[ev["entities"][0]])
    day = timeline[timeline["date_start"] == pd.Timestamp(ev["date"])]
    shared = day[day["n_articles"] == 3]
    assert len(shared) == 1
    assert set(shared.iloc[0]["article_ids"]) == ids
    assert len(set(shared.iloc[0]["sources"])) == 3
    other = _aid(corpus, facts["other_event_same_day"]["article_id"])
    whole = corpus.events_timeline()
    that_day = whole[whole["date_start"] == pd.Timestamp(ev["date"])]
    assert not any(other in r and len(r) > 1 and ids & set(r) for r in that_day["article_ids"])
    # no dateline ("SAO PAULO, May 15 (...)") is an event of the corpus timeline
    assert not whole["summary"].str.fullmatch(r"[A-Z ]+").any()


def test_the_syndicated_copy_and_the_near_duplicate_are_found_and_left_out(planted):
    corpus, facts, _ = planted
    dups = corpus.duplicates().set_index("article_id")
    syn, near = facts["syndicated"], facts["near_duplicate"]
    copy, orig = _aid(corpus, syn["copy"]), _aid(corpus, syn["original"])
    assert dups.at[copy, "duplicate_of"] == orig
    assert dups.at[copy, "kind"] == "syndicated copy"
    near_id = _aid(corpus, near["copy"])
    assert dups.at[near_id, "duplicate_of"] == orig and dups.at[near_id, "kind"] == "near-duplicate"
    assert set(dups.index) == {copy, near_id}  # nothing else is a copy
    kept = corpus.filter(exclude_duplicates=True)
    assert len(kept) == len(corpus) - 2 and copy not in kept.texts and orig in kept.texts
    assert "2 duplicates left out" in corpus.describe()
    per = kept.articles_per_period(granularity="month")
    assert per["n_articles"].sum() == kept.articles["published"].notna().sum()


def test_an_acronym_and_its_expansion_in_other_articles_are_one_entity(planted):
    corpus, facts, _ = planted
    acr = facts["acronym"]
    short = _ids_of(corpus, acr["acronym"], [_aid(corpus, a) for a in acr["acronym_only_ids"]])
    full = _ids_of(corpus, acr["expansion"], [_aid(corpus, a) for a in acr["expansion_only_ids"]])
    assert short == full and len(full) == 1
    ents = corpus.entities
    assert set(ents.loc[ents["entity_id"].isin(full), "entity_name"]) == {acr["expansion"]}


def test_spellings_and_transliterations_are_one_entity(planted):
    corpus, facts, _ = planted
    sp = facts["spelling"]
    brit = _ids_of(corpus, sp["british"], [_aid(corpus, a) for a in sp["british_ids"]])
    amer = _ids_of(corpus, sp["american"], [_aid(corpus, a) for a in sp["american_ids"]])
    assert brit == amer
    tr = facts["transliteration"]
    got = set()
    for variant, arts in tr["by_variant"].items():
        got |= _ids_of(corpus, variant, [_aid(corpus, a) for a in arts])
    assert len(got) == 1


def test_a_shared_surname_keeps_two_people_and_a_lone_surname_joins_its_person(planted):
    corpus, facts, _ = planted
    sur = facts["surname"]
    people = [_ids_of(corpus, p, [_aid(corpus, a) for a in arts])
              for p, arts in sur["ids"].items()]
    assert len(people[0] | people[1]) == 2
    only = sur["surname_only"]
    lone = _ids_of(corpus, only["surname"], [_aid(corpus, a) for a in only["ids"]])
    full = set(corpus.entities.loc[corpus.entities["entity"] == only["person"], "entity_id"])
    assert lone == full


def test_every_name_of_the_united_states_is_one_place(planted):
    corpus, facts, _ = planted
    ents = corpus.entities
    for form, arts in facts["countries"].items():
        ids = {_aid(corpus, a) for a in arts}
        rows = ents[(ents["entity"] == form) & ents["article_id"].isin(ids)]
        assert set(rows["entity_id"]) == {"country:US"}, form
    top = corpus.top_entities(labels=["PLACE"], top_n=1)
    assert top.iloc[0]["entity_name"] == "United States"
    assert top.iloc[0]["articles"] >= sum(len(v) for v in facts["countries"].values())


def test_keyword_in_context_points_at_the_exact_characters(planted):
    corpus, _, _ = planted
    hits = corpus.kwic("freight")
    assert len(hits) >= 3
    for r in hits.itertuples():
        assert corpus.texts[r.article_id][r.start:r.end].lower() == "freight"
    trends = corpus.term_trends("freight, grain")
    assert set(trends["term"]) == {"freight", "grain"}


def test_a_filtered_corpus_keeps_the_corpus_ids(planted):
    corpus, facts, _ = planted
    month = corpus.filter(date_from="2025-06-01", date_to="2025-06-30")
    assert len(month) == 12
    assert set(month.articles["published"].dt.month) == {6}
    person = facts["rising_person"]["name"]
    assert set(month.mentions.loc[month.mentions["entity_name"] == person, "entity_id"]) == \
        set(corpus.mentions.loc[corpus.mentions["entity_name"] == person, "entity_id"])
    src = corpus.filter(sources=[facts["negative_source"]["name"].upper()])
    assert set(src.articles["source"]) == {facts["negative_source"]["name"]}


def test_a_dataset_opens_as_the_same_corpus(planted, tmp_path):
    from newsbench.cli import main

    corpus, facts, folder = planted
    assert main(["analyze", str(folder / "corpus.jsonl"), "--out", str(tmp_path / "ds"),
                 "--engine", "serial", "-q"]) == 0
    opened = nb.open_corpus(tmp_path / "ds")
    assert len(opened) == len(corpus)
    a = opened.top_entities(top_n=5).reset_index(drop=True)
    b = corpus.top_entities(top_n=5).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    assert set(opened.duplicates()["article_id"]) == set(corpus.duplicates()["article_id"])


@pytest.mark.slow
def test_the_corpus_report_is_first_in_the_index(planted, tmp_path):
    from newsbench.cli import main

    _, facts, folder = planted
    out = tmp_path / "reports"
    code = main(["report", str(folder / "corpus.jsonl"), "--out", str(out), "--notebooks", "10",
                 "--no-per-article", "-q", "-p", "entities", facts["rising_person"]["name"],
                 "-p", "terms", "freight"])
    assert code == 0
    record = json.loads((out / "corpus.json").read_text())
    assert record["ok"] and record["articles"] == facts["n_articles"]
    page = (out / "corpus.html").read_text(encoding="utf-8")
    assert "<script" not in page and "Tone over time" in page and "freight" in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("corpus.html") < index.index("</tbody>")
    assert not [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]


def test_the_readme_answers_the_three_questions(planted, tmp_path):
    """The README's corpus code block runs as written on an analysed dataset."""
    import re

    from newsbench.cli import main

    _, _, folder = planted
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("The three questions", 1)[1]
    code = re.search(r"```python\n(.*?)```", block, re.S).group(1)
    assert "entity_trends" in code and "tone_by" in code and "events_timeline" in code
    dataset = tmp_path / "dataset"
    assert main(["analyze", str(folder / "corpus.jsonl"), "--out", str(dataset), "--engine",
                 "serial", "-q"]) == 0
    scope: dict = {}
    exec(code.replace('"dataset/"', repr(str(dataset))), scope)  # noqa: S102  our own README
    people = scope["people"]
    assert {"period", "entity_name", "mentions", "per_article"} <= set(people.columns)
    assert people["entity_name"].nunique() == 10
