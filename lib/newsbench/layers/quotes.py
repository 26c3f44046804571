"""Layer: quotations, attributed to their speakers.

One row per quotation in the frame ``quotes``:

* **direct**: words in quotation marks (:func:`newsbench.quotemarks.quotations`: double or
  single marks, curly or straight; a quotation running over several paragraphs is one row per
  paragraph piece; an unbalanced mark runs to the end of its paragraph). Short quoted words
  (fewer than :data:`~.quote_vocab.MIN_WORDS_UNCUED`) count only next to a verb of saying or
  naming: scare quotes, titles and nicknames are not quotations.
* **indirect**: reported speech: the clause a verb of saying governs ("X said (that) ...",
  "X told reporters ...", "..., two witnesses said", headlines' "..., mediators say"), and
  "according to X, ...".
* **mixed**: reported speech holding a partial quote (``he said the plan was "dead"``): one
  row for the clause, marks included.

The **speaker** comes from the dependency parse: the subject of the verb of saying next to
the quotation (after it: ``"...," said X`` / ``"...," X said``; before it: ``X said: "..."``;
the paragraph before, when it ends with a colon). A quote split by its attribution, a second
quote after it and a paragraph going on with an open quotation take the same speaker. A
subject naming an entity of the article gives its canonical name and label (``named``); a
pronoun is resolved to the last compatible speaker or entity before it (``pronoun``); any
other subject is kept as the description it is, never guessed ("a ministry spokeswoman",
``description``), a later "the spokeswoman" reading as the same source.

``spoken`` (the day the text gives for the quotation: ``..., he said on Thursday``) is filled
per batch from the time layer's expressions in the attribution sentence.
"""

from __future__ import annotations

import bisect

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..context import Context
from ..intervals import Intervals
from ..quotemarks import Marked, quotations
from ..sentiment import score_rows
from . import quote_vocab as qv
from .clauses import Docs
from .registry import register

_WORD = re.compile(r"\w+")
_DETERMINERS = ("a ", "an ", "the ", "A ", "An ", "The ")


@dataclass
class Speaker:
    name: str | None = None
    start: int | None = None
    end: int | None = None
    label: str | None = None
    source: str = "none"


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    para_id: int
    speaker: Speaker = field(default_factory=Speaker)
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    closed: bool = True
    #: how the speaker is to be resolved, in text order: ("subject", token, offset),
    #: ("phrase", start, end, head token, offset) or ("copy", earlier Quote)
    pending: tuple | None = None
    at: int = 0  # where the attribution's speaker words are (the order of resolution)


class _Article:
    """What the rules read of one article: its text, parses, mentions and marked quotations."""

    def __init__(self, ctx: Context):
        self.ctx, self.text = ctx, ctx.text
        self.docs = Docs(ctx)
        self.mentions = sorted(ctx.frames.get("mentions") or [], key=lambda m: m["start"])
        self.marked = quotations(self.text)
        self.inside = [(q.start, q.end) for q in self.marked]
        self.para_of = {}
        for pid, sp in enumerate(ctx.spans):
            self.para_of[pid] = (sp.start, sp.end)
        self._para_starts = [sp.start for sp in ctx.spans]
        self.gender = _genders(ctx, self)
        self.descriptions: list[tuple[str, str]] = []  # (head noun, description) seen so far
        self.speakers: list[tuple[int, Speaker]] = []   # (offset, speaker) of attributed quotes

    @property
    def inside(self) -> list[tuple[int, int]]:
        """The spans of the marked quotations (``inside_index`` answers "which hold X?")."""
        return self._inside

    @inside.setter
    def inside(self, spans: list[tuple[int, int]]) -> None:
        self._inside = spans
        self.inside_index = Intervals(spans)

    def para_at(self, char: int) -> int:
        """The paragraph holding ``char`` (or ending right at it), else -1."""
        i = bisect.bisect_right(self._para_starts, char) - 1
        for pid in (i, i - 1):          # a paragraph that ends where the next starts
            if pid >= 0:
                s, e = self.para_of[pid]
                if s <= char < e or (char == e and s < e):
                    return pid
        return -1

    def in_quote(self, char: int) -> bool:
        return bool(self.inside_index.covering(char))

    def tokens(self, start: int, end: int):
        """The spaCy tokens (with their doc offset) whose characters lie in ``start:end``."""
        span, off = self.docs.span(start, end)
        return ([], 0) if span is None else (list(span), off)


