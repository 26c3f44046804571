"""The ``events`` frame of the time layer: clauses placed on the calendar.

Built in two passes over one article:

1. each clause dated by its own expression ("Russia said on Friday ..."), and each duration
   the text places (:func:`newsbench.layers.time._place_duration`), is an event;
2. each clause anchored to another happening ("a day after X", "since the ceasefire
   collapsed") takes X's date when X is an event of pass 1, and is listed undated (NaT)
   otherwise.
"""

from __future__ import annotations

import heapq
import re

import pandas as pd

from .. import timex as tx
from ..context import Context
from .clauses import (Docs, clause_chars, clause_head, clause_tokens, governor, lemmas,
                      noun_phrase, summary_of)
from .entity_vocab import NON_ENTITY_LABELS
from .time_values import day, period_offset

_RELATIONS = {"after", "since", "before", "following"}

#: Running time ("ten minutes later", "an hour earlier", "into stoppage time"): a match or a
#: scene's clock, not a day of its own; such clauses are not put on the calendar.
RUNNING_TIME = re.compile(r"\b(?:seconds?|minutes?|hours?)\s+(?:later|earlier|after|before|"
                          r"into|in)\b|\b(?:stoppage|injury|extra|added)\s+time\b", re.I)

#: The summary of a clause with no real subject and verb to tell it by: said, not a fragment.
NO_SUMMARY = "(no summary: no subject and verb)"


def _entities(ctx: Context, start: int, end: int, doc, offset: int) -> list[str]:
    """The entities named in ``start:end``, in text order: from the entity layer's mentions,
    or, without any, the model's own entities (numbers and dates left out)."""
    mentions = ctx.frames.get("mentions")
    names: list[str] = []
    if mentions:
        for m in ctx.rows_within("mentions", start, end):
            name = m["entity"] if isinstance(m["entity"], str) else m["text"]
            if name not in names:
                names.append(name)
        return names
    for ent in ctx.ents_within(doc, offset, start, end):
        if ent.label_ in NON_ENTITY_LABELS:
            continue
        name = re.sub(r"^(?:the|The)\s+", "", ent.text)
        name = re.sub(r"['’]s$", "", name).strip()
        if name and name not in names:
            names.append(name)
    return names


class _Events:
    """The rows of the events frame as they are found, and what pass 2 needs from pass 1
    (indexed once, when pass 2 first asks: pass 2 adds no dated rows)."""

    def dated_spans(self) -> set[tuple[int, int]]:
        """``(start, end)`` of the dated clauses of pass 1."""
        if self._dated_spans is None:
            self._dated_spans = {(r["start"], r["end"]) for r in self.rows if r["kind"] == "dated"}
        return self._dated_spans

    def __init__(self, ctx: Context, found: list[tx.Timex], docs: Docs):
        self.ctx, self.found = ctx, found
        self.pub = tx.parse_anchor(ctx.published)
        self.rows: list[dict] = []
        self.clause_keys: list[tuple] = []     # (row index, verbs, nouns, head token)
        self.timex_tokens, self.dated_tokens = set(), set()
        self.token_of = {}
        self._key_index = self._duration_ends = self._dated_spans = None
        for i, t in enumerate(found):
            span, off = docs.span(t.start, t.end)
            if span is not None:
                for tok in span:
                    self.timex_tokens.add((id(tok.doc), tok.i))
                    if t.type in ("DATE", "TIME"):
                        self.dated_tokens.add((id(tok.doc), tok.i))
                self.token_of[i] = (span, off)

    def person_before(self, pos: int) -> str | None:
        """The person named last before ``pos`` (what "he" or "she" there stands for when the
        article makes it clear: a person named in the same or the previous sentence)."""
        mentions = self.ctx.frames.get("mentions") or []
        sents = self.ctx.frames.get("sentences") or []
        sid = self.ctx.sent_id_at(pos)
        first = next((r["start"] for r in sents if r["sent_id"] == sid - 1), 0)
        people = [m for m in mentions if m["label"] == "PERSON" and first <= m["start"] < pos]
        return people[-1]["entity"] if people else None

    def add(self, kind, start, end, summary, entities, t_index=None, date_start=None,
            date_end=None, value=None, relation=None, anchor=None) -> None:
        t = self.found[t_index] if t_index is not None else None
        head = (summary or "").split(" ", 1)
        if head[0].lower() in ("he", "she") and len(head) == 2:
            who = self.person_before(start)
            if who:  # "he retired" -> "Marcel Roubaix retired"
                summary = f"{who} {head[1]}"
        self.rows.append({
            "article_id": self.ctx.article_id, "start": start, "end": end, "event_id": 0,
            "sent_id": self.ctx.sent_id_at(start), "date_start": day(date_start),
            "date_end": day(date_end), "summary": summary or NO_SUMMARY, "entities": entities,
            "timex_id": t_index if t is not None else pd.NA,
            "timex": t.text if t is not None else None,
            "value": value if value is not None else (t.value if t is not None else None),
            "kind": kind, "relation": relation or "",
            "anchor": anchor or (t.anchor if t is not None else "none"),
        })

    def frame(self) -> list[dict]:
        """The rows in text order (a row without a date after the dated ones at one start),
        numbered."""
        rows = sorted(self.rows, key=lambda r: (r["start"], pd.isna(r["date_start"]),
                                                r["date_start"] if pd.notna(r["date_start"]) else 0))
        for i, row in enumerate(rows):
            row["event_id"] = i
        return rows


