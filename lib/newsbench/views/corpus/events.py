"""The corpus timeline: dated events of all articles, one row per event however many report it."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from itertools import combinations

import numpy as np
import pandas as pd

from ...unionfind import UnionFind
from ._common import (
    _CONTENT,
    _DATE,
    _date,
    _empty,
    _fraction,
    _items,
    _name_of,
    _sources,
    _with_attrs,
)

# --------------------------------------------------------------------------- events


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "say"}


def _content_words(text) -> frozenset[str]:
    if not isinstance(text, str):
        return frozenset()
    stop = _stop_words()
    return frozenset(w for w in _CONTENT.findall(text.lower()) if len(w) > 1 and w not in stop)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _event_entities(ev: pd.DataFrame, mentions: pd.DataFrame) -> list[list[str]]:
    """Each event's entity ids: the mentions inside its [start, end) span, in text order."""
    m = mentions.loc[mentions["entity_id"].notna() & mentions["article_id"].isin(ev["article_id"]),
                     ["article_id", "start", "end", "entity_id"]]
    j = ev[["_k", "article_id", "start", "end"]].merge(m, on="article_id", suffixes=("", "_m"))
    j = j[(j["start_m"] >= j["start"]) & (j["end_m"] <= j["end"])].sort_values(["_k", "start_m"])
    out: list[list[str]] = [[] for _ in range(len(ev))]
    for k, eid in zip(j["_k"], j["entity_id"]):
        if eid not in out[k]:
            out[k].append(eid)
    return out


def _cluster_events(ev: pd.DataFrame, ents: list, words: list, similarity: float) -> list:
    """Reports of one event: same dates, a shared entity and similar words (half as similar
    with two shared entities) (union-find)."""
    groups = UnionFind(range(len(ev)))
    for idx in ev.groupby(["date_start", "date_end"], sort=False).indices.values():
        by_entity = defaultdict(list)
        for i in idx:
            for e in ents[i]:
                by_entity[e].append(i)
        seen = set()
        for members in by_entity.values():
            for x, y in combinations(members, 2):
                if (x, y) in seen or groups.find(x) == groups.find(y):
                    continue
                seen.add((x, y))
                # two shared entities halve the words' similarity needed
                need = similarity / 2 if len(set(ents[x]) & set(ents[y])) >= 2 else similarity
                if any(_jaccard(w[x], w[y]) >= need for w in words):
                    groups.union(x, y)
    return groups.groups()


def _timeline_row(cols: dict, members: list[int], ents: list, names: dict) -> dict:
    """One corpus event from its reports (positions in report order: earliest published first)."""
    members = sorted(members)
    first = members[0]
    seen = Counter(e for k in members for e in ents[k])  # each report counts an entity once
    ids = sorted(seen, key=lambda e: (-seen[e], str(names.get(e, e))))
    aids = list(dict.fromkeys(cols["article_id"][k] for k in members))
    return {"date_start": cols["date_start"][first], "date_end": cols["date_end"][first],
            "summary": cols["summary"][first], "entity_ids": list(ids),
            "entity_names": [str(names.get(e, e)) for e in ids],
            "n_articles": len(aids), "article_ids": aids,
            "sources": [str(s) for s in dict.fromkeys(cols["_source"][k] for k in members)],
            "event_ids": [f"{cols['article_id'][k]}:{cols['event_id'][k]}" for k in members],
            "_ids": set(ids)}


def _reports(events: pd.DataFrame, articles: pd.DataFrame, lo, hi) -> tuple[pd.DataFrame, int]:
    """The dated events of these articles within the dates, in report order (earliest
    published first, undated last, then by article and place), numbered ``_k``; and how many
    were undated."""
    ev = events[events["article_id"].isin(articles["article_id"])]
    undated = int(ev["date_start"].isna().sum())
    ev = ev[ev["date_start"].notna()].copy()
    ev["date_end"] = ev["date_end"].fillna(ev["date_start"])
    day = pd.to_datetime(ev["date_start"]).dt.normalize()
    keep = pd.Series(True, index=ev.index)
    if lo is not None:
        keep &= day >= lo
    if hi is not None:
        keep &= day <= hi
    pub = pd.to_datetime(articles.set_index("article_id")["published"], errors="coerce")
    ev = ev[keep].assign(_pub=lambda d: d["article_id"].map(pub),
                         _source=lambda d: d["article_id"].map(_sources(articles)))
    ev = ev.sort_values(["_pub", "article_id", "start"], na_position="last",
                        kind="stable").reset_index(drop=True)
    ev["_k"] = np.arange(len(ev))
    return ev, undated


