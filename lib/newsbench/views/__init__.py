"""Views: queries over the frames, and their HTML and widgets, for notebooks and reports.

Layers (:mod:`newsbench.layers`) build frames; views only read them. Every view takes frames
of one article or of many (a corpus): what is per article is keyed by ``article_id``.

A notebook writes ``from newsbench import views`` and calls ``views.entity_table(...)``,
``views.timeline_explorer(...)`` and so on. ``describe`` exists twice, so it is called through
its module: ``views.sentiment.describe(articles)`` (a line per article) and
``views.timeline.describe(value)`` (a TIMEX3 value in words). The corpus views (many articles:
periods, outlets, corpus entity ids) are called through their module, ``views.corpus``, or
as methods of :class:`newsbench.Corpus`.
"""

from . import corpus, entities, explore, frames, sentiment, timeline, voices
from .entities import (DEFAULT_LABELS, HIGHLIGHT_COLOURS, LABEL_COLOURS, LABELS, NON_ENTITY_LABELS,
                       UNITS, cooccurrences, demonyms_as_countries, entity_counts,
                       entity_mentions_html, entity_table, flag_param, highlight_html,
                       labels_param, model_counts)
from .explore import (date_events, entity_explorer, entity_sentences, explorer, highlight,
                      mention_explorer, paragraph_explorer, paragraph_sentences, sentence_rows,
                      timeline_explorer)
from .frames import joined, no_math, report_table, safe_html
from .sentiment import emotion_rates, extremes, extremes_html
from .voices import (KINDS, SOURCE_MEANINGS, filter_kind, quote_words, quotes_table, source_mix,
                     speaker_quotes_html, speaker_table, voices_explorer)
from .timeline import (dated_events, expressions_table, period_offset, publication_note,
                       undated_events)

__all__ = [
    "corpus", "entities", "explore", "frames", "sentiment", "timeline", "voices",
    # tables and HTML for reports (MathJax leaves them alone); list columns as joined text
    "joined", "no_math", "report_table", "safe_html",
    # entities
    "DEFAULT_LABELS", "HIGHLIGHT_COLOURS", "LABEL_COLOURS", "LABELS", "NON_ENTITY_LABELS", "UNITS",
    "cooccurrences", "demonyms_as_countries", "entity_counts", "entity_mentions_html",
    "entity_table", "flag_param", "highlight_html", "labels_param", "model_counts",
    # explorers and their HTML
    "date_events", "entity_explorer", "entity_sentences", "explorer", "highlight",
    "mention_explorer", "paragraph_explorer", "paragraph_sentences", "sentence_rows",
    "timeline_explorer",
    # sentiment
    "emotion_rates", "extremes", "extremes_html",
    # voices
    "KINDS", "SOURCE_MEANINGS", "filter_kind", "quote_words", "quotes_table", "source_mix",
    "speaker_quotes_html", "speaker_table", "voices_explorer",
    # time
    "dated_events", "expressions_table", "period_offset", "publication_note", "undated_events",
]
