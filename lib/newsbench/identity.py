"""One identity per entity across the articles of a corpus: the ``entity_id`` columns.

The entity layer merges the names of one entity *inside* one article. Across articles the same
entity comes under other names ("United States" here, "U.S." there; "World Trade Organization"
and "WTO"; "Mahmud Abbas" and "Mahmoud Abbas"; "Bush" alone after "George W. Bush" in last
week's story). :func:`resolve` gives every article entity, and every mention, one corpus id:

- **places** by their gazetteer id: ``country:<ISO code>`` for countries, ``geonames:<id>``
  for the states, continents and cities the gazetteer knows;
- **demonyms** by their country (``norp:FR``);
- **people** by their name words (``person:george w bush``): transliterations of one name join
  when the rest of the name agrees (:data:`~newsbench.layers.entity_vocab.TRANSLITERATION`);
  a surname alone joins the one full name the corpus gives that surname within
  :data:`SURNAME_WINDOW_DAYS` of the article, and stays apart when two people share it; a name
  missing a middle part ("George Bush") joins the one fuller name it is short for;
- **other names** by their folded words with British spellings made American
  (:data:`~newsbench.layers.entity_vocab.SPELLINGS`) and acronym words expanded
  (``name:world trade organization``); an acronym alone joins the expansion the corpus gives
  it (an article that writes both, or a name with those initials), else ``data/acronyms.csv``.

Each corpus entity gets one label, voted by all its mentions, and one display name, its most
common full form. ``identity_by`` (entities) says why an article's entity joined a corpus entity
under another name, and the mentions' ``merged_by`` says it too where it was empty.

The result depends on the whole corpus (one more article can make a surname ambiguous), so it
is computed when a corpus is read (:class:`newsbench.Corpus`, :func:`newsbench.open_corpus`,
``newsbench analyze --format csv|json``), not stored: the store keeps each article's own ids.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from . import gazetteer, schema
from .layers.entity_vocab import LABELS, SPELLINGS, TRANSLITERATION
from .layers.entities.merging import _initials, acronym_of, name_tokens
from .unionfind import UnionFind

#: A surname alone joins a full name given within this many days of the article.
SURNAME_WINDOW_DAYS = 92

#: ``identity_by`` values.
ACRONYM = "acronym across articles"
SPELLING = "spelling variant"
TRANSLIT = "transliteration"
SURNAME = "surname across articles"
SURNAME_HERE = "surname"
SHORT = "short form across articles"
AMBIGUOUS = "surname of several people in the corpus, left apart"
NAMED_PERSON = "a person's name elsewhere"
COUNTRY = "country"
GAZETTEER = "gazetteer place"
FORM = "name form"

_SPELLINGS = [(re.compile(p), r) for p, r in SPELLINGS]
_PUNCT = re.compile(r"[.,'’`\"()]")
_SEP = re.compile(r"[-‐‑–—/]")


@lru_cache(maxsize=65536)
def normal_form(name: str) -> str:
    """A non-person name for comparison: folded, punctuation dropped, ``&`` as ``and``,
    British spellings made American, a possessive dropped."""
    text = _SEP.sub(" ", gazetteer.fold(name)).replace("&", " and ")
    words = []
    for w in _PUNCT.sub("", text).split():
        for pattern, repl in _SPELLINGS:
            if pattern.match(w):
                w = pattern.sub(repl, w)
                break
        words.append(w)
    if words and words[-1] == "s" and len(words) > 1:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """One spelling for the transliterations of a name word (``mahmoud`` -> ``mahmud``)."""
    out = word
    for a, b in TRANSLITERATION:
        out = out.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", out)


def base_key(name: str, label: str, country) -> str:
    """The id an article's entity has before anything joins it to another article's.

    Args:
        name: the entity's name in its article.
        label: its label there.
        country: the ISO code the entity layer gave it (a country, or a demonym's country).
    """
    country = country if isinstance(country, str) and country else None
    if label == "PERSON":
        return "person:" + " ".join(name_tokens(name))
    if label == "PLACE":
        if country:
            return f"country:{country}"
        place = gazetteer.lookup(name)
        if place is not None and place.kind == "country" and place.country:
            return f"country:{place.country}"
        if place is not None and place.geoname_id:
            return f"geonames:{place.geoname_id}"
    if label == "NORP" and country:
        return f"norp:{country}"
    acr = acronym_of(name)
    table = gazetteer.acronyms()
    if acr and acr in table:
        code = gazetteer.countries().get(gazetteer.fold(table[acr]))
        if code and label in ("PLACE", "ORG", "GPE"):
            return f"country:{code}"
        return "name:" + normal_form(table[acr])
    return "name:" + normal_form(name)


class _Union(UnionFind):
    """Union-find over keys that remembers why each key joined another."""

    def __init__(self):
        super().__init__()
        self.why: dict[str, str] = {}

    def union(self, a: str, b: str, why: str) -> bool:
        joined = super().union(a, b)
        if joined:
            self.why.setdefault(a, why)
        return joined


def _aliases(value) -> list[str]:
    """An entity's ``aliases`` cell (a list of forms; ``[]`` when missing)."""
    return [a for a in schema.list_value(value) if a]


def _join_acronyms(rows: pd.DataFrame, uf: _Union) -> None:
    """An acronym alone joins the one expansion the corpus gives it: an article that writes
    both (its entity has the acronym among its aliases), else a name with those initials."""
    written: dict[str, set] = defaultdict(set)
    initials: dict[str, set] = defaultdict(set)
    for key, name, aliases in zip(rows["key"], rows["entity"], rows["aliases"]):
        if not key.startswith("name:"):
            continue
        if acronym_of(name) is None and len(name.split()) >= 2:
            initials[_initials(name)].add(key)
            for alias in _aliases(aliases):
                acr = acronym_of(alias)
                if acr:
                    written[acr].add(key)
    for key, name in zip(rows["key"], rows["entity"]):
        acr = acronym_of(name) if key.startswith("name:") else None
        if not acr:
            continue
        found = written.get(acr) or initials.get(acr) or set()
        roots = {uf.find(k) for k in found}
        if len(roots) == 1 and key not in roots:
            uf.union(key, roots.pop(), ACRONYM)


def _people_misread(rows: pd.DataFrame) -> None:
    """A name of two words or more the model did not call a person, in an article that calls
    its last word alone a person ("Helena Marsh" read as an organisation, then "Marsh said"):
    a person's name. Changes ``rows["key"]`` in place."""
    lone = {(a, k[7:]) for a, k in zip(rows["article_id"], rows["key"])
            if k.startswith("person:") and len(k[7:].split()) == 1}
    keys = rows["key"].tolist()
    for i, (aid, key, name) in enumerate(zip(rows["article_id"], keys, rows["entity"])):
        if key.startswith("name:") and acronym_of(name) is None:
            words = name_tokens(name)
            if len(words) >= 2 and (aid, words[-1]) in lone and name[:1].isupper():
                keys[i] = "person:" + " ".join(words)
    rows["key"] = keys


def _join_named_people(keys: list[str], uf: _Union) -> None:
    """A name the model read as something else in one article joins the person the corpus
    gives that very name elsewhere ("Beatriz Sandoval" read as a work of art)."""
    people = {k[7:] for k in keys if k.startswith("person:") and len(k[7:].split()) >= 2}
    for k in set(keys):
        if k.startswith("name:"):
            words = " ".join(name_tokens(k[5:]))
            if words in people:
                uf.union(k, "person:" + words, NAMED_PERSON)


def _join_people(keys: list[str], uf: _Union) -> None:
    """Transliterations of one name with the rest agreeing, and a name missing middle words
    that one fuller name has (same first and last words)."""
    people = sorted({k for k in keys if k.startswith("person:")})
    by_skeleton: dict[tuple, list[str]] = defaultdict(list)
    for k in people:
        words = k[7:].split()
        if len(words) >= 2:
            by_skeleton[tuple(skeleton(w) for w in words)].append(k)
    for group in by_skeleton.values():
        for k in group[1:]:
            a, b = k[7:].split(), group[0][7:].split()
            # the rest of the name agrees: only words of four letters or more may differ
            if all(x == y or min(len(x), len(y)) >= 4 for x, y in zip(a, b)):
                uf.union(k, group[0], TRANSLIT)
    roots = sorted({uf.find(k) for k in people})
    for k in roots:
        words = k[7:].split()
        if len(words) < 2:
            continue
        longer = {r for r in roots if r != k and len(r[7:].split()) > len(words)
                  and r[7:].split()[0] == words[0] and r[7:].split()[-1] == words[-1]
                  and _subsequence(words, r[7:].split())}
        if len(longer) == 1:
            uf.union(k, longer.pop(), SHORT)


def _subsequence(short: list, long: list) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _surnames(rows: pd.DataFrame, uf: _Union) -> list[tuple[str, str] | None]:
    """Per row: ``(key, why)`` of the one full name a lone surname joins (or of the surname
    itself when several people have it), or ``None``. Full names count when given within :data:`SURNAME_WINDOW_DAYS` of the article
    (an undated article: anywhere in the corpus)."""
    full: dict[str, list[tuple[str, object]]] = defaultdict(list)
    here: dict[tuple[str, str], set] = defaultdict(set)  # (article, surname) -> full names
    single: list[tuple[int, str]] = []
    for i, (aid, key, pub) in enumerate(zip(rows["article_id"], rows["key"], rows["published"])):
        if _city_said_person(rows, i):
            single.append((i, gazetteer.fold(rows["entity"].iat[i])))
        if not key.startswith("person:"):
            continue
        words = key[7:].split()
        if len(words) >= 2:
            full[words[-1]].append((uf.find(key), pub))
            here[(aid, words[-1])].add(uf.find(key))
        elif words:
            single.append((i, words[0]))
    out: list[tuple[str, str] | None] = [None] * len(rows)
    window = pd.Timedelta(days=SURNAME_WINDOW_DAYS)
    for i, surname in single:
        if rows["label_source"].iat[i] == "surname of several people" or surname not in full:
            continue
        same = here.get((rows["article_id"].iat[i], surname), set())
        if len(same) == 1:  # the article itself gives the full name
            out[i] = (next(iter(same)), SURNAME_HERE)
            continue
        pub = rows["published"].iat[i]
        near = {root for root, when in full[surname]
                if pd.isna(pub) or pd.isna(when) or abs(when - pub) <= window}
        if len(near) == 1:
            out[i] = (near.pop(), SURNAME)
        elif len(near) > 1:
            out[i] = ("person:" + surname, AMBIGUOUS)
    return out


def _city_said_person(rows: pd.DataFrame, i: int) -> bool:
    """A one-word name the article counted as a small city only because the gazetteer knows a
    town of that name, while the model called every mention a person ("Bush told reporters"):
    a surname candidate."""
    source = rows["label_source"].iat[i]
    labels = schema.list_value(rows["model_labels"].iat[i])
    return (rows["label"].iat[i] == "PLACE" and isinstance(source, str)
            and source.startswith("gazetteer: city") and labels == ["PERSON"]
            and len(rows["entity"].iat[i].split()) == 1)


def _vote_label(labels: pd.Series, weights: pd.Series) -> str:
    votes = Counter()
    for label, w in zip(labels, weights):
        votes[label] += int(w)
    best = max(votes.values())
    return next(lab for lab in (*LABELS, *sorted(votes)) if votes.get(lab) == best)


def _display(group: pd.DataFrame, eid: str) -> str:
    """The most common full form: a person's longest-worded names first; an acronym only when
    no expansion is written; a country without one by its gazetteer name."""
    counts = group.groupby("entity", sort=False)["mentions"].sum()
    names = list(counts.index)
    if eid.startswith("person:"):
        most = max(len(n.split()) for n in names)
        counts = counts[[len(n.split()) == most for n in names]]
    else:
        full = [acronym_of(n) is None for n in names]
        if any(full):
            counts = counts[full]
        elif eid.startswith("country:"):
            return gazetteer.country_names().get(eid[8:], names[0])
    top = counts.max()
    return sorted(n for n, c in counts.items() if c == top)[0]


def _why(row_key: str, eid: str, uf: _Union, entity: str, name: str, surname_why: str | None) -> str:
    """Why an article's entity carries a corpus entity's id under another name."""
    if surname_why:
        return surname_why
    x = row_key
    while x != eid and x in uf.parent and uf.parent[x] != x:
        if x in uf.why:
            return uf.why[x]
        x = uf.parent[x]
    if gazetteer.fold(entity) == gazetteer.fold(name):
        return ""
    if eid.startswith("country:"):
        return COUNTRY
    if eid.startswith("geonames:"):
        return GAZETTEER
    if acronym_of(entity) and not acronym_of(name):
        return "acronym"
    if eid.startswith("name:") and normal_form(entity) == normal_form(name):
        return SPELLING
    return FORM


IDENTITY_COLUMNS = ("entity_id", "entity_name", "entity_label")


def resolve(mentions: pd.DataFrame, entities: pd.DataFrame,
            articles: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus ids, names and labels of every article entity and mention.

    Args:
        mentions, entities: the frames of any number of articles.
        articles: the articles frame (its ``published`` dates bound the surname rule); without
            it every article counts as undated.

    Returns:
        ``(mentions, entities)`` with ``entity_id``, ``entity_name`` and ``entity_label`` set
        (and ``identity_by`` on entities; ``merged_by`` on mentions where it was empty and the
        corpus joined the mention under another name).
    """
    if entities.empty:
        return mentions, entities
    rows = entities[["article_id", "entity", "label", "mentions", "aliases", "country",
                     "label_source", "model_labels"]].copy()
    rows["key"] = [base_key(n, lab, c) for n, lab, c in
                   zip(rows["entity"], rows["label"], rows["country"])]
    if articles is not None and not articles.empty:
        pub = articles.drop_duplicates("article_id").set_index("article_id")["published"]
        rows["published"] = pd.to_datetime(rows["article_id"].map(pub))
    else:
        rows["published"] = pd.NaT
    uf = _Union()
    for k in rows["key"]:
        uf.find(k)
    _people_misread(rows)
    for k in rows["key"]:
        uf.find(k)
    _join_acronyms(rows, uf)
    _join_named_people(list(rows["key"]), uf)
    _join_people(list(rows["key"]), uf)
    surname = _surnames(rows, uf)
    ids, whys = [], []
    for key, joined in zip(rows["key"], surname):
        target, why = joined if joined else (key, None)
        ids.append(uf.find(target))
        whys.append(why)
    rows["entity_id"] = ids
    rows.loc[[w is not None for w in whys], "label"] = "PERSON"  # a surname is a person's
    names, labels = {}, {}
    for eid, group in rows.groupby("entity_id", sort=False):
        names[eid] = _display(group, eid)
        labels[eid] = _vote_label(group["label"], group["mentions"])
    _unique_names(names, labels)
    rows["entity_name"] = rows["entity_id"].map(names)
    rows["entity_label"] = rows["entity_id"].map(labels)
    rows["identity_by"] = [_why(k, e, uf, ent, names[e], w) for k, e, ent, w in
                           zip(rows["key"], rows["entity_id"], rows["entity"], whys)]
    return _apply(mentions, entities, rows)


def _unique_names(names: dict, labels: dict) -> None:
    """Two corpus entities with one display name: the label, then the id, tells them apart."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for eid, name in names.items():
        by_name[name].append(eid)
    for name, eids in by_name.items():
        if len(eids) < 2:
            continue
        tagged = Counter(labels[e] for e in eids)
        for e in eids:
            names[e] = (f"{name} ({labels[e]})" if tagged[labels[e]] == 1
                        else f"{name} ({labels[e]}, {e.split(':', 1)[0]} {e.split(':', 1)[1]})")


def _apply(mentions: pd.DataFrame, entities: pd.DataFrame, rows: pd.DataFrame):
    ents = entities.copy()
    dtypes = dict(schema.SCHEMAS["entities"])  # entity_label a category, the others strings
    for col in (*IDENTITY_COLUMNS, "identity_by"):
        ents[col] = schema.cast(pd.Series(rows[col].to_numpy(dtype=object), index=ents.index,
                                          dtype="string"), dtypes[col])
    if mentions.empty:
        return mentions, ents
    table = rows.drop_duplicates(["article_id", "entity"]).set_index(["article_id", "entity"])
    keys = pd.MultiIndex.from_arrays([mentions["article_id"], mentions["entity"]])
    got = table.reindex(keys)
    ments = mentions.copy()
    for col in IDENTITY_COLUMNS:
        ments[col] = schema.cast(pd.Series(got[col].to_numpy(dtype=object), index=ments.index,
                                           dtype="string"), dtypes[col])
    why = got["identity_by"].fillna("").to_numpy(dtype=object)
    old = ments["merged_by"].fillna("").to_numpy(dtype=object)
    differs = np.array([gazetteer.fold(t) != gazetteer.fold(n) if isinstance(n, str) else False
                        for t, n in zip(ments["text"], ments["entity_name"])], dtype=bool)
    new = np.where((old == "") & (why != "") & differs, why, old)
    ments["merged_by"] = pd.array([v if v else pd.NA for v in new], dtype="string")
    return ments, ents


#: The corpus ids of a dataset: ``OUT/entity_ids.parquet``, written by ``newsbench analyze``.
IDENTITIES_FILE = "entity_ids.parquet"


def write_identities(store) -> None:
    """Resolve the identities over every article of ``store`` and write them beside its frames
    (one row per article entity: ``article_id, entity, entity_id, entity_name, entity_label,
    identity_by``), to join on ``article_id, entity``. Replaced atomically."""
    from .fsutil import atomic_write

    entities = store.read("entities")
    mentions = store.read("mentions", columns=["article_id", "entity", "text", "merged_by"])
    if entities.empty:
        return
    _, ents = resolve(mentions.iloc[:0], entities, store.read("articles"))
    table = ents[["article_id", "entity", *IDENTITY_COLUMNS, "identity_by"]]
    with store.locked():
        atomic_write(store.root / IDENTITIES_FILE, lambda p: table.to_parquet(p, index=False))


def speaker_ids(quotes: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with ``speaker_id`` the corpus id of each named speaker (the entity of its
    article the speaker is), NA for descriptions and quotations without a speaker."""
    if quotes.empty or entities.empty:
        return quotes
    table = entities.drop_duplicates(["article_id", "entity"]).set_index(
        ["article_id", "entity"])["entity_id"]
    keys = pd.MultiIndex.from_arrays([quotes["article_id"], quotes["speaker"].fillna("")])
    got = table.reindex(keys).to_numpy(dtype=object)
    named = quotes["speaker_label"].notna().to_numpy()
    ids = [g if n and isinstance(g, str) else None for g, n in zip(got, named)]
    return quotes.assign(speaker_id=pd.array(ids, dtype="string"))
