"""Files, folders and globs to articles, one at a time: the reader of each file's format
(:mod:`newsbench.load.formats`), its sidecar ``NAME.meta.yaml``, the size limits, and ids made
unique across a corpus."""

from __future__ import annotations

import fnmatch
import glob as globlib
import logging
import os
import re
from dataclasses import replace
from pathlib import Path

from ..errors import InputFileError, ParameterError
from . import formats
from .article import (Article, finish, human_bytes, max_bytes, max_feed_bytes, max_table_bytes,
                      safe_id, too_big)
from .columns import check_columns
from .meta import SIDECAR_SUFFIX, read_sidecar
from .rows import Entry, Issues, ReadOptions
from .textio import regular_file

log = logging.getLogger(__name__)

#: Every suffix read, for messages and for expanding folders.
ARTICLE_SUFFIXES = {suffix: formats.format_of(Path("x" + suffix)) for suffix in formats.READERS}
#: Duplicate ids of one file warned about one by one before the rest are counted.
_DUPLICATES_SHOWN = 5


def _check_size(path: Path, module, where: str) -> None:
    """The size on disk against the limit (the readers also stop reading at the limit: a size
    on disk can be wrong, as /proc's are)."""
    size = path.stat().st_size
    if module.LIMIT == "table":
        limit = max_table_bytes()
        if limit is not None and size > limit:
            raise InputFileError(f"{where}: {human_bytes(size)} is more than the table limit "
                                 f"({human_bytes(limit)}); raise or unset NEWSBENCH_MAX_TABLE_BYTES")
        return
    if module.LIMIT == "feed":
        if size > max_feed_bytes():
            raise InputFileError(too_big(where, size, "feed"))
        return
    if size > max_bytes():
        raise InputFileError(too_big(where, size))


def _reader(path: Path, where: str):
    if not path.exists():
        raise InputFileError(f"{where}: no such file; check the path (relative to {Path.cwd()})")
    if path.is_dir():
        raise InputFileError(f"{where}: is a folder; use load_corpus() or give a file")
    regular_file(path, where)  # a FIFO would block and a device never end
    module = formats.reader_for(path)
    if module is None:
        raise InputFileError(
            f"{where}: unknown kind of file '{path.suffix}'; use one of "
            f"{', '.join(sorted(ARTICLE_SUFFIXES))}"
        )
    _check_size(path, module, where)
    return module


def _entries(path: Path, columns=None):
    """``(module, sidecar metadata, entries)`` of one file; the entries are read lazily."""
    where = str(path)
    module = _reader(path, where)
    side, side_columns = read_sidecar(path)
    mapping = check_columns(columns if columns is not None else side_columns)
    return module, side, module.read(path, ReadOptions(where, mapping or None))


def _article(entry: Entry, *, path: Path, module, side: dict, published,
             notes: Issues | None = None) -> Article:
    merged = {**entry.meta, **side}
    if "published" in side:
        merged["_published_from"] = "sidecar"
    merged.update({"path": str(path), "format": formats.format_of(path)})
    if entry.item:
        merged["item"] = entry.item  # one of several articles in the file
    where = f"{path} {entry.at}" if entry.at else str(path)
    if not entry.text.strip():
        raise InputFileError(f"{where}: no article text; put the article's text in it")
    on_language = on_issue = None
    if notes is not None and entry.at:
        def on_language(message: str) -> None:
            notes.warn("text that does not look like English", entry.at, message)

        def on_issue(kind: str, message: str) -> None:
            notes.warn(kind, entry.at, message)
    return finish(entry.text, merged, article_id=_entry_id(path, entry), where=where,
                  published=published, file_meta_from=module.PUBLISHED_FROM, on_language=on_language,
                  on_issue=on_issue)


def _entry_id(path: Path, entry: Entry) -> str:
    base = safe_id(path.stem)
    return f"{base}-{entry.item}" if entry.item else base


def _load_file(path: Path, *, published=None, columns=None):
    """The articles of one file, one at a time."""
    module, side, entries = _entries(Path(path), columns)
    notes = Issues(str(path), "entry" if module.NAME == "feed" else "row")
    for entry in entries:
        yield _article(entry, path=Path(path), module=module, side=side, published=published,
                       notes=notes)
    notes.summary()


