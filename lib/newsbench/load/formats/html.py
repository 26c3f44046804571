"""A saved web page (``.html``, ``.htm``): the article and its metadata, by trafilatura.

The date trafilatura (htmldate) gives is checked against what the page's metadata writes:
htmldate normalises a date that is not one (``2016-02-30T10:00Z`` becomes 2016-02-01), so a
date no real date of the page's metadata supports, where the metadata holds one that is not
real, is dropped with a warning, never used."""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings

from ...errors import InputFileError
from ..article import compose
from ..rows import Entry
from ..textio import read_text

log = logging.getLogger(__name__)

NAME = "html"
PUBLISHED_FROM = "html meta"
LIMIT = "article"
#: htmldate's settings: the original publication date, from metadata only.
DATE_PARAMS = {"original_date": True, "extensive_search": False}
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""\b([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
#: Meta tags whose name says they hold a date (article:published_time, date, pubdate,
#: dc.date.issued, datePublished, sailthru.date, parsely-pub-date ...).
_DATE_NAME = re.compile(r"date|time|pub|created|issued|modified", re.I)
_TIME_TAG = re.compile(r"""<time\b[^>]*?\bdatetime\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_JSON_DATE = re.compile(r'"(?:date\w*|uploadDate)"\s*:\s*"([^"]{0,64})"', re.I)
_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def _meta_dates(raw: str) -> list[str]:
    """The date values the page's metadata writes, as written: date meta tags, ``<time
    datetime>``, JSON-LD ``date*`` fields."""
    values = []
    for tag in _META_TAG.findall(raw):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _ATTR.finditer(tag)}
        names = " ".join(attrs.get(a, "") for a in ("name", "property", "itemprop", "http-equiv"))
        if "content" in attrs and _DATE_NAME.search(names):
            values.append(attrs["content"].strip())
    values += [(a or b).strip() for a, b in _TIME_TAG.findall(raw)]
    values += [v.strip() for v in _JSON_DATE.findall(raw)]
    return [v for v in values if v]


def checked_date(found: str | None, raw: str, where: str) -> str | None:
    """``found`` (htmldate's date) when the page's metadata supports it; None, with a warning,
    when the metadata writes a date that is not a real one and none that is ``found``
    (htmldate made it up from that one). A date the metadata does not write at all (from the
    URL, or in words) is kept."""
    real, unreal = set(), []
    for value in _meta_dates(raw):
        for y, m, d in _YMD.findall(value):
            try:
                real.add(dt.date(int(y), int(m), int(d)).isoformat())
            except ValueError:
                unreal.append(value)
    if found and found[:10] in real:
        return found
    if unreal:
        shown = " ".join(unreal[0].split())[:40]
        log.warning(f"{where}: the page's metadata dates it '{shown}', which is not a real date; "
                    f"analysed without a publication date (give one with --published or a "
                    f"NAME.meta.yaml sidecar)")
        return None
    return found


def read(path, opts):
    import trafilatura

    raw = read_text(path, opts.where)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Dates from the page's metadata only (meta tags, JSON-LD, <time>, the URL): htmldate's
        # extensive search would read a date out of the body text ("2007-2013") and call it
        # the publication date.
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                          include_tables=False,
                                          date_extraction_params=DATE_PARAMS)
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    body = (data.get("text") or "").strip()
    if len(re.findall(r"\w+", body)) < 8:
        raise InputFileError(
            f"{opts.where}: no article text could be extracted from this HTML; save the page's "
            f"article as .txt, or give the full page"
        )
    body = re.sub(r"\n+", "\n\n", body)  # one paragraph per extracted block
    meta = {
        "title": data.get("title"), "published": checked_date(data.get("date"), raw, opts.where),
        "author": data.get("author"),
        "source": data.get("sitename") or data.get("hostname"), "url": data.get("url"),
        "standfirst": data.get("description"), "language": data.get("language"),
    }
    meta = {k: v for k, v in meta.items() if v}
    yield Entry(compose(meta.get("title"), body), meta)
