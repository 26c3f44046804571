"""newsbench's messages are log records on the ``newsbench`` logger, not Python warnings:
:func:`logged` checks them as ``pytest.warns`` checked warnings."""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager


class _Records(logging.Handler):
    def __init__(self, level: int):
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def logged(match: str | None = None, *, level: int = logging.WARNING):
    """The messages newsbench logs in the block at ``level`` and up, as a list of strings; with
    ``match`` (a regular expression), the block fails unless one of them matches."""
    lib = logging.getLogger("newsbench")
    handler, before = _Records(level), lib.level
    lib.addHandler(handler)
    if lib.getEffectiveLevel() > level:
        lib.setLevel(level)
    try:
        yield handler.messages
    finally:
        lib.removeHandler(handler)
        lib.setLevel(before)
    if match is not None:
        assert any(re.search(match, m) for m in handler.messages), \
            f"no newsbench message matches {match!r}; logged: {handler.messages}"


@contextmanager
def no_messages(level: int = logging.WARNING):
    """The block logs no newsbench message at ``level`` and up."""
    with logged(level=level) as got:
        yield got
    assert not got, f"unexpected newsbench messages: {got}"
