"""Executors: what a process pool and a Dask LocalCluster cost and give on this machine.

Measured in one run, each the median of ``--repeats`` rounds in which the measures alternate:

- startup: ``get_executor`` to the first result of a no-op task (a process pool with the
  forkserver, cold (the server starts too) and warm (it is running), and with spawn; a Dask
  LocalCluster of ``--jobs`` worker processes).
- CPU-bound throughput: ``--tasks`` tasks of about ``--task-ms`` ms of pure-Python arithmetic
  each, on 1 and on ``--jobs`` worker processes, and on the LocalCluster (pools started and
  warm before the clock starts), and in this process before and after (the baseline); with
  the cores the workers actually got (their CPU seconds / wall seconds): on a shared machine
  other processes' load caps the speed-up, and this says by how much.
- per-task overhead: ``--tiny`` no-op tasks (wall time per task), and a result shaped like
  ``analyze_batch``'s (a dict of two DataFrames, ``--rows`` rows) sent back per task.

Run:  .venv/bin/python benches/bench_executors.py [--jobs 2] [--repeats 3] [--write FILE.md]
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import statistics
import sys
import time
from pathlib import Path

TESTS = str(Path(__file__).resolve().parent.parent / "tests")
sys.path.insert(0, TESTS)
# worker processes import the toy tasks by name
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (TESTS, os.environ.get("PYTHONPATH")) if p)

import executor_tasks as tasks  # noqa: E402

from newsbench import executors  # noqa: E402


def drain(ex, fn, items, extra_args=()) -> int:
    n = 0
    for _ in ex.map_unordered(fn, items, extra_args=extra_args):
        n += 1
    return n


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's descendants (the workers)."""
    try:
        import psutil
    except ImportError:
        return float("nan")
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def calibrate(task_ms: float) -> int:
    """``spin`` rounds that take about ``task_ms`` in this process."""
    n = 20_000
    while True:
        took = timed(lambda: tasks.spin(n))
        if took > 0.02:
            return max(1, int(n * task_ms / 1000 / took))
        n *= 2


def make(engine: str, jobs: int, start_method: str | None = None) -> executors.Executor:
    cls = executors.EXECUTORS[engine]  # the class itself: processes with jobs=1 is a real pool
    ex = cls(jobs=jobs)
    if start_method:
        ex.start_method = start_method
    return ex


