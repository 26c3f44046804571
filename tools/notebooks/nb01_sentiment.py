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
    check_cell("01-sentiment", "import newsbench as nb\nfrom newsbench import charts, notebook as nbk, views"),
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
    How to read it: the sentences with the lowest and highest scores; `start`/`end` are their
    character offsets in the article text.
    """),
    code("""
    views.extremes(an.sentences, n=top_n)
    """),
    md("""
    ## Sentiment by paragraph
    How to read it: each paragraph's score is the mean of its sentences' scores.
    """),
    code("""
    an.paragraphs[["para_id", "role", "n_sentences", "sentiment", "text"]]
    """),
    md("""
    ## Sentiment toward entities
    How to read it: for each of the most mentioned entities, the mean score of the sentences
    that mention it; the error bar is one standard deviation (a long bar: framed both ways).
    """),
    code("""
    charts.show(charts.entity_sentiment_chart(an.entities, top_n=top_n, min_mentions=min_mentions))
    """),
    md("""
    ## Emotions
    How to read it: how many words of the article the NRC emotion lexicon associates with each
    emotion (a word can carry several; negation is not taken into account).
    """),
    code("""
    charts.show(charts.emotion_chart(an.emotions))
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
