"""Benchmark: one long text in a single line (issue 17), newsbench against bare spaCy on the
same text, in the same run, at growing sizes: the ratio stays flat when the work is linear.

Run from the project folder::

    python benches/bench_long.py                     # 0.1, 0.2, 0.4 MB
    python benches/bench_long.py --sizes 0.25 0.5 1  # any sizes, in MB

For each size, in a fresh process each (so memory is the process's own):

* **spaCy**: ``list(nlp.pipe(pieces))`` on the text cut in newsbench's pieces (the model alone);
* **newsbench**: ``newsbench.analyze`` of the same text (cache off): parse, every layer, frames.

Reported: seconds for each, their ratio, newsbench's seconds per MB, and the peak memory of
the newsbench process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = "python benches/bench_long.py --sizes 0.25 0.5 1"

_PROBE = r"""
import json, random, resource, sys, time, warnings
import newsbench as nb
from newsbench.engine import PIECE_CHARS, pieces
from newsbench.models import get_nlp
chars = int(float(sys.argv[1]) * 1e6)
rng = random.Random(1)
words = ("the minister said on Friday that the government would raise taxes and spending in "
         "Paris while John Smith of Reuters reported shares fell 3 percent after talks with "
         "officials from Berlin and the European Union").split()
out, n = [], 0
while n < chars:
    w = rng.choice(words); out.append(w); n += len(w) + 1
text = "Headline of a long text\n\n" + " ".join(out) + "."
nlp = get_nlp()
body = text.index("\n\n") + 2
parts = [text[s:e] for s, e in pieces(text, body, len(text), PIECE_CHARS)]
t = time.perf_counter(); list(nlp.pipe(parts)); spacy_s = time.perf_counter() - t
art = nb.analysis.article_from_text(text, published="2016-10-07")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    t = time.perf_counter(); nb.analyze(art, cache=False); ours = time.perf_counter() - t
print(json.dumps({"mb": chars / 1e6, "spacy": spacy_s, "newsbench": ours,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.2, 0.4])
    args = ap.parse_args(argv)
    print("| MB | spaCy (s) | newsbench (s) | newsbench / spaCy | newsbench s per MB | peak MB |")
    print("|---|---|---|---|---|---|")
    for mb in args.sizes:
        res = subprocess.run([sys.executable, "-c", _PROBE, str(mb)], capture_output=True,
                             text=True, cwd=ROOT)
        if res.returncode:
            print(res.stderr[-2000:], file=sys.stderr)
            return 1
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"| {r['mb']:.2f} | {r['spacy']:.1f} | {r['newsbench']:.1f} | "
              f"{r['newsbench'] / r['spacy']:.2f} | {r['newsbench'] / r['mb']:.0f} | "
              f"{r['peak_mb']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
