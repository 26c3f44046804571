"""Headless runs: every notebook for every article, executed with papermill, rendered to HTML.

Layout of the output folder::

    reports/index.html                       every article and notebook, with status and run time
    reports/<article_id>/NN-name.html        code hidden, images embedded, no scripts
    reports/<article_id>/NN-name.ipynb       the executed notebook (for whoever wants the code)
    reports/<article_id>/NN-name.failed.ipynb  kept when a run failed (the old report stays)
    reports/<article_id>/run.json            parameters, publication date, kernel, versions, times

The NLP runs once, in batches, in this process and fills the store (``config.store_dir()``,
``--store``); the notebooks read it.
A report is replaced only when its new run succeeded.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import cache as cachelib
from . import config
from .errors import InputFileError, NewsbenchError, ParameterError
from .fsutil import NO_SPACE_ERRNOS, NoSpaceError, atomic_write, locked
from .kernels import (OWNER_FILE, Kernels, _mark_owner, check_timeout,  # noqa: F401 - re-exported
                      clean_stale, failure_line, report_kernel)
from .load import Article
from .params import NOTEBOOKS, RUNNER_PARAMS, Param, coerce
from .report_html import CSP, is_report_name, render_html, write_index  # noqa: F401 - CSP re-exported



@dataclass
class Notebook:
    """A notebook of ``notebooks/`` and the parameters its ``parameters`` cell declares."""

    path: Path
    params: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def key(self) -> str:
        return self.path.stem.split("-", 1)[0]

    def declared(self) -> dict[str, Param]:
        """Its parameters with their checks: from the registry (:mod:`newsbench.params`) for
        newsbench's own notebooks, else as the notebook's ``parameters`` cell declares them."""
        registered = {p.name: p for p in NOTEBOOKS.get(self.name, ())}
        return {name: registered.get(name) or Param(name, p["type"], p["default"], p["help"])
                for name, p in self.params.items()}


def notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder."""
    root = config.project_root()
    folder = Path(os.environ.get("NEWSBENCH_NOTEBOOKS", "")) if os.environ.get("NEWSBENCH_NOTEBOOKS") else (
        root / "notebooks" if root else None)
    if folder is not None:
        folder = folder.resolve()
    if folder is None or not folder.is_dir():
        raise ParameterError("notebooks: no notebooks folder found; run from a checkout of newsbench "
                             "(pip install -e .) or set NEWSBENCH_NOTEBOOKS")
    return folder


def available_notebooks(folder: Path | None = None) -> list[Notebook]:
    """The numbered notebooks (``NN-name.ipynb``) with their declared parameters."""
    import papermill as pm

    folder = folder or notebooks_dir()
    out = []
    for path in sorted(folder.glob("[0-9][0-9]-*.ipynb")):
        params = {name: {"type": p["inferred_type_name"], "default": p["default"], "help": p["help"]}
                  for name, p in pm.inspect_notebook(str(path)).items()}
        out.append(Notebook(path, params))
    return out


def select_notebooks(spec: str | None, available: list[Notebook]) -> list[Notebook]:
    """Pick notebooks by number or name: ``"01,02"``, ``"01-sentiment"``; all when ``None``.

    Raises:
        ParameterError: a name no notebook has, or a selection naming none (``",,,"``).
    """
    if spec is None:
        return list(available)
    names = ", ".join(nb.name for nb in available)
    items = [s.strip() for s in spec.split(",") if s.strip()]
    if not items:
        raise ParameterError(f"--notebooks {spec!r}: names no notebook; give numbers or names, "
                             f"comma-separated, from {names}")
    chosen = []
    for item in items:
        match = [nb for nb in available if item in (nb.key, nb.name, nb.path.name)]
        if not match:
            raise ParameterError(f"--notebooks: no notebook '{item}'; choose from {names}")
        chosen.extend(m for m in match if m not in chosen)
    return chosen


