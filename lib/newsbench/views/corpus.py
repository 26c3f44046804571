"""Views of a whole corpus: which articles, how many per period and source, their tone with a
bootstrap band, the entities named most and when and by whom, entities named together, the
events several articles report, a term in context and over time, and near-duplicate articles.

Every view is a pure function returning a tidy frame. Entities are read by their corpus-wide
identity (``entity_id``, ``entity_name``, ``entity_label`` of the ``mentions`` frame), not by
their article-level name. Per-period views leave out undated articles (``published`` NaT) and
say how many in ``attrs["undated"]``; they carry ``attrs["granularity"]`` for the charts.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from functools import cache
from itertools import combinations, pairwise

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..unionfind import UnionFind
from .entities import labels_param

__all__ = ["CORPUS_LABELS", "GRANULARITIES", "UNKNOWN_SOURCE", "articles_per_period",
           "corpus_cooccurrences", "describe_corpus", "duplicate_ids", "duplicates_table", "entity_trends",
           "events_timeline", "filter_articles", "kwic", "mentions_by_source", "near_duplicates",
           "kwic_html", "parse_terms", "restrict", "term_trends", "tone_by", "tone_note", "top_entities"]

#: Period lengths of the per-period views (a period starts on its first day; weeks on Monday).
GRANULARITIES = ("day", "week", "month")
#: Units of :func:`corpus_cooccurrences`.
CORPUS_UNITS = ("sentence", "article")
#: Entity labels the corpus views show unless told otherwise.
CORPUS_LABELS = ("PERSON", "ORG", "PLACE")
#: What an article without a source is shown as.
UNKNOWN_SOURCE = "unknown source"

_FREQ = {"day": "D", "week": "W-MON", "month": "MS"}
_DATE = "datetime64[s]"
_WORDS = re.compile(r"\w+")
_CONTENT = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


# --------------------------------------------------------------------------- parameters


def _granularity(value, *, allow_none: bool = False):
    if value is None and allow_none:
        return None
    if value not in GRANULARITIES:
        extra = ", or None for the whole corpus" if allow_none else ""
        raise ParameterError(f"granularity: '{value}' is not allowed; use one of "
                             f"{', '.join(GRANULARITIES)}{extra}")
    return value


def _int(name: str, value, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(f"{name}: {value!r} is not allowed; give a whole number of at "
                             f"least {minimum}")
    return int(value)


def _fraction(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ParameterError(f"{name}: {value!r} is not allowed; give a number above 0 and at "
                             "most 1")
    return float(value)


def _date(name: str, value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        ts = pd.NaT
    if pd.isna(ts):
        raise ParameterError(f"{name}: {value!r} is not a date; give YYYY-MM-DD")
    return ts.normalize()


def _labels(labels):
    """None for every label, else the checked labels (a list or a comma-separated string)."""
    return None if labels is None else labels_param(labels)


def _items(value) -> list[str]:
    """A list of names from a list or a comma-separated string, stripped, without repeats."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return list(dict.fromkeys(str(x).strip() for x in items if str(x).strip()))


def parse_terms(terms) -> list[str]:
    """The ``terms`` parameter: ``"a, b"`` (or a list) as ``["a", "b"]``.

    Raises:
        ParameterError: no term is given.
    """
    out = _items(terms or ())
    if not out:
        raise ParameterError("terms: give at least one word or phrase, e.g. 'ceasefire, "
                             "sanctions'")
    return out


# --------------------------------------------------------------------------- shared helpers


def _period(dates: pd.Series, granularity: str) -> pd.Series:
    """The start of each date's period: the day, the Monday of its week, the 1st of its month."""
    d = pd.to_datetime(dates).dt.normalize()
    if granularity == "week":
        d = d - pd.to_timedelta(d.dt.day_of_week, unit="D")
    elif granularity == "month":
        d = d - pd.to_timedelta(d.dt.day - 1, unit="D")
    return d.astype(_DATE)


