"""Entities: mentions with merged canonical entities (layer; see issue 'Entity frequency')."""

from __future__ import annotations

from .context import Context


def build(ctx: Context) -> dict:
    """Frames ``mentions`` and ``entities``; empty until this layer is written."""
    return {}