# --------------------------------------------------------------------------- speakers

_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:(Mr|Sir|Lord)|(Mrs|Ms|Miss|Dame|Lady))\.?\s+$")


def _genders(ctx: Context, art) -> dict[str, str]:
    """What "he" or "she" may stand for: each person's pronoun as the text uses it (a title
    before the name; the pronouns of sentences that name that person alone, and of the sentence
    after), ``m`` or ``f``, where one clearly wins."""
    votes: dict[str, list[int]] = {}
    sents = ctx.frames.get("sentences") or []
    people = [m for m in art.mentions if m["label"] == "PERSON"]
    at = Intervals([(m["start"], m["start"] + 1) for m in people], people)
    for m in people:
        title = _TITLE.search(art.text[max(0, m["start"] - 6): m["start"]])
        if title:
            votes.setdefault(m["entity"], [0, 0])[0 if title.group(1) else 1] += 3
    for k, sent in enumerate(sents):
        named = {m["entity"] for m in at.overlapping(sent["start"], sent["end"])}
        if len(named) != 1:
            continue
        who = named.pop()
        texts = [_outside_quotes(art, sent)]
        if k + 1 < len(sents) and not at.overlapping(sents[k + 1]["start"], sents[k + 1]["end"]):
            texts.append(_outside_quotes(art, sents[k + 1]))
        v = votes.setdefault(who, [0, 0])
        for t in texts:
            v[0] += len(_HE.findall(t))
            v[1] += len(_SHE.findall(t))
    return {who: ("m" if he > she else "f") for who, (he, she) in votes.items()
            if he != she and max(he, she) >= 1 and min(he, she) * 3 <= max(he, she)}


def _outside_quotes(art, sent) -> str:
    chars = list(art.text[sent["start"]:sent["end"]])
    for s, e in art.inside_index.overlapping(sent["start"], sent["end"]):
        for i in range(max(s, sent["start"]), min(e, sent["end"])):
            chars[i - sent["start"]] = " "
    return "".join(chars)



_PREPOSITION = re.compile(r"\b(?:of|from|for|in|at|with|by|on|near|to|about|who|which|that)\b",
                          re.IGNORECASE)


def _mention_in(art: _Article, start: int, end: int, head: int):
    """The entity mention the phrase names its speaker by: the one holding its head word
    ("Foreign Minister [Maria Okonjo]"), or a person's or organisation's name set beside the
    head ("the aid group [Relief Without Borders]", "the chief executive, [Fiona Reid]"); not
    a name behind a preposition ("a walker from Leeds" is a description)."""
    inside = art.ctx.rows_within("mentions", start, end)
    for m in inside:
        if m["start"] <= head < m["end"]:
            return m
    for m in inside:
        if m["label"] in ("PERSON", "ORG") and not _PREPOSITION.search(art.text[start:m["start"]]):
            return m
    return None


def _last_before(art: _Article, char: int, labels: tuple[str, ...],
                 gender: str | None = None) -> Speaker | None:
    """The last speaker or entity mention of these labels before ``char`` (outside quotes),
    of the pronoun's gender where the text tells a person's."""
    best, best_at = None, -1
    for m in art.mentions:
        if m["start"] >= char:
            break
        if m["label"] in labels and not art.in_quote(m["start"]) and (
                gender is None or art.gender.get(m["entity"], gender) == gender):
            best, best_at = Speaker(m["entity"], None, None, m["label"], "named"), m["start"]
    for at, sp in art.speakers:
        if best_at < at < char and sp.name and (sp.label in labels or (
                sp.label is None and "PERSON" in labels)) and (
                gender is None or art.gender.get(sp.name, gender) == gender):
            best, best_at = sp, at
    return best


