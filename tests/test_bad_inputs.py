"""The catalogue of bad inputs (tests/data/bad/README.md), through the library and the CLI:
a one-line message naming the file and the fix, or a clean result; never a traceback."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import newsbench as nb
from logcheck import logged, no_messages

BAD = Path(__file__).resolve().parent / "data" / "bad"

ERRORS = [
    ("empty.txt", "the file is empty"),
    ("whitespace.txt", "only white space"),
    ("photo_renamed.txt", "this is a PNG image, not text"),
    ("no_article.html", "no article text could be extracted"),
    ("missing_text.json", "no article text; give a non-empty string field 'text'"),
    ("wrong_types.json", "no article text; give a non-empty string field 'text'"),
    ("broken.json", "unreadable JSON"),
    ("impossible_date.md", "published date '2016-02-30' is not a real date; write it as YYYY-MM-DD"),
    ("billion_laughs.md", "line 4: YAML aliases are not allowed in metadata; write the values out"),
    ("billion_laughs_sidecar.txt",
     "billion_laughs_sidecar.meta.yaml line 2: YAML aliases are not allowed in metadata"),
    ("deep_nesting.json", "JSON nested too deep to read"),
    ("long_number.json", "a number of 5000 digits is too long to read; put it in quotes"),
    ("title_number.md", "'title' must be text, got a number (12345); put it in quotes (title: \"12345\")"),
    ("title_number_sidecar.txt",
     "title_number_sidecar.meta.yaml: 'title' must be text, got a number (12345); put it in quotes"),
    ("published_list.json", "'published' must be one date, got a list; write it as YYYY-MM-DD"),
    ("published_list_sidecar.txt",
     "published_list_sidecar.meta.yaml: 'published' must be one date, got a list"),
]
WARNINGS = [
    ("invalid_utf8.txt", "not valid UTF-8"),
    ("latin1.txt", "not valid UTF-8"),
    ("german.txt", "does not look like English"),
    ("future_date.md", "in the future"),
]
CLEAN = ["bom_crlf.txt", "no_punctuation.txt", "odd name ü (copy) ..txt"]


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "newsbench.cli", *args], capture_output=True, text=True)


def _names_the_file(name: str, text: str) -> bool:
    """The message names the file, or its sidecar when the sidecar is what is wrong."""
    return name in text or f"{Path(name).stem}.meta.yaml" in text


@pytest.mark.parametrize("name, message", ERRORS)
def test_library_refuses_with_a_message_naming_the_file(name, message):
    with pytest.raises(nb.NewsbenchError) as exc:
        nb.analyze(BAD / name, cache=False)
    text = str(exc.value)
    assert _names_the_file(name, text) and message in text and "\n" not in text


@pytest.mark.parametrize("name, message", ERRORS)
def test_cli_refuses_with_one_line_and_exit_2(tmp_path, name, message):
    res = _cli("analyze", str(BAD / name), "-o", str(tmp_path), "--no-cache")
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and _names_the_file(name, lines[0]) and message in lines[0]
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("name, message", WARNINGS)
def test_library_warns_and_still_analyses(name, message):
    with logged(match=message):
        an = nb.analyze(BAD / name, cache=False)
    assert len(an.sentences) >= 1
    for r in an.sentences.itertuples():
        assert an.text[r.start:r.end] == r.text


@pytest.mark.parametrize("name, message", WARNINGS)
def test_cli_warns_on_one_line_and_succeeds(tmp_path, name, message):
    res = _cli("analyze", str(BAD / name), "-o", str(tmp_path), "--no-cache")
    assert res.returncode == 0, res.stderr
    warns = [ln for ln in res.stderr.splitlines() if ln.startswith("newsbench: warning:")]
    assert any(message in ln and name in ln for ln in warns)
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("name", CLEAN)
def test_clean_results(name):
    with warnings.catch_warnings(), no_messages():
        warnings.simplefilter("error")
        an = nb.analyze(BAD / name, cache=False)
    assert len(an.sentences) >= 1
    for r in an.sentences.itertuples():
        assert an.text[r.start:r.end] == r.text


def test_bom_and_crlf_give_exact_offsets():
    an = nb.analyze(BAD / "bom_crlf.txt", cache=False)
    assert not an.text.startswith("\ufeff") and "\r" not in an.text
    assert list(an.paragraphs["text"]) == ["Port strike ends",
                                            "Dockworkers returned to work on Friday after a three-day strike.",
                                            "The union said talks would continue."]


def test_non_english_is_reported_in_the_frame():
    with logged():
        an = nb.analyze(BAD / "german.txt", cache=False)
    assert an.articles.iloc[0].english_share < 0.12


def test_duplicate_ids_in_one_corpus():
    with logged(match="already used in this corpus"):
        corpus = nb.load_corpus(BAD / "duplicates")
    assert [a.article_id for a in corpus] == ["story", "story-2"]


def test_odd_file_names_give_safe_ids():
    assert nb.load_article(BAD / "odd name ü (copy) ..txt").article_id == "odd-name-u-copy"
    [art] = nb.load_corpus(BAD / "path_id.json").article_list
    assert art.article_id == "path_id-etc-passwd"


def test_a_20_mb_article_is_refused_with_the_fix(tmp_path):
    big = tmp_path / "dump.txt"
    line = "The council met on Monday to discuss the budget and agreed on a plan. " * 14 + "\n\n"
    with open(big, "w") as f:
        while f.tell() < 20_000_000:
            f.write(line)
    with pytest.raises(nb.InputFileError) as exc:
        nb.load_article(big)
    assert "dump.txt: 20.0 MB is more than one news article" in str(exc.value)
    assert "NEWSBENCH_MAX_BYTES" in str(exc.value)
    res = _cli("analyze", str(big), "-o", str(tmp_path / "out"))
    assert res.returncode == 2 and "Traceback" not in res.stderr


@pytest.mark.slow
def test_one_enormous_paragraph_without_line_breaks():
    text = "Huge wall of text\n\n" + " ".join(
        f"Officials in district {i} said the repairs would take {i % 9 + 2} weeks." for i in range(4000))
    assert len(text) > 250_000
    an = nb.analyze_text(text, cache=False)
    assert len(an.paragraphs) == 2 and len(an.sentences) > 3000
    for r in an.sentences.itertuples():
        assert text[r.start:r.end] == r.text


def test_a_bad_file_in_a_folder_is_skipped_with_its_reason(tmp_path):
    """One unreadable page among many does not stop a corpus; named alone, it is refused."""
    from newsbench.load import iter_articles

    good = "Council votes\n\nThe council approved the budget on Friday after a long debate."
    for i in range(2):
        (tmp_path / f"good{i}.txt").write_text(good + f" Item {i}.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cookie-wall.html").write_text("<html><body><p>Accept cookies</p></body></html>",
                                               encoding="utf-8")
    with logged(match=r"skipped: .*empty\.txt: the file is empty") as got:
        arts = list(iter_articles(tmp_path))
    assert [a.article_id for a in arts] == ["good0", "good1"]
    assert any("skipped: " in m and "cookie-wall.html" in m for m in got), got
    with pytest.raises(nb.InputFileError, match="empty.txt: the file is empty"):
        list(iter_articles(tmp_path / "empty.txt"))
    with pytest.raises(nb.InputFileError, match="empty.txt: the file is empty"):
        list(iter_articles([tmp_path / "good0.txt", tmp_path / "empty.txt"]))
    with logged():
        assert len(list(iter_articles(str(tmp_path / "*.txt")))) == 2   # a glob skips too


def test_a_folder_where_nothing_can_be_read_is_refused(tmp_path):
    from newsbench.load import iter_articles

    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with logged(), pytest.raises(nb.InputFileError,
                                 match=r"none of the 2 article file\(s\) found could be read"):
        list(iter_articles(tmp_path))
