"""Explorers (:mod:`newsbench.views.explore`): widgets when interactive, escaped plain HTML
otherwise, all four through one helper, on one article and on several."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import newsbench as nb
from newsbench import views
from newsbench.views import explore
from newsbench.views.frames import no_math

HOSTILE = ('Council row over <script>alert("x")</script> budget\n\n'
           'Mayor Ana Lopez said the plan was a disaster. <img src=x onerror=alert(1)> '
           'Lopez later praised the council.')


@pytest.fixture(scope="module")
def hostile():
    return nb.analyze_text(HOSTILE, published="2020-01-10", cache=False)


def test_highlight_escapes_and_marks():
    out = views.highlight("A <b>bold</b> claim by Ana", 100, [(123, 126)])
    assert out == 'A &lt;b&gt;bold&lt;/b&gt; claim by <mark style="background:#ffe08a">Ana</mark>'


def test_sentence_rows_escape_article_text(hostile):
    markup = views.sentence_rows(hostile.sentences)
    assert "<script" not in markup and "<img" not in markup
    assert "&lt;script&gt;" in markup and "&lt;img src=x onerror=alert(1)&gt;" in markup


def test_entity_sentences_mark_every_mention():
    sentences = pd.DataFrame({"article_id": "a", "sent_id": [0, 1], "start": [0, 20],
                              "end": [19, 40], "text": ["Lopez spoke today.", "Then Ana Lopez left."],
                              "sentiment": [0.0, -0.3]})
    mentions = pd.DataFrame({"article_id": "a", "sent_id": [0, 1], "start": [0, 25], "end": [5, 34],
                             "entity": ["Ana Lopez", "Ana Lopez"]})
    an = type("A", (), {"mentions": mentions, "sentences": sentences})()
    out = views.entity_sentences(an, "Ana Lopez")
    assert out.count("<mark") == 2 and "2 mention(s) in 2 sentence(s)" in out and "-0.15" in out


@pytest.fixture()
def shown(monkeypatch):
    objects = []
    monkeypatch.setattr("IPython.display.display", lambda obj: objects.append(obj))
    return objects


def test_non_interactive_explorers_show_plain_html(hostile, shown):
    from IPython.display import HTML

    views.paragraph_explorer(hostile, interactive=False)
    views.entity_explorer(hostile, interactive=False)
    views.timeline_explorer(hostile, interactive=False)
    assert len(shown) == 3 and all(isinstance(o, HTML) for o in shown)
    assert "disaster" in shown[0].data and "<script" not in shown[0].data


def test_interactive_explorer_builds_widgets(hostile, shown):
    views.paragraph_explorer(hostile, interactive=True)
    import ipywidgets as w

    assert isinstance(shown[0], w.VBox)
    pick, out = shown[0].children
    pick.value = pick.options[-1][1]
    assert "Lopez" in out.value  # changing the choice shows the other paragraph


def test_empty_explorers_say_so(shown):
    an = nb.analyze_text("Short title\n\nNothing much happened.", cache=False)
    views.timeline_explorer(an, interactive=True)
    assert "nothing to explore" in shown[0].data


def test_the_four_explorers_share_one_helper(hostile, shown, monkeypatch):
    calls = []
    real = explore.explorer

    def spy(options, render, **kw):
        calls.append((options, render, kw))
        return real(options, render, **kw)

    monkeypatch.setattr(explore, "explorer", spy)
    views.paragraph_explorer(hostile, interactive=False)
    views.entity_explorer(hostile, interactive=False)
    views.timeline_explorer(hostile, interactive=False)
    views.mention_explorer(hostile, interactive=False)
    assert len(calls) == 4 and all(kw["interactive"] is False for _, _, kw in calls)
    assert [kw["description"] for *_, kw in calls] == ["Paragraph:", "Entity:", "Date:", "Entity:"]
    assert len(shown) == 4  # each shown once, by the helper
    # what the helper shows is its render of the keys
    options, render, kw = calls[1]
    assert shown[1].data == no_math("\n".join(render(k) for k in kw["fallback_keys"]))
    assert views.mention_explorer is explore.mention_explorer


def test_helper_shows_widgets_the_fallback_or_the_empty_message(shown):
    def render(key):
        return f"<p>{key}</p>"

    views.explorer([("one", 1), ("two", 2)], render, interactive=False, fallback_keys=[2, 1],
                   empty_message="nothing", description="Pick:")
    assert shown[-1].data == no_math("<p>2</p>\n<p>1</p>")   # MathJax leaves it alone
    views.explorer([], render, interactive=False, fallback_keys=[], empty_message="a <b> nothing",
                   description="Pick:")
    assert shown[-1].data == no_math("<p>a &lt;b&gt; nothing</p>")
    views.explorer([("one", 1), ("two", 2)], render, interactive=True, fallback_keys=[],
                   empty_message="nothing", description="Pick:")
    pick, out = shown[-1].children
    assert pick.description == "Pick:" and out.value == no_math("<p>1</p>")
    pick.value = 2
    assert out.value == no_math("<p>2</p>")


def test_explorers_over_two_articles(hostile, shown):
    other = nb.analyze_text("Budget vote\n\nAna Lopez met the mayor on Monday. Lopez said yes.",
                            published="2020-01-10", cache=False)
    both = nb.Analysis.concat([hostile, other])
    out = views.entity_sentences(both, "Ana Lopez")
    n = int((both.mentions["entity"] == "Ana Lopez").sum())
    assert out.count("<mark") == n and f"{n} mention(s)" in out
    # the same sentence number in the other article is not marked
    assert "<script" not in out
    views.paragraph_explorer(both, interactive=True)
    pick, shown_html = shown[-1].children
    keys = [key for _, key in pick.options]
    assert {aid for aid, _ in keys} == {hostile.article_id, other.article_id}
    pick.value = (other.article_id, 1)
    assert "met the mayor" in shown_html.value and "disaster" not in shown_html.value
    labels = {views.explore._date_label(s, e) for s, e in
              zip(both.events["date_start"], both.events["date_end"])}
    for label in labels:
        html = views.date_events(both, label)
        assert "<script" not in html
    monday = views.date_events(both, "2020-01-06")
    assert "met the mayor" in monday and other.article_id in monday


WIRE = ("Flood barrier holds\n\nThe river peaked at 7.2 metres on Monday.\n\n"
        "Volunteers stacked sandbags overnight.\n\nNo one was hurt, police said.")


@pytest.fixture(scope="module")
def wire():
    return nb.analyze_text(WIRE, published="2021-03-03", cache=False)


def test_one_sentence_paragraphs(wire, hostile):
    assert explore.one_sentence_paragraphs(wire)
    assert not explore.one_sentence_paragraphs(hostile)  # a paragraph of several sentences


def test_wire_copy_shows_the_sentences_once(wire):
    html = explore.text_tables_html(wire)
    assert html.count("<table") == 1 and "Every paragraph of this article is one sentence" in html
    for sentence in wire.sentences["text"]:
        assert html.count(sentence) == 1
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert headers == ["para_id", "sent_id", "role", "sentiment", "text"]  # no offsets, no index


def test_other_copy_shows_paragraphs_and_sentences_apart(hostile):
    html = explore.text_tables_html(hostile)
    assert html.count("<table") == 2 and "Every paragraph" not in html
    assert "Paragraphs and their roles" in html and "Sentences" in html
    assert "<script" not in html and "&lt;script&gt;" in html


def test_paragraph_table_says_when_scores_are_the_sentences(wire, hostile):
    wire_html = explore.paragraph_table(wire).to_html()
    assert "one sentence" in wire_html and ">start<" not in wire_html
    assert "one sentence" not in explore.paragraph_table(hostile).to_html()


def test_report_explorer_does_not_repeat_the_table_for_wire_copy(wire, shown):
    views.paragraph_explorer(wire, interactive=False)
    (out,) = shown
    assert "Every paragraph is one sentence" in out.data
    assert not any(s in out.data for s in wire.sentences["text"])


def test_report_explorer_lists_only_paragraphs_of_several_sentences(hostile, shown):
    views.paragraph_explorer(hostile, interactive=False)
    (out,) = shown
    assert "disaster" in out.data and "praised" in out.data  # the body: several sentences
    assert "budget" not in out.data  # the one-sentence title is a row of the table
    assert "one-sentence paragraph is in the table above" in out.data
