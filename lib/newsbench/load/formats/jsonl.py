"""JSON Lines (``.jsonl``, ``.ndjson``): one article object a line, read a line at a time. The
row number is the line number; the fields are found as in a table (the keys of each object by
their common names, or the caller's mapping). A line that is not a JSON object is refused with
its number."""

from __future__ import annotations

import json

from ...errors import InputFileError
from ..article import max_bytes
from ..columns import check_columns, find_columns, no_text_message, norm
from ..rows import Rows
from ..textio import open_text
from .json import loads

NAME = "jsonl"
PUBLISHED_FROM = "table"
LIMIT = "table"


def _objects(f, where: str):
    """``(line number, object)`` for each line that is not blank."""
    limit = 2 * max_bytes() + 65536  # a line holds one article and its fields
    number = 0
    while True:
        line = f.readline(limit)
        if not line:
            return
        number += 1
        if len(line) >= limit and not line.endswith(("\n", "\r")):
            raise InputFileError(f"{where} line {number}: longer than an article can be "
                                 f"({limit / 1e6:.0f} MB); give one article a line, or raise "
                                 f"NEWSBENCH_MAX_BYTES")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"{where} line {number}: unreadable JSON ({exc.msg}, column "
                                 f"{exc.colno}); give one JSON object a line") from None
        except (RecursionError, ValueError):
            loads(line, f"{where} line {number}")  # the same failure, as its one-line message
            raise  # pragma: no cover - loads raised
        if not isinstance(obj, dict):
            raise InputFileError(f"{where} line {number}: expected a JSON object "
                                 f"({{\"title\": ..., \"text\": ...}}), got {type(obj).__name__}")
        yield number, obj


def read(path, opts):
    where = opts.where
    rows = None
    fields_of: dict[tuple, dict] = {}
    with open_text(path, where, what="a JSON Lines file") as f:
        for number, obj in _objects(f, where):
            keys = tuple(obj)
            fields = fields_of.get(keys)
            if fields is None:
                if rows is None:  # the first object decides: a mapping it lacks is an error
                    fields = find_columns(keys, opts.columns, where=f"{where} line {number}", what="key")
                    if "text" not in fields:
                        raise InputFileError(no_text_message(f"{where} line {number}", keys, what="key"))
                    rows = Rows(where, fields, what="key")
                else:
                    fields = _lenient(keys, opts.columns)
                if len(fields_of) < 256:
                    fields_of[keys] = fields
            values = {field: obj.get(name) for field, name in fields.items()}
            entry = rows.entry(values, number)
            if entry is not None:
                yield entry
    if rows is None:
        raise InputFileError(f"{where}: the file has only white space; give one JSON object a line")
    rows.done()


def _lenient(keys, columns) -> dict:
    """The fields of a later line: a mapped key it lacks is only a missing value."""
    mapped = check_columns(columns)
    spelled = {norm(k) for k in keys}
    present = {field: name for field, name in mapped.items() if norm(name) in spelled}
    found = find_columns(keys, present, where="", what="key")
    return {field: name for field, name in found.items() if field in present or field not in mapped}
