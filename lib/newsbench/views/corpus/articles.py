"""Which articles, how many per period and source, their tone, the corpus in a sentence."""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from ...errors import ParameterError
from ._common import (
    _DATE,
    _date,
    _dated,
    _empty,
    _granularity,
    _group,
    _int,
    _items,
    _period_range,
    _with_attrs,
)
from .duplicates import duplicate_ids

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
