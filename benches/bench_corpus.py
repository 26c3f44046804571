"""Corpus throughput and memory, each figure a ratio against a baseline measured in the same run.

    python benches/bench_corpus.py                       # all sections, default sizes
    python benches/bench_corpus.py --write               # and write benches/results/corpus.md
    python benches/bench_corpus.py --quick               # smaller sizes (a smoke run)

Sections, all on the same generated wire-style articles (benches/corpus_gen.py: varied
templates, never the seed):

1. **newsbench vs bare spaCy, one process**: ``nlp.pipe`` over the article texts (the
   baseline) against ``newsbench.engine.analyze_batch`` over the same texts in batches (the
   parse plus every layer and the frames), alternating, median of rounds; for full articles
   and for headlines alone (short texts).
2. **1 vs 2 worker processes**: ``run_corpus(engine="processes", jobs=1|2)`` into a fresh store,
   wall time including starting the workers; the speed-up is the ratio of throughputs.
3. **processes vs Dask**: the same with ``engine="dask"`` (a ``LocalCluster`` of 2 worker
   processes).
4. **peak memory**: ``newsbench analyze`` on a CSV of 1,000 and of 5,000 articles (serial, so the
   process measured holds all the work), peak RSS from ``getrusage``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus_gen  # noqa: E402

COMMAND = "python benches/bench_corpus.py --write"


def articles(n: int, *, headlines: bool = False, seed: int = 11):
    import newsbench as nb

    rng = random.Random(seed)
    out = []
    for i in range(n):
        title, a = corpus_gen.article(rng, i)
        text = title if headlines else title + "\n\n" + "\n\n".join(a["paras"])
        out.append(nb.article_from_text(text, published=a["published"], article_id=f"b{i:05d}"))
    return out


def vs_spacy(n: int, rounds: int, headlines: bool) -> dict:
    import newsbench as nb
    from newsbench.engine import analyze_batch
    from newsbench.runner import batches

    arts = articles(n, headlines=headlines)
    texts = [a.text for a in arts]
    nlp = nb.get_nlp()
    analyze_batch(arts[:20], {})           # warm: lexicons, gazetteer
    bare, ours = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        for batch in batches(iter(arts)):
            analyze_batch(batch, {})
        ours.append(time.perf_counter() - t)
    b, o = statistics.median(bare), statistics.median(ours)
    words = sum(len(t.split()) for t in texts)
    return {"texts": n, "words": words, "spacy_s": b, "newsbench_s": o, "ratio": o / b,
            "spacy_wps": words / b, "newsbench_wps": words / o}


def engines(n: int) -> dict:
    from newsbench.runner import run_corpus
    from newsbench.store import Store

    arts = articles(n)
    out = {}
    for label, engine, jobs in (("processes, 1 worker", "processes", 1),
                                ("processes, 2 workers", "processes", 2),
                                ("dask LocalCluster, 2 workers", "dask", 2)):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            # jobs=1 still runs in a worker process (not serial) so the two are comparable
            summary = run_corpus(arts, Store(Path(tmp)), engine=engine, jobs=jobs,
                                 max_articles=100)
            seconds = time.perf_counter() - t
        out[label] = {"seconds": seconds, "articles_per_s": summary.analysed / seconds,
                      "engine": summary.engine}
    return out


def peak_rss(n: int, tmp: Path) -> float:
    """Peak RSS in MB of ``newsbench analyze`` (serial) on a CSV of ``n`` articles."""
    path = tmp / f"corpus{n}.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "headline", "body", "date", "outlet"])
        for art in articles(n):
            title, _, body = art.text.partition("\n\n")
            w.writerow([art.article_id, title, body, art.meta["published"], "Synthetic Wire"])
    code = ("import resource, sys; from newsbench.cli import main; "
            f"rc = main(['analyze', {str(path)!r}, '--out', {str(tmp / f'out{n}')!r}, "
            "'--engine', 'serial', '-q']); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(rc)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(res.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--only", choices=["spacy", "engines", "memory"])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n1, rounds, n2, sizes = (200, 3, 300, (200, 600)) if args.quick else (600, 5, 2000, (1000, 5000))

    lines = [f"Run {dt.date.today()} on {platform.machine()} / Python {platform.python_version()}, "
             f"2 cores; command: `{COMMAND}`.", ""]
    lines += ["### newsbench vs bare spaCy `nlp.pipe`, one process (median of "
              f"{rounds} alternating rounds)", "",
              "| texts | n | words | spaCy (s) | newsbench (s) | newsbench / spaCy | spaCy words/s | newsbench words/s |",
              "|---|---|---|---|---|---|---|---|"]
    for headlines in (False, True) if args.only in (None, "spacy") else ():
        r = vs_spacy(n1, rounds, headlines)
        lines.append(f"| {'headlines only' if headlines else 'full articles'} | {r['texts']} | "
                     f"{r['words']} | {r['spacy_s']:.2f} | {r['newsbench_s']:.2f} | "
                     f"**{r['ratio']:.2f}** | {r['spacy_wps']:.0f} | {r['newsbench_wps']:.0f} |")
        print(lines[-1], flush=True)
    lines += ["", f"### Engines: {n2} full articles into a fresh store, wall time with worker start-up", "",
              "| engine | seconds | articles/s | vs 1 worker |", "|---|---|---|---|"]
    e = engines(n2) if args.only in (None, "engines") else {}
    one = e["processes, 1 worker"]["articles_per_s"] if e else 1
    for label, r in e.items():
        lines.append(f"| {label} | {r['seconds']:.1f} | {r['articles_per_s']:.1f} | "
                     f"**{r['articles_per_s'] / one:.2f}x** |")
        print(lines[-1], flush=True)
    lines += ["", "### Peak memory of `newsbench analyze` (serial) on a CSV", "",
              "| articles | peak RSS (MB) |", "|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        peaks = ([(n, peak_rss(n, Path(tmp))) for n in sizes]
                 if args.only in (None, "memory") else [(1, 1.0), (1, 1.0)])
    for n, mb in peaks:
        lines.append(f"| {n} | {mb:.0f} |")
        print(lines[-1], flush=True)
    lines.append(f"\nPeak at {sizes[1]} / peak at {sizes[0]}: **{peaks[1][1] / peaks[0][1]:.2f}**")
    print(lines[-1])
    if args.write:
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / "corpus.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
