"""What the rules read around an expression: its sentence and clause, the words before and
after it, whether a calendar word is part of a name, direct quotations and the clause's tense."""

from __future__ import annotations

import bisect
import re

from .vocab import (BE, CAP_OK, DEADLINE_BEFORE, DETERMINERS, FUT_LEMMA, FUT_TO, IRREGULAR_PAST,
                    MODALS, NOT_PAST_ED, PARTICIPLE_AFTER, PAST_AUX, WEAK_FUT, WILL_NOUN_AFTER)

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_CLAUSE_BREAK = re.compile(r";|:(?=\s)|\s[-–—]\s|"
                           r",\s+(?:and|but|while|whereas|although|though|as|which|who|when|after|"
                           r"before|because|since|despite)\b|"
                           r"\s(?:but|while|whereas)\s")
#: Where the scan for a verb to the right of an expression stops.
_RIGHT_STOP = re.compile(r",|\b(?:that|which|who|whom|whose|where|when|after|before|because|since|"
                         r"as|while|if|although|though|and|but|to)\b")
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"(?:\b[ap]\.m|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bGov|\bSen|\bRep|\bLt|\bCol|"
                     r"\bSgt|\bProf|\bNo|\bvs|\bU\.S|\bU\.N|\bU\.K|\bE\.U|\bJan|\bFeb|\bMar|\bApr|"
                     r"\bJun|\bJul|\bAug|\bSept?|\bOct|\bNov|\bDec|\b[A-Z])\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` sentences of a text, split at end punctuation and line breaks."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        before = text[max(0, m.start() - 6): m.start() + 1]
        if "\n" not in m.group() and _ABBREV.search(before.rstrip(".!?\"'”’)]") + "."):
            continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


