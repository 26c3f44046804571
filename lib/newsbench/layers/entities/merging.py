"""Step 2 of the entity layer: mentions that name the same entity are joined.

Each mention gets a *node* (``person:<name words>``, ``country:<ISO code>`` or
``form:<folded words>``); nodes that name one entity are joined in a union-find. The rules:
case and a leading "the" never split an entity; a surname or short form joins the one full
name introduced in the same article (an ambiguous surname joins a full name only when that
person was named in the same paragraph just before); acronyms join their expansions, by
initials and through ``data/acronyms.csv``; every name of a country joins that country; a
short form of an organisation's name ("Security Council") joins the one longer name it ends.
"""

from __future__ import annotations

import bisect

import re
from collections import Counter, defaultdict

from ... import gazetteer
from ...unionfind import UnionFind
from ..entity_vocab import INITIAL_SKIP, NAME_SUFFIXES, PARTICLE_PREFIX, PARTICLES, PERSON_SUFFIXES
from .mentions import Mention, plurality, sporting

#: ``merged_by`` of a surname several people share, left apart from all of them.
AMBIGUOUS = "ambiguous surname, left apart"

_PARTICLE_PREFIX = re.compile(PARTICLE_PREFIX)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


def name_tokens(text: str) -> tuple[str, ...]:
    """A person's name for comparison: folded words, particles and suffixes left out."""
    words = [w.strip(".,") for w in gazetteer.fold(text).split()]
    out = []
    for w in words:
        if w in PARTICLES or w in PERSON_SUFFIXES or not w:
            continue
        out.append(_PARTICLE_PREFIX.sub("", w))
    return tuple(out) or tuple(words)


def acronym_of(text: str) -> str | None:
    """``text`` as an acronym (``U.N.`` -> ``UN``) when it looks like one, else None."""
    plain = text.replace(".", "").strip()
    return plain if _ACRONYM.match(plain) and any(c.isalpha() for c in plain) else None


def _initials(text: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’]*", text)
    return "".join(w[0].upper() for w in words if w.lower() not in INITIAL_SKIP)


#: Node names joined into entities (a short form points at the fuller name it joins).
Union = UnionFind


def _form_key(text: str, expansions: dict[str, str]) -> str:
    """Node of a non-person name: a country's code, else its folded words with acronym words
    expanded ("UN Security Council" and "United Nations Security Council" meet)."""
    code = gazetteer.countries().get(gazetteer.fold(text))
    if code:
        return f"country:{code}"
    words = []
    for w in text.split():
        acr = acronym_of(w)
        words.append(expansions.get(acr, w) if acr else w)
    while len(words) > 1 and gazetteer.fold(words[-1]).strip(".,") in NAME_SUFFIXES:
        words.pop()
    return "form:" + gazetteer.fold(" ".join(words))


def _acronym_expansions(mentions: list[Mention]) -> dict[str, str]:
    """Acronym -> its expansion: initials of the article's own names (a unique match only),
    else the table."""
    table = gazetteer.acronyms()
    by_initials: dict[str, set] = defaultdict(set)
    for m in mentions:
        if len(m.text.split()) >= 2 and not m.dateline:
            by_initials[_initials(m.text)].add(m.folded)
    text_of = {m.folded: m.text for m in mentions}
    expansions: dict[str, str] = {}
    for m in mentions:
        acr = None if m.dateline else acronym_of(m.text)
        if not acr:
            continue
        found = by_initials.get(acr, set())
        if len(found) == 1:
            expansions[acr] = text_of[next(iter(found))]
        elif acr in table:
            expansions[acr] = table[acr]
    return expansions


def _people(mentions: list[Mention], form_vote: dict[str, str | None]):
    """Full names (two or more words, voted PERSON, not a known place) and the one-word names
    that may join them: ``(full name words -> mentions, one word -> full names it may be)``.

    A name counts as a person's when the model mostly says so, or when a title stands before
    it or before its surname ("Mr <surname>") anywhere in the article.
    """
    titled = {name_tokens(m.text)[-1] for m in mentions if m.titled}
    # merge first, then vote: a name the model read as an organisation is a person's when
    # its last word alone is one in the article ("Helena Marsh" ... "Marsh said")
    alone = {name_tokens(m.text)[0] for m in mentions if len(name_tokens(m.text)) == 1
             and form_vote[m.folded] == "PERSON" and gazetteer.lookup(m.text) is None}
    full_names: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        toks = name_tokens(m.text)
        if m.dateline or len(toks) < 2 or gazetteer.lookup(m.text) is not None:
            continue
        vote = form_vote[m.folded]
        if vote == "PERSON" or ((toks[-1] in titled or toks[-1] in alone)
                                and vote not in ("PLACE", "NORP")):
            full_names[toks].append(m)
    # A one-word name joins the full name it ends (a surname) or starts (a given name, or the
    # family name in names written family name first).
    short_names: dict[str, set] = defaultdict(set)
    for toks in full_names:
        short_names[toks[-1]].add(toks)
        short_names[toks[0]].add(toks)
    return full_names, short_names