def check_params(given: dict, notebooks: list[Notebook], *, checked: bool = True) -> dict:
    """Validate parameters against the notebooks' declared parameters, before anything runs.

    Args:
        checked: return the checked values (a list for ``entities``); False returns them only
            converted to their declared types, as the notebooks are given them (each notebook
            checks them again).

    Returns:
        The values converted to the declared types and checked (a publication date that is
        not a date, a label that is not a label, a number out of range are all refused here).

    Raises:
        ParameterError: an unknown name (with the nearest valid name), a value of the wrong type
            or refused by its check, or a parameter the runner sets itself.
    """
    known: dict[str, Param] = {}
    for nb in notebooks:
        for name, p in nb.declared().items():
            known.setdefault(name, p)
    typed = {}
    for name, value in given.items():
        if name in RUNNER_PARAMS:
            raise ParameterError(f"parameter {name}: set by the report for each article; give the "
                                 f"articles as PATH arguments instead")
        if name not in known:
            near = difflib.get_close_matches(name, list(known), n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise ParameterError(f"parameter {name}: no selected notebook has it{hint} "
                                 f"(see newsbench report --list-params)")
        typed[name] = coerce(name, value, known[name].type)
    values = {name: known[name].validate(value, typed) for name, value in typed.items()}
    return values if checked else typed


def read_params_file(path: Path) -> dict:
    """A YAML (or JSON) mapping of parameter names to values.

    Raises:
        InputFileError: no such file, unreadable YAML (with its line), not a mapping, or a
            name that is not text (``1: x``).
    """
    from .load import decode
    from .load.meta import load_yaml
    from .load.textio import read_bytes

    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"{path}: no such parameters file; check the -f path")
    data = load_yaml(decode(read_bytes(path, str(path)), where=str(path)), where=str(path),
                     what="the parameters file's syntax (NAME: VALUE lines)")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputFileError(f"{path}: a parameters file holds NAME: VALUE lines, not a "
                             f"{type(data).__name__}; see newsbench report --list-params")
    for name in data:
        if not isinstance(name, str) or not name.strip():
            raise InputFileError(f"{path}: parameter name {name!r} is not a name; write NAME: VALUE "
                                 f"lines with names from newsbench report --list-params")
    return {name.strip(): value for name, value in data.items()}


def params_table(notebooks: list[Notebook]) -> str:
    """Each notebook's parameters as ``name: type = default  # help`` lines."""
    lines = []
    for nb in notebooks:
        lines.append(f"{nb.path.name}")
        for name, p in nb.params.items():
            note = "  (set by the report)" if name in RUNNER_PARAMS else ""
            lines.append(f"  {name}: {p['type']} = {p['default']}  # {p['help']}{note}")
    return "\n".join(lines)


# --- the output folder ---------------------------------------------------------------------------

#: Names the report writes in its output folder itself (compared ignoring case, as macOS and
#: Windows do): an article's folder never takes one of them.
def report_folders(article_ids) -> dict[str, str]:
    """Each article's folder in the output folder: its id, unless that is a name the report
    uses itself (``index.html`` from ``index.html.txt``: ``article-index.html``) or differs
    from an earlier id only in case (one folder on macOS and Windows: ``-2``, ``-3``). The
    same ids always get the same folders."""
    ids = list(dict.fromkeys(article_ids))
    out: dict[str, str] = {}
    used: set[str] = set()

    def claim(aid: str, base: str) -> None:
        name, n = base, 1
        while name.lower() in used or is_report_name(name):
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        out[aid] = name

    for aid in ids:  # ids keep their own names first
        if not is_report_name(aid) and aid.lower() not in used:
            used.add(aid.lower())
            out[aid] = aid
    for aid in ids:
        if aid not in out:
            claim(aid, aid if not is_report_name(aid) else "article-" + aid.lstrip("."))
    return {aid: out[aid] for aid in ids}


