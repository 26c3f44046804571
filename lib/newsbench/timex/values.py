"""Calendar arithmetic and TIMEX3 values: publication dates, ISO weeks, the days a value covers
(:func:`span_of`), holidays, numbers, ISO 8601 durations and shifting a date by some units."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .vocab import HOLIDAYS, NUMWORDS, SEASON_MONTHS, SUBUNITS, TENS, UNIT_YEARS, UNITS, VAGUE

# --------------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------------


def parse_anchor(published) -> dt.date | None:
    """A publication date as ``datetime.date`` (from a date, datetime, Timestamp or YYYY-MM-DD)."""
    if published is None or published == "" or published != published:   # None, "", NaN, NaT
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if hasattr(published, "date") and callable(published.date):   # pandas Timestamp
        return published.date()
    return dt.date.fromisoformat(str(published)[:10])


def week(d: dt.date) -> str:
    """The ISO week of a day (``2015-W11``)."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(name: str, year: int) -> dt.date:
    """The day of a holiday of :data:`vocab.HOLIDAYS` in a year."""
    how, *args = HOLIDAYS[name]
    if how == "fixed":
        return dt.date(year, *args)
    if how == "easter":
        return easter(year) + dt.timedelta(days=args[0])
    return nth_weekday(year, *args)


def is_movable(name: str) -> bool:
    """Whether a holiday falls on a different day each year (Easter, Thanksgiving ...)."""
    return HOLIDAYS[name][0] != "fixed"


#: A year-less date at most this many days after the anchor stays in the anchor's year even
#: in a past or tenseless clause ("was scheduled for Nov. 19" in a story of Nov. 12).
NEAR_AHEAD_DAYS = 31


def yearless(anchor: dt.date, mon: int, d: int, tense: str) -> dt.date:
    """A day-and-month in the year the tense points to from the anchor (a past clause may
    still name a day a few weeks ahead: :data:`NEAR_AHEAD_DAYS`)."""
    def make(y):
        try:
            return dt.date(y, mon, d)
        except ValueError:      # 29 February
            return dt.date(y, mon, 28)
    day = make(anchor.year)
    if tense == "future" and day < anchor:
        day = make(anchor.year + 1)
    elif tense != "future" and (day - anchor).days > NEAR_AHEAD_DAYS:
        day = make(anchor.year - 1)
    return day


# --------------------------------------------------------------------------------------------
# The days a value covers
# --------------------------------------------------------------------------------------------

V_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
V_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
V_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
V_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")


