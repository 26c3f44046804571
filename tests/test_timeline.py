"""The time layer: the TIMEX3 tagger rule by rule, the timexes and events frames, the chart.

Sentences here are written for these tests (news style, invented details); the labelled set in
tests/data/timex/ is only used for the dev-half floor at the end.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

import newsbench as nb
from newsbench import charts, schema, timeline
from newsbench.timex import parse_anchor, span_of, tag

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "timeline"
ROOT = HERE.parent


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
    ("He served nearly three decades in office.", "nearly three decades", "P3DE"),
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


def test_period_offset():
    assert timeline.period_offset("P5Y6M") == pd.DateOffset(years=5, months=6, days=0)
    assert timeline.period_offset("P2W") == pd.DateOffset(years=0, months=0, days=14)
    assert timeline.period_offset("PT3H") is None and timeline.period_offset("PXW") is None


@pytest.mark.parametrize("value, words", [
    ("2016-10-07", "Fri 7 Oct 2016"),
    ("2016-W40", "week 40 of 2016 (3 Oct - 9 Oct)"),
    ("2016-10-06TNI", "Thu 6 Oct 2016, night"),
    ("P5Y6M", "5 years 6 months"),
    ("XXXX-WXX-5", "a Friday (exact date unknown: no publication date)"),
])
def test_describe(value, words):
    assert timeline.describe(value) == words


# --------------------------------------------------------------------------------------------
# The layer on the seed
# --------------------------------------------------------------------------------------------

def test_seed_values(seed_analysis):
    tx = seed_analysis.timexes
    got = {(r.text, r.value) for r in tx.itertuples()}
    assert ("Friday", "2016-10-07") in got
    assert ("Saturday", "2016-10-08") in got
    assert ("Last night", "2016-10-06TNI") in got
    assert ("17 August 2016", "2016-08-17") in got
    assert ("5-1/2-year", "P5Y6M") in got
    assert ("two weeks", "P2W") in got
    assert ("earlier this week", "2016-W40") in got
    assert not tx["text"].str.contains("Su-34|250,000").any()


def test_seed_timexes_frame_is_typed_and_points_at_the_text(seed_analysis):
    tx = seed_analysis.timexes
    text = seed_analysis.text
    assert list(tx.columns[: len(schema.SCHEMAS["timexes"])]) == [c for c, _ in schema.SCHEMAS["timexes"]]
    assert str(tx["type"].dtype) == "category" and str(tx["date_start"].dtype) == schema.DATE
    assert str(tx["span_start"].dtype) == timeline.SPAN_DTYPE
    for r in tx.itertuples():
        assert text[r.start:r.end] == r.text
        sent = seed_analysis.sentences.set_index("sent_id").loc[r.sent_id]
        assert sent.start <= r.start and r.end <= sent.end
    friday = tx[tx["text"] == "Friday"].iloc[0]
    assert friday.date_start == friday.date_end == pd.Timestamp("2016-10-07")
    assert friday.anchor == "publication:2016-10-07"
    week = tx[tx["text"] == "earlier this week"].iloc[0]
    assert (week.date_start, week.date_end) == (pd.Timestamp("2016-10-03"), pd.Timestamp("2016-10-09"))
    war = tx[tx["text"] == "5-1/2-year"].iloc[0]
    assert pd.isna(war.date_start) and war.span_end == pd.Timestamp("2016-10-07")
    assert war.span_start == pd.Timestamp("2011-04-07")


def test_seed_events(seed_analysis):
    ev = seed_analysis.events
    assert list(ev.columns[: len(schema.SCHEMAS["events"])]) == [c for c, _ in schema.SCHEMAS["events"]]
    friday = ev[ev["timex"] == "Friday"].iloc[0]
    assert friday.summary.startswith("Russia said") and "unacceptable" in friday.summary
    assert "Russia" in friday.entities
    aug = ev[ev["timex"] == "17 August 2016"].iloc[0]
    assert aug.date_start == pd.Timestamp("2016-08-17")
    # two months before publication
    assert (pd.Timestamp("2016-10-07") - aug.date_start).days == 51
    vote = ev[ev["timex"] == "Saturday"].iloc[0]
    assert "vote" in vote.summary and vote.date_start == pd.Timestamp("2016-10-08")
    bombardment = ev[(ev["kind"] == "span") & (ev["timex"] == "two weeks")].iloc[0]
    assert (bombardment.date_start, bombardment.date_end) == (pd.Timestamp("2016-09-23"),
                                                              pd.Timestamp("2016-10-07"))
    undated = timeline.undated_events(ev)
    assert undated["relation"].str.contains("since ceasefire collapsed").any()
    assert undated["relation"].str.contains("a day after").any()
    for r in ev.itertuples():
        assert 0 <= r.start < r.end <= len(seed_analysis.text)


def test_events_resolve_relative_anchors_dated_in_the_article():
    an = nb.analyze(nb.load_article(DATA / "relative.txt"), cache=False)
    ev = an.events
    since = ev[ev["relation"].fillna("").str.startswith("since ceasefire collapsed")].iloc[0]
    assert since.kind == "relative"
    assert (since.date_start, since.date_end) == (pd.Timestamp("2016-09-19"), pd.Timestamp("2016-10-07"))
    after = ev[ev["relation"].fillna("").str.startswith("two days after")].iloc[0]
    assert after.date_start == pd.Timestamp("2016-09-21")
    week = ev[ev["relation"].fillna("").str.startswith("a week after vote")].iloc[0]
    assert week.date_start == pd.Timestamp("2016-10-15")
    # an amount of "a week after X" is not a period ending at publication
    assert not ((ev["kind"] == "span") & (ev["timex"] == "a week")).any()
    # the uprising is never dated: the clause is listed, undated
    uprising = ev[ev["relation"].fillna("").str.contains("uprising")]
    assert len(uprising) == 1 and pd.isna(uprising.iloc[0].date_start)


def test_without_publication_date_events_are_undated_and_the_note_says_how_to_give_one():
    an = nb.analyze(nb.load_article(DATA / "undated.txt"), cache=False)
    assert an.articles["published"].isna().all()
    tuesday = an.timexes[an.timexes["text"] == "Tuesday"].iloc[0]
    assert tuesday.value == "XXXX-WXX-2" and pd.isna(tuesday.date_start)
    assert an.timexes[an.timexes["text"] == "12 March 2015"].iloc[0].value == "2015-03-12"
    undated = timeline.undated_events(an.events)
    assert {"Tuesday", "Thursday", "next week"} <= set(undated["timex"])
    note = timeline.publication_note(an)
    assert "no publication date" in note and "published" in note and "YYYY-MM-DD" in note
    # the same article with a date given by the caller
    dated = nb.analyze(nb.load_article(DATA / "undated.txt", published="2021-03-05"), cache=False)
    assert dated.timexes.set_index("text").loc["Tuesday", "value"] == "2021-03-02"


def test_entities_fall_back_to_spacy_when_there_are_no_mentions(monkeypatch):
    import dataclasses

    from newsbench import layers

    def no_entities(ctx):
        return {"mentions": schema.empty("mentions"), "entities": schema.empty("entities")}

    monkeypatch.setitem(layers.REGISTRY, "entities",
                        dataclasses.replace(layers.REGISTRY["entities"], build=no_entities))
    an = nb.analyze_text("Talks fail\n\nRussia said on Friday the French draft was unacceptable.",
                         published="2016-10-07", cache=False)
    assert an.mentions.empty
    ev = an.events.iloc[0]
    assert ev.date_start == pd.Timestamp("2016-10-07") and "Russia" in ev.entities


def test_frames_survive_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBENCH_CACHE_DIR", str(tmp_path / "cache"))
    art = nb.load_article(DATA / "relative.txt")
    first = nb.analyze(art, cache=True)
    again = nb.analyze(art, cache=True)
    assert again.run["cached"]
    for name in ("timexes", "events"):
        pd.testing.assert_frame_equal(getattr(first, name)[[c for c, _ in schema.SCHEMAS[name]]],
                                      getattr(again, name)[[c for c, _ in schema.SCHEMAS[name]]])


# --------------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------------

def _label_boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    ax = fig.axes[0]
    return [t.get_window_extent(r) for t in ax.texts if t.get_text().strip()]


@pytest.mark.parametrize("granularity", ["day", "week", "month"])
def test_timeline_chart_is_labelled_and_labels_do_not_overlap(seed_analysis, granularity):
    pub = seed_analysis.articles["published"].iloc[0]
    fig = charts.timeline_chart(seed_analysis.events, published=pub, granularity=granularity)
    ax = fig.axes[0]
    assert "events" in ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    texts = [t.get_text() for t in ax.texts]
    assert any("published Fri 7 Oct 2016" in t for t in texts)
    assert any(t.startswith("Wed 17 Aug") for t in texts)
    assert any("two weeks of" in t for t in texts)
    boxes = _label_boxes(fig)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b) or min(a.x1, b.x1) - max(a.x0, b.x0) < 2 or \
                min(a.y1, b.y1) - max(a.y0, b.y0) < 2
    assert charts.to_png(fig).startswith(b"\x89PNG")


def test_timeline_chart_places_august_two_months_before_publication(seed_analysis):
    import matplotlib.dates as mdates

    fig = charts.timeline_chart(seed_analysis.events, published="2016-10-07")
    ax = fig.axes[0]
    aug = [t for t in ax.texts if t.get_text().startswith("Wed 17 Aug")][0]
    x = aug.xy[0] if hasattr(aug, "xy") else aug.get_position()[0]
    assert mdates.num2date(x).date() == dt.date(2016, 8, 17)
    pub_x = [ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() == "--"][0]
    assert 50 < pub_x - x < 52


def test_timeline_chart_without_durations(seed_analysis):
    fig = charts.timeline_chart(seed_analysis.events, published="2016-10-07", include_durations=False)
    assert not any("two weeks of" in t.get_text() for t in fig.axes[0].texts)


def test_timeline_chart_same_input_same_png(seed_analysis):
    a = charts.to_png(charts.timeline_chart(seed_analysis.events, published="2016-10-07"))
    b = charts.to_png(charts.timeline_chart(seed_analysis.events, published="2016-10-07"))
    assert a == b


def test_empty_timeline_says_why():
    fig = charts.timeline_chart(schema.empty("events"), published="2016-10-07")
    assert any("No dated events" in t.get_text() for t in fig.axes[0].texts)
    fig = charts.timeline_chart(schema.empty("events"), published=None)
    assert any("publication date" in t.get_text() for t in fig.axes[0].texts)


def test_timeline_chart_rejects_a_bad_granularity(seed_analysis):
    with pytest.raises(ValueError, match="granularity"):
        charts.timeline_chart(seed_analysis.events, granularity="year")


def test_tables(seed_analysis):
    table = timeline.expressions_table(seed_analysis.timexes)
    assert {"text", "type", "value", "reads", "anchor"} <= set(table.columns)
    assert len(table) == len(seed_analysis.timexes)
    assert timeline.expressions_table(schema.empty("timexes")).empty
    assert timeline.undated_events(schema.empty("events")).empty


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
