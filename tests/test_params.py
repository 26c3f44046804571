"""The parameter registry: one declaration drives the notebooks, their checks and the report."""

from __future__ import annotations

import importlib.util
import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsbench as nb
from newsbench import params
from newsbench import report as rep

ROOT = Path(__file__).resolve().parent.parent


def _make_notebooks():
    spec = importlib.util.spec_from_file_location("make_notebooks", ROOT / "tools" / "make_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_registered_notebook_exists_and_declares_exactly_the_registry():
    import papermill as pm

    for name, declared in params.NOTEBOOKS.items():
        path = ROOT / "notebooks" / f"{name}.ipynb"
        assert path.is_file(), name
        found = pm.inspect_notebook(str(path))
        assert list(found) == [p.name for p in declared]
        for p in declared:
            assert found[p.name]["inferred_type_name"] == p.type
            assert found[p.name]["help"] == p.help
            assert p.line().split(" = ", 1)[1].split("  # ")[0] == found[p.name]["default"]


def test_notebooks_check_passes_on_the_committed_notebooks():
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "make_notebooks.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


@pytest.mark.skipif(not (ROOT / ".venv" / ".run-deps").exists() or not shutil.which("make"),
                    reason="make notebooks-check needs the project's .venv (make run)")
def test_make_notebooks_check_runs():
    res = subprocess.run(["make", "-s", "notebooks-check"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_notebooks_check_fails_when_a_notebook_drifts(tmp_path, monkeypatch):
    mk = _make_notebooks()
    out = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", out)
    monkeypatch.setattr(mk, "OUT", out)
    assert mk.stale() == []
    first = sorted(out.glob("0*.ipynb"))[0]
    first.write_text(first.read_text().replace("interactive: bool = True", "interactive: bool = False"))
    (out / "99-stray.ipynb").write_text((out / first.name).read_text())
    problems = mk.stale()
    assert any(first.name in p and "differs" in p for p in problems)
    assert any("99-stray.ipynb: no spec" in p for p in problems)
    assert mk.main(["--check"]) == 1


def test_a_notebook_may_change_default_and_help_but_not_the_check():
    assert params.variant("top_n", default=5).check is params.PARAMS["top_n"].check
    with pytest.raises(ValueError, match="only default and help"):
        params.variant("top_n", check=None)


@pytest.mark.parametrize("given, message", [
    ({"labels": "PERSN"}, "labels: PERSN is not a label"),
    ({"top_n": "0"}, "top_n: 0 is out of range; use 1 to 50"),
    ({"unit": "word"}, "unit: 'word' is not allowed; use one of sentence, paragraph"),
    ({"granularity": "year"}, "granularity: 'year' is not allowed; use one of day, week, month"),
    ({"merge_demonyms": "perhaps"}, "parameter merge_demonyms: 'perhaps' is not true or false"),
    ({"max_label": "5"}, "max_label: 5 is out of range; use 20 to 200"),
])
def test_the_report_checks_every_value_through_the_registry(given, message):
    with pytest.raises(nb.ParameterError) as exc:
        rep.check_params(given, rep.available_notebooks())
    assert message in str(exc.value)


def test_the_report_has_no_special_cases():
    src = inspect.getsource(rep.check_params)
    assert "published" not in src and "method" not in src


def test_the_check_cell_checks_and_binds_every_parameter():
    seed = str(ROOT / params.SEED)
    got = params.check_params("02-entities", {"article": seed, "published": "2016-10-08",
                                              "labels": "person, org", "top_n": 3,
                                              "min_mentions": 1, "merge_demonyms": False,
                                              "unit": "paragraph", "interactive": False})
    assert got.art.article_id == "000_d47dbbe6e72bd05c" and got.art.published == "2016-10-08"
    assert got.labels == ("PERSON", "ORG") and got.unit == "paragraph" and got.top_n == 3
    with pytest.raises(nb.ParameterError, match="interactive: expected True or False, got 'no'"):
        params.check_params("00-overview", {"article": seed, "interactive": "no"})
    with pytest.raises(nb.ParameterError, match="window: expected a whole number"):
        params.check_params("00-overview", {"article": seed, "window": "3"})
    with pytest.raises(nb.ParameterError, match="article: expected text in quotes"):
        params.check_params("00-overview", {"article": 3})
    with pytest.raises(nb.ParameterError, match="notebook '07-nothing' has no parameters"):
        params.check_params("07-nothing", {})


def test_unregistered_notebooks_keep_what_their_cell_declares(toy_notebooks):
    books = rep.available_notebooks(toy_notebooks)
    assert rep.check_params({"size": "4"}, books) == {"size": 4}
    with pytest.raises(nb.ParameterError, match="'big' is not a whole number"):
        rep.check_params({"size": "big"}, books)
