"""Deterministic synthetic news corpus with planted facts, for end-to-end tests of the corpus views.

    from corpus_gen import make_corpus
    facts = make_corpus(folder, seed=0)

writes ``folder/corpus.jsonl`` (one article per line: id, title, text, published, source) and
returns the ground truth of what was planted in it.  Standard library only; the same seed gives
byte-identical files.  ``python tests/corpus_gen.py [folder]`` writes a corpus, prints the facts
and checks each planted fact against the text with plain string counting.

Written blind to the analysis code: the facts are planted as real copy would carry them, not as any
particular rule would look for them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import pathlib
import random
import re
import sys
import tempfile

YEAR = 2025
MONTH_NUMS = [3, 4, 5, 6, 7, 8]                    # six consecutive months
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

OUTLETS = [
    {"name": "Northwind Wire", "prefix": "northwind", "tag": "Northwind", "short": "Northwind"},
    {"name": "The Harbour Ledger", "prefix": "ledger", "tag": "Harbour Ledger",
     "short": "the Harbour Ledger"},
    {"name": "Coastline Daily", "prefix": "coast", "tag": "Coastline", "short": "Coastline Daily"},
]
NW, HL, CD = 0, 1, 2
NEG_OUTLET = CD                                    # the outlet written in negative language

LONGEST_RUN = 12     # words: the most that two unrelated articles may share verbatim
RISING_MONTH = 3                                   # index into MONTH_NUMS -> 2025-06
EVENT_MONTH = 2                                    # 2025-05
SYN_MONTH = 1                                      # 2025-04

# Lexicons used only by the self-checks (plain counting), not by the generator.
NEG_WORDS = [
    "crisis", "collapse", "collapsed", "collapsing", "fears", "fear", "feared", "losses",
    "condemned", "deadly", "slump", "slumped", "tumbled", "plunged", "plunging", "turmoil",
    "chaos", "warned", "threat", "threats", "failure", "failed", "worst", "damage", "damaging",
    "alarm", "alarmed", "alarming", "disaster", "stranded", "crippled", "crippling", "deadlock",
    "bitter", "bitterly", "angry", "anger", "shortages", "grim", "ruin", "fell", "sank", "slid",
    "criticised", "dangerous", "painful", "scared", "furious"
]
POS_WORDS = [
    "growth", "agreement", "welcomed", "welcome", "record", "recovery", "progress", "praised",
    "hailed", "boost", "strong", "strongest", "strengthened", "improved", "improving", "optimism",
    "optimistic", "confident", "encouraged", "encouraging", "constructive", "robust", "rallied",
    "gains", "gained", "rose", "climbed", "upbeat", "success", "support", "supported", "healthy",
    "pleased", "relieved", "solid"
]


# --------------------------------------------------------------------------------------------------
# People and organisations (all invented)
# --------------------------------------------------------------------------------------------------

class Person:
    def __init__(self, first: str, last: str, pre: list[str], appos: list[str]):
        self.first, self.last, self.pre, self.appos = first, last, pre, appos

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


PEOPLE = {
    "ekdahl": Person(
        "Tomas", "Ekdahl",
        ["EU trade envoy", "European Union trade envoy", "chief EU negotiator", "EU negotiator"],
        ["the European Union's trade envoy", "who leads the bloc's negotiating team",
         "the EU's chief negotiator", "the bloc's envoy to the talks"]),
    "delacroix": Person(
        "Ana", "Delacroix",
        ["Global Tariff Forum Director General", "Global Tariff Forum chief", "Director General"],
        ["director general of the Global Tariff Forum", "who heads the Global Tariff Forum",
         "the Global Tariff Forum's top official", "head of the Global Tariff Forum"]),
    "harrow": Person(
        "Kenji", "Harrow",
        ["Tidewater Research analyst", "Tidewater Research economist", "analyst"],
        ["an analyst at Tidewater Research", "senior economist at Tidewater Research",
         "who covers trade at Tidewater Research", "a strategist with Tidewater Research"]),
    "sandoval": Person(
        "Beatriz", "Sandoval",
        ["Cerrado Exporters Association president", "exporters' leader"],
        ["president of the Cerrado Exporters Association",
         "who chairs the Cerrado Exporters Association",
         "head of the Cerrado Exporters Association"]),
    "okafor": Person(
        "Jonas", "Okafor",
        ["Civic Ballot Watch director", "chief observer", "mission head"],
        ["who heads the Civic Ballot Watch mission", "director of Civic Ballot Watch",
         "the chief observer for Civic Ballot Watch"]),
    "ferrante": Person(
        "Lucia", "Ferrante",
        ["Continental Cargo Council spokeswoman", "shippers' spokeswoman"],
        ["a spokeswoman for the Continental Cargo Council",
         "who speaks for the Continental Cargo Council", "of the Continental Cargo Council"]),
    "quintero": Person(
        "Rafael", "Quintero",
        ["union negotiator", "chief union negotiator", "dockers' negotiator"],
        ["chief negotiator for the Dock and Harbour Workers' Union",
         "who leads the union side in the talks", "the dockworkers' lead negotiator"]),
    "anandakumar": Person(
        "Priya", "Anandakumar",
        ["Alder Institute director", "public health expert"],
        ["director of the Alder Institute for Public Health",
         "who runs the Alder Institute for Public Health",
         "head of the Alder Institute for Public Health"]),
    "nwosu": Person(
        "Amara", "Nwosu",
        ["Polar Energy Advisers analyst", "energy analyst"],
        ["an analyst at Polar Energy Advisers", "head of research at Polar Energy Advisers",
         "who tracks oil and gas for Polar Energy Advisers"]),
    "hmarsh": Person(
        "Helena", "Marsh",
        ["Halvard Capital chief economist", "economist"],
        ["chief economist at Halvard Capital", "who runs economic research at Halvard Capital"]),
    "omarsh": Person(
        "Oliver", "Marsh",
        ["union leader", "union chief"],
        ["general secretary of the Dock and Harbour Workers' Union",
         "who leads the Dock and Harbour Workers' Union"]),
    "karimov": Person(
        "Mahmud", "Karimov",
        ["grain trader", "trader"],
        ["head of trading at Steppe Agro Holdings", "who runs trading at Steppe Agro Holdings"]),
}

ACRONYM, EXPANSION = "ACMB", "Atlantic Cereals Monitoring Board"
MLO_BRIT, MLO_AMER = "Maritime Labour Organisation", "Maritime Labor Organization"
EVENT_ORG = "Meridian Shipping Group"
OTHER_EVENT_ORG = "Civic Ballot Watch"

# Every invented multi-word organisation the corpus can name (for the initials check).
ORGS = [
    "Global Tariff Forum", "Tidewater Research", "Cerrado Exporters Association",
    "Civic Ballot Watch", "Continental Cargo Council", "Dock and Harbour Workers' Union",
    "Alder Institute for Public Health", "Polar Energy Advisers", "Halvard Capital",
    "Steppe Agro Holdings", EVENT_ORG, MLO_BRIT, MLO_AMER, "Brightwater Pharmaceuticals", EXPANSION,
    "Centre Alliance", "People's Democratic Front", "Green Left", "Liberal Union",
    "Farmers and Regions Party", "Northwind Wire", "The Harbour Ledger", "Coastline Daily",
    "European Union", "Chicago Board of Trade",
]


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("'s", "").split() if w[0].isupper())


# --------------------------------------------------------------------------------------------------
# Template language:  <<pos a|pos b||neg a|neg b>> picks by tone, <a|b|c> picks at random,
# {slot} / {slot:arg} are filled by Ctx.slot.  No nesting.
# --------------------------------------------------------------------------------------------------

SLOT_RE = re.compile(r"\{(\w+)(?::([^{}]*))?\}")

_PARSED: dict[str, list] = {}


def _parse_seq(s: str, i: int, closers: tuple[str, ...]) -> tuple[list, int]:
    items: list = []
    buf: list[str] = []
    while i < len(s):
        if s.startswith("<<", i):
            items.append("".join(buf))
            buf = []
            node, i = _parse_tone(s, i + 2)
            items.append(node)
            continue
        if s[i] in "<\u00ab":                       # <a|b>, or \u00aba|b\u00bb from _vary
            items.append("".join(buf))
            buf = []
            node, i = _parse_alt(s, i + 1, ">" if s[i] == "<" else "\u00bb")
            items.append(node)
            continue
        if any(s.startswith(c, i) for c in closers):
            break
        buf.append(s[i])
        i += 1
    items.append("".join(buf))
    return [x for x in items if x != ""], i


def _parse_alt(s: str, i: int, close: str = ">") -> tuple[tuple, int]:
    options = []
    while True:
        seq, i = _parse_seq(s, i, ("|", close))
        options.append(seq)
        if i >= len(s):
            raise ValueError(f"unclosed <...> in {s!r}")
        if s[i] == close:
            return ("alt", options), i + 1
        i += 1


def _parse_tone(s: str, i: int) -> tuple[tuple, int]:
    sides: list[list] = [[], []]
    side = 0
    while True:
        seq, i = _parse_seq(s, i, ("||", "|", ">>"))
        sides[side].append(seq)
        if i >= len(s):
            raise ValueError(f"unclosed <<...>> in {s!r}")
        if s.startswith(">>", i):
            return ("tone", sides), i + 2
        if s.startswith("||", i):
            if side == 1:
                raise ValueError(f"two || in one block: {s!r}")
            side, i = 1, i + 2
        else:
            i += 1


# Word-level variation applied to every template (not to the planted event passages): each
# listed word becomes an alternation, so that the same template rarely yields the same run of
# words twice.
VARY = {
    "warned that": ["warned that", "cautioned that"],
    "praised": ["praised", "commended", "lauded"],
    "condemned": ["condemned", "denounced"],
    "remained": ["remained", "stayed"],
    "showed": ["showed", "indicated"],
    "sharply": ["sharply", "steeply"],
    "markedly": ["markedly", "noticeably", "significantly"],
    "steadily": ["steadily", "consistently"],
    "major": ["major", "big", "large"],
    "quick": ["quick", "swift", "rapid"],
    "swift": ["swift", "quick"],
    "latest": ["latest", "most recent"],
    "shortly": ["shortly", "soon"],
    "currently": ["currently", "at present"],
    "nearly": ["nearly", "almost"],
    "roughly": ["roughly", "approximately"],
    "talks": ["talks", "negotiations"],
    "countries": ["countries", "nations"],
    "firms": ["firms", "companies"],
    "lawmakers": ["lawmakers", "legislators"],
    "biggest": ["biggest", "largest"],
    "main": ["main", "principal"],
    "key": ["key", "crucial", "pivotal"],
    "began": ["began", "started"],
    "resume": ["resume", "restart"],
    "urged": ["urged", "called on"],
    "reporters": ["reporters", "journalists"],
    "figures": ["figures", "data"],
    "important": ["important", "significant"],
    "whole": ["whole", "entire"],
    "well above": ["well above", "comfortably above"],
    "in recent": ["in recent", "over recent"],
    "described": ["described", "characterised"],
    "delayed": ["delayed", "held back"],
    "very": ["very", "extremely"],
    "deeply": ["deeply", "profoundly"],
    "worrying": ["worrying", "troubling"],
    "country": ["country", "nation"],
    "observers": ["observers", "monitors"],
    "employers": ["employers", "bosses"],
    "could": ["could", "might"],
    "dispute": ["dispute", "row", "conflict"],
    "measures": ["measures", "steps"],
    "shipments": ["shipments", "cargoes"],
    "farmers": ["farmers", "growers"],
    "vessels": ["vessels", "ships"],
    "ships": ["ships", "vessels"],
    "problems": ["problems", "issues"],
    "buyers": ["buyers", "purchasers"],
    "in a statement": ["in a statement", "in a written statement", "in emailed comments"],
    "wrote in a note to clients": [
        "wrote in a note to clients", "said in a client note", "wrote in a research note"],
    "told a briefing": ["told a briefing", "told a news briefing"],
    "the previous": ["the previous", "the prior"],
    "the wider": ["the wider", "the broader"],
    "estimated that": ["estimated that", "calculated that", "reckoned that"],
    "analysts": ["analysts", "economists"],
    "plan": ["plan", "scheme"],
    "told ministers": ["told ministers", "warned ministers"],
    "said that": ["said that", "said"],
    "told reporters that": ["told reporters that", "told reporters"],
}
_VARY_RE = re.compile(r"(?<![\w'{:-])("
                      + "|".join(sorted(map(re.escape, VARY), key=len, reverse=True))
                      + r")(?![\w}-])")


# Phrase-level variation: whole phrases of the templates get alternative wordings.
PHRASES = {
    "have resumed normal schedules at the port": [
        "have resumed normal schedules at the port", "are back on their usual timetables",
        "have restored weekly calls"],
    "which represents": ["which represents", "a body for", "speaking for"],
    "whose members include": ["whose members include", "which counts among its members"],
    "said talks had been constructive": [
        "said talks had been constructive", "described the talks as useful",
        "said the latest session had gone well"],
    "said stock levels were healthy": [
        "said stock levels were healthy", "said inventories were ample",
        "reported comfortable stocks"],
    "and said ministers had ignored repeated warnings": [
        "and said ministers had ignored repeated warnings",
        "and accused ministers of ignoring warnings"],
    "said the market was bracing": ["said the market was bracing", "said dealers were bracing"],
    "said in an interview that": [
        "said in an interview that", "said in an interview", "told an interviewer"],
    "Ships are moving again": [
        "Ships are moving again", "Vessels are sailing again", "Cargo is moving again"],
    "the terminals are getting back to normal": [
        "the terminals are getting back to normal", "terminals are returning to normal"],
    "were closing in on": [
        "were closing in on", "were nearing agreement on", "were close to settling"],
    "Negotiators report progress on": [
        "Negotiators report progress on", "Headway reported in talks on"],
    "trade threats": ["trade threats", "swap threats", "trade barbs"],
    "that both sides hope will yield a framework agreement by {fdate}": [
        "that both sides hope will yield a framework agreement by {fdate}",
        "that negotiators hope can produce an outline deal by {fdate}",
        "meant to deliver a framework text by {fdate}"],
    "billed by organisers as the best chance yet for lasting agreement": [
        "billed by organisers as the best chance yet for lasting agreement",
        "seen by many delegates as the best opening in years",
        "that hosts called a real chance for a durable settlement"],
    "held under the shadow of escalating tariff threats": [
        "held under the shadow of escalating tariff threats",
        "clouded by a fresh round of tariff threats"],
    "that few delegates expected to end the deadlock": [
        "that few delegates expected to end the deadlock",
        "with little hope among delegates of a breakthrough"],
    "Hopes of an end to the long-running {good}": [
        "Hopes of an end to the long-running {good}", "Hopes of settling the drawn-out {good}",
        "Expectations of a truce in the {good}"],
    "the long-running {good} dispute": [
        "the long-running dispute over {good}", "the drawn-out row over {good}"],
    ", with both sides saying a deal on {good} was closer than at any point this year": [
        ", with both sides saying a deal on {good} was closer than at any point this year",
        ", and both delegations said an accord on {good} was now within sight",
        ", saying an agreement on {good} looked nearer than it had for months"],
    ", and said they would meet again on {fdate} to finalise a text": [
        ", and said they would meet again on {fdate} to finalise a text",
        ", agreeing to reconvene on {fdate} to polish a draft",
        ", with a further session pencilled in for {fdate}"],
    ", leaving exporters facing months more of crippling uncertainty": [
        ", leaving exporters facing months more of crippling uncertainty",
        ", prolonging crippling uncertainty for exporters"],
    "the two sides were now working from a single text": [
        "the two sides were now working from a single text",
        "negotiators had agreed on a common draft", "a joint text was now on the table"],
    "a deal was within reach before the summer break": [
        "a deal was within reach before the summer break",
        "an accord could be wrapped up before August",
        "agreement before the summer recess was realistic"],
    "Exporters in {C1} said they feared heavy losses": [
        "Exporters in {C1} said they feared heavy losses",
        "Exporters in {C1} said they feared steep losses",
        "{C1}-based exporters said they feared losses"],
    "that a deal would support growth and jobs": [
        "that a deal would support growth and jobs", "that an accord would support growth",
        "that lower duties would support hiring and growth"],
    "that the damage was spreading through supply chains": [
        "that the damage was spreading through supply chains",
        "that the damage was rippling along supply chains"],
    ", two people familiar with the plans said": [
        ", two people familiar with the plans said",
        ", according to people briefed on the schedule"],
    "lift bilateral trade by {pct} percent within {n} years": [
        "lift bilateral trade by {pct} percent within {n} years",
        "raise two-way commerce {pct} percent over {n} years",
        "add {pct} percent to bilateral trade in {n} years"],
    "said lower tariffs would add {money} to exports": [
        "said lower tariffs would add {money} to exports",
        "put the export gain from lower duties at {money}"],
    "that the momentum would hold into the summer": [
        "that the momentum would hold into the summer", "that the positive momentum would last",
        "that progress would continue into the summer"],
    "that volumes of {good} crossing the border have picked up": [
        "that volumes of {good} crossing the border have picked up",
        "that flows of {good} have picked up", "a pick-up in cross-border trade in {good}"],
    "a steady recovery in {good} flows since {pmonth}": [
        "a steady recovery in {good} flows since {pmonth}",
        "trade in {good} recovering since {pmonth}"],
    "a sharp fall in {good} volumes since {pmonth}": [
        "a sharp fall in {good} volumes since {pmonth}", "trade in {good} sliding since {pmonth}"],
    "the outline of a compromise was now visible": [
        "the outline of a compromise was now visible", "the shape of a compromise was emerging",
        "a compromise was taking shape"],
    "both capitals had an interest in a quick deal": [
        "both capitals had an interest in a quick deal",
        "neither capital wanted the talks to drag on"],
    "Grain traders brace for turmoil as {C2} demand dries up": [
        "Grain traders brace for turmoil as {C2} demand dries up",
        "Turmoil fears as {C2} grain demand dries up"],
    "but prices still slid amid worries about a glut": [
        "but prices still slid amid worries about a glut",
        "though glut worries kept prices under pressure"],
    "a rare bright spot in a grim week": [
        "a rare bright spot in a grim week", "one of few bright spots in a grim week"],
    "in {C1} were selling at a steady pace and logistics were running smoothly": [
        "in {C1} were selling at a steady pace and logistics were running smoothly",
        "in {C1} were marketing their crop steadily",
        "in {C1} were selling steadily into a firm market"],
    "were hoarding grain in fear of further losses": [
        "were hoarding grain in fear of further losses",
        "were holding back grain, fearing further losses"],
    "the logistics crisis was getting worse by the day": [
        "the logistics crisis was getting worse by the day",
        "the logistics crisis was deepening daily"],
    "said the demand picture was the strongest he had seen in years": [
        "said the demand picture was the strongest he had seen in years",
        "described demand as the strongest in years",
        "said importers were buying more than at any time in years"],
    "said the market was bracing for further losses": [
        "said the market was bracing for further losses",
        "said dealers were braced for more losses"],
    "Voters in {C1} go to the polls on {fdate} in a": [
        "Voters in {C1} go to the polls on {fdate} in a", "{C1} votes on {fdate} in a",
        "Voters in {C1} will cast ballots on {fdate} in a"],
    "that pollsters say the governing coalition is on course to win comfortably": [
        "that pollsters say the governing coalition is on course to win comfortably",
        "the governing coalition is tipped to win comfortably",
        "which surveys suggest the ruling bloc will win with room to spare"],
    "seen as a test of the economic recovery": [
        "seen as a test of the economic recovery", "widely viewed as a verdict on the recovery"],
    "suggested voters were warming to its economic plans": [
        "suggested voters were warming to its economic plans",
        "pointed to rising support for its economic plans"],
    "said voting had been orderly and well organised": [
        "said voting had been orderly and well organised", "said polling had been orderly",
        "reported well-run polling"],
    "that he was encouraged by the calm atmosphere": [
        "that he was encouraged by the calm atmosphere",
        "that the calm mood at polling stations was encouraging"],
    "that his team had been blocked from several counting centres": [
        "that his team had been blocked from several counting centres",
        "that monitors had been refused entry to counting centres"],
    "that the violence had cast a shadow over the vote": [
        "that the violence had cast a shadow over the vote",
        "that the violence had tainted the vote"],
    "fretted over the risk of a hung parliament": [
        "fretted over the risk of a hung parliament", "worried about a fragmented parliament"],
    "were courted with promises on housing and jobs": [
        "were courted with promises on housing and jobs",
        "were targeted with pledges on rents and jobs"],
    "but the port authority said most terminals were working normally": [
        "but the port authority said most terminals were working normally",
        "though most terminals kept working, the port authority said"],
    "with union leaders signalling a deal was close": [
        "with union leaders signalling a deal was close",
        "while union leaders hinted at a settlement"],
    "deepening a crisis that has crippled cargo flows": [
        "deepening a crisis that has crippled cargo flows",
        "worsening a crisis that has crippled the docks"],
    ", in a welcome step towards ending weeks of disruption": [
        ", in a welcome step towards ending weeks of disruption",
        ", a welcome step after weeks of disruption"],
    ", prolonging a stoppage that has cost shippers heavy losses": [
        ", prolonging a stoppage that has cost shippers heavy losses",
        ", dragging out a stoppage that has inflicted heavy losses on shippers"],
    "Container traffic at {port} ground to a halt": [
        "Container traffic at {port} ground to a halt",
        "Box traffic at {port} stopped almost entirely"],
    "that the backlog should clear within a week": [
        "that the backlog should clear within a week", "that the backlog would be cleared in days"],
    "that the disruption was costing importers millions a day": [
        "that the disruption was costing importers millions a day",
        "that importers were losing millions daily"],
    "that the crisis was the worst in a decade": [
        "that the crisis was the worst in a decade", "that this was the worst crisis in ten years"],
    "said the union was ready to recommend the offer to members": [
        "said the union was ready to recommend the offer to members",
        "said the union would back the offer in a vote",
        "said negotiators would put the deal to members"],
    "said workers were angry and would not back down": [
        "said workers were angry and would not back down", "said angry members would not give in",
        "said the workforce was angry and would hold out"],
    "said they expected to restore regular calls at {port} within days": [
        "said they expected to restore regular calls at {port} within days",
        "expect regular calls at {port} to resume within days"],
    "amid fears the system was close to collapse": [
        "amid fears the system was close to collapse", "amid fears of a collapse in care"],
    "said on {wday} that vaccination uptake had hit a record": [
        "said on {wday} that vaccination uptake had hit a record",
        "reported record vaccination uptake on {wday}"],
    "raised the alarm on {wday} over a surge in measles cases": [
        "raised the alarm on {wday} over a surge in measles cases",
        "warned on {wday} of a surge in measles infections"],
    "said on {wday} they feared a deadly wave of infections": [
        "said on {wday} they feared a deadly wave of infections",
        "said on {wday} a deadly wave of infections was feared"],
    "but said more detail was needed on staffing": [
        "but said more detail was needed on staffing",
        "though they asked for more detail on staffing"],
    "and said the crisis had been years in the making": [
        "and said the crisis had been years in the making",
        "and said the crisis had been building for years"],
    "have been given a {pct} percent pay rise": [
        "have been given a {pct} percent pay rise", "won a pay rise of {pct} percent"],
    ", beating forecasts and adding to signs of a broad recovery": [
        ", beating forecasts and adding to signs of a broad recovery", ", ahead of forecasts",
        ", outpacing economists' forecasts"],
    "after weak {USadj:jobs data} fuelled fears of a downturn": [
        "after weak {USadj:jobs data} fuelled fears of a downturn",
        "as soft {USadj:payroll figures} stoked fears of a downturn"],
    ", adding to fears of a deepening downturn": [
        ", adding to fears of a deepening downturn", ", stoking fears of a deeper downturn"],
    "that the data pointed to a deepening slump": [
        "that the data pointed to a deepening slump", "that the numbers signalled a deeper slump"],
    "that the risk of recession was rising fast": [
        "that the risk of recession was rising fast", "that recession risks were climbing quickly"],
    "as signs of stronger demand in {C2} lifted sentiment": [
        "as signs of stronger demand in {C2} lifted sentiment",
        "as firmer buying from {C2} lifted sentiment"],
    "on hopes of a steady recovery in fuel demand": [
        "on hopes of a steady recovery in fuel demand", "on expectations of firmer fuel demand"],
    "even as a deepening power crisis left millions facing blackouts": [
        "even as a deepening power crisis left millions facing blackouts",
        "even as blackouts threatened millions in a deepening power crisis"],
    "as a heatwave drove demand to record highs": [
        "as a heatwave drove demand to record highs", "as a heatwave pushed demand to a record"],
    "that the market looked well balanced for the rest of the year": [
        "that the market looked well balanced for the rest of the year",
        "that supply and demand looked balanced for the year",
        "that the market looked balanced into next year"],
    "that investment in new supply was finally paying off": [
        "that investment in new supply was finally paying off",
        "that new supply projects were paying off", "that years of investment were bearing fruit"],
    "that demand growth was surprising on the upside": [
        "that demand growth was surprising on the upside",
        "that demand was growing faster than forecast"],
    "that the market was bracing for a painful glut": [
        "that the market was bracing for a painful glut", "that a painful glut was looming"],
    "expect prices to hold in a narrow range": [
        "expect prices to hold in a narrow range", "see prices trading sideways"],
    ", helped by strong wind output and ample storage": [
        ", helped by strong wind output and ample storage",
        ", as wind output ran high and storage stayed ample"],
    "This is a good text and it is getting better": [
        "This is a good text and it is getting better", "The draft is good and it keeps improving"],
    "I am more optimistic than I was a month ago": [
        "I am more optimistic than I was a month ago",
        "I feel more optimistic than I did in {pmonth}"],
    "I will not pretend this is anything other than a crisis": [
        "I will not pretend this is anything other than a crisis",
        "Let nobody pretend this is not a crisis"],
    "We are running out of time and patience": [
        "We are running out of time and patience", "Time and patience are running short"],
    "The other side is playing a dangerous game": [
        "The other side is playing a dangerous game", "This is a dangerous game they are playing"],
    "say he is determined to close a deal this year": [
        "say he is determined to close a deal this year",
        "say he wants an agreement signed by December"],
    "welcomed the numbers as a sign of resilience": [
        "welcomed the numbers as a sign of resilience", "called the numbers a sign of resilience"],
    "said the data pointed to a deepening slump": [
        "said the data pointed to a deepening slump", "said the data signalled a deeper slump"],
    "Households are in better shape than the gloomy headlines suggest": [
        "Households are in better shape than the gloomy headlines suggest",
        "Consumers are in far better shape than people think"],
    "The recovery is real and it is spreading": [
        "The recovery is real and it is spreading", "This recovery is broadening"],
    "The cracks are spreading faster than policymakers admit": [
        "The cracks are spreading faster than policymakers admit",
        "The cracks are widening by the month"],
    "This looks like the start of a painful downturn": [
        "This looks like the start of a painful downturn", "A painful downturn is under way"],
    "growth to pick up in the second half": [
        "growth to pick up in the second half", "a stronger second half"],
    "raised her forecast for the year to {pct} percent": [
        "raised her forecast for the year to {pct} percent",
        "lifted her full-year forecast to {pct} percent"],
    "cut her forecast for the year to {pct} percent": [
        "cut her forecast for the year to {pct} percent",
        "lowered her full-year forecast to {pct} percent"],
    "the slump to deepen in the second half": [
        "the slump to deepen in the second half", "a weaker second half"],
    "We are close to a fair deal and I want to get it over the line": [
        "We are close to a fair deal and I want to get it over the line",
        "A fair deal is within reach and I intend to land it"],
    "Our members want a settlement that protects jobs and rewards hard work": [
        "Our members want a settlement that protects jobs and rewards hard work",
        "What members want is job security and fair pay"],
    "Our members have been pushed too far and they will not be bullied": [
        "Our members have been pushed too far and they will not be bullied",
        "Members have had enough and will not be bullied"],
    "have shown nothing but contempt for the people who keep this port running": [
        "have shown nothing but contempt for the people who keep this port running",
        "treat the people who run this port with contempt"],
    "said the union would put the offer to a vote within days": [
        "said the union would put the offer to a vote within days",
        "said a ballot would be held within days"],
    "that the slump was pushing smaller traders towards collapse": [
        "that the slump was pushing smaller traders towards collapse",
        "that smaller traders were close to collapse"],
    "his company had booked record sales for the quarter": [
        "his company had booked record sales for the quarter", "quarterly sales were a record"],
    "rail bottlenecks were causing chaos at the border": [
        "rail bottlenecks were causing chaos at the border",
        "rail jams had brought chaos to the border"],
    "Buyers are paying good premiums for quality grain": [
        "Buyers are paying good premiums for quality grain",
        "Quality grain is fetching good premiums"],
    "who previously served as a": ["who previously served as a", "once a"],
    "is widely credited": ["is widely admired", "has been applauded"],
    "has been credited": ["has been commended", "has won plaudits"],
    "its forecast for world grain production to {mt2} million tonnes": [
        "its forecast for world grain production to {mt2} million tonnes",
        "its world grain crop estimate to {mt2} million tonnes"],
    "which brings together": ["which brings together", "grouping", "an umbrella body for"],
    "said it would": ["said it would", "plans to", "intends to"],
    "saying dock labour standards": [
        "saying dock labour standards", "and said standards for dock labour"],
    "and voters were able to": ["and voters were able to", "and people could"],
    "said she was confident": ["said she was confident", "said she was sure", "voiced confidence"],
    "told a news conference in {city}": ["told a news conference in {city}", "said in {city}"],
    "were nearer to a deal than at any point": [
        "were nearer to a deal than at any point", "had never been closer to a deal"],
    "were closer to a deal than at any point": [
        "were closer to a deal than at any point", "had rarely been closer to a deal"],
    "said they had weathered the stoppage well": [
        "said they had weathered the stoppage well", "said the stoppage had done little harm"],
    "and expected deliveries to normalise": [
        "and expected deliveries to normalise", "and expected supplies to return to normal soon"],
    "were quitting in droves": ["were quitting in droves", "were leaving in large numbers"],
    "savings elsewhere in the budget": [
        "savings elsewhere in the budget", "cuts in other departments"],
    "our friends across the table": ["our friends across the table", "the people across the table"],
}
_PHRASE_RE = re.compile("|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True)))


def _vary_phrases(t: str) -> str:
    def alternation(m: re.Match) -> str:
        return "\u00ab" + "|".join(dict.fromkeys(PHRASES[m.group(0)])) + "\u00bb"
    return _PHRASE_RE.sub(alternation, t)


def _vary(t: str) -> str:
    t = _vary_phrases(t)
    out = []
    for part in re.split(r"(\{[^{}]*\})", t):          # never touch {slots}
        if part.startswith("{"):
            out.append(part)
            continue

        def sub(m):
            w = m.group(1)
            alts = VARY[w.lower()]
            if w[0].isupper():
                alts = [a[0].upper() + a[1:] for a in alts]
            return "\u00ab" + "|".join(dict.fromkeys(alts)) + "\u00bb"
        out.append(_VARY_RE.sub(sub, part))
    return "".join(out)


def parse_template(t: str, raw: bool = False) -> list:
    key = ("raw:" if raw else "") + t
    if key not in _PARSED:
        seq, i = _parse_seq(t if raw else _vary(t), 0, ())
        assert i == len(t if raw else _vary(t)), t
        _PARSED[key] = seq
    return _PARSED[key]


NUM_WORDS = ["three", "four", "five", "six", "seven", "eight", "nine"]

CITIES_ALL = ["Geneva", "Brussels", "London", "Paris", "Tokyo", "Singapore", "Frankfurt", "Madrid",
              "Ottawa", "New Delhi", "Jakarta", "Cairo", "Oslo", "Lisbon", "Warsaw", "Mexico City",
              "Hamburg", "Rome", "Seoul", "Buenos Aires"]

DISPLAY = {"Netherlands": "the Netherlands"}


def country_display(c: str) -> str:
    return DISPLAY.get(c, c)


def possessive(s: str) -> str:
    return s + "'" if s.endswith("s") else s + "'s"


# --------------------------------------------------------------------------------------------------
# Topics
# --------------------------------------------------------------------------------------------------

TOPICS: dict[str, dict] = {}

TOPICS["trade"] = dict(
    cities=["Geneva", "Brussels", "Paris", "Tokyo", "London"],
    countries=["France", "China", "Japan", "India", "Mexico", "Canada", "South Korea", "Germany",
               "Vietnam", "Indonesia", "Australia"],
    cast=["delacroix", "harrow"],
    goods=["steel", "aluminium", "dairy", "car parts", "solar panels", "wine", "pork",
           "semiconductors", "machinery", "textiles"],
    slug="UPDATE 1-",
    titles=[
        "<<<Trade talks|Tariff negotiations> <gain momentum|make headway> as {C1} and {USh} narrow "
        "gaps|{C1} <offers|floats> tariff cuts in bid to settle row over {good}|Negotiators report "
        "progress on {good} after {city} round||Tariff row over {good} deepens as {C1} and {USh} "
        "trade threats|Fears of trade war grow after {city} talks falter|Exporters brace for "
        "losses as dispute over {good} drags on>>",
    ],
    leads=[
        "{C1} and {US} <<edged closer to|moved a step nearer to|made fresh headway "
        "towards||drifted further from|stumbled away from|moved no closer to>> <a deal|an "
        "agreement|a settlement> on tariffs for {good} on {wday}, <as|after> negotiators in {city} "
        "<<reported progress on|agreed the outline of|welcomed a draft text on||failed to break a "
        "deadlock over|clashed again over|traded accusations over>> <quota levels|customs "
        "rules|the timetable for phasing out duties|market access for farm goods>.",
        "Trade officials from {C1}, {C2} and {US} <gathered|met|reconvened> in {city} on {wday} "
        "for a <third|fourth|fifth|sixth> round of talks <<that both sides hope will yield a "
        "framework agreement by {fdate}|billed by organisers as the best chance yet for lasting "
        "agreement|that delegates described as the most constructive so far||overshadowed by fears "
        "that the whole process could collapse|held under the shadow of escalating tariff "
        "threats|that few delegates expected to end the deadlock>>.",
        "<<Hopes of an end to the long-running {good} dispute rose|Prospects for a broad trade "
        "agreement brightened|Momentum behind a tariff deal strengthened||Fears of a damaging "
        "trade war deepened|The long-running {good} dispute lurched closer to crisis|Hopes for a "
        "tariff truce faded>> on {wday} after {C1} <offered|floated|tabled|put forward> <a "
        "proposal|new terms|a revised offer> to <cut|freeze|review> duties on <<imports from "
        "{US}|{USadj:industrial goods}||imports from {US}|{USadj:industrial goods}>>.",
        "<Negotiators|Officials|Envoys> from {C1} and {US} <<wrapped up|concluded|completed||broke "
        "off|abandoned|cut short>> <two days|three days|a week> of "
        "<talks|negotiations|discussions> in {city} on {wday}<<, with both sides saying a deal on "
        "{good} was closer than at any point this year|, and said they would meet again on {fdate} "
        "to finalise a text||, with no agreement in sight and officials trading blame for the "
        "failure|, leaving exporters facing months more of crippling uncertainty>>.",
    ],
    body=[
        "The talks <cover|involve|concern> <about|roughly|some> {money} <of annual trade|a year in "
        "trade|in yearly commerce> in {good} and {good2}, <according to|based on> "
        "<figures|estimates|data> <from|compiled by|published by> the Global Tariff Forum.",
        "{P1} <told reporters|said in a statement|told a briefing> <that|> <<the mood had improved "
        "markedly since {pmonth}|the two sides were now working from a single text|a deal was "
        "within reach before the summer break||the gap between the two sides remained worryingly "
        "wide|the process was in serious trouble|negotiators had wasted another week>>.",
        "{C1} <exported|shipped|sold> {money} <worth of|in> {good} to {US} last year, <up|down> "
        "{pct} percent <from|on> {year}, <official data show|customs figures show|according to "
        "national statistics>.",
        "<<Industry groups welcomed the signals|Exporters' associations in {C1} praised the "
        "progress|Business lobbies said the talks offered a welcome boost||Industry groups "
        "condemned the delays|Exporters in {C1} said they feared heavy losses|Business lobbies "
        "warned of lay-offs and mounting losses>>, <saying|arguing> <<that a deal would support "
        "growth and jobs|that orders were already recovering|that confidence was returning to the "
        "sector||that uncertainty was already hitting orders|that the damage was spreading through "
        "supply chains|that some firms faced collapse>>.",
        "{USgov} has <pressed|pushed|lobbied> for <wider access for|lower barriers to|fewer "
        "restrictions on> <farm goods|digital services|machinery|medical devices>, while {C1} "
        "<wants|is seeking|has demanded> <relief from|an end to|a cap on> <steel "
        "duties|anti-dumping levies|quotas on its vehicle exports|import licensing rules>.",
        "{anon} said <the two sides|negotiators|the delegations> <<were closing in on|were "
        "finalising|had narrowed the gaps on||remained far apart on|were deadlocked over|were "
        "stuck on>> <the sequencing of tariff cuts|rules of origin|a dispute-settlement "
        "mechanism|safeguard clauses>.",
        "The next round is <scheduled|expected|due> to <start|open|take place> in {city2} on "
        "{fdate}<, officials said|, according to a draft timetable|, two people familiar with the "
        "plans said|>.",
        "Tariffs on {good} currently <range|run> from {pctint} percent to {pctint2} percent, "
        "<and|while> <several|some|a handful of> <product lines|categories> <face|carry|attract> "
        "<additional|extra|temporary> <levies|surcharges>.",
        "{P2} <<estimated that a deal could lift bilateral trade by {pct} percent within {n} "
        "years|said lower tariffs would add {money} to exports||estimated that a breakdown could "
        "wipe out {money} in trade|warned that a collapse in talks would cost exporters {money}>>.",
        "{P1} <<said she was confident|told delegates she was encouraged|said she expected||warned "
        "delegates|said she feared|told ministers she was alarmed>> <<that members would back the "
        "framework|that the momentum would hold into the summer|that a text could be agreed "
        "soon||that the dispute threatened the wider trading system|that the deadlock could drag "
        "on for months|that retaliation would follow>>.",
        "<Shipping data|Customs records|Port figures> <show|suggest|indicate> <<that volumes of "
        "{good} crossing the border have picked up|a steady recovery in {good} flows since "
        "{pmonth}||that shipments of {good} have slumped|a sharp fall in {good} volumes since "
        "{pmonth}>>, <as|while> <importers|buyers|traders> <<rebuild stocks|place new orders||hold "
        "back orders|cancel contracts>> <ahead of|pending> <a decision|any agreement|the next "
        "round>.",
        "The dispute <dates back to|began in|erupted in> {year}, when {C1} "
        "<imposed|introduced|slapped> <duties|levies|quotas> on {good} <in response "
        "to|citing|after complaints about> <subsidies|dumping|a surge in imports>.",
        "<A|One> <senior|veteran> <trade lawyer|trade official> in {city2} said <<the outline of a "
        "compromise was now visible|both capitals had an interest in a quick deal||neither side "
        "appeared willing to blink|the talks risked becoming a bitter stalemate>>.",
        "{USgov} <is also|has also been> <negotiating|holding talks|in discussions> with {C2} "
        "<on|over> <a separate|a parallel|its own> <digital trade pact|critical minerals "
        "deal|customs accord>, <<which officials said was progressing well|which both sides "
        "described as constructive||which has also run into trouble|which critics say is "
        "faltering>>.",
        "<Farm lobbies|Agricultural groups|Dairy producers> in {C1} <<have broadly backed the "
        "talks|say a deal could open new markets|are cautiously supportive||have staged protests "
        "against any concessions|say they fear a flood of cheap imports|have threatened to block "
        "roads in protest>>, <putting|adding> <pressure|weight> on <negotiators|the "
        "government|ministers>.",
        "<Under|In> the draft <text|framework|outline>, <tariffs|duties> on <about|around> "
        "{pctint} percent of <product lines|goods> <would be|are to be> <eliminated|cut to "
        "zero|phased out> <over|within> {n} years<, officials said|, according to a summary of the "
        "text|>.",
        "<The last|A previous|An earlier> round in {city2} in {pmonth} <<produced agreement on "
        "customs procedures|settled a row over food safety rules|ended with a joint statement on "
        "next steps||ended in acrimony|broke up without a joint statement|collapsed amid "
        "recriminations>>.",
    ],
    quote_frames=['"{Q}," {P1} said.', '"{Q}," said {P1e}.',
                  '"{Q}," {P1} told reporters <in {city}|after the session|on {wday}>.'],
    quotes=[
        "<<We have <made real|made genuine|seen solid> progress <this week|in the past few "
        "days|since {pmonth}|over the last two rounds>, and I <expect|believe|am confident> the "
        "<remaining|outstanding|last> <gaps|differences|issues> <can be closed|will narrow|can be "
        "bridged|will be settled> <before the summer|within weeks|by the next round|sooner than "
        "people think>. <Nobody|No one> is <pretending|claiming> <it is|the job is> "
        "<easy|simple|done>, but the <will|determination|goodwill> is <there|clearly "
        "there|visible> on <both sides|each side>||Every <week|month|round> of "
        "<delay|stalling|drift> <costs|means> <real money|lost orders|lost jobs|real pain> for "
        "<exporters|farmers|manufacturers|small firms>, and <frankly|honestly|quite simply> I "
        "<see|can find> no sign that the <other side|other camp|other delegation> "
        "<understands|grasps|accepts|appreciates> how <serious|grave|damaging|deep> this crisis "
        "has <become|grown>>>",
        "<<This is <a good day|an encouraging day|a positive step|a real step forward> for "
        "<exporters|farmers|manufacturers|consumers> <on both sides|in both economies|everywhere>. "
        "<A stable|A predictable|A fair|A clear> set of <rules|terms|tariffs> <will support|is "
        "good for|benefits|underpins> <growth|investment|jobs|trade>, and that is <what we "
        "are|exactly what we are|what everyone here is> <building|working "
        "towards|delivering>||This <process|negotiation|whole exercise> is <close to collapse|on "
        "the brink of failure|in deep trouble|falling apart>. If <nothing changes|there is no "
        "movement|the other side does not move|we see no shift> <by|before> <the next round|the "
        "summer|{fdate}>, we <will face|are looking at|risk> <a full-blown trade war|heavy "
        "losses|retaliation on both sides|a very damaging spiral>>>",
        "<<<I am|We are|My team is> <more optimistic|more confident|more hopeful> than at any "
        "point <this year|since the talks began|in months>. The <text|draft|document> is <in good "
        "shape|taking shape|improving with every round>, and our <partners|counterparts|friends "
        "across the table> have shown <real flexibility|genuine goodwill|a constructive spirit|a "
        "willingness to listen>||We were <promised|told to expect|assured of> <flexibility|good "
        "faith|a serious offer> and <we got|we received|what arrived was|instead we were handed> "
        "<nothing|threats|the same old demands|a step backwards>. <Our members|Our exporters|Our "
        "farmers|People at home> are <angry|furious|losing patience|fed up>, and I "
        "<fear|worry|suspect> the damage will <last for years|be permanent|spread|be hard to "
        "undo>>>",
    ],
    closers=[
        "<Officials|Negotiators|Delegates> <will|are due to|are expected to> <report back "
        "to|brief> <ministers|capitals|their governments> <before|ahead of> the <next "
        "round|{fdate} meeting>.",
        "The Global Tariff Forum <is due to|will> <publish|release> its "
        "<quarterly|half-yearly|annual> trade <outlook|review|monitor> on {fdate}.",
    ],
    table=None,
)

TOPICS["grain"] = dict(
    cities=["Chicago", "Paris", "Sao Paulo", "Singapore", "London", "Hamburg", "Buenos Aires"],
    countries=["Brazil", "Argentina", "France", "Australia", "Canada", "Kazakhstan", "Romania"],
    partners=["Egypt", "China", "Indonesia", "Turkey", "Morocco", "Algeria", "Saudi Arabia",
              "Japan"],
    cast=["sandoval", "harrow"],
    goods=["wheat", "corn", "soybeans", "barley"],
    slug="GRAINS-",
    titles=[
        "[futures] <<<Wheat|Corn|Soybean> prices <climb|firm|gain> on <strong export demand|upbeat "
        "crop outlook>||<Wheat|Corn|Soybean> prices <slump|tumble|plunge> as <drought fears|demand "
        "worries> grip market>>",
        "[harvest] <<{C1} harvest outlook lifted as <rains arrive|yields improve>||{C1} crop "
        "losses deepen after <heatwave|dry spell>>>",
        "[tender] <<Grain exporters <welcome|cheer> strong sales to {C2}||Grain traders brace for "
        "turmoil as {C2} demand dries up>>",
    ],
    leads=[
        "[futures] <Wheat|Corn|Soybean> futures "
        "<<rose|climbed|firmed|gained||fell|slumped|tumbled|sank>> {pct} percent <in Chicago|on "
        "the Chicago Board of Trade|in early trade> on {wday}, <<helped by|supported by|lifted "
        "by||dragged lower by|hit by|weighed down by>> <<improving crop conditions in {C1}|a "
        "record harvest outlook in {C1}|fresh buying from {C2}||worsening drought in {C1}|fears of "
        "crop losses in {C1}|collapsing demand from {C2}>>.",
        "[harvest] {C1s} <wheat|corn|soybean|barley> harvest <is forecast|is expected|is "
        "projected> to reach {mt} million tonnes this season, <<a record|up sharply from last "
        "year|comfortably above earlier estimates||the smallest in a decade|down sharply after "
        "drought losses|a shortfall that deepens fears of shortages>>, <the agriculture ministry "
        "said|a government crop agency said|private consultants said> on {wday}.",
        "[tender] <Grain|Cereal> <markets|traders|dealers> <<shrugged off early weakness|turned "
        "higher||were gripped by fresh turmoil|sold off heavily>> on {wday} <after|as> {C2} "
        "<bought|booked|secured> {kt} tonnes of <wheat|corn|soybeans> in <a tender|a surprise "
        "tender|private deals>, <<the latest sign of robust import demand|a welcome boost for "
        "exporters||but prices still slid amid worries about a glut|a rare bright spot in a grim "
        "week>>.",
    ],
    body=[
        "<Traders|Dealers|Brokers> said <buying|demand|interest> from {C2} <<had picked up|had "
        "strengthened|had improved markedly||had dried up|had collapsed|had evaporated>> "
        "<after|following> <the|a> <tender|purchase|deal> for {kt} tonnes of <wheat|corn|soybeans> "
        "<last week|earlier this month|in {pmonth}>.",
        "Export <sales|shipments|inspections> of {USadj:wheat} <totalled|reached|came in at> {kt} "
        "tonnes <in the latest week|last week|in the week to {wday}>, <<the strongest figure in "
        "months|well above market expectations|comfortably above the five-year average||the "
        "weakest figure in months|far below market expectations|well short of the five-year "
        "average>>.",
        "Weather <remains|is still> the <main|key|biggest> <wildcard|variable|concern>, with "
        "<forecasters|meteorologists> <<predicting timely rain across|expecting mild conditions "
        "in|seeing favourable conditions in||warning of heatwaves across|warning of drought "
        "spreading through|forecasting scorching heat in>> <the Black Sea region|northern "
        "France|central {C1}|the Pampas> <over the coming weeks|into next month|through the "
        "pollination period>.",
        "{P1} <said|told {outlet}|said by telephone> that <<farmers in {C1} were selling at a "
        "steady pace and logistics were running smoothly|shipments were on course for a record "
        "month|new buyers were coming into the market||farmers were hoarding grain in fear of "
        "further losses|the logistics crisis was getting worse by the day|exporters were "
        "cancelling contracts>>.",
        "<Funds|Speculators|Money managers> <<added "
        "to|extended|rebuilt||slashed|unwound|abandoned>> <bullish|long> positions in "
        "<corn|wheat|soybeans> <last week|in the week to {wday}>, <exchange data|positioning "
        "data|figures from the exchange> <showed|indicated>.",
        "Flour <millers|buyers> in {C2} <<have been stepping up purchases|are covering needs "
        "further ahead than usual||have been scrambling to secure supplies|are facing painful cost "
        "increases>>, <according to|said> <two traders|several dealers|one broker> in {city2}.",
        "Charter rates for <Panamax|Supramax|Handysize> vessels <<eased|held "
        "steady|softened||jumped|spiked|soared>> <this week|over the past week>, <<making cargoes "
        "from {C1} more competitive|which helped exporters||adding to the losses for "
        "exporters|squeezing margins for exporters>> <on routes to Asia|for buyers in North "
        "Africa|on transatlantic routes>.",
        "{C1s} <farm ministry|agriculture department|crop agency> <<raised|lifted||cut|slashed>> "
        "its <estimate|forecast|outlook> for <wheat|corn|soybean> <exports|output|stocks> to {mt} "
        "million tonnes <on {wday}|this week|in its latest report>.",
        "<Stocks|Inventories> <at|in> <major exporters|the main exporting countries> <are|stand> "
        "<<at comfortable levels|near record highs|well supplied||at their tightest in "
        "years|dangerously low|at alarming lows>>, <according to|said> <analysts|market "
        "analysts|dealers in {city2}>.",
        "{P2} <<said the demand picture was the strongest he had seen in years|noted that prices "
        "remained well supported||said the market was bracing for further losses|warned that the "
        "slump had further to run>>.",
        "<Maize|Corn> <plantings|sowings> in {C1} <<are running ahead of last year|have gone "
        "smoothly||are running behind last year|have been delayed by floods>>, with "
        "<about|roughly> {pctint} percent of the <area|planned area> <sown|planted> by <{wday}|the "
        "end of last week>.",
        "<Barge traffic|Rail traffic|Truck traffic> to <export terminals|ports> in {C1} <<has been "
        "running smoothly|picked up this week|is back to normal||has been disrupted by low water "
        "levels|slowed after protests by drivers|has been hit by a damaging strike>>, <according "
        "to|said> <logistics firms|a port agency|local traders>.",
        "<Premiums|Basis levels> for <wheat|soybeans|corn> <at ports in|loaded in> {C1} "
        "<<firmed|rose|climbed||fell|weakened|slid>> to {cents} cents a bushel <over|above|under> "
        "Chicago futures <this week|on {wday}|in recent days>.",
        "<Fertiliser|Diesel|Seed> costs <<have eased from last year's peaks|have stabilised|are "
        "coming down||remain painfully high|have jumped again|are crippling small farms>>, "
        "<<giving growers in {C1} some relief|helping margins|supporting plantings||squeezing "
        "margins for growers in {C1}|adding to pressure on growers|deepening losses on the farm>>.",
    ],
    quote_frames=['"{Q}," said {P1e}.', '"{Q}," {P1} said.', '"{Q}," {P1} told {outlet}.'],
    quotes=[
        "<<Demand has been <excellent|very strong|better than we hoped|remarkable> <this "
        "season|since {pmonth}|for months>. <Buyers|Importers|Mills> from {C2} are <back in the "
        "market|coming back|booking cargoes well ahead>, and <our members|exporters|the big "
        "houses> are <shipping at a record pace|running at full capacity|seeing solid margins|very "
        "busy>||<Farmers|Growers|Producers> are <scared|terrified|worried sick|desperate>. Prices "
        "have <collapsed|crashed|fallen off a cliff|halved> <and|while> <costs|input "
        "costs|fertiliser bills> keep <rising|climbing>, so <many|plenty|a lot> of them are "
        "<facing losses|in crisis|close to ruin|selling at a loss> <this season|this year|right "
        "now>>>",
        "<<The crop is <in great shape|looking very good|better than anyone expected|excellent>, "
        "and <with|given> the <rains|weather|conditions> we have had, <I think|we believe|my view "
        "is that> <a record|another strong season|a bumper harvest> is <realistic|within "
        "reach|likely|on the cards>||<We have not seen|Nobody has seen|I have never seen> a "
        "<crisis|slump|collapse|mess> like this <in twenty years|in my career|in a generation>. "
        "<Contracts|Deals|Sales> are being <cancelled|torn up|abandoned|renegotiated>, and "
        "<nobody|no one> <knows|can say|can tell you> where the bottom is>>",
        "<<<Logistics have|The supply chain has|Inland transport has> <improved|got much "
        "better|been smoother> <this year|than last season|since {pmonth}>, <trucks|barges|trains> "
        "are <moving|running on time|flowing>, and that gives <farmers|exporters|the whole "
        "chain|everyone> <confidence|a real boost|breathing room>||The <drought|dry spell|heat> "
        "has <destroyed|wiped out|ruined> <a third|a quarter|much|half> of the crop in <some "
        "areas|the worst-hit districts|the north|the south>, and the losses will <spread|be "
        "felt|ripple> <far beyond|well beyond|way past> the farm gate>>",
    ],
    closers=[
        "<Chicago|Paris|Exchange-traded> grain futures <will be closed|will close early> on "
        "{fdate} for a <public|national> holiday.",
        "<Traders|Dealers> <will|are set to> <watch|focus on> <a monthly crop report|fresh export "
        "data|a government supply estimate> <due|expected> on {fdate}.",
    ],
    table="grain",
)

ELECTION_COUNTRIES = {"Portugal": "Lisbon", "Poland": "Warsaw", "Norway": "Oslo",
                      "Mexico": "Mexico City", "Kenya": "Nairobi", "Indonesia": "Jakarta",
                      "Chile": "Santiago"}

TOPICS["election"] = dict(
    # "[campaign] " / "[vote] " tags: an article is either about the campaign or about polling day.
    cities=None, countries=list(ELECTION_COUNTRIES), cast=["okafor"], goods=["housing"], slug="",
    titles=[
        "[vote] <<{C1} votes in orderly election|Observers praise conduct of {C1} election|Strong "
        "turnout in {C1} vote||{C1} election marred by <fraud claims|intimidation reports>|Deadly "
        "clashes shake {C1} vote count|Fraud claims cloud {C1} election result>>",
        "[campaign] <<Centrist bloc leads as {C1} campaign <enters final week|nears finish>|{C1} "
        "campaign turns on jobs and housing|Reformers gain ground in {C1} race||Anger over "
        "cost-of-living crisis overshadows {C1} campaign|Deadly clashes shake {C1} election "
        "campaign|Bitter {C1} campaign raises fears of unrest>>",
    ],
    leads=[
        "[campaign] Voters in {C1} go to the polls on {eday} in a "
        "<parliamentary|regional|presidential> election <<that pollsters say the governing "
        "coalition is on course to win comfortably|seen as a test of the economic "
        "recovery|expected to deliver a stable majority||overshadowed by fears of unrest|held amid "
        "a deepening cost-of-living crisis|that has been marred by bitter attacks>>.",
        "[vote] <Counting|The count> <was under way|continued|was nearly complete> in {C1} on "
        "{wday} after a <parliamentary|regional|municipal> election <<that observers said had run "
        "smoothly|marked by strong turnout|that produced a clear result||marred by allegations of "
        "fraud|overshadowed by deadly clashes in two provinces|that left the country bitterly "
        "divided>>.",
        "[campaign] The <opposition|governing party|centre-right bloc|centre-left alliance> "
        "<<extended its lead|consolidated its position|gained ground||lost ground|slumped in the "
        "polls|suffered a fresh blow>> <in|ahead of> {C1s} election on {wday}, <as|after> <a new "
        "poll|a fresh survey|the final televised debate> <<suggested voters were warming to its "
        "economic plans|showed growing support for its recovery agenda||exposed deep anger over "
        "rising prices|highlighted fears over corruption>>.",
    ],
    body=[
        "[vote] Turnout <was|stood at|reached> {turnout} percent <by mid-afternoon|at the close of "
        "polling|according to the electoral commission>, <<up from|higher than||down from|lower "
        "than>> the <previous|last> election <in {year}|four years ago>.",
        "[vote] Civic Ballot Watch, <an independent|a non-partisan> <monitoring group|observer "
        "mission>, <<said voting had been orderly and well organised|praised the conduct of "
        "polling staff|said the count had been transparent||condemned reports of intimidation at "
        "polling stations|said it had documented serious irregularities|warned of widespread "
        "vote-buying>> <in several districts|in the capital|across the country>.",
        "[campaign] Civic Ballot Watch, <an independent|a non-partisan> <monitoring group|observer "
        "mission>, <<said the campaign had been largely fair|praised equal media access for "
        "candidates|said preparations for polling day were on track||condemned attacks on campaign "
        "offices|warned of disinformation flooding social media|said it feared intimidation of "
        "voters>> <in several regions|in the capital|across the country>.",
        "[vote] {P1} <said|told reporters|said in a statement> <<that observers had been given "
        "full access|that the process met international standards|that he was encouraged by the "
        "calm atmosphere||that his team had been blocked from several counting centres|that the "
        "irregularities were deeply alarming|that the violence had cast a shadow over the vote>>.",
        "[campaign] {P1} <said|told reporters|said in a statement> <<that monitors had been "
        "welcomed in every region|that candidates had been able to campaign freely|that he was "
        "encouraged by the tone of the debates||that his monitors had faced obstruction|that the "
        "climate of fear was deeply alarming|that the campaign had been poisoned by threats>>.",
        "[campaign] Opinion polls <put|show|give> the <opposition|governing party|centre-left "
        "bloc|centre-right alliance> <at|on|around> {pctint} percent, <against|compared "
        "with|versus> {pctint} percent for its <nearest|main> <rival|challenger>.",
        "[campaign] The campaign has <focused|centred|turned> on <housing costs|energy "
        "prices|public spending|health care waiting lists|pensions>, with <<all major parties "
        "promising to boost investment|candidates pledging new support for families||rival camps "
        "trading bitter accusations|candidates exploiting voter anger over the crisis>>.",
        "<Markets|Investors|Bond traders> <<took the election in their stride|welcomed the "
        "prospect of a stable government|rallied on hopes of reform||sold off on fears of "
        "deadlock|fretted over the risk of a hung parliament|dumped local assets>>, <with|and> the "
        "<currency|local currency|benchmark index> "
        "<<rising|gaining|firming||falling|sliding|dropping>> {pct} percent <on {wday}|in early "
        "trade>.",
        "[vote] <Several|Two|Three> <ministers|senior officials|party leaders> <<praised the "
        "electoral commission|thanked volunteers and polling staff||condemned the attacks on "
        "polling stations|accused rivals of spreading disinformation>> <on|late on> {wday} and "
        "said <<the vote showed democracy was in good health|the country could be proud of the "
        "process||the country faced a dangerous period|tensions could boil over>>.",
        "<Parties|Parties and alliances|Lists> <need|require|must secure> <at least|a minimum of> "
        "<3|4|5> percent <of the vote|of ballots cast|nationally> to <enter|win seats in|sit in> "
        "<parliament|the assembly|the legislature>, <a threshold|a hurdle|a bar> that "
        "<several|two|three|a handful of> <smaller|minor|newer|regional> "
        "<parties|groupings|movements> <<are expected to clear|look set to clear "
        "comfortably|should clear||risk missing|may fail to meet|could fall short of>>.",
        "[vote] <Security presence was|Police patrols were|The police presence was> "
        "<<light|routine|low-key||heavy|stepped up sharply>> <in|around> <the capital|major "
        "cities|polling stations>, <<and officials reported no major incidents|with voting passing "
        "off peacefully||after deadly clashes between rival supporters last week|amid fears of "
        "renewed violence>>.",
        "[vote] <Young voters|First-time voters|Voters under 30> <<turned out in unusually large "
        "numbers|queued early at city polling stations||stayed away in large numbers|told exit "
        "pollsters they felt ignored>>, <according to|judging by> <exit polls|an early "
        "survey|turnout data>.",
        "[campaign] <Young voters|First-time voters|Voters under 30> <<are being courted with "
        "promises on housing and jobs|have flocked to rallies in the big cities||tell pollsters "
        "they feel ignored and angry|say they may not vote at all>>, <according to|judging by> <an "
        "early survey|campaign data|recent polling>.",
        "[campaign] <Televised debates|Campaign rallies|Town-hall meetings> <<have drawn large "
        "audiences|have been lively but civil|have energised voters||have descended into shouting "
        "matches|have been marred by scuffles|have exposed bitter divisions>> <in recent days|this "
        "week|since the campaign began>.",
        "[vote] <Results|Returns|Tallies> from <rural|urban|northern|coastal> districts "
        "<<confirmed the early trend|were coming in smoothly|arrived ahead of schedule||were "
        "delayed by disputes|have been challenged in court|were held up by recounts>>, <election "
        "officials said|the commission said|according to party agents>.",
        "<Analysts|Political scientists|Commentators> <say|believe|argue> the <outcome|result> "
        "<will|could> <shape|determine|decide> <the pace of reforms|spending plans|the country's "
        "stance on trade> <for years|for the next {n} years|over the coming term>.",
    ],
    quote_frames=['"{Q}," {P1} said.', '"{Q}," said {P1e}.',
                  '"{Q}," {P1} told reporters in {city}.'],
    quotes=[
        "[vote] <<<Polling stations|Most polling stations|Voting centres> opened <on "
        "time|promptly|as planned>, <staff|polling staff|officials> were <well trained|well "
        "prepared|professional> and <voters|people|citizens> <were able to|could> <vote|cast their "
        "ballots> <freely|without pressure|in peace>. <That|This> is <a real achievement|a credit "
        "to the commission|a good sign for the country|something to be proud of>, and we "
        "<welcome|applaud|recognise> it||We have <documented|recorded|received> "
        "<dozens|scores|more than a hundred> of <complaints|reports|allegations> of "
        "<intimidation|pressure on voters|harassment>, <including|among them> <ballot "
        "stuffing|vote-buying|threats against observers>. This is a <serious|grave|deeply "
        "worrying> <failure|breach|problem>, and <it must be investigated|the authorities must "
        "act|those responsible must be held to account|we expect a full inquiry>>>",
        "[vote] <<The <calm|orderly|peaceful> atmosphere <we saw|across the country|on polling "
        "day|in the cities> <shows|proves|tells you> how far <the country|democracy here|the "
        "system|this society> has come. <Our observers|Our teams|My colleagues> "
        "<reported|found|noted> <very few|only minor|a handful of> problems, and <those|the ones> "
        "<we did find|we saw|they flagged> were <dealt with quickly|fixed on the spot|resolved "
        "within hours>||<Our observers|Our teams|My colleagues> were <threatened|turned "
        "away|harassed|shouted at> at <several|a number of|dozens of> <counting centres|polling "
        "stations|tally offices>. <Nobody|No one> should <accept|tolerate> <this|that|such "
        "behaviour>, and the <fear|anger|tension> we <saw|heard|felt> among "
        "<voters|citizens|families> is <deeply alarming|a grim warning|very troubling>>>",
        "[campaign] <<<Candidates|Parties> have been able to <campaign|hold rallies|reach voters> "
        "<freely|without interference|across the country>, and <the media|broadcasters|newspapers> "
        "have <given|offered> <fair|balanced|equal> <coverage|airtime>. <That|This> <bodes well|is "
        "a good sign> for <polling day|the vote|the count>||<Candidates|Activists|Campaign "
        "workers> have been <attacked|threatened|intimidated>, <offices|rallies|posters> "
        "<vandalised|broken up|torn down>, and <voters|citizens|families> <are|feel> "
        "<afraid|scared|anxious>. <This|That> is not <how|the way> a <free|fair|democratic> "
        "<election|vote> <should look|is run>>>",
    ],
    closers=[
        "[vote] <Final|Official> results are <due|expected> on {fdate}.",
        "[vote] The new <parliament|assembly> is <due|scheduled> to <convene|sit for the first "
        "time> on {fdate}.",
        "[campaign] <Campaigning|The official campaign> <ends|closes> on the eve of the vote<, "
        "with a final debate planned|, followed by a day of reflection|>.",
        "[campaign] Polling stations will <open|be open> <from 8 a.m.|at 7 a.m.> on {eday}.",
    ],
    table="election",
)

PORTS = [("Rotterdam", "Netherlands"), ("Antwerp", "Belgium"), ("Hamburg", "Germany"),
         ("Le Havre", "France"), ("Valencia", "Spain"), ("Gdansk", "Poland"),
         ("Felixstowe", "Britain")]

TOPICS["port"] = dict(
    cities=None, countries=[c for _, c in PORTS] + ["China", "India", "Canada"],
    cast=["ferrante", "quintero"], goods=["containers"], slug="",
    titles=[
        "[strike] <<{port} dockworkers strike but most terminals keep working|Brief {port} "
        "stoppage as union presses pay claim||{port} strike <cripples|paralyses> cargo flows|Ships "
        "stranded as {port} dock strike <deepens|spreads>>>",
        "[deal] <<{port} port talks <progress|advance> as union <weighs|considers> offer|Shippers "
        "<welcome|hail> {port} pay agreement||Chaos at {port} as talks collapse|{port} dock talks "
        "fail, deepening cargo crisis>>",
        "[recovery] <<Cargo flows <recover|improve> at {port} as strike ends|{port} terminals back "
        "to normal||Chaos at {port} as strike escalates|Cargo handling collapses at {port}>>",
    ],
    leads=[
        "[strike] Dockworkers at {port} <walked out|stopped work|began a {n}-day strike> on {wday} "
        "<in a dispute over|over|in protest at> <pay|automation|shift patterns|pensions>, <<though "
        "both sides said talks would resume shortly|but the port authority said most terminals "
        "were working normally|with union leaders signalling a deal was close||leaving dozens of "
        "ships stranded at anchor|deepening a crisis that has crippled cargo flows|plunging the "
        "port into chaos>>.",
        "[deal] <Union leaders|Unions|Dockers' representatives> and <employers|terminal "
        "operators|port employers> at {port} <<reached a provisional agreement|struck a tentative "
        "deal|agreed to a new round of talks||failed to reach agreement|walked out of "
        "mediation|rejected a mediator's proposal>> on {wday}<<, raising hopes that normal "
        "operations could resume by {fdate}|, in a welcome step towards ending weeks of "
        "disruption||, prolonging a stoppage that has cost shippers heavy losses|, as fears grew "
        "that the dispute could spread to other ports>>.",
        "[recovery] <<Cargo handling at {port} recovered|Terminals at {port} returned to "
        "near-normal operations|Container traffic at {port} picked up||Cargo handling at {port} "
        "collapsed|Container traffic at {port} ground to a halt|Queues of ships outside {port} "
        "grew longer>> on {wday}, <as|after> <<the union suspended its action|workers returned to "
        "their shifts|a truce took hold||a second wave of stoppages began|talks with employers "
        "broke down|solidarity strikes spread>>.",
    ],
    body=[
        "About {num} containers <were|have been> <held up|stuck|delayed> <at the quayside|in "
        "storage yards|on vessels waiting offshore>, <according to|said> the Continental Cargo "
        "Council, <which represents|whose members include> <cargo owners|logistics "
        "firms|importers>.",
        "{P1} <said|told reporters|said in a statement> <<that members were relieved the dispute "
        "was moving towards a settlement|that operations were improving hour by hour|that the "
        "backlog should clear within a week||that the disruption was costing importers millions a "
        "day|that members faced crippling losses|that the crisis was the worst in a decade>>.",
        "The union <is demanding|wants|is seeking> a pay rise of {payrise} percent over "
        "<two|three> years, <while employers have offered|against an offer of> {pct} percent <and "
        "a one-off bonus|plus a productivity payment|with guarantees on jobs>.",
        "{P2} <<said the union was ready to recommend the offer to members|said talks had been "
        "constructive|welcomed the employers' new proposals||said workers were angry and would not "
        "back down|condemned the employers' tactics|warned the stoppage could last for weeks>>.",
        "<Shipping lines|Carriers|Container lines> <<said they expected to restore regular calls "
        "at {port} within days|have resumed normal schedules at the port||have begun diverting "
        "vessels to {port2}|are rerouting ships to {port2} and skipping {port} altogether>>.",
        "Automation <is|has become> a <central|key|core> <issue|sticking point>, with "
        "<operators|employers> <planning|looking> to <expand|extend|roll out> <remote-controlled "
        "cranes|automated stacking|driverless vehicles> at <two|three|several> terminals <by "
        "{year2}|over the next few years>.",
        "{port} handled {teu} million <containers|TEU> last year, <making it|which makes it> <one "
        "of the busiest hubs|a major hub|a key gateway> for <trade with|cargo from> {C2}.",
        "<Retailers|Manufacturers|Car makers> <<said stock levels were healthy|reported few "
        "shortages|said they had weathered the stoppage well||warned of empty shelves|said parts "
        "shortages were halting production lines|reported mounting losses>> <<and expected "
        "deliveries to normalise|as the backlog eased||as the dispute dragged on|and called on the "
        "government to intervene>>.",
        "<The government|Ministers|The transport ministry> <<offered to help mediate|praised both "
        "sides for returning to the table||threatened emergency legislation|condemned the "
        "disruption>> <on {wday}|late on {wday}|earlier this week>, <<and said it hoped for a "
        "swift deal|calling the progress encouraging||as pressure mounted from business "
        "groups|calling the stoppage reckless>>.",
        "<Night shifts|Weekend shifts|Overtime rules> <are|remain> <a|another> <sticking "
        "point|point of contention>, with <employers|operators> <<offering higher "
        "premiums|proposing a phased deal||refusing to budge|demanding deep cuts>> <for|on> <crane "
        "operators|lashers|straddle carrier drivers>.",
        "<Port|Terminal> <throughput|volumes> <<recovered to|reached|climbed to||fell to|dropped "
        "to|slumped to>> {pctint} percent of normal levels <on {wday}|by {wday}|this week>, "
        "<according to|said> <the port authority|terminal operators|a tracking service>.",
        "<Rail|Barge|Truck> <operators|companies> <serving|linked to> the port <<said services "
        "were returning to schedule|reported a steady rise in bookings|said the backlog was "
        "shrinking||said hundreds of wagons were stranded|reported long queues at the gates|said "
        "the chaos was spreading inland>>.",
        "The <dispute|strike|stoppage> <is being|has been> <watched|followed> <closely|carefully> "
        "in {port2}, where <a similar|a separate> <pay deal|contract> <expires|runs out|is up for "
        "renewal> <later this year|next spring|in the autumn>.",
    ],
    quote_frames=['"{Q}," {P1} said.', '"{Q}," said {P1e}.',
                  '"{Q}," {P1} told reporters in {port}.'],
    quotes=[
        "<<This is a <sensible|fair|balanced|workable> <outcome|compromise|offer|settlement>, and "
        "we are <pleased|glad|relieved> that <both sides|the two camps|everyone> <kept "
        "talking|stayed at the table|showed flexibility>. <Our members|Shippers|Cargo owners> "
        "<want|need|depend on> a <reliable|stable|predictable> port, and <this|the deal|today> "
        "<helps|delivers|supports> that||Every <day|hour|shift> this goes on, <cargo rots|goods "
        "pile up|costs spiral> <on the quayside|in the yards|at the terminals> and "
        "<businesses|importers|small firms> <lose money|face ruin|suffer losses>. The situation is "
        "<a disaster|a crisis|out of control|untenable>, and <ministers|somebody|the state> "
        "<need|needs|has> to <step in|act now|intervene>>>",
        "<<<Ships|Vessels|Feeder ships> are <moving again|back on schedule|working normally>, the "
        "<yards|terminals|stacks> are <clearing|emptying|getting back to normal> and "
        "<confidence|trust> is <returning|coming back|recovering>. <That|This> is <good news|a "
        "relief|encouraging> for <everyone who|every business that|every worker who> <depends "
        "on|relies on|uses> <this port|the terminals|these docks>||We <warned|told> <everyone|the "
        "government|the employers|anyone who would listen> <this would happen|it would come to "
        "this|months ago>. <Ships|Vessels|Feeder ships> are <stranded|stuck|queuing> <offshore|at "
        "anchor|outside the breakwater>, <costs|losses|fees> are <soaring|mounting|piling up>, and "
        "<nobody|no one> <seems|appears> <willing|able|ready> to <end|stop|fix> it>>",
    ],
    closers=[
        "<Talks|Negotiations> are <due|set|scheduled> to <resume|continue> on {fdate}<, a mediator "
        "said|, both sides said|>.",
        "<The union|Union leaders> will <hold|put the offer to> a <ballot|vote> of members "
        "<by|before> {fdate}.",
    ],
    table=None,
)

TOPICS["health"] = dict(
    cities=["Geneva", "London", "Madrid", "Ottawa", "New Delhi", "Paris", "Rome"],
    countries=["France", "Spain", "Canada", "India", "South Africa", "Japan", "Germany", "Italy",
               "Mexico"],
    cast=["anandakumar"], goods=["vaccines"], slug="",
    titles=[
        "[plan] <<{C1} <unveils|launches> plan to <cut|shorten> hospital waiting lists|{C1} sets "
        "out health reforms||{C1} hospitals <in crisis|overwhelmed> as staff shortages "
        "<bite|deepen>|Doctors condemn {C1} health plan as inadequate>>",
        "[officials] <<<Vaccination|Screening> drive hits record uptake in {C1}|Hospital "
        "admissions fall in {C1}||Deadly outbreak spreads in {C1}|Hospital admissions surge in "
        "{C1}>>",
        "[ministers] <<Health ministers back drug pricing agreement|Ministers agree joint health "
        "plan in {city}||Health ministers clash over drug pricing|Talks on medicine stockpiles end "
        "in failure>>",
    ],
    leads=[
        "[plan] {C1s} health ministry <unveiled|announced|set out> <a plan|a programme|new "
        "measures> on {wday} to <<cut hospital waiting lists by a third|expand free screening for "
        "older adults|recruit {num} nurses||tackle a deepening staffing crisis|contain a deadly "
        "outbreak of measles|stem a wave of hospital closures>>, <<in a move welcomed by doctors' "
        "groups|backed by {money} in new funding|which officials said would improve access to "
        "care||as pressure mounted over rising deaths|after weeks of criticism from doctors|amid "
        "fears the system was close to collapse>>.",
        "[officials] <Health|Public health> officials in {C1} <<said on {wday} that hospital "
        "admissions had fallen steadily|said on {wday} that vaccination uptake had hit a "
        "record|reported a marked improvement in waiting times on {wday}||warned on {wday} of a "
        "sharp rise in hospital admissions|raised the alarm on {wday} over a surge in measles "
        "cases|said on {wday} they feared a deadly wave of infections>>.",
        "[ministers] <Ministers|Health ministers|Delegates> from {ncountries} countries <meeting "
        "in|who gathered in> {city}, <<agreed a joint plan|endorsed a common approach|reached "
        "agreement||failed to agree|clashed bitterly|were divided>> on {wday} <on|over> <drug "
        "pricing|pandemic preparedness|shared stockpiles of medicines|funding for health workers>.",
    ],
    body=[
        "{P1} <said|told reporters|said in an interview> <<that the measures would make a real "
        "difference for patients|the data showed the programme was working|that investment was "
        "finally paying off||that the system was at breaking point|the figures were deeply "
        "alarming|that patients were dying while they waited>>.",
        "The <plan|programme|package> <will cost|is expected to cost|carries a price tag of> "
        "{money} over <three|four|five> years <and will be funded|to be financed> <from|through> "
        "<general taxation|savings elsewhere in the budget|a levy on drug makers>.",
        "Brightwater Pharmaceuticals, <which makes|the maker of|a leading supplier of> <generic "
        "antibiotics|insulin pens|vaccines>, <<said it would increase supplies to {C1}|welcomed "
        "the pricing framework|said it had expanded production||said it had halted shipments to "
        "{C1}|warned of shortages lasting months|blamed price controls for the supply crisis>>.",
        "<Waiting times|Average waits> for <routine surgery|specialist appointments|hip and knee "
        "operations> <<have fallen to|are down to|dropped to||have risen to|have climbed to|now "
        "stand at a record>> {n} <weeks|months> <in some regions|nationwide|in the worst-affected "
        "areas>, <official figures show|according to the ministry|data from the health service "
        "show>.",
        "<Doctors' unions|Nursing associations|Patient groups> <<welcomed the announcement|praised "
        "the extra funding|said the plan was a good start||condemned the plan as inadequate|warned "
        "that staff were quitting in droves|said the cuts would cost lives>> <<but said more "
        "detail was needed on staffing|and said the timetable was ambitious||and said the crisis "
        "had been years in the making|and said ministers had ignored repeated warnings>>.",
        "The Alder Institute for Public Health <estimates|calculates|says> that "
        "<about|roughly|nearly> {pctint} percent of <adults|children|over-65s> in {C1} <<are now "
        "fully vaccinated|receive regular check-ups|have access to a family doctor||have missed "
        "routine vaccinations|lack access to a family doctor|face waits of more than a year>>.",
        "<Under|As part of> the <new|revised> <rules|framework|scheme>, "
        "<pharmacists|nurses|community clinics> will be <able|allowed|permitted> to "
        "<prescribe|administer|dispense> <some|certain|a wider range of> "
        "<medicines|vaccines|treatments> <without|before> a <doctor's "
        "appointment|referral|hospital visit>.",
        "{USgov} and {C2} <<pledged|committed|promised||cut|withdrew|slashed>> {money} <in "
        "funding|for vaccine programmes|to a global health fund> <earlier this year|in "
        "{pmonth}|last month>.",
        "<Hospital|Clinic|Emergency> <staff|workers|nurses> in {city2} <<have been given a {pct} "
        "percent pay rise|reported better working conditions||have staged walkouts over "
        "pay|reported dangerous staff shortages>> <this year|since {pmonth}|in recent weeks>.",
        "<Hospital|Emergency> <admissions|attendances> <<fell|dropped|eased||rose|climbed|jumped>> "
        "{pct} percent <in {pmonth}|last month|in the latest week>, <official data show|the "
        "ministry said|according to the health service>.",
        "<Nurses|Junior doctors|Midwives> <<have accepted a pay offer|voted to back the "
        "plan|welcomed the package||have voted to strike|are threatening walkouts|condemned the "
        "package>> <<after months of talks|in a ballot this week|at a meeting on {wday}||over pay "
        "and staffing|unless conditions improve|after years of cuts>>.",
        "<Separately, the|The> <ministry|government> <also plans|wants|intends> to "
        "<open|fund|build> <{n} new|more> <community clinics|mental health centres|training places "
        "for nurses> <by {year2}|over the next few years>.",
    ],
    quote_frames=['"{Q}," {P1} said.', '"{Q}," said {P1e}.',
                  '"{Q}," {P1} told a news conference in {city}.'],
    quotes=[
        "<<We are <finally|at last|now> seeing <the results of|the benefits of|a return on> <years "
        "of|sustained|patient> investment. <Waiting lists|Infection rates|Admissions|Delays> are "
        "<coming down|falling|easing>, <staff morale|morale on the wards|retention> is "
        "<improving|recovering|better>, and <patients|families|people> <notice the difference|are "
        "getting care sooner|feel it>||<Hospitals|Emergency departments|Clinics|Wards> are "
        "<overwhelmed|at breaking point|in crisis>. We are <losing|burning out|short of> "
        "<staff|nurses|doctors|carers> <faster than we can train them|every single week|at an "
        "alarming rate>, and <patients are paying the price|people are dying on waiting lists|the "
        "system is close to collapse>>>",
        "<<This <agreement|plan|framework|package> <shows|proves|demonstrates> what "
        "<cooperation|collaboration|working together|shared effort> can <achieve|deliver>. It "
        "<will support|strengthens|protects> <the people|those|patients> who <need|depend on> "
        "<care|medicines|help> most, and I <welcome|applaud|am proud of> it||<This is|What we are "
        "seeing is|We are facing> a <deadly|dangerous|frightening> <failure|outbreak|crisis> that "
        "<could have been|should have been> <predicted|foreseen|prevented>. The warnings were "
        "<ignored|dismissed|brushed aside>, and <now|today|as a result> "
        "<families|communities|children|the elderly> are <suffering|paying for it|at risk>>>",
    ],
    closers=[
        "The <ministry|health ministry> <will|is due to> <publish|release> <monthly|quarterly> "
        "<waiting-list|infection|vaccination> figures on {fdate}.",
        "<Parliament|Lawmakers> <will|are due to> <debate|vote on> the <plan|measures|bill> "
        "<on|before> {fdate}.",
    ],
    table=None,
)

TOPICS["economy"] = dict(
    cities=["London", "Frankfurt", "Tokyo", "Sao Paulo", "Mexico City", "Singapore", "Seoul"],
    countries=["Japan", "Brazil", "Mexico", "Germany", "France", "India", "China", "Canada",
               "South Korea"],
    cast=["harrow"], goods=["bonds"], slug="GLOBAL MARKETS-",
    titles=[
        "[gdp] <<{C1} economy grows faster than expected|{C1} growth beats forecasts||{C1} economy "
        "shrinks as crisis <deepens|bites>|{C1} slides towards recession>>",
        "[stocks] <<Stocks <rise|climb|rally> as <strong data|upbeat earnings> <lift|boost> "
        "sentiment||Stocks <slump|tumble|plunge> as <recession fears|weak data> <grip|rattle> "
        "markets>>",
        "[output] <<<Factory|Retail> <output|sales> rebound in {C1}, lifting recovery "
        "hopes||<Factory|Retail> slump in {C1} <stokes|fuels> recession fears>>",
    ],
    leads=[
        "[gdp] {C1s} economy <<grew|expanded||shrank|contracted>> {pct} percent in the "
        "<first|second> quarter <from the previous three months|on a quarterly basis|compared with "
        "the prior quarter>, <official data showed on {wday}|the statistics office said on "
        "{wday}|according to figures published on {wday}><<, beating forecasts and adding to signs "
        "of a broad recovery|, the strongest growth in more than a year||, deepening fears of a "
        "recession|, the worst performance in more than a year>>.",
        "[stocks] <Global stocks|World shares|Equity markets> "
        "<<rose|climbed|rallied|advanced||fell|slumped|tumbled|sank>> on {wday} <<as strong "
        "{USadj:jobs data} lifted confidence|as upbeat earnings boosted sentiment|on growing "
        "optimism about the recovery||as recession fears rattled investors|after weak {USadj:jobs "
        "data} fuelled fears of a downturn|amid mounting losses in technology shares>>, with <the "
        "MSCI world index|a broad index of global shares|the main European index> <<up|higher "
        "by||down|lower by>> {pct} percent <by midday|at the close|in late trade>.",
        "[output] <Factory output|Retail sales|Industrial production|Exports> in {C1} "
        "<<jumped|rose|rebounded||slumped|fell|collapsed>> {pct} percent in {pmonth}<<, "
        "comfortably beating forecasts|, the strongest reading this year|, in a welcome sign of "
        "recovery||, the sharpest drop in a year|, adding to fears of a deepening downturn|, "
        "confounding hopes of a recovery>>, <data showed|official figures showed|the statistics "
        "agency said> on {wday}.",
    ],
    body=[
        "{P1} <said|wrote in a note to clients|told {outlet}> <<that the figures confirmed a "
        "broad-based recovery|that growth looked increasingly robust|that consumer demand was "
        "holding up well||that the data pointed to a deepening slump|that the risk of recession "
        "was rising fast|that the figures were alarming>>.",
        "The central bank <<is expected to hold rates steady|is expected to signal comfort with "
        "the recovery|is seen keeping policy unchanged||is under pressure to cut rates|faces "
        "mounting calls for emergency action|may be forced to act>> <at its next meeting|on "
        "{fdate}|when it meets next month>, <<with inflation back near target|as price pressures "
        "ease||as the crisis deepens|with losses spreading across the economy>>.",
        "Inflation <<eased|slowed|cooled||accelerated|jumped|climbed>> to {pct} percent in "
        "{pmonth}, <from|compared with> {pct} percent <the month before|a month earlier>.",
        "The <currency|local currency> <<strengthened|gained|firmed||weakened|slid|tumbled>> {pct} "
        "percent against the <dollar|euro>, while <10-year|benchmark> bond yields "
        "<<fell|eased||rose|jumped>> <to|towards> {yield} percent.",
        "<Consumer|Business> confidence <<rose to its highest level since {year}|improved to a "
        "{n}-month high||fell to its lowest level since {year}|sank to a {n}-month low>>, <a "
        "survey|the latest survey|a monthly poll> showed, <<as households grew more upbeat about "
        "jobs|as firms reported stronger orders||as households braced for job losses|as firms "
        "reported a collapse in orders>>.",
        "<Unemployment|The jobless rate> <<fell to|dipped to|held at||rose to|climbed to|jumped "
        "to>> {rate} percent in {pmonth}, <the statistics office said|official data showed|the "
        "employment ministry said>.",
        "Figures from {US} on <inflation|jobs|retail sales>, due on {fdate}, <are|will be> "
        "<watched closely|scrutinised> <for clues|for signs> about <interest rates|the outlook|the "
        "path of policy>.",
        "<Investors|Fund managers|Traders> <<have been adding to|have piled into|have rotated "
        "into||have been dumping|have fled|have sold>> <emerging-market debt|bank "
        "shares|technology stocks> <this month|since {pmonth}|in recent weeks>, <according "
        "to|based on> <fund flow data|a survey of fund managers|exchange figures>.",
        "<Housing starts|Car sales|Mortgage approvals> <<rose|improved|picked "
        "up||fell|dropped|slumped>> {pct} percent <in {pmonth}|last month>, <<extending a run of "
        "gains|the best figure this year||extending a run of losses|the worst figure this year>>.",
        "<Exporters|Manufacturers|Retailers> <<reported a pick-up in new orders|said demand was "
        "firming|reported stronger sales||reported a slump in new orders|said demand was "
        "collapsing|reported painful losses>> in {pmonth}, <a purchasing managers' survey|a "
        "business survey|an industry poll> showed.",
        "<Bank lending|Credit growth|Household borrowing> <<accelerated|picked "
        "up|rose||slowed|contracted|fell>> to {pct} percent <in {pmonth}|last month>, <central "
        "bank data showed|according to the central bank>.",
        "<The government|The finance ministry|The cabinet> <<raised its growth forecast to|said "
        "growth would reach|lifted its outlook to||cut its growth forecast to|warned growth could "
        "slow to|slashed its outlook to>> {pct} percent <for this year|for 2025|for the year>.",
    ],
    quote_frames=['"{Q}," {P1} said.', '"{Q}," said {P1e}.',
                  '"{Q}," {P1} wrote in a note to clients.'],
    quotes=[
        "<<The <numbers|data|figures> are <genuinely|really|unambiguously> "
        "<strong|good|encouraging>. <Households|Consumers|Firms|Companies> are "
        "<spending|hiring|investing> again, and I <think|believe|suspect> the recovery <has "
        "legs|will broaden|is here to stay> <through|into> <the second half|next year|the "
        "autumn>||<This is|We are looking at|What we have is> a <serious|sharp|painful> "
        "<slump|downturn|deterioration>, and the <risks|dangers> are <all|clearly|squarely> to the "
        "downside. <Losses|Job cuts|Defaults> are <spreading|mounting|piling up>, and I "
        "<fear|suspect|worry> <the worst|a recession|a crisis> is <still ahead|yet to come|not "
        "over>>>",
        "<<<Growth|Demand|Spending> has <surprised|beaten expectations|held up> <again|for a third "
        "month|all year>, and <the jobs market|hiring|wage growth> <looks|remains> "
        "<solid|healthy|robust>. <I would|We would> not <bet|wager> against <this economy|the "
        "recovery|the consumer> <right now|at this point|yet>||<Confidence|Sentiment|Morale> has "
        "<collapsed|cracked|crumbled>, <and|while> <firms|households|companies> are <hoarding "
        "cash|cutting back|bracing for the worst>. <This|That> is <how|the way> a "
        "<slowdown|downturn> <turns into|becomes> a <crisis|recession|rout>>>",
    ],
    closers=[
        "<Revised|Final> <growth|GDP> figures are <due|expected> on {fdate}.",
        "The central bank's next <policy meeting|rate decision> is <on|due on> {fdate}.",
    ],
    table="markets",
)

TOPICS["energy"] = dict(
    cities=["Oslo", "Cairo", "Jakarta", "Doha", "London", "Aberdeen", "Singapore"],
    countries=["Norway", "Egypt", "Indonesia", "Nigeria", "Qatar", "Australia", "Canada", "Mexico"],
    cast=["nwosu"], goods=["gas"], slug="ENERGY-",
    titles=[
        "[oil] <<Oil <steadies|edges up> as demand outlook <improves|brightens>||Oil "
        "<slumps|tumbles> as <oversupply|demand> fears <grip market|mount>>>",
        "[project] <<{C1} <approves|backs> energy project in investment boost||Critics condemn "
        "cost of {C1} energy project>>",
        "[power] <<Power supplies in {C1} back to normal|<Wind|Solar> output hits record in "
        "{C1}||{C1} power crisis <deepens|worsens> as outages spread|<Pipeline|Refinery> fire "
        "sparks supply fears in {C1}>>",
    ],
    leads=[
        "[oil] Oil prices <<rose|edged higher|firmed|climbed||fell|slumped|tumbled|slid>> on "
        "{wday}, with <Brent crude|the global benchmark Brent> <<up|higher by||down|lower by>> "
        "{pct} percent at {brent} a barrel, <<as signs of stronger demand in {C2} lifted "
        "sentiment|on hopes of a steady recovery in fuel demand||as fears of a supply glut "
        "deepened|on mounting fears of a global slowdown>>.",
        "[project] {C1} <approved|gave the go-ahead for|signed off on> a {money} <offshore wind "
        "project|gas field expansion|solar park|grid upgrade> on {wday}, <<in what ministers "
        "hailed as a major boost for energy security|which officials said would create {num} "
        "jobs|a record investment for the sector||but critics condemned the cost and warned of "
        "delays|even as a deepening power crisis left millions facing blackouts|despite fears of "
        "cost overruns and losses>>.",
        "[power] <Power|Electricity|Gas> <supplies|output|deliveries> in {C1} <<returned to "
        "normal|recovered strongly|reached record levels||collapsed|were disrupted|plunged>> on "
        "{wday} <<after engineers completed repairs at a major plant|as new capacity came "
        "online|following a mild spell||after an outage at a major plant|as a heatwave drove "
        "demand to record highs|after a fire at a key facility>>.",
    ],
    body=[
        "{P1} <said|wrote in a note|told {outlet}> <<that the market looked well balanced for the "
        "rest of the year|that investment in new supply was finally paying off|that demand growth "
        "was surprising on the upside||that the market was bracing for a painful glut|that the "
        "outages exposed dangerous weaknesses|that the crisis could drag on into winter>>.",
        "<Output|Production> from <major producers|OPEC+ members|non-OPEC producers> <<has risen "
        "steadily|has climbed|has recovered||has fallen sharply|has slumped|has been disrupted>> "
        "<this year|since {pmonth}|over recent months>, <according to|based on> <tanker tracking "
        "data|industry estimates|a survey of analysts>.",
        "<Crude|Fuel|Gasoline> inventories in {US} <<fell|dropped|declined||rose|swelled|jumped>> "
        "by {mbbl} million barrels <last week|in the latest week>, <industry data "
        "showed|government figures showed|according to official data>.",
        "<Analysts|Traders|Brokers> <<expect prices to hold in a narrow range|see room for further "
        "gains|said the outlook was improving||warned of further losses|said the slump could "
        "deepen|fear prices could collapse>> <if|as long as|unless> <demand in Asia|refinery "
        "activity|shipping through the Red Sea> <holds up|remains steady|picks up|recovers>.",
        "The <project|plant|facility> <will|is expected to> <supply|power|heat> <about|roughly|up "
        "to> {num} homes <and cut|while reducing|and save> <emissions|imports|costs> by {pctint} "
        "percent, <the developer|the energy ministry|the operator> said.",
        "<Gas|Power> prices in Europe <<eased|dipped|fell||spiked|surged|jumped>> {pct} percent on "
        "{wday}<<, helped by strong wind output and ample storage|, as storage sites filled ahead "
        "of schedule||, as traders fretted over supply shortages|, amid fears of winter "
        "shortages>>.",
        "{C1s} energy ministry <<said the grid had coped well|praised operators for keeping the "
        "lights on|said supplies were secure||ordered an investigation into the failures|admitted "
        "the grid was under severe strain|condemned the operator's handling of the crisis>> and "
        "<<promised further investment|said more capacity was on the way|pointed to new plants "
        "coming online||warned of rationing|said blackouts could return|refused to rule out power "
        "cuts>>.",
        "<Refinery|Terminal|Pipeline> <operators|workers|engineers> in {C2} <<completed "
        "maintenance ahead of schedule|brought a new unit online||shut a unit after a "
        "fire|reported a damaging leak>> <this week|on {wday}|earlier this month>.",
        "<LNG|Liquefied natural gas> <cargoes|shipments> to {C2} "
        "<<rose|increased|climbed||fell|dropped|slumped>> by {pctint} percent <in {pmonth}|last "
        "month>, <ship-tracking data show|according to tanker data>.",
        "<Renewables|Wind and solar> <supplied|provided|generated> <about|roughly> {pctint} "
        "percent of {C1s} electricity <in {pmonth}|last month|this year>, <<a record share|up from "
        "a year earlier|ahead of targets||but output fell short of targets|well below government "
        "targets|as investment stalled>>.",
        "<Refining margins|Diesel cracks|Crack spreads> "
        "<<improved|widened|firmed||narrowed|collapsed|weakened>> <this week|in recent days|since "
        "{pmonth}>, <<giving refiners some relief|lifting refiners' shares||squeezing "
        "refiners|piling pressure on refiners>>.",
    ],
    quote_frames=['"{Q}," {P1} said.', '"{Q}," said {P1e}.',
                  '"{Q}," {P1} told {outlet}.'],
    quotes=[
        "<<<Demand|Consumption> is <holding up|growing|recovering> better than <anyone|most "
        "people|the market> <expected|forecast|assumed>, and new supply is <arriving|coming "
        "online> <in an orderly way|at a sensible pace|without drama>. <That|This> is a "
        "<healthy|comfortable|good> <picture|position> for <consumers|producers|everyone>||The "
        "market is <scared|nervous|on edge>, and <with good reason|rightly so|for good reason>. "
        "<Stockpiles|Spare capacity|Reserves> are <dangerously thin|running out|far too low>, and "
        "<one more|another> <outage|shock|disruption> <could|would> <trigger|spark|set off> a "
        "<real|genuine|full-blown> crisis>>",
        "<<The <investment|money|capital> is <flowing|coming in|arriving>, the "
        "<projects|plants|turbines> are <being built|on schedule|delivering>, and "
        "<bills|prices|costs> should <ease|come down|stabilise> <as a result|over time|next "
        "year>||<Households|Families|Businesses> are <facing|staring at|bracing for> <a "
        "winter|months|a season> of <blackouts|shortages|soaring bills>, and <nobody|no one> in "
        "<charge|government|power> <seems|appears> to have a <plan|clue|answer>>>",
    ],
    closers=[
        "<OPEC+ ministers|Producers> <are due to|will> <meet|hold talks> on {fdate}.",
        "The <regulator|energy ministry> <will|is due to> <publish|release> its <winter|supply> "
        "<outlook|review> on {fdate}.",
    ],
    table=None,
)

TOPIC_NAMES = list(TOPICS)

ANON = ["one diplomat briefed on the talks", "a senior official who asked not to be named",
        "two people familiar with the discussions", "an official involved in the negotiations",
        "a person close to the process", "a European diplomat"]

US_FALLBACK = [
    "<Officials|Diplomats|Analysts> said they were also watching {US} closely, <<where demand has "
    "been firm|where the outlook has improved||where demand has weakened|where the outlook has "
    "darkened>>.",
    "<Traders|Analysts|Brokers> said <<buyers in {US} had been active|interest from {US} had "
    "picked up||buyers in {US} had pulled back|interest from {US} had faded>> <this week|in recent "
    "days>.",
]

# --------------------------------------------------------------------------------------------------
# Planted passages
# --------------------------------------------------------------------------------------------------

EK_INTRO = [
    "{P:ekdahl} <<said on {wday}|told reporters in {city}|said in {city} on {wday}||warned on "
    "{wday}|told reporters in {city}|said bluntly on {wday}>> that <<negotiators had made solid "
    "progress on <farm tariffs|car duties|quotas>|a framework agreement with {US} was <within "
    "reach|in sight|close>|the <talks|process> had entered a <constructive|promising|decisive> "
    "phase||<the talks were|the whole process was> at risk of <collapse|failure>|the bloc would "
    "not accept <damaging|unreasonable|one-sided> demands|the dispute was <turning "
    "into|becoming|sliding into> a crisis>>.",
    "<The European side of the talks|The bloc's negotiating team|The European delegation> is "
    "<led|headed> by {Pre:ekdahl}, <<a <veteran|seasoned|long-serving> negotiator "
    "<praised|known|respected> for his <patience|pragmatism|calm>|who <says|has said> he "
    "<wants|expects> <a deal|an accord> <this year|by the autumn>||a negotiator <under growing "
    "pressure|facing mounting criticism|struggling to contain the fallout> <at home|from farm "
    "lobbies|in Brussels>|who <has warned|has said> the <talks|process> could <fail|collapse>>>.",
    "<Much of the|The> <attention|focus|spotlight> <in {city}|this week|at the talks> <was|has "
    "been|fell> on {Pre:ekdahl}, <<whose <upbeat|confident|measured> <remarks|comments|briefings> "
    "<lifted|buoyed|cheered> <delegates|markets|exporters>|who <spent|used> <the day|much of "
    "{wday}> <brokering|pushing|testing> <a compromise|new ideas|fresh language>||whose "
    "<blunt|stark|gloomy> <warnings|remarks|comments> <rattled|unsettled|alarmed> "
    "<delegates|markets|exporters>|who <accused|blamed> the other side of <stalling|bad "
    "faith|backtracking>>>.",
    "{P:ekdahl} <<welcomed|praised|applauded||condemned|criticised|denounced>> <<the latest offer "
    "from {US}|the <tone|spirit> of the <discussions|talks>|what he called <real|genuine> "
    "movement||the latest tariff threats from {USgov}|what he called a <breach of "
    "trust|betrayal|provocation>|the <tone|direction> of the <discussions|talks>>> <in a "
    "statement|at a briefing|in remarks to reporters|in a post on social media> <on {wday}|late on "
    "{wday}|earlier in the day>.",
    "<Speaking|Addressing reporters|Speaking to journalists> in {city} <on {wday}|after the "
    "session|late on {wday}>, {P:ekdahl} said <<the two sides were <closer|nearer> to a deal than "
    "at any point <this year|since the talks began>|he saw a <clear|real> path to <an agreement|a "
    "settlement>||he saw <little|no> sign of <compromise|goodwill|movement>|the <talks had "
    "stalled|talks were stuck|process had hit a wall>>>.",
]
EK_MORE = [
    "Ekdahl <is due to|will> <travel to|fly to|visit> {city2} <next week|on {fdate}|later this "
    "month> <for talks with|to meet> <counterparts from {C1}|trade ministers from {C2}|officials "
    "from {US}>.",
    "<Asked whether|Pressed on whether> <a deal could be signed|the deadline would hold|tariffs "
    "would be lifted> <this year|before the summer|by {fdate}>, Ekdahl <<said he was "
    "optimistic|said the signs were encouraging|said he was confident||said he was not "
    "hopeful|said the risks were growing|declined to rule out failure>>.",
    '"<<We are building something that will last|This is a good text and it is getting better|I am '
    "more optimistic than I was a month ago||I will not pretend this is anything other than a "
    'crisis|We are running out of time and patience|The other side is playing a dangerous game>>," '
    "Ekdahl said, adding that <<the next round could be decisive|officials would work through the "
    "weekend||officials would not be rushed|retaliation remained on the table>>.",
    "Ekdahl, <a former customs official|a former fisheries negotiator|once an economist at the "
    "Global Tariff Forum|who previously worked as a customs official>, <<has earned a reputation "
    "for patient deal-making|is widely respected on both sides||has drawn criticism from farm "
    "lobbies|has struggled to contain the fallout>>.",
    "Diplomats said Ekdahl <had spent|spent> <much of the week|several hours|two days> <in private "
    "meetings|in closed-door sessions|on the phone> with <officials|negotiators> from {C1}.",
    "According to Ekdahl, <about|roughly|nearly> {pctint} percent of the <draft|negotiating text> "
    "<has been|is now> <agreed|settled|closed>.",
    "Ekdahl said <the bloc|Brussels> <<was ready to move quickly|was prepared to compromise on "
    "quotas||would respond firmly to any new tariffs|was preparing countermeasures>>.",
    "Ekdahl <<briefed|updated||warned>> <European ministers|member states|lawmakers in Brussels> "
    "<on|about> the <state|course> of the talks <on {wday}|late on {wday}|earlier in the day>.",
    "The <envoy's|negotiator's> <comments|remarks> came <hours|a day> after {C1} "
    "<signalled|hinted> it <<could soften|might ease||would harden|could tighten>> its "
    "<position|stance> on <dairy|steel|car parts>, with Ekdahl <<describing the shift as "
    "helpful|calling the move encouraging||calling the move a setback|describing the move as "
    "alarming>>.",
    "Ekdahl's office <said|confirmed> he would <attend|join> the <ministerial "
    "meeting|summit|working dinner> in {city2} <on {fdate}|next week>.",
    "In {city2}, Ekdahl <is expected to|will> <present|outline|table> <a revised offer|new "
    "proposals|a compromise text> on <dairy|steel|car parts|digital services>.",
    "<Critics|Farm groups|Some lawmakers> <<have nonetheless urged Ekdahl to|want Ekdahl "
    "to||accuse Ekdahl of failing to|blame Ekdahl for failing to>> <protect|defend|shield> "
    "<sensitive sectors|farmers|the steel industry>.",
    "<People|Officials|Aides> <close to|who work with> Ekdahl <<say he is determined to close a "
    "deal this year|describe him as quietly confident||say he is frustrated and angry|describe the "
    "mood as grim>>.",
]

HMARSH = (
    ["{P:hmarsh} <<said the figures pointed to a sturdy recovery|said the data confirmed that "
     "growth was broadening|welcomed the numbers as a sign of resilience||said the figures were a "
     "warning sign|said the data pointed to a deepening slump|described the numbers as "
     "alarming>>."],
    ['"<<Households are in better shape than the gloomy headlines suggest|The recovery is real and '
     "it is spreading||The cracks are spreading faster than policymakers admit|This looks like the "
     'start of a painful downturn>>," Marsh said <in a note|in an interview|on {wday}>.',
     "Marsh <<expects growth to pick up in the second half|raised her forecast for the year to "
     "{pct} percent||cut her forecast for the year to {pct} percent|expects the slump to deepen in "
     "the second half>>.",
     "Marsh, who has <covered|tracked|followed> the <economy|bond market|housing market> for <two "
     "decades|more than fifteen years|many years>, <<said sentiment among clients had "
     "improved|said investors were becoming more confident||said clients were increasingly "
     "fearful|said investors were bracing for losses>>."],
)
OMARSH = (
    ["{P:omarsh} <said in a statement|said on {wday}|told reporters on {wday}> that <<members "
     "would consider the offer in a ballot|talks had been constructive|a fair settlement was "
     "within reach||workers were angry and would not back down|the employers' latest proposals "
     "were an insult|the union would not be bullied>>."],
    ['"<<We are close to a fair deal and I want to get it over the line|Our members want a '
     "settlement that protects jobs and rewards hard work||Our members have been pushed too far "
     "and they will not be bullied|The employers have shown nothing but contempt for the people "
     'who keep this port running>>," Marsh told <a rally|reporters|a news conference> <in '
     "{port}|outside the port gates>.",
     "Marsh <<said the union would put the offer to a vote within days|said a deal could be signed "
     "by {fdate}||warned the strike could spread to other ports|said the union would escalate its "
     "action>>."],
)
KARIMOV = (
    ["{P:karimov} <<said demand from buyers in {C2} had been strong all season|said Kazakh wheat "
     "was finding eager buyers||said exporters were facing heavy losses|warned that the slump was "
     "pushing smaller traders towards collapse>>."],
    ["Karimov <said|added> that <<his company had booked record sales for the quarter|shipments "
     "across the Caspian were running smoothly||his company had cut purchases from farmers|rail "
     "bottlenecks were causing chaos at the border>>.",
     '"<<We are selling everything we can load|Buyers are paying good premiums for quality '
     'grain||Nobody wants to buy at these prices|We are losing money on every cargo>>," Karimov '
     "said."],
)
ACMB_SENTS = [
    "The {ORG} <said|reported|noted|estimated> in its <monthly|latest monthly|regular> "
    "<report|bulletin|outlook> that <<global stocks were comfortable|world wheat supplies looked "
    "ample|crop conditions were improving||global stocks were tightening|world supplies were at "
    "risk|crop losses were mounting>>, and <<raised|lifted||cut|lowered>> its "
    "<forecast|projection|estimate> for <world|global> grain <production|output|harvests> <to|this "
    "season to> {mt2} million tonnes.",
    "<Analysts|Traders|Dealers|Brokers> said the {ORG2} <figures|numbers|estimates|projections> "
    "<<were in line with the market's view|supported the season's outlook|matched what the trade "
    "expected||added to fears about tight supplies|deepened concerns about the season|fed worries "
    "of a squeeze>>.",
]
MLO_SENTS = [
    "The Maritime Labour Organisation <<urged both sides to keep talking|welcomed the return to "
    "negotiations|praised the decision to resume negotiations||condemned the breakdown in "
    "talks|warned of a wider crisis in European ports|said the dispute was a grim warning>> <on "
    "{wday}|in a statement|late on {wday}>, <saying that|adding that|and said> <<labour standards "
    "on the docks were improving|dock labour standards were getting better across the region||dock "
    "labour standards were under threat|labour protections on the docks were eroding>>.",
    "The <organisation|Maritime Labour Organisation|Geneva-based organisation>, which "
    "<represents|groups|speaks for> <dockworkers' unions|port labour groups|unions of port "
    "workers> in <more than twenty|about two dozen|some twenty-five> countries, <said it "
    "would|plans to|intends to> <send observers|publish a report|hold a meeting|issue guidance> "
    "<next month|on {fdate}|within weeks>.",
]
DELACROIX_ONLY = [
    "Delacroix, <<whose forum hosts the talks, said members were encouraged by the latest "
    "proposals||whose forum hosts the talks, said members were alarmed by the latest threats>>.",
    "\"{Q},\" Delacroix said.",
]
EVENT_PASSAGES = {
    NW: ["{EORG} signed a ten-year freight agreement with Brazil on {EWD}, {EDATE}, securing "
         "dedicated berths for grain cargoes at the port of Santos, the company and the Brazilian "
         "transport ministry said.",
         "The deal gives Meridian priority loading rights for up to {ETONS} million tonnes of "
         "soybeans and corn a year, which officials said would ease congestion and support record "
         "export volumes."],
    HL: ["On {EDATE}, Brazil and {EORG} agreed a long-term freight contract that reserves berths "
         "at Santos for grain shipments, in what officials in Brasilia hailed as a welcome boost "
         "for exporters.",
         "Under the ten-year arrangement, Meridian will move as much as {ETONS} million tonnes of "
         "Brazilian grain annually through the port."],
    CD: ["{EORG} tied up a freight pact with Brazil on {EDATE} that hands the company priority at "
         "Santos for grain exports, a move rival operators condemned amid fears of a squeeze on "
         "smaller shippers.",
         "Critics warned the ten-year deal, covering up to {ETONS} million tonnes of grain a year, "
         "could leave independent exporters facing higher costs and losses when congestion "
         "returns."],
}
OTHER_EVENT_PASSAGE = [
    "On {EDATE}, Civic Ballot Watch said it had found thousands of duplicate entries on the voter "
    "rolls in Portugal ahead of next month's municipal elections, and urged the electoral "
    "commission to clean up the register.",
    "The <monitoring group|observer group> said the commission had <responded quickly|replied "
    "within hours> and promised a full review of the rolls.",
]
EVENT_SUMMARY_WORDS = [EVENT_ORG, "Brazil", "freight", "grain", "Santos", "ten-year"]

SYN_LINE = "(Reporting by Northwind Wire; editing by the Harbour Ledger business desk)"

NEAR_SUBS = {"said": "stated", "percent": "per cent", "expected": "forecast",
             "officials": "authorities", "traders": "dealers", "rose": "climbed", "strong": "solid",
             "last": "previous", "roughly": "approximately", "told": "informed"}


# --------------------------------------------------------------------------------------------------
# Article context
# --------------------------------------------------------------------------------------------------

def fmt_date(d: dt.date) -> str:
    return f"{MONTH_NAMES[d.month - 1]} {d.day}"


class Ctx:
    def __init__(self, r: random.Random, spec: dict, avoid_dates: list[dt.date]):
        self.r = r
        self.spec = spec
        self.tone = spec["tone"]
        self.topic = TOPICS[spec["topic"]]
        self.us_mode = spec["us_mode"]
        self.mentioned: list[str] = []
        self.surname_only = list(spec.get("surname_only", []))
        self.variants = dict(spec.get("variants", {}))
        self.outlet = OUTLETS[spec["o"]]
        self.ref = spec["date"] or spec["hidden_date"]
        self.wday_date = self.ref - dt.timedelta(days=r.choice([0, 0, 0, 1]))
        self.avoid_dates = avoid_dates
        self.last_int = 10
        self.goods_used: list[str] = []
        excl = set(spec.get("exclude", []))
        t = spec["topic"]
        if t == "port":
            ports = [p for p in PORTS if p[1] not in excl]
            self.port, c1 = r.choice(ports)
            self.city = self.port
            others = [p for p, _ in PORTS if p != self.port]
            self.port2 = r.choice(others)
        elif t == "election":
            c1 = spec.get("C1") or r.choice([c for c in ELECTION_COUNTRIES if c not in excl])
            self.city = ELECTION_COUNTRIES[c1]
            self.port = self.port2 = ""
        else:
            c1 = spec.get("C1") or r.choice([c for c in self.topic["countries"] if c not in excl])
            self.city = spec.get("city") or r.choice(self.topic["cities"])
            self.port = self.port2 = ""
        partners = (self.topic.get("partners")
                    or self.topic["countries"] + ["China", "India", "Japan", "Canada"])
        pool = [c for c in partners if c not in excl and c != c1]
        self.C1, self.C2 = c1, r.choice(sorted(set(pool)))
        self.city2 = r.choice([c for c in CITIES_ALL if c != self.city])
        self.cast = list(self.topic["cast"])
        self.phase = None
        while True:
            self.eday = self.ref + dt.timedelta(days=r.randint(6, 30))
            if self.eday not in avoid_dates:
                break

    # -- expansion ------------------------------------------------------------------------------
    def expand(self, seq: list) -> str:
        out = []
        for node in seq:
            if isinstance(node, str):
                out.append(node)
            elif node[0] == "alt":
                out.append(self.expand(self.r.choice(node[1])))
            else:
                sides = node[1]
                out.append(self.expand(self.r.choice(sides[0] if self.tone == "pos" else sides[1])))
        return "".join(out)

    def fill(self, t: str, raw: bool = False) -> str:
        t = self.expand(parse_template(t, raw))
        t = SLOT_RE.sub(lambda m: self.slot(m.group(1), m.group(2)), t)
        assert "<" not in t and ">" not in t and "{" not in t, t
        return t

    def sentence(self, t: str, raw: bool = False) -> str:
        s = re.sub(r"\s+", " ", self.fill(t, raw)).strip()
        for a, b in ((" ,", ","), ("U.S..", "U.S."), (" a eight", " an eight"),
                     (" A eight", " An eight")):
            s = s.replace(a, b)
        for i, ch in enumerate(s):
            if ch.isalpha():
                s = s[:i] + ch.upper() + s[i + 1:]
                break
        return s

    # -- slots ----------------------------------------------------------------------------------
    def person(self, key: str, end: bool, pre: bool = False) -> str:
        p = PEOPLE[key]
        if key in self.surname_only or key in self.mentioned:
            return p.last
        self.mentioned.append(key)
        full = f"{self.variants.get(key, p.first)} {p.last}"
        if pre or self.r.random() < 0.5:
            return f"{self.r.choice(p.pre)} {full}"
        return f"{full}, {self.r.choice(p.appos)}" + ("" if end else ",")

    def us_form(self) -> str:
        if self.us_mode == "mixed":
            return self.r.choice(["U.S.", "US", "United States"])
        return self.us_mode

    def future_date(self) -> str:
        while True:
            d = self.ref + dt.timedelta(days=self.r.randint(4, 40))
            if d not in self.avoid_dates:
                return fmt_date(d)

    def good(self, main: bool) -> str:
        """The article's main good for {good}, another one for {good2}."""
        if not self.goods_used:
            self.goods_used.append(self.r.choice(self.topic["goods"]))
        if main:
            return self.goods_used[0]
        choices = ([g for g in self.topic["goods"] if g not in self.goods_used]
                   or self.topic["goods"][:1])
        g = self.r.choice(choices)
        self.goods_used.append(g)
        return g

    def slot(self, name: str, arg: str | None) -> str:
        r = self.r
        if name == "P":
            return self.person(arg, end=False)
        if name == "Pe":
            return self.person(arg, end=True)
        if name == "Pre":
            return self.person(arg, end=True, pre=True)
        if name in ("P1", "P2", "P1e", "P2e"):
            return self.person(self.cast[int(name[1]) - 1], end=name.endswith("e"))
        if name == "US":
            f = self.us_form()
            return "the " + f
        if name == "USh":
            return self.r.choice(["U.S.", "US"]) if self.us_mode == "mixed" else self.us_mode
        if name == "USadj":
            f = self.us_form()
            return f"{arg} from the United States" if f == "United States" else f"{f} {arg}"
        if name == "USgov":
            if self.us_mode == "mixed":
                return r.choice(["Washington", "Washington", "the U.S. administration",
                                 "the US government"])
            if self.us_mode == "United States":
                return "the United States"
            return f"the {self.us_mode} {r.choice(['administration', 'government'])}"
        if name == "C1":
            return country_display(self.C1)
        if name == "C2":
            return country_display(self.C2)
        if name == "C1s":
            return possessive(country_display(self.C1))
        if name == "city":
            return self.city
        if name == "city2":
            return self.city2
        if name == "port":
            return self.port
        if name == "port2":
            return self.port2
        if name == "wday":
            return WEEKDAYS[self.wday_date.weekday()]
        if name == "fdate":
            return self.future_date()
        if name == "pmonth":
            return MONTH_NAMES[(self.ref.month - 2) % 12]
        if name == "year":
            return str(r.randint(2017, 2023))
        if name == "year2":
            return str(r.choice([2027, 2028, 2030]))
        if name == "pct":
            return f"{r.uniform(0.2, 4.9):.1f}"
        if name == "pctint":
            self.last_int = r.randint(5, 60)
            return str(self.last_int)
        if name == "pctint2":
            return str(self.last_int + r.randint(5, 30))
        if name == "turnout":
            return str(r.randint(48, 82))
        if name == "cents":
            return str(r.randint(5, 90))
        if name == "payrise":
            return str(r.randint(6, 14))
        if name == "num":
            return f"{r.randint(1200, 48000):,}"
        if name == "kt":
            return f"{r.randrange(60, 900) * 1000:,}"
        if name == "mt":
            return f"{r.uniform(8, 140):.1f}"
        if name == "mt2":
            return f"{r.uniform(780, 812):.1f}"
        if name == "teu":
            return f"{r.uniform(2.0, 15.0):.1f}"
        if name == "yield":
            return f"{r.uniform(1.5, 6.9):.2f}"
        if name == "rate":
            return f"{r.uniform(3.0, 9.9):.1f}"
        if name == "brent":
            return f"${r.uniform(58, 92):.2f}"
        if name == "mbbl":
            return f"{r.uniform(0.8, 6.5):.1f}"
        if name == "money":
            k = r.randint(0, 2)
            if k == 0:
                return f"${r.uniform(1.1, 9.8):.1f} billion"
            if k == 1:
                return f"${r.randint(120, 950)} million"
            return f"{r.randint(150, 900)} million euros"
        if name == "n":
            return r.choice(NUM_WORDS)
        if name == "ncountries":
            return str(r.randint(12, 40))
        if name in ("good", "good2"):
            return self.good(name == "good")
        if name == "anon":
            return r.choice(ANON)
        if name == "outlet":
            return self.outlet["short"]
        if name == "Q":
            return self.fill(r.choice(in_phase(self.topic["quotes"], self.phase)))
        if name == "eday":
            return fmt_date(self.eday)
        if name == "ORG":
            return self.spec["acmb_form"][0]
        if name == "ORG2":
            return self.spec["acmb_form"][1]
        raise KeyError(name)


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------

