"""Timeline charts (written with the time layer)."""

from __future__ import annotations

__all__: list[str] = []
