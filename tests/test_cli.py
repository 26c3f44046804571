"""The command line: frames written in each format; errors are one line with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from newsbench.cli import main


@pytest.mark.parametrize("fmt, reader", [
    ("parquet", pd.read_parquet), ("csv", pd.read_csv), ("json", pd.read_json),
])
def test_analyze_writes_every_frame(tmp_path, articles_dir, fmt, reader):
    out = tmp_path / "out"
    assert main(["analyze", str(articles_dir / "feature.md"), str(articles_dir / "single.json"),
                 "--out", str(out), "--format", fmt]) == 0
    where = (lambda name: out / name) if fmt == "parquet" else (lambda name: out / f"{name}.{fmt}")
    sentences = reader(where("sentences"))
    assert set(sentences["article_id"]) == {"feature", "single"}
    assert {"start", "end", "text", "sentiment"} <= set(sentences.columns)
    for name in ("articles", "paragraphs", "mentions", "entities", "timexes", "events"):
        assert where(name).exists()
    assert fmt == "parquet" or where("quotes").is_file()   # a dataset has no file for no rows
    run = json.loads((out / ("_run.json" if fmt == "parquet" else "run.json")).read_text())
    assert (run["run"] if fmt == "parquet" else run)["model"]["version"] == "3.8.0"


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsbench.cli", *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.mark.parametrize("setup, args, expected", [
    (None, ["analyze", "missing.txt"], "missing.txt: no such file"),
    ({"empty.txt": b""}, ["analyze", "empty.txt"], "empty.txt: the file is empty"),
    ({"pic.txt": b"\x89PNG\r\n\x1a\n\x00\x00"}, ["analyze", "pic.txt"], "pic.txt: this is a PNG image"),
    ({"bad.json": b'{"title": '}, ["analyze", "bad.json"], "bad.json: unreadable JSON"),
    ({"a.txt": b"Head\n\nBody text.", "taken": b"x"}, ["analyze", "a.txt", "--out", "taken"],
     "--out taken: is a file, not a folder"),
    ({"a.txt": b"Head\n\nBody text."}, ["analyze", "a.txt", "--engine", "serial", "--jobs", "0"],
     "--jobs: 0 is not allowed"),
    ({"t.csv": b"headline,story\nA,B\n"}, ["analyze", "t.csv", "--columns", "text"],
     "--columns"),
    ({"a.txt": b"Head\n\nBody text."}, ["analyze", "a.txt", "--published", "2016-02-30"],
     "published date '2016-02-30' is not a real date"),
])
def test_errors_are_one_line_exit_2_no_traceback(tmp_path, setup, args, expected):
    for name, data in (setup or {}).items():
        (tmp_path / name).write_bytes(data)
    res = _cli(*args, cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("newsbench: error: ") and expected in lines[0]


def test_failed_run_keeps_previous_output(tmp_path, articles_dir):
    out = tmp_path / "out"
    assert main(["analyze", str(articles_dir / "feature.md"), "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*.parquet")}
    assert before
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path / "empty.txt"), "--out", str(out)]) == 2
    assert {p: p.read_bytes() for p in out.rglob("*.parquet")} == before


def test_help_explains_itself():
    res = _cli("analyze", "--help")
    assert res.returncode == 0
    assert "--format" in res.stdout and "parquet" in res.stdout and "offsets" in res.stdout


def test_bad_option_value_is_a_usage_error_not_a_traceback(tmp_path):
    res = _cli("analyze", "x.txt", "--format", "xml", cwd=tmp_path)
    assert res.returncode == 2 and "Traceback" not in res.stderr and "--format" in res.stderr
    assert res.stderr.splitlines() == [
        "newsbench: error: Invalid value for '--format': 'xml' is not one of 'parquet', "
        "'csv', 'json'; see newsbench analyze --help"]


def test_no_arguments_shows_the_help():
    res = _cli()
    assert res.returncode == 2 and "Usage: newsbench" in res.stdout + res.stderr
    assert "report" in res.stdout + res.stderr and "Traceback" not in res.stderr


@pytest.mark.slow
def test_lab_serves_the_project_and_stops_with_its_process(tmp_path):
    """`newsbench lab` (the README's explore command) becomes the JupyterLab server: stopping it
    leaves no server behind."""
    import os
    import secrets
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(8)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    proc = subprocess.Popen([sys.executable, "-m", "newsbench.cli", "lab", "--no-browser",
                             "--port", str(port), "--token", token], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                body = urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/contents/notebooks?token={token}", timeout=2).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.5)
        names = {item["name"] for item in json.loads(body)["content"]}
        assert {"00-overview.ipynb", "01-sentiment.ipynb"} <= names
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more
