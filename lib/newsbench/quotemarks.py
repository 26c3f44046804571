"""Direct quotations by their marks: the spans of quoted words in a text.

Shared by the layers that care where a quotation starts and ends: the time layer anchors
relative expressions inside one to when it was spoken (``"... tomorrow," he said on
Thursday``), and a quotations layer can attribute the same spans to speakers.
"""

from __future__ import annotations

__all__ = ["quote_spans"]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The direct quotations of ``text``, as ``(start, end)`` offsets of the words between the
    marks (the marks themselves left out), in text order.

    Curly ``“ ... ”`` and straight ``" ... "`` quotes are read line by line: a quotation never
    spans a line break, and one left open runs to the end of its line (a quote that goes on in
    the next paragraph reopens there, as newspapers write it). A new ``“`` restarts an open
    quotation; a ``”`` without an open one is ignored, and a straight mark closes whichever
    quotation is open.

    >>> quote_spans('"We will win," she said.')
    [(1, 13)]
    """
    spans = []
    pos = 0
    for line in text.split("\n"):
        open_at = None
        for i, ch in enumerate(line):
            if ch == "“":
                open_at = pos + i + 1
            elif ch == "”" and open_at is not None:
                spans.append((open_at, pos + i))
                open_at = None
            elif ch == '"':
                if open_at is None:
                    open_at = pos + i + 1
                else:
                    spans.append((open_at, pos + i))
                    open_at = None
        if open_at is not None and pos + len(line) > open_at:
            spans.append((open_at, pos + len(line)))
        pos += len(line) + 1
    return spans
