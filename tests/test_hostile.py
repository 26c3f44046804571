"""Article text is untrusted: scripts, event handlers, javascript: links, Markdown, LaTeX and
Jupyter magics in an article stay inert text in the notebooks and in the HTML reports."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsbench as nb
from newsbench import report as rep

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile" / "hostile.txt"


class _Markup(HTMLParser):
    """Collects every element and attribute of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _elements(page: str):
    parser = _Markup()
    parser.feed(page)
    return parser.tags


def test_analysis_keeps_the_hostile_text_as_data():
    an = nb.analyze(HOSTILE, cache=False)
    assert any("<script>" in t for t in an.sentences["text"])
    for r in an.sentences.itertuples():
        assert an.text[r.start:r.end] == r.text


@pytest.mark.slow
def test_reports_render_hostile_text_inert(tmp_path):
    out = tmp_path / "reports"
    marker = Path.cwd() / "PWNED_MARKER_FILE"
    results = rep.run_report([nb.load_article(HOSTILE)], rep.available_notebooks(), {}, out,
                             jobs=2, progress=False)
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    pages = sorted((out / "hostile").glob("*.html")) + [out / "index.html"]
    assert len(pages) == len(results) + 1
    for page in pages:
        text = page.read_text()
        for tag, attrs in _elements(text):
            assert tag not in ("script", "iframe", "object", "embed"), (page.name, tag)
            assert not [a for a in attrs if a.startswith("on")], (page.name, tag, attrs)
            for key in ("href", "src"):
                value = (attrs.get(key) or "").strip().lower()
                assert not value.startswith("javascript:"), (page.name, tag, attrs)
            if tag == "img":
                assert (attrs.get("src") or "").startswith("data:image/"), (page.name, attrs)
            if tag == "a":
                assert not (attrs.get("href") or "").startswith("http"), (page.name, attrs)
        assert "Content-Security-Policy" in text
    sentiment = (out / "hostile" / "01-sentiment.html").read_text()
    assert "&lt;script&gt;alert(" in sentiment               # shown, escaped
    assert "**bold claims**" in sentiment                     # Markdown not rendered
    assert "$$\\frac{a}{b}$$" in sentiment                    # LaTeX not rendered (no MathJax)
    assert "<strong>bold claims</strong>" not in sentiment
    # the magics were never run, in any kernel
    assert not marker.exists() and not (Path(rep.notebooks_dir()) / "PWNED_MARKER_FILE").exists()
    executed = json.loads((out / "hostile" / "01-sentiment.ipynb").read_text())
    sources = "".join("".join(c["source"]) for c in executed["cells"])
    assert "!touch" not in sources  # the article path is injected, never its text