def load_article(path, *, published=None, columns=None) -> Article:
    """Load one article file.

    Args:
        path: a .txt, .md, .json (one object) or .html file (or a table or feed of one article).
        published: publication date (``YYYY-MM-DD``); wins over every other source.
        columns: for a table, JSON object or feed: our field -> its column (see
            :func:`iter_articles`).

    Returns:
        :class:`Article`.

    Raises:
        InputFileError: missing, empty, binary or malformed file (one-line message), or a file
            holding several articles.
        ParameterError: ``published`` (or the file's date) is not a date.
    """
    module, side, entries = _entries(Path(path), columns)
    first = next(entries, None)
    if first is None:  # pragma: no cover - every reader yields or refuses
        raise InputFileError(f"{path}: no article text; put the article's text in it")
    second = next(entries, None)
    if second is not None:
        if module.LIMIT == "table":
            entries.close()
            raise InputFileError(f"{path}: a table holds one article a row; use load_corpus(), or "
                                 f"PATH::ID for one row (e.g. {path}::{_entry_id(Path(path), first)})")
        n = 2 + sum(1 for _ in entries)
        raise InputFileError(
            f"{path}: holds {n} articles; use load_corpus() for a JSON list"
            if module.NAME == "json" else
            f"{path}: holds {n} articles; use load_corpus(), or PATH::ID for one of them"
        )
    return _article(first, path=Path(path), module=module, side=side, published=published)


