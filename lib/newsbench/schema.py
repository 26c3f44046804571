"""The frames' columns and dtypes: one place, used to build, check and reload every frame.

Every column of every layer is declared here (a layer may not add undeclared columns: see
``tests/layers/test_layer_registry.py``).

Every frame carries ``article_id`` and ``start``/``end`` character offsets into the article text.

Besides pandas dtypes, a column may be declared

- :data:`LIST_STR` / :data:`LIST_INT`: one Python ``list`` of ``str`` (``int``) per row, in an
  object column (Arrow ``list<string>`` / ``list<int64>`` in the store). :func:`conform` turns
  a missing value into ``[]`` and a tuple or numpy array into a list; it refuses a string (a
  joined string of an older version is not split: :func:`joined`, public as
  ``newsbench.views.frames.joined``, gives the joined strings, and :func:`split_joined`, the
  one place that splits, reads them back from CSV frame sets);
- a fixed ``pd.CategoricalDtype`` (a closed set: :data:`MODEL_LABEL`, :data:`ENTITY_LABEL`,
  the roles and kinds): every frame has the same categories, so frames of many articles
  concatenate as categories; a value outside the set (a custom model's label) is kept, its
  category added after the declared ones;
- :data:`CATEGORY`: an open set (``articles.source``): categories are the values present,
  sorted; :func:`conform` rebuilds them, so a concatenation conformed is a category again and
  an empty frame has one with no categories.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .structure import ROLES

STR = "string"
INT = "int64"
FLOAT = "float64"
DATE = "datetime64[s]"  # seconds: dates far from 1970 (2999, 1200) fit, unlike nanoseconds
LIST_STR = "list<string>"  # a Python list of str per row (object column)
LIST_INT = "list<int64>"   # a Python list of int per row (object column)
LIST_DTYPES = (LIST_STR, LIST_INT)
CATEGORY = "category"      # an open set of categories: the values present, sorted

#: spaCy's entity labels (OntoNotes 5, every English pipeline of spaCy's): ``model_label``.
MODEL_LABELS = ("CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY",
                "NORP", "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME",
                "WORK_OF_ART")
#: The labels newsbench gives entities (:data:`newsbench.layers.entity_vocab.LABELS`, whose
#: order breaks a tied vote; here sorted, so a categorical sorts as text does; a test keeps
#: the two equal): ``label``, ``entity_label``, ``speaker_label``.
ENTITY_LABELS = ("EVENT", "FAC", "LANGUAGE", "LAW", "NORP", "ORG", "PERSON", "PLACE",
                 "PRODUCT", "WORK_OF_ART")
MODEL_LABEL = pd.CategoricalDtype(MODEL_LABELS)
ENTITY_LABEL = pd.CategoricalDtype(ENTITY_LABELS)

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS = ("direct", "indirect", "mixed")
SPEAKER_SOURCES = ("named", "pronoun", "description", "none")
#: Event kinds: dated by their own expression, a placed duration, dated through another event,
#: or not placeable.
EVENT_KINDS = ("dated", "span", "relative", "undated")
EMOTIONS = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust",
            "negative", "positive")

_SPAN = [("article_id", STR), ("start", INT), ("end", INT)]

SCHEMAS: dict[str, list[tuple[str, object]]] = {
    "articles": _SPAN + [
        ("title", STR), ("published", DATE), ("published_from", STR), ("source", CATEGORY),
        ("url", STR), ("path", STR), ("n_paragraphs", INT), ("n_sentences", INT),
        ("sentiment", FLOAT), ("share_negative", FLOAT), ("share_positive", FLOAT),
        ("english_share", FLOAT), ("language", STR),
    ],
    "paragraphs": _SPAN + [
        ("para_id", INT), ("role", pd.CategoricalDtype(ROLES)), ("text", STR),
        ("n_sentences", INT), ("sentiment", FLOAT),
    ],
    "sentences": _SPAN + [
        ("sent_id", INT), ("para_id", INT), ("role", pd.CategoricalDtype(ROLES)), ("text", STR),
        ("sentiment", FLOAT), ("pos", FLOAT), ("neg", FLOAT), ("neu", FLOAT),
    ],
    "mentions": _SPAN + [
        ("mention_id", INT), ("sent_id", INT), ("para_id", INT), ("text", STR),
        ("model_label", MODEL_LABEL), ("label", ENTITY_LABEL), ("entity", STR),
        ("model_text", STR), ("merged_by", STR), ("country", STR),
        ("entity_id", STR), ("entity_name", STR), ("entity_label", ENTITY_LABEL),
    ],
    "entities": _SPAN + [
        # aliases: the forms written, most frequent first; model_labels: the model's labels of
        # the mentions, most frequent first, model_label_counts: how many mentions had each
        ("entity", STR), ("label", ENTITY_LABEL), ("mentions", INT), ("aliases", LIST_STR),
        ("first_sent", INT), ("sentiment", FLOAT), ("sentiment_std", FLOAT),
        ("n_sentences", INT), ("model_labels", LIST_STR), ("model_label_counts", LIST_INT),
        ("label_source", STR), ("country", STR),
        ("entity_id", STR), ("entity_name", STR), ("entity_label", ENTITY_LABEL),
        ("identity_by", STR),
    ],
    "timexes": _SPAN + [
        ("timex_id", INT), ("sent_id", INT), ("text", STR),
        ("type", pd.CategoricalDtype(TIMEX_TYPES)), ("value", STR),
        ("date_start", DATE), ("date_end", DATE), ("anchor", STR),
        ("mod", STR), ("rule", STR), ("tense", STR), ("reads", STR),
        ("span_start", DATE), ("span_end", DATE),
    ],
    "events": _SPAN + [
        ("event_id", INT), ("sent_id", INT), ("date_start", DATE), ("date_end", DATE),
        ("summary", STR), ("entities", LIST_STR), ("timex_id", "Int64"), ("timex", STR), ("value", STR),
        ("kind", pd.CategoricalDtype(EVENT_KINDS)), ("relation", STR), ("anchor", STR),
    ],
    "quotes": _SPAN + [
        ("quote_id", INT), ("sent_id", INT), ("para_id", INT), ("quote", STR),
        ("kind", pd.CategoricalDtype(QUOTE_KINDS)), ("cue", STR), ("cue_start", "Int64"),
        ("cue_end", "Int64"), ("speaker", STR), ("speaker_start", "Int64"),
        ("speaker_end", "Int64"), ("speaker_label", ENTITY_LABEL),
        ("speaker_source", pd.CategoricalDtype(SPEAKER_SOURCES)), ("speaker_id", STR),
        ("sentiment", FLOAT), ("spoken", DATE),
    ],
    "emotions": _SPAN + [("sent_id", INT)] + [(e, INT) for e in EMOTIONS] + [("words", INT)],
}

FRAMES = tuple(SCHEMAS)

#: How :func:`joined` writes a list column as one string (and :func:`split_joined` reads it):
#: the separators of the joined strings earlier versions wrote; other list columns use "; ".
JOIN_SEPARATORS = {"aliases": "; ", "entities": "; ", "model_labels": ", ", "units": ", "}
#: List columns whose counts sit in an aligned list column: joined as "PERSON 3, ORG 1".
COUNTED = {"model_labels": "model_label_counts"}


def is_open_category(dtype) -> bool:
    """Whether a schema dtype is :data:`CATEGORY` (a ``CategoricalDtype`` equals "category"
    too: compare the string)."""
    return isinstance(dtype, str) and dtype == CATEGORY


def _resolved(dtype):
    if dtype in LIST_DTYPES:
        return np.dtype(object)
    if is_open_category(dtype):
        return None  # categories depend on the values: always rebuilt
    return pd.api.types.pandas_dtype(dtype)


#: Each schema dtype as pandas resolves it (compared with a column's dtype before casting).
_RESOLVED = {dtype: _resolved(dtype) for cols in SCHEMAS.values() for _, dtype in cols}


def list_value(value, item=str) -> list:
    """One cell of a list column as a list: ``[]`` for a missing value, a list of ``item``
    for a list, tuple or array (Arrow gives arrays).

    Raises:
        TypeError: a string (a list column never holds one; an older version's joined string
        is split by :func:`split_joined` only) or any other scalar.
    """
    if isinstance(value, list) and all(type(x) is item for x in value):
        return value
    if isinstance(value, (list, tuple, np.ndarray, pd.api.extensions.ExtensionArray)):
        return [item(x) for x in value]
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, str):
        raise TypeError(f"a list column holds the string {value[:60]!r}: lists are expected "
                        "(joined strings of an older version are split by "
                        "newsbench.schema.split_joined, for CSV frame sets only)")
    raise TypeError(f"a list column holds {type(value).__name__} {value!r}: lists are expected")


def _list_column(s: pd.Series, dtype) -> pd.Series:
    item = int if dtype == LIST_INT else str
    values = s.to_numpy(dtype=object)
    if s.dtype == object and all(type(v) is list for v in values) and all(
            type(x) is item for v in values for x in v):
        return s
    return pd.Series([list_value(v, item) for v in values], index=s.index, dtype=object)


def _category(s: pd.Series, dtype: pd.CategoricalDtype) -> pd.Series:
    """``s`` in the closed set ``dtype``; values outside it keep a category of their own."""
    if isinstance(s.dtype, pd.CategoricalDtype) and s.dtype == dtype:
        return s
    present = pd.unique(s.dropna().astype(object).to_numpy())
    extra = sorted(set(map(str, present)) - set(dtype.categories))
    if extra:
        dtype = pd.CategoricalDtype([*dtype.categories, *extra])
    return s.astype(object).where(s.notna(), None).astype(dtype)


def _open_category(s: pd.Series) -> pd.Series:
    """``s`` as a category of the values present, sorted (the same dtype for the same values,
    however the frame was built, concatenated or read)."""
    values = s.astype(object).where(s.notna(), None).to_numpy(dtype=object)
    cats = sorted({str(v) for v in values if v is not None})
    values = [None if v is None else str(v) for v in values]
    return pd.Series(pd.Categorical(values, categories=pd.Index(cats, dtype="str")),
                     index=s.index)


def cast(s: pd.Series, dtype) -> pd.Series:
    """One column cast to a schema dtype (what :func:`conform` does to each column)."""
    if is_open_category(dtype):
        return _open_category(s)
    if s.dtype == _RESOLVED.get(dtype, dtype) and dtype not in LIST_DTYPES:
        return s                  # already right (frames read back, frames conformed twice)
    if dtype in LIST_DTYPES:
        return _list_column(s, dtype)
    if isinstance(dtype, pd.CategoricalDtype):
        return _category(s, dtype)
    if dtype == DATE:
        return pd.to_datetime(s, errors="coerce").astype(DATE)
    if dtype == INT and s.isna().any():
        return s.astype("Int64")
    return s.astype(dtype)


def has_dtype(s: pd.Series, dtype) -> bool:
    """Whether column ``s`` is as :func:`conform` leaves a column of schema dtype ``dtype``:
    a list column holds lists of ``str`` (``int``) only; an open category has the sorted
    values present as its categories; any other dtype is compared."""
    if dtype in LIST_DTYPES:
        item = int if dtype == LIST_INT else str
        return s.dtype == object and all(type(v) is list and all(type(x) is item for x in v)
                                         for v in s)
    if is_open_category(dtype):
        return (isinstance(s.dtype, pd.CategoricalDtype) and s.cat.categories.dtype == "str"
                and list(s.cat.categories) == sorted(set(s.dropna().astype(str))))
    return s.dtype == _RESOLVED[dtype]


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the right columns and dtypes."""
    return conform(pd.DataFrame({col: [] for col, _ in SCHEMAS[name]}), name)


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return ``df`` with the schema's columns first, in order, cast to the schema's dtypes
    (list columns as lists, categories as in the module docstring).

    Extra columns are kept after them. A missing column is an error in newsbench itself.

    Raises:
        KeyError: a column of the schema is missing.
        TypeError: a list column holds a string or a scalar (:func:`list_value`).
    """
    schema = SCHEMAS[name]
    missing = [c for c, _ in schema if c not in df.columns]
    if missing:
        raise KeyError(f"frame '{name}' lacks columns {missing}")
    out = {}
    for col, dtype in schema:
        try:
            out[col] = cast(df[col].reset_index(drop=True), dtype)
        except TypeError as exc:
            raise TypeError(f"frame '{name}', column '{col}': {exc}") from None
    extra = [c for c in df.columns if c not in out]
    result = pd.DataFrame(out, index=pd.RangeIndex(len(df)))
    for c in extra:
        col = df[c].reset_index(drop=True)
        if pd.api.types.is_datetime64_any_dtype(col):  # one unit everywhere, so Parquet round-trips
            col = col.astype(DATE)
        result[c] = col
    return result


# --------------------------------------------------------------------------- joined strings


def is_list_column(s: pd.Series) -> bool:
    """Whether ``s`` holds lists (an object column whose values are lists, tuples or arrays,
    at least one of them, the others missing)."""
    if s.dtype != object:
        return False
    found = False
    for v in s:
        if isinstance(v, (list, tuple, np.ndarray)):
            found = True
        elif not (v is None or (isinstance(v, float) and np.isnan(v))):
            return False
    return found


def joined(df: pd.DataFrame, *, sep: str | None = None) -> pd.DataFrame:
    """A copy of ``df`` with every list column joined into one string per row: the strings
    newsbench wrote before its frames had list columns, for CSV and for reading. Public as
    ``newsbench.views.frames.joined`` (and ``views.joined``)::

        from newsbench import views
        views.frames.joined(an.entities)["aliases"]     # "Barack Obama; Obama", as before

    ``aliases`` and ``entities`` are joined with "; ", ``units`` and ``model_labels`` with
    ", ", others with "; " (:data:`JOIN_SEPARATORS`); ``model_labels`` takes its counts from
    ``model_label_counts`` when the frame has it ("PERSON 3, ORG 1") and that column is
    dropped. An empty list gives "".

    Args:
        df: any frame (a schema frame or a view's table); a frame without list columns comes
            back as it is (a copy).
        sep: one separator for every list column instead of their own.

    Returns:
        The frame, its list columns as ``string`` columns, the other columns untouched.
    """
    out = df.copy()
    for col in [c for c in df.columns if is_list_column(df[c])]:
        if col not in out.columns:
            continue
        glue = sep if sep is not None else JOIN_SEPARATORS.get(col, "; ")
        counts_col = COUNTED.get(col)
        if counts_col in out.columns:
            cells = [glue.join(f"{a} {n}" for a, n in zip(list_value(x), list_value(k, int)))
                     for x, k in zip(out[col], out[counts_col])]
            out = out.drop(columns=[counts_col])
        else:
            cells = [glue.join(str(a) for a in list_value(x)) for x in out[col]]
        out[col] = pd.array(cells, dtype="string")
    return out


def split_joined(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The inverse of :func:`joined` for a frame of :data:`SCHEMAS` read from CSV: each list
    column of the schema split at its separator (an alias holding the separator itself cannot
    be told apart: the JSON frame sets keep lists exactly), ``model_labels`` "PERSON 3, ORG 1"
    split into ``model_labels`` and ``model_label_counts``. Missing and empty cells give ``[]``;
    other columns are left as they are."""
    out = df.copy()
    dtypes = dict(SCHEMAS[name])
    for col, dtype in dtypes.items():
        if dtype not in LIST_DTYPES or col not in out.columns or col in COUNTED.values():
            continue
        glue = JOIN_SEPARATORS.get(col, "; ")
        cells = [[] if not isinstance(v, str) or not v else v.split(glue) for v in out[col]]
        if col in COUNTED and COUNTED[col] not in out.columns:
            pairs = [[item.rsplit(" ", 1) for item in cell] for cell in cells]
            cells = [[p[0] for p in cell] for cell in pairs]
            counts = [[int(p[1]) if len(p) > 1 else 1 for p in cell] for cell in pairs]
            at = out.columns.get_loc(col) + 1
            out.insert(at, COUNTED[col], pd.Series(counts, index=out.index, dtype=object))
        out[col] = pd.Series(cells, index=out.index, dtype=object)
    return out
