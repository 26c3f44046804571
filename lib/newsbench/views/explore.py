"""Exploring an analysis in JupyterLab: pick a paragraph, an entity or a date and read the
sentences behind the numbers.

Every explorer is one call of :func:`explorer`: a dropdown and the HTML of the choice when
``interactive`` is true, and plain HTML (what the headless reports get, with no widget
placeholders) when it is false. Article text is always HTML-escaped. An analysis may hold
one article or a corpus: sentences are found by ``(article_id, sent_id)``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Hashable, Iterable, Sequence

import pandas as pd

from ..sentiment import POLARITY_THRESHOLD
from .entities import check_labels, entity_mentions_html
from .frames import (no_math, report_table, safe_html, sentence_key, sentence_keys, several_articles,
                     with_article)

__all__ = ["corpus_entity_explorer", "corpus_entity_sentences", "date_events", "entity_explorer",
           "entity_sentences", "explorer", "highlight", "mention_explorer",
           "one_sentence_paragraphs", "paragraph_explorer", "paragraph_sentences",
           "paragraph_table", "sentence_rows", "text_tables_html", "timeline_explorer"]

#: Said where every paragraph is one sentence (wire copy), so a table is shown once.
ONE_SENTENCE_NOTE = ("Every paragraph of this article is one sentence (as in wire copy), so "
                     "paragraphs and sentences are one table: a paragraph's score is its "
                     "sentence's score.")

_NEG, _POS, _NEU = "#c44e52", "#55a868", "#777777"


def _show_html(markup: str) -> None:
    from IPython.display import display

    display(safe_html(markup))


def explorer(options: Sequence[tuple[str, Hashable]], render: Callable[[Hashable], str], *,
             interactive: bool, fallback_keys: Iterable[Hashable], empty_message: str,
             description: str, width: str = "60%",
             fallback_render: Callable[[Hashable], str] | None = None) -> None:
    """Show a choice and what it reads, in a notebook.

    Args:
        options: ``(label, key)`` pairs for the dropdown, in order; none means nothing to explore.
        render: the HTML of one key (its article text escaped).
        interactive: a dropdown (ipywidgets) whose choice shows ``render(key)``; when false, the
            HTML of ``fallback_keys`` one after another, with no widget.
        fallback_keys: the keys shown without widgets.
        empty_message: shown (as a paragraph) when there are no options.
        description: the dropdown's label ("Entity:").
        width: the dropdown's width.
        fallback_render: how a fallback key reads without widgets (default: ``render``).
    """
    if not options:
        _show_html(f"<p>{html.escape(empty_message)}</p>")
        return
    if not interactive:
        _show_html("\n".join((fallback_render or render)(k) for k in fallback_keys))
        return
    import ipywidgets as w
    from IPython.display import display

    pick = w.Dropdown(options=list(options), description=description, layout=w.Layout(width=width))
    out = w.HTML(no_math(render(options[0][1])))
    pick.observe(lambda change: setattr(out, "value", no_math(render(change["new"]))),
                 names="value")
    display(w.VBox([pick, out]))


# --------------------------------------------------------------------------- HTML pieces


def _score_badge(score: float) -> str:
    if pd.isna(score):
        return '<span style="color:#777">n/a</span>'
    colour = _NEG if score <= -POLARITY_THRESHOLD else _POS if score >= POLARITY_THRESHOLD else _NEU
    return (f'<span style="display:inline-block;min-width:4.2em;font-weight:bold;color:{colour}">'
            f"{score:+.2f}</span>")


def highlight(text: str, start: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (which starts at article offset ``start``) as escaped HTML with the article spans
    ``spans`` marked."""
    out, pos = [], 0
    for s, e in sorted(spans):
        s, e = max(s - start, pos), min(e - start, len(text))
        if e <= s:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark style="background:#ffe08a">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _marks_of(marks: dict, row) -> list[tuple[int, int]]:
    got = marks.get(sentence_key(row))
    return got if got is not None else marks.get(row.sent_id, [])


