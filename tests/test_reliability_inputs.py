"""Inputs that used to hang, eat memory or end in an internal error (tests/data/bad/README.md,
the rows marked "generated"): FIFOs, devices, symlink loops, YAML alias bombs, unreadable
sidecars, UTF-16, lone surrogates, HTML dates htmldate normalised.

Anything that could hang or grow without the fix runs in a subprocess under a 2 GiB address
space limit and a timeout, through the CLI and through the library."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pytest

import newsbench as nb
from newsbench.load import article_paths, load_article
from newsbench.load.meta import load_yaml
from newsbench.load.textio import read_bytes
from logcheck import logged, no_messages

BAD = Path(__file__).resolve().parent / "data" / "bad"
BODY = ("The council met on Monday to discuss the budget and agreed on a plan.\n\n"
        "The mayor said the vote would take place next week.\n")
TIMEOUT = 90


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def _run(args: list[str], *, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    """``args`` under 2 GiB of address space; a hang fails the test at ``timeout``."""
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, preexec_fn=_limit)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "newsbench.cli", *args])


#: The library in a child process: prints ``ERROR <type>: <message>`` (exit 2) or ``OK <ids>``.
_LIB = textwrap.dedent("""
    import sys, warnings
    import newsbench as nb
    warnings.simplefilter("ignore")
    how, path = sys.argv[1], sys.argv[2]
    try:
        if how == "article":
            ids = [nb.load_article(path).article_id]
        elif how == "corpus":
            ids = [a.article_id for a in nb.load_corpus(path, cache=False)]
        else:
            from newsbench.report import read_params_file
            from pathlib import Path
            ids = sorted(read_params_file(Path(path)))
    except nb.NewsbenchError as exc:
        print(f"ERROR {type(exc).__name__}: {exc}")
        sys.exit(2)
    print("OK", " ".join(ids))
""")


def _lib(how: str, path) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-c", _LIB, how, str(path)])


def _refused(res: subprocess.CompletedProcess, named: str, message: str) -> str:
    """The one error line of a refusal with exit 2, naming ``named`` and holding ``message``."""
    assert res.returncode == 2, res.stderr + res.stdout
    assert "Traceback" not in res.stderr
    lines = [ln for ln in (res.stderr or res.stdout).strip().splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert named in lines[0] and message in lines[0], lines[0]
    return lines[0]


# --- files that are not regular files -------------------------------------------------------

@pytest.fixture
def fifo(tmp_path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero(tmp_path) -> Path:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this platform")
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")
    return path


def test_a_fifo_is_refused_not_waited_on(tmp_path, fifo):
    message = "pipe.txt: is a FIFO (named pipe), not a regular file"
    _refused(_cli("analyze", str(fifo), "-o", str(tmp_path / "out"), "--no-cache"), "pipe.txt", message)
    _refused(_lib("article", fifo), "pipe.txt", message)


def test_a_symlink_to_dev_zero_is_refused_not_read(tmp_path, zero):
    message = "zero.txt: is a device (/dev/zero), not a regular file"
    _refused(_cli("analyze", str(zero), "-o", str(tmp_path / "out"), "--no-cache"), "zero.txt", message)
    _refused(_lib("article", zero), "zero.txt", message)


def test_special_files_in_a_folder_are_skipped(tmp_path, fifo, zero):
    (tmp_path / "story.txt").write_text("Budget vote\n\n" + BODY, encoding="utf-8")
    res = _lib("corpus", tmp_path)
    assert res.returncode == 0 and res.stdout.split() == ["OK", "story"], res.stdout + res.stderr


@pytest.fixture
def loop(tmp_path) -> Path:
    """corpus/sub/story.txt, with corpus/self -> . and corpus/sub/up -> .. (two symlink loops)."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "story.txt").write_text("Budget vote\n\n" + BODY, encoding="utf-8")
    (root / "self").symlink_to(".", target_is_directory=True)
    (root / "sub" / "up").symlink_to("..", target_is_directory=True)
    return root


@pytest.mark.parametrize("pattern", ["", "**/*.txt", "**", "sub/**/*.txt", "**/sub/*.txt"])
def test_a_symlink_loop_is_walked_once(tmp_path, loop, pattern):
    spec = str(loop / pattern) if pattern else str(loop)
    res = _lib("corpus", spec)
    assert res.returncode == 0 and res.stdout.split() == ["OK", "story"], res.stdout + res.stderr
    res = _cli("analyze", spec, "-o", str(tmp_path / "out"), "--no-cache", "-q", "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert "analysed 1 article(s)" in res.stdout


def test_glob_keeps_globs_rules(tmp_path, loop):
    (loop / ".hidden").mkdir()
    (loop / ".hidden" / "secret.txt").write_text(BODY, encoding="utf-8")
    (loop / "top.txt").write_text(BODY, encoding="utf-8")
    names = sorted(p.name for p in article_paths(str(loop / "**" / "*.txt")))
    assert names == ["story.txt", "top.txt"]  # ** enters no hidden folder, as glob's does
    assert [p.name for p in article_paths(str(loop / ".hidden" / "**" / "*.txt"))] == ["secret.txt"]
    assert [p.name for p in article_paths(str(loop / "*.txt"))] == ["top.txt"]


def test_every_read_stops_at_the_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, "long.txt", limit=100) == b"x" * 100
    with pytest.raises(nb.InputFileError, match="long.txt: over 0.1 kB is more than one news article"):
        read_bytes(path, "long.txt", limit=99)


