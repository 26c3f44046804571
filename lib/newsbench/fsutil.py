"""Writing files so that nothing half-written is ever seen, and locks that work off Linux too.

Every file newsbench writes (frames, reports, the index, cache entries, the lexicon it builds)
goes through :func:`atomic_write` or :func:`atomic_folder`: the new content is written beside
the target under a temporary name and renamed into place, so a reader sees the old version or
the new one, never a mix, and an interrupted write leaves the old version intact. A set of
files that belong together (the frames of one ``newsbench analyze --format csv|json`` run) is
staged whole in a hidden folder and moved into place under the folder's lock
(:func:`staged_files`). A full disk is :class:`NoSpaceError`: one line, the old files kept.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from .errors import CacheError

#: errno values that mean "the disk (or the quota) is full".
NO_SPACE_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
#: Names of what :func:`atomic_write`, :func:`atomic_folder` and :func:`staged_files` leave
#: while they work: ``.<name>.<random>.tmp`` files, ``.tmp-<random>`` and ``.staging-<random>``
#: folders. Found under the folder's lock, they are leftovers of a killed run.
TMP_SUFFIX = ".tmp"
TMP_DIR_PREFIXES = (".tmp-", ".staging-")


class NoSpaceError(CacheError):
    """The disk (or the user's quota) is full while writing: nothing previous was replaced.

    Exit code 1: the run failed, the input was fine (as for a failed notebook).
    """

    exit_code = 1

    def __init__(self, where: Path | str):
        self.where = str(where)
        super().__init__(errno.ENOSPC, f"no space left on device writing {self.where}; "
                                       "free space and rerun, previous results kept")

    def __str__(self) -> str:
        return self.strerror


def is_no_space(exc: BaseException) -> bool:
    """True for an ``OSError`` that says the disk or quota is full (pyarrow's included)."""
    if isinstance(exc, NoSpaceError):
        return True
    if not isinstance(exc, OSError):
        return False
    return exc.errno in NO_SPACE_ERRNOS or "No space left on device" in str(exc)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, write: Callable[[str], object] | str | bytes) -> Path:
    """Write ``path`` atomically.

    Args:
        path: the file to create or replace (its folder must exist).
        write: the content (``str`` is written as UTF-8, ``bytes`` as they are), or a function
            that writes the file whose path it is given (``df.to_parquet``, ``zipfile``...).

    Returns:
        ``path``. The file gets the permissions of any new file (the umask), not mkstemp's 0600.

    Raises:
        NoSpaceError: the disk is full; ``path`` is untouched and no temporary file is left.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    except OSError as exc:
        if is_no_space(exc):
            raise NoSpaceError(path.parent) from None
        raise
    os.close(fd)
    try:
        if isinstance(write, str):
            Path(tmp).write_text(write, encoding="utf-8")
        elif isinstance(write, bytes):
            Path(tmp).write_bytes(write)
        else:
            write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:  # interrupted or failed: no temporary file left behind
        Path(tmp).unlink(missing_ok=True)
        if is_no_space(exc) and not isinstance(exc, NoSpaceError):
            raise NoSpaceError(path.parent) from None
        raise
    return path


@contextmanager
def atomic_folder(final: Path, *, replace: Callable[[Path], bool] | None = None) -> Iterator[Path]:
    """Fill a temporary folder beside ``final``; on success it is renamed to ``final``.

    Args:
        final: the folder to create.
        replace: called with ``final`` when it already exists (another writer won the race, or
            an old entry sits there); return True to replace it, False to keep it and drop the
            new one. Default: keep the existing folder.

    Yields:
        The temporary folder to write into. On an exception it is removed and nothing changes
        (a full disk is raised as :class:`NoSpaceError`).
    """
    final = Path(final)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=TMP_DIR_PREFIXES[0], dir=final.parent))
    except OSError as exc:
        if is_no_space(exc):
            raise NoSpaceError(final.parent) from None
        raise
    try:
        yield tmp
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if is_no_space(exc) and not isinstance(exc, NoSpaceError):
            raise NoSpaceError(final.parent) from None
        raise
    try:
        os.rename(tmp, final)
    except BaseException as exc:
        if not isinstance(exc, OSError):  # interrupted at the rename: clean up, stop
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        if final.exists() and replace is not None and replace(final):
            trash = final.with_name(final.name + ".old")
            shutil.rmtree(trash, ignore_errors=True)
            os.rename(final, trash)
            os.rename(tmp, final)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def remove_leftovers(folder: Path, *, names: tuple[str, ...] | None = None) -> list[Path]:
    """Remove what interrupted writes left directly in ``folder``: temporary files
    (``.<name>.*.tmp``) and temporary or staging folders. Call it holding the folder's lock,
    so that nothing another writer is still filling is taken for a leftover.

    Args:
        names: only the temporary files of these target names (default: every ``.*.tmp``).

    Returns:
        The removed paths.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False) and name.startswith(TMP_DIR_PREFIXES):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
            elif name.endswith(TMP_SUFFIX) and not entry.is_dir(follow_symlinks=False) and (
                    names is None or any(name.startswith(f".{n}.") for n in names)):
                path.unlink(missing_ok=True)
                removed.append(path)
        except OSError:
            pass  # another try next run
    return removed


