"""The cache (the store at cache_dir/store): a hit returns identical frames; keys follow text,
metadata and options."""

from __future__ import annotations

import pandas.testing as pdt

import newsbench as nb
from newsbench import cache as cachelib
from logcheck import logged


def test_hit_returns_identical_frames(cache_dir, seed_path):
    first = nb.analyze(seed_path)
    assert first.run["cached"] is False
    assert list(cache_dir.glob("store/sentences/**/*.parquet"))
    second = nb.analyze(seed_path)
    assert second.run["cached"] is True
    for name, df in first.frames().items():
        pdt.assert_frame_equal(df, getattr(second, name), check_exact=True)


def test_key_changes_with_text_metadata_and_options():
    base = dict(model={"name": "m", "version": "1"}, options={"method": "vader"})
    k = cachelib.cache_key("text", {"published": "2016-10-07"}, "a", **base)
    assert k == cachelib.cache_key("text", {"published": "2016-10-07"}, "a", **base)
    assert k != cachelib.cache_key("text!", {"published": "2016-10-07"}, "a", **base)
    assert k != cachelib.cache_key("text", {"published": "2016-10-08"}, "a", **base)
    assert k != cachelib.cache_key("text", {"published": "2016-10-07"}, "b", **base)
    assert k != cachelib.cache_key("text", {"published": "2016-10-07"}, "a",
                                   model={"name": "m", "version": "2"}, options={"method": "vader"})


def test_published_override_is_not_served_from_the_old_entry(cache_dir, seed_path):
    a = nb.analyze(seed_path)
    b = nb.analyze(seed_path, published="2016-10-08")
    assert b.run["cached"] is False
    assert a.run["cache_key"] != b.run["cache_key"]
    assert str(b.articles.iloc[0].published.date()) == "2016-10-08"


def test_damaged_entry_is_recomputed_not_fatal(cache_dir, seed_path):
    first = nb.analyze(seed_path)
    for f in cache_dir.glob("store/sentences/**/*.parquet"):
        f.write_bytes(b"not parquet")
    with logged(match="unreadable"):
        again = nb.analyze(seed_path)
    assert again.run["cached"] is False
    pdt.assert_frame_equal(first.sentences, again.sentences)


def test_cache_off_writes_nothing(cache_dir, seed_path):
    nb.analyze(seed_path, cache=False)
    assert not list(cache_dir.glob("store/**/*.parquet"))