def event_frame(ctx: Context, found: list[tx.Timex], timexes: list[dict],
                docs: Docs) -> list[dict]:
    """The ``events`` frame of one article (see the module docstring)."""
    ev = _Events(ctx, found, docs)
    _dated_clauses(ev, timexes)
    for _, doc, off in ctx.docs():
        for tok in doc:
            if tok.lower_ in _RELATIONS and tok.dep_ in ("mark", "prep"):
                _relative_clause(ev, tok, doc, off)
    return ev.frame()


# --------------------------------------------------------------------------- pass 1


def _dated_clauses(ev: _Events, timexes: list[dict]) -> None:
    """Clauses dated by their own expression, and placed durations."""
    seen = set()
    for i, t in enumerate(ev.found):
        if i not in ev.token_of:
            continue
        span, off = ev.token_of[i]
        if len(span) == 0:
            continue
        skip = {tok.i for tok in span}
        verb = governor(span.root)
        head = clause_head(verb)
        if t.type in ("DATE", "TIME"):
            if t.value.endswith("_REF"):
                continue
            if head.i in skip:            # a verbless fragment: the sentence is the clause
                sent = span.sent
                s, e = off + sent.start_char, off + sent.end_char
                summary = NO_SUMMARY
            else:
                s, e = clause_chars(head, off)
                attached = [x.i for x in head.subtree if (id(x.doc), x.i) in ev.timex_tokens]
                summary = summary_of(verb, skip | set(attached))
            key = (s, e, t.date_start, t.date_end) if t.date_start else (s, e, t.value)
            if key in seen:
                continue
            seen.add(key)
            if RUNNING_TIME.search(t.text):  # a match's clock is no date
                ev.add("undated", s, e, summary, _entities(ev.ctx, s, e, span.doc, off), i,
                       relation=t.text, anchor="none")
                continue
            if t.span_start is not None:     # "since 2004": a period up to the anchor day
                ev.add("span", s, e, summary, _entities(ev.ctx, s, e, span.doc, off), i,
                       t.span_start, t.span_end)
                continue
            dated = t.date_start is not None
            ev.add("dated" if dated else "undated", s, e, summary,
                   _entities(ev.ctx, s, e, span.doc, off), i, t.date_start, t.date_end)
            ev.clause_keys.append((len(ev.rows) - 1, *lemmas(clause_tokens(head)), head))
        elif t.type == "DURATION":
            r = timexes[i]
            if pd.isna(r["span_start"]):
                continue
            s, e = (clause_chars(head, off) if head.i not in skip else (t.start, t.end))
            summary = _duration_summary(t, span, skip)
            ev.add("span", s, e, summary, _entities(ev.ctx, s, e, span.doc, off), i,
                   r["span_start"], r["span_end"])


def _duration_summary(t: tx.Timex, span, skip) -> str:
    root = span.root
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        pobj = [c for c in of[0].children if c.dep_ == "pobj"]
        if pobj:
            return f"{t.text} of {noun_phrase(pobj[0])}"
    if root.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod") and root.head.pos_ == "NOUN":
        noun = root.head
        adjs = [c.text for c in noun.lefts if c.dep_ == "amod" and c.i not in skip]
        return " ".join([t.text, *adjs, noun.text])
    verb = governor(root)
    return f"{summary_of(verb, skip)} ({t.text})"


# --------------------------------------------------------------------------- pass 2