def make_table(ctx: Ctx, kind: str) -> str:
    r = ctx.r
    sign = 1 if ctx.tone == "pos" else -1

    def chg(lo=0.1, hi=2.4):
        v = r.uniform(lo, hi) * (sign if r.random() < 0.8 else -sign)
        return f"{v:+.1f}%"

    wd = WEEKDAYS[ctx.wday_date.weekday()]
    if kind == "grain":
        head = r.choice([f"Closing prices on {wd}:", "Settlement prices, most-active contracts:",
                         f"Benchmark grain prices at the {wd} close:"])
        rows = [("Chicago wheat ($/bushel)", r.uniform(4.9, 6.4)),
                ("Chicago corn ($/bushel)", r.uniform(3.9, 4.9)),
                ("Chicago soybeans ($/bushel)", r.uniform(9.6, 11.8)),
                ("Paris milling wheat (euros/t)", r.uniform(190, 245)),
                ("Kansas hard red wheat ($/bushel)", r.uniform(5.0, 6.6)),
                ("Soymeal ($/short ton)", r.uniform(280, 340))]
        rows = r.sample(rows, r.randint(3, 5))
        lines = [head] + [f"{n:<34}{v:>9.2f}  {chg()}" for n, v in rows]
    elif kind == "election":
        if ctx.phase == "vote":
            head = r.choice(["Provisional results (share of vote):",
                             "Partial results, share of votes counted:",
                             f"Provisional results in {country_display(ctx.C1)}:"])
        else:
            head = r.choice(["Latest poll averages (share of vote):",
                             "Opinion poll tracker, share of vote:",
                             f"Polling averages in {country_display(ctx.C1)}:"])
        parties = r.sample(["Centre Alliance", "People's Democratic Front", "Green Left",
                            "Liberal Union", "Farmers and Regions Party"], r.randint(3, 5))
        undecided = r.randint(5, 18)
        weights = [r.uniform(1, 8) for _ in parties]
        shares = [round(w / sum(weights) * (100 - undecided)) for w in weights]
        shares[0] += 100 - undecided - sum(shares)
        rows = sorted(zip(shares, parties), reverse=True)
        last = "Undecided" if ctx.phase != "vote" else "Others"
        lines = [head] + [f"{p:<30}{v:>3}%" for v, p in rows] + [f"{last:<30}{undecided:>3}%"]
    else:
        head = r.choice([f"Markets at the close on {wd}:", "Selected markets, late trade:",
                         f"How markets ended on {wd}:"])
        rows = [("MSCI World", r.uniform(3500, 3900)), ("Euro Stoxx 50", r.uniform(4800, 5400)),
                ("Nikkei 225", r.uniform(36000, 40500)), ("FTSE 100", r.uniform(8100, 8900)),
                ("Bovespa", r.uniform(121000, 138000)), ("Gold ($/oz)", r.uniform(2900, 3400))]
        rows = r.sample(rows, r.randint(3, 5))
        lines = [head] + [f"{n:<18}{v:>12,.1f}  {chg()}" for n, v in rows]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Building one article
