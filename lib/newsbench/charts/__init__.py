"""Charts: functions ``frame(s) -> matplotlib Figure``, so notebooks stay thin and tests can call them.

Every chart has a title that says what is shown and labelled axes; a chart with nothing to show
says so in words (:func:`empty_figure`). Each layer's charts live in their own module and are
re-exported here through its ``__all__``.
"""

from . import corpus
from .base import empty_figure, show, style, to_png, to_svg
from .corpus import *  # noqa: F401,F403
from .corpus import __all__ as _corpus_all
from .entities import *  # noqa: F401,F403
from .entities import __all__ as _entities_all
from .sentiment import *  # noqa: F401,F403
from .sentiment import __all__ as _sentiment_all
from .timeline import *  # noqa: F401,F403
from .timeline import __all__ as _timeline_all
from .voices import *  # noqa: F401,F403
from .voices import __all__ as _voices_all

__all__ = ["corpus", "empty_figure", "show", "style", "to_png", "to_svg", *_sentiment_all, *_entities_all,
           *_timeline_all, *_corpus_all, *_voices_all]
