"""How a message reaches a terminal: escaped (:func:`printable`) and as one line
(:class:`LineFormatter`: ``newsbench: warning: ...``). The library only logs (the ``newsbench``
logger); the command line and its worker processes show the records with this formatter, the
notebooks as notes (:func:`newsbench.notebook.warnings_as_notes`)."""

from __future__ import annotations

import logging
import re
import unicodedata

from .errors import one_line

#: Bidirectional controls (they reorder what a terminal shows) are escaped like control codes.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text) -> str:
    """``text`` safe for a terminal: control characters (escape codes from a file name),
    bidirectional controls and undecodable bytes are shown escaped (``\\x1b``), as ``repr``
    would, and whitespace runs become one space."""
    out = []
    for ch in " ".join(str(text).split()):
        if ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs"):
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                       if unicodedata.category(ch) != "Cs" else f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch)
    return "".join(out)


#: A warning as Python formats it: ``path:12: SomeWarning: message``, then the source line.
_PY_WARNING = re.compile(r"^.*?:\d+: \w+: (.*?)\n?(?:\n  .*)?\s*$", re.S)


class LineFormatter(logging.Formatter):
    """A record as one escaped line: ``newsbench: LEVEL: message``. A Python warning captured
    by ``logging.captureWarnings`` loses its file and line; papermill's ``--log-output`` lines
    (``[article notebook] line``) are shown as they are."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.name == "papermill":
            return printable(text)
        if record.name == "py.warnings":
            found = _PY_WARNING.match(text)
            text = found.group(1) if found else text
        return printable(f"newsbench: {record.levelname.lower()}: {one_line(text)}")
