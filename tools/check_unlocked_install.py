"""Does newsbench work when installed from pyproject.toml alone, without the lock?

``pip install -e '.[test]'`` into a fresh virtualenv in a temporary folder (the newest versions
pyproject.toml allows), then, in that virtualenv: one small article of each format newsbench
reads, loaded through the public API (each must give an article with text), and
``newsbench analyze`` on one of them. Any failure exits non-zero with one line naming it
(``unlocked install: html: ...``). The lock (``make run``, ``make test``) is what CI tests; this
is what a user who runs ``pip install newsbench`` or ``pip install -e .`` gets.

Usage: ``python3 tools/check_unlocked_install.py [--python PYTHON] [--keep]`` (called once by
``.ci/run``). Needs PyPI; takes a few minutes (most of it the install).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "unlocked install:"

TITLE = "Council approves the new budget"
BODY = ("The city council approved the new budget on Monday after a long debate about "
        "schools, roads and the harbour.\n\nMayor Ana Ruiz said the plan would add two "
        "hundred teachers and repair the old bridge by next spring.\n\nCritics said the "
        "council had ignored the rising cost of housing in the town.")
PARAS = BODY.split("\n\n")
DATE = "2024-03-12"


def _html() -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAS)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{TITLE}'
            f'</title>\n<meta property="article:published_time" content="{DATE}T08:00:00Z">'
            f'</head><body>\n<nav><a href="/">Home</a> | <a href="/news">News</a></nav>\n'
            f"<article><h1>{TITLE}</h1>\n{paragraphs}\n</article>\n"
            f"<footer>Copyright Harbour Times.</footer></body></html>\n")


def _rss() -> str:
    content = "".join(f"<p>{p}</p>" for p in PARAS)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<title>Harbour Times</title><link>https://example.org/</link>"
            f"<item><title>{TITLE}</title><link>https://example.org/budget</link>"
            "<guid>budget-1</guid><pubDate>Tue, 12 Mar 2024 08:00:00 +0000</pubDate>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
            "</channel></rss>\n")


def _atom() -> str:
    content = "".join(f"<p>{p}</p>" for p in PARAS).replace("<", "&lt;").replace(">", "&gt;")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Harbour Times</title><id>tag:example.org,2024:feed</id>"
            f"<updated>{DATE}T08:00:00Z</updated><entry><title>{TITLE}</title>"
            "<id>tag:example.org,2024:budget</id><link href=\"https://example.org/budget\"/>"
            f"<updated>{DATE}T08:00:00Z</updated>"
            f'<content type="html">{content}</content></entry></feed>\n')


def _table(sep: str) -> str:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    return (sep.join(["id", "title", "text", "published"]) + "\n"
            + sep.join(["budget", cell(TITLE), cell(BODY), DATE]) + "\n")


def _row() -> dict:
    return {"id": "budget", "title": TITLE, "text": BODY, "published": DATE}


#: suffix -> what the file holds (a function of nothing, or "parquet": written with pandas).
FIXTURES = {
    ".txt": lambda: f"{TITLE}\n\n{BODY}\n",
    ".md": lambda: f"---\ntitle: {TITLE}\npublished: {DATE}\n---\n\n# {TITLE}\n\n{BODY}\n",
    ".json": lambda: json.dumps(_row()),
    ".html": _html,
    ".csv": lambda: _table(","),
    ".tsv": lambda: _table("\t"),
    ".jsonl": lambda: json.dumps(_row()) + "\n",
    ".parquet": "parquet",
    ".rss": _rss,
    ".atom": _atom,
}


# --- inside the fresh virtualenv -----------------------------------------------------------

def _write_fixtures(folder: Path) -> list[Path]:
    import pandas as pd

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, make in FIXTURES.items():
        path = folder / f"article{suffix}"
        if make == "parquet":
            pd.DataFrame([_row()]).to_parquet(path)
        else:
            path.write_text(make(), encoding="utf-8")
        paths.append(path)
    return paths


def _load_one(path: Path) -> str:
    """``ok ...`` or raises: the articles of ``path`` through the public API, each with text."""
    import newsbench as nb

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = nb.load_corpus(path).article_list
    if not articles:
        raise AssertionError("no article read")
    empty = [a.article_id for a in articles if not a.text.strip()]
    if empty:
        raise AssertionError(f"article {empty[0]} has no text")
    if "harbour" not in articles[0].text.lower():
        raise AssertionError(f"article text lacks the body: {articles[0].text[:80]!r}")
    n = len(articles)
    return f"{n} article{'s' if n != 1 else ''}, {len(articles[0].text)} chars"


def probe(folder: Path) -> int:
    """Load one fixture of each format (run by the fresh virtualenv's Python)."""
    from newsbench.load import formats

    failures = []
    try:
        paths = _write_fixtures(folder)
    except Exception as exc:  # noqa: BLE001 - reported as one line
        print(f"{PREFIX} parquet: cannot write the fixtures: {type(exc).__name__}: {exc}")
        return 1
    covered = set()
    for path in paths:
        module = formats.reader_for(path)
        covered.add(module.NAME if module else path.suffix)
        name = formats.format_of(path) if module else path.suffix
        try:
            print(f"  ok   {name:<10} {path.name}: {_load_one(path)}")
        except Exception as exc:  # noqa: BLE001 - every failure is one line naming the format
            message = " ".join(str(exc).split())[:300]
            failures.append(f"{PREFIX} {name}: {path.name}: {type(exc).__name__}: {message}")
    missing = {m.NAME for m in formats.READERS.values()} - covered
    failures += [f"{PREFIX} {name}: no fixture in tools/check_unlocked_install.py"
                 for name in sorted(missing)]
    for line in failures:
        print(line)
    return 1 if failures else 0


# --- outside: the virtualenv, the install, the analysis ------------------------------------

def _run(cmd: list, *, log: Path, env=None, cwd=None) -> int:
    with open(log, "ab") as out:
        out.write(f"\n$ {' '.join(map(str, cmd))}\n".encode())
        out.flush()
        return subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                              check=False).returncode


