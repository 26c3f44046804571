"""Layer: NRC emotion word counts per sentence."""

from __future__ import annotations

from ..sentiment import emotions_frame
from .registry import register


@register("emotions", requires=("sentences",), assigns=("emotions",))
def build(ctx) -> dict:
    """The ``emotions`` frame: one row per sentence with its NRC emotion counts."""
    return {"emotions": emotions_frame(ctx.frames["sentences"])}