def _period_range(periods: pd.Series, granularity: str) -> pd.DatetimeIndex:
    """Every period from the first to the last (those without articles too)."""
    if periods.empty:
        return pd.DatetimeIndex([], dtype=_DATE, name="period")
    idx = pd.date_range(periods.min(), periods.max(), freq=_FREQ[granularity])
    return pd.DatetimeIndex(idx.astype(_DATE), name="period")


def _dated(articles: pd.DataFrame, granularity: str) -> tuple[pd.DataFrame, int]:
    """The dated articles with their ``period``, and how many were undated."""
    pub = pd.to_datetime(articles["published"], errors="coerce")
    ok = pub.notna()
    out = articles[ok].copy()
    out["period"] = _period(pub[ok], granularity)
    return out, int((~ok).sum())


def _group(articles: pd.DataFrame, by: str, param: str = "by") -> pd.Series:
    if by not in articles.columns:
        raise ParameterError(f"{param}: the articles have no column '{by}'; use e.g. source")
    unknown = UNKNOWN_SOURCE if by == "source" else f"unknown {by}"
    return articles[by].astype("string").fillna(unknown).str.strip().replace("", unknown)


def _sources(articles: pd.DataFrame) -> pd.Series:
    """Each article's source, by article_id ("unknown source" where missing)."""
    src = _group(articles, "source") if "source" in articles.columns else pd.Series(
        UNKNOWN_SOURCE, index=articles.index, dtype="string")
    return pd.Series(src.to_numpy(), index=articles["article_id"].to_numpy())


def _with_attrs(df: pd.DataFrame, **attrs) -> pd.DataFrame:
    df.attrs.update(attrs)
    return df


def _empty(columns: dict) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def _entity_rows(mentions: pd.DataFrame, labels) -> pd.DataFrame:
    """Mentions that have a corpus identity, of the chosen corpus labels."""
    labels = _labels(labels)
    df = mentions[mentions["entity_id"].notna()]
    return df if labels is None else df[df["entity_label"].isin(labels)]


def _names(mentions: pd.DataFrame) -> pd.DataFrame:
    """Each entity_id's most frequent display name and label (ties: alphabetical)."""
    df = mentions[mentions["entity_id"].notna()]
    c = (df.groupby(["entity_id", "entity_name", "entity_label"], observed=True, dropna=False)
         .size().rename("n").reset_index())
    c = c.sort_values(["entity_id", "n", "entity_name"], ascending=[True, False, True])
    return c.drop_duplicates("entity_id").set_index("entity_id")[["entity_name", "entity_label"]]


def _ranked(mentions: pd.DataFrame, labels) -> pd.DataFrame:
    """Every entity of these labels with its mentions and articles, most mentioned first."""
    cols = {"entity_id": "string", "entity_name": "string", "entity_label": "string",
            "mentions": "int64", "articles": "int64"}
    df = _entity_rows(mentions, labels)
    if df.empty:
        return _empty(cols)
    g = df.groupby("entity_id", observed=True).agg(mentions=("article_id", "size"),
                                                   articles=("article_id", "nunique"))
    out = g.join(_names(df)).reset_index()
    out = out.sort_values(["mentions", "articles", "entity_name"], ascending=[False, False, True])
    return out[list(cols)].reset_index(drop=True).astype(cols)


# --------------------------------------------------------------------------- which articles


