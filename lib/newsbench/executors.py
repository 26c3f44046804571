"""Where the work runs: one interface over interchangeable executors (after ploomber's
``executors/serial.py`` and ``parallel.py``, and Dask's ``Client.submit``/``as_completed``).

::

    from newsbench.executors import get_executor

    with get_executor("processes", jobs=4, initializer=warm_up) as ex:
        for index, result in ex.map_unordered(analyze_batch, batches, extra_args=(options,)):
            write(index, result)          # each result as it arrives: memory stays flat

Every executor takes items from ``items`` lazily, keeps at most :attr:`Executor.in_flight`
tasks (about two per worker) submitted at a time, and yields ``(index, result)`` pairs as tasks
finish, ``index`` being the item's position in ``items``. The function must be picklable
(defined at module level); ``extra_args`` are sent with every task, so keep them small.

- A task's exception reaches the caller as itself (the worker's traceback chained as its
  ``__cause__`` by ``processes``, inside its traceback by ``dask``), after the queued tasks are
  cancelled.
- A worker that dies (SIGKILL, the out-of-memory killer) raises :class:`ExecutorError`, never hangs.
- Ctrl-C while mapping cancels what is queued, stops the workers and re-raises
  ``KeyboardInterrupt`` within a couple of seconds; a second Ctrl-C kills them at once.
  Workers started here ignore SIGINT (the terminal sends it to the whole process group), so
  only the caller decides how to stop.

A new executor is one :class:`Executor` subclass and one line in :data:`EXECUTORS`.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar

from .errors import ExecutorError, ParameterError, one_line

__all__ = ["EXECUTORS", "Executor", "ExecutorError", "SerialExecutor", "ProcessExecutor",
           "DaskExecutor", "default_jobs", "get_executor"]


def default_jobs() -> int:
    """The number of cores this process may run on (its CPU affinity where the OS has one)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+: affinity-aware
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        try:
            return len(os.sched_getaffinity(0)) or 1
        except OSError:
            pass
    return os.cpu_count() or 1


class Executor:
    """Runs ``fn(item, *extra_args)`` for every item somewhere; a context manager.

    Args:
        jobs: how many tasks run at once (workers).
        initializer: called as ``initializer(*initargs)`` once in every worker before its first
            task (load the model once per process). Must be picklable for process engines.
        initargs: its arguments.
    """

    #: The name :func:`get_executor` knows this executor by.
    engine: ClassVar[str] = ""
    #: Keyword options of :func:`get_executor` beyond ``jobs`` and ``initializer`` it takes.
    options: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, jobs: int = 1, initializer: Callable[..., Any] | None = None,
                 initargs: tuple = ()) -> None:
        self.jobs = jobs
        self.initializer = initializer
        self.initargs = tuple(initargs)
        self._closed = False

    # -- the interface ------------------------------------------------------------------------

    @property
    def workers(self) -> int:
        """How many tasks can run at once."""
        return self.jobs

    @property
    def in_flight(self) -> int:
        """At most this many tasks are submitted and not yet handed back at any time."""
        return max(1, 2 * self.workers)

    @property
    def info(self) -> dict[str, Any]:
        """What ran the work, for a run record (``run.json``)."""
        return {"engine": self.engine, "jobs": self.workers}

    def map_unordered(self, fn: Callable[..., Any], items: Iterable[Any], *,
                      extra_args: tuple = ()) -> Iterator[tuple[int, Any]]:
        """``(index, fn(item, *extra_args))`` for every item of ``items``, as each finishes.

        ``items`` may be a generator of any length: it is read only as tasks are handed back,
        so at most :attr:`in_flight` items are held at a time. Results are never collected:
        each is yielded once and forgotten.
        """
        if self._closed:
            raise ExecutorError(f"the {self.engine} executor is closed; get a new one")
        extra_args = tuple(extra_args)
        self._check_picklable(fn, extra_args)
        return self._map(fn, enumerate(items), extra_args)

    def close(self) -> None:
        """Wait for running tasks, then release the workers. Safe to call twice."""
        self._closed = True

    def abort(self) -> None:
        """Stop now: cancel every task and stop the workers without waiting for them."""
        self._closed = True

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:  # an error or Ctrl-C in the block: nobody wants the tasks still running
            self.abort()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} jobs={self.workers}>"

    # -- what a subclass provides -------------------------------------------------------------

    def _check_picklable(self, fn, extra_args) -> None:
        """Refuse, with a clear message, what cannot be sent to a worker (default: no check)."""

    def _start(self, fn) -> None:
        """Start the workers (called before the first task of ``fn`` is submitted)."""

    def _submit(self, fn, item, extra_args):
        """Submit one task; returns a future with ``add_done_callback`` and ``cancel``."""
        raise NotImplementedError

    def _result(self, future) -> Any:
        """The task's result, or its exception raised (the executor's own failures translated)."""
        return future.result()

    def _cancel(self, futures: list) -> None:
        for future in futures:
            future.cancel()

    # -- the one windowed loop every pool shares ----------------------------------------------

    def _map(self, fn, items: Iterator[tuple[int, Any]], extra_args) -> Iterator[tuple[int, Any]]:
        self._start(fn)
        done: queue.SimpleQueue = queue.SimpleQueue()  # futures, as they finish (callback thread)
        pending: dict[Any, int] = {}  # future -> index of its item
        window = self.in_flight
        exhausted = False

        def top_up() -> None:
            nonlocal exhausted
            while not exhausted and len(pending) < window:
                try:
                    index, item = next(items)
                except StopIteration:
                    exhausted = True
                    return
                future = self._submit(fn, item, extra_args)
                pending[future] = index
                future.add_done_callback(done.put)

        try:
            top_up()
            while pending:
                future = done.get()  # interruptible: Ctrl-C lands here while workers run
                index = pending.pop(future, None)
                if index is None:  # a stale callback (the same future reported twice)
                    continue
                result = self._result(future)
                del future
                top_up()  # keep the workers busy while the caller handles this result
                yield index, result
                del result
        except BaseException as exc:
            # a task failed, the caller stopped iterating (GeneratorExit) or Ctrl-C: cancel
            # what is queued; on Ctrl-C stop the workers too
            self._cancel(list(pending))
            pending.clear()
            if isinstance(exc, KeyboardInterrupt):
                self.abort()
            raise


