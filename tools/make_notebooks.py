"""Write notebooks/NN-name.ipynb from the specs in tools/notebooks/nbNN_name.py.

Each spec defines ``NAME`` and ``CELLS``; its parameters cell and check cell come from the
parameter registry (``lib/newsbench/params.py``). Notebooks are written without outputs (clean
in git, the ``parameters`` tag kept).

    python tools/make_notebooks.py           # write them (make notebooks)
    python tools/make_notebooks.py --check   # exit 1 when a notebook differs (make notebooks-check)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

from newsbench.kernels import KERNEL_DISPLAY_NAME, KERNEL_NAME

TOOLS = Path(__file__).resolve().parent
OUT = TOOLS.parent / "notebooks"
sys.path.insert(0, str(TOOLS))


def specs() -> list[Path]:
    return sorted((TOOLS / "notebooks").glob("nb*.py"))


def build(spec_path: Path):
    """The notebook a spec describes, and the file it belongs in."""
    spec = importlib.util.spec_from_file_location(spec_path.stem, spec_path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    nb = new_notebook(cells=mod.CELLS)
    # newsbench's own kernelspec (`newsbench kernel install`); without it JupyterLab offers
    # this environment's python3, and `newsbench report` falls back on it
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": KERNEL_DISPLAY_NAME,
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{mod.NAME[:2]}-{i:02d}"
    return nb, OUT / mod.NAME


def stale() -> list[str]:
    """The notebooks that differ from their specs (or are missing, or have no spec)."""
    out = []
    expected = set()
    for spec_path in specs():
        nb, target = build(spec_path)
        expected.add(target.name)
        if not target.is_file():
            out.append(f"{target.name}: missing")
        elif nbformat.writes(nbformat.read(target, as_version=4)) != nbformat.writes(nb):
            out.append(f"{target.name}: differs from {spec_path.relative_to(TOOLS.parent)}")
    out += [f"{p.name}: no spec in tools/notebooks/" for p in sorted(OUT.glob("[0-9][0-9]-*.ipynb"))
            if p.name not in expected]
    return out


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = stale()
        for line in problems:
            print(f"notebooks-check: {line}; run `make notebooks`", file=sys.stderr)
        return 1 if problems else 0
    OUT.mkdir(exist_ok=True)
    for spec_path in specs():
        nb, target = build(spec_path)
        nbformat.write(nb, target)
        print("wrote", target.relative_to(TOOLS.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
