#!/usr/bin/env python3
"""Validate the newsbench TIMEX3 gold set (gold.jsonl). Standard library only.

Usage:
    python tests/data/timex/validate.py [path/to/gold.jsonl]

Checks every line: valid JSON object with the expected keys, unique ids,
``published`` is a valid ISO date or null, each timex's offsets slice the text
exactly, timexes do not overlap, type is one of DATE/TIME/DURATION/SET, the
value matches an allowed TIMEX3 form for its type and is a possible calendar
value. Exits 1 with a message for every problem; prints counts on success.
"""
import calendar
import collections
import datetime
import json
import re
import sys
from datetime import date
from pathlib import Path

TYPES = {"DATE", "TIME", "DURATION", "SET"}
LINE_KEYS_REQUIRED = {"id", "published", "text", "timexes"}
LINE_KEYS_ALLOWED = LINE_KEYS_REQUIRED | {"note"}
TIMEX_KEYS = {"text", "start", "end", "type", "value"}
#: Optional keys (wire15.jsonl): the TIMEX3 ``mod``; for a date "since" introduces,
#: ``since: true`` and ``span: [first day, publication day]``.
TIMEX_OPTIONAL = {"mod", "since", "span"}
MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
        "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"}

Y = r"(?P<y>\d{4}|XXXX)"
TWO = r"(?:\d{2}|XX)"
DATE_FORMS = [
    r"(?P<cc>\d{2})",                                   # century: 18 = 1800s
    r"(?P<ddd>\d{3})",                                  # decade: 199 = 1990s
    Y,                                                  # year
    Y + r"-(?P<m>" + TWO + r")",                        # year-month
    Y + r"-(?P<m>" + TWO + r")-(?P<d>" + TWO + r")",    # calendar date
    Y + r"-W(?P<w>" + TWO + r")",                       # ISO week
    Y + r"-W(?P<w>" + TWO + r")-(?P<wd>[1-7]|WE)",      # ISO weekday / weekend
    Y + r"-Q(?P<q>[1-4])",                              # quarter
    Y + r"-H(?P<h>[12])",                               # half year
    Y + r"-(?P<season>SP|SU|FA|WI)",                    # season
]
DAY_FORMS = [
    Y + r"-(?P<m>" + TWO + r")-(?P<d>" + TWO + r")",
    Y + r"-W(?P<w>" + TWO + r")-(?P<wd>[1-7])",
]
TIME_PART = r"T(?:(?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?|(?P<pod>MO|AF|EV|NI|DT))"
REF_RE = re.compile(r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$")
DATE_RES = [re.compile("^" + f + "$") for f in DATE_FORMS]
TIME_RES = [re.compile("^" + f + TIME_PART + "$") for f in DAY_FORMS]
NUM = r"(?:\d+(?:\.\d+)?|X)"
DURATION_RE = re.compile(
    r"^P(?=[\dX])(?:" + NUM + r"(?:CE|DE|Y|M|W|D))*(?:T(?=[\dX])(?:" + NUM + r"[HMS])+)?$"
    r"|^PT(?=[\dX])(?:" + NUM + r"[HMS])+$")
LEADING_PREPOSITIONS = {"on", "in", "at", "since", "for", "by", "until", "from", "during",
                        "within", "over", "after", "before", "to", "of", "into", "throughout"}



def _optional_problems(tw: str, t: dict, published) -> list[str]:
    """Problems with the optional keys of one timex."""
    out = []
    if "mod" in t and t["mod"] not in MODS:
        out.append(f"{tw}: mod {t['mod']!r} is not a TIMEX3 mod ({sorted(MODS)})")
    if "since" in t and t["since"] is not True:
        out.append(f"{tw}: since must be true when given")
    if "span" in t:
        span = t["span"]
        try:
            a, b = (datetime.date.fromisoformat(x) for x in span)
        except (TypeError, ValueError):
            return out + [f"{tw}: span must be two ISO dates, got {span!r}"]
        if a > b:
            out.append(f"{tw}: span starts after it ends: {span!r}")
        if published and b.isoformat() != published:
            out.append(f"{tw}: a since-span ends on the publication day {published}, got {b}")
        if not t.get("since"):
            out.append(f"{tw}: span given without since")
    return out

def _calendar_ok(m):
    """Return an error string if a matched value is not a possible calendar value."""
    g = m.groupdict()
    y = g.get("y")
    year = int(y) if y and y != "XXXX" else None
    mm, dd, ww, hh, mi, ss = (g.get(k) for k in ("m", "d", "w", "hh", "mi", "ss"))
    if mm and mm != "XX" and not 1 <= int(mm) <= 12:
        return f"month {mm} out of range"
    if dd and dd != "XX":
        maxd = 31
        if mm and mm != "XX":
            maxd = calendar.monthrange(year if year else 2000, int(mm))[1]  # 2000: allow Feb 29
        if not 1 <= int(dd) <= maxd:
            return f"day {dd} out of range"
    if ww and ww != "XX":
        maxw = date(year, 12, 28).isocalendar()[1] if year else 53
        if not 1 <= int(ww) <= maxw:
            return f"ISO week {ww} out of range for {y}"
    if hh is not None:
        if not (0 <= int(hh) <= 23 and 0 <= int(mi) <= 59) and not (hh == "24" and mi == "00"):
            return f"clock time {hh}:{mi} out of range"
        if ss is not None and not 0 <= int(ss) <= 59:
            return f"seconds {ss} out of range"
    return None


def check_value(typ, value):
    """Return None if ``value`` is an allowed TIMEX3 value for ``typ``, else an error string."""
    if not isinstance(value, str) or not value:
        return "value must be a non-empty string"
    if typ == "DURATION":
        return None if DURATION_RE.match(value) else f"{value!r} is not an ISO 8601 duration (P...)"
    if typ == "DATE":
        if REF_RE.match(value):
            return None
        for r in DATE_RES:
            m = r.match(value)
            if m:
                return _calendar_ok(m)
        return f"{value!r} is not an allowed DATE value"
    if typ == "TIME":
        for r in TIME_RES:
            m = r.match(value)
            if m:
                return _calendar_ok(m)
        return f"{value!r} is not an allowed TIME value (date + T...)"
    if typ == "SET":
        if DURATION_RE.match(value):
            return None
        for r in DATE_RES + TIME_RES:
            m = r.match(value)
            if m:
                return _calendar_ok(m)
        return f"{value!r} is not an allowed SET value"
    return f"unknown type {typ!r}"


def validate(path):
    errors = []
    ids = set()
    lines = []
    with open(path, encoding="utf-8") as f:
        raw_lines = f.read().split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    for n, raw in enumerate(raw_lines, 1):
        where = f"line {n}"
        if not raw.strip():
            errors.append(f"{where}: empty line")
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        if "id" in obj:
            where = f"line {n} (id {obj['id']})"
        missing = LINE_KEYS_REQUIRED - obj.keys()
        extra = obj.keys() - LINE_KEYS_ALLOWED
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if extra:
            errors.append(f"{where}: unexpected keys {sorted(extra)}")
        if not isinstance(obj["id"], str) or not obj["id"]:
            errors.append(f"{where}: id must be a non-empty string")
        elif obj["id"] in ids:
            errors.append(f"{where}: duplicate id {obj['id']!r}")
        ids.add(obj.get("id"))
        pub = obj["published"]
        if pub is not None:
            if not isinstance(pub, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
                errors.append(f"{where}: published {pub!r} is not YYYY-MM-DD or null")
            else:
                try:
                    date.fromisoformat(pub)
                except ValueError:
                    errors.append(f"{where}: published {pub!r} is not a valid date")
        text = obj["text"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: text must be a non-empty string")
            continue
        if "note" in obj and not isinstance(obj["note"], str):
            errors.append(f"{where}: note must be a string")
        tx = obj["timexes"]
        if not isinstance(tx, list):
            errors.append(f"{where}: timexes must be a list")
            continue
        spans = []
        for k, t in enumerate(tx):
            tw = f"{where} timex {k}"
            if not isinstance(t, dict):
                errors.append(f"{tw}: not an object")
                continue
            if not TIMEX_KEYS <= set(t.keys()) <= TIMEX_KEYS | TIMEX_OPTIONAL:
                errors.append(f"{tw}: keys must be {sorted(TIMEX_KEYS)} (optionally "
                              f"{sorted(TIMEX_OPTIONAL)}), got {sorted(t.keys())}")
                continue
            errors += _optional_problems(tw, t, obj.get("published"))
            s, e = t["start"], t["end"]
            if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool) or isinstance(e, bool):
                errors.append(f"{tw}: start/end must be integers")
                continue
            if not 0 <= s < e <= len(text):
                errors.append(f"{tw}: offsets {s}:{e} out of range for text of length {len(text)}")
                continue
            if text[s:e] != t["text"]:
                errors.append(f"{tw}: text[{s}:{e}] == {text[s:e]!r} but timex text is {t['text']!r}")
            if t["text"] != t["text"].strip():
                errors.append(f"{tw}: extent {t['text']!r} has leading/trailing whitespace")
            words = t["text"].lower().split(" ")
            modifier = " ".join(words[:2]) in {"at least", "at most"}
            if words[0] in LEADING_PREPOSITIONS and len(words) > 1 and not modifier:
                errors.append(f"{tw}: extent {t['text']!r} starts with a preposition")
            if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                errors.append(f"{tw}: extent {t['text']!r} cuts through a word")
            if t["type"] not in TYPES:
                errors.append(f"{tw}: type {t['type']!r} not in {sorted(TYPES)}")
            else:
                err = check_value(t["type"], t["value"])
                if err:
                    errors.append(f"{tw} ({t['text']!r}, {t['type']}): {err}")
            spans.append((s, e, t["text"]))
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                errors.append(f"{where}: overlapping timexes {a[2]!r} [{a[0]}:{a[1]}] and {b[2]!r} [{b[0]}:{b[1]}]")
        lines.append(obj)
    return errors, lines


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent / "gold.jsonl"
    if not path.exists():
        print(f"ERROR: {path} not found", file=sys.stderr)
        return 1
    errors, lines = validate(path)
    if errors:
        for e in errors:
            print(f"ERROR: {e}", file=sys.stderr)
        print(f"{len(errors)} problem(s) in {path}", file=sys.stderr)
        return 1
    by_type = collections.Counter(t["type"] for o in lines for t in o["timexes"])
    pubs = [o["published"] for o in lines if o["published"]]
    weekdays = collections.Counter(date.fromisoformat(p).strftime("%a") for p in set(pubs))
    print(f"OK: {path}")
    print(f"lines: {len(lines)}")
    print(f"timexes: {sum(by_type.values())} "
          + " ".join(f"{k}={by_type.get(k, 0)}" for k in ("DATE", "TIME", "DURATION", "SET")))
    print(f"lines without timexes: {sum(1 for o in lines if not o['timexes'])}")
    print(f"lines with published null: {sum(1 for o in lines if o['published'] is None)}")
    print(f"distinct publication dates: {len(set(pubs))} "
          f"({min(pubs) if pubs else '-'} .. {max(pubs) if pubs else '-'}); weekdays: "
          + " ".join(f"{d}={weekdays.get(d, 0)}" for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
