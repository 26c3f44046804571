"""TIMEX3 values as the time layer writes them: in words (the ``reads`` column of ``timexes``),
as a pandas offset (a duration placed on the calendar), and as a day (a ``Timestamp`` or NaT).

The views re-export :func:`describe` (:mod:`newsbench.views.timeline`); it lives here because
the layer fills ``reads`` with it.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .. import timex as tx

_PERIOD = re.compile(r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?"
                     r"(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?"
                     r"(?:(?P<DE>\d+)DE)?(?:(?P<CE>\d+)CE)?(?:T.*)?$")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_REFS = {"PRESENT_REF": "now (vague)", "PAST_REF": "the past (vague)",
         "FUTURE_REF": "the future (vague)"}
_DAY_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_UNKNOWN = {"XXXX-WXX-WE": "a weekend", "XXXX-WXX": "a week", "XXXX-XX": "a month",
            "XXXX": "a year", "XXX": "a decade", "XX": "a century", "XXXX-XX-XX": "a day"}


def _season(date: str, start, end) -> str:
    return f"{_SEASON_NAMES[date[-2:]]} {date[:4]}" + (
        f"/{int(date[:4]) + 1}" if date.endswith("WI") else "")


#: A calendar value longer than a day, in words: (its form, how it reads); the first match wins.
_SPAN_WORDS = (
    (r"\d{4}-W\d\d-WE", lambda d, s, e: f"weekend of {s.day} {s:%b %Y}"),
    (r"\d{4}-W\d\d",
     lambda d, s, e: f"week {int(d[6:8])} of {d[:4]} ({s.day} {s:%b} - {e.day} {e:%b})"),
    (r"\d{4}-\d\d", lambda d, s, e: f"{s:%B %Y}"),
    (r"\d{4}-Q\d", lambda d, s, e: f"Q{d[-1]} {d[:4]} ({s:%b}-{e:%b})"),
    (r"\d{4}-H\d", lambda d, s, e: f"{'first' if d[-1] == '1' else 'second'} half of {d[:4]}"),
    (r"\d{4}-(SP|SU|FA|WI)", _season),
    (r"\d{4}", lambda d, s, e: d),
    (r"\d{3}", lambda d, s, e: f"the {d}0s"),
)


def day(d) -> pd.Timestamp:
    """A date (or None) as a Timestamp (or NaT)."""
    return pd.NaT if d is None else pd.Timestamp(d)


def period_offset(value: str) -> pd.DateOffset | None:
    """A TIMEX3 duration of whole days or more as a pandas offset (``P5Y6M`` -> 5 years 6
    months); None for time-of-day durations, unspecified ones (``PXW``) and anything else."""
    m = _PERIOD.match(value or "")
    if not m or not any(m.group(k) for k in ("Y", "M", "W", "D", "DE", "CE")):
        return None
    years = float(m["Y"] or 0) + 10 * int(m["DE"] or 0) + 100 * int(m["CE"] or 0)
    months = float(m["M"] or 0) + 12 * (years - int(years))
    days = 7 * float(m["W"] or 0) + float(m["D"] or 0) + 30 * (months - int(months))
    return pd.DateOffset(years=int(years), months=int(months), days=int(round(days)))


def _describe_span(date: str, start, end) -> str:
    if start == end:
        return f"{start:%a} {start.day} {start:%b %Y}"
    for form, words in _SPAN_WORDS:
        if re.fullmatch(form, date):
            return words(date, start, end)
    return f"the {int(date) * 100}s"


def _describe_unknown(v: str, date: str, when: str) -> str:
    wd = re.search(r"WXX-(\d)", v)
    what = _UNKNOWN.get(date, "a date")
    if wd:
        what = f"a {_WEEKDAYS[int(wd[1]) - 1]}"
    mo = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?", date)
    if mo:
        month = dt.date(2000, int(mo[1]), 1).strftime("%B")
        what = f"{int(mo[2])} {month}" if mo[2] else month
    season = re.fullmatch(r"XXXX-(SP|SU|FA|WI|Q\d|H\d)", date)
    if season:
        what = _SEASON_NAMES.get(season[1], season[1])
    return f"{what}{', ' + when if when else ''} (exact date unknown: no publication date)"


def describe(value: str | None) -> str:
    """A TIMEX3 value in words, for journalists checking it against the text.

    ``2015-03-13`` -> "Fri 13 Mar 2015"; ``2015-W11`` -> "week 11 of 2015 (9 Mar - 15 Mar)";
    ``P5Y6M`` -> "5 years 6 months"; ``XXXX-WXX-5`` -> "a Friday (no publication date)".
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    v = str(value)
    if v in _REFS:
        return _REFS[v]
    m = re.match(r"^(?P<date>[^T]+)(?:T(?P<time>.+))?$", v)
    date, time = (m["date"], m["time"]) if m else (v, None)
    when = ""
    if time:
        when = _DAY_PARTS.get(time, time.replace("24:00", "midnight (24:00)"))
    start, end = tx.span_of(date)
    if start is not None:
        text = _describe_span(date, start, end)
        return f"{text}, {when}" if when else text
    if v.startswith("P"):
        return _describe_period(v)
    if v.startswith("X"):
        return _describe_unknown(v, date, when)
    return v


def _describe_period(v: str) -> str:
    names = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
             "H": "hour", "S": "second"}
    out = []
    in_time = False
    body = v[1:]
    for token in re.finditer(r"T|(X|\d+(?:\.\d+)?)(DE|CE|Y|M|W|D|H|S)", body):
        if token.group(0) == "T":
            in_time = True
            continue
        num, unit = token.group(1), token.group(2)
        name = "minute" if (unit == "M" and in_time) else names[unit]
        if name == "century":
            name = "centurie"
        if num == "X":
            out.append(f"{name}s" if name != "centurie" else "centuries")
        else:
            plural = "" if num == "1" else "s"
            name = "century" if name == "centurie" and not plural else name
            out.append(f"{num} {name}{plural}")
    return " ".join(out) or v
