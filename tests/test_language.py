"""The English check: prose in another language is reported; results tables, lists of names
and short sports stories in English are not."""

from __future__ import annotations

import pytest

import newsbench as nb
from newsbench import language
from logcheck import logged

RESULTS = """SOCCER-Premier League results

LONDON, Jan 4 (Nordwire) - Results of Premier League matches on Saturday:

Arsenal 2 (Saka 12, Havertz 67) Chelsea 1 (Palmer 45)
Liverpool 3 (Salah 5, 61, Nunez 80) Everton 0
Manchester United 1 (Fernandes 30 pen) Tottenham Hotspur 1 (Son 77)
Newcastle United 0 Aston Villa 2 (Watkins 19, Bailey 88)
Brighton 2 (Welbeck 3, Mitoma 50) Fulham 2 (Jimenez 22, Iwobi 71)
West Ham United 1 (Bowen 40) Wolverhampton Wanderers 0
Crystal Palace 0 Brentford 1 (Mbeumo 58)
Bournemouth 2 (Solanke 14, Kluivert 33) Nottingham Forest 3 (Wood 8, 41, Elanga 90)

Standings (P W D L F A Pts)
1. Liverpool 20 15 4 1 45 15 49
2. Arsenal 20 13 5 2 40 17 44
3. Aston Villa 20 13 3 4 41 25 42
"""

# club names from Germany and France: an identifier run on the whole text calls these German
# and French
BUNDESLIGA = """Bundesliga results

Bayern Munich 3 Borussia Dortmund 1
Bayer Leverkusen 2 Eintracht Frankfurt 2
RB Leipzig 1 VfB Stuttgart 0
Werder Bremen 0 Borussia Moenchengladbach 2
SC Freiburg 1 Hoffenheim 1
Union Berlin 2 Mainz 05 0
VfL Wolfsburg 3 FC Augsburg 2
FC Heidenheim 0 FC Koeln 1
"""

LIGUE_1 = """Ligue 1 results
Lille 1 (Ramos 71) Nantes 0
Paris St Germain 4 (Mbappe 12, 55, Dembele 30, Ramos 88) Lens 1 (Sotoca 40)
Marseille 2 (Aubameyang 9, Harit 60) Lyon 2 (Lacazette 33 pen, Cherki 81)
Rennes 0 Monaco 0
Nice 1 (Moffi 17) Toulouse 1 (Dallinga 45)
Strasbourg 3 Montpellier 1
"""

CUP = """FA Cup fourth round results
Arsenal 2 (Saka 12 pen, White 90 og) Chelsea 2 (Palmer 45, Jackson 70) aet; Arsenal won 4-2 on pens
Liverpool 1 (Salah 5) Everton 1 (Calvert-Lewin 61) aet; agg 3-3, Liverpool won on away goals
Leeds 0 Leicester 3 (Vardy 8, 41 pen, Mavididi 90)
Millwall 2 (Flemming 3 pen, Cooper 50 og) Sheffield Wednesday 2 (Windass 22, 71) aet; Millwall won 5-4 on pens
Postponed: Stoke v Fulham (frozen pitch)
"""

SQUAD = """Squad announced

Goalkeepers: Alisson Becker, Caoimhin Kelleher, Vitezslav Jaros
Defenders: Virgil van Dijk, Ibrahima Konate, Andrew Robertson, Trent Alexander-Arnold, Joe Gomez
Midfielders: Alexis Mac Allister, Dominik Szoboszlai, Ryan Gravenberch, Wataru Endo, Curtis Jones
Forwards: Mohamed Salah, Darwin Nunez, Luis Diaz, Cody Gakpo, Diogo Jota, Federico Chiesa
"""

SCORECARD = """England first innings
Z Crawley c Smith b Cummins 45
B Duckett lbw b Starc 12
J Root not out 118
H Brook c Labuschagne b Lyon 37
B Stokes run out 21
Extras (b 4, lb 6, w 2, nb 3) 15
Total (8 wkts dec, 98 overs) 393
Fall of wickets: 1-20, 2-31, 3-89, 4-178, 5-222
Bowling: Cummins 24-4-80-2, Starc 22-3-91-2, Hazlewood 20-5-60-1, Lyon 25-2-110-1
"""