def _nearest(m: Mention, cands: set, full_names: dict, index: dict) -> tuple | None:
    """For a surname two people share: the one named last before it in the same paragraph.
    ``index`` caches, per full name, its mentions' starts by paragraph (sorted)."""
    best, best_start = None, -1
    for toks in cands:
        by_para = index.get(toks)
        if by_para is None:
            by_para = index[toks] = defaultdict(list)
            for fm in full_names[toks]:
                by_para[fm.para_id].append(fm.start)
            for starts in by_para.values():
                starts.sort()
        starts = by_para.get(m.para_id, ())
        i = bisect.bisect_left(starts, m.start)
        if i and starts[i - 1] > best_start:
            best, best_start = toks, starts[i - 1]
    return best


def _give_node(m: Mention, votes, full_names, short_names, expansions, index: dict) -> None:
    """Set ``m.node`` (and ``m.short``, ``m.merged_by`` when it joins a fuller name)."""
    toks = name_tokens(m.text)
    acr = None if m.dateline else acronym_of(m.text)
    if m.club:  # a side in a match is the club, not the town it is named after
        m.node = "club:" + m.folded
    elif toks in full_names:
        m.node = "person:" + " ".join(toks)
    elif (len(toks) == 1 and toks[0] in short_names and not m.dateline
          and (m.vote != "PLACE" or gazetteer.lookup(m.text) is None)):
        # a known place the model tagged as one stays a place ("Washington")
        cands = short_names[toks[0]]
        chosen = next(iter(cands)) if len(cands) == 1 else _nearest(m, cands, full_names, index)
        if chosen is not None:
            m.node, m.short = "person:" + " ".join(chosen), True
            m.merged_by = m.merged_by or ("surname" if chosen[-1] == toks[0] else "short name")
        else:
            m.node = "form:" + gazetteer.fold(m.text)
            m.merged_by = AMBIGUOUS
    elif acr and acr in expansions:
        m.node, m.short = _form_key(expansions[acr], expansions), True
        m.merged_by = m.merged_by or "acronym"
    else:
        m.node = _form_key(m.text, expansions)
        folded = m.folded
        if m.node.startswith("form:") and m.node != "form:" + folded:
            m.merged_by = m.merged_by or "acronym"
        if (m.vote == "NORP" and folded.endswith("s") and folded[:-1]
                and (folded[:-1] in votes or gazetteer.demonym_country(folded[:-1]))):
            m.node, m.short = "form:" + folded[:-1], True
            m.merged_by = m.merged_by or "plural"


def _subsequence(short: list, long: list) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _join_short_forms(mentions: list[Mention], uf: Union) -> None:
    """Short forms of longer names: a person's name inside a longer one with the same first
    and last words; an organisation's last words ("Security Council") inside one longer name."""
    nodes: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        nodes[m.node].append(m)
    people = [n for n in nodes if n.startswith("person:")]
    for s in people:
        st = s[7:].split()
        longer = {n for n in people if len(n[7:].split()) > len(st)
                  and _subsequence(st, n[7:].split()) and n[7:].split()[0] == st[0]
                  and n[7:].split()[-1] == st[-1]}
        if len(longer) == 1:
            uf.union(s, longer.pop())
            for m in nodes[s]:
                m.short, m.merged_by = True, m.merged_by or "short form"
    orgs = [n for n in nodes if n.startswith(("form:", "club:"))
            and plurality(Counter(m.vote for m in nodes[n])) not in ("PERSON", "PLACE", "NORP")]
    for s in orgs:  # a clipped name the article links to one longer one ("Juve", "Juventus")
        word = s.split(":", 1)[1]
        if " " in word or len(word) < 4:
            continue
        longer = {uf.find(n) for n in orgs if n != s and n.split(":", 1)[1].split()[0] != word
                  and n.split(":", 1)[1].split()[0].startswith(word)}
        if len(longer) == 1:
            uf.union(s, longer.pop())
            for m in nodes[s]:
                m.short, m.merged_by = True, m.merged_by or "short form"
    for s in orgs:
        sw = s[5:].split()
        if len(sw) < 2:
            continue
        longer = {uf.find(n) for n in orgs if len(n[5:].split()) > len(sw)
                  and n[5:].split()[-len(sw):] == sw}
        if len(longer) == 1:
            uf.union(s, longer.pop())
            for m in nodes[s]:
                m.short, m.merged_by = True, m.merged_by or "short form"


def assign_nodes(mentions: list[Mention]) -> Union:
    """Give each mention a node; nodes that name the same entity are joined in the result."""
    uf = Union()
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.folded][m.vote] += 1
    form_vote = {f: plurality(v) for f, v in votes.items()}
    expansions = _acronym_expansions(mentions)
    full_names, short_names = _people(mentions, form_vote)
    for m in mentions:  # a player's surname that "beat" someone is the player, not a club
        if m.club and len(name_tokens(m.text)) == 1 and name_tokens(m.text)[0] in short_names:
            m.club, m.vote = False, "PERSON"
    clubs = {m.folded for m in mentions if m.club}
    for m in mentions:  # the club's name elsewhere in match copy is the club, not the town
        if m.folded in clubs and not m.titled and (
                (m.vote == "ORG" and not m.placed) or sporting(m)):
            m.club = True
    nearest_index: dict = {}
    for m in mentions:
        _give_node(m, votes, full_names, short_names, expansions, nearest_index)
        uf.find(m.node)
    _join_short_forms(mentions, uf)
    return uf
