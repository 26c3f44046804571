"""Layer: paragraphs with their roles, sentences with their scores, one row per article.

The parse itself (spaCy over the paragraphs) is done by the pipeline before any layer runs
(:mod:`newsbench.analysis`); this layer turns the parsed paragraphs into the three frames the
other layers build on.
"""

from __future__ import annotations

import re

import pandas as pd

from ..sentiment import aggregate, article_scores, score_rows
from .registry import register

_OPENERS = re.compile(r"^[\"'”’)\]]+$")


def sentence_spans(docs_and_offsets) -> list[tuple[int, int]]:
    """Sentence spans from parsed pieces, trimmed of white space; a sentence that is only
    closing punctuation joins the one before it."""
    spans: list[tuple[int, int]] = []
    for doc, offset in docs_and_offsets:
        for sent in doc.sents:
            s = offset + sent.start_char
            e = offset + sent.end_char
            txt = sent.text
            lead = len(txt) - len(txt.lstrip())
            trail = len(txt) - len(txt.rstrip())
            s, e = s + lead, e - trail
            if e <= s:
                continue
            if spans and _OPENERS.match(txt.strip()) and spans[-1][1] >= s - 1:
                spans[-1] = (spans[-1][0], e)
                continue
            spans.append((s, e))
    return spans


def _finish(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Paragraph scores over the whole batch at once: the mean of each paragraph's sentence
    scores (a paragraph without sentences has none)."""
    paragraphs, sentences = frames["paragraphs"], frames["sentences"]
    if len(paragraphs):
        means = aggregate(sentences, ["article_id", "para_id"])
        keys = pd.MultiIndex.from_arrays([paragraphs["article_id"], paragraphs["para_id"]])
        paragraphs = paragraphs.assign(
            sentiment=means.reindex(keys).to_numpy(dtype="float64", na_value=float("nan")))
    return {"paragraphs": paragraphs}


@register("structure", requires=(), assigns=("articles", "paragraphs", "sentences"),
          finish=_finish)
def build(ctx) -> dict[str, list[dict]]:
    """Rows of ``paragraphs``, ``sentences`` (scored with ``ctx.options['method']``) and
    ``articles`` of one article (paragraph scores are filled per batch, by ``_finish``)."""
    text, aid, meta = ctx.text, ctx.article_id, ctx.article.meta
    para_rows, sent_rows = [], []
    sent_id = 0
    for pid, sp in enumerate(ctx.spans):
        sents = sentence_spans(ctx.parsed.get(pid, []))
        para_rows.append({"article_id": aid, "start": sp.start, "end": sp.end, "para_id": pid,
                          "role": sp.role, "text": text[sp.start:sp.end], "n_sentences": len(sents),
                          "sentiment": None})
        for s, e in sents:
            sent_rows.append({"article_id": aid, "start": s, "end": e, "sent_id": sent_id,
                              "para_id": pid, "role": sp.role, "text": text[s:e]})
            sent_id += 1
    scores = score_rows([r["text"] for r in sent_rows], method=ctx.options["method"])
    for row, (compound, pos, neg, neu) in zip(sent_rows, scores):
        row.update(sentiment=compound, pos=pos, neg=neg, neu=neu)
    article = {
        "article_id": aid, "start": 0, "end": len(text), "title": headline(meta.get("title")),
        "published": meta.get("published"), "published_from": meta.get("published_from"),
        "source": meta.get("source"), "url": meta.get("url"), "path": meta.get("path"),
        "n_paragraphs": len(para_rows), "n_sentences": len(sent_rows),
        **article_scores(sent_rows), "english_share": meta.get("english_share"),
        "language": meta.get("detected_language") or "",
    }
    return {"articles": [article], "paragraphs": para_rows, "sentences": sent_rows}


#: A capitals run glued to a hyphen at the head of a headline ("SOCCER-", "UPDATE 2-").
_SLUG = re.compile(r"^(?:[A-Z][A-Z0-9 &/]*[A-Z0-9]-)+(?=\S)")


def slug_end(line: str) -> int:
    """Where the wire slug at the head of ``line`` ends (0 when there is none): capitals
    glued to a hyphen, every word a slug word or a number ("US STOCKS-", "UPDATE 2-"), so
    "UK-France talks" keeps its "UK"."""
    from .entity_vocab import SLUG_QUALIFIERS, SLUG_WORDS

    m = _SLUG.match(line)
    if m is None:
        return 0
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group(0))]
    ok = words and all(w in SLUG_WORDS or w in SLUG_QUALIFIERS for w in words) and any(
        w in SLUG_WORDS for w in words)
    return m.end() if ok else 0


def headline(title: str | None) -> str | None:
    """The headline without its wire slug ("SOCCER-French Ligue 1 results" -> "French Ligue 1
    results"); the title paragraph keeps its text (offsets stay exact), the articles frame's
    ``title`` is what a reader calls the headline."""
    if not isinstance(title, str):
        return title
    cut = title[slug_end(title):].strip()
    return cut or title
