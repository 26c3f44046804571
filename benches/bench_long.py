"""Benchmark: one long text in a single line (issue 17), newsbench against bare spaCy on the
same text, in the same run, at growing sizes: the ratio stays flat when the work is linear.

Run from the project folder::

    python benches/bench_long.py                     # 0.1, 0.2, 0.4 MB
    python benches/bench_long.py --sizes 0.25 0.5 1  # any sizes, in MB

For each size, in a fresh process each (so memory is the process's own):

* **spaCy**: ``nlp.pipe(pieces)`` on the text cut in newsbench's pieces, docs not kept (the
  model alone);
* **newsbench**: ``newsbench.analyze`` of the same text (cache off): parse, every layer, frames.

Reported: seconds for each, their ratio, newsbench's seconds per MB, and the peak memory of
each process (each runs in a process of its own).
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
if sys.argv[2] == "spacy":
    body = text.index("\n\n") + 2
    parts = [text[s:e] for s, e in pieces(text, body, len(text), PIECE_CHARS)]
    t = time.perf_counter()
    for doc in nlp.pipe(parts):
        pass                      # docs are not kept: the model's own cost
    took = time.perf_counter() - t
else:
    art = nb.analysis.article_from_text(text, published="2016-10-07")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter(); nb.analyze(art, cache=False); took = time.perf_counter() - t
print(json.dumps({"mb": chars / 1e6, "seconds": took,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.2, 0.4])
    args = ap.parse_args(argv)
    print("| MB | spaCy (s) | newsbench (s) | newsbench / spaCy | newsbench s per MB | "
          "newsbench peak MB | spaCy peak MB |")
    print("|---|---|---|---|---|---|---|")
    for mb in args.sizes:
        got = {}
        for mode in ("spacy", "newsbench"):
            res = subprocess.run([sys.executable, "-c", _PROBE, str(mb), mode],
                                 capture_output=True, text=True, cwd=ROOT)
            if res.returncode:
                print(res.stderr[-2000:], file=sys.stderr)
                return 1
            got[mode] = json.loads(res.stdout.strip().splitlines()[-1])
        sp, ours = got["spacy"], got["newsbench"]
        print(f"| {mb:.2f} | {sp['seconds']:.1f} | {ours['seconds']:.1f} | "
              f"{ours['seconds'] / sp['seconds']:.2f} | {ours['seconds'] / mb:.0f} | "
              f"{ours['peak_mb']} | {sp['peak_mb']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
