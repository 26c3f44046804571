"""newsbench: read news articles with numbers and pictures.

The public API is flat::

    import newsbench as nb
    art = nb.load_article("seeds/000_d47dbbe6e72bd05c.txt")
    an = nb.analyze(art)                 # Analysis: .sentences, .paragraphs, ...
    an = nb.analyze_text(text, published="2020-03-13")
    corpus = nb.load_corpus("seeds/")    # Corpus: the same frames over many articles
    corpus = nb.open_corpus("out/")      # a dataset `newsbench analyze` wrote
"""

from .analysis import Analysis, analyze, analyze_text, load_corpus
from .corpus import Corpus, open_corpus
from .errors import (CacheError, ExecutorError, InputFileError, LayerError, ModelMissingError,
                     NewsbenchError, ParameterError)
from .load import Article, article_from_text, load_article
from .models import get_nlp, model_info

__version__ = "0.2.0"

__all__ = [
    "Analysis", "Article", "CacheError", "Corpus", "ExecutorError", "InputFileError",
    "LayerError", "ModelMissingError", "NewsbenchError", "ParameterError", "analyze", "analyze_text", "article_from_text",
    "get_nlp", "load_article", "load_corpus", "model_info", "open_corpus",
]
