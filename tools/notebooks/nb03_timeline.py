"""Cells of notebooks/03-timeline.ipynb (built by tools/make_notebooks.py)."""

from nbcells import check_cell, code, md, params_cell

NAME = "03-timeline.ipynb"

CELLS = [
    md("""
    # Timeline
    When things happen in the article. Every temporal expression ("on Friday", "last night",
    "the 5-1/2-year civil war") is normalised to a calendar value (TIMEX3) against the
    publication date, and each clause it dates becomes an event with a short who-did-what
    summary. Check any date against the text: each row gives the sentence number and the
    character offset of the words it comes from.
    """),
    params_cell("03-timeline"),
    check_cell("03-timeline", "import newsbench as nb\nfrom newsbench import charts, notebook as nbk, views"),
    code("""
    an = nb.analyze(art)
    pub = an.articles["published"].iloc[0]
    print(an.summary())
    print()
    print(views.publication_note(an))
    """),
    md("""
    ## The events on the calendar
    How to read it: each dot is a clause dated to a day, labelled with its date and who did
    what; bars above the line are events dated only to a week, month or year; orange dots
    are dated through another event ("a day after the vote"); the dashed line is the
    publication day. Below the line, green bars are durations the text places on the
    calendar ("two weeks of bombardment" ending at publication); an arrow means the bar starts
    before the left edge, at the date in its label. Labels are stacked so none overlap; the
    height of a dot means nothing.
    """),
    code("""
    charts.show(charts.timeline_chart(an.events, published=pub, granularity=granularity,
                                      include_durations=include_durations, max_label=max_label))
    """),
    md("""
    ## The temporal expressions and their values
    `value` is the TIMEX3 value (`2020-03-13` a day, `2020-W11` an ISO week, `2020-03-12TNI`
    a night, `P2W` a duration of two weeks, `XXXX-WXX-5` a Friday of unknown date); `reads`
    says it in words; `anchor` is what it was resolved against (the publication date, the
    day a quote was spoken, an earlier date in the text, or none for absolute dates and
    durations).
    """),
    code("""
    views.frames.report_table(views.expressions_table(an.timexes))
    """),
    md("## Dated events, earliest first"),
    code("""
    views.frames.report_table(views.dated_events(an.events))
    """),
    md("""
    ## Undated events
    Clauses anchored to something the article does not date ("since the ceasefire collapsed"),
    and, without a publication date, every relative expression. They are not on the chart.
    """),
    code("""
    views.frames.report_table(views.undated_events(an.events))
    """),
    md("""
    ## Explore: pick a date
    Choose a date to read the sentences of its events, with their temporal expressions
    highlighted (in the report: every date in turn).
    """),
    code("""
    views.timeline_explorer(an, interactive=interactive)
    """),
]
