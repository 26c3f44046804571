"""The ``newsbench`` kernelspec: installed into a private Jupyter path, found, used by the report
runner (and recorded); without it the runner falls back on ``python3``; an unknown kernel is
one clear error before anything runs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import newsbench as nb
from newsbench import kernels
from newsbench import report as rep

SMALL = Path(__file__).resolve().parent / "data" / "articles" / "wire_dated.txt"


@pytest.fixture()
def jupyter_home(tmp_path, monkeypatch):
    """A Jupyter path of this test's own: nothing touches the user's or the environment's
    folders, and no kernelspec but the native python3 is found."""
    import jupyter_client.kernelspec as ks

    home = tmp_path / "jupyter"
    (home / "share" / "jupyter" / "kernels").mkdir(parents=True)
    monkeypatch.setenv("JUPYTER_PATH", str(home / "share" / "jupyter"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(home / "data"))
    # only this path (not sys.prefix's, where a developer may have installed one)
    monkeypatch.setattr(ks, "jupyter_path", lambda *parts: [str(home.joinpath("share", "jupyter",
                                                                              *parts))])
    return home


def test_install_kernelspec_into_a_prefix(jupyter_home):
    assert kernels.kernelspec_path() is None
    path = kernels.install_kernelspec(prefix=jupyter_home)
    assert path == jupyter_home / "share" / "jupyter" / "kernels" / "newsbench"
    spec = json.loads((path / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable and "ipykernel_launcher" in spec["argv"]
    assert spec["display_name"] == "Python (newsbench)" and spec["language"] == "python"
    assert kernels.kernelspec_path() == path
    assert kernels.report_kernel() == "newsbench"            # the default once installed
    assert kernels.install_kernelspec(prefix=jupyter_home) == path   # again: replaced


def test_a_newsbench_kernelspec_whose_python_is_gone_is_not_the_default(jupyter_home):
    path = kernels.install_kernelspec(prefix=jupyter_home)
    spec = json.loads((path / "kernel.json").read_text())
    spec["argv"][0] = str(jupyter_home / "gone" / "python")
    (path / "kernel.json").write_text(json.dumps(spec))
    assert kernels.report_kernel() == "python3"


def test_without_the_kernelspec_the_default_is_python3(jupyter_home):
    assert "newsbench" not in kernels.kernelspecs()
    assert kernels.report_kernel(None) == "python3"
    assert kernels.report_kernel("python3") == "python3"


def test_install_kernelspec_takes_one_place():
    with pytest.raises(nb.ParameterError, match="--user and --prefix name different places"):
        kernels.install_kernelspec(user=True, prefix="/tmp/x")


def test_an_unknown_kernel_is_one_clear_error_before_anything_runs(jupyter_home, toy_notebooks,
                                                                   tmp_path):
    with pytest.raises(nb.ParameterError) as exc:
        kernels.report_kernel("nope")
    message = str(exc.value)
    assert message.startswith("kernel 'nope': no such Jupyter kernel is installed (installed: "
                              "python3)")
    assert "`jupyter kernelspec list`" in message and "`newsbench kernel install`" in message
    assert "\n" not in message and exc.value.exit_code == 2
    out = tmp_path / "reports"
    with pytest.raises(nb.ParameterError, match="kernel 'nope'"):
        rep.run_report([nb.load_article(SMALL)], rep.available_notebooks(toy_notebooks),
                       {"size": 1}, out, kernel_name="nope", progress=False)
    assert not out.exists()                                   # nothing ran


def _marked_notebooks(tmp_path, monkeypatch) -> Path:
    from conftest import _notebook

    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "01-which.ipynb",
              "import os, sys\nprint('mark:', os.environ.get('NB_KERNEL_MARK', 'none'))\n"
              "print('python:', sys.executable)")
    monkeypatch.setenv("NEWSBENCH_NOTEBOOKS", str(folder))
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("asked", ["newsbench", None])
def test_a_report_runs_on_the_installed_kernelspec_and_names_it(jupyter_home, tmp_path,
                                                                monkeypatch, asked):
    path = kernels.install_kernelspec(prefix=jupyter_home)
    spec = json.loads((path / "kernel.json").read_text())
    spec["env"] = {"NB_KERNEL_MARK": "from-the-newsbench-kernelspec"}  # proves which ran
    (path / "kernel.json").write_text(json.dumps(spec))
    folder = _marked_notebooks(tmp_path, monkeypatch)
    out = tmp_path / "reports"
    [res] = rep.run_report([nb.load_article(SMALL)], rep.available_notebooks(folder), {}, out,
                           kernel_name=asked, jobs=1, progress=False)
    assert res.ok, res.error
    page = (out / "wire_dated" / "01-which.html").read_text()
    assert "mark: from-the-newsbench-kernelspec" in page
    assert f"python: {sys.executable}" in page
    assert "kernel newsbench" in page                          # the banner
    assert json.loads((out / "wire_dated" / "run.json").read_text())["kernel"] == "newsbench"


@pytest.mark.slow
def test_without_the_kernelspec_a_report_runs_on_python3(jupyter_home, tmp_path, monkeypatch):
    folder = _marked_notebooks(tmp_path, monkeypatch)
    out = tmp_path / "reports"
    [res] = rep.run_report([nb.load_article(SMALL)], rep.available_notebooks(folder), {}, out,
                           jobs=1, progress=False)
    assert res.ok, res.error
    page = (out / "wire_dated" / "01-which.html").read_text()
    assert "mark: none" in page and "kernel python3" in page
    assert json.loads((out / "wire_dated" / "run.json").read_text())["kernel"] == "python3"


@pytest.mark.slow
def test_the_generated_notebooks_name_the_newsbench_kernel_and_run_without_it(jupyter_home,
                                                                              tmp_path):
    books = [b for b in rep.available_notebooks() if not rep.is_corpus_notebook(b)]
    for book in books:
        meta = json.loads(book.path.read_text())["metadata"]["kernelspec"]
        assert meta == {"name": "newsbench", "display_name": "Python (newsbench)",
                        "language": "python"}, book.name
    [res] = rep.run_report([nb.load_article(SMALL)], rep.select_notebooks("00", books), {},
                           tmp_path / "out", jobs=1, progress=False)
    assert res.ok, res.error
