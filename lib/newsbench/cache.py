"""Parquet cache of analyses, keyed by the text's hash, the metadata, the pipeline's version,
the model and the options. Writes are atomic: a run that dies leaves the old entry usable."""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd

from . import config, schema
from .fsutil import atomic_folder

KEY_META = ("title", "published", "source", "url", "standfirst")


def cache_key(text: str, meta: dict, article_id: str, *, model: dict, options: dict) -> str:
    """The hex digest that names an analysis in the cache."""
    payload = {
        "text": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        "meta": {k: meta.get(k) for k in KEY_META},
        "article_id": article_id,
        "pipeline": config.PIPELINE_VERSION,
        "model": model,
        "options": options,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _entry(key: str, root: Path | None = None) -> Path:
    return (root or config.cache_dir()) / "analyses" / key[:2] / key


def load(key: str, root: Path | None = None):
    """The cached frames and run record for ``key``, or ``None`` when absent or unreadable."""
    path = _entry(key, root)
    record = path / "record.json"
    if not record.is_file():
        return None
    try:
        meta = json.loads(record.read_text(encoding="utf-8"))
        frames = {name: schema.conform(pd.read_parquet(path / f"{name}.parquet"), name)
                  for name in schema.FRAMES}
    except Exception as exc:  # a damaged entry is recomputed, never fatal
        warnings.warn(f"cache entry {path} is unreadable ({type(exc).__name__}); recomputing",
                      stacklevel=2)
        return None
    return frames, meta


def store(key: str, frames: dict[str, pd.DataFrame], meta: dict, root: Path | None = None) -> None:
    """Write an entry atomically (a temporary folder renamed into place). Failures only warn."""
    final = _entry(key, root)
    try:
        # another run may store the same key first (same inputs, same frames): keep its entry
        # unless it is damaged
        with atomic_folder(final, replace=lambda old: load(key, root) is None) as tmp:
            for name, df in frames.items():
                df.to_parquet(tmp / f"{name}.parquet", index=False)
            (tmp / "record.json").write_text(json.dumps(meta, sort_keys=True, default=str),
                                             encoding="utf-8")
    except OSError as exc:
        warnings.warn(f"could not write the cache in {final.parent} ({exc.strerror}); "
                      f"set NEWSBENCH_CACHE_DIR to a writable folder", stacklevel=2)
