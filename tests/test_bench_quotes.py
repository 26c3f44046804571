"""The quotations bench's scorer (benches/bench_quotes.py) on tiny hand-made gold and predictions.

No model and no textacy: only the matching, P/R/F1 and speaker rules.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benches" / "bench_quotes.py"
_spec = importlib.util.spec_from_file_location("bench_quotes", _PATH)
bq = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bq)


def q(start, end, kind="direct", speaker=None, source="named", label="PERSON"):
    return {"start": start, "end": end, "kind": kind, "speaker": speaker,
            "speaker_source": source, "speaker_label": label}


def art(quotes, id="q002"):
    return {"id": id, "half": "dev", "style": "test", "text": "x" * 1000, "quotes": quotes}


def test_jaccard_of_char_ranges():
    assert bq.jaccard(q(0, 10), q(0, 10)) == 1.0
    assert bq.jaccard(q(0, 10), q(5, 15)) == pytest.approx(5 / 15)
    assert bq.jaccard(q(0, 10), q(0, 20)) == 0.5
    assert bq.jaccard(q(0, 10), q(10, 20)) == 0.0      # touching, not overlapping
    assert bq.jaccard(q(0, 10), q(30, 40)) == 0.0


def test_match_threshold_is_half_inclusive():
    assert bq.match([q(0, 10)], [q(0, 20)]) == [(0, 0)]            # exactly 0.5
    assert bq.match([q(0, 10)], [q(0, 21)]) == []                  # just under
    assert bq.match([q(0, 10)], [q(4, 14)]) == []                  # 6/14 < 0.5


def test_match_is_one_to_one_best_overlap_first():
    gold = [q(0, 10), q(0, 12)]
    pred = [q(0, 12)]
    # the prediction is exact for the second gold; the first stays unmatched
    assert bq.match(gold, pred) == [(1, 0)]
    # two predictions on one gold: only the better one matches
    assert bq.match([q(0, 10)], [q(0, 18), q(1, 10)]) == [(0, 1)]
    # crossing candidates: each gold gets its best prediction
    gold = [q(0, 10), q(2, 12)]
    pred = [q(2, 12), q(0, 11)]
    assert bq.match(gold, pred) == [(0, 1), (1, 0)]


def test_match_ties_are_deterministic():
    gold = [q(0, 10), q(0, 10)]
    pred = [q(0, 10), q(0, 10)]
    assert bq.match(gold, pred) == [(0, 0), (1, 1)]


def test_prf_and_kind_groups():
    gold = [q(0, 10, "direct"), q(20, 30, "indirect"), q(40, 50, "mixed"), q(60, 70, "direct")]
    pred = [q(0, 10, "direct"), q(20, 30, "direct"), q(40, 50, "indirect"), q(80, 90, "indirect")]
    r = bq.score([art(gold)], [pred])
    # direct: gold {0, 60}, predicted {0, 20}: one match
    assert (r["direct"]["tp"], r["direct"]["pred"], r["direct"]["gold"]) == (1, 2, 2)
    assert r["direct"]["f1"] == pytest.approx(0.5)
    # indirect+mixed: gold {20, 40}, predicted {40, 80}: one match (mixed vs indirect counts)
    assert (r["indirect"]["tp"], r["indirect"]["pred"], r["indirect"]["gold"]) == (1, 2, 2)
    # any kind: three of four each way
    assert r["all"]["p"] == pytest.approx(0.75) and r["all"]["r"] == pytest.approx(0.75)
    assert r["all"]["f1"] == pytest.approx(0.75)


def test_prf_edge_cases():
    assert bq.prf(0, 0, 5) == {"tp": 0, "pred": 0, "gold": 5, "p": None, "r": 0.0, "f1": 0.0}
    assert bq.prf(0, 0, 0)["f1"] is None
    r = bq.prf(2, 4, 8)
    assert r["p"] == 0.5 and r["r"] == 0.25 and r["f1"] == pytest.approx(1 / 3)


def test_empty_predictions_score_zero_not_error():
    r = bq.score([art([q(0, 10, speaker="Maria Okonjo")])], [[]])
    assert r["all"]["r"] == 0.0 and r["all"]["p"] is None
    assert r["speaker"]["acc"] is None
    assert r["named"]["e2e"] == 0.0 and r["named"]["gold"] == 1


@pytest.mark.parametrize("gold, label, pred, ok", [
    ("Maria Okonjo", "PERSON", "Maria Okonjo", True),
    ("Maria Okonjo", "PERSON", "maria  okonjo", True),
    ("Maria Okonjo", "PERSON", "Okonjo", True),                   # surname
    ("Maria Okonjo", "PERSON", "Commissioner Maria Okonjo", True),
    ("Maria Okonjo", "PERSON", "Maria", False),
    ("Maria Okonjo", "PERSON", "she", False),                     # a pronoun stays wrong
    ("José Núñez", "PERSON", "Jose Nunez", True),                 # accents folded
    ("Defence Ministry", "ORG", "the Defence Ministry", True),     # leading "the"
    ("Defence Ministry", "ORG", "Ministry", False),               # no surname rule for ORG
    ("Kastelian navy", "ORG", "navy", False),
    ("two witnesses", None, "Two witnesses", True),
    ("an EU diplomat", None, "EU diplomat", True),
    ("a baker who lives two streets from the depot", None, "baker", False),
    ("Maria Okonjo", "PERSON", None, False),
    ("Maria Okonjo", "PERSON", "", False),
])
def test_speaker_rule(gold, label, pred, ok):
    assert bq.speaker_right(gold, label, pred) is ok


def test_speaker_accuracy_matched_named_and_end_to_end():
    gold = [q(0, 10, speaker="Maria Okonjo", source="named"),
            q(20, 30, speaker="Maria Okonjo", source="pronoun"),
            q(40, 50, speaker="Pieter Kleyn", source="named"),
            q(60, 70, speaker=None, source="none", label=None),      # no gold speaker: left out
            q(80, 90, speaker="Defence Ministry", source="named", label="ORG")]  # not found
    pred = [q(0, 10, speaker="Okonjo"),
            q(20, 30, speaker="she"),
            q(40, 50, speaker="Kleyn"),
            q(60, 70, speaker="the court")]
    r = bq.score([art(gold)], [pred])
    assert (r["speaker"]["n"], r["speaker"]["right"]) == (3, 2)
    assert r["speaker"]["acc"] == pytest.approx(2 / 3)
    assert (r["named"]["n"], r["named"]["right"], r["named"]["gold"]) == (2, 2, 3)
    assert r["named"]["acc"] == 1.0
    assert r["named"]["e2e"] == pytest.approx(2 / 3)


def test_speaker_uses_the_any_kind_match():
    # a direct prediction over a gold mixed quote still gets its speaker judged
    gold = [q(0, 20, "mixed", speaker="Harald Tvedt")]
    pred = [q(2, 20, "direct", speaker="Tvedt")]
    r = bq.score([art(gold)], [pred])
    assert r["indirect"]["tp"] == 0 and r["all"]["tp"] == 1
    assert r["speaker"]["acc"] == 1.0


def test_paragraph_offsets():
    text = "Head\n\n“Hi there,” she said.\n\nEnd"
    paras = list(bq.paragraphs(text))
    assert [p for _, p in paras] == ["Head", "“Hi there,” she said.", "End"]
    for off, p in paras:
        assert text[off:off + len(p)] == p


def test_split_by_id_parity(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text('{"id": "q001", "text": "", "quotes": []}\n{"id": "q002", "text": "", "quotes": []}\n')
    assert [a["half"] for a in bq.load_gold(f)] == ["heldout", "dev"]


def test_tables_have_two_decimals_and_na():
    r = bq.score([art([q(0, 10, speaker="Maria Okonjo")])], [[q(0, 10, speaker="Okonjo")]])
    table = bq.quality_table({"x": r})
    row = table.splitlines()[2]
    assert "| x | 1.00 | 1.00 | 1.00 | n/a | n/a | n/a | 1.00 |" in row
    head, sep = table.splitlines()[:2]
    assert head.count("|") == sep.count("|")
