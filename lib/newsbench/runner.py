"""Analysing a corpus into a store: batches, an executor, resume, progress.

::

    from newsbench.runner import run_corpus
    summary = run_corpus(iter_articles(["stories.csv"]), Store("out/"), engine="processes")

The articles stream in (a generator is never materialised); those whose analysis key is already
in the store are skipped (a rerun analyses only new or changed articles); the rest are cut
into batches (:func:`batches`) and sent to the executor (:mod:`newsbench.executors`), which
runs :func:`newsbench.engine.analyze_batch` where it was told to; each batch's frames are
written to the store as they come back (:meth:`newsbench.store.Store.write_batch`), so memory
stays flat and an interrupted run loses nothing already written.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
import logging

import pandas as pd

from . import schema
from .cache import FILE_META, analysis_key, file_meta, file_meta_matches, set_file_meta
from .engine import analyze_batch
from .load import Article
from .models import model_info, versions

log = logging.getLogger(__name__)

#: A batch is cut when it reaches this many articles or this many characters of text.
BATCH_ARTICLES = 200
BATCH_CHARS = 400_000

#: An article this long gets a line saying it will take a while (the progress display counts
#: articles, so one long text would otherwise sit at 0 for minutes).
LONG_ARTICLE_CHARS = 1_000_000


def batches(articles: Iterable[Article], *, max_articles: int = BATCH_ARTICLES,
            max_chars: int = BATCH_CHARS, window: int = 8) -> Iterator[list[Article]]:
    """Consecutive batches of articles, each at most ``max_articles`` long and about
    ``max_chars`` characters of text (one longer article makes a batch of its own).

    Articles are read ahead ``window`` batches at a time and sorted by publication date within
    that window (undated last, the order kept otherwise), so that a batch spans few months: the
    store writes one file per frame and month of a batch, and a stream of stories in random
    date order would otherwise make hundreds of small files per batch.
    """
    def by_date(art: Article):
        published = art.meta.get("published")
        return (published is None, str(published or ""))

    def cut(arts: list[Article]) -> Iterator[list[Article]]:
        batch: list[Article] = []
        size = 0
        for art in arts:
            if batch and (len(batch) >= max_articles or size + len(art.text) > max_chars):
                yield batch
                batch, size = [], 0
            batch.append(art)
            size += len(art.text)
        if batch:
            yield batch

    it = iter(articles)
    while True:
        chunk = list(itertools.islice(it, max_articles * window))
        if not chunk:
            return
        yield from cut(sorted(chunk, key=by_date))


def read_in_order(store, frame: str, article_ids: list[str]):
    """One frame of ``store`` for ``article_ids``, its rows in the order of those articles (the
    store keeps them in the order their batches were written)."""
    order = {aid: i for i, aid in enumerate(article_ids)}
    df = store.read(frame, article_ids=article_ids)
    return df.iloc[df["article_id"].map(order).to_numpy().argsort(kind="stable")].reset_index(drop=True)


@dataclass
class RunSummary:
    """What a run did: articles analysed now, skipped as already in the store, batches."""

    analysed: int = 0
    skipped: int = 0
    batches: int = 0
    repaired: list[str] = field(default_factory=list)
    relocated: int = 0      # skipped articles whose file (path, published_from) was updated
    seconds: float = 0.0
    article_ids: list[str] = field(default_factory=list)   # every article of the run, in order
    engine: str = ""

    def line(self) -> str:
        extra = f", {self.skipped} already in the store" if self.skipped else ""
        fixed = f"; removed {len(self.repaired)} partial file(s) first" if self.repaired else ""
        moved = (f"; recorded the new path of {self.relocated} article(s) read from another "
                 "file" if self.relocated else "")
        return (f"analysed {self.analysed} article(s) in {self.batches} batch(es) in "
                f"{self.seconds:.1f} s{extra}{moved}{fixed}")


def run_record(options: dict, info) -> dict:
    """The run metadata a store keeps: parameters, model and versions."""
    return {
        "parameters": {"method": options.get("method", "news")},
        "model": {"package": info.package, "name": info.name, "version": info.version},
        "versions": versions(),
    }


def _warm(model: str | None) -> None:
    """Each worker loads the model and lexicons once, before its first batch."""
    from .models import get_nlp
    from .sentiment import analyzer

    get_nlp(model)
    analyzer()


def run_corpus(articles: Iterable[Article], store, *, model: str | None = None,
               method: str = "news", engine: str = "processes", jobs: int | None = None,
               scheduler: str | None = None, quiet: bool = True, total: int | None = None,
               max_articles: int = BATCH_ARTICLES, max_chars: int = BATCH_CHARS) -> RunSummary:
    """Analyse every article not yet in ``store`` and write its frames there.

    Args:
        articles: the articles (any iterable; streamed).
        store: a :class:`newsbench.store.Store`.
        model, method: as for :func:`newsbench.analyze`.
        engine, jobs, scheduler: where the work runs (:func:`newsbench.executors.get_executor`).
        quiet: no progress display.
        total: the number of articles, when known (for the ETA).

    Returns:
        :class:`RunSummary`.

    Raises:
        ParameterError, ModelMissingError, ExecutorError; KeyboardInterrupt after stopping the
        workers (what was written stays written).
    """
    import time

    from .executors import get_executor
    from .progress import progress

    started = time.perf_counter()
    info = model_info(model)
    options = {"method": method, "model": model}
    key_options = {"method": method}
    model_id = {"name": info.name, "version": info.version}
    store.run = run_record(options, info)
    summary = RunSummary(repaired=store.repair())
    done = store.done()
    keys: dict[str, str] = {}
    skipped: dict[str, dict] = {}   # article_id -> the file it was read from now

    articles = iter(articles)
    head = list(itertools.islice(articles, 1))  # a bad first input fails before any display

    def todo() -> Iterator[Article]:
        for art in itertools.chain(head, articles):
            summary.article_ids.append(art.article_id)
            key = analysis_key(art, model=model_id, options=key_options)
            if done.get(art.article_id) == key:
                log.debug(f"{art.article_id}: already in the store, not analysed again")
                skipped[art.article_id] = file_meta(art)
                summary.skipped += 1
                bar.update(1)
                continue
            keys[art.article_id] = key
            if len(art.text) >= LONG_ARTICLE_CHARS:
                log.warning(f"{art.article_id} is {len(art.text) / 1e6:.1f} million characters: "
                            f"it is analysed in pieces, about a minute per million on one core")
            yield art

    with progress(total, desc="analyse", unit="articles", quiet=quiet) as bar:
        work = batches(todo(), max_articles=max_articles, max_chars=max_chars)
        pending: dict[int, list[str]] = {}

        counter = itertools.count()

        def numbered():
            for batch in work:
                pending[next(counter)] = [a.article_id for a in batch]
                yield batch

        items = numbered()
        first = list(itertools.islice(items, 2))
        if not first:  # everything is in the store: no executor, no model to load
            summary.relocated = _record_file_meta(store, skipped, done, max_articles)
            summary.seconds = time.perf_counter() - started
            return summary
        if len(first) < 2 and engine == "processes":
            engine = "serial"  # one batch: starting worker processes would cost more than it saves
        with get_executor(engine, jobs=jobs, scheduler=scheduler, initializer=_warm,
                          initargs=(model,)) as ex:
            summary.engine = ex.info.get("engine", engine)   # processes with one job is serial
            log.info(f"analysing with {info.package} {info.version} ({method} sentiment) on "
                     f"{summary.engine}, {ex.info.get('jobs', jobs or 1)} worker(s), into "
                     f"{store.root}")
            for index, frames in ex.map_unordered(analyze_batch, itertools.chain(first, items),
                                                  extra_args=(options,)):
                ids = pending.pop(index)
                store.write_batch(frames, keys={aid: keys.pop(aid) for aid in ids})
                log.debug(f"wrote a batch of {len(ids)} article(s): {', '.join(ids[:5])}"
                          f"{' ...' if len(ids) > 5 else ''}")
                summary.analysed += len(ids)
                summary.batches += 1
                bar.update(len(ids))
    summary.relocated = _record_file_meta(store, skipped, done, max_articles)
    summary.seconds = time.perf_counter() - started
    return summary


def _record_file_meta(store, read_now: dict[str, dict], done: dict[str, str],
                      size: int) -> int:
    """Make the store's articles rows of skipped articles name the file they were read from
    in this run: the key is the content, so the same text at another path (a moved folder, a
    copy) is skipped, and its row still named the first file. Those articles are written
    again as a new batch from their stored frames, with the new ``path`` and
    ``published_from`` (no re-analysis); the older rows are superseded. Returns how many."""
    if not read_now:
        return 0
    stored = store.read("articles", columns=["article_id", *FILE_META],
                        article_ids=list(read_now))
    stale = [row["article_id"] for row in stored.to_dict("records")
             if not file_meta_matches(row, read_now[row["article_id"]])]
    for i in range(0, len(stale), size):
        parts, keys = [], {}
        for aid in stale[i:i + size]:
            frames = store.lookup(done[aid])
            if frames is None:  # incomplete: left as it is (Store.repair's business)
                continue
            parts.append(set_file_meta(frames, aid, read_now[aid]))
            keys[aid] = done[aid]
        if parts:
            frames = {n: schema.conform(pd.concat([p[n] for p in parts], ignore_index=True), n)
                      for n in schema.FRAMES}
            store.write_batch(frames, keys=keys)
    return len(stale)
