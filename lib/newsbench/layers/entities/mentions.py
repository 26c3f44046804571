"""Step 1 of the entity layer: the model's mentions, cleaned (offsets stay exact).

A leading "the" and a trailing possessive "'s" are cut; a person's title is no part of the
name; a nationality glued to a noun keeps only the nationality; a title word alone is dropped;
a mention one to three words short of a name the article uses elsewhere is completed; the
all-capitals places of a wire dateline are places, found even where the model missed them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ... import gazetteer
from ...context import Context
from ..entity_vocab import (ALONE_NO_NAME, LABELS, NON_ENTITY_LABELS, PERSON_CUES, PLACE_WORDS,
                            TITLE_LINKS, TITLE_WORDS)

POSSESSIVE = ("'s", "’s", "'", "’")
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*)*")
_DATELINE_HEAD = re.compile(r"[^,(\d]*")


@dataclass
class Mention:
    """One mention on its way through the layer (cleaned, then given a node, then merged)."""

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


def plurality(votes: Counter) -> str | None:
    """The label with most votes; a tie goes to the first in :data:`LABELS`."""
    if not votes:
        return None
    top = max(votes.values())
    for label in LABELS:
        if votes.get(label) == top:
            return label
    return sorted(k for k, v in votes.items() if v == top and k)[0]


def _vote_label(model_label: str, text: str) -> str:
    if model_label in ("GPE", "LOC"):
        return "PLACE"
    if model_label == "FAC":
        words = gazetteer.fold(text).split()
        if gazetteer.lookup(text) or (words and words[-1] in PLACE_WORDS):
            return "PLACE"
    return model_label


def _is_punct(tok) -> bool:
    return tok.is_punct or tok.is_space or tok.text in ("-", "–", "—")


def _cut_title(tokens, i: int, j: int) -> tuple[int, bool]:
    """"Syrian President", "Secretary of State", "Mr": the title is no part of the name.

    Returns the new start and whether a title was cut."""
    last_title = -1
    k = i
    while k < j - 1:
        low = tokens[k].lower_.rstrip(".")
        if low in TITLE_WORDS:
            last_title = k
        elif not (low in TITLE_LINKS or gazetteer.demonym_country(low)
                  or low.upper() in gazetteer.acronyms()):
            break
        k += 1
    if last_title >= 0:
        return last_title + 1, True
    return i, False


def _trim(tokens, label: str):
    """Token range ``(i, j, titled)`` of the name inside a model span, or None to drop it."""
    i, j = 0, len(tokens)
    while i < j and (_is_punct(tokens[i]) or tokens[i].lower_ == "the"):
        i += 1
    while j > i and (_is_punct(tokens[j - 1]) or tokens[j - 1].text in POSSESSIVE):
        j -= 1
    titled = False
    if label == "PERSON":
        i, titled = _cut_title(tokens, i, j)
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
    if j - i == 1 and tokens[i].lower_.rstrip(".") in ALONE_NO_NAME:
        return None
    return i, j, titled


def model_mentions(ctx: Context) -> list[Mention]:
    """The model's named entities, each trimmed to the name it holds (no numbers or dates)."""
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
            if prev is not None and prev.lower_.rstrip(".") in PERSON_CUES:
                titled = True  # "Mr <name>" is a person whatever the model says
            titled = titled and ent.label_ not in ("GPE", "LOC", "FAC")
            text = ctx.text[start:end]
            out.append(Mention(
                para_id=pid, start=start, end=end, text=text, model_label=ent.label_,
                model_text=ent.text, vote=_vote_label(ent.label_, text), tokens=toks,
                j=ent.start + j, offset=offset, titled=titled))
    return out


def dateline_places(ctx: Context, mentions: list[Mention]) -> list[Mention]:
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
            mentions.append(Mention(
                para_id=pid, start=start, end=end, text=ctx.text[start:end],
                model_label=model.model_label if model else None,
                model_text=model.model_text if model else None, vote="PLACE", dateline=True))
    mentions.sort(key=lambda x: x.start)
    return mentions


def complete(mentions: list[Mention], text: str) -> None:
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
                m.vote = plurality(forms[longer])
                m.merged_by = "completed"
                break
