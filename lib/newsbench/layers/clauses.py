"""Clauses in the dependency parse, for the time layer: the verb an expression hangs from, the
clause's tense and character span, and a short who-did-what summary of it.
"""

from __future__ import annotations

from ..context import Context

_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "wo"}


class Docs:
    """Find the spaCy tokens under a character span of the article."""

    def __init__(self, ctx: Context):
        self.pieces = [(offset, offset + len(doc.text), doc) for _, doc, offset in ctx.docs()]

    def span(self, start: int, end: int):
        """``(spaCy Span, offset of its doc)`` covering ``start:end``, or ``(None, 0)``."""
        for off, stop, doc in self.pieces:
            if off <= start < stop:
                span = doc.char_span(start - off, min(end, stop) - off, alignment_mode="expand")
                return span, off
        return None, 0

    def text_after(self, end: int, n: int = 12) -> str:
        """The ``n`` characters of the article after ``end`` (within its doc)."""
        for off, stop, doc in self.pieces:
            if off <= end <= stop:
                return doc.text[end - off: end - off + n]
        return ""


def governor(tok):
    """The verb a token hangs from (the token itself when it is one)."""
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 12:
        tok = tok.head
        seen += 1
    while tok.dep_ in ("aux", "auxpass") and tok.head is not tok:
        tok = tok.head
    return tok


def clause_head(verb):
    """The verb heading the clause (up from an ``xcomp``: "expected to vote" -> expected)."""
    while verb.dep_ in ("xcomp",) and verb.head is not verb:
        verb = verb.head
    return verb


def verb_time(verb, headline: bool) -> str:
    """'present', 'past' or 'future' for a verb and its auxiliaries."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    auxes = [c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "'ll", "shall", "wo") for a in auxes) or \
            any(v.lemma_ in ("expect", "plan", "schedule", "due") for v in chain[1:]):
        return "future"
    if any(a in ("has", "have", "'ve") for a in auxes):
        return "present"
    if any(a in ("had", "was", "were", "did") for a in auxes):
        return "past"
    tense = verb.morph.get("Tense")
    if tense == ["Pres"] and verb.morph.get("VerbForm") == ["Fin"] and not headline:
        return "present"
    if any(a in ("is", "are", "am") for a in auxes) and not headline:
        return "present"
    return "past"


def noun_phrase(tok, skip=frozenset(), of=False) -> str:
    """A short noun phrase for a token: its compounds and adjectives, no determiners (with
    ``of``, also a following "of/at/for X": "moment of truth")."""
    if tok.pos_ in ("VERB", "AUX"):  # a clause, or a gerund subject ("shelling resumed")
        return summary_of(tok, skip, short=True) or tok.text
    keep = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nummod", "poss", "nmod", "flat")
            and c.i not in skip and c.pos_ not in ("PRON", "DET", "PUNCT")]
    keep = keep[-3:]
    words = []
    for c in keep:
        sub = [x for x in c.subtree if x.pos_ != "PUNCT" and x.i not in skip and x.dep_ != "case"]
        words.extend(x.text for x in sub[-3:])
    words.append(tok.text)
    if of:
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "on") and c.i not in skip:
                pobj = [x for x in c.children if x.dep_ == "pobj" and x.i not in skip]
                if pobj and not any(x.i in skip for x in pobj[0].subtree):
                    words += [c.text, noun_phrase(pobj[0], skip)]
                break
    return " ".join(words)


def _infinitive(v) -> bool:
    """ "(needed 71 minutes) to beat ...": a subjectless clause whose subject is its head's."""
    return v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _subject(verb, skip):
    chain = [verb]
    while (chain[-1].dep_ == "xcomp" or _infinitive(chain[-1])) and \
            chain[-1].head is not chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)
    for v in chain:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i not in skip:
                if c.lower_ in ("that", "which", "who") and v.dep_ in ("relcl", "acl"):
                    return noun_phrase(v.head, skip)
                return noun_phrase(c, skip)
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return noun_phrase(v.head, skip)
        if v.dep_ == "conj" and v.head is not v:
            return _subject(v.head, skip)
    return ""


def _object(verb, skip, short=False):
    kids = [c for c in verb.children if c.i not in skip]
    for dep in ("dobj", "attr", "acomp", "oprd", "dative"):
        for c in kids:
            if c.dep_ == dep:
                return noun_phrase(c, skip, of=not short)
    for c in kids:
        if c.dep_ in ("ccomp", "xcomp") and not short:
            return summary_of(c, skip, short=True)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ not in ("after", "since", "before", "following", "during"):
            pobj = [x for x in c.children if x.dep_ == "pobj" and x.i not in skip]
            if pobj and not any(x.i in skip for x in pobj[0].subtree):
                return f"{c.text} {noun_phrase(pobj[0], skip)}"
    return ""


