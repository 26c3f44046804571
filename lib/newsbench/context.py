"""What the pipeline hands each layer: the article, its parsed paragraphs and earlier frames.

A layer (:mod:`newsbench.layers`) returns rows for the frames it assigns; later layers read
earlier ones in ``ctx.frames``, as lists of row dicts of the same article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .intervals import Intervals
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
    _within: dict = field(default_factory=dict, repr=False, compare=False)

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

    def rows_within(self, frame: str, start: int, end: int) -> list[dict]:
        """The rows of an earlier frame lying inside ``start:end``, in text order; through an
        :class:`~newsbench.intervals.Intervals` index built once per frame, so a layer asking
        for every clause stays linear (a 5 MB article has thousands of clauses and mentions)."""
        rows = self.frames.get(frame) or []
        index = self._within.get(frame)
        if index is None or index[0] is not rows:
            index = (rows, Intervals(((r["start"], r["end"]) for r in rows), rows))
            self._within[frame] = index
        return index[1].within(start, end)

    def ents_within(self, doc, offset: int, start: int, end: int) -> list:
        """The model's entities of ``doc`` (a parsed piece at ``offset``) inside ``start:end``
        of the article, in text order (indexed once per doc)."""
        key = ("ents", id(doc))
        index = self._within.get(key)
        if index is None or index[0] is not doc:
            ents = list(doc.ents)
            spans = [(offset + e.start_char, offset + e.end_char) for e in ents]
            index = (doc, Intervals(spans, ents))
            self._within[key] = index
        return index[1].within(start, end)