class SerialExecutor(Executor):
    """Runs every task in this process, one after another, in order (no pickling, no pools)."""

    engine = "serial"

    def __init__(self, *, jobs: int = 1, initializer=None, initargs: tuple = ()) -> None:
        super().__init__(jobs=1, initializer=initializer, initargs=initargs)
        self._warm = False

    @property
    def in_flight(self) -> int:
        return 1  # one item taken, run, handed back, then the next

    def _map(self, fn, items, extra_args):
        if self.initializer is not None and not self._warm:
            self.initializer(*self.initargs)
            self._warm = True
        for index, item in items:
            yield index, fn(item, *extra_args)


def _pickle_check(engine: str, what: str, obj) -> None:
    try:
        pickle.dumps(obj)
    except Exception as exc:
        raise ParameterError(one_line(
            f"engine {engine!r}: {what} cannot be sent to worker processes ({type(exc).__name__}: "
            f"{exc}); use a function defined at module level and picklable arguments")) from None


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the caller, which stops them itself."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no signals here
        pass


def _process_worker_init(initializer, initargs, log_level: int = logging.WARNING) -> None:
    _ignore_sigint()
    _worker_messages(log_level)
    if initializer is not None:
        initializer(*initargs)


def _worker_messages(level: int) -> None:
    """A worker shows the library's messages as the command line does (one line on stderr,
    ``newsbench: warning: ...``), from the level its parent shows."""
    lib = logging.getLogger("newsbench")
    if not lib.handlers:
        handler = logging.StreamHandler()
        from .messages import LineFormatter

        handler.setFormatter(LineFormatter())
        lib.addHandler(handler)
    lib.setLevel(level)


