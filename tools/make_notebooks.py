"""Write notebooks/NN-name.ipynb from the specs in tools/notebooks/nbNN_name.py.

Each spec defines ``NAME`` and ``CELLS``. Run ``python tools/make_notebooks.py`` after editing a
spec; notebooks are written without outputs (clean in git, the ``parameters`` tag kept).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

TOOLS = Path(__file__).resolve().parent
OUT = TOOLS.parent / "notebooks"
sys.path.insert(0, str(TOOLS))


def build(spec_path: Path) -> Path:
    spec = importlib.util.spec_from_file_location(spec_path.stem, spec_path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    nb = new_notebook(cells=mod.CELLS)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{mod.NAME[:2]}-{i:02d}"
    target = OUT / mod.NAME
    nbformat.write(nb, target)
    return target


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for spec_path in sorted((TOOLS / "notebooks").glob("nb*.py")):
        print("wrote", build(spec_path))


if __name__ == "__main__":
    main()