def sentence_rows(sentences: pd.DataFrame, marks: dict | None = None) -> str:
    """Sentences as an HTML list: score, sentence number, text (marked spans highlighted).

    ``marks`` maps a sentence, by ``(article_id, sent_id)`` or (one article) by ``sent_id``,
    to the article spans to mark in it.
    """
    marks = marks or {}
    rows = []
    for r in sentences.itertuples():
        rows.append(
            f'<div style="margin:2px 0">{_score_badge(r.sentiment)} '
            f'<span style="color:#777">#{r.sent_id}</span> '
            f"{highlight(r.text, r.start, _marks_of(marks, r))}</div>")
    return "\n".join(rows) or "<p>No sentences.</p>"


def entity_sentences(an, entity: str) -> str:
    """The sentences that mention ``entity``, its mentions highlighted, with their scores."""
    m = an.mentions[an.mentions["entity"] == entity]
    if m.empty:
        return f"<p>{html.escape(entity)} is not mentioned.</p>"
    marks: dict[tuple, list] = {}
    for r in m.itertuples():
        marks.setdefault(sentence_key(r), []).append((int(r.start), int(r.end)))
    marked = [k in marks for k in sentence_keys(an.sentences)]
    sents = an.sentences[pd.Series(marked, index=an.sentences.index, dtype=bool)]
    mean = sents["sentiment"].mean()
    head = (f"<p><b>{html.escape(entity)}</b>: {len(m)} mention(s) in {len(sents)} sentence(s); "
            f"mean sentiment of those sentences {mean:+.2f}</p>")
    return head + sentence_rows(sents, marks)


def _of_article(df: pd.DataFrame, article_id) -> pd.DataFrame:
    return df if article_id is None else df[df["article_id"] == article_id]


def paragraph_sentences(an, para_id: int, article_id: str | None = None) -> str:
    """A paragraph's role and mean score, then its sentences with their scores (``article_id``
    says which article's paragraph, in a corpus)."""
    paragraphs = _of_article(an.paragraphs, article_id)
    p = paragraphs[paragraphs["para_id"] == para_id]
    if p.empty:
        return "<p>No such paragraph.</p>"
    row = p.iloc[0]
    head = (f"<p><b>Paragraph {para_id}</b> ({html.escape(str(row.role))}), mean sentiment "
            f"{row.sentiment:+.2f}</p>")
    sentences = _of_article(an.sentences, article_id)
    return head + sentence_rows(sentences[sentences["para_id"] == para_id])


def _date_label(start, end) -> str:
    if pd.isna(start):
        return "undated"
    s, e = pd.Timestamp(start).date(), pd.Timestamp(end).date() if not pd.isna(end) else None
    return str(s) if e is None or e == s else f"{s} to {e}"


def date_events(an, label: str) -> str:
    """The events on one date (label as given by the explorer), with their sentences."""
    ev = an.events.copy()
    ev["label"] = [_date_label(s, e) for s, e in zip(ev["date_start"], ev["date_end"])]
    chosen = ev[ev["label"] == label]
    if chosen.empty:
        return "<p>No events on that date.</p>"
    sents = {sentence_key(s): s for s in an.sentences.itertuples()}
    timexes: dict[tuple, list] = {}
    for t in an.timexes.itertuples():
        timexes.setdefault(sentence_key(t), []).append((int(t.start), int(t.end)))
    several = several_articles(an.sentences)  # then say which article each event is in
    rows = []
    for r in chosen.itertuples():
        sent = sents.get(sentence_key(r))
        text = sent.text if sent is not None else ""
        start = int(sent.start) if sent is not None else 0
        where = f"{r.article_id} sentence #{r.sent_id}" if several else f"sentence #{r.sent_id}"
        rows.append(f'<div style="margin:4px 0"><b>{html.escape(str(r.summary))}</b>'
                    f' <span style="color:#777">({html.escape(str(r.value))}; '
                    f'{html.escape(where)})</span><br>'
                    f"{highlight(text, start, timexes.get(sentence_key(r), []))}</div>")
    return f"<p><b>{html.escape(label)}</b>: {len(chosen)} event(s)</p>" + "\n".join(rows)


# --------------------------------------------------------------------------- the explorers


def _sentences_per_paragraph(an) -> pd.Series:
    keys = [k for k in ("article_id", "para_id") if k in an.sentences.columns]
    return an.sentences.groupby(keys, observed=True).size()


def one_sentence_paragraphs(an) -> bool:
    """True when every paragraph of ``an`` is one sentence (wire copy): then the paragraph and
    sentence tables are the same rows, and are shown once."""
    if an.paragraphs.empty or an.sentences.empty:
        return False
    per = _sentences_per_paragraph(an)
    return len(per) == len(an.paragraphs) and bool((per == 1).all())


