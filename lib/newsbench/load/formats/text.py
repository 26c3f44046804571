"""Plain text (``.txt``): headline first, then paragraphs separated by blank lines."""

from __future__ import annotations

from ..rows import Entry
from ..textio import read_text

NAME = "text"
PUBLISHED_FROM = None  # a text file has no metadata of its own (the dateline may date it)
LIMIT = "article"


def read(path, opts):
    yield Entry(read_text(path, opts.where))
