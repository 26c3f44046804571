"""Frame sets: one file per frame for a whole run (``newsbench analyze --format csv|json``),
staged and published as one unit, each file carrying the run's id, so a set mixing two runs is
refused on read."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path

import pandas as pd

from . import schema
from .errors import CacheError, ParameterError
from .fsutil import NoSpaceError, is_no_space, staged_files

#: The column every file of a frame set carries: the id of the run that wrote the set.
RUN_ID_COL = "run_id"
SET_RUN_FILE = "run.json"
SET_FORMATS = ("csv", "json")


def new_run_id() -> str:
    """A run id: UTC time, then random hex (sorts by time, unique across machines)."""
    return f"{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


def write_frame_set(frames: dict[str, pd.DataFrame], run: dict, out: Path | str,
                    fmt: str) -> list[Path]:
    """Write ``out/<frame>.<fmt>`` for every frame, and ``out/run.json``, as one unit.

    Every file is written into a staging folder inside ``out`` first; only once all of them
    are complete are they moved into place, ``run.json`` last, under ``out``'s lock
    (:func:`newsbench.fsutil.staged_files`): a full disk or a failure leaves the previous set
    whole, and two runs writing ``out`` at once publish one after the other. Each frame file
    carries a last column ``run_id``; ``run.json`` records the same ``run_id`` and each file's
    row count, so a reader (:func:`read_frame_set`) can tell a set from two runs.

    Args:
        frames: the frames by name (``schema.FRAMES``).
        run: the run record (parameters, versions ...) for ``run.json``.
        out: the folder (created if needed).
        fmt: ``csv`` or ``json`` (JSON: a list of records, dates ISO 8601, list columns as
            arrays; CSV: list columns as the joined strings of earlier versions,
            :func:`newsbench.views.frames.joined`: ``aliases`` "Barack Obama; Obama",
            ``model_labels`` "PERSON 3, ORG 1" without a ``model_label_counts`` column).

    Returns:
        The published paths, frames first, ``run.json`` last.

    Raises:
        NoSpaceError: the disk is full (nothing in ``out`` replaced); CacheError: ``out``
        cannot be created.
    """
    if fmt not in SET_FORMATS:
        raise ParameterError(f"format '{fmt}': a frame set is one of {', '.join(SET_FORMATS)}")
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if is_no_space(exc):
            raise NoSpaceError(out) from None
        raise CacheError(f"--out {out}: cannot create the folder ({exc.strerror}); "
                         "choose another") from None
    run_id = new_run_id()
    files = {}
    names = []
    with staged_files(out, last=(SET_RUN_FILE,)) as stage:
        for name, df in frames.items():
            df = df.assign(**{RUN_ID_COL: pd.array([run_id] * len(df), dtype="string")})
            target = stage / f"{name}.{fmt}"
            if fmt == "csv":
                schema.joined(df).to_csv(target, index=False)
            else:
                df.to_json(target, orient="records", date_format="iso", force_ascii=False,
                           indent=1)
            files[target.name] = {"rows": len(df)}
            names.append(target.name)
        record = {**run, RUN_ID_COL: run_id, "files": files}
        (stage / SET_RUN_FILE).write_text(json.dumps(record, indent=1, sort_keys=True,
                                                     default=str), encoding="utf-8")
    return [out / n for n in names] + [out / SET_RUN_FILE]


def _read_set_file(path: Path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        df = pd.read_csv(path, dtype={RUN_ID_COL: "string"}, keep_default_na=True)
        # the joined strings back into lists (the one place newsbench splits them)
        return schema.split_joined(df, path.stem) if path.stem in schema.SCHEMAS else df
    return pd.read_json(path, orient="records", dtype={RUN_ID_COL: "string"})


def read_frame_set(out: Path | str, *, frames=None) -> dict[str, pd.DataFrame]:
    """The frames of a set :func:`write_frame_set` wrote, refusing a set of two runs.

    Args:
        out: the folder.
        frames: the frame names to read (default: every file ``run.json`` lists).

    Returns:
        ``{frame: DataFrame}`` as read by pandas, the ``run_id`` column kept; list columns
        as lists (JSON arrays; CSV strings split by :func:`newsbench.schema.split_joined`,
        ``model_label_counts`` restored from "PERSON 3, ORG 1").

    Raises:
        CacheError: a file from another run than ``run.json`` (an interrupted or concurrent
        write), a file missing or with another row count than recorded; the message says to
        rerun ``newsbench analyze``. Sets written before run ids existed are read unchecked.
    """
    out = Path(out)
    try:
        record = json.loads((out / SET_RUN_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CacheError(f"{out}: no {SET_RUN_FILE}, not a set of frames newsbench analyze "
                         "wrote; run newsbench analyze PATH --out DIR --format csv") from None
    except ValueError:
        raise CacheError(f"{out / SET_RUN_FILE} is unreadable; rerun newsbench analyze "
                         f"--out {out}") from None
    listed = record.get("files") or {}
    run_id = record.get(RUN_ID_COL)
    if frames is None:
        wanted = list(listed) or sorted(p.name for p in out.iterdir()
                                        if p.suffix[1:] in SET_FORMATS and p.is_file())
    else:
        wanted = []
        for name in frames:
            found = [f"{name}.{f}" for f in SET_FORMATS if (out / f"{name}.{f}").is_file()]
            wanted.append(found[0] if found else f"{name}.{SET_FORMATS[0]}")
    fix = f"rerun newsbench analyze with --out {out} to write a whole set"
    result = {}
    for fname in wanted:
        path = out / fname
        if not path.is_file():
            raise CacheError(f"{out}: {fname} is missing from the set run {run_id} wrote; {fix}")
        df = _read_set_file(path, path.suffix[1:])
        if run_id is not None:
            # an empty file names no run (a JSON [] has no columns at all)
            ids = (set(df[RUN_ID_COL].dropna().unique()) if RUN_ID_COL in df
                   else {None} if len(df) else set())
            other = sorted(str(i) for i in ids - {run_id})
            if other:
                raise CacheError(f"{out} mixes two runs: {fname} is from run {other[0]}, "
                                 f"{SET_RUN_FILE} from run {run_id} (an interrupted or "
                                 f"concurrent write); {fix}")
            rows = listed.get(fname, {}).get("rows")
            if rows is not None and rows != len(df):
                raise CacheError(f"{out} mixes two runs: {fname} has {len(df)} rows, run "
                                 f"{run_id} wrote {rows}; {fix}")
        result[path.stem] = df
    return result


# -- helpers ---------------------------------------------------------------------------------


