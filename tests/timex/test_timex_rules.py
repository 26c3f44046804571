"""The TIMEX3 tagger's rule table (newsbench.timex.rules) and its driver.

The table is the one place a rule lives: these tests hold it to that (every rule complete,
kinds unique, the driver free of per-kind branches), give one example per pattern of every
rule (values recorded from the tagger before it became a package), and check that ``tag``
takes the quotation spans it is given.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import newsbench.timex as timex
from newsbench.quotemarks import quote_spans
from newsbench.timex import rules, tag, tagger
from newsbench.timex.values import parse_anchor

PUB = "2016-10-07"   # a Friday

# (kind, pattern index in the rule, sentence, extent, type, value, mod), published on PUB.
EXAMPLES = [
    ("iso", 0, "The report is dated 2015-03-13.", "2015-03-13", "DATE", "2015-03-13", None),
    ("sept11", 0, "Security changed after 9/11.", "9/11", "DATE", "2001-09-11", None),
    ("dmy", 0, "He was born on 14 March 2015.", "14 March 2015", "DATE", "2015-03-14", None),
    ("mdy", 0, "The deal was signed on March 14, 2015.", "March 14, 2015", "DATE", "2015-03-14",
     None),
    ("my", 0, "Prices fell in early March 2015.", "early March 2015", "DATE", "2015-03", "START"),
    ("dm", 0, "The vote was held on 14 March.", "14 March", "DATE", "2016-03-14", None),
    ("md", 0, "Talks will resume on Nov. 8.", "Nov. 8", "DATE", "2016-11-08", None),
    ("month", 0, "Prices rose in August.", "August", "DATE", "2016-08", None),
    ("decade", 0, "The crisis is the worst since the 1930s.", "the 1930s", "DATE", "193", None),
    ("century", 0, "The church was built in the 19th century.", "the 19th century", "DATE", "18",
     None),
    ("year_mod", 0, "Sales fell in early 2015.", "early 2015", "DATE", "2015", "START"),
    ("year", 0, "Prices have risen since 2014.", "2014", "DATE", "2014", None),
    ("year", 1, "The club was founded in '58.", "'58", "DATE", "1958", None),
    ("quarter", 0, "Profits rose in the third quarter.", "the third quarter", "DATE", "2016-Q3",
     None),
    ("quarter", 1, "Sales fell in Q2 2015.", "Q2 2015", "DATE", "2015-Q2", None),
    ("half", 0, "Growth slowed in the first half.", "the first half", "DATE", "2016-H1", None),
    ("season", 0, "The offensive began in the summer.", "the summer", "DATE", "2016-SU", None),
    ("holiday", 0, "The shops were busy at Christmas.", "Christmas", "DATE", "2015-12-25", None),
    ("weekday", 0, "The minister said on Friday that talks had failed.", "Friday", "DATE",
     "2016-10-07", None),
    ("deictic", 0, "The vote will take place tomorrow.", "tomorrow", "DATE", "2016-10-08", None),
    ("partday", 0, "Explosions were heard this morning.", "this morning", "TIME", "2016-10-07TMO",
     None),
    ("relative", 0, "The talks failed last week.", "last week", "DATE", "2016-W39", None),
    ("the_rel", 0, "He was arrested on 3 May 2015 and released the following day.",
     "the following day", "DATE", "2015-05-04", None),
    ("this_unit", 0, "Talks will resume at the end of the week.", "the end of the week", "DATE",
     "2016-W40", "END"),
    ("weekend", 0, "Fighting continued over the weekend.", "the weekend", "DATE", "2016-W39-WE",
     None),
    ("newyear", 0, "Elections are expected in the new year.", "the new year", "DATE", "2017", None),
    ("ago", 0, "The war began three years ago.", "three years ago", "DATE", "2013", None),
    ("ago_vague", 0, "The town was rebuilt years ago.", "years ago", "DATE", "PAST_REF", None),
    ("the_before", 0, "He was arrested on 3 May 2015. He had arrived the day before.",
     "the day before", "DATE", "2015-05-02", None),
    ("duration", 0, "The strike lasted for two weeks.", "two weeks", "DURATION", "P2W", None),
    ("duration", 1, "The meeting lasted half an hour.", "half an hour", "DURATION", "PT30M", None),
    ("duration_adj", 0, "The 5-1/2-year war has ended.", "5-1/2-year", "DURATION", "P5Y6M", None),
    ("duration_adj", 1, "A month-long strike has ended.", "month-long", "DURATION", "P1M", None),
    ("duration_the", 0, "Prices rose over the past three months.", "the past three months",
     "DURATION", "P3M", None),
    ("duration_vague", 0, "He has lived there for years.", "years", "DURATION", "PXY", None),
    ("set_every", 0, "The committee meets every week.", "every week", "SET", "P1W", None),
    ("set_named", 0, "The market opens every Friday.", "every Friday", "SET", "XXXX-WXX-5", None),
    ("set_freq", 0, "They meet twice a week.", "twice a week", "SET", "P1W", None),
    ("set_adv", 0, "The paper is published daily.", "daily", "SET", "P1D", None),
    ("set_plural", 0, "The market opens on Fridays.", "Fridays", "SET", "XXXX-WXX-5", None),
    ("ref", 0, "Prices are now falling.", "now", "DATE", "PRESENT_REF", None),
    ("ref", 1, "At present the border is closed.", "present", "DATE", "PRESENT_REF", None),
    ("ref", 2, "Such talks have failed in the past.", "the past", "DATE", "PAST_REF", None),
    ("ref", 3, "The plant will close in the near future.", "the near future", "DATE",
     "FUTURE_REF", None),
    ("clock", 0, "Explosions were heard at 5 a.m. on Thursday.", "5 a.m.", "TIME",
     "2016-10-06T05:00", None),
    ("clock", 1, "The polls closed at 20:00 on Sunday.", "20:00", "TIME", "2016-10-02T20:00", None),
    ("clock", 2, "The ceasefire began at 1400 GMT.", "1400", "TIME", "2016-10-07T14:00", None),
    ("clock", 3, "The markets opened at noon.", "noon", "TIME", "2016-10-07T12:00", None),
]


def _pattern_of(candidate) -> tuple[str, int]:
    """(kind, index of the pattern within its rule) of a candidate."""
    rule, rx = tagger._PATTERNS[candidate.order]
    return rule.kind, rule.patterns.index(rx)


# --------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------

def test_every_rule_has_patterns_a_resolver_and_a_guard_or_none():
    assert rules.RULES
    for rule in rules.RULES:
        assert isinstance(rule, rules.Rule)
        assert rule.kind and re.fullmatch(r"[a-z0-9_]+", rule.kind)
        assert rule.patterns and all(isinstance(p, re.Pattern) for p in rule.patterns)
        assert callable(rule.resolve)
        assert rule.guard is None or callable(rule.guard)
        assert isinstance(rule.speech, bool)


def test_kinds_are_unique():
    kinds = [r.kind for r in rules.RULES]
    assert len(kinds) == len(set(kinds))
    assert rules.KINDS == tuple(kinds)


def test_rules_are_frozen():
    with pytest.raises(AttributeError):
        rules.RULES[0].kind = "other"


def test_the_driver_holds_no_per_kind_branches():
    source = inspect.getsource(tagger)
    assert "kind ==" not in source
    assert ".kind" not in source
    for rule in rules.RULES:
        assert f'"{rule.kind}"' not in source and f"'{rule.kind}'" not in source


def test_the_table_order_is_the_tie_break_order():
    # every pattern of the table, rule after rule, is scanned in that order
    flat = [(r.kind, rx) for r in rules.RULES for rx in r.patterns]
    assert [(r.kind, rx) for r, rx in tagger._PATTERNS] == flat
    assert [r.kind for r in rules.RULES][:3] == ["iso", "sept11", "dmy"]


def test_every_pattern_has_an_example():
    wanted = {(r.kind, i) for r in rules.RULES for i in range(len(r.patterns))}
    assert {(kind, i) for kind, i, *_ in EXAMPLES} == wanted


@pytest.mark.parametrize("kind, index, text, extent, type_, value, mod", EXAMPLES,
                         ids=[f"{e[0]}-{e[1]}" for e in EXAMPLES])
def test_one_example_per_rule(kind, index, text, extent, type_, value, mod):
    found = [t for t in tag(text, PUB) if t.text == extent]
    assert [(t.type, t.value, t.mod) for t in found] == [(type_, value, mod)]
    # and it is that rule's pattern that found it
    run = tagger.Tagger(text, parse_anchor(PUB), None, None, quote_spans(text))
    cands = [c for c in run.candidates() if text[c.start:c.end] == extent]
    assert [_pattern_of(c) for c in cands] == [(kind, index)]


def test_no_module_is_over_600_lines():
    folder = Path(timex.__file__).parent
    for path in folder.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name


def test_the_public_names():
    assert set(timex.__all__) == {"Timex", "tag", "span_of", "parse_anchor"}
    for name in timex.__all__:
        assert hasattr(timex, name)


# --------------------------------------------------------------------------------------------
# Quotation spans
# --------------------------------------------------------------------------------------------

SPOKEN = '"We will decide tomorrow," the minister said on Thursday.'   # as in test_timex_tag.py


def _rows(found):
    return [(t.start, t.end, t.text, t.type, t.value, t.anchor, t.mod, t.rule, t.tense)
            for t in found]


def test_default_quotes_are_the_quotation_marks():
    assert _rows(tag(SPOKEN, PUB, quotes=quote_spans(SPOKEN))) == _rows(tag(SPOKEN, PUB))
    by = {t.text: t for t in tag(SPOKEN, PUB)}
    assert (by["tomorrow"].value, by["tomorrow"].anchor) == ("2016-10-07", "speech:2016-10-06")


def test_given_quote_spans_are_used_instead_of_the_marks():
    # no quotation given: "tomorrow" is the day after publication
    by = {t.text: t for t in tag(SPOKEN, PUB, quotes=[])}
    assert (by["tomorrow"].value, by["tomorrow"].anchor) == ("2016-10-08", "publication:2016-10-07")
    # a quotation without marks, given by a quotes layer: anchored to when it was spoken
    text = "We will decide tomorrow, the minister said on Thursday."
    assert {t.text: t.value for t in tag(text, PUB)}["tomorrow"] == "2016-10-08"
    by = {t.text: t for t in tag(text, PUB, quotes=[(0, len("We will decide tomorrow"))])}
    assert (by["tomorrow"].value, by["tomorrow"].anchor) == ("2016-10-07", "speech:2016-10-06")
    assert by["Thursday"].value == "2016-10-06"


def test_given_quote_spans_may_come_in_any_order_and_type():
    text = 'He said on Monday: "Not today." She said on Tuesday: "Maybe tomorrow."'
    spans = quote_spans(text)
    assert len(spans) == 2
    shuffled = [list(s) for s in reversed(spans)]
    assert _rows(tag(text, PUB, quotes=shuffled)) == _rows(tag(text, PUB))
