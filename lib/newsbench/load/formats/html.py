"""A saved web page (``.html``, ``.htm``): the article and its metadata, by trafilatura."""

from __future__ import annotations

import re
import warnings

from ...errors import InputFileError
from ..article import compose
from ..rows import Entry
from ..textio import read_text

NAME = "html"
PUBLISHED_FROM = "html meta"
LIMIT = "article"
#: htmldate's settings: the original publication date, from metadata only.
DATE_PARAMS = {"original_date": True, "extensive_search": False}


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
        "title": data.get("title"), "published": data.get("date"), "author": data.get("author"),
        "source": data.get("sitename") or data.get("hostname"), "url": data.get("url"),
        "standfirst": data.get("description"), "language": data.get("language"),
    }
    meta = {k: v for k, v in meta.items() if v}
    yield Entry(compose(meta.get("title"), body), meta)