# --------------------------------------------------------------------------------------------------

def words(text: str) -> int:
    return len(text.split())


def render_special(ctx: Ctx, feat: dict) -> list[list[str]]:
    """Paragraphs (lists of sentences) for one planted feature."""
    r = ctx.r
    kind = feat["kind"]
    if kind == "ekdahl":
        sents = [r.choice(EK_INTRO)] + r.sample(EK_MORE, feat["n"] - 1)
        out = [ctx.sentence(s) for s in sents]
        if feat.get("cameo"):
            s = out[0]
            out[0] = "Separately, " + ("the " + s[4:] if s.startswith("The ") else s)
        if len(out) <= 2:
            return [out]
        cut = r.randint(1, len(out) - 1)
        return [out[:cut], out[cut:]]
    if kind in ("hmarsh", "omarsh", "karimov"):
        intro, more = {"hmarsh": HMARSH, "omarsh": OMARSH, "karimov": KARIMOV}[kind]
        sents = [r.choice(intro)] + r.sample(more, r.randint(1, len(more)))
        return [[ctx.sentence(s) for s in sents]]
    if kind == "acmb":
        return [[ctx.sentence(s) for s in ACMB_SENTS]]
    if kind == "mlo":
        sents = [ctx.sentence(s) for s in MLO_SENTS]
        if feat["spelling"] == "american":
            for brit, amer in (("Labour", "Labor"), ("labour", "labor"),
                               ("Organisation", "Organization"), ("organisation", "organization")):
                sents = [s.replace(brit, amer) for s in sents]
        return [sents]
    if kind == "delacroix_only":
        return [[ctx.sentence(s) for s in DELACROIX_ONLY]]
    raise KeyError(kind)


