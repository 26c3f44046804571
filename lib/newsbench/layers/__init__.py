"""The layers of the pipeline, each one module that declares what it reads and writes.

Adding a layer is one module (a ``build(ctx)`` registered with :func:`register`) plus one
import line here; the pipeline orders the layers from their declarations.
"""

from .registry import REGISTRY, Layer, plan, register

# One line per layer: importing the module registers it.
from . import structure  # noqa: E402,F401  articles, paragraphs, sentences
from . import emotions  # noqa: E402,F401  emotions
from . import entities  # noqa: E402,F401  mentions, entities
from . import quotes  # noqa: E402,F401  quotes
from . import time  # noqa: E402,F401  timexes, events

__all__ = ["REGISTRY", "Layer", "plan", "register"]
