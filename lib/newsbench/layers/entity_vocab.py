"""The words the entity rules read: labels, titles, name particles, place and organisation words.

Rules as data: the code of :mod:`newsbench.layers.entities` says *what* it does with a title
word or a particle; this module says which words those are. None of them names anyone: they
are the vocabulary of any news article (the tests check that no name from the seed is here).
"""

from __future__ import annotations

#: spaCy labels that are numbers or dates, not entities (the entity and time layers both skip them).
NON_ENTITY_LABELS = frozenset({"CARDINAL", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
                               "ORDINAL"})

#: Final labels, in the order used to break a tied vote.
LABELS = ("PERSON", "PLACE", "ORG", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
          "LANGUAGE")


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: Words of a person's title: cut from the front of a person's name, dropped when alone.
TITLE_WORDS = _words("""
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady president vice prime minister
    chancellor secretary senator sen rep representative congressman congresswoman governor gov
    mayor king queen prince princess emperor pope sheikh sheik emir ayatollah general gen lt
    lieutenant col colonel maj capt captain admiral adm commander cmdr sgt sergeant marshal
    brigadier judge justice ambassador envoy spokesman spokeswoman spokesperson chairman
    chairwoman chairperson premier speaker rev reverend archbishop bishop cardinal rabbi imam
    deputy foreign defence defense interior finance economy health trade energy education
    environment home chief commissioner director attorney leader coach officer detective
    inspector superintendent acting former ex late opposition crown field state
    president-elect secretary-general under-secretary co-founder founder ceo cfo
""")

#: Title words that, just before a name, mark it as a person's (a subset of TITLE_WORDS).
PERSON_CUES = _words("""
    mr mrs ms miss mx dr prof professor sir dame lord lady president minister chancellor
    secretary senator sen rep congressman congresswoman governor gov mayor king queen prince
    princess pope sheikh emir ayatollah general gen lt colonel col capt captain admiral judge
    justice ambassador envoy spokesman spokeswoman chairman chairwoman premier rev reverend
    archbishop bishop cardinal rabbi imam commissioner
""")

#: Words that name no one when they stand alone ("Secretary of <State>", "the Government"):
#: titles and institution nouns, but not those that are also names (Queen, Prince, Pope...).
ALONE_NO_NAME = _words("""
    mr mrs ms mx dr prof president vice prime minister chancellor secretary senator sen rep
    congressman congresswoman governor gov mayor ambassador envoy spokesman spokeswoman
    spokesperson chairman chairwoman premier deputy foreign state ministry department
    government administration regime defense defence interior
""")

#: Particles inside names: "al-Assad" is "Assad", "de Gaulle" is "Gaulle".
PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la",
                       "du", "dos", "das", "do", "bin", "ibn", "ben", "al", "el", "ul", "y"})
#: Particles written joined to the name by a hyphen ("al-", "ash-"), as a regular expression.
PARTICLE_PREFIX = r"^(?:al|el|ul|ad|an|ar|as|ash|at|az|ad-d)-(?=\w)"

#: Generational suffixes left out when comparing people's names.
PERSON_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

#: Words skipped when taking a name's initials (United Nations -> UN).
INITIAL_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&", "de", "du",
                          "des", "la", "le", "et"})

#: The last word of a FAC that makes it a place rather than a building.
PLACE_WORDS = _words("""
    street road avenue boulevard square highway motorway bridge crossing border airport port
    harbour harbor base district quarter province region valley river lake sea gulf strait
    island islands mountain mountains hills park camp canal coast desert peninsula plain
    cemetery market bazaar plaza
""")

#: Last words that do not change what a name names: "<Name> Inc" is "<Name>", and so is
#: "<Name> Party" ("Labour" and "Labour Party").
NAME_SUFFIXES = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa",
                           "nv", "gmbh", "limited", "holdings", "party"})

#: The last word of a name that makes it an organisation when the model's votes are split.
ORG_WORDS = _words("""
    organization organisation cooperation co-operation authority council union agency ministry
    committee commission party bank fund association corp corporation inc company university
    college institute foundation front forces army navy court parliament congress senate
    assembly department office service group league alliance movement network agency
""")

