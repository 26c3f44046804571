"""Declared layers: ordered from what they require and assign, refused when they do not fit."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import newsbench as nb
from newsbench import layers, schema
from newsbench.errors import LayerError
from newsbench.layers.registry import Layer, plan


def _fake(name, requires=(), assigns=()):
    return Layer(name, lambda ctx: {}, tuple(requires), tuple(assigns))


def test_the_default_pipeline_and_its_order():
    names = [x.name for x in plan()]
    assert names[0] == "structure"
    assert names.index("entities") < names.index("time")  # time reads the mentions
    assigned = {f for x in plan() for f in x.assigns}
    assert assigned <= set(schema.FRAMES)
    assert {"articles", "paragraphs", "sentences", "mentions", "entities", "timexes",
            "events", "emotions"} <= assigned


def test_every_layer_declares_what_it_reads():
    for lay in layers.REGISTRY.values():
        assert set(lay.requires) <= set(schema.FRAMES), lay.name
        assert lay.assigns, f"layer {lay.name} assigns nothing"


def test_order_comes_from_the_declarations_not_the_registration(monkeypatch):
    monkeypatch.setattr(layers.registry, "REGISTRY", {
        "late": _fake("late", requires=("b",), assigns=("c",)),
        "early": _fake("early", assigns=("a",)),
        "middle": _fake("middle", requires=("a",), assigns=("b",)),
    })
    assert [x.name for x in plan()] == ["early", "middle", "late"]


def test_a_missing_requirement_is_refused_with_the_layer_to_add(monkeypatch):
    with pytest.raises(LayerError, match="layer 'time' requires quotes, which no chosen layer "
                                         "assigns \\('quotes' comes from layer quotes\\)"):
        plan(["structure", "emotions", "entities", "time"])


def test_unknown_clashing_and_cyclic_layers_are_refused(monkeypatch):
    with pytest.raises(LayerError, match="no layer named quotez"):
        plan(["structure", "quotez"])
    monkeypatch.setattr(layers.registry, "REGISTRY", {
        "a": _fake("a", assigns=("x",)), "b": _fake("b", assigns=("x",)),
    })
    with pytest.raises(LayerError, match="frame 'x' is assigned by both 'a' and 'b'"):
        plan()
    monkeypatch.setattr(layers.registry, "REGISTRY", {
        "a": _fake("a", requires=("y",), assigns=("x",)),
        "b": _fake("b", requires=("x",), assigns=("y",)),
    })
    with pytest.raises(LayerError, match="a cycle among a, b"):
        plan()


def test_a_layer_sees_only_the_frames_it_requires(monkeypatch):
    seen = {}

    def spy(ctx):
        seen["frames"] = set(ctx.frames)
        return {"emotions": []}

    monkeypatch.setitem(layers.REGISTRY, "emotions",
                        dataclasses.replace(layers.REGISTRY["emotions"], build=spy))
    nb.analyze_text("Markets fell.\n\nTraders said so.", cache=False)
    assert seen["frames"] == {"sentences"}


def test_a_layer_returning_undeclared_frames_is_an_error(monkeypatch):
    def sloppy(ctx):
        return {"emotions": [], "quotes": []}

    monkeypatch.setitem(layers.REGISTRY, "emotions",
                        dataclasses.replace(layers.REGISTRY["emotions"], build=sloppy))
    with pytest.raises(LayerError, match="layer 'emotions' returned frames .* but declares"):
        nb.analyze_text("Markets fell.", cache=False)


def test_a_layer_returns_rows_not_frames(monkeypatch):
    def frames_per_article(ctx):
        return {"emotions": schema.empty("emotions")}

    monkeypatch.setitem(layers.REGISTRY, "emotions",
                        dataclasses.replace(layers.REGISTRY["emotions"], build=frames_per_article))
    with pytest.raises(LayerError, match="returned a DataFrame for frame 'emotions'; return a "
                                         "list of row dicts"):
        nb.analyze_text("Markets fell.", cache=False)


def test_frames_no_layer_assigns_are_typed_and_empty():
    an = nb.analyze_text("Markets fell.", cache=False)
    assert an.quotes.empty and list(an.quotes.columns) == [c for c, _ in schema.SCHEMAS["quotes"]]


def test_every_column_a_layer_writes_is_declared_in_the_schema(seed_analysis):
    for name, df in seed_analysis.frames().items():
        assert list(df.columns) == [c for c, _ in schema.SCHEMAS[name]], name
        assert isinstance(df, pd.DataFrame)
