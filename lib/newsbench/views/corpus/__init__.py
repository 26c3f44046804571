"""Views of a whole corpus: which articles, how many per period and source, their tone with a
bootstrap band, the entities named most and when and by whom, entities named together, the
events several articles report, a term in context and over time, and near-duplicate articles.

Every view is a pure function returning a tidy frame. Entities are read by their corpus-wide
identity (``entity_id``, ``entity_name``, ``entity_label`` of the ``mentions`` frame), not by
their article-level name. Per-period views leave out undated articles (``published`` NaT) and
say how many in ``attrs["undated"]``; they carry ``attrs["granularity"]`` for the charts.

The views live in one module per question (:mod:`.articles`, :mod:`.entities`,
:mod:`.events`, :mod:`.terms`, :mod:`.duplicates`); all are re-exported here, so
``views.corpus.tone_by(...)`` works.
"""

from ._common import CORPUS_LABELS, CORPUS_UNITS, GRANULARITIES, UNKNOWN_SOURCE, parse_terms
from .articles import (
                       articles_per_period,
                       describe_corpus,
                       filter_articles,
                       restrict,
                       tone_by,
                       tone_note,
)
from .duplicates import duplicate_ids, duplicates_table, near_duplicates
from .entities import corpus_cooccurrences, entity_trends, mentions_by_source, top_entities
from .events import events_timeline
from .terms import kwic, kwic_html, term_trends
from .voices import most_quoted, quoted_by_source

__all__ = ["CORPUS_LABELS", "CORPUS_UNITS", "GRANULARITIES", "UNKNOWN_SOURCE",
           "articles_per_period", "corpus_cooccurrences", "describe_corpus", "duplicate_ids",
           "duplicates_table", "entity_trends", "events_timeline", "filter_articles", "kwic",
           "kwic_html", "mentions_by_source", "most_quoted", "near_duplicates", "parse_terms",
           "quoted_by_source", "restrict",
           "term_trends", "tone_by", "tone_note", "top_entities"]
