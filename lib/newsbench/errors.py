"""One exception family for newsbench (after papermill's ``exceptions.py``).

Every message is one line that says what was wrong, where, and how to fix it. The CLI prints
``newsbench: error: <message>`` and exits with :attr:`NewsbenchError.exit_code`.
"""

from __future__ import annotations


class NewsbenchError(Exception):
    """Base class of every error newsbench raises on purpose."""

    exit_code = 2


class InputFileError(NewsbenchError, ValueError):
    """An article file is missing, empty, binary, undecodable or malformed."""


class ParameterError(NewsbenchError, ValueError):
    """A parameter (argument, option, notebook parameter) has a value that is not allowed."""


class ModelMissingError(NewsbenchError, RuntimeError):
    """A model or lexicon package is not installed, or is not the expected one."""


class LayerError(NewsbenchError, RuntimeError):
    """The pipeline's layers do not fit together (a required frame nothing assigns, a clash)."""


class ExecutorError(NewsbenchError, RuntimeError):
    """The executor could not run the work: a worker died or the cluster cannot be reached.

    (The work's own exceptions are raised as themselves, never wrapped in this.)
    """


class CacheError(NewsbenchError, OSError):
    """The cache or output folder cannot be used."""


def one_line(text: str) -> str:
    """Fold a message onto one line (error messages are read in terminals and logs)."""
    return " ".join(str(text).split())
