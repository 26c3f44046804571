"""The frames' columns and dtypes: one place, used to build, check and reload every frame.

Every column of every layer is declared here (a layer may not add undeclared columns: see
``tests/layers/test_layer_registry.py``).

Every frame carries ``article_id`` and ``start``/``end`` character offsets into the article text.
"""

from __future__ import annotations

import pandas as pd

from .structure import ROLES

STR = "string"
INT = "int64"
FLOAT = "float64"
DATE = "datetime64[s]"  # seconds: dates far from 1970 (2999, 1200) fit, unlike nanoseconds

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
        ("title", STR), ("published", DATE), ("published_from", STR), ("source", STR),
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
        ("model_label", STR), ("label", STR), ("entity", STR),
        ("model_text", STR), ("merged_by", STR), ("country", STR),
        ("entity_id", STR), ("entity_name", STR), ("entity_label", STR),
    ],
    "entities": _SPAN + [
        ("entity", STR), ("label", STR), ("mentions", INT), ("aliases", STR),
        ("first_sent", INT), ("sentiment", FLOAT), ("sentiment_std", FLOAT),
        ("n_sentences", INT), ("model_labels", STR), ("label_source", STR), ("country", STR),
        ("entity_id", STR), ("entity_name", STR), ("entity_label", STR), ("identity_by", STR),
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
        ("summary", STR), ("entities", STR), ("timex_id", "Int64"), ("timex", STR), ("value", STR),
        ("kind", pd.CategoricalDtype(EVENT_KINDS)), ("relation", STR), ("anchor", STR),
    ],
    "quotes": _SPAN + [
        ("quote_id", INT), ("sent_id", INT), ("para_id", INT), ("quote", STR),
        ("kind", pd.CategoricalDtype(QUOTE_KINDS)), ("cue", STR), ("cue_start", "Int64"),
        ("cue_end", "Int64"), ("speaker", STR), ("speaker_start", "Int64"),
        ("speaker_end", "Int64"), ("speaker_label", STR),
        ("speaker_source", pd.CategoricalDtype(SPEAKER_SOURCES)), ("speaker_id", STR),
        ("sentiment", FLOAT), ("spoken", DATE),
    ],
    "emotions": _SPAN + [("sent_id", INT)] + [(e, INT) for e in EMOTIONS] + [("words", INT)],
}

FRAMES = tuple(SCHEMAS)

#: Each schema dtype as pandas resolves it (compared with a column's dtype before casting).
_RESOLVED = {dtype: pd.api.types.pandas_dtype(dtype)
             for cols in SCHEMAS.values() for _, dtype in cols}


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the right columns and dtypes."""
    return conform(pd.DataFrame({col: [] for col, _ in SCHEMAS[name]}), name)


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return ``df`` with the schema's columns first, in order, cast to the schema's dtypes.

    Extra columns are kept after them. A missing column is an error in newsbench itself.
    """
    schema = SCHEMAS[name]
    missing = [c for c, _ in schema if c not in df.columns]
    if missing:
        raise KeyError(f"frame '{name}' lacks columns {missing}")
    out = {}
    for col, dtype in schema:
        s = df[col]
        if s.dtype == _RESOLVED[dtype]:
            pass                      # already right (frames read back, frames conformed twice)
        elif dtype == DATE:
            s = pd.to_datetime(s, errors="coerce").astype(DATE)
        elif dtype == INT and s.isna().any():
            s = s.astype("Int64")
        else:
            s = s.astype(dtype)
        out[col] = s
    extra = [c for c in df.columns if c not in out]
    result = pd.DataFrame(out, index=pd.RangeIndex(len(df)))
    for c in extra:
        col = df[c].reset_index(drop=True)
        if pd.api.types.is_datetime64_any_dtype(col):  # one unit everywhere, so Parquet round-trips
            col = col.astype(DATE)
        result[c] = col
    return result
