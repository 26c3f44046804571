"""Layer: temporal expressions normalised to TIMEX3, and dated events.

Two frames:

* ``timexes``: every temporal expression (:mod:`newsbench.timex` finds and normalises them
  against the publication date), with ``date_start``/``date_end`` (the first and last calendar
  day its value covers), ``reads`` (the value in words) and, for durations the sentence lets us
  place ("the past two weeks", "the offer follows two weeks of bombardment") and for dates
  that open a period ("since 2004": 2004-01-01 to the publication), ``span_start``/``span_end``.
* ``events`` (:mod:`newsbench.layers.events`): each clause anchored to a calendar date or span,
  with a short who-did-what ``summary`` from the dependency parse, the ``entities`` in it (a
  list of names, in text order) and the expression that dates it.

``date_end`` is inclusive: "March 2015" covers 2015-03-01 .. 2015-03-31. Tables and notes on
these frames are views: :mod:`newsbench.views.timeline`.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .. import schema
from .. import timex as tx
from ..context import Context
from .clauses import Docs, clause_head, governor, verb_time
from .events import event_frame
from .registry import register
from .time_values import day, describe, period_offset

#: Paragraph roles where the present tense reports the past ("Russia vetoes resolution").
PRESENT_IS_PAST_ROLES = ("title", "caption")

#: dtype of ``span_start``/``span_end`` of ``timexes``: the schema's date unit.
SPAN_DTYPE = schema.DATE

#: Event kinds: dated by their own expression, a placed duration, dated through another event,
#: or not placeable.
EVENT_KINDS = schema.EVENT_KINDS

__all__ = ["EVENT_KINDS", "PRESENT_IS_PAST_ROLES", "SPAN_DTYPE", "build", "describe",
           "period_offset"]


@register("time", requires=("sentences", "mentions", "quotes"), assigns=("timexes", "events"))
def build(ctx: Context) -> dict[str, list[dict]]:
    """Rows of the frames ``timexes`` and ``events`` of one article (see the module docstring).
    Relative expressions inside the quotes layer's direct quotations are anchored to the day
    the quotation was spoken."""
    sent_spans = [(r["start"], r["end"]) for r in ctx.frames["sentences"]]
    headline = [(sp.start, sp.end) for sp in ctx.spans if sp.role in PRESENT_IS_PAST_ROLES]
    quoted = [(q["start"], q["end"]) for q in ctx.frames["quotes"] if q["kind"] == "direct"]
    found = tx.tag(ctx.text, ctx.published, sentences=sent_spans, present_is_past=headline,
                   quotes=quoted)
    docs = Docs(ctx)
    timexes = _timex_frame(ctx, found, docs)
    events = event_frame(ctx, found, timexes, docs)
    return {"timexes": timexes, "events": events}


def _timex_frame(ctx: Context, found: list[tx.Timex], docs: Docs) -> list[dict]:
    pub = tx.parse_anchor(ctx.published)
    rows = []
    for i, t in enumerate(found):
        span_start, span_end = (_place_duration(t, found, docs, pub) if t.type == "DURATION"
                                else (t.span_start, t.span_end))
        rows.append({
            "article_id": ctx.article_id, "start": t.start, "end": t.end, "timex_id": i,
            "sent_id": ctx.sent_id_at(t.start), "text": t.text, "type": t.type, "value": t.value,
            "date_start": day(t.date_start), "date_end": day(t.date_end), "anchor": t.anchor,
            "mod": t.mod or "", "rule": t.rule, "tense": t.tense or "", "reads": describe(t.value),
            "span_start": day(span_start), "span_end": day(span_end),
        })
    return rows


def _head_of(t: tx.Timex, docs: Docs):
    span, _ = docs.span(t.start, t.end)
    if span is None or len(span) == 0:
        return None
    return clause_head(governor(span.root))


def _place_duration(t: tx.Timex, found: list[tx.Timex], docs: Docs, pub: dt.date | None):
    """Where a duration sits on the calendar, when the sentence says so, else (None, None).

    "the past/last two weeks" end at the anchor day; "the next/coming two years" start there; a
    duration in a present or present-perfect clause ("follows two weeks of bombardment", "has
    lasted 18 months") ends at the anchor; in a future clause it starts at the clause's date or
    the anchor; in a past clause it ends at a date in the same clause ("signed ... after two
    weeks of talks"). Durations under a day and unspecified ones are not placed.
    """
    off = period_offset(t.value)
    if off is None:
        return None, None
    anchor = tx.parse_anchor(t.anchor.split(":", 1)[1]) if ":" in t.anchor and \
        t.anchor.startswith(("publication", "speech")) else pub
    words = t.text.lower().split()
    if re.match(r"\s+(?:after|before|following|later|earlier)\b", docs.text_after(t.end)):
        return None, None             # the amount of "a week after the vote", not a period
    if words[:2] in (["the", "past"], ["the", "last"]) and anchor:
        return (pd.Timestamp(anchor) - off).date(), anchor
    if words[:2] in (["the", "next"], ["the", "coming"]) and anchor:
        return anchor, (pd.Timestamp(anchor) + off).date()
    span, _ = docs.span(t.start, t.end)
    if span is None or len(span) == 0:
        return None, None
    verb = governor(span.root)
    head = clause_head(verb)
    same_clause = [o for o in found if o is not t and o.type in ("DATE", "TIME")
                   and o.date_start is not None and o.date_start == o.date_end
                   and _head_of(o, docs) is head]
    when = verb_time(verb, headline=False)
    is_modifier = (span.root.dep_ in ("amod", "compound", "nmod", "npadvmod")
                   and span.root.head.pos_ == "NOUN")
    if when == "present" and anchor:
        return (pd.Timestamp(anchor) - off).date(), anchor
    if when == "future":
        start = same_clause[0].date_start if same_clause else anchor
        if start:
            return start, (pd.Timestamp(start) + off).date()
        return None, None
    if when == "past" and same_clause and not is_modifier:
        end = same_clause[0].date_start
        return (pd.Timestamp(end) - off).date(), end
    return None, None
