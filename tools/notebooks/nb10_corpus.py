"""Cells of notebooks/10-corpus.ipynb (built by tools/make_notebooks.py)."""

from nbcells import check_cell, code, md, params_cell

NAME = "10-corpus.ipynb"

CELLS = [
    md("""
    # A corpus: who is named, in what tone, when, and by whom
    Many articles read together: how many each outlet published per period, the tone of each
    outlet over time (with the number of articles behind every point and a band for how sure
    that mean is), the people, organisations and places named most and how that changes, the
    dated events of all articles on one calendar, and words in context. An entity is one
    identity across articles ("U.S.", "US" and "United States" are one; "WTO" joins "World
    Trade Organization"). Syndicated copies and near-duplicates are listed and, with
    `exclude_duplicates`, left out of every count.
    """),
    params_cell("10-corpus"),
    check_cell("10-corpus", "import newsbench as nb\nfrom IPython.display import display\n"
               "from newsbench import charts, notebook as nbk, views\n"
               "from newsbench.charts import corpus as cc\nfrom newsbench.views import corpus as cv"),
    code("""
    everything = nbk.open_corpus_param(corpus_path)
    dups = everything.duplicates()
    corpus = everything.filter(date_from=date_from or None, date_to=date_to or None,
                               sources=sources or None, exclude_duplicates=exclude_duplicates)
    follow = corpus.entity_ids(entities) if entities else None
    print(everything.describe(exclude_duplicates=exclude_duplicates))
    if len(corpus) != len(everything):
        print(f"{len(corpus)} of them are counted below (dates, sources and duplicates as the "
              f"parameters say).")
    """),
    md("""
    ## Articles per period, by outlet
    How to read it: each bar is one period (`granularity`), split by outlet. Undated articles
    are counted in the sentence above, not here.
    """),
    code("""
    per_period = corpus.articles_per_period(granularity=granularity)
    charts.show(cc.articles_chart(per_period))
    """),
    md("""
    ## Syndicated copies and near-duplicates
    Articles whose text is (nearly) another's: the same wire story run by several outlets, or
    a lightly edited rerun. `similarity` is the estimated share of five-word sequences the two
    texts share (MinHash). The earliest article of each group is kept as the original.
    """),
    code("""
    display(views.report_table(cv.duplicates_table(dups, everything.articles)))
    """),
    md("""
    ## Tone over time, by outlet
    How to read it: each line is one outlet's mean article tone per period (-1 negative, +1
    positive), the shaded band its 95% bootstrap interval; the number by each point is how many
    articles it averages. Hollow points average too few articles to compare.
    """),
    code("""
    tone = corpus.tone_by("source", granularity=granularity)
    charts.show(cc.tone_chart(tone))
    overall = corpus.tone_by("source", granularity=None)
    print(cv.tone_note(tone))
    display(views.report_table(overall[["source", "n_articles", "tone", "low", "high"]],
                               precision=3))
    """),
    md("""
    ## Most mentioned people, organisations and places
    Mentions of each entity over the corpus, all its names together; `articles` is how many
    articles name it.
    """),
    code("""
    top = corpus.top_entities(labels=("PERSON", "ORG", "PLACE"), top_n=top_n)
    display(views.report_table(top[["entity_label", "entity_name", "mentions", "articles"]]))
    """),
    md("""
    ## Trends: mentions per article, per period
    How to read it: for each entity (those in `entities`, else the most mentioned people), its
    mentions divided by the number of articles published in the period, so a busy month does
    not look like a rise.
    """),
    code("""
    trends = corpus.entity_trends(entities=follow, labels=("PERSON",), top_n=min(top_n, 8),
                                  granularity=granularity)
    charts.show(cc.entity_trends_chart(trends))
    """),
    md("""
    ## Which outlets name whom
    How to read it: each cell is the mentions per article of one entity (row) in one outlet
    (column); darker is more.
    """),
    code("""
    by_source = corpus.mentions_by_source(labels=("PERSON", "ORG", "PLACE"), top_n=top_n)
    charts.show(cc.source_entities_chart(by_source))
    """),
    md("""
    ## Named together
    How to read it: each dot is an entity (bigger: more mentions), a line joins two entities
    named in the same sentence, thicker when that happens more often across the corpus. Only
    the strongest pairs are drawn; where a dot sits has no meaning.
    """),
    code("""
    pairs = corpus.cooccurrences(unit="sentence", top_n=30)
    charts.show(cc.corpus_network(pairs, corpus.top_entities(labels=views.LABELS, top_n=500)))
    display(views.report_table(pairs[["a_name", "b_name", "count", "articles"]].head(15)))
    """),
    md("""
    ## The corpus timeline
    How to read it: every dated event of every article on one calendar (about the `entities`,
    when given). An event reported by several articles (same date, a shared entity, similar
    words) is one mark; ×N says how many articles report it.
    """),
    code("""
    timeline = corpus.events_timeline(entities=follow)
    charts.show(cc.corpus_timeline_chart(timeline))
    display(views.report_table(
        timeline[["date_start", "summary", "entity_names", "n_articles", "sources"]].head(25)))
    """),
    md("""
    ## The voices of the corpus
    Who the articles quote most (direct, indirect and mixed quotations; a named speaker is
    one identity across articles, a described one such as "a ministry spokeswoman" is
    counted under its own words), and which outlets quote whom.

    How to read it: each bar counts one voice's quotations across the corpus; the table gives
    the articles quoting it and the words quoted. The heat map shows quotations per article
    of each outlet.
    """),
    code("""
    voices = corpus.most_quoted(top_n=top_n)
    charts.show(charts.most_quoted_chart(voices))
    display(views.report_table(voices[["speaker", "speaker_label", "quotes", "articles", "words",
                                       "direct", "indirect", "mixed"]]))
    by_outlet = corpus.quoted_by_source(top_n=top_n)
    if len(by_outlet):
        display(views.report_table(by_outlet.pivot(index="speaker", columns="source",
                                                   values="per_article").reset_index()))
    """),
    md("""
    ## Words in context
    Every sentence using each of `terms`, with the words around it, and how often each term is
    used per article per period.
    """),
    code("""
    if terms:
        charts.show(cc.term_trends_chart(corpus.term_trends(terms, granularity=granularity)))
        for term in terms:
            display(views.safe_html(cv.kwic_html(corpus.kwic(term), term)))
    else:
        print("No terms given: set the terms parameter (comma-separated) to see them in context.")
    """),
    md("""
    ## Explore: pick an entity
    Choose one of the most mentioned entities to read, article by article, the sentences that
    name it (in the report: the three most mentioned).
    """),
    code("""
    views.explore.corpus_entity_explorer(corpus, interactive=interactive, top_n=max(top_n, 10))
    """),
]
