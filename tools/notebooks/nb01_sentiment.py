"""Cells of notebooks/01-sentiment.ipynb (built by tools/make_notebooks.py)."""

from nbcells import check_cell, code, md, params_cell

NAME = "01-sentiment.ipynb"

CELLS = [
    md("""
    # Sentiment: how negative is this article, where does the tone turn, how is each actor framed?
    Each sentence gets a score from -1 (very negative) to +1 (very positive). The default method,
    `news`, is VADER adapted to news prose (a news lexicon and "no" read as a negation); `vader`
    is plain VADER. Paragraph and article scores are the **mean of their sentence scores**
    (the article: of its body sentences), so they stay in -1..1 and do not saturate with length.
    Figures for both methods against human ratings are in `benches/README.md`.
    """),
    params_cell("01-sentiment"),
    check_cell("01-sentiment", "import newsbench as nb\nfrom IPython.display import display\n"
                               "from newsbench import charts, notebook as nbk, views"),
    code("""
    an = nb.analyze(art, method=method)
    print(an.summary())
    print(views.sentiment.describe(an.articles, method=method))
    """),
    md("""
    ## The sentiment arc
    How to read it: each bar is one sentence, in reading order (red negative, green positive,
    grey neutral); the black line is a rolling mean, so a turn in tone shows as the line
    crossing zero. Shaded sentences are the title, standfirst, captions and dateline.
    """),
    code("""
    charts.show(charts.sentiment_arc(an.sentences, window=window,
                                     title=f"Sentiment through the article, sentence by sentence ({method})"))
    """),
    md("""
    ## The most negative and most positive sentences
    How to read it: the sentences with the lowest and highest scores, only those past the
    polarity threshold (-0.2 or less is negative, +0.2 or more positive): an article with
    few positive sentences lists only those, and says "none" when it has none. Their
    character offsets are in `views.extremes(an.sentences)` (`start`, `end`).
    """),
    code("""
    display(views.safe_html(views.sentiment.extremes_html(an.sentences, n=top_n)))
    """),
    md("""
    ## Sentiment by paragraph
    How to read it: each paragraph's score is the mean of its sentences' scores (where every
    paragraph is one sentence, as in wire copy, the table says so: the scores are then the
    sentences' own).
    """),
    code("""
    views.explore.paragraph_table(an)
    """),
    md("""
    ## Sentiment toward entities
    How to read it: for each of the most mentioned entities, the mean score of the sentences
    that mention it, written at the right with its standard deviation; the line is one
    standard deviation either side (a long line: framed both ways). Entities mentioned fewer
    than `min_mentions` times (default 2) are left out, as one sentence is not a tone; the
    note under the chart says how many, and which when they would have been shown.
    """),
    code("""
    charts.show(charts.entity_sentiment_chart(an.entities, top_n=top_n, min_mentions=min_mentions))
    """),
    md("""
    ## Emotions
    How to read it: for each emotion, the words of the article the NRC emotion lexicon
    associates with it, per 1,000 words of the article (so articles of any length compare),
    highest first; the count is in brackets. Words count by their lemma ("died" as die);
    names, stop words, words right after a negator ("no fear") and words that only name who
    acts (offices and institutions: "council", "police", "president", which the lexicon calls
    trust) are not counted. A word can carry several emotions, and the lexicon knows words, not
    what happened.
    """),
    code("""
    charts.show(charts.emotion_chart(an.emotions, an.sentences))
    """),
    md("""
    ## Explore: pick an entity
    Choose an entity to read the sentences that mention it, its mentions highlighted, each with
    its score. (In the HTML report, without widgets, the most mentioned entities are listed.)
    """),
    code("""
    views.entity_explorer(an, interactive=interactive, top_n=top_n)
    """),
]
