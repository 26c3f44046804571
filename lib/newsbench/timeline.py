"""Time: temporal expressions normalised to TIMEX3, and dated events (layer; see issue 'Timeline')."""

from __future__ import annotations

from .context import Context


def build(ctx: Context) -> dict:
    """Frames ``timexes`` and ``events``; empty until this layer is written."""
    return {}
