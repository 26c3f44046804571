"""newsbench.executors: one interface, interchangeable engines (serial, a process pool, a real
Dask LocalCluster of two worker processes), bounded and lazy, errors and Ctrl-C handled."""

from __future__ import annotations

import os
import pickle
import signal
import socket
import subprocess
import sys
import textwrap
import time
import traceback
from pathlib import Path

import pytest

import executor_tasks as tasks
from newsbench import executors
from newsbench.errors import NewsbenchError, ParameterError
from newsbench.executors import ExecutorError, get_executor

TESTS = str(Path(__file__).resolve().parent)
ENGINES = ["serial", "processes", "dask"]


def _with_tests_on_path(env: dict) -> dict:
    """Worker processes import executor_tasks by name: tests/ on their PYTHONPATH."""
    old = env.get("PYTHONPATH")
    return {**env, "PYTHONPATH": TESTS + (os.pathsep + old if old else "")}


@pytest.fixture(scope="module", autouse=True)
def _worker_path():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHONPATH", _with_tests_on_path(dict(os.environ))["PYTHONPATH"])
        yield


@pytest.fixture(scope="module")
def pool():
    with get_executor("processes", jobs=2, initializer=tasks.warm_up, initargs=("warm",)) as ex:
        yield ex


@pytest.fixture(scope="module")
def dask_cluster():
    pytest.importorskip("distributed")
    with get_executor("dask", jobs=2, initializer=tasks.warm_up, initargs=("warm",)) as ex:
        list(ex.map_unordered(tasks.noop, range(2)))  # started: the tests time the work only
        yield ex


@pytest.fixture()
def executor(request):
    """Each engine in turn: serial (fresh), the module's process pool, the module's cluster."""
    engine = request.param
    if engine == "serial":
        with get_executor("serial", initializer=tasks.warm_up, initargs=("warm",)) as ex:
            yield ex
    else:
        yield request.getfixturevalue("pool" if engine == "processes" else "dask_cluster")


def counted(n: int, log: list):
    """A generator of 0..n-1 that records each item as it is taken."""
    for i in range(n):
        log.append(i)
        yield i


# -- choosing an executor -----------------------------------------------------------------------

def test_unknown_engine_names_the_choices():
    with pytest.raises(ParameterError) as info:
        get_executor("threads")
    message = str(info.value)
    assert "'threads'" in message and "serial, processes, dask" in message
    assert "\n" not in message


@pytest.mark.parametrize("jobs", [0, -2, 1.5, True, "2"])
def test_bad_jobs(jobs):
    with pytest.raises(ParameterError, match="1 or more") as info:
        get_executor("processes", jobs=jobs)
    assert "\n" not in str(info.value)


def test_scheduler_only_with_dask():
    with pytest.raises(ParameterError, match="only used with engine 'dask'"):
        get_executor("processes", scheduler="tcp://127.0.0.1:8786")


def test_default_jobs_is_the_usable_cores():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert executors.default_jobs() == expected
    assert get_executor("processes").jobs == expected


def test_one_process_runs_in_process():
    ex = get_executor("processes", jobs=1)
    assert ex.engine == "serial" and ex.info == {"engine": "serial", "jobs": 1}
    assert [r["pid"] for _, r in ex.map_unordered(tasks.square, [1, 2])] == [os.getpid()] * 2


def test_registry_is_the_one_list_of_engines():
    assert list(executors.EXECUTORS) == ENGINES
    for name, cls in executors.EXECUTORS.items():
        assert cls.engine == name and issubclass(cls, executors.Executor)


def test_dask_not_installed(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ParameterError) as info:
        get_executor("dask", jobs=2)
    assert "pip install 'newsbench[dask]'" in str(info.value)


def test_processes_refuse_what_cannot_be_pickled():
    ex = get_executor("processes", jobs=2)
    with pytest.raises(ParameterError, match="module level"):
        ex.map_unordered(lambda x: x, [1])
    with pytest.raises(ParameterError, match="initializer"):
        get_executor("processes", jobs=2, initializer=lambda: None)
    assert ex._pool is None  # refused before any worker started


