"""Loading articles: plain text, Markdown with front matter, JSON, HTML; files, folders, globs.

Metadata comes, strongest first, from: the caller (``published=``), the sidecar
``<name>.meta.yaml`` beside the file, the file's own metadata (front matter, JSON fields, HTML
meta tags), and last the dateline when it carries a full date.
"""

from __future__ import annotations

import datetime as dt
import glob as globlib
import hashlib
import json
import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputFileError, ParameterError
from .language import THRESHOLD as LANGUAGE_THRESHOLD
from .language import english_share
from .structure import dateline_date

ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
                    ".json": "json", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".meta.yaml"
META_KEYS = ("title", "published", "source", "url", "author", "language", "standfirst")

_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive", b"\x7fELF": "a program",
}


class DecodeWarning(UserWarning):
    """A file was not valid UTF-8 and was decoded as Windows-1252/Latin-1."""


@dataclass
class Article:
    """One article: its text and metadata.

    Attributes:
        article_id: stable id, safe as a file name (from the file name, or the text's hash).
        text: the exact text analysed; every frame's ``start``/``end`` index it.
        meta: ``title``, ``published`` (``YYYY-MM-DD`` or None), ``published_from`` (where the
            date came from), ``source``, ``url``, ``path``, ``format`` and any other fields given.
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


# --- small helpers ---------------------------------------------------------------------------

def safe_id(name: str) -> str:
    """A file-name-safe id: ASCII letters, digits, ``.``, ``_`` and ``-`` only."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name)
    slug = re.sub(r"-{2,}", "-", slug).strip(".-_")[:80]
    if not slug:
        slug = "article-" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return slug


def text_id(text: str) -> str:
    return "text-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def parse_published(value, *, where: str) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD``.

    Accepts ``date``/``datetime`` objects and ISO strings (``2020-03-13``, ``2020-03-13T09:30Z``).

    Raises:
        ParameterError: the value is not a real calendar date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            day = dt.date.fromisoformat(raw)
        else:
            day = dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        raise ParameterError(
            f"{where}: published date '{raw}' is not a real date; write it as YYYY-MM-DD (e.g. 2020-03-13)"
        ) from None
    if day > dt.date.today() + dt.timedelta(days=1):
        warnings.warn(f"{where}: published {day} is in the future; check the date", stacklevel=3)
    return day.isoformat()


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


def max_bytes() -> int:
    """The largest article file read: ``$NEWSBENCH_MAX_BYTES`` or 5 MB (news articles are far
    smaller; a bigger file is almost always a whole dump that should be split)."""
    import os

    raw = os.environ.get("NEWSBENCH_MAX_BYTES", "").strip()
    try:
        return int(raw) if raw else 5_000_000
    except ValueError:
        raise ParameterError(f"NEWSBENCH_MAX_BYTES: '{raw}' is not a number of bytes") from None


