"""Property tests: arbitrary text never crashes loading or analysis, offsets always slice back,
frames keep their dtypes, scores stay in range."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsbench as nb
from newsbench import schema

# news-like pieces mixed with arbitrary unicode, so the parser sees sentences and entities too
WORDS = st.sampled_from(["The", "minister", "said", "on", "Friday", "Paris", "UN", "killed",
                         "\n\n", "\n", ".", ",", '"', "(", ")", "2016", "17 August 2016", "-",
                         "MOSCOW -", "FILE:", "tomorrow", "Ms Smith", "no", "not", "'s", "  "])
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=12)), min_size=1, max_size=40).map(" ".join)
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(an, text: str) -> None:
    assert an.text == text
    for name, cols in schema.SCHEMAS.items():
        df = getattr(an, name)
        for col, dtype in cols:
            assert schema.has_dtype(df[col], dtype), (name, col, df[col].dtype)
        if len(df):
            assert (df["start"] >= 0).all() and (df["end"] <= len(text)).all()
            assert (df["start"] <= df["end"]).all()
        if "text" in df.columns:
            for r in df.itertuples():
                assert text[r.start:r.end] == r.text, (name, r)
    s = an.sentences["sentiment"].dropna()
    assert s.between(-1, 1).all()
    for col in ("pos", "neg", "neu"):
        assert an.sentences[col].dropna().between(0, 1).all()


@FUZZ
@given(TEXT, st.sampled_from([None, "2016-10-07", "2000-02-29"]))
def test_analyze_text_never_crashes_and_keeps_offsets(text, published):
    try:
        an = nb.analyze_text(text, published=published, cache=False)
    except nb.ParameterError as exc:
        assert not text.strip() and "empty article text" in str(exc)
        return
    _check(an, text)


@FUZZ
@given(st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.sampled_from([".txt", ".md", ".json", ".html"]))
def test_loading_arbitrary_bytes_gives_an_article_or_a_clear_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            corpus = nb.load_corpus(path)
        except nb.NewsbenchError as exc:
            assert "\n" not in str(exc) and "fuzz" in str(exc)
            return
        for art in corpus:
            assert art.text.strip()
            assert art.article_id.replace("-", "").replace("_", "").replace(".", "").isalnum()
