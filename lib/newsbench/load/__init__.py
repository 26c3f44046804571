"""Loading articles: plain text, Markdown with front matter, JSON, HTML, tables (CSV, TSV,
JSON Lines, Parquet: one article a row, streamed) and feeds (RSS, Atom); files, folders, globs.

Metadata comes, strongest first, from: the caller (``published=``), the sidecar
``<name>.meta.yaml`` beside the file, the file's own metadata (front matter, JSON fields, HTML
meta tags, table columns, feed elements), and last the dateline when it carries a full date.

- :mod:`.article`: :class:`Article`, ids, publication dates, size limits, decoding;
- :mod:`.files`: paths, folders, globs, :func:`iter_articles`;
- :mod:`.formats`: one reader module per format, and the registry of suffixes;
- :mod:`.columns`: which column or key holds each field (shared by tables, JSON and feeds);
- :mod:`.rows`: rows of tables and feeds to articles, bad rows warned about by number.
"""

from __future__ import annotations

from .article import (Article, DecodeWarning, article_from_text, coerce_date, decode, item_id,
                      max_bytes, max_feed_bytes, max_table_bytes, parse_published, safe_id, text_id)
from .article import _date_from_dateline  # noqa: F401  kept importable from newsbench.load
from .article import compose as _compose  # noqa: F401
from .article import finish as _finish  # noqa: F401
from .columns import FIELDS, check_columns, find_columns, parse_columns
from .files import (ARTICLE_SUFFIXES, article_paths, find_article, iter_articles, load_article,
                    _is_article, _load_file)  # noqa: F401
from .meta import META_KEYS, SIDECAR_SUFFIX, _read_yaml, _yaml_loader  # noqa: F401
from .meta import clean_meta as _clean_meta  # noqa: F401

__all__ = ["ARTICLE_SUFFIXES", "Article", "DecodeWarning", "FIELDS", "article_from_text",
           "article_paths", "check_columns", "coerce_date", "decode", "find_article",
           "find_columns", "item_id", "iter_articles", "load_article", "max_bytes",
           "max_feed_bytes", "max_table_bytes", "parse_published", "parse_columns", "safe_id",
           "text_id"]
