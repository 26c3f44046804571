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
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Timex", "tag", "span_of", "parse_anchor"]


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
        mod: TIMEX3 ``mod`` (``APPROX``, ``MORE_THAN``, ``START``, ``END``, ``EARLY`` ...) or None.
        rule: the rule family that found it (``absolute``, ``weekday``, ``deictic`` ...).
        tense: ``past`` or ``future`` where the tense of the clause decided the value, else None.
        date_start, date_end: the first and last calendar day the value covers (None for
            durations, sets, vague references and unresolved values).
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

    def __post_init__(self):
        if self.date_start is None and self.date_end is None:
            self.date_start, self.date_end = span_of(self.value)


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_WEEKDAYS = {d.lower(): i + 1 for i, d in enumerate(calendar.day_name)}   # Monday = 1
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMWORDS = {w: i for i, w in enumerate(_SMALL)}
_NUMWORDS.update(_TENS)
_NUMWORDS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
                  "a hundred": 100, "hundred": 100, "one hundred": 100, "a thousand": 1000})
_VAGUE = {"several", "a few", "few", "many", "some", "recent", "countless", "dozens of",
          "hundreds of", "thousands of", "the past few", "the last few", "the next few",
          "the coming few", "the first few", "the final few", "the following few"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "twenty-first": 21, "twenty first": 21, "final": 4, "last": 4,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

#: ISO 8601 designators per unit: (inside the time part?, letter).
_UNITS = {"second": (True, "S"), "sec": (True, "S"), "minute": (True, "M"), "min": (True, "M"),
          "hour": (True, "H"), "hr": (True, "H"), "day": (False, "D"), "night": (False, "D"),
          "week": (False, "W"), "fortnight": (False, "W"), "month": (False, "M"),
          "year": (False, "Y"), "yr": (False, "Y"), "decade": (False, "DE"),
          "century": (False, "CE"), "centurie": (False, "CE"), "millennium": (False, "ML")}

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WDS = r"(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_MONANY = rf"(?:{_MON}|{_MONABBR})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[2-9]\d\d|20\d\d)"
_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
         r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
         r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|"
         r"one hundred|hundred|a dozen|dozen)")
_DIGITS = r"\d+(?:\.\d+)?(?:[- ]1/2|½)?"
_NUMNOA = rf"(?:{_DIGITS}|(?i:{_NUMW}|a couple of))"
_NUM = rf"(?:{_DIGITS}|(?i:{_NUMW}|a couple of|a|an))"
_NUMHY = r"(?:\d+(?:\.\d+)?(?:-1/2|½)?|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)" \
         r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|" \
         r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|" \
         r"nineteen|hundred)(?:-and-a-half)?)"
_UNIT = (r"(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|"
         r"centur(?:y|ies)|millenni(?:um|a))")
_UNITPL = r"(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
_APPROX = (r"(?i:about|around|approximately|roughly|nearly|almost|some|more than|less than|"
           r"fewer than|at least|at most|up to|just over|just under|well over|close to|only|"
           r"barely|just|over|under|in excess of|a little over|a little more than|little more than)")
_APPROX_MOD = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
               "roughly": "APPROX", "some": "APPROX", "close to": "APPROX",
               "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
               "fewer than": "LESS_THAN", "just under": "LESS_THAN", "under": "LESS_THAN",
               "barely": "LESS_THAN", "more than": "MORE_THAN", "just over": "MORE_THAN",
               "well over": "MORE_THAN", "over": "MORE_THAN", "in excess of": "MORE_THAN",
               "a little over": "MORE_THAN", "a little more than": "MORE_THAN",
               "little more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
               "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "only": None, "just": None}
_POS_MOD = {"early": "EARLY", "late": "LATE", "mid": "MID", "the end of": "END",
            "the start of": "START", "the beginning of": "START", "the middle of": "MID",
            "earlier": None, "later": None, "the rest of": None}


