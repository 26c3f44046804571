"""A corpus: the frames of many articles, one identity per entity, and the corpus views.

::

    import newsbench as nb
    corpus = nb.load_corpus("stories.csv")          # analysed on first use, into the cache
    corpus = nb.open_corpus("out/")                 # a dataset `newsbench analyze` wrote
    corpus.top_entities(labels=["PERSON"])          # tidy frames, one function per question
    corpus.entity_trends(labels=["PERSON"], granularity="month")
    corpus.tone_by("source", granularity="month")
    corpus.events_timeline(entities=["United States"])
    corpus.kwic("ceasefire")

Every view is a function of :mod:`newsbench.views.corpus` over the frames; the methods here
only pass the corpus's frames (syndicated copies and near-duplicates left out unless
``exclude_duplicates=False``). Entity ids are resolved over the whole corpus
(:func:`newsbench.identity.resolve`) before any filter, so a filtered corpus keeps them.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from . import config, identity, schema
from .analysis import Analysis
from .errors import ParameterError
from .load import Article
from .sentiment import DEFAULT_METHOD, check_method


def with_identity(analysis: Analysis) -> Analysis:
    """``analysis`` with corpus ids on its mentions, entities and quotations' speakers
    (:mod:`newsbench.identity`)."""
    mentions, entities = identity.resolve(analysis.mentions, analysis.entities, analysis.articles)
    quotes = identity.speaker_ids(analysis.quotes, entities)
    frames = {**analysis.frames(), "mentions": schema.conform(mentions, "mentions"),
              "entities": schema.conform(entities, "entities"),
              "quotes": schema.conform(quotes, "quotes")}
    return Analysis(**frames, texts=analysis.texts, run=analysis.run)


class Corpus:
    """Many articles; its frames (``corpus.sentences`` ...) cover them all, analysed on first use.

    Iterating yields the :class:`Article` objects (also in ``corpus.article_list``);
    ``corpus.articles`` is the articles *frame*, as on :class:`Analysis`.
    """

    def __init__(self, articles: list[Article], *, engine: str = "processes",
                 jobs: int | None = None, scheduler: str | None = None, quiet: bool = True,
                 **options):
        self.article_list = articles
        self.options = options
        self.execution = {"engine": engine, "jobs": jobs, "scheduler": scheduler, "quiet": quiet}
        self._analysis: Analysis | None = None
        self._duplicates: dict[float, pd.DataFrame] = {}

    @classmethod
    def from_analysis(cls, analysis: Analysis) -> Corpus:
        """A corpus over frames already analysed (their entity ids as they are)."""
        corpus = cls([])
        corpus._analysis = analysis
        return corpus

    def __iter__(self):
        return iter(self.article_list)

    def __len__(self) -> int:
        return len(self.article_list) if self._analysis is None else len(self._analysis.articles)

    def iter_analyses(self):
        """One :class:`Analysis` per article, one at a time (memory stays flat)."""
        from .analysis import analyze

        for art in self.article_list:
            yield analyze(art, **self.options)

    @property
    def analysis(self) -> Analysis:
        """Every frame over every article: analysed in batches (``engine``: serial, processes or
        dask) into the store, then read back in the articles' order, with corpus entity ids."""
        if self._analysis is None:
            try:
                self._analysis = with_identity(self._analyse())
            except AttributeError as exc:
                # escaping a property, it would reach __getattr__ and read "AttributeError:
                # analysis", hiding where it came from
                raise RuntimeError(f"{type(exc).__name__}: {exc}") from exc
        return self._analysis

    def _analyse(self) -> Analysis:
        from . import cache as cachelib
        from .runner import read_in_order, run_corpus
        from .store import Store

        method = self.options.get("method", DEFAULT_METHOD)
        check_method(method)
        use_cache = self.options.get("cache")
        use_cache = config.cache_enabled() if use_cache is None else use_cache
        temp = None if use_cache else Path(tempfile.mkdtemp(prefix="newsbench-corpus-"))
        store = Store(temp) if temp else cachelib.working_store()
        try:
            run_corpus(self.article_list, store, model=self.options.get("model"), method=method,
                       total=len(self.article_list), **self.execution)
            ids = [a.article_id for a in self.article_list]
            frames = {name: read_in_order(store, name, ids) for name in schema.FRAMES}
            run = {**store.run, "published": {a.article_id: a.meta.get("published")
                                              for a in self.article_list}}
        finally:
            if temp is not None:
                shutil.rmtree(temp, ignore_errors=True)
        return Analysis(**frames, texts={a.article_id: a.text for a in self.article_list}, run=run)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in schema.FRAMES or name in ("texts", "run", "frames", "select"):
            return getattr(self.analysis, name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"Corpus({len(self)} articles)"

    # -- choosing articles -----------------------------------------------------------------

    def duplicates(self, *, threshold: float = 0.5) -> pd.DataFrame:
        """Syndicated copies and near-duplicates: ``article_id, duplicate_of, similarity, kind``
        (the earliest article of each group is the original and is not listed)."""
        from .views import corpus as cv

        if threshold not in self._duplicates:
            self._duplicates[threshold] = cv.near_duplicates(self.texts, self.articles,
                                                             threshold=threshold)
        return self._duplicates[threshold]

    def filter(self, *, date_from=None, date_to=None, sources=None,
               exclude_duplicates: bool = False, threshold: float = 0.5) -> Corpus:
        """The articles published from ``date_from`` to ``date_to`` (inclusive, YYYY-MM-DD),
        from ``sources`` (names, any case), without the duplicates when ``exclude_duplicates``.
        The entity ids stay those of the whole corpus."""
        from .views import corpus as cv

        exclude = cv.duplicate_ids(self.duplicates(threshold=threshold)) if exclude_duplicates else None
        kept = cv.filter_articles(self.articles, date_from=date_from, date_to=date_to,
                                  sources=sources, exclude=exclude)
        ids = list(kept["article_id"])
        frames = cv.restrict(self.frames(), ids)
        keep = set(ids)
        sub = Analysis(**frames, texts={k: v for k, v in self.texts.items() if k in keep},
                       run=self.run)
        out = Corpus.from_analysis(sub)
        out.article_list = [a for a in self.article_list if a.article_id in keep]
        return out

    def entity_ids(self, names) -> list[str]:
        """The corpus ids of entities given by name, alias or id (``"US"``, ``"Bush"``,
        ``"country:US"``), any case.

        Raises:
            ParameterError: a name no entity of the corpus has, with the nearest known names.
        """
        from .gazetteer import fold as _fold

        def fold(text: str) -> str:  # "U.S." and "US" alike
            return _fold(text).replace(".", "")

        if names is None:
            return []
        names = [n.strip() for n in (names.split(",") if isinstance(names, str) else names)
                 if n and n.strip()]
        ents = self.entities
        table: dict[str, str] = {}
        for eid, ename, ent, aliases in zip(ents["entity_id"], ents["entity_name"],
                                            ents["entity"], ents["aliases"]):
            table.setdefault(fold(eid), eid)
            table.setdefault(fold(ename), eid)
            table.setdefault(fold(ent), eid)
            for alias in schema.list_value(aliases):
                table.setdefault(fold(alias), eid)
        out = []
        for name in names:
            eid = table.get(fold(name))
            if eid is None:
                import difflib

                near = difflib.get_close_matches(fold(name), list(table), n=3)
                hint = f"; did you mean {', '.join(near)}?" if near else ""
                raise ParameterError(f"entities: no entity called '{name}' in this corpus{hint}")
            if eid not in out:
                out.append(eid)
        return out

    # -- views -----------------------------------------------------------------------------

    def describe(self, *, exclude_duplicates: bool = True) -> str:
        """A sentence on the corpus: articles, sources, dates, and the duplicates left out
        (``exclude_duplicates``) or how many there are."""
        from .views import corpus as cv

        dups = self.duplicates()
        if exclude_duplicates:
            return cv.describe_corpus(self.articles, dups)
        n = len(dups)
        return (cv.describe_corpus(self.articles)
                + (f" {n} of them are copies of another, counted all the same." if n else ""))

    def articles_per_period(self, *, granularity: str = "month", by: str = "source") -> pd.DataFrame:
        """``period, source, n_articles``."""
        from .views import corpus as cv

        return cv.articles_per_period(self.articles, granularity=granularity, by=by)

    def tone_by(self, by: str = "source", *, granularity: str | None = "month",
                **options) -> pd.DataFrame:
        """Mean article tone per source (and period) with a bootstrap band:
        ``period, source, n_articles, tone, low, high, too_few``."""
        from .views import corpus as cv

        return cv.tone_by(self.articles, by=by, granularity=granularity, **options)

    def top_entities(self, *, labels=("PERSON", "ORG", "PLACE"), top_n: int = 10) -> pd.DataFrame:
        """The most mentioned entities: ``entity_id, entity_name, entity_label, mentions,
        articles``."""
        from .views import corpus as cv

        return cv.top_entities(self.mentions, labels=labels, top_n=top_n)

    def entity_trends(self, *, entities=None, labels=("PERSON",), top_n: int = 5,
                      granularity: str = "month") -> pd.DataFrame:
        """Mentions per article per period of the given entities (names or ids) or of the
        ``top_n`` most mentioned of ``labels``."""
        from .views import corpus as cv

        ids = self.entity_ids(entities) or None
        return cv.entity_trends(self.mentions, self.articles, entity_ids=ids, labels=labels,
                                top_n=top_n, granularity=granularity)

    def mentions_by_source(self, *, labels=("PERSON", "ORG", "PLACE"), top_n: int = 10) -> pd.DataFrame:
        """Which sources mention whom more: mentions per article of each source."""
        from .views import corpus as cv

        return cv.mentions_by_source(self.mentions, self.articles, labels=labels, top_n=top_n)

    def cooccurrences(self, *, unit: str = "sentence", labels=("PERSON", "ORG", "PLACE"),
                      top_n: int = 30, min_count: int = 2) -> pd.DataFrame:
        """Pairs of corpus entities named together, with how often."""
        from .views import corpus as cv

        return cv.corpus_cooccurrences(self.mentions, unit=unit, labels=labels, top_n=top_n,
                                       min_count=min_count)

    def events_timeline(self, *, entities=None, date_from=None, date_to=None,
                        similarity: float = 0.3) -> pd.DataFrame:
        """Dated events of all articles on one calendar; one row per event however many
        articles report it (``n_articles``)."""
        from .views import corpus as cv

        ids = self.entity_ids(entities) or None
        return cv.events_timeline(self.events, self.mentions, self.articles,
                                  sentences=self.sentences, entity_ids=ids,
                                  date_from=date_from, date_to=date_to, similarity=similarity)

    def most_quoted(self, *, top_n: int = 10, descriptions: bool = True) -> pd.DataFrame:
        """The voices the corpus quotes most (one corpus identity per named speaker)."""
        from .views import corpus as cv

        return self._corpus_names(cv.most_quoted(self.quotes, self.articles, top_n=top_n,
                                                 descriptions=descriptions))

    def quoted_by_source(self, *, top_n: int = 10) -> pd.DataFrame:
        """Which sources quote whom: quotations per article of each source."""
        from .views import corpus as cv

        return self._corpus_names(cv.quoted_by_source(self.quotes, self.articles, top_n=top_n))

    def _corpus_names(self, df: pd.DataFrame) -> pd.DataFrame:
        """Named speakers under their corpus display name ("Ana Delacroix", not "Delacroix")."""
        names = self.entities.drop_duplicates("entity_id").set_index("entity_id")["entity_name"]
        if df.empty:
            return df
        better = df["speaker_key"].map(names)
        out = df.assign(speaker=better.fillna(df["speaker"]).astype("string"))
        out.attrs = dict(df.attrs)
        return out

    def kwic(self, term: str, *, width: int = 60, limit: int = 200) -> pd.DataFrame:
        """Keyword in context: every sentence using ``term``, with exact offsets."""
        from .views import corpus as cv

        return cv.kwic(self.sentences, term, width=width, limit=limit)

    def term_trends(self, terms, *, granularity: str = "month") -> pd.DataFrame:
        """Uses of each term per article per period."""
        from .views import corpus as cv

        terms = cv.parse_terms(terms) if isinstance(terms, str) else list(terms)
        return cv.term_trends(self.sentences, self.articles, terms, granularity=granularity)


def _texts_from_frames(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> dict[str, str]:
    """Each article's text rebuilt from its paragraphs at their offsets (the store keeps no
    copy of the text; the characters between paragraphs come back as spaces and newlines)."""
    texts: dict[str, str] = {}
    ends = dict(zip(articles["article_id"], articles["end"]))
    for aid, group in paragraphs.groupby("article_id", sort=False):
        size = int(max(ends.get(aid, 0) or 0, group["end"].max()))
        chars = [" "] * size
        for start, text in zip(group["start"], group["text"]):
            if isinstance(text, str):
                chars[int(start):int(start) + len(text)] = text
        texts[aid] = "".join(chars)
    for aid in articles["article_id"]:
        texts.setdefault(aid, "")
    return texts


def is_dataset(path) -> bool:
    """Whether ``path`` is a folder ``newsbench analyze`` wrote (a store)."""
    p = Path(path)
    return p.is_dir() and (p / "articles").is_dir() and (
        (p / "_run.json").is_file() or any((p / "articles").glob("year=*")))


def open_corpus(source, *, article_ids=None, **options) -> Corpus:
    """A corpus from an analysed dataset (a store folder), or else from article files.

    Args:
        source: a folder ``newsbench analyze --out`` wrote (read, never re-analysed), or
            anything :func:`newsbench.load_corpus` takes (files, folders, globs, tables).
        article_ids: from a dataset, only these articles.
        **options: for article files, as for :func:`newsbench.load_corpus`.

    Raises:
        InputFileError, ParameterError.
    """
    from .analysis import load_corpus
    from .store import Store

    if isinstance(source, (str, Path)) and is_dataset(source):
        store = Store(source)
        frames = {name: store.read(name, article_ids=article_ids) for name in schema.FRAMES}
        if frames["articles"].empty:
            raise ParameterError(f"corpus {source}: the dataset holds no articles; analyse some "
                                 f"with: newsbench analyze FILES --out {source}")
        texts = _texts_from_frames(frames["articles"], frames["paragraphs"])
        run = {**store.run_info(), "dataset": str(source)}
        return Corpus.from_analysis(with_identity(Analysis(**frames, texts=texts, run=run)))
    return load_corpus(source, **options)
