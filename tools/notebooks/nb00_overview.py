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
    check_cell("00-overview", "import newsbench as nb\nfrom IPython.display import display\n"
                              "from newsbench import charts, notebook as nbk, views"),
    code("""
    an = nb.analyze(art)
    print(an.summary())
    """),
    md("""
    ## Paragraphs and sentences
    The paragraphs with their roles and mean scores, then the sentences with theirs (`para_id`
    says which paragraph a sentence is in). Where every paragraph is one sentence, as in wire
    copy, the two are one table. The character offsets of every row are in the frames
    (`an.paragraphs`, `an.sentences`: `start`, `end`).
    """),
    code("""
    display(views.safe_html(views.explore.text_tables_html(an)))
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
    widgets, the paragraphs of more than one sentence are listed; the others are rows of the
    table above.)
    """),
    code("""
    views.paragraph_explorer(an, interactive=interactive)
    """),
]
