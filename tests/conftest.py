"""Shared fixtures: a private cache folder, the loaded model, the seed and small test articles."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

# Tests never touch the user's cache: one private folder per test session.
_CACHE = tempfile.mkdtemp(prefix="newsbench-test-cache-")
os.environ["NEWSBENCH_CACHE_DIR"] = _CACHE
os.environ.pop("NEWSBENCH_SPACY_MODEL", None)
os.environ.pop("NEWSBENCH_NO_CACHE", None)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"
SEED = ROOT / "seeds" / "000_d47dbbe6e72bd05c.txt"


@pytest.fixture(scope="session")
def nlp():
    import newsbench as nb

    return nb.get_nlp()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_analysis(nlp):
    import newsbench as nb

    return nb.analyze(nb.load_article(SEED), cache=False)


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    """A fresh, empty cache for one test."""
    path = tmp_path / "cache"
    monkeypatch.setenv("NEWSBENCH_CACHE_DIR", str(path))
    return path


def _notebook(path: Path, body: str, params: str = 'article: str = "x.txt"  # the article\nsize: int = 3  # a size') -> Path:
    cell = new_code_cell(params)
    cell.metadata["tags"] = ["parameters"]
    book = new_notebook(cells=[cell, new_code_cell(body)])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(book, path)
    return path


@pytest.fixture()
def toy_notebooks(tmp_path, monkeypatch):
    """Two small notebooks: one that works, one that fails when told to."""
    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "01-ok.ipynb", "import newsbench as nb\nart = nb.load_article(article)\n"
              "SECRET_CODE_MARKER = 1\nprint('headline:', art.title, size)")
    _notebook(folder / "02-boom.ipynb", "if size > 5:\n    raise ValueError('size too big for this test')\nprint('fine')")
    monkeypatch.setenv("NEWSBENCH_NOTEBOOKS", str(folder))
    return folder
