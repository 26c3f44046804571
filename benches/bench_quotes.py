"""Benchmark: newsbench's quotations layer against textacy's ``direct_quotations`` on the
labelled quotation set.

Run from the project folder, in the test environment::

    python benches/bench_quotes.py                 # both halves, a table each
    python benches/bench_quotes.py --split dev     # dev | heldout | all (the whole set as one)
    python benches/bench_quotes.py --errors        # also list newsbench's DEV failures
    python benches/bench_quotes.py --write         # and write benches/results/quotes.md

Data: ``tests/data/quotes/quotes.jsonl`` (one article a line, conventions in its README). Odd
ids (q001, q003, ...) are the held-out half, even ids the development half. Held-out failures
are never listed, only their aggregate.

Systems, on the same articles in the same run:

* **newsbench**: ``newsbench.analyze_text(text, published=..., article_id=..., cache=False)``,
  its ``quotes`` frame (``start``, ``end``, ``kind``, ``speaker``).
* **textacy** 0.13.0: ``textacy.extract.triples.direct_quotations(doc)`` on the same spaCy
  pipeline newsbench uses (``newsbench.get_nlp()``), run **per paragraph** (paragraphs are
  separated by a blank line) because it gives up on a text with an odd number of quotation
  marks; a paragraph it gives up on yields nothing (counted in the results). Token offsets are
  mapped back to the article (paragraph offset + ``token.idx``). Its content span includes the
  two quotation marks; the span scored is the text between them (the gold convention). Every
  quotation it finds is ``direct``. Its speaker is the text of its speaker tokens as given,
  joined by spaces (a pronoun stays a pronoun, "baker" stays "baker": that is what its user gets).

Scoring:

* A predicted quotation **matches** a gold one when their character ranges overlap with
  Jaccard (intersection / union of the two ranges) >= 0.5. Each gold and each prediction is
  matched at most once: all pairs at or above the threshold are taken greedily, best Jaccard
  first (ties: earlier gold, then earlier prediction), so the result is deterministic.
* **Extraction** precision, recall and F1, matched within a kind group: **direct** (gold
  ``direct`` against predicted ``direct``), **indirect** (gold ``indirect`` + ``mixed`` against
  predicted ``indirect`` + ``mixed``) and **all** (any kind against any kind).
* **Speaker accuracy** (matched): over the gold quotations matched in the "all" matching whose
  gold ``speaker`` is not null, the share whose predicted speaker is right. Right means equal
  after folding (NFKD without accents, case-folded, curly apostrophes straightened, spaces
  collapsed, outer punctuation and one leading "the"/"a"/"an" removed) or, when the gold
  ``speaker_label`` is PERSON, the same last word (the surname). **Named speaker accuracy**
  (matched) is the same over gold ``speaker_source == "named"`` alone (the figure public
  benchmarks give). **Named end to end** is the named-source gold quotations matched with the
  right speaker over all named-source gold quotations.
* Speed: newsbench's whole ``analyze_text`` (parse and every layer, not just quotations)
  against textacy's parse of the paragraphs plus its extraction, alternating, median of
  ``--rounds`` rounds, given as a ratio.

Every quality figure has two decimals; "n/a" where the denominator is zero.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "quotes" / "quotes.jsonl"
RESULTS = ROOT / "benches" / "results" / "quotes.md"
COMMAND = "python benches/bench_quotes.py --write"
THRESHOLD = 0.5

DIRECT = frozenset({"direct"})
INDIRECT = frozenset({"indirect", "mixed"})
GROUPS = {"direct": DIRECT, "indirect": INDIRECT, "all": None}
HALF_NAMES = {"dev": "dev", "heldout": "held-out", "all": "all"}


# -- data --------------------------------------------------------------------------------------

def load_gold(path: Path = GOLD) -> list[dict]:
    """The articles, each with ``half`` set to ``dev`` (even id) or ``heldout`` (odd id)."""
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            row = json.loads(raw)
            row["half"] = "dev" if int(re.sub(r"\D", "", row["id"])) % 2 == 0 else "heldout"
            rows.append(row)
    return rows


def paragraphs(text: str):
    """``(offset, paragraph)`` for each paragraph of ``text`` (separated by a blank line)."""
    pos = 0
    for para in text.split("\n\n"):
        yield pos, para
        pos += len(para) + 2


# -- scoring -----------------------------------------------------------------------------------

def jaccard(a: dict, b: dict) -> float:
    """Intersection over union of two character ranges ``[start, end)``."""
    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if inter <= 0:
        return 0.0
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return inter / union if union else 0.0


def match(gold: list[dict], pred: list[dict], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``: Jaccard >= ``threshold``, greedy,
    best overlap first (ties: earlier gold, then earlier prediction)."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            j = jaccard(g, p)
            if j >= threshold and j > 0:
                cands.append((-j, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _in(group, kind) -> bool:
    return group is None or kind in group


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall, F1 (None where a denominator is zero; F1 0 when nothing matched)."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if n_pred or n_gold else None)
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "p": p, "r": r, "f1": f1}


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def fold(name) -> str:
    """A speaker as compared: no accents, case-folded, one leading the/a/an removed."""
    if name is None:
        return ""
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").casefold()
    s = " ".join(s.split())
    s = s.strip(" \t\n.,;:!?\"'()[]")
    return _LEADING_ARTICLE.sub("", s, count=1)


def speaker_right(gold_speaker, gold_label, pred_speaker) -> bool:
    """Equal after :func:`fold`; for a PERSON also when the last words (surnames) are equal."""
    g, p = fold(gold_speaker), fold(pred_speaker)
    if not g or not p:
        return False
    if g == p:
        return True
    return gold_label == "PERSON" and g.split()[-1] == p.split()[-1]


def _missing(x) -> bool:
    if x is None:
        return True
    try:
        return bool(x != x)          # NaN
    except (TypeError, ValueError):  # pd.NA
        return True


def score(articles: list[dict], predictions: list[list[dict]]) -> dict:
    """Every figure for one system over ``articles`` (``predictions`` in the same order)."""
    out = {}
    for name, group in GROUPS.items():
        tp = n_pred = n_gold = 0
        for art, pred in zip(articles, predictions):
            g = [q for q in art["quotes"] if _in(group, q["kind"])]
            p = [q for q in pred if _in(group, q["kind"])]
            tp += len(match(g, p))
            n_pred += len(p)
            n_gold += len(g)
        out[name] = prf(tp, n_pred, n_gold)
    with_speaker = right = named = named_right = named_gold = 0
    for art, pred in zip(articles, predictions):
        gold = art["quotes"]
        named_gold += sum(q["speaker_source"] == "named" and not _missing(q["speaker"]) for q in gold)
        for gi, pi in match(gold, pred):
            g = gold[gi]
            if _missing(g["speaker"]):
                continue
            ok = speaker_right(g["speaker"], g.get("speaker_label"), pred[pi].get("speaker"))
            with_speaker += 1
            right += ok
            if g["speaker_source"] == "named":
                named += 1
                named_right += ok
    out["speaker"] = {"n": with_speaker, "right": right,
                      "acc": right / with_speaker if with_speaker else None}
    out["named"] = {"n": named, "right": named_right, "acc": named_right / named if named else None,
                    "gold": named_gold, "e2e": named_right / named_gold if named_gold else None}
    return out


# -- systems: each gives, per article, a list of dicts with start, end, kind, speaker -------------

def newsbench_predict(art: dict) -> list[dict]:
    import newsbench as nb

    an = nb.analyze_text(art["text"], published=art.get("published"), article_id=art["id"],
                         cache=False)
    rows = []
    for r in an.quotes.itertuples(index=False):
        rows.append({"start": int(r.start), "end": int(r.end), "kind": str(r.kind),
                     "speaker": None if _missing(r.speaker) else str(r.speaker),
                     "speaker_source": None if _missing(r.speaker_source) else str(r.speaker_source)})
    return rows


class Textacy:
    """textacy's ``direct_quotations`` per paragraph, offsets mapped back to the article."""

    def __init__(self):
        import newsbench as nb
        from textacy.extract.triples import direct_quotations

        self.nlp = nb.get_nlp()
        self.extract = direct_quotations
        self.gave_up = 0       # paragraphs with an odd number of quotation marks
        self.paragraphs = 0

    def __call__(self, art: dict) -> list[dict]:
        rows = []
        for off, para in paragraphs(art["text"]):
            if not para.strip():
                continue
            self.paragraphs += 1
            doc = self.nlp(para)
            try:
                triples = list(self.extract(doc))
            except ValueError:
                self.gave_up += 1
                continue
            for t in triples:
                content = t.content
                first, last = content[0], content[-1]
                start = first.idx + len(first.text) if first.is_quote else first.idx
                end = last.idx if last.is_quote else last.idx + len(last.text)
                while start < end and para[start].isspace():
                    start += 1
                while end > start and para[end - 1].isspace():
                    end -= 1
                speaker = sorted(t.speaker, key=lambda tok: tok.i)
                rows.append({
                    "start": off + start, "end": off + end, "kind": "direct",
                    "speaker": " ".join(tok.text for tok in speaker),
                    "speaker_start": off + speaker[0].idx,
                    "speaker_end": off + speaker[-1].idx + len(speaker[-1].text),
                    "cue": " ".join(tok.text for tok in sorted(t.cue, key=lambda tok: tok.i)),
                })
        return rows


