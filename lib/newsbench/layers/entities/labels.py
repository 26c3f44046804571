"""Step 3 of the entity layer: one label, one name and one country for each entity.

The label is voted by all the entity's mentions (full forms outvote short ones) and checked
against the gazetteer (:mod:`newsbench.gazetteer`): a known country, US state or continent is
a PLACE however the model tagged a mention, unless the entity is a person's name; a city's
name settles a split vote but yields to a model that calls every mention something else (the
UN, a club, a surname), unless the text puts it on the map ("in X"). The
name is the fullest form: the longest full name for a person, the most frequent full
(non-acronym, non-short) form otherwise.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ... import gazetteer
from ..entity_vocab import ORG_WORDS
from .merging import AMBIGUOUS
from .mentions import Mention, plurality


def _votes(ms: list[Mention]) -> Counter:
    """Full forms outvote short ones (an acronym, a surname); short ones break ties."""
    votes = Counter()
    for m in ms:
        if m.vote:
            votes[m.vote] += 1 if m.short else 2
        words = m.folded.split()
        if not m.short and len(words) > 1 and words[-1] in ORG_WORDS:
            votes["ORG"] += 1  # "... Cooperation", "... Authority": a split vote leans ORG
    return votes


def _best_place(ms: list[Mention]) -> gazetteer.Place | None:
    """The highest-ranked gazetteer place any full form (or acronym) of the entity names."""
    place = None
    for m in ms:
        if m.short and not m.merged_by == "acronym":
            continue
        p = gazetteer.lookup(m.text)
        if p is None and m.node.startswith("country:"):
            p = gazetteer.lookup(gazetteer.country_names().get(m.node[8:], ""))
        rank = gazetteer.KIND_RANK
        if p is not None and (place is None or rank[p.kind] < rank[place.kind]):
            place = p
    return place


def decide_label(ms: list[Mention]) -> tuple[str, str, gazetteer.Place | None]:
    """One label for an entity: ``(label, why, place)``."""
    votes = _votes(ms)
    if any(m.node.startswith("person:") and not m.short for m in ms) or any(m.titled for m in ms):
        return "PERSON", "person name", None
    if any(m.merged_by == AMBIGUOUS for m in ms):
        return "PERSON", "surname of several people", None
    if any(m.club for m in ms):
        return "ORG", "a side in a match", None
    place = _best_place(ms)
    dateline = any(m.dateline for m in ms)
    if place is not None and place.kind != "city":
        return "PLACE", f"gazetteer: {place.kind}", place
    if place is not None:
        # a city's name settles a split or weak vote; it does not overturn the model calling
        # every mention something else (an organisation, a club, a person's surname) unless
        # the text itself puts it on the map ("in X")
        model = Counter(m.vote for m in ms if m.vote)
        consistent = len(model) == 1 and "PLACE" not in model
        if consistent and "PERSON" in model:
            # a person needs more than one word of the model: a second mention, a full
            # name, or speech ("Ramos said"); "flooding hit Vigo" stays a place
            consistent = len(ms) >= 2 or any(m.spoke or len(m.text.split()) >= 2 for m in ms)
        if dateline or any(m.placed for m in ms) or not consistent:
            return "PLACE", f"gazetteer: city of {place.population:,} people", place
    if dateline:
        return "PLACE", "dateline", None
    label = plurality(votes) or "ORG"
    return label, "model vote", place if label == "PLACE" else None


def _display(form: str, place: gazetteer.Place | None, dateline: bool) -> str:
    """A form as a name: an all-capitals word (a dateline) in the gazetteer's or title case."""
    if form.isupper() and (dateline or len(form.replace(" ", "")) > 5):
        known = place is not None and gazetteer.fold(place.name) == gazetteer.fold(form)
        return place.name if known else form.title()
    return form


def canonical(ms: list[Mention], label: str, place) -> str:
    """The entity's name: its fullest form (see the module docstring)."""
    full = [m for m in ms if not m.short] or ms
    by_fold: dict[str, Counter] = defaultdict(Counter)
    for m in full:
        by_fold[m.folded][m.text] += 1
    variants = []
    for folded, texts in by_fold.items():
        # case variants: the most frequent one not in capitals, if any
        mixed = Counter({t: c for t, c in texts.items() if not t.isupper()}) or texts
        text = max(mixed.items(), key=lambda kv: (kv[1], kv[0]))[0]
        variants.append((text, sum(texts.values())))
    if label == "PERSON":
        text = max(variants, key=lambda v: (len(v[0].split()), len(v[0]), v[1]))[0]
    else:
        text = max(variants, key=lambda v: (v[1], len(v[0]), v[0]))[0]
    return _display(text, place, any(m.dateline for m in ms))


def country_of(m: Mention, label: str, place) -> str | None:
    """The ISO code a mention points at: a country's own, or its demonym's."""
    if label == "PLACE" and m.node.startswith("country:"):
        return m.node[8:]
    if label == "PLACE" and place is not None and place.kind == "country":
        return place.country
    if label == "NORP":
        return gazetteer.demonym_country(m.text)
    return None
