"""Tables as text (``.csv``; ``.tsv`` and ``.tab`` tab-separated): a header row, then one article
a row, read a row at a time with the csv module (quoted fields may hold line breaks; a UTF-8
BOM and Windows line endings are fine). The columns are found by their common names (see
:data:`~newsbench.load.columns.FIELDS`) or the caller's mapping. A ``.csv`` whose header has
more ``;`` (or tabs) than commas is read with that separator."""

from __future__ import annotations

import csv
import threading

from ...errors import InputFileError
from ..article import max_bytes
from ..columns import find_columns, no_text_message
from ..rows import Rows
from ..textio import open_text

NAME = "csv"
PUBLISHED_FROM = "table"
LIMIT = "table"
_TABBED = (".tsv", ".tab")
#: csv's field size limit is one per process: raised only while a row is read, one reader at a time.
_LIMIT_LOCK = threading.Lock()


def format_of(path) -> str:
    return "tsv" if path.suffix.lower() in _TABBED else "csv"


def _delimiter(f, path) -> str:
    if path.suffix.lower() in _TABBED:
        return "\t"
    first = f.readline(65536)
    f.seek(0)
    counts = {sep: first.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > counts[","] else ","


class _Reader:
    """csv.reader with the field size limit raised while it reads (and put back between rows),
    and its errors as one-line messages with the line number. The limit is twice an article's
    (a row with a longer text is skipped with a warning; a field far longer is a quote left
    open, which would otherwise swallow the rest of the file)."""

    def __init__(self, f, delimiter: str, where: str):
        self.reader = csv.reader(f, delimiter=delimiter)
        self.where = where
        self.limit = max(2 * max_bytes(), csv.field_size_limit())

    def next(self) -> list[str] | None:
        with _LIMIT_LOCK:
            return self._next()

    def _next(self) -> list[str] | None:
        old = csv.field_size_limit(self.limit)
        try:
            return next(self.reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            hint = ("a field is far longer than an article: a quote left open? Fix the quoting, "
                    "or raise NEWSBENCH_MAX_BYTES") if "field larger" in str(exc) else \
                "fix the quoting (a field with the separator or a line break goes in double quotes)"
            raise InputFileError(f"{self.where} line {self.reader.line_num}: unreadable CSV "
                                 f"({exc}); {hint}") from None
        finally:
            csv.field_size_limit(old)

    @property
    def line(self) -> int:
        return self.reader.line_num


def read(path, opts):
    where = opts.where
    with open_text(path, where, what=f"a {format_of(path).upper()} table") as f:
        reader = _Reader(f, _delimiter(f, path), where)
        header = reader.next()
        while header is not None and not any(c.strip() for c in header):
            header = reader.next()
        if header is None:
            raise InputFileError(f"{where}: the file has only white space; give a header row, then "
                                 f"one article a row")
        header = [c.strip() for c in header]
        fields = find_columns(header, opts.columns, where=where)
        if "text" not in fields:
            raise InputFileError(no_text_message(where, header))
        index = {field: header.index(name) for field, name in fields.items()}
        rows = Rows(where, fields)
        number = 0
        while True:
            line = reader.line + 1  # where the record starts
            row = reader.next()
            if row is None:
                break
            if not row:
                continue  # a blank line is no record
            number += 1
            if len(row) != len(header):
                rows.issues.warn("another number of fields than the header",
                                 f"row {number} (line {line})",
                                 f"{len(row)} fields where the header has {len(header)}; read as far "
                                 f"as they go (a separator inside an unquoted field?)")
            values = {field: row[i] if i < len(row) else None for field, i in index.items()}
            entry = rows.entry(values, number, line=line)
            if entry is not None:
                yield entry
        rows.done()
