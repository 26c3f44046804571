"""Nothing lost, nothing mixed: frame sets published whole, a full disk is one line and keeps
the previous results, cache hits carry the file read now, locks never follow links, leftovers
and empty cache entries are cleaned up, a read-only cache only warns."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsbench as nb
from newsbench import cache as cachelib
from newsbench import fsutil, models
from newsbench.cli import main
from newsbench.errors import CacheError
from newsbench.fsutil import NoSpaceError
from newsbench.runner import read_in_order, run_corpus
from newsbench.store import RUN_ID_COL, Store, read_frame_set, write_frame_set

from logcheck import logged
from test_store import _put, batch

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
SMALL = ARTICLES / "wire_dated.txt"
OTHER = ARTICLES / "wire_nodate.txt"
NO_SPACE = "no space left on device writing"


def _full_disk_after(n: int, real):
    """``real`` (a writer) that raises ENOSPC from its ``n``-th call on, as a full disk does."""
    calls = {"n": 0}

    def writer(*a, **k):
        calls["n"] += 1
        if calls["n"] >= n:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*a, **k)

    return writer


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def _one_error_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("newsbench: error: ")
    return lines[0]


# -- 1. a frame set (csv, json) is published whole --------------------------------------------


@pytest.mark.parametrize("fmt, writer", [("csv", "to_csv"), ("json", "to_json")])
def test_full_disk_mid_set_keeps_the_previous_set_whole(tmp_path, monkeypatch, fmt, writer):
    out = tmp_path / "out"
    old, _ = batch({"a": "2016-10-07"}, version="v1")
    write_frame_set(old, {"parameters": {"method": "news"}}, out, fmt)
    before = _snapshot(out)
    new, _ = batch({"a": "2016-10-07", "b": None}, version="v2")
    # articles are written, then the disk fills up at the third frame
    monkeypatch.setattr(pd.DataFrame, writer, _full_disk_after(3, getattr(pd.DataFrame, writer)))
    with pytest.raises(NoSpaceError) as info:
        write_frame_set(new, {"parameters": {"method": "news"}}, out, fmt)
    monkeypatch.undo()
    assert str(info.value) == (f"no space left on device writing {out}; free space and rerun, "
                               "previous results kept")
    assert info.value.exit_code == 1
    assert _snapshot(out) == before                         # not one file of the new run
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".lock"]
    got = read_frame_set(out)
    assert set(got["articles"]["article_id"]) == {"a"} and set(got["timexes"]["article_id"]) == {"a"}


def test_a_set_of_two_runs_is_refused_in_one_line(tmp_path):
    out = tmp_path / "out"
    first, _ = batch({"a": "2016-10-07"}, version="v1")
    write_frame_set(first, {}, out, "csv")
    old_timexes = (out / "timexes.csv").read_bytes()
    second, _ = batch({"a": "2016-10-07", "b": None}, version="v2")
    written = write_frame_set(second, {}, out, "csv")
    assert [p.name for p in written][-1] == "run.json"
    frames = read_frame_set(out)
    assert set(frames["timexes"]["article_id"]) == {"a", "b"}
    assert frames["sentences"][RUN_ID_COL].nunique() == 1   # every file names its run
    (out / "timexes.csv").write_bytes(old_timexes)          # what the old writer left
    with pytest.raises(CacheError, match="mixes two runs") as info:
        read_frame_set(out)
    message = str(info.value)
    assert "\n" not in message and "timexes.csv" in message and "rerun newsbench analyze" in message
    (out / "timexes.csv").unlink()
    with pytest.raises(CacheError, match="timexes.csv is missing"):
        read_frame_set(out)


RACER = """
import sys, time
sys.path.insert(0, {tests!r})
import pandas as pd
from test_store import batch
from newsbench.store import write_frame_set

real = pd.DataFrame.to_csv
def slow(self, *a, **k):
    time.sleep(0.02)          # a slow disk: the two writers overlap
    return real(self, *a, **k)
pd.DataFrame.to_csv = slow
for i in range(3):
    frames, _ = batch({{"{name}-" + str(i): "2016-10-07", "{name}-x" + str(i): None}}, "{name}")
    write_frame_set(frames, {{"writer": "{name}"}}, {out!r}, "csv")
