"""Regular-expression building blocks of the rule table (weekdays, months, numbers, units,
modifiers) and :func:`compile_rule`, which turns a rule's pattern into a regex."""

from __future__ import annotations

import re

WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WDS = r"(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"
MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
MONANY = rf"(?:{MON}|{MONABBR})"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[2-9]\d\d|20\d\d)"
NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
        r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|"
        r"one hundred|hundred|a dozen|dozen)")
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[- ]1/2|½)?"
#: A number, not "a"/"an".
NUMNOA = rf"(?:{DIGITS}|(?i:{NUMW}|a couple of))"
NUM = rf"(?:{DIGITS}|(?i:{NUMW}|a couple of|a|an))"
#: A number written with hyphens, as in "a 5-1/2-year war", "a two-and-a-half-hour wait".
NUMHY = (r"(?:\d+(?:\.\d+)?(?:-1/2|½)?|"
         r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
         r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"
         r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
         r"eighteen|nineteen|hundred)(?:-and-a-half)?)")
UNIT = (r"(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|"
        r"centur(?:y|ies)|millenni(?:um|a))")
UNITPL = r"(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
APPROX = (r"(?i:about|around|approximately|roughly|nearly|almost|some|more than|less than|"
          r"fewer than|at least|at most|up to|just over|just under|well over|close to|only|"
          r"barely|just|over|under|in excess of|a little over|a little more than|little more than)")
PHRASE_MODS = (r"the end of|the start of|the beginning of|the middle of|the rest of|"
               r"the first half of|the second half of")


def compile_rule(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile with ``[ ]`` meaning any run of horizontal white space. Every expression starts
    at the start of a word: saying so lets the scan skip the middle of words quickly."""
    pattern = pattern.replace("[ ]?", r"[ \t\u00a0]*").replace("[ ]", r"[ \t\u00a0]+")
    return re.compile(r"(?<!\w)(?:" + pattern + ")", flags)
