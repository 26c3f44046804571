"""The input formats: a file's suffix -> the module that reads it.

Adding a format is one module here plus one line in :data:`READERS`. A reader module has:

- ``NAME``: the format recorded in ``meta["format"]`` (or ``format_of(path)`` for several);
- ``PUBLISHED_FROM``: what ``articles.published_from`` says when the file itself dates an
  article (``json``, ``table`` ...; None when it cannot);
- ``LIMIT``: the file-size limit: ``"article"`` (:func:`~newsbench.load.article.max_bytes`, one
  article a file), ``"feed"`` (read whole, many articles) or ``"table"`` (streamed; only each
  row's text is held to the article limit);
- ``read(path, opts)``: yields :class:`~newsbench.load.rows.Entry` objects, one an article
  (``opts`` is a :class:`~newsbench.load.rows.ReadOptions`: ``where`` and ``columns``);
- optionally ``accepts(path)``: False for a file of its suffix that is not of its format (an
  ``.xml`` that is no feed), which a folder then skips.
"""

from __future__ import annotations

from pathlib import Path

from . import delimited, feed, html, json, jsonl, markdown, parquet, text

READERS = {
    ".txt": text,
    ".md": markdown, ".markdown": markdown,
    ".json": json,
    ".html": html, ".htm": html,
    ".csv": delimited, ".tsv": delimited, ".tab": delimited,
    ".jsonl": jsonl, ".ndjson": jsonl,
    ".parquet": parquet,
    ".rss": feed, ".atom": feed, ".xml": feed,
}


def reader_for(path: Path):
    """The reader module for ``path``'s suffix, or None."""
    return READERS.get(Path(path).suffix.lower())


def format_of(path: Path) -> str:
    module = reader_for(path)
    return module.format_of(path) if hasattr(module, "format_of") else module.NAME


def accepts(path: Path) -> bool:
    """Is ``path`` an article file newsbench reads (by suffix, and content where it must)?"""
    module = reader_for(path)
    return module is not None and (not hasattr(module, "accepts") or module.accepts(path))