def filter_articles(articles: pd.DataFrame, *, date_from=None, date_to=None, sources=None,
                    exclude=None) -> pd.DataFrame:
    """The articles within dates, of some sources, without some ids.

    Args:
        articles: the ``articles`` frame.
        date_from: first publication day kept (``YYYY-MM-DD`` or Timestamp), inclusive.
        date_to: last publication day kept, inclusive (the whole day).
        sources: source names kept (a list or a comma-separated string), case-insensitive;
            ``"unknown source"`` keeps articles without one.
        exclude: article ids left out (e.g. :func:`duplicate_ids`).

    Returns:
        The subset of ``articles`` (index reset). With a date bound, undated articles are left
        out and counted in ``attrs["undated"]``.

    Raises:
        ParameterError: a date is not a date, or ``date_from`` is after ``date_to``.
    """
    lo, hi = _date("date_from", date_from), _date("date_to", date_to)
    if lo is not None and hi is not None and lo > hi:
        raise ParameterError(f"date_from: {lo:%Y-%m-%d} is after date_to {hi:%Y-%m-%d}; "
                             "swap them")
    keep = pd.Series(True, index=articles.index)
    undated = 0
    if lo is not None or hi is not None:
        day = pd.to_datetime(articles["published"], errors="coerce").dt.normalize()
        undated = int(day.isna().sum())
        keep &= day.notna()
        if lo is not None:
            keep &= day >= lo
        if hi is not None:
            keep &= day <= hi
    if sources is not None:
        wanted = {s.casefold() for s in _items(sources)}
        keep &= _group(articles, "source", "sources").str.casefold().isin(wanted).to_numpy()
    if exclude is not None:
        keep &= ~articles["article_id"].isin(list(exclude))
    return _with_attrs(articles[keep.to_numpy()].reset_index(drop=True), undated=undated)


def restrict(frames: dict, article_ids) -> dict:
    """Every frame cut to the rows of some articles.

    Args:
        frames: name -> frame with an ``article_id`` column (a ``texts`` dict of article_id ->
            text is cut too; anything else is passed through).
        article_ids: the ids kept (e.g. ``filter_articles(...)["article_id"]``).

    Returns:
        A new dict with the same keys.
    """
    ids = set(pd.Series(list(article_ids), dtype="object").astype(str))
    out = {}
    for name, frame in frames.items():
        if isinstance(frame, pd.DataFrame) and "article_id" in frame.columns:
            out[name] = frame[frame["article_id"].astype(str).isin(ids)].reset_index(drop=True)
        elif isinstance(frame, dict):
            out[name] = {k: v for k, v in frame.items() if str(k) in ids}
        else:
            out[name] = frame
    return out


# --------------------------------------------------------------------------- articles and tone


def articles_per_period(articles: pd.DataFrame, *, granularity: str = "month",
                        by: str = "source") -> pd.DataFrame:
    """How many articles each source published per period.

    Args:
        articles: the ``articles`` frame (``published`` and the ``by`` column).
        granularity: ``day``, ``week`` or ``month``.
        by: the column to split by (a missing source is ``"unknown source"``).

    Returns:
        Frame ``period, <by>, n_articles``: every period from the first to the last and every
        value of ``by``, zeros included; ``attrs["undated"]`` counts undated articles left out.

    Raises:
        ParameterError: bad ``granularity`` or ``by``.
    """
    g = _granularity(granularity)
    key = _group(articles, by)
    dated, undated = _dated(articles.assign(**{by: key}), g)
    counts = dated.groupby(["period", by], observed=True).size()
    order = dated[by].value_counts().sort_index(kind="stable").sort_values(ascending=False,
                                                                           kind="stable")
    grid = pd.MultiIndex.from_product([_period_range(dated["period"], g), order.index],
                                      names=["period", by])
    out = counts.reindex(grid, fill_value=0).rename("n_articles").reset_index()
    out = out.astype({by: "string", "n_articles": "int64"})
    return _with_attrs(out, undated=undated, granularity=g)


