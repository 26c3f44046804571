"""The kernels a report runs its notebooks in, started ahead of need over IPC sockets, and the
folders a killed run leaves behind (staging and kernel folders record their owner, and the
next run removes those whose owner is gone)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

# --- leftovers of killed runs ------------------------------------------------------------------

#: The file naming the process that owns a staging or kernel folder (``PID START``).
OWNER_FILE = ".owner"


def _start_time(pid: int) -> float | None:
    try:
        import psutil

        return psutil.Process(pid).create_time()
    except Exception:  # no psutil, no such process, no access
        return None


def _mark_owner(folder: Path) -> None:
    pid = os.getpid()
    (folder / OWNER_FILE).write_text(f"{pid} {_start_time(pid) or 0}\n", encoding="ascii")


def _owner_alive(folder: Path) -> bool | None:
    """Whether the process that made ``folder`` still runs (``None``: the folder names none)."""
    try:
        pid_text, _, started = (folder / OWNER_FILE).read_text(encoding="ascii").strip().partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    now = _start_time(pid)
    try:
        recorded = float(started or 0)
    except ValueError:
        recorded = 0.0
    # a reused pid: the process running now started later than the one that wrote the file
    return not (now and recorded and abs(now - recorded) > 2)


#: A leftover without an owner file (made before owners were recorded) is stale after this.
UNOWNED_STALE_SECONDS = 24 * 3600


def clean_stale(out: Path | None = None) -> list[Path]:
    """Remove what killed runs left: staging folders ``OUT/.run-*`` and kernel folders
    ``$TMPDIR/nbk-*`` whose owner process is gone (or, without an owner file, a day old).

    Returns:
        The folders removed.
    """
    found = list(Path(tempfile.gettempdir()).glob("nbk-*"))
    if out is not None and Path(out).is_dir():
        found += list(Path(out).glob(".run-*"))
    removed = []
    for folder in found:
        try:
            if not folder.is_dir() or folder.is_symlink():
                continue
            alive = _owner_alive(folder)
            if alive is None:
                alive = time.time() - folder.stat().st_mtime < UNOWNED_STALE_SECONDS
            if not alive:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        except OSError:
            continue
    return removed


# --- kernels -------------------------------------------------------------------------------------

class _Cancelled(Exception):
    """A kernel was asked for after the run was interrupted."""



#: Modules a kernel imports while it boots (before its notebook is sent to it).
PRELOAD = "import newsbench, newsbench.charts, newsbench.notebook, newsbench.params, newsbench.views"


class Kernels:
    """Kernels started ahead of need: a kernel boots (and imports newsbench) while the
    parent analyses articles or other notebooks run. Each kernel talks over IPC sockets in a
    folder of its own (``$TMPDIR/nbk-*``, with its connection file and the owner's pid), so
    parallel kernels never race for TCP ports and a killed run's folders can be found."""

    def __init__(self, total: int, cwd: Path):
        self.left = total
        self.cwd = cwd
        self.ready: list = []
        self.active: list = []
        self.lock = threading.Lock()
        self.cancelled = threading.Event()

    def _start(self):
        # the async manager: papermill's client then polls the kernel while it waits, so a
        # kernel that dies is reported (a blocking client would wait for it forever)
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        if self.cancelled.is_set():
            raise _Cancelled("the report was interrupted")
        sockets = Path(tempfile.mkdtemp(prefix="nbk-"))
        try:
            _mark_owner(sockets)
            km = AsyncKernelManager(kernel_name="python3", transport="ipc",
                                    ip=str(sockets / "kernel"),
                                    connection_file=str(sockets / "kernel.json"))
            run_sync(km.start_kernel)(cwd=str(self.cwd), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL,
                                      extra_arguments=[f"--IPKernelApp.exec_lines={PRELOAD}"] if PRELOAD else [])
        except BaseException:
            shutil.rmtree(sockets, ignore_errors=True)
            raise
        return km, sockets

    def prime(self, n: int) -> None:
        with self.lock:
            while n > 0 and self.left > 0 and not self.cancelled.is_set():
                self.ready.append(self._start())
                self.left -= 1
                n -= 1

    def acquire(self):
        with self.lock:
            if self.cancelled.is_set():
                raise _Cancelled("the report was interrupted")
            if self.ready:
                kernel = self.ready.pop(0)
            else:
                kernel = self._start()
                self.left -= 1
            self.active.append(kernel)
            if self.left > 0 and not self.ready:  # one spare boots while this one works
                self.ready.append(self._start())
                self.left -= 1
            return kernel

    def release(self, kernel) -> None:
        from jupyter_core.utils import run_sync

        with self.lock:
            if kernel in self.active:
                self.active.remove(kernel)
        km, sockets = kernel
        try:
            if self.cancelled.is_set():
                _kill(km)
            else:
                run_sync(km.shutdown_kernel)(now=True)
        except Exception:
            pass
        shutil.rmtree(sockets, ignore_errors=True)

    def close(self) -> None:
        with self.lock:
            ready, self.ready = self.ready, []
        for kernel in ready:
            self.release(kernel)

    def cancel(self) -> None:
        """Start no more kernels and kill every one started (Ctrl-C): the notebooks running
        in them fail at once (papermill sees the kernel die) and their threads end."""
        self.cancelled.set()
        with self.lock:
            ready, active, self.ready = self.ready, list(self.active), []
        for km, _ in ready + active:
            _kill(km)
        for _, sockets in ready:  # an active one's folder goes when its thread releases it
            shutil.rmtree(sockets, ignore_errors=True)

    def leftovers(self) -> list[Path]:
        with self.lock:
            return [sockets for _, sockets in self.active]


def _kill(km) -> None:
    """Kill a kernel's process group (kernels run in a session of their own) at once."""
    import signal

    prov = getattr(km, "provisioner", None)
    pgid, pid = getattr(prov, "pgid", None), getattr(prov, "pid", None)
    try:
        if pgid and hasattr(os, "killpg"):
            os.killpg(pgid, signal.SIGKILL)
        elif pid:
            os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
