"""A word or phrase in context and over time."""

from __future__ import annotations

import re

import pandas as pd

from ...errors import ParameterError
from ._common import _dated, _empty, _granularity, _int, _period_range, _with_attrs, parse_terms

# --------------------------------------------------------------------------- terms


def _term_pattern(term: str) -> re.Pattern:
    term = " ".join(str(term).split())
    if not term:
        raise ParameterError("term: give a word or phrase to look for")
    body = r"\s+".join(re.escape(w) for w in term.split(" "))
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def kwic(sentences: pd.DataFrame, term: str, *, width: int = 60,
         limit: int = 200) -> pd.DataFrame:
    """Every use of a word or phrase in its context (keyword in context).

    Args:
        sentences: the ``sentences`` frame (``article_id, sent_id, start, text``; ``text`` is
            ``texts[article_id][start:end]``).
        term: the word or phrase, matched as whole words, case-insensitively (any run of
            whitespace between its words matches).
        width: characters of context on each side, from the sentence.
        limit: most rows returned (``attrs["total"]`` counts every match).

    Returns:
        Frame ``article_id, sent_id, start, end, left, match, right``: ``start``/``end`` are the
        match's offsets in the article text, so ``texts[article_id][start:end] == match``
        (line breaks in ``left``/``right`` shown as spaces).

    Raises:
        ParameterError: empty ``term``, bad ``width`` or ``limit``.
    """
    pat = _term_pattern(term)
    width, limit = _int("width", width, 0), _int("limit", limit)
    text = sentences["text"].astype("string").fillna("")
    hit = text.str.contains(pat, regex=True).fillna(False).to_numpy(dtype=bool)
    rows, total = [], 0
    sub = sentences[hit].assign(text=text[hit]).sort_values(["article_id", "start"],
                                                            kind="stable")
    for aid, sid, s0, t in zip(sub["article_id"], sub["sent_id"], sub["start"], sub["text"]):
        for m in pat.finditer(t):
            total += 1
            if len(rows) < limit:
                a, b = m.span()
                rows.append({"article_id": aid, "sent_id": int(sid), "start": int(s0) + a,
                             "end": int(s0) + b, "match": m.group(0),
                             "left": t[max(0, a - width):a].replace("\n", " "),
                             "right": t[b:b + width].replace("\n", " ")})
    cols = {"article_id": "string", "sent_id": "int64", "start": "int64", "end": "int64",
            "left": "string", "match": "string", "right": "string"}
    out = pd.DataFrame(rows, columns=list(cols)).astype(cols) if rows else _empty(cols)
    return _with_attrs(out, total=total, term=term)


def term_trends(sentences: pd.DataFrame, articles: pd.DataFrame, terms, *,
                granularity: str = "month") -> pd.DataFrame:
    """How often some words or phrases are used per period, per article published then.

    Args:
        sentences: the ``sentences`` frame (``article_id``, ``text``).
        articles: the ``articles`` frame (``article_id``, ``published``).
        terms: the words or phrases (a list or a comma-separated string; see :func:`kwic`).
        granularity: ``day``, ``week`` or ``month``.

    Returns:
        Frame ``period, term, hits, n_articles, per_article``: a row per period and term, zeros
        included; ``per_article`` = hits / n_articles (NaN in a period without articles).
        ``attrs``: ``undated``, ``granularity``.

    Raises:
        ParameterError: bad ``terms`` or ``granularity``.
    """
    g = _granularity(granularity)
    terms = parse_terms(terms)
    dated, undated = _dated(articles, g)
    per = dated.groupby("period").size()
    sent = sentences[sentences["article_id"].isin(dated["article_id"])]
    text = sent["text"].astype("string").fillna("")
    period_of = sent["article_id"].map(dated.set_index("article_id")["period"])
    counts = {t: text.str.count(_term_pattern(t)).groupby(period_of).sum() for t in terms}
    grid = pd.MultiIndex.from_product([_period_range(dated["period"], g), terms],
                                      names=["period", "term"])
    flat = pd.concat(counts, names=["term", "period"]).swaplevel() if len(sent) else \
        pd.Series(dtype="int64")
    out = flat.reindex(grid, fill_value=0).rename("hits").reset_index()
    out["n_articles"] = out["period"].map(per).fillna(0).astype("int64")
    out["per_article"] = out["hits"] / out["n_articles"].where(out["n_articles"] > 0)
    out = out.astype({"term": "string", "hits": "int64"})
    return _with_attrs(out, undated=undated, granularity=g)




def kwic_html(hits: pd.DataFrame, term: str) -> str:
    """Keyword-in-context lines as HTML (article text escaped), the match in bold."""
    import html

    e = html.escape
    total = hits.attrs.get("total", len(hits))
    if hits.empty:
        return f"<p><b>{e(term)}</b>: not used in these articles.</p>"
    shown = f" (the first {len(hits)})" if total > len(hits) else ""
    rows = "\n".join(
        f'<tr><td style="text-align:right;color:#555">{e(str(r.left))}</td>'
        f"<td><b>{e(str(r.match))}</b></td><td style=\"color:#555\">{e(str(r.right))}</td>"
        f'<td><small>{e(str(r.article_id))} @{int(r.start)}</small></td></tr>'
        for r in hits.itertuples())
    return (f"<p><b>{e(term)}</b>: {total} use(s){shown}</p>"
            f'<table style="font-size:13px">{rows}</table>')
