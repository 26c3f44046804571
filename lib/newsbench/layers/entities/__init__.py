"""Layer: every named-entity mention, merged into canonical entities with one label each.

The spaCy model's mentions are a start, not counts a researcher can publish: it tags one city
as a nationality in one sentence and a person in the next, counts a surname apart from the
full name, and splits ``US`` / ``the United States`` / ``The United States``. This layer:

1. **cleans each mention** (:mod:`.mentions`; offsets stay exact);
2. **merges mentions into entities** (:mod:`.merging`) by rules that hold on any news text;
3. **gives each entity one label** and **names it** by its fullest form (:mod:`.labels`).

The words those rules read are in :mod:`newsbench.layers.entity_vocab`.

Labels: PERSON, ORG, PLACE (the model's GPE and LOC, and FAC when it is a place), NORP, and the
model's other named kinds (FAC, EVENT, LAW, PRODUCT, WORK_OF_ART, LANGUAGE). Numbers and dates
(:data:`~newsbench.layers.entity_vocab.NON_ENTITY_LABELS`) are not entities here.

Counts, co-occurrences, tables and highlighting of these frames are views:
:mod:`newsbench.views.entities`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from ... import gazetteer
from ...identity import base_key
from ...context import Context
from ...sentiment import entity_sentiment
from ..entity_vocab import LABELS, NON_ENTITY_LABELS
from ..registry import register
from .labels import canonical, country_of, decide_label
from .merging import Union, assign_nodes
from .mentions import Mention, complete, dateline_places, model_mentions, result_clubs

__all__ = ["LABELS", "NON_ENTITY_LABELS", "build"]


def _decide(groups: dict[str, list[Mention]]) -> dict[str, list]:
    """``root node -> [label, why, place, name, country]`` for each entity."""
    decided = {}
    names_used: Counter = Counter()
    for root, ms in groups.items():
        label, why, place = decide_label(ms)
        name = canonical(ms, label, place)
        decided[root] = [label, why, place, name]
        names_used[name] += 1
    for root, info in decided.items():  # two entities with one name: say which is which
        if names_used[info[3]] > 1:
            info[3] = f"{info[3]} ({info[0]})"
    for root, ms in groups.items():
        # an entity's country: a country's own code, or the one its demonyms agree on
        label, _why, place, _name = decided[root]
        codes = Counter(c for m in ms if (c := country_of(m, label, place)))
        decided[root].append(codes.most_common(1)[0][0] if codes else None)
    return decided


def _mention_rows(ctx: Context, mentions: list[Mention], uf: Union, decided) -> list[dict]:
    rows = []
    for mid, m in enumerate(mentions):
        label, _why, _place, name, country = decided[uf.find(m.node)]
        merged_by = m.merged_by
        if not merged_by and gazetteer.fold(m.text) != gazetteer.fold(name):
            merged_by = "dateline" if m.dateline else (
                "country name" if m.node.startswith("country:") else "variant")
        rows.append({
            "article_id": ctx.article_id, "start": m.start, "end": m.end, "mention_id": mid,
            "sent_id": ctx.sent_id_at(m.start), "para_id": m.para_id, "text": m.text,
            "model_label": m.model_label, "label": label, "entity": name,
            "model_text": m.model_text, "merged_by": merged_by, "country": country,
            # the article's own identity; a corpus re-resolves it (newsbench.identity)
            "entity_id": base_key(name, label, country), "entity_name": name,
            "entity_label": label,
        })
    return rows


def _entity_rows(ctx: Context, groups, decided, rows: list[dict]) -> list[dict]:
    by_entity: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_entity[row["entity"]].append(row)
    erows = []
    for root in groups:
        label, why, _place, name, country = decided[root]
        sub = by_entity[name]
        aliases = sorted(Counter(r["text"] for r in sub).items(), key=lambda kv: (-kv[1], kv[0]))
        model_labels = Counter(r["model_label"] for r in sub if r["model_label"]).most_common()
        erows.append({
            "article_id": ctx.article_id, "start": sub[0]["start"], "end": sub[0]["end"],
            "entity": name, "label": label, "mentions": len(sub),
            "aliases": [a for a, _ in aliases],
            "first_sent": min(r["sent_id"] for r in sub),
            # filled over the whole batch by _finish
            "sentiment": None, "sentiment_std": None, "n_sentences": None,
            "model_labels": [k for k, _ in model_labels],
            "model_label_counts": [v for _, v in model_labels],
            "label_source": why, "country": country,
            "entity_id": sub[0]["entity_id"], "entity_name": name, "entity_label": label,
            "identity_by": "",
        })
    erows.sort(key=lambda r: (-r["mentions"], r["start"]))
    return erows


def _finish(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Sentiment toward each entity over the whole batch at once: the mean and spread of the
    sentences that mention it, and how many they are."""
    entities = frames["entities"]
    if entities.empty:
        return {"entities": entities}
    sent = entity_sentiment(frames["mentions"], frames["sentences"]).set_index(["article_id", "entity"])
    keys = pd.MultiIndex.from_arrays([entities["article_id"], entities["entity"]])
    got = sent.reindex(keys)
    return {"entities": entities.assign(
        sentiment=got["sentiment"].to_numpy(dtype="float64"),
        sentiment_std=got["sentiment_std"].to_numpy(dtype="float64"),
        n_sentences=got["n_sentences"].to_numpy(dtype="int64"))}


@register("entities", requires=("sentences",), assigns=("mentions", "entities"), finish=_finish)
def build(ctx: Context) -> dict:
    """Rows of the frames ``mentions`` and ``entities`` of one article.

    Returns:
        ``{"mentions": rows, "entities": rows}`` with the columns of :mod:`newsbench.schema`:
        for mentions ``model_text`` (the model's span before cleaning; empty for a dateline
        place it missed), ``merged_by`` (how the mention joined its entity: surname, short
        form, acronym, plural, completed, dateline... or empty when it reads as the entity's
        own name) and ``country`` (ISO code for a country or a demonym); for entities
        ``aliases`` (a list of the forms written, most frequent first), ``n_sentences``,
        ``model_labels`` and ``model_label_counts`` (aligned lists: the model's labels of the
        mentions, most frequent first, and how many mentions had each), ``label_source``
        (person name, dateline, gazetteer: ..., model vote) and ``country``; the entities'
        ``sentiment``, ``sentiment_std`` and ``n_sentences`` are filled per batch.
    """
    mentions = result_clubs(ctx, dateline_places(ctx, model_mentions(ctx)))
    if not mentions:
        return {"mentions": [], "entities": []}
    complete(mentions, ctx.text)
    uf = assign_nodes(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[uf.find(m.node)].append(m)
    decided = _decide(groups)
    rows = _mention_rows(ctx, mentions, uf, decided)
    return {"mentions": rows, "entities": _entity_rows(ctx, groups, decided, rows)}
