"""The words the quotation rules read: verbs of saying, pronouns, quotation marks.

Rules as data: :mod:`newsbench.layers.quotes` says what it does with a reporting verb; this
module says which verbs those are. None of it names anyone.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: Lemmas of verbs that report speech: their clause object is reported speech ("X said that
#: ..."), and next to quotation marks they attribute a direct quote.
SPEECH_VERBS = _words("""
    say tell add warn insist argue claim deny concede admit acknowledge explain note state
    announce confirm reply respond ask write tweet post declare stress emphasise emphasize
    suggest predict complain allege contend maintain caution promise assert recall remark
    observe report testify inform reiterate repeat agree disclose reveal indicate signal
    hint boast lament protest retort counter conclude mention shout scream whisper joke quip
    muse recount
""")

#: Verbs that put a short phrase in quotation marks ("called it 'a disgrace'") without a
#: reported clause: a short quote right after one is a direct quotation.
NAMING_VERBS = _words("""
    call describe brand dub term label denounce criticise criticize condemn slam praise hail
    dismiss
""")

#: Phrases before a speaker that report speech without a verb ("according to X").
ACCORDING = ("according to",)

#: Pronouns that stand for a speaker, by what they may refer to.
PERSON_PRONOUNS = _words("he she him her")
THING_PRONOUNS = _words("it")
PLURAL_PRONOUNS = _words("they we")
FIRST_PERSON = _words("i")

#: Opening and closing quotation marks (double; single ones are read only where a paragraph
#: has no double marks, as British copy writes them).
DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_STRAIGHT = "“„«", "”»", '"'
SINGLE_OPEN, SINGLE_CLOSE, SINGLE_STRAIGHT = "‘‹", "’›", "'"

#: Fewest words a quotation needs without a verb of saying or naming next to it (shorter
#: quoted words are scare quotes, titles or nicknames).
MIN_WORDS_UNCUED = 4
