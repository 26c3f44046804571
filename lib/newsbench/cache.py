"""The per-article cache: analyses kept in the store (:class:`newsbench.store.Store` at
:func:`newsbench.config.store_dir`), keyed by the text's hash, the metadata, the pipeline's
version, the model and the options.

There is no second copy: ``newsbench analyze --out DIR`` writes a store, and
``newsbench report --store DIR`` has the notebooks read that same store. Writes are atomic (a
batch is visible only once complete); a damaged entry is recomputed.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd

from . import config

KEY_META = ("title", "published", "source", "url", "standfirst")


def cache_key(text: str, meta: dict, article_id: str, *, model: dict, options: dict) -> str:
    """The hex digest that names an analysis: the text, metadata and id of the article, the
    pipeline version, the model and the options. A changed article gets a new key."""
    payload = {
        "text": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        "meta": {k: meta.get(k) for k in KEY_META},
        "article_id": article_id,
        "pipeline": config.PIPELINE_VERSION,
        "model": model,
        "options": options,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def analysis_key(article, *, model: dict, options: dict) -> str:
    """:func:`cache_key` of an :class:`~newsbench.load.Article`."""
    return cache_key(article.text, article.meta, article.article_id, model=model, options=options)


def _store(root: Path | None):
    from .store import Store

    return Store(root or config.store_dir())


def load(key: str, root: Path | None = None):
    """The cached frames and run record for ``key``, or ``None`` when absent or unreadable."""
    try:
        store = _store(root)
        frames = store.lookup(key)
    except OSError as exc:
        warnings.warn(f"the cache store is unreadable ({exc}); recomputing", stacklevel=2)
        return None
    if frames is None:
        return None
    return frames, store.run_info()


def store(key: str, frames: dict[str, pd.DataFrame], meta: dict, root: Path | None = None) -> None:
    """Keep one article's analysis (a batch of one). Failures only warn."""
    aids = frames["articles"]["article_id"].tolist()
    try:
        _store(root).write_batch(frames, keys={aid: key for aid in aids}, run=meta)
    except OSError as exc:
        warnings.warn(f"could not write the cache in {root or config.store_dir()} "
                      f"({exc.strerror or exc}); set NEWSBENCH_CACHE_DIR to a writable folder",
                      stacklevel=2)
