"""Guards and resolvers of the calendar rules: written dates, months, years and their parts,
decades and centuries, quarters, halves, seasons, holidays and weekdays.

Every guard is ``guard(ctx, m) -> bool`` (keep the match?) and every resolver
``resolve(ctx, c, anchor, mk, out) -> Timex | None``; :mod:`.rules` pairs them with patterns.
A bare weekday, month, season or year-less date is resolved by the tense of its clause: the
past looks back from the anchor, the future forward.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .values import holiday, is_movable, span_of, yearless
from .vocab import (CAP_OK, COUNT_NOUNS, HOLIDAYS, MONTH_CONTEXT, MONTHS, ORDINALS, PARTS, POS_MOD,
                    QTY_BEFORE, SEASON_BEFORE, SEASON_VERB_BEFORE, SEASONS, WEEKDAYS)

# --------------------------------------------------------------------------------------------
# Guards
# --------------------------------------------------------------------------------------------


def guard_full_date(ctx, m) -> bool:
    """Not a number running into a month ("1.5 May", "$3 March")."""
    s = m.start()
    return not (s > 0 and re.match(r"[\w$£€.,:/-]", ctx.text[s - 1]))


def guard_month_day(ctx, m) -> bool:
    """Not a percentage ("May 4 percent"), not a date that opens a name ("the May 4th Movement")."""
    if re.match(r"\s*(?:%|percent)", ctx.text[m.end():m.end() + 12]):
        return False
    return not ctx.is_name(m.start(), m.end(), check_prev=False)


def guard_day_month(ctx, m) -> bool:
    return guard_full_date(ctx, m) and guard_month_day(ctx, m)


def guard_month(ctx, m) -> bool:
    """A bare "May" or "March" only after a word that makes it the month; never inside a name."""
    text, s, e = ctx.text, m.start(), m.end()
    g = m.groupdict()
    after = text[e:e + 12]
    mon = g["mon"]
    if g.get("mod"):
        return not ctx.is_name(s, e, check_prev=False)
    prev = ctx.prev_words(s, 1)
    if mon in ("May", "March"):
        if not prev or prev[-1] not in MONTH_CONTEXT:
            return False
        if re.match(r"[ \t]+(?:be|have|not|also|well|still|never|only|help|need|want)\b", after):
            return False
    if ctx.is_name(s, e):
        return False
    # "the May 4th Movement": a dated name, not a date
    if re.match(r"[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]", after + text[e + 12:e + 20]):
        return False
    return True


def guard_year(ctx, m) -> bool:
    """A four-digit number that is neither part of a longer number, a code ("Resolution 2254")
    nor a count ("about 2000", "1500 people")."""
    text, s, e = ctx.text, m.start(), m.end()
    after = text[e:e + 12]
    prev_raw, opens = ctx.prev_token_raw(s)
    prev = ctx.prev_words(s, 2)
    if m.groupdict().get("yy"):
        # "in '58", "since '08": a clipped year only after a preposition of time
        return bool(prev) and prev[-1] in YEAR_CLIP_BEFORE
    if re.search(r"\d[ \t]*$", text[max(0, s - 3):s]) or re.match(r"[ \t]*\d", after):
        return False
    # "Section 1983", "Resolution 2254": a number after a capitalised noun is a code,
    # also at the start of a sentence
    if prev_raw and prev_raw[0].isupper() and prev_raw.lower() not in CAP_OK \
            and prev_raw.lower().rstrip(".") not in MONTHS and not prev_raw.isupper():
        return False
    if prev and (prev[-1] in QTY_BEFORE or " ".join(prev[-2:]) in QTY_BEFORE):
        return False
    nxt = ctx.next_token_raw(e).lower()
    if nxt in COUNT_NOUNS:
        return False
    return True


def guard_year_mod(ctx, m) -> bool:
    """A season before a year is not the end of a name ("Arab Spring 2011")."""
    mod = m.group("mod").lower()
    if mod.startswith(("spring", "summer", "autumn", "fall", "winter")) and \
            ctx.is_name(m.start(), m.end(), check_next=False):
        return False
    return True


def guard_quarter(ctx, m) -> bool:
    """Not "the third quarter of the match", "a quarter mile", "the first quarter of his term"."""
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"[ \t]+(?:point|mile|of[ \t]+(?:a|an|his|her|their|its|"
                r"the[ \t]+(?!year|fiscal|financial)))\b", after):
        return False
    if m.groupdict().get("q") is None:
        tail = ctx.text[m.end():m.end() + 30]
        if re.match(r"[ \t]+of[ \t]+(?!the[ \t]+year|this|last|next|\d)", tail):
            return False
    return True


def guard_half(ctx, m) -> bool:
    """"the first half of" only of a year."""
    if re.match(r"[ \t]+of\b", ctx.text[m.end():m.end() + 12]) and not m.groupdict().get("ref"):
        return False
    return True


def guard_season(ctx, m) -> bool:
    """Not a name ("Arab Spring", "Summer Olympics"); a bare season only after a preposition
    (fewer for "fall" and "spring", which are verbs too)."""
    text, s, e = ctx.text, m.start(), m.end()
    g = m.groupdict()
    after = text[e:e + 12]
    word = g["s"]
    mod = (g.get("mod") or "").lower()
    if word[0].isupper():
        _, opens = ctx.prev_token_raw(s)
        if (not mod or mod == "the") and not opens and ctx.is_name(s, e):
            return False
        if ctx.is_name(s, e, check_next=False):
            return False
    nxt = ctx.next_token_raw(e)
    if nxt and nxt[0].isupper() and nxt.lower() not in CAP_OK and not g.get("y"):
        return False
    if mod or g.get("y"):
        if mod == "the" and re.match(r"[ \t]+of\b", after) and not g.get("y"):
            return False
        if mod == "the" and word.lower() in ("fall", "spring") and not g.get("y"):
            # "the fall in banking stocks", "The fall deepened": the noun, not the season,
            # unless a preposition says when ("in the fall", "by the spring").
            prev = ctx.prev_words(s, 1)
            if re.match(r"[ \t]+(?:in|of)\b", after) or not (prev and prev[-1] in SEASON_VERB_BEFORE):
                return False
        return True
    prev = ctx.prev_words(s, 1)
    if word.lower() in ("fall", "spring"):
        return bool(prev) and prev[-1] in SEASON_VERB_BEFORE
    return bool(prev) and prev[-1] in SEASON_BEFORE


def guard_not_name(ctx, m) -> bool:
    """Not part of a name on either side ("Christmas Island", "Easter Rising")."""
    return not ctx.is_name(m.start(), m.end())


def guard_weekday(ctx, m) -> bool:
    """Not part of a name ("the Sunday Times", "Bloody Sunday"); with a modifier or a part of
    the day only the word after counts."""
    g = m.groupdict()
    if g.get("mod") or g.get("pod"):
        return not ctx.is_name(m.start(), m.end(), check_prev=False)
    return not ctx.is_name(m.start(), m.end())


# --------------------------------------------------------------------------------------------
# Resolvers: absolute dates
# --------------------------------------------------------------------------------------------

def resolve_iso(ctx, c, anchor, mk, out):
    g = c.m.groupdict()
    return mk("DATE", f"{g['y']}-{g['m']}-{g['d']}", "absolute", rel=False)


def resolve_sept11(ctx, c, anchor, mk, out):
    return mk("DATE", "2001-09-11", "absolute", rel=False)


def resolve_full_date(ctx, c, anchor, mk, out):
    """"14 March 2015", "March 14, 2015" (None for a day the month does not have)."""
    g = c.m.groupdict()
    mon = MONTHS[g["mon"].rstrip(".").lower()]
    d = int(re.match(r"\d+", g["d"]).group())
    try:
        dt.date(int(g["y"]), mon, d)
    except ValueError:
        return None
    return mk("DATE", f"{int(g['y']):04d}-{mon:02d}-{d:02d}", "absolute", rel=False)


def resolve_month_year(ctx, c, anchor, mk, out):
    g = c.m.groupdict()
    mon = MONTHS[g["mon"].rstrip(".").lower()]
    mod = POS_MOD.get((g.get("mod") or "").lower())
    return mk("DATE", f"{int(g['y']):04d}-{mon:02d}", "absolute", rel=False, mod=mod)


#: Words before a clipped year ("in '58") that make it a year.
YEAR_CLIP_BEFORE = ("in", "since", "from", "until", "till", "by", "before", "after", "of",
                    "around", "circa", "during", "through", "to")


def resolve_year(ctx, c, anchor, mk, out):
    """"1957"; "'58" in the latest century that puts it no more than five years after the
    anchor (1958 in a story of 2016, 2019 in one of 2020)."""
    yy = c.m.groupdict().get("yy")
    if not yy:
        return mk("DATE", c.m.group("y"), "absolute", rel=False)
    base = anchor.year if anchor is not None else 1999
    y = (base + 5) // 100 * 100 + int(yy)
    if y > base + 5:
        y -= 100
    return mk("DATE", f"{y:04d}", "absolute", rel=False)


def resolve_year_mod(ctx, c, anchor, mk, out):
    """"early 2015", "summer 2015", "the first half of 2015", "fiscal 2015"."""
    g = c.m.groupdict()
    modw = " ".join(g["mod"].lower().split())
    for season, code in SEASONS.items():
        if season in modw:
            return mk("DATE", f"{g['y']}-{code}", "season", rel=False)
    if "half" in modw:
        return mk("DATE", f"{g['y']}-H{1 if 'first' in modw else 2}", "quarter", rel=False)
    return mk("DATE", g["y"], "absolute", rel=False, mod=POS_MOD.get(modw))


def resolve_decade(ctx, c, anchor, mk, out):
    """"the 1990s", "the '60s" (the century of "'60s" from the anchor)."""
    g = c.m.groupdict()
    mod = POS_MOD.get((g.get("mod") or "").lower())
    if g.get("dec"):
        return mk("DATE", g["dec"][:3], "absolute", rel=False, mod=mod)
    dd = int(g["dd"])
    century = "19" if dd >= 20 or anchor is None or anchor.year < 2000 else "20"
    if anchor is not None and anchor.year >= 2000 and dd < 20:
        century = "20"
    return mk("DATE", f"{century}{dd // 10}", "absolute", rel=False, mod=mod)


def resolve_century(ctx, c, anchor, mk, out):
    g = c.m.groupdict()
    o = g["ord"].lower()
    n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else ORDINALS[o]
    return mk("DATE", f"{n - 1:02d}", "absolute", rel=False,
              mod=POS_MOD.get((g.get("mod") or "").lower()))


# --------------------------------------------------------------------------------------------
# Resolvers: dates without a year, resolved against the anchor
# --------------------------------------------------------------------------------------------

def resolve_day_month(ctx, c, anchor, mk, out):
    """"14 March", "March 14", "Tuesday, March 14" (the year where weekday and date agree)."""
    g = c.m.groupdict()
    s, e = c.start, c.end
    mon = MONTHS[g["mon"].rstrip(".").lower()]
    d = int(re.match(r"\d+", g["d"]).group())
    if d > calendar.monthrange(2000, mon)[1]:
        return None
    if g.get("wd"):
        wd = WEEKDAYS[g["wd"].lower()]
        if anchor is None:
            return mk("DATE", f"XXXX-{mon:02d}-{d:02d}", "absolute")
        # a weekday with a year-less date: the year where they agree, nearest the anchor
        best = None
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                day = dt.date(y, mon, d)
            except ValueError:
                continue
            if day.isoweekday() == wd and \
                    (best is None or abs((day - anchor).days) < abs((best - anchor).days)):
                best = day
        if best is not None:
            return mk("DATE", best.isoformat(), "absolute")
    ry = (g.get("ry") or "").lower()
    if anchor is None:
        return mk("DATE", f"XXXX-{mon:02d}-{d:02d}", "month")
    if ry:                                  # "December 23 last year"
        y = anchor.year + {"last": -1, "next": 1}.get(ry, 0)
        return mk("DATE", f"{y:04d}-{mon:02d}-{d:02d}", "month")
    tense = ctx.tense(s, e)
    day = yearless(anchor, mon, d, tense)
    return mk("DATE", day.isoformat(), "month", tense=tense)


def resolve_month(ctx, c, anchor, mk, out):
    """"March", "last March", "early March": the nearest one the tense points to."""
    g = c.m.groupdict()
    mon = MONTHS[g["mon"].lower()]
    modw = (g.get("mod") or "").lower()
    mod = POS_MOD.get(modw)
    if anchor is None:
        return mk("DATE", f"XXXX-{mon:02d}", "month", mod=mod)
    if modw == "last":
        y = anchor.year if mon < anchor.month else anchor.year - 1
        return mk("DATE", f"{y:04d}-{mon:02d}", "month")
    if modw == "next":
        y = anchor.year if mon > anchor.month else anchor.year + 1
        return mk("DATE", f"{y:04d}-{mon:02d}", "month")
    if modw == "this":
        return mk("DATE", f"{anchor.year:04d}-{mon:02d}", "month")
    tense = ctx.tense(c.start, c.end)
    if tense == "future":
        y = anchor.year if mon >= anchor.month else anchor.year + 1
    else:
        y = anchor.year if mon <= anchor.month else anchor.year - 1
    return mk("DATE", f"{y:04d}-{mon:02d}", "month", mod=mod, tense=tense)


def resolve_quarter(ctx, c, anchor, mk, out):
    """"the third quarter (of 2015 / of last year)", "Q3 2015", "the last quarter"."""
    g = c.m.groupdict()
    if g.get("q"):
        q = int(g["q"])
        if g.get("y"):
            return mk("DATE", f"{g['y']}-Q{q}", "quarter", rel=False)
        ref = None
    else:
        o = g["ord"].lower()
        q = ORDINALS[o]
        ref = " ".join((g.get("ref") or "").lower().split())
    if anchor is None and not (ref and re.fullmatch(r"\d{4}", ref)):
        return mk("DATE", f"XXXX-Q{q}", "quarter")
    if ref:
        if re.fullmatch(r"\d{4}", ref):
            return mk("DATE", f"{ref}-Q{q}", "quarter", rel=False)
        y = anchor.year + {"last year": -1, "next year": 1}.get(ref, 0)
        return mk("DATE", f"{y:04d}-Q{q}", "quarter")
    if not g.get("q") and g["ord"].lower() == "last" and not ref:
        cq = (anchor.month - 1) // 3
        y, qq = (anchor.year, cq) if cq > 0 else (anchor.year - 1, 4)
        return mk("DATE", f"{y:04d}-Q{qq}", "quarter")
    tense = ctx.tense(c.start, c.end)
    start = dt.date(anchor.year, 3 * q - 2, 1)
    end = dt.date(anchor.year, 3 * q, calendar.monthrange(anchor.year, 3 * q)[1])
    if tense == "future" and ctx.strong_future(c.start, c.end):
        y = anchor.year if end >= anchor else anchor.year + 1
    else:
        y = anchor.year if start <= anchor else anchor.year - 1
    return mk("DATE", f"{y:04d}-Q{q}", "quarter", tense=tense)


def resolve_half(ctx, c, anchor, mk, out):
    """"the first half (of 2015 / of next year)"."""
    g = c.m.groupdict()
    h = 1 if g["ord"].lower() == "first" else 2
    ref = " ".join((g.get("ref") or "").lower().split())
    if ref and re.fullmatch(r"\d{4}", ref):
        return mk("DATE", f"{ref}-H{h}", "quarter", rel=False)
    if anchor is None:
        return mk("DATE", f"XXXX-H{h}", "quarter")
    if ref:
        y = anchor.year + {"last year": -1, "next year": 1}.get(ref, 0)
        return mk("DATE", f"{y:04d}-H{h}", "quarter")
    start = dt.date(anchor.year, 1 if h == 1 else 7, 1)
    end = dt.date(anchor.year, 6, 30) if h == 1 else dt.date(anchor.year, 12, 31)
    tense = ctx.tense(c.start, c.end)
    if tense == "future":
        y = anchor.year if end >= anchor else anchor.year + 1
    else:
        y = anchor.year if start <= anchor else anchor.year - 1
    return mk("DATE", f"{y:04d}-H{h}", "quarter", tense=tense)


def resolve_season(ctx, c, anchor, mk, out):
    """"summer", "last winter", "spring 2015" (winter runs December to February)."""
    g = c.m.groupdict()
    code = SEASONS[g["s"].lower()]
    modw = " ".join((g.get("mod") or "").lower().split())
    mod = POS_MOD.get(modw)
    if g.get("y"):
        return mk("DATE", f"{g['y']}-{code}", "season", rel=False, mod=mod)
    if anchor is None:
        return mk("DATE", f"XXXX-{code}", "season", mod=mod)

    def bounds(y):
        return span_of(f"{y:04d}-{code}")

    years = range(anchor.year - 2, anchor.year + 2)
    seasons = [(y, *bounds(y)) for y in years]
    if modw == "last":
        y = max(y for y, a, b in seasons if b < anchor)
        return mk("DATE", f"{y:04d}-{code}", "season")
    if modw == "next":
        y = min(y for y, a, b in seasons if a > anchor)
        return mk("DATE", f"{y:04d}-{code}", "season")
    tense = ctx.tense(c.start, c.end)
    if tense == "future":
        y = min(y for y, a, b in seasons if b >= anchor)
    else:
        y = max(y for y, a, b in seasons if a <= anchor)
    return mk("DATE", f"{y:04d}-{code}", "season", mod=mod, tense=tense)


def resolve_holiday(ctx, c, anchor, mk, out):
    """"Christmas", "last Easter": the nearest one the tense (or last/next) points to."""
    g = c.m.groupdict()
    name = " ".join(g["h"].lower().replace("’", "'").split())
    if name not in HOLIDAYS:
        return None
    if anchor is None:
        if is_movable(name):
            return mk("DATE", "XXXX-XX-XX", "holiday")
        d = holiday(name, 2000)
        return mk("DATE", f"XXXX-{d.month:02d}-{d.day:02d}", "holiday")
    modw = (g.get("mod") or "").lower()
    tense = "past" if modw == "last" else "future" if modw == "next" else ctx.tense(c.start, c.end)
    if tense == "future":
        d = holiday(name, anchor.year)
        if d < anchor or (modw == "next" and d == anchor):
            d = holiday(name, anchor.year + 1)
    else:
        d = holiday(name, anchor.year)
        if d > anchor or (modw == "last" and d == anchor):
            d = holiday(name, anchor.year - 1)
    return mk("DATE", d.isoformat(), "holiday", tense=tense)


def resolve_weekday(ctx, c, anchor, mk, out):
    """"Friday", "last Friday", "Friday night": the nearest one the tense (or the modifier)
    points to; a bare weekday may be the anchor day itself, in either tense."""
    g = c.m.groupdict()
    wd = WEEKDAYS[g["wd"].lower()]
    pod = (g.get("pod") or "").lower()
    modw = " ".join((g.get("mod") or "").lower().split())
    suffix = f"T{PARTS[pod]}" if pod else ""
    type_ = "TIME" if pod else "DATE"
    mod = POS_MOD.get(modw)
    if anchor is None:
        return mk(type_, f"XXXX-WXX-{wd}{suffix}", "weekday", mod=mod)
    diff = (wd - anchor.isoweekday()) % 7
    if modw in ("next", "coming", "this coming"):
        day = anchor + dt.timedelta(days=diff or 7)
        tense = "future"
    elif modw in ("last", "past", "this past"):
        day = anchor - dt.timedelta(days=((anchor.isoweekday() - wd) % 7) or 7)
        tense = "past"
    elif modw == "this":
        day = anchor + dt.timedelta(days=wd - anchor.isoweekday())
        tense = None
    else:
        tense = ctx.tense(c.start, c.end)
        if tense == "future":
            # Agency copy names the day it runs: "will meet later Sunday" in a Sunday story
            # is that Sunday; "next Sunday" (above) is the week after.
            day = anchor + dt.timedelta(days=diff)
        else:
            day = anchor - dt.timedelta(days=(anchor.isoweekday() - wd) % 7)
    return mk(type_, day.isoformat() + suffix, "weekday", mod=mod, tense=tense)
