"""What the corpus views share: parameter checks, periods, sources, empty frames."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ...errors import ParameterError
from ..entities import labels_param

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

def _name_of(mentions: pd.DataFrame, ids) -> dict:
    names = _names(mentions[mentions["entity_id"].isin(ids)])
    return {i: (names.loc[i, "entity_name"] if i in names.index else i) for i in ids}


def per_source(rows: pd.DataFrame, key: str, keys, articles: pd.DataFrame,
               count: str) -> pd.DataFrame:
    """``key, source, <count>, n_articles, per_article`` for every key of ``keys`` and every
    source (zeros included, sources with most articles first): how often each source's
    articles hold each key, per article of that source. ``rows`` has ``article_id`` and
    ``key``; rows of articles not in ``articles`` are left out."""
    src = _sources(articles)
    n_src = src.value_counts().sort_index(kind="stable").sort_values(ascending=False,
                                                                     kind="stable")
    rows = rows[rows[key].isin(keys) & rows["article_id"].isin(src.index)]
    counts = rows.assign(source=rows["article_id"].map(src)).groupby(
        [key, "source"], observed=True).size()
    grid = pd.MultiIndex.from_product([list(keys), n_src.index], names=[key, "source"])
    out = counts.reindex(grid, fill_value=0).rename(count).reset_index()
    out["n_articles"] = out["source"].map(n_src).astype("int64")
    out["per_article"] = out[count] / out["n_articles"]
    return out
