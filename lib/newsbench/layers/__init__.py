"""The layers of the pipeline, each one module that declares what it reads and writes.

Adding a layer is one module (a ``build(ctx)`` registered with :func:`register`) plus one
import line here; the pipeline orders the layers from their declarations.
"""

from .registry import REGISTRY, Layer, plan, register

# One line per layer: importing the module registers it.
from . import structure  # noqa: E402,F401  articles, paragraphs, sentences
from . import emotions  # noqa: E402,F401  emotions
from .. import entities as _entities  # noqa: E402
from .. import timeline as _timeline  # noqa: E402

register("entities", requires=("sentences",), assigns=("mentions", "entities"))(_entities.build)
register("time", requires=("sentences", "mentions"), assigns=("timexes", "events"))(_timeline.build)

__all__ = ["REGISTRY", "Layer", "plan", "register"]
