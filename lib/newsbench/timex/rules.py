"""THE rule table: every rule of the tagger in one place, each with its patterns, its guard and
its resolver.

A rule (or rule family) is one :class:`Rule`:

* ``kind``: its name (unique);
* ``patterns``: compiled regexes (:func:`.patterns.compile_rule`: ``[ ]`` is any horizontal
  white space, every match starts at a word);
* ``guard(ctx, m) -> bool``: whether a match is kept (the words around it, names, counts);
  None keeps every match;
* ``resolve(ctx, c, anchor, mk, out) -> Timex | None``: the TIMEX3 value of a kept match,
  against ``anchor`` (a day or None), ``out`` the expressions found before it, ``mk`` the
  :class:`.model.Timex` maker of :meth:`.tagger.Tagger.resolve`;
* ``speech``: inside a direct quotation, resolved again against the day the quote was spoken.

A rule's patterns are separate arguments of :func:`rule`; a pattern continued on the next line
is indented one space more. Overlapping matches are settled by length, then by ORDER in this
table (the order of the patterns, one rule's patterns one after another), then by position:
the order is part of the behaviour. Guards and resolvers live in :mod:`.dates`,
:mod:`.relative` and :mod:`.durations`; several rules may share one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from . import dates, durations, relative
from .patterns import (APPROX, DAY, MON, MONANY, NUM, NUMHY, NUMNOA, PHRASE_MODS, UNIT,
                       UNITPL, WD, WDS, YEAR, compile_rule)

if TYPE_CHECKING:
    from .model import Timex

#: ``guard(ctx, m)``: keep the match ``m``? (``ctx``: the :class:`.context.Context`)
Guard = Callable[..., bool]
#: ``resolve(ctx, c, anchor, mk, out)``: the expression of candidate ``c``, or None.
Resolver = Callable[..., "Timex | None"]


@dataclass(frozen=True)
class Rule:
    """One rule family of the table (see the module docstring)."""

    kind: str
    patterns: tuple[re.Pattern, ...]
    resolve: Resolver
    guard: Guard | None = None
    speech: bool = False

    def accepts(self, ctx, m: re.Match) -> bool:
        """Whether the guard keeps a match (always, without a guard)."""
        return self.guard is None or self.guard(ctx, m)


def rule(kind: str, *patterns: str, resolve: Resolver, guard: Guard | None = None,
         speech: bool = False) -> Rule:
    """A :class:`Rule` with its patterns compiled."""
    return Rule(kind, tuple(compile_rule(p) for p in patterns), resolve, guard, speech)


RULES: tuple[Rule, ...] = (
    rule("iso",
         r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0[1-9])(?![\w-])",
         guard=None, resolve=dates.resolve_iso),
    rule("sept11",
         r"(?<![\w/])9/11(?![\w/])|(?<!\w)September[ ]11(?:th)?(?=[ ](?:attacks?|terror|hijack))",
         guard=None, resolve=dates.resolve_sept11),
    rule("dmy",
         rf"(?:(?P<wd>{WD}),?[ ])?(?:the[ ])?(?P<d>{DAY})[ ](?:of[ ])?(?P<mon>{MONANY}),?"
          rf"[ ](?P<y>{YEAR})(?![\d,.]\d|\d)",
         guard=dates.guard_full_date, resolve=dates.resolve_full_date),
    rule("mdy",
         rf"(?:(?P<wd>{WD}),?[ ])?(?P<mon>{MONANY})[ ](?:the[ ])?(?P<d>{DAY}),?[ ]"
          rf"(?P<y>{YEAR})(?![\d,.]\d|\d)",
         guard=None, resolve=dates.resolve_full_date),
    rule("my",
         rf"(?:(?P<mod>(?i:early|late|mid|{PHRASE_MODS}))[- ])?(?P<mon>{MONANY})[ ]"
          rf"(?:of[ ])?(?P<y>{YEAR})(?![\d,.]\d|\d)",
         guard=None, resolve=dates.resolve_month_year),
    rule("dm",
         rf"(?:(?P<wd>{WD}),?[ ])?(?:the[ ])?(?P<d>{DAY})[ ](?:of[ ])?(?P<mon>{MONANY})\b"
          rf"(?:,?[ ](?P<ry>(?i:last|next|this))[ ](?i:year)\b)?",
         guard=dates.guard_day_month, resolve=dates.resolve_day_month, speech=True),
    rule("md",
         rf"(?:(?P<wd>{WD}),?[ ])?(?P<mon>{MONANY})[ ](?:the[ ])?(?P<d>{DAY})"
          r"(?![\d:]|[.,]\d|[ ]?(?:%|percent|per[ ]cent))\b"
          rf"(?:,?[ ](?P<ry>(?i:last|next|this))[ ](?i:year)\b)?",
         guard=dates.guard_month_day, resolve=dates.resolve_day_month, speech=True),
    rule("month",
         rf"(?:(?P<mod>(?i:last|next|this|early|late|mid|earlier|later|{PHRASE_MODS}))"
          rf"[- ])?(?P<mon>{MON})\b(?!-)",
         guard=dates.guard_month, resolve=dates.resolve_month, speech=True),
    rule("decade",
         r"(?:(?P<the>(?i:the))[ ])?(?:(?P<mod>(?i:early|mid|late))[- ])?"
          r"(?:(?P<dec>1[2-9]\d0|20\d0)|['’](?P<dd>\d0))['’]?s\b",
         guard=None, resolve=dates.resolve_decade),
    rule("century",
         r"(?:(?i:the)[ ])?(?:(?P<mod>(?i:early|mid|late))[- ])?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
          r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
          r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
          r"nineteenth|twentieth|twenty-first))[- ](?i:century)\b(?!-old)",
         guard=None, resolve=dates.resolve_century),
    rule("year_mod",
         rf"(?P<mod>(?i:early|late|mid|{PHRASE_MODS}|"
          r"the[ ](?:spring|summer|autumn|fall|winter)[ ]of|"
          rf"(?:spring|summer|autumn|fall|winter)(?:[ ]of)?|fiscal|the[ ]year))[- ]"
          rf"(?P<y>{YEAR})(?![\w%]|[.,:/]\d|-\d)",
         guard=dates.guard_year_mod, resolve=dates.resolve_year_mod),
    rule("year",
         rf"(?<![\w$£€#.,/:+'’])(?<![A-Za-z]-)(?P<y>{YEAR})"
          rf"(?![\w%]|[.,:/]\d|-\d{{1,3}}(?!\d)|"
          r"[ ](?:percent|per[ ]cent|GMT|UTC|BST|CET|EST|EDT|PST|PDT|hours|hrs)\b)",
         r"['’](?P<yy>\d\d)(?![\w'’%]|[.,:/]\d)",
         guard=dates.guard_year, resolve=dates.resolve_year),
    rule("quarter",
         rf"(?:(?i:the)[ ])?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))"
          rf"[- ](?i:quarter)(?:[ ]of[ ](?P<ref>(?i:the[ ]year|this[ ]year|last[ ]year|next[ ]year|"
          rf"the[ ](?:fiscal|financial)[ ]year)|{YEAR}))?(?![\w-])",
         rf"(?<![\w-])Q(?P<q>[1-4])(?:[ ](?P<y>{YEAR}))?(?![\w-])",
         guard=dates.guard_quarter, resolve=dates.resolve_quarter, speech=True),
    rule("half",
         rf"(?:(?i:the)[ ])?(?P<ord>(?i:first|second))[- ](?i:half)"
          rf"(?:[ ]of[ ](?P<ref>(?i:the[ ]year|this[ ]year|last[ ]year|next[ ]year)|{YEAR}))?"
          r"(?![\w-])",
         guard=dates.guard_half, resolve=dates.resolve_half, speech=True),
    rule("season",
         rf"(?:(?P<mod>(?i:last|next|this|early|late|mid|{PHRASE_MODS}|the|earlier[ ]this|"
          rf"later[ ]this))[- ])?(?P<s>(?i:spring|summer|autumn|fall|winter))"
          rf"(?:(?:[ ]of)?[ ](?P<y>{YEAR}))?(?![\w-])",
         guard=dates.guard_season, resolve=dates.resolve_season, speech=True),
    rule("holiday",
         r"(?:(?P<mod>(?i:last|next|this))[ ])?(?P<h>Christmas[ ]Day|Christmas[ ]Eve|Christmas|"
          r"New[ ]Year['’]s[ ]Day|New[ ]Year['’]s[ ]Eve|New[ ]Year['’]s|"
          r"Boxing[ ]Day|Halloween|"
          r"Valentine['’]s[ ]Day|Easter[ ]Sunday|Easter[ ]Monday|Easter|Good[ ]Friday|"
          r"Thanksgiving(?:[ ]Day)?|Labor[ ]Day|Memorial[ ]Day)(?![\w])",
         guard=dates.guard_not_name, resolve=dates.resolve_holiday, speech=True),
    rule("weekday",
         rf"(?:(?P<mod>(?i:last|next|this|early|late|coming|past|this[ ]coming|this[ ]past))[ ])?"
          rf"(?P<wd>{WD})(?:[ ](?P<pod>(?i:morning|afternoon|evening|night)))?\b",
         guard=dates.guard_weekday, resolve=dates.resolve_weekday, speech=True),
    rule("deictic",
         r"(?:(?P<mod>(?i:early|late))[ ])?(?P<w>(?i:the[ ]day[ ]before[ ]yesterday|"
          r"the[ ]day[ ]after[ ]tomorrow|today|tonight|tomorrow|yesterday))"
          r"(?:[ ](?P<pod>(?i:morning|afternoon|evening|night)))?\b",
         guard=relative.guard_deictic, resolve=relative.resolve_deictic, speech=True),
    rule("partday",
         r"(?:(?P<mod>(?i:early|late))[ ])?(?P<rel>(?i:this|last))[ ]"
          r"(?P<pod>(?i:morning|afternoon|evening|night))\b",
         guard=None, resolve=relative.resolve_partday, speech=True),
    rule("relative",
         rf"(?:(?P<mod>(?i:early|late|mid|earlier|later|{PHRASE_MODS}))[- ])?"
          r"(?P<rel>(?i:this|last|next|past|coming|current))[ ]"
          r"(?P<u>(?i:week|month|year|decade|century|weekend|quarter|fortnight))\b(?!-)",
         guard=None, resolve=relative.resolve_relative, speech=True),
    rule("the_rel",
         r"(?:(?P<mod>(?i:early|late|mid|earlier|later|the[ ]end[ ]of|the[ ]start[ ]of|"
          r"the[ ]beginning[ ]of|the[ ]middle[ ]of|the[ ]rest[ ]of))[- ])?(?i:the)[ ]"
          r"(?P<rel>(?i:past|last|next|coming|previous|following|current|same|preceding|"
          r"subsequent))[ ](?P<u>(?i:day|week|month|year|decade|century|weekend|quarter|"
          r"fortnight|night|morning|afternoon|evening))\b(?!-)",
         guard=None, resolve=relative.resolve_the_rel, speech=True),
    rule("this_unit",
         rf"(?:(?P<mod>(?i:early|late|mid|{PHRASE_MODS}))[- ])?(?i:the)[ ]"
          r"(?P<u>(?i:week|month|year|decade|century|weekend))\b(?!-)",
         guard=relative.guard_this_unit, resolve=relative.resolve_relative, speech=True),
    rule("weekend",
         r"(?i:the)[ ](?i:weekend)\b(?!-)",
         guard=None, resolve=relative.resolve_weekend, speech=True),
    rule("newyear",
         r"(?i:the[ ]new[ ]year)\b(?![ ]?['’]s)",
         guard=None, resolve=relative.resolve_newyear, speech=True),
    rule("ago",
         rf"(?:(?P<approx>{APPROX})[ ])?(?P<n>{NUM})(?P<half1>[ ]and[ ]a[ ]half)?[ ](?P<u>{UNIT})"
          rf"(?P<half2>[ ]and[ ]a[ ]half)?[ ](?P<dir>(?i:ago|earlier|later|from[ ]now|hence|"
          r"previously|before|after|afterwards?|on|prior))(?![\w-])",
         guard=relative.guard_ago, resolve=relative.resolve_ago, speech=True),
    rule("ago_vague",
         rf"(?:(?P<q>(?i:several|a[ ]few|few|many|some))[ ])?(?P<u>{UNITPL})[ ](?i:ago)\b",
         guard=None, resolve=relative.resolve_ago_vague),
    rule("the_before",
         r"(?i:the)[ ](?P<u>(?i:day|week|month|year|night))[ ]"
          r"(?P<dir>(?i:before|after|earlier|later))"
          r"(?=\s*(?:[,.;:)\"”]|$))",
         guard=None, resolve=relative.resolve_the_before, speech=True),
    rule("duration",
         rf"(?:(?P<approx>{APPROX})[ ])?(?P<n>{NUM})(?P<half1>[ ]and[ ]a[ ]half)?[ ]"
          rf"(?P<u>{UNIT})(?P<half2>[ ]and[ ]a[ ]half)?\b(?![-'’]\w)",
         rf"(?:(?P<approx>{APPROX})[ ])?(?P<half>(?i:half))[ ](?:a|an)[ ]"
          rf"(?P<u>{UNIT})\b(?![-'’]\w)",
         guard=durations.guard_duration, resolve=durations.resolve_duration),
    rule("duration_adj",
         rf"(?<![\w./-])(?P<n>{NUMHY})-(?P<u>(?i:second|minute|hour|day|week|month|year|"
          r"decade|century))(?:-long)?(?![\w-]|-old)",
         r"(?<![\w./-])(?P<u>(?i:hour|day|week|month|year|decade|century))-long(?![\w-])",
         guard=None, resolve=durations.resolve_duration_adj),
    rule("duration_the",
         rf"(?i:the)[ ](?P<rel>(?i:past|last|next|coming|first|final|previous|following)"
          rf"(?:[ ]few)?)[ ](?:(?P<n>{NUMNOA})[ ])?(?P<u>{UNIT})\b(?![-'’]\w)",
         guard=durations.guard_duration_the, resolve=durations.resolve_duration_the),
    rule("duration_vague",
         rf"(?:(?P<q>(?i:several|a[ ]few|few|many|some|recent|countless|dozens[ ]of|"
          rf"hundreds[ ]of))[ ])?(?P<u>{UNITPL})\b(?![-'’]\w)",
         guard=durations.guard_duration_vague, resolve=durations.resolve_duration_vague),
    rule("set_every",
         rf"(?i:every|each)[ ](?:(?P<other>(?i:other|second|third|fourth|few|couple[ ]of))[ ])?"
          rf"(?:(?P<n>{NUMNOA})[ ])?(?P<u>{UNIT})\b",
         guard=None, resolve=durations.resolve_set_every),
    rule("set_named",
         rf"(?i:every|each)[ ](?:(?P<wd>{WD})(?:[ ](?P<pod>(?i:morning|afternoon|evening|night)))?|"
          rf"(?P<mon>{MON})|(?P<s>(?i:spring|summer|autumn|fall|winter))|(?P<we>(?i:weekend))|"
          r"(?P<pod2>(?i:morning|afternoon|evening|night)))\b",
         guard=None, resolve=durations.resolve_set_named),
    rule("set_freq",
         rf"(?P<f>(?i:once|twice|thrice|(?:{NUMNOA})[ ]times))[ ](?i:a|an|per|each|every)[ ]"
          rf"(?P<u>{UNIT})\b",
         guard=None, resolve=durations.resolve_set_freq),
    rule("set_adv",
         rf"(?:(?P<f>(?i:once|twice|thrice|(?:{NUMNOA})[ ]times))[ ])?(?P<adv>hourly|daily|nightly|"
          r"weekly|fortnightly|monthly|quarterly|yearly|annually|biennially)\b(?!-)",
         guard=None, resolve=durations.resolve_set_adv),
    rule("set_plural",
         rf"(?P<wd>{WDS})\b",
         guard=dates.guard_weekday, resolve=durations.resolve_set_plural),
    rule("ref",
         r"\b(?P<w>(?i:now|currently|nowadays|recently|lately|soon|these[ ]days))\b(?![-'’]\w)",
         r"(?<=\b[Aa]t )(?P<w>present)\b",
         r"(?P<w>(?i:the)[ ]past)\b",
         r"(?P<w>(?i:the)[ ](?:(?i:near|foreseeable|distant|immediate|not-too-distant)[ ])?"
          r"(?i:future))\b",
         guard=durations.guard_ref, resolve=durations.resolve_ref),
    rule("clock",
         rf"(?<![\w.:,$£€])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?[ ]?"
          rf"(?P<ap>[AaPp]\.[Mm]\.?|[AaPp][Mm]\b)"
          rf"(?:[ ](?P<day>(?i:today|tonight|tomorrow|yesterday)|{WD})\b)?",
         rf"(?<![\w.:,$£€])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?![\d.:])"
          rf"(?:[ ](?P<day>(?i:today|tonight|tomorrow|yesterday)|{WD})\b)?",
         r"(?<![\w.:,$£€])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)"
          r"(?=[ ]?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs|hours)\b)",
         rf"(?P<nm>(?i:noon|midnight|midday))"
          rf"(?:[ ](?P<day>(?i:today|tonight|tomorrow|yesterday)|{WD}))?\b",
         guard=relative.guard_clock, resolve=relative.resolve_clock, speech=True),
)

#: Kinds in table order.
KINDS = tuple(r.kind for r in RULES)