# -- running -----------------------------------------------------------------------------------

def run(articles: list[dict], rounds: int = 3):
    """Predictions of both systems and their median times, alternating the order per round."""
    tx = Textacy()
    warm = {"id": "warm", "published": "2023-05-14",
            "text": "Warm-up\n\n\u201cWe will win,\u201d she said in Paris on Monday."}
    newsbench_predict(warm)
    tx(warm)
    systems = {"newsbench": newsbench_predict, "textacy": tx}
    preds = {k: None for k in systems}
    times = {k: [] for k in systems}
    for rnd in range(max(1, rounds)):
        order = list(systems) if rnd % 2 == 0 else list(systems)[::-1]
        for name in order:
            if name == "textacy":
                tx.gave_up = tx.paragraphs = 0
            t0 = time.perf_counter()
            out = [systems[name](a) for a in articles]
            times[name].append(time.perf_counter() - t0)
            if preds[name] is None:
                preds[name] = out
    return preds, {k: statistics.median(v) for k, v in times.items()}, tx


def _f(x) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def quality_table(results: dict) -> str:
    head = ("| system | direct P | direct R | direct F1 | indirect P | indirect R | indirect F1 | "
            "all P | all R | all F1 | speaker acc. (matched) | named speaker acc. (matched) | "
            "named end to end |")
    rows = [head, "|" + "---|" * 13]
    for system, r in results.items():
        d, i, a = r["direct"], r["indirect"], r["all"]
        rows.append(f"| {system} | {_f(d['p'])} | {_f(d['r'])} | {_f(d['f1'])} | {_f(i['p'])} | "
                    f"{_f(i['r'])} | {_f(i['f1'])} | {_f(a['p'])} | {_f(a['r'])} | {_f(a['f1'])} | "
                    f"{_f(r['speaker']['acc'])} | {_f(r['named']['acc'])} | {_f(r['named']['e2e'])} |")
    return "\n".join(rows)


