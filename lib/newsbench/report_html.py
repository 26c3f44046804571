"""The HTML of reports: an nbconvert template of our own (the Content-Security-Policy, a small
stylesheet, no script, MathJax or widget state), the banner with the run's parameters and
notes, and the index of every report in the output folder."""

from __future__ import annotations

import html
import json
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

from .fsutil import atomic_write

_OWN_NAMES = re.compile(r"^(index\.html|run\.json|corpus(-.*)?\.(html|ipynb|failed\.ipynb|json))$",
                        re.I)


def is_report_name(name: str) -> bool:
    """True for a name the report itself uses in its output folder (``index.html``,
    ``corpus.html``, ``corpus.json``, ``run.json``, a hidden name, its lock and staging)."""
    return not name or name.startswith(".") or bool(_OWN_NAMES.match(name))


#: No script, no remote resource: the report is inert and self-contained.
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
       "base-uri 'none'; form-action 'none'")

#: The report's stylesheet, in place of JupyterLab's (about 260 KB in every page): what the
#: cells of a report use (text, tables, charts), nothing of the editor.
REPORT_CSS = """
body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;background:#fff}
main{max-width:1100px;margin:0 auto;padding:8px 16px 32px}
.jp-Cell{margin:0 0 6px}
.jp-Collapser,.jp-InputPrompt,.jp-OutputPrompt,a.anchor-link{display:none}
h1{font-size:1.6em;margin:.8em 0 .4em}h2{font-size:1.3em;margin:1.2em 0 .4em}
h3{font-size:1.1em;margin:1em 0 .3em}
p{margin:0 0 .8em}
code,pre{font-family:SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12.5px}
code{background:#f3f3f3;padding:0 3px;border-radius:3px}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.jp-RenderedText pre{padding:4px 0}
.jp-OutputArea-output{overflow-x:auto;margin:2px 0}
img,svg{max-width:100%;height:auto}
table{border-collapse:collapse;border:none;font-size:12.5px;margin:0 0 1em}
thead{border-bottom:1px solid #bbb;vertical-align:bottom}
th,td{border:none;padding:.35em .6em;text-align:right;vertical-align:middle}
th{font-weight:bold}
tbody tr:nth-child(even){background:#f5f5f5}
tbody tr:hover{background:#e8f0fb}
.jp-RenderedMarkdown th,.jp-RenderedMarkdown td{text-align:left}
@media print{main{max-width:none}}
"""

#: The nbconvert template of the report page, package data: ``templates/newsbench_report/``
#: (its ``conf.json`` names nbconvert's ``lab`` template as its base).
TEMPLATE_NAME = "newsbench_report"
TEMPLATES = Path(__file__).resolve().parent / "templates"

_local = threading.local()


def _exporter():
    """One HTML exporter per thread (building one loads its templates: costly, and not shared
    across threads)."""
    exporter = getattr(_local, "exporter", None)
    if exporter is None:
        from nbconvert import HTMLExporter
        from traitlets.config import Config

        # the lab template's pygments stylesheet is for code cells, hidden in a report
        config = Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}})
        exporter = HTMLExporter(config=config, template_name=TEMPLATE_NAME,
                                extra_template_basedirs=[str(TEMPLATES)],
                                filters={"inert_html": inert_html})
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        _local.exporter = exporter
    return exporter


def render_html(ipynb: Path, target: Path, *, run: dict | None = None) -> Path:
    """Export an executed notebook to HTML with the code hidden, charts inline, no script
    and a Content-Security-Policy that forbids scripts and remote loads.

    The template (:data:`TEMPLATE_NAME`) writes no script of its own and leaves out
    JavaScript and widget outputs; the HTML, SVG and Markdown of the cells pass
    :func:`inert_html`. The notes the notebook recorded (its warnings) go into the run
    banner, not the body."""
    import nbformat

    book = nbformat.read(str(ipynb), as_version=4)
    notes = _take_notes(book)
    book.metadata.pop("widgets", None)
    banner = _run_banner(run, notes) if run else _notes_line(notes)
    title = (f'{run.get("notebook")} · {run.get("title") or run.get("article_id")}' if run
             else ipynb.stem)
    resources = {"newsbench": {"csp": CSP, "css": REPORT_CSS, "banner": banner, "title": title}}
    body, _ = _exporter().from_notebook_node(book, resources=resources)
    atomic_write(target, body)
    return target


