"""A synthetic news corpus from varied templates (never the seed copied), for load tests.

Deterministic for a given seed: the same articles every run.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

FIRST = ["Anna", "Marek", "Leila", "Tomas", "Grace", "Omar", "Ines", "Pavel", "Chen", "Ruth",
         "Kofi", "Elena", "Samir", "Hana", "Diego", "Maja", "Idris", "Nora", "Felix", "Aiko"]
LAST = ["Halvorsen", "Okafor", "Brandt", "Moreau", "Quispe", "Novak", "Sato", "Mensah", "Lindqvist",
        "Farah", "Castell", "Rahimi", "Dubois", "Kowalski", "Adeyemi", "Varga", "Ortiz", "Keller"]
TOWNS = ["Corvale", "Ashby", "Lindmere", "Brennock", "Port Avelar", "Osterby", "Velmar", "Riverton",
         "Dunmore", "Kessling", "Marrow Bay", "Thornfield"]
ORGS = ["the Transport Ministry", "the National Health Authority", "Corvane Pharma", "the Port Authority",
        "the Workers' Union", "the Central Bank", "the Electoral Commission", "Ashby Steel",
        "the Red Crescent", "the Supreme Court"]
TITLES = ["Mayor", "Minister", "Chief Executive", "Judge", "Spokeswoman", "Professor", "Governor"]

TEMPLATES = [
    ("{town} flooded as river bursts its banks",
     ["{town_up} - Floodwater swept through {town} on {weekday}, forcing {n} residents from their homes, {org} said.",
      "{title} {first} {last} said the damage was the worst in {years} years. \"We have never seen water like this,\" {last} told reporters.",
      "Forecasters expect more rain {when_future}, and schools will stay closed until {month}."]),
    ("{org_cap} posts record profit",
     ["{org_cap} reported a {pct} percent rise in profit for the {quarter} quarter on {weekday}, beating forecasts.",
      "{title} {first} {last} said the company would hire {n} workers {when_future}.",
      "Shares rose {pct} percent in early trading. Analysts at a rival firm warned that growth could slow next year."]),
    ("Court jails {last} for fraud",
     ["{town_up} - A court in {town} sentenced {first} {last} to {years} years in prison on {weekday} for defrauding {n} investors.",
      "Judge {first2} {last2} said the scheme had caused \"immense harm\" over {years} years.",
      "{last} denied the charges and his lawyers said they would appeal {when_future}."]),
    ("Talks collapse as strike enters {ordinal} week",
     ["Talks between {org} and the Workers' Union broke down on {weekday}, officials said, as a strike closed {town}'s port for a {ordinal} week.",
      "Union leader {first} {last} said members would not return until pay rose by {pct} percent.",
      "{org_cap} called the demand unacceptable. A new round of talks is due {when_future}."]),
    ("Vaccine campaign reaches {n} children",
     ["{org_cap} said on {weekday} its campaign had vaccinated {n} children in {town} since {month}.",
      "{title} {first} {last} praised volunteers for a remarkable effort, but said {pct} percent of villages were still out of reach.",
      "No serious side effects have been reported, the authority said."]),
    ("{town} council votes to close library",
     ["The council of {town} voted {n2} to {n3} on {weekday} to close the central library, a decision critics called a disaster for the town.",
      "{title} {first} {last} said the building would be sold {when_future} to cover a budget shortfall.",
      "Protesters gathered outside the hall. \"This library has served us for {years} years,\" one of them said."]),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FUTURE = ["next week", "next month", "on Monday", "later this year", "in the coming days"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORDINALS = ["second", "third", "fourth", "fifth"]


def article(rng: random.Random, i: int) -> tuple[str, dict]:
    title_t, body_t = rng.choice(TEMPLATES)
    org = rng.choice(ORGS)
    town = rng.choice(TOWNS)
    values = dict(
        town=town, town_up=town.upper(), org=org, org_cap=org[0].upper() + org[1:],
        first=rng.choice(FIRST), last=rng.choice(LAST), first2=rng.choice(FIRST), last2=rng.choice(LAST),
        title=rng.choice(TITLES), weekday=rng.choice(WEEKDAYS), when_future=rng.choice(FUTURE),
        month=rng.choice(MONTHS), n=f"{rng.randint(2, 900) * 10:,}", n2=rng.randint(5, 12),
        n3=rng.randint(1, 4), pct=rng.randint(2, 40), years=rng.randint(2, 30),
        quarter=rng.choice(["first", "second", "third", "fourth"]), ordinal=rng.choice(ORDINALS),
    )
    paras = [p.format(**values) for p in body_t]
    rng.shuffle(paras[1:])  # vary the order after the lead
    extra = rng.randint(0, 3)
    for _ in range(extra):
        paras.append(rng.choice(body_t[1:]).format(**{**values, "first": rng.choice(FIRST),
                                                         "last": rng.choice(LAST)}))
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    return title_t.format(**values), {"paras": paras, "published": published.isoformat(), "i": i}


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Write ``n`` articles into ``folder`` in a mix of formats; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        title, a = article(rng, i)
        kind = i % 3
        if kind == 0:
            path = folder / f"a{i:04d}.txt"
            path.write_text(title + "\n\n" + "\n\n".join(a["paras"]) + "\n")
            (folder / f"a{i:04d}.meta.yaml").write_text(f"published: {a['published']}\nsource: Synthetic Wire\n")
        elif kind == 1:
            path = folder / f"a{i:04d}.md"
            path.write_text(f"---\ntitle: {json.dumps(title)}\npublished: {a['published']}\n---\n"
                            + "\n\n".join(a["paras"]) + "\n")
        else:
            path = folder / f"a{i:04d}.json"
            path.write_text(json.dumps({"title": title, "published": a["published"],
                                        "source": "Synthetic Wire", "text": "\n\n".join(a["paras"])}))
        paths.append(path)
    return paths
