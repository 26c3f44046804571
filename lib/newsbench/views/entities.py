"""Views of the entity frames: counts (optionally with demonyms counted as their country),
co-occurrences, the model's own counts, the table a reader checks, the highlighted text, each
entity's mentions, and the notebook's ``labels`` parameter.

Every query takes frames of one article or many (a corpus): what is per article (a sentence,
a paragraph, a demonym's country) is keyed by ``article_id``.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict

import pandas as pd

from .. import gazetteer
from ..errors import ParameterError
from ..layers.entity_vocab import LABELS, NON_ENTITY_LABELS
from .frames import sentence_key, several_articles, with_article

__all__ = ["DEFAULT_LABELS", "HIGHLIGHT_COLOURS", "LABELS", "LABEL_COLOURS", "NON_ENTITY_LABELS",
           "UNITS", "cooccurrences", "demonyms_as_countries", "entity_counts",
           "entity_mentions_html", "entity_table", "flag_param", "highlight_html", "labels_param",
           "model_counts"]

#: The labels the notebook shows unless told otherwise.
DEFAULT_LABELS = ("PERSON", "ORG", "PLACE", "NORP")
#: Units for co-occurrence.
UNITS = ("sentence", "paragraph")

LABEL_COLOURS = {"PERSON": "#4c72b0", "ORG": "#dd8452", "PLACE": "#55a868", "NORP": "#c44e52",
                 "FAC": "#8172b3", "EVENT": "#937860", "LAW": "#da8bc3", "PRODUCT": "#8c8c8c",
                 "WORK_OF_ART": "#ccb974", "LANGUAGE": "#64b5cd"}
#: Light backgrounds behind black text (displaCy's marks, the mention explorer).
HIGHLIGHT_COLOURS = {"PERSON": "#aec7e8", "ORG": "#ffbb78", "PLACE": "#98df8a", "NORP": "#ff9896",
                     "FAC": "#c5b0d5", "EVENT": "#c49c94", "LAW": "#f7b6d2", "PRODUCT": "#c7c7c7",
                     "WORK_OF_ART": "#dbdb8d", "LANGUAGE": "#9edae5"}


# --------------------------------------------------------------------------- notebook parameters


def labels_param(labels) -> tuple[str, ...]:
    """Check the ``labels`` parameter: a comma-separated string (or a list) of labels.

    Raises:
        ParameterError: empty, or naming a label that is not one of :data:`LABELS`.
    """
    items = labels.split(",") if isinstance(labels, str) else list(labels or ())
    out = tuple(dict.fromkeys(str(x).strip().upper() for x in items if str(x).strip()))
    if not out:
        raise ParameterError(f"labels: give at least one label, e.g. {','.join(DEFAULT_LABELS)}")
    bad = [x for x in out if x not in LABELS]
    if bad:
        raise ParameterError(f"labels: {', '.join(bad)} is not a label; use any of "
                             f"{', '.join(LABELS)} separated by commas")
    return out


def flag_param(name: str, value) -> bool:
    """Check a yes/no parameter (kept for callers; see :func:`newsbench.notebook.bool_param`)."""
    from ..notebook import bool_param

    return bool_param(name, value)


def check_labels(labels) -> tuple[str, ...] | None:
    """``labels`` as a tuple (a string is checked with :func:`labels_param`), or None for all."""
    if labels is None:
        return None
    if isinstance(labels, str):
        return labels_param(labels)
    return tuple(labels)


# --------------------------------------------------------------------------- counts


def demonyms_as_countries(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions with each demonym (a NORP such as "Russian" or "Syrians") counted as its country.

    The country takes the name its PLACE entity has in the same article, else its usual name
    (``Russia``). Off unless asked for: "Russian" is not always "Russia".

    Returns:
        A copy of ``mentions`` with ``entity`` and ``label`` changed for those rows and a
        boolean column ``via_demonym`` saying which rows were changed.
    """
    out = mentions.copy()
    out["via_demonym"] = False
    if out.empty or "country" not in out.columns:
        return out
    names = gazetteer.country_names()
    place_rows = out[(out["label"] == "PLACE") & out["country"].notna()]
    known = {(a, c): e for a, c, e in zip(place_rows["article_id"], place_rows["country"],
                                          place_rows["entity"])}
    hit = (out["label"] == "NORP") & out["country"].notna()
    new_entity = [known.get((a, c), names.get(c, c))
                  for a, c in zip(out.loc[hit, "article_id"], out.loc[hit, "country"])]
    out.loc[hit, "entity"] = pd.array(new_entity, dtype="string")
    out.loc[hit, "label"] = "PLACE"
    out.loc[hit, "via_demonym"] = True
    return out


def _chosen(mentions: pd.DataFrame, labels, merge_demonyms: bool) -> pd.DataFrame:
    labels = check_labels(labels)
    df = demonyms_as_countries(mentions) if merge_demonyms else mentions
    return df if labels is None else df[df["label"].isin(labels)]


