"""Chart output (:mod:`newsbench.charts.base`): notebooks get SVG (vector, text kept as text,
the same bytes for the same input, no date or path in it, article words unable to add markup),
PNG stays for the callers that need it, and the shared marks (zeros, whole-number ticks)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from newsbench import charts
from newsbench.charts import base

SVG_NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & Sons <img src=x onerror=alert(1)> $5 and $6'


def _svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    return ["".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")]


def _hostile_chart():
    ents = pd.DataFrame({"entity": [HOSTILE, "B"], "label": ["ORG", "PERSON"],
                         "mentions": [3, 2], "sentiment": [-0.5, 0.3],
                         "sentiment_std": [0.1, 0.2]})
    return charts.entity_sentiment_chart(ents, title=f"Tone of {HOSTILE}")


def test_svg_is_vector_with_text_as_text():
    svg = base.to_svg(_hostile_chart())
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg  # inlined in HTML as it is
    texts = _svg_texts(svg)
    assert any("Sentiment" in t or "Tone of" in t for t in texts)  # fonttype none: <text>
    assert "<image" not in svg  # no raster inside


def test_article_text_cannot_inject_markup_into_the_svg():
    svg = base.to_svg(_hostile_chart())
    assert "<script" not in svg.lower() and "<img" not in svg.lower()
    assert "&lt;script&gt;" in svg and "&amp; Sons" in svg
    root = ET.fromstring(svg)
    tags = {el.tag.replace(SVG_NS, "") for el in root.iter()}
    assert not tags & {"script", "img", "foreignObject", "a", "iframe"}
    # the words are drawn as written: mathtext does not eat "$5 and $6"
    assert any(HOSTILE in t for t in _svg_texts(svg))


def test_svg_has_no_date_creator_or_path_and_is_the_same_for_the_same_input(seed_analysis):
    a = base.to_svg(charts.sentiment_arc(seed_analysis.sentences))
    b = base.to_svg(charts.sentiment_arc(seed_analysis.sentences))
    assert a == b
    assert "<dc:date" not in a and "Matplotlib v" not in a and "<metadata" not in a
    assert "/work/" not in a and "/tmp/" not in a and "/home/" not in a


def test_show_displays_svg_not_png(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append((obj, raw)))
    charts.show(charts.empty_figure("Nothing here", "No sentences to score."))
    (bundle, raw), = shown
    assert raw and set(bundle) == {"image/svg+xml", "text/plain"}
    assert bundle["image/svg+xml"].startswith("<svg")
    assert "Nothing here" in bundle["text/plain"]


def test_png_is_kept_for_callers_that_need_it():
    assert charts.to_png(_hostile_chart()).startswith(b"\x89PNG")


def test_svg_is_smaller_than_png_on_the_seed(seed_analysis):
    an = seed_analysis
    figs = [lambda: charts.sentiment_arc(an.sentences),
            lambda: charts.cooccurrence_network(an.mentions, top_n=15),
            lambda: charts.entity_bars(an.mentions)]
    for draw in figs:
        svg, png = base.to_svg(draw()).encode(), charts.to_png(draw())
        assert len(svg) < len(png), (len(svg), len(png))


def test_mark_zeros_marks_only_zero_values():
    fig, ax = base.new_figure()
    ax.bar([0, 1, 2, 3], [0.5, 0.0, -0.3, float("nan")])
    assert base.mark_zeros(ax, [0, 1, 2, 3], [0.5, 0.0, -0.3, float("nan")], label="0") == 1
    (dot,) = [ln for ln in ax.lines if ln.get_marker() == "o"]
    assert list(dot.get_xdata()) == [1] and list(dot.get_ydata()) == [0]
    assert [t.get_text() for t in ax.texts] == ["0"]


@pytest.mark.parametrize("n", [2, 3, 5, 6, 7])
def test_integer_ticks_never_fall_between_whole_numbers(n):
    fig, ax = base.new_figure()
    ax.plot(range(n), range(n))
    ax.set_xlim(-0.6, n - 0.4)
    base.integer_ticks(ax.xaxis)
    ticks = [t for t in ax.get_xticks() if -0.6 <= t <= n - 0.4]
    assert ticks and all(float(t).is_integer() for t in ticks)
    assert np.all(np.diff(ticks) >= 1)
