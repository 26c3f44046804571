"""Tables for reading (:func:`newsbench.views.frames.report_table`): no index column, text
left-aligned, offsets kept in the frame but not shown, article text escaped, the same HTML for
the same frame, and an empty table that says so."""

from __future__ import annotations

import re

import pandas as pd

from newsbench.views.frames import offset_columns, report_table, word_count


def _frame():
    return pd.DataFrame({
        "sent_id": [0, 1], "start": [0, 40], "end": [39, 90],
        "cue_start": pd.array([5, pd.NA], dtype="Int64"),
        "date_start": pd.to_datetime(["2016-10-07", None]),
        "sentiment": [-0.4567, None],
        "text": ["A <script>alert(1)</script> & long sentence.", "Short."],
    }, index=[7, 9])


def _headers(html: str) -> list[str]:
    return re.findall(r"<th[^>]*>([^<]*)</th>", html)


def test_offsets_are_not_shown_but_stay_in_the_frame():
    df = _frame()
    styler = report_table(df)
    assert offset_columns(df) == ["start", "end", "cue_start"]  # date_start is a date
    assert list(styler.data.columns) == ["sent_id", "date_start", "sentiment", "text"]
    assert {"start", "end", "cue_start"} <= set(df.columns)  # the frame itself keeps them
    assert "start" in report_table(df, offsets=True).data.columns


def test_no_index_column_and_text_left_aligned():
    html = report_table(_frame()).to_html()
    assert _headers(html) == ["sent_id", "date_start", "sentiment", "text"]  # no blank index
    assert ">7<" not in html and ">9<" not in html and "row_heading" not in html
    col = list(report_table(_frame()).data.columns).index("text")
    rule = re.search(r"td\.col%d \{([^}]*)\}" % col, html).group(1)
    assert "text-align: left" in rule
    num = list(report_table(_frame()).data.columns).index("sentiment")
    assert not re.search(r"td\.col%d \{[^}]*text-align: left" % num, html)


def test_values_are_escaped_rounded_and_dates_written_as_days():
    html = report_table(_frame()).to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; long" in html
    assert "-0.46" in html and "-0.4567" not in html and "n/a" in html
    assert "2016-10-07" in html and "00:00:00" not in html


def test_same_frame_same_html_and_an_empty_table_says_so():
    assert report_table(_frame()).to_html() == report_table(_frame()).to_html()
    empty = report_table(_frame().iloc[:0], caption="Quotations").to_html()
    assert "Quotations: Nothing to list." in empty


def test_word_count():
    assert word_count("Don't stop, 3 more!") == 4 and word_count(None) == 0


def test_html_and_tables_are_kept_from_mathjax():
    # "$5 million ... $3 million" would be typeset as a formula in JupyterLab
    import pandas as pd

    from newsbench import views
    df = pd.DataFrame({"text": ["The insurer paid $5 million and another $3 million."]})
    page = views.report_table(df).to_html()
    assert 'class="mathjax_ignore tex2jax_ignore"' in page and "$5 million" in page
    assert views.no_math("<p>$5</p>") == '<div class="mathjax_ignore tex2jax_ignore"><p>$5</p></div>'
    assert views.safe_html("<p>$5 and $3</p>").data.startswith('<div class="mathjax_ignore')


def test_charts_show_dollar_signs_as_text():
    import pandas as pd

    from newsbench import charts
    ents = pd.DataFrame({"article_id": ["a", "a"], "entity": ["$5 million$ Fund", "Acme $Corp"],
                         "label": ["ORG", "ORG"], "mentions": [3, 2], "sentiment": [0.2, -0.3],
                         "sentiment_std": [0.1, 0.1], "n_sentences": [3, 2]})
    svg = charts.to_svg(charts.entity_sentiment_chart(ents, min_mentions=1))
    assert "$5 million$ Fund" in svg and "Acme $Corp" in svg
