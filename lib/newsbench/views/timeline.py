"""Views of the time frames: a TIMEX3 value in words, the note on the publication date the
values were resolved against, and the tables a reader checks against the text.

Every table takes frames of one article or many (led by ``article_id`` when there are
several: a sentence number alone does not say where it is then).
"""

from __future__ import annotations

import pandas as pd

from ..layers.time_values import describe, period_offset
from .frames import with_article

__all__ = ["dated_events", "describe", "expressions_table", "period_offset", "publication_note",
           "undated_events"]


def publication_note(an) -> str:
    """One paragraph per article on the publication date the values were resolved against, or
    how to give one."""
    rows = an.articles
    if rows.empty:
        return "No article."
    notes = []
    for art in rows.itertuples():
        if pd.isna(art.published):
            notes.append(
                f"{art.article_id}: no publication date, so relative expressions such as "
                "'on Friday', 'last week' or 'yesterday' keep symbolic values (XXXX-WXX-5, "
                "XXXX-WXX, XXXX-XX-XX) and are not placed on the timeline; only absolute dates "
                "are. Give the date with the notebook parameter published (YYYY-MM-DD), with "
                "analyze(..., published='YYYY-MM-DD'), with --published on the command line, or "
                "in a NAME.meta.yaml sidecar next to the article (a line 'published: "
                "YYYY-MM-DD').")
        else:
            src = f" (from {art.published_from})" if isinstance(art.published_from, str) else ""
            notes.append(f"{art.article_id}: relative dates are resolved against the publication "
                         f"date {art.published:%A %d %B %Y}{src}; quotes are anchored to the day "
                         "they were spoken where the text says so.")
    return "\n".join(notes)


def expressions_table(timexes: pd.DataFrame) -> pd.DataFrame:
    """The expressions as a table to check against the text: where, what, its value in words."""
    cols = ["timex_id", "sent_id", "start", "text", "type", "value", "reads", "date_start",
            "date_end", "anchor"]
    if timexes.empty:
        return pd.DataFrame(columns=cols)
    cols = with_article(timexes, cols)
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
    cols = with_article(out, cols)
    return out[[c for c in cols if c in out.columns]].reset_index(drop=True)


def undated_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events with no calendar date: anchored to an undated happening, or with no publication
    date."""
    cols = ["event_id", "sent_id", "summary", "relation", "timex", "value", "entities"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    out = events[events["date_start"].isna()]
    cols = with_article(out, cols)
    return out[[c for c in cols if c in out.columns]].reset_index(drop=True)