def _resolve(art: _Article, start: int, end: int, head, off: int) -> Speaker:
    """The speaker the words ``start:end`` (the phrase of ``head``) name."""
    word = head.lower_
    if word in qv.PERSON_PRONOUNS | qv.THING_PRONOUNS | qv.PLURAL_PRONOUNS | qv.FIRST_PERSON:
        labels = (("PERSON",) if word in qv.PERSON_PRONOUNS else ("ORG",) if word in
                  qv.THING_PRONOUNS else ("ORG", "PERSON"))
        gender = "m" if word in ("he", "him") else "f" if word in ("she", "her") else None
        ref = _last_before(art, start, labels, gender)
        s, e = off + head.idx, off + head.idx + len(head.text)
        if ref is None:
            return Speaker(None, s, e, None, "pronoun")
        return Speaker(ref.name, s, e, ref.label, "pronoun")
    m = _mention_in(art, start, end, off + head.idx)
    if m is not None:
        return Speaker(m["entity"], m["start"], m["end"], m["label"], "named")
    return _description(art, art.text[start:end], start, head)


def _subject_phrase(subj, off: int) -> tuple[int, int]:
    left, right = subj.left_edge, subj.right_edge
    return off + left.idx, off + right.idx + len(right.text)


def _description(art: _Article, phrase: str, start: int, head) -> Speaker:
    """An unnamed source as written; "the official" after "a senior official ..." is it."""
    if re.search(r"[“”\"‘’]", phrase):  # "a sergeant who uses the call sign “Bear”"
        phrase = re.split(r"\s(?:who|which|that)\s", phrase)[0]
    phrase = re.split(r",|[“”\"‘’]|\s[-–—]\s", phrase)[0].strip(" ,;:")
    end = start + len(phrase)
    noun = head.lemma_.lower()
    if phrase.lower().startswith("the ") and len(phrase.split()) <= 3:
        for seen_noun, desc in reversed(art.descriptions):
            if seen_noun == noun:
                return Speaker(desc, start, end, None, "description")
    name = phrase[0].lower() + phrase[1:] if phrase.startswith(_DETERMINERS) else phrase
    art.descriptions.append((noun, name))
    return Speaker(name, start, end, None, "description")


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _cue(verb, off: int) -> tuple[str, int, int]:
    return verb.text, off + verb.idx, off + verb.idx + len(verb.text)


