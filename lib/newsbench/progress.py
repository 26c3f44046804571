"""Progress of a long run on stderr: a bar on a terminal, plain lines in logs, nothing when quiet.

::

    with progress(len(articles), desc="analyse", unit="articles", quiet=args.quiet) as bar:
        for index, result in executor.map_unordered(...):
            write(result)
            bar.update(len(batches[index]))

- On a terminal: a tqdm bar with count, rate and ETA (redrawn at most twice a second).
- Elsewhere (a pipe, a CI log, a Jupyter kernel): one plain line at most every ``interval``
  seconds, e.g. ``analyse: 1200/5000 articles, 41.2/s, eta 1m32s``, and a final line
  ``analyse: 5000/5000 articles, 41.3/s, done in 2m01s`` (``stopped after ...`` when the
  ``with`` block ends with an exception).
- ``quiet``: nothing at all.

When ``total`` is ``None`` (streamed input) the count and rate are shown, without ETA.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO

__all__ = ["Progress", "progress"]


def _duration(seconds: float) -> str:
    """``45s``, ``1m32s``, ``2h03m``."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def _rate(per_second: float) -> str:
    if per_second >= 1000:
        return f"{per_second:.0f}"
    if per_second >= 1:
        return f"{per_second:.1f}"
    return f"{per_second:.2g}"


class Progress:
    """Counts work done; this base class shows nothing (``quiet``).

    Attributes:
        n: units done so far.
        total: units expected, or ``None`` when unknown.
    """

    def __init__(self, total: int | None, *, desc: str, unit: str) -> None:
        self.total = total
        self.desc = desc
        self.unit = unit
        self.n = 0
        self.closed = False
        self._failed = False

    def update(self, n: int = 1) -> None:
        """Count ``n`` more units done."""
        if not self.closed:
            self.n += n
            self._shown()

    def close(self) -> None:
        """Finish the display (the final line or the bar's last state). Safe to call twice."""
        if not self.closed:
            self.closed = True
            self._finish()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._failed = exc_type is not None
        self.close()

    def _shown(self) -> None:
        pass

    def _finish(self) -> None:
        pass


class _Bar(Progress):
    """A tqdm bar (rate, ETA) on a terminal."""

    def __init__(self, total, *, desc, unit, file) -> None:
        super().__init__(total, desc=desc, unit=unit)
        from tqdm import tqdm

        # " articles": tqdm writes the unit right after the number ("41.2 articles/s"). A
        # terminal that reports no size (some pseudo-terminals) would hide the bar: 80x24 then.
        sized = _columns(file) > 0
        self._bar = tqdm(total=total, desc=desc, unit=f" {unit}", file=file, dynamic_ncols=sized,
                         ncols=None if sized else 80, nrows=None if sized else 24,
                         mininterval=0.5, smoothing=0.1, leave=True)

    def update(self, n: int = 1) -> None:
        if not self.closed:
            self.n += n
            self._bar.update(n)

    def _finish(self) -> None:
        self._bar.close()


class _Lines(Progress):
    """Plain lines, at most one every ``interval`` seconds, and a final one."""

    def __init__(self, total, *, desc, unit, file, interval: float) -> None:
        super().__init__(total, desc=desc, unit=unit)
        self._file = file
        self._interval = interval
        self._start = self._last = time.monotonic()

    def _line(self, now: float, final: bool) -> str:
        elapsed = now - self._start
        rate = self.n / elapsed if elapsed > 0 else 0.0
        count = f"{self.n}/{self.total}" if self.total is not None else f"{self.n}"
        text = f"{self.desc}: {count} {self.unit}, {_rate(rate)}/s"
        if final:
            return f"{text}, {'stopped after' if self._failed else 'done in'} {_duration(elapsed)}"
        if self.total is not None and rate > 0:
            text += f", eta {_duration(max(0, self.total - self.n) / rate)}"
        return text

    def _emit(self, text: str) -> None:
        try:
            print(text, file=self._file, flush=True)
        except (OSError, ValueError):  # a closed pipe or stream: progress is not worth failing
            pass

    def _shown(self) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval:
            self._last = now
            self._emit(self._line(now, final=False))

    quiet_on_interrupt = False

    def __exit__(self, exc_type, exc, tb) -> None:
        if (self.quiet_on_interrupt and exc_type is not None
                and issubclass(exc_type, KeyboardInterrupt)):
            self.closed = True            # the caller's own line says it stopped
            return
        super().__exit__(exc_type, exc, tb)

    def _finish(self) -> None:
        self._emit(self._line(time.monotonic(), final=True))


def _columns(file) -> int:
    try:
        return os.get_terminal_size(file.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0


def _is_terminal(file) -> bool:
    try:
        return bool(file.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def progress(total: int | None, *, desc: str, unit: str, quiet: bool = False,
             file: IO[str] | None = None, interval: float = 5.0,
             quiet_on_interrupt: bool = False) -> Progress:
    """A progress display for ``total`` units (``None``: unknown) of work.

    Args:
        total: how many units are expected, or ``None`` for a stream.
        desc: what is being done (``"analyse"``), the start of every line.
        unit: what is counted, plural (``"articles"``).
        quiet: show nothing.
        file: where to write (default: ``sys.stderr`` at the time of the call).
        interval: least seconds between two plain lines (not on a terminal).
        quiet_on_interrupt: on Ctrl-C, no final plain line (the caller says "interrupted: ..."
            in a line of its own, as ``newsbench report`` does).

    Returns:
        An object with ``update(n=1)`` and ``close()``, usable as a context manager.
    """
    if quiet:
        return Progress(total, desc=desc, unit=unit)
    file = sys.stderr if file is None else file
    if _is_terminal(file):
        return _Bar(total, desc=desc, unit=unit, file=file)
    lines = _Lines(total, desc=desc, unit=unit, file=file, interval=interval)
    lines.quiet_on_interrupt = quiet_on_interrupt
    return lines