def _take_notes(book) -> list[str]:
    """Take the notes out of an executed notebook's outputs, in order, once each: the outputs
    :func:`newsbench.notebook.warnings_as_notes` marked, and any warning on stderr (its path
    left out); other stderr is dropped from the report."""
    from .notebook import NOTE_KEY, short_note

    notes: list[str] = []
    for cell in book.cells:
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            note = (out.get("metadata") or {}).get(NOTE_KEY, {})
            if isinstance(note, dict) and note.get("note"):
                notes.append(str(note["note"]))
                continue
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                notes += [short_note(m) for m in _WARNING_LINE.findall(out.get("text", ""))]
                continue
            kept.append(out)
        cell["outputs"] = kept
    return list(dict.fromkeys(n for n in notes if n))


# --- inert HTML ------------------------------------------------------------------------------

#: Elements left out with everything in them: they run code or embed another document.
DROPPED_ELEMENTS = frozenset({"script", "iframe", "object", "applet", "frameset", "noscript",
                              "template", "portal"})
#: Empty elements left out: they load or run something, or change what the page's links mean.
DROPPED_EMPTY = frozenset({"embed", "frame", "base", "meta", "link", "param"})
#: URL schemes that run code.
_CODE_URL = re.compile(r"^\s*(javascript|vbscript|livescript)\s*:", re.I)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9:_.-]*$")
_ATTR_NAME = re.compile(r"^[A-Za-z_:][A-Za-z0-9:_.-]*$")
def inert_html(text) -> str:
    """HTML (or an inline SVG) with nothing in it that can run: no ``script`` element (nor
    ``iframe``, ``object``, ``embed``, ...), no event handler attribute (``onload=``), no
    ``javascript:`` URL, no comment, XML prolog or DOCTYPE. Tables, styles and SVG charts stay
    as they were.

    Every tag is written anew from the parsed one and all text is escaped, so the page holds
    only the tags kept here (a tag the parser did not see cannot reach the browser)."""
    parser = _Inert()
    parser.feed(str(text or ""))
    parser.close()
    return "".join(parser.out)