def _bootstrap(x: np.ndarray, n_boot: int, rng: np.random.Generator) -> tuple[float, float]:
    """95% percentile interval of the mean, resampled in chunks of at most ~4M draws."""
    if len(x) < 2:
        return np.nan, np.nan
    step = max(1, 4_000_000 // len(x))
    means = np.concatenate([x[rng.integers(0, len(x), size=(min(step, n_boot - i), len(x)))]
                            .mean(axis=1) for i in range(0, n_boot, step)])
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def tone_by(articles: pd.DataFrame, *, by: str = "source", granularity: str | None = "month",
            n_boot: int = 1000, min_articles: int = 5, seed: int = 0) -> pd.DataFrame:
    """Mean article tone per source (and period), with a bootstrap band.

    Args:
        articles: the ``articles`` frame (``sentiment``, ``published`` and the ``by`` column).
        by: the column to split by (a missing source is ``"unknown source"``).
        granularity: ``day``, ``week``, ``month``, or None for one row per source over the whole
            corpus (``period`` NaT; undated articles count then).
        n_boot: bootstrap resamples.
        min_articles: fewer articles than this are flagged ``too_few``.
        seed: the bootstrap seed: the same seed gives the same bands (each group draws from
            its own stream, so adding a source does not move the others' bands).

    Returns:
        Frame ``period, <by>, n_articles, tone, low, high, too_few``: ``tone`` is the mean
        article sentiment (-1..1), ``low``/``high`` the 95% percentile interval of the mean
        (NaN with fewer than 2 articles). Articles without a score are left out.
        ``attrs``: ``undated``, ``granularity``, ``min_articles``.

    Raises:
        ParameterError: bad ``granularity``, ``by``, ``n_boot``, ``min_articles`` or ``seed``.
    """
    g = _granularity(granularity, allow_none=True)
    n_boot, min_articles = _int("n_boot", n_boot, 2), _int("min_articles", min_articles)
    seed = _int("seed", seed, 0)
    df = articles.assign(**{by: _group(articles, by)})
    df = df[pd.to_numeric(df["sentiment"], errors="coerce").notna()]
    if g is None:
        df, undated = df.assign(period=pd.Series(pd.NaT, index=df.index, dtype=_DATE)), 0
    else:
        df, undated = _dated(df, g)
    rows = []
    for (period, key), grp in df.groupby(["period", by], dropna=False, sort=True, observed=True):
        x = grp["sentiment"].to_numpy(dtype=float)
        rng = np.random.default_rng([seed, zlib.crc32(f"{period}|{key}".encode())])
        low, high = _bootstrap(x, n_boot, rng)
        rows.append({"period": period, by: key, "n_articles": len(x), "tone": float(x.mean()),
                     "low": low, "high": high, "too_few": len(x) < min_articles})
    cols = {"period": _DATE, by: "string", "n_articles": "int64", "tone": "float64",
            "low": "float64", "high": "float64", "too_few": "bool"}
    out = pd.DataFrame(rows, columns=list(cols)).astype(cols) if rows else _empty(cols)
    out = out.sort_values([by, "period"], kind="stable").reset_index(drop=True)
    return _with_attrs(out, undated=undated, granularity=g, min_articles=min_articles)


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


def _name_of(mentions: pd.DataFrame, ids) -> dict:
    names = _names(mentions[mentions["entity_id"].isin(ids)])
    return {i: (names.loc[i, "entity_name"] if i in names.index else i) for i in ids}


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
    n_src = src.value_counts().sort_index(kind="stable").sort_values(ascending=False,
                                                                     kind="stable")
    m = m[m["entity_id"].isin(top["entity_id"]) & m["article_id"].isin(src.index)]
    counts = m.assign(source=m["article_id"].map(src)).groupby(
        ["entity_id", "source"], observed=True).size()
    grid = pd.MultiIndex.from_product([top["entity_id"], n_src.index],
                                      names=["entity_id", "source"])
    out = counts.reindex(grid, fill_value=0).rename("mentions").reset_index()
    out["entity_name"] = out["entity_id"].map(dict(zip(top["entity_id"], top["entity_name"])))
    out["n_articles"] = out["source"].map(n_src).astype("int64")
    out["per_article"] = out["mentions"] / out["n_articles"]
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
            "summary": cols["summary"][first], "entity_ids": "; ".join(ids),
            "entity_names": "; ".join(str(names.get(e, e)) for e in ids),
            "n_articles": len(aids), "article_ids": "; ".join(aids),
            "sources": "; ".join(dict.fromkeys(cols["_source"][k] for k in members)),
            "event_ids": "; ".join(f"{cols['article_id'][k]}:{cols['event_id'][k]}"
                                   for k in members),
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
        article_ids, sources, event_ids`` (lists joined by "; ", reports ordered by publication,
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
    cols = {"date_start": _DATE, "date_end": _DATE, "summary": "string", "entity_ids": "string",
            "entity_names": "string", "n_articles": "int64", "article_ids": "string",
            "sources": "string", "event_ids": "string"}
    out = pd.DataFrame(rows, columns=list(cols)).astype(cols) if rows else _empty(cols)
    out = out.sort_values(["date_start", "n_articles", "date_end", "summary"],
                          ascending=[True, False, True, True]).reset_index(drop=True)
    return _with_attrs(out, undated=undated)


# --------------------------------------------------------------------------- terms


def _term_pattern(term: str) -> re.Pattern:
    term = " ".join(str(term).split())
    if not term:
        raise ParameterError("term: give a word or phrase to look for")
    body = r"\s+".join(re.escape(w) for w in term.split(" "))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def kwic(sentences: pd.DataFrame, term: str, *, width: int = 60,
         limit: int = 200) -> pd.DataFrame:
    """Every use of a word or phrase in its context (keyword in context).

    Args:
        sentences: the ``sentences`` frame (``article_id, sent_id, start, text``; ``text`` is
            ``texts[article_id][start:end]``).
        term: the word or phrase, matched as whole words, case-insensitively (any run of
            whitespace between its words matches).
        width: characters of context on each side, from the sentence.
        limit: most rows returned (``attrs["total"]`` counts every match).

    Returns:
        Frame ``article_id, sent_id, start, end, left, match, right``: ``start``/``end`` are the
        match's offsets in the article text, so ``texts[article_id][start:end] == match``
        (line breaks in ``left``/``right`` shown as spaces).

    Raises:
        ParameterError: empty ``term``, bad ``width`` or ``limit``.
    """
    pat = _term_pattern(term)
    width, limit = _int("width", width, 0), _int("limit", limit)
    text = sentences["text"].astype("string").fillna("")
    hit = text.str.contains(pat, regex=True).fillna(False).to_numpy(dtype=bool)
    rows, total = [], 0
    sub = sentences[hit].assign(text=text[hit]).sort_values(["article_id", "start"],
                                                            kind="stable")
    for aid, sid, s0, t in zip(sub["article_id"], sub["sent_id"], sub["start"], sub["text"]):
        for m in pat.finditer(t):
            total += 1
            if len(rows) < limit:
                a, b = m.span()
                rows.append({"article_id": aid, "sent_id": int(sid), "start": int(s0) + a,
                             "end": int(s0) + b, "match": m.group(0),
                             "left": t[max(0, a - width):a].replace("\n", " "),
                             "right": t[b:b + width].replace("\n", " ")})
    cols = {"article_id": "string", "sent_id": "int64", "start": "int64", "end": "int64",
            "left": "string", "match": "string", "right": "string"}
    out = pd.DataFrame(rows, columns=list(cols)).astype(cols) if rows else _empty(cols)
    return _with_attrs(out, total=total, term=term)


def term_trends(sentences: pd.DataFrame, articles: pd.DataFrame, terms, *,
                granularity: str = "month") -> pd.DataFrame:
    """How often some words or phrases are used per period, per article published then.

    Args:
        sentences: the ``sentences`` frame (``article_id``, ``text``).
        articles: the ``articles`` frame (``article_id``, ``published``).
        terms: the words or phrases (a list or a comma-separated string; see :func:`kwic`).
        granularity: ``day``, ``week`` or ``month``.

    Returns:
        Frame ``period, term, hits, n_articles, per_article``: a row per period and term, zeros
        included; ``per_article`` = hits / n_articles (NaN in a period without articles).
        ``attrs``: ``undated``, ``granularity``.

    Raises:
        ParameterError: bad ``terms`` or ``granularity``.
    """
    g = _granularity(granularity)
    terms = parse_terms(terms)
    dated, undated = _dated(articles, g)
    per = dated.groupby("period").size()
    sent = sentences[sentences["article_id"].isin(dated["article_id"])]
    text = sent["text"].astype("string").fillna("")
    period_of = sent["article_id"].map(dated.set_index("article_id")["period"])
    counts = {t: text.str.count(_term_pattern(t)).groupby(period_of).sum() for t in terms}
    grid = pd.MultiIndex.from_product([_period_range(dated["period"], g), terms],
                                      names=["period", "term"])
    flat = pd.concat(counts, names=["term", "period"]).swaplevel() if len(sent) else \
        pd.Series(dtype="int64")
    out = flat.reindex(grid, fill_value=0).rename("hits").reset_index()
    out["n_articles"] = out["period"].map(per).fillna(0).astype("int64")
    out["per_article"] = out["hits"] / out["n_articles"].where(out["n_articles"] > 0)
    out = out.astype({"term": "string", "hits": "int64"})
    return _with_attrs(out, undated=undated, granularity=g)


# --------------------------------------------------------------------------- duplicates


def _normal(text) -> str:
    return " ".join(str(text).split()).casefold() if isinstance(text, str) else ""


#: Odd 64-bit multipliers combining a shingle's word hashes (one per position in the shingle).
_MIX = np.random.default_rng(20240601).integers(1, 2**63, size=64, dtype=np.uint64) | np.uint64(1)


def _shingle_hashes(word_hashes: np.ndarray, k: int) -> list[int]:
    """The distinct k-word shingles of a text as 32-bit hashes, from its words' hashes."""
    n = len(word_hashes) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):  # wraps modulo 2**64, as intended
        h += word_hashes[j:j + n] * _MIX[j % len(_MIX)]
    h ^= h >> np.uint64(32)
    return np.unique(h & np.uint64(0xFFFFFFFF)).tolist()


def _sketches(norms: list[str], shingle: int, num_perm: int) -> dict[int, object]:
    """MinHash of each text with at least ``shingle`` words, by position.

    Each distinct word is hashed once (CRC-32, so the same text always gives the same sketch,
    whatever else is in the corpus); shingle hashes are combined from them in numpy.
    """
    from datasketch import MinHash

    docs = [_WORDS.findall(t) for t in norms]
    keep = [i for i, d in enumerate(docs) if len(d) >= shingle]
    words = [w for i in keep for w in docs[i]]
    codes, uniques = pd.factorize(pd.Series(words, dtype="object"))
    word_hash = np.array([zlib.crc32(w.encode("utf-8")) for w in uniques], dtype=np.uint64)
    hashed = word_hash[codes]
    bounds = np.cumsum([0] + [len(docs[i]) for i in keep])
    sets = (_shingle_hashes(hashed[a:b], shingle) for a, b in pairwise(bounds))
    # the shingles are already hashed: the MinHash only mixes and permutes them
    return dict(zip(keep, MinHash.bulk(sets, num_perm=num_perm, hashfunc=int)))


def _published_key(published, length: int, position: int) -> tuple:
    """Earliest published first, undated last; on one day the shorter text (a syndicated copy
    adds a credit line to the original), then the order given."""
    if published is None or pd.isna(published):
        return (1, 0, length, position)
    return (0, pd.Timestamp(published).normalize().value, length, position)


def near_duplicates(texts: dict, articles: pd.DataFrame | None = None, *, threshold: float = 0.5,
                    num_perm: int = 128, shingle: int = 5) -> pd.DataFrame:
    """Articles that are copies, or lightly edited copies, of an earlier one.

    Texts are compared by the Jaccard index of their word ``shingle``-grams, estimated with
    MinHash and found with MinHash LSH (``datasketch``); texts of fewer words are compared
    whole. Copies are grouped transitively.

    Args:
        texts: article_id -> article text.
        articles: the ``articles`` frame (``article_id``, ``published``), to find each group's
            original (the earliest published; on one day the shorter text, then the first
            given); None: the shorter text, then the first given.
        threshold: least estimated Jaccard index for two texts to be copies.
        num_perm: MinHash permutations (more: a closer estimate, slower).
        shingle: words per shingle.

    Returns:
        Frame ``article_id, duplicate_of, similarity, kind``: one row per copy (never the
        original), ``similarity`` its estimated Jaccard index with the original, ``kind``
        ``"syndicated copy"`` when its text holds the original's whole (after folding whitespace
        and case: the same story, perhaps with a credit line added), else ``"near-duplicate"``.
        Unrelated stories share almost no five-word sequences (well under 0.1) and rewrites
        of one event by two outlets rarely 0.2; a lightly edited copy keeps 0.6 or more.

    Raises:
        ParameterError: bad ``threshold``, ``num_perm`` or ``shingle``.
    """
    from datasketch import MinHashLSH

    threshold = _fraction("threshold", threshold)
    num_perm, shingle = _int("num_perm", num_perm, 16), _int("shingle", shingle)
    texts = {str(k): v for k, v in texts.items()}
    pub = {} if articles is None else dict(zip(articles["article_id"].astype(str), pd.to_datetime(
        articles["published"], errors="coerce")))
    given = {a: i for i, a in enumerate(str(a) for a in texts)}
    normal = {a: _normal(texts[a]) for a in given}
    ids = sorted(given, key=lambda a: _published_key(pub.get(a), len(normal[a]), given[a]))
    norms = [normal[a] for a in ids]
    groups = UnionFind(range(len(ids)))
    first_of: dict[str, int] = {}
    for i, t in enumerate(norms):
        if t:
            groups.union(first_of.setdefault(t, i), i)
    sketches = _sketches(norms, shingle, num_perm)
    lsh = MinHashLSH(threshold=min(threshold, 0.95), num_perm=num_perm)
    with lsh.insertion_session() as session:
        for i, mh in sketches.items():
            session.insert(i, mh)
    for i, mh in sketches.items():
        for j in lsh.query(mh):
            if j > i and mh.jaccard(sketches[j]) >= threshold:
                groups.union(i, j)
    rows = []
    for members in sorted(groups.groups()):
        orig = members[0]  # positions follow publication order
        for m in members[1:]:
            same = bool(norms[orig]) and (norms[orig] in norms[m] or norms[m] in norms[orig])
            sim = 1.0 if same or m not in sketches or orig not in sketches else \
                float(sketches[orig].jaccard(sketches[m]))
            rows.append({"article_id": ids[m], "duplicate_of": ids[orig], "similarity": sim,
                         "kind": "syndicated copy" if same else "near-duplicate"})
    cols = {"article_id": "string", "duplicate_of": "string", "similarity": "float64",
            "kind": "string"}
    return pd.DataFrame(rows, columns=list(cols)).astype(cols) if rows else _empty(cols)


def duplicate_ids(dups: pd.DataFrame) -> set[str]:
    """The ids of the copies in :func:`near_duplicates`' frame (to leave out; originals stay)."""
    return set(dups["article_id"].astype(str)) if len(dups) else set()


def _day(ts: pd.Timestamp) -> str:
    return f"{ts.day} {ts:%b %Y}"


def describe_corpus(articles: pd.DataFrame, dups: pd.DataFrame | None = None) -> str:
    """The corpus in a sentence or two: how many articles, sources, dates, undated, copies.

    Args:
        articles: the ``articles`` frame (``article_id``, ``published``, ``source``).
        dups: :func:`near_duplicates`' frame: its copies are not counted, and are said to be
            left out.

    Returns:
        Plain text, e.g. "120 articles from 4 sources, published 3 Jan 2016 to 28 Feb 2016;
        2 undated. 5 duplicates left out."
    """
    left_out = duplicate_ids(dups) if dups is not None else set()
    arts = articles[~articles["article_id"].astype(str).isin(left_out)]
    n = len(arts)
    src = arts["source"].astype("string").str.strip().replace("", pd.NA).dropna() \
        if "source" in arts.columns else pd.Series(dtype="string")
    k = src.nunique()
    pub = pd.to_datetime(arts["published"], errors="coerce")
    undated = int(pub.isna().sum())
    text = (f"{n:,} article{'s' if n != 1 else ''} from {k:,} source{'s' if k != 1 else ''}"
            + (f" ({n - len(src):,} without a source)" if len(src) < n else ""))
    if pub.notna().any():
        lo, hi = pub.min(), pub.max()
        text += f", published {_day(lo)}" + (f" to {_day(hi)}" if hi.normalize() !=
                                             lo.normalize() else "")
    text += f"; {undated:,} undated." if undated else "."
    if dups is not None:
        d = len(left_out)
        text += f" {d:,} duplicate{'s' if d != 1 else ''} left out." if d else \
            " No duplicates found."
    return text


# --------------------------------------------------------------------------- for the notebook


def duplicates_table(dups: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`near_duplicates`' frame as a reader needs it: each copy and its original with
    their outlets, dates and headlines (a frame saying so when there are none)."""
    if dups.empty:
        return pd.DataFrame({"duplicates": ["No syndicated copies or near-duplicates found."]})
    arts = articles.drop_duplicates("article_id").set_index("article_id")

    def col(ids, name):
        return [arts[name].get(i) if i in arts.index else None for i in ids]

    out = pd.DataFrame({
        "kind": dups["kind"], "copy": dups["article_id"], "copy source": col(dups["article_id"], "source"),
        "copy published": col(dups["article_id"], "published"),
        "original": dups["duplicate_of"], "original source": col(dups["duplicate_of"], "source"),
        "similarity": dups["similarity"].round(2), "headline": col(dups["article_id"], "title"),
    })
    return out.reset_index(drop=True)


def tone_note(tone: pd.DataFrame) -> str:
    """One plain sentence on which periods have too few articles to compare."""
    if tone.empty:
        return "No dated article has a tone score: nothing to compare over time."
    few = tone[tone["too_few"]]
    least = tone.attrs.get("min_articles", 5)
    if few.empty:
        return f"Every point averages at least {least} articles."
    return (f"{len(few)} of {len(tone)} points average fewer than {least} articles (hollow on "
            f"the chart): read them as single stories, not as an outlet's tone.")


def kwic_html(hits: pd.DataFrame, term: str) -> str:
    """Keyword-in-context lines as HTML (article text escaped), the match in bold."""
    import html

    e = html.escape
    total = hits.attrs.get("total", len(hits))
    if hits.empty:
        return f"<p><b>{e(term)}</b>: not used in these articles.</p>"
    shown = f" (the first {len(hits)})" if total > len(hits) else ""
    rows = "\n".join(
        f'<tr><td style="text-align:right;color:#555">{e(str(r.left))}</td>'
        f"<td><b>{e(str(r.match))}</b></td><td style=\"color:#555\">{e(str(r.right))}</td>"
        f'<td><small>{e(str(r.article_id))} @{int(r.start)}</small></td></tr>'
        for r in hits.itertuples())
    return (f"<p><b>{e(term)}</b>: {total} use(s){shown}</p>"
            f'<table style="font-size:13px">{rows}</table>')