def count_table(results: dict) -> str:
    head = ("| system | gold direct | gold indirect+mixed | predicted direct | predicted indirect+mixed | "
            "matched direct | matched indirect | matched all | matched with a gold speaker | "
            "right speaker | matched named | right named / named gold |")
    rows = [head, "|" + "---|" * 12]
    for system, r in results.items():
        d, i, a = r["direct"], r["indirect"], r["all"]
        rows.append(f"| {system} | {d['gold']} | {i['gold']} | {d['pred']} | {i['pred']} | {d['tp']} | "
                    f"{i['tp']} | {a['tp']} | {r['speaker']['n']} | {r['speaker']['right']} | "
                    f"{r['named']['n']} | {r['named']['right']} / {r['named']['gold']} |")
    return "\n".join(rows)


def failures(articles: list[dict], predictions: list[list[dict]]) -> list[str]:
    """Readable failures, for the development half only."""
    out = []
    for art, pred in zip(articles, predictions):
        assert art["half"] == "dev", "held-out failures are never listed"
        gold, text = art["quotes"], art["text"]
        pairs = match(gold, pred)
        hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
        msgs = []
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            kind_ok = (g["kind"] == "direct") == (p["kind"] == "direct")
            spk_ok = _missing(g["speaker"]) or speaker_right(g["speaker"], g.get("speaker_label"),
                                                             p.get("speaker"))
            if not (kind_ok and spk_ok):
                msgs.append(f"  gold {g['kind']} {g['speaker']!r} {g['quote'][:60]!r} | got "
                            f"{p['kind']} {p.get('speaker')!r} {text[p['start']:p['end']][:60]!r}")
        for gi, g in enumerate(gold):
            if gi not in hit_g:
                msgs.append(f"  MISSED {g['kind']} {g['speaker']!r} {g['quote'][:70]!r}")
        for pi, p in enumerate(pred):
            if pi not in hit_p:
                msgs.append(f"  SPURIOUS {p['kind']} {p.get('speaker')!r} "
                            f"{text[p['start']:p['end']][:70]!r}")
        if msgs:
            out.append(f"{art['id']} ({art['style']})\n" + "\n".join(msgs))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], action="append",
                    help="which half (repeatable); default: dev and heldout, a table each")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds (median); default 3")
    ap.add_argument("--errors", action="store_true", help="list newsbench's failures on the DEV half")
    ap.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    articles = load_gold()
    splits = args.split or ["dev", "heldout"]
    wanted = [a for a in articles if "all" in splits or a["half"] in splits]
    preds, times, tx = run(wanted, rounds=args.rounds)
    by_id = {a["id"]: i for i, a in enumerate(wanted)}
    sections = []
    results_by_split = {}
    for split in splits:
        arts = [a for a in wanted if split == "all" or a["half"] == split]
        idx = [by_id[a["id"]] for a in arts]
        results = {name: score(arts, [p[i] for i in idx]) for name, p in preds.items()}
        results_by_split[split] = (arts, results)
        sections.append(f"### {HALF_NAMES[split]} ({len(arts)} articles, "
                        f"{sum(len(a['quotes']) for a in arts)} gold quotations)\n\n"
                        f"{quality_table(results)}\n\nCounts:\n\n{count_table(results)}")
    n_nb = sum(len(p) for p in preds["newsbench"])
    notes = []
    if n_nb == 0:
        notes.append("newsbench's `quotes` frame was empty on every article: the quotations "
                     "layer has not landed yet, so its row is all zeros.")
    notes.append(f"textacy gave up on {tx.gave_up} of {tx.paragraphs} paragraphs (an odd number of "
                 "quotation marks: unbalanced marks, quotes running over paragraphs, apostrophes "
                 "read as marks).")
    ratio = times["newsbench"] / times["textacy"] if times["textacy"] else float("nan")
    speed = (f"Time over the {len(wanted)} articles (median of {max(1, args.rounds)} rounds, "
             f"alternating): newsbench `analyze_text` / textacy parse + `direct_quotations` = "
             f"{ratio:.2f} (newsbench runs every layer, not only quotations).")
    report = "\n\n".join(sections + notes + [speed])
    print(report)
    if args.errors:
        if "dev" in results_by_split or "all" in results_by_split:
            dev = [a for a in wanted if a["half"] == "dev"]
            print("\nnewsbench failures on the DEV half:\n")
            print("\n".join(failures(dev, [preds["newsbench"][by_id[a["id"]]] for a in dev])))
    if args.write:
        write_results(report, articles)
    return 0


