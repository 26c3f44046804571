"""Sentence sentiment against the labelled news sentences: newsbench's "news" method beside plain
VADER, measured in the same run on the same sentences.

Run:  .venv/bin/python benches/bench_sentiment.py  [--write benches/results/sentiment.md]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentiment_data import labelled  # noqa: E402

from newsbench.evaluation import macro_f1, pearson  # noqa: E402
from newsbench.sentiment import POLARITY_THRESHOLD, polarity, score_texts  # noqa: E402


def run() -> str:
    d = labelled()
    for method in ("vader", "news"):
        d[method] = score_texts(d["text"].tolist(), method=method)["sentiment"].to_numpy()
    lines = ["| method | split | n | Pearson r | macro F1 (±0.05) | macro F1 (±%.2f) |" % POLARITY_THRESHOLD,
             "|---|---|---|---|---|---|"]
    for split in ("dev", "held-out", "all"):
        part = d if split == "all" else d[d["split"] == split]
        for method in ("vader", "news"):
            r = pearson(part[method].tolist(), part["gold"].tolist())
            f_a = macro_f1(part["gold_label"].tolist(), polarity(part[method], threshold=0.05).tolist())
            f_b = macro_f1(part["gold_label"].tolist(),
                           polarity(part[method], threshold=POLARITY_THRESHOLD).tolist())
            lines.append(f"| {method} | {split} | {len(part)} | {r:.3f} | {f_a:.3f} | {f_b:.3f} |")
    inter = pearson(d["rating_a"].tolist(), d["rating_b"].tolist())
    lines.append("")
    lines.append(f"Agreement of the two raters (Pearson r): {inter:.3f}.")
    lines.append("")
    lines.append("Per phenomenon (all 300 sentences, Pearson r):")
    lines.append("")
    lines.append("| phenomenon | n | vader | news |")
    lines.append("|---|---|---|---|")
    for ph, part in d.groupby("phenomenon"):
        if part["gold"].nunique() < 2:
            continue
        lines.append(f"| {ph} | {len(part)} | {pearson(part['vader'].tolist(), part['gold'].tolist()):.3f} "
                     f"| {pearson(part['news'].tolist(), part['gold'].tolist()):.3f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write", type=Path, help="also write the table to this Markdown file")
    args = ap.parse_args()
    table = run()
    print(table)
    if args.write:
        args.write.write_text("# Sentence sentiment: news method vs VADER\n\n"
                              "Command: `.venv/bin/python benches/bench_sentiment.py --write "
                              "benches/results/sentiment.md`\n\n" + table + "\n")


if __name__ == "__main__":
    main()