@contextmanager
def staged_files(out: Path, *, last: tuple[str, ...] = ()) -> Iterator[Path]:
    """Write a set of files into ``out`` as one unit: fill the yielded staging folder, and on
    success every file in it is moved into ``out`` (the names in ``last`` after the others).

    The whole block holds ``out``'s lock (:func:`locked`), so two runs writing one folder take
    turns and never leave a mix of their files; leftovers of a killed run (staging folders,
    temporary files) are removed first. A failure while staging (a full disk:
    :class:`NoSpaceError`) removes the staging folder and leaves ``out`` as it was. Moving
    files needs no space, but a kill between two moves can still leave a mix: readers check
    the run id each file records (:func:`newsbench.store.read_frame_set`).
    """
    out = Path(out)
    with locked(out):
        remove_leftovers(out)
        try:
            stage = Path(tempfile.mkdtemp(prefix=TMP_DIR_PREFIXES[1], dir=out))
        except OSError as exc:
            if is_no_space(exc):
                raise NoSpaceError(out) from None
            raise
        try:
            try:
                yield stage
            except BaseException as exc:
                if is_no_space(exc) and not isinstance(exc, NoSpaceError):
                    raise NoSpaceError(out) from None
                raise
            names = sorted(p.name for p in stage.iterdir())
            for name in [n for n in names if n not in last] + [n for n in last if n in names]:
                os.replace(stage / name, out / name)
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def _symlinked(path: Path) -> CacheError:
    return CacheError(f"{path} is a symbolic link; newsbench does not lock through links (it "
                      "could overwrite their target): remove it and rerun")


def _open_lock_file(path: Path) -> None:
    """Create ``path`` (or open it as it is) without following a symbolic link and without
    truncating anything: old filelock versions open the lock with ``O_TRUNC`` and follow a
    symlink, emptying whatever file it points to."""
    if path.is_symlink():
        raise _symlinked(path)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o666 & ~_umask())
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a link appeared meanwhile
            raise _symlinked(path) from None
        if is_no_space(exc):
            raise NoSpaceError(path.parent) from None
        raise
    os.close(fd)


@contextmanager
def locked(folder: Path, name: str = ".lock") -> Iterator[None]:
    """An exclusive lock on ``folder`` (a lock file inside it), held for the ``with`` block.

    Uses ``filelock``, so it works on Linux, macOS and Windows alike. A lock file that is a
    symbolic link is refused (:class:`CacheError`, one line), never followed.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    _open_lock_file(path)
    try:
        lock = FileLock(str(path))
        lock.acquire()
    except OSError as exc:
        if exc.errno == errno.ELOOP or path.is_symlink():
            raise _symlinked(path) from None
        raise
    try:
        yield
    finally:
        lock.release()


def writable(folder: Path) -> bool:
    """True when files can be created in ``folder`` (made if missing). Checked by creating
    and removing a temporary file, since permissions alone do not tell (root ignores them; a
    read-only mount does not)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".probe-", suffix=TMP_SUFFIX)
        os.close(fd)
        os.unlink(probe)
        return True
    except OSError:
        return False
