"""Is this English? So that a German or French article is reported instead of being counted
silently with an English model and lexicons, while a results table, a list of names or a short
sports story in English is not.

Two signals, both needed to call a text "not English": the share of common English function
words, and a language identifier (py3langid) run on the text's prose (its lower-case words:
names and numbers say nothing about the language they sit in). A text with too little prose
to judge (a table of scores, a squad list) is taken as English.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

# The commonest English function words: in running English prose they make up 35-50 % of the
# words; in other languages that use the Latin alphabet, a few percent at most.
_FUNCTION_WORDS = frozenset("""
the of and to a in is was that for on with as by at from it he she they his her their its be
been were are has have had not but or an this which who will would said after over into than
also about more up out when there all one two can could we our you i
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: Below this share of function words (with enough words to judge) a text may not be English.
THRESHOLD = 0.12
MIN_WORDS = 25
#: Fewer lower-case words than this: too little prose to judge (a table, a list of names).
MIN_PROSE = 12
#: In English prose about half the lower-case words are function words; in other languages
#: a few short ones ("in", "an", "was", "will") still match now and then.
PROSE_THRESHOLD = 0.3
#: The identifier's probability of English at or above which the text is taken as English.
MIN_ENGLISH = 0.15


@dataclass(frozen=True)
class Language:
    """What the check found.

    Attributes:
        english: False only when both signals say the text is not English.
        share: :func:`english_share` of the whole text (None when too short).
        language: the identifier's ISO 639 code for the prose (``en`` when the function words
            settle it), None when there is too little prose to judge.
        name: the language's English name (``German``), or the code when it has none.
    """

    english: bool
    share: float | None
    language: str | None
    name: str | None = None


def english_share(text: str) -> float | None:
    """Share of words that are common English function words (None when too short to judge)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    return sum(w in _FUNCTION_WORDS for w in words) / len(words)


def prose_words(text: str) -> list[str]:
    """The words of running prose: those written in lower case, of two letters or more (names,
    initials, scores, headlines in capitals and a scorecard's "c" and "b" are left out)."""
    return [w for w in _WORD.findall(text) if w[0].islower() and len(w) > 1]


def identify(text: str) -> Language:
    """Whether ``text`` is English, and which language its prose is in.

    The identifier runs only when the function words are scarce, so English prose never waits
    for its model to load.
    """
    share = english_share(text)
    if share is None or share >= THRESHOLD:
        return Language(True, share, "en" if share is not None else None,
                        "English" if share is not None else None)
    prose = prose_words(text)
    if len(prose) < MIN_PROSE:
        return Language(True, share, None)
    # a results table with a few lines of English: the prose itself is English
    if sum(w.lower() in _FUNCTION_WORDS for w in prose) / len(prose) >= PROSE_THRESHOLD:
        return Language(True, share, "en", "English")
    ranked = dict(_identifier().rank(" ".join(prose)))
    best = max(ranked, key=ranked.get)
    english = best == "en" or ranked.get("en", 0.0) >= MIN_ENGLISH
    code = "en" if english else best
    return Language(english, share, code, language_name(code))


def looks_english(text: str) -> bool:
    """True unless the text is prose in another language (:func:`identify`)."""
    return identify(text).english


def language_name(code: str) -> str:
    """The English name of an ISO 639 code (``de`` -> ``German``), or the code itself."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else \
        pycountry.languages.get(alpha_3=code)
    return getattr(found, "name", None) or code


_lock = threading.Lock()
_loaded: list = []


def _identifier():
    """py3langid's identifier with probabilities normalised to 0..1 (loaded once, ~0.7 s)."""
    with _lock:
        if not _loaded:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _loaded.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
        return _loaded[0]
