"""Tables are streamed: 20,000 rows of about 2 kB each (40 MB of text) are read with memory
far under the file's size. Each is measured in a fresh interpreter, both at once, from the
first article on (the libraries loaded, the reader open): how far the peak resident memory
rises over the memory then in use, and the peak of Arrow's memory pool (Parquet's buffers,
which are no Python objects). Reading the CSV whole would add over 100 MB."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("resource")  # the peak RSS: Unix only
pytest.importorskip("psutil")

ROWS = 20_000
CHARS = 2_000
MB = 1_000_000
#: The caps: tens of MB, where reading the table whole would take over 40 MB of text alone.
ARROW_CAP, RSS_CAP = 30 * MB, 40 * MB

MEASURE = r"""
import json, resource, sys
import psutil
import pyarrow as pa
from newsbench.load import iter_articles

arts = iter_articles(sys.argv[1])
first = next(arts)                  # the libraries are loaded, the reader is open
base = psutil.Process().memory_info().rss
n, chars = 1, len(first.text)
for art in arts:
    n += 1
    chars += len(art.text)
try:  # Linux: this process image's peak (ru_maxrss would carry the forking parent's over exec)
    with open("/proc/self/status") as f:
        peak = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
except OSError:
    scale = 1 if sys.platform == "darwin" else 1024   # ru_maxrss: bytes on macOS, KiB elsewhere
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
print(json.dumps({"n": n, "chars": chars, "arrow_peak": pa.default_memory_pool().max_memory(),
                  "rss_growth": peak - base}))
"""


def _rows():
    rnd = random.Random(11)
    vocab = ["".join(rnd.choices("abcdefghijklmnopqrstuvwxyz", k=rnd.randint(2, 9))) for _ in range(3000)]
    glue = ["the", "of", "and", "to", "said", "on", "in", "a"]
    paras = [" ".join(rnd.choice(vocab) if k % 3 else rnd.choice(glue) for k in range(200))
             for _ in range(101)]
    for i in range(ROWS):
        text = f"Row {i}: {paras[i % 101]}\n\n{paras[(i * 7 + 3) % 101]} {paras[(i * 13) % 101]}"
        yield {"id": f"s{i}", "headline": f"Story number {i}", "body": text[:CHARS].ljust(CHARS, "."),
               "date": f"2020-{i % 12 + 1:02d}-{i % 28 + 1:02d}"}


def _write_csv(path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["id", "headline", "body", "date"])
        writer.writeheader()
        writer.writerows(_rows())


def _write_parquet(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(_rows())
    table = pa.table({key: [r[key] for r in rows] for key in rows[0]})
    pq.write_table(table, path)  # one row group: the reader must not take it whole


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stream")
    paths = {"csv": folder / "big.csv", "parquet": folder / "big.parquet"}
    _write_csv(paths["csv"])
    _write_parquet(paths["parquet"])
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    procs = {kind: subprocess.Popen([sys.executable, "-c", MEASURE, str(path)], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for kind, path in paths.items()}
    out = {}
    for kind, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr
        out[kind] = {**json.loads(stdout.strip().splitlines()[-1]), "size": paths[kind].stat().st_size}
    return out


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_a_20000_row_table_is_read_with_little_memory(measured, kind):
    m = measured[kind]
    assert m["n"] == ROWS
    text_size = ROWS * CHARS
    assert m["chars"] > text_size  # every row's text (and its headline)
    assert m["arrow_peak"] < ARROW_CAP, m
    assert m["rss_growth"] < RSS_CAP, m
    assert m["rss_growth"] < text_size / 2


def test_the_csv_is_bigger_than_the_caps(measured):
    assert measured["csv"]["size"] > RSS_CAP
