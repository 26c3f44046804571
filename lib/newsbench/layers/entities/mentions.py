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
from ...timex.vocab import MONTHS
from ..quote_vocab import SPEECH_VERBS
from ..entity_vocab import (ALONE_NO_NAME, CLUB_NOUNS, LABELS, MATCH_VERBS, MATCH_WORDS, NON_ENTITY_LABELS,
                            NOT_NAMES, PERSON_CUES, PLACE_PREPOSITIONS, PLACE_WORDS, TITLE_LINKS,
                            TITLE_WORDS)

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
    placed: bool = False          # "in X", "near X": the text puts it on the map
    spoke: bool = False           # the subject of "said", "told": someone who speaks
    club: bool = False            # a side in a match: beside a score, or that beat/drew/lost
    sport: bool = False           # the article reads as sports copy (results, match reports)
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
    while j > i and (_is_punct(tokens[j - 1]) or tokens[j - 1].text in POSSESSIVE
                     or _score(tokens[j - 1].text)):  # "Lille 1-0": the score is no name
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
    if all(t.lower_.strip("=()/") in NOT_NAMES or _is_punct(t) for t in tokens[i:j]):
        return None  # GMT, ATTENTION, ADDS, =(PICTURE)=
    return i, j, titled


_SCORE = re.compile(r"^\d{1,2}(?:[-–:]\d{1,2})?$")


def _score(word: str) -> bool:
    return bool(_SCORE.match(word))


def _match_context(toks, i: int, j: int) -> bool:
    """A club or team: beside a score ("Lille 1 Nantes 0", "Lille 1-0"), the subject or
    object of beat/drew/lost, or after "against", "v" or "vs"."""
    after = toks[j] if j < len(toks) else None
    before = toks[i - 1] if i > 0 else None
    if before is not None and before.text in ("(", ","):
        return False  # "(Ramos 71)": a scorer and the minute
    if after is not None and _score(after.text):
        return True
    if before is not None and before.lower_.rstrip(".") in ("against", "v", "vs"):
        return True
    head = toks[j - 1].head
    if toks[j - 1].dep_ == "compound" and head.lemma_.lower() in CLUB_NOUNS:
        return True  # "Lens coach Didier Aubry"
    return head.lemma_.lower() in MATCH_VERBS or head.lower_ in MATCH_VERBS


def model_mentions(ctx: Context) -> list[Mention]:
    """The model's named entities, each trimmed to the name it holds (no numbers or dates)."""
    out = []
    sport = any(_sporting(doc) for _, doc, _ in ctx.docs())
    for pid, doc, offset in ctx.docs():
        toks = list(doc)
        for ent in doc.ents:
            if ent.label_ in NON_ENTITY_LABELS:
                continue
            for seg_start, seg_end in _without_scores(toks, ent.start, ent.end):
                m = _mention(ctx, pid, doc, offset, toks, ent, seg_start, seg_end, sport)
                if m is not None:
                    out.append(m)
    return out


def _without_scores(toks, start: int, end: int) -> list[tuple[int, int]]:
    """A model span cut at the scores inside it ("Lille 1 Nantes" is two clubs)."""
    segs, a = [], start
    for k in range(start, end):
        if _score(toks[k].text):
            if k > a:
                segs.append((a, k))
            a = k + 1
    if a < end:
        segs.append((a, end))
    return segs


def _mention(ctx: Context, pid: int, doc, offset: int, toks, ent, seg_start: int, seg_end: int,
             sport: bool):
    """One cleaned mention of the model span ``ent`` (its tokens ``seg_start:seg_end``)."""
    span = toks[seg_start:seg_end]
    trimmed = _trim(span, ent.label_)
    if trimmed is None:
        return None
    i, j, titled = trimmed
    i, j = i + seg_start - ent.start, j + seg_start - ent.start
    span = toks[ent.start:ent.end]
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
    if _slug(ctx.text, start, end):
        return None  # "SOCCER-French Ligue 1 results", "US STOCKS-Wall St ...": a wire slug
    vote = _vote_label(ent.label_, text)
    a, b = ent.start + i, ent.start + j
    person_name = ent.label_ == "PERSON" and j - i >= 2  # a player who beat another
    if not titled and not person_name and sport and _match_context(toks, a, b):
        vote, club = "ORG", True  # a club named after its town, or glued to its score
    else:
        club = False
    placed = prev is not None and prev.lower_ in PLACE_PREPOSITIONS | {"to"} or (
        b < len(toks) and toks[b].text in ("-based",)) or (
        b + 1 < len(toks) and toks[b].text == "," and toks[b + 1].lower_ in PLACE_PREPOSITIONS)
    head = toks[b - 1]
    spoke = head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in SPEECH_VERBS
    return Mention(
        para_id=pid, start=start, end=end, text=text, model_label=ent.label_,
        model_text=ent.text, vote=vote, tokens=toks, j=ent.start + j, offset=offset,
        titled=titled, placed=placed, spoke=spoke, club=club, sport=sport)


