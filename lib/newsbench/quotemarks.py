"""Direct quotations by their marks: the spans of quoted words in a text.

Shared by the layers that care where a quotation starts and ends: the time layer anchors
relative expressions inside one to when it was spoken (``"... tomorrow," he said on
Thursday``), and a quotations layer can attribute the same spans to speakers.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Marked", "quotations", "quote_spans"]


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


@dataclass(frozen=True)
class Marked:
    """Words between quotation marks.

    Attributes:
        start, end: offsets of the words (the marks left out).
        closed: False when the paragraph ended before a closing mark (a quotation that goes on
            in the next paragraph, or an unbalanced mark).
        single: the marks are single ones (British copy).
    """

    start: int
    end: int
    closed: bool
    single: bool


def _single_opens(line: str, i: int) -> bool:
    """A ``'`` or ``‘`` at ``i`` opens a quotation: after a space, a bracket or a dash (or the
    start), before a word. Not the apostrophe of ``'90s`` (a digit follows)."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isspace() or before in "([{—–-/:\"“") and (after.isalpha() or after in "…"
                                                                 or (after == "." and line[i + 1: i + 4] == "..."))


def _single_closes(line: str, i: int) -> bool:
    """A ``'`` or ``’`` at ``i`` closes a quotation: after a word or punctuation, before a
    space, punctuation or the end; not an apostrophe inside a word (``don't``)."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    if before.isspace():
        return False
    return after.isspace() or after in ",.;:!?)]}—–-\"”" or i + 1 == len(line)


def _scan(line: str, base: int, single: bool) -> list[Marked]:
    """The quotations of one line, by double marks, or by single marks when ``single``."""
    out, open_at = [], None
    for i, ch in enumerate(line):
        if not single:
            if ch in "“„«":
                open_at = base + i + 1
            elif ch in "”»" and open_at is not None:
                out.append(Marked(open_at, base + i, True, False))
                open_at = None
            elif ch == '"':
                if open_at is None:
                    open_at = base + i + 1
                else:
                    out.append(Marked(open_at, base + i, True, False))
                    open_at = None
        elif ch in "‘'" and open_at is None and _single_opens(line, i):
            open_at = base + i + 1
        elif ch in "’'" and open_at is not None and _single_closes(line, i):
            out.append(Marked(open_at, base + i, True, True))
            open_at = None
    if open_at is not None and base + len(line.rstrip()) > open_at:
        out.append(Marked(open_at, base + len(line.rstrip()), False, single))
    return out


def quotations(text: str) -> list[Marked]:
    """The words between quotation marks in ``text``, line by line, in text order.

    Double marks (curly, straight, guillemets) are read first, then single marks outside them
    (``'We will win', she said``), told from apostrophes by what stands around them. Single
    marks inside double ones are part of the outer quotation. A quotation
    left open at the end of its line runs to the end of it (``closed`` False): the next
    paragraph may go on with it.

    >>> [(q.start, q.end, q.closed) for q in quotations("'We will win', she said.")]
    [(1, 12, True)]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        found = _scan(line, pos, single=False)
        masked = list(line)  # single marks outside the double-quoted words
        for q in found:
            for i in range(max(q.start - 1 - pos, 0), min(q.end + 1 - pos, len(line))):
                masked[i] = " "
        found += _scan("".join(masked), pos, single=True)
        found.sort(key=lambda q: q.start)
        out.extend(q for q in found if q.end > q.start and text[q.start:q.end].strip())
        pos += len(line) + 1
    return out
