"""Reading files: whole (an article, a JSON file, a feed) or as a text stream (a table), with
the same checks and messages: not a regular file, empty, binary, not UTF-8. A whole file is
read at most to its size limit (plus one byte, to tell), whatever its size on disk says."""

from __future__ import annotations

import codecs
import io
import logging
import os
import stat
from pathlib import Path

from ..errors import InputFileError
from .article import binary_kind, decode, max_bytes, too_big, utf16_encoding

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def _unreadable(where: str, exc: OSError) -> InputFileError:
    return InputFileError(f"{where}: cannot be read ({exc.strerror or type(exc).__name__}); check "
                          f"its permissions")


def regular_file(path: Path, where: str, *, missing_ok: bool = False) -> bool:
    """Whether ``path`` (a symlink followed) is a regular file; False when it is missing and
    ``missing_ok``. Never opens it: a FIFO would block, a device never end.

    Raises:
        InputFileError: a FIFO, device or socket (or a link to one), or missing (unless
            ``missing_ok``).
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if missing_ok:
            return False
        raise InputFileError(f"{where}: no such file; check the path") from None
    except OSError as exc:
        raise _unreadable(where, exc) from None
    if stat.S_ISREG(mode):
        return True
    if stat.S_ISDIR(mode):
        raise InputFileError(f"{where}: is a folder, not a regular file; give a file")
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    target = f" ({os.path.realpath(path)})" if os.path.islink(path) else ""
    raise InputFileError(f"{where}: is {kind}{target}, not a regular file; save the article "
                         f"to a file and give that")


def read_bytes(path: Path, where: str, *, limit: int | None = None, kind: str = "article") -> bytes:
    """The bytes of a regular file, at most ``limit`` (default: :func:`max_bytes`).

    Args:
        kind: ``article`` or ``feed``, for the message when the file is over ``limit``.

    Raises:
        InputFileError: not a regular file, unreadable, or longer than ``limit``.
    """
    limit = max_bytes() if limit is None else limit
    regular_file(path, where)
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise _unreadable(where, exc) from None
    if len(data) > limit:
        raise InputFileError(too_big(where, None, kind, limit))
    return data


def read_head(path: Path, where: str, n: int, *, what: str) -> bytes:
    """The first ``n`` bytes of a table file.

    Raises:
        InputFileError: unreadable, or empty (``what`` names the kind of file expected).
    """
    regular_file(path, where)
    try:
        with path.open("rb") as f:
            head = f.read(n)
    except OSError as exc:
        raise _unreadable(where, exc) from None
    if not head:
        raise InputFileError(f"{where}: the file is empty; give {what} with one article a row")
    return head


def read_text(path: Path, where: str) -> str:
    """The whole file (at most an article's size) as text (see
    :func:`~newsbench.load.article.decode`)."""
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
    Latin-1, with a logged warning. The file is checked before any row is read.

    A UTF-16 file (a byte-order mark, or ASCII text with every other byte NUL: Excel's
    "Unicode text") is read as UTF-16.

    Args:
        what: the kind of file, for messages (``a CSV table``).

    Raises:
        InputFileError: missing, unreadable, empty, binary, or UTF-16 that is not valid.
    """
    head = read_head(path, where, 65536, what=what)
    wide = utf16_encoding(head)
    if wide is not None:
        bad = _first_bad_byte(path, wide)
        if bad is not None:
            raise InputFileError(f"{where}: looks like UTF-16 but is not valid UTF-16 (byte {bad}); "
                                 f"save it as UTF-8")
        return path.open("r", encoding=wide, newline="")
    kind = binary_kind(head)
    if kind is not None:
        shown = kind if kind.startswith("binary") else f"this is {kind}"
        raise InputFileError(f"{where}: {shown}, not {what}; save it as UTF-8 text")
    encoding = "utf-8-sig"
    bad = _first_bad_byte(path, "utf-8-sig")
    if bad is not None:
        encoding = "cp1252" if _first_bad_byte(path, "cp1252") is None else "latin-1"
        log.warning(f"{where}: not valid UTF-8 (byte {bad}); decoded as Windows-1252/Latin-1. "
                    f"Save the file as UTF-8 to silence this")
    return path.open("r", encoding=encoding, newline="")


def plain_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` as ``\\n`` (as :func:`decode` does for whole files)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
