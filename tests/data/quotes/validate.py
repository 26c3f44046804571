"""Validate tests/data/quotes/quotes.jsonl (standard library only).

Usage: python validate.py [path/to/quotes.jsonl]
Prints counts per kind, speaker_source, speaker_label and style; exits 1 on any problem.
"""
import collections
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ART_KEYS = {"id", "style", "published", "text", "quotes"}
Q_KEYS = {"start", "end", "quote", "kind", "speaker", "speaker_start", "speaker_end",
          "speaker_source", "speaker_label", "cue", "cue_start", "cue_end"}
KINDS = {"direct", "indirect", "mixed"}
SOURCES = {"named", "pronoun", "description", "none"}
LABELS = {"PERSON", "ORG", None}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "i", "we", "his", "hers"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "the", "a", "an"}
OPEN_MARKS = "“‘\"'«„"
EDGE_MARKS = "“”\""  # a direct quote never starts or ends with these
MIN_WORDS, MAX_WORDS = 120, 700


def words(s):
    return re.findall(r"[\w'’.-]+", s.lower())


def check_offsets(problems, where, text, start, end, label):
    if start is None and end is None:
        return False
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        problems.append(f"{where}: {label} offsets must both be int or both null")
        return False
    if not (0 <= start < end <= len(text)):
        problems.append(f"{where}: {label} offsets {start}-{end} outside text")
        return False
    return True


def check_quote(problems, where, text, q):
    if set(q) != Q_KEYS:
        problems.append(f"{where}: keys {sorted(set(q) ^ Q_KEYS)} wrong")
        return
    s, e = q["start"], q["end"]
    if not check_offsets(problems, where, text, s, e, "quote"):
        problems.append(f"{where}: quote needs offsets")
        return
    if text[s:e] != q["quote"]:
        problems.append(f"{where}: text[{s}:{e}] != quote ({text[s:e]!r} vs {q['quote']!r})")
    if q["quote"] != q["quote"].strip():
        problems.append(f"{where}: quote has leading/trailing whitespace")
    if q["kind"] not in KINDS:
        problems.append(f"{where}: bad kind {q['kind']!r}")
    if q["speaker_source"] not in SOURCES:
        problems.append(f"{where}: bad speaker_source {q['speaker_source']!r}")
    if q["speaker_label"] not in LABELS:
        problems.append(f"{where}: bad speaker_label {q['speaker_label']!r}")
    if q["kind"] == "direct":
        if q["quote"][0] in EDGE_MARKS or q["quote"][-1] in EDGE_MARKS:
            problems.append(f"{where}: direct quote span includes quotation marks")
        before = text[s - 1] if s > 0 else ""
        colon_intro = q["cue"] == ":" and q["cue_end"] is not None and text[q["cue_end"]:s].strip() == ""
        if before not in OPEN_MARKS and not colon_intro:
            problems.append(f"{where}: direct quote not preceded by an opening mark")
    if q["kind"] == "indirect" and q["quote"].endswith("."):
        problems.append(f"{where}: indirect span should not include the final full stop")
    # speaker
    sp, src, lab = q["speaker"], q["speaker_source"], q["speaker_label"]
    has_sp = check_offsets(problems, where, text, q["speaker_start"], q["speaker_end"], "speaker")
    if sp is None:
        if src != "none" or lab is not None or has_sp:
            problems.append(f"{where}: null speaker needs source none, null label, null offsets")
    else:
        if not isinstance(sp, str) or not sp.strip():
            problems.append(f"{where}: speaker must be a non-empty string or null")
            return
        if src == "none":
            problems.append(f"{where}: speaker given but source is none")
        if sp.lower() not in text.lower():
            problems.append(f"{where}: speaker {sp!r} does not occur in the text")
        if src in ("named",) and lab is None:
            problems.append(f"{where}: named speaker needs a label")
        if src == "description" and lab is None and has_sp is False and False:
            pass
    if has_sp:
        ss, se = q["speaker_start"], q["speaker_end"]
        span = text[ss:se]
        if span != span.strip():
            problems.append(f"{where}: speaker span has surrounding whitespace")
        if ss < e and s < se:
            problems.append(f"{where}: speaker span overlaps quote span")
        if src == "named":
            missing = [w for w in words(span) if w not in HONORIFICS and w not in words(sp)]
            initials = "".join(w[0] for w in sp.split() if w[:1].isupper())
            if missing and span.strip("()") != initials:
                problems.append(f"{where}: named speaker span {span!r} has words {missing} not in {sp!r}")
        elif src == "pronoun":
            if span.lower() not in PRONOUNS:
                problems.append(f"{where}: pronoun span {span!r} is not a pronoun")
        elif src == "description":
            # a first (indefinite) mention of an unnamed source is its own canonical form
            indefinite = span.lower().split()[0] in ("a", "an")
            if lab is None and indefinite and sp.lower() != span.lower():
                problems.append(f"{where}: description speaker {sp!r} differs from its indefinite span {span!r}")
    # cue
    cue = q["cue"]
    has_cue = check_offsets(problems, where, text, q["cue_start"], q["cue_end"], "cue")
    if cue is None:
        if has_cue:
            problems.append(f"{where}: cue offsets without cue")
    else:
        if not has_cue:
            problems.append(f"{where}: cue without offsets")
        elif text[q["cue_start"]:q["cue_end"]] != cue:
            problems.append(f"{where}: cue {cue!r} != text {text[q['cue_start']:q['cue_end']]!r}")
        elif q["cue_start"] < e and s < q["cue_end"]:
            problems.append(f"{where}: cue overlaps quote span")


