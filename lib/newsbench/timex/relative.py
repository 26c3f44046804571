"""Guards and resolvers of the relative rules: "today", "this morning", "next week", "the
following day", "the weekend", "three days ago", "a year earlier", and clock times.

Signatures as in :mod:`.dates`. Deictic expressions count from the anchor (the publication
date, or the day a quotation was spoken); anaphoric ones ("a year earlier", "the next day")
from the last concrete date mentioned before them, else from the anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import Timex
from .patterns import WD
from .values import duration, granularity, num, shift, underspecified, unit_key, unit_value, week
from .vocab import (APPROX_MOD, BACKWARD, CLOCK_BEFORE, DAY_RELATIONS, DAY_WORD_OFFSETS,
                    DEICTIC_OFFSETS, PARTS, POINT_MOD, POS_MOD, RELATION_SIGN, SPAN_BEFORE,
                    WEEKDAYS)

_ZONE = re.compile(r"[ \t]+(?:local time|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)\b")
#: The day of a clock time: right after it ("3 p.m. on Friday") ...
_DAY_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?:on[ \t]+)?(?:(?:last|next|this)[ \t]+)?"
                        rf"(?P<d>{WD}|(?i:today|tonight|tomorrow|yesterday))\b")
#: ... or just before it ("Friday at 3 p.m.").
_DAY_BEFORE = re.compile(rf"(?P<d>{WD}|(?i:today|tonight|tomorrow|yesterday))"
                         rf"(?:[ \t]+(?:morning|afternoon|evening|night))?,?[ \t]+"
                         rf"(?:at|from|until|by|around)[ \t]+$")

# --------------------------------------------------------------------------------------------
# Guards
# --------------------------------------------------------------------------------------------


def guard_deictic(ctx, m) -> bool:
    """Not the end of a name (after a capitalised word, as in "Radio Today")."""
    return not ctx.is_name(m.start(), m.end(), check_next=False)


def guard_this_unit(ctx, m) -> bool:
    """"the week" alone is no date: only with a modifier ("the end of the week")."""
    return bool(m.groupdict().get("mod"))


def guard_ago(ctx, m) -> bool:
    """Not an age ("three years old"), not a comparison ("a day later than planned"); "before",
    "after", "on", "prior" only at the end of a clause ("two days before,")."""
    text, e = ctx.text, m.end()
    if ctx.age_follows(e):
        return False
    if re.match(r"[ \t]+than\b", text[e:e + 12]):
        return False        # "a day later than planned"
    if m.group("dir").lower() in ("before", "after", "on", "prior"):
        rest = text[e:e + 20]
        if not re.match(r"\s*(?:[,.;:)\"”]|$)", rest):
            return False
    return True


#: After a number, words that make it an amount ("10.45 points", "3.50 euros").
PRICE_AFTER = re.compile(
    r"[ \t]?(?:%|percent|per[ \t]cent|points?|pts|cents?|sen|pence|p\b|euros?|dollars?|"
    r"pounds?|yen|yuan|rupees?|ringgit|baht|pesos?|francs?|rand|won|lira|liras|roubles?|"
    r"rubles?|dinars?|dirhams?|riyals?|shekels?|krona|kronor|krone|(?!GMT|UTC|BST|CET|EST|EDT|PST|PDT|CDT|CST|MSK|IST|JST|HKT|SGT)[A-Z]{3}\b|a[ \t]share|"
    r"per[ \t]share|a[ \t]barrel|per[ \t]barrel|an[ \t]ounce|per[ \t]ounce|times|x\b)", re.I)
def _after_price_verb(ctx, start: int) -> bool:
    """Whether a number follows a price movement ("closed at 10.45", "eased 10 sen to 4.15")
    in a sentence that talks about a market (a unit or a market word nearby)."""
    before = ctx.text[max(0, start - 60):start]
    if not re.search(r"\b(?:clos|end|finish|settl|stood|was|were|is|fell|rose|eas|gain|lost|dipp|slipp|"
                     r"climb|jump|shed|dropp|firm|weaken|strengthen|quoted|valued|priced)\w*"
                     r"(?:[ \t]+\S+){0,4}?[ \t]+(?:at|to|from|by)?[ \t]*$", before, re.I):
        return False
    return bool(re.search(r"\b(?:shares?|stocks?|index|indices|points?|ringgit|dollar|euro|yen|"
                          r"sterling|pound|currency|price|prices|bond|yields?|futures|crude|"
                          r"gold|oil|market|Dow|Nasdaq|FTSE|Nikkei|DAX|CAC|KLCI|Hang[ \t]Seng|"
                          r"sen|cents?|pence|trading|session|exchange|rate)\b",
                          ctx.text[slice(*ctx.sent_of(start))], re.I))


def guard_clock(ctx, m) -> bool:
    """A time without a.m./p.m. only with a zone ("14:30 GMT") or after "at", "by" ..."""
    g = m.groupdict()
    if g.get("nm"):
        return True
    if not g.get("ap"):
        prev = ctx.prev_words(m.start(), 1)
        zone = re.match(r"[ \t]?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local time|hrs|hours|h)\b",
                        ctx.text[m.end():m.end() + 12])
        if not zone and (PRICE_AFTER.match(ctx.text, m.end()) or _after_price_verb(ctx, m.start())):
            return False              # "10.45 points", "eased to 3.56": a price, not a time
        if not zone and not (prev and prev[-1] in CLOCK_BEFORE):
            return False
    return True


# --------------------------------------------------------------------------------------------
# Resolvers: from the anchor
# --------------------------------------------------------------------------------------------

def resolve_deictic(ctx, c, anchor, mk, out):
    """"today", "tonight", "yesterday morning", "the day after tomorrow"."""
    g = c.m.groupdict()
    w = " ".join(g["w"].lower().split())
    pod = (g.get("pod") or "").lower()
    off = DEICTIC_OFFSETS[w]
    suffix = "TNI" if w == "tonight" else (f"T{PARTS[pod]}" if pod else "")
    type_ = "TIME" if suffix else "DATE"
    mod = POS_MOD.get((g.get("mod") or "").lower())
    if anchor is None:
        return mk(type_, "XXXX-XX-XX" + suffix, "deictic", mod=mod)
    return mk(type_, (anchor + dt.timedelta(days=off)).isoformat() + suffix, "deictic", mod=mod)


def resolve_partday(ctx, c, anchor, mk, out):
    """"this morning", "last night"."""
    g = c.m.groupdict()
    rel = g["rel"].lower()
    pod = g["pod"].lower()
    suffix = f"T{PARTS[pod]}"
    off = -1 if rel == "last" else 0
    if anchor is None:
        return mk("TIME", "XXXX-XX-XX" + suffix, "deictic")
    return mk("TIME", (anchor + dt.timedelta(days=off)).isoformat() + suffix, "deictic")


def resolve_relative(ctx, c, anchor, mk, out):
    """"last week", "next month", "this year", "the end of the year" ("the past year" and
    "the coming month" are durations)."""
    g = c.m.groupdict()
    u = g["u"].lower()
    rel = (g.get("rel") or "this").lower()
    modw = " ".join((g.get("mod") or "").lower().split())
    mod = POS_MOD.get(modw)
    if rel == "past" or (rel == "coming" and u != "weekend"):
        if u == "weekend":
            return _weekend(anchor, "past", mk)
        return mk("DURATION", duration(1, u), "duration", rel=False)
    if rel == "current":
        rel = "this"
    step = {"this": 0, "last": -1, "next": 1, "coming": 1}[rel]
    if u == "fortnight":
        return mk("DURATION", "P2W", "duration", rel=False)
    if anchor is None:
        return mk("DATE", underspecified(u), "deictic", mod=mod)
    if u == "weekend":
        if rel == "this":
            return _weekend(anchor, ctx.tense(c.start, c.end), mk, this=True)
        return mk("DATE", week(anchor + dt.timedelta(weeks=step)) + "-WE", "deictic", mod=mod)
    value = unit_value(anchor, u, step)
    return mk("DATE", value, "quarter" if u == "quarter" else "deictic", mod=mod) if value else None


def resolve_weekend(ctx, c, anchor, mk, out):
    """"the weekend": the one the tense points to."""
    if anchor is None:
        return mk("DATE", "XXXX-WXX-WE", "deictic")
    return _weekend(anchor, ctx.tense(c.start, c.end), mk)


def _weekend(anchor, tense, mk, this=False):
    if anchor is None:
        return mk("DATE", "XXXX-WXX-WE", "deictic")
    wd = anchor.isoweekday()
    if this or wd >= 6:
        sat = anchor + dt.timedelta(days=6 - wd)
    elif tense == "future":
        sat = anchor + dt.timedelta(days=6 - wd)
    else:
        sat = anchor - dt.timedelta(days=wd + 1)
    return mk("DATE", week(sat) + "-WE", "deictic", tense=None if this else tense)


def resolve_newyear(ctx, c, anchor, mk, out):
    """"the new year": this year, or the next in the future tense."""
    if anchor is None:
        return mk("DATE", "XXXX", "deictic")
    tense = ctx.tense(c.start, c.end)
    y = anchor.year + 1 if tense == "future" else anchor.year
    return mk("DATE", f"{y:04d}", "deictic", tense=tense)


def _relative_from(anchor, u, step, mk):
    if anchor is None:
        return mk("DATE", underspecified(u), "deictic")
    value = unit_value(anchor, u, step)
    return mk("DATE", value, "deictic") if value else None


# --------------------------------------------------------------------------------------------
# Resolvers: from an earlier date of the text
# --------------------------------------------------------------------------------------------

def reference(pos: int, out: list[Timex]) -> Timex | None:
    """The last concrete date mentioned before ``pos`` ("a year earlier" than it), if any."""
    best = None
    for t in out:
        if t.end <= pos and t.date_start is not None and t.type in ("DATE", "TIME"):
            best = t
    return best


def _shift_from_reference(c, n, unit, sign, mk, out, anchor):
    """A date ``n`` units before/after the last concrete date mentioned (else the anchor)."""
    ref = reference(c.start, out)
    if ref is not None and ref.date_start is not None:
        base, label, gran = ref.date_start, f"mention:{ref.value}", granularity(ref.value)
    elif anchor is not None:
        base, label, gran = anchor, None, "day"
    else:
        return mk("DATE", underspecified(unit), "anaphoric")
    u = unit_key(unit)
    part = None
    if ref is not None:
        part = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", ref.value)
    if part and u == "year" and float(n).is_integer():
        # "a year earlier" than the third quarter of 2015 is the third quarter of 2014
        value = f"{int(part[1]) + int(n) * sign:04d}-{part[2]}"
    else:
        value = shift(base, n * sign, u, gran)
    if value is None:
        return mk("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "ref", rel=False)
    t = mk("DATE", value, "anaphoric")
    if label:
        t.anchor = label
    return t


def resolve_the_rel(ctx, c, anchor, mk, out):
    """"the following day", "the previous week", "the next morning", "the past month" (a
    duration), "the current year"."""
    g = c.m.groupdict()
    u = g["u"].lower()
    rel = g["rel"].lower()
    if u in ("night", "morning", "afternoon", "evening"):
        if rel in DAY_RELATIONS:
            sign = RELATION_SIGN[rel]
            t = _shift_from_reference(c, abs(sign), "day", sign or 1, mk, out, anchor)
            if t is not None and re.match(r"\d{4}-\d\d-\d\d$", t.value):
                t.value += f"T{PARTS[u]}"
                t.type = "TIME"
            return t
        return None
    if u == "weekend":
        if rel in ("past", "last"):
            return _weekend(anchor, "past", mk)
        if rel in ("coming", "next"):
            return _weekend(anchor, "future", mk)
    if rel in ("past", "last", "coming"):
        if u == "day" and rel != "coming":
            return mk("DURATION", "P1D", "duration", rel=False)
        return mk("DURATION", duration(1, u), "duration", rel=False)
    if rel == "current":
        return resolve_relative(ctx, c, anchor, mk, out)
    prev = ctx.prev_words(c.start, 1)
    if u != "day" and prev and prev[-1] in SPAN_BEFORE:
        if rel in ("next", "following", "subsequent"):
            return mk("DURATION", duration(1, u), "duration", rel=False)
    sign = RELATION_SIGN[rel]
    if rel == "next" and u != "day":
        # "the next week" said of now is next week
        ref = reference(c.start, out)
        if ref is None:
            return _relative_from(anchor, u, 1, mk)
    return _shift_from_reference(c, abs(sign), u, sign or 1, mk, out, anchor)


def resolve_ago(ctx, c, anchor, mk, out):
    """"three days ago", "two weeks from now" (from the anchor); "a year earlier", "two days
    later" (from the last date mentioned)."""
    g = c.m.groupdict()
    n = num(g["n"]) if g.get("n") else 1
    if g.get("half1") or g.get("half2"):
        n = (n or 0) + 0.5
    u = unit_key(g["u"])
    d = g["dir"].lower()
    amount = APPROX_MOD.get((g.get("approx") or "").lower())
    if n is None:
        value = "PAST_REF" if d in ("ago",) + BACKWARD else "FUTURE_REF"
        return mk("DATE", value, "ref", rel=False)
    back = d == "ago" or (d not in ("from now", "hence") and d in BACKWARD)
    mod = POINT_MOD.get((amount, -1 if back else 1), amount)
    if d in ("ago", "from now", "hence"):
        sign = -1 if d == "ago" else 1
        if anchor is None:
            return mk("DATE", underspecified(u), "ago", mod=mod)
        value = shift(anchor, n * sign, u, "day")
        if value is None:                   # beyond the calendar: "3000 years ago"
            return mk("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "ref", rel=False,
                      mod=mod)
        return mk("DATE", value, "ago", mod=mod)
    sign = -1 if d in BACKWARD else 1
    t = _shift_from_reference(c, n, u, sign, mk, out, anchor)
    if t is not None:
        t.mod = mod
    return t