def check_out(out: Path, *, flag: str = "-o") -> None:
    """Refuse an output folder that cannot be one, before anything runs: a file, a path under
    a file, a folder this user cannot write.

    Raises:
        ParameterError: a file (or a path under one). CacheError: not writable.
    """
    from .errors import CacheError

    out = Path(out)
    probe = out
    while not probe.exists() and probe.parent != probe:  # the nearest folder that exists
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        where = "is a file" if probe == out else f"is under {probe}, a file"
        raise ParameterError(f"{flag} {out}: {where}, not a folder; give a folder for the reports")
    if probe.is_dir() and not os.access(probe, os.W_OK | os.X_OK):
        what = "write in the folder" if probe == out else f"create the folder in {probe}"
        raise CacheError(f"{flag} {out}: cannot {what} (permission denied); choose another "
                         f"folder for the reports")


def _make_out(out: Path) -> None:
    from .errors import CacheError

    check_out(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheError(f"-o {out}: cannot create the folder ({exc.strerror}); choose another "
                         f"folder for the reports") from None


# --- running -----------------------------------------------------------------------------------

@dataclass
class TaskResult:
    article_id: str
    notebook: str
    ok: bool
    seconds: float
    error: str = ""
    kept: str = ""


class ReportInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a report: queued notebooks were cancelled and running kernels stopped.

    Attributes:
        written: reports published (articles whose every notebook had finished).
        total: reports the run was to write.
    """

    def __init__(self, written: int, total: int):
        super().__init__(f"interrupted: {written} of {total} reports written, previous reports kept")
        self.written = written
        self.total = total


def _article_param(art: Article) -> str:
    path = art.meta.get("path")
    if not path:
        raise ParameterError(f"article {art.article_id}: has no file; reports need article files")
    p = str(Path(path).resolve())
    return p if art.meta.get("item") is None else f"{p}::{art.article_id}"


def _execute(nb: Notebook, art: Article, params: dict, staging: Path, kernels: Kernels) -> TaskResult:
    """Run one notebook on one article into ``staging``."""
    started = time.monotonic()
    values = {k: v for k, v in params.items() if k in nb.params}
    values["article"] = _article_param(art)
    if "interactive" in nb.params:
        values["interactive"] = False
    return _run_notebook(nb, values, staging / f"{nb.name}.ipynb", kernels, art.article_id,
                         lambda: _run_record(nb, art, values, started))


def _run_notebook(nb: Notebook, values: dict, out: Path, kernels: Kernels, task: str,
                  record) -> TaskResult:
    """Execute ``nb`` with ``values`` into ``out`` and render it beside (``out`` .html)."""
    started = time.monotonic()
    try:
        kernels.execute(nb.path, out, values, label=f"{task} {nb.name}")
        render_html(out, out.with_suffix(".html"), run={**record(), "kernel": kernels.name})
        return TaskResult(task, nb.name, True, time.monotonic() - started)
    except Exception as exc:  # a cell failed or timed out, the kernel died, export failed ...
        if isinstance(exc, NoSpaceError) or (isinstance(exc, OSError)
                                             and exc.errno in NO_SPACE_ERRNOS):
            raise NoSpaceError(out.parent) from None  # the run stops: one line, not one per notebook
        return TaskResult(task, nb.name, False, time.monotonic() - started,
                          error=failure_line(exc))


def _run_record(nb: Notebook, art: Article, values: dict, started: float) -> dict:
    from .models import model_info, versions

    try:
        model = model_info(values.get("model") or None).__dict__
    except NewsbenchError:
        model = {}
    return {
        "article_id": art.article_id, "title": art.title, "notebook": nb.name,
        "parameters": {k: v for k, v in values.items() if k not in RUNNER_PARAMS},
        "article": art.meta.get("path"),
        "published": values.get("published") or art.meta.get("published"),
        "published_from": "parameter" if values.get("published") else art.meta.get("published_from"),
        "versions": versions(), "model": model,
        "ran_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def _keep_failed(src: Path, kept: Path) -> bool:
    """Keep a failed run's notebook as ``kept``, written atomically and only when complete
    (a notebook papermill left empty or cut short is not kept; any older one stays)."""
    import nbformat

    try:
        book = nbformat.reads(src.read_text(encoding="utf-8"), as_version=4)
        text = nbformat.writes(book)
    except Exception:  # missing, empty, truncated: nothing worth keeping
        return False
    atomic_write(kept, text)
    return True


def _publish(staging: Path, final: Path, results: list[TaskResult], record: dict) -> None:
    """Move successful reports into place; keep failed notebooks beside the old reports."""
    final.mkdir(parents=True, exist_ok=True)
    for r in results:
        src_nb = staging / f"{r.notebook}.ipynb"
        if r.ok:
            os.replace(staging / f"{r.notebook}.html", final / f"{r.notebook}.html")
            os.replace(src_nb, final / f"{r.notebook}.ipynb")
            (final / f"{r.notebook}.failed.ipynb").unlink(missing_ok=True)
        elif _keep_failed(src_nb, final / f"{r.notebook}.failed.ipynb"):
            r.kept = str(final / f"{r.notebook}.failed.ipynb")
    old = {}
    if (final / "run.json").is_file():
        try:
            old = json.loads((final / "run.json").read_text(encoding="utf-8"))
        except ValueError:
            old = {}
    notebooks = dict(old.get("notebooks", {}))
    for r in results:
        entry = {"ok": r.ok, "seconds": round(r.seconds, 2), "error": r.error}
        if r.ok:
            entry["html"] = f"{r.notebook}.html"
            entry["ran_at"] = record["ran_at"]
        elif notebooks.get(r.notebook, {}).get("html"):
            entry["html"] = notebooks[r.notebook]["html"]  # the previous, still valid report
            entry["ran_at"] = notebooks[r.notebook].get("ran_at")
        notebooks[r.notebook] = entry
    atomic_write(final / "run.json", json.dumps({**record, "notebooks": notebooks}, indent=1,
                                               sort_keys=True, default=str))


#: Below this many articles a report writes each article's reports too (``--per-article``).
PER_ARTICLE_LIMIT = 200


def is_corpus_notebook(nb: Notebook) -> bool:
    """A notebook over many articles: it declares ``corpus``, not ``article``."""
    return "corpus" in nb.params and "article" not in nb.params


def corpus_report_name(nb: Notebook) -> str:
    """``corpus`` for 10-corpus, ``corpus-NN-name`` for any other corpus notebook."""
    return "corpus" if nb.name == "10-corpus" else f"corpus-{nb.name}"


def _corpus_task(nb: Notebook, spec: str, n: int, params: dict, run_dir: Path,
                 kernels: Kernels) -> TaskResult:
    started = time.monotonic()
    values = {k: v for k, v in params.items() if k in nb.params}
    values["corpus"] = spec
    if "interactive" in nb.params:
        values["interactive"] = False
    name = corpus_report_name(nb)

    def record():
        from .models import versions

        return {"article_id": "corpus", "title": f"The corpus: {n} articles", "notebook": nb.name,
                "corpus": n, "parameters": {k: v for k, v in values.items() if k not in RUNNER_PARAMS},
                "versions": versions(),
                "ran_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}

    res = _run_notebook(nb, values, run_dir / f"{name}.ipynb", kernels, "corpus", record)
    res.seconds = time.monotonic() - started
    return res


def _publish_article(run_dir: Path, out: Path, art: Article, results: list[TaskResult],
                     params: dict, folder: str | None = None, kernel: str = "") -> None:
    rec = {"article_id": art.article_id, "title": art.title, "source": art.meta.get("source"),
           "published": params.get("published") or art.meta.get("published"),
           "path": art.meta.get("path"), "parameters": params, "kernel": kernel,
           "ran_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    ordered = sorted(results, key=lambda r: r.notebook)
    folder = folder or report_folders([art.article_id])[art.article_id]
    _publish(run_dir / folder, out / folder, ordered, rec)


def _publish_corpus(run_dir: Path, out: Path, nb: Notebook, res: TaskResult, n: int,
                    kernel: str = "") -> None:
    """``OUT/corpus.html`` and ``.ipynb`` (replaced only by a successful run) and
    ``OUT/corpus.json``, the record the index reads."""
    name = corpus_report_name(nb)
    src = run_dir / f"{name}.ipynb"
    if res.ok:
        os.replace(run_dir / f"{name}.html", out / f"{name}.html")
        os.replace(src, out / f"{name}.ipynb")
        (out / f"{name}.failed.ipynb").unlink(missing_ok=True)
    elif _keep_failed(src, out / f"{name}.failed.ipynb"):
        res.kept = str(out / f"{name}.failed.ipynb")
    record = {"notebook": nb.name, "articles": n, "ok": res.ok, "error": res.error,
              "seconds": round(res.seconds, 2), "kernel": kernel,
              "html": f"{name}.html" if (out / f"{name}.html").is_file() else None,
              "ran_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    atomic_write(out / f"{name}.json", json.dumps(record, indent=1, sort_keys=True))


def cores() -> int:
    """The cores this process may run on (a container's share, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def plan_jobs(jobs: int | None, tasks: int) -> tuple[int, str]:
    """How many notebooks run at once: ``jobs`` (default: every core), at most one per core
    (a kernel per notebook, each some 200 MB: more than the cores is slower, not faster) and
    one per notebook to run.

    Returns:
        The number, and a one-line note when an explicit ``jobs`` was lowered (else ``""``).

    Raises:
        ParameterError: ``jobs`` below 1.
    """
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ParameterError(f"--jobs: {jobs} is not allowed; use 1 or more")
    n_cores, tasks = cores(), max(tasks, 1)
    chosen = min(jobs or n_cores, n_cores, tasks)
    if jobs is None or chosen == jobs:
        return chosen, ""
    if chosen == n_cores and n_cores < tasks:
        why = f"this machine has {n_cores} core{'s' if n_cores > 1 else ''}"
    else:
        why = f"there {'is' if tasks == 1 else 'are'} {tasks} notebook{'s' if tasks > 1 else ''} to run"
    return chosen, f"--jobs {jobs}: running {chosen} notebook{'s' if chosen > 1 else ''} at once ({why})"


def _repair_folders(out: Path) -> None:
    """Move an article folder an older version named like one of the report's own files
    (``OUT/index.html/`` from ``index.html.txt``) to its safe name, so the index can be
    written again; nothing in it is lost."""
    for entry in out.iterdir():
        if entry.is_dir() and not entry.name.startswith(".") and is_report_name(entry.name) \
                and (entry / "run.json").is_file():
            target = out / report_folders([entry.name])[entry.name]
            if not target.exists():
                os.rename(entry, target)


def _finished_articles(articles, expected: dict[str, int], results: dict) -> list:
    return [a for a in articles if len(results[a.article_id]) == expected[a.article_id]]


def _prepare(articles, params: dict, out: Path, kernels: Kernels, *, jobs: int, total: int,
             quiet: bool) -> Path:
    """Boot the first kernels, run the NLP and make the run's staging folder in ``out``; the
    kernels are stopped when this fails."""
    from .analysis import as_article
    from .runner import run_corpus

    options = {k: params[k] for k in ("method",) if k in params}
    try:
        kernels.prime(jobs)  # they boot while the NLP runs below
        # the NLP once, in batches, into the store the notebooks read (config.store_dir)
        arts = [as_article(a, params.get("published") or None) for a in articles]
        run_corpus(arts, cachelib.working_store(), engine="serial", quiet=quiet, total=len(arts),
                   **options)
    except KeyboardInterrupt:
        kernels.cancel()
        raise ReportInterrupted(0, total) from None
    except BaseException:
        kernels.close()
        raise
    try:
        run_dir = Path(tempfile.mkdtemp(prefix=".run-", dir=out))
        _mark_owner(run_dir)
    except OSError as exc:
        kernels.close()
        if exc.errno in NO_SPACE_ERRNOS:
            raise NoSpaceError(out) from None
        raise
    except BaseException:
        kernels.close()
        raise
    return run_dir


def run_report(articles: list[Article], notebooks: list[Notebook], params: dict, out: Path, *,
               jobs: int | None = None, progress: bool | None = None,
               per_article: bool | None = None, corpus: str | None = None,
               execution_timeout: float | None = None, kernel_name: str | None = None,
               log_output: bool = False, note=None) -> list[TaskResult]:
    """Run every notebook for every article, up to ``jobs`` at a time, and publish the reports.

    Args:
        jobs: notebooks at once (default: the number of cores; never more than the cores or
            the notebooks to run).
        per_article: each article's own reports (default: below :data:`PER_ARTICLE_LIMIT`
            articles).
        corpus: the articles as the corpus notebooks' ``corpus`` parameter (paths and globs,
            comma-separated); with two or more articles each selected corpus notebook writes
            ``OUT/corpus.html``, first in the index, from the analysed store.
        execution_timeout: seconds a cell may run (papermill's ``--execution-timeout``); a
            cell past it fails its notebook (``cell 3: timed out after 2 s (execution
            timeout)``) and its kernel is killed. None: no limit.
        kernel_name: the Jupyter kernel the notebooks run in (recorded in ``run.json`` and the
            banner); None: ``newsbench`` when installed, else this environment's ``python3``.
        log_output: stream each notebook's outputs while it runs (papermill's
            ``--log-output``), to the ``papermill`` logger, each line prefixed
            ``[article_id notebook]``.
        note: called with a one-line note (``jobs`` lowered).

    Returns:
        One :class:`TaskResult` per article and notebook (``article_id`` ``corpus`` for the
        corpus reports).

    Raises:
        ParameterError: a parameter the notebooks refuse (checked before anything runs), an
            output folder that is a file, a kernel not installed, a timeout not above 0. CacheError: an output folder that cannot be written.
        ReportInterrupted: Ctrl-C. Queued notebooks are cancelled and running kernels killed;
            the articles (and corpus report) whose notebooks had all finished are published,
            every other report stays as it was.
    """
    check_params(params, notebooks)  # range and choice checks too, before any analysis
    kernel_name, execution_timeout = report_kernel(kernel_name), check_timeout(execution_timeout)
    out = Path(out).resolve()  # kernels run in the notebooks' folder: no relative paths
    per_article = len(articles) < PER_ARTICLE_LIMIT if per_article is None else per_article
    corpus_nbs = [nb for nb in notebooks if is_corpus_notebook(nb)] \
        if corpus and len(articles) >= 2 else []
    article_nbs = [nb for nb in notebooks if not is_corpus_notebook(nb)] if per_article else []
    tasks = [(nb, art) for art in articles for nb in article_nbs]
    total = len(tasks) + len(corpus_nbs)
    jobs, jobs_note = plan_jobs(jobs, total)
    _make_out(out)
    clean_stale(out)  # staging and kernel folders of runs that were killed
    if jobs_note and note is not None:
        note(jobs_note)
    folders = report_folders(a.article_id for a in articles)
    folder = notebooks[0].path.parent if notebooks else Path.cwd()
    kernels = Kernels(total, folder, name=kernel_name, timeout=execution_timeout,
                      log_output=log_output)
    quiet = progress is False  # None: a bar on a terminal, plain lines in a log
    run_dir = _prepare(articles, params, out, kernels, jobs=jobs, total=total, quiet=quiet)
    run = _Run(articles, tasks, corpus_nbs, corpus, params, out, run_dir, folders, kernels)
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        run.execute(pool, total, quiet)
        written = run.publish(bool(article_nbs))
        if run.interrupted:
            raise ReportInterrupted(written, total)
    finally:
        if not run.interrupted and not run.stopped:
            pool.shutdown(wait=True)
        kernels.close()
        for sockets in kernels.leftovers():  # threads still stuck on a killed kernel
            shutil.rmtree(sockets, ignore_errors=True)
        shutil.rmtree(run_dir, ignore_errors=True)
    return [run.corpus_results[nb.name] for nb in corpus_nbs] + [
        r for art in articles for r in sorted(run.results[art.article_id], key=lambda r: r.notebook)]


class _Run:
    """One report run's tasks, their results, and how it ended (interrupted, or stopped by
    a full disk)."""

    def __init__(self, articles, tasks, corpus_nbs, corpus, params, out, run_dir, folders,
                 kernels):
        self.articles, self.tasks, self.corpus_nbs, self.corpus = articles, tasks, corpus_nbs, corpus
        self.params, self.out, self.run_dir, self.folders = params, out, run_dir, folders
        self.kernels = kernels
        self.results: dict[str, list[TaskResult]] = {a.article_id: [] for a in articles}
        self.expected = {a.article_id: 0 for a in articles}
        for _, art in tasks:
            self.expected[art.article_id] += 1
        self.corpus_results: dict[str, TaskResult] = {}
        self.interrupted = self.stopped = False
        self.futures: dict = {}

    def execute(self, pool, total: int, quiet: bool) -> None:
        """Run every task on ``pool``; Ctrl-C or a full disk cancels what is queued and kills the
        running kernels at once (what finished well in the meantime is kept)."""
        from .progress import progress as progress_bar

        futures = self.futures
        try:
            with progress_bar(total, desc="notebooks", unit="notebooks", quiet=quiet,
                              quiet_on_interrupt=True) as bar:
                futures.update({pool.submit(_corpus_task, nb, self.corpus, len(self.articles),
                                            self.params, self.run_dir, self.kernels): nb
                                for nb in self.corpus_nbs})  # the longest first
                for nb, art in self.tasks:
                    staging = self.run_dir / self.folders[art.article_id]
                    staging.mkdir(exist_ok=True)
                    futures[pool.submit(_execute, nb, art, self.params, staging,
                                        self.kernels)] = art
                for fut in as_completed(futures):
                    self._keep(futures[fut], fut.result())  # a task's KeyboardInterrupt too
                    bar.update(1)
        except NoSpaceError:
            self.stopped = True    # the disk is full: nothing more can be written, stop at once
            self.kernels.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        except KeyboardInterrupt:
            self.interrupted = True
            self.kernels.cancel()  # no kernel starts any more; the running ones die now
            pool.shutdown(wait=False, cancel_futures=True)
            _wait_briefly(futures, seconds=5)
            for fut, what in futures.items():  # finished well in the meantime: kept too
                if fut.done() and not fut.cancelled() and fut.exception() is None \
                        and fut.result().ok:
                    self._keep(what, fut.result(), once=True)

    def _keep(self, what, res: TaskResult, *, once: bool = False) -> None:
        if isinstance(what, Notebook):
            if once:
                self.corpus_results.setdefault(what.name, res)
            else:
                self.corpus_results[what.name] = res
        elif not once or res not in self.results[res.article_id]:
            self.results[res.article_id].append(res)

    def publish(self, per_article: bool) -> int:
        """Move the finished reports into ``out`` under its lock and rewrite the index; after
        Ctrl-C only articles whose notebooks all finished (and corpus reports that succeeded).
        Returns how many reports were written."""
        done_arts = (_finished_articles(self.articles, self.expected, self.results)
                     if per_article else [])
        if self.interrupted:
            for name in [r for r, res in self.corpus_results.items() if not res.ok]:
                del self.corpus_results[name]
        published = [nb for nb in self.corpus_nbs if nb.name in self.corpus_results]
        if self.interrupted and not published and not done_arts:
            return 0
        out = self.out
        with locked(out):
            _repair_folders(out)
            for nb in published:
                _publish_corpus(self.run_dir, out, nb, self.corpus_results[nb.name],
                                len(self.articles), self.kernels.name)
            for art in done_arts:
                _publish_article(self.run_dir, out, art, self.results[art.article_id],
                                 self.params, self.folders[art.article_id], self.kernels.name)
            write_index(out)
        return sum(r.ok for r in self.corpus_results.values()) + sum(
            r.ok for a in done_arts for r in self.results[a.article_id])


def _wait_briefly(futures, *, seconds: float) -> None:
    """Wait up to ``seconds`` for the running tasks to end (their kernels were killed)."""
    from concurrent.futures import wait

    try:
        wait([f for f in futures if not f.cancelled()], timeout=seconds)
    except KeyboardInterrupt:  # a second Ctrl-C: stop waiting
        pass
