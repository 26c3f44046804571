"""The emotions layer: NRC emotion counts per sentence from the lemmas of the parse, with each
sentence's number of words."""

from __future__ import annotations

import dataclasses

import pytest

import newsbench as nb
from newsbench import layers, schema, sentiment


def _rows(text: str, monkeypatch) -> list[dict]:
    """The emotions layer's rows for ``text``, as the pipeline runs it."""
    real = layers.REGISTRY["emotions"]
    seen: dict = {}

    def spy(ctx):
        out = real.build(ctx)
        seen["rows"] = out["emotions"]
        seen["sentences"] = ctx.frames["sentences"]
        return out

    monkeypatch.setitem(layers.REGISTRY, "emotions", dataclasses.replace(real, build=spy))
    nb.analyze_text(text, cache=False)
    for row, sent in zip(seen["rows"], seen["sentences"]):
        assert (row["start"], row["end"], row["sent_id"]) == (sent["start"], sent["end"], sent["sent_id"])
    assert len(seen["rows"]) == len(seen["sentences"])
    return seen["rows"]


def test_counts_come_from_lemmas(monkeypatch):
    rows = _rows("Headline\n\nTwo soldiers died when a shell struck the post. The unit lost a vehicle.",
                 monkeypatch)
    died, lost = rows[1], rows[2]
    nrc = sentiment.get_nrc_lexicon()
    assert "died" not in nrc and "struck" not in nrc  # only their lemmas are NRC words
    assert died["sadness"] >= 1 and died["fear"] >= 1 and died["anger"] >= 1  # die, strike
    assert lost["sadness"] >= 1 and lost["anger"] >= 1  # lose (NRC's "lost" has no anger)


def test_no_suffix_guesses(monkeypatch):
    # rates is not rat, passed not passe, morning not morn
    rows = _rows("Headline\n\nThe rates passed 5 percent on Tuesday morning.", monkeypatch)
    assert sum(rows[1][e] for e in schema.EMOTIONS) == 0


def test_names_stop_words_and_negated_words_do_not_count(monkeypatch):
    rows = _rows("Headline\n\nMr Young visited Hope on Monday. There was no fear and no anger.",
                 monkeypatch)
    # a person and a town: Young and Hope would be joy, anticipation and surprise
    assert rows[1]["joy"] == rows[1]["anticipation"] == rows[1]["surprise"] == 0
    assert rows[2]["fear"] == 0 and rows[2]["anger"] == 0


def test_words_column_counts_word_tokens(monkeypatch):
    rows = _rows("Headline\n\nPrices fell 3.5 percent, officials said. It didn't matter.", monkeypatch)
    assert all("words" in r for r in rows)
    assert rows[0]["words"] == 1
    assert rows[1]["words"] == 6   # Prices fell 3.5 percent officials said (no punctuation)
    assert rows[2]["words"] == 4   # It did n't matter


def test_the_fallback_without_a_parse():
    counts = sentiment.emotion_counts("The rates passed 5 percent this morning; there was no fear.")
    assert counts["words"] == 11
    assert counts["disgust"] == 0 and counts["fear"] == 0  # no "rat", fear negated
    assert sentiment.emotion_counts("Bombs and threats")["fear"] == 2  # plurals


@pytest.mark.skipif("words" not in [c for c, _ in schema.SCHEMAS["emotions"]],
                    reason="schema.py does not declare the emotions frame's 'words' column yet "
                           "(add ('words', INT) after the emotion columns)")
def test_the_frame_carries_words(seed_analysis):
    e = seed_analysis.emotions
    assert (e["words"] > 0).all()
    assert e["words"].dtype == "int64"


def test_offices_and_institutions_are_no_trust(monkeypatch):
    # NRC calls "council", "police", "president", "ministry" trust: in news they name who acts
    rows = _rows("Headline\n\nThe council president told police and ministry officials on Monday.",
                 monkeypatch)
    assert rows[1]["trust"] == 0 and rows[1]["positive"] == 0 and rows[1]["joy"] == 0
    assert sentiment.emotion_counts("The council president told police officials.")["trust"] == 0
    # a word of trust itself still counts
    assert _rows("Headline\n\nVoters said they trust the new plan.", monkeypatch)[1]["trust"] >= 1