def span_of(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last calendar day a TIMEX3 date value covers (both inclusive).

    ``2015-03-13`` and ``2015-03-13T15:00`` -> that day; ``2015-W11`` -> Monday to Sunday;
    ``2015-W11-WE`` -> Saturday and Sunday; ``2015-03`` -> the month; ``2015-Q3``, ``2015-H1``,
    ``2015-SU`` (meteorological seasons; ``WI`` runs December to February); ``2015`` -> the
    year; ``199`` -> the 1990s; ``18`` -> the 1800s. Anything else (durations, sets, vague
    references, underspecified ``XXXX`` values) -> ``(None, None)``.
    """
    if not value or not isinstance(value, str):
        return None, None
    try:
        m = V_DAY.match(value)
        if m:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        m = V_WEEK.match(value)
        if m:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        m = V_MONTH.match(value)
        if m:
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        m = V_PART.match(value)
        if m:
            return _part_span(int(m[1]), m[2])
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{3}", value):
            y = int(value) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value):
            y = int(value) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    except ValueError:
        return None, None
    return None, None


def _part_span(y: int, part: str) -> tuple[dt.date, dt.date]:
    """The days of a quarter, half or season of year ``y``."""
    if part[0] == "Q":
        q = int(part[1])
        first = 3 * q - 2
        return dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1])
    if part[0] == "H":
        if part == "H1":
            return dt.date(y, 1, 1), dt.date(y, 6, 30)
        return dt.date(y, 7, 1), dt.date(y, 12, 31)
    a, b = SEASON_MONTHS[part]
    if part == "WI":
        return dt.date(y, 12, 1), dt.date(y + 1, 2, calendar.monthrange(y + 1, 2)[1])
    return dt.date(y, a, 1), dt.date(y, b, calendar.monthrange(y, b)[1])


def granularity(value: str) -> str:
    """The unit a date value is written in: ``day``, ``week``, ``month``, ``year``, ``decade``."""
    if V_DAY.match(value):
        return "day"
    if V_WEEK.match(value):
        return "week"
    if V_MONTH.match(value):
        return "month"
    if re.fullmatch(r"\d{4}(-(Q[1-4]|H[12]|SP|SU|FA|WI))?", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    return "day"


# --------------------------------------------------------------------------------------------
# Numbers and durations
# --------------------------------------------------------------------------------------------

def num(s: str | None) -> float | None:
    """A number from digits or words; None for a vague quantity ("several", "a few")."""
    if s is None:
        return None
    s = " ".join(s.lower().replace("-", " ").split())
    if s in VAGUE or s.replace(" ", "-") in VAGUE:
        return None
    half = 0.0
    for tail in (" and a half", " 1/2", "½"):
        if s.endswith(tail):
            s, half = s[: -len(tail)].strip(), 0.5
    s = s.replace("1/2", "").strip()
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", "")) + half
    if s in NUMWORDS:
        return NUMWORDS[s] + half
    parts = s.split()
    if len(parts) == 2 and parts[0] in TENS and parts[1] in NUMWORDS:
        return TENS[parts[0]] + NUMWORDS[parts[1]] + half
    return None


def _fmt(x: float) -> str:
    return str(int(x)) if abs(x - round(x)) < 1e-9 else f"{x:.2f}".rstrip("0").rstrip(".")


def unit_key(u: str) -> str:
    """A unit word as its key (``weeks`` -> ``week``, ``centuries`` -> ``century``)."""
    u = u.lower().rstrip("s")
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u


def duration(n: float | None, unit: str) -> str:
    """ISO 8601 period for ``n`` units (``None`` = unspecified ``X``)."""
    u = unit_key(unit)
    if u == "fortnight":
        n, u = (None if n is None else 2 * n), "week"
    in_time, letter = UNITS.get(u, (False, "D"))
    if n is None:
        return f"PTX{letter}" if in_time else f"PX{letter}"
    whole = int(n)
    frac = n - whole
    if u in UNIT_YEARS:
        # In years, as TimeML writes them: a decade -> P10Y, 1.5 centuries -> P150Y.
        years = n * UNIT_YEARS[u]
        if abs(years - round(years)) < 1e-9:
            return f"P{int(round(years))}Y"
    if frac > 1e-9 and u != "second":
        # Fractions become the next smaller unit: 5-1/2 years -> P5Y6M.
        sub = SUBUNITS.get(u)
        if sub:
            k, sub_letter, sub_time = sub
            rest = frac * k
            head = f"{whole}{letter}" if whole else ""
            if in_time:
                return f"PT{head}{_fmt(rest)}{sub_letter}"
            if sub_time:
                return f"P{head}T{_fmt(rest)}{sub_letter}"
            if u == "week":
                return f"P{_fmt(n * 7)}D"
            return f"P{head}{_fmt(rest)}{sub_letter}"
    return f"PT{_fmt(n)}{letter}" if in_time else f"P{_fmt(n)}{letter}"


# --------------------------------------------------------------------------------------------
# Moving from a date
# --------------------------------------------------------------------------------------------

def unit_value(anchor: dt.date, u: str, step: int) -> str | None:
    """The week, month, year, decade, century or quarter ``step`` units from the anchor's."""
    if u == "week":
        return week(anchor + dt.timedelta(weeks=step))
    if u == "month":
        y, m = add_months(anchor.year, anchor.month, step)
        return f"{y:04d}-{m:02d}"
    if u == "year":
        return f"{anchor.year + step:04d}"
    if u == "decade":
        return f"{anchor.year // 10 + step:03d}"
    if u == "century":
        return f"{anchor.year // 100 + step:02d}"
    if u == "quarter":
        q = (anchor.month - 1) // 3 + step
        return f"{anchor.year + q // 4:04d}-Q{q % 4 + 1}"
    return None


_GRAN_ORDER = ["day", "week", "month", "year", "decade", "century"]


def shift(base: dt.date, n: float, unit: str, ref_gran: str) -> str | None:
    """``base`` moved by ``n`` units, written at the coarser of the unit's and the reference's
    granularity ("three days ago" -> a day; "two weeks ago" -> a week; "a year earlier" than
    2011 -> 2010). None when the result is outside the calendar's years 1-9999 ("3000 years
    ago" in 2016, "99999999 days later"): the caller keeps the expression unresolved."""
    try:
        return _shift(base, n, unit, ref_gran)
    except (ValueError, OverflowError):
        return None


def _shift(base: dt.date, n: float, unit: str, ref_gran: str) -> str | None:
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    unit = {"night": "day"}.get(unit, unit)
    if unit in ("second", "minute", "hour"):
        # the anchor is a day, not a clock time: "three hours ago" is that day (or the day before)
        seconds = n * {"second": 1, "minute": 60, "hour": 3600}[unit]
        unit_gran = "day"
        target = (dt.datetime.combine(base, dt.time(12)) + dt.timedelta(seconds=seconds)).date()
    elif unit == "day":
        unit_gran, target = "day", base + dt.timedelta(days=n)
    elif unit == "week":
        unit_gran, target = "week", base + dt.timedelta(weeks=n)
    elif unit == "month":
        y, m = add_months(base.year, base.month, int(round(n)))
        unit_gran, target = "month", dt.date(y, m, min(base.day, calendar.monthrange(y, m)[1]))
    elif unit == "year":
        target = dt.date(base.year + int(round(n)), base.month, min(base.day, 28))
        unit_gran = "year"
    elif unit == "decade":
        unit_gran, target = "decade", dt.date(base.year + 10 * int(round(n)), 1, 1)
    elif unit == "century":
        unit_gran, target = "century", dt.date(max(base.year + 100 * int(round(n)), 1), 1, 1)
    else:
        return None
    gran = max(unit_gran, ref_gran, key=_GRAN_ORDER.index) if ref_gran in _GRAN_ORDER else unit_gran
    if gran == "day":
        return target.isoformat()
    if gran == "week":
        return week(target)
    if gran == "month":
        return f"{target.year:04d}-{target.month:02d}"
    if gran == "year":
        return f"{target.year:04d}"
    if gran == "decade":
        return f"{target.year // 10:03d}"
    return f"{target.year // 100:02d}"


def underspecified(unit: str) -> str:
    """The ``X`` value of a unit when there is no date to resolve against."""
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "year": "XXXX", "decade": "XXX", "century": "XX",
            "quarter": "XXXX-QX", "fortnight": "XXXX-WXX"}.get(unit_key(unit), "XXXX-XX-XX")
