"""Markdown (``.md``, ``.markdown``): YAML front matter (``title``, ``published`` ...), then the text."""

from __future__ import annotations

import re

from ...errors import InputFileError
from ..article import compose
from ..meta import _read_yaml, clean_meta
from ..rows import Entry
from ..textio import read_text

NAME = "markdown"
PUBLISHED_FROM = "front matter"
LIMIT = "article"


def read(path, opts):
    raw = read_text(path, opts.where)
    meta: dict = {}
    body = raw
    m = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", raw, re.S)
    if m:
        meta = clean_meta(_read_yaml(m.group(1), where=opts.where, first_line=2), where=opts.where)
        body = raw[m.end():]
    if not body.strip():
        raise InputFileError(f"{opts.where}: the Markdown file has front matter but no article text")
    yield Entry(compose(meta.get("title"), body), meta)
