"""Declared layers (after spaCy's ``Language.factory(requires=..., assigns=...)``).

A layer is a function ``build(ctx) -> {frame name: DataFrame}`` registered with the frames it
reads and the frames it writes::

    @register("entities", requires=("sentences",), assigns=("mentions", "entities"))
    def build(ctx): ...

The pipeline orders the layers from those declarations (:func:`plan`), refuses a layer whose
requirement nothing assigns, hands each layer only the frames it declared it reads, and checks
that it returned exactly the frames it declared it writes.
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

    def run(self, ctx) -> dict:
        """Build this layer's frames from a context that shows only the frames it requires."""
        view = dataclasses.replace(ctx, frames={k: ctx.frames[k] for k in self.requires})
        out = self.build(view)
        if set(out) != set(self.assigns):
            raise LayerError(f"layer '{self.name}' returned frames {sorted(out)} but declares "
                             f"{sorted(self.assigns)}; fix its return value or its declaration")
        return out


#: Every known layer by name, in registration order (the order that breaks ties).
REGISTRY: dict[str, Layer] = {}


def register(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Decorator: register ``build`` as the layer ``name``."""
    def deco(build):
        if name in REGISTRY and REGISTRY[name].build is not build:
            raise LayerError(f"layer '{name}' is registered twice; give the new layer another name")
        REGISTRY[name] = Layer(name, build, tuple(requires), tuple(assigns))
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