def _speech_verb(tok) -> bool:
    """A verb of saying ("said", "told"; "went on" before a quotation)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in qv.SPEECH_VERBS or (lemma == "go" and any(
        c.dep_ == "prt" and c.lower_ == "on" for c in tok.children))


# --------------------------------------------------------------------------- direct quotes


def _attribute_near(art: _Article, q: Marked, before_from: int) -> tuple | None:
    """``(pending speaker, cue)`` of a verb of saying in the sentence around the quotation:
    after it first (``"...," X said`` / ``"...," said X``), then before it (``X said: "..."``)."""
    text = art.text
    pstart, pend = art.para_of.get(art.para_at(q.start), (0, len(text)))
    after_start = min(q.end + 1, pend)
    nxt = [st for st, _ in art.inside_index.overlapping(q.end + 1, pend) if q.end < st < pend]
    after_end = min(nxt[0] - 1 if nxt else pend, _sentence_end(text, after_start, pend))
    toks, off = art.tokens(after_start, max(after_start + 1, after_end))
    toks = [t for t in toks if after_start <= off + t.idx < after_end]
    for k, tok in enumerate(toks):
        if _speech_verb(tok):
            words = [t for t in toks[:k] if not t.is_punct]
            if words:  # "...," Rudd said / "...," the official said
                return _phrase(words, off), _cue(tok, off)
            rest = _until_clause(toks[k + 1:])
            if rest:  # "...," said a baker who lives two streets from the depot
                return _phrase(rest, off), _cue(tok, off)
    start = max(before_from, _sentence_start(text, q.start - 1, pstart))
    toks, off = art.tokens(start, max(start + 1, q.start - 1))
    for tok in reversed(toks):
        if off + tok.idx < start or off + tok.idx >= q.start or art.in_quote(off + tok.idx):
            continue
        if _speech_verb(tok) or tok.lemma_.lower() in qv.NAMING_VERBS:
            subj = _subject(tok)
            if subj is not None and not art.in_quote(off + subj.idx):
                return ("subject", subj, off), _cue(tok, off)
    return None


def _until_clause(toks: list) -> list:
    """The words naming a speaker after its verb, up to a comma (an apposition follows:
    "said Sunil Kapoor, a strategist in Singapore") or the end of the clause."""
    out = []
    for t in toks:
        if t.text in ".;:!?," or t.text in "“”\"‘’":
            break
        out.append(t)
    return out


def _phrase(words: list, off: int) -> tuple:
    """A pending speaker from the words naming it: the head is the last name or noun before any
    relative clause ("a senior official who declined to be named" -> "official")."""
    head = None
    for t in words:
        if t.tag_ in ("WP", "WDT") or t.lower_ in ("who", "which", "that"):
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON", "NUM"):
            head = t
    head = head or words[-1]
    start, last = off + words[0].idx, words[-1]
    return ("phrase", start, off + last.idx + len(last.text), head, off)


def _sentence_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)").search(text, start, limit)
    return m.end() if m else limit


def _sentence_start(text: str, pos: int, limit: int) -> int:
    for i in range(pos, limit - 1, -1):
        if text[i] in ".!?" and i + 1 < len(text) and text[i + 1].isspace() and i < pos:
            return i + 1
    return limit


def _colon_before(art: _Article, q: Marked) -> tuple | None:
    """A quotation opening its paragraph after a paragraph that ends with a colon
    (``Faran told state television:``): that paragraph's verb of saying."""
    para = art.para_at(q.start)
    if para <= 0 or q.start - art.para_of[para][0] > 2:
        return None
    ps, pe = art.para_of[para - 1]
    if not art.text[ps:pe].rstrip().endswith(":"):
        return None
    toks, off = art.tokens(ps, pe)
    for tok in reversed(toks):
        if _speech_verb(tok):
            subj = _subject(tok)
            if subj is not None:
                return ("subject", subj, off), _cue(tok, off)
    return None


def _neighbour(art: _Article, q: Marked) -> tuple | None:
    """No attribution: the person (or organisation) the sentence before the quotation is about
    ("Asked what has changed, Ortmann takes a long time to answer." then the quote), with no
    cue."""
    lead = art.text[max(0, q.start - 4): q.start - 1].rstrip()
    if lead.endswith(":"):  # "Greens' Mara Lindholm: 'We are ready to govern'"
        colon = art.text.rfind(":", 0, q.start)
        named = [m for m in art.mentions if colon - 3 <= m["end"] <= colon
                 and m["label"] in ("PERSON", "ORG")]
        if named:
            m = named[-1]
            return (("named", m), (":", colon, colon + 1))
    before = art.text.rfind(".", 0, max(q.start - 2, 0))
    toks, off = art.tokens(max(before, 0), max(q.start - 1, 1))
    toks = [t for t in toks if off + t.idx < q.start and not art.in_quote(off + t.idx)]
    for tok in reversed(toks):
        if tok.dep_ == "ROOT":
            subj = _subject(tok)
            if subj is None:
                return None
            start, end = _subject_phrase(subj, off)
            if subj.lower_ in qv.PERSON_PRONOUNS or _mention_in(art, start, end, off + subj.idx):
                return ("subject", subj, off), (None, None, None)
            return None
    return None


