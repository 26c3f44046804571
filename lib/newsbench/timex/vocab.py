"""The tagger's vocabulary: calendar words, number words, modifiers, holidays and the word lists
its guards and tense cues consult. Data only; the code that reads it is elsewhere."""

from __future__ import annotations

import calendar

# --------------------------------------------------------------------------------------------
# Calendar words
# --------------------------------------------------------------------------------------------

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d.lower(): i + 1 for i, d in enumerate(calendar.day_name)}   # Monday = 1
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
#: Parts of the day and their TIMEX3 codes.
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

#: Holidays: ``("fixed", month, day)``, ``("easter", days after Easter Sunday)`` or
#: ``("nth_weekday", month, ISO weekday, n)`` (n = -1: the last one of the month).
HOLIDAYS = {
    "christmas day": ("fixed", 12, 25), "christmas": ("fixed", 12, 25),
    "christmas eve": ("fixed", 12, 24), "boxing day": ("fixed", 12, 26),
    "new year's day": ("fixed", 1, 1), "new year's": ("fixed", 1, 1),
    "new year's eve": ("fixed", 12, 31), "halloween": ("fixed", 10, 31),
    "valentine's day": ("fixed", 2, 14), "easter": ("easter", 0),
    "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2),
    "thanksgiving": ("nth_weekday", 11, 4, 4),
    "thanksgiving day": ("nth_weekday", 11, 4, 4),
    "labor day": ("nth_weekday", 9, 1, 1),
    "memorial day": ("nth_weekday", 5, 1, -1),
}

# --------------------------------------------------------------------------------------------
# Numbers and units
# --------------------------------------------------------------------------------------------

SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
NUMWORDS = {w: i for i, w in enumerate(SMALL)}
NUMWORDS.update(TENS)
NUMWORDS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
                 "a hundred": 100, "hundred": 100, "one hundred": 100, "a thousand": 1000})
#: Quantities that give an unspecified number (``PXY``).
VAGUE = {"several", "a few", "few", "many", "some", "recent", "countless", "dozens of",
         "hundreds of", "thousands of", "the past few", "the last few", "the next few",
         "the coming few", "the first few", "the final few", "the following few"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "twenty-first": 21, "twenty first": 21, "final": 4, "last": 4,
            "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

#: ISO 8601 designators per unit: (inside the time part?, letter).
UNITS = {"second": (True, "S"), "sec": (True, "S"), "minute": (True, "M"), "min": (True, "M"),
         "hour": (True, "H"), "hr": (True, "H"), "day": (False, "D"), "night": (False, "D"),
         "week": (False, "W"), "fortnight": (False, "W"), "month": (False, "M"),
         "year": (False, "Y"), "yr": (False, "Y"), "decade": (False, "DE"),
         "century": (False, "CE"), "centurie": (False, "CE"), "millennium": (False, "ML")}
#: A fraction of a unit becomes this many of the next smaller one: (how many, letter, in the
#: time part?).
SUBUNITS = {"year": (12, "M", False), "month": (30, "D", False), "week": (7, "D", False),
            "day": (24, "H", True), "hour": (60, "M", True), "minute": (60, "S", True)}
#: Years in one of the long units.
UNIT_YEARS = {"century": 100, "decade": 10, "millennium": 1000}

#: Frequency adverbs and their SET values.
SET_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
               "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
               "annually": "P1Y", "biennially": "P2Y"}

# --------------------------------------------------------------------------------------------
# Modifiers and relations
# --------------------------------------------------------------------------------------------

APPROX_MOD = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
              "roughly": "APPROX", "some": "APPROX", "close to": "APPROX",
              "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
              "fewer than": "LESS_THAN", "just under": "LESS_THAN", "under": "LESS_THAN",
              "barely": "LESS_THAN", "more than": "MORE_THAN", "just over": "MORE_THAN",
              "well over": "MORE_THAN", "over": "MORE_THAN", "in excess of": "MORE_THAN",
              "a little over": "MORE_THAN", "a little more than": "MORE_THAN",
              "little more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
              "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "only": None, "just": None}
#: TIMEX3 ``mod`` of a position word (TimeML has no EARLY/LATE: "early 2015" is START).
POS_MOD = {"early": "START", "late": "END", "mid": "MID", "the end of": "END",
           "the start of": "START", "the beginning of": "START", "the middle of": "MID",
           "earlier": None, "later": None, "the rest of": None}
#: An amount's ``mod`` on a point it measures back or forward to (TimeML): "more than 20 years
#: ago" is BEFORE 1996, "less than a year ago" AFTER 2015; forward ("later") the other way.
POINT_MOD = {("MORE_THAN", -1): "BEFORE", ("LESS_THAN", -1): "AFTER",
             ("EQUAL_OR_MORE", -1): "ON_OR_BEFORE", ("EQUAL_OR_LESS", -1): "ON_OR_AFTER",
             ("MORE_THAN", 1): "AFTER", ("LESS_THAN", 1): "BEFORE",
             ("EQUAL_OR_MORE", 1): "ON_OR_AFTER", ("EQUAL_OR_LESS", 1): "ON_OR_BEFORE"}