def test_closed_executor_says_so():
    ex = get_executor("serial")
    ex.close()
    with pytest.raises(ExecutorError, match="closed"):
        ex.map_unordered(tasks.noop, [1])


def test_executor_error_is_a_newsbench_error():
    assert issubclass(ExecutorError, NewsbenchError)
    assert pickle.loads(pickle.dumps(ExecutorError("x"))).args == ("x",)


# -- the same work on every engine --------------------------------------------------------------

@pytest.mark.parametrize("executor", ENGINES, indirect=True)
def test_every_engine_gives_the_same_results(executor):
    n = 16
    got = list(executor.map_unordered(tasks.slow_square, range(n), extra_args=(0.01,)))
    indices = [i for i, _ in got]
    assert sorted(indices) == list(range(n))  # complete, each once
    assert {i: r["y"] for i, r in got} == {x: x * x for x in range(n)}
    assert {r["warm"] for _, r in got} == {"warm"}  # the initializer ran in every worker
    pids = {r["pid"] for _, r in got}
    if executor.engine == "serial":
        assert indices == list(range(n)) and pids == {os.getpid()}
    else:
        assert indices != sorted(indices)  # as they finish, not in order
        assert len(pids) == 2 and os.getpid() not in pids  # two worker processes
        assert executor.workers == 2


@pytest.mark.parametrize("executor", ENGINES, indirect=True)
def test_extra_args_reach_every_task(executor):
    got = dict(executor.map_unordered(tasks.square, range(5), extra_args=(100,)))
    assert {i: r["y"] for i, r in got.items()} == {x: x * x + 100 for x in range(5)}


@pytest.mark.parametrize("executor", ENGINES, indirect=True)
def test_input_is_read_lazily_within_the_window(executor):
    taken: list = []
    n = 60
    stream = executor.map_unordered(tasks.noop, counted(n, taken))
    assert taken == []  # nothing read before the first result is asked for
    received = 0
    for _ in stream:
        received += 1
        if received == 1:
            assert len(taken) < n  # the generator is not exhausted after the first result
        assert len(taken) - received <= executor.in_flight  # at most the window in flight
    assert received == n and len(taken) == n
    assert executor.in_flight == (1 if executor.engine == "serial" else 4)


@pytest.mark.parametrize("executor", ENGINES, indirect=True)
def test_a_task_error_reaches_the_caller_as_itself(executor):
    taken: list = []
    with pytest.raises(ValueError, match="bad item 3: refused on purpose") as info:
        for _ in executor.map_unordered(tasks.fail_on, counted(200, taken)):
            pass
    assert len(taken) < 200  # the rest was never submitted
    text = "".join(traceback.format_exception(info.value))
    assert "executor_tasks.py" in text and "fail_on" in text  # the worker's traceback
    if executor.engine == "processes":
        assert "executor_tasks.py" in str(info.value.__cause__)
    # the executor is still usable after a task failed
    assert sorted(i for i, _ in executor.map_unordered(tasks.noop, range(3))) == [0, 1, 2]


@pytest.mark.parametrize("executor", ["processes", "dask"], indirect=True)
def test_workers_leave_ctrl_c_to_the_caller(executor):
    got = {r for _, r in executor.map_unordered(tasks.sigint_disposition, range(4))}
    assert got == {"ignored"}


def test_stopping_early_cancels_the_rest(pool):
    taken: list = []
    for i, _ in pool.map_unordered(tasks.noop, counted(1000, taken)):
        break
    assert len(taken) <= pool.in_flight + 1
    assert sorted(i for i, _ in pool.map_unordered(tasks.noop, range(3))) == [0, 1, 2]


# -- workers that die, clusters out of reach ----------------------------------------------------

def test_a_killed_worker_raises_a_clear_error():
    started = time.monotonic()
    with pytest.raises(ExecutorError) as info:
        with get_executor("processes", jobs=2) as ex:
            for _ in ex.map_unordered(tasks.die_on, range(50)):
                pass
    message = str(info.value)
    assert "BrokenProcessPool" in message and "SIGKILL" in message and "die_on" in message
    assert "\n" not in message
    assert time.monotonic() - started < 20  # never a hang


