"""The labelled news sentences (tests/data/sentiment) with their gold score and split."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "sentiment"
#: Gold sentence label from the mean of the two raters' scores (steps of 0.125).
GOLD_THRESHOLD = 0.1


def labelled() -> pd.DataFrame:
    """Columns ``id, text, rating_a, rating_b, gold, gold_label, phenomenon, split``; the split
    is ``dev`` for even ids (rules and the threshold were chosen looking only at these) and
    ``held-out`` for odd ids."""
    a = pd.read_csv(DATA / "news_sentences.csv")
    b = pd.read_csv(DATA / "second_rater.csv")
    d = a.rename(columns={"rating": "rating_a"}).merge(
        b[["id", "rating"]].rename(columns={"rating": "rating_b"}), on="id", validate="1:1")
    d["gold"] = (d["rating_a"] + d["rating_b"]) / 2
    d["gold_label"] = ["pos" if g > GOLD_THRESHOLD else "neg" if g < -GOLD_THRESHOLD else "neu"
                       for g in d["gold"]]
    d["split"] = ["dev" if int(i[1:]) % 2 == 0 else "held-out" for i in d["id"]]
    return d
