"""Declared layers (after spaCy's ``Language.factory(requires=..., assigns=...)``).

A layer is a function ``build(ctx) -> {frame name: [row dict, ...]}`` registered with the
frames it reads and the frames it writes::

    @register("entities", requires=("sentences",), assigns=("mentions", "entities"))
    def build(ctx): ...

``build`` runs once per article and returns plain rows (dicts keyed by the schema's columns):
no DataFrame is built per article. The engine (:mod:`newsbench.engine`) turns the rows of a
whole batch of articles into one DataFrame per frame, then calls each layer's optional
``finish(frames) -> {frame name: DataFrame}``, which fills columns computed over the batch at
once with pandas (means and spreads, grouped by article), and conforms each frame once.

The pipeline orders the layers from those declarations (:func:`plan`), refuses a layer whose
requirement nothing assigns, hands each layer only the frames it declared it reads (the rows
of the same article), and checks that it returned exactly the frames it declared it writes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import LayerError


@dataclass(frozen=True)
class Layer:
    """A registered layer: its name, what it reads and writes, and its build function."""

    name: str
    build: Callable
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    finish: Callable | None = None

    def run(self, ctx) -> dict:
        """This layer's rows for one article, from a context that shows only the frames it
        requires."""
        view = dataclasses.replace(ctx, frames={k: ctx.frames[k] for k in self.requires})
        out = self.build(view)
        if set(out) != set(self.assigns):
            raise LayerError(f"layer '{self.name}' returned frames {sorted(out)} but declares "
                             f"{sorted(self.assigns)}; fix its return value or its declaration")
        for frame, rows in out.items():
            if not isinstance(rows, list):
                raise LayerError(f"layer '{self.name}' returned a {type(rows).__name__} for frame "
                                 f"'{frame}'; return a list of row dicts (the engine builds "
                                 f"the DataFrames per batch)")
        return out

    def frames(self, ctx) -> dict:
        """This layer alone on one article, as conformed DataFrames (for tests and benches;
        the pipeline runs layers through :mod:`newsbench.engine`). ``ctx.frames`` may hold
        rows or DataFrames."""
        import pandas as pd

        from ..engine import frames_from_rows

        given = {k: v.to_dict("records") if isinstance(v, pd.DataFrame) else v
                 for k, v in ctx.frames.items()}
        rows = self.run(dataclasses.replace(ctx, frames=given))
        frames = frames_from_rows({**given, **rows}, [self], names=(*self.requires, *self.assigns))
        return {name: frames[name] for name in self.assigns}


#: Every known layer by name, in registration order (the order that breaks ties).
REGISTRY: dict[str, Layer] = {}


def register(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
             finish: Callable | None = None):
    """Decorator: register ``build`` as the layer ``name`` (``finish``: its batch step)."""
    def deco(build):
        if name in REGISTRY and REGISTRY[name].build is not build:
            raise LayerError(f"layer '{name}' is registered twice; give the new layer another name")
        REGISTRY[name] = Layer(name, build, tuple(requires), tuple(assigns), finish)
        build.layer = REGISTRY[name]
        return build
    return deco


def plan(names: Iterable[str] | None = None) -> list[Layer]:
    """The layers to run, each after every layer that assigns a frame it requires.

    Args:
        names: layer names to run (all registered layers when None).

    Raises:
        LayerError: an unknown layer, a frame required that no chosen layer assigns, two
            layers assigning one frame, or a cycle.
    """
    names = list(REGISTRY) if names is None else list(names)
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise LayerError(f"layers: no layer named {', '.join(unknown)}; known: {', '.join(REGISTRY)}")
    chosen = [REGISTRY[n] for n in names]
    owner: dict[str, str] = {}
    for lay in chosen:
        for frame in lay.assigns:
            if frame in owner:
                raise LayerError(f"frame '{frame}' is assigned by both '{owner[frame]}' and "
                                 f"'{lay.name}'; keep one of them")
            owner[frame] = lay.name
    for lay in chosen:
        missing = [f for f in lay.requires if f not in owner]
        if missing:
            hint = {f: [x.name for x in REGISTRY.values() if f in x.assigns] for f in missing}
            adds = "; ".join(f"'{f}' comes from layer {', '.join(h) or '(none registered)'}"
                             for f, h in hint.items())
            raise LayerError(f"layer '{lay.name}' requires {', '.join(missing)}, which no chosen "
                             f"layer assigns ({adds}); add that layer")
    ordered: list[Layer] = []
    done: set[str] = set()
    pending = list(chosen)
    while pending:
        ready = [x for x in pending if all(owner[f] in done for f in x.requires)]
        if not ready:
            raise LayerError("layers: a cycle among " + ", ".join(x.name for x in pending))
        ordered.append(ready[0])
        done.add(ready[0].name)
        pending.remove(ready[0])
    return ordered
