"""What the pipeline hands each layer: the article, its parsed paragraphs and earlier frames.

A layer is a module with ``build(ctx: Context) -> dict[str, DataFrame]`` returning the frames
it owns (conformed to :mod:`newsbench.schema`); later layers read earlier ones in
``ctx.frames``. Order: structure and sentences, sentiment, entities, time.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import pandas as pd

from .load import Article
from .structure import Span


@dataclass
class Context:
    article: Article
    nlp: object                     # spacy.Language
    spans: list[Span]               # paragraphs, in order; para_id is the index
    parsed: dict[int, list]         # para_id -> [(spacy Doc, offset of the doc in the text)]
    options: dict = field(default_factory=dict)
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    _sent_index: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def article_id(self) -> str:
        return self.article.article_id

    @property
    def published(self) -> str | None:
        """Publication date ``YYYY-MM-DD`` or None (then relative dates stay unresolved)."""
        return self.article.meta.get("published")

    def docs(self):
        """``(para_id, doc, offset)`` for every parsed piece, in text order; a token's place in
        the article is ``offset + token.idx``."""
        for pid in sorted(self.parsed):
            for doc, offset in self.parsed[pid]:
                yield pid, doc, offset

    def sent_id_at(self, char: int) -> int:
        """The ``sent_id`` of the sentence holding character ``char`` (nearest before it)."""
        sents = self.frames["sentences"]
        if self._sent_index is None or self._sent_index[0] is not sents:
            # built once per sentences frame, not once per call
            self._sent_index = (sents, sents["start"].tolist(), sents["sent_id"].tolist())
        _, starts, ids = self._sent_index
        i = bisect.bisect_right(starts, char) - 1
        return int(ids[max(i, 0)]) if ids else -1