def _start_method() -> str:
    """``forkserver`` where the platform has it (Linux, macOS), else ``spawn`` (Windows).

    Not ``fork``: the parent has threads (tqdm's monitor, Dask's event loop, the pool's own
    queue threads, a Jupyter kernel's), and a forked child inherits their locks in whatever
    state they were in, which deadlocks at random. ``forkserver`` and ``spawn`` both start
    workers from a clean single-threaded process. ``forkserver`` is preferred: its workers are
    forks of one server started once per process, which has already imported newsbench and
    the task's module (:func:`_forkserver_preload`), so a pool starts in about 0.02 s once the
    server runs (0.8 s the first time), where ``spawn`` starts and imports a fresh interpreter
    per worker (1-2 s); it is also Python's default on Linux from 3.14 on.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def _forkserver_preload(modules) -> None:
    """Have the forkserver import ``modules`` once, so that every worker forks with them loaded.

    Without it each worker imports pandas, newsbench and the task's module itself (about a
    second each here: the server's default preload, ``__main__``, does nothing on Python 3.11,
    which never hands it the main module's path). Only possible before the server starts (the
    first pool in a process); a module that fails to import there is skipped, and imported by
    the workers as usual.
    """
    import multiprocessing
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    if server is not None and getattr(server, "_forkserver_pid", None) is not None:
        return  # already running: too late, and nothing to change
    current = list(getattr(server, "_preload_modules", None) or ["__main__"])
    wanted = current + [m for m in modules if m and m != "__main__" and m not in current]
    multiprocessing.get_context("forkserver").set_forkserver_preload(wanted)


def _describe_exit(process) -> str:
    code = process.exitcode
    if code is None:
        return f"pid {process.pid}"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = ": often the out-of-memory killer" if -code == getattr(signal, "SIGKILL", 9) else ""
        return f"pid {process.pid} killed by {name}{hint}"
    return f"pid {process.pid} exited with code {code}"


class ProcessExecutor(Executor):
    """A pool of ``jobs`` worker processes (``concurrent.futures.ProcessPoolExecutor``).

    Workers start with :func:`_start_method` (``forkserver``, else ``spawn``) and are reused for
    every task and every ``map_unordered`` until :meth:`close`.
    """

    engine = "processes"

    def __init__(self, *, jobs: int = 1, initializer=None, initargs: tuple = ()) -> None:
        super().__init__(jobs=jobs, initializer=initializer, initargs=initargs)
        if initializer is not None:
            _pickle_check(self.engine, f"the initializer {initializer!r}",
                          (initializer, self.initargs))
        self.start_method = _start_method()
        self._pool = None
        self._seen: dict[int, Any] = {}  # pid -> multiprocessing.Process, to explain a crash
        self._fn_name = "the task"

    @property
    def info(self) -> dict[str, Any]:
        return {**super().info, "start_method": self.start_method}

    def _check_picklable(self, fn, extra_args) -> None:
        _pickle_check(self.engine, f"the function {fn!r}", fn)
        _pickle_check(self.engine, "extra_args", extra_args)
        self._fn_name = getattr(fn, "__qualname__", repr(fn))

    def _start(self, fn) -> None:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if self.start_method == "forkserver":
                _forkserver_preload(["newsbench.executors", getattr(fn, "__module__", None),
                                     getattr(self.initializer, "__module__", None)])

            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context(self.start_method),
                initializer=_process_worker_init,
                initargs=(self.initializer, self.initargs,
                          logging.getLogger("newsbench").getEffectiveLevel()))

    def _submit(self, fn, item, extra_args):
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._pool.submit(fn, item, *extra_args)
        except BrokenProcessPool as exc:
            raise ExecutorError(self._broken_message()) from exc
        self._seen.update(getattr(self._pool, "_processes", None) or {})
        return future

    def _result(self, future):
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise ExecutorError(self._broken_message()) from exc

    def _broken_message(self) -> str:
        deadline = time.monotonic() + 1.0  # the pool stops the others: their exit codes come
        for process in self._seen.values():
            try:
                process.join(max(0.0, deadline - time.monotonic()))
            except (AssertionError, ValueError, OSError):
                pass
        ended = [p for p in self._seen.values() if p.exitcode is not None]
        # the one that was killed first; the pool then stops the others itself (SIGTERM)
        killed = [p for p in ended if p.exitcode < 0 and p.exitcode != -signal.SIGTERM]
        what = "; ".join(_describe_exit(p) for p in (killed or ended)[:3]) or "one ended abruptly"
        return one_line(
            f"a worker process died while running {self._fn_name} ({what}); the process pool is "
            "broken (BrokenProcessPool) and the remaining tasks were cancelled; rerun, with fewer "
            "jobs if memory ran out")

    def close(self) -> None:
        super().close()
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def abort(self) -> None:
        super().abort()
        pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        _stop_processes(processes)


def _stop_processes(processes, grace: float = 2.0) -> None:
    """SIGTERM, wait up to ``grace`` seconds, then SIGKILL; a Ctrl-C while waiting kills at once."""
    forced = None
    try:
        for p in processes:
            if p.is_alive():
                p.terminate()
        deadline = time.monotonic() + grace
        for p in processes:
            p.join(max(0.0, deadline - time.monotonic()))
    except KeyboardInterrupt as exc:  # the second Ctrl-C: no more waiting
        forced = exc
    for p in processes:
        try:
            if p.is_alive():
                p.kill()
                p.join(0.5)
        except (OSError, ValueError, AssertionError):
            pass
    if forced is not None:
        raise forced


# -- Dask ---------------------------------------------------------------------------------------

#: Run in every LocalCluster worker at start (a preload given as script text). They share the
#: terminal's process group, and Ctrl-C is the caller's to handle.
#: A task's exception reaches the caller with its traceback: the worker's "Compute Failed" log
#: of it would only repeat it on the terminal.
_DASK_WORKER_PRELOAD = """\
import logging, signal  # newsbench: Ctrl-C is the caller's; no duplicate of a task's error
signal.signal(signal.SIGINT, signal.SIG_IGN)
logging.getLogger("distributed.worker").addFilter(
    lambda record: not str(record.msg).startswith("Compute Failed"))
