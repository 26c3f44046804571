"""Article structure: paragraphs and their roles (slug, title, standfirst, caption, dateline,
body).

Works on any article text; the offsets of every span index the text as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROLES = ("title", "standfirst", "caption", "dateline", "body", "slug")

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

# A caption: an agency's photo prefix ("FILE:", "PHOTO:", "FILE PHOTO:") or a credit at the end.
_CAPTION_PREFIX = re.compile(r"(?:FILE\s+PHOTO|FILE|PHOTO|PICTURE|IMAGE|CAPTION)\s*:", re.I)
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?:Picture|Photo|Photograph|Image|Credit)s?\s*:|\((?:Photo|Picture|Image)\b[^)]*\))"
    r"[^\n]{0,160}$"
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A wire dateline: "MOSCOW/BEIRUT - ", "WASHINGTON, Oct 7 (Reuters) - ", "BEIRUT, Lebanon (AP) — ".
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*"
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)*)?)"
    r"(?:,[ \t]*(?P<date>" + _MONTH + r"[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?|\d{1,2}[ \t]+" + _MONTH
    + r"(?:[ \t]+\d{4})?))?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z .&'-]{2,40})\))?"
    r"[ \t]*(?:-{1,2}|–|—)[ \t]+"
)


@dataclass(frozen=True)
class Span:
    """A paragraph (or dateline) span of the article text."""

    start: int
    end: int
    role: str


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, split at blank lines (or at line breaks when the text has no blank line).

    Surrounding white space and a leading Markdown heading marker are left out of each span.
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans = []
    pos = 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        heading = _MD_HEADING.match(text, start, end)
        if heading:
            start = heading.end()
        if end > start:
            out.append((start, end))
    return out


# Wire furniture: an agency's handling line, not the story ("ATTENTION - ADDS reax ///",
# "=(PICTURE)=", "(Adds quotes, details)", "EDITORS: ...").
_SLUG_MARKER = re.compile(r"^[=*^#~/\\-]{1,6}[ \t]*\(?[A-Z0-9][A-Z0-9 &/.,'’-]*\)?[ \t]*[=*^#~/\\-]{1,6}$"
                          r"|^[=*^#~]{3,}$")
_SLUG_ADVISORY = re.compile(
    r"^(?:ATTENTION|ADVISORY|EDITORS?|EDS|EDITOR['’]S[ \t]+NOTE|NOTE[ \t]+TO[ \t]+EDITORS|REPEAT|"
    r"REPEATS|REFILE|REFILES|CORRECTED|CORRECTS|UPDATES?|ADDS|RECASTS|WRAPUP|URGENT|FLASH|"
    r"BULLETIN|NEWSALERT|NEWS[ \t]+ALERT|EMBARGOED|HOLD[ \t]+FOR[ \t]+RELEASE|KILL|WITHDRAWN)"
    r"(?:[ \t]+\d+)?(?:[ \t]+[-–—/][ \t]|[ \t]*:|$)")   # not "UPDATE 1-Shares fall" (a slugged headline)
_SLUG_HANDLING = re.compile(
    r"^\((?:Adds|ADDS|Updates|UPDATES|Recasts|RECASTS|Corrects|CORRECTS|Repeats|REPEATS|"
    r"Refiles|REFILES|Changes|CHANGES|Removes|REMOVES|Rewrites|REWRITES|Inserts|INSERTS|"
    r"Fixes|FIXES)\b[^()]*\)$")


def is_slug(par: str) -> bool:
    """A wire slug paragraph: the agency's handling line or picture marker ("ATTENTION - ADDS
    reax ... ///", "=(PICTURE)=", "(Adds quotes, details)"), which is neither title nor body."""
    par = par.strip()
    if not par or "\n" in par or len(par.split()) > 40:
        return False
    return bool(_SLUG_MARKER.match(par) or par.endswith("///") or par.startswith("///")
                or _SLUG_ADVISORY.match(par) or _SLUG_HANDLING.match(par))


def is_caption(par: str) -> bool:
    """A photo caption: an agency prefix such as ``FILE:`` or a picture credit at its end."""
    return bool(_CAPTION_PREFIX.match(par)) or bool(_CAPTION_CREDIT.search(par))


def _headline_like(par: str) -> bool:
    words = par.split()
    return 0 < len(words) <= 25 and "\n" not in par and (
        not _SENTENCE_END.search(par) or len(words) <= 12
    )


def match_dateline(text: str, start: int, end: int) -> re.Match | None:
    """The dateline opening the paragraph ``text[start:end]``, if any."""
    m = DATELINE.match(text, start, end)
    if not m:
        return None
    place = m.group("place")
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    if len(letters) < 3:
        return None
    if m.end() >= end:  # nothing after it: not a dateline
        return None
    return m


def segment(text: str, *, title: str | None = None, standfirst: str | None = None) -> list[Span]:
    """Split an article into role-tagged spans.

    Args:
        text: the article text.
        title: the headline when metadata knows it; the first paragraph equal to it is the title.
        standfirst: a summary from metadata (HTML description, JSON field); a paragraph equal to
            it before the body is the standfirst.

    Returns:
        Spans in text order. Wire slug lines (:func:`is_slug`) are ``slug`` spans wherever they
        stand, and the title is the first paragraph after them. A dateline that opens a paragraph becomes its own ``dateline`` span
        (the place, date and agency, without the dash) and the rest of that paragraph a ``body``
        span.
    """
    paras = paragraph_spans(text)
    roles: list[str] = ["slug" if is_slug(text[s:e]) else "body" for s, e in paras]
    norm = lambda s: " ".join(s.split()).casefold()  # noqa: E731
    # title: the first paragraph that is not a slug
    head = next((i for i, r in enumerate(roles) if r == "body"), None)
    if head is not None:
        first = text[paras[head][0]:paras[head][1]]
        if (title and norm(first) == norm(title)) or (not title and _headline_like(first)):
            roles[head] = "title"
    # captions anywhere
    for i, (s, e) in enumerate(paras):
        if roles[i] == "body" and is_caption(text[s:e]):
            roles[i] = "caption"
    # the first dateline opens the body; the non-caption paragraphs between title and it are standfirst
    dateline_at = None
    for i, (s, e) in enumerate(paras):
        if roles[i] == "body" and match_dateline(text, s, e):
            dateline_at = i
            break
    if dateline_at is not None:
        for i in range(dateline_at):
            if roles[i] == "body":
                roles[i] = "standfirst"
    elif standfirst:
        for i, (s, e) in enumerate(paras[:4]):
            if roles[i] == "body" and norm(text[s:e]) == norm(standfirst):
                roles[i] = "standfirst"
                break
    spans: list[Span] = []
    for i, ((s, e), role) in enumerate(zip(paras, roles)):
        if i == dateline_at:
            m = match_dateline(text, s, e)
            head_end = m.end()
            # the dateline span is the place/date/agency, without the dash and spaces
            d_end = head_end
            while d_end > s and (text[d_end - 1].isspace() or text[d_end - 1] in "-–—"):
                d_end -= 1
            spans.append(Span(s, d_end, "dateline"))
            spans.append(Span(head_end, e, "body"))
        else:
            spans.append(Span(s, e, role))
    return spans


def dateline_date(text: str) -> str | None:
    """The raw date string of the article's dateline (``Oct 7, 2016``), if it carries one."""
    for s, e in paragraph_spans(text)[:6]:
        m = match_dateline(text, s, e)
        if m:
            return m.group("date")
    return None