class _Inert(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []  # the dropped elements open around this point
        self.in_style = False

    def _tag(self, tag: str, attrs, close: str) -> None:
        if not _NAME.match(tag) or tag.startswith("script"):
            return
        kept = []
        for key, value in attrs:
            if not _ATTR_NAME.match(key) or key.startswith("on") or (
                    value and _CODE_URL.match("".join(ch for ch in value if ch.isprintable()))):
                continue
            kept.append(key if value is None else f'{key}="{html.escape(value, quote=True)}"')
        self.out.append(f"<{tag}{''.join(' ' + a for a in kept)}{close}")

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED_ELEMENTS:
            self.skipping.append(tag)
        if self.skipping or tag in DROPPED_EMPTY:
            return
        self.in_style = tag == "style"
        self._tag(tag, attrs, ">")

    def handle_startendtag(self, tag, attrs):
        if not self.skipping and tag not in DROPPED_ELEMENTS | DROPPED_EMPTY:
            self._tag(tag, attrs, " />")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in DROPPED_ELEMENTS | DROPPED_EMPTY or tag.startswith("script") \
                or not _NAME.match(tag):
            return
        self.in_style = False
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skipping:
            return
        if self.in_style:  # raw CSS (in an SVG a "<" there would open a tag)
            self.out.append(data.replace("<", "\\3c "))
        else:
            self.out.append(html.escape(data, quote=False))

    def unknown_decl(self, data):  # <![CDATA[...]]>: its text
        if not self.skipping and data.startswith("CDATA["):
            self.out.append(html.escape(data[len("CDATA["):], quote=False))

    # comments, <!DOCTYPE ...> and <?xml ...?> are left out: nothing handles them


#: A warning as Python prints it on stderr: ``path:line: SomeWarning: message``.
_WARNING_LINE = re.compile(r"^\S.*?:\d+: \w*Warning: (.+)$", re.M)


#: The banner lists this many notes, then counts the rest.
NOTES_SHOWN = 5


def _notes_line(notes: list[str]) -> str:
    """The notes as one line of the banner (escaped), or nothing."""
    if not notes:
        return ""
    shown = [html.escape(n) for n in notes[:NOTES_SHOWN]]
    if len(notes) > NOTES_SHOWN:
        shown.append(f"and {len(notes) - NOTES_SHOWN} more (in the executed notebook beside "
                     "this page)")
    return ('<div class="nb-notes" style="margin-top:4px;color:#6b4e00">'
            f'<b>Note{"s" if len(notes) > 1 else ""}:</b> ' + " · ".join(shown) + "</div>")


def _run_banner(run: dict, notes: list[str] = ()) -> str:
    e = html.escape
    params = ", ".join(f"{k} = {v!r}" for k, v in sorted(run.get("parameters", {}).items())) or "defaults"
    model = run.get("model") or {}
    vers = run.get("versions", {})
    published = run.get("published") or "unknown (relative dates left unresolved)"
    return (
        '<div style="font:13px/1.5 sans-serif;border-bottom:1px solid #ccc;padding:8px 16px;'
        'background:#f6f6f6;color:#333">'
        f'<b>{e(str(run.get("title") or run.get("article_id")))}</b><br>'
        + (f'Notebook {e(run["notebook"])} · {int(run["corpus"])} articles read together, each '
           'with its own publication date<br>' if run.get("corpus") else
           f'Notebook {e(run["notebook"])} · article {e(run["article_id"])} · published {e(str(published))}'
           f' (from {e(str(run.get("published_from") or "nowhere"))})<br>')
        + f'Parameters: {e(params)}<br>'
        f'newsbench {e(vers.get("newsbench", "?"))}, pipeline {e(vers.get("pipeline", "?"))}, '
        f'spaCy {e(vers.get("spacy", "?"))} with {e(str(model.get("name", "?")))} {e(str(model.get("version", "")))}, '
        f'NLTK {e(vers.get("nltk", "?"))}'
        + (f' · kernel {e(str(run["kernel"]))}' if run.get("kernel") else "")
        + f' · ran {e(run["ran_at"])}'
        + _notes_line(list(notes)) + "</div>"
    )


def _status(run: dict) -> str:
    """Nothing for a report that ran, else what failed (escaped)."""
    if run.get("ok"):
        return ""
    return ' <span style="color:#b00">failed: ' + html.escape(str(run.get("error", ""))) + "</span>"


def _corpus_rows(out: Path) -> list[str]:
    """The index rows of the corpus reports (``corpus*.json``), first in the index."""
    e = html.escape
    rows = []
    for rec_file in sorted(out.glob("corpus*.json")):
        try:
            rec = json.loads(rec_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # not a record (a folder, unreadable): not in the index
            continue
        if not isinstance(rec, dict):
            continue
        status = _status(rec)
        link = (f'<a href="{e(rec["html"])}">{e(str(rec.get("notebook")))}</a>' if rec.get("html")
                else e(str(rec.get("notebook"))))
        rows.append("<tr>"
                    f"<td><b>The corpus</b><br><small>{int(rec.get('articles') or 0)} articles read together</small></td>"
                    "<td>all dates</td>"
                    f"<td>{link} <small>({float(rec.get('seconds') or 0):.1f} s)</small>{status}</td>"
                    f"<td><small>{e(str(rec.get('ran_at', '')))}</small></td>"
                    "</tr>")
    return rows


def write_index(out: Path) -> Path:
    """``index.html`` linking every article's reports, from the ``run.json`` files in ``out``."""
    e = html.escape
    rows = []
    for run_file in sorted(out.glob("*/run.json")):
        try:
            run = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(run, dict) or is_report_name(run_file.parent.name):
            continue
        aid = run_file.parent.name
        links = []
        for name, nb in sorted(run.get("notebooks", {}).items()):
            status = _status(nb)
            if nb.get("html"):
                links.append(f'<a href="{e(aid)}/{e(nb["html"])}">{e(name)}</a> '
                             f'<small>({nb.get("seconds", 0):.1f} s)</small>{status}')
            else:
                links.append(f"{e(name)}{status}")
        rows.append(
            "<tr>"
            f"<td><b>{e(str(run.get('title') or aid))}</b><br><small>{e(aid)} · {e(str(run.get('source') or ''))}</small></td>"
            f"<td>{e(str(run.get('published') or 'unknown'))}</td>"
            f"<td>{'<br>'.join(links)}</td>"
            f"<td><small>{e(str(run.get('ran_at', '')))}</small></td>"
            "</tr>"
        )
    rows = _corpus_rows(out) + rows
    body = "\n".join(rows) or '<tr><td colspan="4">No reports yet.</td></tr>'
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsbench reports</title>
<style>body{{font:15px/1.5 sans-serif;margin:1em;color:#222}}table{{border-collapse:collapse;width:100%}}
td,th{{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top}}
@media (max-width:600px){{td,th{{display:block}}}}</style></head>
<body><h1>newsbench reports</h1>
<table><thead><tr><th>Article</th><th>Published</th><th>Reports (run time)</th><th>Ran</th></tr></thead>
<tbody>
{body}
</tbody></table></body></html>
"""
    target = out / "index.html"
    atomic_write(target, page)
    return target
