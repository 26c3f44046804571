"""Paragraph roles: slug, title, standfirst, caption, dateline, body."""

from __future__ import annotations

import pytest

import newsbench as nb

from newsbench.structure import paragraph_spans, segment


def roles(text, **kw):
    return [(sp.role, text[sp.start:sp.end]) for sp in segment(text, **kw)]


def test_seed_roles(seed_analysis):
    paras = seed_analysis.paragraphs
    got = list(zip(paras["role"].astype(str), paras["text"]))
    assert got[0] == ("title", "Russia under pressure to stop devastating Aleppo bombardment")
    assert got[1][0] == "standfirst" and got[1][1].startswith("Russia's Sergei Lavrov said")
    assert got[2][0] == "caption" and got[2][1].startswith("FILE: Russian Su-34 bombers")
    assert got[3] == ("dateline", "MOSCOW/BEIRUT")
    assert got[4][0] == "body" and got[4][1].startswith("Russia said on Friday a draft UN resolution")
    assert {r for r, _ in got[5:]} == {"body"}
    assert (paras["role"] == "title").sum() == 1 and (paras["role"] == "dateline").sum() == 1


@pytest.mark.parametrize("lead, dateline", [
    ("WASHINGTON, Oct 7 (Reuters) - Officials met today.", "WASHINGTON, Oct 7 (Reuters)"),
    ("BEIRUT, Lebanon (AP) — Officials met today.", "BEIRUT, Lebanon (AP)"),
    ("NEW YORK -- Officials met today.", "NEW YORK"),
    ("GENEVA, 3 March 2021 - Officials met today.", "GENEVA, 3 March 2021"),
])
def test_dateline_forms(lead, dateline):
    text = f"A headline here\n\n{lead}\n\nMore body text follows.\n"
    got = roles(text)
    assert got[1] == ("dateline", dateline)
    assert got[2] == ("body", "Officials met today.")


def test_no_dateline_in_an_ordinary_sentence():
    text = "Headline\n\nA - B testing is common. It works.\n"
    assert [r for r, _ in roles(text)] == ["title", "body"]


def test_no_title_when_first_paragraph_is_a_long_sentence():
    first = "The council met on Monday to discuss " + "a long list of items " * 5 + "and then it adjourned."
    assert roles(first + "\n\nSecond paragraph.")[0][0] == "body"


def test_title_from_metadata_and_standfirst_from_description():
    text = "Storm hits coast\n\nA storm hit the coast on Tuesday.\n\nThe storm moved north."
    got = roles(text, title="Storm hits coast", standfirst="A storm hit the coast on Tuesday.")
    assert [r for r, _ in got] == ["title", "standfirst", "body"]


@pytest.mark.parametrize("caption", [
    "FILE PHOTO: A man walks past the bank's headquarters.",
    "PHOTO: Crowds gather in the square on Sunday.",
    "Firefighters at the scene. Picture: Jane Doe/Example Agency",
])
def test_captions(caption):
    got = roles(f"Headline\n\n{caption}\n\nBody text follows here.")
    assert got[1] == ("caption", caption)


def test_single_newlines_split_paragraphs_when_there_are_no_blank_lines():
    text = "Headline\nFirst paragraph here.\nSecond paragraph here.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "Headline", "First paragraph here.", "Second paragraph here."]


def test_markdown_heading_marker_is_left_out_of_the_span():
    text = "# Big news\n\nSomething happened."
    assert roles(text)[0] == ("title", "Big news")


def test_wire_slugs_are_their_own_role_and_never_the_title():
    text = ("ATTENTION - ADDS reaction from opposition, details ///\n\n=(PICTURE)=\n\n"
            "Ruling party wins snap poll\n\n"
            "KUALA LUMPUR, May 9 (Reuters) - The ruling coalition won a snap election.\n\n"
            "(Adds quotes from the prime minister)\n\nTurnout was 71 percent.")
    got = roles(text)
    assert got[:3] == [("slug", "ATTENTION - ADDS reaction from opposition, details ///"),
                       ("slug", "=(PICTURE)="), ("title", "Ruling party wins snap poll")]
    assert ("slug", "(Adds quotes from the prime minister)") in got
    assert ("body", "Turnout was 71 percent.") in got


@pytest.mark.parametrize("line", ["UPDATE 1-Shares fall on rate fears", "ATTENTION TURNS TO THE FED",
                                  "Attention - the market is closed"])
def test_slugged_headlines_and_ordinary_lines_are_not_slugs(line):
    from newsbench.structure import is_slug
    assert not is_slug(line)


def test_slug_paragraphs_keep_out_of_title_sentences_and_entities():
    from newsbench.load import article_from_text
    text = ("EDITORS: ADDS comment from Reuters Markets desk ///\n\nBank shares slide\n\n"
            "LONDON, March 3 (Reuters) - Shares in Barclays fell on Tuesday.")
    an = nb.analyze(article_from_text(text, published="2015-03-04"), cache=False)
    assert an.articles["title"].iloc[0] == "Bank shares slide"
    paras = an.paragraphs
    assert paras["role"].astype(str).iloc[0] == "slug" and paras["n_sentences"].iloc[0] == 0
    assert not (an.sentences["start"] < paras["end"].iloc[0]).any()
    assert not (an.mentions["start"] < paras["end"].iloc[0]).any()