class Context:
    """A text with its sentences, its direct quotations and the spans (headlines, captions)
    where the present tense reports the past."""

    def __init__(self, text: str, sentences, quotes, present_is_past):
        self.text = text
        self.sents = sorted(sentences) if sentences else sentence_spans(text)
        self.sent_starts = [s for s, _ in self.sents]
        self.quotes = quotes
        self.present_is_past = list(present_is_past or ())

    # -- where -------------------------------------------------------------------------------

    def sent_of(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)
        return self.sents[i]

    def quote_of(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return q
        return None

    def in_headline(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.present_is_past)

    # -- words around ------------------------------------------------------------------------

    def prev_words(self, pos: int, n: int = 3) -> list[str]:
        """Up to ``n`` words before ``pos`` in the same sentence, nearest last, lower case."""
        s, _ = self.sent_of(pos)
        return [w.lower() for w in WORD.findall(self.text[max(s, pos - 60):pos])[-n:]]

    def prev_token_raw(self, pos: int) -> tuple[str, bool]:
        """The word just before ``pos`` (only white space between) and whether it opens its
        sentence."""
        s, _ = self.sent_of(pos)
        m = re.search(r"([A-Za-z][\w'’.&-]*)[ \t\u00a0]+$", self.text[max(s, pos - 40):pos])
        if not m:
            return "", False
        word_start = pos - (len(self.text[max(s, pos - 40):pos]) - m.start(1))
        opens = not self.text[s:word_start].strip(" \t\"'“‘(")
        return m.group(1), opens

    def next_token_raw(self, pos: int) -> str:
        m = re.match(r"[ \t\u00a0]+([A-Za-z][\w'’-]*)", self.text[pos:pos + 40])
        return m.group(1) if m else ""

    def age_follows(self, end: int) -> bool:
        """Whether "old" follows ``end`` ("three years old", "two years-old")."""
        return bool(re.match(r"[ \t]*(?:-[ \t]*)?old\b", self.text[end:end + 12]))

    def is_name(self, start: int, end: int, *, check_next: bool = True,
                check_prev: bool = True) -> bool:
        """True when a calendar word is part of a proper name ("the Sunday Times", "Good Friday
        Agreement", "Arab Spring", "April Jones")."""
        if check_next:
            nxt = self.next_token_raw(end)
            if nxt and nxt[0].isupper() and nxt.lower().rstrip("'’s") not in CAP_OK \
                    and not nxt.isupper():
                return True
        if check_prev:
            prev, opens = self.prev_token_raw(start)
            if prev and prev[0].isupper() and not opens and prev.lower() not in CAP_OK \
                    and not prev.isupper() and not prev.endswith("."):
                return True
        return False

    # -- tense -------------------------------------------------------------------------------

    def clause(self, s: int, e: int, right_only: bool = False) -> tuple[int, int]:
        """The clause around ``text[s:e]``: its sentence, cut at quotation marks and clause
        breaks (and, with ``right_only``, at the first subordinator to the right)."""
        ss, se = self.sent_of(s)
        q = self.quote_of(s)
        if q:
            ss, se = max(ss, q[0]), min(se, q[1])
        else:
            # outside quotes: stop at quotation marks
            for qs, qe in self.quotes:
                if qe <= s:
                    ss = max(ss, qe + 1)
                if qs >= e:
                    se = min(se, qs - 1)
        left = self.text[ss:s]
        cut = None
        for m in _CLAUSE_BREAK.finditer(left):
            cut = m.end()
        if cut is not None:
            ss = ss + cut
        right = self.text[e:se]
        m = _CLAUSE_BREAK.search(right)
        if m:
            se = e + m.start()
        m = _RIGHT_STOP.search(self.text, e, se)
        if m and right_only:
            se = m.start()
        return ss, se

    def tense(self, s: int, e: int) -> str:
        """'past' or 'future' for the clause around ``text[s:e]`` (news defaults to past)."""
        cs, _ = self.clause(s, e)
        _, ce = self.clause(s, e, right_only=True)
        left = [w.lower() for w in WORD.findall(self.text[cs:s]) if not w[0].isdigit()]
        right = [w.lower() for w in WORD.findall(self.text[e:ce]) if not w[0].isdigit()]
        headline = self.in_headline(s)
        prep = left[-1] if left else ""
        if prep == "since":
            return "past"
        if prep in ("ago",):
            return "past"
        weak = None
        strong = None
        for i in range(len(left) - 1, -1, -1):
            cue, is_strong = classify(left, i)
            if cue and is_strong:
                strong = cue
                break
            if cue and weak is None:
                weak = cue
        if prep in DEADLINE_BEFORE and strong != "past":
            return "future"
        if strong:
            return strong
        for i in range(len(right)):
            cue, is_strong = classify(right, i)
            if cue and is_strong:
                strong = cue
                break
            if cue and weak is None:
                weak = cue
        if strong == "future" or (strong is None and weak == "future" and not headline):
            return "future"
        return "past"

    def strong_future(self, s: int, e: int) -> bool:
        """Whether a strong future cue stands before ``text[s:e]`` in its clause."""
        cs, _ = self.clause(s, e)
        left = [w.lower() for w in WORD.findall(self.text[cs:s]) if not w[0].isdigit()]
        return any(classify(left, i) == ("future", True) for i in range(len(left)))


def classify(words: list[str], i: int) -> tuple[str | None, bool]:  # noqa: C901 - a cue a branch
    """The tense cue of ``words[i]``: ('future'|'past'|None, strong?)."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prv = words[i - 1] if i > 0 else ""
    if w.endswith("'ll") or w in ("won't", "wo"):
        return "future", True
    if w in ("will", "shall"):
        if prv in WILL_NOUN_AFTER:
            return None, False
        return "future", True
    if w == "would":
        if nxt == "have":
            return "past", True
        return "future", True
    if w in ("going", "gonna") and (nxt == "to" or w == "gonna"):
        return "future", True
    if w in FUT_LEMMA:
        return "future", True
    if w in FUT_TO and (nxt in ("to", "for", "on", "in", "back") or prv in BE):
        if w == "about" and nxt != "to":
            return None, False
        if w == "due" and nxt == "to" and prv not in BE:
            return None, False
        return "future", True
    if w in MODALS:
        if nxt == "have" or (nxt == "not" and i + 2 < len(words) and words[i + 2] == "have"):
            return "past", True
        if w in ("could", "couldn't") and (nxt == "not" or w == "couldn't"):
            return "past", True     # "could not be reached for comment on Thursday"
        return "future", False
    if w in PAST_AUX:
        return "past", True
    if w in ("has", "have", "'ve", "'s") and nxt and \
            (nxt.endswith("ed") or nxt in IRREGULAR_PAST or nxt == "been"):
        return "past", True
    if w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in NOT_PAST_ED):
        if prv in PARTICIPLE_AFTER or prv.endswith("ly"):
            return None, False
        if w == "set" and nxt == "to":
            return "future", True
        if w == "left" and prv in ("the", "on", "to", "far"):
            return None, False
        return "past", True
    if w in ("is", "are", "am") and nxt.endswith("ing"):
        return "future", True
    if w in WEAK_FUT:
        if prv in DETERMINERS:
            return None, False      # "the vote", "Tuesday's talks": a noun
        return "future", False
    return None, False
