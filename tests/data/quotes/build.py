"""Build quotes.jsonl from the marked-up sources in src/*.txt (standard library only).

Source format (one or more articles per file):

    === <style> | <published ISO date or null>
    #KEY = Canonical speaker | PERSON|ORG|-
    paragraph text with inline marks ...

    next paragraph ...

Inline marks (braces never occur in article text):
    {s1|words}                 a speaker mention with id s1
    {c1|said}                  a cue with id c1
    {Q kind KEY sref src cref|quoted words}
        kind: d(irect) i(ndirect) m(ixed)
        KEY : registry key, '*' (= speaker is the words of sref, label null) or '-' (no speaker)
        sref: speaker-mention id or '-'
        src : n(amed) p(ronoun) d(escription) x (none)
        cref: cue id or '-'
Marks nest. Articles are numbered q001, q002 ... in file order.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
KINDS = {"d": "direct", "i": "indirect", "m": "mixed"}
SRCS = {"n": "named", "p": "pronoun", "d": "description", "x": "none"}


DETERMINERS = {"a", "an", "the", "two", "three", "four", "several", "some", "one", "many", "other", "another"}


def canon_description(words):
    """Description as written, with a sentence-initial determiner lowercased."""
    first = words.split(" ", 1)[0]
    if first.lower() in DETERMINERS:
        return first.lower() + words[len(first):]
    return words


def parse_marked(body, where):
    out = []
    stack = []
    spans = []  # (header, start, end)
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "{":
            j = body.index("|", i)
            stack.append((body[i + 1:j], len("".join(out)) if False else sum(map(len, out))))
            i = j + 1
            continue
        if ch == "}":
            if not stack:
                sys.exit(f"{where}: unbalanced }} at {i}")
            header, start = stack.pop()
            spans.append((header, start, sum(map(len, out))))
            i += 1
            continue
        out.append(ch)
        i += 1
    if stack:
        sys.exit(f"{where}: unclosed mark {stack}")
    return "".join(out), spans


def build_article(num, head, lines):
    where = f"article {num}"
    style, published = [x.strip() for x in head.split("|")]
    published = None if published == "null" else published
    registry = {}
    body_lines = []
    for ln in lines:
        if ln.startswith("#") and not body_lines:
            key, rest = ln[1:].split("=", 1)
            name, label = [x.strip() for x in rest.rsplit("|", 1)]
            registry[key.strip()] = (name, None if label == "-" else label)
        else:
            body_lines.append(ln.rstrip())
    # paragraphs: blocks separated by blank lines; lines inside a block joined by "\n"
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
    body = "\n\n".join(paras)
    text, spans = parse_marked(body, where)
    ids = {}
    quotes = []
    for header, s, e in spans:
        if header.startswith("Q "):
            quotes.append((header.split()[1:], s, e))
        else:
            if header in ids:
                sys.exit(f"{where}: duplicate id {header}")
            ids[header] = (s, e)
    used = set()
    recs = []
    for parts, s, e in sorted(quotes, key=lambda q: q[1]):
        if len(parts) != 5:
            sys.exit(f"{where}: bad quote header {parts}")
        kind, key, sref, src, cref = parts
        if sref != "-" and sref not in ids:
            sys.exit(f"{where}: unknown speaker ref {sref}")
        if cref != "-" and cref not in ids:
            sys.exit(f"{where}: unknown cue ref {cref}")
        used.update({sref, cref})
        ss, se = ids[sref] if sref != "-" else (None, None)
        cs, ce = ids[cref] if cref != "-" else (None, None)
        if key == "-":
            speaker, label = None, None
        elif key == "*":
            speaker, label = canon_description(text[ss:se]), None
        else:
            if key not in registry:
                sys.exit(f"{where}: unknown speaker key {key}")
            speaker, label = registry[key]
        recs.append({
            "start": s, "end": e, "quote": text[s:e], "kind": KINDS[kind],
            "speaker": speaker, "speaker_start": ss, "speaker_end": se,
            "speaker_source": SRCS[src], "speaker_label": label,
            "cue": text[cs:ce] if cs is not None else None, "cue_start": cs, "cue_end": ce,
        })
    unused = set(ids) - used
    if unused:
        sys.exit(f"{where}: unused ids {sorted(unused)}")
    return {"id": f"q{num:03d}", "style": style, "published": published, "text": text, "quotes": recs}


def main():
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
        if head is not None:
            arts.append((head, lines))
    with open(HERE / "quotes.jsonl", "w", encoding="utf-8") as fh:
        for n, (head, lines) in enumerate(arts, 1):
            fh.write(json.dumps(build_article(n, head, lines), ensure_ascii=False) + "\n")
    print(f"wrote {len(arts)} articles")


if __name__ == "__main__":
    main()
