"""Layer: NRC emotion word counts per sentence, from the lemmas of the parse."""

from __future__ import annotations

from ..sentiment import emotion_rows
from .registry import register


@register("emotions", requires=("sentences",), assigns=("emotions",))
def build(ctx) -> dict:
    """Rows of the ``emotions`` frame: one per sentence with its NRC emotion counts (token
    lemmas, no stop words or proper nouns, none after a negator) and its number of words
    (``words``, for counts per 1,000 words). The parse comes from ``ctx.docs()``, which the
    pipeline hands every layer, so no frame beyond ``sentences`` is required."""
    return {"emotions": emotion_rows(ctx.frames["sentences"], docs=ctx.docs())}