def startup(engine: str, jobs: int, start_method: str | None = None) -> float:
    t0 = time.perf_counter()
    with make(engine, jobs, start_method) as ex:
        drain(ex, tasks.noop, range(jobs))
        took = time.perf_counter() - t0
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=executors.default_jobs())
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--tasks", type=int, default=40)
    ap.add_argument("--task-ms", type=float, default=50.0)
    ap.add_argument("--tiny", type=int, default=2000)
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--write", type=Path)
    args = ap.parse_args()
    jobs, reps = args.jobs, args.repeats
    try:
        import distributed  # noqa: F401
        has_dask = not args.no_dask
    except ImportError:
        has_dask = False

    rows: list[tuple[str, str]] = []

    def report(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"{name:<58} {value}", flush=True)

    print(f"{platform.machine()} / Python {platform.python_version()}, {os.cpu_count()} cores "
          f"({executors.default_jobs()} usable), load {os.getloadavg()[0]:.2f}; jobs={jobs}, "
          f"start method {executors._start_method()}")

    # -- startup ------------------------------------------------------------------------------
    cold = startup("processes", jobs)  # the first pool in this process also starts the forkserver
    if has_dask:
        first = startup("dask", jobs)
    takes: dict[str, list[float]] = {"warm": [], "spawn": [], "dask": []}
    for _ in range(reps):  # the measures alternate within each round
        takes["warm"].append(startup("processes", jobs))
        takes["spawn"].append(startup("processes", jobs, "spawn"))
        if has_dask:
            takes["dask"].append(startup("dask", jobs))
    warm, spawn = statistics.median(takes["warm"]), statistics.median(takes["spawn"])
    report(f"startup: process pool, {jobs} workers, forkserver (first pool)", f"{cold:.2f} s")
    report(f"startup: process pool, {jobs} workers, forkserver (later pools)", f"{warm:.2f} s")
    report(f"startup: process pool, {jobs} workers, spawn", f"{spawn:.2f} s")
    if has_dask:
        again = statistics.median(takes["dask"])
        report(f"startup: Dask LocalCluster, {jobs} worker processes (first)", f"{first:.2f} s")
        report(f"startup: Dask LocalCluster, {jobs} worker processes (later)", f"{again:.2f} s")

    # -- CPU-bound throughput, then per-task overhead, all pools started first ----------------
    n = calibrate(args.task_ms)
    items = [n] * args.tasks
    pools = {"processes x1": make("processes", 1), f"processes x{jobs}": make("processes", jobs)}
    if has_dask:
        pools[f"dask x{jobs}"] = make("dask", jobs)
    k = max(jobs * 10, 20)
    measures = {
        "cpu": (lambda: [tasks.spin(x) for x in items],
                lambda ex: drain(ex, tasks.spin, items)),
        "tiny": (lambda: [tasks.noop(i) for i in range(args.tiny)],
                 lambda ex: drain(ex, tasks.noop, range(args.tiny))),
        "frames": (lambda: [tasks.frames(args.rows) for _ in range(k)],
                   lambda ex: drain(ex, tasks.frames, [args.rows] * k)),
    }
    got: dict[tuple[str, str], list[float]] = {}

    def in_this_process() -> None:
        # not while the pools are up: the LocalCluster's scheduler and the client's event loop
        # are threads of this process and would take the GIL from the baseline now and then
        for what, (here, _) in measures.items():
            got.setdefault((what, "here"), []).append(timed(here))

    for _ in range(reps):
        in_this_process()
    try:
        for ex in pools.values():
            drain(ex, tasks.noop, range(2 * ex.workers))  # started and warm
        for _ in range(reps):
            for what, (_, there) in measures.items():
                for name, ex in pools.items():
                    before = children_cpu()
                    got.setdefault((what, name), []).append(timed(lambda ex=ex: there(ex)))
                    if what == "cpu":  # how many cores the workers actually got
                        used = (children_cpu() - before) / got[what, name][-1]
                        got.setdefault(("cores", name), []).append(used)
    finally:
        for ex in pools.values():
            ex.close()
    for _ in range(reps):
        in_this_process()
    med = {key: statistics.median(v) for key, v in got.items()}
    base = med["cpu", "here"]
    report(f"cpu: {args.tasks} tasks x {1000 * base / args.tasks:.0f} ms, in this process",
           f"{base:.2f} s ({args.tasks / base:.1f} tasks/s)")
    cpu = {name: med["cpu", name] for name in pools}
    for name, took in cpu.items():
        report(f"cpu: {name}", f"{took:.2f} s ({args.tasks / took:.1f} tasks/s, "
               f"{base / took:.2f}x this process; workers used {med['cores', name]:.2f} cores)")
    serial_tiny = med["tiny", "here"]
    tiny = {name: med["tiny", name] for name in pools}
    for name, took in tiny.items():
        report(f"overhead: {args.tiny} no-op tasks, {name}",
               f"{1e6 * (took - serial_tiny) / args.tiny:.0f} us per task")
    size = len(pickle.dumps(tasks.frames(args.rows), protocol=5))
    report(f"result: {k} tasks returning 2 frames of {args.rows} rows ({size / 1e6:.1f} MB "
           "pickled), in this process", f"{1000 * med['frames', 'here'] / k:.1f} ms per task")
    frames = {name: med["frames", name] for name in pools}
    for name, took in frames.items():
        report(f"result: the same, {name}", f"{1000 * took / k:.1f} ms per task (wall)")

    # -- ratios -------------------------------------------------------------------------------
    print()
    many = f"processes x{jobs}"
    report(f"ratio: cpu speed-up, {jobs} processes / 1 process",
           f"{cpu['processes x1'] / cpu[many]:.2f}x")
    report(f"ratio: cpu, {jobs} processes vs this process", f"{base / cpu[many]:.2f}x")
    if has_dask:
        d = f"dask x{jobs}"
        report(f"ratio: cpu time, dask / processes ({jobs} workers)", f"{cpu[d] / cpu[many]:.2f}")
        report(f"ratio: no-op task overhead, dask / processes ({jobs} workers)",
               f"{(tiny[d] - serial_tiny) / (tiny[many] - serial_tiny):.1f}")
        report(f"ratio: frames result time, dask / processes ({jobs} workers)",
               f"{frames[d] / frames[many]:.2f}")
        report("ratio: startup, LocalCluster / process pool (later pools)", f"{again / warm:.0f}")

    report("load average (1 min) at the end", f"{os.getloadavg()[0]:.2f}")

    if args.write:
        lines = ["# Executors", "", f"Command: `.venv/bin/python benches/bench_executors.py "
                 f"--jobs {jobs} --repeats {reps}`", "", "| measure | value |", "|---|---|"]
        lines += [f"| {a} | {b} |" for a, b in rows]
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
