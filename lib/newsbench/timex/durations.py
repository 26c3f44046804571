"""Guards and resolvers of the rules for durations ("two weeks", "a 5-1/2-year war", "the past
few days", "for years"), sets ("every Friday", "twice a week", "daily") and vague references
("now", "recently", "the future").

Signatures as in :mod:`.dates`. None of these depends on the anchor.
"""

from __future__ import annotations

import re

from .values import duration, num
from .vocab import (APPROX_MOD, FUTURE_BEFORE, MONTHS, ORDINALS, PARTS, PAST_BEFORE, PAST_WORDS,
                    PREP_BEFORE_BARE, PRESENT_WORDS, RATE_BEFORE, SEASONS, SET_ADVERBS, WEEKDAYS)

# --------------------------------------------------------------------------------------------
# Guards
# --------------------------------------------------------------------------------------------


def guard_duration(ctx, m) -> bool:
    """Not an age ("three years old"), not "a second" (the ordinal), not a rate ("$5 million a
    day", "100 hours a week"), not the tail of a longer number ("000 days" of "1,000 days")."""
    text, s = ctx.text, m.start()
    g = m.groupdict()
    n = (g.get("n") or "").lower()
    unit = g["u"].lower()
    if ctx.age_follows(m.end()):
        return False
    if unit.startswith("second") and n in ("a", "an", "one", "the"):
        return False
    if n in ("a", "an"):
        prev = ctx.prev_words(s, 1)
        if prev and (prev[-1] in RATE_BEFORE or re.fullmatch(r"[\d,.]+", prev[-1])):
            return False
    if re.match(r"\d", n) and re.search(r"[\d,.]$", text[:s]):
        return False
    return True


def guard_duration_vague(ctx, m) -> bool:
    """"several years", or a bare plural unit after "for", "within", "lasted" ... ("for years");
    never before "old" or "ago"."""
    if re.match(r"[ \t]+(?:old|ago)\b", ctx.text[m.end():m.end() + 12]):
        return False
    if m.groupdict().get("q"):
        return True
    prev = ctx.prev_words(m.start(), 1)
    return bool(prev) and prev[-1] in PREP_BEFORE_BARE


def guard_duration_the(ctx, m) -> bool:
    """"the past week" is a date (another rule); "the past weeks", "the past few days", "the
    next three months" are durations."""
    g = m.groupdict()
    if not g.get("n") and not g["u"].lower().endswith("s") and "few" not in g["rel"].lower():
        return False
    return True


def guard_ref(ctx, m) -> bool:
    """Not "as soon as", "soon after", "now-defunct"; "the past" and "the future" only after a
    preposition ("in the past")."""
    text, s, e = ctx.text, m.start(), m.end()
    after = text[e:e + 12]
    w = m.group("w").lower()
    if w == "soon":
        if re.search(r"\bas[ \t]+$", text[max(0, s - 4):s]) or \
                re.match(r"[ \t]+(?:after|afterwards|as)\b", after):
            return False
    if w == "now" and re.match(r"[-–]", text[e:e + 1]):
        return False
    if w == "the past":
        prev = ctx.prev_words(s, 1)
        if not prev or prev[-1] not in PAST_BEFORE:
            return False
    if w.endswith("future"):
        prev = ctx.prev_words(s, 1)
        if not prev or prev[-1] not in FUTURE_BEFORE:
            return False
    return True


# --------------------------------------------------------------------------------------------
# Resolvers: durations
# --------------------------------------------------------------------------------------------

def resolve_duration(ctx, c, anchor, mk, out):
    """"two weeks", "about 40 minutes", "two and a half years", "half an hour"."""
    g = c.m.groupdict()
    u = g["u"]
    mod = APPROX_MOD.get(" ".join((g.get("approx") or "").lower().split()))
    if g.get("half"):
        return mk("DURATION", duration(0.5, u), "duration", rel=False, mod=mod)
    n = num(g["n"])
    if n is not None and (g.get("half1") or g.get("half2")):
        n += 0.5
    return mk("DURATION", duration(n, u), "duration", rel=False, mod=mod)