_NEGATIONS = {"not", "n't", "never", "no"}


def _verb_words(verb, skip) -> str:
    """The verb group: modal, negation ("never", "not") and passive auxiliary kept, as each
    changes what happened ("will not", "was brought")."""
    chain = [verb]
    while chain[0].dep_ == "xcomp" and chain[0].head is not chain[0]:
        chain.insert(0, chain[0].head)
    outer = chain[0]
    words = [c.text for c in outer.children if c.dep_ == "aux" and c.lower_ in _MODALS]
    for i, v in enumerate(chain):
        negs = [c.text for c in v.children if c.dep_ == "neg" or (
            c.dep_ == "advmod" and c.lower_ in _NEGATIONS)]
        passive = [c.text for c in v.children if c.dep_ == "auxpass"]
        if i:
            words += negs + ["to"]
        else:
            words += (passive[:1] + negs) if passive else negs
        words.append(v.text)
        words += [c.text for c in v.children if c.dep_ == "prt"]
    return " ".join(words)


def _no_repeats(words: list[str]) -> list[str]:
    """A run of words said twice in a row once ("members tried members tried to" -> once)."""
    n = len(words)
    for size in range(min(6, n // 2), 0, -1):
        i = 0
        while i + 2 * size <= len(words):
            if [w.lower() for w in words[i:i + size]] == [w.lower() for w in words[i + size:i + 2 * size]]:
                del words[i + size:i + 2 * size]
            else:
                i += 1
    return words


_BARE = {"that", "this", "it", "which", "what", "there", "these", "those"}


def summary_of(verb, skip=frozenset(), short=False) -> str:
    """Who did what: subject, verb group and object of a clause, at most 12 words (6 when
    ``short``). Empty when the clause has no real subject and verb to tell it by (a heading,
    a fragment such as "137 has" or "That made"): no summary rather than a wrong one."""
    subj = _subject(verb, skip)
    if not subj and not short and verb.dep_ in ("acomp", "oprd", "advcl") and verb.head is not verb:
        return summary_of(verb.head, skip)  # "stayed [shut] on Wednesday": the clause's verb
    obj = _object(verb, skip, short=short)
    if not subj or (subj.lower() in _BARE and not obj) or (subj.isdigit()):
        return ""
    if verb.lemma_ == "be" and obj and subj:
        parts = [subj, _negated(verb), obj]
    else:
        parts = [subj, _verb_words(verb, skip), obj]
    words = _no_repeats(" ".join(p for p in parts if p).split())
    limit = 6 if short else 12
    if len(words) < 2:
        return ""
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")


def _negated(verb) -> str:
    """ "is not" for a negated "be" ("the talks were not a failure")."""
    negs = [c.text for c in verb.children if c.dep_ == "neg" or (
        c.dep_ == "advmod" and c.lower_ in _NEGATIONS)]
    return " ".join([verb.text, *negs]) if negs else ""


def clause_chars(head, offset: int) -> tuple[int, int]:
    """Character span of a clause: the head's subtree without coordinated clauses that have
    their own subject."""
    cut = set()
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
                x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            cut.update(x.i for x in c.subtree)
            cut.update(x.i for x in head.children if x.dep_ == "cc" and x.i < c.i)
    toks = [t for t in head.subtree if t.i not in cut and not t.is_punct]
    if head.dep_ in ("acl", "relcl"):
        toks = list(head.head.subtree)
        toks = [t for t in toks if not t.is_punct]
    if not toks:
        toks = [head]
    first = min(toks, key=lambda t: t.i)
    last = max((t for t in toks if not cut or t.i < min(cut)), key=lambda t: t.i,
               default=max(toks, key=lambda t: t.i))
    return offset + first.idx, offset + last.idx + len(last.text)


def clause_tokens(head):
    """The tokens of a clause, with the noun a participle clause describes."""
    toks = list(head.subtree)
    if head.dep_ in ("acl", "relcl") and head.head is not head:
        toks.append(head.head)        # "the vote, scheduled for Saturday": the vote is dated
    return toks


def lemmas(tokens) -> tuple[set[str], set[str]]:
    """The verb lemmas and the noun lemmas among ``tokens``."""
    verbs = {t.lemma_.lower() for t in tokens if t.pos_ == "VERB"}
    nouns = {t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "PROPN")}
    return verbs, nouns
