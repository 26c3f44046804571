"""Validate tests/data/wire/wire.jsonl (standard library only).

Usage: python validate.py [path/to/wire.jsonl]
Prints counts by style, label, mention kind, event kind and not-entity reason;
exits 1 on any problem.
"""
import collections
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ART_KEYS = {"id", "style", "published", "title", "text", "entities", "not_entities", "events", "furniture"}
ENT_KEYS = {"start", "end", "text", "entity", "label"}
NOT_KEYS = {"start", "end", "text", "why"}
FURN_KEYS = {"start", "end", "text", "kind"}
EV_KEYS = {"timex_start", "timex_end", "timex", "start", "end", "clause", "summary", "day_level", "note"}
LABELS = {"PERSON", "ORG", "PLACE", "NORP", "OTHER"}
STYLES = {"markets", "football", "sports", "conflict", "diplomacy", "politics", "obituary", "brief", "digest"}
WHYS = {"timezone", "slug", "editing-note", "picture-tag", "unit", "currency", "currency-code", "title",
        "separator", "ticker", "label"}
FURNITURE = {"slug", "note", "credit", "tag"}
MIN_WORDS, MAX_WORDS = 80, 450
HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "President", "Governor",
              "Minister", "Senator", "Colonel", "Captain", "Lieutenant", "Coach", "Judge"}
MAX_SUMMARY = 12
PREPOSITIONS = {"on", "in", "at", "by", "since", "until", "till", "during", "from", "for", "of", "before", "after"}
NOTE_FEATURES = ("negation", "passive", "future", "modal", "metonymy", "pronoun", "relative clause", "nested")
QUALIFIER = re.compile(r"^(.*) \((PERSON|ORG|PLACE|NORP|OTHER)\)$")
STOP = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "del", "&"}
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
DATELINE = re.compile(r"^([A-Z][A-Z .'-]+)(?:, [A-Za-z .'-]+)?, "
                      r"(January|February|March|April|May|June|July|August|September|October|"
                      r"November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.? (\d{1,2}) \(", re.M)


def words(s):
    return re.findall(r"[\w'’-]+", s.lower())


def base_name(entity):
    m = QUALIFIER.match(entity)
    return (m.group(1), m.group(2)) if m else (entity, None)


def mention_kind(mention, canonical):
    """full | partial (subset of the canonical's words) | acronym | alias (anything else)."""
    if mention == canonical:
        return "full"
    if mention.lower() == canonical.lower():
        return "case"
    mw, cw = words(mention), words(canonical)
    if mw and all(w in cw for w in mw):
        return "partial"
    toks = re.findall(r"[\w'-]+", canonical)
    caps = "".join(ch for ch in mention if ch.isupper())
    if len(caps) >= 2 and mention.replace(".", "").isalpha():
        for i in range(len(toks)):  # allow a leading qualifier ("U.S.", "UN") to be dropped
            rest = toks[i:]
            for keep_stop in (False, True):
                ini = "".join(w[0] for w in rest if keep_stop or w.lower() not in STOP).upper()
                if caps == ini:
                    return "acronym"
    return "alias"


def span_ok(problems, where, text, rec, s_key="start", e_key="end", t_key="text"):
    s, e = rec.get(s_key), rec.get(e_key)
    if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool) or isinstance(e, bool):
        problems.append(f"{where}: {s_key}/{e_key} must be int")
        return False
    if not 0 <= s < e <= len(text):
        problems.append(f"{where}: offsets {s}-{e} outside text")
        return False
    if text[s:e] != rec.get(t_key):
        problems.append(f"{where}: text[{s}:{e}]={text[s:e]!r} != {rec.get(t_key)!r}")
        return False
    if text[s:e] != text[s:e].strip():
        problems.append(f"{where}: span {text[s:e]!r} has surrounding whitespace")
    if "\n\n" in text[s:e]:
        problems.append(f"{where}: span crosses a paragraph break")
    return True