def _c(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile with ``[ ]`` meaning any run of horizontal white space. Every expression starts
    at the start of a word: saying so lets the scan skip the middle of words quickly."""
    pattern = pattern.replace("[ ]?", r"[ \t\u00a0]*").replace("[ ]", r"[ \t\u00a0]+")
    return re.compile(r"(?<!\w)(?:" + pattern + ")", flags)


# --------------------------------------------------------------------------------------------
# Patterns: (kind, compiled regex). Overlaps are settled by length, then by order here.
# --------------------------------------------------------------------------------------------

_PHRASE_MODS = (r"the end of|the start of|the beginning of|the middle of|the rest of|"
                r"the first half of|the second half of")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", _c(r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0[1-9])(?![\w-])")),
    ("sept11", _c(r"(?<![\w/])9/11(?![\w/])|(?<!\w)September[ ]11(?:th)?(?=[ ](?:attacks?|terror|hijack))")),
    ("dmy", _c(rf"(?:(?P<wd>{_WD}),?[ ])?(?:the[ ])?(?P<d>{_DAY})[ ](?:of[ ])?(?P<mon>{_MONANY}),?"
               rf"[ ](?P<y>{_YEAR})(?![\d,.]\d|\d)")),
    ("mdy", _c(rf"(?:(?P<wd>{_WD}),?[ ])?(?P<mon>{_MONANY})[ ](?:the[ ])?(?P<d>{_DAY}),?[ ]"
               rf"(?P<y>{_YEAR})(?![\d,.]\d|\d)")),
    ("my", _c(rf"(?:(?P<mod>(?i:early|late|mid|{_PHRASE_MODS}))[- ])?(?P<mon>{_MONANY})[ ]"
              rf"(?:of[ ])?(?P<y>{_YEAR})(?![\d,.]\d|\d)")),
    ("dm", _c(rf"(?:(?P<wd>{_WD}),?[ ])?(?:the[ ])?(?P<d>{_DAY})[ ](?:of[ ])?(?P<mon>{_MONANY})\b")),
    ("md", _c(rf"(?:(?P<wd>{_WD}),?[ ])?(?P<mon>{_MONANY})[ ](?:the[ ])?(?P<d>{_DAY})"
              r"(?![\d:]|[.,]\d|[ ]?(?:%|percent|per[ ]cent))\b")),
    ("month", _c(rf"(?:(?P<mod>(?i:last|next|this|early|late|mid|earlier|later|{_PHRASE_MODS}))"
                 rf"[- ])?(?P<mon>{_MON})\b(?!-)")),
    ("decade", _c(r"(?:(?P<the>(?i:the))[ ])?(?:(?P<mod>(?i:early|mid|late))[- ])?"
                  r"(?:(?P<dec>1[2-9]\d0|20\d0)|['’](?P<dd>\d0))['’]?s\b")),
    ("century", _c(r"(?:(?i:the)[ ])?(?:(?P<mod>(?i:early|mid|late))[- ])?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
                   r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                   r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
                   r"nineteenth|twentieth|twenty-first))[- ](?i:century)\b(?!-old)")),
    ("year_mod", _c(rf"(?P<mod>(?i:early|late|mid|{_PHRASE_MODS}|the[ ](?:spring|summer|autumn|fall|winter)[ ]of|"
                    rf"(?:spring|summer|autumn|fall|winter)(?:[ ]of)?|fiscal|the[ ]year))[- ]"
                    rf"(?P<y>{_YEAR})(?![\w%]|[.,:/]\d|-\d)")),
    ("year", _c(rf"(?<![\w$£€#.,/:+'’])(?<![A-Za-z]-)(?P<y>{_YEAR})"
                rf"(?![\w%]|[.,:/]\d|-\d{{1,3}}(?!\d)|[ ](?:percent|per[ ]cent|GMT|UTC|BST|CET|EST|EDT|PST|PDT|hours|hrs)\b)")),
    ("quarter", _c(rf"(?:(?i:the)[ ])?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))"
                   rf"[- ](?i:quarter)(?:[ ]of[ ](?P<ref>(?i:the[ ]year|this[ ]year|last[ ]year|next[ ]year|"
                   rf"the[ ](?:fiscal|financial)[ ]year)|{_YEAR}))?(?![\w-])")),
    ("quarter", _c(rf"(?<![\w-])Q(?P<q>[1-4])(?:[ ](?P<y>{_YEAR}))?(?![\w-])")),
    ("half", _c(rf"(?:(?i:the)[ ])?(?P<ord>(?i:first|second))[- ](?i:half)(?:[ ]of[ ](?P<ref>(?i:the[ ]year|"
                rf"this[ ]year|last[ ]year|next[ ]year)|{_YEAR}))?(?![\w-])")),
    ("season", _c(rf"(?:(?P<mod>(?i:last|next|this|early|late|mid|{_PHRASE_MODS}|the|earlier[ ]this|"
                  rf"later[ ]this))[- ])?(?P<s>(?i:spring|summer|autumn|fall|winter))"
                  rf"(?:(?:[ ]of)?[ ](?P<y>{_YEAR}))?(?![\w-])")),
    ("holiday", _c(r"(?:(?P<mod>(?i:last|next|this))[ ])?(?P<h>Christmas[ ]Day|Christmas[ ]Eve|Christmas|"
                   r"New[ ]Year['’]s[ ]Day|New[ ]Year['’]s[ ]Eve|New[ ]Year['’]s|Boxing[ ]Day|Halloween|"
                   r"Valentine['’]s[ ]Day|Easter[ ]Sunday|Easter[ ]Monday|Easter|Good[ ]Friday|"
                   r"Thanksgiving(?:[ ]Day)?|Labor[ ]Day|Memorial[ ]Day)(?![\w])")),
    ("weekday", _c(rf"(?:(?P<mod>(?i:last|next|this|early|late|coming|past|this[ ]coming|this[ ]past))[ ])?"
                   rf"(?P<wd>{_WD})(?:[ ](?P<pod>(?i:morning|afternoon|evening|night)))?\b")),
    ("deictic", _c(r"(?:(?P<mod>(?i:early|late))[ ])?(?P<w>(?i:the[ ]day[ ]before[ ]yesterday|"
                   r"the[ ]day[ ]after[ ]tomorrow|today|tonight|tomorrow|yesterday))"
                   r"(?:[ ](?P<pod>(?i:morning|afternoon|evening|night)))?\b")),
    ("partday", _c(r"(?:(?P<mod>(?i:early|late))[ ])?(?P<rel>(?i:this|last))[ ]"
                   r"(?P<pod>(?i:morning|afternoon|evening|night))\b")),
    ("relative", _c(rf"(?:(?P<mod>(?i:early|late|mid|earlier|later|{_PHRASE_MODS}))[- ])?"
                    r"(?P<rel>(?i:this|last|next|past|coming|current))[ ]"
                    r"(?P<u>(?i:week|month|year|decade|century|weekend|quarter|fortnight))\b(?!-)")),
    ("the_rel", _c(r"(?:(?P<mod>(?i:early|late|mid|earlier|later|the[ ]end[ ]of|the[ ]start[ ]of|"
                   r"the[ ]beginning[ ]of|the[ ]middle[ ]of|the[ ]rest[ ]of))[- ])?(?i:the)[ ]"
                   r"(?P<rel>(?i:past|last|next|coming|previous|following|current|same|preceding|"
                   r"subsequent))[ ](?P<u>(?i:day|week|month|year|decade|century|weekend|quarter|"
                   r"fortnight|night|morning|afternoon|evening))\b(?!-)")),
    ("this_unit", _c(rf"(?:(?P<mod>(?i:early|late|mid|{_PHRASE_MODS}))[- ])?(?i:the)[ ]"
                     r"(?P<u>(?i:week|month|year|decade|century|weekend))\b(?!-)")),
    ("weekend", _c(r"(?i:the)[ ](?i:weekend)\b(?!-)")),
    ("newyear", _c(r"(?i:the[ ]new[ ]year)\b(?![ ]?['’]s)")),
    ("ago", _c(rf"(?:(?P<approx>{_APPROX})[ ])?(?P<n>{_NUM})(?P<half1>[ ]and[ ]a[ ]half)?[ ](?P<u>{_UNIT})"
               rf"(?P<half2>[ ]and[ ]a[ ]half)?[ ](?P<dir>(?i:ago|earlier|later|from[ ]now|hence|"
               r"previously|before|after|afterwards?|on|prior))(?![\w-])")),
    ("ago_vague", _c(rf"(?:(?P<q>(?i:several|a[ ]few|few|many|some))[ ])?(?P<u>{_UNITPL})[ ](?i:ago)\b")),
    ("the_before", _c(r"(?i:the)[ ](?P<u>(?i:day|week|month|year|night))[ ](?P<dir>(?i:before|after|earlier|later))"
                      r"(?=\s*(?:[,.;:)\"”]|$))")),
    ("duration", _c(rf"(?:(?P<approx>{_APPROX})[ ])?(?P<n>{_NUM})(?P<half1>[ ]and[ ]a[ ]half)?[ ]"
                    rf"(?P<u>{_UNIT})(?P<half2>[ ]and[ ]a[ ]half)?\b(?![-'’]\w)")),
    ("duration", _c(rf"(?:(?P<approx>{_APPROX})[ ])?(?P<half>(?i:half))[ ](?:a|an)[ ](?P<u>{_UNIT})\b(?![-'’]\w)")),
    ("duration_adj", _c(rf"(?<![\w./-])(?P<n>{_NUMHY})-(?P<u>(?i:second|minute|hour|day|week|month|year|"
                        r"decade|century))(?:-long)?(?![\w-]|-old)")),
    ("duration_adj", _c(r"(?<![\w./-])(?P<u>(?i:hour|day|week|month|year|decade|century))-long(?![\w-])")),
    ("duration_the", _c(rf"(?i:the)[ ](?P<rel>(?i:past|last|next|coming|first|final|previous|following)"
                        rf"(?:[ ]few)?)[ ](?:(?P<n>{_NUMNOA})[ ])?(?P<u>{_UNIT})\b(?![-'’]\w)")),
    ("duration_vague", _c(rf"(?:(?P<q>(?i:several|a[ ]few|few|many|some|recent|countless|dozens[ ]of|"
                          rf"hundreds[ ]of))[ ])?(?P<u>{_UNITPL})\b(?![-'’]\w)")),
    ("set_every", _c(rf"(?i:every|each)[ ](?:(?P<other>(?i:other|second|third|fourth|few|couple[ ]of))[ ])?"
                     rf"(?:(?P<n>{_NUMNOA})[ ])?(?P<u>{_UNIT})\b")),
    ("set_named", _c(rf"(?i:every|each)[ ](?:(?P<wd>{_WD})(?:[ ](?P<pod>(?i:morning|afternoon|evening|night)))?|"
                     rf"(?P<mon>{_MON})|(?P<s>(?i:spring|summer|autumn|fall|winter))|(?P<we>(?i:weekend))|"
                     r"(?P<pod2>(?i:morning|afternoon|evening|night)))\b")),
    ("set_freq", _c(rf"(?P<f>(?i:once|twice|thrice|(?:{_NUMNOA})[ ]times))[ ](?i:a|an|per|each|every)[ ]"
                    rf"(?P<u>{_UNIT})\b")),
    ("set_adv", _c(rf"(?:(?P<f>(?i:once|twice|thrice|(?:{_NUMNOA})[ ]times))[ ])?(?P<adv>hourly|daily|nightly|"
                   r"weekly|fortnightly|monthly|quarterly|yearly|annually|biennially)\b(?!-)")),
    ("set_plural", _c(rf"(?P<wd>{_WDS})\b")),
    ("ref", _c(r"\b(?P<w>(?i:now|currently|nowadays|recently|lately|soon|these[ ]days))\b(?![-'’]\w)")),
    ("ref", _c(r"(?<=\b[Aa]t )(?P<w>present)\b")),
    ("ref", _c(r"(?P<w>(?i:the)[ ]past)\b")),
    ("ref", _c(r"(?P<w>(?i:the)[ ](?:(?i:near|foreseeable|distant|immediate|not-too-distant)[ ])?(?i:future))\b")),
    ("clock", _c(rf"(?<![\w.:,$£€])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?[ ]?(?P<ap>[AaPp]\.[Mm]\.?|[AaPp][Mm]\b)"
                 rf"(?:[ ](?P<day>(?i:today|tonight|tomorrow|yesterday)|{_WD})\b)?")),
    ("clock", _c(rf"(?<![\w.:,$£€])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?![\d.:])"
                 rf"(?:[ ](?P<day>(?i:today|tonight|tomorrow|yesterday)|{_WD})\b)?")),
    ("clock", _c(r"(?<![\w.:,$£€])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?=[ ]?(?:GMT|UTC|BST|CET|CEST|EST|EDT|"
                 r"PST|PDT|hrs|hours)\b)")),
    ("clock", _c(rf"(?P<nm>(?i:noon|midnight|midday))(?:[ ](?P<day>(?i:today|tonight|tomorrow|yesterday)|{_WD}))?\b")),
]

#: Kinds whose value depends on a date to resolve against.
_RELATIVE_KINDS = {"weekday", "deictic", "partday", "relative", "the_rel", "this_unit", "newyear", "ago", "weekend",
                   "the_before", "clock"}

# Words around an expression -----------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_ZONE = re.compile(r"[ \t]+(?:local time|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)\b")

#: Capitalised words that may stand before a date without making it part of a name.
_CAP_OK = {"on", "in", "by", "since", "until", "till", "from", "last", "next", "this", "early",
           "late", "every", "each", "before", "after", "during", "through", "throughout", "and",
           "or", "but", "the", "for", "of", "at", "to", "mid", "between", "over", "within", "as",
           "then", "around", "about", "if", "when", "while", "because", "although", "though",
           "starting", "beginning", "ending", "until", "unlike", "like", "later", "earlier",
           "that", "so", "yet", "also", "only", "even", "just", "again", "not", "no", "sometime",
           "coming", "past", "through", "into", "onto", "upon", "against", "toward", "towards",
           "near", "nearly", "almost", "some", "all", "both", "either", "neither", "by",
           "reuters", "ap", "afp", "upi", "dpa", "said", "says", "told", "wrote", "i", "we",
           "he", "she", "they", "it", "you", "there", "here", "what", "which", "who", "where",
           "how", "why", "yes", "more", "less", "than", "late", "overnight", "monday", "tuesday",
           "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
           "yesterday", "tonight", "now", "pm", "am", "gmt", "utc", "est", "edt"}
_CAP_OK.update(_MONTHS)
_MONTH_CONTEXT = {"in", "since", "until", "till", "by", "from", "through", "throughout", "during",
                  "of", "before", "after", "between", "and", "to", "on", "for", "into", "or",
                  "last", "next", "this", "early", "late", "mid", "every", "each", "the", "end",
                  "start", "beginning", "middle", "around", "as", "late", "early", "that", "than",
                  "until", "following", "previous", "past", "coming", "whole", "entire", "all",
                  "over", "within", "throughout", "sometime", "later", "earlier"}
_PREP_BEFORE_BARE = {"for", "within", "in", "over", "after", "lasting", "took", "take", "takes",
                     "taking", "lasted", "last", "lasts", "spent", "spend", "spends", "spending",
                     "waited", "wait", "waiting", "than", "across", "throughout", "during", "of"}
_COUNT_NOUNS = set("""people persons men women children kids babies troops soldiers fighters
civilians residents refugees migrants workers employees staff jobs homes houses buildings votes
voters seats shares points metres meters kilometres kilometers miles kilograms kg tonnes tons pounds
dollars euros yen yuan rupees barrels cases deaths infections patients beds doctors nurses police
officers students pupils teachers members delegates units vehicles cars trucks aircraft planes jets
rockets missiles bombs shells acres hectares feet yards calories words pages copies tickets
spectators fans protesters demonstrators prisoners detainees hostages passengers tourists visitors
firms companies businesses households families schools hospitals villages towns cities sites
computers machines animals cattle sheep birds trees rounds bullets guns weapons tanks ships boats
flights calls messages letters signatures applications claims species""".split())
_QTY_BEFORE = {"about", "some", "nearly", "almost", "around", "roughly", "approximately", "over",
               "under", "than", "only", "another", "least", "just", "all", "those", "these",
               "the other", "extra", "additional", "total", "of", "number", "no", "every", "per",
               "room", "flight", "block", "route", "highway", "interstate", "page"}
_RATE_BEFORE = {"million", "billion", "trillion", "thousand", "hundred", "percent", "cent",
                "dollars", "euros", "pounds", "barrels", "tonnes", "tons", "hours", "minutes",
                "times", "calories", "people", "cases", "deaths", "lives", "rounds"}

# Tense cues -----------------------------------------------------------------------------------

_FUT_LEMMA = {"expect", "expects", "expected", "expecting", "scheduled", "slated", "forecast",
              "forecasts", "predicted", "upcoming"}
_FUT_TO = {"plan", "plans", "planned", "planning", "set", "aim", "aims", "intend", "intends",
           "hope", "hopes", "want", "wants", "seek", "seeks", "due", "poised", "likely",
           "unlikely", "preparing", "prepares", "prepare", "bound", "ready", "about"}
_WEAK_FUT = {"is", "are", "am", "can", "could", "may", "might", "should", "must", "be",
             "resume", "resumes", "begin", "begins", "start", "starts", "open", "opens", "reopen",
             "reopens", "meet", "meets", "vote", "votes", "go", "goes", "take", "takes", "expire",
             "expires", "kick", "kicks", "arrive", "arrives", "return", "returns", "travel",
             "travels", "visit", "visits", "face", "faces", "play", "plays", "host", "hosts",
             "fly", "flies", "leave", "leaves", "launch", "launches", "end", "ends", "close",
             "closes", "sit", "sits", "hold", "holds", "unveil", "unveils", "publish",
             "publishes", "release", "releases", "announce", "announces", "decide", "decides",
             "sign", "signs", "testify", "testifies", "appear", "appears", "need", "needs",
             "have", "has", "remain", "remains", "stay", "stays", "continue", "continues", "due"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                "our", "your", "my", "next", "last", "first", "s", "'s", "’s", "whose", "each",
                "every", "no", "any", "some", "new", "final"}
_PAST_AUX = {"was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't", "been", "ago"}
_IRREGULAR_PAST = set("""said told met began took held went came left fell rose won lost made gave
saw found became struck sent spent ran broke led felt kept brought bought sold paid fought thought
got built spoke wrote flew drew grew threw knew chose stood sat laid withdrew ate caught taught
sought meant heard shot fled swore stole hid tore woke overtook undertook hung rang sang sank shook
slid spun sprang stuck stung swept swam swung underwent upheld withheld wound wore froze forgot
forgave dealt dug fed flung lay lit mistook overcame rode strove understood begun gone done seen
taken given known shown grown driven written spoken broken chosen fallen risen stolen sworn won
cut hit put shut quit spread cast cost hurt let beat struck slept bled bent lent sped spat split
burst bore shed""".split())
_NOT_PAST_ED = {"expected", "scheduled", "planned", "slated", "indeed", "need", "speed", "feed",
                "bed", "red", "hundred", "shed", "seed", "breed", "greed", "embed", "proceed",
                "succeed", "exceed", "united", "based", "wed", "sacred", "naked", "wicked",
                "beloved", "alleged", "aged", "armed", "unarmed", "advanced", "detailed",
                "limited", "skilled", "unemployed", "unprecedented", "embattled", "related",
                "interested", "concerned", "supposed", "biased", "so-called", "tired"}
_PARTICIPLE_AFTER = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get",
                     "gets", "got", "getting", "stay", "stays", "stayed", "remain", "remains",
                     "remained", "keep", "keeps", "kept", "seem", "seems", "seemed", "become",
                     "becomes", "became", "the", "a", "an", "its", "their", "his", "her", "our",
                     "your", "my", "this", "that", "these", "those", "newly", "well", "fully",
                     "widely", "highly", "heavily", "recently", "previously", "been"}

_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|tweeted|announced|declared|"
                     r"insisted|warned|stated|explained|asked|replied|stressed|noted|argued|urged|"
                     r"claimed|acknowledged|admitted|complained|recalled|conceded|cautioned|"
                     r"predicted|promised|vowed|pledged|remarked|commented|posted|speaking|"
                     r"spoke|quoted|saying|telling)\b")
_CLAUSE_BREAK = re.compile(r";|:(?=\s)|\s[-–—]\s|,\s+(?:and|but|while|whereas|although|though|as|which|"
                           r"who|when|after|before|because|since|despite)\b|\s(?:but|while|whereas)\s")
#: Where the scan for a verb to the right of an expression stops.
_RIGHT_STOP = re.compile(r",|\b(?:that|which|who|whom|whose|where|when|after|before|because|since|as|while|"
                         r"if|although|though|and|but|to)\b")
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"(?:\b[ap]\.m|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bGov|\bSen|\bRep|\bLt|\bCol|\bSgt|"
                     r"\bProf|\bNo|\bvs|\bU\.S|\bU\.N|\bU\.K|\bE\.U|\bJan|\bFeb|\bMar|\bApr|\bJun|\bJul|"
                     r"\bAug|\bSept?|\bOct|\bNov|\bDec|\b[A-Z])\.$")


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


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _easter(year: int) -> dt.date:
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


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


_HOLIDAYS = {
    "christmas day": lambda y: dt.date(y, 12, 25), "christmas": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "boxing day": lambda y: dt.date(y, 12, 26),
    "new year's day": lambda y: dt.date(y, 1, 1), "new year's": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "easter": _easter,
    "easter sunday": _easter, "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
}


_V_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_V_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_V_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_V_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")


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
        m = _V_DAY.match(value)
        if m:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        m = _V_WEEK.match(value)
        if m:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        m = _V_MONTH.match(value)
        if m:
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        m = _V_PART.match(value)
        if m:
            y, part = int(m[1]), m[2]
            if part[0] == "Q":
                q = int(part[1])
                first = 3 * q - 2
                return dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1])
            if part[0] == "H":
                return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if part == "H1" else (dt.date(y, 7, 1), dt.date(y, 12, 31))
            a, b = _SEASON_MONTHS[part]
            if part == "WI":
                return dt.date(y, 12, 1), dt.date(y + 1, 2, calendar.monthrange(y + 1, 2)[1])
            return dt.date(y, a, 1), dt.date(y, b, calendar.monthrange(y, b)[1])
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


# --------------------------------------------------------------------------------------------
# Numbers and durations
# --------------------------------------------------------------------------------------------

def _num(s: str | None) -> float | None:
    """A number from digits or words; None for a vague quantity ("several", "a few")."""
    if s is None:
        return None
    s = " ".join(s.lower().replace("-", " ").split())
    if s in _VAGUE or s.replace(" ", "-") in _VAGUE:
        return None
    half = 0.0
    for tail in (" and a half", " 1/2", "½"):
        if s.endswith(tail):
            s, half = s[: -len(tail)].strip(), 0.5
    s = s.replace("1/2", "").strip()
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", "")) + half
    if s in _NUMWORDS:
        return _NUMWORDS[s] + half
    parts = s.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _NUMWORDS:
        return _TENS[parts[0]] + _NUMWORDS[parts[1]] + half
    return None


def _fmt(x: float) -> str:
    return str(int(x)) if abs(x - round(x)) < 1e-9 else f"{x:.2f}".rstrip("0").rstrip(".")


def _unit_key(u: str) -> str:
    u = u.lower().rstrip("s")
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u


def _duration(n: float | None, unit: str) -> str:
    """ISO 8601 period for ``n`` units (``None`` = unspecified ``X``)."""
    u = _unit_key(unit)
    if u == "fortnight":
        n, u = (None if n is None else 2 * n), "week"
    in_time, letter = _UNITS.get(u, (False, "D"))
    if n is None:
        return f"PTX{letter}" if in_time else f"PX{letter}"
    whole = int(n)
    frac = n - whole
    if frac > 1e-9 and u != "second":
        # Fractions become the next smaller unit: 5-1/2 years -> P5Y6M, 1.5 centuries -> P150Y.
        if u in ("century", "decade", "millennium"):
            years = n * {"century": 100, "decade": 10, "millennium": 1000}[u]
            if abs(years - round(years)) < 1e-9:
                return f"P{int(round(years))}Y"
        sub = {"year": (12, "M", False), "month": (30, "D", False), "week": (7, "D", False),
               "day": (24, "H", True), "hour": (60, "M", True), "minute": (60, "S", True)}.get(u)
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
# The tagger
# --------------------------------------------------------------------------------------------

@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    m: re.Match
    order: int


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        before = text[max(0, m.start() - 6): m.start() + 1]
        if "\n" not in m.group() and _ABBREV.search(before.rstrip(".!?\"'”’)]") + "."):
            continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations (content between the marks), per line; an unclosed quote runs to the
    end of its line (multi-paragraph quotes)."""
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


class _Tagger:
    def __init__(self, text: str, anchor: dt.date | None, sentences, present_is_past):
        self.text = text
        self.anchor = anchor
        self.sents = sorted(sentences) if sentences else _sentence_spans(text)
        self.sent_starts = [s for s, _ in self.sents]
        self.quotes = _quote_spans(text)
        self.present_is_past = list(present_is_past or ())

    # -- context -----------------------------------------------------------------------------

    def sent_of(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)
        return self.sents[i]

    def quote_of(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return q
        return None

    def prev_words(self, pos: int, n: int = 3) -> list[str]:
        """Up to ``n`` words before ``pos`` in the same sentence, nearest last, lower case."""
        s, _ = self.sent_of(pos)
        return [w.lower() for w in _WORD.findall(self.text[max(s, pos - 60):pos])[-n:]]

    def prev_token_raw(self, pos: int) -> tuple[str, bool]:
        """The word just before ``pos`` (only white space between) and whether it opens its
        sentence."""
        s, _ = self.sent_of(pos)
        m = re.search(r"([A-Za-z][\w'’.&-]*)[ \t\u00a0]+$", self.text[max(s, pos - 40):pos])
        if not m:
            return "", False
        word_start = pos - (len(self.text[max(s, pos - 40):pos]) - m.start(1))
        opens = not self.text[s:word_start].strip(" \t\"'“‘(")
        return m.group(1), opens

    def next_token_raw(self, pos: int) -> str:
        m = re.match(r"[ \t\u00a0]+([A-Za-z][\w'’-]*)", self.text[pos:pos + 40])
        return m.group(1) if m else ""

    def is_name(self, start: int, end: int, *, check_next: bool = True, check_prev: bool = True) -> bool:
        """True when a calendar word is part of a proper name ("the Sunday Times", "Good Friday
        Agreement", "Arab Spring", "April Jones")."""
        if check_next:
            nxt = self.next_token_raw(end)
            if nxt and nxt[0].isupper() and nxt.lower().rstrip("'’s") not in _CAP_OK \
                    and not nxt.isupper():
                return True
        if check_prev:
            prev, opens = self.prev_token_raw(start)
            if prev and prev[0].isupper() and not opens and prev.lower() not in _CAP_OK \
                    and not prev.isupper() and not prev.endswith("."):
                return True
        return False

    # -- candidates --------------------------------------------------------------------------

    def candidates(self) -> list[_Cand]:
        out = []
        for order, (kind, rx) in enumerate(_PATTERNS):
            for m in rx.finditer(self.text):
                if m.end() > m.start() and self.accept(kind, m):
                    out.append(_Cand(m.start(), m.end(), kind, m, order))
        out.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
        taken: list[_Cand] = []
        for c in out:
            if all(c.end <= t.start or c.start >= t.end for t in taken):
                taken.append(c)
        return sorted(taken, key=lambda c: c.start)

    def accept(self, kind: str, m: re.Match) -> bool:  # noqa: C901 - one guard per rule family
        text, s, e = self.text, m.start(), m.end()
        g = m.groupdict()
        after = text[e:e + 12]
        if kind in ("dmy", "dm") and s > 0 and re.match(r"[\w$£€.,:/-]", text[s - 1]):
            return False            # "1.5 May" or "$3 March": a number running into a month
        if kind in ("dm", "md"):
            if re.match(r"\s*(?:%|percent)", after):
                return False
            # "the May 4th Movement": a date that opens a name
            return not self.is_name(s, e, check_prev=False)
        if kind == "month":
            mon = g["mon"]
            if g.get("mod"):
                return not self.is_name(s, e, check_prev=False)
            prev = self.prev_words(s, 1)
            if mon in ("May", "March"):
                if not prev or prev[-1] not in _MONTH_CONTEXT:
                    return False
                if re.match(r"[ \t]+(?:be|have|not|also|well|still|never|only|help|need|want)\b", after):
                    return False
            if self.is_name(s, e):
                return False
            # "the May 4th Movement": a dated name, not a date
            if re.match(r"[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]", after + text[e + 12:e + 20]):
                return False
            return True
        if kind == "year":
            prev_raw, opens = self.prev_token_raw(s)
            prev = self.prev_words(s, 2)
            if re.search(r"\d[ \t]*$", text[max(0, s - 3):s]) or re.match(r"[ \t]*\d", after):
                return False
            # "Section 1983", "Resolution 2254": a number after a capitalised noun is a code,
            # also at the start of a sentence
            if prev_raw and prev_raw[0].isupper() and prev_raw.lower() not in _CAP_OK \
                    and prev_raw.lower().rstrip(".") not in _MONTHS and not prev_raw.isupper():
                return False
            if prev and (prev[-1] in _QTY_BEFORE or " ".join(prev[-2:]) in _QTY_BEFORE):
                return False
            nxt = self.next_token_raw(e).lower()
            if nxt in _COUNT_NOUNS:
                return False
            return True
        if kind == "year_mod":
            mod = g["mod"].lower()
            if mod.startswith(("spring", "summer", "autumn", "fall", "winter")) and \
                    self.is_name(s, e, check_next=False):
                return False
            return True
        if kind == "decade":
            return True
        if kind == "quarter":
            if re.match(r"[ \t]+(?:point|mile|of[ \t]+(?:a|an|his|her|their|its|the[ \t]+(?!year|fiscal|financial)))\b", after):
                return False
            if g.get("q") is None:
                tail = text[e:e + 30]
                if re.match(r"[ \t]+of[ \t]+(?!the[ \t]+year|this|last|next|\d)", tail):
                    return False
            return True
        if kind == "half":
            if re.match(r"[ \t]+of\b", after) and not g.get("ref"):
                return False
            return True
        if kind == "season":
            word = g["s"]
            mod = (g.get("mod") or "").lower()
            if word[0].isupper():
                prev_raw, opens = self.prev_token_raw(s)
                if (not mod or mod == "the") and not opens and self.is_name(s, e):
                    return False
                if self.is_name(s, e, check_next=False):
                    return False
            nxt = self.next_token_raw(e)
            if nxt and nxt[0].isupper() and nxt.lower() not in _CAP_OK and not g.get("y"):
                return False
            if mod or g.get("y"):
                if mod == "the" and re.match(r"[ \t]+of\b", after) and not g.get("y"):
                    return False
                return True
            prev = self.prev_words(s, 1)
            if word.lower() in ("fall", "spring"):
                return bool(prev) and prev[-1] in ("in", "during", "this", "until", "by", "since",
                                                    "through", "throughout", "over")
            return bool(prev) and prev[-1] in ("in", "during", "until", "by", "since", "through",
                                               "throughout", "over", "before", "after", "of", "all")
        if kind == "holiday":
            return not self.is_name(s, e)
        if kind in ("weekday", "set_plural"):
            if g.get("mod") or g.get("pod"):
                return not self.is_name(s, e, check_prev=False)
            return not self.is_name(s, e)
        if kind == "deictic":
            return not self.is_name(s, e, check_next=False)
        if kind in ("duration", "ago"):
            n = (g.get("n") or "").lower()
            unit = g["u"].lower()
            if re.match(r"[ \t]*(?:-[ \t]*)?old\b", after):
                return False
            if unit.startswith("second") and n in ("a", "an", "one", "the") and kind == "duration":
                return False
            if n in ("a", "an") and kind == "duration":
                prev = self.prev_words(s, 1)
                if prev and (prev[-1] in _RATE_BEFORE or re.fullmatch(r"[\d,.]+", prev[-1])):
                    return False
            if kind == "duration" and re.match(r"\d", n) and re.search(r"[\d,.]$", text[:s]):
                return False
            if kind == "ago" and re.match(r"[ \t]+than\b", after):
                return False        # "a day later than planned"
            if kind == "ago" and g["dir"].lower() in ("before", "after", "on", "prior"):
                rest = text[e:e + 20]
                if not re.match(r"\s*(?:[,.;:)\"”]|$)", rest):
                    return False
            return True
        if kind == "duration_vague":
            if g.get("q"):
                return not re.match(r"[ \t]+(?:old|ago)\b", after)
            prev = self.prev_words(s, 1)
            if re.match(r"[ \t]+(?:old|ago)\b", after):
                return False
            return bool(prev) and prev[-1] in _PREP_BEFORE_BARE
        if kind == "duration_the":
            if not g.get("n") and not g["u"].lower().endswith("s") and "few" not in g["rel"].lower():
                return False
            return True
        if kind == "this_unit":
            return bool(g.get("mod"))
        if kind == "the_rel":
            return True
        if kind == "relative":
            return True
        if kind == "ref":
            w = g["w"].lower()
            if w == "soon":
                if re.search(r"\bas[ \t]+$", text[max(0, s - 4):s]) or re.match(r"[ \t]+(?:after|afterwards|as)\b", after):
                    return False
            if w == "now" and re.match(r"[-–]", text[e:e + 1]):
                return False
            if w == "the past":
                prev = self.prev_words(s, 1)
                if not prev or prev[-1] not in ("in", "into", "from", "of"):
                    return False
            if w.endswith("future"):
                prev = self.prev_words(s, 1)
                if not prev or prev[-1] not in ("in", "for", "into", "of", "to", "until", "at"):
                    return False
            return True
        if kind == "clock":
            if g.get("nm"):
                return True
            if not g.get("ap"):
                prev = self.prev_words(s, 1)
                zone = re.match(r"[ \t]?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local time|hrs|hours|h)\b", after)
                if not zone and not (prev and prev[-1] in ("at", "by", "until", "from", "before",
                                                           "after", "around", "till", "since")):
                    return False
            return True
        if kind == "set_adv":
            return True
        return True

    # -- tense -------------------------------------------------------------------------------

    def clause(self, s: int, e: int, right_only: bool = False) -> tuple[int, int]:
        ss, se = self.sent_of(s)
        q = self.quote_of(s)
        if q:
            ss, se = max(ss, q[0]), min(se, q[1])
        else:
            # outside quotes: stop at quotation marks
            for qs, qe in self.quotes:
                if qe <= s:
                    ss = max(ss, qe + 1)
                if qs >= e:
                    se = min(se, qs - 1)
        left = self.text[ss:s]
        cut = None
        for m in _CLAUSE_BREAK.finditer(left):
            cut = m.end()
        if cut is not None:
            ss = ss + cut
        right = self.text[e:se]
        m = _CLAUSE_BREAK.search(right)
        if m:
            se = e + m.start()
        m = _RIGHT_STOP.search(self.text, e, se)
        if m and right_only:
            se = m.start()
        return ss, se

    def _in_headline(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.present_is_past)

    @staticmethod
    def _classify(words: list[str], i: int) -> tuple[str | None, bool]:
        """The tense cue of ``words[i]``: ('future'|'past'|None, strong?)."""
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        prv = words[i - 1] if i > 0 else ""
        if w.endswith("'ll") or w in ("won't", "wo"):
            return "future", True
        if w in ("will", "shall"):
            if prv in ("the", "political", "his", "her", "their", "its", "of", "good", "free"):
                return None, False
            return "future", True
        if w == "would":
            if nxt == "have":
                return "past", True
            return "future", True
        if w in ("going", "gonna") and (nxt == "to" or w == "gonna"):
            return "future", True
        if w in _FUT_LEMMA:
            return "future", True
        if w in _FUT_TO and (nxt in ("to", "for", "on", "in", "back") or
                             prv in ("is", "are", "was", "were", "be", "'s", "am")):
            if w == "about" and nxt != "to":
                return None, False
            if w == "due" and nxt == "to" and prv not in ("is", "are", "was", "were", "be", "'s", "am"):
                return None, False
            return "future", True
        if w in ("could", "may", "might", "should", "must", "can", "couldn't"):
            if nxt == "have" or (nxt == "not" and i + 2 < len(words) and words[i + 2] == "have"):
                return "past", True
            if w in ("could", "couldn't") and (nxt == "not" or w == "couldn't"):
                return "past", True     # "could not be reached for comment on Thursday"
            return "future", False
        if w in _PAST_AUX:
            return "past", True
        if w in ("has", "have", "'ve", "'s") and nxt and (nxt.endswith("ed") or nxt in _IRREGULAR_PAST or nxt == "been"):
            return "past", True
        if w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
            if prv in _PARTICIPLE_AFTER or prv.endswith("ly"):
                return None, False
            if w == "set" and nxt == "to":
                return "future", True
            if w == "left" and prv in ("the", "on", "to", "far"):
                return None, False
            return "past", True
        if w in ("is", "are", "am") and nxt.endswith("ing"):
            return "future", True
        if w in _WEAK_FUT:
            if prv in _DETERMINERS:
                return None, False      # "the vote", "Tuesday's talks": a noun
            return "future", False
        return None, False

    def tense(self, s: int, e: int) -> str:
        """'past' or 'future' for the clause around ``text[s:e]`` (news defaults to past)."""
        cs, _ = self.clause(s, e)
        _, ce = self.clause(s, e, right_only=True)
        left = [w.lower() for w in _WORD.findall(self.text[cs:s]) if not w[0].isdigit()]
        right = [w.lower() for w in _WORD.findall(self.text[e:ce]) if not w[0].isdigit()]
        headline = self._in_headline(s)
        prep = left[-1] if left else ""
        if prep == "since":
            return "past"
        if prep in ("ago",):
            return "past"
        weak = None
        strong = None
        for i in range(len(left) - 1, -1, -1):
            cue, is_strong = self._classify(left, i)
            if cue and is_strong:
                strong = cue
                break
            if cue and weak is None:
                weak = cue
        if prep in ("until", "till", "by", "before", "ahead") and strong != "past":
            return "future"
        if strong:
            return strong
        for i in range(len(right)):
            cue, is_strong = self._classify(right, i)
            if cue and is_strong:
                strong = cue
                break
            if cue and weak is None:
                weak = cue
        if strong == "future" or (strong is None and weak == "future" and not headline):
            return "future"
        return "past"

    # -- resolution --------------------------------------------------------------------------

    def run(self) -> list[Timex]:
        cands = self.candidates()
        out: list[Timex] = []
        for c in cands:
            t = self.resolve(c, self.anchor, out)
            if t is not None:
                out.append(t)
        self.requote(cands, out)
        return out

    def requote(self, cands, out: list[Timex]) -> None:
        """Re-anchor relative expressions inside direct quotations to when the quote was spoken,
        where the attribution around the quote gives a day for it."""
        if not self.quotes:
            return
        for q in self.quotes:
            inside = [i for i, t in enumerate(out) if q[0] <= t.start < q[1]]
            if not inside:
                continue
            speech = self.speech_date(q, out)
            if speech is None:
                continue
            day, label = speech
            for i in inside:
                c = next(c for c in cands if c.start == out[i].start and c.end == out[i].end)
                if c.kind in _RELATIVE_KINDS or c.kind in ("month", "dm", "md", "season",
                                                            "holiday", "quarter", "half",
                                                            "the_rel", "this_unit", "weekday"):
                    t = self.resolve(c, day, out[:i], speech_label=label)
                    if t is not None:
                        out[i] = t

    def speech_date(self, q, out: list[Timex]):
        """The day a quotation was spoken, from a dated speech verb in its sentence(s)."""
        qs, qe = q
        s1, _ = self.sent_of(qs)
        _, s2 = self.sent_of(max(qe - 1, qs))
        if qe < len(self.text):
            _, s2 = self.sent_of(min(qe + 1, len(self.text) - 1))
        regions = [(s1, max(s1, qs - 1)), (min(qe + 1, s2), s2)]
        # 'X said on Thursday:' closing the paragraph before a quote paragraph
        line_start = self.text.rfind("\n", 0, qs) + 1
        if not self.text[line_start:qs].strip(" \t\"“"):
            prev_end = self.text.rfind("\n", 0, max(line_start - 1, 0))
            prev_line = self.text[prev_end + 1: line_start].rstrip()
            while prev_line == "" and prev_end > 0:
                line_start = prev_end + 1
                prev_end = self.text.rfind("\n", 0, max(prev_end - 1, 0))
                prev_line = self.text[prev_end + 1: line_start].rstrip()
            if prev_line.endswith(":"):
                ps, pe = self.sent_of(prev_end + 1 + len(prev_line) - 1)
                regions.append((ps, pe))
        for rs, re_ in regions:
            if re_ <= rs:
                continue
            seg = self.text[rs:re_]
            if not _SPEECH.search(seg):
                continue
            for t in out:
                if rs <= t.start and t.end <= re_ and self.quote_of(t.start) is None \
                        and t.type in ("DATE", "TIME") and t.date_start is not None \
                        and t.date_start == t.date_end:
                    return t.date_start, f"speech:{t.date_start.isoformat()}"
        return None

    def reference(self, pos: int, out: list[Timex]) -> Timex | None:
        """The last concrete date mentioned before ``pos`` ("a year earlier" than it), if any."""
        best = None
        for t in out:
            if t.end <= pos and t.date_start is not None and t.type in ("DATE", "TIME"):
                best = t
        if best is not None:
            return best
        return None

    def resolve(self, c: _Cand, anchor: dt.date | None, out: list[Timex],
                speech_label: str | None = None) -> Timex | None:  # noqa: C901
        """The :class:`Timex` for a candidate, resolved against ``anchor`` (a day)."""
        g = c.m.groupdict()
        s, e = c.start, c.end
        label = speech_label or (f"publication:{anchor.isoformat()}" if anchor else "none")

        def mk(type_, value, rule, *, rel=True, mod=None, tense=None, start=s, end=e):
            return Timex(start, end, self.text[start:end], type_, value,
                         anchor=(label if rel and anchor else "none"), mod=mod, rule=rule, tense=tense)

        kind = c.kind
        if kind == "iso":
            return mk("DATE", f"{g['y']}-{g['m']}-{g['d']}", "absolute", rel=False)
        if kind == "sept11":
            return mk("DATE", "2001-09-11", "absolute", rel=False)
        if kind in ("dmy", "mdy"):
            mon = _MONTHS[g["mon"].rstrip(".").lower()]
            d = int(re.match(r"\d+", g["d"]).group())
            try:
                dt.date(int(g["y"]), mon, d)
            except ValueError:
                return None
            return mk("DATE", f"{int(g['y']):04d}-{mon:02d}-{d:02d}", "absolute", rel=False)
        if kind == "my":
            mon = _MONTHS[g["mon"].rstrip(".").lower()]
            mod = _POS_MOD.get((g.get("mod") or "").lower())
            return mk("DATE", f"{int(g['y']):04d}-{mon:02d}", "absolute", rel=False, mod=mod)
        if kind in ("dm", "md"):
            mon = _MONTHS[g["mon"].rstrip(".").lower()]
            d = int(re.match(r"\d+", g["d"]).group())
            if d > calendar.monthrange(2000, mon)[1]:
                return None
            if g.get("wd"):
                wd = _WEEKDAYS[g["wd"].lower()]
                if anchor is None:
                    return mk("DATE", f"XXXX-{mon:02d}-{d:02d}", "absolute")
                # a weekday with a year-less date: the year where they agree, nearest the anchor
                best = None
                for y in (anchor.year - 1, anchor.year, anchor.year + 1):
                    try:
                        day = dt.date(y, mon, d)
                    except ValueError:
                        continue
                    if day.isoweekday() == wd and (best is None or abs((day - anchor).days) < abs((best - anchor).days)):
                        best = day
                if best is not None:
                    return mk("DATE", best.isoformat(), "absolute")
            if anchor is None:
                return mk("DATE", f"XXXX-{mon:02d}-{d:02d}", "month")
            tense = self.tense(s, e)
            day = self._yearless(anchor, mon, d, tense)
            return mk("DATE", day.isoformat(), "month", tense=tense)
        if kind == "month":
            mon = _MONTHS[g["mon"].lower()]
            modw = (g.get("mod") or "").lower()
            mod = _POS_MOD.get(modw)
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
            tense = self.tense(s, e)
            if tense == "future":
                y = anchor.year if mon >= anchor.month else anchor.year + 1
            else:
                y = anchor.year if mon <= anchor.month else anchor.year - 1
            return mk("DATE", f"{y:04d}-{mon:02d}", "month", mod=mod, tense=tense)
        if kind == "year":
            return mk("DATE", g["y"], "absolute", rel=False)
        if kind == "year_mod":
            modw = " ".join(g["mod"].lower().split())
            for season, code in _SEASONS.items():
                if season in modw:
                    return mk("DATE", f"{g['y']}-{code}", "season", rel=False)
            if "half" in modw:
                return mk("DATE", f"{g['y']}-H{1 if 'first' in modw else 2}", "quarter", rel=False)
            return mk("DATE", g["y"], "absolute", rel=False, mod=_POS_MOD.get(modw))
        if kind == "decade":
            mod = _POS_MOD.get((g.get("mod") or "").lower())
            if g.get("dec"):
                return mk("DATE", g["dec"][:3], "absolute", rel=False, mod=mod)
            dd = int(g["dd"])
            century = "19" if dd >= 20 or anchor is None or anchor.year < 2000 else "20"
            if anchor is not None and anchor.year >= 2000 and dd < 20:
                century = "20"
            return mk("DATE", f"{century}{dd // 10}", "absolute", rel=False, mod=mod)
        if kind == "century":
            o = g["ord"].lower()
            n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else _ORDINALS[o]
            return mk("DATE", f"{n - 1:02d}", "absolute", rel=False,
                      mod=_POS_MOD.get((g.get("mod") or "").lower()))
        if kind == "quarter":
            return self._quarter(c, anchor, mk)
        if kind == "half":
            return self._half(c, anchor, mk)
        if kind == "season":
            return self._season(c, anchor, mk)
        if kind == "holiday":
            name = " ".join(g["h"].lower().replace("’", "'").split())
            fn = _HOLIDAYS.get(name)
            if fn is None:
                return None
            if anchor is None:
                if name.startswith(("easter", "good", "thanksgiving", "labor", "memorial")):
                    return mk("DATE", "XXXX-XX-XX", "holiday")
                d = fn(2000)
                return mk("DATE", f"XXXX-{d.month:02d}-{d.day:02d}", "holiday")
            modw = (g.get("mod") or "").lower()
            tense = "past" if modw == "last" else "future" if modw == "next" else self.tense(s, e)
            if tense == "future":
                d = fn(anchor.year)
                if d < anchor or (modw == "next" and d == anchor):
                    d = fn(anchor.year + 1)
            else:
                d = fn(anchor.year)
                if d > anchor or (modw == "last" and d == anchor):
                    d = fn(anchor.year - 1)
            return mk("DATE", d.isoformat(), "holiday", tense=tense)
        if kind == "weekday":
            return self._weekday(c, anchor, mk)
        if kind == "deictic":
            w = " ".join(g["w"].lower().split())
            pod = (g.get("pod") or "").lower()
            off = {"the day before yesterday": -2, "the day after tomorrow": 2, "today": 0,
                   "tonight": 0, "tomorrow": 1, "yesterday": -1}[w]
            suffix = "TNI" if w == "tonight" else (f"T{_PARTS[pod]}" if pod else "")
            type_ = "TIME" if suffix else "DATE"
            mod = _POS_MOD.get((g.get("mod") or "").lower())
            if anchor is None:
                return mk(type_, "XXXX-XX-XX" + suffix, "deictic", mod=mod)
            return mk(type_, (anchor + dt.timedelta(days=off)).isoformat() + suffix, "deictic", mod=mod)
        if kind == "partday":
            rel = g["rel"].lower()
            pod = g["pod"].lower()
            suffix = f"T{_PARTS[pod]}"
            off = -1 if rel == "last" else 0
            if anchor is None:
                return mk("TIME", "XXXX-XX-XX" + suffix, "deictic")
            return mk("TIME", (anchor + dt.timedelta(days=off)).isoformat() + suffix, "deictic")
        if kind in ("relative", "this_unit"):
            return self._relative(c, anchor, mk)
        if kind == "the_rel":
            return self._the_rel(c, anchor, mk, out)
        if kind == "weekend":
            if anchor is None:
                return mk("DATE", "XXXX-WXX-WE", "deictic")
            return self._weekend(anchor, self.tense(s, e), mk)
        if kind == "newyear":
            if anchor is None:
                return mk("DATE", "XXXX", "deictic")
            tense = self.tense(s, e)
            y = anchor.year + 1 if tense == "future" else anchor.year
            return mk("DATE", f"{y:04d}", "deictic", tense=tense)
        if kind == "ago":
            return self._ago(c, anchor, mk, out)
        if kind == "ago_vague":
            return mk("DATE", "PAST_REF", "ref", rel=False)
        if kind == "the_before":
            u = g["u"].lower()
            sign = -1 if g["dir"].lower() in ("before", "earlier") else 1
            return self._shift_from_reference(c, 1.0 if u != "night" else 1.0,
                                              "day" if u == "night" else u, sign, mk, out, anchor)
        if kind in ("duration", "duration_adj", "duration_the", "duration_vague"):
            return self._duration(c, mk)
        if kind in ("set_every", "set_named", "set_freq", "set_adv", "set_plural"):
            return self._set(c, mk)
        if kind == "ref":
            w = " ".join(g["w"].lower().split())
            if w in ("now", "currently", "nowadays", "these days", "present"):
                return mk("DATE", "PRESENT_REF", "ref", rel=False)
            if w in ("recently", "lately", "the past"):
                return mk("DATE", "PAST_REF", "ref", rel=False)
            return mk("DATE", "FUTURE_REF", "ref", rel=False)
        if kind == "clock":
            return self._clock(c, anchor, mk, out)
        return None

    # -- resolution helpers --------------------------------------------------------------------

    @staticmethod
    def _yearless(anchor: dt.date, mon: int, d: int, tense: str) -> dt.date:
        def make(y):
            try:
                return dt.date(y, mon, d)
            except ValueError:      # 29 February
                return dt.date(y, mon, 28)
        day = make(anchor.year)
        if tense == "future" and day < anchor:
            day = make(anchor.year + 1)
        elif tense != "future" and day > anchor:
            day = make(anchor.year - 1)
        return day

    def _weekday(self, c, anchor, mk):
        g = c.m.groupdict()
        wd = _WEEKDAYS[g["wd"].lower()]
        pod = (g.get("pod") or "").lower()
        modw = " ".join((g.get("mod") or "").lower().split())
        suffix = f"T{_PARTS[pod]}" if pod else ""
        type_ = "TIME" if pod else "DATE"
        mod = _POS_MOD.get(modw)
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
            tense = self.tense(c.start, c.end)
            if tense == "future":
                day = anchor + dt.timedelta(days=diff or 7)
            else:
                day = anchor - dt.timedelta(days=(anchor.isoweekday() - wd) % 7)
        return mk(type_, day.isoformat() + suffix, "weekday", mod=mod, tense=tense)

    def _relative(self, c, anchor, mk):
        g = c.m.groupdict()
        u = g["u"].lower()
        rel = (g.get("rel") or "this").lower()
        modw = " ".join((g.get("mod") or "").lower().split())
        mod = _POS_MOD.get(modw)
        if rel == "past" or (rel == "coming" and u != "weekend"):
            if u == "weekend":
                return self._weekend(anchor, "past", mk)
            return mk("DURATION", _duration(1, u), "duration", rel=False)
        if rel == "current":
            rel = "this"
        step = {"this": 0, "last": -1, "next": 1, "coming": 1}[rel]
        if u == "fortnight":
            return mk("DURATION", "P2W", "duration", rel=False)
        if anchor is None:
            return mk("DATE", _underspecified(u), "deictic", mod=mod)
        if u == "weekend":
            if rel == "this":
                return self._weekend(anchor, self.tense(c.start, c.end), mk, this=True)
            return mk("DATE", _week(anchor + dt.timedelta(weeks=step)) + "-WE", "deictic", mod=mod)
        value = _unit_value(anchor, u, step)
        return mk("DATE", value, "quarter" if u == "quarter" else "deictic", mod=mod) if value else None

    def _weekend(self, anchor, tense, mk, this=False):
        if anchor is None:
            return mk("DATE", "XXXX-WXX-WE", "deictic")
        wd = anchor.isoweekday()
        if this or wd >= 6:
            sat = anchor + dt.timedelta(days=6 - wd)
        elif tense == "future":
            sat = anchor + dt.timedelta(days=6 - wd)
        else:
            sat = anchor - dt.timedelta(days=wd + 1)
        return mk("DATE", _week(sat) + "-WE", "deictic", tense=None if this else tense)

    def _the_rel(self, c, anchor, mk, out):
        g = c.m.groupdict()
        u = g["u"].lower()
        rel = g["rel"].lower()
        modw = " ".join((g.get("mod") or "").lower().split())
        if u in ("night", "morning", "afternoon", "evening"):
            if rel in ("following", "next", "previous", "preceding", "same", "subsequent"):
                sign = {"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1, "same": 0}[rel]
                t = self._shift_from_reference(c, abs(sign), "day", sign or 1, mk, out, anchor)
                if t is not None and re.match(r"\d{4}-\d\d-\d\d$", t.value):
                    t.value += f"T{_PARTS[u]}"
                    t.type = "TIME"
                return t
            return None
        if u == "weekend":
            if rel in ("past", "last"):
                return self._weekend(anchor, "past", mk)
            if rel in ("coming", "next"):
                return self._weekend(anchor, "future", mk)
        if rel in ("past", "last", "coming"):
            if u == "day" and rel != "coming":
                return mk("DURATION", "P1D", "duration", rel=False)
            return mk("DURATION", _duration(1, u), "duration", rel=False)
        if rel == "current":
            return self._relative(c, anchor, mk)
        prev = self.prev_words(c.start, 1)
        if u != "day" and prev and prev[-1] in ("within", "over", "in", "for", "during", "throughout"):
            if rel in ("next", "following", "subsequent"):
                return mk("DURATION", _duration(1, u), "duration", rel=False)
        sign = {"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1, "same": 0}[rel]
        if rel == "next" and u != "day":
            # "the next week" said of now is next week
            ref = self.reference(c.start, out)
            if ref is None:
                return self._relative_from(anchor, u, 1, mk, modw)
        return self._shift_from_reference(c, abs(sign), u, sign or 1, mk, out, anchor)

    def _relative_from(self, anchor, u, step, mk, modw=""):
        if anchor is None:
            return mk("DATE", _underspecified(u), "deictic")
        value = _unit_value(anchor, u, step)
        return mk("DATE", value, "deictic") if value else None

    def _shift_from_reference(self, c, n, unit, sign, mk, out, anchor):
        """A date ``n`` units before/after the last concrete date mentioned (else the anchor)."""
        ref = self.reference(c.start, out)
        if ref is not None and ref.date_start is not None:
            base, label, gran = ref.date_start, f"mention:{ref.value}", _granularity(ref.value)
        elif anchor is not None:
            base, label, gran = anchor, None, "day"
        else:
            return mk("DATE", _underspecified(unit), "anaphoric")
        u = _unit_key(unit)
        part = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", ref.value) if ref is not None else None
        if part and u == "year" and float(n).is_integer():
            # "a year earlier" than the third quarter of 2015 is the third quarter of 2014
            value = f"{int(part[1]) + int(n) * sign:04d}-{part[2]}"
        else:
            value = _shift(base, n * sign, u, gran)
        if value is None:
            return None
        t = mk("DATE", value, "anaphoric")
        if label:
            t.anchor = label
        return t

    def _ago(self, c, anchor, mk, out):
        g = c.m.groupdict()
        n = _num(g["n"]) if g.get("n") else 1
        if g.get("half1") or g.get("half2"):
            n = (n or 0) + 0.5
        u = _unit_key(g["u"])
        d = g["dir"].lower()
        mod = _APPROX_MOD.get((g.get("approx") or "").lower())
        if n is None:
            return mk("DATE", "PAST_REF" if d in ("ago", "earlier", "before", "previously", "prior")
                      else "FUTURE_REF", "ref", rel=False)
        if d in ("ago", "from now", "hence"):
            sign = -1 if d == "ago" else 1
            if anchor is None:
                return mk("DATE", _underspecified(u), "ago", mod=mod)
            value = _shift(anchor, n * sign, u, "day")
            t = mk("DATE", value, "ago", mod=mod)
            return t
        sign = -1 if d in ("earlier", "before", "previously", "prior") else 1
        t = self._shift_from_reference(c, n, u, sign, mk, out, anchor)
        if t is not None:
            t.mod = mod
        return t

    def _quarter(self, c, anchor, mk):
        g = c.m.groupdict()
        if g.get("q"):
            q = int(g["q"])
            if g.get("y"):
                return mk("DATE", f"{g['y']}-Q{q}", "quarter", rel=False)
            ref = None
        else:
            o = g["ord"].lower()
            q = _ORDINALS[o]
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
        tense = self.tense(c.start, c.end)
        start = dt.date(anchor.year, 3 * q - 2, 1)
        end = dt.date(anchor.year, 3 * q, calendar.monthrange(anchor.year, 3 * q)[1])
        if tense == "future" and self._strong_future(c):
            y = anchor.year if end >= anchor else anchor.year + 1
        else:
            y = anchor.year if start <= anchor else anchor.year - 1
        return mk("DATE", f"{y:04d}-Q{q}", "quarter", tense=tense)

    def _strong_future(self, c) -> bool:
        cs, _ = self.clause(c.start, c.end)
        left = [w.lower() for w in _WORD.findall(self.text[cs:c.start]) if not w[0].isdigit()]
        return any(self._classify(left, i) == ("future", True) for i in range(len(left)))

    def _half(self, c, anchor, mk):
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
        tense = self.tense(c.start, c.end)
        if tense == "future":
            y = anchor.year if end >= anchor else anchor.year + 1
        else:
            y = anchor.year if start <= anchor else anchor.year - 1
        return mk("DATE", f"{y:04d}-H{h}", "quarter", tense=tense)

    def _season(self, c, anchor, mk):
        g = c.m.groupdict()
        code = _SEASONS[g["s"].lower()]
        modw = " ".join((g.get("mod") or "").lower().split())
        mod = _POS_MOD.get(modw)
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
        tense = self.tense(c.start, c.end)
        if tense == "future":
            y = min(y for y, a, b in seasons if b >= anchor)
        else:
            y = max(y for y, a, b in seasons if a <= anchor)
        return mk("DATE", f"{y:04d}-{code}", "season", mod=mod, tense=tense)

    def _duration(self, c, mk):
        g = c.m.groupdict()
        kind = c.kind
        u = g["u"]
        mod = _APPROX_MOD.get(" ".join((g.get("approx") or "").lower().split()))
        if kind == "duration_vague":
            return mk("DURATION", _duration(None, u), "duration", rel=False)
        if kind == "duration_the":
            rel = g["rel"].lower()
            n = _num(g["n"]) if g.get("n") else (None if "few" in rel or u.lower().endswith("s") else 1)
            if "few" in rel:
                n = None
            return mk("DURATION", _duration(n, u), "duration", rel=False)
        if kind == "duration_adj":
            n = _num(g["n"].replace("-and-a-half", " and a half").replace("-1/2", " 1/2")) if g.get("n") else 1
            return mk("DURATION", _duration(n, u), "duration", rel=False)
        if g.get("half"):
            return mk("DURATION", _duration(0.5, u), "duration", rel=False, mod=mod)
        n = _num(g["n"])
        if n is not None and (g.get("half1") or g.get("half2")):
            n += 0.5
        return mk("DURATION", _duration(n, u), "duration", rel=False, mod=mod)

    def _set(self, c, mk):
        g = c.m.groupdict()
        kind = c.kind
        if kind == "set_every":
            other = (g.get("other") or "").lower()
            n = _num(g["n"]) if g.get("n") else 1
            if other == "other":
                n = 2
            elif other in ("second", "third", "fourth"):
                n = _ORDINALS[other]
            elif other in ("few", "couple of"):
                n = None if other == "few" else 2
            return mk("SET", _duration(n, g["u"]), "set", rel=False)
        if kind == "set_named":
            if g.get("wd"):
                pod = (g.get("pod") or "").lower()
                return mk("SET", f"XXXX-WXX-{_WEEKDAYS[g['wd'].lower()]}" + (f"T{_PARTS[pod]}" if pod else ""),
                          "set", rel=False)
            if g.get("mon"):
                return mk("SET", f"XXXX-{_MONTHS[g['mon'].lower()]:02d}", "set", rel=False)
            if g.get("s"):
                return mk("SET", f"XXXX-{_SEASONS[g['s'].lower()]}", "set", rel=False)
            if g.get("we"):
                return mk("SET", "XXXX-WXX-WE", "set", rel=False)
            return mk("SET", f"XXXX-XX-XXT{_PARTS[g['pod2'].lower()]}", "set", rel=False)
        if kind == "set_freq":
            return mk("SET", _duration(1, g["u"]), "set", rel=False)
        if kind == "set_adv":
            adv = g["adv"]
            value = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
                     "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
                     "annually": "P1Y", "biennially": "P2Y"}[adv]
            return mk("SET", value, "set", rel=False)
        if kind == "set_plural":
            return mk("SET", f"XXXX-WXX-{_WEEKDAYS[g['wd'].lower()[:-1]]}", "set", rel=False)
        return None

    def _clock(self, c, anchor, mk, out):
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
        # the day: joined to the clock ("3 p.m. Friday"), or "on <day>" right after it, or the
        # day just before it ("Friday at 3 p.m."), else the anchor day
        base = None
        end = e
        if day_word:
            base = self._day_value(day_word, c, anchor)
        else:
            tail = self.text[e:e + 60]
            zone = _ZONE.match(tail)
            off = zone.end() if zone else 0
            m = re.match(rf"[ \t]*,?[ \t]*(?:on[ \t]+)?(?:(?:last|next|this)[ \t]+)?(?P<d>{_WD}|(?i:today|tonight|tomorrow|yesterday))\b",
                         tail[off:])
            if m:
                base = self._day_value(m.group("d"), c, anchor, at=e + off + m.start("d"),
                                       at_end=e + off + m.end("d"))
            else:
                head = self.text[max(0, s - 40):s]
                m2 = re.search(rf"(?P<d>{_WD}|(?i:today|tonight|tomorrow|yesterday))(?:[ \t]+(?:morning|afternoon|evening|night))?,?[ \t]+(?:at|from|until|by|around)[ \t]+$", head)
                if m2:
                    pos = s - len(head) + m2.start("d")
                    base = self._day_value(m2.group("d"), c, anchor, at=pos, at_end=pos + len(m2.group("d")))
        if base is None:
            base = anchor.isoformat() if anchor else "XXXX-XX-XX"
        return mk("TIME", base + clock, "time", end=end)

    def _day_value(self, word: str, c, anchor, at=None, at_end=None) -> str:
        w = word.lower()
        if w in _WEEKDAYS:
            wd = _WEEKDAYS[w]
            if anchor is None:
                return f"XXXX-WXX-{wd}"
            a, b = (at, at_end) if at is not None else (c.start, c.end)
            tense = self.tense(a, b)
            diff = (wd - anchor.isoweekday()) % 7
            if tense == "future":
                return (anchor + dt.timedelta(days=diff or 7)).isoformat()
            return (anchor - dt.timedelta(days=(anchor.isoweekday() - wd) % 7)).isoformat()
        if anchor is None:
            return "XXXX-XX-XX"
        off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[w]
        return (anchor + dt.timedelta(days=off)).isoformat()


def _unit_value(anchor: dt.date, u: str, step: int) -> str | None:
    """The week, month, year, decade, century or quarter ``step`` units from the anchor's."""
    if u == "week":
        return _week(anchor + dt.timedelta(weeks=step))
    if u == "month":
        y, m = _add_months(anchor.year, anchor.month, step)
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


def _granularity(value: str) -> str:
    if _V_DAY.match(value):
        return "day"
    if _V_WEEK.match(value):
        return "week"
    if _V_MONTH.match(value):
        return "month"
    if re.fullmatch(r"\d{4}(-(Q[1-4]|H[12]|SP|SU|FA|WI))?", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    return "day"


_GRAN_ORDER = ["day", "week", "month", "year", "decade", "century"]


def _shift(base: dt.date, n: float, unit: str, ref_gran: str) -> str | None:
    """``base`` moved by ``n`` units, written at the coarser of the unit's and the reference's
    granularity ("three days ago" -> a day; "two weeks ago" -> a week; "a year earlier" than
    2011 -> 2010)."""
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
        y, m = _add_months(base.year, base.month, int(round(n)))
        unit_gran, target = "month", dt.date(y, m, min(base.day, calendar.monthrange(y, m)[1]))
    elif unit == "year":
        unit_gran, target = "year", dt.date(base.year + int(round(n)), base.month, min(base.day, 28))
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
        return _week(target)
    if gran == "month":
        return f"{target.year:04d}-{target.month:02d}"
    if gran == "year":
        return f"{target.year:04d}"
    if gran == "decade":
        return f"{target.year // 10:03d}"
    return f"{target.year // 100:02d}"


def _underspecified(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "year": "XXXX", "decade": "XXX", "century": "XX",
            "quarter": "XXXX-QX", "fortnight": "XXXX-WXX"}.get(_unit_key(unit), "XXXX-XX-XX")


def tag(text: str, published=None, *, sentences=None, present_is_past=None) -> list[Timex]:
    """Find and normalise the temporal expressions of a text.

    Args:
        text: an article, a paragraph or a sentence.
        published: the publication date (``YYYY-MM-DD``, ``date`` or ``Timestamp``), or None:
            then relative expressions keep underspecified values (``XXXX-WXX-5``).
        sentences: ``(start, end)`` sentence spans in ``text`` (e.g. from spaCy); by default a
            punctuation-based splitter.
        present_is_past: ``(start, end)`` spans (headlines, captions) where the present tense
            reports the past ("Russia vetoes resolution"), so it does not point forward.

    Returns:
        :class:`Timex` objects in text order, with offsets into ``text``.
    """
    anchor = parse_anchor(published)
    return _Tagger(text, anchor, sentences, present_is_past).run()