"""


def test_two_runs_racing_leave_one_whole_set(tmp_path):
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(RACER.format(
        tests=str(Path(__file__).parent), name=name, out=str(out)))], cwd=ROOT,
        stderr=subprocess.PIPE, text=True) for name in ("p", "q")]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    frames = read_frame_set(out)                # no mix: every file from one run
    writer = frames["articles"]["article_id"].iloc[0][0]
    for name, df in frames.items():
        assert {a[0] for a in df["article_id"]} <= {writer}, name
    assert not [p for p in out.iterdir() if p.name.startswith(".staging-")]


def test_cli_full_disk_mid_csv_set_keeps_the_previous_set(tmp_path, monkeypatch, capsys, nlp):
    out = tmp_path / "out"
    assert main(["analyze", str(SMALL), "--out", str(out), "--format", "csv", "-q",
                 "--engine", "serial"]) == 0
    before = _snapshot(out)
    capsys.readouterr()
    monkeypatch.setattr(pd.DataFrame, "to_csv", _full_disk_after(3, pd.DataFrame.to_csv))
    code = main(["analyze", str(SMALL), str(OTHER), "--out", str(out), "--format", "csv", "-q",
                 "--engine", "serial"])
    monkeypatch.undo()
    assert code == 1 and NO_SPACE in _one_error_line(capsys.readouterr().err)
    assert _snapshot(out) == before


# -- 1. the Parquet dataset: the unit is the batch ------------------------------------------------


def test_full_disk_mid_batch_keeps_the_dataset_as_it_was(tmp_path, monkeypatch):
    root = tmp_path / "ds"
    store = Store(root)
    first, k1 = batch({"a": "2016-10-07"})
    store.write_batch(first, keys=k1)
    before = _snapshot(root)
    monkeypatch.setattr(pq, "write_table", _full_disk_after(4, pq.write_table))
    with pytest.raises(NoSpaceError, match=f"writing {root};"):
        _put(store, {"b": "2016-10-07", "c": None}, version="v2")
    monkeypatch.undo()
    assert _snapshot(root) == before and not list(root.rglob("*.tmp"))
    assert Store(root).done() == k1 and Store(root).repair() == []


def test_readers_never_see_part_of_a_batch(tmp_path, monkeypatch):
    root = tmp_path / "ds"
    real = Store._write_fragment

    def slow(self, path, table):
        time.sleep(0.01)
        real(self, path, table)

    monkeypatch.setattr(Store, "_write_fragment", slow)
    writer = Store(root)
    seen, errors = [], []

    def read_while_writing():
        reader = Store(root)
        while not done_writing.is_set():   # as long as batches land (no cap: a loaded
            time.sleep(0.005)                # machine may write slowly)
            try:
                live = reader.done()
                for frame in ("sentences", "paragraphs", "emotions", "mentions"):
                    got = set(reader.read(frame, article_ids=list(live))["article_id"])
                    if got != set(live):
                        errors.append((frame, sorted(set(live) ^ got)))
                seen.append(len(live))
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

    done_writing = threading.Event()
    t = threading.Thread(target=read_while_writing)
    t.start()
    for i in range(8):
        _put(writer, {f"a{i}": "2016-10-07", f"b{i}": "2017-01-02", f"u{i}": None})
    done_writing.set()
    t.join()
    assert not errors and len(set(seen)) > 1   # it read while batches were landing


# -- 2. a cache hit carries the file read now ---------------------------------------------------


def _two_copies(tmp_path) -> tuple[Path, Path]:
    paths = []
    for folder in ("first", "second"):
        (tmp_path / folder).mkdir()
        paths.append(Path(shutil.copy(SMALL, tmp_path / folder / "story.txt")))
    return paths[0], paths[1]


def test_same_text_in_two_folders_keeps_each_files_path_in_the_store(tmp_path, nlp):
    a, b = _two_copies(tmp_path)
    store = Store(tmp_path / "store")
    run_corpus([nb.load_article(a)], store, engine="serial")
    again = run_corpus([nb.load_article(b)], store, engine="serial")
    assert (again.analysed, again.skipped, again.relocated) == (0, 1, 1)
    assert "recorded the new path of 1 article(s)" in again.line()
    [path] = read_in_order(store, "articles", ["story"])["path"]
    assert path == str(b)
    assert run_corpus([nb.load_article(b)], store, engine="serial").relocated == 0


def test_cache_load_takes_path_from_the_article_read_now(cache_dir, tmp_path, nlp):
    a, b = _two_copies(tmp_path)
    first = nb.analyze(a)
    hit = cachelib.load(first.run["cache_key"], article=nb.load_article(b))
    assert hit is not None and hit[0]["articles"]["path"].tolist() == [str(b)]
    assert hit[0]["articles"].dtypes.equals(first.articles.dtypes)
    assert hit[0]["sentences"].equals(first.sentences)


def test_analyze_hit_reports_the_path_of_the_file_read_now(cache_dir, tmp_path, nlp):
    a, b = _two_copies(tmp_path)
    nb.analyze(a)
    second = nb.analyze(b)
    assert second.run["cached"] is True and second.articles["path"].tolist() == [str(b)]


# -- 3. the lock never follows a symbolic link ----------------------------------------------------


def test_a_symlinked_lock_is_refused_and_its_target_untouched(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / ".lock").symlink_to(target)
    with pytest.raises(CacheError, match="is a symbolic link") as info:
        with fsutil.locked(folder):
            pass
    assert "\n" not in str(info.value) and "remove it and rerun" in str(info.value)
    assert target.read_text() == "keep me"
    with pytest.raises(CacheError, match="symbolic link"):
        _put(Store(folder), {"a": None})
    assert target.read_text() == "keep me"


def test_cli_on_a_symlinked_lock_is_one_line(tmp_path, capsys, nlp):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    out = tmp_path / "ds"
    out.mkdir()
    (out / ".lock").symlink_to(target)
    code = main(["analyze", str(SMALL), "--out", str(out), "-q", "--engine", "serial"])
    assert code == 2 and "is a symbolic link" in _one_error_line(capsys.readouterr().err)
    assert target.read_text() == "keep me"


# -- 4. leftovers and empty cache entries --------------------------------------------------------


def test_stale_temporary_files_are_removed_on_the_next_run(tmp_path):
    store = Store(tmp_path / "ds")
    _put(store, {"a": "2016-10-07"})
    stale = [tmp_path / "ds" / "._run.json.k3j2.tmp",
             tmp_path / "ds" / "sentences" / "year=2016" / "month=10" / ".part-x.parquet.ab.tmp"]
    for p in stale:
        p.write_bytes(b"half")
    removed = store.repair()
    assert sorted(removed) == sorted(str(p.relative_to(tmp_path / "ds")) for p in stale)
    assert not any(p.exists() for p in stale)
    out = tmp_path / "out"
    frames, _ = batch({"a": None})
    write_frame_set(frames, {}, out, "csv")
    leftovers = [out / ".sentences.csv.x1.tmp", out / ".staging-dead"]
    leftovers[0].write_text("half")
    leftovers[1].mkdir()
    (leftovers[1] / "articles.csv").write_text("half")
    write_frame_set(frames, {}, out, "csv")
    assert not any(p.exists() for p in leftovers)


def test_full_disk_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = fsutil.atomic_write(tmp_path / "frame.parquet", b"old")
    monkeypatch.setattr(pq, "write_table", _full_disk_after(1, pq.write_table))
    with pytest.raises(NoSpaceError):
        fsutil.atomic_write(target, lambda p: pq.write_table(pa.table({"a": [1]}), p))
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["frame.parquet"]


@pytest.mark.parametrize("damage", ["missing", "zero_rows"])
def test_an_empty_cache_entry_is_a_miss_and_recomputed(cache_dir, seed_path, damage, nlp):
    first = nb.analyze(seed_path)
    [fragment] = list(cache_dir.glob("store/sentences/**/*.parquet"))
    if damage == "missing":
        fragment.unlink()
    else:  # a valid Parquet file with no rows
        pq.write_table(pq.read_table(fragment).schema.empty_table(), fragment)
    with logged(match="incomplete") as caught:
        again = nb.analyze(seed_path)
    assert len(caught) == 1 and "sentences: 0 rows" in caught[0]
    assert again.run["cached"] is False
    pd.testing.assert_frame_equal(again.sentences, first.sentences)
    assert nb.analyze(seed_path).run["cached"] is True    # the new entry is whole


def test_repair_removes_a_batch_with_an_empty_or_lost_fragment(tmp_path):
    store = Store(tmp_path)
    f1, k1 = batch({"a": "2016-10-07"})
    store.write_batch(f1, keys=k1)
    b2 = _put(store, {"b": "2016-10-09"})
    b3 = _put(store, {"c": "2016-10-09"})
    zero = store.path("mentions", b2, (2016, 10))
    pq.write_table(pq.read_table(zero).schema.empty_table(), zero)
    store.path("emotions", b3, (2016, 10)).unlink()
    removed = store.repair()
    assert removed and all(b2 in r or b3 in r for r in removed)
    assert any(b2 in r for r in removed) and any(b3 in r for r in removed)
    assert store.done() == k1 and store.repair() == []


# -- 5. a read-only cache folder only warns --------------------------------------------------------


def test_unwritable_cache_folder_builds_the_lexicon_in_a_temporary_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSBENCH_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    monkeypatch.setattr(models, "_NLTK_FALLBACK", {})
    with logged(match="temporary folder") as caught:
        root = models.nltk_data_dir()
        assert models.nltk_data_dir() == root                 # the same folder, warned once
    assert len(caught) == 1
    assert (root / "sentiment" / "vader_lexicon.zip").is_file() and blocker.is_file()


def test_unwritable_cache_store_falls_back_to_a_temporary_store(tmp_path, monkeypatch):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    monkeypatch.setattr(cachelib, "_FALLBACK", {})
    with logged(match="cannot be written") as caught:
        store = cachelib.working_store(blocker / "store")
        assert cachelib.working_store(blocker / "store").root == store.root
    assert len(caught) == 1 and fsutil.writable(store.root)
    assert cachelib.working_store(tmp_path / "fine").root == tmp_path / "fine"


UNWRITABLE_RUN = """
import warnings
warnings.simplefilter("always")
import newsbench as nb
an = nb.analyze_text("Floods hit Texas on Sunday. Officials said thousands were evacuated.",
                     published="2016-10-07")
