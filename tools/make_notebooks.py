"""Write the notebooks from their cell sources (kept here so the notebooks stay clean in git).

Run ``python tools/make_notebooks.py`` after editing; the notebooks carry no outputs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent.parent / "notebooks"
SEED = "seeds/000_d47dbbe6e72bd05c.txt"


def params(src: str):
    cell = new_code_cell(src.strip())
    cell.metadata["tags"] = ["parameters"]
    return cell


def md(src: str):
    return new_markdown_cell(src.strip())


def code(src: str):
    return new_code_cell(src.strip())


NOTEBOOKS = {
    "00-overview.ipynb": [
        md("""
# Article overview
The article as newsbench reads it: its metadata, its paragraphs with their roles (title,
standfirst, caption, dateline, body) and its sentences, each with character offsets into the
article text, so every number below points back to the exact words.
"""),
        params(f'''
article: str = "{SEED}"  # article file (.txt, .md, .json, .html), relative to the project folder
published: str = ""  # publication date YYYY-MM-DD; empty = from the metadata of the article
window: int = 3  # sentences in the rolling mean of the sentiment arc
'''),
        code("""
# Check the parameters before any work is done.
import newsbench as nb
from newsbench import charts, notebook as nbk

art = nbk.article_param(article, published=published)
window = nbk.int_param("window", window, minimum=1, maximum=50)
"""),
        code("""
an = nb.analyze(art)
print(an.summary())
"""),
        md("## Paragraphs and their roles"),
        code("""
an.paragraphs[["para_id", "role", "start", "end", "n_sentences", "text"]]
"""),
        md("## Sentences"),
        code("""
an.sentences[["sent_id", "para_id", "role", "start", "end", "sentiment", "text"]]
"""),
        md("""
## Sentiment arc
How to read it: each bar is one sentence's score (-1 very negative, +1 very positive); the
line is a rolling mean; shaded sentences are the title, standfirst, captions and dateline.
"""),
        code("""
charts.show(charts.sentiment_arc(an.sentences, window=window))
"""),
    ],
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        for i, c in enumerate(nb.cells):
            c["id"] = f"{Path(name).stem[:2]}-{i:02d}"
        nbformat.write(nb, HERE / name)
        print("wrote", HERE / name)


if __name__ == "__main__":
    main()