@pytest.mark.slow
def test_a_killed_dask_worker_raises_a_clear_error():
    distributed = pytest.importorskip("distributed")  # noqa: F841 - imported before config.set
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with pytest.raises(ExecutorError, match="KilledWorker") as info:
            with get_executor("dask", jobs=2) as ex:
                for _ in ex.map_unordered(tasks.die_on, range(20)):
                    pass
    assert "\n" not in str(info.value)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_connects_to_a_given_scheduler_and_leaves_it_running():
    distributed = pytest.importorskip("distributed")
    import dask

    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster:
        address = cluster.scheduler_address
        with get_executor("dask", scheduler=address) as ex:
            got = sorted(i for i, _ in ex.map_unordered(tasks.square, range(6)))
            assert got == list(range(6))
            assert ex.info["scheduler"] == address and ex.workers == 2
        with distributed.Client(address, set_as_default=False) as client:  # still running
            assert client.submit(tasks.noop, 7).result() == 7
        with dask.config.set({"scheduler-address": address}):  # Dask's own configuration
            assert get_executor("dask").scheduler == address


def test_dask_scheduler_out_of_reach():
    pytest.importorskip("distributed")
    import dask

    address = f"tcp://127.0.0.1:{_free_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(ExecutorError, match="cannot use the Dask scheduler at " + address):
            with get_executor("dask", scheduler=address) as ex:
                list(ex.map_unordered(tasks.noop, [1]))


# -- Ctrl-C -------------------------------------------------------------------------------------

CTRL_C_SCRIPT = textwrap.dedent("""
    import sys
    import executor_tasks as tasks
    from newsbench.executors import get_executor

    if __name__ == "__main__":
        engine, folder, stubborn = sys.argv[1], sys.argv[2], sys.argv[3] == "stubborn"
        with get_executor(engine, jobs=2) as ex:
            for _ in ex.map_unordered(tasks.hold, range(100), extra_args=(folder, 60, stubborn)):
                pass
""")


@pytest.mark.slow
@pytest.mark.parametrize("engine, workers, presses, within", [
    ("processes", "plain", 1, (0, 3)),
    # workers that ignore SIGTERM: killed after the 2 s grace, or at once on a second Ctrl-C
    ("processes", "stubborn", 1, (1.5, 5)),
    ("processes", "stubborn", 2, (0, 1.9)),
    ("dask", "plain", 1, (0, 4)),
])
def test_ctrl_c_stops_the_workers_promptly(tmp_path, engine, workers, presses, within):
    """SIGINT to the whole process group, as a terminal sends it, while both workers run a
    60 s task: the caller gets KeyboardInterrupt within seconds and no worker is left."""
    psutil = pytest.importorskip("psutil")
    if engine == "dask":
        pytest.importorskip("distributed")
    script = tmp_path / "ctrl_c.py"
    script.write_text(CTRL_C_SCRIPT)
    started = tmp_path / "started"
    started.mkdir()
    proc = subprocess.Popen([sys.executable, str(script), engine, str(started), workers],
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=_with_tests_on_path(dict(os.environ)))
    try:
        deadline = time.monotonic() + 30
        while len(list(started.iterdir())) < 2:  # both workers are inside a task
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the workers never started their tasks"
            time.sleep(0.1)
        children = psutil.Process(proc.pid).children(recursive=True)
        pressed = time.monotonic()
        for press in range(presses):
            if press:
                time.sleep(0.5)
            os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=20)
        took = time.monotonic() - pressed
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert "KeyboardInterrupt" in err, err
    assert proc.returncode in (-signal.SIGINT, 130, 1), err
    low, high = within
    assert low <= took < high, f"stopped {took:.1f} s after Ctrl-C"
    _, alive = psutil.wait_procs(children, timeout=3)
    assert not alive, f"left running: {[(p.pid, p.cmdline()) for p in alive]}"
