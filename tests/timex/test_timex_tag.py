"""The TIMEX3 tagger (:func:`newsbench.timex.tag`) rule family by rule family, its extents, its
values without a publication date, false positives in news copy, ``span_of`` and
``parse_anchor``, and a floor on the labelled set's development half.

Sentences here are written for these tests (news style, invented details); the labelled set in
tests/data/timex/ is only used for the dev-half floor at the end. The time layer built on the
tagger is tested in tests/layers/test_time_layer.py.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from newsbench.timex import parse_anchor, span_of, tag

ROOT = Path(__file__).resolve().parent.parent.parent


def values(text, published="2016-10-07", **kw):
    """[(extent, type, value)] for a sentence."""
    return [(t.text, t.type, t.value) for t in tag(text, published, **kw)]


def value_of(text, extent, published="2016-10-07"):
    hits = [t for t in tag(text, published) if t.text == extent]
    assert hits, f"{extent!r} not found in {values(text, published)}"
    return hits[0].value


# --------------------------------------------------------------------------------------------
# Rule families (publication date Friday 2016-10-07 unless said otherwise)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, extent, value", [
    ("Jets struck the town on 17 August 2016, officials said.", "17 August 2016", "2016-08-17"),
    ("The accord was signed on August 17, 2015 in Vienna.", "August 17, 2015", "2015-08-17"),
    ("The plan dates from January 1991.", "January 1991", "1991-01"),
    ("The law takes effect on Jan. 1, 2017.", "Jan. 1, 2017", "2017-01-01"),
    ("Output peaked in 2015.", "2015", "2015"),
    ("The region boomed in the 1990s.", "the 1990s", "199"),
    ("The fort was built in the 19th century.", "the 19th century", "18"),
    ("Growth slowed in the third quarter.", "the third quarter", "2016-Q3"),
    ("The bank posted third-quarter results.", "third-quarter", "2016-Q3"),
    ("Sales fell in the final quarter of last year.", "the final quarter of last year", "2015-Q4"),
    ("The report covers the first half of 2015.", "the first half of 2015", "2015-H1"),
    ("Inflation rose in early 2015.", "early 2015", "2015"),
    ("Talks failed in mid-2014.", "mid-2014", "2014"),
    ("The stadium opens in the spring of 2018.", "the spring of 2018", "2018-SP"),
    ("The log is dated 2016-09-30.", "2016-09-30", "2016-09-30"),
])
def test_absolute_dates(text, extent, value):
    assert value_of(text, extent) == value


@pytest.mark.parametrize("text, extent, value", [
    ("The minister said on Friday that talks had failed.", "Friday", "2016-10-07"),
    ("The envoys met on Tuesday in Geneva.", "Tuesday", "2016-10-04"),
    ("The council will vote on Saturday.", "Saturday", "2016-10-08"),
    ("The council was expected to vote on Saturday.", "Saturday", "2016-10-08"),
    ("The summit is due to open on Monday.", "Monday", "2016-10-10"),
    ("Schools will stay closed until Thursday, the governor said.", "Thursday", "2016-10-13"),
    ("Security has been tightened since Wednesday.", "Wednesday", "2016-10-05"),
    ("A spokesman could not be reached for comment on Thursday.", "Thursday", "2016-10-06"),
    ("Parliament meets again next Tuesday.", "next Tuesday", "2016-10-11"),
    ("The final will be played next Friday.", "next Friday", "2016-10-14"),
    ("Troops crossed the border on Wednesday evening.", "Wednesday evening", "2016-10-05TEV"),
    ("Voters go to the polls on Sunday.", "Sunday", "2016-10-09"),
])
def test_weekdays_by_tense(text, extent, value):
    assert value_of(text, extent) == value


@pytest.mark.parametrize("text, extent, value, type_", [
    ("Prices rose today.", "today", "2016-10-07", "DATE"),
    ("The vote is tomorrow.", "tomorrow", "2016-10-08", "DATE"),
    ("Rebels attacked yesterday.", "yesterday", "2016-10-06", "DATE"),
    ("Shells fell on the city last night.", "last night", "2016-10-06TNI", "TIME"),
    ("Crowds gathered this morning.", "this morning", "2016-10-07TMO", "TIME"),
    ("Fighting will resume tonight.", "tonight", "2016-10-07TNI", "TIME"),
    ("Aid was blocked this week.", "this week", "2016-W40", "DATE"),
    ("He visited Moscow earlier this week.", "earlier this week", "2016-W40", "DATE"),
    ("Talks resume next week.", "next week", "2016-W41", "DATE"),
    ("Exports fell last month.", "last month", "2016-09", "DATE"),
    ("The law changes next month.", "next month", "2016-11", "DATE"),
    ("The party won last year.", "last year", "2015", "DATE"),
    ("The ruling came late last year.", "late last year", "2015", "DATE"),
    ("Rebels shelled the city over the weekend.", "the weekend", "2016-W39-WE", "DATE"),
    ("Talks continue this weekend.", "this weekend", "2016-W40-WE", "DATE"),
    ("They met the day before yesterday.", "the day before yesterday", "2016-10-05", "DATE"),
])
def test_deictic(text, extent, value, type_):
    t = [x for x in tag(text, "2016-10-07") if x.text == extent]
    assert t and (t[0].value, t[0].type) == (value, type_)


@pytest.mark.parametrize("text, extent, value", [
    ("The truce was agreed three months ago.", "three months ago", "2016-07"),
    ("The vote took place two years ago.", "two years ago", "2014"),
    ("The plant closed three days ago.", "three days ago", "2016-10-04"),
    ("The trial began two weeks ago.", "two weeks ago", "2016-W38"),
    ("Sales rose in the third quarter from a year earlier.", "a year earlier", "2015-Q3"),
    ("Talks began on September 9 and collapsed a week later.", "a week later", "2016-W37"),
])
def test_ago_and_anaphora(text, extent, value):
    assert value_of(text, extent) == value


@pytest.mark.parametrize("published, text, extent, value", [
    ("2016-10-07", "The drought last summer killed crops.", "last summer", "2016-SU"),
    ("2016-02-29", "Last autumn the party lost its majority.", "Last autumn", "2015-FA"),
    ("2016-10-07", "A heat wave hit the south this summer.", "this summer", "2016-SU"),
    ("2016-10-07", "Elections will be held next spring.", "next spring", "2017-SP"),
    ("2016-02-29", "The winter was the mildest on record.", "The winter", "2015-WI"),
    ("2023-01-31", "Fourth-quarter profit fell 18 percent.", "Fourth-quarter", "2022-Q4"),
    ("2016-10-07", "Growth should pick up in the fourth quarter.", "the fourth quarter", "2016-Q4"),
])
def test_seasons_and_quarters(published, text, extent, value):
    assert value_of(text, extent, published) == value


@pytest.mark.parametrize("text, extent, value", [
    ("The siege lasted two weeks.", "two weeks", "P2W"),
    ("Lavrov spoke a day after the offer.", "a day", "P1D"),
    ("The 5-1/2-year civil war has killed thousands.", "5-1/2-year", "P5Y6M"),
    ("The budget covers 18 months.", "18 months", "P18M"),
    ("The session ran for 17 hours.", "17 hours", "PT17H"),
    ("Divers worked for two and a half hours.", "two and a half hours", "PT2H30M"),
    ("The border was closed for a century and a half.", "a century and a half", "P150Y"),
    ("Unions called a 48-hour strike.", "48-hour", "PT48H"),
    ("He served nearly three decades in office.", "nearly three decades", "P30Y"),
    ("Troops massed on the border for months.", "months", "PXM"),
    ("Aid will be scarce in the coming weeks.", "the coming weeks", "PXW"),
    ("Homes were destroyed over the past week.", "the past week", "P1W"),
    ("He ran the race in 9.58 seconds.", "9.58 seconds", "PT9.58S"),
    ("The talks lasted a fortnight.", "a fortnight", "P2W"),
])
def test_durations(text, extent, value):
    t = [x for x in tag(text, "2016-10-07") if x.text == extent]
    assert t and (t[0].type, t[0].value) == ("DURATION", value)


@pytest.mark.parametrize("text, extent, value", [
    ("The paper is published every week.", "every week", "P1W"),
    ("Ministers meet twice a month.", "twice a month", "P1M"),
    ("Elections are held every four years.", "every four years", "P4Y"),
    ("Protesters gather every Monday.", "every Monday", "XXXX-WXX-1"),
    ("The festival is held every summer.", "every summer", "XXXX-SU"),
    ("Workers on monthly salaries lost out.", "monthly", "P1M"),
    ("The company pays a quarterly dividend.", "quarterly", "P3M"),
    ("Patrols leave every six hours.", "every six hours", "PT6H"),
    ("The clinic opens on Mondays.", "Mondays", "XXXX-WXX-1"),
])
def test_sets(text, extent, value):
    t = [x for x in tag(text, "2016-10-07") if x.text == extent]
    assert t and (t[0].type, t[0].value) == ("SET", value)


@pytest.mark.parametrize("text, extent, value", [
    ("The index is now at its lowest level.", "now", "PRESENT_REF"),
    ("Prices are currently falling.", "currently", "PRESENT_REF"),
    ("There is no plan at present.", "present", "PRESENT_REF"),
    ("The two sides have recently met.", "recently", "PAST_REF"),
    ("Such upsets were rare in the past.", "the past", "PAST_REF"),
    ("Aid will be needed for the foreseeable future.", "the foreseeable future", "FUTURE_REF"),
    ("A decision is expected soon.", "soon", "FUTURE_REF"),
])
def test_vague_references(text, extent, value):
    assert value_of(text, extent) == value


@pytest.mark.parametrize("text, extent, value, type_", [
    ("The ultimatum expired at 8 p.m. on Wednesday.", "8 p.m.", "2016-10-05T20:00", "TIME"),
    ("The ultimatum expired at 8 p.m. on Wednesday.", "Wednesday", "2016-10-05", "DATE"),
    ("Shares closed at 4:15 p.m. Friday.", "4:15 p.m. Friday", "2016-10-07T16:15", "TIME"),
    ("The truce expired at 6 a.m. today.", "6 a.m. today", "2016-10-07T06:00", "TIME"),
    ("The launch is set for 10:30 a.m. local time.", "10:30 a.m.", "2016-10-07T10:30", "TIME"),
    ("Trading resumed at 1400 GMT.", "1400", "2016-10-07T14:00", "TIME"),
    ("The deal expires at midnight.", "midnight", "2016-10-07T24:00", "TIME"),
    ("The markets opened at noon.", "noon", "2016-10-07T12:00", "TIME"),
])
def test_clock_times(text, extent, value, type_):
    t = [x for x in tag(text, "2016-10-07") if x.text == extent]
    assert t and (t[0].value, t[0].type) == (value, type_)


def test_quotes_are_anchored_to_when_they_were_spoken():
    got = tag('"We will decide tomorrow," the minister said on Thursday.', "2016-10-07")
    by = {t.text: t for t in got}
    assert by["Thursday"].value == "2016-10-06"
    assert by["tomorrow"].value == "2016-10-07"
    assert by["tomorrow"].anchor == "speech:2016-10-06"
    # 'said yesterday' anchors the quote too
    got = tag('"The ruling will come tomorrow," a court spokesman said yesterday.', "2024-02-29")
    assert {t.text: t.value for t in got} == {"tomorrow": "2024-02-29", "yesterday": "2024-02-28"}
    # an attribution ending the previous paragraph with a colon
    got = tag('The minister said on Thursday:\n\n"The vote will take place tomorrow."', "2016-10-07")
    assert {t.text: t.value for t in got}["tomorrow"] == "2016-10-07"


def test_quotes_without_a_stated_time_keep_the_publication_date():
    got = tag('"Our forces will hold their positions tomorrow," an official said.', "2016-10-07")
    assert [(t.value, t.anchor) for t in got] == [("2016-10-08", "publication:2016-10-07")]
    # indirect speech is not a quotation
    got = tag("The minister said on Thursday the vote would take place tomorrow.", "2016-10-07")
    assert {t.text: t.value for t in got}["tomorrow"] == "2016-10-08"


# --------------------------------------------------------------------------------------------
# Extents
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, extents", [
    ("The talks ended on Friday.", ["Friday"]),
    ("Prices have risen since 2014.", ["2014"]),
    ("The strike lasted for two weeks.", ["two weeks"]),
    ("Tuesday's election was close.", ["Tuesday"]),
    ("Next month's harvest will be small.", ["Next month"]),
    ("The flight lost contact about 40 minutes after take-off.", ["about 40 minutes"]),
    ("The crisis is the worst since the 1930s.", ["the 1930s"]),
    ("Inflation rose in late July.", ["late July"]),
    ("The trial should end by the end of March.", ["the end of March"]),
    ("He spent more than a decade in exile.", ["more than a decade"]),
    ("Explosions were heard at 5 a.m. on Thursday.", ["5 a.m.", "Thursday"]),
    ("The launch went ahead at 10:31 p.m. Pacific time tonight.", ["10:31 p.m.", "tonight"]),
    ("Markets reopen on Tuesday, January 4.", ["Tuesday, January 4"]),
])
def test_extents_follow_timeml(text, extents):
    assert [t.text for t in tag(text, "2016-10-07")] == extents


def test_offsets_point_at_the_words():
    text = ("Russia said on Friday it would veto the draft. \"Tomorrow will decide,\" he said.\n\n"
            "Voters go to the polls on Nov. 8 after 18 months of campaigning.")
    for t in tag(text, "2016-10-07"):
        assert text[t.start:t.end] == t.text


# --------------------------------------------------------------------------------------------
# No publication date: symbolic values, never invented
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, extent, value", [
    ("The rebels said on Tuesday they had seized two villages.", "Tuesday", "XXXX-WXX-2"),
    ("Prices rose in August.", "August", "XXXX-08"),
    ("The vote is on 17 August.", "17 August", "XXXX-08-17"),
    ("Prices fell yesterday.", "yesterday", "XXXX-XX-XX"),
    ("Talks resume next week.", "next week", "XXXX-WXX"),
    ("The rules change this month.", "this month", "XXXX-XX"),
    ("The party lost last year.", "last year", "XXXX"),
    ("The plant closed two years ago.", "two years ago", "XXXX"),
    ("Shells fell last night.", "last night", "XXXX-XX-XXTNI"),
    ("They meet on Thursday morning.", "Thursday morning", "XXXX-WXX-4TMO"),
    ("Shares closed at 4:15 p.m. Friday.", "4:15 p.m. Friday", "XXXX-WXX-5T16:15"),
    ("The meeting starts at 10 a.m. on Monday.", "10 a.m.", "XXXX-WXX-1T10:00"),
    ("Last summer the reservoir ran low.", "Last summer", "XXXX-SU"),
    ("The treaty was signed on 12 December 2015.", "12 December 2015", "2015-12-12"),
    ("The war lasted two weeks.", "two weeks", "P2W"),
    ("It is held every summer.", "every summer", "XXXX-SU"),
])
def test_without_publication_date_values_stay_symbolic(text, extent, value):
    assert value_of(text, extent, None) == value
    got = [t for t in tag(text, None) if t.text == extent][0]
    if value.startswith("X"):
        assert got.date_start is None and got.anchor == "none"


# --------------------------------------------------------------------------------------------
# False positives in news copy
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russian Su-34 bombers and F-16 fighters flew over the area.",
    "Long-range Tu-95 bombers were spotted.",
    "More than 250,000 people are trapped, and 2,016 were evacuated.",
    "Leaders at the G20 summit discussed COVID-19 vaccines.",
    "The finance minister may resign if the budget fails.",
    "Thousands march through the capital.",
    "The Sunday Times and the Daily Mail ran the story.",
    "The Good Friday Agreement remains in force.",
    "The home side won 3-1 and the vote was 52-48.",
    "The airline operates 42 Boeing 737 aircraft.",
    "The case was filed under Section 1983 of the law.",
    "Resolution 2254 calls for a ceasefire.",
    "Interstate 95 was closed, and Room 1105 was searched.",
    "Students carried banners honouring the May 4th Movement.",
    "The Summer Palace and the Winter Olympics drew tourists.",
    "April Jones and June Carter attended the hearing.",
    "Temperatures reached 38.5 degrees, and support stood at 38 percent.",
    "The index closed at 2,016.45 points.",
    "Call 0800 2016 555 for details.",
    "Customs seized 1,998 kilograms of cocaine.",
    "His future is uncertain, and time is running out.",
    "The 45-year-old was detained.",
    "The company earns $200 million a day.",
    "The deal was done in the 11th hour of talks.",
])
def test_false_positives_are_not_tagged(text):
    assert values(text) == []


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, start, end", [
    ("2016-10-07", "2016-10-07", "2016-10-07"),
    ("2016-10-06TNI", "2016-10-06", "2016-10-06"),
    ("2016-W40", "2016-10-03", "2016-10-09"),
    ("2016-W39-WE", "2016-10-01", "2016-10-02"),
    ("2016-08", "2016-08-01", "2016-08-31"),
    ("2016-Q3", "2016-07-01", "2016-09-30"),
    ("2011-H1", "2011-01-01", "2011-06-30"),
    ("2015-WI", "2015-12-01", "2016-02-29"),
    ("2016-SU", "2016-06-01", "2016-08-31"),
    ("2016", "2016-01-01", "2016-12-31"),
    ("199", "1990-01-01", "1999-12-31"),
    ("18", "1800-01-01", "1899-12-31"),
])
def test_span_of_values(value, start, end):
    assert span_of(value) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize("value", ["P2W", "XXXX-WXX-5", "PRESENT_REF", "XXXX-SU", "", None])
def test_span_of_non_dates_is_empty(value):
    assert span_of(value) == (None, None)


def test_parse_anchor_accepts_dates_and_timestamps():
    want = dt.date(2016, 10, 7)
    assert parse_anchor("2016-10-07") == want
    assert parse_anchor(pd.Timestamp("2016-10-07")) == want
    assert parse_anchor(dt.datetime(2016, 10, 7, 9)) == want
    assert parse_anchor(pd.NaT) is None and parse_anchor(None) is None


# --------------------------------------------------------------------------------------------
# The labelled set: a floor on the development half (even ids) so regressions fail
# --------------------------------------------------------------------------------------------

def _bench():
    spec = importlib.util.spec_from_file_location("bench_timex", ROOT / "benches" / "bench_timex.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_dev_half_floor():
    bench = _bench()
    dev = [x for x in bench.load_gold() if x["half"] == "dev"]
    preds = [bench.newsbench_system(x["text"], x["published"]) for x in dev]
    r = bench.score(dev, preds)
    assert r["relaxed"]["f1"] >= 0.95
    assert r["exact"]["f1"] >= 0.9
    assert r["type_acc"] >= 0.95
    assert r["value_acc"] >= 0.9
    assert r["value_e2e"] >= 0.85


# --------------------------------------------------------------------------------------------
# Wire copy (issue 15): what a reader sees at once on the chart
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The fall in banking stocks deepened on Friday.",
    "The fall of the regime surprised analysts.",
    "A sharp fall in exports hit the ringgit.",
    "The spring in oil prices faded.",
])
def test_fall_and_spring_as_nouns_are_no_season(text):
    assert all(t.value[-2:] not in ("FA", "SP") for t in tag(text, "2016-10-07"))


@pytest.mark.parametrize("text,extent,value", [
    ("Talks resume in the fall.", "the fall", "2016-FA"),
    ("Sales slowed last fall.", "last fall", "2015-FA"),
    ("The plant closed in the fall of 2008.", "the fall of 2008", "2008-FA"),
])
def test_real_seasons_are_kept(text, extent, value):
    assert value_of(text, extent) == value


@pytest.mark.parametrize("text", [
    "The ringgit was at 3.56 against the dollar.",
    "The index closed at 10.45 points.",
    "Shares eased 10 sen to 4.15 ringgit.",
    "Crude rose to 45.30 a barrel.",
    "It costs 3.50 euros.",
])
def test_prices_are_not_clock_times(text):
    assert [t for t in tag(text, "2016-10-07") if t.type == "TIME"] == []


@pytest.mark.parametrize("text,extent,value", [
    ("Trading resumed at 1400 GMT.", "1400", "2016-10-07T14:00"),
    ("The meeting starts at 10.45 a.m.", "10.45 a.m.", "2016-10-07T10:45"),
    ("Polls close at 20:00 local time.", "20:00", "2016-10-07T20:00"),
])
def test_clock_times_beside_prices_rules(text, extent, value):
    assert value_of(text, extent) == value


def test_since_opens_a_span_to_the_publication():
    found = {t.text: t for t in tag("Prices have doubled since 2004, and the fund has grown "
                                    "since its inception in 1989; output fell in 2010.",
                                    "2016-10-07")}
    assert (found["2004"].span_start, found["2004"].span_end) == (dt.date(2004, 1, 1),
                                                                  dt.date(2016, 10, 7))
    assert found["1989"].span_start == dt.date(1989, 1, 1)
    assert found["1989"].span_end == dt.date(2016, 10, 7)
    assert found["2010"].span_start is None       # a point, not "since"


@pytest.mark.parametrize("published,text,extent,value", [
    ("2016-10-09", "The team will meet later Sunday to decide.", "Sunday", "2016-10-09"),
    ("2016-10-07", "The minister will speak on Friday.", "Friday", "2016-10-07"),
    ("2016-10-07", "The minister said on Friday he would resign.", "Friday", "2016-10-07"),
    ("2016-10-07", "The minister will speak next Friday.", "next Friday", "2016-10-14"),
    ("2016-10-07", "Police said the attack happened on Saturday.", "Saturday", "2016-10-01"),
    ("2016-10-07", "Police will patrol on Saturday.", "Saturday", "2016-10-08"),
])
def test_weekday_of_the_publication_day(published, text, extent, value):
    assert value_of(text, extent, published) == value


@pytest.mark.parametrize("published,text,extent,value", [
    ("2016-10-07", "A hearing beginning August 19 will decide the case.", "August 19", "2017-08-19"),
    ("2016-11-12", "The vote on Nov. 19 will be close.", "Nov. 19", "2016-11-19"),
    ("2016-11-12", "The hearing was scheduled for Nov. 19.", "Nov. 19", "2016-11-19"),
    ("2016-01-05", "The fire broke out on Dec. 28.", "Dec. 28", "2015-12-28"),
    ("2016-10-07", "The crash happened on December 23 last year.", "December 23 last year",
     "2015-12-23"),
    ("2016-10-07", "Elections are due on January 5 next year.", "January 5 next year", "2017-01-05"),
])
def test_month_day_year_by_tense_and_distance(published, text, extent, value):
    assert value_of(text, extent, published) == value


@pytest.mark.parametrize("text,extent,value,mod", [
    ("It opened more than 20 years ago.", "more than 20 years ago", "1996", "BEFORE"),
    ("It closed less than a year ago.", "less than a year ago", "2015", "AFTER"),
    ("He waited more than two weeks.", "more than two weeks", "P2W", "MORE_THAN"),
    ("He ruled for a decade.", "a decade", "P10Y", None),
    ("Two decades of war ended.", "Two decades", "P20Y", None),
    ("The bridge stood for a century.", "a century", "P100Y", None),
    ("He was born in 1957.", "1957", "1957", None),
    ("The club was founded in '58.", "'58", "1958", None),
])
def test_modifiers_decades_and_bare_years(text, extent, value, mod):
    t = [x for x in tag(text, "2016-10-07") if x.text == extent]
    assert t and (t[0].value, t[0].mod) == (value, mod)


@pytest.mark.parametrize("text,extent", [
    ("Farming began 10,000 years ago.", "10,000 years ago"),
    ("The city was founded 3000 years ago.", "3000 years ago"),
    ("The deal ended 99999999 days later.", "99999999 days later"),
])
def test_beyond_the_calendar_is_a_vague_reference_not_a_crash(text, extent):
    t = [x for x in tag(text, "2016-10-07") if x.text == extent]
    assert t and t[0].value in ("PAST_REF", "FUTURE_REF") and t[0].date_start is None
