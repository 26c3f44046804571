"""JSON (``.json``): one article object, or a list of them. The fields are found under the
common names (``title``/``headline``, ``text``/``body``/``content``/``article``/``story``,
``published``/``date``/..., see :data:`~newsbench.load.columns.FIELDS`) or the caller's mapping."""

from __future__ import annotations

import json
import re

from ...errors import InputFileError
from ..article import coerce_date, compose, safe_id
from ..columns import TEXT_NAMES, find_columns, names_list, norm
from ..meta import clean_meta
from ..rows import Entry
from ..textio import read_text

NAME = "json"
PUBLISHED_FROM = "json"
LIMIT = "article"


def read(path, opts):
    raw = read_text(path, opts.where)
    data = loads(raw, opts.where)
    items = data if isinstance(data, list) else [data]
    if not items:
        raise InputFileError(f"{opts.where}: the JSON list is empty; give at least one article object")
    for i, item in enumerate(items):
        label = f"{opts.where} item {i}" if isinstance(data, list) else opts.where
        text, meta = article_fields(item, label, opts.columns)
        suffix = None
        if isinstance(data, list):
            suffix = safe_id(str(meta["id"])) if meta.get("id") else f"{i:03d}"
        yield Entry(text, meta, item=suffix)


def loads(raw: str, where: str):
    """``json.loads`` with its failures as one-line messages: the syntax (line and column),
    nesting too deep for Python, and a number too long for Python to read.

    Raises:
        InputFileError: naming the file and the fix.
    """
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        fix = ("one object a line? Save it as .jsonl" if exc.msg == "Extra data"
               else "fix the syntax or save the article as .txt")
        raise InputFileError(
            f"{where}: unreadable JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); {fix}"
        ) from None
    except RecursionError:
        raise InputFileError(f"{where}: JSON nested too deep to read (lists or objects inside "
                             f"each other thousands of times); give one article object") from None
    except ValueError as exc:  # Python's 4300-digit limit on int(str)
        digits = re.search(r"value has (\d+) digits", str(exc))
        size = f" of {digits.group(1)} digits" if digits else ""
        raise InputFileError(f"{where}: a number{size} is too long to read; put it in quotes "
                             f"(a string) or leave it out") from None


def _text_key(item: dict, found: dict, columns) -> str | None:
    """The key of the article text: the mapped one, else the first text name holding a string."""
    if columns and "text" in found and found["text"] in item:
        return found["text"]
    by_norm = {}
    for key in item:
        by_norm.setdefault(norm(key), key)
    return next((by_norm[n] for n in TEXT_NAMES
                 if n in by_norm and isinstance(item[by_norm[n]], str) and item[by_norm[n]].strip()),
                found.get("text"))


def article_fields(item, label: str, columns=None) -> tuple[str, dict]:
    """The text and metadata of one JSON object (also a JSON Lines row's fields).

    Raises:
        InputFileError: not an object, no text, or a title that is not a string.
        ParameterError: a mapped key the object does not have.
    """
    if not isinstance(item, dict):
        raise InputFileError(
            f"{label}: expected an object with 'title' and 'text', got {type(item).__name__}"
        )
    found = find_columns(item, columns, where=label, what="key")
    key = _text_key(item, found, columns)
    body = item.get(key) if key is not None else None
    if not isinstance(body, str) or not body.strip():
        raise InputFileError(
            f"{label}: no article text; give a non-empty string field 'text' "
            f"(also read: {', '.join(TEXT_NAMES[1:])}); its keys are {names_list(item)}; or map "
            f"one with --columns text=NAME (columns={{'text': NAME}} in Python)"
        )
    rest = {k: v for k, v in item.items() if k != key and norm(k) not in TEXT_NAMES}
    for field, name in found.items():
        if field != "text" and name in rest:
            rest[field] = rest.pop(name)
    meta = clean_meta(rest, where=label, style="json")
    title = meta.get("title")
    if title is not None and not isinstance(title, str):  # pragma: no cover - clean_meta refuses
        raise InputFileError(f"{label}: 'title' must be a string")
    try:
        meta["published"] = coerce_date(meta.get("published")) or meta.get("published")
    except ValueError:
        pass  # left as written: the date check names it
    if meta.get("published") is None:
        meta.pop("published", None)
    return compose(title, body), meta
