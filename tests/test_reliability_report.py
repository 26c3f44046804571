"""`newsbench report` and the CLI under bad input and Ctrl-C: one line, the right exit code,
nothing already written lost (the issue's cases 1-5)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import newsbench as nb
from newsbench import report as rep
from newsbench.cli import main, printable

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
SMALL = ARTICLES / "wire_dated.txt"
OTHER = ARTICLES / "wire_nodate.txt"


def _cli(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "newsbench.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)


def _one_error_line(res, expected: str, code: int = 2) -> str:
    assert res.returncode == code, (res.returncode, res.stderr)
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("newsbench: error: ") and expected in lines[0], lines[0]
    return lines[0]


def _tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def _kernel_folders_of(pid: int) -> list[Path]:
    found = []
    for folder in Path(tempfile.gettempdir()).glob("nbk-*"):
        try:
            if (folder / rep.OWNER_FILE).read_text().split()[0] == str(pid):
                found.append(folder)
        except (OSError, IndexError):
            continue
    return found


@pytest.fixture()
def slow_notebooks(tmp_path, monkeypatch):
    """01-quick always returns at once; 02-slow sleeps for the undated article when size > 5."""
    from conftest import _notebook

    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "01-quick.ipynb", "print('quick', size)")
    _notebook(folder / "02-slow.ipynb", "import time\nif size > 5 and 'nodate' in article:\n"
              "    time.sleep(300)\nprint('slow done', size)")
    monkeypatch.setenv("NEWSBENCH_NOTEBOOKS", str(folder))
    return folder


# --- 1. Ctrl-C --------------------------------------------------------------------------------

@pytest.mark.slow
def test_ctrl_c_stops_a_report_at_once_and_keeps_previous_reports(slow_notebooks, tmp_path):
    out = tmp_path / "reports"
    assert main(["report", str(SMALL), str(OTHER), "-o", str(out), "-p", "size", "1", "-q"]) == 0
    before = _tree(out)
    assert {"wire_dated/02-slow.html", "wire_nodate/02-slow.html", "index.html"} <= set(before)

    proc = subprocess.Popen([sys.executable, "-m", "newsbench.cli", "report", str(SMALL),
                             str(OTHER), "-o", str(out), "-p", "size", "9", "--jobs", "2", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # wait until the dated article's notebooks are done (rendered in the staging folder):
        # the undated one's 02-slow is then running (sleeping) in its kernel
        deadline = time.monotonic() + 180
        while not list(out.glob(".run-*/wire_dated/02-slow.html")):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the report never ran its notebooks"
            time.sleep(0.2)
        time.sleep(1.5)  # the undated article's 02-slow is in its kernel by now
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, stderr
    assert took < 10, f"took {took:.1f} s to stop"          # not the 300 s the notebook sleeps
    assert "Traceback" not in stderr
    lines = [ln for ln in stderr.splitlines() if ln.startswith("newsbench:")]
    assert lines == ["newsbench: interrupted: 2 of 4 reports written, previous reports kept"]
    assert "stopped after" not in stderr        # the one line says it; the progress does not
    after = _tree(out)
    # the undated article's reports are the previous run's, byte for byte and complete
    for name in ("wire_nodate/01-quick.html", "wire_nodate/02-slow.html",
                 "wire_nodate/01-quick.ipynb", "wire_nodate/02-slow.ipynb", "wire_nodate/run.json"):
        assert after[name] == before[name], name
    assert "size = 1" in after["wire_nodate/02-slow.html"].decode()
    # the dated article finished before Ctrl-C: its new reports were published
    assert "size = 9" in after["wire_dated/02-slow.html"].decode()
    index = after["index.html"].decode()
    assert "wire_dated/02-slow.html" in index and "wire_nodate/02-slow.html" in index
    assert not list(out.glob(".run-*"))                      # no staging folder left
    assert not any(".failed." in name for name in after)     # an interruption is no failure
    assert not _kernel_folders_of(proc.pid)                  # no kernel folder left


@pytest.mark.slow
def test_a_second_ctrl_c_exits_at_once_and_the_next_run_cleans_up(slow_notebooks, tmp_path):
    out = tmp_path / "reports"
    proc = subprocess.Popen([sys.executable, "-m", "newsbench.cli", "report", str(OTHER), "-o",
                             str(out), "-p", "size", "9", "-n", "02", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 180
        while not list(out.glob(".run-*/wire_nodate")):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.2)
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130 and "Traceback" not in stderr, stderr
    assert "newsbench: interrupted" in stderr
    # whatever a forced exit left, the next run removes (its owner is gone) and succeeds
    assert main(["report", str(SMALL), "-o", str(out), "-p", "size", "1", "-q"]) == 0
    assert not list(out.glob(".run-*")) and not _kernel_folders_of(proc.pid)


def test_stale_staging_and_kernel_folders_are_removed_live_ones_kept(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "reports"
    out.mkdir()

    def folder(parent: Path, prefix: str, pid: int | None) -> Path:
        path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        (path / "x").write_text("x")
        if pid is not None:
            (path / rep.OWNER_FILE).write_text(f"{pid} 0\n")
        return path

    stale_run = folder(out, ".run-", dead.pid)
    live_run = folder(out, ".run-", os.getpid())
    stale_kernel = folder(Path(tempfile.gettempdir()), "nbk-", dead.pid)
    live_kernel = folder(Path(tempfile.gettempdir()), "nbk-", os.getpid())
    young_unowned = folder(out, ".run-", None)
    try:
        removed = rep.clean_stale(out)
        assert stale_run in removed and stale_kernel in removed
        assert not stale_run.exists() and not stale_kernel.exists()
        assert live_run.is_dir() and live_kernel.is_dir() and young_unowned.is_dir()
    finally:
        for path in (live_run, live_kernel, young_unowned, stale_kernel):
            shutil.rmtree(path, ignore_errors=True)


@pytest.mark.slow
def test_kernel_folders_record_their_owner_and_hold_the_connection_file(tmp_path):
    kernels = rep.Kernels(1, tmp_path)
    kernel = kernels.acquire()
    sockets = kernel[1]
    try:
        assert sockets.name.startswith("nbk-")
        assert (sockets / rep.OWNER_FILE).read_text().split()[0] == str(os.getpid())
        assert (sockets / "kernel.json").is_file()       # not a stray /tmp/tmpXXXX.json
    finally:
        kernels.release(kernel)
        kernels.close()
    assert not sockets.exists()


# --- 2. names: ids that collide with the report's own files, '::', escape codes ----------------

def test_report_folders_never_take_the_reports_own_names():
    folders = rep.report_folders(["index.html", "INDEX.HTML", "corpus.json", "corpus.html",
                                  "corpus-11-x.ipynb", "run.json", ".hidden", "story",
                                  "article-index.html", "Story"])
    assert folders["story"] == "story" and folders["article-index.html"] == "article-index.html"
    assert folders["index.html"] == "article-index.html-2"     # article-index.html is taken
    assert folders["INDEX.HTML"] == "article-INDEX.HTML-3"      # macOS/Windows ignore case
    assert folders["Story"] == "Story-2"
    assert folders["corpus.json"] == "article-corpus.json"
    assert folders[".hidden"] == "article-hidden"
    assert len(set(f.lower() for f in folders.values())) == len(folders)
    assert not any(rep.is_report_name(f) for f in folders.values())


@pytest.mark.slow
def test_an_article_named_index_html_does_not_poison_the_folder(toy_notebooks, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SMALL, src / "index.html.txt")
    shutil.copy(OTHER, src / "corpus.json.txt")
    out = tmp_path / "reports"
    # an older version's poisoned folder: index.html/ is an article's folder
    (out / "index.html").mkdir(parents=True)
    (out / "index.html" / "run.json").write_text(json.dumps({"title": "old", "notebooks": {}}))
    (out / "index.html" / "01-ok.html").write_text("old report")
    for _ in range(2):  # and every later run into the folder works too
        code = main(["report", str(src / "index.html.txt"), str(src / "corpus.json.txt"),
                     "-o", str(out), "-p", "size", "1", "-n", "01", "-q"])
        assert code == 0
        assert (out / "index.html").is_file()
        assert (out / "article-index.html" / "01-ok.html").is_file()
        assert (out / "article-corpus.json" / "01-ok.html").is_file()
        assert not (out / "corpus.json").exists()
        index = (out / "index.html").read_text()
        assert 'href="article-index.html/01-ok.html"' in index
    run = json.loads((out / "article-index.html" / "run.json").read_text())
    assert run["article_id"] == "index.html"                 # the id itself stays


def test_a_path_with_double_colons_is_a_path(tmp_path):
    from newsbench.notebook import article_param, split_item

    odd = tmp_path / "a::b.txt"
    shutil.copy(SMALL, odd)
    art = article_param(str(odd))
    assert art.title.startswith("Flood barrier holds")
    assert split_item(str(odd)) == (odd, None)
    batch = tmp_path / "x::y.json"
    shutil.copy(ARTICLES / "batch.json", batch)
    from newsbench.load import iter_articles

    first = next(iter(iter_articles(batch)))
    assert split_item(f"{batch}::{first.article_id}") == (batch, first.article_id)
    assert article_param(f"{batch}::{first.article_id}").article_id == first.article_id
    with pytest.raises(nb.InputFileError, match="no such file"):
        article_param(str(tmp_path / "nothing::here.txt"))


@pytest.mark.slow
def test_a_report_on_a_file_with_double_colons_runs(toy_notebooks, tmp_path):
    odd = tmp_path / "wire::dated.txt"
    shutil.copy(SMALL, odd)
    [res] = rep.run_report([nb.load_article(odd)], rep.select_notebooks("01", rep.available_notebooks(toy_notebooks)),
                           {"size": 1}, tmp_path / "out", jobs=1, progress=False)
    assert res.ok, res.error


def test_escape_codes_in_file_names_never_reach_the_terminal_raw(tmp_path):
    evil = "\x1b[31mred\x1b[0m.txt"
    (tmp_path / evil).write_bytes(b"")
    res = _cli("analyze", evil, "--out", "o", cwd=tmp_path)
    line = _one_error_line(res, "the file is empty")
    assert "\x1b" not in res.stderr and "\\x1b[31mred\\x1b[0m.txt" in line
    res = _cli("report", "\x1b]0;title\x07gone.txt", "-o", "o", cwd=tmp_path)
    line = _one_error_line(res, "no such file")
    assert "\x1b" not in res.stderr and "\x07" not in res.stderr and "\\x1b]0;title\\x07" in line


def test_printable_escapes_controls_bidi_and_undecodable_bytes():
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("x\u202etxt.exe") == "x\\u202etxt.exe"
    assert printable("caf\udce9.txt") == "caf\\xe9.txt"
    assert printable("plain  café\nnext") == "plain café next"


# --- 3. CLI errors that printed tracebacks or lied ---------------------------------------------

@pytest.mark.parametrize("setup, args, expected", [
    ({"taken": b"x"}, ["report", str(SMALL), "-o", "taken"],
     "-o taken: is a file, not a folder; give a folder for the reports"),
    ({"taken": b"x"}, ["report", str(SMALL), "-o", "taken/sub"],
     "-o taken/sub: is under taken, a file, not a folder"),
    ({"p.yaml": b"1: x\n"}, ["report", str(SMALL), "-f", "p.yaml"],
     "p.yaml: parameter name 1 is not a name; write NAME: VALUE lines"),
    ({"p.yaml": b"- window\n"}, ["report", str(SMALL), "-f", "p.yaml"],
     "p.yaml: a parameters file holds NAME: VALUE lines, not a list"),
    ({"p.yaml": b"window: [1\n"}, ["report", str(SMALL), "-f", "p.yaml"],
     "p.yaml: unreadable YAML at line 2"),
    (None, ["lab", "--port", "-5"], "--port -5: not a port; use 1 to 65535"),
    (None, ["lab", "--port", "99999"], "--port 99999: not a port; use 1 to 65535"),
    (None, ["lab", "--port", "0"], "--port 0: not a port"),
    (None, ["lab", "--ip", "1.2.3.999"], "--ip 1.2.3.999: not an IP address"),
    (None, ["lab", "--ip", "203.0.113.7"], "--ip 203.0.113.7: not an address of this machine"),
])
def test_cli_errors_are_one_line_exit_2(tmp_path, setup, args, expected):
    for name, data in (setup or {}).items():
        (tmp_path / name).write_bytes(data)
    _one_error_line(_cli(*args, cwd=tmp_path), expected)
    assert not (tmp_path / "reports").exists()                # nothing ran


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes in a read-only folder (CI runs as root); the path under "
                           "a file covers the refusal there")
def test_a_read_only_output_folder_is_refused(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        _one_error_line(_cli("report", str(SMALL), "-o", str(out)),
                        f"-o {out}: cannot write in the folder (permission denied)")
        _one_error_line(_cli("report", str(SMALL), "-o", str(out / "new")),
                        f"-o {out / 'new'}: cannot create the folder in {out}")
    finally:
        out.chmod(0o755)


def test_jobs_are_capped_at_the_cores_and_the_notebooks():
    cores = rep.cores()
    assert rep.plan_jobs(None, 12) == (min(cores, 12), "")
    jobs, note = rep.plan_jobs(1000, 12)
    assert jobs == min(cores, 12)
    assert note.startswith(f"--jobs 1000: running {jobs} notebook")
    assert rep.plan_jobs(1000, 1) == (1, "--jobs 1000: running 1 notebook at once (there is 1 "
                                         "notebook to run)")
    assert rep.plan_jobs(1, 12) == (1, "")
    with pytest.raises(nb.ParameterError, match="--jobs: 0 is not allowed"):
        rep.plan_jobs(0, 3)


@pytest.mark.slow
def test_cli_says_when_it_caps_jobs(toy_notebooks, tmp_path):
    res = _cli("report", str(SMALL), "-o", str(tmp_path / "out"), "-p", "size", "1", "-j", "1000",
               "-q")
    assert res.returncode == 0, res.stderr
    expected = ("running 2 notebooks at once (there are 2 notebooks to run)" if rep.cores() >= 2
                else "running 1 notebook at once (this machine has 1 core)")
    assert [ln for ln in res.stderr.splitlines() if ln.startswith("newsbench:")] == [
        f"newsbench: --jobs 1000: {expected}"]


# --- 4. leftovers: a kept failed notebook is complete ------------------------------------------

def test_a_failed_notebook_is_kept_complete_or_not_at_all(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    staging, final = tmp_path / "staging", tmp_path / "final"
    staging.mkdir()
    final.mkdir()
    record = {"ran_at": "2026-01-01T00:00:00+00:00"}
    good = nbformat.writes(new_notebook(cells=[new_code_cell("1/0")]))
    (staging / "01-a.ipynb").write_text(good[: len(good) // 2])      # cut short
    (final / "01-a.failed.ipynb").write_text(good)                    # an earlier, complete one
    (staging / "02-b.ipynb").write_bytes(b"")                          # empty
    (staging / "03-c.ipynb").write_text(good)                          # complete
    results = [rep.TaskResult("x", name, False, 1.0, error="cell 1: ZeroDivisionError")
               for name in ("01-a", "02-b", "03-c")]
    rep._publish(staging, final, results, record)
    assert (final / "01-a.failed.ipynb").read_text() == good          # not replaced by half
    assert not (final / "02-b.failed.ipynb").exists()                 # no 0-byte file
    kept = final / "03-c.failed.ipynb"
    assert nbformat.reads(kept.read_text(), as_version=4).cells[0].source == "1/0"
    assert [r.kept for r in results] == ["", "", str(kept)]
    assert not list(final.glob(".*.tmp"))
    run = json.loads((final / "run.json").read_text())
    assert not any(v["ok"] for v in run["notebooks"].values())


# --- 5. parameters and selections refused before anything runs -------------------------------

@pytest.mark.parametrize("args, expected", [
    (["-p", "window", "0", "-n", "00"], "window: 0 is out of range; use 1 to 50"),
    (["-p", "granularity", "year", "-n", "03"],
     "granularity: 'year' is not allowed; use one of day, week, month"),
    (["--notebooks", ",,,"], "--notebooks ',,,': names no notebook; give numbers or names, "
                             "comma-separated, from 00-overview, 01-sentiment"),
    (["--notebooks", ""], "--notebooks '': names no notebook"),
    (["--bogus"], "No such option: --bogus"),
    (["-j", "many"], "Invalid value for '--jobs' / '-j'"),
])
def test_report_usage_errors_are_one_line_before_anything_runs(tmp_path, args, expected):
    line = _one_error_line(_cli("report", str(SMALL), "-o", "reports", *args, cwd=tmp_path),
                           expected)
    assert not (tmp_path / "reports").exists()
    if expected.startswith(("No such", "Invalid")):               # click's errors: one line too
        assert line.endswith("; see newsbench report --help")


def test_run_report_checks_ranges_and_choices_before_any_analysis(tmp_path, monkeypatch):
    from newsbench import runner

    monkeypatch.setattr(runner, "run_corpus", lambda *a, **k: pytest.fail("analysis ran"))
    books = rep.available_notebooks()
    for params, message in (({"window": 0}, "window: 0 is out of range"),
                            ({"granularity": "year"}, "granularity: 'year' is not allowed")):
        with pytest.raises(nb.ParameterError, match=message):
            rep.run_report([nb.load_article(SMALL)], books, params, tmp_path / "out",
                           progress=False)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_full_disk_stops_a_report_with_one_line_and_keeps_previous_reports(
        toy_notebooks, tmp_path, monkeypatch, capsys):
    import errno

    out = tmp_path / "reports"
    assert main(["report", str(SMALL), "-o", str(out), "-p", "size", "1", "-n", "01", "-q"]) == 0
    before = _tree(out)

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(rep, "render_html", full)
    capsys.readouterr()
    code = main(["report", str(SMALL), str(OTHER), "-o", str(out), "-p", "size", "1", "-n", "01",
                 "-q"])
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    assert code == 1
    assert len(err) == 1 and "no space left on device writing" in err[0], err
    assert _tree(out) == before                                  # previous reports kept
    assert not list(out.glob(".run-*"))
