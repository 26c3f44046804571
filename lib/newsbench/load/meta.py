"""Metadata as YAML: front matter, sidecars (``NAME.meta.yaml``) and parameter files.

Metadata is untrusted: the YAML loader is PyYAML's safe one, with no aliases (``*name``: a
353-byte "billion laughs" file expands to a billion strings), nesting held to
:data:`MAX_DEPTH` and numbers held to Python's digit limit, each refused as a YAML error at its
line; the fields newsbench reads (:data:`META_KEYS`) must have their type."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from ..errors import InputFileError

SIDECAR_SUFFIX = ".meta.yaml"
META_KEYS = ("title", "published", "source", "url", "author", "language", "standfirst")
#: The fields read as text: a number or a list there is refused (YAML reads ``title: 1984``
#: as a number: it must be quoted).
TEXT_KEYS = ("title", "source", "url", "author", "language", "standfirst")
#: Deepest nesting of lists and mappings in metadata (real metadata is one or two deep).
MAX_DEPTH = 50
ALIAS_FIX = "YAML aliases are not allowed in metadata; write the values out"


@functools.lru_cache(maxsize=None)
def _yaml_errors():
    import yaml

    class UnsafeYAMLError(yaml.composer.ComposerError):
        """An alias, nesting deeper than :data:`MAX_DEPTH`, or a number too long to read."""

    return UnsafeYAMLError


@functools.lru_cache(maxsize=None)
def _yaml_loader():
    """A safe YAML loader that leaves dates as strings (we check them ourselves, with a clear
    message, instead of PyYAML failing on 2016-02-30), and refuses aliases, deep nesting and
    numbers of thousands of digits with a :class:`yaml.YAMLError` at their line (a
    ``problem`` saying what and how to fix it)."""
    import yaml

    unsafe = _yaml_errors()

    class Loader(yaml.SafeLoader):
        _depth = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise unsafe(None, None, f"{ALIAS_FIX} (alias *{event.anchor})", event.start_mark)
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    raise unsafe(None, None, f"nested more than {MAX_DEPTH} deep; metadata is "
                                 f"'key: value' lines", self.peek_event().start_mark)
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

        def construct_yaml_int(self, node):
            try:
                return super().construct_yaml_int(node)
            except ValueError:  # over Python's 4300-digit limit for int(str)
                raise unsafe(None, None, f"a number of {len(node.value)} digits; put it in "
                             f"quotes if it is text", node.start_mark) from None

    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def load_yaml(text: str, *, where: str, what: str = "the metadata's syntax", first_line: int = 1):
    """YAML text to Python values with :func:`_yaml_loader`.

    Args:
        where: the file, for messages.
        what: what to fix, for messages (``the parameters file's syntax``).
        first_line: the file's line number of the text's first line (front matter: 2).

    Raises:
        InputFileError: unreadable YAML (with its line), an alias, nesting too deep, or a
            number too long (each with the fix).
    """
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader())
    except _yaml_errors() as exc:
        mark = exc.problem_mark
        raise InputFileError(f"{where} line {mark.line + first_line}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + first_line}" if mark is not None else ""
        raise InputFileError(f"{where}: unreadable YAML{at}; fix {what}") from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH stops nesting first
        raise InputFileError(f"{where}: YAML nested too deep; metadata is 'key: value' lines") from None


def _read_yaml(text: str, *, where: str, first_line: int = 1) -> dict:
    """The ``key: value`` mapping of YAML metadata (see :func:`load_yaml`); ``{}`` when empty.

    Raises:
        InputFileError: as :func:`load_yaml`, or not a mapping.
    """
    data = load_yaml(text, where=where, first_line=first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputFileError(f"{where}: metadata must be 'key: value' lines, not a {type(data).__name__}")
    return data


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def check_types(key: str, value, *, where: str, style: str = "yaml") -> None:
    """Refuse a field newsbench reads whose value has the wrong type.

    ``published`` must be one date (a string; a number is left to the date check, which
    names it); the text fields (:data:`TEXT_KEYS`) must be strings (an ``author`` may be a
    list of strings). ``style`` (``yaml``, ``json``): how the fix writes the value as text.

    Raises:
        InputFileError: naming the field, what it holds and the fix.
    """
    if key == "published":
        if isinstance(value, (list, tuple, dict)):
            example = '"published": "2020-03-13"' if style == "json" else "published: 2020-03-13"
            raise InputFileError(f"{where}: 'published' must be one date, got {_kind(value)}; "
                                 f"write it as YYYY-MM-DD (e.g. {example})")
        return
    if key not in TEXT_KEYS or isinstance(value, str):
        return
    if key == "author" and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return
    shown = repr(value) if isinstance(value, (bool, int, float)) else None
    written = f'"{key}": "{value}"' if style == "json" else f'{key}: "{value}"'
    fix = f"put it in quotes ({written})" if shown is not None else "give one string"
    raise InputFileError(f"{where}: '{key}' must be text, got {_kind(value)}"
                         f"{f' ({shown})' if shown else ''}; {fix}")


def clean_meta(raw: dict, *, where: str | None = None, style: str = "yaml") -> dict:
    """Keys lower-cased, ``date`` read as ``published``, only scalar values, strings stripped.

    With ``where`` (the file, for messages), the fields newsbench reads are checked first
    (:func:`check_types`); a mapping with a ``name`` (NewsAPI's ``source``) is that name; an
    ``author`` list becomes one string, names joined by ``, ``.

    Raises:
        InputFileError: with ``where``, a field of the wrong type.
    """
    out = {}
    for key, value in raw.items():
        key = str(key).strip().lower()
        if key == "date" and "published" not in raw:
            key = "published"
        if value is None:
            continue
        if where is not None and key in META_KEYS:
            if isinstance(value, dict) and isinstance(value.get("name") or value.get("title"), str):
                value = value.get("name") or value.get("title")  # NewsAPI's {"id": .., "name": ..}
            check_types(key, value, where=where, style=style)
            if key == "author" and isinstance(value, (list, tuple)):
                value = ", ".join(v.strip() for v in value if v.strip()) or None
                if value is None:
                    continue
        if isinstance(value, (dt.date, dt.datetime)):
            out[key] = value
        elif isinstance(value, (str, int, float, bool)):
            out[key] = value.strip() if isinstance(value, str) else value
    return out


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> tuple[dict, object]:
    """The metadata beside ``path`` (every article of the file gets it) and its ``columns``
    mapping (``{text: story, title: hed}`` or ``text=story,title=hed``) when it has one.

    Raises:
        InputFileError: the sidecar is not a regular file, cannot be read, is not YAML
            mappings, or a field has the wrong type.
    """
    from .article import decode
    from .textio import read_bytes, regular_file

    sidecar = sidecar_path(path)
    where = str(sidecar)
    if not regular_file(sidecar, where, missing_ok=True):
        return {}, None
    raw = _read_yaml(decode(read_bytes(sidecar, where), where=where), where=where)
    columns = raw.pop("columns", None)
    if columns is not None and not isinstance(columns, (dict, str)):
        raise InputFileError(f"{where}: 'columns' must map fields to column names, e.g. "
                             f"'columns: {{text: story, title: hed}}'")
    return clean_meta(raw, where=where), columns
