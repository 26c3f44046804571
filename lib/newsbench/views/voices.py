"""Views of the ``quotes`` frame: who is quoted, how much and how, the quotations a reader
checks, each speaker's quotes in their sentences, and the speaker explorer.

Every view takes the frames of one article or of many (a corpus): a sentence is found by
``(article_id, sent_id)``. A speaker is its text in ``speaker`` (an entity's canonical name, or
a description such as "a ministry spokeswoman"); a description is never merged with a name.
Quotations with no speaker (``speaker`` NA) are counted by :func:`source_mix` and listed by
:func:`quotes_table`, but belong to no speaker.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..schema import QUOTE_KINDS, SPEAKER_SOURCES
from .explore import _score_badge, explorer
from .frames import sentence_key, several_articles, with_article

__all__ = ["KINDS", "SOURCE_MEANINGS", "filter_kind", "quote_words", "quotes_table",
           "source_mix", "speaker_quotes_html", "speaker_table", "voices_explorer"]

#: Values of the notebook's ``kind`` parameter.
KINDS = ("all", *QUOTE_KINDS)
#: What each ``speaker_source`` means, in words (the tables and charts say it).
SOURCE_MEANINGS = {
    "named": "the speaker is named at the quotation",
    "pronoun": "a pronoun (he, she, they) resolved to a name",
    "description": "described, not named (\"a ministry spokeswoman\")",
    "none": "no speaker given",
}
KIND_MEANINGS = {
    "direct": "the words in quotation marks",
    "indirect": "reported speech, no quotation marks",
    "mixed": "reported speech holding a partial quote",
}
#: Marks of :func:`speaker_quotes_html` (light backgrounds behind black text).
QUOTE_MARK, SPEAKER_MARK, CUE_MARK = "#ffe08a", "#aec7e8", "#55a868"
#: Longest quotation in :func:`quotes_table`, in characters (the ellipsis included).
MAX_QUOTE = 160
NOT_GIVEN = "not given"
NO_SPEAKER = "no speaker given"

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def quote_words(text) -> int:
    """The words in ``text`` ("don't" is one word; punctuation is none); 0 for NA."""
    return 0 if not isinstance(text, str) else len(_WORD.findall(text))


def _kind(kind) -> str:
    if kind not in KINDS:
        raise ParameterError(f"kind: '{kind}' is not allowed; use one of {', '.join(KINDS)}")
    return kind


def filter_kind(quotes: pd.DataFrame, kind: str = "all") -> pd.DataFrame:
    """The quotations of one kind.

    Args:
        quotes: the ``quotes`` frame (one article or many).
        kind: ``all``, ``direct`` (in quotation marks), ``indirect`` (reported speech) or
            ``mixed`` (reported speech holding a partial quote).

    Returns:
        The rows of that kind (all rows for ``all``), re-indexed from 0.

    Raises:
        ParameterError: ``kind`` is not one of :data:`KINDS`.
    """
    if _kind(kind) == "all":
        return quotes.reset_index(drop=True)
    return quotes[(quotes["kind"] == kind).fillna(False).to_numpy(bool)].reset_index(drop=True)


def _min_quotes(value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ParameterError(f"min_quotes: {value!r} is not allowed; give a whole number of at "
                             "least 1")
    return int(value)


def _attributed(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotations that have a speaker, with ``words`` and ``is_description`` (the key that
    keeps "a spokesman" apart from any name)."""
    df = quotes[quotes["speaker"].notna()].copy()
    df["words"] = [quote_words(q) for q in df["quote"]]
    df["is_description"] = (df["speaker_source"].astype("string") == "description").fillna(False)
    return df


_TABLE = {"speaker": "string", "speaker_label": "string", "speaker_source": "string",
          "quotes": "int64", "words": "int64", "direct": "int64", "indirect": "int64",
          "mixed": "int64", "mean_sentiment": "float64"}


def _sources_of(values: pd.Series) -> str:
    seen = set(values.astype("string").dropna())
    return ", ".join(s for s in SPEAKER_SOURCES if s in seen)


