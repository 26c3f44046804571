"""newsbench.progress: a bar on a terminal, plain periodic lines elsewhere, nothing when quiet."""

from __future__ import annotations

import io

import pytest

from newsbench import progress as progress_module
from newsbench.progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture()
def clock(monkeypatch):
    """A fake clock: ``clock.now`` seconds since the display started."""

    class Clock:
        now = 1000.0

        def tick(self, seconds: float) -> None:
            self.now += seconds

    fake = Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: fake.now)
    return fake


def test_quiet_prints_nothing(capsys):
    with progress(10, desc="analyse", unit="articles", quiet=True) as bar:
        for _ in range(10):
            bar.update()
    assert bar.n == 10
    out, err = capsys.readouterr()
    assert out == "" and err == ""


def test_quiet_on_a_terminal_prints_nothing():
    file = Terminal()
    with progress(10, desc="analyse", unit="articles", quiet=True, file=file) as bar:
        bar.update(10)
    assert file.getvalue() == ""


def test_plain_lines_with_count_rate_and_eta(clock):
    file = io.StringIO()  # not a terminal
    with progress(20, desc="analyse", unit="articles", file=file, interval=5) as bar:
        for _ in range(20):
            clock.tick(0.5)  # 2 articles a second
            bar.update()
    lines = file.getvalue().splitlines()
    # one line every 5 s (10 updates), and the final one
    assert lines == [
        "analyse: 10/20 articles, 2.0/s, eta 5s",
        "analyse: 20/20 articles, 2.0/s, eta 0s",
        "analyse: 20/20 articles, 2.0/s, done in 10s",
    ]


def test_plain_lines_are_rate_limited(clock):
    file = io.StringIO()
    bar = progress(800, desc="analyse", unit="articles", file=file, interval=5)
    for _ in range(800):
        clock.tick(1 / 16)  # 16 a second for 50 s
        bar.update()
    bar.close()
    bar.close()  # twice: still one final line
    lines = file.getvalue().splitlines()
    assert len(lines) == 50 // 5 + 1
    assert lines[0] == "analyse: 80/800 articles, 16.0/s, eta 45s"
    assert lines[-1] == "analyse: 800/800 articles, 16.0/s, done in 50s"


def test_long_etas_read_as_minutes_and_hours(clock):
    file = io.StringIO()
    bar = progress(100_000, desc="analyse", unit="articles", file=file, interval=5)
    clock.tick(6)
    bar.update(20)  # 3.3/s: 8h19m to go
    clock.tick(60)
    bar.update(800)  # 12.4/s: 2h13m
    lines = file.getvalue().splitlines()
    assert lines == ["analyse: 20/100000 articles, 3.3/s, eta 8h19m",
                     "analyse: 820/100000 articles, 12.4/s, eta 2h13m"]


def test_unknown_total_shows_count_and_rate_only(clock):
    file = io.StringIO()
    with progress(None, desc="analyse", unit="articles", file=file, interval=2) as bar:
        for _ in range(8):
            clock.tick(0.25)
            bar.update(3)
    lines = file.getvalue().splitlines()
    assert lines == ["analyse: 24 articles, 12.0/s", "analyse: 24 articles, 12.0/s, done in 2s"]
    assert "eta" not in file.getvalue() and "None" not in file.getvalue()


def test_an_interrupted_run_says_stopped(clock):
    file = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        with progress(100, desc="analyse", unit="articles", file=file) as bar:
            clock.tick(90)
            bar.update(30)  # the line every 5 s
            raise KeyboardInterrupt
    last = file.getvalue().splitlines()[-1]
    assert last == "analyse: 30/100 articles, 0.33/s, stopped after 1m30s"


def test_stderr_by_default(capsys):
    with progress(3, desc="analyse", unit="articles") as bar:
        bar.update(3)
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("analyse: 3/3 articles, ") and "done in" in err


def test_a_terminal_gets_a_bar_with_rate_and_eta():
    file = Terminal()
    with progress(10, desc="analyse", unit="articles", file=file) as bar:
        bar.update(4)
        bar.update(6)
    text = file.getvalue()
    assert "\r" in text  # redrawn in place
    assert "analyse:" in text and "10/10" in text and "articles/s" in text and "100%" in text


def test_a_terminal_with_an_unknown_total_counts():
    file = Terminal()
    with progress(None, desc="analyse", unit="articles", file=file) as bar:
        bar.update(7)
    text = file.getvalue()
    assert "7 articles" in text and "articles/s" in text and "%" not in text


def test_a_closed_stream_does_not_fail():
    file = io.StringIO()
    bar = progress(5, desc="analyse", unit="articles", file=file, interval=0)
    file.close()
    bar.update()
    bar.close()


def test_a_caller_that_says_interrupted_itself_gets_no_stopped_line(clock):
    file = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        with progress(100, desc="notebooks", unit="notebooks", file=file,
                      quiet_on_interrupt=True) as bar:
            bar.update(3)
            raise KeyboardInterrupt
    assert "stopped after" not in file.getvalue()
