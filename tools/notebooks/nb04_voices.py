"""Cells of notebooks/04-voices.ipynb (built by tools/make_notebooks.py)."""

from nbcells import check_cell, code, md, params_cell

NAME = "04-voices.ipynb"

CELLS = [
    md("""
    # Voices: who is quoted, and how
    The quotations of the article and their speakers. A quotation is *direct* (the words in
    quotation marks), *indirect* (reported speech: "she said the money would come soon") or
    *mixed* (reported speech holding a partial quote). Each has a cue ("said", "told
    reporters", "according to") and, where the text gives one, a speaker: named at the
    quotation, found through a pronoun ("he said") resolved to a name, or only described ("a
    ministry spokeswoman", never merged with a name). Every count below can be checked
    against the words: the quotations table gives each sentence number, and the explorer at
    the end shows each quotation in its sentence.
    """),
    params_cell("04-voices"),
    check_cell("04-voices", """
        import newsbench as nb
        from IPython.display import display
        from newsbench import notebook as nbk
        from newsbench.charts import show
        from newsbench.charts import voices as voice_charts
        from newsbench.views import voices
        from newsbench.views.frames import report_table
        """),
    code("""
    an = nb.analyze(art)
    quotes = voices.filter_kind(an.quotes, kind)
    speakers = voices.speaker_table(quotes, min_quotes=min_quotes)
    print(an.summary())
    which = "quotations" if kind == "all" else f"{kind} quotations"
    print(f"{len(an.quotes)} quotations in the article; {len(quotes)} {which} shown")
    if quotes.empty:
        print(f"No {which} found in this article: the tables below are empty and the charts "
              "say so.")
    elif speakers.attrs["unattributed"]:
        print(f"{speakers.attrs['unattributed']} of them have no speaker (not in the speaker "
              "table or charts)")
    """),
    md("""
    ## Who is quoted, and how much
    One row per speaker quoted at least `min_quotes` times: their label (PERSON, ORG; empty
    for a description), how they were found (`named`, `pronoun`, `description`), the number
    of quotations, the words in them, how many of each kind, and the mean sentiment of the
    quoted words (-1..1).

    How to read it: each bar counts one speaker's quotations, coloured by label (grey: a
    speaker the article only describes); beside it, the words quoted and of which kind. A
    voice with few quotations but many words gets long passages.
    """),
    code("""
    display(report_table(speakers.head(top_n)))
    show(voice_charts.speaker_bars(speakers, top_n=top_n))
    """),
    md("""
    ## Direct or indirect, named or unnamed
    How to read it: on the left, how the quotations are given: in quotation marks (direct),
    as reported speech (indirect), or both (mixed). On the right, how the speaker is found:
    named at the quotation, a pronoun resolved to a name, only described, or not given. The
    share of each is in brackets. Many described or missing speakers mean many voices the
    reader cannot check.
    """),
    code("""
    mix = voices.source_mix(quotes)
    display(report_table(mix))
    show(voice_charts.quote_kinds_chart(mix))
    """),
    md("""
    ## The quotations
    Every quotation in the order of the text: its speaker, how the speaker was found, the
    cue, the kind, the quoted words (shortened to about 160 characters), the words counted,
    the day the text says it was spoken ("not given" when it does not), and its sentence.
    """),
    code("""
    report_table(voices.quotes_table(quotes))
    """),
    md("""
    ## The tone of each voice
    How to read it: one row per speaker; each dot is the sentiment of one quotation's words
    (-1 negative .. +1 positive), the bar their mean (red negative, green positive, grey
    neutral) and the line one standard deviation either side. A long line means a speaker
    who says both good and bad things.
    """),
    code("""
    show(voice_charts.quote_tone_chart(quotes, top_n=top_n, min_quotes=min_quotes))
    """),
    md("""
    ## Where each voice speaks
    How to read it: one row per speaker, one column per sentence from the headline (left) to
    the last sentence (right); a mark means the sentence holds words quoted from that
    speaker, dark for a direct quotation, light for an indirect one. Grey columns are the
    title, standfirst, captions and dateline. The first voice quoted often frames the story.
    """),
    code("""
    show(voice_charts.voice_positions(quotes, an.sentences, top_n=top_n, min_quotes=min_quotes))
    """),
    md("""
    ## Explore: pick a speaker
    Choose a speaker to read each of their quotations in its sentence: the quoted words
    highlighted, the words naming the speaker in blue, the cue underlined, with the
    sentence's sentiment before it. (In the HTML report, without widgets, the three most
    quoted speakers are shown.)
    """),
    code("""
    voices.voices_explorer(an, interactive=interactive, top_n=top_n, kind=kind,
                           min_quotes=min_quotes)
    """),
]
