"""Charts: functions ``frame(s) -> matplotlib Figure``, so notebooks stay thin and tests can call them.

Every chart has a title that says what is shown and labelled axes; a chart with nothing to show
says so in words (:func:`empty_figure`).
"""

from .base import empty_figure, show, style, to_png
from .sentiment import sentiment_arc

__all__ = ["empty_figure", "sentiment_arc", "show", "style", "to_png"]