def _is_quote(art: _Article, q: Marked) -> bool:
    """Enough words to be speech, or a verb of saying or naming right before or after."""
    words = _WORD.findall(art.text[q.start:q.end])
    if not words:
        return False
    if len(words) >= qv.MIN_WORDS_UNCUED:
        return True
    toks, off = art.tokens(max(0, q.start - 40), max(q.start - 1, 1))
    near = [t for t in toks if off + t.idx + len(t.text) <= q.start][-6:]
    if any(_speech_verb(t) or t.lemma_.lower() in qv.NAMING_VERBS for t in near):
        return True
    after = art.text[q.end: q.end + 40]
    return bool(re.match(r"^\W{0,3}\s*(?:\w+\s+){0,4}?(?:said|says|told|added|asked)\b", after))


_OWN_ATTRIBUTION = re.compile(r",\s+(?:[A-Z]\w+(?:\s+[A-Z]\w+){0,2}|he|she|they|it|we)\s+"
                              r"(?:said|says|added|told|asked|replied)\b[^“”\"]*$")


def _unclosed(art: _Article, q: Marked) -> Marked:
    """A quotation never closed whose paragraph ends with its own attribution ("... until
    they give up, she said."): it ends before the attribution."""
    if q.closed:
        return q
    m = _OWN_ATTRIBUTION.search(art.text, q.start, q.end)
    if m is None:
        return q
    return Marked(q.start, m.start() + 1, False, q.single)


def _direct(art: _Article) -> list[Quote]:
    out: list[Quote] = []
    prev: Quote | None = None
    art.marked = [_unclosed(art, q) for q in art.marked]
    art.inside = [(q.start, q.end) for q in art.marked]
    for q in art.marked:
        if not _is_quote(art, q):
            continue
        para = art.para_at(q.start)
        pstart = art.para_of.get(para, (0, 0))[0]
        opens_para = q.start - pstart <= 2
        before_from = prev.end + 1 if prev is not None and prev.para_id == para else pstart
        found = _attribute_near(art, q, before_from) or _colon_before(art, q)
        if found is None and not (prev is not None and (prev.para_id == para or (
                opens_para and (not prev.closed or prev.para_id == para - 1)))):
            found = _neighbour(art, q)
        quote = Quote(q.start, q.end, "direct", para, closed=q.closed, at=q.start)
        if found is not None:
            quote.pending, (quote.cue, quote.cue_start, quote.cue_end) = found
        elif prev is not None and (prev.para_id == para or (opens_para and (
                not prev.closed or prev.para_id == para - 1))):
            # the rest of a split quotation, or a paragraph going on with it
            quote.pending = ("copy", prev)
            quote.cue, quote.cue_start, quote.cue_end = prev.cue, prev.cue_start, prev.cue_end
        out.append(quote)
        prev = quote
    return out


def _settle(art: _Article, quotes: list[Quote]) -> None:
    """Resolve every pending speaker in text order, so that a pronoun or "the official" reads
    against the speakers before it."""
    for q in sorted(quotes, key=lambda q: (_pending_at(q), q.start)):
        kind = q.pending[0] if q.pending else None
        if kind == "subject":
            _, subj, off = q.pending
            start, end = _subject_phrase(subj, off)
            q.speaker = _resolve(art, start, end, subj, off)
        elif kind == "phrase":
            _, start, end, head, off = q.pending
            q.speaker = _resolve(art, start, end, head, off)
        elif kind == "named":
            m = q.pending[1]
            q.speaker = Speaker(m["entity"], m["start"], m["end"], m["label"], "named")
        elif kind == "copy":
            src = q.pending[1].speaker
            q.speaker = Speaker(src.name, None, None, src.label, src.source)
        if q.speaker.name and kind != "copy":
            art.speakers.append((q.speaker.start if q.speaker.start is not None else q.start,
                                 q.speaker))


