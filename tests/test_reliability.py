"""Nothing lost: interrupted runs keep the previous reports and cache usable; two runs at once
on one output folder do not corrupt each other."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import newsbench as nb
from newsbench import cache as cachelib
from newsbench import fsutil
from newsbench import report as rep

SMALL = Path(__file__).resolve().parent / "data" / "articles" / "wire_dated.txt"
OTHER = Path(__file__).resolve().parent / "data" / "articles" / "wire_nodate.txt"


def test_interrupted_cache_write_leaves_no_half_entry(cache_dir, monkeypatch):
    calls = {"n": 0}
    real = pq.write_table

    def dies_on_third(*a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*a, **k)

    monkeypatch.setattr(pq, "write_table", dies_on_third)
    with pytest.raises(KeyboardInterrupt):
        nb.analyze(SMALL)
    monkeypatch.setattr(pq, "write_table", real)
    assert not list(cache_dir.glob("store/**/*.parquet"))  # no entry, not even a temporary one
    assert not list(cache_dir.glob("store/**/.*.tmp"))
    an = nb.analyze(SMALL)                            # the next run computes and stores
    assert an.run["cached"] is False and nb.analyze(SMALL).run["cached"] is True


def test_interrupting_a_cache_update_keeps_the_old_entry(cache_dir, monkeypatch):
    first = nb.analyze(SMALL)
    key = first.run["cache_key"]
    with monkeypatch.context() as m:
        m.setattr(fsutil.os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
        with pytest.raises(KeyboardInterrupt):
            cachelib.store(key, first.frames(), first.run)
    hit = cachelib.load(key)
    assert hit is not None and len(hit[0]["sentences"]) == len(first.sentences)
    assert not list(cache_dir.glob("store/**/.*.tmp"))   # the interrupted write cleaned up


@pytest.mark.slow
def test_interrupted_report_keeps_previous_reports(toy_notebooks, tmp_path, monkeypatch):
    out = tmp_path / "reports"
    arts = [nb.load_article(SMALL)]
    books = rep.available_notebooks(toy_notebooks)
    rep.run_report(arts, books, {"size": 1}, out, jobs=2, progress=False)
    before = {p.name: p.read_bytes() for p in (out / "wire_dated").iterdir()}
    index = (out / "index.html").read_bytes()

    real = rep._execute
    def interrupted(nb_, *a, **k):
        if nb_.name == "02-boom":
            raise KeyboardInterrupt
        return real(nb_, *a, **k)

    monkeypatch.setattr(rep, "_execute", interrupted)
    with pytest.raises(KeyboardInterrupt):
        rep.run_report(arts, books, {"size": 2}, out, jobs=1, progress=False)
    after = {p.name: p.read_bytes() for p in (out / "wire_dated").iterdir()}
    assert after == before and (out / "index.html").read_bytes() == index
    assert not list(out.glob(".run-*"))               # the run's staging folder is gone


@pytest.mark.slow
def test_two_runs_at_once_on_one_folder(toy_notebooks, tmp_path):
    out = tmp_path / "reports"
    books = rep.available_notebooks(toy_notebooks)
    errors = []

    def run(path):
        try:
            rep.run_report([nb.load_article(path)], books, {"size": 1}, out, jobs=1, progress=False)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in (SMALL, OTHER, SMALL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for aid in ("wire_dated", "wire_nodate"):
        run_record = json.loads((out / aid / "run.json").read_text())
        assert all(v["ok"] for v in run_record["notebooks"].values())
        assert {p.name for p in (out / aid).glob("*.html")} == {"01-ok.html", "02-boom.html"}
    index = (out / "index.html").read_text()
    assert "wire_dated/01-ok.html" in index and "wire_nodate/01-ok.html" in index


@pytest.mark.slow
def test_a_killed_kernel_is_a_failure_not_a_crash(tmp_path, monkeypatch):
    from conftest import _notebook

    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "01-dies.ipynb", "import os\nif size > 5:\n    os._exit(1)\nprint('alive')")
    monkeypatch.setenv("NEWSBENCH_NOTEBOOKS", str(folder))
    out = tmp_path / "reports"
    arts = [nb.load_article(SMALL)]
    books = rep.available_notebooks(folder)
    assert rep.run_report(arts, books, {"size": 1}, out, jobs=1, progress=False)[0].ok
    good = (out / "wire_dated" / "01-dies.html").read_bytes()
    [res] = rep.run_report(arts, books, {"size": 9}, out, jobs=1, progress=False)
    assert not res.ok and ("Dead" in res.error or "died" in res.error.lower())
    assert (out / "wire_dated" / "01-dies.html").read_bytes() == good