"""

_WARMED: set[str] = set()
_WARM_LOCK = threading.Lock()


def _warm_call(token, initializer, initargs, fn, item, *extra_args):
    """Run ``initializer(*initargs)`` once per worker process (per ``token``), then the task."""
    if token not in _WARMED:
        with _WARM_LOCK:
            if token not in _WARMED:
                initializer(*initargs)
                _WARMED.add(token)
    return fn(item, *extra_args)


_DASK_LOGGERS = ("distributed", "distributed.client", "distributed.scheduler", "distributed.nanny",
                 "distributed.worker", "distributed.core", "distributed.batched")


def _quiet_dask_logs(level: int = logging.WARNING) -> None:
    """Dask logs at INFO by default (scheduler and workers starting, closing): warnings only."""
    for name in _DASK_LOGGERS:
        logging.getLogger(name).setLevel(level)


def _dask_missing() -> ParameterError:
    return ParameterError("engine 'dask' needs Dask's distributed scheduler, which is not "
                          "installed: pip install 'newsbench[dask]'")


class DaskExecutor(Executor):
    """Tasks on a Dask cluster through ``distributed.Client``.

    With no scheduler (argument, ``dask.config`` ``scheduler-address`` or
    ``$DASK_SCHEDULER_ADDRESS``): a ``LocalCluster`` of ``jobs`` single-threaded worker
    processes on 127.0.0.1, no dashboard, started on first use and closed by :meth:`close`.
    With one (``tcp://host:port``, or a scheduler JSON file): that cluster, which is left
    running; the in-flight window is then twice its number of worker threads.
    """

    engine = "dask"
    options = ("scheduler",)

    def __init__(self, *, jobs: int = 1, scheduler: str | None = None, initializer=None,
                 initargs: tuple = ()) -> None:
        super().__init__(jobs=jobs, initializer=initializer, initargs=initargs)
        try:
            import dask
            import distributed  # noqa: F401
        except ImportError:
            raise _dask_missing() from None
        self.scheduler = (scheduler or dask.config.get("scheduler-address", None)
                          or os.environ.get("DASK_SCHEDULER_ADDRESS") or None)
        self._client = None
        self._cluster = None
        self._threads = jobs
        self._token = uuid.uuid4().hex

    @property
    def workers(self) -> int:
        return self._threads

    @property
    def info(self) -> dict[str, Any]:
        return {**super().info, "scheduler": self.scheduler or "LocalCluster"}

    def _start(self, fn) -> None:
        if self._client is not None:
            self._count_threads()
            return
        from distributed import Client, LocalCluster

        _quiet_dask_logs()
        if self.scheduler:
            try:
                if self.scheduler.endswith(".json") and os.path.isfile(self.scheduler):
                    self._client = Client(scheduler_file=self.scheduler, set_as_default=False)
                else:
                    self._client = Client(self.scheduler, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ExecutorError(one_line(
                    f"cannot use the Dask scheduler at {self.scheduler} ({type(exc).__name__}: "
                    f"{exc}); start one (dask scheduler) or give another address")) from None
        else:
            self._cluster = LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=logging.WARNING,
                # no dashboard; the scheduler's small HTTP server (health, metrics) on any free
                # local port, not 8787 (taken by another cluster -> a warning)
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                preload=[_DASK_WORKER_PRELOAD])
            try:
                self._client = Client(self._cluster, set_as_default=False)
            except BaseException:
                self._cluster.close()
                self._cluster = None
                raise
        self._count_threads()

    def _count_threads(self) -> None:
        try:
            threads = sum(self._client.nthreads().values())
        except Exception:
            threads = 0
        self._threads = threads or self.jobs

    def _submit(self, fn, item, extra_args):
        if self.initializer is not None:
            return self._client.submit(_warm_call, self._token, self.initializer, self.initargs,
                                       fn, item, *extra_args, pure=False)
        return self._client.submit(fn, item, *extra_args, pure=False)

    def _result(self, future):
        from concurrent.futures import CancelledError

        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            said = str(exc).split(". ")[0]  # "... on 4 different workers, but all ... died ..."
            raise ExecutorError(one_line(
                f"Dask workers died while running a task (KilledWorker: {said}); the remaining "
                "tasks were cancelled; rerun, with fewer jobs or more worker memory")) from exc
        except CancelledError as exc:
            raise ExecutorError(one_line(
                f"the Dask cluster dropped a task ({type(exc).__name__}: {exc}); is the "
                "scheduler still running?")) from exc

    def _cancel(self, futures: list) -> None:
        if futures and self._client is not None:
            try:
                self._client.cancel(futures, force=True)
            except Exception:
                pass

    def close(self) -> None:
        super().close()
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        try:
            if client is not None:
                client.close()
        finally:
            if cluster is not None:
                cluster.close()

    def abort(self) -> None:
        super().abort()
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        _quiet_dask_logs(logging.CRITICAL)  # closing mid-task: broken comms are expected
        pids = []
        if cluster is not None:
            for nanny in list(getattr(cluster, "workers", {}).values()):
                try:
                    pid = nanny.pid
                except Exception:
                    pid = None
                if pid:
                    pids.append(pid)
        try:
            if cluster is not None:
                _kill_pids(pids, signal.SIGTERM)  # busy workers need not finish their task
            if client is not None:
                client.close(timeout=2)
            if cluster is not None:
                cluster.close(timeout=2)
        except KeyboardInterrupt:  # the second Ctrl-C
            _kill_pids(pids, signal.SIGKILL)
            raise
        except Exception:
            _kill_pids(pids, signal.SIGKILL)
        finally:
            _quiet_dask_logs(logging.WARNING)


def _kill_pids(pids, sig) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (OSError, ProcessLookupError):
            pass


#: engine name -> executor class: a new executor is one class and one line here.
EXECUTORS: dict[str, type[Executor]] = {
    "serial": SerialExecutor,
    "processes": ProcessExecutor,
    "dask": DaskExecutor,
}


def get_executor(engine: str = "processes", *, jobs: int | None = None,
                 scheduler: str | None = None, initializer: Callable[..., Any] | None = None,
                 initargs: tuple = ()) -> Executor:
    """The executor for ``engine`` (``serial``, ``processes`` or ``dask``); nothing starts yet.

    Args:
        engine: where the tasks run.
        jobs: tasks at once (default: the cores this process may use, :func:`default_jobs`).
            ``processes`` with ``jobs=1`` runs in this process (a ``serial`` executor).
        scheduler: ``dask`` only: the address of a running scheduler (``tcp://host:port``);
            default ``dask.config``'s ``scheduler-address`` / ``$DASK_SCHEDULER_ADDRESS``, else a
            LocalCluster of ``jobs`` worker processes.
        initializer, initargs: ``initializer(*initargs)`` runs once in each worker before its
            first task (load the model once per process).

    Raises:
        ParameterError: an unknown engine, ``jobs`` < 1, ``scheduler`` without ``dask``, or Dask
            not installed.
    """
    if engine not in EXECUTORS:
        raise ParameterError(f"unknown engine {engine!r}; choose one of: {', '.join(EXECUTORS)}")
    if jobs is None:
        jobs = default_jobs()
    elif isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ParameterError(f"jobs: {jobs!r} is not allowed; use a whole number, 1 or more "
                             "(default: one per core)")
    cls = EXECUTORS[engine]
    kwargs: dict[str, Any] = {"jobs": jobs, "initializer": initializer, "initargs": tuple(initargs)}
    for name, value in (("scheduler", scheduler),):
        if value is None:
            continue
        if name not in cls.options:
            takers = [e for e, c in EXECUTORS.items() if name in c.options]
            allowed = " or ".join(map(repr, takers))
            raise ParameterError(f"{name} is only used with engine {allowed}, not {engine!r}")
        kwargs[name] = value
    if cls is ProcessExecutor and jobs == 1:  # one worker: no pool, no pickling
        cls = SerialExecutor
    return cls(**kwargs)
