"""Cells of notebooks/00-overview.ipynb (built by tools/make_notebooks.py)."""

from nbcells import SEED, code, md, params

NAME = "00-overview.ipynb"

CELLS = [
    md("""
    # Article overview
    The article as newsbench reads it: its metadata, its paragraphs with their roles (title,
    standfirst, caption, dateline, body) and its sentences, each with character offsets into the
    article text, so every number below points back to the exact words.
    """),
    params(f"""
    article: str = "{SEED}"  # article file (.txt, .md, .json, .html), relative to the project folder
    published: str = ""  # publication date YYYY-MM-DD; empty means from the metadata of the article
    window: int = 3  # sentences in the rolling mean of the sentiment arc
    interactive: bool = True  # widgets to explore; the report sets False for plain HTML
    """),
    code("""
    # Check the parameters before any work is done.
    import newsbench as nb
    from newsbench import charts, notebook as nbk, views

    nbk.display_defaults()
    art = nbk.article_param(article, published=published)
    interactive = nbk.bool_param("interactive", interactive)
    window = nbk.int_param("window", window, minimum=1, maximum=50)
    """),
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
