"""Toy tasks for tests/test_executors.py and benches/bench_executors.py.

Module-level and picklable, so worker processes (spawned, forked from the forkserver, or Dask
workers) import them by name: tests/ must be on their ``sys.path`` (the tests put it on
``PYTHONPATH`` too).
"""

from __future__ import annotations

import os
import signal
import time

#: Set in each worker by :func:`warm_up`.
WARM: dict[str, object] = {}


def square(x: int, offset: int = 0) -> dict:
    """A small result that says where it ran."""
    return {"x": x, "y": x * x + offset, "pid": os.getpid(), "warm": WARM.get("token")}


def warm_up(token: str) -> None:
    WARM["token"] = token
    WARM["pid"] = os.getpid()


def slow_square(x: int, delay: float = 0.05) -> dict:
    """Unequal durations, so results come back out of order."""
    time.sleep(delay * (1 + (x * 7) % 5))
    return square(x)


def fail_on(x: int, bad: int = 3) -> int:
    if x == bad:
        raise ValueError(f"bad item {x}: refused on purpose")
    time.sleep(0.01)
    return x


def die_on(x: int, bad: int = 2) -> int:
    """The worker running item ``bad`` is killed with SIGKILL (like the out-of-memory killer)."""
    if x == bad:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.05)
    return x


def hold(x: int, folder: str, seconds: float = 60.0, ignore_term: bool = False) -> int:
    """Marks ``folder/<x>.started``, then sleeps; ``ignore_term``: only SIGKILL stops it."""
    if ignore_term:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # main thread only: process pools
    with open(os.path.join(folder, f"{x}.started"), "w"):
        pass
    time.sleep(seconds)
    return x


def spin(n: int) -> int:
    """CPU-bound: ``n`` rounds of integer arithmetic in pure Python (holds the GIL)."""
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i) % 1_000_003
    return acc


def noop(x):
    return x


def sigint_disposition(x) -> str:
    """Whether the worker running this ignores SIGINT."""
    return "ignored" if signal.getsignal(signal.SIGINT) == signal.SIG_IGN else "handled"


def frames(rows: int) -> dict:
    """A result shaped like analyze_batch's: a dict of DataFrames (``rows`` rows each, 2 frames)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(rows)
    words = np.array(["alpha", "beta", "gamma", "delta"], dtype=object)
    frame = pd.DataFrame({"article_id": words[rng.integers(0, 4, rows)], "start": np.arange(rows),
                          "end": np.arange(rows) + 5, "score": rng.random(rows),
                          "text": words[rng.integers(0, 4, rows)]})
    return {"sentences": frame, "mentions": frame.iloc[::2].reset_index(drop=True)}