#: Words that join a title to a country before a name ("Secretary of State", "Minister for ...").
TITLE_LINKS = frozenset({"of", "the", "for", "and"})

#: British spellings of words found in names, as (regular expression, American form), applied
#: to whole folded words: one identity for "World Health Organisation" and "... Organization".
#: Word stems are listed where a general ending would catch other words ("four", "tour").
SPELLINGS = (
    (r"^(\w+)isation(s?)$", r"\1ization\2"),
    (r"^(organ|modern|civil|privat|real|special|stabil|util|author|standard|normal|liberal|"
     r"national|capital|moral|subsid|minim|maxim|optim|prior|mobil|rational|harmon|fertil|"
     r"monopol|legal|central|recogn|critic|apolog|econom|industrial|computer|digit)is(e|ed|es|ing)$",
     r"\1iz\2"),
    (r"^(anal|paral|catal)yse(s?)$", r"\1yze\2"),
    (r"^(cent|theat|met|lit|fib|kilomet)re(s?)$", r"\1er\2"),
    (r"^(defen|offen|licen|preten)ce(s?)$", r"\1se\2"),
    (r"^(program|catalog|dialog)me(s?)$", r"\1\2"),
    (r"^(catalog|dialog|analog)ue(s?)$", r"\1\2"),
    (r"^(lab|harb|neighb|hon|fav|col|behavi|vap|rum|val|arm|parl|endeav|splend|savi|hum|"
     r"flav|od|rig|tum|vig)our(s?)$", r"\1or\2"),
    (r"^(jewel|travel|cancel|model|label|fuel|counsel)l(ed|ing|er|ers|ery)$", r"\1\2"),
)
#: Letter groups that transliterations of one name write differently (Mahmud/Mahmoud,
#: Yusuf/Youssef): folded to one form before two names are compared.
TRANSLITERATION = (
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ph", "f"), ("kh", "h"), ("q", "k"),
    ("ck", "k"), ("y", "i"), ("dh", "d"), ("th", "t"), ("w", "u"),
)

#: Words the model tags as names that name nothing: time zones, wire slugs and editing notes
#: ("ATTENTION", "ADDS", "=(PICTURE)="). A mention that is only these is dropped.
NOT_NAMES = _words("""
    gmt bst utc cet cest est edt pst pdt et jst ist aest
    attention adds add update refile corrected correction picture pictures photo photos video
    wrapup exclusive analysis factbox breakingviews advisory urgent flash newsalert
""")

#: Verbs and words of a match: a name that "beat" another, "drew", "lost", or stands beside a
#: score is a club or team (ORG), whatever town it is named after.
MATCH_VERBS = _words("""
    beat beats beating defeat defeated defeats thrash thrashed edge edged draw drew drawn
    lose lost loses win won wins overcome overcame hammer hammered rout routed
    host hosts hosted visit visits visited face faces faced travel travels play plays
""")
#: Nouns a club's name stands before ("Lens coach", "Monaco striker"): that name is the club.
CLUB_NOUNS = _words("""
    coach manager boss striker defender midfielder goalkeeper keeper forward winger captain
    side team club squad fans supporters academy
""")
MATCH_WORDS = _words("""
    league cup match fixture derby goal goals scored scorer penalty stoppage half-time
    relegation promotion championship premier serie liga bundesliga ligue
""")

#: Prepositions that put a name on the map ("in X", "near X", "X-based").
PLACE_PREPOSITIONS = _words("in at near from outside across into towards toward around")

#: Words of wire slugs ("SOCCER-", "US STOCKS-", "BRIEF-"): a capitals run of these glued to a
#: hyphen at the head of a line is a slug, not part of the headline ("UK-France talks" is one).
SLUG_WORDS = _words("""
    soccer football tennis cycling athletics golf rugby cricket motor racing motorsport olympics
    sports sport brief update refile corrected wrapup exclusive analysis factbox insight
    breakingviews forex softs metals grains oil gold precious energy stocks bonds markets
    rpt correction timeline graphic graphics interview column preview advisory urgent table
    diary
""")
#: Words a slug may open with, beside a slug word ("US STOCKS-", "GLOBAL MARKETS-"), never
#: alone ("UK-France talks").
SLUG_QUALIFIERS = _words("global emerging us uk euro europe asia japan china india mideast africa")
