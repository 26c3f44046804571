"""Tables (CSV, TSV, JSON Lines, Parquet) and feeds (RSS, Atom): one article a row or entry,
columns found by their common names or mapped, bad rows warned about by number, every
refusal one line naming the file and the fix (fixtures: tests/data/formats/README.md)."""

from __future__ import annotations

import datetime as dt
import json
import socket
import warnings
from pathlib import Path

import pytest

import newsbench as nb
from newsbench.load import find_article, iter_articles, load_article, parse_columns
from logcheck import logged

FORMATS = Path(__file__).resolve().parent.parent / "data" / "formats"


def _load(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(iter_articles(path, **kw))


def _messages(record) -> list[str]:
    return list(record)


def _one_line(exc) -> str:
    msg = str(exc.value)
    assert "\n" not in msg
    return msg


def _write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# --- CSV --------------------------------------------------------------------------------------

def test_csv_rows_become_articles_with_their_metadata():
    with logged() as record:
        arts = list(iter_articles(FORMATS / "stories.csv"))
    assert [a.article_id for a in arts] == ["stories-vote-1", "stories-2", "stories-bad-date"]
    first = arts[0]
    assert first.text == ("Council approves budget\n\nThe council approved the budget on Monday "
                          "after a long debate.\n\nThe vote was close, with five members against the plan.")
    assert first.title == "Council approves budget"
    assert first.meta["published"] == "2020-03-13"  # a datetime: its date part
    assert first.meta["published_from"] == "table"
    assert first.meta["source"] == "Town Crier"
    assert first.meta["url"] == "https://example.org/vote"
    assert first.meta["format"] == "csv" and first.meta["path"] == str(FORMATS / "stories.csv")
    assert first.meta["row"] == 1 and first.meta["item"] == "vote-1"
    assert arts[1].meta["row"] == 2 and arts[1].meta["item"] == "2"  # no id: the row number
    msgs = _messages(record)
    # the bad date: warned with file and row, the row analysed without it
    assert any("stories.csv row 4 (line 7): published date 'yesterday' is not a date; analysed "
               "without it" in m for m in msgs)
    assert arts[2].meta["published"] is None and arts[2].meta["published_from"] is None
    # the empty row: skipped, one warning counting
    skipped = [m for m in msgs if "skipped" in m]
    assert skipped == [f"{FORMATS / 'stories.csv'}: skipped 1 row with no text in column 'Body' (row 3)"]


def test_csv_bom_crlf_and_quoted_line_breaks(tmp_path):
    path = tmp_path / "win.csv"
    path.write_bytes("\ufeffTitle,Text\r\nCafé reopens,\"The café reopened.\r\n\r\nIt was busy.\"\r\n"
                     .encode("utf-8"))
    [art] = _load(path)
    assert art.text == "Café reopens\n\nThe café reopened.\n\nIt was busy."
    assert art.title == "Café reopens"


def test_csv_field_longer_than_pythons_default_limit(tmp_path):
    body = "The council met again. " * 12_000  # 276 kB, over csv's 131072-character default
    path = _write_csv(tmp_path / "long.csv", f'title,text\nLong read,"{body}"\n')
    [art] = _load(path)
    assert art.text == "Long read\n\n" + body.strip("\n")


def test_csv_with_semicolons(tmp_path):
    path = _write_csv(tmp_path / "semi.csv", "title;text;date\nOne;The port reopened on Monday, officials said.;2020-01-02\n")
    [art] = _load(path)
    assert art.title == "One" and art.meta["published"] == "2020-01-02"


def test_csv_in_windows_1252_is_decoded_with_a_warning(tmp_path):
    path = _write_csv(tmp_path / "excel.csv", "title,text\nCafé,The café in Zürich reopened.\n", "cp1252")
    with logged(match="excel.csv: not valid UTF-8"):
        [art] = list(iter_articles(path))
    assert "café in Zürich" in art.text


def test_tsv():
    arts = _load(FORMATS / "stories.tsv")
    assert [a.article_id for a in arts] == ["stories-1", "stories-2"]
    assert arts[0].title == "Rail link opens"
    assert arts[0].meta["published"] == "2021-05-04"  # "2021-05-04 08:00:00"
    assert arts[0].meta["source"] == "Northern Post" and arts[0].meta["format"] == "tsv"


def test_a_row_with_the_wrong_number_of_fields_warns(tmp_path):
    path = _write_csv(tmp_path / "ragged.csv", "title,text\nA,Some text about the port, unquoted\n")
    with logged(match=r"ragged.csv row 1 \(line 2\): 3 fields where the header has 2"):
        [art] = list(iter_articles(path))
    assert art.text == "A\n\nSome text about the port"


def test_many_bad_rows_warn_a_few_then_count(tmp_path):
    rows = "".join(f"T{i},Text number {i} about the council.,2020-02-3{i}\n" for i in range(2, 10))
    path = _write_csv(tmp_path / "dates.csv", "title,text,date\n" + rows)
    with logged() as record:
        arts = list(iter_articles(path))
    assert len(arts) == 8 and all(a.meta["published"] is None for a in arts)
    msgs = [m for m in _messages(record) if "date" in m]
    assert len(msgs) == 6
    assert msgs[-1].endswith("dates.csv: 3 more rows with a published date that is not a date "
                             "(row 6 (line 7), row 7 (line 8), row 8 (line 9))")


def test_row_text_over_the_article_limit_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBENCH_MAX_BYTES", "2000")
    path = _write_csv(tmp_path / "big.csv", "title,text\nShort,The port reopened.\nHuge," + "x" * 3000 + "\n")
    with logged(match=r"big.csv row 2 \(line 3\): 3 kB of text is more than one "
                                         r"news article \(limit 2 kB\); the row is skipped"):
        arts = list(iter_articles(path))
    assert [a.title for a in arts] == ["Short"]


def test_an_unclosed_quote_is_refused_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBENCH_MAX_BYTES", "2000")
    path = _write_csv(tmp_path / "open.csv", 'title,text\nA,"never closed ' + "x" * 200_000 + "\n")
    with pytest.raises(nb.InputFileError) as exc:
        list(iter_articles(path))
    msg = _one_line(exc)
    assert "open.csv line 2: unreadable CSV (field larger than field limit" in msg
    assert "a quote left open?" in msg


def test_the_file_size_limit_does_not_refuse_a_table(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBENCH_MAX_BYTES", "1000")
    rows = "".join(f"T{i},Row {i} says the council met on Monday.\n" for i in range(200))
    path = _write_csv(tmp_path / "many.csv", "title,text\n" + rows)
    assert path.stat().st_size > 1000
    assert len(_load(path)) == 200
    monkeypatch.setenv("NEWSBENCH_MAX_TABLE_BYTES", "1000")
    with pytest.raises(nb.InputFileError) as exc:
        _load(path)
    assert "many.csv: 8.8 kB is more than the table limit (1 kB); raise or unset " \
           "NEWSBENCH_MAX_TABLE_BYTES" in _one_line(exc)


def test_a_table_is_read_lazily(tmp_path):
    # the broken end of the file is not reached while the first rows are taken
    path = _write_csv(tmp_path / "lazy.csv", 'title,text\nA,First text.\nB,"never closed' + "x" * 300_000)
    first = next(iter_articles(path))
    assert first.title == "A"


def test_duplicate_row_ids_are_made_unique(tmp_path):
    path = _write_csv(tmp_path / "dup.csv", "id,text\n5,One text here.\n5,Another text here.\n")
    with logged(match="article id 'dup-5' is already used in this corpus; this one "
                                         "is 'dup-5-2'. Give each row or item its own id"):
        arts = list(iter_articles(path))
    assert [a.article_id for a in arts] == ["dup-5", "dup-5-2"]


def test_row_ids_are_safe_file_names(tmp_path):
    path = _write_csv(tmp_path / "ids.csv", "guid,text\n../../etc/passwd,One text here.\n"
                      "https://example.org/news/2020/03/13/a-very-long-slug-for-a-story-about-the-council-budget,Two.\n")
    arts = _load(path)
    assert arts[0].article_id == "ids-etc-passwd"
    long_id = arts[1].article_id
    assert long_id.startswith("ids-") and len(long_id) <= 60 and "council-budget" in long_id
    assert long_id.replace("-", "").replace("_", "").replace(".", "").isalnum()


# --- refusals ---------------------------------------------------------------------------------

def test_a_table_without_a_text_column_is_refused_naming_its_columns():
    with pytest.raises(nb.InputFileError) as exc:
        _load(FORMATS / "no_text.csv")
    assert _one_line(exc) == (
        f"{FORMATS / 'no_text.csv'}: no article text column; its columns are 'id', 'hed', "
        f"'story_text', 'when'; name the text column 'text' (or body, content, article, story), "
        f"or map it with --columns text=NAME (columns={{'text': NAME}} in Python)")


@pytest.mark.parametrize("content, message", [
    ("", "empty.csv: the file is empty; give a CSV table with one article a row"),
    (" \n\n", "empty.csv: the file has only white space; give a header row, then one article a row"),
    ("title,text\n", "empty.csv: no rows; give one article a row"),
    ("title,text\nA,\nB,  \n", "empty.csv: none of its 2 rows has text in column 'text'; fill it in, "
                               "or map another column with --columns text=NAME"),
])
def test_empty_tables(tmp_path, content, message):
    path = _write_csv(tmp_path / "empty.csv", content)
    with pytest.raises(nb.InputFileError) as exc:
        _load(path)
    assert message in _one_line(exc)


def test_binary_renamed_csv(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(nb.InputFileError, match="photo.csv: this is a PNG image, not a CSV table"):
        _load(path)


def test_load_article_refuses_a_table_of_several_rows():
    with pytest.raises(nb.InputFileError) as exc:
        load_article(FORMATS / "stories.tsv")
    assert "stories.tsv: a table holds one article a row; use load_corpus(), or PATH::ID for one " \
           "row (e.g. " in _one_line(exc)


def test_load_article_of_a_one_row_table(tmp_path):
    path = _write_csv(tmp_path / "one.csv", "headline,story\nOne,The only article here.\n")
    art = load_article(path)
    assert art.article_id == "one-1" and art.title == "One"


# --- column mapping ---------------------------------------------------------------------------

@pytest.mark.parametrize("columns", [
    {"text": "story_text", "title": "hed", "published": "when"},
    {"TEXT": "Story_Text", "title": "HED", "published": "When"},
    "text=story_text,title=hed,published=when",
])
def test_columns_mapped_explicitly(columns):
    [art] = _load(FORMATS / "no_text.csv", columns=columns)
    assert art.text == "Bridge closes\n\nThe bridge closed for repairs on Monday morning."
    assert art.meta["published"] == "2020-01-06" and art.article_id == "no_text-1"


def test_a_mapping_wins_over_the_common_names(tmp_path):
    path = _write_csv(tmp_path / "two.csv", "title,text,full_text\nT,Teaser only.,The full text of it.\n")
    [art] = _load(path, columns={"text": "full_text"})
    assert art.text == "T\n\nThe full text of it."


def test_a_mapped_column_that_does_not_exist_is_refused():
    with pytest.raises(nb.ParameterError) as exc:
        _load(FORMATS / "no_text.csv", columns={"text": "body_text"})
    assert _one_line(exc) == (f"columns: {FORMATS / 'no_text.csv'} has no column 'body_text' "
                              f"(mapped to text); its columns are 'id', 'hed', 'story_text', 'when'")


@pytest.mark.parametrize("columns, message", [
    ({"txt": "story"}, "columns: 'txt' is not a field; map one of title, text, published, source, "
                       "url, id, standfirst, author (e.g. text=story)"),
    ({"text": ""}, "columns: text must name a column, got ''"),
    ("text", "--columns 'text': give FIELD=COLUMN pairs, e.g. --columns text=story,title=hed"),
    (["text"], "columns: expected a mapping like {'text': 'story'}, got list"),
])
def test_a_bad_mapping_is_refused(columns, message):
    with pytest.raises(nb.ParameterError) as exc:
        _load(FORMATS / "stories.tsv", columns=columns)
    assert _one_line(exc) == message


def test_parse_columns():
    assert parse_columns("text=story, title = hed,") == {"text": "story", "title": "hed"}


def test_a_sidecar_can_map_the_columns_and_date_every_row(tmp_path):
    path = _write_csv(tmp_path / "wire.csv", "hed,copy\nPort reopens,The port reopened on Monday.\n")
    (tmp_path / "wire.meta.yaml").write_text("columns: {text: copy, title: hed}\nsource: Example Wire\n")
    [art] = _load(path)
    assert art.title == "Port reopens" and art.meta["source"] == "Example Wire"


# --- JSON Lines -------------------------------------------------------------------------------

def test_jsonl_rows_become_articles():
    arts = _load(FORMATS / "stories.jsonl")
    assert [a.article_id for a in arts] == ["stories-a1", "stories-a2"]
    assert arts[0].title == "Museum reopens after repairs"
    assert arts[0].meta["source"] == "Arts Daily" and arts[0].meta["url"] == "https://example.org/museum"
    assert arts[1].meta["published"] == "2023-04-03"  # an RFC 2822 date
    assert arts[1].meta["row"] == 3  # the line number (line 2 is blank)
    assert arts[0].meta["format"] == "jsonl" and arts[0].meta["published_from"] == "table"


@pytest.mark.parametrize("content, message", [
    ('{"text": "Fine text."}\n{"text": "cut off\n', "bad.jsonl line 2: unreadable JSON (Invalid control "
                                                    "character at, column 18); give one JSON object a line"),
    ('{"text": "Fine text."}\n[1, 2]\n', 'bad.jsonl line 2: expected a JSON object ({"title": ..., '
                                         '"text": ...}), got list'),
    ('{"title": "No text", "teaser": "Short."}\n', "bad.jsonl line 1: no article text key; its keys are "
                                                    "'title', 'teaser'; name the text key 'text'"),
])
def test_jsonl_errors_name_the_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(nb.InputFileError) as exc:
        _load(path)
    assert message in _one_line(exc)


def test_jsonl_a_later_line_without_text_is_skipped(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "First text."}\n{"title": "No text here"}\n{"text": "Third text."}\n')
    with logged(match=r"mixed.jsonl: skipped 1 row with no text in key 'text' \(row 2\)"):
        arts = list(iter_articles(path))
    assert [a.article_id for a in arts] == ["mixed-1", "mixed-3"]


# --- Parquet ----------------------------------------------------------------------------------

def _parquet(path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({
        "Article_ID": [10, 11, 12],
        "HEADLINE": ["Parquet one", "Parquet two", "Parquet three"],
        "Story": ["The first article of the table.", None, "The third article of the table."],
        "published_at": pa.array([dt.datetime(2020, 3, 13, 23, 0), None, dt.datetime(2020, 3, 15)],
                                 pa.timestamp("us")),
        "outlet": ["Table Times"] * 3,
        "unused": [[1, 2], [3], []],
    }), path)
    return path


def test_parquet_rows_become_articles(tmp_path):
    path = _parquet(tmp_path / "table.parquet")
    with logged(match=r"table.parquet: skipped 1 row with no text in column 'Story' \(row 2\)"):
        arts = list(iter_articles(path))
    assert [a.article_id for a in arts] == ["table-10", "table-12"]
    assert arts[0].text == "Parquet one\n\nThe first article of the table."
    assert arts[0].meta["published"] == "2020-03-13" and arts[0].meta["source"] == "Table Times"
    assert arts[1].meta["row"] == 3 and arts[1].meta["format"] == "parquet"


def test_parquet_reads_only_the_columns_it_needs(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    path = _parquet(tmp_path / "table.parquet")
    asked = []
    real = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        asked.append(kwargs.get("columns"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    _load(path)
    assert asked == [["Article_ID", "HEADLINE", "Story", "published_at", "outlet"]]


@pytest.mark.parametrize("data, message", [
    (b"not a table", "x.parquet: not a Parquet file (it does not start with PAR1)"),
    (b"PAR1\x00\x00", "x.parquet: unreadable Parquet ("),
])
def test_unreadable_parquet(tmp_path, data, message):
    path = tmp_path / "x.parquet"
    path.write_bytes(data)
    with pytest.raises(nb.InputFileError) as exc:
        _load(path)
    assert message in _one_line(exc)


# --- feeds ------------------------------------------------------------------------------------

def test_rss_entries_become_articles():
    with logged(match=r"feed.rss: skipped 1 entry with no text in element 'content' \(entry 3\)"):
        arts = list(iter_articles(FORMATS / "feed.rss"))
    assert [a.article_id for a in arts] == ["feed-bridge-2020", "feed-2"]
    bridge = arts[0]
    assert bridge.text == ("Bridge reopens after repairs\n\n"
                           "The old bridge reopened on Friday after “two years” of repairs, the council said.\n\n"
                           "Drivers were pleased; cyclists less so.\n\n"
                           "Cost: £4m")
    assert bridge.meta["published"] == "2020-03-13"  # 23:30 at -0500: the date as written
    assert bridge.meta["source"] == "Valley Courier & Times"
    assert bridge.meta["url"] == "https://example.org/bridge"
    assert bridge.meta["standfirst"] == "The old bridge reopened on Friday."
    assert bridge.meta["published_from"] == "feed" and bridge.meta["format"] == "feed"
    # only a description: it is the text, its markup and entities reduced
    assert arts[1].text == ("School wins science prize\n\nPupils at the village school won a national "
                            "science prize on Saturday.\n\nTheir project measured air quality & noise.")
    for art in arts:
        assert "<" not in art.text and "&" not in art.text.replace("air quality & noise", "")
        assert "alert" not in art.text


def test_atom_entries_become_articles():
    arts = _load(FORMATS / "feed.atom")
    assert [a.article_id for a in arts] == ["feed-tag-example.org-2021-rail-link",
                                            "feed-tag-example.org-2021-ferry"]
    rail, ferry = arts
    assert rail.title == "Rail link opens at last"  # an HTML title, reduced
    assert rail.text.startswith("Rail link opens at last\n\nThe rail link between Corvale and Ashby "
                                "opened on Tuesday.\n\nFour hundred passengers")
    assert rail.meta["published"] == "2021-05-04" and rail.meta["source"] == "Northern Post"
    assert ferry.meta["published"] == "2021-05-05"  # no <published>: <updated>
    assert ferry.text == "Ferry cancelled\n\nThe morning ferry was cancelled because of high winds."


def test_xml_is_read_when_it_is_a_feed():
    [art] = _load(FORMATS / "rdf_feed.xml")
    assert art.title == "Port strike ends" and art.meta["published"] == "2020-03-14"
    assert art.meta["source"] == "Harbour News"


def test_xml_that_is_not_a_feed():
    with pytest.raises(nb.InputFileError) as exc:
        _load(FORMATS / "sitemap.xml")
    assert _one_line(exc) == (f"{FORMATS / 'sitemap.xml'}: an XML file whose root element is <urlset>, "
                              f"not an RSS or Atom feed (<rss>, <feed> or <rdf:RDF>); give a feed, or "
                              f"save the article as .txt")


def test_a_folder_reads_feeds_and_skips_other_xml(tmp_path):
    for name in ("feed.rss", "rdf_feed.xml", "sitemap.xml"):
        (tmp_path / name).write_bytes((FORMATS / name).read_bytes())
    ids = [a.article_id for a in _load(tmp_path)]
    assert ids == ["feed-bridge-2020", "feed-2", "rdf_feed-https-example.org-port"]


def test_a_feed_fetches_nothing(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")

    def no_network(*args, **kwargs):
        raise AssertionError("the feed reader opened a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    path = tmp_path / "xxe.rss"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">'
                    f'<!ENTITY web SYSTEM "http://192.0.2.1/x">]>\n<rss version="2.0"><channel>'
                    f'<title>T</title><item><title>Item &xxe; &web;</title><description>Some text '
                    f'about the council and the budget.</description></item></channel></rss>')
    arts = _load(path)
    assert len(arts) == 1 and "TOP-SECRET" not in arts[0].text + str(arts[0].meta)


@pytest.mark.parametrize("content, message", [
    ("", "x.rss: the file is empty; give an RSS or Atom feed"),
    ("<rss version='2.0'><channel><title>T</title></channel></rss>",
     "x.rss: the feed has no entries; give a feed with at least one item"),
    ("just some words", "x.rss: an XML file with no XML element, not an RSS or Atom feed"),
])
def test_feed_refusals(tmp_path, content, message):
    path = tmp_path / "x.rss"
    path.write_text(content)
    with pytest.raises(nb.InputFileError) as exc:
        _load(path)
    assert message in _one_line(exc)


# --- one row by PATH::ID, and the analysis -----------------------------------------------------

@pytest.mark.filterwarnings("ignore::UserWarning")
def test_path_and_id_find_one_row():
    art = find_article(FORMATS / "stories.csv", "stories-bad-date")
    assert art.title == "Library opens late" and art.meta["row"] == 4
    with pytest.raises(nb.ParameterError, match="holds no article 'stories-99'"):
        find_article(FORMATS / "stories.csv", "stories-99")


def test_path_and_id_through_the_notebook_parameter_and_the_report():
    from newsbench.notebook import article_param
    from newsbench.report import _article_param

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        art = article_param(f"{FORMATS / 'stories.csv'}::stories-vote-1")
        assert art.title == "Council approves budget"
        [row] = [a for a in iter_articles(FORMATS / "stories.jsonl") if a.article_id == "stories-a2"]
    assert _article_param(row) == f"{(FORMATS / 'stories.jsonl').resolve()}::stories-a2"


def test_a_table_row_is_analysed_with_exact_offsets(nlp):
    [art] = _load(FORMATS / "stories.tsv")[:1]
    an = nb.analyze(art, cache=False)
    assert str(an.articles.iloc[0].published)[:10] == "2021-05-04"
    assert an.articles.iloc[0].source == "Northern Post"
    for r in an.sentences.itertuples():
        assert an.text[r.start:r.end] == r.text


def test_fixture_readme_lists_every_fixture():
    listed = (FORMATS / "README.md").read_text(encoding="utf-8")
    for path in FORMATS.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in listed, path.name


def test_json_lines_fixture_is_valid_json_lines():
    for line in (FORMATS / "stories.jsonl").read_text().splitlines():
        if line.strip():
            assert isinstance(json.loads(line), dict)


def test_rows_that_do_not_look_english_warn_a_few_then_count(tmp_path):
    german = ("Der Gemeinderat hat am Montag nach langer Debatte den Haushalt beschlossen, obwohl "
              "fünf Mitglieder dagegen stimmten und die Opposition höhere Steuern für Familien "
              "befürchtet, wie die Sprecherin der Stadt mitteilte.")
    rows = "".join(f'T{i},"{german}"\n' for i in range(7))
    path = _write_csv(tmp_path / "de.csv", "title,text\n" + rows)
    with logged() as record:
        arts = list(iter_articles(path))
    assert len(arts) == 7
    msgs = [m for m in _messages(record) if "English" in m]
    assert len(msgs) == 6
    assert msgs[0].startswith(f"{path} row 1 (line 2): does not look like English")
    assert msgs[-1] == (f"{path}: 2 more rows with text that does not look like English "
                        f"(row 6 (line 7), row 7 (line 8))")


# --- arbitrary bytes: an article or a one-line refusal, never a traceback ----------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["title,text\n", "text\n", '"', ",", "\n", "\r\n", "\t", ";", "{", "}",
                           '{"text": "x"}\n', "<rss>", "<item>", "<title>", "</item>", "</rss>",
                           "<description>", "&amp;", "<![CDATA[", "]]>", "The council met.", "\x00"])
_BYTES = st.binary(max_size=300) | st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(_BYTES, st.sampled_from([".csv", ".tsv", ".jsonl", ".parquet", ".rss", ".atom", ".xml"]))
def test_arbitrary_bytes_give_articles_or_a_clear_error(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        arts = _load(path)
    except nb.NewsbenchError as exc:
        assert "\n" not in str(exc) and "fuzz" in str(exc)
        return
    for art in arts:
        assert art.text.strip()
        assert art.article_id.replace("-", "").replace("_", "").replace(".", "").isalnum()
