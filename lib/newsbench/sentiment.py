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

import bisect
import copy
import math
import re
import string
from dataclasses import dataclass
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


@dataclass(frozen=True)
class NewsSenses:
    """The context rules of ``data/news_senses.tsv`` (see the file's header)."""

    moves: dict[str, float]       # movement word -> signed strength (negative = down)
    turns: dict[str, float]       # edged/inched ... -> strength; the direction is the next word
    objects: frozenset[str]       # movement verbs whose object is what moves (shed, cut)
    subjects: dict[str, str]      # word -> "good" | "bad" | "level"
    heads: frozenset[str]         # measure nouns that take the sense of the word before them
    units: frozenset[str]         # price units (sen, cents, points)
    degrees: dict[str, float]     # sharply -> 1.3 ...
    harm: dict[str, float]        # casualty word -> valence
    words: dict[str, float]       # other words -> valence
    npis: frozenset[str]
    negators: frozenset[str]
    boundaries: frozenset[str]


@lru_cache(maxsize=1)
def news_senses() -> NewsSenses:
    """The news senses table (``data/news_senses.tsv``), read once."""
    raw = resources.files("newsbench").joinpath("data/news_senses.tsv").read_text(encoding="utf-8")
    rows: dict[str, dict[str, float | None]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, *value = line.split("\t")
        rows.setdefault(kind, {})[word.lower()] = float(value[0]) if value else None
    moves: dict[str, float] = {}
    for word, v in rows.get("move", {}).items():
        for form in _inflections(word):
            moves.setdefault(form, v)
    turns = {f: v for w, v in rows.get("turn", {}).items() for f in _inflections(w)}
    objects = frozenset(f for w in rows.get("object", {}) for f in _inflections(w))
    subjects = {w: kind for kind in ("level", "bad", "good") for w in rows.get(kind, {})}
    return NewsSenses(
        moves=moves, turns=turns, objects=objects, subjects=subjects, heads=frozenset(rows.get("head", {})),
        units=frozenset(rows.get("unit", {})), degrees=dict(rows.get("degree", {})),
        harm=dict(rows.get("harm", {})), words=dict(rows.get("word", {})),
        npis=frozenset(rows.get("npi", {})), negators=frozenset(rows.get("negator", {})),
        boundaries=frozenset(rows.get("boundary", {})))


#: Punctuation stripped from the ends of a token (VADER strips one ASCII mark only, so a word
#: in scare quotes, 'fraudulent' or “fraudulent”, was no word to it).
_STRIP = string.punctuation + "“”‘’«»‹›–—…"
#: Marks that end a clause when they close (or open) a token.
_CLAUSE_MARKS = frozenset(",;:()[]–—")
_NUMBER = re.compile(r"^[$€£¥]?\d[\d,.]*%?$")
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions dozen dozens scores".split())
#: Words skipped when looking past a movement for what moved ("a 3 percent rise in prices").
_SKIP_AFTER = frozenset(
    "a an the its their his her some about nearly almost around over more than by to in of "
    "percent per cent pct".split())
#: Words between a movement and the figure measuring it ("rose by about 3 percent").
_BEFORE_FIGURE = frozenset("by of to about nearly almost around some over more than".split())
#: Words before a movement word that make it a noun ("a fall", "the rise", "a 3 percent rise").
_NOUN_CUES = frozenset("a an the its their this that percent sharp steep slight modest big small "
                       "further record".split())
_AUXILIARIES = frozenset(
    "will would did does do has have had is was were are be been can could should shall may "
    "might must".split())
#: Quantifiers that negate the predicate of the clause they open ("None of them were hurt").
_NEGATIVE_SUBJECTS = frozenset(("none", "no", "neither", "nobody", "nothing", "no-one"))
_INVERTING = frozenset(("nor", "neither"))


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word in _NUMBER_WORDS


class NewsText:
    """One sentence as the news scorer reads it: VADER's tokens (words longer than one
    character) with surrounding punctuation stripped, where the clauses end, and the valences
    that context gives some words (:func:`movement_valences`)."""

    __slots__ = ("text", "words_and_emoticons", "lower", "clause_start", "is_cap_diff", "overrides")

    def __init__(self, text: str, senses: NewsSenses, lexicon: dict):
        self.text = text
        words, lower, starts = [], [], []
        start = 0
        for raw in text.split():
            word = raw.strip(_STRIP)
            if len(raw) > 1 and word:
                word = word.replace("’", "'")
                low = word.lower()
                if raw[0] in _CLAUSE_MARKS:
                    start = len(words)
                if low in senses.boundaries:
                    start = len(words) + 1
                words.append(word)
                lower.append(low)
                starts.append(start)
            if raw[-1] in _CLAUSE_MARKS or raw in ("-", "--"):
                start = len(words)
        self.words_and_emoticons = words
        self.lower = lower
        self.clause_start = starts          # index of the first word of each word's clause
        allcaps = sum(w.isupper() for w in words)
        self.is_cap_diff = 0 < len(words) - allcaps < len(words)
        self.overrides = movement_valences(self, senses, lexicon)


def _moved(st: NewsText, i: int, senses: NewsSenses) -> tuple[str | None, int | None]:
    """What the movement word ``i`` is about: ``(sense, index)``, the sense ``good``, ``bad``,
    ``level`` or ``market`` (a price unit follows: "eased 10 sen"), or ``(None, None)``.

    A noun ("a fall in unemployment", "a 3 percent rise in prices") and a verb whose object is
    what moves ("shed 1,200 jobs", "cut taxes") look ahead first; other verbs look back through
    their clause for the subject ("share prices dipped"), then ahead."""
    low = st.lower
    prev = low[i - 1] if i > 0 else ""
    ahead = _ahead(st, i, senses)
    if ahead[0] and (low[i] in senses.objects or prev in _NOUN_CUES or _is_number(prev)):
        return ahead
    subjects = senses.subjects
    for j in range(i - 1, max(st.clause_start[i], i - 8) - 1, -1):
        if low[j] in subjects:
            return _with_modifier(low, j, senses)
    return ahead


def _ahead(st: NewsText, i: int, senses: NewsSenses) -> tuple[str | None, int | None]:
    """The first thing the table knows after movement word ``i``, past figures, articles and
    prepositions ("rose 3 percent in exports"), within its clause."""
    low = st.lower
    for j in range(i + 1, min(i + 6, len(low))):
        if st.clause_start[j] > i:
            break
        w = low[j]
        if w in senses.subjects:
            return _with_modifier(low, j, senses)
        if w in senses.units:
            return "market", None
        if not (_is_number(w) or w in _SKIP_AFTER):
            break
    return None, None


def _with_modifier(low: list[str], j: int, senses: NewsSenses) -> tuple[str, int]:
    """The sense of the noun at ``j``, or of the good/bad word before it when it is a measure
    noun ("unemployment rate", "share prices", "death toll")."""
    if low[j] in senses.heads and j > 0 and senses.subjects.get(low[j - 1]) in ("good", "bad"):
        return senses.subjects[low[j - 1]], j - 1
    return senses.subjects[low[j]], j


def movement_valences(st: NewsText, senses: NewsSenses, lexicon: dict) -> dict[int, float]:
    """Valences that context gives in one sentence: index -> valence (0 silences a word).

    A movement word takes its valence from what moves: a good thing (shares, profit, exports,
    a currency) going up is good news and going down bad news, a bad thing (unemployment,
    inflation, deaths, consumer prices, tensions) the reverse, a level (yields, rates,
    turnout) neither. What moves gives up its own valence to the movement, which weighs at
    least as much ("unemployment fell" is good news; "the deficit widened" bad news once, not
    twice); a casualty word keeps its own ("the death toll rose").
    A movement of something the table does not know keeps its plain sense ("the wall fell",
    "fell ill"), except when a figure measures it: then it is a neutral quantity ("an increase of 2.1
    percent"). A capitalised movement word inside a sentence not in title case is a name.
    """
    low = st.lower
    out: dict[int, float] = {}
    title_case = sum(w[:1].isupper() for w in st.words_and_emoticons) >= 0.5 * len(low)
    for i, w in enumerate(low):
        strength = senses.moves.get(w)
        if strength is None and w in senses.turns and i + 1 < len(low):
            nxt = low[i + 1]
            if nxt in ("up", "higher"):
                strength = senses.turns[w]
            elif nxt in ("down", "lower"):
                strength = -senses.turns[w]
        if strength is None:
            continue
        if i > 0 and not title_case and st.words_and_emoticons[i][:1].isupper():
            continue
        sense, j = _moved(st, i, senses)
        if sense is None:
            if _measured(low, i):
                out[i] = 0.0
            continue
        if sense == "level":
            out[i] = 0.0
            continue
        own = lexicon.get(low[j], 0.0) if j is not None and j not in out else 0.0
        if own and low[j] not in senses.harm:
            # the news is the movement of the thing, not the thing: "unemployment fell" is
            # good news, "the deficit widened" bad news once, not twice
            out[j] = 0.0
            strength = math.copysign(max(abs(strength), abs(own)), strength)
        v = strength if sense in ("good", "market") else -strength
        for k in (i - 1, i + 1, i + 2):
            if 0 <= k < len(low) and low[k] in senses.degrees:
                v *= senses.degrees[low[k]]
                break
        out[i] = v
    return out


def _measured(low: list[str], i: int) -> bool:
    """Whether the movement word ``i`` is measured by a figure ("an increase of 2.1 percent",
    "rose 12 points", "0.2 percent higher"): then it reports a quantity, not an event."""
    for j in range(i + 1, min(i + 4, len(low))):
        if _is_number(low[j]):
            return True
        if low[j] not in _BEFORE_FIGURE:
            break
    return i > 0 and (low[i - 1] in ("percent", "pct", "points") or _is_number(low[i - 1]))


class NewsAnalyzer:
    """Mixin for NLTK's ``SentimentIntensityAnalyzer`` reading news copy.

    - Tokens lose all surrounding punctuation (quotation marks, brackets, curly quotes), so a
      word in scare quotes keeps its polarity.
    - A capitalised lexicon word inside a sentence that is not in title case is part of a name
      ("the United States", "the Security Council", "the Freedom Party") and carries no
      sentiment.
    - Movement words take their valence from what moves (:func:`movement_valences`).
    - A casualty word next to a count weighs more ("killed 31", "201 people injured").
    - A negator reaches beyond VADER's three words within its clause when a negative-polarity
      word carries it ("nor will it pose any threat"), when the clause opens with a negative
      inversion ("Nor will it ...") or with a negative subject ("None of the 38 hostages were
      harmed": the predicate is negated, not the subject).
    """

    def polarity_scores(self, text):
        st = NewsText(text if isinstance(text, str) else str(text), self.senses, self.lexicon)
        boosters = self.constants.BOOSTER_DICT
        words, lower = st.words_and_emoticons, st.lower
        sentiments: list[float] = []
        for i, item in enumerate(words):
            if lower[i] in boosters or (lower[i] == "kind" and i + 1 < len(words) and lower[i + 1] == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, st, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def sentiment_valence(self, valence, sentitext, item, i, sentiments):
        words = sentitext.words_and_emoticons
        low = item.lower()
        overrides = getattr(sentitext, "overrides", {})
        if i in overrides:
            valence = overrides[i]
        elif low in self.lexicon:
            if (i > 0 and item[:1].isupper() and not item.isupper()
                    and sum(w[:1].isupper() for w in words) < 0.5 * len(words)):
                sentiments.append(0.0)
                return sentiments
            valence = self.lexicon[low]
        else:
            sentiments.append(0)
            return sentiments
        if valence:
            valence = self._in_context(valence, sentitext, item, i)
        sentiments.append(valence)
        return sentiments

    def _in_context(self, valence, sentitext, item, i):
        """VADER's modifiers (capitals, boosters, "never", idioms, "least"), then the news
        rules: negation beyond the three-word window, and casualty counts."""
        c = self.constants
        words = sentitext.words_and_emoticons
        if item.isupper() and sentitext.is_cap_diff:
            valence += c.C_INCR if valence > 0 else -c.C_INCR
        for start_i in range(3):
            if i > start_i and words[i - (start_i + 1)].lower() not in self.lexicon:
                s = c.scalar_inc_dec(words[i - (start_i + 1)], valence, sentitext.is_cap_diff)
                if start_i == 1 and s != 0:
                    s *= 0.95
                if start_i == 2 and s != 0:
                    s *= 0.9
                valence = self._never_check(valence + s, words, start_i, i)
                if start_i == 2:
                    valence = self._idioms_check(valence, words, i)
        valence = self._least_check(valence, words, i)
        lower = getattr(sentitext, "lower", None)
        if lower is None:
            return valence
        if not any(c.negated([w]) for w in words[max(0, i - 3):i]) and self._far_negation(sentitext, i):
            valence *= c.N_SCALAR
        if lower[i] in self.senses.harm and valence < 0:
            near = lower[max(0, i - 4):i] + lower[i + 1:i + 3]
            if any(_is_number(w) for w in near):
                valence *= HARM_COUNT_FACTOR
        return valence

    def _far_negation(self, st, i) -> bool:
        lower, start = st.lower, st.clause_start[i]
        if i - start < 4:
            return False
        negated = self.constants.negated
        first = lower[start]
        if first in _INVERTING and start + 1 < i and lower[start + 1] in _AUXILIARIES:
            return True
        if first in _NEGATIVE_SUBJECTS:
            aux = next((k for k in range(start + 1, min(i, start + 7)) if lower[k] in _AUXILIARIES), None)
            if aux is not None and 0 < i - aux <= 3:
                return True
        if lower[i - 1] in self.senses.npis or (i > 1 and lower[i - 2] in self.senses.npis):
            return any(negated([w]) for w in st.words_and_emoticons[max(start, i - 8):i - 1])
        return False


#: How much a casualty word weighs more beside a count ("killed 31"): a count of victims makes
#: the report one of mass harm (the raters' -1), beyond the word alone.
HARM_COUNT_FACTOR = 1.25


@lru_cache(maxsize=1)
def get_news_vader():
    """VADER for news copy (:class:`NewsAnalyzer`): the news lexicon (added where VADER has no
    entry; its ``neutral`` words silenced), the news senses (casualty words and a few words over
    VADER's), "no" and the table's negators as negators, and none of VADER's slang idioms ("the
    bomb" is no praise in news)."""
    base = get_vader()
    cls = type("NewsSentimentIntensityAnalyzer", (NewsAnalyzer, type(base)), {})
    sia = cls.__new__(cls)
    sia.__dict__.update(base.__dict__)
    news = news_lexicon()
    senses = news_senses()
    overrides = _news_overrides()
    sia.lexicon = {**news, **base.lexicon, **{w: news[w] for w in overrides if w in news},
                   **senses.harm, **senses.words}
    sia.lexicon = {w: v for w, v in sia.lexicon.items() if v != 0.0}
    sia.lexicon.pop("no", None)
    sia.senses = senses
    sia.constants = copy.copy(base.constants)
    sia.constants.NEGATE = set(base.constants.NEGATE) | {"no"} | set(senses.negators)
    sia.constants.SPECIAL_CASE_IDIOMS = {k: v for k, v in base.constants.SPECIAL_CASE_IDIOMS.items()
                                         if k not in ("the shit", "the bomb", "bad ass")}
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

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?")
#: Negators that keep the next words from counting as emotion words ("no fear", "not happy").
EMOTION_NEGATORS = frozenset(("not", "n't", "n’t", "no", "never", "without", "nor", "neither",
                              "none", "nobody", "nothing", "cannot"))
#: How many words before an emotion word a negator reaches.
EMOTION_NEGATION_WINDOW = 3
EMOTION_COLUMNS = (*EMOTIONS, "words")


@lru_cache(maxsize=1)
def emotion_neutral() -> frozenset[str]:
    """Lemmas NRC gives an emotion that in news only name who acts ("council", "police",
    "president": ``data/emotion_neutral.txt``); they are not counted."""
    text = resources.files("newsbench").joinpath("data/emotion_neutral.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines()
                     if w.strip() and not w.lstrip().startswith("#"))


def _nrc_fallback(word: str, lexicon: dict) -> list[str]:
    """The NRC entry of a surface form without a parse: the word itself, or the singular of a
    plural (-ies -> -y, -s); no verb endings are guessed ("rates" is not "rat", "passed" not
    "passe")."""
    forms = [word]
    if len(word) > 4 and word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    neutral = emotion_neutral()
    for form in forms:
        if form in neutral:
            return []
        if form in lexicon:
            return lexicon[form]
    return []


def _count(counts: dict, emotions: list[str]) -> None:
    for emo in emotions:
        if emo in counts:
            counts[emo] += 1


def emotion_counts(text: str) -> dict[str, int]:
    """NRC emotion word counts in ``text`` without a parse, and its number of words (``words``).

    The fallback for callers that have only the text; the pipeline counts from the parse
    (:func:`emotion_rows` with ``docs``: lemmas, no stop words or names). Here a word counts by
    its surface form or the singular of a plural, and not after a negator ("no fear"); stop words
    and names are not recognised, so the counts run a little higher.
    """
    lexicon = get_nrc_lexicon()
    counts = dict.fromkeys(EMOTION_COLUMNS, 0)
    words = [m.group().lower().replace("’", "'") for m in _WORD.finditer(text)]
    counts["words"] = len(words)
    last_negator = -EMOTION_NEGATION_WINDOW - 1
    for i, w in enumerate(words):
        if w in EMOTION_NEGATORS or w.endswith("n't"):
            last_negator = i
        elif i - last_negator > EMOTION_NEGATION_WINDOW:
            _count(counts, _nrc_fallback(w, lexicon))
    return counts


def _is_word(tok) -> bool:
    return not (tok.is_punct or tok.is_space) and tok.text[:1].isalnum()


def token_emotions(tokens, lexicon: dict | None = None) -> dict[str, int]:
    """NRC emotion counts of one sentence's spaCy tokens, and its number of words.

    A token counts by its lemma (lowercased; its surface form when NRC lacks the lemma: "died"
    is "die", "struck" "strike", "rates" "rate"), unless it is a stop word, a proper noun (a
    town called Hope, a Mr Young), a word that only names who acts (:func:`emotion_neutral`)
    or a negator stands within the three words before it.
    """
    lexicon = get_nrc_lexicon() if lexicon is None else lexicon
    neutral = emotion_neutral()
    counts = dict.fromkeys(EMOTION_COLUMNS, 0)
    last_negator = -EMOTION_NEGATION_WINDOW - 1
    n = 0
    for tok in tokens:
        if not _is_word(tok):
            continue
        n += 1
        low = tok.lower_
        if low in EMOTION_NEGATORS or tok.dep_ == "neg":
            last_negator = n
            continue
        if tok.is_stop or tok.pos_ == "PROPN" or n - last_negator <= EMOTION_NEGATION_WINDOW:
            continue
        lemma = tok.lemma_.lower()
        if lemma in neutral or low in neutral:
            continue
        emotions = lexicon.get(lemma) or lexicon.get(low)
        if emotions:
            _count(counts, emotions)
    counts["words"] = n
    return counts


def emotion_rows(sentences: list[dict], *, docs=None) -> list[dict]:
    """One row per sentence (rows with ``article_id``, ``start``, ``end``, ``sent_id``,
    ``text``): its offsets, its NRC emotion counts and its number of words (``words``).

    Args:
        sentences: the article's sentence rows, in text order.
        docs: ``(doc, offset)`` pairs of the article's parse (``(para_id, doc, offset)`` as
            :meth:`Context.docs` gives them also works); counts come from the tokens' lemmas
            (:func:`token_emotions`). Without it each sentence's text is read on its own
            (:func:`emotion_counts`, the fallback).
    """
    def row(r, counts):
        return {"article_id": r["article_id"], "start": r["start"], "end": r["end"],
                "sent_id": r["sent_id"], **counts}

    if docs is None:
        return [row(r, emotion_counts(r["text"])) for r in sentences]
    lexicon = get_nrc_lexicon()
    order = sorted(range(len(sentences)), key=lambda k: sentences[k]["start"])
    buckets: list[list] = [[] for _ in sentences]
    starts = [sentences[k]["start"] for k in order]
    for piece in docs:
        doc, offset = piece[-2], piece[-1]
        for tok in doc:
            pos = offset + tok.idx
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and pos < sentences[order[k]]["end"]:
                buckets[order[k]].append(tok)
    return [row(r, token_emotions(b, lexicon)) for r, b in zip(sentences, buckets)]


def emotions_frame(sentences: pd.DataFrame, *, docs=None) -> pd.DataFrame:
    """One row per sentence: its offsets, its NRC emotion counts and ``words`` (see
    :func:`emotion_rows`)."""
    cols = ["article_id", "start", "end", "sent_id", *EMOTION_COLUMNS]
    return pd.DataFrame(emotion_rows(sentences.to_dict("records"), docs=docs), columns=cols)
