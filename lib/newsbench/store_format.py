"""The store's on-disk format: Arrow schemas of the frames, partitions, file names, and the
conversions between Arrow tables and the schema's pandas dtypes (:mod:`newsbench.store`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from . import schema

#: 2: list columns (``list<string>``, ``list<int64>``) and categories for labels and sources.
FORMAT_VERSION = 2
RUN_FILE = "_run.json"
#: Undated articles' partition: year 0, month 0 (not the hive null partition, which pandas and
#: dask cannot read beside dated ones: "Cannot yet unify dictionaries with nulls").
NULL_PARTITION = "0"
#: The store's own columns: added on write, dropped on read.
KEY_COL, BATCH_COL, PARTS_COL = "analysis_key", "batch_id", "batch_parts"
ARTICLE_STORE_COLUMNS = (KEY_COL, BATCH_COL, PARTS_COL)
STORE_COLUMNS = (BATCH_COL,)  # on every frame but articles
#: The partition columns and their types (give them to readers: see the module docstring).
PARTITION_SCHEMA = pa.schema([("year", pa.int32()), ("month", pa.int32())])
PARTITIONING = ds.partitioning(PARTITION_SCHEMA, flavor="hive")
DASK_PARTITIONING = {"flavor": "hive", "schema": PARTITION_SCHEMA}

_FILE_RE = re.compile(r"^part-(\d+-[0-9a-f]+)\.parquet$")
_META_KEY = b"newsbench"

Part = tuple  # (year, month): ints, or (None, None) for undated articles


def arrow_type(dtype) -> pa.DataType:
    """The Arrow type that stores a column of ``schema.SCHEMAS`` dtype ``dtype``.

    string -> string; int64 and Int64 -> int64 (nullable); float64 -> float64;
    datetime64[s] -> timestamp[s] (Parquet keeps it as milliseconds: no seconds unit);
    a category (closed or open) -> dictionary<int32, string>; list<string> and list<int64>
    as themselves. :func:`newsbench.schema.conform` turns each back into the schema's pandas
    dtype (:func:`_to_pandas` gives list columns as Python lists, not arrays).
    """
    if isinstance(dtype, pd.CategoricalDtype) or schema.is_open_category(dtype):
        return pa.dictionary(pa.int32(), pa.string())
    table = {schema.STR: pa.string(), schema.INT: pa.int64(), "Int64": pa.int64(),
             schema.FLOAT: pa.float64(), schema.DATE: pa.timestamp("s"),
             schema.LIST_STR: pa.list_(pa.string()), schema.LIST_INT: pa.list_(pa.int64())}
    try:
        return table[str(dtype)]
    except KeyError:
        raise TypeError(f"no Arrow type for schema dtype {dtype!r}: "
                        "add it to store.arrow_type") from None


def _store_fields(frame: str) -> list[pa.Field]:
    if frame == "articles":
        return [pa.field(KEY_COL, pa.string()), pa.field(BATCH_COL, pa.string()),
                pa.field(PARTS_COL, pa.int32())]
    return [pa.field(BATCH_COL, pa.string())]


_PANDAS_META: dict[str, bytes] = {}


def _pandas_meta(frame: str) -> bytes:
    """pandas metadata for the frame (from the schema, not from a batch: the same in every file),
    so that ``pd.read_parquet`` restores the string, Int64 and category dtypes."""
    if frame not in _PANDAS_META:
        df = schema.empty(frame)
        for f in _store_fields(frame):
            df[f.name] = pd.Series([], dtype="string" if f.type == pa.string() else "int32")
        _PANDAS_META[frame] = pa.Schema.from_pandas(df, preserve_index=False).metadata[b"pandas"]
    return _PANDAS_META[frame]


def arrow_schema(frame: str, run: dict | None = None) -> pa.Schema:
    """The fixed Arrow schema of every fragment of ``frame``: the schema's columns in order, then
    the store's own (``analysis_key``, ``batch_id``, ``batch_parts`` on articles, ``batch_id``
    elsewhere); metadata: the run record (``newsbench``) and pandas dtypes (``pandas``)."""
    fields = [pa.field(col, arrow_type(dtype)) for col, dtype in schema.SCHEMAS[frame]]
    meta = {_META_KEY: json.dumps({"format_version": FORMAT_VERSION, "frame": frame,
                                   "run": run or {}}, sort_keys=True, default=str).encode(),
            b"pandas": _pandas_meta(frame)}
    return pa.schema(fields + _store_fields(frame), metadata=meta)


def _read_schema(frame: str) -> pa.Schema:
    return arrow_schema(frame).remove_metadata().append(PARTITION_SCHEMA.field("year")) \
        .append(PARTITION_SCHEMA.field("month"))


def _part_dir(part: Part) -> str:
    year, month = part
    if year is None:
        return "year=0/month=0"
    return f"year={year:04d}/month={month:02d}"


def _parse_part(year: str, month: str) -> Part | None:
    if not (year.startswith("year=") and month.startswith("month=")):
        return None
    y, m = year[5:], month[6:]
    try:
        y, m = int(y), int(m)
    except ValueError:
        return None
    return (None, None) if (y, m) == (0, 0) else (y, m)


def _part_order(part: Part):
    return (part[0] is None, part[0] or 0, part[1] or 0)


@dataclass(frozen=True)
class Fragment:
    """One file of a frame's dataset."""

    path: Path
    frame: str
    batch: str
    part: Part


def _conform(df: pd.DataFrame, frame: str, columns: list[str] | None) -> pd.DataFrame:
    if columns is None:
        return schema.conform(df, frame)
    # the casts of schema.conform, for a subset of the columns (conform wants them all)
    dtypes = dict(schema.SCHEMAS[frame])
    out = {col: schema.cast(df[col].reset_index(drop=True), dtypes[col]) for col in columns}
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def _types_mapper(t: pa.DataType):
    if t == pa.string() or t == pa.large_string():
        return pd.StringDtype()
    if t == pa.int64():
        return pd.Int64Dtype()  # nulls stay exact; conform makes it int64 when there are none
    return None


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    """The table as pandas: strings as ``string``, int64 as ``Int64``, lists as Python lists
    (pyarrow would give numpy arrays), dictionaries as categories."""
    lists = [f.name for f in table.schema
             if pa.types.is_list(f.type) or pa.types.is_large_list(f.type)]
    df = table.drop_columns(lists).to_pandas(types_mapper=_types_mapper) if lists else \
        table.to_pandas(types_mapper=_types_mapper)
    for name in lists:
        values = table.column(name).to_pylist()
        df[name] = pd.Series([[] if v is None else v for v in values], dtype=object)
    return df[table.column_names] if lists else df


_EMPTY: dict[str, pd.DataFrame] = {}


def _empty(frame: str) -> pd.DataFrame:
    if frame not in _EMPTY:
        _EMPTY[frame] = schema.empty(frame)
    return _EMPTY[frame].copy()


