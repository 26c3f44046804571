"""Writing files so that nothing half-written is ever seen, and locks that work off Linux too.

Every file newsbench writes (frames, reports, the index, cache entries, the lexicon it builds)
goes through :func:`atomic_write` or :func:`atomic_folder`: the new content is written beside
the target under a temporary name and renamed into place, so a reader sees the old version or
the new one, never a mix, and an interrupted write leaves the old version intact.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock


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
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
    except BaseException:  # interrupted or failed: no temporary file left behind
        Path(tmp).unlink(missing_ok=True)
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
        The temporary folder to write into. On an exception it is removed and nothing changes.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=final.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
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


@contextmanager
def locked(folder: Path, name: str = ".lock") -> Iterator[None]:
    """An exclusive lock on ``folder`` (a lock file inside it), held for the ``with`` block.

    Uses ``filelock``, so it works on Linux, macOS and Windows alike.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder / name)):
        yield
