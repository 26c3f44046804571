"""Cells of notebooks/02-entities.ipynb (built by tools/make_notebooks.py)."""

from nbcells import check_cell, code, md, params_cell

NAME = "02-entities.ipynb"

CELLS = [
    md("""
    # Who and where: the entities of an article
    The people, organisations, places and groups the article names, counted after merging the
    forms that name the same entity (a surname with the full name, an acronym with its
    expansion, every name of a country), each with one label checked against a gazetteer.
    Every count below can be traced to the exact words: see the table of entities and the
    highlighted text at the end.
    """),
    params_cell("02-entities"),
    check_cell("02-entities", "import newsbench as nb\nfrom IPython.display import display\nfrom newsbench import charts, notebook as nbk, views"),
    code("""
    an = nb.analyze(art)
    print(an.summary())
    print(f"{len(an.mentions)} mentions of {len(an.entities)} entities")
    """),
    md("""
    ## The entities
    One row per entity: its label, how many times it is mentioned, in how many sentences, the
    first sentence naming it, the mean sentiment of those sentences (-1..1), the forms seen
    (`aliases`, most frequent first), why it has its label (`label_source`) and what the model
    said (`model_labels`, each with how many mentions it gave that label). In the frame these
    are lists (`an.entities["aliases"]`); the table shows them joined. Demonyms are listed as
    themselves here, whatever `merge_demonyms` says.
    """),
    code("""
    views.frames.report_table(views.entity_table(an.entities, labels=labels,
                                                 min_mentions=min_mentions))
    """),
    md("""
    ## Most mentioned entities
    How to read it: one panel per label; each bar counts the mentions of one entity, all its
    forms together (the full name, the surname, an acronym...). Panels share one scale.
    """),
    code("""
    charts.show(charts.entity_bars(an.mentions, labels=labels, top_n=top_n,
                                   min_mentions=min_mentions, merge_demonyms=merge_demonyms))
    """),
    md("""
    ## Where in the article
    How to read it: one row per entity, one column per sentence, from the headline (left) to
    the last sentence (right); a mark means the sentence names the entity, a darker mark that
    it names it more than once. Grey columns are the title, standfirst, captions and dateline.
    """),
    code("""
    charts.show(charts.entity_positions(an.mentions, an.sentences, labels=labels, top_n=top_n,
                                        min_mentions=min_mentions, merge_demonyms=merge_demonyms))
    """),
    md("""
    ## Named together
    How to read it: each dot is an entity (bigger: more mentions); a line joins two entities
    named in the same sentence (or paragraph, with `unit`), thicker when they are named
    together more often. Where a dot sits has no meaning. The table lists the pairs.
    """),
    code("""
    charts.show(charts.cooccurrence_network(an.mentions, unit=unit, labels=labels,
                                            top_n=max(top_n, 15), merge_demonyms=merge_demonyms))
    pairs = views.cooccurrences(an.mentions, unit=unit, labels=labels,
                                merge_demonyms=merge_demonyms)
    views.frames.report_table(pairs.head(20), caption=f"Pairs named in the same {unit}, most "
                                                      f"often first ({min(len(pairs), 20)} of "
                                                      f"{len(pairs)})")
    """),
    md("""
    ## What merging did
    How to read it: on the left, the counts the spaCy model gives (each text and label as it
    found them); on the right, the counts after cleaning, merging aliases and relabelling. A
    name split over several bars on the left is one bar on the right.
    """),
    code("""
    charts.show(charts.raw_vs_merged(an.mentions, top_n=max(top_n, 15)))
    """),
    md("""
    ## The text, with its entities marked
    Each mention carries its label; where its words differ from the entity it was counted as,
    the entity follows the arrow.
    """),
    code("""
    display(views.safe_html(views.highlight_html(an.text, an.mentions, labels=labels)))
    """),
    md("""
    ## Explore: pick an entity
    Choose an entity to read each of its mentions in its sentence, with the words and label
    the model gave and the rule that merged it (surname, acronym...). (In the HTML report,
    without widgets, the most mentioned entities are listed.)
    """),
    code("""
    views.mention_explorer(an, interactive=interactive, labels=labels, top_n=top_n)
    """),
]