def _last_error(log: Path) -> str:
    lines = [ln.strip() for ln in log.read_text(errors="replace").splitlines()
             if ln.strip() and not ln.startswith("WARNING: Location")]
    errors = [ln for ln in lines if re.match(r"(ERROR|\w*Error\b)", ln)]
    return (errors or lines or ["(no output)"])[-1][:300]


def _lock_drift(python: Path) -> list[str]:
    """``name installed (lock pinned)`` for the packages installed at another version than
    the lock's (newer ones, mostly: what a user without the lock gets)."""
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements-test.lock")
                           .read_text(), re.MULTILINE))
    pins = {k.lower().replace("_", "-"): v for k, v in pins.items()}
    out = subprocess.run([python, "-m", "pip", "list", "--format=json"], capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        return []
    drift = []
    for item in json.loads(out.stdout):
        name = item["name"].lower().replace("_", "-")
        if name in pins and pins[name] != item["version"]:
            drift.append(f"{name} {item['version']} (lock {pins[name]})")
    return drift


def check(python: str, keep: bool) -> int:
    start = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="newsbench-unlocked-"))
    log = tmp / "install.log"
    venv_python = tmp / "venv" / "bin" / "python"
    rc = 1
    env = {**os.environ, "NEWSBENCH_CACHE_DIR": str(tmp / "cache"), "PIP_NO_INPUT": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PIP_REQUIRE_HASHES", None)
    env.pop("VIRTUAL_ENV", None)
    try:
        steps = [
            ("venv", [python, "-m", "venv", tmp / "venv"]),
            ("pip", [venv_python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"]),
            ("pip install -e .[test]",
             [venv_python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"]),
        ]
        for what, cmd in steps:
            if _run(cmd, log=log, env=env, cwd=tmp) != 0:
                print(f"{PREFIX} {what} failed: {_last_error(log)} (log: {log})")
                keep = True
                return rc
        installed = time.monotonic() - start
        print(f"== installed from pyproject.toml alone in {installed:.0f} s")
        for line in _lock_drift(venv_python):
            print(f"  not the lock's version: {line}")
        rc = subprocess.run([venv_python, __file__, "--probe", tmp / "fixtures"], env=env,
                            cwd=tmp, check=False).returncode
        out = tmp / "out"
        if _run([tmp / "venv" / "bin" / "newsbench", "analyze", tmp / "fixtures" / "article.txt",
                 "--out", out], log=log, env=env, cwd=tmp) != 0:
            print(f"{PREFIX} newsbench analyze (text): {_last_error(log)} (log: {log})")
            rc = 1
        elif not list(out.glob("sentences/**/*.parquet")):
            print(f"{PREFIX} newsbench analyze (text): wrote no sentences under {out}")
            rc = 1
        else:
            print("  ok   newsbench analyze article.txt")
        keep = keep or rc != 0
        return rc
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)
        print(f"== unlocked install check {'passed' if rc == 0 else 'FAILED'} in "
              f"{time.monotonic() - start:.0f} s" + (f" (kept {tmp})" if keep else ""))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=os.environ.get("PYTHON", "python3"),
                        help="the Python that makes the virtualenv (default: $PYTHON or python3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe is not None:
        return probe(args.probe)
    return check(args.python, args.keep)


if __name__ == "__main__":
    sys.exit(main())
