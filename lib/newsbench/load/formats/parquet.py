"""Parquet tables (``.parquet``): one article a row, read a batch of rows at a time and only
the columns needed (the fields found by their common names or the caller's mapping)."""

from __future__ import annotations

from ...errors import InputFileError, one_line
from ..columns import find_columns, no_text_message
from ..rows import Rows
from ..textio import read_head

NAME = "parquet"
PUBLISHED_FROM = "table"
LIMIT = "table"
#: Rows per batch: about half a megabyte of article text at a time.
BATCH = 256


def _open(path, where: str):
    import pyarrow as pa
    import pyarrow.parquet as pq

    magic = read_head(path, where, 4, what="a Parquet table")
    if magic != b"PAR1":
        raise InputFileError(f"{where}: not a Parquet file (it does not start with PAR1); give a "
                             f"table written by pandas' to_parquet or pyarrow, or save it as .csv")
    try:
        # buffered reads: a row group's column is read a page at a time, not whole
        return pq.ParquetFile(path, buffer_size=1 << 16, pre_buffer=False)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputFileError(f"{where}: unreadable Parquet ({one_line(exc)[:200]}); write it again, "
                             f"or save it as .csv") from None


def _batches(pf, columns: list[str], where: str):
    import pyarrow as pa

    it = pf.iter_batches(batch_size=BATCH, columns=columns, use_threads=False)
    while True:
        try:
            batch = next(it)
        except StopIteration:
            return
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise InputFileError(f"{where}: unreadable Parquet ({one_line(exc)[:200]}); write it "
                                 f"again, or save it as .csv") from None
        yield {name: batch.column(i).to_pylist() for i, name in enumerate(batch.schema.names)}, batch.num_rows


def read(path, opts):
    where = opts.where
    pf = _open(path, where)
    names = pf.schema_arrow.names
    try:
        fields = find_columns(names, opts.columns, where=where)
        if "text" not in fields:
            raise InputFileError(no_text_message(where, names))
    except Exception:
        pf.close()
        raise
    wanted = [name for name in names if name in set(fields.values())]
    rows = Rows(where, fields)
    number = 0
    try:
        for data, n in _batches(pf, wanted, where):
            for k in range(n):
                number += 1
                entry = rows.entry({field: data[name][k] for field, name in fields.items()}, number)
                if entry is not None:
                    yield entry
    finally:
        pf.close()
    rows.done()