def write_results(report: str, articles: list[dict]) -> None:
    import datetime as dt
    import platform
    from importlib.metadata import version

    import newsbench

    info = newsbench.model_info()
    n_q = sum(len(a["quotes"]) for a in articles)
    text = f"""# Quotations benchmark

Command (from the project folder, in the test environment): `{COMMAND}`

Gold set: `tests/data/quotes/quotes.jsonl` ({len(articles)} original articles, {n_q} quotations;
annotation guide in `tests/data/quotes/README.md`). Odd ids are the held-out half, even ids the
development half; held-out failures are never listed.

Systems, on the same articles in the same run:

* **newsbench**: `newsbench.analyze_text(text, published=..., article_id=..., cache=False).quotes`.
* **textacy** {version("textacy")}: `textacy.extract.triples.direct_quotations(doc)` on
  `{info.name}` {info.version} (spaCy {info.spacy_version}, the pipeline newsbench uses), run per
  paragraph because it gives up on a text with an odd number of quotation marks; offsets mapped
  back to the article; its content span without the two marks (the gold convention); its
  speaker is the text of its speaker tokens as given (a pronoun stays a pronoun). It finds only
  direct quotations, so its indirect row is empty by design.

Scoring: a prediction matches a gold quotation when their character ranges have Jaccard
(intersection / union) >= {THRESHOLD}, one-to-one, greedy, best overlap first. Extraction
P/R/F1 is matched within a kind group: direct against direct, indirect+mixed against
indirect+mixed, and any against any ("all"). Speaker accuracy is over the gold quotations
matched in "all" that have a gold speaker: right when equal after folding (accents, case,
outer punctuation, one leading "the"/"a"/"an"), or for a gold PERSON when the last words (the
surnames) agree. "named" restricts it to gold `speaker_source == "named"` (the figure public
benchmarks give); "named end to end" is named-source gold quotations matched with the right
speaker / all named-source gold quotations. "n/a": nothing to divide by. The surname rule is
lenient: it credits the wrong one of two same-surname people (the set has six such pairs).

Run {dt.date.today().isoformat()} on {platform.machine()} / Python {platform.python_version()}, with the
quotations layer as it was in the work tree then; speed indicative only.

{report}
"""
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
