"""Cell constructors shared by the notebook specs in tools/notebooks/."""

import textwrap

from nbformat.v4 import new_code_cell, new_markdown_cell

#: The default article of every notebook (relative to the project folder).
SEED = "seeds/000_d47dbbe6e72bd05c.txt"


def params(src: str):
    """The one cell tagged ``parameters``: ``name: type = default  # help`` lines."""
    cell = new_code_cell(textwrap.dedent(src).strip())
    cell.metadata["tags"] = ["parameters"]
    return cell


def md(src: str):
    return new_markdown_cell(textwrap.dedent(src).strip())


def code(src: str):
    return new_code_cell(textwrap.dedent(src).strip())
