"""Layer: paragraphs with their roles, sentences with their scores, one row per article.

The parse itself (spaCy over the paragraphs) is done by the pipeline before any layer runs
(:mod:`newsbench.analysis`); this layer turns the parsed paragraphs into the three frames the
other layers build on.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import schema
from ..sentiment import aggregate, article_scores, score_texts
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


@register("structure", requires=(), assigns=("articles", "paragraphs", "sentences"))
def build(ctx) -> dict[str, pd.DataFrame]:
    """Frames ``paragraphs``, ``sentences`` (scored with ``ctx.options['method']``) and
    ``articles`` of one article."""
    text, aid, meta = ctx.text, ctx.article_id, ctx.article.meta
    para_rows, sent_rows = [], []
    sent_id = 0
    for pid, sp in enumerate(ctx.spans):
        sents = sentence_spans(ctx.parsed.get(pid, []))
        para_rows.append({"article_id": aid, "start": sp.start, "end": sp.end, "para_id": pid,
                          "role": sp.role, "text": text[sp.start:sp.end], "n_sentences": len(sents)})
        for s, e in sents:
            sent_rows.append({"article_id": aid, "start": s, "end": e, "sent_id": sent_id,
                              "para_id": pid, "role": sp.role, "text": text[s:e]})
            sent_id += 1

    sentences = pd.DataFrame(sent_rows, columns=[c for c, _ in schema.SCHEMAS["sentences"][:7]])
    scores = score_texts(sentences["text"].tolist(), method=ctx.options["method"])
    sentences = pd.concat([sentences.reset_index(drop=True), scores], axis=1)
    sentences = schema.conform(sentences, "sentences")

    paragraphs = pd.DataFrame(para_rows)
    para_score = aggregate(sentences, "para_id")
    paragraphs["sentiment"] = paragraphs["para_id"].map(para_score).astype("float64")
    paragraphs = schema.conform(paragraphs, "paragraphs")

    articles = schema.conform(pd.DataFrame([{
        "article_id": aid, "start": 0, "end": len(text), "title": meta.get("title"),
        "published": meta.get("published"), "published_from": meta.get("published_from"),
        "source": meta.get("source"), "url": meta.get("url"), "path": meta.get("path"),
        "n_paragraphs": len(paragraphs), "n_sentences": len(sentences),
        **article_scores(sentences), "english_share": meta.get("english_share"),
    }]), "articles")
    return {"articles": articles, "paragraphs": paragraphs, "sentences": sentences}
