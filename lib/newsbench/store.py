"""A Parquet dataset store of analysed articles: one hive-partitioned dataset per frame, written
batch by batch, resumable, never half-written.

Layout (``ROOT`` is the folder given to :class:`Store`)::

    ROOT/_run.json                                   run metadata (atomic)
    ROOT/.lock                                       the writers' lock (fsutil.locked)
    ROOT/<frame>/year=YYYY/month=MM/part-<batch_id>.parquet
    ROOT/<frame>/year=0/month=0/part-<batch_id>.parquet
                                                     (articles without a date)

one dataset per frame of :data:`newsbench.schema.FRAMES`, partitioned by the publication year
and month of the article each row belongs to (undated articles: year 0, month 0). A
batch writes at most one file per frame and partition; a frame with no rows in a batch writes
no file. Every file of a frame has the same Arrow schema (:func:`arrow_schema`).

How a batch becomes visible, and how a re-analysed article replaces its old rows:

* A full disk while writing raises :class:`newsbench.fsutil.NoSpaceError` (one line naming
  ROOT) after removing what the batch wrote: the store stays as it was.
* Every fragment is written with :func:`newsbench.fsutil.atomic_write` (temporary file whose
  name starts with ``.``, which Parquet readers skip, then a rename), the ``articles``
  fragments last. Each articles row carries the store's own columns ``analysis_key``,
  ``batch_id`` and ``batch_parts`` (how many articles fragments the batch has); every other
  frame carries ``batch_id``. A batch is *complete* once all its ``batch_parts`` articles
  fragments exist; only complete batches are read. :meth:`Store.repair` deletes the files of
  incomplete batches (an interrupted run) and of batches with an unreadable file.
* Batch ids are ``<sequence>-<random>``, the sequence one more than the highest on disk, taken
  under the store's lock, so they sort in the order batches were completed. The *live* row
  of an article is its row in the latest complete batch that holds it ("the latest batch
  wins"): writing an article again (a new analysis key) supersedes the old rows without
  touching them, atomically with the new batch's articles fragment. Superseded rows stay on
  disk (no compaction yet) and :meth:`Store.read` / :meth:`Store.lookup` never return them.
  Should the newer batch be removed by :meth:`Store.repair`, the older analysis is live again
  and its key tells the caller whether it is still wanted.

Readers outside newsbench see every file on disk: after :meth:`Store.repair` nothing partial,
but superseded rows too (drop them by keeping, per ``article_id``, the greatest ``batch_id``).
Any Parquet reader reads a frame as it is::

    pd.read_parquet("ROOT/mentions")
    dd.read_parquet("ROOT/mentions")
    ds.dataset("ROOT/mentions", partitioning="hive")
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from . import config, schema
from .errors import CacheError, ParameterError
from .fsutil import (NoSpaceError, atomic_write, is_no_space, locked as _fs_locked,
                     remove_leftovers)

from .store_format import (  # noqa: E402  the on-disk format
    ARTICLE_STORE_COLUMNS,
    BATCH_COL,
    DASK_PARTITIONING,
    FORMAT_VERSION,
    Fragment,
    KEY_COL,
    NULL_PARTITION,
    PARTITIONING,
    PARTITION_SCHEMA,
    PARTS_COL,
    Part,
    RUN_FILE,
    STORE_COLUMNS,
    _FILE_RE,
    _conform,
    _empty,
    _parse_part,
    _part_dir,
    _part_order,
    _read_schema,
    _to_pandas,
    arrow_schema,
    arrow_type,
)
from .frame_sets import (RUN_ID_COL, SET_FORMATS, SET_RUN_FILE, new_run_id,  # noqa: F401
                         read_frame_set, write_frame_set)

log = logging.getLogger(__name__)

__all__ = ["Store", "read_frame_set", "write_frame_set", "ARTICLE_STORE_COLUMNS", "BATCH_COL", "DASK_PARTITIONING", "FORMAT_VERSION", "Fragment", "KEY_COL", "NULL_PARTITION", "PARTITIONING", "PARTITION_SCHEMA", "PARTS_COL", "Part", "RUN_FILE", "STORE_COLUMNS", "arrow_schema", "arrow_type"]


_HELD = threading.local()  # the roots whose lock this thread holds (locked() is re-entrant)


class Store:
    """The Parquet dataset store under ``root`` (created on first write).

    Args:
        root: the store's folder.
        run: the run record (parameters, versions, pipeline version, model) written to
            ``_run.json`` and into every fragment's Arrow metadata; ``write_batch(run=)`` wins.

    One ``Store`` object caches what it has read of the articles dataset (only new files are
    read again), so keep one per root for a notebook or a run. Safe to share between threads.
    """

    def __init__(self, root: Path | str, *, run: dict | None = None):
        self.root = Path(root)
        self.run = dict(run) if run else {}
        self._mutex = threading.RLock()
        # articles file -> its rows (None: unreadable)
        self._art_cache: dict[str, pa.Table | None] = {}
        self._live_cache: tuple[frozenset, dict] | None = None
        self._run_written: str | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.root)!r})"

    # -- locking -------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's exclusive lock (``fsutil.locked`` on ROOT) for the ``with`` block.

        Re-entrant in one thread (``write_batch`` and ``repair`` take it too); other threads
        and processes wait. Hold it around a whole run to keep other runs out.
        """
        held = getattr(_HELD, "roots", None)
        if held is None:
            held = _HELD.roots = set()
        key = os.path.abspath(self.root)
        if key in held:
            yield
            return
        with _fs_locked(self.root):
            held.add(key)
            try:
                yield
            finally:
                held.discard(key)

    # -- listing ---------------------------------------------------------------------------

    def fragments(self, frame: str) -> list[Fragment]:
        """The files of ``frame`` on disk (complete batches or not), by batch then partition.
        Temporary files and files not named ``part-<batch_id>.parquet`` are not listed."""
        _check_frame(frame)
        return [Fragment(Path(p), frame, b, part) for p, b, part in self._list(frame)]

    def _list(self, frame: str) -> list[tuple[str, str, Part]]:
        out = []
        for ydir in _scandir(os.path.join(self.root, frame)):
            if not ydir.is_dir():
                continue
            for mdir in _scandir(ydir.path):
                part = _parse_part(ydir.name, mdir.name)
                if part is None or not mdir.is_dir():
                    continue
                for f in _scandir(mdir.path):
                    m = _FILE_RE.match(f.name)
                    if m:
                        out.append((f.path, m.group(1), part))
        out.sort(key=lambda f: (f[1], _part_order(f[2])))
        return out

    def path(self, frame: str, batch: str, part: Part) -> Path:
        """Where the fragment of ``frame`` for batch ``batch`` and partition ``part`` lives."""
        return self.root / frame / _part_dir(part) / f"part-{batch}.parquet"

    # -- the articles dataset: what is done ---------------------------------------------------

    def _read_articles_file(self, path: Path) -> pa.Table | None:
        try:
            return pq.ParquetFile(path).read(columns=["article_id", KEY_COL, PARTS_COL])
        except FileNotFoundError:
            return None
        except Exception as exc:  # unreadable: the batch is not complete; repair() removes it
            log.warning(f"store fragment {path} is unreadable ({type(exc).__name__}); its batch "
                        "is ignored until Store.repair() removes it")
            return None

    def _live(self) -> dict:
        """The state of the store from its articles files (cached; only new files are read).

        Returns a dict: ``live`` (DataFrame indexed by article_id: analysis_key, batch_id,
        part), ``complete`` (set of complete batch ids), ``dirty`` (set of (batch, part) files
        holding superseded articles), ``by_key`` (analysis_key -> (article_id, batch, part)).
        """
        listing = self._list("articles")
        names = frozenset(p for p, _, _ in listing)
        with self._mutex:
            if self._live_cache is not None and self._live_cache[0] == names:
                return self._live_cache[1]
            for gone in set(self._art_cache) - names:
                del self._art_cache[gone]
            new = [p for p, _, _ in listing if p not in self._art_cache]
            if new:
                with ThreadPoolExecutor(max_workers=min(8, len(new))) as pool:
                    for p, t in zip(new, pool.map(self._read_articles_file, new)):
                        self._art_cache[p] = t
            tables = [(Fragment(Path(p), "articles", b, part), self._art_cache.get(p))
                      for p, b, part in listing]
            state = _state(tables)
            self._live_cache = (names, state)
            return state

    def done(self) -> dict[str, str]:
        """``article_id -> analysis_key`` of every article whose analysis is fully written.

        Read from the articles dataset only (three small columns; later calls read only new
        files). Resume a run by skipping each article whose key is already here.
        """
        return dict(self._live()["done"])

    # -- writing ---------------------------------------------------------------------------

    def _next_batch_id(self) -> str:
        seqs = [int(f.batch.split("-")[0]) for f in self.fragments("articles")]
        return f"{max(seqs, default=0) + 1:08d}-{secrets.token_hex(4)}"

    def _write_fragment(self, path: Path, table: pa.Table) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda tmp: pq.write_table(table, tmp))

    def _write_run(self, run: dict) -> None:
        text = json.dumps(run, sort_keys=True, default=str)
        if self._run_written == text:
            return
        path = self.root / RUN_FILE
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        runs = record.get("runs", [])
        if not runs or json.dumps(runs[-1], sort_keys=True, default=str) != text:
            runs = [r for r in runs if json.dumps(r, sort_keys=True, default=str) != text] + [run]
        record = {"format": "newsbench-store", "format_version": FORMAT_VERSION,
                  "frames": list(schema.FRAMES),
                  "layout": "<frame>/year=YYYY/month=MM/part-<batch_id>.parquet (hive)",
                  "run": run, "runs": runs,
                  "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        atomic_write(path, json.dumps(record, indent=1, sort_keys=True, default=str))
        self._run_written = text

    def _old_format(self) -> int | None:
        """The store format of the frames under ROOT when it is older than this newsbench's
        (``_run.json`` says), else None."""
        try:
            version = self.run_info().get("format_version")
        except (OSError, ValueError):
            return None
        return version if isinstance(version, int) and version < FORMAT_VERSION else None

    def _retire_old_format(self) -> list[Path]:
        """Frames of an older store format (other column types) cannot share a dataset with
        new ones: move them to ``ROOT/_format<N>/`` (kept; Parquet readers skip ``_`` names),
        so their articles are analysed again. Under the lock; returns the folders moved."""
        old = self._old_format()
        if old is None:
            return []
        dest = self.root / f"_format{old}"
        moved = []
        for name in (*schema.FRAMES, "entity_ids.parquet", RUN_FILE):
            src = self.root / name
            if src.exists() and not (dest / name).exists():
                dest.mkdir(exist_ok=True)
                os.replace(src, dest / name)
                moved.append(dest / name)
        with self._mutex:
            self._art_cache.clear()
            self._live_cache, self._run_written = None, None
        log.warning(f"{self.root} held frames of an older newsbench (store format {old}); "
                    f"they are kept in {dest} and the articles are analysed again")
        return moved

    def _check_format(self) -> None:
        if self._old_format() is not None:
            old = self._old_format()
            raise CacheError(f"{self.root}: frames of an older newsbench (store format {old}); "
                             "rerun newsbench analyze into it to bring it up to date (the old "
                             f"frames are then kept in {self.root / f'_format{old}'})")

    def run_info(self) -> dict:
        """The content of ``_run.json`` (``{}`` when nothing was written yet)."""
        try:
            return json.loads((self.root / RUN_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def write_batch(self, frames: dict[str, pd.DataFrame], *, keys: dict[str, str],
                    run: dict | None = None) -> str:
        """Write one batch: the frames of several articles. Returns the batch id.

        Args:
            frames: every frame of ``schema.FRAMES`` (e.g. ``Analysis.frames()`` of several
                articles concatenated), with the schema's columns only.
            keys: ``article_id -> analysis_key`` for exactly the articles of the ``articles``
                frame (one row each).
            run: the run record (default: the Store's ``run``), in ``_run.json`` and in the
                fragments' metadata.

        Each fragment is written atomically, the articles fragments last: until they all exist
        the batch is not done, and a failure removes what it wrote (a killed process leaves
        orphans :meth:`repair` removes). An article already in the store is superseded: its
        old rows are no longer read. A batch of no articles writes nothing. Takes the lock.
        """
        frames = _checked(frames, keys)
        run = {"pipeline_version": config.PIPELINE_VERSION, **(self.run if run is None else run)}
        arts = frames["articles"]
        if len(arts) == 0:
            return ""
        published = arts["published"]
        parts: dict[str, Part] = {
            aid: ((None, None) if pd.isna(ts) else (int(ts.year), int(ts.month)))
            for aid, ts in zip(arts["article_id"], published)}
        part_list = sorted(set(parts.values()), key=_part_order)
        index_of = {p: i for i, p in enumerate(part_list)}
        part_no = {aid: index_of[p] for aid, p in parts.items()}
        n_parts = len(part_list)
        written: list[Path] = []
        with self.locked():
            self._retire_old_format()
            batch = self._next_batch_id()
            try:
                self.root.mkdir(parents=True, exist_ok=True)
                order = [n for n in schema.FRAMES if n != "articles"] + ["articles"]
                for name in order:
                    df = frames[name]
                    if len(df) == 0:
                        continue
                    df = df.copy()
                    df[BATCH_COL] = batch
                    if name == "articles":
                        df[KEY_COL] = df["article_id"].map(keys)
                        df[PARTS_COL] = n_parts
                    target = arrow_schema(name, run)
                    table = pa.Table.from_pandas(df, schema=target, preserve_index=False)
                    table = table.replace_schema_metadata(target.metadata)
                    codes = df["article_id"].map(part_no).to_numpy(dtype=np.int64)
                    for code in np.unique(codes):  # partitions in order, undated last
                        path = self.path(name, batch, part_list[code])
                        rows = pa.array(np.flatnonzero(codes == code))
                        self._write_fragment(path, table.take(rows))
                        written.append(path)
                self._write_run(run)   # last: a batch that failed leaves _run.json as it was
            except BaseException as exc:
                # leave the store as it was: the articles fragments go first, so the batch is
                # never complete while its other fragments are being removed
                for path in sorted(written, key=lambda p: p.parts[-4] != "articles"):
                    try:
                        path.unlink(missing_ok=True)
                    except OSError:
                        pass  # repair() removes it
                if is_no_space(exc):
                    raise NoSpaceError(self.root) from None
                raise
        return batch

    # -- reading ---------------------------------------------------------------------------

    def read(self, frame: str, *, columns: list[str] | None = None, filters=None,
             article_ids=None) -> pd.DataFrame:
        """One frame over the store: live rows only (done batches, superseded rows excluded).

        Args:
            frame: a name of ``schema.FRAMES``.
            columns: schema columns to return (default all, in the schema's order).
            filters: a ``pyarrow.dataset`` expression or pandas/pyarrow DNF filters
                (``[("label", "==", "GPE")]``); may use the partition columns ``year``/``month``.
            article_ids: only these articles (only their files are opened).

        Raises:
            CacheError: the frames are of an older store format (rerun ``newsbench analyze``).

        Returns:
            The rows conformed to the schema (``schema.conform``; with ``columns``, the same
            casts on those columns). The store's columns and the partition columns are dropped.
            Rows come batch by batch in write order, within a batch partition by partition.
        """
        _check_frame(frame)
        names = [c for c, _ in schema.SCHEMAS[frame]]
        if columns is not None:
            columns = list(columns)
            unknown = [c for c in columns if c not in names]
            if unknown:
                raise ParameterError(f"frame '{frame}' has no columns {unknown}; it has {names}")
        self._check_format()
        state = self._live()
        live = state["live"]
        if article_ids is not None:
            article_ids = [str(a) for a in (
                [article_ids] if isinstance(article_ids, str) else article_ids)]
            live = live[live.index.isin(article_ids)]
        wanted = set(zip(live[BATCH_COL], live["part"]))
        frags = [f for f in self.fragments(frame) if (f.batch, f.part) in wanted]
        if not frags:
            empty = _empty(frame)
            return empty if columns is None else empty[columns]
        dirty = any((f.batch, f.part) in state["dirty"] for f in frags)
        expr = None
        if filters is not None:
            expr = (filters if isinstance(filters, ds.Expression)
                    else pq.filters_to_expression(filters))
        if article_ids is not None:
            ids = ds.field("article_id").isin(pa.array(article_ids, pa.string()))
            expr = ids if expr is None else expr & ids
        scan = list(columns or names)
        for extra in ("article_id", BATCH_COL) if dirty else ():
            if extra not in scan:
                scan.append(extra)
        dataset = ds.dataset([str(f.path) for f in frags], schema=_read_schema(frame),
                             format="parquet", partitioning=PARTITIONING,
                             partition_base_dir=str(self.root / frame))
        try:
            scanner = dataset.scanner(columns=scan, filter=expr)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, TypeError) as exc:
            raise ParameterError(f"filters {filters!r} do not fit frame '{frame}': {exc}") from None
        try:
            table = scanner.to_table()
        except (OSError, pa.ArrowInvalid) as exc:
            raise CacheError(f"store {self.root}: cannot read frame '{frame}' ({exc}); "
                             "run Store.repair() and redo the articles it reports") from None
        if dirty:  # keep the rows whose (article_id, batch_id) is live
            joined = pc.binary_join_element_wise(table["article_id"], table[BATCH_COL], "\x1f")
            live_keys = pa.array([a + "\x1f" + b for a, b in zip(live.index, live[BATCH_COL])],
                                 pa.string())
            table = table.filter(pc.is_in(joined, value_set=live_keys))
        df = _to_pandas(table.select(columns or names))
        return _conform(df, frame, columns)

    def lookup(self, key: str) -> dict[str, pd.DataFrame] | None:
        """Every frame of the one live article whose analysis key is ``key``, or ``None``.

        The per-article cache: opens only that article's fragment of each frame (its batch and
        partition are known from the articles dataset), filtered on ``article_id``. An
        unreadable fragment, or an entry with fewer paragraphs, sentences or emotions rows than
        its articles row counts (a lost or empty fragment), warns and returns ``None`` (the
        caller re-analyses; the new batch supersedes the damaged one). So does an entry of an
        older store format (:meth:`write_batch` then moves the old frames aside).
        """
        if self._old_format() is not None:
            return None
        state = self._live()
        hit = state["by_key"].get(key)
        if hit is None:
            return None
        aid, batch, part = hit
        out = {}
        for frame in schema.FRAMES:
            path = self.path(frame, batch, part)
            try:
                table = pq.ParquetFile(path).read(columns=[c for c, _ in schema.SCHEMAS[frame]])
            except FileNotFoundError:  # the batch had no rows of this frame there
                out[frame] = _empty(frame)
                continue
            except Exception as exc:  # noqa: BLE001 (any damage: recompute, never fatal)
                log.warning(f"store fragment {path} is unreadable ({type(exc).__name__}); "
                            "recomputing")
                return None
            table = table.filter(pc.equal(table["article_id"], aid))
            out[frame] = schema.conform(_to_pandas(table), frame)
        short = _incomplete(out)
        if short:
            log.warning(f"store entry of article {aid} in {self.root} is incomplete "
                        f"({short}); recomputing")
            return None
        return out

    # -- repair ----------------------------------------------------------------------------

    def repair(self, *, full: bool = False) -> list[str]:
        """Remove what an interrupted or damaged run left; returns the removed paths (relative
        to ROOT), sorted.

        Removes temporary files (in the frames' folders and ``._run.json.*.tmp``), every file
        of an incomplete batch (one whose articles fragments are not all there: killed while
        writing), and every file of a batch with an unreadable or empty fragment (checked by
        reading each file's footer; ``full=True`` reads every file whole) or without the
        paragraphs, sentences or emotions file every article has. The articles of removed batches are no longer done (or their previous
        analysis is live again): the caller redoes them. Call it at the start of every writing
        run; takes the lock.
        """
        removed: list[Path] = []
        with self.locked():
            self._retire_old_format()  # moved aside, not removed
            removed += remove_leftovers(self.root, names=(RUN_FILE,))
            all_frags: list[Fragment] = []
            for frame in schema.FRAMES:
                base = self.root / frame
                for dirpath, _dirs, files in os.walk(base):
                    for name in files:
                        if name.startswith(".") and name.endswith(".tmp"):
                            p = Path(dirpath) / name
                            p.unlink(missing_ok=True)
                            removed.append(p)
                all_frags.extend(self.fragments(frame))
            bad_batches = set()
            with ThreadPoolExecutor(max_workers=8) as pool:
                checks = pool.map(lambda f: _readable(f.path, full), all_frags)
                for frag, ok in zip(all_frags, checks):
                    if not ok:
                        bad_batches.add(frag.batch)
            art = [f for f in all_frags if f.frame == "articles" and f.batch not in bad_batches]
            with self._mutex:
                tables = [(f, self._art_cache[str(f.path)] if str(f.path) in self._art_cache
                           else self._read_articles_file(f.path)) for f in art]
            complete = _state(tables)["complete"]
            # every article has paragraphs, sentences and emotions rows: a complete batch
            # without one of those files in a partition lost it (deleted, never written)
            present = {(f.frame, f.batch, f.part) for f in all_frags}
            for f in art:
                if f.batch in complete and any((name, f.batch, f.part) not in present
                                               for name in ALWAYS_ROWS):
                    bad_batches.add(f.batch)
            doomed = [f for f in all_frags if f.batch in bad_batches or f.batch not in complete]
            doomed.sort(key=lambda f: f.frame != "articles")  # articles first: never half-complete
            for f in doomed:
                f.path.unlink(missing_ok=True)
                removed.append(f.path)
            for frame in schema.FRAMES:  # empty partition folders
                for dirpath, dirs, files in os.walk(self.root / frame, topdown=False):
                    if Path(dirpath) != self.root / frame and not dirs and not files:
                        try:
                            os.rmdir(dirpath)
                        except OSError:
                            pass
            with self._mutex:
                self._live_cache = None
                for f in doomed:
                    self._art_cache.pop(str(f.path), None)
        return sorted(str(p.relative_to(self.root)) for p in removed)


def _scandir(path):
    try:
        with os.scandir(path) as it:
            return sorted(it, key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _check_frame(frame: str) -> None:
    if frame not in schema.SCHEMAS:
        raise ParameterError(f"unknown frame '{frame}'; frames: {', '.join(schema.FRAMES)}")


def _readable(path: Path, full: bool) -> bool:
    """The file's footer parses and it holds rows (write_batch writes no file for no rows)."""
    try:
        f = pq.ParquetFile(path)
        f.schema_arrow  # noqa: B018 (parses the schema stored in the footer)
        if f.metadata.num_rows == 0:
            return False
        if full:
            f.read()
        return True
    except FileNotFoundError:
        return True  # gone meanwhile: nothing to remove
    except Exception:
        return False


#: Frames with rows for every article: (frame, the articles column counting them).
ROW_COUNTS = (("paragraphs", "n_paragraphs"), ("sentences", "n_sentences"),
              ("emotions", "n_sentences"))
ALWAYS_ROWS = tuple(dict.fromkeys(name for name, _ in ROW_COUNTS))


def _incomplete(frames: dict[str, pd.DataFrame]) -> str:
    """What is missing from one article's frames (``""`` when nothing): its articles row, or
    rows its articles row counts (a lost or empty fragment)."""
    arts = frames["articles"]
    if len(arts) != 1:
        return f"{len(arts)} articles rows"
    row = arts.iloc[0]
    for name, col in ROW_COUNTS:
        want = row[col]
        if not pd.isna(want) and len(frames[name]) != int(want):
            return f"{name}: {len(frames[name])} rows, {int(want)} expected"
    return ""


def _state(tables: list[tuple[Fragment, pa.Table | None]]) -> dict:
    """Complete batches, live articles and dirty files from the articles files' rows.

    ``tables`` pairs each articles fragment (in batch order) with its rows (None: unreadable).
    """
    declared: dict[str, set] = {}   # batch -> the batch_parts values its files declare
    found: dict[str, int] = {}      # batch -> readable articles files
    broken: set[str] = set()
    for frag, t in tables:
        if t is None or t.num_rows == 0:
            broken.add(frag.batch)
            continue
        declared.setdefault(frag.batch, set()).update(pc.unique(t[PARTS_COL]).to_pylist())
        found[frag.batch] = found.get(frag.batch, 0) + 1
    complete = {b for b, n in found.items() if b not in broken and declared[b] == {n}}
    files = [(f, t) for f, t in tables if f.batch in complete]
    if files:
        article_id = pa.chunked_array([t["article_id"] for _, t in files], pa.string()).to_numpy()
        key = pa.chunked_array([t[KEY_COL] for _, t in files], pa.string()).to_numpy()
        file_no = np.repeat(np.arange(len(files)), [t.num_rows for _, t in files])
    else:
        article_id = key = np.array([], dtype=object)
        file_no = np.array([], dtype=np.int64)
    # files come in batch order, so an article's last row is its row in the latest batch
    last = np.flatnonzero(~pd.Series(article_id, dtype=object).duplicated(keep="last").to_numpy())
    file_of = file_no[last]
    batch = np.array([f.batch for f, _ in files] + [""], dtype=object)
    part = np.empty(len(files) + 1, dtype=object)
    part[:len(files)] = [f.part for f, _ in files]
    live_ids, live_keys = article_id[last], key[last]
    live = pd.DataFrame({KEY_COL: pd.array(live_keys, dtype=object),
                         BATCH_COL: pd.array(batch[file_of], dtype=object),
                         "part": pd.array(part[file_of], dtype=object)},
                        index=pd.Index(live_ids, dtype=object, name="article_id"))
    total = np.bincount(file_no, minlength=len(files))
    alive = np.bincount(file_of, minlength=len(files))
    dirty = {(files[i][0].batch, files[i][0].part) for i in np.flatnonzero(total != alive)}
    by_key = {k: (a, b, p)
              for a, k, b, p in zip(live_ids, live_keys, batch[file_of], part[file_of])}
    return {"live": live, "complete": complete, "dirty": dirty, "by_key": by_key,
            "done": dict(zip(live_ids.tolist(), live_keys.tolist()))}


def _checked(frames: dict[str, pd.DataFrame], keys: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The frames conformed, or a ParameterError saying what does not fit."""
    if not isinstance(frames, dict):
        raise ParameterError(f"frames: expected a dict of DataFrames, got {type(frames).__name__}")
    missing = [n for n in schema.FRAMES if n not in frames]
    unknown = [n for n in frames if n not in schema.SCHEMAS]
    if missing or unknown:
        raise ParameterError(f"write_batch needs every frame {list(schema.FRAMES)}; "
                             f"missing {missing}, unknown {unknown}")
    out = {}
    for name in schema.FRAMES:
        try:
            df = schema.conform(frames[name], name)
        except KeyError as exc:
            raise ParameterError(f"frame '{name}': {exc.args[0]}") from None
        extra = [c for c in df.columns if c not in dict(schema.SCHEMAS[name])]
        if extra:
            raise ParameterError(f"frame '{name}' has columns the schema does not declare: {extra}")
        if df["article_id"].isna().any():
            raise ParameterError(f"frame '{name}' has rows without an article_id")
        out[name] = df
    arts = out["articles"]["article_id"]
    if arts.duplicated().any():
        raise ParameterError(f"articles frame lists {sorted(set(arts[arts.duplicated()]))} twice")
    if set(arts) != set(keys):
        raise ParameterError(f"keys must name exactly the batch's articles: missing "
                             f"{sorted(set(arts) - set(keys))[:5]}, "
                             f"extra {sorted(set(keys) - set(arts))[:5]}")
    bad = [a for a, k in keys.items() if not isinstance(k, str) or not k]
    if bad:
        raise ParameterError(f"keys: empty or non-string analysis key for {bad[:5]}")
    known = set(keys)
    for name, df in out.items():
        strays = set(df["article_id"]) - known
        if strays:
            raise ParameterError(f"frame '{name}' has rows of articles not in the batch: "
                                 f"{sorted(strays)[:5]}")
    return out