def entity_counts(mentions: pd.DataFrame, *, labels=None, merge_demonyms: bool = False,
                  min_mentions: int = 1) -> pd.DataFrame:
    """How often each entity is mentioned.

    Args:
        mentions: the ``mentions`` frame (one article or many).
        labels: keep these labels only (a list, or a comma-separated string); all by default.
        merge_demonyms: count a demonym as its country ("Russian" -> Russia); off by default.
        min_mentions: leave out entities mentioned fewer times.

    Returns:
        Frame ``entity, label, mentions, n_sentences, articles, first_sent, aliases``, most
        mentioned first (``first_sent`` is the first sentence in the first article listing it;
        ``aliases`` is the list of the forms seen, most frequent first; with
        ``merge_demonyms`` a column ``via_demonym`` counts the mentions that were demonyms).
    """
    df = _chosen(mentions, labels, merge_demonyms)
    cols = ["entity", "label", "mentions", "n_sentences", "articles", "first_sent", "aliases"]
    if merge_demonyms:
        cols.append("via_demonym")
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("mentions", "n_sentences",
                                                                   "articles", "first_sent",
                                                                   "via_demonym")
                                          else object if c == "aliases" else "string")
                             for c in cols})
    rows = []
    for (entity, label), g in df.groupby(["entity", "label"], sort=False, observed=True):
        forms = Counter(g["text"])
        row = {"entity": entity, "label": label, "mentions": len(g),
               "n_sentences": len(g[["article_id", "sent_id"]].drop_duplicates()),
               "articles": g["article_id"].nunique(), "first_sent": int(g["sent_id"].iloc[0]),
               "aliases": [f for f, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]}
        if merge_demonyms:
            row["via_demonym"] = int(g["via_demonym"].sum())
        rows.append(row)
    out = pd.DataFrame(rows)
    out = out[out["mentions"] >= min_mentions]
    out = out.sort_values(["mentions", "first_sent", "entity"], ascending=[False, True, True])
    return out.reset_index(drop=True).astype({"entity": "string", "label": "string"})


def model_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """The model's own counts: each distinct span text and label as spaCy gave them, before any
    cleaning or merging (dateline places the model missed are left out).

    Returns:
        Frame ``model_text, model_label, mentions``, most frequent first.
    """
    df = mentions.dropna(subset=["model_text", "model_label"]) if len(mentions) else mentions
    if df.empty:
        return pd.DataFrame({"model_text": pd.Series(dtype="string"),
                             "model_label": pd.Series(dtype="string"),
                             "mentions": pd.Series(dtype="int64")})
    out = (df.groupby(["model_text", "model_label"], observed=True).size()
           .rename("mentions").reset_index()
           .sort_values(["mentions", "model_text"], ascending=[False, True]))
    return out.reset_index(drop=True)


