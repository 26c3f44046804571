"""Cells of notebooks/00-overview.ipynb (built by tools/make_notebooks.py)."""

from nbcells import check_cell, code, md, params_cell

NAME = "00-overview.ipynb"

CELLS = [
    md("""
    # Article overview
    The article as newsbench reads it: its metadata, its paragraphs with their roles (title,
    standfirst, caption, dateline, body) and its sentences, each with character offsets into the
    article text, so every number below points back to the exact words.
    """),
    params_cell("00-overview"),
    check_cell("00-overview", "import newsbench as nb\nfrom newsbench import charts, notebook as nbk, views"),
    code("""
    an = nb.analyze(art)
    print(an.summary())
    """),
    md("## Paragraphs and their roles"),
    code("""
    an.paragraphs[["para_id", "role", "start", "end", "n_sentences", "text"]]
    """),
    md("## Sentences"),
    code("""
    an.sentences[["sent_id", "para_id", "role", "start", "end", "sentiment", "text"]]
    """),
    md("""
    ## Sentiment arc
    How to read it: each bar is one sentence's score (-1 very negative, +1 very positive); the
    line is a rolling mean; shaded sentences are the title, standfirst, captions and dateline.
    """),
    code("""
    charts.show(charts.sentiment_arc(an.sentences, window=window))
    """),
    md("""
    ## Explore: pick a paragraph
    Choose a paragraph to read its sentences with their scores. (In the HTML report, without
    widgets, every sentence is listed.)
    """),
    code("""
    views.paragraph_explorer(an, interactive=interactive)
    """),
]
