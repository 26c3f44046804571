"""Entity charts (written with the entity layer)."""

from __future__ import annotations

__all__: list[str] = []