def _pending_at(q: Quote) -> int:
    if q.pending and q.pending[0] == "subject":
        return q.pending[2] + q.pending[1].idx
    if q.pending and q.pending[0] == "phrase":
        return q.pending[1]
    if q.pending and q.pending[0] == "copy":
        return max(q.start, _pending_at(q.pending[1]) + 1)
    if q.pending and q.pending[0] == "named":
        return q.pending[1]["start"]
    return q.start


# --------------------------------------------------------------------------- reported speech


def _clause_span(art: _Article, clause, off: int) -> tuple[int, int]:
    """Character span of a reported clause: its subtree, without a leading "that" and the
    punctuation at its ends."""
    toks = list(clause.subtree)
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if")
                    or toks[0].is_punct and toks[0].text not in "“\"‘'"):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"’'":
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return off + toks[0].idx, off + toks[-1].idx + len(toks[-1].text)


def _indirect(art: _Article, direct: list[Quote]) -> list[Quote]:
    out = []
    for pid, doc, off in art.ctx.docs():
        for sent in doc.sents:
            for tok in sent:
                if art.in_quote(off + tok.idx):
                    continue
                if _speech_verb(tok) and tok.lemma_.lower() != "ask":
                    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                    if clause is None or any(c.dep_ == "mark" and c.lower_ in ("whether", "if")
                                             for c in clause.children):
                        continue
                    start, end = _clause_span(art, clause, off)
                    subj = _subject(tok)
                elif _according_to(tok):
                    start, end, subj = _according(art, sent, tok, off)
                    if subj is None:
                        continue
                else:
                    continue
                if len(_WORD.findall(art.text[start:end])) < 3 or art.in_quote(start):
                    continue
                q = Quote(start, end, "indirect", pid)
                if subj is not None and not (start <= off + subj.idx < end):
                    q.pending = ("subject", subj, off)
                if tok.lower_ == "according":
                    cs, ce = off + tok.idx, off + tok.nbor(1).idx + 2
                    q.cue, q.cue_start, q.cue_end = art.text[cs:ce], cs, ce
                else:
                    q.cue, q.cue_start, q.cue_end = _cue(tok, off)
                out.append(q)
    # reported speech inside reported speech ("X said polls suggested ...") is the outer's
    spans = Intervals([(o.start, o.end) for o in out], out)
    return [q for q in out if not any(o is not q for o in spans.covering(q.cue_start))]


def _according_to(tok) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"


def _according(art: _Article, sent, tok, off: int):
    """``according to X, CLAUSE`` (or ``CLAUSE, according to X``): the clause and X."""
    to = tok.nbor(1)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return 0, 0, None
    phrase_start, phrase_end = tok.i, obj.right_edge.i
    toks = [t for t in sent if not (phrase_start <= t.i <= phrase_end)]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return 0, 0, None
    return off + toks[0].idx, off + toks[-1].idx + len(toks[-1].text), obj


# --------------------------------------------------------------------------- the layer