def main():
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "quotes.jsonl"
    problems = []
    ids = set()
    n_art = 0
    per_kind, per_src, per_lab, per_style, q_style = (collections.Counter() for _ in range(5))
    split_art, split_q = collections.Counter(), collections.Counter()
    wordcounts = []
    for ln_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"line {ln_no}"
        if not line.strip():
            problems.append(f"{where}: blank line")
            continue
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
        where = f"{aid}"
        if not isinstance(aid, str) or not re.fullmatch(r"q\d{3}", aid):
            problems.append(f"{where}: bad id")
        if aid in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(aid)
        if not isinstance(art["style"], str) or not art["style"]:
            problems.append(f"{where}: bad style")
        if art["published"] is not None:
            try:
                datetime.date.fromisoformat(art["published"])
            except (TypeError, ValueError):
                problems.append(f"{where}: published must be an ISO date or null")
        text = art["text"]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: empty text")
            continue
        wc = len(text.split())
        wordcounts.append(wc)
        if not MIN_WORDS <= wc <= MAX_WORDS:
            problems.append(f"{where}: {wc} words, outside {MIN_WORDS}-{MAX_WORDS}")
        if not isinstance(art["quotes"], list):
            problems.append(f"{where}: quotes must be a list")
            continue
        spans = []
        for i, q in enumerate(art["quotes"]):
            qw = f"{aid} quote {i}"
            if not isinstance(q, dict):
                problems.append(f"{qw}: not an object")
                continue
            check_quote(problems, qw, text, q)
            if isinstance(q.get("start"), int) and isinstance(q.get("end"), int):
                spans.append((q["start"], q["end"]))
            per_kind[q.get("kind")] += 1
            per_src[q.get("speaker_source")] += 1
            per_lab[str(q.get("speaker_label"))] += 1
            q_style[art["style"]] += 1
        spans.sort()
        for (a, b), (c, d) in zip(spans, spans[1:]):
            if c < b:
                problems.append(f"{aid}: quote spans {a}-{b} and {c}-{d} overlap")
        per_style[art["style"]] += 1
        half = "held-out (odd)" if isinstance(aid, str) and aid[1:].isdigit() and int(aid[1:]) % 2 else "development (even)"
        split_art[half] += 1
        split_q[half] += len(art["quotes"])
    total = sum(per_kind.values())
    print(f"articles: {n_art}  quotations: {total}  words/article: "
          f"{min(wordcounts, default=0)}-{max(wordcounts, default=0)} (mean {sum(wordcounts) // max(1, len(wordcounts))})")
    for title, counter in (("kind", per_kind), ("speaker_source", per_src), ("speaker_label", per_lab)):
        print(f"{title}:")
        for k, v in counter.most_common():
            print(f"  {k:<14} {v:>4}  ({100 * v / max(1, total):.0f}%)")
    print("style (articles / quotations):")
    for k, v in sorted(per_style.items()):
        print(f"  {k:<18} {v:>3} / {q_style[k]:>3}")
    print("split (articles / quotations):")
    for k in sorted(split_art):
        print(f"  {k:<18} {split_art[k]:>3} / {split_q[k]:>3}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
