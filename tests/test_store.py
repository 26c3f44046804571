"""The Parquet dataset store: round trips, hive layout, resume, supersede, repair, readers, locks.

``python tests/test_store.py --scale [N] [BATCH]`` runs the scale check (default 5,000 articles
in batches of 50, then a 10,000-article lookup) and prints times and file counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from newsbench import schema
from newsbench.errors import ParameterError
from newsbench.store import PARTITIONING, Store, arrow_schema
from logcheck import logged

ROOT = Path(__file__).resolve().parent.parent

# -- synthetic frames: every column of every frame, a few rows per article ----------------------

ROWS = {"articles": 1, "paragraphs": 2, "sentences": 3, "mentions": 2, "entities": 1,
        "timexes": 1, "events": 2, "quotes": 0, "emotions": 3}


def _value(col, dtype, aid, i, published, version):
    if isinstance(dtype, pd.CategoricalDtype):
        return dtype.categories[i % len(dtype.categories)]
    if schema.is_open_category(dtype):
        return None if i == 1 else f"source {i % 2}:{version}"
    if dtype == schema.LIST_STR:
        return [f"{aid}:{col}:{k}" for k in range(i % 3)]   # [] on the first row
    if dtype == schema.LIST_INT:
        return list(range(i % 3))
    if col == "article_id":
        return aid
    if dtype == schema.STR:
        return None if (col == "url" or i == 1) and col != "text" else f"{aid}:{col}:{i}:{version}"
    if dtype == schema.DATE:
        return published
    if dtype == "Int64":
        return None if i % 2 else i
    if dtype == schema.FLOAT:
        return float("nan") if col == "english_share" else i / 4 + len(version)
    return i + 10 * len(version)


def batch(articles: dict[str, str | None], version: str = "v1", rows: dict | None = None):
    """(frames, keys) for articles ``{article_id: published or None}``."""
    rows = {**ROWS, **(rows or {})}
    frames = {}
    for name, cols in schema.SCHEMAS.items():
        records = [{c: _value(c, d, aid, i, pd.Timestamp(pub) if pub else None, version)
                    for c, d in cols}
                   for aid, pub in articles.items() for i in range(rows[name])]
        frames[name] = schema.conform(pd.DataFrame(records, columns=[c for c, _ in cols]), name) \
            if records else schema.empty(name)
    # the counts an articles row gives match its rows (the store checks them on lookup)
    frames["articles"]["n_paragraphs"] = rows["paragraphs"]
    frames["articles"]["n_sentences"] = rows["sentences"]
    return frames, {aid: f"key-{aid}-{version}" for aid in articles}


def _put(store: Store, articles: dict, version: str = "v1", rows: dict | None = None) -> str:
    frames, keys = batch(articles, version, rows)
    return store.write_batch(frames, keys=keys)


def _sorted(df):
    return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def _same(got, want):
    pdt.assert_frame_equal(_sorted(got), _sorted(want), check_exact=True)


def _concat(*frame_sets):
    return {n: schema.conform(pd.concat([f[n] for f in frame_sets], ignore_index=True), n)
            for n in schema.FRAMES}


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.parquet"))


# -- round trip --------------------------------------------------------------------------------

TEXTS = [
    ("The Prime Minister said on Monday that Britain would leave the union. "
     "He met Angela Merkel in Berlin last week.", "2016-10-07"),
    ("Apple said on Tuesday it would open a store in Paris next year. Tim Cook was pleased.",
     "2017-03-02"),
    ("Floods hit Texas on Sunday. Officials said thousands of people were evacuated.", None),
]


@pytest.fixture(scope="module")
def analysed(nlp):
    import newsbench as nb

    ans = [nb.analyze_text(t, published=p, cache=False) for t, p in TEXTS]
    return ans, nb.Analysis.concat(ans)


def test_round_trip_of_analysed_articles_keeps_values_and_dtypes(tmp_path, analysed):
    ans, corpus = analysed
    store = Store(tmp_path / "store", run={"parameters": {"method": "news"}})
    keys = {a.article_id: a.run["cache_key"] for a in ans}
    store.write_batch(corpus.frames(), keys=keys)
    assert store.done() == keys
    for name, want in corpus.frames().items():
        got = store.read(name)
        assert list(got.columns) == [c for c, _ in schema.SCHEMAS[name]]  # store columns dropped
        assert got.dtypes.to_dict() == schema.empty(name).dtypes.to_dict()
        _same(got, want)
    for a in ans:  # the per-article cache
        hit = store.lookup(a.run["cache_key"])
        for name, want in a.frames().items():
            pdt.assert_frame_equal(hit[name], want, check_exact=True)


def test_round_trip_of_every_dtype_with_nulls(tmp_path):
    frames, keys = batch({"a": "2016-10-07", "b": None, "c": "1200-01-31", "d": "2999-12-01"})
    store = Store(tmp_path)
    store.write_batch(frames, keys=keys)
    for name, want in frames.items():
        _same(store.read(name), want)
    events = store.read("events")
    assert events["timex_id"].dtype == "Int64" and events["timex_id"].isna().any()
    published = store.read("articles").set_index("article_id")["published"]
    assert published["c"] == pd.Timestamp("1200-01-31") and pd.isna(published["b"])


# -- layout --------------------------------------------------------------------------------------


def test_layout_hive_partitions_null_partition_and_no_file_for_empty_frames(tmp_path):
    frames, keys = batch({"a": "2016-10-07", "b": "2016-10-30", "c": "2017-03-02", "u": None})
    store = Store(tmp_path, run={"parameters": {"method": "news"}, "model": {"name": "m"}})
    bid = store.write_batch(frames, keys=keys)
    files = _files(tmp_path)
    null = "year=0/month=0"
    for name in schema.FRAMES:
        expected = [] if name == "quotes" else [
            f"{name}/year=2016/month=10/part-{bid}.parquet",
            f"{name}/year=2017/month=03/part-{bid}.parquet",
            f"{name}/{null}/part-{bid}.parquet"]
        assert sorted(f for f in files if f.startswith(name + "/")) == sorted(expected)
    assert not (tmp_path / "quotes").exists()
    undated = pd.read_parquet(tmp_path / "articles" / null / f"part-{bid}.parquet")
    assert list(undated["article_id"]) == ["u"]
    october = pd.read_parquet(tmp_path / "sentences/year=2016/month=10")
    assert list(october["article_id"].unique()) == ["a", "b"]
    # the articles fragments carry the store's columns
    assert {"analysis_key", "batch_id", "batch_parts"} <= set(pq.read_schema(
        tmp_path / "articles/year=2016/month=10" / f"part-{bid}.parquet").names)
    # run metadata: _run.json and the fragments' Arrow metadata
    run = json.loads((tmp_path / "_run.json").read_text())
    assert run["run"]["parameters"] == {"method": "news"} and run["run"]["pipeline_version"]
    meta = json.loads(pq.read_schema(tmp_path / "mentions" / null / f"part-{bid}.parquet")
                      .metadata[b"newsbench"])
    assert meta["run"]["model"] == {"name": "m"} and meta["frame"] == "mentions"


def test_every_fragment_of_a_frame_has_the_same_schema(tmp_path):
    store = Store(tmp_path)
    _put(store, {"a": "2016-10-07"})
    # a batch where a nullable int and a string column are all null, and a category is empty
    frames, keys = batch({"b": "2016-11-01"}, rows={"events": 1})
    frames["events"]["timex"] = pd.NA
    frames["events"]["kind"] = pd.Series([None], dtype=frames["events"]["kind"].dtype)
    store.write_batch(frames, keys=keys)
    for name in schema.FRAMES:
        schemas = {pq.read_schema(f.path).remove_metadata() for f in store.fragments(name)}
        assert len(schemas) <= 1, name
        if schemas:
            written = schemas.pop()
            want = arrow_schema(name).remove_metadata()
            # Parquet has no seconds unit: timestamps are kept as milliseconds
            assert [f.name for f in written] == want.names
            for f in written:
                t = want.field(f.name).type
                assert f.type == (pa.timestamp("ms") if t == pa.timestamp("s") else t), f.name


# -- done, resume, supersede --------------------------------------------------------------------


def test_done_lists_written_articles_and_survives_a_new_store_object(tmp_path):
    store = Store(tmp_path)
    assert store.done() == {}
    f1, k1 = batch({"a": "2016-10-07", "b": None})
    f2, k2 = batch({"c": "2017-01-01"})
    store.write_batch(f1, keys=k1)
    assert store.done() == k1
    store.write_batch(f2, keys=k2)
    assert store.done() == {**k1, **k2}
    assert Store(tmp_path).done() == {**k1, **k2}
    # resume: the caller skips what is done
    todo = {"a": "key-a-v1", "c": "key-c-v1", "d": "key-d-v1"}
    assert [aid for aid, key in todo.items() if store.done().get(aid) != key] == ["d"]
    _same(store.read("sentences"), _concat(f1, f2)["sentences"])


def test_a_reanalysed_article_supersedes_its_old_rows(tmp_path):
    store = Store(tmp_path)
    old, k_old = batch({"a": "2016-10-07", "b": "2016-10-08"}, version="v1")
    store.write_batch(old, keys=k_old)
    # "a" changes: new key, new content, and another month
    new, k_new = batch({"a": "2018-05-01"}, version="v2")
    store.write_batch(new, keys=k_new)
    assert store.done() == {"a": "key-a-v2", "b": "key-b-v1"}
    keep_b = {n: df[df["article_id"] == "b"] for n, df in old.items()}
    for name in schema.FRAMES:
        got = store.read(name)
        _same(got, _concat(keep_b, new)[name])
        assert not got.duplicated(["article_id", "start"]).any()
    assert store.lookup("key-a-v1") is None
    for name, df in store.lookup("key-a-v2").items():
        _same(df, new[name])
    _same(store.read("mentions", article_ids=["a"]), new["mentions"])
    # and once more: the latest batch wins
    newer, k3 = batch({"a": None, "b": "2016-10-08"}, version="v3")
    store.write_batch(newer, keys=k3)
    assert store.done() == k3
    _same(store.read("paragraphs"), newer["paragraphs"])


# -- interrupted writes, repair ----------------------------------------------------------------


def test_an_interrupted_write_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    store = Store(tmp_path)
    first, k1 = batch({"a": "2016-10-07"})
    store.write_batch(first, keys=k1)
    before = _files(tmp_path)
    real = Store._write_fragment

    def dies_at_articles(self, path, table):
        if path.parts[-4] == "articles":
            raise KeyboardInterrupt
        real(self, path, table)

    monkeypatch.setattr(Store, "_write_fragment", dies_at_articles)
    with pytest.raises(KeyboardInterrupt):
        _put(store, {"b": "2016-10-07", "a": "2017-01-01"}, version="v2")
    monkeypatch.undo()
    assert store.done() == k1
    assert _files(tmp_path) == before  # what it had written was removed
    assert store.repair() == []
    _same(store.read("sentences"), first["sentences"])


KILLED_WRITER = """
import os, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from newsbench.store import Store
from test_store import batch