def paragraph_table(an, *, caption: str | None = "Paragraphs: role, sentences and mean "
                                                  "sentiment (-1..1) of each"):
    """The paragraphs for reading (:func:`~newsbench.views.frames.report_table`): number,
    role, sentences, mean sentiment and text; where every paragraph is one sentence, the
    caption says so (the scores are then the sentences' own)."""
    df = an.paragraphs
    table = df[with_article(df, ["para_id", "role", "n_sentences", "sentiment", "text"])]
    if one_sentence_paragraphs(an):
        caption = f"{caption}. {ONE_SENTENCE_NOTE}" if caption else ONE_SENTENCE_NOTE
    return report_table(table, caption=caption)


def text_tables_html(an) -> str:
    """The article's paragraphs (with their roles) and its sentences as tables, each shown
    once: two tables, or, where every paragraph is one sentence (wire copy), one table of
    paragraph and sentence numbers side by side, saying so. Offsets are in the frames, not in
    the tables; article text is escaped."""
    sents = an.sentences
    if one_sentence_paragraphs(an):
        cols = with_article(sents, ["para_id", "sent_id", "role", "sentiment", "text"])
        return (f"<p>{html.escape(ONE_SENTENCE_NOTE)}</p>\n"
                + report_table(sents[cols], caption="Paragraphs and sentences").to_html())
    paras = paragraph_table(an, caption="Paragraphs and their roles").to_html()
    cols = with_article(sents, ["sent_id", "para_id", "role", "sentiment", "text"])
    return paras + "\n" + report_table(sents[cols], caption="Sentences").to_html()


def paragraph_explorer(an, *, interactive: bool = True) -> None:
    """Pick a paragraph and read its sentences with their scores.

    Non-interactive (reports): the paragraphs of more than one sentence, each with its
    sentences (a one-sentence paragraph is its row of the sentence table already); where
    every paragraph is one sentence, a line saying so instead of the table again.
    """
    several = several_articles(an.paragraphs)  # then each label starts with its article
    options = [(f"{r.article_id + ' ' if several else ''}{r.para_id}: {r.role}, {r.text[:60]}",
                (r.article_id, int(r.para_id))) for r in an.paragraphs.itertuples()]
    per = _sentences_per_paragraph(an) if len(an.sentences) else pd.Series(dtype="int64")
    longer = [(r.article_id, int(r.para_id)) for r in an.paragraphs.itertuples()
              if int(per.get((r.article_id, r.para_id) if per.index.nlevels > 1
                             else r.para_id, 0)) > 1]
    n_one = len(options) - len(longer)

    def fallback(_all) -> str:
        if not longer:
            return ("<p>Every paragraph is one sentence: read them, with their scores, in the "
                    "table above (in JupyterLab, pick one here).</p>")
        rest = (f"<p>The {n_one} one-sentence paragraph{'s are' if n_one != 1 else ' is'} in "
                "the table above.</p>" if n_one else "")
        return "\n".join(paragraph_sentences(an, pid, article_id=aid)
                         for aid, pid in longer) + rest

    explorer(options, lambda key: paragraph_sentences(an, key[1], article_id=key[0]),
             interactive=interactive, fallback_keys=["paragraphs of several sentences"],
             fallback_render=fallback,
             empty_message="The article has no paragraphs.", description="Paragraph:",
             width="80%")


