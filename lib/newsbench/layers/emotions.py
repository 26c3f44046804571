"""Layer: NRC emotion word counts per sentence."""

from __future__ import annotations

from ..sentiment import emotion_rows
from .registry import register


@register("emotions", requires=("sentences",), assigns=("emotions",))
def build(ctx) -> dict:
    """Rows of the ``emotions`` frame: one per sentence with its NRC emotion counts."""
    return {"emotions": emotion_rows(ctx.frames["sentences"])}
