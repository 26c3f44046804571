"""The corpus report over an analysed dataset: wall time, and the ratio to papermill's floor.

    python benches/bench_corpus_report.py                 # 2,000 articles
    python benches/bench_corpus_report.py --articles 500
    python benches/bench_corpus_report.py --write         # and write benches/results/corpus_report.md

Generated wire-style articles (benches/corpus_gen.py, four outlets over a year) are written to
a CSV and analysed once with ``newsbench analyze --out DIR`` (not timed). Then, alternating, in
the same run:

- the baseline: papermill on an empty notebook plus its HTML export (the floor any notebook
  report pays: a kernel, the execution, nbconvert);
- ``newsbench report CSV --store DIR --notebooks 10 --no-per-article``: the corpus report
  read from the dataset (nothing re-analysed), rendered to ``corpus.html``.

The figure is the median wall time of each and their ratio. Also timed, in-process on the
same dataset: reading every frame from the store (the baseline) against resolving the corpus
identities over them (``newsbench.identity.resolve``).
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import corpus_gen  # noqa: E402

COMMAND = "python benches/bench_corpus_report.py --write"
SOURCES = ("Northwind Wire", "Harbour Ledger", "Coastline Daily", "Metro Tribune")
BIN = Path(sys.executable).parent


def write_csv(path: Path, n: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "text", "published", "source"])
        for i in range(n):
            title, a = corpus_gen.article(rng, i)
            w.writerow([f"r{i:05d}", title, "\n\n".join(a["paras"]), a["published"],
                        SOURCES[i % len(SOURCES)]])


def floor(tmp: Path) -> float:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = tmp / "empty.ipynb"
    cell = new_code_cell("x = 1")
    cell.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[cell], metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}}), nb)
    t = time.monotonic()
    subprocess.run([str(BIN / "papermill"), str(nb), str(tmp / "empty.out.ipynb"), "-k", "python3",
                    "--no-progress-bar"], check=True, capture_output=True)
    subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(tmp / "empty.out.ipynb")],
                   check=True, capture_output=True)
    return time.monotonic() - t


def corpus_report(csv_path: Path, store: Path, out: Path) -> float:
    t = time.monotonic()
    subprocess.run([str(BIN / "newsbench"), "report", str(csv_path), "--store", str(store),
                    "--out", str(out), "--notebooks", "10", "--no-per-article", "-q"],
                   check=True, capture_output=True, cwd=ROOT)
    return time.monotonic() - t


def identity_cost(store_dir: Path, rounds: int) -> tuple[float, float]:
    from newsbench import identity, schema
    from newsbench.store import Store

    reads, resolves = [], []
    for _ in range(rounds):
        t = time.monotonic()
        store = Store(store_dir)
        frames = {name: store.read(name) for name in schema.FRAMES}
        reads.append(time.monotonic() - t)
        t = time.monotonic()
        identity.normal_form.cache_clear()
        identity.resolve(frames["mentions"], frames["entities"], frames["articles"])
        resolves.append(time.monotonic() - t)
    return statistics.median(reads), statistics.median(resolves)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        csv_path, store = tmp / "stories.csv", tmp / "dataset"
        write_csv(csv_path, args.articles)
        t = time.monotonic()
        subprocess.run([str(BIN / "newsbench"), "analyze", str(csv_path), "--out", str(store), "-q"],
                       check=True, capture_output=True)
        print(f"analysed {args.articles} articles in {time.monotonic() - t:.0f} s (not timed below)")
        base, rep = [], []
        for i in range(args.rounds):
            base.append(floor(tmp))
            rep.append(corpus_report(csv_path, store, tmp / f"reports{i}"))
        b, r = statistics.median(base), statistics.median(rep)
        html = (tmp / "reports0" / "corpus.html").stat().st_size
        read, resolve = identity_cost(store, args.rounds)
    lines = [
        "# The corpus report over an analysed dataset",
        "",
        f"Command: `{COMMAND}` ({args.articles} generated articles, 4 outlets, {args.rounds} "
        "rounds, medians; 2 cores).",
        "",
        "| what | seconds | ratio to the floor |",
        "|---|---|---|",
        f"| papermill floor: empty notebook + HTML export | {b:.1f} | 1.00 |",
        f"| `newsbench report --notebooks 10 --no-per-article` (corpus.html) | {r:.1f} | {r / b:.2f} |",
        "",
        f"corpus.html: {html / 1e6:.1f} MB.",
        "",
        "| what (in-process, the same dataset) | seconds | ratio to reading |",
        "|---|---|---|",
        f"| reading every frame from the store | {read:.2f} | 1.00 |",
        f"| resolving the corpus identities (identity.resolve) | {resolve:.2f} | {resolve / read:.2f} |",
    ]
    print("\n".join(lines))
    if args.write:
        (HERE / "results" / "corpus_report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
