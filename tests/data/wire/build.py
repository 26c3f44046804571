"""Build wire.jsonl from the marked-up sources in src/*.txt (standard library only).

Usage: python build.py      (writes wire.jsonl next to this file)

Source format (one or more articles per file; articles are numbered w001, w002 ... in
file order, files in name order):

    === <style> | <published ISO date or null>
    #key = Canonical entity name | LABEL
    headline (the first paragraph is the title)

    paragraph text with inline marks ...
    @1 | summary of event 1 | optional note

Metadata lines (never article text, allowed anywhere inside an article):
    #key = Canonical | LABEL [| tags]
                                 registry entry; key is [a-z][a-z0-9_]*; LABEL is one of
                                 PERSON ORG PLACE NORP OTHER; optional hard-case tags
                                 (see TAGS) are tallied by build.py, not written out
    @n [Tm] [rel] | summary | note
                                 details of event n: its clause is {En|...}, its date
                                 expression is {Tn|...} unless "Tm" names another one;
                                 "rel" sets day_level false; summary "-" means null.
Paragraphs are blocks separated by blank lines; lines inside a block are joined by "\\n"
(results tables). Paragraphs are joined by "\\n\\n".

Inline marks (braces never occur in article text); marks nest:
    {key|words}      entity mention of registry entry `key`
    {=L|words}       entity mention whose canonical name is the words themselves, with label
                     L = R(PERSON) O(ORG) P(PLACE) N(NORP) X(OTHER)
    {~why|words}     a span that looks like an entity but is not one (why: timezone, slug,
                     editing-note, picture-tag, unit, currency-code, separator, ticker ...)
    {%kind|words}    a furniture zone (slug, note, credit, tag): excluded from entity gold
    {Tn|words}       date/time expression n
    {En|words}       the clause that date expression n anchors
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
LABELS = {"PERSON", "ORG", "PLACE", "NORP", "OTHER"}
SHORT = {"R": "PERSON", "O": "ORG", "P": "PLACE", "N": "NORP", "X": "OTHER"}
# hard-case tags that may follow the label in a registry line (not written to wire.jsonl;
# build.py prints a tally so the README can cite it)
TAGS = {
    "orgplace": "organisation whose name is also a place (UN, White House, Chelsea, a stadium club)",
    "metonymy": "city, building or street standing for a government or institution (ORG)",
    "agency": "news agency or outlet that 'reported'",
    "club": "club named after its city, used as the subject of beat/drew/lost",
    "surnametown": "person whose surname is also a town or place",
    "firstnamecity": "person whose first name is also a city, state or country",
    "personrole": "person in a role that looks organisational (presenter, player, spokesperson)",
    "placeperson": "place named like a person (cemetery, square, street, stadium, airport)",
    "tvperson": "broadcaster or outlet named after a person",
    "nationalteam": "country name used for a national team (stays PLACE)",
}
HARD = {t: [] for t in TAGS}
KEY_RE = re.compile(r"[a-z][a-z0-9_]*$")
EVENT_RE = re.compile(r"@(\d+)((?:\s+\S+)*?)\s*\|(.*)$")


def die(msg):
    sys.exit(f"build.py: {msg}")


def parse_marked(body, where):
    out, stack, spans = [], [], []
    pos = 0  # length of output so far
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "{":
            j = body.find("|", i)
            if j < 0:
                die(f"{where}: mark without | at {i}")
            stack.append((body[i + 1:j], pos))
            i = j + 1
            continue
        if ch == "}":
            if not stack:
                die(f"{where}: unbalanced }} near {body[max(0, i - 40):i]!r}")
            header, start = stack.pop()
            spans.append((header, start, pos))
            i += 1
            continue
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        die(f"{where}: unclosed mark {stack}")
    return "".join(out), spans


def build_article(num, head, lines):
    aid = f"w{num:03d}"
    where = f"{aid} ({head.strip()})"
    try:
        style, published = [x.strip() for x in head.split("|")]
    except ValueError:
        die(f"{where}: bad header")
    published = None if published == "null" else published
    registry, event_meta, body_lines = {}, {}, []
    for ln in lines:
        if ln.startswith("#"):
            try:
                key, rest = ln[1:].split("=", 1)
                fields = [x.strip() for x in rest.split("|")]
                name, label = fields[0], fields[1]
                tags = fields[2].split() if len(fields) > 2 else []
            except (ValueError, IndexError):
                die(f"{where}: bad registry line {ln!r}")
            key = key.strip()
            if not KEY_RE.match(key) or label not in LABELS:
                die(f"{where}: bad registry key or label in {ln!r}")
            if key in registry:
                die(f"{where}: duplicate key {key}")
            registry[key] = (name, label)
            for t in tags:
                if t not in TAGS:
                    die(f"{where}: unknown tag {t!r} in {ln!r}")
                HARD[t].append((aid, name))
        elif ln.startswith("@"):
            m = EVENT_RE.match(ln)
            if not m:
                die(f"{where}: bad event line {ln!r}")
            n = int(m.group(1))
            flags = m.group(2).split()
            parts = [x.strip() for x in m.group(3).split("|")]
            summary = parts[0]
            note = parts[1] if len(parts) > 1 and parts[1] else None
            if len(parts) > 2:
                die(f"{where}: too many fields in {ln!r}")
            tref, day_level = n, True
            for f in flags:
                if f == "rel":
                    day_level = False
                elif re.fullmatch(r"T\d+", f):
                    tref = int(f[1:])
                else:
                    die(f"{where}: bad event flag {f!r}")
            if n in event_meta:
                die(f"{where}: duplicate event {n}")
            event_meta[n] = (tref, None if summary == "-" else summary, day_level, note)
        else:
            body_lines.append(ln.rstrip())
    paras, cur = [], []
    for ln in body_lines:
        if ln.strip() == "":
            if cur:
                paras.append("\n".join(cur))
                cur = []
        else:
            cur.append(ln)
    if cur:
        paras.append("\n".join(cur))
    if not paras:
        die(f"{where}: empty article")
    body = "\n\n".join(paras)
    text, spans = parse_marked(body, where)
    title_end = text.find("\n\n")
    title = text if title_end < 0 else text[:title_end]

    entities, not_entities, furniture = [], [], []
    timexes, clauses = {}, {}
    used_keys = set()
    for header, s, e in spans:
        words = text[s:e]
        if header.startswith("="):
            code = header[1:]
            if code not in SHORT:
                die(f"{where}: bad shorthand label {header!r}")
            entities.append({"start": s, "end": e, "text": words, "entity": words, "label": SHORT[code]})
        elif header.startswith("~"):
            not_entities.append({"start": s, "end": e, "text": words, "why": header[1:]})
        elif header.startswith("%"):
            furniture.append({"start": s, "end": e, "text": words, "kind": header[1:]})
        elif re.fullmatch(r"T\d+", header):
            n = int(header[1:])
            if n in timexes:
                die(f"{where}: duplicate timex {header}")
            timexes[n] = (s, e)
        elif re.fullmatch(r"E\d+", header):
            n = int(header[1:])
            if n in clauses:
                die(f"{where}: duplicate clause {header}")
            clauses[n] = (s, e)
        elif KEY_RE.match(header):
            if header not in registry:
                die(f"{where}: unknown entity key {header!r} on {words!r}")
            used_keys.add(header)
            name, label = registry[header]
            entities.append({"start": s, "end": e, "text": words, "entity": name, "label": label})
        else:
            die(f"{where}: unknown mark {header!r}")
    unused = set(registry) - used_keys
    if unused:
        die(f"{where}: registry keys never used: {sorted(unused)}")
    if set(clauses) != set(event_meta):
        die(f"{where}: clauses {sorted(clauses)} vs event lines {sorted(event_meta)}")
    events, used_t = [], set()
    for n, (tref, summary, day_level, note) in event_meta.items():
        if tref not in timexes:
            die(f"{where}: event {n} refers to missing timex T{tref}")
        used_t.add(tref)
        ts, te = timexes[tref]
        s, e = clauses[n]
        events.append({"timex_start": ts, "timex_end": te, "timex": text[ts:te],
                       "start": s, "end": e, "clause": text[s:e],
                       "summary": summary, "day_level": day_level, "note": note})
    if set(timexes) - used_t:
        die(f"{where}: timexes without event: {sorted(set(timexes) - used_t)}")
    entities.sort(key=lambda r: (r["start"], r["end"]))
    not_entities.sort(key=lambda r: r["start"])
    furniture.sort(key=lambda r: r["start"])
    events.sort(key=lambda r: (r["timex_start"], r["start"]))
    return {"id": aid, "style": style, "published": published, "title": title, "text": text,
            "entities": entities, "not_entities": not_entities, "events": events,
            "furniture": furniture}


def read_articles():
    arts = []
    for path in sorted((HERE / "src").glob("*.txt")):
        head, lines = None, []
        for ln in path.read_text(encoding="utf-8").splitlines():
            if ln.startswith("=== "):
                if head is not None:
                    arts.append((head, lines))
                head, lines = ln[4:], []
            elif head is not None:
                lines.append(ln)
            elif ln.strip() and not ln.startswith("//"):
                die(f"{path.name}: text before the first === header")
        if head is not None:
            arts.append((head, lines))
    return arts


def main():
    arts = read_articles()
    with open(HERE / "wire.jsonl", "w", encoding="utf-8") as fh:
        for n, (head, lines) in enumerate(arts, 1):
            fh.write(json.dumps(build_article(n, head, lines), ensure_ascii=False) + "\n")
    print(f"wrote {len(arts)} articles to wire.jsonl")
    print("hard-case tags (entities tagged in src, articles):")
    for t, rows in HARD.items():
        arts_t = sorted({a for a, _ in rows})
        print(f"  {t:<14} {len(rows):>3} entities in {len(arts_t):>2} articles")


if __name__ == "__main__":
    main()
