"""The quotes layer: quotations, their kind, cue and speaker, on the forms news copy uses."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import newsbench as nb

ROOT = Path(__file__).resolve().parents[2]


def _quotes(text: str, published: str | None = "2024-03-15") -> pd.DataFrame:
    an = nb.analyze_text(text, published=published, cache=False)
    q = an.quotes
    for r in q.itertuples():  # offsets honest: every row points at its exact words
        assert an.text[r.start:r.end] == r.quote
        if pd.notna(r.speaker_start):
            assert an.text[int(r.speaker_start):int(r.speaker_end)]
        if pd.notna(r.cue_start):
            assert an.text[int(r.cue_start):int(r.cue_end)] == r.cue
    return q


def _by_start(q: pd.DataFrame, words: str) -> pd.Series:
    rows = q[q["quote"].str.startswith(words)]
    assert len(rows) == 1, (words, q[["kind", "quote", "speaker"]].to_string())
    return rows.iloc[0]


def test_the_seed_gives_each_direct_quotation_its_speaker(seed_analysis):
    q = seed_analysis.quotes
    expected = {
        "Russia has a lot of influence": "Angela Merkel",
        "Last night, the (Syrian) regime": "John Kerry",
        "These are acts that beg": "John Kerry",
        "It is very dangerous to play": "Maria Zakharova",
        "Tomorrow, will be a moment of truth": "Jean-Marc Ayrault",
        "Instead of that, in New York": "Sergei Ryabkov",
    }
    for words, speaker in expected.items():
        row = _by_start(q, words)
        assert row["kind"] == "direct" and row["speaker"] == speaker, words
        assert row["speaker_label"] == "PERSON"
    # the seventh, a partial quote inside reported speech, is one mixed quotation
    mixed = q[q["quote"].str.contains('"would help to find a way forward"', regex=False)]
    assert list(mixed["kind"]) == ["mixed"] and list(mixed["speaker"]) == ["Sergei Ryabkov"]


@pytest.fixture(scope="module")
def seed_analysis():
    return nb.analyze(ROOT / "seeds" / "000_d47dbbe6e72bd05c.txt", cache=False)


def test_speaker_after_or_before_the_quote_and_a_split_quote():
    q = _quotes("PARIS (Wire) - Talks resumed on Friday.\n\n"
                "“I have done nothing illegal,” Henrik Brankov said, “but I will not resign "
                "today.”\n\n"
                "Minister Clara Voss told reporters: “We are close to a deal on the budget.”")
    first, second = _by_start(q, "I have done"), _by_start(q, "but I will not")
    assert first["speaker"] == second["speaker"] == "Henrik Brankov"
    assert first["speaker_source"] == "named" and first["cue"] == "said"
    voss = _by_start(q, "We are close")
    assert voss["speaker"] == "Clara Voss" and voss["cue"] == "told"
    assert set(q["kind"]) == {"direct"}


def test_a_quotation_over_paragraphs_and_a_colon_paragraph_keep_the_speaker():
    q = _quotes("The mayor spoke for an hour.\n\n"
                "Mayor Ines Halloran said on Tuesday:\n\n"
                "“We will rebuild the bridge by the spring, whatever it costs the city.\n\n"
                "“And we will not wait for the national government to pay for it.”")
    a, b = _by_start(q, "We will rebuild"), _by_start(q, "And we will not")
    assert a["speaker"] == b["speaker"] == "Ines Halloran"
    assert pd.isna(b["speaker_start"])  # a continuation names nobody itself


def test_british_single_marks_and_apostrophes():
    q = _quotes("Manager Gary Kettle said the referee had 'lost his nerve' in front of the "
                "home end.\n\n"
                "'I've watched it ten times and there's no contact, none at all', Kettle said.")
    direct = _by_start(q, "I've watched")
    assert direct["kind"] == "direct" and direct["speaker"] == "Gary Kettle"
    mixed = _by_start(q, "the referee had 'lost his nerve'")
    assert mixed["kind"] == "mixed" and mixed["speaker"] == "Gary Kettle"


def test_pronouns_resolve_to_the_right_person_and_descriptions_are_kept():
    q = _quotes("Judge Miriam Osei heard the case. Prosecutor Tom Farrow told the court the "
                "accused had lied.\n\n"
                "“The evidence is overwhelming,” he said.\n\n"
                "She said the trial would resume on Monday.\n\n"
                "A ministry spokeswoman said the rules would not change. “We have been clear "
                "about this for months,” the spokeswoman said.")
    assert _by_start(q, "The evidence")["speaker"] == "Tom Farrow"
    she = _by_start(q, "the trial would resume")
    assert she["speaker"] == "Miriam Osei" and she["speaker_source"] == "pronoun"
    desc = _by_start(q, "the rules would not change")
    assert desc["speaker"] == "a ministry spokeswoman" and pd.isna(desc["speaker_label"])
    assert desc["speaker_source"] == "description"
    again = _by_start(q, "We have been clear")
    assert again["speaker"] == "a ministry spokeswoman"


def test_reported_speech_and_according_to():
    q = _quotes("BERLIN (Wire) - Finance Minister Lena Brandt said that the deficit would "
                "shrink next year.\n\n"
                "Exports fell for a third month, two economists said.\n\n"
                "According to the Federal Statistics Office, prices rose 2.1 percent in March.")
    brandt = _by_start(q, "the deficit would shrink")
    assert brandt["kind"] == "indirect" and brandt["speaker"] == "Lena Brandt"
    assert brandt["quote"] == "the deficit would shrink next year"  # no "that", no full stop
    two = _by_start(q, "Exports fell")
    assert two["speaker"] == "two economists" and two["speaker_source"] == "description"
    office = _by_start(q, "prices rose")
    assert office["cue"].lower() == "according to" and office["speaker_label"] == "ORG"


def test_scare_quotes_titles_and_an_unbalanced_mark():
    q = _quotes("Critics called the plan a 'fudge'. The film “Salt Year” opens on Friday.\n\n"
                "“We will keep fighting until they listen, she said.\n\n"
                "“The vote is lost,” said Ravi Menon, an opposition lawmaker.")
    assert not q["quote"].str.contains("Salt Year").any()
    assert _by_start(q, "fudge")["kind"] == "direct"  # a phrase a verb of naming quotes
    assert _by_start(q, "The vote is lost")["speaker"] == "Ravi Menon"
    open_quote = _by_start(q, "We will keep fighting")  # ends before its own attribution
    assert open_quote["quote"] == "We will keep fighting until they listen,"


def test_the_day_spoken_comes_from_the_attribution():
    q = _quotes("“We will vote tomorrow,” Senator Ada Quint said on Thursday.",
                published="2024-03-15")
    row = _by_start(q, "We will vote")
    assert row["spoken"] == pd.Timestamp("2024-03-14")


def test_no_quotation_gives_an_empty_typed_frame():
    q = _quotes("The river rose overnight. Roads were closed.")
    assert q.empty and str(q["spoken"].dtype) == "datetime64[s]"


@pytest.mark.slow
def test_the_development_half_of_the_labelled_set_stays_above_its_floor():
    """The figures of benches/bench_quotes.py on the half the rules may be tuned on (the held
    half is only ever reported): a floor under the measured ones, so a regression fails."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "benches" / "bench_quotes.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    articles = [json.loads(line) for line in
                (ROOT / "tests" / "data" / "quotes" / "quotes.jsonl").read_text().splitlines()]
    dev = [a for a in articles if int(a["id"][1:]) % 2 == 0]
    got = bench.score(dev, [bench.newsbench_predict(a) for a in dev])
    assert got["direct"]["f1"] >= 0.93 and got["indirect"]["f1"] >= 0.85
    assert got["named"]["acc"] >= 0.85 and got["speaker"]["acc"] >= 0.75
