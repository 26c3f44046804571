"""What every view needs to read frames that may hold many articles, the one way a frame
is shown as a table in a notebook or report (:func:`report_table`), and list columns as the
joined strings of earlier versions (:func:`joined`)."""

from __future__ import annotations

import hashlib
import html
import re

import pandas as pd

from ..schema import joined

__all__ = ["OFFSET_COLUMNS", "joined", "offset_columns", "report_table", "sentence_key",
           "sentence_keys", "several_articles", "with_article", "word_count"]

#: Columns holding character offsets into the article text: kept in every frame (each row
#: points back to its words), left out of the tables a reader reads.
OFFSET_COLUMNS = ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end",
                  "char_start", "char_end")

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def several_articles(df: pd.DataFrame) -> bool:
    """True when ``df`` holds rows of more than one article."""
    return "article_id" in df.columns and df["article_id"].nunique() > 1


def with_article(df: pd.DataFrame, cols: list[str]) -> list[str]:
    """``cols``, led by ``article_id`` when ``df`` holds more than one article (a sentence or
    event number alone does not say where it is then)."""
    return ["article_id", *cols] if several_articles(df) else list(cols)


def sentence_key(row) -> tuple:
    """``(article_id, sent_id)`` of a row (from ``itertuples``): a sentence's place in a corpus."""
    return getattr(row, "article_id", None), int(row.sent_id)


def sentence_keys(df: pd.DataFrame) -> list[tuple]:
    """``(article_id, sent_id)`` of every row of ``df``."""
    aids = df["article_id"] if "article_id" in df.columns else [None] * len(df)
    return [(a, int(s)) for a, s in zip(aids, df["sent_id"])]


def word_count(text) -> int:
    """The words in ``text`` ("don't" is one word; punctuation and numbers' signs are none);
    0 for NA."""
    return 0 if not isinstance(text, str) else len(_WORD.findall(text))


def offset_columns(df: pd.DataFrame) -> list[str]:
    """The columns of ``df`` that hold character offsets (``start``, ``end``, ``cue_start``
    ...; never a date such as ``date_start``)."""
    return [c for c in df.columns
            if c in OFFSET_COLUMNS or (str(c).startswith("char") and
                                       pd.api.types.is_integer_dtype(df[c]))]


def _is_text(s: pd.Series) -> bool:
    return (pd.api.types.is_string_dtype(s) or pd.api.types.is_object_dtype(s)
            or isinstance(s.dtype, pd.CategoricalDtype))


#: The classes MathJax skips (version 3, as in JupyterLab, and version 2, the classic
#: Notebook): article text such as "paid $5 million ... $3 million" must not become formulas.
MATH_OFF = "mathjax_ignore tex2jax_ignore"


def no_math(markup: str) -> str:
    """``markup`` wrapped so MathJax leaves it as text (every HTML a view shows goes through
    this, or :func:`safe_html`)."""
    return f'<div class="{MATH_OFF}">{markup}</div>'


def safe_html(markup: str):
    """An IPython ``HTML`` output of ``markup`` that MathJax leaves alone (:func:`no_math`)."""
    from IPython.display import HTML

    return HTML(no_math(markup))


def report_table(df: pd.DataFrame, *, caption: str | None = None, precision: int = 2,
                 empty: str = "Nothing to list.", offsets: bool = False):
    """A frame as a table for reading: no index column, text left-aligned (long text wraps),
    numbers right-aligned with ``precision`` decimals, missing values as "n/a", list columns
    joined into text (:func:`joined`: "Barack Obama; Obama", "PERSON 3, ORG 1"), and the
    character offsets left out (they stay in the frame: pass ``offsets=True`` to show them).

    Args:
        df: any frame (a view's table).
        caption: a line above the table (what it shows).
        precision: decimals of float columns.
        empty: the caption when ``df`` has no rows (a table with no rows says so in words).
        offsets: keep the offset columns (:func:`offset_columns`).

    Returns:
        A pandas ``Styler`` (a notebook shows it as HTML; ``.to_html()`` gives the markup; the
        frame shown is ``.data``). Its ids are derived from the table, so the same frame gives
        the same HTML.
    """
    shown = df if offsets else df.drop(columns=offset_columns(df))
    shown = joined(shown.reset_index(drop=True))
    text_cols = [c for c in shown.columns if _is_text(shown[c])]
    key = hashlib.sha1(pd.util.hash_pandas_object(shown.astype("string"), index=False)
                       .to_numpy().tobytes() + repr(list(shown.columns)).encode()
                       + repr(caption).encode()).hexdigest()[:10]
    from pandas.io.formats.style import Styler

    styler = Styler(shown, uuid=key, cell_ids=False)
    styler.hide(axis="index")
    styler.set_table_attributes(f'class="{MATH_OFF}"')   # "$5 million ... $3 million" is text
    # escape: article text is shown as text, never read as markup
    styler.format(precision=precision, na_rep="n/a", thousands=None, escape="html")
    dates = [c for c in shown.columns if pd.api.types.is_datetime64_any_dtype(shown[c])
             and (shown[c].dropna() == shown[c].dropna().dt.normalize()).all()]
    if dates:  # a day is written as a day, not as midnight
        styler.format(lambda ts: f"{ts:%Y-%m-%d}", subset=dates, na_rep="n/a")
    left = [shown.columns.get_loc(c) for c in text_cols]
    styler.set_table_styles([
        {"selector": "", "props": "border-collapse:collapse;"},
        {"selector": "caption", "props": "caption-side:top;text-align:left;font-weight:bold;"
                                         "padding:4px 0;"},
        {"selector": "th", "props": "text-align:right;padding:2px 8px;vertical-align:bottom;"},
        {"selector": "td", "props": "text-align:right;padding:2px 8px;vertical-align:top;"},
        *({"selector": f"th.col{i}, td.col{i}",
           "props": "text-align:left;white-space:normal;max-width:48em;"} for i in left),
    ])
    if shown.empty:
        caption = f"{caption}: {empty}" if caption else empty
    if caption:
        styler.set_caption(html.escape(caption))
    return styler
