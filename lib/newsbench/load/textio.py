"""Reading files: whole (an article, a JSON file, a feed) or as a text stream (a table), with
the same checks and messages: empty, binary, not UTF-8."""

from __future__ import annotations

import codecs
import io
import warnings
from pathlib import Path

from ..errors import InputFileError
from .article import DecodeWarning, binary_kind, decode

_CHUNK = 1 << 20


def read_bytes(path: Path, where: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{where}: cannot be read ({exc.strerror}); check its permissions") from None


def read_head(path: Path, where: str, n: int, *, what: str) -> bytes:
    """The first ``n`` bytes of a table file.

    Raises:
        InputFileError: unreadable, or empty (``what`` names the kind of file expected).
    """
    try:
        with path.open("rb") as f:
            head = f.read(n)
    except OSError as exc:
        raise InputFileError(f"{where}: cannot be read ({exc.strerror}); check its permissions") from None
    if not head:
        raise InputFileError(f"{where}: the file is empty; give {what} with one article a row")
    return head


def read_text(path: Path, where: str) -> str:
    """The whole file as text (see :func:`~newsbench.load.article.decode`)."""
    return decode(read_bytes(path, where), where=where)


def _first_bad_byte(path: Path, encoding: str) -> int | None:
    """Where the file stops being valid ``encoding`` (read a chunk at a time), or None."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as f:
        while True:
            chunk = f.read(_CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return offset + max(exc.start, 0)
            if not chunk:
                return None
            offset += len(chunk)


def open_text(path: Path, where: str, *, what: str) -> io.TextIOWrapper:
    """A text stream over ``path`` for reading a row at a time (``newline=""``, so the csv module
    sees quoted line breaks and ``\\r\\n`` itself). UTF-8 (a BOM dropped); else Windows-1252 or
    Latin-1 with a :class:`DecodeWarning`. The file is checked before any row is read.

    Args:
        what: the kind of file, for messages (``a CSV table``).

    Raises:
        InputFileError: missing, unreadable, empty or binary.
    """
    head = read_head(path, where, 65536, what=what)
    kind = binary_kind(head)
    if kind is not None:
        shown = kind if kind.startswith("binary") else f"this is {kind}"
        raise InputFileError(f"{where}: {shown}, not {what}; save it as UTF-8 text")
    encoding = "utf-8-sig"
    bad = _first_bad_byte(path, "utf-8-sig")
    if bad is not None:
        encoding = "cp1252" if _first_bad_byte(path, "cp1252") is None else "latin-1"
        warnings.warn(
            f"{where}: not valid UTF-8 (byte {bad}); decoded as Windows-1252/Latin-1. "
            f"Save the file as UTF-8 to silence this",
            DecodeWarning,
            stacklevel=3,
        )
    return path.open("r", encoding=encoding, newline="")


def plain_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` as ``\\n`` (as :func:`decode` does for whole files)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