def events_timeline(events: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame, *,
                    sentences: pd.DataFrame | None = None, entity_ids=None, date_from=None,
                    date_to=None, similarity: float = 0.3) -> pd.DataFrame:
    """The corpus's dated events, one row per event however many articles report it.

    Two reports are one event when they have the same ``date_start`` and ``date_end``, share an
    entity (the mentions inside each event's span) and have similar words: the Jaccard index of
    the lowercased content words of their summaries, or of their sentences when ``sentences``
    is given, at least ``similarity`` (half of it when they share two entities or more: two
    outlets rewriting one story keep its names more than its words). Reports are joined
    transitively.
    With ``sentences``, events of a dateline ("SAO PAULO, May 15 (Reuters)") are left out:
    they date the filing, not an event.

    Args:
        events: the ``events`` frame (``article_id, start, end, event_id, sent_id, date_start,
            date_end, summary``).
        mentions: the ``mentions`` frame (``article_id, start, end, entity_id``; names from
            ``entity_name``).
        articles: the ``articles`` frame (``article_id``, ``published``, ``source``): events of
            articles not in it are left out; the earliest published report gives the summary.
        sentences: the ``sentences`` frame (``article_id, sent_id, text``), to compare the
            reports' sentences too; optional.
        entity_ids: keep events naming any of these (a list or comma-separated string).
        date_from: keep events starting on or after this day (``YYYY-MM-DD``).
        date_to: keep events starting on or before this day.
        similarity: least Jaccard index of the words for two reports to be one event.

    Returns:
        Frame ``date_start, date_end, summary, entity_ids, entity_names, n_articles,
        article_ids, sources, event_ids`` (lists of strings, as the frames' list columns; reports ordered by publication,
        entities by how many reports name them; ``event_ids`` as ``article_id:event_id``),
        earliest first. ``attrs["undated"]`` counts undated events left out.

    Raises:
        ParameterError: bad dates, ``similarity`` or ``entity_ids``.
    """
    similarity = _fraction("similarity", similarity)
    lo, hi = _date("date_from", date_from), _date("date_to", date_to)
    wanted = set(_items(entity_ids)) if entity_ids is not None else None
    ev, undated = _reports(events, articles, lo, hi)
    if sentences is not None and "role" in sentences.columns and len(ev):
        role = sentences.set_index(["article_id", "sent_id"])["role"].astype("string")
        keys = pd.MultiIndex.from_arrays([ev["article_id"], ev["sent_id"]])
        ev = ev[(role.reindex(keys).to_numpy() != "dateline")].reset_index(drop=True)
        ev["_k"] = np.arange(len(ev))
    ents = _event_entities(ev, mentions)
    words = [[_content_words(s) for s in ev["summary"]]]
    if sentences is not None:
        text = sentences.set_index(["article_id", "sent_id"])["text"]
        keys = pd.MultiIndex.from_arrays([ev["article_id"], ev["sent_id"]])
        words.append([_content_words(t) for t in text.reindex(keys)])
    names = _name_of(mentions, sorted({e for x in ents for e in x}))
    cols = {c: ev[c].tolist() for c in ("article_id", "event_id", "date_start", "date_end",
                                        "summary", "_source")}
    rows = [_timeline_row(cols, members, ents, names)
            for members in _cluster_events(ev, ents, words, similarity)]
    if wanted is not None:
        rows = [r for r in rows if r["_ids"] & wanted]
    cols = {"date_start": _DATE, "date_end": _DATE, "summary": "string", "entity_ids": object,
            "entity_names": object, "n_articles": "int64", "article_ids": object,
            "sources": object, "event_ids": object}
    out = pd.DataFrame(rows, columns=list(cols)).astype(cols) if rows else _empty(cols)
    out = out.sort_values(["date_start", "n_articles", "date_end", "summary"],
                          ascending=[True, False, True, True]).reset_index(drop=True)
    return _with_attrs(out, undated=undated)
