"""Time: temporal expressions normalised to TIMEX3, and dated events (layer; see issue 'Timeline').

Two frames:

* ``timexes``: every temporal expression (:mod:`newsbench.timex` finds and normalises them
  against the publication date), with ``date_start``/``date_end`` (the first and last calendar
  day its value covers) and, for durations the sentence lets us place ("the past two weeks",
  "the offer follows two weeks of bombardment"), ``span_start``/``span_end``.
* ``events``: each clause anchored to a calendar date or span, with a short who-did-what
  ``summary`` from the dependency parse, the ``entities`` in it and the expression that dates
  it. Clauses anchored to another happening ("a day after X", "since the ceasefire collapsed")
  take X's date when X is dated in the same article, and are listed undated (NaT) otherwise.

``date_end`` is inclusive: "March 2015" covers 2015-03-01 .. 2015-03-31.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from . import schema
from . import timex as tx
from .context import Context

#: Paragraph roles where the present tense reports the past ("Russia vetoes resolution").
PRESENT_IS_PAST_ROLES = ("title", "caption")

#: dtype of the extra columns ``span_start``/``span_end`` of ``timexes``: the schema's date unit.
SPAN_DTYPE = schema.DATE

#: Event kinds: dated by their own expression, a placed duration, dated through another event,
#: or not placeable.
EVENT_KINDS = schema.EVENT_KINDS

_NOT_ENTITY = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "wo"}
_RELATIONS = {"after", "since", "before", "following"}
_PERIOD = re.compile(r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
                     r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:(?P<DE>\d+)DE)?(?:(?P<CE>\d+)CE)?(?:T.*)?$")


# --------------------------------------------------------------------------------------------
# The layer
# --------------------------------------------------------------------------------------------

def build(ctx: Context) -> dict[str, pd.DataFrame]:
    """Frames ``timexes`` and ``events`` of one article (see the module docstring)."""
    sents = ctx.frames["sentences"]
    sent_spans = list(zip(sents["start"].tolist(), sents["end"].tolist()))
    headline = [(sp.start, sp.end) for sp in ctx.spans if sp.role in PRESENT_IS_PAST_ROLES]
    found = tx.tag(ctx.text, ctx.published, sentences=sent_spans, present_is_past=headline)
    docs = _Docs(ctx)
    timexes = _timex_frame(ctx, found, docs)
    events = _event_frame(ctx, found, timexes, docs)
    return {"timexes": timexes, "events": events}


class _Docs:
    """Find the spaCy tokens under a character span of the article."""

    def __init__(self, ctx: Context):
        self.pieces = [(offset, offset + len(doc.text), doc) for _, doc, offset in ctx.docs()]

    def span(self, start: int, end: int):
        for off, stop, doc in self.pieces:
            if off <= start < stop:
                return doc.char_span(start - off, min(end, stop) - off, alignment_mode="expand"), off
        return None, 0


def _day(d) -> pd.Timestamp:
    return pd.NaT if d is None else pd.Timestamp(d)


def _timex_frame(ctx: Context, found: list[tx.Timex], docs: _Docs) -> pd.DataFrame:
    pub = tx.parse_anchor(ctx.published)
    rows = []
    for i, t in enumerate(found):
        span_start, span_end = _place_duration(t, found, docs, pub) if t.type == "DURATION" else (None, None)
        rows.append({
            "article_id": ctx.article_id, "start": t.start, "end": t.end, "timex_id": i,
            "sent_id": ctx.sent_id_at(t.start), "text": t.text, "type": t.type, "value": t.value,
            "date_start": _day(t.date_start), "date_end": _day(t.date_end), "anchor": t.anchor,
            "mod": t.mod or "", "rule": t.rule, "tense": t.tense or "", "reads": describe(t.value),
            "span_start": _day(span_start), "span_end": _day(span_end),
        })
    df = pd.DataFrame(rows, columns=[c for c, _ in schema.SCHEMAS["timexes"]])
    return schema.conform(df, "timexes")


# --------------------------------------------------------------------------------------------
# Durations on the calendar
# --------------------------------------------------------------------------------------------

def period_offset(value: str) -> pd.DateOffset | None:
    """A TIMEX3 duration of whole days or more as a pandas offset (``P5Y6M`` -> 5 years 6
    months); None for time-of-day durations, unspecified ones (``PXW``) and anything else."""
    m = _PERIOD.match(value or "")
    if not m or not any(m.group(k) for k in ("Y", "M", "W", "D", "DE", "CE")):
        return None
    years = float(m["Y"] or 0) + 10 * int(m["DE"] or 0) + 100 * int(m["CE"] or 0)
    months = float(m["M"] or 0) + 12 * (years - int(years))
    days = 7 * float(m["W"] or 0) + float(m["D"] or 0) + 30 * (months - int(months))
    return pd.DateOffset(years=int(years), months=int(months), days=int(round(days)))


def _governor(tok):
    """The verb a token hangs from (the token itself when it is one)."""
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 12:
        tok = tok.head
        seen += 1
    while tok.dep_ in ("aux", "auxpass") and tok.head is not tok:
        tok = tok.head
    return tok


def _clause_head(verb):
    while verb.dep_ in ("xcomp",) and verb.head is not verb:
        verb = verb.head
    return verb


def _verb_time(verb, headline: bool) -> str:
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


def _place_duration(t: tx.Timex, found: list[tx.Timex], docs: _Docs, pub: dt.date | None):
    """Where a duration sits on the calendar, when the sentence says so, else (None, None).

    "the past/last two weeks" end at the anchor day; "the next/coming two years" start there; a
    duration in a present or present-perfect clause ("follows two weeks of bombardment", "has
    lasted 18 months") ends at the anchor; in a future clause it starts at the clause's date or
    the anchor; in a past clause it ends at a date in the same clause ("signed ... after two
    weeks of talks"). Durations under a day and unspecified ones are not placed.
    """
    off = period_offset(t.value)
    if off is None:
        return None, None
    anchor = tx.parse_anchor(t.anchor.split(":", 1)[1]) if ":" in t.anchor and \
        t.anchor.startswith(("publication", "speech")) else pub
    low = t.text.lower()
    words = low.split()
    if re.match(r"\s+(?:after|before|following|later|earlier)\b", tx_text_after(t, docs)):
        return None, None             # the amount of "a week after the vote", not a period
    if words[:2] in (["the", "past"], ["the", "last"]) and anchor:
        return (pd.Timestamp(anchor) - off).date(), anchor
    if words[:2] in (["the", "next"], ["the", "coming"]) and anchor:
        return anchor, (pd.Timestamp(anchor) + off).date()
    span, _ = docs.span(t.start, t.end)
    if span is None or len(span) == 0:
        return None, None
    verb = _governor(span.root)
    head = _clause_head(verb)
    same_clause = [o for o in found if o is not t and o.type in ("DATE", "TIME")
                   and o.date_start is not None and o.date_start == o.date_end
                   and _head_of(o, docs) is head]
    when = _verb_time(verb, headline=False)
    is_modifier = span.root.dep_ in ("amod", "compound", "nmod", "npadvmod") and span.root.head.pos_ == "NOUN"
    if when == "present" and anchor:
        return (pd.Timestamp(anchor) - off).date(), anchor
    if when == "future":
        start = same_clause[0].date_start if same_clause else anchor
        if start:
            return start, (pd.Timestamp(start) + off).date()
        return None, None
    if when == "past" and same_clause and not is_modifier:
        end = same_clause[0].date_start
        return (pd.Timestamp(end) - off).date(), end
    return None, None


def tx_text_after(t: tx.Timex, docs: _Docs, n: int = 12) -> str:
    for off, stop, doc in docs.pieces:
        if off <= t.end <= stop:
            return doc.text[t.end - off: t.end - off + n]
    return ""


def _head_of(t: tx.Timex, docs: _Docs):
    span, _ = docs.span(t.start, t.end)
    if span is None or len(span) == 0:
        return None
    return _clause_head(_governor(span.root))


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------

def _np(tok, skip=frozenset(), of=False) -> str:
    """A short noun phrase for a token: its compounds and adjectives, no determiners (with
    ``of``, also a following "of/at/for X": "moment of truth")."""
    if tok.pos_ in ("VERB", "AUX"):
        return _summary_of(tok, skip, short=True)
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
                    words += [c.text, _np(pobj[0], skip)]
                break
    return " ".join(words)


def _subject(verb, skip):
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and chain[-1].head is not chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)
    for v in chain:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i not in skip:
                if c.lower_ in ("that", "which", "who") and v.dep_ in ("relcl", "acl"):
                    return _np(v.head, skip)
                return _np(c, skip)
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return _np(v.head, skip)
        if v.dep_ == "conj" and v.head is not v:
            return _subject(v.head, skip)
    return ""


def _object(verb, skip, short=False):
    kids = [c for c in verb.children if c.i not in skip]
    for dep in ("dobj", "attr", "acomp", "oprd", "dative"):
        for c in kids:
            if c.dep_ == dep:
                return _np(c, skip, of=not short)
    for c in kids:
        if c.dep_ in ("ccomp", "xcomp") and not short:
            return _summary_of(c, skip, short=True)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ not in ("after", "since", "before", "following", "during"):
            pobj = [x for x in c.children if x.dep_ == "pobj" and x.i not in skip]
            if pobj and not any(x.i in skip for x in pobj[0].subtree):
                return f"{c.text} {_np(pobj[0], skip)}"
    return ""


def _verb_words(verb, skip) -> str:
    chain = [verb]
    while chain[0].dep_ == "xcomp" and chain[0].head is not chain[0]:
        chain.insert(0, chain[0].head)
    outer = chain[0]
    words = [c.text for c in outer.children if c.dep_ == "aux" and c.lower_ in _MODALS]
    words += [c.text for c in outer.children if c.dep_ == "neg"]
    for i, v in enumerate(chain):
        if i:
            words.append("to")
        words.append(v.text)
        words += [c.text for c in v.children if c.dep_ == "prt"]
    return " ".join(words)


def _summary_of(verb, skip=frozenset(), short=False) -> str:
    """Who did what: subject, verb and object of a clause, a few words long."""
    subj = _subject(verb, skip)
    obj = _object(verb, skip, short=short)
    if verb.lemma_ == "be" and obj and subj:
        parts = [subj, obj]
    else:
        parts = [subj, _verb_words(verb, skip), obj]
    words = " ".join(p for p in parts if p).split()
    limit = 6 if short else 12
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")


def _clause_chars(head, offset: int) -> tuple[int, int]:
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
    last = max((t for t in toks if not cut or t.i < min(cut)), key=lambda t: t.i, default=max(toks, key=lambda t: t.i))
    return offset + first.idx, offset + last.idx + len(last.text)


def _entities(ctx: Context, start: int, end: int, doc, offset: int) -> str:
    mentions = ctx.frames.get("mentions")
    names: list[str] = []
    if mentions is not None and len(mentions):
        inside = mentions[(mentions["article_id"] == ctx.article_id) & (mentions["start"] >= start)
                          & (mentions["end"] <= end)].sort_values("start")
        col = "entity" if "entity" in inside.columns else "text"
        for name in inside[col].fillna(inside["text"]).astype(str):
            if name not in names:
                names.append(name)
        return "; ".join(names)
    for ent in doc.ents:
        s, e = offset + ent.start_char, offset + ent.end_char
        if ent.label_ in _NOT_ENTITY or s < start or e > end:
            continue
        name = re.sub(r"^(?:the|The)\s+", "", ent.text)
        name = re.sub(r"['’]s$", "", name).strip()
        if name and name not in names:
            names.append(name)
    return "; ".join(names)


def _lemmas(tokens) -> tuple[set[str], set[str]]:
    verbs = {t.lemma_.lower() for t in tokens if t.pos_ == "VERB"}
    nouns = {t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "PROPN")}
    return verbs, nouns


def _event_frame(ctx: Context, found: list[tx.Timex], timexes: pd.DataFrame, docs: _Docs) -> pd.DataFrame:
    pub = tx.parse_anchor(ctx.published)
    rows: list[dict] = []
    clause_keys: list[tuple] = []     # (row index, verbs, nouns, head token)
    seen = set()
    timex_tokens, dated_tokens = set(), set()
    token_of = {}
    for i, t in enumerate(found):
        span, off = docs.span(t.start, t.end)
        if span is not None:
            for tok in span:
                timex_tokens.add((id(tok.doc), tok.i))
                if t.type in ("DATE", "TIME"):
                    dated_tokens.add((id(tok.doc), tok.i))
            token_of[i] = (span, off)

    def row(kind, start, end, summary, entities, t_index=None, date_start=None, date_end=None,
            value=None, relation=None, anchor=None):
        t = found[t_index] if t_index is not None else None
        return {
            "article_id": ctx.article_id, "start": start, "end": end, "event_id": 0,
            "sent_id": ctx.sent_id_at(start), "date_start": _day(date_start), "date_end": _day(date_end),
            "summary": summary, "entities": entities,
            "timex_id": t_index if t is not None else pd.NA, "timex": t.text if t is not None else None,
            "value": value if value is not None else (t.value if t is not None else None),
            "kind": kind, "relation": relation or "", "anchor": anchor or (t.anchor if t is not None else "none"),
        }

    # 1. clauses dated by their own expression, and placed durations
    for i, t in enumerate(found):
        if i not in token_of:
            continue
        span, off = token_of[i]
        if len(span) == 0:
            continue
        skip = {tok.i for tok in span}
        verb = _governor(span.root)
        head = _clause_head(verb)
        if t.type in ("DATE", "TIME"):
            if t.value.endswith("_REF"):
                continue
            if head.i in skip:            # a verbless fragment: the sentence is the clause
                sent = span.sent
                s, e = off + sent.start_char, off + sent.end_char
                summary = sent.text.strip()[:80]
            else:
                s, e = _clause_chars(head, off)
                summary = _summary_of(verb, skip | {x.i for x in _attached_timex_tokens(head, timex_tokens)})
            key = (s, e, t.date_start, t.date_end) if t.date_start else (s, e, t.value)
            if key in seen:
                continue
            seen.add(key)
            dated = t.date_start is not None
            rows.append(row("dated" if dated else "undated", s, e, summary,
                            _entities(ctx, s, e, span.doc, off), i, t.date_start, t.date_end))
            clause_keys.append((len(rows) - 1, *_lemmas(_clause_tokens(head)), head))
        elif t.type == "DURATION":
            r = timexes.iloc[i]
            if pd.isna(r["span_start"]):
                continue
            s, e = (_clause_chars(head, off) if head.i not in skip else (t.start, t.end))
            summary = _duration_summary(t, span, skip)
            rows.append(row("span", s, e, summary, _entities(ctx, s, e, span.doc, off), i,
                            r["span_start"], r["span_end"]))

    # 2. clauses anchored to another happening: "a day after X", "since X"
    for _, doc, off in ctx.docs():
        for tok in doc:
            if tok.lower_ not in _RELATIONS or tok.dep_ not in ("mark", "prep"):
                continue
            if tok.dep_ == "mark":
                target = tok.head
                gov = target.head if target.head is not target else target
            else:
                objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
                if not objs:
                    continue
                target = objs[0]
                gov = _governor(tok.head)
            if any((id(doc), x.i) in dated_tokens for x in target.subtree):
                continue               # "since Tuesday": dated already
            head = _clause_head(_governor(gov))
            s, e = _clause_chars(head, off)
            if any(r["start"] <= s < r["end"] and r["kind"] == "dated" and
                   _same_clause(r, s, e) for r in rows):
                continue               # the clause has its own date
            amount_i = _amount_before(found, off + tok.idx, ctx.text)
            x_text = _np(target) if target.pos_ not in ("VERB", "AUX") else _summary_of(target, short=True)
            relation = f"{(found[amount_i].text + ' ') if amount_i is not None else ''}{tok.lower_} {x_text}"
            x_verbs, x_nouns = _lemmas([target] + [c for c in target.children if c.dep_ in
                                                   ("nsubj", "nsubjpass", "dobj", "compound")])
            ref = _find_reference(rows, clause_keys, x_verbs, x_nouns, target, s)
            skip = {x.i for x in target.subtree} | {tok.i}
            summary = _summary_of(head, skip) or x_text
            ents = _entities(ctx, s, e, doc, off)
            if ref is None:
                rows.append(row("undated", s, e, summary, ents, amount_i, relation=relation,
                                anchor="none"))
                continue
            ref_row = rows[ref]
            rel_start, rel_end = _relative_dates(tok.lower_, ref_row, found, amount_i, pub)
            relation += f" (dated {ref_row['value']} in the article)"
            rows.append(row("relative" if rel_start is not None else "undated", s, e, summary, ents,
                            amount_i, rel_start, rel_end, relation=relation,
                            value=ref_row["value"] if amount_i is None else None,
                            anchor=f"event:{ref_row['value']}"))

    df = pd.DataFrame(rows, columns=[c for c, _ in schema.SCHEMAS["events"]])
    df = df.sort_values(["start", "date_start"], kind="stable").reset_index(drop=True)
    df["event_id"] = range(len(df))
    return schema.conform(df, "events")


def _attached_timex_tokens(head, timex_tokens):
    return [t for t in head.subtree if (id(t.doc), t.i) in timex_tokens]


def _clause_tokens(head):
    toks = list(head.subtree)
    if head.dep_ in ("acl", "relcl") and head.head is not head:
        toks.append(head.head)        # "the vote, scheduled for Saturday": the vote is dated
    return toks


def _same_clause(r, s, e) -> bool:
    return r["start"] == s and r["end"] == e


def _duration_summary(t: tx.Timex, span, skip) -> str:
    root = span.root
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        pobj = [c for c in of[0].children if c.dep_ == "pobj"]
        if pobj:
            return f"{t.text} of {_np(pobj[0])}"
    if root.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod") and root.head.pos_ == "NOUN":
        noun = root.head
        adjs = [c.text for c in noun.lefts if c.dep_ == "amod" and c.i not in skip]
        return " ".join([t.text, *adjs, noun.text])
    verb = _governor(root)
    return f"{_summary_of(verb, skip)} ({t.text})"


def _amount_before(found: list[tx.Timex], pos: int, text: str) -> int | None:
    """A duration right before a relation word: the "a day" of "a day after"."""
    for i, t in enumerate(found):
        if t.type == "DURATION" and 0 <= pos - t.end <= 2 and not text[t.end:pos].strip():
            return i
    return None


def _find_reference(rows, clause_keys, x_verbs, x_nouns, target, before: int):
    """The dated event that X ("the ceasefire collapsed", "the vote") names, if any."""
    best = None
    for idx, verbs, nouns, _head in clause_keys:
        r = rows[idx]
        if r["kind"] != "dated":
            continue
        if target.pos_ in ("VERB", "AUX"):
            ok = bool(x_verbs & verbs) and (not x_nouns or bool(x_nouns & nouns))
        else:
            ok = bool(x_nouns & (nouns | verbs))
        if ok and (best is None or (rows[best]["start"] > before >= r["start"])):
            best = idx
    return best


def _relative_dates(word: str, ref_row: dict, found, amount_i, pub):
    start = ref_row["date_start"]
    if pd.isna(start):
        return None, None
    if amount_i is not None:
        off = period_offset(found[amount_i].value)
        if off is None:
            return None, None
        day = pd.Timestamp(start) + off if word in ("after", "following") else pd.Timestamp(start) - off
        if word == "since":
            return None, None
        return day.date(), day.date()
    if word == "since" and pub is not None:
        return pd.Timestamp(start).date(), pub
    return None, None


# --------------------------------------------------------------------------------------------
# Reading aids for notebooks and reports
# --------------------------------------------------------------------------------------------

_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def describe(value: str | None) -> str:
    """A TIMEX3 value in words, for journalists checking it against the text.

    ``2015-03-13`` -> "Fri 13 Mar 2015"; ``2015-W11`` -> "week 11 of 2015 (9 Mar - 15 Mar)";
    ``P5Y6M`` -> "5 years 6 months"; ``XXXX-WXX-5`` -> "a Friday (no publication date)".
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    v = str(value)
    refs = {"PRESENT_REF": "now (vague)", "PAST_REF": "the past (vague)", "FUTURE_REF": "the future (vague)"}
    if v in refs:
        return refs[v]
    parts = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
    m = re.match(r"^(?P<date>[^T]+)(?:T(?P<time>.+))?$", v)
    date, time = (m["date"], m["time"]) if m else (v, None)
    when = ""
    if time:
        when = parts.get(time, time.replace("24:00", "midnight (24:00)"))
    start, end = tx.span_of(date)
    if start is not None:
        if start == end:
            text = f"{start:%a} {start.day} {start:%b %Y}"
        elif re.fullmatch(r"\d{4}-W\d\d-WE", date):
            text = f"weekend of {start.day} {start:%b %Y}"
        elif re.fullmatch(r"\d{4}-W\d\d", date):
            text = f"week {int(date[6:8])} of {date[:4]} ({start.day} {start:%b} - {end.day} {end:%b})"
        elif re.fullmatch(r"\d{4}-\d\d", date):
            text = f"{start:%B %Y}"
        elif re.fullmatch(r"\d{4}-Q\d", date):
            text = f"Q{date[-1]} {date[:4]} ({start:%b}-{end:%b})"
        elif re.fullmatch(r"\d{4}-H\d", date):
            text = f"{'first' if date[-1] == '1' else 'second'} half of {date[:4]}"
        elif re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", date):
            text = f"{_SEASON_NAMES[date[-2:]]} {date[:4]}" + (f"/{int(date[:4]) + 1}" if date.endswith("WI") else "")
        elif re.fullmatch(r"\d{4}", date):
            text = date
        elif re.fullmatch(r"\d{3}", date):
            text = f"the {date}0s"
        else:
            text = f"the {int(date) * 100}s"
        return f"{text}, {when}" if when else text
    if v.startswith("P"):
        return _describe_period(v)
    if v.startswith("X"):
        wd = re.search(r"WXX-(\d)", v)
        day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][int(wd[1]) - 1] if wd else None
        what = {"XXXX-WXX-WE": "a weekend", "XXXX-WXX": "a week", "XXXX-XX": "a month", "XXXX": "a year",
                "XXX": "a decade", "XX": "a century", "XXXX-XX-XX": "a day"}.get(date, "a date")
        if day:
            what = f"a {day}"
        mo = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?", date)
        if mo:
            month = dt.date(2000, int(mo[1]), 1).strftime("%B")
            what = f"{int(mo[2])} {month}" if mo[2] else month
        season = re.fullmatch(r"XXXX-(SP|SU|FA|WI|Q\d|H\d)", date)
        if season:
            what = _SEASON_NAMES.get(season[1], season[1])
        return f"{what}{', ' + when if when else ''} (exact date unknown: no publication date)"
    return v


def _describe_period(v: str) -> str:
    names = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
             "H": "hour", "S": "second"}
    out = []
    in_time = False
    body = v[1:]
    for token in re.finditer(r"T|(X|\d+(?:\.\d+)?)(DE|CE|Y|M|W|D|H|S)", body):
        if token.group(0) == "T":
            in_time = True
            continue
        num, unit = token.group(1), token.group(2)
        name = "minute" if (unit == "M" and in_time) else names[unit]
        if name == "century":
            name = "centurie"
        if num == "X":
            out.append(f"{name}s" if name != "centurie" else "centuries")
        else:
            plural = "" if num == "1" else "s"
            name = "century" if name == "centurie" and not plural else name
            out.append(f"{num} {name}{plural}")
    return " ".join(out) or v


