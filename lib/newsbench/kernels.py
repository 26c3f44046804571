"""The kernels a report runs its notebooks in: which one (the ``newsbench`` kernelspec, else
this environment's ``python3``), started ahead of need over IPC sockets, each notebook run in
one with papermill (a time limit per cell, outputs streamed to a log); newsbench's own
kernelspec for JupyterLab; and the folders a killed run leaves behind (staging and kernel
folders record their owner, and the next run removes those whose owner is gone)."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .errors import NewsbenchError, ParameterError

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


# --- kernelspecs -------------------------------------------------------------------------------

#: The kernelspec newsbench installs for JupyterLab, and the one the notebooks name.
KERNEL_NAME = "newsbench"
KERNEL_DISPLAY_NAME = "Python (newsbench)"
#: The kernel a report falls back on: this environment's own Python (jupyter_client's native
#: kernel, always there with ipykernel).
NATIVE_KERNEL = "python3"


class KernelSpecError(NewsbenchError, OSError):
    """A kernelspec cannot be installed where it was asked for (permission denied, ...)."""


def kernelspecs() -> dict[str, Path]:
    """The Jupyter kernelspecs installed (``jupyter kernelspec list``): name -> folder."""
    from jupyter_client.kernelspec import KernelSpecManager

    return {name: Path(folder) for name, folder in KernelSpecManager().find_kernel_specs().items()}


def kernelspec_path(name: str = KERNEL_NAME) -> Path | None:
    """The folder of the kernelspec ``name`` (newsbench's own by default), or None when no
    Jupyter path holds it."""
    return kernelspecs().get(name.lower())


def kernelspec_argv(name: str = KERNEL_NAME) -> list[str]:
    """The command line of the kernelspec ``name`` (empty when there is none, or it is broken):
    ``argv[0]`` is the Python it runs."""
    from jupyter_client.kernelspec import KernelSpecManager

    try:
        return [str(a) for a in KernelSpecManager().get_kernel_spec(name).argv]
    except Exception:  # no such kernel, an unreadable kernel.json: no command
        return []


def install_kernelspec(*, user: bool = False, prefix: str | Path | None = None,
                       sys_prefix: bool = False) -> Path:
    """Install the kernelspec ``newsbench`` ("Python (newsbench)"): this interpreter
    (``sys.executable``) running ipykernel, for JupyterLab and for the notebooks, which name it.
    Installing again replaces it.

    Args:
        user: in this user's Jupyter folder (``jupyter --data-dir``).
        prefix: under ``PREFIX/share/jupyter/kernels``.
        sys_prefix: in this environment (``sys.prefix``).
        (None of them: the system-wide Jupyter folder, as ``jupyter kernelspec install``.)

    Returns:
        The kernelspec's folder.

    Raises:
        ParameterError: more than one of ``user``, ``prefix``, ``sys_prefix``.
        KernelSpecError: the folder cannot be written.
    """
    chosen = [flag for flag, on in (("--user", user), ("--prefix", prefix),
                                    ("--sys-prefix", sys_prefix)) if on]
    if len(chosen) > 1:
        raise ParameterError(f"kernel install: {' and '.join(chosen)} name different places; "
                             "give one of them (--user, --prefix or --sys-prefix)")
    from ipykernel.kernelspec import install

    where = str(prefix) if prefix else (sys.prefix if sys_prefix else None)
    try:
        dest = install(user=user, kernel_name=KERNEL_NAME, display_name=KERNEL_DISPLAY_NAME,
                       prefix=where)
    except OSError as exc:
        place = where or ("your Jupyter folder" if user else "the system-wide Jupyter folder")
        raise KernelSpecError(f"kernel install: cannot write the kernelspec in {place} "
                              f"({exc.strerror or exc}); use --user (your own Jupyter folder) "
                              "or --sys-prefix (this environment)") from None
    return Path(dest)


def report_kernel(name: str | None = None) -> str:
    """The kernel a report runs its notebooks in.

    Args:
        name: a kernelspec name; None: ``newsbench`` when it is installed (and its Python is
            there), else this environment's ``python3``.

    Raises:
        ParameterError: no kernelspec has that name.
    """
    specs = kernelspecs()
    if name is None:
        argv = kernelspec_argv(KERNEL_NAME) if KERNEL_NAME in specs else []
        return KERNEL_NAME if argv and Path(argv[0]).is_file() else NATIVE_KERNEL
    if str(name).lower() not in specs:
        raise ParameterError(f"kernel {name!r}: no such Jupyter kernel is installed (installed: "
                             f"{', '.join(sorted(specs)) or 'none'}); see `jupyter kernelspec "
                             "list`, or install newsbench's own with `newsbench kernel install`")
    return str(name).lower()


def check_timeout(seconds) -> float | None:
    """A per-cell time limit: None (no limit) or seconds above 0.

    Raises:
        ParameterError: not a number of seconds above 0.
    """
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0 \
            or seconds == float("inf"):
        shown = f"{seconds:g}" if isinstance(seconds, (int, float)) else repr(seconds)
        raise ParameterError(f"--execution-timeout: {shown} is not allowed; give the seconds "
                             "a cell may run, above 0 (or leave it out: no limit)")
    return float(seconds)


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

    def __init__(self, total: int, cwd: Path, *, name: str | None = None,
                 timeout: float | None = None, log_output: bool = False):
        """
        Args:
            total: kernels to start in all.
            cwd: the folder they run in.
            name: the kernelspec (see :func:`report_kernel`).
            timeout: seconds a cell may run (None: no limit).
            log_output: stream each notebook's outputs to :data:`OUTPUT_LOGGER`.
        """
        self.left = total
        self.cwd = cwd
        self.name = report_kernel(name)
        self.timeout = check_timeout(timeout)
        self.log_output = bool(log_output)
        self.ready: list = []
        self.active: list = []
        self.lock = threading.Lock()
        self.cancelled = threading.Event()
        # the modules are preloaded through ipykernel's own option
        self.preload = [f"--IPKernelApp.exec_lines={PRELOAD}"] if PRELOAD and any(
            "ipykernel" in a for a in kernelspec_argv(self.name)) else []

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
            km = AsyncKernelManager(kernel_name=self.name, transport="ipc",
                                    ip=str(sockets / "kernel"),
                                    connection_file=str(sockets / "kernel.json"))
            run_sync(km.start_kernel)(cwd=str(self.cwd), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, extra_arguments=self.preload)
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

    def release(self, kernel, *, kill: bool = False) -> None:
        """Stop a kernel (``kill``: at once, its whole process group, as for a kernel still
        busy with a cell that timed out) and remove its folder. No kernel is reused."""
        from jupyter_core.utils import run_sync

        with self.lock:
            if kernel in self.active:
                self.active.remove(kernel)
        km, sockets = kernel
        try:
            if self.cancelled.is_set() or kill:
                _kill(km)
            if not self.cancelled.is_set():
                run_sync(km.shutdown_kernel)(now=True)
        except Exception:
            pass
        shutil.rmtree(sockets, ignore_errors=True)

    def execute(self, path: Path, out: Path, values: dict, *, label: str) -> None:
        """Run the notebook ``path`` with the parameters ``values`` into ``out``, with
        papermill, in a kernel of its own (stopped after; killed after a timeout).

        Args:
            label: what the notebook is (``article notebook``), before each line of its
                outputs in the log (``log_output``).

        Raises:
            papermill.PapermillExecutionError: a cell failed, or ran past the timeout
                (:func:`failure_line` says which, on one line). Others: the kernel died, ...
        """
        import papermill as pm

        kernel = None
        timed_out = False
        try:
            kernel = self.acquire()
            # no cwd= here: papermill would os.chdir() the whole process, under the other
            # threads' feet; the kernel was started in the notebooks' folder instead
            pm.execute_notebook(str(path), str(out), parameters=values, km=kernel[0],
                                kernel_name=self.name, engine_name=_engine(), progress_bar=False,
                                request_save_on_cell_execute=False, execution_timeout=self.timeout,
                                output_prefix=f"[{label}]" if self.log_output else None)
        except pm.PapermillExecutionError as exc:
            timed_out = exc.ename == TIMEOUT_ENAME
            raise
        finally:
            if kernel is not None:
                self.release(kernel, kill=timed_out)

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


# --- running a notebook ----------------------------------------------------------------------

#: The logger each notebook's outputs go to with ``log_output`` (papermill's, as its
#: ``--log-output``): one record a line, ``[article notebook] line``; stdout at INFO, stderr at
#: WARNING.
OUTPUT_LOGGER = "papermill"
#: The error name of a cell stopped by the execution timeout (in the kept notebook too).
TIMEOUT_ENAME = "ExecutionTimeout"
_ENGINE = "newsbench"


def failure_line(exc: BaseException) -> str:
    """What failed, on one line: ``cell 3: ValueError: size too big``, ``cell 3: timed out
    after 2 s (execution timeout)``, or the exception (a kernel that died)."""
    import papermill as pm

    if isinstance(exc, pm.PapermillExecutionError):
        # number cells from 1 as in the notebook the user edits (papermill injected one)
        number = max(exc.cell_index, 1)
        if exc.ename == TIMEOUT_ENAME:
            return f"cell {number}: {exc.evalue}"
        return f"cell {number}: {exc.ename}: {_last_line(exc.evalue)}"
    return f"{type(exc).__name__}: {_last_line(str(exc))}"


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in str(text).splitlines() if ln.strip()]
    return lines[-1] if lines else ""


@functools.lru_cache(maxsize=None)
def _engine() -> str:
    """Register newsbench's papermill engine (once) and return its name: papermill's nbclient
    engine, where a cell that runs past the timeout fails as a cell error (the notebook is
    written with it, the kernel is left to be killed) and logged outputs carry a prefix."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError
    from nbformat.v4 import new_output
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.utils import remove_args
    from traitlets import Unicode

    class Client(PapermillNotebookClient):
        output_prefix = Unicode("")
        timed_out = False

        def execute(self, **kwargs):
            # papermill's, except that a kernel still busy with a cell that timed out is not
            # asked for its language (it would not answer)
            self.reset_execution_trackers()
            with self.setup_kernel(**kwargs):
                self.papermill_execute_cells()
                if not self.timed_out:
                    info = self.wait_for_reply(self.kc.kernel_info())
                    self.nb.metadata["language_info"] = info["content"]["language_info"]
                self.set_widgets_metadata()
            return self.nb

        async def _async_handle_timeout(self, timeout, cell=None):
            self.timed_out = True  # the execution timeout (a late IOPub message is not one)
            return await super()._async_handle_timeout(timeout, cell)

        def execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
            try:
                return super().execute_cell(cell, cell_index, execution_count, store_history)
            except CellTimeoutError:
                if not self.timed_out:
                    raise
                why = f"timed out after {self.timeout:g} s (execution timeout)"
                error = new_output("error", ename=TIMEOUT_ENAME, evalue=why,
                                   traceback=[f"{TIMEOUT_ENAME}: {why}"])
                cell.outputs.append(error)
                raise CellExecutionError.from_cell_and_msg(cell, error) from None

        def log_output_message(self, output):
            if not self.output_prefix:
                return super().log_output_message(output)
            if output.output_type == "stream":
                text = output.text
                level = logging.WARNING if output.name == "stderr" else logging.INFO
            elif "text/plain" in output.get("data", {}):
                text, level = output.data["text/plain"], logging.INFO
            else:
                return None
            for line in "".join(text).splitlines():
                self.log.log(level, "%s %s", self.output_prefix, line)
            return None

    class Engine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, start_timeout=60,
                                     execution_timeout=None, output_prefix=None, **kwargs):
            kwargs = remove_args(["input_path", "timeout", "startup_timeout", "stdout_file",
                                  "stderr_file"], **kwargs)
            return Client(nb_man, timeout=execution_timeout, startup_timeout=start_timeout,
                          kernel_name=kernel_name, log=logging.getLogger(OUTPUT_LOGGER),
                          log_output=bool(output_prefix or log_output),
                          output_prefix=output_prefix or "", **kwargs).execute()

    papermill_engines.register(_ENGINE, Engine)
    return _ENGINE
