"""Helpers for the notebooks' second cell: check the parameters before any work is done."""

from __future__ import annotations

from pathlib import Path

from . import config
from .errors import InputFileError, ParameterError
from .load import Article, load_article, parse_published
from .params import check_params  # noqa: F401  the notebooks' check cell calls it


def resolve_path(path: str | Path) -> Path:
    """A path as given, or relative to the project root when it does not exist as given
    (so ``seeds/x.txt`` works from ``notebooks/`` and from the project folder alike)."""
    p = Path(path).expanduser()
    if p.exists() or p.is_absolute():
        return p
    root = config.project_root()
    for base in filter(None, (root, Path.cwd().parent)):
        candidate = base / p
        if candidate.exists():
            return candidate
        stripped = Path(*[part for part in p.parts if part != ".."]) if ".." in p.parts else None
        if stripped and (base / stripped).exists():
            return base / stripped
    return p


def article_param(article: str, *, published: str | None = "") -> Article:
    """Check the ``article`` and ``published`` parameters and load the article.

    Raises:
        ParameterError: ``article`` is empty, or ``published`` is not a date.
        InputFileError: the file is missing or unreadable.
    """
    if not isinstance(article, (str, Path)) or not str(article).strip():
        raise ParameterError("article: give the path of an article file, e.g. seeds/000_d47dbbe6e72bd05c.txt")
    published = (published or "").strip() if isinstance(published, str) else published
    if published:
        parse_published(published, where="the published parameter")
    article = str(article)
    item = None
    if "::" in article:  # one article of a file holding several (a JSON list): PATH::ARTICLE_ID
        article, item = article.rsplit("::", 1)
    path = resolve_path(article)
    if not path.exists():
        raise InputFileError(f"article: {article}: no such file; give a path relative to the project "
                             f"folder or an absolute one")
    if item is not None:
        from .load import find_article

        return find_article(path, item, published=published or None)
    return load_article(path, published=published or None)


def corpus_param(corpus: str) -> str:
    """Check the ``corpus`` parameter: every comma-separated path or glob must exist (relative
    to the project folder or absolute). Returns the paths joined again by commas, resolved.

    Raises:
        ParameterError: empty. InputFileError: a path that names nothing.
    """
    import glob

    if not isinstance(corpus, (str, Path)) or not str(corpus).strip():
        raise ParameterError("corpus: give a folder, files or a dataset folder, e.g. seeds/")
    out = []
    for item in (s.strip() for s in str(corpus).split(",") if s.strip()):
        path = resolve_path(item)
        if not path.exists() and not glob.glob(str(path)):
            raise InputFileError(f"corpus: {item}: no such file or folder; give a path relative to "
                                 f"the project folder or an absolute one")
        out.append(str(path))
    return ",".join(out)


def open_corpus_param(corpus: str):
    """The :class:`~newsbench.corpus.Corpus` a checked ``corpus`` parameter names: a dataset
    folder is read as it is; files are analysed (through the cache) or read from it."""
    from .corpus import is_dataset, open_corpus

    paths = corpus.split(",")
    if len(paths) == 1 and is_dataset(paths[0]):
        return open_corpus(paths[0])
    return open_corpus(paths, engine="serial")


def int_param(name: str, value, *, minimum: int = 1, maximum: int = 10_000) -> int:
    """Check an integer parameter."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterError(f"{name}: expected a whole number, got {value!r}")
    if not minimum <= value <= maximum:
        raise ParameterError(f"{name}: {value} is out of range; use {minimum} to {maximum}")
    return value


def bool_param(name: str, value) -> bool:
    """Check a yes/no parameter (True or False).

    Raises:
        ParameterError: anything but a boolean.
    """
    if not isinstance(value, bool):
        raise ParameterError(f"{name}: expected True or False, got {value!r}")
    return value


def choice_param(name: str, value, allowed) -> str:
    """Check a parameter that takes one of a few values."""
    if value not in allowed:
        raise ParameterError(f"{name}: '{value}' is not allowed; use one of {', '.join(map(str, allowed))}")
    return value


def display_defaults() -> None:
    """Tables show whole sentences (readers check numbers against the text), three decimals,
    and up to 500 rows. pandas escapes the text it shows, so article text stays inert."""
    import pandas as pd

    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.precision", 3)