def resolve_duration_adj(ctx, c, anchor, mk, out):
    """"a 5-1/2-year war", "a two-and-a-half-hour wait", "a month-long strike"."""
    g = c.m.groupdict()
    n = 1
    if g.get("n"):
        n = num(g["n"].replace("-and-a-half", " and a half").replace("-1/2", " 1/2"))
    return mk("DURATION", duration(n, g["u"]), "duration", rel=False)


def resolve_duration_the(ctx, c, anchor, mk, out):
    """"the past three months" (P3M), "the past few days", "the last weeks" (PXD, PXW)."""
    g = c.m.groupdict()
    u = g["u"]
    rel = g["rel"].lower()
    n = num(g["n"]) if g.get("n") else (None if "few" in rel or u.lower().endswith("s") else 1)
    if "few" in rel:
        n = None
    return mk("DURATION", duration(n, u), "duration", rel=False)


def resolve_duration_vague(ctx, c, anchor, mk, out):
    """"several years", "for months" (PXY, PXM)."""
    return mk("DURATION", duration(None, c.m.group("u")), "duration", rel=False)


# --------------------------------------------------------------------------------------------
# Resolvers: sets
# --------------------------------------------------------------------------------------------

def resolve_set_every(ctx, c, anchor, mk, out):
    """"every week" (P1W), "every other day" (P2D), "every three years" (P3Y)."""
    g = c.m.groupdict()
    other = (g.get("other") or "").lower()
    n = num(g["n"]) if g.get("n") else 1
    if other == "other":
        n = 2
    elif other in ("second", "third", "fourth"):
        n = ORDINALS[other]
    elif other in ("few", "couple of"):
        n = None if other == "few" else 2
    return mk("SET", duration(n, g["u"]), "set", rel=False)


def resolve_set_named(ctx, c, anchor, mk, out):
    """"every Friday (morning)", "each March", "every summer", "every weekend", "every night"."""
    g = c.m.groupdict()
    if g.get("wd"):
        pod = (g.get("pod") or "").lower()
        value = f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}" + (f"T{PARTS[pod]}" if pod else "")
        return mk("SET", value, "set", rel=False)
    if g.get("mon"):
        return mk("SET", f"XXXX-{MONTHS[g['mon'].lower()]:02d}", "set", rel=False)
    if g.get("s"):
        return mk("SET", f"XXXX-{SEASONS[g['s'].lower()]}", "set", rel=False)
    if g.get("we"):
        return mk("SET", "XXXX-WXX-WE", "set", rel=False)
    return mk("SET", f"XXXX-XX-XXT{PARTS[g['pod2'].lower()]}", "set", rel=False)


def resolve_set_freq(ctx, c, anchor, mk, out):
    """"twice a week", "three times a year": the period (P1W, P1Y)."""
    return mk("SET", duration(1, c.m.group("u")), "set", rel=False)


def resolve_set_adv(ctx, c, anchor, mk, out):
    """"daily", "twice weekly", "annually"."""
    return mk("SET", SET_ADVERBS[c.m.group("adv")], "set", rel=False)


def resolve_set_plural(ctx, c, anchor, mk, out):
    """"on Fridays" (XXXX-WXX-5)."""
    return mk("SET", f"XXXX-WXX-{WEEKDAYS[c.m.group('wd').lower()[:-1]]}", "set", rel=False)


# --------------------------------------------------------------------------------------------
# Resolvers: references
# --------------------------------------------------------------------------------------------

def resolve_ref(ctx, c, anchor, mk, out):
    """"now" (PRESENT_REF), "recently" (PAST_REF), "soon", "in the future" (FUTURE_REF)."""
    w = " ".join(c.m.group("w").lower().split())
    if w in PRESENT_WORDS:
        return mk("DATE", "PRESENT_REF", "ref", rel=False)
    if w in PAST_WORDS:
        return mk("DATE", "PAST_REF", "ref", rel=False)
    return mk("DATE", "FUTURE_REF", "ref", rel=False)