# --- sidecars that cannot be read -----------------------------------------------------------

def test_a_fifo_sidecar_is_refused(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    (tmp_path / "story.txt").write_text("Budget vote\n\n" + BODY, encoding="utf-8")
    os.mkfifo(tmp_path / "story.meta.yaml")
    message = "story.meta.yaml: is a FIFO (named pipe), not a regular file"
    _refused(_cli("analyze", str(tmp_path / "story.txt"), "-o", str(tmp_path / "out"), "--no-cache"),
             "story.meta.yaml", message)
    _refused(_lib("article", tmp_path / "story.txt"), "story.meta.yaml", message)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads a file whatever its mode (CI runs as root)")
def test_an_unreadable_sidecar_is_refused(tmp_path):
    (tmp_path / "story.txt").write_text("Budget vote\n\n" + BODY, encoding="utf-8")
    side = tmp_path / "story.meta.yaml"
    side.write_text("source: Valley Courier\n", encoding="utf-8")
    side.chmod(0)
    try:
        message = "story.meta.yaml: cannot be read (Permission denied); check its permissions"
        _refused(_cli("analyze", str(tmp_path / "story.txt"), "-o", str(tmp_path / "out"), "--no-cache"),
                 "story.meta.yaml", message)
        with pytest.raises(nb.InputFileError, match="Permission denied"):
            load_article(tmp_path / "story.txt")
    finally:
        side.chmod(0o644)


def test_an_unreadable_sidecar_is_refused_whoever_runs(tmp_path, monkeypatch):
    """The same refusal as root: the open itself fails."""
    import builtins

    (tmp_path / "story.txt").write_text("Budget vote\n\n" + BODY, encoding="utf-8")
    side = tmp_path / "story.meta.yaml"
    side.write_text("source: Valley Courier\n", encoding="utf-8")
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if str(file) == str(side):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    with pytest.raises(nb.InputFileError) as exc:
        load_article(tmp_path / "story.txt")
    assert str(exc.value) == f"{side}: cannot be read (Permission denied); check its permissions"


# --- YAML alias bombs -----------------------------------------------------------------------

def test_an_alias_bomb_as_params_file_is_refused_fast(tmp_path):
    bomb = BAD / "billion_laughs_params.yaml"
    started = time.monotonic()
    res = _cli("report", str(BAD / "bom_crlf.txt"), "-o", str(tmp_path / "reports"), "-f", str(bomb))
    line = _refused(res, "billion_laughs_params.yaml", "line 3")
    assert time.monotonic() - started < 60
    assert "MemoryError" not in line and "internal error" not in line
    assert "YAML aliases are not allowed" in line
    _refused(_lib("params", bomb), "billion_laughs_params.yaml", "line 3")


@pytest.mark.parametrize("name", ["billion_laughs.md", "billion_laughs_sidecar.txt"])
def test_an_alias_bomb_in_metadata_is_refused_under_a_memory_limit(tmp_path, name):
    message = "YAML aliases are not allowed in metadata; write the values out"
    _refused(_cli("analyze", str(BAD / name), "-o", str(tmp_path / "out"), "--no-cache"), "billion_laughs", message)
    _refused(_lib("article", BAD / name), "billion_laughs", message)


@pytest.mark.parametrize("text, message", [
    ("a: &x [1, 2]\nb: *x\n", "t.yaml line 2: YAML aliases are not allowed in metadata"),
    ("base: &b {x: 1}\nother:\n  <<: *b\n", "t.yaml line 3: YAML aliases are not allowed"),
    ("x: " + "[" * 60 + "]" * 60 + "\n", "t.yaml line 1: nested more than 50 deep"),
    ("views: " + "9" * 5000 + "\n", "t.yaml line 1: a number of 5000 digits; put it in quotes"),
])
def test_the_yaml_loader_refuses_what_metadata_never_needs(text, message):
    with pytest.raises(nb.InputFileError) as exc:
        load_yaml(text, where="t.yaml")
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_plain_yaml_metadata_still_reads():
    assert load_yaml("title: Budget vote\npublished: 2016-10-07\ntags: [a, b]\nn: 12\n",
                     where="t.yaml") == {"title": "Budget vote", "published": "2016-10-07",
                                          "tags": ["a", "b"], "n": 12}


# --- fields of the wrong type ---------------------------------------------------------------

def test_a_numeric_sidecar_title_is_refused_when_the_corpus_is_loaded():
    """It used to surface as "AttributeError: analysis" from Corpus.__getattr__."""
    with pytest.raises(nb.InputFileError, match="'title' must be text, got a number"):
        nb.load_corpus(BAD / "title_number_sidecar.txt", cache=False)


@pytest.mark.parametrize("meta, message", [
    ({"source": 7}, "'source' must be text, got a number (7); put it in quotes (\"source\": \"7\")"),
    ({"url": ["a", "b"]}, "'url' must be text, got a list; give one string"),
    ({"date": {"y": 2016}}, "'published' must be one date, got a mapping"),
])
def test_json_fields_of_the_wrong_type_are_refused(tmp_path, meta, message):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"title": "Budget vote", "text": BODY, **meta}), encoding="utf-8")
    with pytest.raises(nb.InputFileError) as exc:
        load_article(path)
    assert str(exc.value).startswith(str(path)) and message in str(exc.value)


