"""Syndicated copies and near-duplicates (MinHash over word shingles)."""

from __future__ import annotations

import zlib
from itertools import pairwise

import numpy as np
import pandas as pd

from ...unionfind import UnionFind
from ._common import _WORDS, _empty, _fraction, _int

# --------------------------------------------------------------------------- duplicates


def _normal(text) -> str:
    return " ".join(str(text).split()).casefold() if isinstance(text, str) else ""


#: Odd 64-bit multipliers combining a shingle's word hashes (one per position in the shingle).
_MIX = np.random.default_rng(20240601).integers(1, 2**63, size=64, dtype=np.uint64) | np.uint64(1)


def _shingle_hashes(word_hashes: np.ndarray, k: int) -> list[int]:
    """The distinct k-word shingles of a text as 32-bit hashes, from its words' hashes."""
    n = len(word_hashes) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):  # wraps modulo 2**64, as intended
        h += word_hashes[j:j + n] * _MIX[j % len(_MIX)]
    h ^= h >> np.uint64(32)
    return np.unique(h & np.uint64(0xFFFFFFFF)).tolist()


def _sketches(norms: list[str], shingle: int, num_perm: int) -> dict[int, object]:
    """MinHash of each text with at least ``shingle`` words, by position.

    Each distinct word is hashed once (CRC-32, so the same text always gives the same sketch,
    whatever else is in the corpus); shingle hashes are combined from them in numpy.
    """
    from datasketch import MinHash

    docs = [_WORDS.findall(t) for t in norms]
    keep = [i for i, d in enumerate(docs) if len(d) >= shingle]
    words = [w for i in keep for w in docs[i]]
    codes, uniques = pd.factorize(pd.Series(words, dtype="object"))
    word_hash = np.array([zlib.crc32(w.encode("utf-8")) for w in uniques], dtype=np.uint64)
    hashed = word_hash[codes]
    bounds = np.cumsum([0] + [len(docs[i]) for i in keep])
    sets = (_shingle_hashes(hashed[a:b], shingle) for a, b in pairwise(bounds))
    # the shingles are already hashed: the MinHash only mixes and permutes them
    return dict(zip(keep, MinHash.bulk(sets, num_perm=num_perm, hashfunc=int)))


def _published_key(published, length: int, position: int) -> tuple:
    """Earliest published first, undated last; on one day the shorter text (a syndicated copy
    adds a credit line to the original), then the order given."""
    if published is None or pd.isna(published):
        return (1, 0, length, position)
    return (0, pd.Timestamp(published).normalize().value, length, position)


def near_duplicates(texts: dict, articles: pd.DataFrame | None = None, *, threshold: float = 0.5,
                    num_perm: int = 128, shingle: int = 5) -> pd.DataFrame:
    """Articles that are copies, or lightly edited copies, of an earlier one.

    Texts are compared by the Jaccard index of their word ``shingle``-grams, estimated with
    MinHash and found with MinHash LSH (``datasketch``); texts of fewer words are compared
    whole. Copies are grouped transitively.

    Args:
        texts: article_id -> article text.
        articles: the ``articles`` frame (``article_id``, ``published``), to find each group's
            original (the earliest published; on one day the shorter text, then the first
            given); None: the shorter text, then the first given.
        threshold: least estimated Jaccard index for two texts to be copies.
        num_perm: MinHash permutations (more: a closer estimate, slower).
        shingle: words per shingle.

    Returns:
        Frame ``article_id, duplicate_of, similarity, kind``: one row per copy (never the
        original), ``similarity`` its estimated Jaccard index with the original, ``kind``
        ``"syndicated copy"`` when its text holds the original's whole (after folding whitespace
        and case: the same story, perhaps with a credit line added), else ``"near-duplicate"``.
        Unrelated stories share almost no five-word sequences (well under 0.1) and rewrites
        of one event by two outlets rarely 0.2; a lightly edited copy keeps 0.6 or more.

    Raises:
        ParameterError: bad ``threshold``, ``num_perm`` or ``shingle``.
    """
    from datasketch import MinHashLSH

    threshold = _fraction("threshold", threshold)
    num_perm, shingle = _int("num_perm", num_perm, 16), _int("shingle", shingle)
    texts = {str(k): v for k, v in texts.items()}
    pub = {} if articles is None else dict(zip(articles["article_id"].astype(str), pd.to_datetime(
        articles["published"], errors="coerce")))
    given = {a: i for i, a in enumerate(str(a) for a in texts)}
    normal = {a: _normal(texts[a]) for a in given}
    ids = sorted(given, key=lambda a: _published_key(pub.get(a), len(normal[a]), given[a]))
    norms = [normal[a] for a in ids]
    groups = UnionFind(range(len(ids)))
    first_of: dict[str, int] = {}
    for i, t in enumerate(norms):
        if t:
            groups.union(first_of.setdefault(t, i), i)
    sketches = _sketches(norms, shingle, num_perm)
    lsh = MinHashLSH(threshold=min(threshold, 0.95), num_perm=num_perm)
    with lsh.insertion_session() as session:
        for i, mh in sketches.items():
            session.insert(i, mh)
    for i, mh in sketches.items():
        for j in lsh.query(mh):
            if j > i and mh.jaccard(sketches[j]) >= threshold:
                groups.union(i, j)
    rows = []
    for members in sorted(groups.groups()):
        orig = members[0]  # positions follow publication order
        for m in members[1:]:
            same = bool(norms[orig]) and (norms[orig] in norms[m] or norms[m] in norms[orig])
            sim = 1.0 if same or m not in sketches or orig not in sketches else \
                float(sketches[orig].jaccard(sketches[m]))
            rows.append({"article_id": ids[m], "duplicate_of": ids[orig], "similarity": sim,
                         "kind": "syndicated copy" if same else "near-duplicate"})
    cols = {"article_id": "string", "duplicate_of": "string", "similarity": "float64",
            "kind": "string"}
    return pd.DataFrame(rows, columns=list(cols)).astype(cols) if rows else _empty(cols)


def duplicate_ids(dups: pd.DataFrame) -> set[str]:
    """The ids of the copies in :func:`near_duplicates`' frame (to leave out; originals stay)."""
    return set(dups["article_id"].astype(str)) if len(dups) else set()




def duplicates_table(dups: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`near_duplicates`' frame as a reader needs it: each copy and its original with
    their outlets, dates and headlines (a frame saying so when there are none)."""
    if dups.empty:
        return pd.DataFrame({"duplicates": ["No syndicated copies or near-duplicates found."]})
    arts = articles.drop_duplicates("article_id").set_index("article_id")

    def col(ids, name):
        return [arts[name].get(i) if i in arts.index else None for i in ids]

    out = pd.DataFrame({
        "kind": dups["kind"], "copy": dups["article_id"], "copy source": col(dups["article_id"], "source"),
        "copy published": col(dups["article_id"], "published"),
        "original": dups["duplicate_of"], "original source": col(dups["duplicate_of"], "source"),
        "similarity": dups["similarity"].round(2), "headline": col(dups["article_id"], "title"),
    })
    return out.reset_index(drop=True)