real = Store._write_fragment
def write(self, path, table):
    real(self, path, table)
    if path.parts[-4] == "articles":  # killed after the first articles fragment: no cleanup
        os.kill(os.getpid(), 9)
Store._write_fragment = write
frames, keys = batch({{"b": "2016-10-07", "c": "2017-01-01", "a": None}}, version="v2")
Store({root!r}).write_batch(frames, keys=keys)
"""


def test_a_killed_write_is_not_done_and_repair_removes_it(tmp_path):
    root = tmp_path / "store"
    store = Store(root)
    first, k1 = batch({"a": "2016-10-07"})
    store.write_batch(first, keys=k1)
    code = KILLED_WRITER.format(tests=str(Path(__file__).parent), root=str(root))
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == -9, proc.stderr
    # one of its three articles fragments exists, yet none of its articles is done
    orphans = [f for f in _files(root) if "part-00000002-" in f]
    assert len([f for f in orphans if f.startswith("articles/")]) == 1 and len(orphans) > 10
    assert store.done() == k1
    _same(store.read("sentences"), first["sentences"])
    removed = store.repair()
    assert sorted(f for f in removed if f.endswith(".parquet")) == orphans
    assert store.done() == k1
    assert not [f for f in _files(root) if "part-00000002-" in f]
    # the caller redoes them
    _put(store, {"b": "2016-10-07", "c": "2017-01-01"}, version="v2")
    assert set(store.done()) == {"a", "b", "c"}


def test_repair_removes_a_truncated_fragment_and_its_batch(tmp_path):
    store = Store(tmp_path)
    f1, k1 = batch({"a": "2016-10-07"})
    f2, k2 = batch({"b": "2016-10-09", "c": None})
    store.write_batch(f1, keys=k1)
    b2 = store.write_batch(f2, keys=k2)
    victim = store.path("mentions", b2, (2016, 10))
    data = victim.read_bytes()
    victim.write_bytes(data[: len(data) // 2])
    removed = store.repair()
    assert str(victim.relative_to(tmp_path)) in removed
    assert all(f"part-{b2}" in r for r in removed) and len(removed) == 16  # 8 frames x 2 months
    assert store.done() == k1  # b and c are redone by the caller
    for name in schema.FRAMES:
        _same(store.read(name), f1[name])
    assert store.repair() == []


def test_a_truncated_articles_fragment_is_not_done_even_before_repair(tmp_path):
    store = Store(tmp_path)
    f1, k1 = batch({"a": "2016-10-07"})
    store.write_batch(f1, keys=k1)
    b2 = _put(store, {"b": "2016-10-09"})
    victim = store.path("articles", b2, (2016, 10))
    victim.write_bytes(victim.read_bytes()[:100])
    with logged(match="unreadable"):
        assert Store(tmp_path).done() == k1
    assert len(store.repair()) == 8
    assert store.done() == k1


def test_repair_removes_temporary_files_and_leaves_good_batches(tmp_path):
    store = Store(tmp_path)
    f1, k1 = batch({"a": "2016-10-07"})
    store.write_batch(f1, keys=k1)
    tmp = tmp_path / "sentences/year=2016/month=10/.part-00000009-abcd.parquet.x1y2.tmp"
    tmp.write_bytes(b"half")
    assert store.repair() == [str(tmp.relative_to(tmp_path))]
    assert store.done() == k1 and len(_files(tmp_path)) == 8


# -- reading -----------------------------------------------------------------------------------


def test_read_columns_filters_and_article_ids(tmp_path):
    store = Store(tmp_path)
    frames, keys = batch({"a": "2016-10-07", "b": "2017-03-02", "u": None})
    store.write_batch(frames, keys=keys)
    got = store.read("mentions", columns=["text", "article_id"], filters=[("year", "==", 2017)])
    assert list(got.columns) == ["text", "article_id"] and set(got["article_id"]) == {"b"}
    assert got.dtypes.to_dict() == schema.empty("mentions")[["text", "article_id"]].dtypes.to_dict()
    undated = store.read("sentences", filters=ds.field("year") == 0)  # year 0: no date
    assert set(undated["article_id"]) == {"u"}
    second = store.read("paragraphs", filters=[("role", "==", "standfirst")])  # a category
    assert (second["role"] == "standfirst").all() and len(second) == 3
    _same(store.read("events", article_ids=["u", "a"]),
          frames["events"][frames["events"]["article_id"].isin(["u", "a"])])
    assert store.read("events", article_ids=["nope"]).empty
    assert store.read("quotes").equals(schema.empty("quotes"))
    assert list(store.read("quotes", columns=["speaker"]).columns) == ["speaker"]
    with pytest.raises(ParameterError):
        store.read("mentions", columns=["no_such"])
    with pytest.raises(ParameterError):
        store.read("no_such_frame")
    with pytest.raises(ParameterError, match="filters"):
        store.read("mentions", filters=[("no_such", "==", 1)])


def test_lookup(tmp_path):
    store = Store(tmp_path)
    frames, keys = batch({"a": "2016-10-07", "b": None})
    store.write_batch(frames, keys=keys)
    hit = store.lookup(keys["b"])
    assert set(hit) == set(schema.FRAMES)
    for name, df in hit.items():
        pdt.assert_frame_equal(df, frames[name][frames[name]["article_id"] == "b"]
                               .reset_index(drop=True), check_exact=True)
    assert store.lookup("unknown") is None
    assert Store(tmp_path / "empty").lookup("x") is None
    store.path("mentions", store.fragments("mentions")[0].batch, (None, None)).write_bytes(b"junk")
    with logged(match="unreadable"):
        assert store.lookup(keys["b"]) is None  # the caller re-analyses; its new batch wins
    assert store.lookup(keys["a"]) is not None


def test_rows_come_in_write_order(tmp_path):
    store = Store(tmp_path)
    sets = [batch({f"a{i}": "2016-10-07", f"b{i}": "2016-11-07"})[0] for i in range(3)]
    for frames in sets:
        store.write_batch(frames, keys={a: "k" + a for a in frames["articles"]["article_id"]})
    pdt.assert_frame_equal(store.read("sentences"), _concat(*sets)["sentences"])


def test_run_json_records_each_run(tmp_path):
    _put(Store(tmp_path, run={"parameters": {"method": "news"}}), {"a": None})
    _put(Store(tmp_path, run={"parameters": {"method": "vader"}}), {"b": None})
    info = Store(tmp_path).run_info()
    assert info["run"]["parameters"] == {"method": "vader"}
    assert [r["parameters"]["method"] for r in info["runs"]] == ["news", "vader"]
    assert info["frames"] == list(schema.FRAMES)


@pytest.mark.filterwarnings("ignore:The inplace keyword:Warning")  # inside dask
def test_readable_with_pandas_pyarrow_and_dask(tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    dated = Store(tmp_path / "dated")
    frames, keys = batch({"a": "2016-10-07", "b": "2017-03-02"})
    dated.write_batch(frames, keys=keys)
    mixed = Store(tmp_path / "mixed")
    frames2, keys2 = batch({"a": "2016-10-07", "u": None})
    mixed.write_batch(frames2, keys=keys2)
    n, n2 = len(frames["mentions"]), len(frames2["mentions"])

    plain = pd.read_parquet(tmp_path / "dated/mentions")
    assert len(plain) == n and plain["text"].dtype == "string"  # pandas metadata kept
    assert sorted(plain["year"].astype(int).unique()) == [2016, 2017]
    # undated articles sit in year 0: a plain read works beside dated ones
    with_null = pd.read_parquet(tmp_path / "mixed/mentions")
    assert len(with_null) == n2 and (with_null["year"].astype(int) == 0).sum() == ROWS["mentions"]
    assert len(pd.read_parquet(tmp_path / "mixed/mentions", partitioning=PARTITIONING)) == n2
    _same(with_null[[c for c, _ in schema.SCHEMAS["mentions"]]].pipe(schema.conform, "mentions"),
          frames2["mentions"])

    for root, rows in ((tmp_path / "dated", n), (tmp_path / "mixed", n2)):
        table = ds.dataset(root / "mentions", partitioning="hive").to_table()
        assert table.num_rows == rows and {"year", "month", "batch_id"} <= set(table.column_names)

    assert len(dd.read_parquet(str(tmp_path / "dated/mentions")).compute()) == n
    got = dd.read_parquet(str(tmp_path / "mixed/mentions")).compute()
    assert len(got) == n2 and (got["year"].astype(int) == 0).sum() == ROWS["mentions"]


# -- writers ---------------------------------------------------------------------------------


def test_two_writers_in_threads_both_succeed_and_never_interleave(tmp_path, monkeypatch):
    active, overlaps = [0], []
    guard = threading.Lock()

    def watched_fragment(self, path, table, _real=Store._write_fragment):
        with guard:
            active[0] += 1
            if active[0] > 1:
                overlaps.append(path)
        try:
            time.sleep(0.001)
            _real(self, path, table)
        finally:
            with guard:
                active[0] -= 1

    monkeypatch.setattr(Store, "_write_fragment", watched_fragment)
    shared = Store(tmp_path)
    errors, ids = [], []

    def writer(prefix, store):
        try:
            for i in range(6):
                ids.append(_put(store, {f"{prefix}{i}": f"2016-{i + 1:02d}-01",
                                        f"{prefix}{i}x": None}))
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=("p", shared)),
               threading.Thread(target=writer, args=("q", Store(tmp_path))),
               threading.Thread(target=writer, args=("r", shared))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and not overlaps
    assert len(set(ids)) == 18
    assert len(shared.done()) == 36 and len(shared.read("sentences")) == 36 * ROWS["sentences"]


def test_locked_is_reentrant_and_excludes_other_threads(tmp_path):
    store = Store(tmp_path)
    order = []
    with store.locked():
        t = threading.Thread(target=lambda: (_put(store, {"b": None}), order.append("b")))
        t.start()
        _put(store, {"a": None})  # re-entrant: no deadlock
        time.sleep(0.2)
        order.append("a")
    t.join()
    assert order == ["a", "b"] and set(store.done()) == {"a", "b"}


def test_bad_batches_are_refused(tmp_path):
    store = Store(tmp_path)
    frames, keys = batch({"a": "2016-10-07"})
    with pytest.raises(ParameterError, match="keys"):
        store.write_batch(frames, keys={"a": "k", "z": "k2"})
    with pytest.raises(ParameterError, match="missing"):
        store.write_batch({n: f for n, f in frames.items() if n != "quotes"}, keys=keys)
    extra = dict(frames, mentions=frames["mentions"].assign(stray=1))
    with pytest.raises(ParameterError, match="stray"):
        store.write_batch(extra, keys=keys)
    orphan_rows = dict(frames, sentences=batch({"z": None})[0]["sentences"])
    with pytest.raises(ParameterError, match="not in the batch"):
        store.write_batch(orphan_rows, keys=keys)
    assert _put(store, {}) == ""
    assert store.done() == {} and not _files(tmp_path)


# -- scale ---------------------------------------------------------------------------------------


def scale_check(root: Path, n: int = 5000, size: int = 50, months: int = 24,
                shuffled: bool = False) -> dict:
    """Write ``n`` tiny articles in batches of ``size`` (dated over ``months`` months, in date
    order unless ``shuffled``; one in 20 undated); time the writes, ``done()`` on a new Store
    and again, lookups on a new Store, a whole-frame read and ``repair()``."""
    import random
    import resource

    store = Store(root)
    store.repair()
    start = pd.Timestamp("2015-01-01")
    ids = [f"art-{i:06d}" for i in range(n)]
    dates = {aid: None if i % 20 == 19 else
             (start + pd.Timedelta(days=int(i * months * 30 / n))).strftime("%Y-%m-%d")
             for i, aid in enumerate(ids)}
    order = list(ids)
    if shuffled:
        random.Random(0).shuffle(order)
    t0 = time.perf_counter()
    for i in range(0, n, size):
        _put(store, {aid: dates[aid] for aid in order[i:i + size]})
    write = time.perf_counter() - t0
    fresh = Store(root)
    t0 = time.perf_counter()
    done = fresh.done()
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    fresh.done()
    warm = time.perf_counter() - t0
    assert len(done) == n
    fresh = Store(root)
    t0 = time.perf_counter()
    fresh.lookup(f"key-{ids[n // 2]}-v1")
    lookup_cold = time.perf_counter() - t0
    sample = ids[:: max(1, n // 50)]
    t0 = time.perf_counter()
    for aid in sample:
        assert fresh.lookup(f"key-{aid}-v1") is not None
    lookup_warm = (time.perf_counter() - t0) / len(sample)
    t0 = time.perf_counter()
    sentences = fresh.read("sentences")
    read = time.perf_counter() - t0
    t0 = time.perf_counter()
    one = fresh.read("sentences", article_ids=[ids[n // 3]])
    read_one = time.perf_counter() - t0
    assert len(one) == ROWS["sentences"]
    t0 = time.perf_counter()
    repaired = fresh.repair()
    repair = time.perf_counter() - t0
    files = list(root.rglob("*.parquet"))
    return {"articles": n, "batch": size, "shuffled": shuffled, "files": len(files),
            "articles_files": len(list((root / "articles").rglob("*.parquet"))),
            "MB": round(sum(p.stat().st_size for p in files) / 1e6, 1),
            "write_s": round(write, 2), "per_batch_ms": round(1000 * write / (n / size), 1),
            "done_new_store_s": round(cold, 3), "done_again_s": round(warm, 4),
            "lookup_new_store_s": round(lookup_cold, 3), "lookup_ms": round(1000 * lookup_warm, 1),
            "read_sentences_s": round(read, 2), "sentences": len(sentences),
            "read_one_article_s": round(read_one, 3),
            "repair_s": round(repair, 2), "repaired": len(repaired),
            "max_rss_MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


@pytest.mark.slow
def test_scale_500_articles(tmp_path):
    stats = scale_check(tmp_path / "store", n=500, size=50)
    assert stats["repaired"] == 0 and stats["sentences"] == 500 * ROWS["sentences"]


if __name__ == "__main__":
    import tempfile

    if "--scale" in sys.argv:
        rest = [int(a) for a in sys.argv[sys.argv.index("--scale") + 1:] if a.isdigit()]
        with tempfile.TemporaryDirectory() as tmp:
            print(scale_check(Path(tmp) / "store", *rest, shuffled="--shuffled" in sys.argv))