def test_json_author_lists_and_newsapi_sources_still_read(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"title": "Budget vote", "text": BODY, "author": ["Ana Ruiz", "Bo Li"],
                                "source": {"id": None, "name": "Valley Courier"}}), encoding="utf-8")
    art = load_article(path)
    assert art.meta["author"] == "Ana Ruiz, Bo Li" and art.meta["source"] == "Valley Courier"


# --- UTF-16 ---------------------------------------------------------------------------------

TEXT = "Port strike ends\n\nDockworkers returned to work on Friday after a three-day strike, said Zoë.\n"


@pytest.mark.parametrize("name, encoding", [("utf16_bom.txt", "utf-16"),
                                            ("utf16le.txt", "utf-16-le"),
                                            ("utf16be.txt", "utf-16-be"),
                                            ("utf16_bom.md", "utf-16")])
def test_utf16_is_decoded_with_exact_offsets(tmp_path, name, encoding):
    path = tmp_path / name
    path.write_bytes(TEXT.replace("\n", "\r\n").encode(encoding))
    with warnings.catch_warnings(), no_messages():
        warnings.simplefilter("error")
        art = load_article(path)
    assert art.text == TEXT.rstrip("\n") or art.text == TEXT
    an = nb.analyze(art, cache=False)
    for r in an.sentences.itertuples():
        assert an.text[r.start:r.end] == r.text
    res = _cli("analyze", str(path), "-o", str(tmp_path / "out"), "--no-cache", "-q", "--format", "csv")
    assert res.returncode == 0 and "binary" not in res.stderr, res.stderr


def test_a_utf16_table_is_read(tmp_path):
    path = tmp_path / "stories.tsv"  # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
    path.write_bytes(f"title\ttext\r\nPort strike ends\t{TEXT.splitlines()[2]}\r\n".encode("utf-16"))
    [art] = nb.load_corpus(path, cache=False).article_list
    assert art.meta["title"] == "Port strike ends" and "Zoë" in art.text


def test_broken_utf16_says_save_as_utf8(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "Port strike ends ".encode("utf-16-le") + b"\x00\xd8" + b"a\x00")
    res = _cli("analyze", str(path), "-o", str(tmp_path / "out"), "--no-cache")
    _refused(res, "broken.txt", "looks like UTF-16 text but is not valid (byte 36); save it as UTF-8")


# --- lone surrogates ------------------------------------------------------------------------

def test_lone_surrogates_in_json_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "surrogate.json"
    path.write_text('{"title": "Budget vote", "text": "The council met \\ud800 on Monday. The mayor '
                    'said the vote would take place next week."}', encoding="utf-8")
    with logged(match="lone surrogate"):
        art = load_article(path)
    at = art.text.index("\ufffd")
    assert art.text[at - 4:at + 4] == "met \ufffd on"
    res = _cli("analyze", str(path), "-o", str(tmp_path / "out"), "--no-cache", "-q", "--format", "csv")
    assert res.returncode == 0, res.stderr
    warns = [ln for ln in res.stderr.splitlines() if ln.startswith("newsbench: warning:")]
    assert any("surrogate.json" in ln and "lone surrogate" in ln for ln in warns)
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr


def test_lone_surrogates_in_a_string_are_replaced_one_for_one():
    text = "Budget vote\n\nThe council met \udc80 on Monday and agreed on a plan."
    with logged(match="lone surrogate"):
        an = nb.analyze_text(text, cache=False)
    assert len(an.text) == len(text) and "\ufffd" in an.text
    for r in an.sentences.itertuples():
        assert an.text[r.start:r.end] == r.text


# --- HTML dates that are not dates ----------------------------------------------------------

PAGE = (BAD.parent / "articles" / "page.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("raw", ["2016-13-45", "2016-02-30T10:00Z"])
def test_an_html_date_that_is_no_date_is_dropped_not_invented(tmp_path, raw):
    path = tmp_path / "page.html"
    path.write_text(PAGE.replace("2020-09-15T07:00:00Z", raw), encoding="utf-8")
    with logged(match=f"page's metadata dates it '{raw}', which is not a real date"):
        art = load_article(path)
    assert art.meta["published"] is None and art.meta["published_from"] is None
    res = _cli("analyze", str(path), "-o", str(tmp_path / "out"), "--no-cache", "-q", "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert any("page.html" in ln and "not a real date" in ln for ln in res.stderr.splitlines())


def test_a_real_html_date_is_kept():
    art = load_article(BAD.parent / "articles" / "page.html")
    assert art.meta["published"] == "2020-09-15" and art.meta["published_from"] == "html meta"
