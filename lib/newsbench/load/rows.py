"""What every reader yields (:class:`Entry`), and the rows of tables and feeds: one article a
row, the fields found by :func:`~newsbench.load.columns.find_columns`, problems in a row
warned about with its number (a few one by one, the rest counted) instead of refusing the file.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import InputFileError
from .article import coerce_date, compose, human_bytes, item_id, max_bytes
from .textio import plain_newlines

log = logging.getLogger(__name__)

#: Problems of one kind warned about row by row before the rest are only counted.
SHOWN = 5
_SCALARS = (str, int, float, bool, dt.date)


@dataclass
class Entry:
    """One article as a reader found it, before the sidecar, the caller and the checks.

    Attributes:
        text: the article text (title first, as analysed).
        meta: the file's metadata for it (``title``, ``published`` ...).
        item: its id within a file holding several (``vote``, ``17``); None for a whole file.
        at: where in the file, for messages (``row 7 (line 9)``, ``entry 3``); None for the file.
    """

    text: str
    meta: dict = field(default_factory=dict)
    item: str | None = None
    at: str | None = None


@dataclass
class ReadOptions:
    """What a reader is told: the file as messages name it, and the caller's column mapping."""

    where: str
    columns: object = None


class Issues:
    """Row problems of one file: the first :data:`SHOWN` of each kind warned with their row,
    the rest counted in one warning at the end."""

    def __init__(self, where: str, unit: str = "row"):
        self.where, self.unit = where, unit
        self.rows: dict[str, list[str]] = defaultdict(list)

    def warn(self, kind: str, at: str, message: str) -> None:
        """``kind``: the problem in a few words (``a date that is not a date``); ``at``: the
        row (``row 7``); ``message``: the whole warning after the row."""
        self.rows[kind].append(at)
        if len(self.rows[kind]) <= SHOWN:
            log.warning(f"{self.where} {at}: {message}")

    def summary(self) -> None:
        for kind, rows in self.rows.items():
            rest = rows[SHOWN:]
            if rest:
                more = f", ... ({len(rest) - 10} more)" if len(rest) > 10 else ""
                log.warning(f"{self.where}: {len(rest)} more {self.unit}s with {kind} "
                            f"({', '.join(rest[:10])}{more})")


def _scalar(value) -> str | None:
    if value is None or not isinstance(value, _SCALARS) or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return " ".join(text.split()) or None


class Rows:
    """Turns rows (``{field: value}``, fields as :func:`find_columns` found them) into
    :class:`Entry` objects; skips rows without text; warns about bad cells by row number.

    Args:
        where: the file, for messages.
        fields: our field -> the file's column name (for messages).
        unit: ``row`` or ``entry``.
        what: ``column`` or ``key`` (for messages).
    """

    def __init__(self, where: str, fields: dict[str, str], *, unit: str = "row", what: str = "column"):
        self.where, self.fields, self.unit, self.what = where, fields, unit, what
        self.issues = Issues(where, unit)
        self.seen = 0
        self.empty: list[str] = []
        self.kept = 0
        self.limit = max_bytes()

    def entry(self, values: dict, number: int, *, line: int | None = None) -> Entry | None:
        """The entry of row ``number`` (1-based), or None when it is skipped."""
        self.seen += 1
        at = f"{self.unit} {number}" + (f" (line {line})" if line and line != number else "")
        text = self._text(values.get("text"), at)
        if text is None:
            return None
        meta: dict = {}
        for key in ("title", "source", "url", "standfirst", "author"):
            value = values.get(key)
            if isinstance(value, dict):  # a feed's <source> element
                value = value.get("title")
            shown = _scalar(value)
            if shown is not None:
                meta[key] = shown
        published = self._published(values.get("published"), at)
        if published is not None:
            meta["published"] = published
        ident = _scalar(values.get("id"))
        item = item_id(ident) if ident is not None else str(number)
        if ident is not None:
            meta["id"] = ident
        meta[self.unit] = number
        self.kept += 1
        return Entry(compose(meta.get("title"), text), meta, item=item, at=at)

    def _text(self, value, at: str) -> str | None:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if value is None or (isinstance(value, str) and not value.strip()):
            self.empty.append(at.split(" (")[0])
            return None
        if not isinstance(value, str):
            self.issues.warn("text that is not a string", at,
                             f"the text is a {type(value).__name__}, not a string; the {self.unit} "
                             f"is skipped")
            return None
        size = len(value) if len(value) * 4 <= self.limit else len(value.encode("utf-8", "surrogatepass"))
        if size > self.limit:
            self.issues.warn("text over the size limit", at,
                             f"{human_bytes(size)} of text is more than one news article (limit "
                             f"{human_bytes(self.limit)}); the {self.unit} is skipped. Split it, or "
                             f"raise NEWSBENCH_MAX_BYTES")
            return None
        return plain_newlines(value)

    def _published(self, value, at: str) -> str | None:
        try:
            return coerce_date(value)
        except ValueError:
            shown = " ".join(str(value).split())[:40]
            self.issues.warn("a published date that is not a date", at,
                             f"published date '{shown}' is not a date; analysed without it "
                             f"(write dates as YYYY-MM-DD)")
            return None

    def done(self) -> None:
        """After the last row: the warnings that count; a refusal when no row had text.

        Raises:
            InputFileError: no rows, or no row with text.
        """
        self.issues.summary()
        column = self.fields.get("text", "text")
        if not self.seen:
            raise InputFileError(f"{self.where}: no {self.unit}s; give one article a {self.unit}")
        if not self.kept and not self.issues.rows:
            raise InputFileError(
                f"{self.where}: none of its {self.seen} {self.unit}s has text in {self.what} "
                f"'{column}'; fill it in, or map another {self.what} with --columns text=NAME")
        if not self.kept:
            raise InputFileError(f"{self.where}: none of its {self.seen} {self.unit}s could be read "
                                 f"(see the warnings above)")
        if self.empty:
            shown = ", ".join(self.empty[:10]) + (", ..." if len(self.empty) > 10 else "")
            n = len(self.empty)
            log.warning(f"{self.where}: skipped {n} {self.unit}{'s' if n != 1 else ''} with no "
                        f"text in {self.what} '{column}' ({shown})")
