"""Temporal expressions in news English, normalised to TIMEX3 against a publication date.

A rule-based tagger in the spirit of HeidelTime and SUTime, written for wire and newspaper
copy, where most dates are relative to the day the story ran ("on Friday", "last night",
"earlier this week", "the 5-1/2-year war"). It needs no model: :func:`tag` is a pure function
of the text and the publication date, so it can be measured and tested on its own.

What comes back follows TimeML TIMEX3 and the conventions in ``tests/data/timex/README.md``:

* extents without a leading preposition ("on Friday" -> ``Friday``), with the determiners and
  modifiers that belong to the expression (``the 1990s``, ``late last year``, ``about 40
  minutes``) and without a possessive ``'s``;
* ``type`` DATE, TIME, DURATION or SET; ``value`` such as ``2015-03-13``, ``2015-W11``,
  ``2015-03-12TNI``, ``P5Y6M``, ``XXXX-WXX-1``, ``PRESENT_REF``;
* weekdays, months, year-less dates, seasons and holidays resolved by the tense of their clause
  (past looks back, future looks forward);
* inside a direct quotation, relative expressions are anchored to when the quote was spoken
  when the sentence says so (``"... tomorrow," he said on Thursday``);
* without a publication date, relative expressions stay underspecified (``XXXX-WXX-5``,
  ``XXXX-XX-XX``): nothing is invented.

The package, rules as data beside small code:

* :mod:`.rules`: THE rule table, one :class:`~.rules.Rule` per rule family (its patterns, guard,
  resolver), in the order that breaks ties;
* :mod:`.dates`, :mod:`.relative`, :mod:`.durations`: the guards and resolvers the table names;
* :mod:`.tagger`: the driver (candidates, overlaps, resolution, quotations);
* :mod:`.context`: sentences, clauses, names and tense around an expression;
* :mod:`.values`: calendar arithmetic and TIMEX3 values (:func:`span_of`);
* :mod:`.vocab`, :mod:`.patterns`: the vocabulary and the regex building blocks.
"""

from __future__ import annotations

from .model import Timex
from .tagger import tag
from .values import parse_anchor, span_of

__all__ = ["Timex", "tag", "span_of", "parse_anchor"]