SHORT_STORY = ("Arsenal beat Chelsea 2-1 at the Emirates on Saturday, Bukayo Saka scoring the "
               "winner in the 88th minute after Cole Palmer had equalised.")

GERMAN = ("Die Bundesregierung hat am Freitag beschlossen, die Hilfen für die Ukraine zu "
          "erhöhen. Der Kanzler sagte, man werde weiter an der Seite des Landes stehen und die Sanktionen "
          "gegen Russland verschärfen. Die Opposition kritisierte den Beschluss scharf.")
GERMAN_WITH_TABLE = """Bundesliga: Ergebnisse des 17. Spieltags

Bayern München 3 Borussia Dortmund 1
Bayer Leverkusen 2 Eintracht Frankfurt 2
RB Leipzig 1 VfB Stuttgart 0

Die Münchner bleiben damit an der Tabellenspitze, weil Leverkusen in Frankfurt nur
unentschieden spielte. Trainer Kompany sagte nach dem Spiel, seine Mannschaft habe in der
zweiten Halbzeit endlich gezeigt, wozu sie fähig sei.
"""
FRENCH = ("Lille s'est imposé 1-0 face à Nantes samedi soir grâce à un but de Ramos à la 71e "
          "minute. Les Dogues remontent ainsi à la troisième place du classement, à deux points "
          "de Marseille, tenu en échec par Lyon.")
SPANISH = ("El gobierno anunció el viernes un aumento de las ayudas para los agricultores "
           "afectados por la sequía. El ministro dijo que los pagos comenzarán el próximo mes, "
           "mientras que los sindicatos consideran insuficiente la medida.")


@pytest.mark.parametrize("text", [RESULTS, BUNDESLIGA, LIGUE_1, CUP, SQUAD, SCORECARD, SHORT_STORY],
                         ids=["results", "bundesliga", "ligue-1", "cup", "squad", "scorecard",
                              "short-story"])
def test_tables_names_and_sports_copy_are_not_called_foreign(text):
    found = language.identify(text)
    assert found.english, found
    assert found.language in (None, "en")


@pytest.mark.parametrize("text, code, name", [
    (GERMAN, "de", "German"), (GERMAN_WITH_TABLE, "de", "German"), (FRENCH, "fr", "French"),
    (SPANISH, "es", "Spanish"),
], ids=["german", "german-with-table", "french", "spanish"])
def test_prose_in_another_language_is_named(text, code, name):
    found = language.identify(text)
    assert not found.english
    assert (found.language, found.name) == (code, name)


def test_english_share_is_kept_as_it_was():
    # the public column: the share of common English function words over all words
    assert language.english_share(BUNDESLIGA) == 0.0
    assert language.english_share(RESULTS) < language.THRESHOLD  # why the old check fired
    assert language.english_share("too short") is None
    assert language.english_share(SPANISH) < language.THRESHOLD < language.english_share(
        "The council said on Monday that it would raise the budget for the flood barrier after "
        "a long debate in which residents told the mayor they feared higher taxes and cuts.")


def test_english_prose_never_loads_the_identifier(monkeypatch):
    def refuse():
        raise AssertionError("the identifier was loaded for English prose")

    monkeypatch.setattr(language, "_identifier", refuse)
    assert language.identify("The council said on Monday that it would raise the budget for "
                             "the flood barrier after a long debate in which residents told "
                             "the mayor they feared higher taxes.").english
    assert language.identify(RESULTS).english


@pytest.mark.parametrize("text, warns", [(RESULTS, False), (BUNDESLIGA, False), (GERMAN, True)])
def test_loading_warns_only_on_foreign_prose(tmp_path, text, warns):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    with logged() as caught:
        art = nb.load_article(path)
    messages = [m for m in caught if "English" in m]
    assert bool(messages) is warns, messages
    if warns:
        assert messages == [f"{path}: does not look like English (it reads as German); the "
                            "analysis runs, but entities, sentiment and dates are built for "
                            "English"]
    assert art.meta["detected_language"] == ("de" if warns else None)
    assert "english_share" in art.meta
