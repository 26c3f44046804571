"""What the pipeline hands each layer: the article, its parsed paragraphs and earlier frames.

A layer (:mod:`newsbench.layers`) returns rows for the frames it assigns; later layers read
earlier ones in ``ctx.frames``, as lists of row dicts of the same article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .load import Article
from .structure import Span


@dataclass
class Context:
    article: Article
    nlp: object                     # spacy.Language
    spans: list[Span]               # paragraphs, in order; para_id is the index
    parsed: dict[int, list]         # para_id -> [(spacy Doc, offset of the doc in the text)]
    options: dict = field(default_factory=dict)
    frames: dict[str, list[dict]] = field(default_factory=dict)
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
            self._sent_index = (sents, [r["start"] for r in sents], [r["sent_id"] for r in sents])
        _, starts, ids = self._sent_index
        i = bisect.bisect_right(starts, char) - 1
        return int(ids[max(i, 0)]) if ids else -1