def inside(a, zones):
    return any(z["start"] <= a["start"] and a["end"] <= z["end"] for z in zones)


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def main():
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "wire.jsonl"
    problems = []
    c = {k: collections.Counter() for k in
         ("style", "style_ment", "style_ev", "label", "ent_label", "mkind", "mkind_label", "why",
          "furn", "split", "split_ment", "split_ev", "ev", "evnote")}
    cross_labels = collections.defaultdict(set)
    wordcounts, n_art, ids = [], 0, []
    for ln_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"line {ln_no}"
        try:
            art = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: bad JSON: {exc}")
            continue
        if not isinstance(art, dict) or set(art) != ART_KEYS:
            problems.append(f"{where}: article keys must be {sorted(ART_KEYS)}")
            continue
        n_art += 1
        aid = art["id"]
        where = str(aid)
        ids.append(aid)
        if aid != f"w{n_art:03d}":
            problems.append(f"{where}: ids must run w001, w002 ... (expected w{n_art:03d})")
        style = art["style"]
        if style not in STYLES:
            problems.append(f"{where}: style {style!r} not in {sorted(STYLES)}")
        pub = None
        if art["published"] is not None:
            try:
                pub = datetime.date.fromisoformat(art["published"])
            except (TypeError, ValueError):
                problems.append(f"{where}: published must be an ISO date or null")
        text = art["text"]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: empty text")
            continue
        first_para = text.split("\n\n", 1)[0]
        if art["title"] != first_para:
            problems.append(f"{where}: title must be the first paragraph of text")
        wc = len(text.split())
        wordcounts.append(wc)
        if not MIN_WORDS <= wc <= MAX_WORDS:
            problems.append(f"{where}: {wc} words, outside {MIN_WORDS}-{MAX_WORDS}")
        for m in DATELINE.finditer(text):
            mon, day = MONTHS[m.group(2)[:3].lower()], int(m.group(3))
            if pub and (pub.month, pub.day) != (mon, day):
                problems.append(f"{where}: dateline {m.group(0)!r} does not match published {pub}")
        half = "held-out (odd)" if int(aid[1:]) % 2 else "development (even)"
        c["split"][half] += 1
        c["style"][style] += 1

        furniture = art["furniture"]
        for i, f in enumerate(furniture):
            fw = f"{where} furniture {i}"
            if set(f) != FURN_KEYS:
                problems.append(f"{fw}: keys must be {sorted(FURN_KEYS)}")
                continue
            span_ok(problems, fw, text, f)
            if f["kind"] not in FURNITURE:
                problems.append(f"{fw}: kind {f['kind']!r} not in {sorted(FURNITURE)}")
            c["furn"][f["kind"]] += 1

        ents = art["entities"]
        canon_labels = collections.defaultdict(set)
        good = []
        for i, e in enumerate(ents):
            ew = f"{where} entity {i} {e.get('text')!r}"
            if set(e) != ENT_KEYS:
                problems.append(f"{ew}: keys must be {sorted(ENT_KEYS)}")
                continue
            if not span_ok(problems, ew, text, e):
                continue
            good.append(e)
            if e["label"] not in LABELS:
                problems.append(f"{ew}: label {e['label']!r} not allowed")
            t = e["text"]
            if not (t[0].isupper() or t[0].isdigit()):
                problems.append(f"{ew}: mention does not start with a capital or digit")
            if t.split(" ", 1)[0].rstrip(".") in HONORIFICS and len(t.split()) > 1:
                problems.append(f"{ew}: titles and honorifics belong outside the span")
            if t.lower().startswith("the ") and not e["entity"].startswith("The "):
                problems.append(f"{ew}: leading 'the' belongs outside the span")
            abbrev = t.endswith(".") and re.fullmatch(r"(?:[A-Za-z]{1,3}\.)+|.*\b(?:Inc|Co|Ltd|Corp|St|Jr)\.", t)
            if t.endswith(("'s", "’s")) or (t[-1] in ".,;:!?\"'" and not abbrev):
                problems.append(f"{ew}: trailing possessive or punctuation in span")
            if inside(e, furniture):
                problems.append(f"{ew}: entity inside a furniture zone")
            canon_labels[e["entity"]].add(e["label"])
        for a, b in zip(good, good[1:]):
            if overlaps(a, b):
                problems.append(f"{where}: entities {a['text']!r} and {b['text']!r} overlap")
        bases = collections.defaultdict(set)
        for name, labs in canon_labels.items():
            if len(labs) > 1:
                problems.append(f"{where}: entity {name!r} has several labels {sorted(labs)}")
            base, qual = base_name(name)
            bases[base].add(name)
            if qual is not None and qual not in labs:
                problems.append(f"{where}: qualifier of {name!r} differs from its label {sorted(labs)}")
            if base.lower() not in text.lower():
                problems.append(f"{where}: canonical {base!r} does not occur in the text")
            for lab in labs:
                cross_labels[base].add(lab)
        for base, names in bases.items():
            if len(names) == 1 and base_name(next(iter(names)))[1] is not None:
                problems.append(f"{where}: qualifier on {next(iter(names))!r} is unneeded (no namesake)")
            if len(names) > 1 and any(base_name(n)[1] is None for n in names):
                problems.append(f"{where}: namesakes {sorted(names)} must all carry a qualifier")
        for e in good:
            base = base_name(e["entity"])[0]
            kind = mention_kind(e["text"], base)
            c["mkind"][kind] += 1
            c["mkind_label"][(kind, e["label"])] += 1
            c["label"][e["label"]] += 1
        for name, labs in canon_labels.items():
            c["ent_label"][next(iter(labs))] += 1
        c["style_ment"][style] += len(good)
        c["split_ment"][half] += len(good)

        for i, n in enumerate(art["not_entities"]):
            nw = f"{where} not_entity {i} {n.get('text')!r}"
            if set(n) != NOT_KEYS:
                problems.append(f"{nw}: keys must be {sorted(NOT_KEYS)}")
                continue
            if not span_ok(problems, nw, text, n):
                continue
            if n["why"] not in WHYS:
                problems.append(f"{nw}: why {n['why']!r} not in {sorted(WHYS)}")
            if any(overlaps(n, e) for e in good):
                problems.append(f"{nw}: overlaps an entity")
            c["why"][n["why"]] += 1

        seen_t = set()
        for i, ev in enumerate(art["events"]):
            vw = f"{where} event {i} {ev.get('timex')!r}"
            if set(ev) != EV_KEYS:
                problems.append(f"{vw}: keys must be {sorted(EV_KEYS)}")
                continue
            ok1 = span_ok(problems, vw + " timex", text, ev, "timex_start", "timex_end", "timex")
            ok2 = span_ok(problems, vw + " clause", text, ev, "start", "end", "clause")
            if not (ok1 and ok2):
                continue
            if not (ev["start"] <= ev["timex_start"] and ev["timex_end"] <= ev["end"]):
                problems.append(f"{vw}: timex lies outside its clause")
            if (ev["timex_start"], ev["timex_end"]) in seen_t:
                problems.append(f"{vw}: timex used by two events")
            seen_t.add((ev["timex_start"], ev["timex_end"]))
            first = ev["timex"].split(" ", 1)[0].lower()
            if first in PREPOSITIONS:
                problems.append(f"{vw}: timex starts with the preposition {first!r}; leave it outside")
            tz = {"start": ev["timex_start"], "end": ev["timex_end"]}
            if inside(tz, furniture):
                problems.append(f"{vw}: timex inside furniture")
            if ev["clause"].endswith("."):
                problems.append(f"{vw}: clause span should not include the final full stop")
            if not isinstance(ev["day_level"], bool):
                problems.append(f"{vw}: day_level must be true or false")
            s = ev["summary"]
            if s is None:
                if not ev["note"]:
                    problems.append(f"{vw}: null summary needs a note")
                c["ev"]["summary null"] += 1
            else:
                if not isinstance(s, str) or not s.strip():
                    problems.append(f"{vw}: summary must be a non-empty string or null")
                    continue
                if len(s.split()) > MAX_SUMMARY:
                    problems.append(f"{vw}: summary has {len(s.split())} words (> {MAX_SUMMARY})")
                if s.endswith("."):
                    problems.append(f"{vw}: summary should not end with a full stop")
                c["ev"]["summary given"] += 1
            c["ev"]["day_level true" if ev["day_level"] else "day_level false"] += 1
            for feat in NOTE_FEATURES:
                if ev["note"] and feat in ev["note"]:
                    c["evnote"][feat] += 1
            if ev["note"] is not None and not (isinstance(ev["note"], str) and ev["note"].strip()):
                problems.append(f"{vw}: note must be a non-empty string or null")
        c["style_ev"][style] += len(art["events"])
        c["split_ev"][half] += len(art["events"])

    n_ment = sum(c["label"].values())
    n_ev = sum(c["style_ev"].values())
    print(f"articles: {n_art}  entity mentions: {n_ment}  entities: {sum(c['ent_label'].values())}  "
          f"events: {n_ev}  not-entities: {sum(c['why'].values())}  furniture zones: {sum(c['furn'].values())}")
    print(f"words/article: {min(wordcounts, default=0)}-{max(wordcounts, default=0)} "
          f"(mean {sum(wordcounts) // max(1, len(wordcounts))})")
    print("style (articles / mentions / events):")
    for k in sorted(c["style"]):
        print(f"  {k:<10} {c['style'][k]:>3} / {c['style_ment'][k]:>4} / {c['style_ev'][k]:>3}")
    print("split (articles / mentions / events):")
    for k in sorted(c["split"]):
        print(f"  {k:<18} {c['split'][k]:>3} / {c['split_ment'][k]:>4} / {c['split_ev'][k]:>3}")
    print("label (mentions / distinct entities):")
    for k, v in c["label"].most_common():
        print(f"  {k:<7} {v:>4} / {c['ent_label'][k]:>4}")
    print("mention vs canonical name (full, case, partial = surname/short form, acronym, alias = nickname etc.):")
    for k, v in c["mkind"].most_common():
        by = ", ".join(f"{lab} {n}" for (kk, lab), n in sorted(c["mkind_label"].items()) if kk == k)
        print(f"  {k:<8} {v:>4}  ({by})")
    print("events:")
    for k, v in sorted(c["ev"].items()):
        print(f"  {k:<15} {v:>4}")
    print("events whose note flags a feature (negation, passive, future ... kept):")
    for k in NOTE_FEATURES:
        print(f"  {k:<15} {c['evnote'][k]:>4}")
    print("not-entities by reason:")
    for k, v in c["why"].most_common():
        print(f"  {k:<14} {v:>4}")
    print("furniture zones by kind:")
    for k, v in c["furn"].most_common():
        print(f"  {k:<6} {v:>4}")
    multi = sorted(b for b, labs in cross_labels.items() if len(labs) > 1)
    print(f"names with different labels in different articles ({len(multi)}): {', '.join(multi)}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