def _by_mentions(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per entity and label (mentions summed over articles), most mentioned first."""
    ents = entities.groupby(["entity", "label"], sort=False, observed=True, as_index=False)
    ents = ents["mentions"].sum()
    return ents.sort_values(["mentions", "entity"], ascending=[False, True])


def _entity_options(ents: pd.DataFrame) -> list[tuple[str, str]]:
    return [(f"{e} ({lab}, {n}×)", e)
            for e, lab, n in zip(ents["entity"], ents["label"], ents["mentions"])]


def entity_explorer(an, *, interactive: bool = True, top_n: int = 5) -> None:
    """Pick an entity and see its sentences highlighted with their sentiment.

    Non-interactive: the sentences of the ``top_n`` most mentioned entities, one after another.
    """
    ents = _by_mentions(an.entities)
    explorer(_entity_options(ents), lambda entity: entity_sentences(an, entity),
             interactive=interactive, fallback_keys=ents["entity"].head(top_n),
             empty_message="No entities found in this article: nothing to explore.",
             description="Entity:")


def mention_explorer(an, *, interactive: bool = True, labels=None, top_n: int = 5) -> None:
    """Pick an entity and read each of its mentions in its sentence, with the model's words
    and label and the rule that merged it: the check behind every count.

    Non-interactive (reports): the ``top_n`` most mentioned entities, one after another.
    """
    labels = check_labels(labels)
    ents = an.entities if labels is None else an.entities[an.entities["label"].isin(labels)]
    ents = _by_mentions(ents)
    explorer(_entity_options(ents), lambda entity: entity_mentions_html(an, entity),
             interactive=interactive, fallback_keys=ents["entity"].head(top_n),
             empty_message="No entities with these labels: nothing to explore.",
             description="Entity:")


def timeline_explorer(an, *, interactive: bool = True) -> None:
    """Pick a date on the timeline and see its events (non-interactive: every date in turn)."""
    ev = an.events.sort_values(["date_start", "sent_id"], na_position="last")
    labels = list(dict.fromkeys(_date_label(s, e)
                                for s, e in zip(ev["date_start"], ev["date_end"])))
    explorer([(lab, lab) for lab in labels], lambda label: date_events(an, label),
             interactive=interactive, fallback_keys=labels,
             empty_message="No dated events in this article: nothing to explore.",
             description="Date:", width="50%")


def corpus_entity_sentences(corpus, entity_id: str, *, max_articles: int = 12,
                            per_article: int = 3) -> str:
    """The sentences naming one corpus entity, article by article (earliest first): the
    headline, outlet and date of each, its mentions highlighted."""
    m = corpus.mentions[corpus.mentions["entity_id"] == entity_id]
    if m.empty:
        return f"<p>{html.escape(str(entity_id))} is not mentioned.</p>"
    name = str(m["entity_name"].iloc[0])
    arts = corpus.articles.set_index("article_id")
    ids = sorted(m["article_id"].unique(), key=lambda a: (pd.isna(arts.at[a, "published"]),
                                                          arts.at[a, "published"], a))
    sents = corpus.sentences
    blocks = []
    for aid in ids[:max_articles]:
        mine = m[m["article_id"] == aid]
        marks = {}
        for r in mine.itertuples():
            marks.setdefault((aid, r.sent_id), []).append((int(r.start), int(r.end)))
        rows = sents[(sents["article_id"] == aid) & sents["sent_id"].isin(mine["sent_id"])]
        row = arts.loc[aid]
        when = "undated" if pd.isna(row["published"]) else f"{row['published']:%d %b %Y}"
        source = row["source"] if isinstance(row["source"], str) else "source unknown"
        title = row["title"] if isinstance(row["title"], str) else aid
        blocks.append(f'<div style="margin:8px 0"><b>{html.escape(title)}</b> '
                      f'<small>({html.escape(source)}, {when}; {len(mine)} mention(s))</small>'
                      + sentence_rows(rows.head(per_article), marks) + "</div>")
    more = (f"<p><small>... and {len(ids) - max_articles} more articles.</small></p>"
            if len(ids) > max_articles else "")
    head = (f"<p><b>{html.escape(name)}</b>: {len(m)} mention(s) in {len(ids)} article(s)</p>")
    return head + "\n".join(blocks) + more


def corpus_entity_explorer(corpus, *, interactive: bool = True, top_n: int = 10,
                           labels=("PERSON", "ORG", "PLACE")) -> None:
    """Pick one of the most mentioned entities of a corpus and read, article by article, the
    sentences naming it (in the report: the three most mentioned)."""
    counts = corpus.mentions[corpus.mentions["entity_label"].isin(list(labels))]
    counts = counts.groupby(["entity_id", "entity_name"], sort=False).size().sort_values(
        ascending=False).head(top_n)
    options = [(f"{name} ({n})", eid) for (eid, name), n in counts.items()]
    explorer(options, lambda eid: corpus_entity_sentences(corpus, eid), interactive=interactive,
             fallback_keys=[k for _, k in options[:3]], description="Entity:",
             empty_message="No people, organisations or places are named in these articles.")
