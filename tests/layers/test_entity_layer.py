"""The entity layer (:mod:`newsbench.layers.entities`): mention cleaning, merging rules, label
voting, the gazetteer and tables it reads, and the seed's people and places.

Two kinds of test: on small articles in tests/data/entities/ as the pinned model reads them,
and on texts whose model entities are set by hand (``_build_with``), so that each rule is
checked whatever the model would have said. The views of these frames are tested in
tests/views/test_entity_views.py, the charts in tests/charts/test_entity_charts.py.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

import newsbench as nb
from newsbench import gazetteer, schema, views
from newsbench.context import Context
from newsbench.layers import entities
from newsbench.layers.structure import sentence_spans
from newsbench.structure import segment

TESTS = Path(__file__).resolve().parent.parent
DATA = TESTS / "data" / "entities"
LIB = TESTS.parent / "lib" / "newsbench"

_ANALYSES: dict[str, nb.Analysis] = {}


def _analysis(name: str) -> nb.Analysis:
    if name not in _ANALYSES:
        _ANALYSES[name] = nb.analyze(nb.load_article(DATA / name), cache=False)
    return _ANALYSES[name]


def _entity(an, name: str) -> pd.Series:
    rows = an.entities[an.entities["entity"] == name]
    assert len(rows) == 1, (name, an.entities[["entity", "label", "mentions", "aliases"]])
    return rows.iloc[0]


def _build_with(nlp, text: str, ents: list[tuple[str, str]]) -> dict:
    """Run the layer on ``text`` with the model's entities replaced by ``ents``: ``(words,
    model label)``, each the first occurrence of ``words`` after the previous one."""
    from spacy.util import filter_spans

    art = nb.article_from_text(text, article_id="hand")
    spans = segment(text)
    parsed, wanted, pos = {}, list(ents), 0
    for pid, sp in enumerate(spans):
        doc = nlp(text[sp.start:sp.end])
        found = []
        while wanted:
            words, label = wanted[0]
            at = text.find(words, max(pos, sp.start), sp.end)
            if at < 0:
                break
            span = doc.char_span(at - sp.start, at - sp.start + len(words), label=label,
                                 alignment_mode="expand")
            found.append(span)
            pos = at + len(words)
            wanted.pop(0)
        doc.ents = filter_spans(found)
        parsed[pid] = [(doc, sp.start)]
    assert not wanted, f"not found in order: {wanted}"
    rows = []
    for pid, sp in enumerate(spans):
        for s, e in sentence_spans(parsed[pid]):
            rows.append({"article_id": art.article_id, "start": s, "end": e, "sent_id": len(rows),
                         "para_id": pid, "role": sp.role, "text": text[s:e], "sentiment": 0.0,
                         "pos": 0.0, "neg": 0.0, "neu": 1.0})
    sentences = schema.conform(pd.DataFrame(rows), "sentences")
    ctx = Context(article=art, nlp=nlp, spans=spans, parsed=parsed,
                  frames={"sentences": sentences})
    out = entities.build.layer.frames(ctx)
    out["text"] = text
    return out


def _labels_by_entity(out) -> dict[str, str]:
    return dict(zip(out["entities"]["entity"], out["entities"]["label"]))


def _counts(out) -> dict[str, int]:
    return dict(zip(out["entities"]["entity"], out["entities"]["mentions"]))


# --------------------------------------------------------------------------- frames and offsets


ARTICLES = ["people.txt", "places.txt", "acronyms.txt", "xss.txt", "no_entities.txt"]


@pytest.mark.parametrize("name", ARTICLES)
def test_frames_follow_the_schema_and_offsets_are_exact(name):
    an = _analysis(name)
    for frame in ("mentions", "entities"):
        df = getattr(an, frame)
        names = [c for c, _ in schema.SCHEMAS[frame]]
        assert names == list(df.columns[:len(names)])
        pd.testing.assert_frame_equal(df, schema.conform(df, frame))
        assert (df["article_id"] == an.article_id).all()
    m = an.mentions
    assert all(an.text[r.start:r.end] == r.text for r in m.itertuples())
    assert m["mention_id"].tolist() == list(range(len(m)))
    assert m["start"].is_monotonic_increasing
    sents = an.sentences.set_index("sent_id")
    for r in m.itertuples():  # each mention lies inside its sentence and paragraph
        assert sents.loc[r.sent_id, "start"] <= r.start and r.end <= sents.loc[r.sent_id, "end"]
        assert sents.loc[r.sent_id, "para_id"] == r.para_id
    assert not m["model_label"].isin(entities.NON_ENTITY_LABELS).any()
    e = an.entities
    assert e["entity"].is_unique
    assert e["mentions"].sum() == len(m)
    for r in e.itertuples():
        mine = m[m["entity"] == r.entity]
        assert len(mine) == r.mentions and (mine["label"] == r.label).all()
        assert (r.start, r.end) == (mine["start"].iloc[0], mine["end"].iloc[0])
        assert r.first_sent == mine["sent_id"].min()
        assert set(r.aliases) == set(mine["text"])


def test_seed_frames_and_offsets(seed_analysis):
    an = seed_analysis
    m = an.mentions
    assert len(m) > 50
    assert all(an.text[r.start:r.end] == r.text for r in m.itertuples())
    assert not m["text"].str.match(r"(?i)the\s").any()
    assert not m["text"].str.contains(r"['’]s$").any()
    assert an.entities["sentiment"].between(-1, 1).all()
    assert an.entities["mentions"].sum() == len(m)


def test_numbers_and_dates_are_not_entities(seed_analysis):
    assert set(seed_analysis.mentions["label"]) <= set(entities.LABELS)
    assert "17 August 2016" not in set(seed_analysis.mentions["text"])


def test_no_entities_and_empty_context(nlp):
    an = _analysis("no_entities.txt")
    assert an.mentions.empty and an.entities.empty
    assert "model_text" in an.mentions.columns and "label_source" in an.entities.columns
    art = nb.article_from_text("x", article_id="empty")
    ctx = Context(article=art, nlp=nlp, spans=[], parsed={},
                  frames={"sentences": schema.empty("sentences")})
    out = entities.build.layer.frames(ctx)
    assert out["mentions"].empty and out["entities"].empty
    assert views.entity_counts(out["mentions"]).empty
    assert views.cooccurrences(out["mentions"]).empty
    assert views.model_counts(out["mentions"]).empty
    assert "entities" in views.highlight_html("x", out["mentions"])


def test_cache_round_trip_keeps_the_extra_columns(cache_dir):
    path = DATA / "people.txt"
    first = nb.analyze(nb.load_article(path))
    again = nb.analyze(nb.load_article(path))
    assert again.run["cached"] is True
    pd.testing.assert_frame_equal(first.mentions, again.mentions)
    pd.testing.assert_frame_equal(first.entities, again.entities)


# --------------------------------------------------------------------------- mention cleaning


def test_leading_the_and_possessive_are_cut(nlp):
    text = "Talks\n\nThe United States and the Kremlin met. Acme Corp's chief spoke."
    out = _build_with(nlp, text, [("The United States", "GPE"), ("the Kremlin", "ORG"),
                                  ("Acme Corp's", "ORG")])
    m = out["mentions"]
    assert m["text"].tolist() == ["United States", "Kremlin", "Acme Corp"]
    assert m["model_text"].tolist() == ["The United States", "the Kremlin", "Acme Corp's"]
    assert all(text[r.start:r.end] == r.text for r in m.itertuples())


@pytest.mark.parametrize("span, name", [
    ("Foreign Minister Olaf Brandt", "Olaf Brandt"),
    ("Deputy Foreign Minister Olaf Brandt", "Olaf Brandt"),
    ("Secretary of State Olaf Brandt", "Olaf Brandt"),
    ("German Chancellor Olaf Brandt", "Olaf Brandt"),
    ("President Olaf Brandt", "Olaf Brandt"),
    ("Mr. Olaf Brandt", "Olaf Brandt"),
    ("Dr Olaf Brandt", "Olaf Brandt"),
])
def test_titles_are_not_part_of_the_name(nlp, span, name):
    text = f"Talks\n\nYesterday {span} arrived. Brandt said little."
    out = _build_with(nlp, text, [(span, "PERSON"), ("Brandt", "PERSON")])
    assert out["mentions"]["text"].iloc[0] == name
    assert _counts(out) == {name: 2}
    assert _labels_by_entity(out) == {name: "PERSON"}


def test_a_title_word_alone_is_no_entity(nlp):
    text = "Talks\n\nUS Secretary of State Olaf Brandt spoke at the Ministry."
    out = _build_with(nlp, text, [("US", "GPE"), ("State", "ORG"), ("Olaf Brandt", "PERSON"),
                                  ("Ministry", "ORG")])
    assert out["mentions"]["text"].tolist() == ["US", "Olaf Brandt"]


def test_a_nationality_glued_to_a_noun_keeps_only_the_nationality(nlp):
    text = "Jets\n\nRussian Su-34 bombers and Turkish F-16 jets flew over Sunni Muslims."
    out = _build_with(nlp, text, [("Russian Su-34", "NORP"), ("Turkish F-16", "NORP"),
                                  ("Sunni Muslims", "NORP")])
    assert out["mentions"]["text"].tolist() == ["Russian", "Turkish", "Sunni Muslims"]
    assert set(out["mentions"]["label"]) == {"NORP"}


def test_a_mention_one_word_short_of_a_known_name_is_completed(nlp):
    text = ("War\n\nIslamic State fighters fled. Jets struck Islamic State targets. "
            "Islamic militants hid.")
    out = _build_with(nlp, text, [("Islamic State", "ORG"), ("Islamic", "NORP"),
                                  ("Islamic", "NORP")])
    m = out["mentions"]
    assert m["text"].tolist() == ["Islamic State", "Islamic State", "Islamic"]
    assert m["merged_by"].tolist()[1] == "completed"
    assert _labels_by_entity(out) == {"Islamic State": "ORG", "Islamic": "NORP"}


def test_dateline_places_are_places_even_when_the_model_misses_them(nlp):
    text = "Storm\n\nPORTO/LINDENFELD - Rain fell in Porto on Sunday."
    out = _build_with(nlp, text, [("PORTO", "ORG"), ("Porto", "GPE")])
    m = out["mentions"]
    assert m["text"].tolist() == ["PORTO", "LINDENFELD", "Porto"]
    assert m["model_label"].isna().tolist() == [False, True, False]
    assert _labels_by_entity(out) == {"Porto": "PLACE", "Lindenfeld": "PLACE"}
    assert _counts(out)["Porto"] == 2


def test_seed_mention_cleaning(seed_analysis):
    m = seed_analysis.mentions
    assert "State" not in set(m["text"])  # "Secretary of State"
    russian = m[m["model_text"] == "Russian Su-34"]
    assert russian["text"].tolist() == ["Russian"] and russian["label"].tolist() == ["NORP"]
    assert "MOSCOW" in set(m["text"]) and "BEIRUT" in set(m["text"])
    assert (m[m["text"].isin(["MOSCOW", "BEIRUT"])]["label"] == "PLACE").all()


# --------------------------------------------------------------------------- merging


def test_surname_joins_the_full_name_whatever_the_model_tagged(nlp):
    an = _analysis("people.txt")
    brandt = _entity(an, "Olaf Brandt")
    assert brandt["label"] == "PERSON" and brandt["mentions"] == 4
    assert set(brandt["aliases"]) == {"Olaf Brandt", "Brandt"}
    assert "ORG" in brandt["model_labels"]  # the model called the surname an organisation
    assert _entity(an, "Ines Carvalho")["mentions"] == 4
    assert not (an.entities["entity"].isin(["Brandt", "Carvalho"])).any()


def test_particles_in_names(nlp):
    an = _analysis("people.txt")
    almeida = _entity(an, "Henrique de Almeida")
    assert almeida["label"] == "PERSON"  # the model said ORG; "Mr de Almeida" says otherwise
    assert set(almeida["aliases"]) == {"Henrique de Almeida", "de Almeida", "Almeida"}
    hakim = _entity(an, "Yusuf al-Hakim")
    assert set(hakim["aliases"]) == {"Yusuf al-Hakim", "Hakim"}


def test_ambiguous_surname_is_not_merged_blindly():
    an = _analysis("people.txt")
    m = an.mentions
    costa = m[m["text"] == "Costa"]
    # right after "Paulo Costa" in the same paragraph: him; alone in a later paragraph: apart
    assert costa["entity"].tolist() == ["Paulo Costa", "Costa"]
    assert costa["merged_by"].tolist() == ["surname", "ambiguous surname, left apart"]
    assert _entity(an, "Costa")["label"] == "PERSON"
    assert _entity(an, "Maria Costa")["mentions"] == 1


def test_ambiguous_surname_by_hand(nlp):
    text = ("Family\n\nAnna Weber and Karl Weber arrived.\n\nWeber said nothing.\n\n"
            "Later Karl Weber left. Weber was tired.")
    out = _build_with(nlp, text, [("Anna Weber", "PERSON"), ("Karl Weber", "PERSON"),
                                  ("Weber", "PERSON"), ("Karl Weber", "PERSON"),
                                  ("Weber", "PERSON")])
    assert _counts(out) == {"Karl Weber": 3, "Anna Weber": 1, "Weber": 1}


def test_a_place_tagged_surname_stays_a_place(nlp):
    text = ("Vote\n\nSenator Mark Lincoln won, and Lincoln was pleased. "
            "He flew home to Lincoln, Nebraska.")
    out = _build_with(nlp, text, [("Mark Lincoln", "PERSON"), ("Lincoln", "PERSON"),
                                  ("Lincoln", "GPE"), ("Nebraska", "GPE")])
    labels = _labels_by_entity(out)
    assert labels["Mark Lincoln"] == "PERSON" and _counts(out)["Mark Lincoln"] == 2
    place = [e for e, lab in labels.items() if lab == "PLACE" and e.startswith("Lincoln")]
    assert place and _counts(out)[place[0]] == 1


def test_case_and_leading_the_do_not_split_an_entity(nlp):
    text = ("Floods\n\nThe United States sent help. UNITED STATES officials said the "
            "United States would do more. The Red Cross and the red cross agreed.")
    out = _build_with(nlp, text, [("The United States", "GPE"), ("UNITED STATES", "GPE"),
                                  ("United States", "GPE"), ("The Red Cross", "ORG"),
                                  ("the red cross", "ORG")])
    assert _counts(out)["United States"] == 3
    # an all-lowercase span is no name; "Red Cross" keeps its one mention
    assert _counts(out)["Red Cross"] == 1


def test_acronyms_join_expansions_by_table_and_by_initials():
    an = _analysis("acronyms.txt")
    assert set(_entity(an, "United Nations")["aliases"]) == {"United Nations", "UN"}
    assert set(_entity(an, "United States")["aliases"]) == {"United States", "US"}
    assert set(_entity(an, "European Union")["aliases"]) == {"European Union", "EU"}
    nato = _entity(an, "North Atlantic Treaty Organization")
    assert set(nato["aliases"]) == {"North Atlantic Treaty Organization", "NATO"}
    # not in the table: joined by its initials; the full form's label (ORG) outvotes the
    # acronym's (the model said GPE)
    kvwa = _entity(an, "Kestrel Valley Water Authority")
    assert kvwa["mentions"] == 2 and kvwa["label"] == "ORG"
    assert "KVWA" not in set(pd.read_csv(LIB / "data" / "acronyms.csv")["acronym"])


def test_acronym_inside_a_name_and_short_forms():
    an = _analysis("acronyms.txt")
    council = _entity(an, "United Nations Security Council")
    assert council["mentions"] == 4
    assert set(council["aliases"]) == {
        "United Nations Security Council", "UN Security Council", "Security Council"}
    m = an.mentions
    assert set(m[m["text"] == "Security Council"]["merged_by"]) == {"short form"}


def test_table_acronym_alone_keeps_its_own_name(nlp):
    text = "Aid\n\nThe WHO said the IMF would help."
    out = _build_with(nlp, text, [("WHO", "ORG"), ("IMF", "ORG")])
    assert _counts(out) == {"WHO": 1, "IMF": 1}


def test_every_name_of_a_country_joins_it():
    an = _analysis("places.txt")
    uk = _entity(an, "United Kingdom")
    assert set(uk["aliases"]) == {"United Kingdom", "Britain", "UK"}
    assert uk["label"] == "PLACE" and uk["country"] == "GB"


def test_canonical_name_is_the_fullest_form(nlp):
    text = ("Talks\n\nMerkel spoke first. Angela Merkel then met UN officials. "
            "The United Nations thanked Merkel.")
    out = _build_with(nlp, text, [("Merkel", "PERSON"), ("Angela Merkel", "PERSON"),
                                  ("UN", "ORG"), ("The United Nations", "ORG"),
                                  ("Merkel", "PERSON")])
    assert _counts(out) == {"Angela Merkel": 3, "United Nations": 2}


# --------------------------------------------------------------------------- labels


def test_a_known_city_is_a_place_however_the_model_tagged_it():
    an = _analysis("places.txt")
    porto = _entity(an, "Porto")
    assert porto["label"] == "PLACE" and porto["mentions"] == 5
    assert "PERSON" in porto["model_labels"] and porto["label_source"].startswith("gazetteer")
    assert _entity(an, "Vigo")["label"] == "PLACE"  # the model's only word on it was PERSON


@pytest.mark.parametrize("labels", [["NORP", "NORP", "PERSON"], ["LANGUAGE"], ["PERSON"]])
def test_city_label_vote_by_hand(nlp, labels):
    text = "Siege\n\n" + " ".join(f"Fighting went on in Homs day {i}." for i in range(len(labels)))
    out = _build_with(nlp, text, [("Homs", lab) for lab in labels])
    assert _labels_by_entity(out) == {"Homs": "PLACE"}


def test_a_small_town_the_model_calls_a_club_every_time_stays_a_club(nlp):
    text = "Football\n\nChelsea won again. The fans of Chelsea sang."
    out = _build_with(nlp, text, [("Chelsea", "ORG"), ("Chelsea", "ORG")])
    assert _labels_by_entity(out) == {"Chelsea": "ORG"}


def test_a_country_is_a_place_even_when_tagged_org_but_not_inside_a_person_name(nlp):
    text = "Talks\n\nJordan said no. Michael Jordan, a diplomat, agreed. Jordan signed later."
    out = _build_with(nlp, text, [("Jordan", "ORG"), ("Michael Jordan", "PERSON"),
                                  ("Jordan", "GPE")])
    labels = _labels_by_entity(out)
    assert labels["Michael Jordan"] == "PERSON"
    assert "PLACE" in labels.values()  # the GPE-tagged mention stays the country


def test_surname_tagged_org_once_and_person_elsewhere_is_a_person(nlp):
    text = "Vote\n\nHollander won. Hollander said she was pleased."
    out = _build_with(nlp, text, [("Hollander", "ORG"), ("Hollander", "PERSON")])
    assert _labels_by_entity(out) == {"Hollander": "PERSON"}


def test_fac_that_is_a_place(nlp):
    text = "Bridge\n\nTraffic stopped on Tower Bridge and at the Empire State Building."
    out = _build_with(nlp, text, [("Tower Bridge", "FAC"), ("the Empire State Building", "FAC")])
    assert _labels_by_entity(out) == {"Tower Bridge": "PLACE", "Empire State Building": "FAC"}


# --------------------------------------------------------------------------- gazetteer and tables


def test_demonym_table_and_rules():
    for word, code in [("Russian", "RU"), ("Russians", "RU"), ("Syrian", "SY"), ("French", "FR"),
                       ("Israelis", "IL"), ("Chinese", "CN"), ("British", "GB"), ("Swiss", "CH")]:
        assert gazetteer.demonym_country(word) == code, word
    assert gazetteer.demonym_country("Kurdish") is None
    codes = set(gazetteer.country_names())
    rows = list(csv.DictReader((LIB / "data" / "demonyms.csv").open(encoding="utf-8")))
    assert len(rows) > 150 and all(r["country"] in codes for r in rows)


def test_gazetteer():
    assert gazetteer.lookup("the United States").country == "US"
    assert gazetteer.lookup("Russian Federation").name == "Russia"
    assert gazetteer.lookup("Syrian Arab Republic").name == "Syria"
    assert gazetteer.lookup("BRITAIN").country == "GB"
    assert gazetteer.lookup("Sao Paulo").kind == "city"
    assert gazetteer.lookup("Texas").kind == "state"
    assert gazetteer.lookup("Europe").kind == "continent"
    assert gazetteer.lookup("Lindenfeld") is None
    assert gazetteer.places() is gazetteer.places()  # loaded once


def test_acronym_table():
    rows = list(csv.DictReader((LIB / "data" / "acronyms.csv").open(encoding="utf-8")))
    assert 35 <= len(rows) <= 80
    table = gazetteer.acronyms()
    for acr in ("UN", "US", "UK", "EU", "NATO", "WHO", "IMF"):
        assert acr in table
    assert gazetteer.countries()[gazetteer.fold(table["US"])] == "US"
    aliases = list(csv.DictReader((LIB / "data" / "country_aliases.csv").open(encoding="utf-8")))
    assert all(r["country"] in gazetteer.country_names() for r in aliases)


def test_the_library_names_no_one_from_the_seed():
    names = re.compile(r"Lavrov|Aleppo|Zakharova|Ryabkov|Gatilov|Ayrault|de Mistura")
    for path in LIB.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".csv", ".json", ".txt", ".yaml"):
            assert not names.search(path.read_text(encoding="utf-8")), path


# --------------------------------------------------------------------------- the seed


SEED_PLACES = ["Aleppo", "Moscow", "Beirut", "Washington", "New York", "Russia", "Syria",
               "France", "Iran", "Germany", "United States"]


def test_seed_no_city_or_country_is_a_person(seed_analysis):
    e = seed_analysis.entities.set_index("entity")
    for name in SEED_PLACES:
        assert e.loc[name, "label"] == "PLACE", name
    m = seed_analysis.mentions
    for row in m[m["label"] == "PERSON"].itertuples():
        place = gazetteer.lookup(row.text)
        assert place is None or place.kind == "city" and row.entity != row.text, row
    for name in e.index[e["label"] == "PERSON"]:
        assert gazetteer.lookup(name) is None, name


SEED_PEOPLE = {  # full name -> surname
    "Sergei Lavrov": "Lavrov", "Bashar al-Assad": "Assad", "Angela Merkel": "Merkel",
    "John Kerry": "Kerry", "Jean-Marc Ayrault": "Ayrault",
}


@pytest.mark.parametrize("full, surname", SEED_PEOPLE.items())
def test_seed_person_named_in_full_then_by_surname_is_one_entity(seed_analysis, full, surname):
    an = seed_analysis
    row = _entity(an, full)
    assert row["label"] == "PERSON"
    n_full = len(re.findall(re.escape(full), an.text))
    n_surname = len(re.findall(rf"\b{re.escape(surname)}\b", an.text)) - n_full
    assert n_full >= 1 and n_surname >= 1
    assert row["mentions"] == n_full + n_surname
    assert not an.entities["entity"].isin([surname]).any()


def test_seed_merges(seed_analysis):
    e = seed_analysis.entities.set_index("entity")
    assert set(e.loc["United States", "aliases"]) == {"US", "United States"}
    assert e.loc["Russia", "aliases"] == ["Russia", "Russian Federation"]
    assert set(e.loc["Moscow", "aliases"]) == {"Moscow", "MOSCOW"}
    assert e.loc["UN Security Council", "mentions"] == 2
    assert e.loc["Islamic State", "mentions"] == 3
    assert e.loc["Aleppo", "mentions"] == len(re.findall(r"\bAleppo\b", seed_analysis.text))
    assert e.loc["Syrian", "label"] == "NORP"


def test_dotted_acronyms_and_titles_with_a_country(nlp):
    text = ("Talks\n\nU.S. President Olaf Brandt met U.N. staff. "
            "The United Nations and the US agreed.")
    out = _build_with(nlp, text, [("U.S.", "GPE"), ("Olaf Brandt", "PERSON"), ("U.N.", "ORG"),
                                  ("The United Nations", "ORG"), ("US", "GPE")])
    e = out["entities"].set_index("entity")
    assert e.loc["United Nations", "mentions"] == 2
    # only acronyms seen: the entity takes the most frequent (here: the longer) of them
    assert set(e.loc["U.S.", "aliases"]) == {"U.S.", "US"}
    assert e.loc["U.S.", "country"] == "US" and e.loc["U.S.", "label"] == "PLACE"
    text = "Talks\n\nUS President Olaf Brandt spoke."
    out = _build_with(nlp, text, [("US President Olaf Brandt", "PERSON")])
    assert out["mentions"]["text"].tolist() == ["Olaf Brandt"]


@pytest.mark.parametrize("word, label", [("Queen", "ORG"), ("Prince", "PERSON"),
                                         ("Council", "ORG")])
def test_words_that_are_also_names_are_kept_alone(nlp, word, label):
    out = _build_with(nlp, f"Music\n\nFans of {word} gathered.", [(word, label)])
    assert out["mentions"]["text"].tolist() == [word]


def test_family_name_first_and_given_name(nlp):
    text = ("Summit\n\nXi Jinping met Joe Biden. Xi said little, and Biden spoke. "
            "Mao Ning said Mao would not comment.")
    out = _build_with(nlp, text, [("Xi Jinping", "PERSON"), ("Joe Biden", "PERSON"),
                                  ("Xi", "PERSON"), ("Biden", "GPE"), ("Mao Ning", "PERSON"),
                                  ("Mao", "PERSON")])
    # a place-tagged surname the gazetteer does not know joins the person; a one-word name that
    # starts a full name joins it (family name first), even when it is also a city's name
    assert _counts(out) == {"Xi Jinping": 2, "Joe Biden": 2, "Mao Ning": 2}
    assert set(out["entities"]["label"]) == {"PERSON"}
    m = out["mentions"].set_index("text")
    assert m.loc["Xi", "merged_by"] == "short name" and m.loc["Biden", "merged_by"] == "surname"


def test_name_suffixes_and_org_words(nlp):
    text = ("Markets\n\nApple Inc and Apple rose. The Labour Party and Labour agreed. "
            "The Asia-Pacific Economic Cooperation (APEC) met; APEC leaders spoke. "
            "Defense Secretary Olaf Brandt arrived.")
    out = _build_with(nlp, text, [("Apple Inc", "ORG"), ("Apple", "ORG"),
                                  ("The Labour Party", "ORG"), ("Labour", "ORG"),
                                  ("The Asia-Pacific Economic Cooperation", "LOC"),
                                  ("APEC", "ORG"), ("APEC", "ORG"), ("Defense", "ORG"),
                                  ("Olaf Brandt", "PERSON")])
    counts, labels = _counts(out), _labels_by_entity(out)
    assert counts["Apple Inc"] == 2 and counts["Labour Party"] == 2
    # initials across a hyphen; "... Cooperation" tips a split PLACE/ORG vote to ORG
    assert counts["Asia-Pacific Economic Cooperation"] == 3
    assert labels["Asia-Pacific Economic Cooperation"] == "ORG"
    assert "Defense" not in counts