def speaker_table(quotes: pd.DataFrame, *, min_quotes: int = 1) -> pd.DataFrame:
    """Who is quoted and how much.

    Args:
        quotes: the ``quotes`` frame (one article or many; filter it with :func:`filter_kind`
            first to count one kind).
        min_quotes: leave out speakers quoted fewer times.

    Returns:
        Frame ``speaker, speaker_label, speaker_source, quotes, words, direct, indirect, mixed,
        mean_sentiment``: one row per speaker (a description such as "a ministry spokeswoman"
        is its own speaker, ``speaker_label`` NA), most quoted first, then most words.
        ``speaker_source`` lists how the speaker was found (``named, pronoun``); ``words``
        counts the words of their quotations; ``mean_sentiment`` is the mean score of the
        quoted words. ``attrs``: ``unattributed`` (quotations with no speaker, not in the
        table), ``min_quotes``, ``left_out`` (speakers below ``min_quotes``).

    Raises:
        ParameterError: ``min_quotes`` is not a whole number of at least 1.
    """
    min_quotes = _min_quotes(min_quotes)
    unattributed = int(quotes["speaker"].isna().sum())
    df = _attributed(quotes)
    rows = []
    for (speaker, _desc), g in df.groupby(["speaker", "is_description"], sort=False):
        kinds = g["kind"].astype("string").value_counts()
        labels = g["speaker_label"].dropna()
        rows.append({"speaker": speaker,
                     "speaker_label": labels.mode().iloc[0] if len(labels) else pd.NA,
                     "speaker_source": _sources_of(g["speaker_source"]),
                     "quotes": len(g), "words": int(g["words"].sum()),
                     **{k: int(kinds.get(k, 0)) for k in QUOTE_KINDS},
                     "mean_sentiment": g["sentiment"].mean()})
    out = pd.DataFrame(rows, columns=list(_TABLE))
    kept = out[out["quotes"] >= min_quotes]
    kept = kept.sort_values(["quotes", "words", "speaker"], ascending=[False, False, True])
    kept = kept.reset_index(drop=True).astype(_TABLE)
    kept.attrs.update(unattributed=unattributed, min_quotes=min_quotes,
                      left_out=len(out) - len(kept))
    return kept


def source_mix(quotes: pd.DataFrame) -> pd.DataFrame:
    """How the quotations are given (direct, indirect, mixed) and how their speakers are found
    (named, a pronoun resolved to a name, a description, none).

    Returns:
        Frame ``dimension, value, meaning, quotes, share``: seven rows, ``dimension`` ``kind``
        (direct, indirect, mixed) then ``speaker`` (named, pronoun, description, none);
        ``share`` is ``quotes`` over all quotations (NaN when there are none), so each
        dimension's shares sum to 1. ``attrs["total"]`` is the number of quotations.
    """
    total = len(quotes)
    kinds = quotes["kind"].astype("string").value_counts()
    sources = quotes["speaker_source"].astype("string").fillna("none").value_counts()
    rows = [("kind", k, KIND_MEANINGS[k], int(kinds.get(k, 0))) for k in QUOTE_KINDS]
    rows += [("speaker", s, SOURCE_MEANINGS[s], int(sources.get(s, 0))) for s in SPEAKER_SOURCES]
    out = pd.DataFrame(rows, columns=["dimension", "value", "meaning", "quotes"])
    out["share"] = out["quotes"] / total if total else float("nan")
    out = out.astype({"dimension": "string", "value": "string", "meaning": "string",
                      "quotes": "int64", "share": "float64"})
    out.attrs["total"] = total
    return out


