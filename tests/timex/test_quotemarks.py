"""newsbench.quotemarks: direct quotations by their marks, shared by the time layer."""

from __future__ import annotations

from newsbench.quotemarks import quote_spans


def _quoted(text):
    return [text[a:b] for a, b in quote_spans(text)]


def test_straight_and_curly_quotes():
    assert _quoted('"We will win," she said.') == ["We will win,"]
    assert _quoted("“We will win,” she said, “and soon.”") == ["We will win,", "and soon."]


def test_no_quotes():
    assert quote_spans("No one said anything.") == []
    assert quote_spans("") == []


def test_an_unclosed_quote_runs_to_the_end_of_its_line():
    text = "“The first paragraph of a long quote\n“and the last one,” he said."
    assert _quoted(text) == ["The first paragraph of a long quote", "and the last one,"]


def test_a_quote_never_spans_a_line_break():
    text = 'He said "yes\nand" no'
    quoted = _quoted(text)
    assert quoted[0] == "yes"
    assert all("\n" not in q for q in quoted)


def test_offsets_are_in_text_order_and_inside_the_text():
    text = 'A "b" c “d” e "f'
    spans = quote_spans(text)
    assert spans == sorted(spans)
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    assert _quoted(text) == ["b", "d", "f"]
