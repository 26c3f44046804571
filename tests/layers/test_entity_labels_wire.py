"""Entity labels on wire copy: the gazetteer settles split votes but does not overturn a
consistent model, clubs are organisations, slugs and time zones are no entities."""

from __future__ import annotations

import newsbench as nb


def _labels(text: str) -> dict[str, str]:
    an = nb.analyze_text(text, published="2024-03-15", cache=False)
    return dict(zip(an.entities["entity"], an.entities["label"]))


def test_an_organisation_named_like_a_town_stays_an_organisation():
    got = _labels("The UN said on Monday that aid would resume. The United Nations has 30 "
                  "staff in the region.")
    assert got.get("United Nations") == "ORG"


def test_a_surname_that_is_a_town_is_a_person_when_the_text_says_so():
    got = _labels("Maria Ramos, a teacher, said the school would close. Ramos added that "
                  "parents were angry.")
    assert got.get("Maria Ramos") == "PERSON"


def test_a_town_the_text_puts_on_the_map_stays_a_place():
    got = _labels("Flooding also hit Vigo, in the north of Spain, on Sunday.")
    assert got.get("Vigo") == "PLACE"


def test_clubs_in_results_and_match_reports_are_organisations():
    got = _labels("Liverpool beat Chelsea 2-1 at Anfield on Saturday.\n\n"
                  "Results: Lille 1 Nantes 0, Lyon 2 Rennes 2.")
    for club in ("Liverpool", "Chelsea", "Lille", "Nantes"):
        assert got.get(club) == "ORG", (club, got)
    assert not any(any(ch.isdigit() for ch in name) for name in got)  # no "Lille 1-0"


def test_slugs_editing_notes_and_time_zones_are_no_entities():
    got = _labels("ATTENTION - ADDS quotes from the minister\n\n"
                  "Trading in Frankfurt opened at 0800 GMT on Monday. =(PICTURE)=")
    assert not {"ATTENTION", "ADDS", "GMT", "PICTURE"} & set(got), got


def test_a_cemetery_or_a_market_is_a_place():
    got = _labels("The funeral was held at Highgate Cemetery on Friday.")
    assert got.get("Highgate Cemetery") == "PLACE"


def test_a_full_name_read_as_an_organisation_joins_its_surname_read_as_a_person():
    an = nb.analyze_text("Kent Ashby, the presenter, told viewers the show would end. "
                         "Ashby said he was sad.", published="2024-03-15", cache=False)
    ents = an.entities.set_index("entity")
    assert ents.loc["Kent Ashby", "label"] == "PERSON"
    assert "Ashby" in ents.loc["Kent Ashby", "aliases"]


def test_a_wire_slug_is_no_entity():
    got = _labels("US STOCKS-Wall St slips as the Fed looms\n\nUS troops left on Monday.")
    an = nb.analyze_text("SOCCER-Results\n\nUS STOCKS-Wall St slips\n\nUS troops left.",
                         published="2024-03-15", cache=False)
    assert list(an.mentions["text"]).count("US") == 1  # the slug's "US" is not counted
    assert "Fed" in got


def test_a_club_is_one_entity_across_match_copy_and_a_player_who_beat_someone_a_person():
    an = nb.analyze_text("Lille 1 Nantes 0\n\nLille edged Nantes on Saturday and travel to "
                         "Monaco next week. The Lille coach was pleased.\n\n"
                         "In tennis, Ada Brennan beat Mia Cole 6-3 6-4. Brennan serves next.",
                         published="2024-03-15", cache=False)
    ents = an.entities
    lille = ents[ents["entity"].str.startswith("Lille")]
    assert list(lille["label"]) == ["ORG"] and int(lille["mentions"].iloc[0]) >= 3
    assert dict(zip(ents["entity"], ents["label"])).get("Ada Brennan") == "PERSON"


def test_a_clipped_name_the_article_links_joins_the_full_one():
    an = nb.analyze_text("Juventus sacked their coach on Monday. Juve lost 1-0 to Torino at the "
                         "weekend.", published="2024-03-15", cache=False)
    ents = an.entities.set_index("entity")
    assert "Juve" in ents.loc["Juventus", "aliases"] and "Juve" not in ents.index


def test_the_headline_loses_its_wire_slug_but_keeps_a_name():
    from newsbench.layers.structure import headline

    assert headline("SOCCER-French Ligue 1 results") == "French Ligue 1 results"
    assert headline("US STOCKS-Wall St slips as Fed looms") == "Wall St slips as Fed looms"
    assert headline("UPDATE 2-EU ministers clash") == "EU ministers clash"
    assert headline("UK-France talks stall") == "UK-France talks stall"
    an = nb.analyze_text("SOCCER-French Ligue 1 results\n\nLille 1 Nantes 0",
                         published="2024-03-15", cache=False)
    assert an.articles["title"].iloc[0] == "French Ligue 1 results"