def _shorten(text, limit: int = MAX_QUOTE) -> str:
    if not isinstance(text, str):
        return ""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # end on a whole word when one ends near the limit
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _day(value) -> str:
    return NOT_GIVEN if pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def quotes_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotations for reading, in the order of the text.

    Returns:
        Frame ``speaker, speaker_source, cue, kind, quote, words, spoken, sent_id`` (led by
        ``article_id`` for several articles): ``quote`` is shortened to about
        :data:`MAX_QUOTE` characters with an ellipsis (``words`` counts the whole quotation);
        ``speaker`` is "no speaker given" where there is none; ``spoken`` is the day the text
        says it was spoken (``YYYY-MM-DD``) or "not given".
    """
    df = quotes.sort_values(["article_id", "start"]) if len(quotes) else quotes
    cols = with_article(df, ["speaker", "speaker_source", "cue", "kind", "quote", "words",
                             "spoken", "sent_id"])
    out = pd.DataFrame({
        "article_id": df["article_id"].astype("string"),
        "speaker": df["speaker"].astype("string").fillna(NO_SPEAKER),
        "speaker_source": df["speaker_source"].astype("string").fillna("none"),
        "cue": df["cue"].astype("string").fillna(""),
        "kind": df["kind"].astype("string"),
        "quote": pd.Series([_shorten(q) for q in df["quote"]], index=df.index, dtype="string"),
        "words": pd.Series([quote_words(q) for q in df["quote"]], index=df.index, dtype="int64"),
        "spoken": pd.Series([_day(d) for d in df["spoken"]], index=df.index, dtype="string"),
        "sent_id": df["sent_id"].astype("int64"),
    })
    return out[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- HTML


def _span(a, b) -> tuple[int, int] | None:
    return None if pd.isna(a) or pd.isna(b) or int(b) <= int(a) else (int(a), int(b))


def _marked(text: str, start: int, spans: dict[str, list[tuple[int, int]]]) -> str:
    """``text`` (at article offset ``start``) escaped, the quoted words, speaker words and cue
    marked, each character by every mark covering it (marks may touch or overlap)."""
    cuts = {0, len(text)}
    for ranges in spans.values():
        for a, b in ranges:
            cuts.update(min(max(x - start, 0), len(text)) for x in (a, b))
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        here = {k for k, ranges in spans.items()
                if any(s - start <= a and b <= e - start for s, e in ranges)}
        if "cue" in here:
            piece = (f'<span class="cue" style="border-bottom:2px solid {CUE_MARK};'
                     f'font-style:italic">{piece}</span>')
        if "speaker" in here:
            piece = (f'<span class="speaker" style="background:{SPEAKER_MARK};'
                     f'font-weight:bold">{piece}</span>')
        if "quote" in here:
            piece = f'<mark class="quote" style="background:{QUOTE_MARK}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


_LEGEND = (f'<p style="color:#555;font-size:0.9em"><mark style="background:{QUOTE_MARK}">'
           f'quoted words</mark> · <span style="background:{SPEAKER_MARK};font-weight:bold">'
           f'speaker</span> · <span style="border-bottom:2px solid {CUE_MARK};'
           'font-style:italic">cue</span> · the score before each sentence is its sentiment '
           "(-1..+1)</p>")


def _sentences_of(sentences: pd.DataFrame, aid, lo: int, hi: int) -> pd.DataFrame:
    s = sentences if aid is None or "article_id" not in sentences else sentences[
        sentences["article_id"] == aid]
    return s[(s["end"] > lo) & (s["start"] < hi)].sort_values("start")


def _quote_block(q, sentences: pd.DataFrame, where: str) -> str:
    e = html.escape
    spans = {"quote": [s for s in [_span(q.start, q.end)] if s],
             "speaker": [s for s in [_span(q.speaker_start, q.speaker_end)] if s],
             "cue": [s for s in [_span(q.cue_start, q.cue_end)] if s]}
    points = [x for ranges in spans.values() for r in ranges for x in r]
    aid = getattr(q, "article_id", None)
    sents = _sentences_of(sentences, aid, min(points), max(points)) if points else sentences[:0]
    if sents.empty:  # no sentence frame to show it in: the quoted words alone
        body = f'<mark class="quote" style="background:{QUOTE_MARK}">{e(str(q.quote))}</mark>'
    else:
        body = " ".join(f"{_score_badge(s.sentiment)} {_marked(str(s.text), int(s.start), spans)}"
                        for s in sents.itertuples())
    cue = f"cue &ldquo;{e(str(q.cue))}&rdquo;; " if isinstance(q.cue, str) else ""
    tone = "n/a" if pd.isna(q.sentiment) else f"{q.sentiment:+.2f}"
    found = "" if pd.isna(q.speaker_source) else f"speaker {e(str(q.speaker_source))}; "
    note = (f"{e(str(q.kind))}; {found}{cue}spoken: {e(_day(q.spoken))}; "
            f"sentiment of the quoted words {tone}")
    return (f'<div style="margin:4px 0"><span style="color:#777">{e(where)}</span> {body} '
            f'<span style="color:#777;font-size:0.9em">({note})</span></div>')


def speaker_quotes_html(an, speaker: str, *, kind: str = "all") -> str:
    """Every quotation of one speaker in its sentence (or sentences), the quoted words, the
    words naming the speaker and the cue marked apart, each sentence with its sentiment.

    Article text, names and cues are HTML-escaped: nothing in the article can run as script
    or markup.

    Args:
        an: an :class:`~newsbench.Analysis` (one article or a corpus: each quotation is shown in
            its own article, named where there are several).
        speaker: a speaker as in ``an.quotes.speaker`` (a name or a description).
        kind: only quotations of this kind (see :func:`filter_kind`).

    Returns:
        An HTML fragment.

    Raises:
        ParameterError: ``kind`` is not one of :data:`KINDS`.
    """
    e = html.escape
    quotes = filter_kind(an.quotes, kind)
    mine = quotes[(quotes["speaker"] == speaker).fillna(False).to_numpy(bool)]
    if mine.empty:
        return f"<p>{e(str(speaker))} is not quoted{'' if kind == 'all' else f' ({kind})'}.</p>"
    mine = mine.sort_values(["article_id", "start"])
    labels = mine["speaker_label"].dropna()
    label = str(labels.iloc[0]) if len(labels) else "description, not a name"
    several = several_articles(an.sentences) or several_articles(mine)
    n_sent = len({sentence_key(r) for r in mine.itertuples()})
    words = sum(quote_words(t) for t in mine["quote"])
    mean = mine["sentiment"].mean()
    tone = "n/a" if pd.isna(mean) else f"{mean:+.2f}"
    rows = [f"<p><b>{e(str(speaker))}</b> ({e(label)}): {len(mine)} quotation(s), {words} "
            f"word(s), in {n_sent} sentence(s); mean sentiment of the quoted words {tone}</p>",
            _LEGEND]
    for q in mine.itertuples():
        where = f"{q.article_id} #{int(q.sent_id)}" if several else f"#{int(q.sent_id)}"
        rows.append(_quote_block(q, an.sentences, where))
    return "\n".join(rows)


def voices_explorer(an, *, interactive: bool = True, top_n: int = 10, kind: str = "all",
                    min_quotes: int = 1) -> None:
    """Pick one of the most quoted speakers and read each of their quotations in its sentence.

    Args:
        an: an :class:`~newsbench.Analysis`.
        interactive: a dropdown of the ``top_n`` most quoted speakers ("name (n quotes)");
            when false (reports), the quotations of the three most quoted, one after another.
        top_n: speakers in the dropdown.
        kind: only quotations of this kind.
        min_quotes: leave out speakers quoted fewer times.
    """
    table = speaker_table(filter_kind(an.quotes, kind), min_quotes=min_quotes).head(top_n)
    options = [(f"{s} ({n} quote{'' if n == 1 else 's'})", s)
               for s, n in zip(table["speaker"], table["quotes"])]
    what = "quotations" if kind == "all" else f"{kind} quotations"
    explorer(options, lambda s: speaker_quotes_html(an, s, kind=kind), interactive=interactive,
             fallback_keys=table["speaker"].head(3).tolist(), description="Speaker:",
             empty_message=f"No {what} with a speaker quoted at least {min_quotes} time(s) in "
                           "this article: nothing to explore.")
