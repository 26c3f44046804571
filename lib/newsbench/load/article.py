"""One article: the :class:`Article`, its id, its publication date, the size limits, the
decoding of bytes to text, and the last step every format shares (:func:`finish`).

Metadata comes, strongest first, from: the caller (``published=``), the sidecar
``<name>.meta.yaml`` beside the file, the file's own metadata (front matter, JSON fields, HTML
meta tags, table columns, feed elements), and last the dateline when it carries a full date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field

from anyascii import anyascii

from ..errors import InputFileError, ParameterError
from ..language import identify as identify_language
from ..structure import dateline_date

log = logging.getLogger(__name__)

_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive", b"\x7fELF": "a program",
}


class DecodeWarning(UserWarning):
    """Kept so old imports work: since 0.2 a file that is not valid UTF-8 (decoded as
    Windows-1252/Latin-1) is a message on the ``newsbench`` logger, not a warning."""


@dataclass
class Article:
    """One article: its text and metadata.

    Attributes:
        article_id: stable id, safe as a file name (from the file name, or the text's hash).
        text: the exact text analysed; every frame's ``start``/``end`` index it.
        meta: ``title``, ``published`` (``YYYY-MM-DD`` or None), ``published_from`` (where the
            date came from), ``source``, ``url``, ``path``, ``format`` and any other fields given
            (``item`` and ``row`` for one of several articles in a file).
    """

    article_id: str
    text: str
    meta: dict = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return self.meta.get("title")

    @property
    def published(self) -> str | None:
        return self.meta.get("published")

    def __repr__(self) -> str:
        return (f"Article({self.article_id!r}, published={self.published!r}, "
                f"{len(self.text)} chars, title={self.title!r})")


# --- ids -------------------------------------------------------------------------------------

def _ascii(name: str) -> str:
    """``name`` in ASCII letters: accents dropped, other scripts transliterated (anyascii:
    ``Москва`` -> ``Moskva``, ``北京`` -> ``BeiJing``); other non-ASCII characters (punctuation,
    symbols, emoji) left out, as before transliteration, so Latin names keep their ids."""
    if name.isascii():
        return name
    kept = "".join(c for c in unicodedata.normalize("NFKD", name)
                   if c.isascii() or unicodedata.category(c)[0] in "LNM")
    return anyascii(kept)


def _slug(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", _ascii(name))
    return re.sub(r"-{2,}", "-", slug).strip(".-_")


def safe_id(name: str) -> str:
    """A file-name-safe id: ASCII letters, digits, ``.``, ``_`` and ``-`` only, at most 80.

    Other scripts are transliterated (``Москва новости`` -> ``Moskva-novosti``); a name with
    nothing to transliterate (emoji, punctuation) gets ``article-`` and a hash of the name."""
    slug = _slug(name)[:80]
    if not slug:
        slug = "article-" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return slug


def item_id(value) -> str:
    """The id of one row or entry of a file, from its own id (a number, a slug, a URL, a tag:
    URI): made safe; a long one keeps its distinctive end and a hash of the whole."""
    raw = str(value).strip()
    slug = _slug(raw)
    if len(slug) <= 48:
        return slug or safe_id(raw)
    digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug[-36:].strip('.-_')}-{digest}"


def text_id(text: str) -> str:
    return "text-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


# --- publication dates -----------------------------------------------------------------------

def _day(value) -> dt.date:
    """A ``date``/``datetime`` or an ISO string to a date (the date part as written).

    Raises:
        ValueError: not a real calendar date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        return dt.date.fromisoformat(raw)
    return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()


def parse_published(value, *, where: str) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD``.

    Accepts ``date``/``datetime`` objects and ISO strings (``2020-03-13``, ``2020-03-13T09:30Z``).

    Raises:
        ParameterError: the value is not a real calendar date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        day = _day(value)
    except ValueError:
        raise ParameterError(
            f"{where}: published date '{str(value).strip()}' is not a real date; write it as "
            f"YYYY-MM-DD (e.g. 2020-03-13)"
        ) from None
    if day > dt.date.today() + dt.timedelta(days=1):
        log.warning(f"{where}: published {day} is in the future; check the date")
    return day.isoformat()


def coerce_date(value) -> str | None:
    """A table cell's or feed element's date as ``YYYY-MM-DD``: a ``date``/``datetime``, an ISO
    date or datetime, or an e-mail/RSS date (``Fri, 13 Mar 2020 09:30:00 +0100``); the date
    part as written (not moved to UTC). None for an empty value.

    Raises:
        ValueError: anything else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (bool, int, float)):
        raise ValueError(value)
    try:
        return _day(value).isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(str(value).strip())
    except (TypeError, ValueError, IndexError):
        raise ValueError(value) from None
    if parsed is None:
        raise ValueError(value)
    return parsed.date().isoformat()


def _date_from_dateline(raw: str | None) -> str | None:
    if not raw:
        return None
    cleaned = raw.replace(".", "").replace(",", "")
    for fmt in ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(cleaned.replace("Sept ", "Sep "), fmt).date().isoformat()
        except ValueError:
            continue
    return None  # month and day without a year: not enough to date the article


# --- size limits -----------------------------------------------------------------------------

def _env_bytes(name: str, default: int | None) -> int | None:
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        raise ParameterError(f"{name}: '{raw}' is not a number of bytes") from None
    return value if value is None or value > 0 else None


def human_bytes(n: int) -> str:
    """``5 MB``, ``6.2 MB``, ``3 kB``: a size for a message."""
    if n >= 1e6:
        return f"{n / 1e6:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{n / 1e3:.1f}".rstrip("0").rstrip(".") + " kB"


def max_bytes() -> int:
    """The largest article read: ``$NEWSBENCH_MAX_BYTES`` or 5 MB (news articles are far
    smaller; a bigger file is almost always a whole dump that should be split). For a table,
    the limit of each row's text."""
    return _env_bytes("NEWSBENCH_MAX_BYTES", 5_000_000) or 5_000_000


def max_feed_bytes() -> int:
    """The largest feed file read (a feed is parsed whole): ten times :func:`max_bytes`."""
    return 10 * max_bytes()


def too_big(where: str, size: int | None, kind: str = "article", limit: int | None = None) -> str:
    """The refusal of a file over its size limit (``kind``: ``article``, ``feed``; ``limit``
    by default the kind's); ``size`` None when only reading it found it longer (its size on
    disk said less)."""
    if kind == "feed":
        limit = limit or max_feed_bytes()
        shown = human_bytes(size) if size is not None else f"over {human_bytes(limit)}"
        return (f"{where}: {shown} is more than a feed (limit {human_bytes(limit)}, ten articles' "
                f"worth); split it, or raise NEWSBENCH_MAX_BYTES")
    limit = limit or max_bytes()
    shown = f"{size / 1e6:.1f} MB" if size is not None else f"over {human_bytes(limit)}"
    return (f"{where}: {shown} is more than one news article (limit {limit / 1e6:.0f} MB); "
            f"split it into articles, or raise NEWSBENCH_MAX_BYTES")


def max_table_bytes() -> int | None:
    """The largest table file read: ``$NEWSBENCH_MAX_TABLE_BYTES``, by default no limit (tables
    are streamed a row at a time; only each row's text is held to :func:`max_bytes`)."""
    return _env_bytes("NEWSBENCH_MAX_TABLE_BYTES", None)


# --- bytes to text ---------------------------------------------------------------------------

_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
               (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def utf16_encoding(data: bytes) -> str | None:
    """The encoding of UTF-16 (or UTF-32) text, from its first bytes: its byte-order mark
    (``utf-16``, ``utf-32``: the codec reads and drops it), or, without one, text that is
    mostly ASCII with a NUL beside each letter (``utf-16-le``, ``utf-16-be``); else None."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even, odd = head[0:2 * pairs:2], head[1:2 * pairs:2]
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= 0.9 * pairs and other.count(0) <= 0.02 * pairs:
            return encoding
    return None


def binary_kind(data: bytes) -> str | None:
    """What a file that is not text is (``a PNG image`` ...), from its first bytes; else None
    (UTF-16 text is text: see :func:`utf16_encoding`)."""
    if utf16_encoding(data) is not None:
        return None
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:65536]:
        return "binary content (NUL bytes)"
    return None


def _decode_wide(data: bytes, encoding: str, *, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{where}: looks like {encoding.upper()[:6]} text but is not valid "
                             f"(byte {exc.start}); save it as UTF-8") from None


def decode(data: bytes, *, where: str) -> str:
    """Bytes to text: UTF-8 (a BOM dropped), UTF-16 (with a BOM, or detectably: see
    :func:`utf16_encoding`), else Windows-1252 with a warning; newlines as ``\\n``.

    Raises:
        InputFileError: empty, binary or undecodable content.
    """
    if not data:
        raise InputFileError(f"{where}: the file is empty; put the article's text in it")
    wide = utf16_encoding(data)
    if wide is not None:
        return _text_checks(_decode_wide(data, wide, where=where), where=where)
    kind = binary_kind(data)
    if kind is not None:
        what = kind if kind.startswith("binary") else f"this is {kind}"
        raise InputFileError(
            f"{where}: {what}, not text; give a .txt, .md, .json or .html article"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        log.warning(f"{where}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252/Latin-1. "
                    f"Save the file as UTF-8 to silence this")
    return _text_checks(text, where=where)


def _text_checks(text: str, *, where: str) -> str:
    controls = sum(1 for c in text[:65536] if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 50):
        raise InputFileError(
            f"{where}: binary or undecodable content (control characters), not text; "
            f"save the article as UTF-8 text"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputFileError(f"{where}: the file has only white space; put the article's text in it")
    return text


# --- the last step of every format -----------------------------------------------------------

def compose(title: str | None, body: str) -> str:
    """Article text as analysed: the title as first paragraph (unless the body starts with it)."""
    body = body.strip("\n")
    if title and title.strip():
        head = " ".join(title.split())
        first = body.lstrip().split("\n", 1)[0].lstrip("# ").strip()
        if " ".join(first.split()).casefold() != head.casefold():
            return f"{head}\n\n{body}"
    return body


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(value: str, *, where: str, what: str = "the text", on_issue=None) -> str:
    """``value`` with lone surrogates (``"\\ud800"`` in JSON: no character, and no encoding
    can write them) replaced by U+FFFD, one for one (offsets stay those of ``value``), with a
    warning; ``value`` itself when it has none.

    ``on_issue(kind, message)``, when given, takes the warning instead (a table counts them)."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError as exc:
        n = len(_SURROGATE.findall(value))
        message = (f"{what} holds {n} lone surrogate{'s' if n != 1 else ''} (\\u"
                   f"{ord(value[exc.start]):04x} at character {exc.start}), which is not Unicode "
                   f"text; replaced by U+FFFD. Fix the file's \\u escapes to silence this")
        if on_issue is not None:
            on_issue("lone surrogates", message)
        else:
            log.warning(f"{where}: {message}")
    return _SURROGATE.sub("\ufffd", value)


def finish(text: str, meta: dict, *, article_id: str, where: str, published=None,
           file_meta_from: str | None, on_language=None, on_issue=None) -> Article:
    """The :class:`Article`: the publication date by precedence, the English check, a title.

    ``on_language(message)``, when given, takes the warning about text that does not look like
    English (a table collects them: a few one by one, the rest counted); ``on_issue(kind,
    message)`` the others (lone surrogates, see :func:`valid_unicode`)."""
    text = valid_unicode(text, where=where, on_issue=on_issue)
    meta = {key: (value if not isinstance(value, str) else
                  _SURROGATE.sub("\ufffd", value) if key == "path" else  # a file name's bytes
                  valid_unicode(value, where=where, what=f"'{key}'", on_issue=on_issue))
            for key, value in meta.items()}
    given_from = None
    if published is not None:
        meta["published"] = parse_published(published, where="the published parameter")
        given_from = "caller"
    elif meta.get("published") not in (None, ""):
        meta["published"] = parse_published(meta["published"], where=where)
        given_from = meta.pop("_published_from", None) or file_meta_from
    else:
        meta["published"] = _date_from_dateline(dateline_date(text))
        given_from = "dateline" if meta["published"] else None
    meta.pop("_published_from", None)
    meta["published_from"] = given_from
    found = identify_language(text)
    meta["english_share"] = found.share
    meta["detected_language"] = found.language
    if not found.english:
        message = (f"does not look like English (it reads as {found.name}); the analysis runs, "
                   f"but entities, sentiment and dates are built for English")
        if on_language is not None:
            on_language(message)
        else:
            log.warning(f"{where}: {message}")
    for key in ("title", "source", "url"):
        meta.setdefault(key, None)
    if meta["title"] is None:
        from ..structure import segment

        spans = [sp for sp in segment(text) if sp.role != "slug"]
        if spans and spans[0].role == "title":
            meta["title"] = text[spans[0].start:spans[0].end]
    return Article(article_id=article_id, text=text, meta=meta)


def article_from_text(text: str, *, published=None, title: str | None = None,
                      article_id: str | None = None, **meta) -> Article:
    """An :class:`Article` from a string (the text is used exactly as given)."""
    if not isinstance(text, str):
        raise ParameterError(f"text: expected a string, got {type(text).__name__}")
    if not text.strip():
        raise ParameterError("text: empty article text; give the article's text")
    meta = {**meta, "title": title, "path": None, "format": "text"}
    return finish(text, meta, article_id=safe_id(article_id) if article_id else text_id(text),
                  where="text", published=published, file_meta_from="caller")
