"""Explorers: widgets when interactive, escaped plain HTML otherwise."""

from __future__ import annotations

import pandas as pd
import pytest

import newsbench as nb
from newsbench import explore

HOSTILE = ('Council row over <script>alert("x")</script> budget\n\n'
           'Mayor Ana Lopez said the plan was a disaster. <img src=x onerror=alert(1)> '
           'Lopez later praised the council.')


@pytest.fixture(scope="module")
def hostile():
    return nb.analyze_text(HOSTILE, published="2020-01-10", cache=False)


def test_highlight_escapes_and_marks():
    out = explore.highlight("A <b>bold</b> claim by Ana", 100, [(123, 126)])
    assert out == 'A &lt;b&gt;bold&lt;/b&gt; claim by <mark style="background:#ffe08a">Ana</mark>'


def test_sentence_rows_escape_article_text(hostile):
    markup = explore.sentence_rows(hostile.sentences)
    assert "<script" not in markup and "<img" not in markup
    assert "&lt;script&gt;" in markup and "&lt;img src=x onerror=alert(1)&gt;" in markup


def test_entity_sentences_mark_every_mention():
    sentences = pd.DataFrame({"article_id": "a", "sent_id": [0, 1], "start": [0, 20],
                              "end": [19, 40], "text": ["Lopez spoke today.", "Then Ana Lopez left."],
                              "sentiment": [0.0, -0.3]})
    mentions = pd.DataFrame({"article_id": "a", "sent_id": [0, 1], "start": [0, 25], "end": [5, 34],
                             "entity": ["Ana Lopez", "Ana Lopez"]})
    an = type("A", (), {"mentions": mentions, "sentences": sentences})()
    out = explore.entity_sentences(an, "Ana Lopez")
    assert out.count("<mark") == 2 and "2 mention(s) in 2 sentence(s)" in out and "-0.15" in out


@pytest.fixture()
def shown(monkeypatch):
    objects = []
    monkeypatch.setattr("IPython.display.display", lambda obj: objects.append(obj))
    return objects


def test_non_interactive_explorers_show_plain_html(hostile, shown):
    from IPython.display import HTML

    explore.paragraph_explorer(hostile, interactive=False)
    explore.entity_explorer(hostile, interactive=False)
    explore.timeline_explorer(hostile, interactive=False)
    assert len(shown) == 3 and all(isinstance(o, HTML) for o in shown)
    assert "disaster" in shown[0].data and "<script" not in shown[0].data


def test_interactive_explorer_builds_widgets(hostile, shown):
    explore.paragraph_explorer(hostile, interactive=True)
    import ipywidgets as w

    assert isinstance(shown[0], w.VBox)
    pick, out = shown[0].children
    pick.value = pick.options[-1][1]
    assert "Lopez" in out.value  # changing the choice shows the other paragraph


def test_empty_explorers_say_so(shown):
    an = nb.analyze_text("Short title\n\nNothing much happened.", cache=False)
    explore.timeline_explorer(an, interactive=True)
    assert "nothing to explore" in shown[0].data
