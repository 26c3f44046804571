"""Load: a generated corpus (default 1,000 articles, `corpus_gen.py`) through `newsbench report`;
records time, peak memory of the parent and of the kernels, failures, and whether the
parent's memory stays flat as articles are analysed.

Run:  .venv/bin/python benches/bench_load.py [--articles 1000] [--notebooks 00,01,02,03]
                                              [--jobs 2] [--write benches/results/load.md]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import write_corpus  # noqa: E402

import newsbench as nb  # noqa: E402
from newsbench import report as rep  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--notebooks", default=None)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="nb-load-"))
    os.environ["NEWSBENCH_CACHE_DIR"] = str(work / "cache")
    write_corpus(work / "corpus", args.articles)
    articles = nb.load_corpus(work / "corpus").article_list
    books = rep.select_notebooks(args.notebooks, rep.available_notebooks())

    # memory through the NLP stage: sampled after each batch written to the store (the
    # report analyses first, in batches), once per article of the batch
    from newsbench.store import Store

    samples = []
    real_write = Store.write_batch

    def counting(self, frames, **kw):
        out = real_write(self, frames, **kw)
        samples.extend([rss_mb()] * len(frames["articles"]))
        return out

    Store.write_batch = counting
    peak = {"rss": 0.0}
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            peak["rss"] = max(peak["rss"], rss_mb())
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()
    t0 = time.perf_counter()
    results = rep.run_report(articles, books, {}, work / "reports", jobs=args.jobs, progress=True)
    elapsed = time.perf_counter() - t0
    stop.set()
    Store.write_batch = real_write
    failed = [r for r in results if not r.ok]
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = len(samples)
    tenth = max(1, n // 10)
    early = sum(samples[tenth:2 * tenth]) / tenth if n >= 2 * tenth else float("nan")
    late = sum(samples[-tenth:]) / tenth
    lines = [
        f"Corpus: {args.articles} generated articles (txt, md, json); notebooks: "
        f"{', '.join(b.name for b in books)}; jobs: {args.jobs}",
        "",
        "| measure | value |",
        "|---|---|",
        f"| notebook runs | {len(results)} ({len(failed)} failed) |",
        f"| wall time | {elapsed / 60:.1f} min ({elapsed / max(1, len(articles)):.2f} s per article) |",
        f"| parent peak RSS | {peak['rss']:.0f} MB |",
        f"| parent RSS after the 2nd tenth of the articles / after the last tenth | {early:.0f} MB / {late:.0f} MB |",
        f"| largest kernel (peak RSS) | {children:.0f} MB |",
    ]
    if failed:
        lines += ["", "Failures:"] + [f"- {r.article_id} {r.notebook}: {r.error}" for r in failed[:20]]
    table = "\n".join(lines)
    print(table)
    if args.write:
        args.write.write_text("# Load: a generated corpus through newsbench report\n\nCommand: "
                              f"`.venv/bin/python benches/bench_load.py --articles {args.articles} "
                              f"--write {args.write}`\n\n" + table + "\n")


if __name__ == "__main__":
    main()
