"""Sentence sentiment against the labelled news sentences: newsbench's "news" method beside plain
VADER, measured in the same run on the same sentences, with the cost per sentence.

Run:  .venv/bin/python benches/bench_sentiment.py  [--write benches/results/sentiment.md]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentiment_data import labelled, wire  # noqa: E402

from newsbench import sentiment  # noqa: E402
from newsbench.evaluation import macro_f1, pearson  # noqa: E402
from newsbench.sentiment import POLARITY_THRESHOLD, polarity, score_texts  # noqa: E402

METHODS = ("vader", "news")
#: Text features, found in the text (not the tag), for rows of their own.
_CASUALTY = re.compile(r"\b(?:kill|dead|die[ds]?\b|death|injur|wound|bomb|casualt|fatalit|toll\b)", re.I)
_QUOTE = re.compile(r"[\"“”]|(?<!\w)['‘]\w|\w['’](?!\w)")
_NEGATOR = re.compile(r"\b(?:not|no|never|none|nor|neither|nobody|without|n't)\b", re.I)


def _movement(text: str) -> bool:
    moves = sentiment.news_senses().moves
    return any(w.strip(".,;:\"'“”()").lower() in moves for w in text.split())


def _r(part, method) -> str:
    if len(part) < 3 or part["gold"].nunique() < 2:
        return "-"
    return f"{pearson(part[method].tolist(), part['gold'].tolist()):.3f}"


def _speed(texts: list[str]) -> list[str]:
    """Microseconds per sentence: each method's scoring, and the emotion counts (from the
    parse, the parse itself not timed; and the text fallback). Best of five rounds."""
    def best(fn, n=5):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times) / len(texts) * 1e6

    from newsbench.models import get_nlp

    docs = list(get_nlp().pipe(texts))
    lex = sentiment.get_nrc_lexicon()
    lines = ["| step | µs per sentence |", "|---|---|"]
    for method in METHODS:
        sentiment.score_rows(texts[:3], method=method)
        lines.append(f"| score, {method} | {best(lambda m=method: sentiment.score_rows(texts, method=m)):.0f} |")
    lines.append(f"| emotions from the parse | {best(lambda: [sentiment.token_emotions(d, lex) for d in docs]):.0f} |")
    lines.append(f"| emotions from the text (fallback) | {best(lambda: [sentiment.emotion_counts(t) for t in texts]):.0f} |")
    return lines


def _figures(part, method: str) -> str:
    """Pearson r against the gold, and macro F1 at the ±0.05 and the polarity threshold."""
    r = pearson(part[method].tolist(), part["gold"].tolist())
    f_a = macro_f1(part["gold_label"].tolist(), polarity(part[method], threshold=0.05).tolist())
    f_b = macro_f1(part["gold_label"].tolist(),
                   polarity(part[method], threshold=POLARITY_THRESHOLD).tolist())
    return f"{r:.3f} | {f_a:.3f} | {f_b:.3f}"


def _wire_rows() -> list[str]:
    """The blind wire set (issue 15): overall and per phenomenon, both methods."""
    w = wire()
    if w is None:
        return []
    for method in METHODS:
        w[method] = score_texts(w["text"].tolist(), method=method)["sentiment"].to_numpy()
    lines = ["", "The wire-copy set written blind to the rules (`tests/data/sentiment/wire15.csv`, "
             "two raters; never used to tune):", "",
             "| method | n | Pearson r | macro F1 (±0.05) | macro F1 (±%.2f) |" % POLARITY_THRESHOLD,
             "|---|---|---|---|---|"]
    for method in METHODS:
        lines.append(f"| {method} | {len(w)} | {_figures(w, method)} |")
    inter = pearson(w["rating_a"].tolist(), w["rating_b"].tolist())
    lines += ["", f"Agreement of its two raters (Pearson r): {inter:.3f}.", "",
              "| wire phenomenon | n | vader | news | sign right, news (gold not neutral) |",
              "|---|---|---|---|---|"]
    for ph in sorted(w["phenomenon"].unique()):
        part = w[w["phenomenon"] == ph]
        polar = part[part["gold_label"] != "neu"]
        sign = ((polar["news"] > 0) == (polar["gold"] > 0)).mean() if len(polar) else float("nan")
        lines.append(f"| {ph} | {len(part)} | {_r(part, 'vader')} | {_r(part, 'news')} | "
                     f"{sign:.2f} |")
    return lines


def run(*, speed: bool = True) -> str:
    d = labelled()
    for method in METHODS:
        d[method] = score_texts(d["text"].tolist(), method=method)["sentiment"].to_numpy()
    lines = ["| method | split | n | Pearson r | macro F1 (±0.05) | macro F1 (±%.2f) |" % POLARITY_THRESHOLD,
             "|---|---|---|---|---|---|"]
    for split in ("dev", "held-out", "all"):
        part = d if split == "all" else d[d["split"] == split]
        for method in METHODS:
            lines.append(f"| {method} | {split} | {len(part)} | {_figures(part, method)} |")
    inter = pearson(d["rating_a"].tolist(), d["rating_b"].tolist())
    lines += ["", f"Agreement of the two raters (Pearson r): {inter:.3f}.", "",
              "Per phenomenon (the set's primary tag), then per text feature (found in the text: "
              "a market or quantity movement word of `data/news_senses.tsv`, a casualty word, "
              "quotation marks, a negator); Pearson r:", "",
              "| rows | n | vader | news | news, dev | news, held-out |", "|---|---|---|---|---|---|"]
    dev = d["split"] == "dev"
    groups = [(ph, d["phenomenon"] == ph) for ph in sorted(d["phenomenon"].unique())]
    groups += [("text: movement word", d["text"].map(_movement)),
               ("text: casualty word", d["text"].str.contains(_CASUALTY)),
               ("text: quotation marks", d["text"].str.contains(_QUOTE)),
               ("text: negator", d["text"].str.contains(_NEGATOR))]
    for name, mask in groups:
        part = d[mask]
        if part["gold"].nunique() < 2:
            continue
        lines.append(f"| {name} | {len(part)} | {_r(part, 'vader')} | {_r(part, 'news')} "
                     f"| {_r(d[mask & dev], 'news')} | {_r(d[mask & ~dev], 'news')} |")
    lines += _wire_rows()
    if speed:
        lines += ["", "Cost (this machine, all 300 sentences):", "", *_speed(d["text"].tolist())]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write", type=Path, help="also write the table to this Markdown file")
    ap.add_argument("--no-speed", action="store_true", help="skip the timing")
    args = ap.parse_args()
    table = run(speed=not args.no_speed)
    print(table)
    if args.write:
        args.write.write_text("# Sentence sentiment: news method vs VADER\n\n"
                              "Command: `.venv/bin/python benches/bench_sentiment.py --write "
                              "benches/results/sentiment.md`\n\n" + table + "\n")


if __name__ == "__main__":
    main()