print("SENTENCES", len(an.sentences))
"""


def test_analyze_with_an_unwritable_cache_folder_runs_and_warns(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    env = {**os.environ, "NEWSBENCH_CACHE_DIR": str(blocker / "cache")}
    env.pop("NEWSBENCH_STORE", None)
    res = subprocess.run([sys.executable, "-c", UNWRITABLE_RUN], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "SENTENCES 2" in res.stdout
    assert "temporary folder" in res.stderr and "could not write the cache" in res.stderr


# -- 6. a full disk while analysing or reporting: one line, exit 1, nothing lost --------------------


def test_cli_analyze_on_a_full_disk_is_one_line_and_keeps_the_dataset(tmp_path, monkeypatch,
                                                                       capsys, nlp):
    out = tmp_path / "ds"
    assert main(["analyze", str(SMALL), "--out", str(out), "-q", "--engine", "serial"]) == 0
    before = _snapshot(out)
    capsys.readouterr()
    monkeypatch.setattr(pq, "write_table", _full_disk_after(3, pq.write_table))
    code = main(["analyze", str(OTHER), "--out", str(out), "-q", "--engine", "serial"])
    monkeypatch.undo()
    line = _one_error_line(capsys.readouterr().err)
    assert code == 1
    assert line == (f"newsbench: error: no space left on device writing {out}; free space and "
                    "rerun, previous results kept")
    assert _snapshot(out) == before
    assert Store(out).repair() == []


def test_cli_report_on_a_full_disk_is_one_line(tmp_path, monkeypatch, capsys, toy_notebooks,
                                               nlp):
    monkeypatch.setenv("NEWSBENCH_STORE", str(tmp_path / "store"))
    monkeypatch.setattr(pq, "write_table", _full_disk_after(1, pq.write_table))
    code = main(["report", str(SMALL), "--out", str(tmp_path / "reports"), "-q"])
    monkeypatch.undo()
    line = _one_error_line(capsys.readouterr().err)
    assert code == 1 and NO_SPACE in line and "previous results kept" in line
    assert not list((tmp_path / "store").rglob("*.parquet"))
