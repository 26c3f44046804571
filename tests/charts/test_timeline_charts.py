"""The timeline chart: labelled, labels never overlap, dates where they belong, durations as
spans, the same picture for the same input, and an empty chart that says why."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbench import charts, schema


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


@pytest.mark.parametrize("granularity", ["day", "week", "month"])
def test_publication_line_sits_on_the_tick_of_its_day(seed_analysis, granularity):
    import matplotlib.dates as mdates
    import pandas as pd

    fig = charts.timeline_chart(seed_analysis.events, published="2016-10-07",
                                granularity=granularity)
    ax = fig.axes[0]
    (pub_x,) = {ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() == "--"}
    day = {"day": pd.Timestamp("2016-10-07"), "week": pd.Timestamp("2016-10-03"),
           "month": pd.Timestamp("2016-10-01")}[granularity]
    assert pub_x == mdates.date2num(day)  # midnight: where the date's tick is, not noon
    assert float(pub_x).is_integer()


def test_dots_sit_on_the_tick_of_their_day(seed_analysis):
    import matplotlib.dates as mdates

    fig = charts.timeline_chart(seed_analysis.events, published="2016-10-07")
    ax = fig.axes[0]
    dots = [ln for ln in ax.lines if ln.get_marker() == "o"]
    assert dots
    xs = [ln.get_xdata()[0] for ln in dots]
    assert all(float(x).is_integer() for x in xs)  # every dot at a midnight
    fri = [t for t in ax.texts if t.get_text().startswith("Fri 7 Oct")][0]
    assert fri.xy[0] == mdates.date2num(dt.datetime(2016, 10, 7))


def test_day_ticks_are_midnights():
    import pandas as pd

    events = pd.DataFrame({"event_id": [0, 1], "sent_id": [0, 1],
                           "date_start": pd.to_datetime(["2020-03-10", "2020-03-12"]),
                           "date_end": pd.to_datetime(["2020-03-10", "2020-03-12"]),
                           "summary": ["A met B", "C left"], "kind": ["dated", "dated"]})
    fig = charts.timeline_chart(events, published="2020-03-13")
    ax = fig.axes[0]
    ticks = ax.get_xticks()
    assert len(ticks) >= 3 and all(float(t).is_integer() for t in ticks)
    dots = sorted(ln.get_xdata()[0] for ln in ax.lines if ln.get_marker() == "o")
    assert all(x in set(ticks) for x in dots)  # each dot on a tick