def resolve_ago_vague(ctx, c, anchor, mk, out):
    """"years ago", "several months ago"."""
    return mk("DATE", "PAST_REF", "ref", rel=False)


def resolve_the_before(ctx, c, anchor, mk, out):
    """"the day before", "the week after", "the night before" (a day)."""
    g = c.m.groupdict()
    u = g["u"].lower()
    sign = -1 if g["dir"].lower() in ("before", "earlier") else 1
    return _shift_from_reference(c, 1.0, "day" if u == "night" else u, sign, mk, out, anchor)


# --------------------------------------------------------------------------------------------
# Clock times
# --------------------------------------------------------------------------------------------

def resolve_clock(ctx, c, anchor, mk, out):
    """"3 p.m.", "14:30 GMT", "noon", on the day joined to it ("3 p.m. Friday"), the day right
    after it ("at 9 a.m. on Monday"), the day just before it ("Friday at 3 p.m.") or the anchor."""
    g = c.m.groupdict()
    s, e = c.start, c.end
    if g.get("nm"):
        nm = g["nm"].lower()
        hh, mm = (24, 0) if nm == "midnight" else (12, 0)
    else:
        hh = int(g["h"])
        mm = int(g["mi"] or 0)
        ap = (g.get("ap") or "").lower().replace(".", "")
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
    clock = f"T{hh:02d}:{mm:02d}"
    day_word = (g.get("day") or "")
    base = None
    if day_word:
        base = _day_value(ctx, day_word, c, anchor)
    else:
        tail = ctx.text[e:e + 60]
        zone = _ZONE.match(tail)
        off = zone.end() if zone else 0
        m = _DAY_AFTER.match(tail[off:])
        if m:
            base = _day_value(ctx, m.group("d"), c, anchor, at=e + off + m.start("d"),
                              at_end=e + off + m.end("d"))
        else:
            head = ctx.text[max(0, s - 40):s]
            m2 = _DAY_BEFORE.search(head)
            if m2:
                pos = s - len(head) + m2.start("d")
                base = _day_value(ctx, m2.group("d"), c, anchor, at=pos,
                                  at_end=pos + len(m2.group("d")))
    if base is None:
        base = anchor.isoformat() if anchor else "XXXX-XX-XX"
    return mk("TIME", base + clock, "time", end=e)


def _day_value(ctx, word: str, c, anchor, at=None, at_end=None) -> str:
    """The day of a weekday or day word next to a clock time."""
    w = word.lower()
    if w in WEEKDAYS:
        wd = WEEKDAYS[w]
        if anchor is None:
            return f"XXXX-WXX-{wd}"
        a, b = (at, at_end) if at is not None else (c.start, c.end)
        tense = ctx.tense(a, b)
        diff = (wd - anchor.isoweekday()) % 7
        if tense == "future":
            return (anchor + dt.timedelta(days=diff or 7)).isoformat()
        return (anchor - dt.timedelta(days=(anchor.isoweekday() - wd) % 7)).isoformat()
    if anchor is None:
        return "XXXX-XX-XX"
    off = DAY_WORD_OFFSETS[w]
    return (anchor + dt.timedelta(days=off)).isoformat()
