"""The report's nbconvert template, package data: no script ever reaches the page (not from the
template, not from a JavaScript, widget, HTML, SVG or Markdown output), the CSP is there, and
tables and SVG charts stay as they were."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell

import newsbench as nb
from newsbench import report as rep
from newsbench import report_html

SMALL = Path(__file__).resolve().parent / "data" / "articles" / "wire_dated.txt"
_RUN = {"article_id": "story", "title": "A story", "notebook": "00-overview", "parameters": {},
        "published": "2021-03-03", "published_from": "dateline", "versions": {}, "model": {},
        "kernel": "newsbench", "ran_at": "2026-01-01T00:00:00+00:00"}
#: What a script leaves in a page when it is only half removed (its text, a handler, a URL).
_TRACES = ("<script", "alert(", "onload", 'onerror="', "onclick", "javascript:", "<iframe",
           "<object", "<embed", "widget-state", "require.js", "mathjax")
TABLE = ('<table class="dataframe"><thead><tr><th>side</th><th>sentiment</th></tr></thead>'
         '<tbody><tr><td>most positive</td><td>0.8</td></tr></tbody></table>')
SVG = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
       '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
       '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
       'width="60" height="40" viewBox="0 0 60 40" onload="alert(1)">'
       '<style type="text/css">*{stroke-linejoin: round}</style>'
       '<defs><clipPath id="c"><rect x="0" y="0" width="60" height="40"/></clipPath></defs>'
       '<g clip-path="url(#c)"><path d="M 0 40 L 30 10 L 60 20" style="fill:none;stroke:#1f77b4"/>'
       '<text x="2" y="12">grain &amp; freight</text></g>'
       '<a xlink:href="javascript:alert(2)"><text>link</text></a>'
       '<script type="text/ecmascript">alert(3)</script></svg>')


def test_the_template_is_package_data():
    folder = resources.files("newsbench") / "templates" / report_html.TEMPLATE_NAME
    assert (folder / "index.html.j2").is_file()
    conf = json.loads((folder / "conf.json").read_text(encoding="utf-8"))
    assert conf["base_template"] == "lab"
    assert Path(str(folder)) == report_html.TEMPLATES / report_html.TEMPLATE_NAME
    exporter = report_html._exporter()
    assert exporter.template_name == report_html.TEMPLATE_NAME
    assert str(report_html.TEMPLATES) in exporter.extra_template_basedirs


def _hostile(tmp_path) -> Path:
    """An executed notebook with every kind of output that could carry a script."""
    cell = new_code_cell("show()")
    cell.outputs = [nbformat.from_dict(o) for o in [
        {"output_type": "display_data", "metadata": {},
         "data": {"application/javascript": "alert('js output')", "text/plain": "<js>"}},
        {"output_type": "display_data", "metadata": {},
         "data": {"application/vnd.jupyter.widget-view+json":
                  {"model_id": "m1", "version_major": 2, "version_minor": 0},
                  "text/plain": "Dropdown(options=('a', 'b'))"}},
        {"output_type": "display_data", "metadata": {},
         "data": {"text/html": f"<b>kept</b>{TABLE}<script>alert('html output')</script>"
                               '<img src="data:image/png;base64,AAAA" onerror="alert(4)">'
                               '<iframe src="https://example.org"></iframe>',
                  "text/plain": "kept"}},
        {"output_type": "display_data", "metadata": {},
         "data": {"image/svg+xml": SVG, "text/plain": "<chart: grain>"}},
        {"output_type": "display_data", "metadata": {},
         "data": {"text/markdown": "**bold** <script>alert('md output')</script>",
                  "text/plain": "md"}},
        {"output_type": "display_data", "metadata": {},
         "data": {"text/vnd.mermaid": "graph TD; A-->B; <img src=x onerror=go()>",
                  "text/plain": "mermaid"}},
        {"output_type": "stream", "name": "stdout", "text": "printed <script> as text\n"},
    ]]
    raw = new_raw_cell("<p>raw</p><script>alert('raw')</script>",
                       metadata={"raw_mimetype": "text/html"})
    md = new_markdown_cell("# Heading\n\nA [link](javascript:alert(6)) and "
                           "<script>alert('md cell')</script> $5 million")
    book = new_notebook(cells=[md, cell, raw])
    book.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {"m1": {"model_name": "DropdownModel"}}, "version_major": 2, "version_minor": 0}}
    path = tmp_path / "hostile.ipynb"
    nbformat.write(book, path)
    return path


def test_no_script_reaches_the_page_whatever_the_outputs(tmp_path):
    page = rep.render_html(_hostile(tmp_path), tmp_path / "hostile.html", run=_RUN).read_text()
    low = page.lower()
    assert not [t for t in _TRACES if t in low], [t for t in _TRACES if t in low]
    assert page.count('http-equiv="Content-Security-Policy"') == 1
    assert f'content="{rep.CSP}"' in page
    assert "<b>kept</b>" in page and "printed &lt;script&gt; as text" in page
    assert re.search(r"<th>side</th><th>sentiment</th>.*<td>most positive</td><td>0.8</td>",
                     page, re.S)                                  # the table as it was
    svg = re.search(r"<svg\b.*?</svg>", page, re.S).group(0)
    assert 'd="M 0 40 L 30 10 L 60 20"' in svg and "grain &amp; freight" in svg
    assert "clippath" in svg.lower() and "stroke-linejoin: round" in svg
    assert "<?xml" not in page and "DOCTYPE svg" not in page
    assert "<strong>bold</strong>" in page and "<h1" in page and "$5 million" in page
    assert "<p>raw</p>" in page
    assert "A--&gt;B; &lt;img src=x onerror=go()&gt;" in page    # Mermaid: its text, escaped
    assert "Dropdown(options" in page                       # a widget: its text, not its state
    assert "kernel newsbench" in page and "Notebook 00-overview" in page   # the banner


def test_the_page_keeps_its_stylesheet_and_banner(tmp_path):
    page = rep.render_html(_hostile(tmp_path), tmp_path / "p.html", run=_RUN).read_text()
    head = page[:page.index("</head>")]
    assert head.count("<style>") == 1 and report_html.REPORT_CSS.strip()[:40] in head
    assert "<title>00-overview · A story</title>" in head
    body = page[page.index("<body"):]
    assert body.index("A story") < body.index("<main")           # the banner above the cells


@pytest.mark.parametrize("given, kept, gone", [
    ("<b>ok</b><script>alert(1)</script>", "<b>ok</b>", "alert"),
    ("<SCRIPT SRC=x></SCRIPT>after", "after", "<script"),
    ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">', "onerror"),
    ('<a href=" java\tscript:alert(1)">x</a>', "<a>x</a>", "script:"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>", "avascript"),
    ('<a href="https://e.org/?a=1&amp;b=2">ok</a>', 'href="https://e.org/?a=1&amp;b=2"', "<script"),
    ("<svg><style>a>b{}</style><script>x()</script></svg>", "<style>a>b{}</style>", "x()"),
    ("<style>/* <script>alert(1)</script> */</style>", "<style>", "<script"),
    ("<a<script>alert(1)</script>x", "x", "<script"),
    ("<scriptx>y</scriptx>", "y", "<script"),
    ("<object data=x><p>in</p></object>out", "out", "in</p>"),
    ("<!-- <script>c()</script> -->text", "text", "c()"),
    ("1 < 2 <script", "1 &lt; 2 &lt;script", "<script"),
    ('<td title="&lt;script&gt;">v</td>', 'title="&lt;script&gt;"', "<script"),
])
def test_inert_html(given, kept, gone):
    got = report_html.inert_html(given)
    assert kept in got and gone not in got.lower(), got


@pytest.mark.slow
def test_a_run_with_javascript_widget_and_html_outputs_has_no_script(tmp_path, monkeypatch):
    from conftest import _notebook

    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "01-active.ipynb", "\n".join([
        "from IPython.display import HTML, Javascript, display",
        "import ipywidgets as widgets",
        "display(Javascript(\"document.title = 'js ran'\"))",
        "display(widgets.Dropdown(options=['a', 'b']))",
        "display(HTML('<p>html kept</p><script>document.title = 1</script>'))",
        "print('printed', size)"]))
    monkeypatch.setenv("NEWSBENCH_NOTEBOOKS", str(folder))
    out = tmp_path / "reports"
    [res] = rep.run_report([nb.load_article(SMALL)], rep.available_notebooks(folder), {"size": 1},
                           out, jobs=1, progress=False)
    assert res.ok, res.error
    executed = (out / "wire_dated" / "01-active.ipynb").read_text()
    assert "application/javascript" in executed and "widget-view+json" in executed
    page = (out / "wire_dated" / "01-active.html").read_text()
    assert "<script" not in page.lower() and "document.title" not in page
    assert "<p>html kept</p>" in page and "printed 1" in page
    assert f'content="{rep.CSP}"' in page
