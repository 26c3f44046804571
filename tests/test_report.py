"""`newsbench report`: parameters checked first, failures contained, old reports kept, index,
hidden code, inert HTML, --jobs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsbench as nb
from newsbench import report as rep

ROOT = Path(__file__).resolve().parent.parent
SMALL = Path(__file__).resolve().parent / "data" / "articles" / "wire_dated.txt"


def _run(args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsbench.cli", *args], capture_output=True, text=True, cwd=cwd)


# --- parameters ------------------------------------------------------------------------------

def test_list_params_comes_from_the_notebooks_themselves():
    res = _run(["report", "--list-params"])
    assert res.returncode == 0
    for book in rep.available_notebooks():
        assert book.path.name in res.stdout
        for name, p in book.params.items():
            assert f"  {name}: {p['type']} = {p['default']}  # {p['help']}" in res.stdout


@pytest.mark.parametrize("given, message", [
    ({"windw": "5"}, "parameter windw: no selected notebook has it; did you mean 'window'?"),
    ({"window": "five"}, "parameter window: 'five' is not a whole number"),
    ({"published": "2016-02-30"}, "published date '2016-02-30' is not a real date"),
    ({"article": "x.txt"}, "parameter article: set by the report for each article"),
    ({"method": "bert"}, "method: 'bert' is not a sentiment method"),
])
def test_bad_parameters_are_refused_before_anything_runs(given, message):
    with pytest.raises(nb.ParameterError) as exc:
        rep.check_params(given, rep.available_notebooks())
    assert message in str(exc.value)


def test_parameters_are_converted_to_the_declared_types():
    got = rep.check_params({"window": "5", "published": "2016-10-08", "method": "vader"},
                           rep.available_notebooks())
    assert got == {"window": 5, "published": "2016-10-08", "method": "vader"}


@pytest.mark.parametrize("raw, type_name, expected", [
    ("7", "int", 7), ("0.5", "float", 0.5), ("yes", "bool", True), ("false", "bool", False),
    (3, "str", "3"),
])
def test_coerce(raw, type_name, expected):
    assert rep.coerce("x", raw, type_name) == expected


def test_cli_bad_parameter_is_one_line_exit_2(tmp_path):
    out = tmp_path / "reports"
    res = _run(["report", str(SMALL), "-o", str(out), "-p", "windw", "5"])
    assert res.returncode == 2
    assert res.stderr.strip().splitlines() == [
        "newsbench: error: parameter windw: no selected notebook has it; did you mean 'window'? "
        "(see newsbench report --list-params)"]
    assert not out.exists()  # nothing ran


def test_unknown_notebook_selection():
    with pytest.raises(nb.ParameterError, match="--notebooks: no notebook '09'"):
        rep.select_notebooks("01,09", rep.available_notebooks())


# --- running ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_failing_notebook_is_reported_and_kept_and_others_still_run(toy_notebooks, tmp_path, capsys):
    from newsbench.cli import main

    out = tmp_path / "reports"
    code = main(["report", str(SMALL), "-o", str(out), "-p", "size", "9", "--jobs", "2"])
    assert code == 1
    err = capsys.readouterr().err
    assert "newsbench: failed: wire_dated 02-boom: cell 2: ValueError: size too big for this test" in err
    folder = out / "wire_dated"
    assert (folder / "01-ok.html").is_file()                 # the other notebook still ran
    assert (folder / "02-boom.failed.ipynb").is_file()       # kept for inspection
    assert not (folder / "02-boom.html").exists()
    index = (out / "index.html").read_text()
    assert "failed: cell 2: ValueError: size too big for this test" in index


@pytest.mark.slow
def test_a_rerun_replaces_a_report_only_when_it_succeeds(toy_notebooks, tmp_path):
    out = tmp_path / "reports"
    arts = [nb.load_article(SMALL)]
    books = rep.available_notebooks(toy_notebooks)
    first = rep.run_report(arts, books, {"size": 1}, out, jobs=2, progress=False)
    assert all(r.ok for r in first)
    good = (out / "wire_dated" / "02-boom.html").read_bytes()
    second = rep.run_report(arts, books, {"size": 9}, out, jobs=2, progress=False)
    assert [r.ok for r in second] == [True, False]
    assert (out / "wire_dated" / "02-boom.html").read_bytes() == good   # the old report stays
    run = json.loads((out / "wire_dated" / "run.json").read_text())
    assert run["notebooks"]["02-boom"]["ok"] is False
    assert run["notebooks"]["02-boom"]["html"] == "02-boom.html"
    third = rep.run_report(arts, books, {"size": 2}, out, jobs=1, progress=False)
    assert all(r.ok for r in third)
    assert not (out / "wire_dated" / "02-boom.failed.ipynb").exists()


@pytest.mark.slow
def test_html_hides_code_embeds_images_and_runs_no_script(toy_notebooks, tmp_path):
    out = tmp_path / "reports"
    rep.run_report([nb.load_article(SMALL)], rep.available_notebooks(toy_notebooks), {"size": 1},
                   out, jobs=1, progress=False)
    page = (out / "wire_dated" / "01-ok.html").read_text()
    assert "SECRET_CODE_MARKER" not in page                 # code hidden
    assert "headline: Flood barrier holds" in page           # outputs shown
    assert "<script" not in page.lower()
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)   # nothing fetched from outside
    ipynb = json.loads((out / "wire_dated" / "01-ok.ipynb").read_text())
    assert any("SECRET_CODE_MARKER" in "".join(c["source"]) for c in ipynb["cells"])  # code kept there


@pytest.mark.slow
def test_real_notebooks_on_a_small_article_with_index(tmp_path):
    out = tmp_path / "reports"
    from newsbench.cli import main

    assert main(["report", str(SMALL), "-o", str(out), "-p", "window", "2"]) == 0
    folder = out / "wire_dated"
    books = [b for b in rep.available_notebooks() if not rep.is_corpus_notebook(b)]
    assert len(books) == 5 and not (out / "corpus.html").exists()  # one article: no corpus report
    for book in books:
        page = (folder / f"{book.name}.html").read_text()
        assert "data:image/png;base64," in page              # charts embedded
        if "window" in book.params:
            assert "window = 2" in page                       # the run records its parameters
        assert "published 2021-03-03 (from dateline)" in page
    index = (out / "index.html").read_text()
    assert "Flood barrier holds as river peaks in Lindenfeld" in index
    assert "2021-03-03" in index
    for book in books:
        assert f'href="wire_dated/{book.name}.html"' in index
    run = json.loads((folder / "run.json").read_text())
    assert run["parameters"] == {"window": 2} and run["published"] == "2021-03-03"


@pytest.mark.slow
def test_same_input_same_figures_whatever_the_jobs(tmp_path):
    arts = [nb.load_article(SMALL)]
    books = rep.select_notebooks("01", rep.available_notebooks())
    pngs = []
    for jobs, name in ((1, "a"), (2, "b")):
        rep.run_report(arts, books, {}, tmp_path / name, jobs=jobs, progress=False)
        page = (tmp_path / name / "wire_dated" / "01-sentiment.html").read_text()
        pngs.append(re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page))
    assert pngs[0] and pngs[0] == pngs[1]


def test_readme_table_lists_every_notebook_and_its_parameters():
    readme = (ROOT / "README.md").read_text()
    for book in rep.available_notebooks():
        row = next((ln for ln in readme.splitlines() if ln.startswith(f"| `notebooks/{book.path.name}`")), None)
        assert row, f"README has no row for {book.path.name}"
        params_cell = row.split("|")[2]
        assert set(re.findall(r"`(\w+)`", params_cell)) == set(book.params), book.path.name


@pytest.mark.slow
def test_relative_output_folder_and_article_paths(toy_notebooks, tmp_path, monkeypatch):
    import shutil

    shutil.copy(SMALL, tmp_path / SMALL.name)
    monkeypatch.chdir(tmp_path)
    arts = [nb.load_article(SMALL.name)] * 1
    results = rep.run_report(arts, rep.available_notebooks(toy_notebooks),
                             {"size": 1}, Path("reports"), jobs=2, progress=False)
    assert all(r.ok for r in results), [r.error for r in results]
    assert (tmp_path / "reports" / "wire_dated" / "01-ok.html").is_file()
