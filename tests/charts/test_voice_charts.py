"""Voice charts (:mod:`newsbench.charts.voices`) on hand-made frames: what each draws, titles
and axis labels, and the empty figure with its reason when there is nothing to draw."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbench import schema
from newsbench.charts import to_png
from newsbench.charts import voices as charts
from newsbench.errors import ParameterError
from newsbench.views import voices
from newsbench.views.corpus.voices import most_quoted

SENTENCES = ["Minister vows to rebuild", '"We will rebuild," Anna Berg said.',
             "She said the money would come soon.", "It failed, a spokeswoman told reporters.",
             '"It <script>alert(1)</script> failed," Berg added.', "Nothing more was said."]
TEXT = "\n\n".join(SENTENCES)


def _sentences() -> pd.DataFrame:
    rows, pos = [], 0
    for i, s in enumerate(SENTENCES):
        start = TEXT.index(s, pos)
        pos = start + len(s)
        rows.append({"article_id": "a", "start": start, "end": pos, "sent_id": i, "para_id": i,
                     "role": "title" if i == 0 else "body", "text": s, "sentiment": 0.0,
                     "pos": 0.0, "neg": 0.0, "neu": 1.0})
    return schema.conform(pd.DataFrame(rows), "sentences")


def _quotes() -> pd.DataFrame:
    def q(sent, quote, kind, speaker, label, source, sid, sentiment):
        start = TEXT.index(quote, TEXT.index(SENTENCES[sent]))
        return {"article_id": "a", "start": start, "end": start + len(quote), "sent_id": sent,
                "para_id": sent, "quote": quote, "kind": kind, "cue": "said", "cue_start": pd.NA,
                "cue_end": pd.NA, "speaker": speaker, "speaker_start": pd.NA,
                "speaker_end": pd.NA, "speaker_label": label, "speaker_source": source,
                "speaker_id": sid, "sentiment": sentiment, "spoken": None}

    rows = [q(1, "We will rebuild,", "direct", "Anna Berg", "PERSON", "named", "p:berg", 0.5),
            q(2, "the money would come soon", "indirect", "Anna Berg", "PERSON", "pronoun",
              "p:berg", 0.1),
            q(3, "It failed", "indirect", "a spokeswoman", None, "description", None, -0.6),
            q(4, "It <script>alert(1)</script> failed,", "direct", "Anna Berg", "PERSON",
              "named", "p:berg", -0.4),
            q(4, "failed", "mixed", None, None, "none", None, -0.2)]
    df = pd.DataFrame(rows)
    df.insert(3, "quote_id", range(len(df)))
    return schema.conform(df, "quotes")


def _texts(fig) -> list[str]:
    out = [fig._suptitle.get_text()] if fig._suptitle is not None else []
    for ax in fig.axes:
        out += [ax.get_title(), ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.texts]
    return out


def _titled(fig) -> str:
    return fig._suptitle.get_text() if fig._suptitle is not None else fig.axes[0].get_title()


def _labelled(fig) -> None:
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel(), ax.get_title(loc="left")


# --------------------------------------------------------------------------- charts


def test_speaker_bars():
    fig = charts.speaker_bars(voices.speaker_table(_quotes()), top_n=5)
    ax = fig.axes[0]
    assert "quotations per speaker" in ax.get_title()
    _labelled(fig)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Anna Berg", "a spokeswoman"]
    notes = [t.get_text() for t in ax.texts]
    assert "14 words (2 direct, 1 indirect)" in notes and "2 words (1 indirect)" in notes
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["PERSON", "description (not named)"]
    assert to_png(fig).startswith(b"\x89PNG")


def test_quote_kinds_chart():
    fig = charts.quote_kinds_chart(voices.source_mix(_quotes()))
    assert "kind of quotation" in _titled(fig) and "5 quotation(s)" in _titled(fig)
    left, right = fig.axes
    _labelled(fig)
    assert [t.get_text() for t in left.get_xticklabels()] == ["direct", "indirect", "mixed"]
    assert "description" in [t.get_text() for t in right.get_xticklabels()]
    assert "2 (40%)" in [t.get_text() for t in left.texts]
    assert "1 (20%)" in [t.get_text() for t in right.texts]


def test_quote_tone_chart():
    fig = charts.quote_tone_chart(_quotes(), top_n=5)
    ax = fig.axes[0]
    assert "Tone of the quoted words" in ax.get_title() and "sentiment" in ax.get_xlabel()
    assert "±1 standard deviation" in [t.get_text() for t in fig.legends[0].get_texts()]
    _labelled(fig)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Anna Berg (3)", "a spokeswoman (1)"]
    assert to_png(fig) == to_png(charts.quote_tone_chart(_quotes(), top_n=5))  # seeded jitter
    # each mean is written at the right: Berg's three quotations, the spokeswoman's one
    texts = [t.get_text() for t in ax.texts]
    assert "+0.07 ± 0.37" in texts and "-0.60" in texts


def test_quote_tone_chart_marks_a_zero_mean():
    quotes = _quotes()
    quotes.loc[quotes["speaker"] == "a spokeswoman", "sentiment"] = 0.0
    ax = charts.quote_tone_chart(quotes, top_n=5).axes[0]
    zero = [ln for ln in ax.lines if ln.get_marker() == "o" and ln.get_xdata()[0] == 0]
    assert len(zero) == 1 and zero[0].get_ydata()[0] == 0  # the spokeswoman's row (bottom)
    assert "+0.00" in [t.get_text() for t in ax.texts]


def test_sentence_and_count_axes_have_whole_number_ticks():
    figs = [charts.voice_positions(_quotes(), _sentences(), top_n=5),
            charts.speaker_bars(voices.speaker_table(_quotes()))]
    for fig in figs:
        ax = fig.axes[0]
        lo, hi = ax.get_xlim()
        ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
        assert ticks and all(float(t).is_integer() for t in ticks)


def test_voice_positions():
    fig = charts.voice_positions(_quotes(), _sentences(), top_n=5)
    ax = fig.axes[0]
    assert "Where each voice speaks" in ax.get_title() and "sentence number" in ax.get_xlabel()
    _labelled(fig)
    marks = sorted((p.get_x() + 0.42, p.get_y() + 0.36) for p in ax.patches if p.get_zorder() == 2)
    assert marks == [(1, 0), (2, 0), (3, 1), (4, 0)]  # Berg in 1, 2, 4; the spokeswoman in 3
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Anna Berg (3)", "a spokeswoman (1)"]
    two = pd.concat([_quotes(), _quotes().assign(article_id="b")], ignore_index=True)
    with pytest.raises(ParameterError, match="several articles"):
        charts.voice_positions(two, _sentences())


def test_most_quoted_chart():
    articles = pd.DataFrame({"article_id": ["a"], "source": ["Wire"]})
    fig = charts.most_quoted_chart(most_quoted(_quotes(), articles))
    ax = fig.axes[0]
    assert "Most quoted speakers" in ax.get_title()
    _labelled(fig)
    assert "3 in 1 article" in [t.get_text() for t in ax.texts]


def test_hostile_names_are_drawn_as_written():
    q = _quotes()
    q.loc[0:1, "speaker"] = "$5 <script>"
    fig = charts.speaker_bars(voices.speaker_table(q))
    assert "$5 <script>" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert to_png(fig).startswith(b"\x89PNG")


# --------------------------------------------------------------------------- nothing to draw


EMPTY = schema.empty("quotes")


@pytest.mark.parametrize("draw", [
    lambda q: charts.speaker_bars(voices.speaker_table(q)),
    lambda q: charts.quote_kinds_chart(voices.source_mix(q)),
    lambda q: charts.quote_tone_chart(q),
    lambda q: charts.voice_positions(q, _sentences()),
    lambda q: charts.most_quoted_chart(most_quoted(q, pd.DataFrame({"article_id": ["a"]}))),
], ids=["speaker_bars", "quote_kinds", "quote_tone", "voice_positions", "most_quoted"])
def test_no_quotes_gives_the_empty_figure_with_its_reason(draw):
    fig = draw(EMPTY)
    ax = fig.axes[0]
    assert not ax.axison and ax.get_title()
    assert any("No quotations" in t for t in _texts(fig))
    assert to_png(fig).startswith(b"\x89PNG")


def test_empty_figure_says_why_when_min_quotes_leaves_everyone_out():
    fig = charts.speaker_bars(voices.speaker_table(_quotes(), min_quotes=4))
    assert any("No speaker is quoted 4 times or more" in t for t in _texts(fig))
    fig = charts.quote_tone_chart(_quotes(), min_quotes=4)
    assert any("2 speaker(s) quoted less often" in t for t in _texts(fig))


def test_empty_figure_says_why_when_no_quote_has_a_speaker():
    q = _quotes()
    q = q[q["speaker"].isna()]
    fig = charts.voice_positions(q, _sentences())
    assert any("none has a speaker" in t for t in _texts(fig))