def _relative_clause(ev: _Events, tok, doc, off: int) -> None:
    """The clause a relation word ("after", "since" ...) anchors to another happening, X."""
    if tok.dep_ == "mark":
        target = tok.head
        gov = target.head if target.head is not target else target
    else:
        objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return
        target = objs[0]
        gov = governor(tok.head)
    if any((id(doc), x.i) in ev.dated_tokens for x in target.subtree):
        return                         # "since Tuesday": dated already
    head = clause_head(governor(gov))
    s, e = clause_chars(head, off)
    if (s, e) in ev.dated_spans():
        return                         # the clause has its own date
    amount_i = _amount_before(ev, off + tok.idx)
    x_text = (noun_phrase(target) if target.pos_ not in ("VERB", "AUX")
              else summary_of(target, short=True))
    amount = (ev.found[amount_i].text + " ") if amount_i is not None else ""
    relation = f"{amount}{tok.lower_} {x_text}"
    x_verbs, x_nouns = lemmas([target] + [c for c in target.children if c.dep_ in
                                          ("nsubj", "nsubjpass", "dobj", "compound")])
    ref = _find_reference(ev, x_verbs, x_nouns, target, s)
    skip = {x.i for x in target.subtree} | {tok.i}
    summary = summary_of(head, skip) or x_text
    ents = _entities(ev.ctx, s, e, doc, off)
    if ref is None:
        ev.add("undated", s, e, summary, ents, amount_i, relation=relation, anchor="none")
        return
    ref_row = ev.rows[ref]
    rel_start, rel_end = _relative_dates(tok.lower_, ref_row, ev.found, amount_i, ev.pub)
    relation += f" (dated {ref_row['value']} in the article)"
    ev.add("relative" if rel_start is not None else "undated", s, e, summary, ents,
           amount_i, rel_start, rel_end, relation=relation,
           value=ref_row["value"] if amount_i is None else None,
           anchor=f"event:{ref_row['value']}")


def _amount_before(ev: _Events, pos: int) -> int | None:
    """A duration right before a relation word: the "a day" of "a day after"."""
    if ev._duration_ends is None:
        ev._duration_ends = {}
        for i, t in enumerate(ev.found):
            if t.type == "DURATION":
                ev._duration_ends.setdefault(t.end, i)
    text = ev.ctx.text
    hits = [ev._duration_ends[end] for end in (pos - 2, pos - 1, pos) if end in ev._duration_ends]
    for i in sorted(hits):
        if not text[ev.found[i].end:pos].strip():
            return i
    return None


def _find_reference(ev: _Events, x_verbs, x_nouns, target, before: int):
    """The dated event that X ("the ceasefire collapsed", "the vote") names, if any: among
    the clauses sharing one of its words (an index of pass 1's clause words)."""
    rows, clause_keys = ev.rows, ev.clause_keys
    if ev._key_index is None:
        ev._key_index = {}
        for k, (_idx, verbs, nouns, _head) in enumerate(clause_keys):
            for word in verbs | nouns:
                ev._key_index.setdefault(word, []).append(k)
    # the first match (in pass 1's order) that starts before X; else the first match: so the
    # scan stops at the first match before X, and once the clauses are far past X
    near = heapq.merge(*(ev._key_index.get(word, ()) for word in (x_verbs | x_nouns)))
    best, last = None, -1
    for k in near:
        if k == last:
            continue
        last = k
        idx, verbs, nouns, _head = clause_keys[k]
        r = rows[idx]
        if r["kind"] != "dated":
            continue
        if target.pos_ in ("VERB", "AUX"):
            ok = bool(x_verbs & verbs) and (not x_nouns or bool(x_nouns & nouns))
        else:
            ok = bool(x_nouns & (nouns | verbs))
        if ok and (best is None or (rows[best]["start"] > before >= r["start"])):
            best = idx
            if r["start"] <= before:
                return best
        if best is not None and r["start"] > before + FAR_PAST:
            break
    return best


#: Characters past X after which no clause of pass 1 can start before X again (pass 1 keeps
#: text order, give or take a clause).
FAR_PAST = 10_000


def _relative_dates(word: str, ref_row: dict, found, amount_i, pub):
    start = ref_row["date_start"]
    if pd.isna(start):
        return None, None
    if amount_i is not None:
        off = period_offset(found[amount_i].value)
        if off is None:
            return None, None
        after = word in ("after", "following")
        day_ = pd.Timestamp(start) + off if after else pd.Timestamp(start) - off
        if word == "since":
            return None, None
        return day_.date(), day_.date()
    if word == "since" and pub is not None:
        return pd.Timestamp(start).date(), pub
    return None, None
