"""Cell constructors shared by the notebook specs in tools/notebooks/.

The ``parameters`` cell and the check cell after it are generated from the parameter registry
(:mod:`newsbench.params`), so the notebooks, ``newsbench report`` and its ``--list-params``
can never disagree about a parameter.
"""

import textwrap

from nbformat.v4 import new_code_cell, new_markdown_cell

from newsbench.params import SEED, notebook_params

__all__ = ["SEED", "check_cell", "code", "md", "params_cell"]


def params_cell(notebook: str):
    """The one cell tagged ``parameters``: a ``name: type = default  # help`` line for each
    parameter the registry declares for ``notebook``."""
    cell = new_code_cell("\n".join(p.line() for p in notebook_params(notebook)))
    cell.metadata["tags"] = ["parameters"]
    return cell


def _wrap_assign(names: list[str], values: list[str]) -> str:
    if len(names) == 1:
        return f"{names[0]} = {values[0]}"
    left = textwrap.fill(", ".join(names), width=96, break_on_hyphens=False,
                         subsequent_indent="    ")
    right = textwrap.fill(", ".join(values), width=96, break_on_hyphens=False,
                          initial_indent="    ", subsequent_indent="    ")
    return f"({left}) = (\n{right})" if "\n" in left else f"{left} = (\n{right})"


def check_cell(notebook: str, imports: str):
    """The cell after the parameters: imports, warnings shown as short notes, then every
    parameter checked through the registry (one clear error before any work), each bound to
    its checked value."""
    declared = notebook_params(notebook)
    names = [p.binds or p.name for p in declared]
    article = "article" if any(p.name == "article" for p in declared) else ""
    src = "\n".join([
        "# Check the parameters before any work is done (their rules: newsbench.params).",
        textwrap.dedent(imports).strip(),
        "",
        f"nbk.warnings_as_notes({article})  # a warning shows as a short note, not a stderr box",
        "nbk.display_defaults()",
        f'checked = nbk.check_params("{notebook}", globals())',
        _wrap_assign(names, [f"checked.{n}" for n in names]),
    ])
    return new_code_cell(src)


def md(src: str):
    return new_markdown_cell(textwrap.dedent(src).strip())


def code(src: str):
    return new_code_cell(textwrap.dedent(src).strip())
