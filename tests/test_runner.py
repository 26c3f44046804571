"""Corpora: batches through an executor into the store, resumable, the same frames anywhere."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import newsbench as nb
from newsbench import schema
from newsbench.engine import analyze_batch
from newsbench.runner import analysis_key, batches, run_corpus
from newsbench.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))
import corpus_gen  # noqa: E402


def _articles(n: int, seed: int = 5) -> list[nb.Article]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        title, a = corpus_gen.article(rng, i)
        published = None if i % 7 == 3 else a["published"]   # some undated
        out.append(nb.article_from_text(title + "\n\n" + "\n\n".join(a["paras"]),
                                        published=published, article_id=f"gen-{i:03d}"))
    return out


def _frames(store: Store, ids: list[str]) -> dict[str, pd.DataFrame]:
    order = {aid: i for i, aid in enumerate(ids)}
    out = {}
    for name in schema.FRAMES:
        df = store.read(name, article_ids=ids)
        out[name] = df.iloc[df["article_id"].map(order).to_numpy().argsort(kind="stable")
                            ].reset_index(drop=True)
    return out


def _same(a: dict, b: dict) -> None:
    for name in schema.FRAMES:
        pdt.assert_frame_equal(a[name], b[name], check_exact=True, obj=name)


def test_batches_cut_by_count_and_size():
    arts = _articles(7)
    got = list(batches(iter(arts), max_articles=3))
    assert [len(b) for b in got] == [3, 3, 1]
    big = list(batches(iter(arts), max_articles=100, max_chars=1))
    assert [len(b) for b in big] == [1] * 7     # one long article is a batch of its own


def test_a_batch_gives_the_frames_of_its_articles_one_by_one(nlp):
    arts = _articles(6)
    batch = analyze_batch(arts, {"method": "news"})
    one_by_one = nb.Analysis.concat([nb.analyze(a, cache=False) for a in arts]).frames()
    _same(batch, one_by_one)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["processes", "dask"])
def test_every_engine_gives_identical_frames(tmp_path, engine, nlp):
    arts = _articles(12)
    ids = [a.article_id for a in arts]
    serial = Store(tmp_path / "serial")
    run_corpus(arts, serial, engine="serial", max_articles=3)
    other = Store(tmp_path / engine)
    summary = run_corpus(arts, other, engine=engine, jobs=2, max_articles=3)
    assert summary.engine == engine and summary.batches == 4 and summary.analysed == 12
    _same(_frames(serial, ids), _frames(other, ids))


def test_rerun_skips_done_articles_and_redoes_changed_ones(tmp_path, nlp):
    arts = _articles(5)
    store = Store(tmp_path / "s")
    first = run_corpus(arts, store, engine="serial", max_articles=2)
    assert (first.analysed, first.skipped, first.batches) == (5, 0, 3)
    again = run_corpus(arts, store, engine="serial", max_articles=2)
    assert (again.analysed, again.skipped) == (0, 5)
    changed = list(arts)
    changed[2] = nb.article_from_text(arts[2].text + "\n\nA correction was appended on Monday.",
                                      published=arts[2].meta.get("published"),
                                      article_id=arts[2].article_id)
    third = run_corpus(changed, store, engine="serial", max_articles=2)
    assert (third.analysed, third.skipped) == (1, 4)
    sents = store.read("sentences", article_ids=[arts[2].article_id])
    assert sents["text"].str.contains("correction").any()
    assert len(store.read("articles")) == 5            # the old rows are not read twice


_KILLER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {benches!r}); sys.path.insert(0, {tests!r})
    from test_runner import _articles
    from newsbench.runner import run_corpus
    from newsbench.store import Store
    store = Store({root!r})
    real = store.write_batch
    calls = []
    def write_then_die(frames, **kw):
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGKILL)   # killed half way through the run
        calls.append(1)
        return real(frames, **kw)
    store.write_batch = write_then_die
    run_corpus(_articles(10), store, engine="serial", max_articles=2)
""")


@pytest.mark.slow
def test_resume_after_a_kill_skips_done_articles_and_gives_identical_frames(tmp_path, nlp):
    root = tmp_path / "killed"
    code = _KILLER.format(benches=str(ROOT / "benches"), tests=str(ROOT / "tests"), root=str(root))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert res.returncode == -9, res.stderr
    store = Store(root)
    assert len(store.done()) == 4                      # two batches of two were written
    arts = _articles(10)
    resumed = run_corpus(arts, store, engine="serial", max_articles=2)
    assert (resumed.skipped, resumed.analysed) == (4, 6)
    clean = Store(tmp_path / "clean")
    run_corpus(arts, clean, engine="serial", max_articles=2)
    ids = [a.article_id for a in arts]
    _same(_frames(store, ids), _frames(clean, ids))


def test_corrupt_or_partial_fragments_are_detected_and_redone(tmp_path, nlp):
    arts = _articles(6)
    store = Store(tmp_path / "s")
    run_corpus(arts, store, engine="serial", max_articles=2)
    victim = sorted((tmp_path / "s" / "sentences").rglob("*.parquet"))[0]
    victim.write_bytes(victim.read_bytes()[: len(victim.read_bytes()) // 2])   # truncated
    orphan = victim.parent / "part-99999999-deadbeef.parquet"                  # no articles part
    orphan.write_bytes(sorted((tmp_path / "s" / "mentions").rglob("*.parquet"))[0].read_bytes())
    again = run_corpus(arts, Store(tmp_path / "s"), engine="serial", max_articles=2)
    assert again.repaired and again.analysed >= 1 and again.analysed + again.skipped == 6
    assert not orphan.exists()
    clean = Store(tmp_path / "clean")
    run_corpus(arts, clean, engine="serial", max_articles=2)
    ids = [a.article_id for a in arts]
    _same(_frames(Store(tmp_path / "s"), ids), _frames(clean, ids))


def test_the_notebooks_cache_reads_the_same_store(tmp_path, monkeypatch, nlp):
    arts = _articles(3)
    monkeypatch.setenv("NEWSBENCH_STORE", str(tmp_path / "shared"))
    run_corpus(arts, Store(tmp_path / "shared"), engine="serial")
    files = sorted((tmp_path / "shared").rglob("*.parquet"))
    an = nb.analyze(arts[1])
    assert an.run["cached"] is True and an.article_id == arts[1].article_id
    assert sorted((tmp_path / "shared").rglob("*.parquet")) == files   # no second copy
    info = nb.model_info()
    key = analysis_key(arts[1], model={"name": info.name, "version": info.version},
                       options={"method": "news"})
    assert an.run["cache_key"] == key


def test_load_corpus_reads_back_in_article_order(tmp_path, monkeypatch, articles_dir, nlp):
    monkeypatch.setenv("NEWSBENCH_STORE", str(tmp_path / "store"))
    corpus = nb.load_corpus(articles_dir, engine="serial")
    ids = [a.article_id for a in corpus]
    assert list(dict.fromkeys(corpus.sentences["article_id"])) == ids
    one = corpus.select(ids[0])
    pdt.assert_frame_equal(one.sentences, nb.analyze(corpus.article_list[0], cache=False).sentences)
