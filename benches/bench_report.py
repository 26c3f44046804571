"""The seed's report time against the floor, measured in the same run.

Floor: plain papermill running the same number of empty notebooks (a parameters cell and one
trivial cell each, each in a fresh kernel papermill starts) plus the same HTML export, with the
same number of jobs.
Ours: `run_report` on the seed, with an empty cache (NLP included) and with a warm cache.

Run:  .venv/bin/python benches/bench_report.py [--repeats 3] [--write benches/results/report.md]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

import newsbench as nb
from newsbench import report as rep

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d47dbbe6e72bd05c.txt"


def empty_notebooks(folder: Path, n: int) -> list[rep.Notebook]:
    for i in range(n):
        cell = new_code_cell('article: str = "x"  # the article')
        cell.metadata["tags"] = ["parameters"]
        book = new_notebook(cells=[cell, new_code_cell("print(article)")])
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(book, folder / f"{i:02d}-empty.ipynb")
    return rep.available_notebooks(folder)


def plain_papermill(books: list[rep.Notebook], out: Path, jobs: int) -> None:
    """The floor: papermill as users run it (its own kernel per notebook), then the HTML export."""
    import papermill as pm
    from concurrent.futures import ThreadPoolExecutor

    out.mkdir(parents=True)

    def one(book):
        target = out / book.path.name
        pm.execute_notebook(str(book.path), str(target), parameters={"article": "x"}, progress_bar=False)
        rep.render_html(target, target.with_suffix(".html"))

    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, books))


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    books = rep.available_notebooks()
    art = nb.load_article(SEED)
    work = Path(tempfile.mkdtemp(prefix="nb-bench-"))
    empties = empty_notebooks(Path(tempfile.mkdtemp(dir=work)), len(books))
    floor, cold, warm = [], [], []
    for i in range(args.repeats):
        os.environ["NEWSBENCH_CACHE_DIR"] = str(work / f"cache{i}")
        floor.append(timed(lambda: plain_papermill(empties, work / f"floor{i}", args.jobs)))
        cold.append(timed(lambda: rep.run_report([art], books, {}, work / f"cold{i}", jobs=args.jobs, progress=False)))
        warm.append(timed(lambda: rep.run_report([art], books, {}, work / f"warm{i}", jobs=args.jobs, progress=False)))
    shutil.rmtree(work, ignore_errors=True)
    f, c, w = (statistics.median(x) for x in (floor, cold, warm))
    table = "\n".join([
        f"Notebooks: {len(books)} ({', '.join(b.name for b in books)}); jobs: {args.jobs}; "
        f"repeats: {args.repeats} (medians)",
        "",
        "| run | seconds | ratio to floor |",
        "|---|---|---|",
        f"| floor: papermill, {len(books)} empty notebooks + HTML export | {f:.2f} | 1.00 |",
        f"| newsbench report, empty cache (NLP included) | {c:.2f} | {c / f:.2f} |",
        f"| newsbench report, warm cache | {w:.2f} | {w / f:.2f} |",
    ])
    print(table)
    if args.write:
        args.write.write_text("# Report time: the seed against the floor\n\nCommand: "
                              "`.venv/bin/python benches/bench_report.py --write benches/results/report.md`\n\n"
                              + table + "\n")


if __name__ == "__main__":
    main()
