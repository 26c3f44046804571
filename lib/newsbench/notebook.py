"""Helpers for the notebooks' second cell: check the parameters before any work is done."""

from __future__ import annotations

import html
import logging
import re
import sys
from pathlib import Path

from . import config
from .errors import InputFileError, ParameterError
from .load import Article, load_article, parse_published, safe_id
from .messages import printable
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


def split_item(article: str | Path) -> tuple[Path, str | None]:
    """The file and the item an ``article`` parameter names: ``PATH`` or ``PATH::ID`` (one
    article of a file holding several). A path that exists is taken whole, ``::`` and all; else
    the text is cut at its last ``::`` when what is left of it is an existing file.

    Returns:
        The file (resolved as :func:`resolve_path` does; it may not exist) and the item's id
        or ``None``.
    """
    text = str(article)
    whole = resolve_path(text)
    if whole.exists() or "::" not in text:
        return whole, None
    left, item = text.rsplit("::", 1)
    path = resolve_path(left)
    if left and item and path.is_file():
        return path, item
    return whole, None


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
    path, item = split_item(article)  # PATH::ARTICLE_ID: one article of a JSON list or a table
    if not path.exists():
        raise InputFileError(f"article: {article}: no such file; give a path relative to the project "
                             f"folder or an absolute one")
    if item is not None:
        from .load import find_article

        return find_article(path, item, published=published or None)
    return load_article(path, published=published or None)


def _names_something(item: str) -> bool:
    import glob

    path = resolve_path(item)
    return path.exists() or bool(glob.glob(str(path)))


def split_paths(text: str) -> list[str]:
    """The paths of a comma-separated list, where a path may hold commas itself
    (``reports, 2016/``): a piece that names no file, folder or glob match is joined with the
    pieces after it up to the first run that does (else it stays alone, to be reported)."""
    parts, out, i = str(text).split(","), [], 0
    while i < len(parts):
        j = i + 1
        if not _names_something(parts[i].strip()):
            j = next((k for k in range(i + 2, len(parts) + 1)
                      if _names_something(",".join(parts[i:k]).strip())), i + 1)
        item = ",".join(parts[i:j]).strip()
        if item:
            out.append(item)
        i = j
    return out


def corpus_param(corpus: str) -> str:
    """Check the ``corpus`` parameter: every comma-separated path or glob must exist (relative
    to the project folder or absolute; a path may contain commas, see :func:`split_paths`).
    Returns the paths joined again by commas, resolved.

    Raises:
        ParameterError: empty. InputFileError: a path that names nothing.
    """
    if not isinstance(corpus, (str, Path)) or not str(corpus).strip():
        raise ParameterError("corpus: give a folder, files or a dataset folder, e.g. seeds/")
    out = []
    for item in split_paths(str(corpus)):
        path = resolve_path(item)
        if not _names_something(item):
            raise InputFileError(f"corpus: {item}: no such file or folder; give a path relative to "
                                 f"the project folder or an absolute one")
        out.append(str(path))
    return ",".join(out)


def open_corpus_param(corpus: str):
    """The :class:`~newsbench.corpus.Corpus` a checked ``corpus`` parameter names: a dataset
    folder is read as it is; files are analysed (through the cache) or read from it."""
    from .corpus import is_dataset, open_corpus

    paths = split_paths(corpus)
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


# --- warnings as notes ---------------------------------------------------------------------------

#: The output metadata key marking a note (``{"newsbench": {"note": "..."}}``); the report
#: takes these outputs out of the page and lists the notes in its banner.
NOTE_KEY = "newsbench"
#: A note longer than this is cut (a warning listing many rows stays one line).
NOTE_CHARS = 300

# absolute POSIX, home and Windows paths; relative ones with a folder and a file suffix
_PATH = re.compile(r"""(?<![\w.])(?:~|[A-Za-z]:)?(?:[\\/][^\s\\/:;,'"()<>\[\]]+)+[\\/]?"""
                   r"""|(?<![\w/])(?:\.\.?/)*(?:[\w.-]+/)+[\w.-]+\.[A-Za-z]\w{0,5}\b""")



def short_note(message, *, article: str | None = None) -> str:
    """A warning as one short line for a reader: no file path (the article's file becomes
    ``article ID``, any other path its last name), whitespace collapsed, at most
    :data:`NOTE_CHARS` characters. Not escaped: escape it where it becomes HTML."""
    text = " ".join(str(message).split())
    own, item = _article_file(article)

    def replace(m: re.Match) -> str:
        found = m.group(0)
        if own is not None and _same_file(found, own):
            return f"article {item or safe_id(own.stem)}"
        name = Path(found.replace("\\", "/").rstrip("/")).name
        return name or "a folder"

    text = _PATH.sub(replace, text)
    return text if len(text) <= NOTE_CHARS else text[:NOTE_CHARS - 1].rstrip() + "…"


def _article_file(article) -> tuple[Path | None, str | None]:
    if not article or not isinstance(article, (str, Path)):
        return None, None
    return split_item(article)


def _same_file(found: str, own: Path) -> bool:
    try:
        return resolve_path(found).resolve() == own.resolve()
    except (OSError, ValueError):
        return False


def note_html(note: str) -> str:
    """A note as one escaped HTML line (the article's words stay inert)."""
    return ('<div style="font-size:13px;color:#5c4400;background:#fff8e1;border-left:3px solid '
            f'#e0b000;padding:3px 8px;margin:2px 0"><b>Note:</b> {html.escape(note)}</div>')


def show_note(note: str) -> None:
    """Display a note in the notebook, marked so the report moves it to its banner."""
    from IPython.display import display

    display({"text/html": note_html(note), "text/plain": f"Note: {note}"}, raw=True,
            metadata={NOTE_KEY: {"note": note}})


class _NoteHandler(logging.Handler):
    """Each message of the ``newsbench`` logger (warnings and up) as a note in the notebook
    running it; on stderr, as one line, outside a notebook."""

    article: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            note = short_note(record.getMessage(), article=self.article)
            try:
                from IPython import get_ipython
            except ImportError:  # pragma: no cover - the notebooks always have IPython
                get_ipython = None
            if get_ipython is not None and get_ipython() is not None:
                show_note(note)
            else:
                print(printable(f"newsbench: {record.levelname.lower()}: {note}"),
                      file=sys.stderr)
        except Exception:  # noqa: BLE001 - logging's own convention
            self.handleError(record)


_notes_handler: _NoteHandler | None = None


def warnings_as_notes(article: str | None = None) -> None:
    """From now on, show each message newsbench logs (the ``newsbench`` logger, warnings and
    up) as a short note (:func:`short_note`, :func:`show_note`): no stderr box with a file and
    line. The library itself never prints and never replaces ``warnings.showwarning``; other
    packages' warnings still go to stderr, and the report turns those into notes too.

    Args:
        article: the notebook's ``article`` parameter, so its file is named by the article's
            id in the notes.
    """
    global _notes_handler

    if _notes_handler is None:
        _notes_handler = _NoteHandler(logging.WARNING)
        logging.getLogger("newsbench").addHandler(_notes_handler)
    _notes_handler.article = article