def _slug(text: str, start: int, end: int) -> bool:
    """Inside a wire slug at the head of a line ("SOCCER-", "US STOCKS-"): no entity."""
    from ..structure import slug_end

    line = text.rfind("\n", 0, start) + 1
    cut = slug_end(text[line:line + 60])
    return cut > 0 and end <= line + cut - 1


def sporting(m: Mention) -> bool:
    """The mention's article reads as sports copy."""
    return m.sport


def _sporting(doc) -> bool:
    """The paragraph reads as a match report or a results table."""
    words = {t.lower_ for t in doc}
    scores = sum(1 for t in doc if _score(t.text))
    return bool(words & MATCH_WORDS or words & MATCH_VERBS and scores or scores >= 2)


_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|del|di|la|le|of))*"
_SCORERS = r"(?:[ \t]*\([^()\n]*\))?"
_RESULTS = (  # a results line: "Lille 1 (Ramos 71) Nantes 0"
    re.compile(rf"(?m)(?:^[ \t*•-]*|(?<=: )|(?<=, ))({_NAME}) (\d{{1,2}}){_SCORERS}[ \t]*(?:[-–][ \t]*)?({_NAME}) "
               rf"(\d{{1,2}})(?![\w-]){_SCORERS}"),
    re.compile(rf"(?<![\w-])({_NAME}) (\d{{1,2}}[-–]\d{{1,2}}) ({_NAME})(?![\w-])"),
)
_SCORER = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) \d{1,3}(?:\+\d)?"
                     r"(?:, \d{1,3}(?:\+\d)?)*(?=,|$)")


def _add(ctx: Context, mentions: list[Mention], start: int, end: int, vote: str,
         club: bool = False) -> None:
    """A mention the model missed (or one it mislabelled) at ``start:end``."""
    same = [x for x in mentions if x.start < end and start < x.end]
    if same:
        for x in same:
            if not x.titled:
                x.vote, x.club = vote, club
        return
    pid = next((k for k, sp in enumerate(ctx.spans) if sp.start <= start < sp.end), 0)
    mentions.append(Mention(para_id=pid, start=start, end=end, text=ctx.text[start:end],
                            model_label=None, model_text=None, vote=vote, club=club))


def result_clubs(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """The two sides of a result ("Lille 1 (Ramos 71) Nantes 0", "Lyon 2-2 Rennes"): clubs or
    teams, ORG, and the scorers in brackets, people; found even where the model missed them."""
    for m in (m for pattern in _RESULTS for m in pattern.finditer(ctx.text)):
        sides = [(m.start(g), m.end(g)) for g in (1, 3)]
        if any(ctx.text[a:b].split()[0].lower().rstrip(".") in MONTHS for a, b in sides):
            continue  # "March 9 (Reuters) - Results ...": a date, not a result
        for start, end in sides:
            if ctx.text[start:end].isupper() and end - start > 4:
                continue  # a capitals slug or dateline, not a side
            _add(ctx, mentions, start, end, "ORG", club=True)
        for paren in re.finditer(r"\(([^()\n]*)\)", m.group(0)):
            base = m.start() + paren.start(1)
            for sc in _SCORER.finditer(paren.group(1)):
                _add(ctx, mentions, base + sc.start(1), base + sc.end(1), "PERSON")
    mentions.sort(key=lambda x: x.start)
    return mentions


_AGENCY = re.compile(r"\(([A-Z][\w&.'’]*(?: [A-Z][\w&.'’]*){0,3})\)\s*[-–—]")


def dateline_places(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Wire datelines name places in capitals ("MOSCOW/BEIRUT"): each is a PLACE mention; the
    agency in brackets after the date ("(Reuters) -") is an ORG."""
    for pid, span in enumerate(ctx.spans):
        if span.role != "dateline":
            continue
        agency = _AGENCY.search(ctx.text, span.start, min(span.end + 3, len(ctx.text)))
        if agency is not None:
            _add(ctx, mentions, agency.start(1), agency.end(1), "ORG")
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
