"""The driver: find the candidates of every rule of :data:`.rules.RULES`, keep the longest
non-overlapping ones, resolve each through its rule, then re-anchor the expressions inside
direct quotations to the day the quote was spoken. It knows no rule by name."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..quotemarks import quote_spans
from .context import Context
from .model import Candidate, Timex
from .rules import RULES
from .values import parse_anchor

#: Every pattern of the table with its rule, in table order (the order breaks ties).
_PATTERNS = [(r, rx) for r in RULES for rx in r.patterns]

#: Speech verbs: a dated one next to a quotation says when it was spoken.
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|tweeted|announced|"
                     r"declared|insisted|warned|stated|explained|asked|replied|stressed|noted|"
                     r"argued|urged|claimed|acknowledged|admitted|complained|recalled|conceded|"
                     r"cautioned|"
                     r"predicted|promised|vowed|pledged|remarked|commented|posted|speaking|"
                     r"spoke|quoted|saying|telling)\b")


#: "since" right before an expression, or "since its inception in" (a few words, then "in").
_SINCE = re.compile(r"(?i:\bsince)(?:[ \t]+(?:its|the|their|his|her|our|a|an)[ \t]+[\w-]+"
                    r"(?:[ \t]+[\w-]+)?[ \t]+(?:in|on))?[ \t]+$")


class Tagger:
    """One text being tagged: its :class:`.context.Context` and the publication day."""

    def __init__(self, text: str, anchor: dt.date | None, sentences, present_is_past, quotes):
        self.text = text
        self.anchor = anchor
        self.ctx = Context(text, sentences, quotes, present_is_past)

    def run(self) -> list[Timex]:
        cands = self.candidates()
        out: list[Timex] = []
        for c in cands:
            t = self.resolve(c, self.anchor, out)
            if t is not None:
                out.append(t)
        self.requote(cands, out)
        self.since_spans(out)
        return out

    def since_spans(self, out: list[Timex]) -> None:
        """"since 2004", "since its inception in 1989": the date starts a span that runs to the
        anchor day (the publication, or the day a quote was spoken)."""
        for t in out:
            if t.type not in ("DATE", "TIME") or t.date_start is None:
                continue
            if not _SINCE.search(self.text, max(0, t.start - 60), t.start):
                continue
            end = self.anchor
            if t.anchor.startswith("speech:"):
                end = parse_anchor(t.anchor.split(":", 1)[1])
            if end is not None and t.date_start <= end:
                t.span_start, t.span_end = t.date_start, end

    def candidates(self) -> list[Candidate]:
        """The matches the guards keep, longest first, then by table order, then by position;
        a match overlapping one already kept is dropped."""
        out = []
        for order, (rule, rx) in enumerate(_PATTERNS):
            for m in rx.finditer(self.text):
                if m.end() > m.start() and rule.accepts(self.ctx, m):
                    out.append(Candidate(m.start(), m.end(), rule, m, order))
        out.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
        taken: list[Candidate] = []       # kept, in text order (they never overlap)
        starts: list[int] = []
        for c in out:
            i = bisect.bisect_left(starts, c.start)
            if (i > 0 and taken[i - 1].end > c.start) or (i < len(taken) and taken[i].start < c.end):
                continue
            taken.insert(i, c)
            starts.insert(i, c.start)
        return taken

    def resolve(self, c: Candidate, anchor: dt.date | None, out: list[Timex],
                speech_label: str | None = None) -> Timex | None:
        """The :class:`Timex` for a candidate, resolved by its rule against ``anchor`` (a day).

        The rule's resolver builds it with ``mk(type, value, rule, *, rel=True, mod=None,
        tense=None, start, end)``: ``rel=False`` for a value that does not depend on the anchor
        (its ``anchor`` is then ``none``), ``rule`` the family name the Timex reports.
        """
        s, e = c.start, c.end
        label = speech_label or (f"publication:{anchor.isoformat()}" if anchor else "none")

        def mk(type_, value, rule, *, rel=True, mod=None, tense=None, start=s, end=e):
            return Timex(start, end, self.text[start:end], type_, value,
                         anchor=(label if rel and anchor else "none"), mod=mod, rule=rule,
                         tense=tense)

        return c.rule.resolve(self.ctx, c, anchor, mk, out)

    # -- quotations --------------------------------------------------------------------------

    def requote(self, cands: list[Candidate], out: list[Timex]) -> None:
        """Re-anchor relative expressions inside direct quotations to when the quote was spoken,
        where the attribution around the quote gives a day for it."""
        quotes = self.ctx.quotes
        if not quotes:
            return
        for q in quotes:
            inside = [i for i, t in enumerate(out) if q[0] <= t.start < q[1]]
            if not inside:
                continue
            speech = self.speech_date(q, out)
            if speech is None:
                continue
            day, label = speech
            for i in inside:
                c = next(c for c in cands if c.start == out[i].start and c.end == out[i].end)
                if c.rule.speech:
                    t = self.resolve(c, day, out[:i], speech_label=label)
                    if t is not None:
                        out[i] = t

    def speech_date(self, q: tuple[int, int], out: list[Timex]):
        """The day a quotation was spoken, from a dated speech verb in its sentence(s)."""
        text, ctx = self.text, self.ctx
        qs, qe = q
        s1, _ = ctx.sent_of(qs)
        _, s2 = ctx.sent_of(max(qe - 1, qs))
        if qe < len(text):
            _, s2 = ctx.sent_of(min(qe + 1, len(text) - 1))
        regions = [(s1, max(s1, qs - 1)), (min(qe + 1, s2), s2)]
        # 'X said on Thursday:' closing the paragraph before a quote paragraph
        line_start = text.rfind("\n", 0, qs) + 1
        if not text[line_start:qs].strip(" \t\"“"):
            prev_end = text.rfind("\n", 0, max(line_start - 1, 0))
            prev_line = text[prev_end + 1: line_start].rstrip()
            while prev_line == "" and prev_end > 0:
                line_start = prev_end + 1
                prev_end = text.rfind("\n", 0, max(prev_end - 1, 0))
                prev_line = text[prev_end + 1: line_start].rstrip()
            if prev_line.endswith(":"):
                ps, pe = ctx.sent_of(prev_end + 1 + len(prev_line) - 1)
                regions.append((ps, pe))
        for rs, re_ in regions:
            if re_ <= rs:
                continue
            seg = text[rs:re_]
            if not _SPEECH.search(seg):
                continue
            for t in out:
                if rs <= t.start and t.end <= re_ and ctx.quote_of(t.start) is None \
                        and t.type in ("DATE", "TIME") and t.date_start is not None \
                        and t.date_start == t.date_end:
                    return t.date_start, f"speech:{t.date_start.isoformat()}"
        return None


def tag(text: str, published=None, *, sentences=None, present_is_past=None,
        quotes=None) -> list[Timex]:
    """Find and normalise the temporal expressions of a text.

    Args:
        text: an article, a paragraph or a sentence.
        published: the publication date (``YYYY-MM-DD``, ``date`` or ``Timestamp``), or None:
            then relative expressions keep underspecified values (``XXXX-WXX-5``).
        sentences: ``(start, end)`` sentence spans in ``text`` (e.g. from spaCy); by default a
            punctuation-based splitter.
        present_is_past: ``(start, end)`` spans (headlines, captions) where the present tense
            reports the past ("Russia vetoes resolution"), so it does not point forward.
        quotes: ``(start, end)`` spans of the quoted words of direct quotations (e.g. from a
            quotations layer); by default :func:`newsbench.quotemarks.quote_spans`. Relative
            expressions inside one are anchored to when it was spoken where the sentence says
            so, and tense is read within the quotation.

    Returns:
        :class:`Timex` objects in text order, with offsets into ``text``.
    """
    anchor = parse_anchor(published)
    spans = quote_spans(text) if quotes is None else sorted((int(a), int(b)) for a, b in quotes)
    return Tagger(text, anchor, sentences, present_is_past, spans).run()
