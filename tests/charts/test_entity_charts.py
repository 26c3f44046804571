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
