"""Every notebook runs end to end under papermill on a small article, and stays clean in git."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SMALL = Path(__file__).resolve().parent / "data" / "articles" / "wire_dated.txt"


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_clean_and_has_a_parameters_cell(path):
    nb = json.loads(path.read_text())
    cells = nb["cells"]
    assert not any(c.get("outputs") for c in cells if c["cell_type"] == "code")
    assert not any(c.get("execution_count") for c in cells if c["cell_type"] == "code")
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    assert all(c["cell_type"] == "markdown" for c in cells[: tagged[0]])


def _small_corpus(folder: Path) -> Path:
    """A small corpus: the generated one with planted facts (tests/planted_corpus.py)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from planted_corpus import make_corpus

    make_corpus(folder)
    return folder / "corpus.jsonl"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_under_papermill(tmp_path, path):
    """Every article notebook on a small article; the corpus notebook on a small corpus."""
    import papermill as pm

    out = tmp_path / path.name
    params = ({"corpus": str(_small_corpus(tmp_path)), "terms": "freight, grain"}
              if path.name.startswith("10-") else {"article": str(SMALL)})
    pm.execute_notebook(str(path), str(out), parameters=params,
                        cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False)
    nb = json.loads(out.read_text())
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert images, "the notebook drew no chart"


@pytest.mark.slow
def test_notebook_bad_parameter_fails_with_a_clear_message(tmp_path):
    import papermill as pm

    with pytest.raises(pm.PapermillExecutionError) as exc:
        pm.execute_notebook(str(NOTEBOOKS[0]), str(tmp_path / "out.ipynb"),
                            parameters={"article": str(SMALL), "published": "2016-02-30"},
                            kernel_name="python3", progress_bar=False)
    assert "published date '2016-02-30' is not a real date" in str(exc.value)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_parameter_line_is_read_by_papermill(path):
    """papermill's --help-notebook (and `newsbench report --list-params`) read each line."""
    import papermill as pm

    nb = json.loads(path.read_text())
    cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    src = "".join(cell["source"])
    lines = [ln for ln in src.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    params = pm.inspect_notebook(str(path))
    assert len(params) == len(lines), (list(params), lines)
    for p in params.values():
        assert p["inferred_type_name"] != "None" and p["help"], p


def test_parameter_checks_give_clear_errors():
    import newsbench as nb
    from newsbench import notebook as nbk

    assert nbk.bool_param("interactive", False) is False
    with pytest.raises(nb.ParameterError, match="interactive: expected True or False, got 'no'"):
        nbk.bool_param("interactive", "no")
    with pytest.raises(nb.ParameterError, match="window: 0 is out of range; use 1 to 50"):
        nbk.int_param("window", 0, minimum=1, maximum=50)
    with pytest.raises(nb.ParameterError, match="top_n: expected a whole number"):
        nbk.int_param("top_n", "5")
    with pytest.raises(nb.ParameterError, match="unit: 'word' is not allowed; use one of sentence, paragraph"):
        nbk.choice_param("unit", "word", ("sentence", "paragraph"))
    with pytest.raises(nb.InputFileError, match="nope.txt: no such file"):
        nbk.article_param("nope.txt")


def test_article_param_resolves_project_paths_and_list_items():
    from newsbench import notebook as nbk

    art = nbk.article_param("seeds/000_d47dbbe6e72bd05c.txt")  # from any folder
    assert art.article_id == "000_d47dbbe6e72bd05c"
    batch = Path(__file__).resolve().parent / "data" / "articles" / "batch.json"
    item = nbk.article_param(f"{batch}::batch-001", published="2022-12-02")
    assert item.title == "Storm cuts power to thousands" and item.published == "2022-12-02"


def test_corpus_parameter_checks_name_the_parameter_and_the_fix(tmp_path):
    import newsbench as nb
    from newsbench import params

    with pytest.raises(nb.InputFileError, match=r"corpus: nowhere/: no such file or folder"):
        params.check_params("10-corpus", {"corpus": "nowhere/"})
    with pytest.raises(nb.ParameterError, match=r"date_from: .*'2025-02-30'|2025-02-30"):
        params.check_params("10-corpus", {"corpus": "seeds/", "date_from": "2025-02-30"})
    with pytest.raises(nb.ParameterError, match="granularity"):
        params.check_params("10-corpus", {"corpus": "seeds/", "granularity": "year"})
    got = params.check_params("10-corpus", {"corpus": f"seeds/, {tmp_path}",
                                            "entities": "United States, WTO", "terms": ""})
    assert got.entities == ["United States", "WTO"] and got.terms == []
    assert got.corpus_path.split(",")[1] == str(tmp_path)


def test_corpus_paths_may_contain_commas(tmp_path, nlp):
    """A folder named "wires, 2016" is one path of the corpus parameter, not two."""
    from newsbench import notebook as nbk

    odd, plain = tmp_path / "wires, 2016", tmp_path / "other"
    for folder, text in ((odd, "Flood hits town\n\nThe river rose on Monday in Lindenfeld."),
                         (plain, "Council votes\n\nThe council approved the budget on Friday.")):
        folder.mkdir()
        (folder / "story.txt").write_text(text, encoding="utf-8")
    checked = nbk.corpus_param(f"{odd}, {plain}")
    assert nbk.split_paths(checked) == [str(odd), str(plain)]
    assert nbk.split_paths(f"{odd}") == [str(odd)]
    corpus = nbk.open_corpus_param(checked)
    assert len(corpus.articles) == 2
    import newsbench as nb

    with pytest.raises(nb.InputFileError, match=r"corpus: .*wires: no such file or folder"):
        nbk.corpus_param(f"{tmp_path / 'wires'}, 2017")