#: Days from the anchor of each deictic word.
DEICTIC_OFFSETS = {"the day before yesterday": -2, "the day after tomorrow": 2, "today": 0,
                   "tonight": 0, "tomorrow": 1, "yesterday": -1}
#: Days from the anchor of a day word joined to a clock time ("3 p.m. tomorrow").
DAY_WORD_OFFSETS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
#: Direction of "the following/previous ... " from the date it refers to (0: the same).
RELATION_SIGN = {"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1,
                 "same": 0}
#: Relations of "the following night", "the previous morning" ...: a day from the date they
#: refer to.
DAY_RELATIONS = ("following", "next", "previous", "preceding", "same", "subsequent")
#: Directions of "three days ago/later ..." that count back.
BACKWARD = ("earlier", "before", "previously", "prior")

# --------------------------------------------------------------------------------------------
# Words around an expression (the guards)
# --------------------------------------------------------------------------------------------

#: Capitalised words that may stand before a date without making it part of a name.
CAP_OK = {"on", "in", "by", "since", "until", "till", "from", "last", "next", "this", "early",
          "late", "every", "each", "before", "after", "during", "through", "throughout", "and",
          "or", "but", "the", "for", "of", "at", "to", "mid", "between", "over", "within", "as",
          "then", "around", "about", "if", "when", "while", "because", "although", "though",
          "starting", "beginning", "ending", "until", "unlike", "like", "later", "earlier",
          "that", "so", "yet", "also", "only", "even", "just", "again", "not", "no", "sometime",
          "coming", "past", "through", "into", "onto", "upon", "against", "toward", "towards",
          "near", "nearly", "almost", "some", "all", "both", "either", "neither", "by",
          "reuters", "ap", "afp", "upi", "dpa", "said", "says", "told", "wrote", "i", "we",
          "he", "she", "they", "it", "you", "there", "here", "what", "which", "who", "where",
          "how", "why", "yes", "more", "less", "than", "late", "overnight", "monday", "tuesday",
          "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
          "yesterday", "tonight", "now", "pm", "am", "gmt", "utc", "est", "edt"}
CAP_OK.update(MONTHS)
#: Words before a bare "May" or "March" that make it the month.
MONTH_CONTEXT = {"in", "since", "until", "till", "by", "from", "through", "throughout", "during",
                 "of", "before", "after", "between", "and", "to", "on", "for", "into", "or",
                 "last", "next", "this", "early", "late", "mid", "every", "each", "the", "end",
                 "start", "beginning", "middle", "around", "as", "late", "early", "that", "than",
                 "until", "following", "previous", "past", "coming", "whole", "entire", "all",
                 "over", "within", "throughout", "sometime", "later", "earlier"}
#: Words before a bare plural unit ("for years") that make it a duration.
PREP_BEFORE_BARE = {"for", "within", "in", "over", "after", "lasting", "took", "take", "takes",
                    "taking", "lasted", "last", "lasts", "spent", "spend", "spends", "spending",
                    "waited", "wait", "waiting", "than", "across", "throughout", "during", "of"}
#: Nouns after a number that make it a count, not a year ("2000 people").
COUNT_NOUNS = set("""people persons men women children kids babies troops soldiers fighters
civilians residents refugees migrants workers employees staff jobs homes houses buildings votes
voters seats shares points metres meters kilometres kilometers miles kilograms kg tonnes tons pounds
dollars euros yen yuan rupees barrels cases deaths infections patients beds doctors nurses police
officers students pupils teachers members delegates units vehicles cars trucks aircraft planes jets
rockets missiles bombs shells acres hectares feet yards calories words pages copies tickets
spectators fans protesters demonstrators prisoners detainees hostages passengers tourists visitors
firms companies businesses households families schools hospitals villages towns cities sites
computers machines animals cattle sheep birds trees rounds bullets guns weapons tanks ships boats
flights calls messages letters signatures applications claims species""".split())
#: Words before a number that make it a quantity or a code, not a year.
QTY_BEFORE = {"about", "some", "nearly", "almost", "around", "roughly", "approximately", "over",
              "under", "than", "only", "another", "least", "just", "all", "those", "these",
              "the other", "extra", "additional", "total", "of", "number", "no", "every", "per",
              "room", "flight", "block", "route", "highway", "interstate", "page"}
#: Words before "a day", "an hour" that make it a rate ("$5 million a day").
RATE_BEFORE = {"million", "billion", "trillion", "thousand", "hundred", "percent", "cent",
               "dollars", "euros", "pounds", "barrels", "tonnes", "tons", "hours", "minutes",
               "times", "calories", "people", "cases", "deaths", "lives", "rounds"}
#: Words before a bare season that make it the season ("in spring"); "fall" and "spring" are
#: verbs too, so they take fewer.
SEASON_BEFORE = ("in", "during", "until", "by", "since", "through", "throughout", "over",
                 "before", "after", "of", "all")