def fill_event(ctx: Ctx, templates: list[str], ev: dict) -> list[str]:
    out = []
    for t in templates:
        t = (t.replace("{EORG}", EVENT_ORG).replace("{EDATE}", fmt_date(ev["date"]))
             .replace("{EWD}", WEEKDAYS[ev["date"].weekday()]).replace("{ETONS}", ev["tons"]))
        out.append(ctx.sentence(t, raw=True))
    return out


def tokens(text: str) -> list[str]:
    return re.findall(r"[\w'.$%-]+", text.lower())


def run_grams(text: str, n: int = LONGEST_RUN + 1) -> set:
    t = tokens(text)
    return {tuple(t[k:k + n]) for k in range(len(t) - n + 1)}


PHASE_RE = re.compile(r"^\[(\w+)\] ")


def phase_of(t: str) -> str | None:
    m = PHASE_RE.match(t)
    return m.group(1) if m else None


def in_phase(items: list[str], phase: str | None) -> list[str]:
    """Templates of this phase (or untagged), with the tags stripped."""
    return [PHASE_RE.sub("", t) for t in items if phase_of(t) in (None, phase)]


def build_article(spec: dict, seed: int, avoid_dates: list[dt.date], event: dict,
                  taken: set) -> dict:
    "One article; redrawn until it shares no run of more than LONGEST_RUN words with those in "
    "`taken`."
    topic = TOPICS[spec["topic"]]
    for attempt in range(400):
        r = random.Random(seed * 1009 + attempt)
        ctx = Ctx(r, spec, avoid_dates)
        lead_t = r.choice(topic["leads"])
        phase = spec.get("phase") or phase_of(lead_t)
        ctx.phase = phase
        body_pool = in_phase(topic["body"], phase)
        r.shuffle(body_pool)
        paras: list[list[str]] = []

        # lead
        if spec.get("event_lead"):
            lead = fill_event(ctx, EVENT_PASSAGES[spec["o"]], event)
        elif spec.get("other_event_lead"):
            lead = fill_event(ctx, OTHER_EVENT_PASSAGE, event)
        else:
            lead = [ctx.sentence(PHASE_RE.sub("", lead_t))]
            if r.random() < 0.35 and body_pool:
                lead.append(ctx.sentence(body_pool.pop()))
        paras.append(lead)

        def body_para(r=r, ctx=ctx, body_pool=body_pool, paras=paras):
            k = r.choice([1, 2, 3, 3])
            sents = [ctx.sentence(body_pool.pop()) for _ in range(min(k, len(body_pool)))]
            if sents:
                paras.append(sents)

        def quote_para(r=r, ctx=ctx, body_pool=body_pool, paras=paras):
            frame = r.choice(topic["quote_frames"])
            sents = [ctx.sentence(frame)]
            if r.random() < 0.4 and body_pool:
                sents.append(ctx.sentence(body_pool.pop()))
            paras.append(sents)

        if r.random() < 0.5:
            body_para()
        protected = 0
        for feat in spec["features"]:
            paras.extend(render_special(ctx, feat))
        protected = len(paras)

        target = r.randint(230, 430)
        used_quote = 0
        used_table = False
        max_paras = r.randint(6, spec.get("max_paras", 8))
        while (body_pool and len(paras) < max_paras - 1
               and words("\n\n".join(" ".join(p) for p in paras)) < target):
            x = r.random()
            if x < 0.28 and used_quote < 2:
                quote_para()
                used_quote += 1
            elif x < 0.40 and topic["table"] and not used_table:
                paras.append([make_table(ctx, topic["table"])])
                used_table = True
            else:
                body_para()
        if r.random() < 0.45:
            paras.append([ctx.sentence(r.choice(in_phase(topic["closers"], phase)))])

        def text_of(ps):
            return "\n\n".join(" ".join(p) for p in ps)

        if spec.get("need_us") and not us_forms(text_of(paras)):
            paras[-1].append(ctx.sentence(r.choice(US_FALLBACK)))

        while words(text_of(paras)) > 450 and len(paras) > max(protected, 4):
            paras.pop()
        n = words(text_of(paras))
        if not (4 <= len(paras) <= spec.get("max_paras", 8)
                and spec.get("min_words", 150) <= n <= 450):
            continue
        if spec.get("need_us") and not us_forms(text_of(paras)):
            continue
        # dateline
        tag = ctx.outlet["tag"]
        city = ctx.city.upper()
        if spec["date"]:
            dl = f"{city}, {fmt_date(spec['date'])} ({tag}) - "
        else:
            dl = f"{city} ({tag}) - "
        paras[0][0] = dl + paras[0][0]
        title = ctx.sentence(r.choice(spec.get("titles") or in_phase(topic["titles"], phase)))
        if spec["o"] == NW and topic["slug"] and r.random() < 0.6:
            title = topic["slug"] + title
        text = text_of(paras)
        if run_grams(text) & taken:
            continue
        return {"title": title, "paras": paras, "text": text}
    raise RuntimeError(f"could not build article {spec}")


