"""The entities a corpus names most, their trends, who names whom, and pairs named together."""

from __future__ import annotations

import pandas as pd

from ...errors import ParameterError
from ._common import (
    CORPUS_LABELS,
    CORPUS_UNITS,
    _dated,
    _empty,
    _entity_rows,
    _granularity,
    _int,
    _items,
    _name_of,
    _names,
    _period_range,
    _ranked,
    _sources,
    _with_attrs,
    per_source,
)

# --------------------------------------------------------------------------- entities


def top_entities(mentions: pd.DataFrame, *, labels=CORPUS_LABELS, top_n: int = 10) -> pd.DataFrame:
    """The most mentioned entities of each label, by corpus identity.

    Args:
        mentions: the ``mentions`` frame (``article_id``, ``entity_id``, ``entity_name``,
            ``entity_label``).
        labels: corpus labels kept (a list or a comma-separated string); None for all.
        top_n: entities kept per label.

    Returns:
        Frame ``entity_id, entity_name, entity_label, mentions, articles`` (``articles``:
        distinct articles naming it), most mentioned first.

    Raises:
        ParameterError: a bad label or ``top_n``.
    """
    top_n = _int("top_n", top_n)
    ranked = _ranked(mentions, labels)
    out = ranked.groupby("entity_label", sort=False, observed=True).head(top_n)
    return out.reset_index(drop=True)


def _entity_choice(mentions, entity_ids, labels, top_n) -> list[str]:
    if entity_ids is not None:
        ids = _items(entity_ids)
        if not ids:
            raise ParameterError("entity_ids: give at least one id, e.g. 'country:US', or None "
                                 "for the most mentioned")
        return ids
    return _ranked(mentions, labels)["entity_id"].head(_int("top_n", top_n)).tolist()




def entity_trends(mentions: pd.DataFrame, articles: pd.DataFrame, *, entity_ids=None,
                  labels=("PERSON",), top_n: int = 5, granularity: str = "month") -> pd.DataFrame:
    """How often some entities are mentioned per period, per article published then.

    Args:
        mentions: the ``mentions`` frame (with the corpus identity columns).
        articles: the ``articles`` frame (``article_id``, ``published``): mentions of articles
            not in it, or undated, are left out.
        entity_ids: the entities to follow (a list or a comma-separated string); by default the
            ``top_n`` most mentioned of ``labels`` (``labels`` is ignored when ids are given).
        labels: corpus labels to pick the most mentioned from.
        top_n: how many entities to pick.
        granularity: ``day``, ``week`` or ``month``.

    Returns:
        Frame ``period, entity_id, entity_name, entity_label, mentions, n_articles,
        per_article``: a row for every period and entity, zeros included; ``n_articles`` is
        the number of articles published in that period, ``per_article`` = mentions /
        n_articles (NaN in a period without articles). ``attrs``: ``undated``, ``granularity``.

    Raises:
        ParameterError: bad ``granularity``, ``labels``, ``top_n`` or ``entity_ids``.
    """
    g = _granularity(granularity)
    ids = _entity_choice(mentions, entity_ids, labels, top_n)
    dated, undated = _dated(articles, g)
    per = dated.groupby("period").size()
    m = mentions.loc[mentions["entity_id"].isin(ids), ["article_id", "entity_id"]]
    m = m.merge(dated[["article_id", "period"]], on="article_id")
    counts = m.groupby(["period", "entity_id"], observed=True).size()
    grid = pd.MultiIndex.from_product([_period_range(dated["period"], g), ids],
                                      names=["period", "entity_id"])
    out = counts.reindex(grid, fill_value=0).rename("mentions").reset_index()
    labels_of = _names(mentions[mentions["entity_id"].isin(ids)])["entity_label"]
    out["entity_name"] = out["entity_id"].map(_name_of(mentions, ids))
    out["entity_label"] = out["entity_id"].map(labels_of)
    out["n_articles"] = out["period"].map(per).fillna(0).astype("int64")
    out["per_article"] = out["mentions"] / out["n_articles"].where(out["n_articles"] > 0)
    cols = ["period", "entity_id", "entity_name", "entity_label", "mentions", "n_articles",
            "per_article"]
    out = out[cols].astype({"entity_id": "string", "entity_name": "string",
                            "entity_label": "string", "mentions": "int64"})
    return _with_attrs(out, undated=undated, granularity=g)


