"""Which column (of a table) or key (of a JSON object or feed entry) holds each field.

One function, :func:`find_columns`, for every format: the caller's mapping first
(``columns={"text": "story_text", "title": "hed"}``, or ``--columns text=story_text,title=hed``),
then the common names below, compared without case (``Headline``, ``published at`` and
``Published-At`` all match).
"""

from __future__ import annotations

import re

from ..errors import ParameterError

#: Our field -> the names it is found under, best first.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "article", "story"),
    "published": ("published", "date", "pubdate", "published_at", "datetime", "timestamp"),
    "source": ("source", "outlet", "publisher", "publication", "site"),
    "url": ("url", "link"),
    "id": ("id", "article_id", "guid", "uuid"),
    "standfirst": ("standfirst", "summary", "description", "lede"),
    "author": ("author", "byline"),
}
#: Every name that :data:`FIELDS` reads as article text (JSON leaves them all out of ``meta``).
TEXT_NAMES = FIELDS["text"]
_HINT = "map it with --columns text=NAME (columns={'text': NAME} in Python)"


def norm(name) -> str:
    """A column name compared: case folded, spaces and hyphens as ``_``."""
    return re.sub(r"[\s\-]+", "_", str(name).strip()).casefold()


def parse_columns(spec: str) -> dict[str, str]:
    """``"text=story,title=hed"`` -> ``{"text": "story", "title": "hed"}`` (for ``--columns``).

    Raises:
        ParameterError: a piece is not ``FIELD=COLUMN``, or the field is unknown.
    """
    out: dict[str, str] = {}
    for piece in str(spec).split(","):
        if not piece.strip():
            continue
        name, sep, column = piece.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise ParameterError(f"--columns '{piece.strip()}': give FIELD=COLUMN pairs, "
                                 f"e.g. --columns text=story,title=hed")
        out[name.strip()] = column.strip()
    return check_columns(out)


def check_columns(columns) -> dict[str, str]:
    """The caller's mapping, checked: our field names as keys, column names as values.

    Raises:
        ParameterError: not a mapping, an unknown field, or an empty column name.
    """
    if columns is None:
        return {}
    if isinstance(columns, str):
        return parse_columns(columns)
    if not isinstance(columns, dict):
        raise ParameterError(f"columns: expected a mapping like {{'text': 'story'}}, got "
                             f"{type(columns).__name__}")
    out = {}
    for key, column in columns.items():
        field = str(key).strip().lower()
        if field not in FIELDS:
            raise ParameterError(f"columns: '{key}' is not a field; map one of "
                                 f"{', '.join(FIELDS)} (e.g. text=story)")
        if not isinstance(column, str) or not column.strip():
            raise ParameterError(f"columns: {field} must name a column, got {column!r}")
        out[field] = column.strip()
    return out


def names_list(names, limit: int = 20) -> str:
    """Column names for a message: quoted, shortened, at most ``limit``."""
    shown = [repr(str(n)[:40]) for n in list(names)[:limit]]
    more = len(list(names)) - limit
    return (", ".join(shown) or "none") + (f" and {more} more" if more > 0 else "")


def find_columns(names, columns=None, *, where: str, what: str = "column",
                 fields: dict[str, tuple[str, ...]] = FIELDS) -> dict[str, str]:
    """Our field -> the name (as spelled in the file) that holds it, for the fields found.

    Args:
        names: the file's column names (or an object's keys).
        columns: the caller's mapping (see :func:`check_columns`); it wins over common names.
        where: the file, for messages.
        what: ``column`` or ``key``, for messages.
        fields: the common names (default :data:`FIELDS`).

    Raises:
        ParameterError: a mapped column is not among ``names`` (the message lists them).
    """
    names = [n for n in names if isinstance(n, str)]
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(norm(name), name)
    found: dict[str, str] = {}
    for field, column in check_columns(columns).items():
        if column in names:
            found[field] = column
        elif norm(column) in by_norm:
            found[field] = by_norm[norm(column)]
        else:
            raise ParameterError(f"columns: {where} has no {what} '{column}' (mapped to {field}); "
                                 f"its {what}s are {names_list(names)}")
    taken = set(found.values())
    for field, aliases in fields.items():
        if field in found:
            continue
        for alias in aliases:
            name = by_norm.get(alias)
            if name is not None and name not in taken:
                found[field] = name
                taken.add(name)
                break
    return found


def no_text_message(where: str, names, *, what: str = "column") -> str:
    """The refusal of a table (or object) with no text column, naming what it has."""
    return (f"{where}: no article text {what}; its {what}s are {names_list(names)}; name the "
            f"text {what} 'text' (or {', '.join(TEXT_NAMES[1:])}), or {_HINT}")