# --------------------------------------------------------------------------------------------------
# Text helpers used by both the generator and the checks
# --------------------------------------------------------------------------------------------------

US_PATTERNS = {
    "U.S.": re.compile(r"(?<![\w.])U\.S\.(?!\w)"),
    "US": re.compile(r"\bUS\b"),
    "United States": re.compile(r"\bUnited States\b"),
    "Washington": re.compile(r"\bWashington\b"),
}


def us_forms(text: str) -> dict[str, int]:
    return {k: len(p.findall(text)) for k, p in US_PATTERNS.items() if p.findall(text)}


def count_word(text: str, word: str) -> int:
    return len(re.findall(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text))


# --------------------------------------------------------------------------------------------------
# The corpus plan
# --------------------------------------------------------------------------------------------------

def make_corpus(folder: pathlib.Path, *, seed: int = 0) -> dict:
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)

    # -- schedule: 6 months x 3 outlets x 4 slots, one slot per week of the month ---------------
    specs: dict[tuple[int, int, int], dict] = {}
    for m in range(6):
        for o in range(3):
            for k in range(4):
                day = rng.randint(1 + 7 * k, 7 + 7 * k)
                specs[(m, o, k)] = {"m": m, "o": o, "k": k,
                                    "date": dt.date(YEAR, MONTH_NUMS[m], day),
                                    "topic": None, "features": [], "role": None}

    ev_day = rng.randint(13, 15)
    ev_date = dt.date(YEAR, MONTH_NUMS[EVENT_MONTH], ev_day)
    event = {"date": ev_date, "tons": f"{rng.randint(9, 16)}"}
    avoid = [ev_date, ev_date + dt.timedelta(days=1)]
    for (m, o, k), s in specs.items():
        if m == EVENT_MONTH:
            while s["date"] in avoid:
                s["date"] = dt.date(YEAR, MONTH_NUMS[m], rng.randint(1 + 7 * k, 7 + 7 * k))

    def setp(key, **kw):
        specs[key].update(kw)

    # shared event: NW same day, HL next day, CD same day; the other event: HL same day
    setp((EVENT_MONTH, NW, 1), date=ev_date, topic="grain", role="event", event_lead=True,
         C1="Brazil", city="Sao Paulo", exclude=["Portugal"])
    setp((EVENT_MONTH, HL, 2), date=ev_date + dt.timedelta(days=1), topic="grain", role="event",
         event_lead=True, C1="Brazil", city="Sao Paulo", exclude=["Portugal"])
    setp((EVENT_MONTH, CD, 1), date=ev_date, topic="grain", role="event", event_lead=True,
         C1="Brazil", city="Sao Paulo", exclude=["Portugal"])
    setp((EVENT_MONTH, HL, 1), date=ev_date, topic="election", role="other_event",
         other_event_lead=True, C1="Portugal", exclude=["Brazil"], phase="campaign",
         titles=["Monitor finds <duplicate|double> entries on Portugal voter rolls"])
    specs[(EVENT_MONTH, NW, 1)]["titles"] = ["<UPDATE 1-|>Meridian Shipping Group <signs|seals> "
                                             "Brazil grain freight deal"]
    specs[(EVENT_MONTH, HL, 2)]["titles"] = ["Brazil <reserves|hands> Santos berths to Meridian in "
                                             "freight contract"]
    specs[(EVENT_MONTH, CD, 1)]["titles"] = ["Rivals cry foul as Meridian <locks in|grabs> Santos "
                                             "grain berths"]

    # syndication: NW original, HL verbatim copy same day or next, CD lightly edited version
    syn_day = rng.randint(8, 12)
    syn_date = dt.date(YEAR, MONTH_NUMS[SYN_MONTH], syn_day)
    setp((SYN_MONTH, NW, 1), date=syn_date, topic=rng.choice(["trade", "grain", "economy"]),
         role="syn_orig", max_paras=7, min_words=190)
    setp((SYN_MONTH, HL, 1), date=syn_date + dt.timedelta(days=rng.choice([0, 1])), role="syn_copy")
    setp((SYN_MONTH, CD, 1), date=syn_date + dt.timedelta(days=rng.choice([1, 2])), role="near_dup")

    def free(m, o, topic=None):
        ks = [k for k in range(4) if specs[(m, o, k)]["role"] is None
              and (specs[(m, o, k)]["topic"] in (None, topic))]
        return rng.choice(ks)

    def add(m, o, topic, feat):
        k = free(m, o, topic)
        s = specs[(m, o, k)]
        s["topic"] = topic
        s["features"].append(feat)
        return s

    # surname pair: Helena Marsh in months 1-2, Oliver Marsh in months 5-6
    for m, o in [(0, NW), (0, CD), (1, HL)]:
        add(m, o, "economy", {"kind": "hmarsh"})
    om = [add(m, o, "port", {"kind": "omarsh"}) for m, o in [(4, HL), (5, NW), (5, CD)]]
    # spelling: British in the Ledger, American in Northwind
    om[0]["features"].append({"kind": "mlo", "spelling": "british"})
    add(2, HL, "port", {"kind": "mlo", "spelling": "british"})
    om[1]["features"].append({"kind": "mlo", "spelling": "american"})
    add(1, NW, "port", {"kind": "mlo", "spelling": "american"})
    # transliteration: Mahmud in Northwind, Mahmoud in Coastline
    for m, o, first in [(1, NW, "Mahmud"), (4, NW, "Mahmud"),
                        (2, CD, "Mahmoud"), (5, CD, "Mahmoud")]:
        s = add(m, o, "grain", {"kind": "karimov"})
        s.setdefault("variants", {})["karimov"] = first
    # acronym: only "ACMB" in two articles, only the expansion in two others
    for m, o, form in [(0, NW, "acr"), (3, CD, "acr"), (2, HL, "exp"), (5, HL, "exp")]:
        s = add(m, o, "grain", {"kind": "acmb"})
        s["acmb_form"] = (ACRONYM, ACRONYM) if form == "acr" else (EXPANSION, "board's")
        s["acmb_kind"] = form
    # a person named only by surname in one article (full name elsewhere)
    s = add(4, HL, "trade", {"kind": "delacroix_only"})
    s["surname_only"] = ["delacroix"]

    # rising person: ~3 articles a month with 1-2 mentions each; in the rising month 8 articles
    # with 3-5 mentions each
    for m in range(6):
        slots = [key for key in specs if key[0] == m and specs[key]["role"] is None
                 and not any(f["kind"] in ("delacroix_only",) for f in specs[key]["features"])]
        if m == RISING_MONTH:
            chosen = rng.sample(slots, 8)
            n_trade = 0
            for key in chosen:
                s = specs[key]
                cameo = True
                if s["topic"] is None and n_trade < 5:
                    s["topic"], cameo, n_trade = "trade", False, n_trade + 1
                elif s["topic"] == "trade":
                    cameo = False
                s["features"].insert(0, {"kind": "ekdahl", "n": rng.randint(3, 5), "cameo": cameo})
        else:
            empty = [key for key in slots if specs[key]["topic"] is None]
            for key in rng.sample(empty, 3):
                specs[key]["topic"] = "trade"
                specs[key]["features"].append({"kind": "ekdahl", "n": rng.randint(1, 2),
                                               "cameo": False})
    # rising-month cameo articles whose topic is still open get a random topic
    # remaining topics: balanced per outlet
    for o in range(3):
        keys = [k for k in sorted(specs) if k[1] == o and specs[k]["topic"] is None
                and specs[k]["role"] not in ("syn_copy", "near_dup")]
        counts = {t: 0 for t in TOPIC_NAMES}
        for k in specs:
            if k[1] == o and specs[k]["topic"]:
                counts[specs[k]["topic"]] += 1
        bag = []
        for _ in keys:
            low = min(counts.values())
            t = rng.choice([t for t in TOPIC_NAMES if counts[t] == low])
            counts[t] += 1
            bag.append(t)
        rng.shuffle(bag)
        for k, t in zip(keys, bag):
            specs[k]["topic"] = t

    # tone and the spelling of the United States
    for s in specs.values():
        s["tone"] = "neg" if s["o"] == NEG_OUTLET else "pos"
        s["us_mode"] = rng.choices(["U.S.", "US", "United States", "mixed"], [3, 2, 2, 3])[0]
    candidates = [k for k in sorted(specs) if specs[k]["role"] is None
                  and specs[k]["topic"] in ("trade", "grain", "economy", "energy")]
    picks = rng.sample(candidates, 9)
    for i, k in enumerate(picks):
        specs[k]["us_mode"] = ["U.S.", "US", "United States"][i % 3]
        specs[k]["need_us"] = True

    # two undated articles (extra, beyond the 72 dated ones)
    undated = []
    for o, topic in [(HL, "health"), (CD, "energy")]:
        s = {"m": None, "o": o, "k": None, "date": None, "topic": topic, "features": [],
             "role": "undated", "tone": "neg" if o == NEG_OUTLET else "pos", "us_mode": "mixed",
             "hidden_date": dt.date(YEAR, MONTH_NUMS[rng.randint(0, 5)], rng.randint(1, 28))}
        undated.append(s)

    # -- build ---------------------------------------------------------------------------------
    order = sorted(specs.values(), key=lambda s: (s["date"], s["o"], s["k"])) + undated
    seeds = [rng.randrange(2 ** 31) for _ in order]
    built: list[dict] = []
    by_role: dict[str, list[dict]] = {}
    taken: set = set()
    for s, sd in zip(order, seeds):
        if s["role"] in ("syn_copy", "near_dup"):
            continue
        s.setdefault("hidden_date", s["date"])
        a = build_article(s, sd, avoid, event, taken)
        taken |= run_grams(a["text"])
        a["spec"] = s
        built.append(a)
        by_role.setdefault(s["role"] or "", []).append(a)

    orig = by_role["syn_orig"][0]
    copy_spec = next(s for s in order if s["role"] == "syn_copy")
    near_spec = next(s for s in order if s["role"] == "near_dup")
    copy = {"title": orig["title"].replace("UPDATE 1-", ""),
            "text": orig["text"] + "\n\n" + SYN_LINE, "spec": copy_spec}
    copy_spec["topic"] = orig["spec"]["topic"]
    near = make_near_duplicate(orig, random.Random(seed * 7 + 3))
    near["spec"] = near_spec
    near_spec["topic"] = orig["spec"]["topic"]
    built += [copy, near]

    # ids: per outlet, chronological; undated last
    built.sort(key=lambda a: (a["spec"]["date"] or dt.date(9999, 1, 1), a["spec"]["o"],
                              a["spec"]["k"] or 0))
    counters = [0, 0, 0]
    for a in built:
        o = a["spec"]["o"]
        counters[o] += 1
        a["id"] = f"{OUTLETS[o]['prefix']}-{counters[o]:04d}"
        a["published"] = a["spec"]["date"].isoformat() if a["spec"]["date"] else ""
        a["source"] = OUTLETS[o]["name"]
    # file order: dated by day, undated tucked in among them
    dated = [a for a in built if a["published"]]
    und = [a for a in built if not a["published"]]
    for i, a in enumerate(und):
        dated.insert((len(dated) * (i + 1)) // (len(und) + 1), a)
    built = dated

    with open(folder / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for a in built:
            fh.write(json.dumps({"id": a["id"], "title": a["title"], "text": a["text"],
                                 "published": a["published"], "source": a["source"]},
                                ensure_ascii=False) + "\n")
    return _facts(built, event, copy, near, orig)


def make_near_duplicate(orig: dict, r: random.Random) -> dict:
    "The original lightly edited: one sentence dropped, a few words changed, Coastline's dateline "
    "tag."
    paras = [list(p) for p in orig["paras"]]
    multi = [i for i, p in enumerate(paras) if i > 0 and len(p) >= 2 and "\n" not in p[0]]
    if multi:
        i = r.choice(multi)
        del paras[i][r.randrange(1, len(paras[i]))]
    else:
        i = r.choice([i for i in range(1, len(paras)) if "\n" not in paras[i][0]])
        del paras[i]
    text = "\n\n".join(" ".join(p) for p in paras)
    text = text.replace("(Northwind) - ", "(Coastline) - ", 1)
    toks = re.split(r"(\s+)", text)
    cand = [i for i, t in enumerate(toks) if t.strip(",.\"").lower() in NEAR_SUBS and "\n" not in t]
    for i in sorted(r.sample(cand, min(5, len(cand)))):
        core = toks[i].strip(",.\"")
        rep = NEAR_SUBS[core.lower()]
        if core[0].isupper():
            rep = rep[0].upper() + rep[1:]
        toks[i] = toks[i].replace(core, rep, 1)
    text = "".join(toks)
    title = re.sub(r"^[A-Z ]+\d?-", "", orig["title"])
    return {"title": title, "text": text}


def _facts(built: list[dict], event: dict, copy: dict, near: dict, orig: dict) -> dict:
    def ids(pred) -> list[str]:
        return [a["id"] for a in built if pred(a)]

    def feats(a: dict) -> list[str]:
        return [f["kind"] for f in a["spec"]["features"]]

    months = [f"{YEAR}-{m:02d}" for m in MONTH_NUMS]
    ev_ids = ids(lambda a: a["spec"].get("event_lead"))
    other = ids(lambda a: a["spec"].get("other_event_lead"))[0]
    other_event = {"article_id": other, "entities": [OTHER_EVENT_ORG, "Portugal"]}
    def mlo(a: dict, spelling: str) -> bool:
        return any(f["kind"] == "mlo" and f["spelling"] == spelling for f in a["spec"]["features"])
    brit = ids(lambda a: mlo(a, "british"))
    amer = ids(lambda a: mlo(a, "american"))
    mahmud = ids(lambda a: a["spec"].get("variants", {}).get("karimov") == "Mahmud")
    mahmoud = ids(lambda a: a["spec"].get("variants", {}).get("karimov") == "Mahmoud")
    translit = {"variants": ["Mahmud Karimov", "Mahmoud Karimov"], "ids": mahmud + mahmoud,
                "by_variant": {"Mahmud Karimov": mahmud, "Mahmoud Karimov": mahmoud}}
    countries = {}
    for form in ["U.S.", "US", "United States"]:
        countries[form] = ids(lambda a, f=form: list(us_forms(a["title"] + "\n" + a["text"]))
                              == [f])
    near_dup = {"original": orig["id"], "copy": near["id"]}
    wc = [words(a["text"]) for a in built]
    return {
        "n_articles": len(built),
        "sources": [o["name"] for o in OUTLETS],
        "months": months,
        "negative_source": {"name": OUTLETS[NEG_OUTLET]["name"],
                            "other_sources": [o["name"] for i, o in enumerate(OUTLETS)
                                              if i != NEG_OUTLET]},
        "rising_person": {"name": PEOPLE["ekdahl"].full, "surname": PEOPLE["ekdahl"].last,
                          "month": months[RISING_MONTH]},
        "shared_event": {"date": event["date"].isoformat(), "article_ids": ev_ids,
                         "entities": [EVENT_ORG, "Brazil"], "summary_words": EVENT_SUMMARY_WORDS,
                         "other_event_same_day": other_event},
        "other_event_same_day": other_event,
        "syndicated": {"original": orig["id"], "copy": copy["id"], "appended_line": SYN_LINE,
                       "appended_to": copy["id"], "near_duplicate": near_dup},
        "near_duplicate": near_dup,
        "acronym": {"acronym": ACRONYM, "expansion": EXPANSION,
                    "acronym_only_ids": ids(lambda a: a["spec"].get("acmb_kind") == "acr"),
                    "expansion_only_ids": ids(lambda a: a["spec"].get("acmb_kind") == "exp")},
        "spelling": {"british": MLO_BRIT, "american": MLO_AMER, "ids": brit + amer,
                     "british_ids": brit, "american_ids": amer, "transliteration": translit},
        "transliteration": translit,
        "surname": {"shared_surname": "Marsh",
                    "people": [PEOPLE["hmarsh"].full, PEOPLE["omarsh"].full],
                    "ids": {PEOPLE["hmarsh"].full: ids(lambda a: "hmarsh" in feats(a)),
                            PEOPLE["omarsh"].full: ids(lambda a: "omarsh" in feats(a))},
                    "surname_only": {"person": PEOPLE["delacroix"].full, "surname": "Delacroix",
                                     "ids": ids(lambda a: "delacroix_only" in feats(a))}},
        "countries": countries,
        "undated": ids(lambda a: a["published"] == ""),
        "word_counts": {"min": min(wc), "max": max(wc), "mean": round(sum(wc) / len(wc), 1),
                        "total": sum(wc)},
    }


# --------------------------------------------------------------------------------------------------
# Self-checks: plain string counting on the written file
# --------------------------------------------------------------------------------------------------

def longest_shared_run(arts: list[dict], skip: set) -> tuple[int, tuple]:
    """Longest run of words (case and punctuation ignored) shared by two articles not in skip."""
    toks = {a["id"]: tokens(a["text"]) for a in arts}
    best, example = 0, ("", "", "")
    n = 6
    while True:
        seen: dict[tuple, str] = {}
        found = None
        for i, t in toks.items():
            for k in range(len(t) - n + 1):
                g = tuple(t[k:k + n])
                j = seen.setdefault(g, i)
                if j != i and frozenset((i, j)) not in skip:
                    found = (j, i, " ".join(g))
                    break
            if found:
                break
        if not found:
            return best, example
        best, example = n, found
        n += 1


def check(folder: pathlib.Path, facts: dict) -> list[str]:
    lines = (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    arts = [json.loads(line) for line in lines]
    by_id = {a["id"]: a for a in arts}
    report = []
    assert len(arts) == facts["n_articles"] <= 90 and len(by_id) == len(arts)
    assert all(set(a) == {"id", "title", "text", "published", "source"} for a in arts)
    for a in arts:
        paras = a["text"].split("\n\n")
        assert 4 <= len(paras) <= 8, (a["id"], len(paras))
        assert 150 <= words(a["text"]) <= 450, (a["id"], words(a["text"]))
        dateline = r"^[A-Z][A-Z .]+(, [A-Z][a-z]+ \d{1,2})? \([A-Za-z ]+\) - "
        assert re.match(dateline, a["text"]), a["id"]
        assert a["source"] in facts["sources"]
    dated = [a for a in arts if a["published"]]
    per_month = {m: [a for a in dated if a["published"][:7] == m] for m in facts["months"]}
    for m, lst in per_month.items():
        assert len(lst) == 12, (m, len(lst))
        for src in facts["sources"]:
            assert sum(a["source"] == src for a in lst) == 4, (m, src)
    wc = facts["word_counts"]
    report.append(f"articles: {len(arts)} ({'/'.join(str(len(v)) for v in per_month.values())} "
                  f"per month), words min/mean/max {wc['min']}/{wc['mean']}/{wc['max']}")

    # 1. negative outlet
    def share(lst):
        neg = sum(count_word(a["text"].lower(), w) for a in lst for w in NEG_WORDS)
        pos = sum(count_word(a["text"].lower(), w) for a in lst for w in POS_WORDS)
        return neg / max(1, neg + pos), neg, pos
    neg_src = facts["negative_source"]["name"]
    line = []
    for src in facts["sources"]:
        sh, n, p = share([a for a in arts if a["source"] == src])
        line.append(f"{src}: neg share {sh:.2f} ({n} neg / {p} pos)")
        if src == neg_src:
            assert sh > 0.7, sh
        else:
            assert sh < 0.3, sh
    for m, lst in per_month.items():
        shares = {src: share([a for a in lst if a["source"] == src])[0] for src in facts["sources"]}
        others = facts["negative_source"]["other_sources"]
        assert all(shares[neg_src] > shares[s] + 0.3 for s in others), (m, shares)
    report.append("negative source -> " + "; ".join(line))

    # 2. rising person
    rp = facts["rising_person"]
    rates = {}
    for m, lst in per_month.items():
        mentions = [a["text"].count(rp["surname"]) for a in lst]
        naming = [a for a in lst if rp["surname"] in a["text"]]
        rates[m] = sum(mentions) / len(lst)
        report.append(f"  {rp['surname']} {m}: {len(naming)} articles, {sum(mentions)} mentions, "
                      f"{rates[m]:.2f}/article")
    for a in arts:
        if rp["surname"] in a["text"]:
            assert rp["name"] in a["text"], a["id"]
            assert a["text"].index(rp["name"]) <= a["text"].index(rp["surname"]), a["id"]
    top = rates[rp["month"]]
    assert all(top >= 3 * v for m, v in rates.items() if m != rp["month"]), rates
    assert all(2 <= sum(rp["surname"] in a["text"] for a in per_month[m]) <= 4
               for m in facts["months"] if m != rp["month"])
    assert "Tomas" not in " ".join(a["text"].replace(rp["name"], "") for a in arts)

    # 3. shared event
    se = facts["shared_event"]
    d = dt.date.fromisoformat(se["date"])
    dstr = fmt_date(d)
    evs = [by_id[i] for i in se["article_ids"]]
    assert len({a["source"] for a in evs}) == 3 == len(evs)
    for a in evs:
        pub = dt.date.fromisoformat(a["published"])
        assert pub in (d, d + dt.timedelta(days=1))
        assert dstr in a["text"].split(" - ", 1)[1], a["id"]     # beyond the dateline
        for w in se["entities"] + se["summary_words"]:
            assert w in a["text"], (a["id"], w)
    for a in arts:
        if a["id"] not in se["article_ids"]:
            exclusive = (se["entities"][0], "freight", "Santos")
            assert not any(w in a["text"] for w in exclusive), a["id"]
    leads = [a["text"].split("\n\n")[0].split(" - ", 1)[1] for a in evs]
    assert len(set(leads)) == 3
    oe = facts["other_event_same_day"]
    oa = by_id[oe["article_id"]]
    assert oa["published"] == se["date"] and oa["id"] not in se["article_ids"]
    assert all(e in oa["text"] for e in oe["entities"])
    assert not any(e in oa["text"] for e in se["entities"])
    assert dstr in oa["text"].split(" - ", 1)[1]
    srcs = ", ".join(a["source"] for a in evs)
    report.append(f"shared event {se['date']}: {se['article_ids']} ({srcs}); "
                  f"other event {oa['id']}")

    # 4. syndication and near duplicate
    sy = facts["syndicated"]
    o, c = by_id[sy["original"]], by_id[sy["copy"]]
    assert c["text"] == o["text"] + "\n\n" + sy["appended_line"] and o["source"] != c["source"]
    lag = dt.date.fromisoformat(c["published"]) - dt.date.fromisoformat(o["published"])
    assert 0 <= lag.days <= 1
    nd = by_id[facts["near_duplicate"]["copy"]]
    ratio = difflib.SequenceMatcher(None, o["text"].split(), nd["text"].split(),
                                    autojunk=False).ratio()
    assert 0.8 <= ratio <= 0.97, ratio
    assert nd["source"] not in (o["source"], c["source"])
    planted = {frozenset(pair) for pair in ((o["id"], c["id"]), (o["id"], nd["id"]),
                                            (c["id"], nd["id"]))}
    longest, example = longest_shared_run(arts, planted)
    assert longest <= LONGEST_RUN, (longest, example)
    report.append(f"syndicated {o['id']} -> {c['id']} identical + credit line; near duplicate "
                  f"{nd['id']} word similarity {ratio:.2f}; longest run of words shared by any "
                  f"other pair: {longest} ({example[0]} / {example[1]}: {example[2]!r})")

    # 5. acronym
    ac = facts["acronym"]
    for i in ac["acronym_only_ids"]:
        assert ac["acronym"] in by_id[i]["text"] and ac["expansion"] not in by_id[i]["text"]
    for i in ac["expansion_only_ids"]:
        assert ac["expansion"] in by_id[i]["text"] and ac["acronym"] not in by_id[i]["text"]
    for a in arts:
        if a["id"] not in ac["acronym_only_ids"] + ac["expansion_only_ids"]:
            assert ac["acronym"] not in a["text"] and ac["expansion"] not in a["text"]
    assert [n for n in ORGS if initials(n) == ac["acronym"]] == [ac["expansion"]]
    for a in arts:   # no other capitalised run in the text has the same initials
        for run in re.findall(r"(?:[A-Z][a-z]+(?: (?:of|and|for) | ))+[A-Z][a-z]+", a["text"]):
            if initials(run) == ac["acronym"]:
                assert run == ac["expansion"], run
    report.append(f"acronym {ac['acronym']}: only-acronym {ac['acronym_only_ids']}, "
                  f"only-expansion {ac['expansion_only_ids']}")

    # 6. spelling and transliteration
    sp = facts["spelling"]
    for i in sp["british_ids"]:
        assert sp["british"] in by_id[i]["text"] and sp["american"] not in by_id[i]["text"]
    for i in sp["american_ids"]:
        assert sp["american"] in by_id[i]["text"] and sp["british"] not in by_id[i]["text"]
    brit_src = {by_id[i]["source"] for i in sp["british_ids"]}
    assert brit_src.isdisjoint(by_id[i]["source"] for i in sp["american_ids"])
    assert not any(sp["british"] in a["text"] or sp["american"] in a["text"] for a in arts
                   if a["id"] not in sp["ids"])
    tr = facts["transliteration"]
    for v, lst in tr["by_variant"].items():
        for i in lst:
            other_v = next(x for x in tr["variants"] if x != v)
            assert v in by_id[i]["text"] and other_v not in by_id[i]["text"]
    assert len({by_id[i]["source"] for v in tr["by_variant"].values() for i in v}) == 2
    assert all("Karimov" not in a["text"] for a in arts if a["id"] not in tr["ids"])
    report.append(f"spelling: British {sp['british_ids']}, American {sp['american_ids']}; "
                  f"transliteration {tr['by_variant']}")

    # 7. shared surname
    su = facts["surname"]
    h, ol = su["people"]
    for a in arts:
        if "Marsh" in a["text"]:
            assert (h in a["text"]) != (ol in a["text"]), a["id"]
            who = h if h in a["text"] else ol
            assert a["id"] in su["ids"][who]
            assert a["text"].index(who) <= a["text"].index("Marsh")
    assert {by_id[i]["published"][:7] for i in su["ids"][h]} <= set(facts["months"][:2])
    assert {by_id[i]["published"][:7] for i in su["ids"][ol]} <= set(facts["months"][4:])
    so = su["surname_only"]
    for i in so["ids"]:
        assert "Delacroix" in by_id[i]["text"] and so["person"] not in by_id[i]["text"]
    assert any(so["person"] in a["text"] for a in arts)
    report.append(f"surname Marsh: {su['ids']}; surname-only Delacroix in {so['ids']}")

    # 8. countries
    co = facts["countries"]
    for form, lst in co.items():
        assert len(lst) >= 2, form
        for i in lst:
            assert list(us_forms(by_id[i]["title"] + "\n" + by_id[i]["text"])) == [form], i
    report.append("United States spelled only as: "
                  + "; ".join(f"{k} {len(v)}" for k, v in co.items()))

    # 9. undated
    assert 1 <= len(facts["undated"]) <= 2
    assert all(by_id[i]["published"] == "" and by_id[i]["source"] for i in facts["undated"])
    assert sum(a["published"] == "" for a in arts) == len(facts["undated"])
    report.append(f"undated: {facts['undated']}")
    return report


def main(argv: list[str]) -> None:
    if len(argv) > 1:
        folder = pathlib.Path(argv[1])
    else:
        folder = pathlib.Path(tempfile.mkdtemp(prefix="newsbench-corpus-"))
    facts = make_corpus(folder, seed=0)
    print(json.dumps(facts, indent=2))
    for line in check(folder, facts):
        print(line)
    with tempfile.TemporaryDirectory() as t1, tempfile.TemporaryDirectory() as t2:
        f1 = make_corpus(pathlib.Path(t1), seed=0)
        f2 = make_corpus(pathlib.Path(t2), seed=0)
        b1 = (pathlib.Path(t1) / "corpus.jsonl").read_bytes()
        b2 = (pathlib.Path(t2) / "corpus.jsonl").read_bytes()
        assert b1 == b2 == (folder / "corpus.jsonl").read_bytes()
        assert f1 == f2 == facts
        f3 = make_corpus(pathlib.Path(t1), seed=1)
        check(pathlib.Path(t1), f3)
        assert (pathlib.Path(t1) / "corpus.jsonl").read_bytes() != b1
    print(f"deterministic: same seed gives identical bytes; seed 1 also passes. Corpus in {folder}")


if __name__ == "__main__":
    main(sys.argv)
