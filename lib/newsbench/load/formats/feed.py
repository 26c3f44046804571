"""RSS and Atom feeds (``.rss``, ``.atom``, and ``.xml`` whose root element is ``rss``, ``feed``
or ``rdf:RDF``), parsed from the file's bytes with feedparser (nothing is fetched): one article
an entry. The title; the link as ``url``; ``published`` (else ``updated``) as the date, its date
part as written; the feed's title as ``source``; the entry's id as its id; the text from
``content`` (else ``summary``), its HTML reduced to plain paragraphs."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re

from ...errors import InputFileError, one_line
from ..article import binary_kind, coerce_date, max_feed_bytes
from ..columns import FIELDS, find_columns
from ..htmltext import html_to_text, plain_to_text
from ..rows import Rows
from ..textio import read_bytes

log = logging.getLogger(__name__)

NAME = "feed"
PUBLISHED_FROM = "feed"
LIMIT = "feed"
ROOTS = ("rss", "feed", "rdf")
#: The common names, as feedparser spells an entry: ``updated`` dates an entry without
#: ``published``; the source is the feed's title (unless mapped).
ENTRY_FIELDS = {**{k: v for k, v in FIELDS.items() if k != "source"},
                "published": FIELDS["published"] + ("updated",)}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def root_element(head: bytes) -> str | None:
    """The local name of an XML document's root element (``rss``, ``feed``, ``RDF`` ...)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "ignore")
    else:
        text = head.decode("utf-8", "ignore").lstrip("\ufeff")
    pos = 0
    while True:
        pos = text.find("<", pos)
        if pos < 0:
            return None
        if text.startswith("<?", pos):
            end = text.find("?>", pos)
            skip = 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos)
            skip = 3
        elif text.startswith("<!", pos):
            end, bracket = text.find(">", pos), text.find("[", pos)
            if 0 <= bracket < end:
                end = text.find("]>", bracket)
                skip = 2
            else:
                skip = 1
        else:
            m = re.match(r"<(?:[\w.\-]+:)?([A-Za-z_][\w.\-]*)", text[pos:pos + 200])
            return m.group(1) if m else None
        if end < 0:
            return None
        pos = end + skip  # always past this "<"


def accepts(path) -> bool:
    """``.rss``/``.atom`` always; ``.xml`` only when it is a feed (a folder's other XML is no article)."""
    if path.suffix.lower() != ".xml":
        return True
    try:
        with path.open("rb") as f:
            root = root_element(f.read(65536))
    except OSError:
        return False
    return (root or "").lower() in ROOTS


def _parse(path, where: str):
    import feedparser

    data = read_bytes(path, where, limit=max_feed_bytes(), kind="feed")
    if not data.strip():
        raise InputFileError(f"{where}: the file is empty; give an RSS or Atom feed")
    kind = binary_kind(data)
    if kind is not None:
        shown = kind if kind.startswith("binary") else f"this is {kind}"
        raise InputFileError(f"{where}: {shown}, not a feed; give an RSS or Atom file")
    root = root_element(data[:65536])
    if (root or "").lower() not in ROOTS:
        what = f"whose root element is <{root}>" if root else "with no XML element"
        raise InputFileError(f"{where}: an XML file {what}, not an RSS or Atom feed (<rss>, <feed> "
                             f"or <rdf:RDF>); give a feed, or save the article as .txt")
    # a stream, never a string: feedparser would take a string for a URL or a file name
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if not parsed.entries:
        if parsed.bozo and problem is not None and not parsed.version:
            raise InputFileError(f"{where}: unreadable feed ({one_line(problem)[:160]}); fix the "
                                 f"XML, or give an RSS or Atom file")
        raise InputFileError(f"{where}: the feed has no entries; give a feed with at least one item")
    if parsed.bozo and problem is not None and "encoding" not in type(problem).__name__.lower():
        log.warning(f"{where}: the feed is not well-formed XML ({one_line(problem)[:160]}); read "
                    f"leniently, check its entries")
    return parsed


def _detail_text(value, detail) -> str:
    kind = (detail or {}).get("type", "text/html") if isinstance(detail, dict) else "text/html"
    if kind in _HTML_TYPES:
        return html_to_text(value)
    return plain_to_text(value)


def _text_of(value, detail=None) -> str | None:
    """Plain text from an entry's value: ``content`` (a list of parts), a detail dict, a string."""
    if isinstance(value, list):
        parts = [_text_of(part) for part in value]
        seen: list[str] = []
        for part in parts:
            if part and part not in seen:
                seen.append(part)
        return "\n\n".join(seen) or None
    if isinstance(value, dict):
        return _detail_text(value.get("value") or "", value) if "value" in value else None
    if isinstance(value, str):
        return _detail_text(value, detail)
    return None


def _published(entry, key: str | None):
    for name in ([key] if key else []) + ["published", "updated"]:
        raw = entry.get(name)
        if not raw:
            continue
        try:
            return coerce_date(raw)
        except ValueError:
            parsed = entry.get(f"{name}_parsed")
            if parsed:
                return dt.date(*parsed[:3]).isoformat()
            return raw  # warned about, by row
    return None


def _values(entry, found: dict, source: str | None) -> dict:
    values = {}
    for field, key in found.items():
        if field == "published":
            continue
        values[field] = _text_of(entry.get(key), entry.get(f"{key}_detail"))
    if "text" not in found:
        values["text"] = _text_of(entry.get("summary"), entry.get("summary_detail"))
        values.pop("standfirst", None)
    elif values.get("standfirst") and (values.get("text") or "").startswith(values["standfirst"][:200]):
        values.pop("standfirst")
    if values.get("title"):
        values["title"] = " ".join(values["title"].split())
    for field in ("url", "id"):
        if field in found and isinstance(entry.get(found[field]), str):
            values[field] = entry.get(found[field]).strip()
    values["published"] = _published(entry, found.get("published"))
    if "source" not in values:
        values["source"] = source
    return values


def read(path, opts):
    where = opts.where
    parsed = _parse(path, where)
    feed = parsed.get("feed", {})
    source = _text_of(feed.get("title"), feed.get("title_detail")) or None
    source = " ".join(source.split()) if source else None
    rows = Rows(where, {"text": "content"}, unit="entry", what="element")
    for number, entry in enumerate(parsed.entries, 1):
        found = find_columns(list(entry.keys()), opts.columns, where=f"{where} entry {number}",
                             what="element", fields=ENTRY_FIELDS)
        result = rows.entry(_values(entry, found, source), number)
        if result is not None:
            yield result
    rows.done()