def decode(data: bytes, *, where: str) -> str:
    """Bytes to text: UTF-8 (a BOM dropped), else Windows-1252 with a warning; newlines as ``\\n``.

    Raises:
        InputFileError: empty, binary or undecodable content.
    """
    if not data:
        raise InputFileError(f"{where}: the file is empty; put the article's text in it")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputFileError(
                f"{where}: this is {kind}, not text; give a .txt, .md, .json or .html article"
            )
    if b"\x00" in data[:65536]:
        raise InputFileError(
            f"{where}: binary content (NUL bytes), not text; give a .txt, .md, .json or .html article"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        warnings.warn(
            f"{where}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252/Latin-1. "
            f"Save the file as UTF-8 to silence this",
            DecodeWarning,
            stacklevel=3,
        )
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


def _compose(title: str | None, body: str) -> str:
    """Article text as analysed: the title as first paragraph (unless the body starts with it)."""
    body = body.strip("\n")
    if title and title.strip():
        head = " ".join(title.split())
        first = body.lstrip().split("\n", 1)[0].lstrip("# ").strip()
        if " ".join(first.split()).casefold() != head.casefold():
            return f"{head}\n\n{body}"
    return body


def _yaml_loader():
    """A safe YAML loader that leaves dates as strings (we check them ourselves, with a clear
    message, instead of PyYAML failing on 2016-02-30)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _read_yaml(text: str, *, where: str) -> dict:
    import yaml

    try:
        data = yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputFileError(f"{where}: unreadable YAML{at}; fix the metadata's syntax") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputFileError(f"{where}: metadata must be 'key: value' lines, not a {type(data).__name__}")
    return data


def _clean_meta(raw: dict) -> dict:
    out = {}
    for key, value in raw.items():
        key = str(key).strip().lower()
        if key == "date" and "published" not in raw:
            key = "published"
        if value is None:
            continue
        if isinstance(value, (dt.date, dt.datetime)):
            out[key] = value
        elif isinstance(value, (str, int, float, bool)):
            out[key] = value.strip() if isinstance(value, str) else value
    return out


# --- per-format readers: each returns a list of (text, meta, id_suffix) -----------------------

def _read_text(raw: str, where: str):
    return [(raw, {}, None)]


def _read_markdown(raw: str, where: str):
    meta: dict = {}
    body = raw
    m = re.match(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", raw, re.S)
    if m:
        meta = _clean_meta(_read_yaml(m.group(1), where=where))
        body = raw[m.end():]
    if not body.strip():
        raise InputFileError(f"{where}: the Markdown file has front matter but no article text")
    return [(_compose(meta.get("title"), body), meta, None)]


_TEXT_FIELDS = ("text", "body", "content", "article")


def _read_json(raw: str, where: str):
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"{where}: unreadable JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            f"fix the syntax or save the article as .txt"
        ) from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise InputFileError(f"{where}: the JSON list is empty; give at least one article object")
    out = []
    for i, item in enumerate(items):
        label = f"{where} item {i}" if isinstance(data, list) else where
        if not isinstance(item, dict):
            raise InputFileError(
                f"{label}: expected an object with 'title' and 'text', got {type(item).__name__}"
            )
        body = next((item[k] for k in _TEXT_FIELDS if isinstance(item.get(k), str)), None)
        if body is None or not body.strip():
            raise InputFileError(
                f"{label}: no article text; give a non-empty string field 'text' "
                f"(also read: {', '.join(_TEXT_FIELDS[1:])})"
            )
        meta = _clean_meta({k: v for k, v in item.items() if k not in _TEXT_FIELDS})
        title = meta.get("title")
        if title is not None and not isinstance(title, str):
            raise InputFileError(f"{label}: 'title' must be a string")
        suffix = None
        if isinstance(data, list):
            suffix = safe_id(str(meta["id"])) if meta.get("id") else f"{i:03d}"
        out.append((_compose(title, body), meta, suffix))
    return out


def _read_html(raw: str, where: str):
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                          include_tables=False)
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    body = (data.get("text") or "").strip()
    if len(re.findall(r"\w+", body)) < 8:
        raise InputFileError(
            f"{where}: no article text could be extracted from this HTML; save the page's "
            f"article as .txt, or give the full page"
        )
    body = re.sub(r"\n+", "\n\n", body)  # one paragraph per extracted block
    meta = {
        "title": data.get("title"), "published": data.get("date"), "author": data.get("author"),
        "source": data.get("sitename") or data.get("hostname"), "url": data.get("url"),
        "standfirst": data.get("description"), "language": data.get("language"),
    }
    meta = {k: v for k, v in meta.items() if v}
    return [(_compose(meta.get("title"), body), meta, None)]


_READERS = {"text": _read_text, "markdown": _read_markdown, "json": _read_json, "html": _read_html}


# --- public API ------------------------------------------------------------------------------

def _finish(text: str, meta: dict, *, article_id: str, where: str, published=None,
            file_meta_from: str | None) -> Article:
    meta = dict(meta)
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
    share = english_share(text)
    meta["english_share"] = share
    if share is not None and share < LANGUAGE_THRESHOLD:
        warnings.warn(
            f"{where}: does not look like English (only {share:.0%} of its words are common English "
            f"words); the analysis runs, but entities, sentiment and dates are built for English",
            stacklevel=3,
        )
    for key in ("title", "source", "url"):
        meta.setdefault(key, None)
    if meta["title"] is None:
        from .structure import segment

        spans = segment(text)
        if spans and spans[0].role == "title":
            meta["title"] = text[spans[0].start:spans[0].end]
    return Article(article_id=article_id, text=text, meta=meta)


def load_article(path, *, published=None) -> Article:
    """Load one article file.

    Args:
        path: a .txt, .md, .json (one object) or .html file.
        published: publication date (``YYYY-MM-DD``); wins over every other source.

    Returns:
        :class:`Article`.

    Raises:
        InputFileError: missing, empty, binary or malformed file (one-line message).
        ParameterError: ``published`` (or the file's date) is not a date.
    """
    articles = _load_file(Path(path), published=published)
    if len(articles) != 1:
        raise InputFileError(
            f"{path}: holds {len(articles)} articles; use load_corpus() for a JSON list"
        )
    return articles[0]


def _load_file(path: Path, *, published=None) -> list[Article]:
    where = str(path)
    if not path.exists():
        raise InputFileError(f"{where}: no such file; check the path (relative to {Path.cwd()})")
    if path.is_dir():
        raise InputFileError(f"{where}: is a folder; use load_corpus() or give a file")
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputFileError(
            f"{where}: unknown kind of file '{path.suffix}'; use one of "
            f"{', '.join(sorted(ARTICLE_SUFFIXES))}"
        )
    limit = max_bytes()
    size = path.stat().st_size
    if size > limit:
        raise InputFileError(
            f"{where}: {size / 1e6:.1f} MB is more than one news article (limit {limit / 1e6:.0f} MB); "
            f"split it into articles, or raise NEWSBENCH_MAX_BYTES"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{where}: cannot be read ({exc.strerror}); check its permissions") from None
    raw = decode(data, where=where)
    items = _READERS[kind](raw, where)
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    side = {}
    if sidecar.is_file():
        side = _clean_meta(_read_yaml(decode(sidecar.read_bytes(), where=str(sidecar)), where=str(sidecar)))
    file_from = {"text": None, "markdown": "front matter", "json": "json", "html": "html meta"}[kind]
    base_id = safe_id(path.stem)
    out = []
    for text, meta, suffix in items:
        merged = {**meta}
        for key, value in side.items():
            merged[key] = value
        if "published" in side:
            merged["_published_from"] = "sidecar"
        merged.update({"path": str(path), "format": kind})
        if suffix:
            merged["item"] = suffix  # one of several articles in the file
        if not text.strip():
            raise InputFileError(f"{where}: no article text; put the article's text in it")
        out.append(_finish(text, merged, article_id=f"{base_id}-{suffix}" if suffix else base_id,
                           where=where, published=published, file_meta_from=file_from))
    return out


def article_from_text(text: str, *, published=None, title: str | None = None,
                      article_id: str | None = None, **meta) -> Article:
    """An :class:`Article` from a string (the text is used exactly as given)."""
    if not isinstance(text, str):
        raise ParameterError(f"text: expected a string, got {type(text).__name__}")
    if not text.strip():
        raise ParameterError("text: empty article text; give the article's text")
    meta = {**meta, "title": title, "path": None, "format": "text"}
    return _finish(text, meta, article_id=safe_id(article_id) if article_id else text_id(text),
                   where="text", published=published, file_meta_from="caller")


def article_paths(paths) -> list[Path]:
    """Expand files, folders (recursively) and glob patterns to article files, sorted, unique."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    for p in paths:
        s = str(p)
        if any(ch in s for ch in "*?["):
            matches = sorted(Path(m) for m in globlib.glob(s, recursive=True))
            if not matches:
                raise InputFileError(f"{s}: the pattern matches no file; check it")
            found.extend(m for m in matches if _is_article(m))
        elif Path(s).is_dir():
            inside = sorted(f for f in Path(s).rglob("*") if _is_article(f)
                            and not any(part.startswith(".") for part in f.relative_to(s).parts))
            if not inside:
                raise InputFileError(
                    f"{s}: no articles ({', '.join(sorted(ARTICLE_SUFFIXES))}) in this folder; "
                    f"add some or point at another folder"
                )
            found.extend(inside)
        else:
            found.append(Path(s))
    seen, unique = set(), []
    for f in found:
        key = f.resolve() if f.exists() else f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _is_article(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX)


def iter_articles(paths, *, published=None):
    """Articles from files, folders and globs, one at a time, with ids made unique."""
    seen: dict[str, int] = {}
    for path in article_paths(paths):
        for art in _load_file(path, published=published):
            if art.article_id in seen:
                seen[art.article_id] += 1
                new_id = f"{art.article_id}-{seen[art.article_id]}"
                warnings.warn(
                    f"{path}: article id '{art.article_id}' is already used in this corpus; "
                    f"this one is '{new_id}'. Rename the file to choose its id",
                    stacklevel=2,
                )
                art = replace(art, article_id=new_id)
            seen.setdefault(art.article_id, 1)
            yield art


__all__ = ["Article", "DecodeWarning", "article_from_text", "article_paths", "iter_articles",
           "load_article", "parse_published", "safe_id"]
