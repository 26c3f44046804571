"""The work of the pipeline on a batch of articles: one parse, rows per article, frames per batch.

:func:`analyze_batch` is the pure, picklable work function every executor runs (serial, local
processes, Dask): it takes a list of articles and the options, and returns one DataFrame per
frame covering all of them.

1. **One parse**: the paragraphs of every article of the batch go through a single
   ``nlp.pipe(..., as_tuples=True)`` (long paragraphs cut in pieces at white space, offsets
   kept), so spaCy batches across articles.
2. **Rows per article**: each layer (:mod:`newsbench.layers`, in declared order) returns plain
   rows for the article; no DataFrame is built per article.
3. **Frames per batch**: the rows of the batch become one DataFrame per frame, each layer's
   ``finish`` fills its batch-wide columns, and each frame is conformed to the schema once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema
from .context import Context
from .layers import plan
from .load import Article
from .models import get_nlp
from .structure import segment

#: spaCy's batch size when parsing the paragraphs of a batch of articles.
PARSE_BATCH = 256
#: At most this many characters go through the model at once (a batch of paragraphs is cut
#: into groups of this size), and no piece of a paragraph is longer than PIECE_CHARS: the
#: model's memory grows with what it holds at once, so a 5 MB article in one line is parsed in
#: bounded memory and linear time.
PARSE_CHARS = 200_000
PIECE_CHARS = 10_000


def pieces(text: str, start: int, end: int, limit: int):
    """Cut ``text[start:end]`` into pieces no longer than ``limit`` at white space."""
    while end - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = max(text.rfind(". ", start, start + limit) + 1, text.rfind(" ", start, start + limit))
        if cut <= start:
            cut = start + limit
        yield start, cut
        start = cut
    yield start, end


def _parse(nlp, articles: list[Article]):
    """``(spans, parsed)`` per article: its paragraphs and ``para_id -> [(doc, offset)]``."""
    limit = max(1000, min(nlp.max_length, PIECE_CHARS))
    spans_of, work = [], []
    for i, art in enumerate(articles):
        spans = segment(art.text, title=art.meta.get("title"), standfirst=art.meta.get("standfirst"))
        spans_of.append(spans)
        for pid, sp in enumerate(spans):
            if sp.role == "slug":           # the agency's handling line: no sentences, no names
                continue
            for s, e in pieces(art.text, sp.start, sp.end, limit):
                work.append((art.text[s:e], (i, pid, s)))
    parsed: list[dict[int, list]] = [{} for _ in articles]
    for group in _groups(work):
        for doc, (i, pid, s) in nlp.pipe(group, as_tuples=True, batch_size=PARSE_BATCH):
            doc.tensor = _NO_TENSOR       # the layers read the parse, not the model's vectors
            parsed[i].setdefault(pid, []).append((doc, s))
    return spans_of, parsed


_NO_TENSOR = np.zeros((0, 0), dtype="float32")


def _groups(work: list[tuple[str, tuple]]):
    """``work`` in consecutive groups of at most :data:`PARSE_CHARS` characters."""
    group, size = [], 0
    for item in work:
        if group and size + len(item[0]) > PARSE_CHARS:
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[0])
    if group:
        yield group


def frames_from_rows(rows: dict[str, list[dict]], layers, names=schema.FRAMES) -> dict[str, pd.DataFrame]:
    """One conformed DataFrame per frame (of ``names``) from the rows of a batch, after each
    layer's batch step."""
    frames = {name: pd.DataFrame.from_records(rows.get(name, []),
                                              columns=[c for c, _ in schema.SCHEMAS[name]])
              for name in names}
    for layer in layers:
        if layer.finish is not None:
            frames.update(layer.finish(frames))
    return {name: schema.conform(df, name) for name, df in frames.items()}


def analyze_batch(articles: list[Article], options: dict) -> dict[str, pd.DataFrame]:
    """Analyse a batch of articles.

    Args:
        articles: the articles (ids unique within the batch).
        options: ``method`` (sentence sentiment), ``model`` (spaCy package or None for the
            default) and ``layers`` (names, or None for every registered layer).

    Returns:
        ``frame name -> DataFrame`` covering every article of the batch, in article order,
        conformed to :mod:`newsbench.schema`.
    """
    nlp = get_nlp(options.get("model"))
    layers = plan(options.get("layers"))
    spans_of, parsed = _parse(nlp, articles)
    rows: dict[str, list[dict]] = {name: [] for name in schema.FRAMES}
    for art, spans, by_para in zip(articles, spans_of, parsed):
        ctx = Context(article=art, nlp=nlp, spans=spans, parsed=by_para,
                      options={"method": options.get("method", "news")}, frames={})
        for layer in layers:
            ctx.frames.update(layer.run(ctx))
        for name, got in ctx.frames.items():
            rows[name].extend(got)
    return frames_from_rows(rows, layers)
