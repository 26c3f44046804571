"""What the tagger returns (:class:`Timex`) and what it weighs on the way (:class:`Candidate`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .values import span_of

if TYPE_CHECKING:
    from .rules import Rule


@dataclass
class Timex:
    """One temporal expression.

    Attributes:
        start, end: character offsets into the tagged text (``text[start:end] == self.text``).
        text: the extent.
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        value: the TIMEX3 value (``2015-03-13``, ``P2W``, ``XXXX-WXX-5``, ``PAST_REF`` ...).
        anchor: what a relative value was resolved against: ``publication:YYYY-MM-DD``,
            ``speech:YYYY-MM-DD`` (the day a quote was spoken), ``mention:VALUE`` (an earlier
            date in the text, for "a year earlier"), or ``none`` (absolute, a duration, or no
            date to resolve against).
        mod: TIMEX3 ``mod`` (``APPROX``, ``MORE_THAN``, ``BEFORE``, ``START``, ``MID``, ``END``
            ...) or None.
        rule: the rule family that found it (``absolute``, ``weekday``, ``deictic`` ...).
        tense: ``past`` or ``future`` where the tense of the clause decided the value, else None.
        date_start, date_end: the first and last calendar day the value covers (None for
            durations, sets, vague references and unresolved values).
        span_start, span_end: for a date that opens a period ("since 2004"), the period's
            first and last day (the last is the anchor day); else None.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str = "none"
    mod: str | None = None
    rule: str = ""
    tense: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    span_start: dt.date | None = None
    span_end: dt.date | None = None

    def __post_init__(self):
        if self.date_start is None and self.date_end is None:
            self.date_start, self.date_end = span_of(self.value)


@dataclass
class Candidate:
    """A match of one of a rule's patterns that its guard accepted; ``order`` is the pattern's
    place in the table (it breaks ties between matches of the same length)."""

    start: int
    end: int
    rule: Rule
    m: re.Match
    order: int