def cooccurrences(mentions: pd.DataFrame, *, unit: str = "sentence", labels=None,
                  merge_demonyms: bool = False, min_count: int = 1) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence (or paragraph).

    Args:
        mentions: the ``mentions`` frame (one article or many).
        unit: ``sentence`` or ``paragraph``.
        labels: keep entities with these labels only; all by default.
        merge_demonyms: count a demonym as its country first.
        min_count: leave out pairs seen together fewer times.

    Returns:
        Frame ``entity_a, label_a, entity_b, label_b, count, units`` (``entity_a`` <
        ``entity_b``; ``count`` is the number of sentences or paragraphs naming both, however
        often each is named in it; ``units`` is the list of them as ``article_id:id``), most
        frequent first.

    Raises:
        ParameterError: ``unit`` is not one of :data:`UNITS`.
    """
    if unit not in UNITS:
        raise ParameterError(f"unit: '{unit}' is not allowed; use one of {', '.join(UNITS)}")
    df = _chosen(mentions, labels, merge_demonyms)
    key = "sent_id" if unit == "sentence" else "para_id"
    pairs: dict[tuple, list] = defaultdict(list)
    label_of = {}
    for (aid, uid), g in df.groupby(["article_id", key], sort=True, observed=True):
        ents = sorted(set(zip(g["entity"], g["label"])))
        for e, lab in ents:
            label_of[e] = lab
        for x in range(len(ents)):
            for y in range(x + 1, len(ents)):
                pairs[(ents[x][0], ents[y][0])].append(f"{aid}:{uid}")
    rows = [{"entity_a": a, "label_a": label_of[a], "entity_b": b, "label_b": label_of[b],
             "count": len(u), "units": u} for (a, b), u in pairs.items()
            if len(u) >= min_count]
    cols = ["entity_a", "label_a", "entity_b", "label_b", "count", "units"]
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else
                                          object if c == "units" else "string") for c in cols})
    out = pd.DataFrame(rows, columns=cols).sort_values(["count", "entity_a", "entity_b"],
                                                       ascending=[False, True, True])
    return out.reset_index(drop=True).astype({c: "string" for c in cols
                                              if c not in ("count", "units")})


def entity_table(entities: pd.DataFrame, *, labels=None, min_mentions: int = 1) -> pd.DataFrame:
    """The entities frame for reading: the columns a reader checks, filtered.

    Returns:
        Frame ``entity, label, mentions, n_sentences, first_sent, sentiment, aliases,
        label_source, model_labels, model_label_counts`` (led by ``article_id`` for several
        articles), most mentioned first; the list columns as lists (:func:`report_table`
        shows them joined: "PERSON 3, ORG 1").
    """
    labels = check_labels(labels)
    df = entities if labels is None else entities[entities["label"].isin(labels)]
    df = df[df["mentions"] >= min_mentions]
    cols = with_article(df, ["entity", "label", "mentions", "n_sentences", "first_sent",
                             "sentiment", "aliases", "label_source", "model_labels",
                             "model_label_counts"])
    return df[[c for c in cols if c in df.columns]].reset_index(drop=True)


# --------------------------------------------------------------------------- highlighting


def highlight_html(text: str, mentions: pd.DataFrame, *, labels=None,
                   article_id: str | None = None) -> str:
    """The article as HTML with each mention marked by its label (spaCy's displaCy), and, where
    the mention's words differ from its entity's name, the entity it was counted as.

    The article text, labels and names are HTML-escaped: nothing in the article can run as
    script or markup.

    Args:
        text: the article text the mentions' offsets index.
        mentions: the ``mentions`` frame of that article (or of a corpus, with ``article_id``).
        labels: mark only these labels; all by default.
        article_id: the article ``text`` is, when ``mentions`` holds several.

    Returns:
        An HTML fragment (``<div class="entities">...``).

    Raises:
        ParameterError: ``mentions`` holds several articles and ``article_id`` is not given.
    """
    from spacy import displacy

    labels = check_labels(labels)
    if article_id is not None:
        mentions = mentions[mentions["article_id"] == article_id]
    elif several_articles(mentions):
        raise ParameterError("highlight_html: the mentions cover several articles; pass "
                             "article_id= for the one whose text this is")
    df = mentions if labels is None else mentions[mentions["label"].isin(labels)]
    ents, colours, last_end = [], {}, -1
    for row in df.sort_values("start").itertuples():
        if row.start < last_end:  # never nest or overlap marks
            continue
        tag = str(row.label)
        if gazetteer.fold(row.text) != gazetteer.fold(row.entity):
            tag = f"{tag} → {row.entity}"
        tag = html.escape(tag, quote=True)
        colours[tag.upper()] = HIGHLIGHT_COLOURS.get(str(row.label), "#dddddd")
        ents.append({"start": int(row.start), "end": int(row.end), "label": tag})
        last_end = row.end
    out = displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                          jupyter=False, options={"colors": colours})
    _assert_escaped(out, text)
    return out


def _assert_escaped(out: str, text: str) -> None:
    # displaCy escapes the text today; this guards against a future version that does not.
    if "<" in text and re.search(r"<\s*(script|img|iframe|svg|object|embed|style|a)\b", out, re.I):
        raise RuntimeError("highlighted text was not HTML-escaped; refusing to return it")


def _mention_line(r, sent, label: str, where: str) -> str:
    e = html.escape
    a, b = int(r.start) - int(sent["start"]), int(r.end) - int(sent["start"])
    text = str(sent["text"])
    marked = (f"{e(text[:a])}<mark style=\"background:{HIGHLIGHT_COLOURS.get(label, '#ddd')}\">"
              f"{e(text[a:b])}</mark>{e(text[b:])}")
    model = (f"model: &ldquo;{e(str(r.model_text))}&rdquo; {e(str(r.model_label))}"
             if isinstance(r.model_text, str) else "model: missed (found in the dateline)")
    how = r.merged_by if isinstance(r.merged_by, str) else ""
    how = f"; joined as {e(how)}" if how else ""
    return (f'<div style="margin:3px 0"><span style="color:#777">{where}</span> '
            f'{marked} <span style="color:#777;font-size:0.9em">({model}{how})</span>'
            "</div>")


def entity_mentions_html(an, entity: str) -> str:
    """Every mention of ``entity`` in its sentence, marked, with what the model said and how the
    mention joined the entity (escaped HTML).

    Args:
        an: an :class:`~newsbench.Analysis` (one article or a corpus: each mention is shown
            in its own article's sentence, named by the article where there are several).
        entity: a canonical entity name (``an.entities.entity``).
    """
    e = html.escape
    m = an.mentions[an.mentions["entity"] == entity]
    if m.empty:
        return f"<p>{e(entity)} is not mentioned.</p>"
    sents = {sentence_key(s): {"start": s.start, "text": s.text}
             for s in an.sentences.itertuples()}
    label = str(m["label"].iloc[0])
    several = several_articles(an.sentences)  # then say which article each mention is in
    n_sent = len({sentence_key(r) for r in m.itertuples()})
    rows = [f"<p><b>{e(entity)}</b> ({e(label)}): {len(m)} mention(s) in "
            f"{n_sent} sentence(s)</p>"]
    for r in m.itertuples():
        where = f"{e(str(r.article_id))} #{int(r.sent_id)}" if several else f"#{int(r.sent_id)}"
        rows.append(_mention_line(r, sents[sentence_key(r)], label, where))
    return "\n".join(rows)