SEASON_VERB_BEFORE = ("in", "during", "this", "until", "by", "since", "through", "throughout",
                      "over")
#: Words before a 24-hour clock time without a zone that make it a time ("at 14:30").
CLOCK_BEFORE = ("at", "by", "until", "from", "before", "after", "around", "till", "since")
#: Words before "the future" / "the past" that make them references.
FUTURE_BEFORE = ("in", "for", "into", "of", "to", "until", "at")
PAST_BEFORE = ("in", "into", "from", "of")
#: Words before "the next week" that make it a duration ("within the next week").
SPAN_BEFORE = ("within", "over", "in", "for", "during", "throughout")

#: Reference words and their values.
PRESENT_WORDS = ("now", "currently", "nowadays", "these days", "present")
PAST_WORDS = ("recently", "lately", "the past")

# --------------------------------------------------------------------------------------------
# Tense cues
# --------------------------------------------------------------------------------------------

FUT_LEMMA = {"expect", "expects", "expected", "expecting", "scheduled", "slated", "forecast",
             "forecasts", "predicted", "upcoming"}
FUT_TO = {"plan", "plans", "planned", "planning", "set", "aim", "aims", "intend", "intends",
          "hope", "hopes", "want", "wants", "seek", "seeks", "due", "poised", "likely",
          "unlikely", "preparing", "prepares", "prepare", "bound", "ready", "about"}
WEAK_FUT = {"is", "are", "am", "can", "could", "may", "might", "should", "must", "be",
            "resume", "resumes", "begin", "begins", "start", "starts", "open", "opens", "reopen",
            "reopens", "meet", "meets", "vote", "votes", "go", "goes", "take", "takes", "expire",
            "expires", "kick", "kicks", "arrive", "arrives", "return", "returns", "travel",
            "travels", "visit", "visits", "face", "faces", "play", "plays", "host", "hosts",
            "fly", "flies", "leave", "leaves", "launch", "launches", "end", "ends", "close",
            "closes", "sit", "sits", "hold", "holds", "unveil", "unveils", "publish",
            "publishes", "release", "releases", "announce", "announces", "decide", "decides",
            "sign", "signs", "testify", "testifies", "appear", "appears", "need", "needs",
            "have", "has", "remain", "remains", "stay", "stays", "continue", "continues", "due"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
               "our", "your", "my", "next", "last", "first", "s", "'s", "’s", "whose", "each",
               "every", "no", "any", "some", "new", "final"}
PAST_AUX = {"was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't", "been", "ago"}
IRREGULAR_PAST = set("""said told met began took held went came left fell rose won lost made gave
saw found became struck sent spent ran broke led felt kept brought bought sold paid fought thought
got built spoke wrote flew drew grew threw knew chose stood sat laid withdrew ate caught taught
sought meant heard shot fled swore stole hid tore woke overtook undertook hung rang sang sank shook
slid spun sprang stuck stung swept swam swung underwent upheld withheld wound wore froze forgot
forgave dealt dug fed flung lay lit mistook overcame rode strove understood begun gone done seen
taken given known shown grown driven written spoken broken chosen fallen risen stolen sworn won
cut hit put shut quit spread cast cost hurt let beat struck slept bled bent lent sped spat split
burst bore shed""".split())
NOT_PAST_ED = {"expected", "scheduled", "planned", "slated", "indeed", "need", "speed", "feed",
               "bed", "red", "hundred", "shed", "seed", "breed", "greed", "embed", "proceed",
               "succeed", "exceed", "united", "based", "wed", "sacred", "naked", "wicked",
               "beloved", "alleged", "aged", "armed", "unarmed", "advanced", "detailed",
               "limited", "skilled", "unemployed", "unprecedented", "embattled", "related",
               "interested", "concerned", "supposed", "biased", "so-called", "tired"}
PARTICIPLE_AFTER = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get",
                    "gets", "got", "getting", "stay", "stays", "stayed", "remain", "remains",
                    "remained", "keep", "keeps", "kept", "seem", "seems", "seemed", "become",
                    "becomes", "became", "the", "a", "an", "its", "their", "his", "her", "our",
                    "your", "my", "this", "that", "these", "those", "newly", "well", "fully",
                    "widely", "highly", "heavily", "recently", "previously", "been"}
#: Words before "will" that make it a noun ("the political will").
WILL_NOUN_AFTER = ("the", "political", "his", "her", "their", "its", "of", "good", "free")
#: Forms of "be" before "due", "set", "about" ... ("is due to").
BE = ("is", "are", "was", "were", "be", "'s", "am")
#: Modal verbs: weak future cues, or past ones with "have".
MODALS = ("could", "may", "might", "should", "must", "can", "couldn't")
#: Prepositions before an expression that make it a deadline, so the future.
DEADLINE_BEFORE = ("until", "till", "by", "before", "ahead")
