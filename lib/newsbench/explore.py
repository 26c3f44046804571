"""Exploring an analysis in JupyterLab: pick an entity, a paragraph or a date and read the
sentences behind the numbers.

Each explorer shows ipywidgets when ``interactive`` is true, and plain HTML (what the headless
reports get, with no widget placeholders) when it is false. Article text is always escaped.
"""

from __future__ import annotations

import html

import pandas as pd

from .sentiment import POLARITY_THRESHOLD

_NEG, _POS, _NEU = "#c44e52", "#55a868", "#777777"


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


def sentence_rows(sentences: pd.DataFrame, marks: dict[int, list[tuple[int, int]]] | None = None) -> str:
    """Sentences as an HTML list: score, sentence number, text (marked spans highlighted)."""
    marks = marks or {}
    rows = []
    for r in sentences.itertuples():
        rows.append(
            f'<div style="margin:2px 0">{_score_badge(r.sentiment)} '
            f'<span style="color:#777">#{r.sent_id}</span> '
            f"{highlight(r.text, r.start, marks.get(r.sent_id, []))}</div>")
    return "\n".join(rows) or "<p>No sentences.</p>"


def entity_sentences(an, entity: str) -> str:
    """The sentences that mention ``entity``, its mentions highlighted, with their scores."""
    m = an.mentions[an.mentions["entity"] == entity]
    if m.empty:
        return f"<p>{html.escape(entity)} is not mentioned.</p>"
    marks: dict[int, list] = {}
    for r in m.itertuples():
        marks.setdefault(int(r.sent_id), []).append((int(r.start), int(r.end)))
    sents = an.sentences[an.sentences["sent_id"].isin(marks)]
    mean = sents["sentiment"].mean()
    head = (f"<p><b>{html.escape(entity)}</b>: {len(m)} mention(s) in {len(sents)} sentence(s); "
            f"mean sentiment of those sentences {mean:+.2f}</p>")
    return head + sentence_rows(sents, marks)


def _show_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def entity_explorer(an, *, interactive: bool = True, top_n: int = 5) -> None:
    """Pick an entity and see its sentences highlighted with their sentiment.

    Non-interactive: the sentences of the ``top_n`` most mentioned entities, one after another.
    """
    ents = an.entities.sort_values(["mentions", "entity"], ascending=[False, True])
    if ents.empty:
        _show_html("<p>No entities found in this article: nothing to explore.</p>")
        return
    if not interactive:
        _show_html("\n".join(entity_sentences(an, e) for e in ents["entity"].head(top_n)))
        return
    import ipywidgets as w
    from IPython.display import display

    options = [(f"{e} ({lab}, {n}×)", e) for e, lab, n in zip(ents["entity"], ents["label"], ents["mentions"])]
    pick = w.Dropdown(options=options, description="Entity:", layout=w.Layout(width="60%"))
    out = w.HTML(entity_sentences(an, options[0][1]))
    pick.observe(lambda change: setattr(out, "value", entity_sentences(an, change["new"])), names="value")
    display(w.VBox([pick, out]))


def paragraph_sentences(an, para_id: int) -> str:
    p = an.paragraphs[an.paragraphs["para_id"] == para_id]
    if p.empty:
        return "<p>No such paragraph.</p>"
    row = p.iloc[0]
    head = (f"<p><b>Paragraph {para_id}</b> ({html.escape(str(row.role))}), mean sentiment "
            f"{row.sentiment:+.2f}</p>")
    return head + sentence_rows(an.sentences[an.sentences["para_id"] == para_id])


def paragraph_explorer(an, *, interactive: bool = True) -> None:
    """Pick a paragraph and read its sentences with their scores (non-interactive: all of them)."""
    if an.paragraphs.empty:
        _show_html("<p>The article has no paragraphs.</p>")
        return
    if not interactive:
        _show_html(sentence_rows(an.sentences))
        return
    import ipywidgets as w
    from IPython.display import display

    opts = [(f"{r.para_id}: {r.role}, {r.text[:60]}", int(r.para_id)) for r in an.paragraphs.itertuples()]
    pick = w.Dropdown(options=opts, description="Paragraph:", layout=w.Layout(width="80%"))
    out = w.HTML(paragraph_sentences(an, opts[0][1]))
    pick.observe(lambda change: setattr(out, "value", paragraph_sentences(an, change["new"])), names="value")
    display(w.VBox([pick, out]))


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
    rows = []
    for r in chosen.itertuples():
        sent = an.sentences[an.sentences["sent_id"] == r.sent_id]
        text = sent.iloc[0]["text"] if len(sent) else ""
        start = int(sent.iloc[0]["start"]) if len(sent) else 0
        timex = [(int(t.start), int(t.end)) for t in an.timexes.itertuples() if t.sent_id == r.sent_id]
        rows.append(f'<div style="margin:4px 0"><b>{html.escape(str(r.summary))}</b>'
                    f' <span style="color:#777">({html.escape(str(r.value))}; sentence #{r.sent_id})</span><br>'
                    f"{highlight(text, start, timex)}</div>")
    return f"<p><b>{html.escape(label)}</b>: {len(chosen)} event(s)</p>" + "\n".join(rows)


def timeline_explorer(an, *, interactive: bool = True) -> None:
    """Pick a date on the timeline and see its events (non-interactive: every date in turn)."""
    if an.events.empty:
        _show_html("<p>No dated events in this article: nothing to explore.</p>")
        return
    ev = an.events.sort_values(["date_start", "sent_id"], na_position="last")
    labels = list(dict.fromkeys(_date_label(s, e) for s, e in zip(ev["date_start"], ev["date_end"])))
    if not interactive:
        _show_html("\n".join(date_events(an, lab) for lab in labels))
        return
    import ipywidgets as w
    from IPython.display import display

    pick = w.Dropdown(options=labels, description="Date:", layout=w.Layout(width="50%"))
    out = w.HTML(date_events(an, labels[0]))
    pick.observe(lambda change: setattr(out, "value", date_events(an, change["new"])), names="value")
    display(w.VBox([pick, out]))