def publication_note(an) -> str:
    """One paragraph on the publication date the values were resolved against, or how to give one."""
    rows = an.articles
    if rows.empty:
        return "No article."
    notes = []
    for art in rows.itertuples():
        if pd.isna(art.published):
            notes.append(
                f"{art.article_id}: no publication date, so relative expressions such as 'on Friday', "
                "'last week' or 'yesterday' keep symbolic values (XXXX-WXX-5, XXXX-WXX, XXXX-XX-XX) "
                "and are not placed on the timeline; only absolute dates are. Give the date with the "
                "notebook parameter published (YYYY-MM-DD), with analyze(..., published='YYYY-MM-DD'), "
                "with --published on the command line, or in a NAME.meta.yaml sidecar next to the "
                "article (a line 'published: YYYY-MM-DD').")
        else:
            src = f" (from {art.published_from})" if isinstance(art.published_from, str) else ""
            notes.append(f"{art.article_id}: relative dates are resolved against the publication date "
                         f"{art.published:%A %d %B %Y}{src}; quotes are anchored to the day they were "
                         "spoken where the text says so.")
    return "\n".join(notes)


def expressions_table(timexes: pd.DataFrame) -> pd.DataFrame:
    """The expressions as a table to check against the text: where, what, its value in words."""
    cols = ["timex_id", "sent_id", "start", "text", "type", "value", "reads", "date_start", "date_end",
            "anchor"]
    if timexes.empty:
        return pd.DataFrame(columns=cols)
    out = timexes[[c for c in cols if c in timexes.columns]].copy()
    for c in ("date_start", "date_end"):
        out[c] = out[c].dt.date
    return out.reset_index(drop=True)


def dated_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events with a calendar date or span, earliest first."""
    cols = ["event_id", "sent_id", "kind", "date_start", "date_end", "timex", "value", "summary",
            "entities", "relation"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    out = events[events["date_start"].notna()].sort_values(["date_start", "start"], kind="stable")
    return out[[c for c in cols if c in out.columns]].reset_index(drop=True)


def undated_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events with no calendar date: anchored to an undated happening, or with no publication date."""
    cols = ["event_id", "sent_id", "summary", "relation", "timex", "value", "entities"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    out = events[events["date_start"].isna()]
    return out[[c for c in cols if c in out.columns]].reset_index(drop=True)
