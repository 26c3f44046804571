"""The per-article cache: analyses kept in the store (:class:`newsbench.store.Store` at
:func:`newsbench.config.store_dir`), keyed by the text's hash, the metadata, the pipeline's
version, the model and the options.

There is no second copy: ``newsbench analyze --out DIR`` writes a store, and
``newsbench report --store DIR`` has the notebooks read that same store. Writes are atomic (a
batch is visible only once complete); a damaged or incomplete entry is recomputed.

The key is the article's content, not where it was read: the same text in two folders is one
entry. What only says where the file was (:data:`FILE_META`: ``path``, ``published_from``)
is not part of the key; on a hit it is taken from the article read now
(:func:`with_file_meta`), never from the file that filled the entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pandas as pd

from . import config

log = logging.getLogger(__name__)

KEY_META = ("title", "published", "source", "url", "standfirst")
#: The articles columns that describe the file, not its content: not in the key, so a hit
#: gets them from the article read now.
FILE_META = ("path", "published_from")


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


def file_meta(article) -> dict:
    """The :data:`FILE_META` values of an article, as its articles row carries them."""
    return {k: article.meta.get(k) for k in FILE_META}


def with_file_meta(frames: dict[str, pd.DataFrame], article) -> dict[str, pd.DataFrame]:
    """``frames`` (one article's, from the cache) with the articles row's :data:`FILE_META`
    columns taken from ``article``, the file read now."""
    return set_file_meta(frames, article.article_id, file_meta(article))


def set_file_meta(frames: dict[str, pd.DataFrame], article_id: str,
                  meta: dict) -> dict[str, pd.DataFrame]:
    """``frames`` with the :data:`FILE_META` columns of ``article_id``'s articles row set to
    ``meta`` (the same object back when they already are)."""
    arts = frames["articles"]
    rows = arts.index[arts["article_id"] == article_id]
    if all(file_meta_matches({k: arts.at[i, k] for k in meta}, meta) for i in rows):
        return frames
    arts = arts.copy()
    for k, v in meta.items():
        arts.loc[rows, k] = v
    return {**frames, "articles": arts}


def file_meta_matches(row: dict, meta: dict) -> bool:
    """True when an articles ``row`` (a mapping) already carries ``meta``'s FILE_META."""
    return all(_same(row.get(k), v) for k, v in meta.items())


def _same(stored, given) -> bool:
    if given is None or (not isinstance(given, str) and pd.isna(given)):
        return bool(pd.isna(stored))
    return not pd.isna(stored) and str(stored) == str(given)


def load(key: str, root: Path | None = None, *, article=None):
    """The cached frames and run record for ``key``, or ``None`` when absent, unreadable or
    incomplete (an entry missing rows warns and is recomputed).

    Args:
        article: the :class:`~newsbench.load.Article` being analysed; its ``path`` and
            ``published_from`` replace those the entry was written with.
    """
    try:
        store = _store(root)
        frames = store.lookup(key)
    except OSError as exc:
        log.warning(f"the cache store is unreadable ({exc}); recomputing")
        return None
    if frames is None:
        return None
    if article is not None:
        frames = with_file_meta(frames, article)
    return frames, store.run_info()


_FALLBACK: dict[str, Path] = {}


def working_store(root: Path | None = None):
    """The store to analyse into for a run that only needs the cache (``report``,
    ``analyze --format csv|json``, ``load_corpus``): the cache's store when it can be written,
    else a temporary store for this process, with one warning (cache failures only warn)."""
    import atexit
    import shutil
    import tempfile

    from .fsutil import writable

    root = Path(root or config.store_dir())
    if writable(root):
        return _store(root)
    key = str(root)
    if key not in _FALLBACK:
        temp = Path(tempfile.mkdtemp(prefix="newsbench-store-"))
        atexit.register(shutil.rmtree, temp, ignore_errors=True)
        _FALLBACK[key] = temp
        log.warning(f"the cache folder {root} cannot be written; analyses of this run are "
                    f"kept in a temporary folder and dropped at exit (set "
                    f"{config.ENV_CACHE} to a writable folder to keep them)")
    return _store(_FALLBACK[key])


def store(key: str, frames: dict[str, pd.DataFrame], meta: dict, root: Path | None = None) -> None:
    """Keep one article's analysis (a batch of one). Failures only warn."""
    aids = frames["articles"]["article_id"].tolist()
    try:
        _store(root).write_batch(frames, keys={aid: key for aid in aids}, run=meta)
    except OSError as exc:
        log.warning(f"could not write the cache in {root or config.store_dir()} "
                    f"({exc.strerror or exc}); set NEWSBENCH_CACHE_DIR to a writable folder")