def article_paths(paths) -> list[Path]:
    """Expand files, folders (recursively) and glob patterns to article files, sorted, unique."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    for p in paths:
        s = str(p)
        if any(ch in s for ch in "*?["):
            matches = sorted(_glob(s))
            if not matches:
                raise InputFileError(f"{s}: the pattern matches no file; check it")
            found.extend(m for m in matches if _is_article(m))
        elif Path(s).is_dir():
            inside = sorted(f for f in _walk(Path(s), follow=False) if _is_article(f))
            if not inside:
                raise InputFileError(
                    f"{s}: no articles ({', '.join(sorted(ARTICLE_SUFFIXES))}) in this folder; "
                    f"add some or point at another folder"
                )
            found.extend(inside)
        else:
            found.append(Path(s))
    seen, unique = set(), []
    for f in found:
        key = f.resolve() if f.exists() else f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _walk(root: Path, *, follow: bool, hidden: bool = False):
    """Every file and folder under ``root`` (not ``root`` itself), each folder entered once:
    a folder linked from inside itself (``sub/up -> ..``) or reached twice is not entered
    again, so a symlink loop ends. ``follow``: enter linked folders (never one already
    entered); ``hidden``: enter and list names starting with ``.``."""
    seen: set = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            key = os.stat(folder)
            key = (key.st_dev, key.st_ino)
        except OSError:
            continue
        if key in seen:
            continue
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if not hidden and entry.name.startswith("."):
                continue
            path = folder / entry.name
            yield path
            try:
                is_dir = entry.is_dir(follow_symlinks=follow)
            except OSError:
                continue
            if is_dir:
                stack.append(path)


def _segment_matcher(segment: str):
    rx = re.compile(fnmatch.translate(segment))
    dotted = segment.startswith(".")
    return lambda name: (dotted or not name.startswith(".")) and rx.match(name) is not None


def _glob(pattern: str) -> list[Path]:
    """What ``glob.glob(pattern, recursive=True)`` gives (``**`` any number of folders; names
    starting with ``.`` only matched by a part starting with ``.``), but each folder entered
    once: a symlink loop under a ``**`` ends instead of running on for ever."""
    if "**" not in pattern:
        return [Path(m) for m in globlib.glob(pattern)]  # bounded by the pattern's depth
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if globlib.has_magic(part))
    root = Path(*parts[:first]) if first else Path(".")
    rest = parts[first:]
    if not root.is_dir():
        return []
    matchers = [None if part == "**" else _segment_matcher(part) for part in rest]

    def matches(names: tuple, i: int = 0, j: int = 0) -> bool:
        if i == len(matchers):
            return j == len(names)
        if matchers[i] is None:  # "**": this folder, or one more level
            return matches(names, i + 1, j) or (
                j < len(names) and not names[j].startswith(".") and matches(names, i, j + 1))
        return j < len(names) and matchers[i](names[j]) and matches(names, i + 1, j + 1)

    out = []
    for path in _walk(root, follow=True, hidden=any(p.startswith(".") for p in rest)):
        names = path.relative_to(root).parts
        if matches(names):
            out.append(path if first else Path(*names))
    return out


def _is_article(path: Path) -> bool:
    return (path.is_file() and not path.name.endswith(SIDECAR_SUFFIX)
            and formats.reader_for(path) is not None and formats.accepts(path))


class _Ids:
    """Article ids made unique across a corpus: a clash gets ``-2``, ``-3`` with a warning (a
    few one by one for each file, the rest counted)."""

    def __init__(self):
        self.seen: dict[str, int] = {}

    def unique(self, article_id: str) -> tuple[str, bool]:
        if article_id in self.seen:
            self.seen[article_id] += 1
            new_id = f"{article_id}-{self.seen[article_id]}"
            self.seen.setdefault(new_id, 1)
            return new_id, True
        self.seen[article_id] = 1
        return article_id, False


def iter_articles(paths, *, published=None, columns=None):
    """Articles from files, folders and globs, one at a time, with ids made unique.

    Args:
        paths: a path, folder, glob pattern, or a list of them.
        published: a publication date for every article (wins over their metadata).
        columns: our field -> the column (of a table), key (of a JSON object) or element (of a
            feed) holding it, e.g. ``{"text": "story_text", "title": "hed"}`` or
            ``"text=story_text,title=hed"``; wins over the common names (and over a
            ``columns:`` mapping in the file's sidecar).

    Yields:
        :class:`Article`; a table or feed yields one a row or entry, reading a row at a time.

    A file found in a folder or by a glob that cannot be read (an HTML page with no article,
    an empty or binary file) is skipped with a warning naming it and why; a file named itself
    is refused.

    Raises:
        InputFileError, ParameterError: as :func:`load_article` for a file named itself; a
            mapped column the file lacks; no file found could be read.
    """
    if columns is not None:
        check_columns(columns)
    ids = _Ids()
    named = _named_files(paths)
    skipped = _Skipped()
    for path in article_paths(paths):
        dupes: list[str] = []
        try:
            for art in _load_file(path, published=published, columns=columns):
                new_id, clash = ids.unique(art.article_id)
                if clash:
                    dupes.append(new_id)
                    art = _renamed(art, new_id, path, len(dupes))
                skipped.read += 1
                yield art
        except InputFileError as exc:
            if path in named:  # a file the caller named: refused, as load_article does
                raise
            skipped.add(path, exc)  # found in a folder or by a glob: the others still count
        if len(dupes) > _DUPLICATES_SHOWN:
            log.warning(f"{path}: {len(dupes) - _DUPLICATES_SHOWN} more article ids already used "
                        f"in this corpus were made unique (e.g. '{dupes[-1]}')")
    skipped.finish()


def _named_files(paths) -> set[Path]:
    """The files given by name, not found in a folder or by a pattern (a name with ``[`` or
    ``*`` in it that exists as it is, is a name)."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return {Path(str(p)) for p in items if not Path(str(p)).is_dir()
            and (Path(str(p)).exists() or not any(ch in str(p) for ch in "*?["))}


def _renamed(art: Article, new_id: str, path: Path, n: int) -> Article:
    if n <= _DUPLICATES_SHOWN:
        fix = "give each row or item its own id" if art.meta.get("item") else \
            "Rename the file to choose its id"
        log.warning(f"{path}: article id '{art.article_id}' is already used in this corpus; "
                    f"this one is '{new_id}'. {fix[0].upper() + fix[1:]}")
    return replace(art, article_id=new_id)


class _Skipped:
    """Files found in a folder or by a pattern that could not be read: each of the first few
    warned about with its reason, the rest counted; none read at all is an error."""

    def __init__(self):
        self.read, self.files = 0, []

    def add(self, path: Path, exc: InputFileError) -> None:
        self.files.append(path)
        if len(self.files) <= _DUPLICATES_SHOWN:
            log.warning(f"skipped: {exc}")

    def finish(self) -> None:
        n = len(self.files)
        if n > _DUPLICATES_SHOWN:
            log.warning(f"skipped {n - _DUPLICATES_SHOWN} more unreadable files (e.g. "
                        f"{self.files[-1]})")
        if n and not self.read:
            raise InputFileError(f"none of the {n} article file(s) found could be read (the "
                                 f"first: {self.files[0]}); see the warnings above")


def find_article(path, article_id: str, *, published=None, columns=None) -> Article:
    """The article ``article_id`` of one file holding several (a JSON list, a table, a feed):
    what ``PATH::ID`` names. Reads rows until it is found; only that one is checked and dated.

    Raises:
        ParameterError: the file holds no such article.
        InputFileError: as :func:`load_article`.
    """
    path = Path(path)
    module, side, entries = _entries(path, columns)
    ids = _Ids()
    for entry in entries:
        new_id, _ = ids.unique(_entry_id(path, entry))
        if new_id == article_id:
            entries.close()
            art = _article(entry, path=path, module=module, side=side, published=published)
            return replace(art, article_id=new_id)
    raise ParameterError(f"article: {path} holds no article '{article_id}'")