def mentions_by_source(mentions: pd.DataFrame, articles: pd.DataFrame, *, labels=CORPUS_LABELS,
                       top_n: int = 10) -> pd.DataFrame:
    """How often each source names the most mentioned entities, per article of the source.

    Args:
        mentions: the ``mentions`` frame (with the corpus identity columns).
        articles: the ``articles`` frame (``article_id``, ``source``): mentions of articles not
            in it are left out.
        labels: corpus labels to pick the entities from; None for all.
        top_n: the entities kept, most mentioned overall first.

    Returns:
        Frame ``entity_id, entity_name, source, mentions, n_articles, per_article`` for every
        entity and source (zeros included); ``n_articles`` counts the source's articles.

    Raises:
        ParameterError: bad ``labels`` or ``top_n``.
    """
    src = _sources(articles)
    m = _entity_rows(mentions, labels)
    top = _ranked(m[m["article_id"].isin(src.index)], None).head(_int("top_n", top_n))
    out = per_source(m, "entity_id", top["entity_id"], articles, "mentions")
    out["entity_name"] = out["entity_id"].map(dict(zip(top["entity_id"], top["entity_name"])))
    cols = ["entity_id", "entity_name", "source", "mentions", "n_articles", "per_article"]
    return out[cols].astype({"entity_id": "string", "entity_name": "string",
                             "source": "string", "mentions": "int64"})


def corpus_cooccurrences(mentions: pd.DataFrame, *, unit: str = "sentence",
                         labels=CORPUS_LABELS, top_n: int = 30,
                         min_count: int = 2) -> pd.DataFrame:
    """Pairs of entities named in the same sentence (or article), across the corpus.

    Args:
        mentions: the ``mentions`` frame (``article_id``, ``sent_id`` and the identity columns).
        unit: ``sentence`` or ``article``.
        labels: corpus labels kept; None for all.
        top_n: the pairs kept, most frequent first.
        min_count: leave out pairs named together in fewer units.

    Returns:
        Frame ``a, b, a_name, b_name, count, articles``: each pair once (``a`` < ``b``, entity
        ids), ``count`` the number of sentences (or articles) naming both, ``articles`` the
        distinct articles. ``attrs["unit"]`` is the unit.

    Raises:
        ParameterError: bad ``unit``, ``labels``, ``top_n`` or ``min_count``.
    """
    if unit not in CORPUS_UNITS:
        raise ParameterError(f"unit: '{unit}' is not allowed; use one of "
                             f"{', '.join(CORPUS_UNITS)}")
    top_n, min_count = _int("top_n", top_n), _int("min_count", min_count)
    cols = {"a": "string", "b": "string", "a_name": "string", "b_name": "string",
            "count": "int64", "articles": "int64"}
    df = _entity_rows(mentions, labels)
    key = ["article_id", "sent_id"] if unit == "sentence" else ["article_id"]
    u = df[[*key, "entity_id"]].drop_duplicates()
    p = u.merge(u, on=key, suffixes=("_a", "_b"))
    p = p[p["entity_id_a"] < p["entity_id_b"]]
    if p.empty:
        return _with_attrs(_empty(cols), unit=unit)
    g = p.groupby(["entity_id_a", "entity_id_b"], observed=True).agg(
        count=("article_id", "size"), articles=("article_id", "nunique")).reset_index()
    g = g.rename(columns={"entity_id_a": "a", "entity_id_b": "b"})
    g = g[g["count"] >= min_count]
    names = _names(df)["entity_name"]
    g["a_name"], g["b_name"] = g["a"].map(names), g["b"].map(names)
    g = g.sort_values(["count", "articles", "a_name", "b_name"],
                      ascending=[False, False, True, True]).head(top_n)
    return _with_attrs(g[list(cols)].reset_index(drop=True).astype(cols), unit=unit)
