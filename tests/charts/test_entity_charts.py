"""Entity charts: bars by label, positions sentence by sentence, the co-occurrence network,
the model's counts beside the merged ones, and charts with nothing to show."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsbench as nb
from newsbench import charts

DATA = Path(__file__).resolve().parent.parent / "data" / "entities"


@pytest.fixture(scope="module")
def no_entities() -> nb.Analysis:
    return nb.analyze(nb.load_article(DATA / "no_entities.txt"), cache=False)


def _texts(fig) -> list[str]:
    out = [fig._suptitle.get_text()] if fig._suptitle is not None else []
    for ax in fig.axes:
        out += [ax.get_title(), ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.texts]
    return out


# --------------------------------------------------------------------------- charts


def test_entity_bars(seed_analysis):
    fig = charts.entity_bars(seed_analysis.mentions, top_n=5)
    texts = _texts(fig)
    assert "Most mentioned entities" in texts[0]
    assert {"PERSON", "ORG", "PLACE", "NORP"} <= set(texts)
    assert all(ax.get_xlabel() == "mentions" for ax in fig.axes if ax.axison)
    assert charts.to_png(fig).startswith(b"\x89PNG")
    merged = charts.entity_bars(seed_analysis.mentions, merge_demonyms=True)
    assert "demonyms counted as their country" in _texts(merged)[0]
    assert "demonyms" not in texts[0]


def test_entity_positions(seed_analysis):
    fig = charts.entity_positions(seed_analysis.mentions, seed_analysis.sentences, top_n=6)
    ax = fig.axes[0]
    assert "sentence" in ax.get_title() and "sentence number" in ax.get_xlabel()
    assert ax.get_ylabel() and len(ax.get_yticklabels()) == 6
    assert "demonyms" in charts.entity_positions(seed_analysis.mentions, seed_analysis.sentences,
                                                 merge_demonyms=True).axes[0].get_title()


def test_cooccurrence_network(seed_analysis):
    fig = charts.cooccurrence_network(seed_analysis.mentions, top_n=10)
    ax = fig.axes[0]
    assert "same sentence" in ax.get_title() and "line width" in ax.get_xlabel()
    assert charts.to_png(fig) == charts.to_png(
        charts.cooccurrence_network(seed_analysis.mentions, top_n=10))
    para = charts.cooccurrence_network(seed_analysis.mentions, unit="paragraph",
                                       merge_demonyms=True)
    assert "same paragraph" in para.axes[0].get_title()
    assert "demonyms" in para.axes[0].get_title()


def test_raw_vs_merged(seed_analysis):
    fig = charts.raw_vs_merged(seed_analysis.mentions, top_n=8)
    texts = _texts(fig)
    assert "after merging" in texts[0]
    left, right = fig.axes
    assert "model label" in left.get_title(loc="left") and "entity" in right.get_title(loc="left")
    raw = {t.get_text() for t in left.get_yticklabels()}
    merged = {t.get_text() for t in right.get_yticklabels()}
    assert "Aleppo [NORP]" in raw and "Aleppo [PLACE]" in merged


@pytest.mark.parametrize("draw", [
    lambda m, s: charts.entity_bars(m),
    lambda m, s: charts.entity_positions(m, s),
    lambda m, s: charts.cooccurrence_network(m),
    lambda m, s: charts.raw_vs_merged(m),
])
def test_charts_with_nothing_to_show_say_so(draw, no_entities):
    an = no_entities
    fig = draw(an.mentions, an.sentences)
    assert len(fig.axes) == 1 and not fig.axes[0].axison
    assert any(len(t) > 20 for t in _texts(fig)[1:])  # a sentence saying why
    assert charts.to_png(fig).startswith(b"\x89PNG")


def test_bars_respect_labels_and_min_mentions(seed_analysis):
    fig = charts.entity_bars(seed_analysis.mentions, labels="PERSON", min_mentions=3)
    (ax,) = fig.axes
    names = {t.get_text() for t in ax.get_yticklabels()}
    assert "Sergei Lavrov" in names and "Maria Zakharova" not in names
    fig = charts.entity_bars(seed_analysis.mentions, labels="LAW")
    assert "No entities labelled LAW" in " ".join(_texts(fig))


def _overlapping_names(fig) -> list[tuple[str, str]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(r)) for t in fig.axes[0].texts]
    return [(a, b) for i, (a, x) in enumerate(boxes) for b, y in boxes[i + 1:]
            if min(x.x1, y.x1) - max(x.x0, y.x0) > 1 and min(x.y1, y.y1) - max(x.y0, y.y0) > 1]


@pytest.mark.parametrize("options", [{"top_n": 15}, {"top_n": 30}, {"merge_demonyms": True},
                                     {"unit": "paragraph", "top_n": 25}])
def test_network_names_never_overlap(seed_analysis, options):
    fig = charts.cooccurrence_network(seed_analysis.mentions, **options)
    assert len(fig.axes[0].texts) >= 10
    assert _overlapping_names(fig) == []


def test_network_names_stay_off_other_dots(seed_analysis):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = charts.cooccurrence_network(seed_analysis.mentions, top_n=15)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    r = canvas.get_renderer()
    ax = fig.axes[0]
    dots = ax.transData.transform(ax.collections[-1].get_offsets())
    for text in ax.texts:
        box = text.get_window_extent(r)
        own = ax.transData.transform(text.xy)
        others = [d for d in dots if abs(d - own).sum() > 1e-6]
        assert not any(box.x0 + 1 < x < box.x1 - 1 and box.y0 + 1 < y < box.y1 - 1
                       for x, y in others), text.get_text()  # no dot's centre under a name


def test_sentence_axes_have_whole_number_ticks():
    an = nb.analyze_text("Ana Lopez met Bo Chan.\n\nLopez left Paris.\n\nChan stayed in Paris.",
                         cache=False)
    ax = charts.entity_positions(an.mentions, an.sentences).axes[0]
    lo, hi = ax.get_xlim()
    ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
    assert ticks and all(float(t).is_integer() for t in ticks)


def test_every_bar_panel_has_both_axes_labelled(seed_analysis):
    for fig in (charts.entity_bars(seed_analysis.mentions),
                charts.raw_vs_merged(seed_analysis.mentions)):
        for ax in fig.axes:
            if ax.axison:
                assert ax.get_xlabel() and ax.get_ylabel()
