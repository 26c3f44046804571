"""Sentiment: sentence scores, paragraph and article scores built from them, sentiment toward
entities, and NRC emotion counts.

Methods (``method=``):

- ``"news"`` (default): VADER through NLTK with changes for news prose, each measured on
  ``tests/data/sentiment`` (see ``benches/README.md``): a news lexicon
  (``data/news_lexicon.tsv``: airstrike, casualties, famine, layoffs, plunge, ceasefire,
  breakthrough ...) added where VADER's social-media lexicon has no entry, a few words whose news
  sense is neutral silenced (interest rates, shares, a party); capitalised words inside a
  sentence read as names (the United States, the Security Council); and "no" read as a
  negator (as in "no one was hurt") instead of as a negative word.
- ``"vader"``: plain VADER, as NLTK ships it.

Paragraph and article scores are means of sentence scores, so they stay in -1..1 and do not
saturate as a compound score of a long text does.

This module is the scoring the layers use; the line per article and the table of extremes are
views (:mod:`newsbench.views.sentiment`).
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from .errors import ParameterError
from .models import get_nrc_lexicon, get_vader
from .schema import EMOTIONS

METHODS = ("news", "vader")
DEFAULT_METHOD = "news"
#: |score| at or above which a sentence counts as positive or negative (chosen on the
#: development half of the labelled set; see benches/README.md).
POLARITY_THRESHOLD = 0.2


def check_method(method: str) -> str:
    if method not in METHODS:
        raise ParameterError(f"method: '{method}' is not a sentiment method; use one of {', '.join(METHODS)}")
    return method


def _inflections(word: str) -> set[str]:
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] in "bdgmnpt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def news_lexicon() -> dict[str, float]:
    """The news lexicon with its inflected forms: word -> valence on VADER's -4..4 scale
    (the ``neutral`` domain's words are set to 0 over VADER's own entry)."""
    out: dict[str, float] = {}
    raw = resources.files("newsbench").joinpath("data/news_lexicon.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, word, valence = line.split("\t")
        forms = {word, word + "s", word + "ies"} if domain == "neutral" else _inflections(word.lower())
        for form in forms:
            out.setdefault(form, float(valence))
    return out


def _news_overrides() -> set[str]:
    raw = resources.files("newsbench").joinpath("data/news_lexicon.tsv").read_text(encoding="utf-8")
    words = {ln.split("\t")[1] for ln in raw.splitlines() if ln.startswith("neutral\t")}
    return {f for w in words for f in (w, w + "s")}


class NewsAnalyzer:
    """Mixin for NLTK's ``SentimentIntensityAnalyzer``: a capitalised lexicon word inside a
    sentence that is not in title case is part of a name ("the United States", "the Security
    Council", "the Freedom Party") and carries no sentiment."""

    def sentiment_valence(self, valence, sentitext, item, i, sentiments):
        words = sentitext.words_and_emoticons
        if (i > 0 and item[:1].isupper() and not item.isupper() and item.lower() in self.lexicon
                and sum(w[:1].isupper() for w in words) < 0.5 * len(words)):
            sentiments.append(0.0)
            return sentiments
        return super().sentiment_valence(valence, sentitext, item, i, sentiments)


@lru_cache(maxsize=1)
def get_news_vader():
    """VADER with the news lexicon (added where VADER has no entry; its ``neutral`` words
    silenced), "no" as a negator, and capitalised words inside a sentence read as names."""
    base = get_vader()
    cls = type("NewsSentimentIntensityAnalyzer", (NewsAnalyzer, type(base)), {})
    sia = cls.__new__(cls)
    sia.__dict__.update(base.__dict__)
    news = news_lexicon()
    overrides = _news_overrides()
    sia.lexicon = {**news, **base.lexicon, **{w: news[w] for w in overrides if w in news}}
    sia.lexicon = {w: v for w, v in sia.lexicon.items() if v != 0.0}
    sia.lexicon.pop("no", None)
    sia.constants = copy.copy(base.constants)
    sia.constants.NEGATE = set(base.constants.NEGATE) | {"no"}
    return sia


def analyzer(method: str = DEFAULT_METHOD):
    """The scorer behind ``method`` (an NLTK ``SentimentIntensityAnalyzer``)."""
    return get_news_vader() if check_method(method) == "news" else get_vader()


def score_rows(texts: list[str], *, method: str = DEFAULT_METHOD) -> list[tuple[float, float, float, float]]:
    """``(sentiment, pos, neg, neu)`` for each text: the score in -1..1 and the proportions."""
    sia = analyzer(method)
    out = []
    for t in texts:
        s = sia.polarity_scores(t)
        out.append((s["compound"], s["pos"], s["neg"], s["neu"]))
    return out


def score_texts(texts: list[str], *, method: str = DEFAULT_METHOD) -> pd.DataFrame:
    """Score each text.

    Returns:
        Frame with ``sentiment`` (-1..1), ``pos``, ``neg``, ``neu`` (proportions), one row per text.
    """
    return pd.DataFrame(score_rows(texts, method=method), columns=["sentiment", "pos", "neg", "neu"],
                        dtype="float64")


def score(text: str, *, method: str = DEFAULT_METHOD) -> float:
    """One text's score in -1..1."""
    return float(analyzer(method).polarity_scores(text)["compound"])


def polarity(scores, *, threshold: float = POLARITY_THRESHOLD):
    """Scores to labels ``neg`` / ``neu`` / ``pos``."""
    s = pd.Series(scores, dtype="float64")
    return pd.Series(["pos" if v >= threshold else "neg" if v <= -threshold else "neu" for v in s],
                     index=s.index, dtype="string")


def aggregate(sentences: pd.DataFrame, by) -> pd.Series:
    """Mean sentence score per group (``para_id``, ``["article_id", "para_id"]`` ...): stays in
    -1..1 and never saturates, unlike a compound score of the whole text."""
    return sentences.groupby(by, observed=True)["sentiment"].mean()


def article_scores(sentences) -> dict[str, float]:
    """The article's score (mean over body sentences, or all when there is no body) and the
    shares of positive and negative sentences.

    Args:
        sentences: one article's sentences: a frame, or rows with ``role`` and ``sentiment``.
    """
    rows = sentences.to_dict("records") if isinstance(sentences, pd.DataFrame) else sentences
    body = [r["sentiment"] for r in rows if r["role"] == "body"]
    use = np.asarray(body or [r["sentiment"] for r in rows], dtype="float64")
    if not len(use):
        return {"sentiment": float("nan"), "share_negative": float("nan"), "share_positive": float("nan")}
    # numpy's sum divided by the count: what pandas' Series.mean computes, to the last bit
    return {"sentiment": float(use.sum() / len(use)),
            "share_negative": float((use <= -POLARITY_THRESHOLD).sum() / len(use)),
            "share_positive": float((use >= POLARITY_THRESHOLD).sum() / len(use))}


def entity_sentiment(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentiment toward each canonical entity: mean and spread of the sentences mentioning it.

    A sentence that mentions an entity twice counts once for it.

    Args:
        mentions: frame with ``article_id``, ``sent_id``, ``entity``.
        sentences: frame with ``article_id``, ``sent_id``, ``sentiment``.

    Returns:
        Frame ``article_id, entity, sentiment, sentiment_std, n_sentences`` (``sentiment_std`` is
        0.0 for an entity seen in one sentence).
    """
    cols = ["article_id", "entity", "sentiment", "sentiment_std", "n_sentences"]
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c.startswith("sent") else "object")
                             for c in cols}).astype({"n_sentences": "int64"})
    pairs = mentions[["article_id", "sent_id", "entity"]].drop_duplicates()
    joined = pairs.merge(sentences[["article_id", "sent_id", "sentiment"]], on=["article_id", "sent_id"])
    grouped = joined.groupby(["article_id", "entity"], observed=True)["sentiment"]
    out = grouped.agg(sentiment="mean", sentiment_std=lambda s: float(s.std(ddof=0)),
                      n_sentences="size").reset_index()
    return out[cols]


# --- emotions ----------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def _nrc_lookup(word: str, lexicon: dict) -> list[str]:
    w = word.lower().replace("’", "'")
    if w in lexicon:
        return lexicon[w]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("'s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: len(w) - len(suffix)] + repl
            if base in lexicon:
                return lexicon[base]
    return []


def emotion_counts(text: str) -> dict[str, int]:
    """NRC emotion word counts in ``text`` (anger, fear, trust ...; negation is not handled)."""
    lexicon = get_nrc_lexicon()
    counts = dict.fromkeys(EMOTIONS, 0)
    for m in _WORD.finditer(text):
        for emo in _nrc_lookup(m.group(), lexicon):
            if emo in counts:
                counts[emo] += 1
    return counts


def emotion_rows(sentences: list[dict]) -> list[dict]:
    """One row per sentence (rows with ``article_id``, ``start``, ``end``, ``sent_id``,
    ``text``): its offsets and its NRC emotion counts."""
    return [{"article_id": r["article_id"], "start": r["start"], "end": r["end"],
             "sent_id": r["sent_id"], **emotion_counts(r["text"])} for r in sentences]


def emotions_frame(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: its offsets and its NRC emotion counts."""
    cols = ["article_id", "start", "end", "sent_id", *EMOTIONS]
    return pd.DataFrame(emotion_rows(sentences.to_dict("records")), columns=cols)
