"""Tidy frames (issue #18, point 5): list columns and categories, through the store, the frame
sets, the views and the corpus.

List columns: ``entities.aliases``, ``entities.model_labels`` with ``model_label_counts``,
``events.entities`` (and the views' ``aliases`` and ``units``). Categories: labels (a fixed set)
and ``articles.source`` (an open one).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest

import newsbench as nb
from newsbench import schema, views
from newsbench.frame_sets import read_frame_set, write_frame_set
from newsbench.layers.entity_vocab import LABELS
from newsbench.load import article_from_text
from newsbench.store import Store
from logcheck import logged

TEXTS = [
    ("The United Nations said on Monday that the UN would meet in Geneva. Barack Obama met "
     "Angela Merkel in Berlin last week. Obama said the talks went well.", "2016-10-07", "AP"),
    ("Apple said on Tuesday it would open a store in Paris next year. Tim Cook was pleased. "
     "Cook said Apple would hire people in Paris.", "2017-03-02", "Reuters"),
    ("Floods hit Texas on Sunday. Officials said thousands of people were evacuated.", None,
     None),
]
LIST_COLUMNS = {"entities": ["aliases", "model_labels", "model_label_counts"],
                "events": ["entities"]}
FIXED = {"mentions": ["model_label", "label", "entity_label"],
         "entities": ["label", "entity_label"], "quotes": ["speaker_label"]}


@pytest.fixture(scope="module")
def analysed(nlp):
    ans = [nb.analyze(article_from_text(t, published=p, source=s), cache=False)
           for t, p, s in TEXTS]
    return ans, nb.Analysis.concat(ans)


def _sorted(df):
    return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def _check_tidy(frames: dict[str, pd.DataFrame]) -> None:
    for name, cols in LIST_COLUMNS.items():
        for col in cols:
            s = frames[name][col]
            assert s.dtype == object, (name, col)
            assert all(type(v) is list for v in s), (name, col, [type(v) for v in s][:3])
    for name, cols in FIXED.items():
        for col in cols:
            assert frames[name][col].dtype == dict(schema.SCHEMAS[name])[col], (name, col)
    assert isinstance(frames["articles"]["source"].dtype, pd.CategoricalDtype)


# -- the layers -----------------------------------------------------------------------------


def test_the_layers_give_lists_and_categories(analysed):
    _, corpus = analysed
    frames = corpus.frames()
    _check_tidy(frames)
    e = frames["entities"]
    un = e[e["entity"] == "United Nations"].iloc[0]
    assert set(un["aliases"]) == {"United Nations", "UN"}
    obama = e[e["entity"] == "Barack Obama"].iloc[0]
    assert obama["aliases"][0] in ("Barack Obama", "Obama")
    for labels, counts, n in zip(e["model_labels"], e["model_label_counts"], e["mentions"]):
        assert len(labels) == len(counts) and sum(counts) <= n
        assert counts == sorted(counts, reverse=True)      # most frequent first
        assert all(type(c) is int for c in counts)
    ev = frames["events"]
    assert any(len(x) for x in ev["entities"])
    assert all(isinstance(n, str) for x in ev["entities"] for n in x)
    assert sorted(frames["articles"]["source"].cat.categories) == ["AP", "Reuters"]
    assert frames["articles"]["source"].isna().sum() == 1


def test_entity_labels_of_the_schema_are_the_layers():
    assert set(schema.ENTITY_LABELS) == set(LABELS)
    assert list(schema.ENTITY_LABEL.categories) == sorted(LABELS)   # sorts as text does


# -- Parquet: the store ---------------------------------------------------------------------


def test_store_round_trip_keeps_lists_values_and_dtypes(tmp_path, analysed):
    ans, corpus = analysed
    store = Store(tmp_path / "store")
    store.write_batch(corpus.frames(), keys={a.article_id: a.run["cache_key"] for a in ans})
    got_all = {}
    for name, want in corpus.frames().items():
        got = store.read(name)
        got_all[name] = got
        assert got.dtypes.to_dict() == want.dtypes.to_dict(), name
        pdt.assert_frame_equal(_sorted(got), _sorted(want), check_exact=True)
    _check_tidy(got_all)
    # a subset of columns, and the per-article cache
    sub = store.read("entities", columns=["entity", "aliases", "model_label_counts"])
    assert all(type(v) is list for v in sub["aliases"])
    assert all(type(x) is int for v in sub["model_label_counts"] for x in v)
    for a in ans:
        hit = store.lookup(a.run["cache_key"])
        _check_tidy(hit)
        pdt.assert_frame_equal(hit["entities"], a.entities, check_exact=True)
        pdt.assert_frame_equal(hit["events"], a.events, check_exact=True)


def test_store_concatenates_batches_as_categories(tmp_path, analysed):
    ans, _ = analysed
    store = Store(tmp_path / "store")
    for a in ans:  # one batch (one set of files) per article: read back concatenated
        store.write_batch(a.frames(), keys={a.article_id: a.run["cache_key"]})
    want = nb.Analysis.concat(ans)
    got = {name: store.read(name) for name in schema.FRAMES}
    _check_tidy(got)
    assert sorted(got["articles"]["source"].dropna()) == ["AP", "Reuters"]
    for name in schema.FRAMES:
        assert got[name].dtypes.to_dict() == want.frames()[name].dtypes.to_dict(), name
        pdt.assert_frame_equal(_sorted(got[name]), _sorted(want.frames()[name]),
                               check_exact=True)


def test_empty_frames_keep_their_dtypes(tmp_path):
    store = Store(tmp_path / "nothing")
    for name in schema.FRAMES:
        got, want = store.read(name), schema.empty(name)
        assert got.empty and got.dtypes.to_dict() == want.dtypes.to_dict(), name
    assert isinstance(schema.empty("articles")["source"].dtype, pd.CategoricalDtype)
    assert schema.empty("entities")["aliases"].dtype == object
    assert schema.empty("mentions")["label"].dtype == schema.ENTITY_LABEL


def test_open_corpus_keeps_lists_and_categories(tmp_path, analysed):
    ans, _ = analysed
    store = Store(tmp_path / "out")
    for a in ans:
        store.write_batch(a.frames(), keys={a.article_id: a.run["cache_key"]})
    corpus = nb.open_corpus(tmp_path / "out")
    _check_tidy(corpus.frames())
    # identity reads aliases as lists: "UN" (an alias only) names the United Nations
    un = corpus.entity_ids(["UN"])
    assert un == corpus.entity_ids(["United Nations"])


# -- conform --------------------------------------------------------------------------------


def _entities(**cols) -> pd.DataFrame:
    base = schema.empty("entities")
    row = {c: [None] for c in base.columns}
    row.update({"article_id": ["a"], "start": [0], "end": [1], "entity": ["X"],
                "label": ["ORG"], "mentions": [1], "first_sent": [0], "n_sentences": [1]})
    row.update({k: [v] for k, v in cols.items()})
    return pd.DataFrame(row)


def test_conform_makes_lists_of_missing_values_and_arrays():
    df = schema.conform(_entities(aliases=np.array(["X", "Y"], dtype=object),
                                  model_labels=("ORG",), model_label_counts=np.array([2])),
                        "entities")
    assert df.at[0, "aliases"] == ["X", "Y"] and type(df.at[0, "aliases"]) is list
    assert df.at[0, "model_labels"] == ["ORG"] and df.at[0, "model_label_counts"] == [2]
    assert type(df.at[0, "model_label_counts"][0]) is int
    missing = schema.conform(_entities(aliases=float("nan")), "entities")
    assert missing.at[0, "aliases"] == [] and missing.at[0, "model_labels"] == []


def test_conform_refuses_a_joined_string():
    with pytest.raises(TypeError, match="aliases.*string 'X; Y'"):
        schema.conform(_entities(aliases="X; Y"), "entities")


def test_fixed_categories_concatenate_and_keep_unknown_labels():
    a = schema.conform(_entities(label="ORG"), "entities")
    b = schema.conform(_entities(label="PERSON"), "entities")
    both = pd.concat([a, b], ignore_index=True)
    assert both["label"].dtype == schema.ENTITY_LABEL      # no fallback to object
    m = schema.empty("mentions")
    m = pd.concat([m, pd.DataFrame({"model_label": ["MISC"]})], ignore_index=True)
    got = schema.cast(m["model_label"], schema.MODEL_LABEL)
    assert got.tolist() == ["MISC"]                           # a custom model's label is kept
    assert list(got.cat.categories) == [*schema.MODEL_LABELS, "MISC"]


def test_open_category_after_concatenation():
    arts = [schema.conform(pd.DataFrame({c: [v] for c, v in row.items()}), "articles")
            for row in ({**{c: None for c, _ in schema.SCHEMAS["articles"]}, "article_id": "a",
                         "start": 0, "end": 1, "source": "AP"},
                        {**{c: None for c, _ in schema.SCHEMAS["articles"]}, "article_id": "b",
                         "start": 0, "end": 1, "source": "Reuters"})]
    raw = pd.concat(arts, ignore_index=True)
    assert not isinstance(raw["source"].dtype, pd.CategoricalDtype)   # pandas falls back
    got = schema.conform(raw, "articles")["source"]
    assert isinstance(got.dtype, pd.CategoricalDtype)
    assert list(got.cat.categories) == ["AP", "Reuters"]
    assert schema.has_dtype(got, schema.CATEGORY)


# -- frame sets and the joined strings ------------------------------------------------------


def test_joined_gives_the_old_strings(analysed):
    _, corpus = analysed
    flat = views.frames.joined(corpus.entities)
    assert "model_label_counts" not in flat.columns
    un = flat[flat["entity"] == "United Nations"].iloc[0]
    assert set(un["aliases"].split("; ")) == {"United Nations", "UN"}
    row = corpus.entities.iloc[0]
    old = ", ".join(f"{k} {v}" for k, v in zip(row["model_labels"], row["model_label_counts"]))
    assert flat.iloc[0]["model_labels"] == old                      # "GPE 3, NORP 1"
    assert flat["aliases"].dtype == "string"
    ev = views.frames.joined(corpus.events)
    assert ev["entities"].tolist() == ["; ".join(x) for x in corpus.events["entities"]]
    assert views.joined is schema.joined is views.frames.joined
    assert views.frames.joined(corpus.entities, sep=" | ")["aliases"].iloc[0] == \
        " | ".join(corpus.entities["aliases"].iloc[0])


def test_csv_frame_set_has_joined_strings_and_reads_back_lists(tmp_path, analysed):
    _, corpus = analysed
    out = tmp_path / "csv"
    write_frame_set(corpus.frames(), {}, out, "csv")
    raw = pd.read_csv(out / "entities.csv", keep_default_na=False)
    assert "model_label_counts" not in raw.columns
    flat = schema.joined(corpus.entities)
    assert raw["aliases"].tolist() == flat["aliases"].tolist()
    assert raw["model_labels"].tolist() == flat["model_labels"].tolist()
    assert not raw["aliases"].str.startswith("[").any()              # no list reprs
    events = pd.read_csv(out / "events.csv", keep_default_na=False)
    assert events["entities"].tolist() == ["; ".join(x) for x in corpus.events["entities"]]
    back = read_frame_set(out)
    for col in LIST_COLUMNS["entities"]:
        assert back["entities"][col].tolist() == corpus.entities[col].tolist(), col
    assert back["events"]["entities"].tolist() == corpus.events["entities"].tolist()


def test_json_frame_set_writes_arrays(tmp_path, analysed):
    _, corpus = analysed
    out = tmp_path / "json"
    write_frame_set(corpus.frames(), {}, out, "json")
    records = json.loads((out / "entities.json").read_text(encoding="utf-8"))
    assert records[0]["aliases"] == corpus.entities["aliases"].iloc[0]
    assert records[0]["model_label_counts"] == corpus.entities["model_label_counts"].iloc[0]
    assert isinstance(records[0]["label"], str)
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    assert [r["entities"] for r in events] == corpus.events["entities"].tolist()
    back = read_frame_set(out)
    assert back["entities"]["aliases"].tolist() == corpus.entities["aliases"].tolist()


# -- views ----------------------------------------------------------------------------------


def test_report_tables_show_lists_joined(analysed):
    _, corpus = analysed
    table = views.entity_table(corpus.entities)
    assert all(type(v) is list for v in table["aliases"])            # the frame keeps lists
    shown = views.report_table(table)
    html = shown.to_html()
    assert "[&#x27;" not in html and "['" not in html                # never a list repr
    un = corpus.entities[corpus.entities["entity"] == "United Nations"].iloc[0]
    assert "; ".join(un["aliases"]) in html
    first = corpus.entities.sort_values("mentions", ascending=False).iloc[0]
    assert f"{first['model_labels'][0]} {first['model_label_counts'][0]}" in html
    events = views.report_table(views.dated_events(corpus.events)).to_html()
    assert "['" not in events and "[&#x27;" not in events


def test_view_list_columns(analysed):
    _, corpus = analysed
    counts = views.entity_counts(corpus.mentions)
    assert all(type(v) is list for v in counts["aliases"])
    pairs = views.cooccurrences(corpus.mentions)
    assert len(pairs) and all(type(v) is list and len(v) == n
                              for v, n in zip(pairs["units"], pairs["count"]))
    assert views.entity_counts(corpus.mentions.iloc[:0])["aliases"].dtype == object
    shown = views.report_table(pairs).to_html()
    assert ", ".join(pairs["units"].iloc[0]) in shown


def test_a_store_of_the_old_format_is_refused_on_read_and_moved_aside_on_write(tmp_path,
                                                                              analysed):
    """0.1 stores held joined strings where 0.2 has lists: one dataset cannot hold both (a
    plain pd.read_parquet fails on the mix), so a writing run moves the old frames aside."""
    from newsbench.errors import CacheError
    from newsbench.store import RUN_FILE

    ans, corpus = analysed
    keys = {a.article_id: a.run["cache_key"] for a in ans}
    root = tmp_path / "store"
    Store(root).write_batch(corpus.frames(), keys=keys)
    record = json.loads((root / RUN_FILE).read_text())
    (root / RUN_FILE).write_text(json.dumps({**record, "format_version": 1}))
    old = Store(root)
    with pytest.raises(CacheError, match=r"older newsbench \(store format 1\); rerun newsbench "
                                         r"analyze into it"):
        old.read("entities")
    assert old.lookup(ans[0].run["cache_key"]) is None        # a cache miss: analysed again
    with logged(match="older newsbench .* kept in .*_format1"):
        Store(root).write_batch(nb.Analysis.concat(ans[:1]).frames(),
                                keys={ans[0].article_id: keys[ans[0].article_id]})
    assert (root / "_format1" / "entities").is_dir() and (root / "_format1" / RUN_FILE).is_file()
    plain = pd.read_parquet(root / "entities")                # only the new frames, lists
    assert set(plain["article_id"]) == {ans[0].article_id}
    assert Store(root).read("entities")["aliases"].map(type).eq(list).all()
