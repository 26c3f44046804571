"""Loading: every format, metadata precedence, ids, corpus expansion and every input error."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import newsbench as nb
from newsbench.load import safe_id
from logcheck import logged, no_messages


def test_seed_loads_with_sidecar_metadata(seed_path):
    art = nb.load_article(seed_path)
    assert art.article_id == "000_d47dbbe6e72bd05c"
    assert art.meta["published"] == "2016-10-07"
    assert art.meta["published_from"] == "sidecar"
    assert art.meta["source"] == "Reuters (syndicated)"
    assert art.title == "Russia under pressure to stop devastating Aleppo bombardment"
    assert art.text == seed_path.read_text(encoding="utf-8")  # the text is not cleaned


def test_caller_published_wins_over_sidecar(seed_path):
    art = nb.load_article(seed_path, published="2016-10-08")
    assert art.meta["published"] == "2016-10-08"
    assert art.meta["published_from"] == "caller"


def test_dateline_date_is_used_when_nothing_else_dates_the_article(articles_dir):
    art = nb.load_article(articles_dir / "wire_dated.txt")
    assert art.meta["published"] == "2021-03-03"
    assert art.meta["published_from"] == "dateline"


def test_dateline_without_date_leaves_published_empty(articles_dir):
    art = nb.load_article(articles_dir / "wire_nodate.txt")
    assert art.meta["published"] is None
    assert art.meta["published_from"] is None


def test_markdown_front_matter_and_sidecar_precedence(articles_dir):
    art = nb.load_article(articles_dir / "feature.md")
    assert art.meta["published"] == "2019-06-14"
    assert art.meta["published_from"] == "front matter"
    assert art.meta["source"] == "The Valley Courier (print edition)"  # sidecar wins
    assert art.meta["url"] == "https://example.org/solar-town"
    assert art.title == "A small town bets on solar"
    assert "---" not in art.text and art.text.startswith("# A small town bets on solar")


def test_json_single_object(articles_dir):
    art = nb.load_article(articles_dir / "single.json")
    assert art.article_id == "single"
    assert art.meta["published"] == "2023-04-02"
    assert art.meta["source"] == "Arts Daily"
    # the body already starts with the title: it is not repeated
    assert art.text.count("Museum reopens after repairs") == 1


def test_json_list_gives_one_article_each_with_stable_ids(articles_dir):
    corpus = nb.load_corpus(articles_dir / "batch.json")
    ids = [a.article_id for a in corpus]
    assert ids == ["batch-vote", "batch-001"]
    first = corpus.article_list[0]
    assert first.text.startswith("Parliament passes budget\n\nParliament passed")
    assert first.meta["published"] == "2022-11-30"


def test_json_list_through_load_article_is_refused(articles_dir):
    with pytest.raises(nb.InputFileError, match="load_corpus"):
        nb.load_article(articles_dir / "batch.json")


def test_html_is_extracted_with_its_metadata(articles_dir):
    art = nb.load_article(articles_dir / "page.html")
    assert art.title == "Rail link opens between Corvale and Ashby"
    assert art.meta["published"] == "2020-09-15"
    assert art.meta["published_from"] == "html meta"
    assert art.meta["source"] == "Northern Post"
    assert "four hundred passengers" in art.text
    assert "Copyright" not in art.text and "Sport" not in art.text


@pytest.mark.parametrize("body", [
    "The programme ran from 2007-2013 and was reviewed by the board in detail, with findings.",
    "Figures for 2019 show the scheme, launched on 4 March 2011, helped thousands of families.",
])
def test_html_date_only_from_metadata_never_from_the_body(tmp_path, body):
    # a date in the body text is not the publication date: nothing is invented
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Programme review</title></head><body><article>"
        f"<h1>Programme review</h1><p>{body}</p><p>Officials said the scheme helped many "
        f"families across the region over the years, and would go on.</p></article></body></html>")
    art = nb.load_article(tmp_path / "page.html")
    assert art.meta.get("published") is None
    assert art.meta.get("published_from") in (None, "")


def test_folder_loads_every_format_and_skips_sidecars(articles_dir):
    corpus = nb.load_corpus(articles_dir)
    ids = sorted(a.article_id for a in corpus)
    assert ids == sorted(["batch-vote", "batch-001", "feature", "page", "single",
                          "wire_dated", "wire_nodate"])


def test_glob_and_list_of_paths(articles_dir, seed_path):
    corpus = nb.load_corpus([str(articles_dir / "*.json"), seed_path])
    assert [a.article_id for a in corpus] == ["batch-vote", "batch-001", "single", "000_d47dbbe6e72bd05c"]


def test_duplicate_ids_are_made_unique_with_a_warning(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        (tmp_path / sub / "story.txt").write_text("Headline\n\nSomething happened today in town.\n")
    with logged(match="already used"):
        corpus = nb.load_corpus(tmp_path)
    assert [a.article_id for a in corpus] == ["story", "story-2"]


@pytest.mark.parametrize("name, expected", [
    ("000_d47dbbe6e72bd05c", "000_d47dbbe6e72bd05c"),
    ("my story (final) v2", "my-story-final-v2"),
    ("../../etc/passwd", "etc-passwd"),
    ("Zürich – Bericht", "Zurich-Bericht"),
])
def test_safe_ids(name, expected):
    assert safe_id(name) == expected


def test_ids_of_odd_file_names_are_safe(tmp_path):
    path = tmp_path / "Ünïcode story ..txt"
    path.write_text("Headline\n\nA thing happened.\n")
    art = nb.load_article(path)
    assert art.article_id == "Unicode-story"


# --- errors: one line, naming the file and the fix --------------------------------------------

def _one_line(exc) -> str:
    msg = str(exc.value)
    assert "\n" not in msg
    return msg


def test_missing_file(tmp_path):
    with pytest.raises(nb.InputFileError) as exc:
        nb.load_article(tmp_path / "nope.txt")
    assert "nope.txt: no such file" in _one_line(exc)


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(nb.InputFileError) as exc:
        nb.load_article(tmp_path / "empty.txt")
    assert "empty.txt: the file is empty" in _one_line(exc)


def test_whitespace_only_file(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\t\n  ")
    with pytest.raises(nb.InputFileError, match="only white space"):
        nb.load_article(tmp_path / "blank.txt")


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(nb.InputFileError) as exc:
        nb.load_article(tmp_path / "photo.txt")
    assert "photo.txt: this is a PNG image, not text" in _one_line(exc)


def test_undecodable_binary_file(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(1, 32)) * 50)
    with pytest.raises(nb.InputFileError, match="blob.txt: binary or undecodable"):
        nb.load_article(tmp_path / "blob.txt")


def test_latin1_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Headline\n\nThe café in Zürich reopened.\n".encode("latin-1"))
    with logged(match="latin.txt: not valid UTF-8"):
        art = nb.load_article(tmp_path / "latin.txt")
    assert "café in Zürich" in art.text


def test_bom_and_crlf(tmp_path):
    (tmp_path / "win.txt").write_bytes("\ufeffHeadline\r\n\r\nA thing happened.\r\n".encode("utf-8"))
    art = nb.load_article(tmp_path / "win.txt")
    assert art.text == "Headline\n\nA thing happened.\n"


def test_unreadable_json(tmp_path):
    (tmp_path / "broken.json").write_text('{"title": "x", "text": ')
    with pytest.raises(nb.InputFileError) as exc:
        nb.load_article(tmp_path / "broken.json")
    msg = _one_line(exc)
    assert "broken.json: unreadable JSON" in msg and "line 1" in msg


def test_json_without_text(tmp_path):
    (tmp_path / "notext.json").write_text(json.dumps({"title": "Only a title"}))
    with pytest.raises(nb.InputFileError, match="notext.json: no article text; give a non-empty string field 'text'"):
        nb.load_article(tmp_path / "notext.json")


def test_html_without_article(tmp_path):
    (tmp_path / "nav.html").write_text("<html><body><nav>Home | News</nav></body></html>")
    with pytest.raises(nb.InputFileError, match="nav.html: no article text could be extracted"):
        nb.load_article(tmp_path / "nav.html")


@pytest.mark.parametrize("bad", ["2016-02-30", "yesterday", "07/10/2016x", "2016-13-01"])
def test_published_that_is_not_a_date(seed_path, bad):
    with pytest.raises(nb.ParameterError) as exc:
        nb.load_article(seed_path, published=bad)
    msg = _one_line(exc)
    assert f"'{bad}' is not a real date" in msg and "YYYY-MM-DD" in msg


def test_published_in_metadata_that_is_not_a_date(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: T\npublished: 2016-02-30\n---\nSome text here today.\n")
    with pytest.raises(nb.ParameterError, match=r"a.md: published date '2016-02-30' is not a real date"):
        nb.load_article(tmp_path / "a.md")


def test_future_date_warns(tmp_path):
    (tmp_path / "f.md").write_text("---\npublished: 2999-01-01\n---\nSome text here today.\n")
    with logged(match="in the future"):
        nb.load_article(tmp_path / "f.md")


def test_unknown_suffix(tmp_path):
    (tmp_path / "a.docx").write_text("x")
    with pytest.raises(nb.InputFileError, match=r"a.docx: unknown kind of file '.docx'"):
        nb.load_article(tmp_path / "a.docx")


def test_empty_folder(tmp_path):
    with pytest.raises(nb.InputFileError, match="no articles"):
        nb.load_corpus(tmp_path)


def test_glob_matching_nothing(tmp_path):
    with pytest.raises(nb.InputFileError, match="matches no file"):
        nb.load_corpus(str(tmp_path / "*.txt"))


def test_bad_yaml_front_matter(tmp_path):
    (tmp_path / "y.md").write_text("---\ntitle: [unclosed\n---\nBody text here.\n")
    with pytest.raises(nb.InputFileError, match="y.md: unreadable YAML"):
        nb.load_article(tmp_path / "y.md")


def test_analyze_text_rejects_empty():
    with pytest.raises(nb.ParameterError, match="empty article text"):
        nb.analyze_text("   ")


def test_no_warning_for_a_clean_file(seed_path):
    with warnings.catch_warnings(), no_messages():
        warnings.simplefilter("error")
        nb.load_article(seed_path)


# --- JSON with other keys: the common names of tables and feeds --------------------------------

FORMATS = Path(__file__).resolve().parent / "data" / "formats"


def test_json_with_other_common_keys():
    art = nb.load_article(FORMATS / "headline.json")
    assert art.article_id == "headline"
    assert art.title == "Storm cuts power to thousands"  # "Headline"
    assert art.text.startswith("Storm cuts power to thousands\n\nA storm cut power")  # "Body"
    assert art.meta["published"] == "2022-12-01" and art.meta["published_from"] == "json"  # "Date"
    assert art.meta["source"] == "Example Wire" and art.meta["url"] == "https://example.org/storm"
    assert art.meta["section"] == "weather"  # other keys are kept


def test_json_keys_mapped_explicitly(tmp_path):
    (tmp_path / "m.json").write_text(json.dumps({"hed": "Port reopens", "copy": "The port reopened on Monday.",
                                                 "when": "Mon, 06 Jan 2020 09:00:00 +0000"}))
    art = nb.load_article(tmp_path / "m.json", columns={"text": "copy", "title": "hed", "published": "when"})
    assert art.text == "Port reopens\n\nThe port reopened on Monday."
    assert art.meta["published"] == "2020-01-06"


def test_json_list_items_with_other_keys_and_ids(tmp_path):
    (tmp_path / "l.json").write_text(json.dumps([
        {"guid": "x1", "headline": "One", "story": "The first story of the list."},
        {"headline": "Two", "content": "The second story of the list."}]))
    ids = [a.article_id for a in nb.load_corpus(tmp_path / "l.json")]
    assert ids == ["l-x1", "l-001"]


def test_json_without_a_text_key_names_its_keys_and_the_mapping(tmp_path):
    (tmp_path / "k.json").write_text(json.dumps({"hed": "Only a headline", "copy": "The text."}))
    with pytest.raises(nb.InputFileError) as exc:
        nb.load_article(tmp_path / "k.json")
    assert _one_line(exc) == (
        f"{tmp_path / 'k.json'}: no article text; give a non-empty string field 'text' (also read: "
        f"body, content, article, story); its keys are 'hed', 'copy'; or map one with --columns "
        f"text=NAME (columns={{'text': NAME}} in Python)")


def test_json_mapped_key_that_does_not_exist(tmp_path):
    (tmp_path / "k.json").write_text(json.dumps({"hed": "Only a headline", "copy": "The text."}))
    with pytest.raises(nb.ParameterError) as exc:
        nb.load_article(tmp_path / "k.json", columns={"text": "body_text"})
    assert _one_line(exc) == (f"columns: {tmp_path / 'k.json'} has no key 'body_text' (mapped to text); "
                              f"its keys are 'hed', 'copy'")


def test_every_format_has_a_reader_and_is_listed():
    from newsbench.load import ARTICLE_SUFFIXES

    for suffix in (".txt", ".md", ".json", ".html", ".csv", ".tsv", ".tab", ".jsonl", ".ndjson",
                   ".parquet", ".rss", ".atom", ".xml"):
        assert suffix in ARTICLE_SUFFIXES