def _merge(art: _Article, direct: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """Reported speech and quotation marks together: a reported clause holding a whole direct
    quotation (and more) is mixed and stands for it, its span keeping the marks; a clause that
    is only the quotation itself, or cuts through one, is not reported speech."""
    keep_ind, used = [], set()
    for i in indirect:
        # the clause goes on in quotation marks: 'had hoped talks ..., "would help to ..."'
        tail = [d for d in direct if d.cue_start is not None and d.cue_start == i.cue_start
                and 0 <= d.start - i.end <= 4]
        if tail:
            i.end = min(tail[0].end + 1, len(art.text))
        inner = [d for d in direct if i.start <= d.end and d.start <= i.end]
        if not inner:
            # a scare-quoted phrase inside reported speech makes it mixed too
            if any(i.start < m.start - 1 and m.end < i.end for m in art.marked):
                i.kind = "mixed"
            keep_ind.append(i)
            continue
        if all(i.start < d.start - 1 and d.end <= i.end + 1 for d in inner):
            i.kind = "mixed"
            i.end = min(max(i.end, max(d.end + 1 for d in inner)), len(art.text))
            used.update(id(d) for d in inner)
            keep_ind.append(i)
    keep = [d for d in direct if id(d) not in used]
    return sorted(keep + keep_ind, key=lambda q: (q.start, q.end))


def _finish(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """``spoken`` over the batch, from the time layer's expressions."""
    quotes = frames["quotes"]
    if quotes.empty or "timexes" not in frames:
        return {"quotes": quotes}
    return {"quotes": quotes.assign(spoken=spoken_dates(quotes, frames["timexes"],
                                                        frames["sentences"]))}


@register("quotes", requires=("sentences", "mentions"), assigns=("quotes",), finish=_finish)
def build(ctx: Context) -> dict[str, list[dict]]:
    """Rows of the frame ``quotes`` of one article (see the module docstring)."""
    art = _Article(ctx)
    direct = _direct(art)
    indirect = _indirect(art, direct)
    _settle(art, direct + indirect)
    quotes = _merge(art, direct, indirect)
    texts = [ctx.text[q.start:q.end] for q in quotes]
    scores = score_rows(texts, method=ctx.options.get("method", "news")) if texts else []
    rows = []
    for i, (q, text) in enumerate(zip(quotes, texts)):
        sp = q.speaker
        rows.append({
            "article_id": ctx.article_id, "start": q.start, "end": q.end, "quote_id": i,
            "sent_id": ctx.sent_id_at(q.start), "para_id": q.para_id, "quote": text,
            "kind": q.kind, "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end,
            "speaker": sp.name, "speaker_start": sp.start, "speaker_end": sp.end,
            "speaker_label": sp.label, "speaker_source": sp.source if sp.name else (
                "none" if sp.source != "pronoun" else "pronoun"),
            "speaker_id": _speaker_id(ctx, sp), "sentiment": scores[i][0] if scores else None,
            "spoken": None,
        })
    return {"quotes": rows}


def _speaker_id(ctx: Context, sp: Speaker) -> str | None:
    if not sp.name or sp.label is None:
        return None
    ids = ctx._within.get("entity_id_of")
    if ids is None:                  # the first mention of each entity: its id (indexed once)
        ids = ctx._within["entity_id_of"] = {}
        for m in ctx.frames.get("mentions") or []:
            ids.setdefault(m["entity"], m.get("entity_id"))
    return ids.get(sp.name)


def spoken_dates(quotes: pd.DataFrame, timexes: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """The day each quotation was spoken, as the text gives it: a one-day date in the sentence of
    its cue, outside quotation marks (NaT when none)."""
    out = pd.Series(pd.NaT, index=quotes.index, dtype="datetime64[s]")
    if quotes.empty or timexes.empty:
        return out
    days = timexes[(timexes["date_start"].notna()) & (timexes["date_start"] == timexes["date_end"])
                   & timexes["type"].isin(["DATE", "TIME"])]
    if days.empty:
        return out
    for aid, group in quotes.groupby("article_id", sort=False):
        mine = days[days["article_id"] == aid].sort_values("start", kind="stable")
        if mine.empty:
            continue
        sents = sentences[sentences["article_id"] == aid].sort_values("start")
        s_start, s_end = sents["start"].to_numpy(), sents["end"].to_numpy()
        d_start, d_end = mine["start"].to_numpy(), mine["end"].to_numpy()
        d_day = mine["date_start"].to_numpy()
        quoted = Intervals(zip(group["start"], group["end"]))
        for idx, at in zip(group.index, group["cue_start"]):
            if pd.isna(at) or not len(s_start):
                continue
            k = int(np.searchsorted(s_start, at, side="right")) - 1   # the cue's sentence
            if k < 0:
                continue
            s, e = s_start[k], s_end[k]
            for j in range(int(np.searchsorted(d_start, s, side="left")), len(d_start)):
                if d_start[j] > e:
                    break
                if d_end[j] <= e and not quoted.covering(int(d_start[j])):
                    out.at[idx] = d_day[j]
                    break
    return out
