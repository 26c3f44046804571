"""Metadata as YAML: front matter, sidecars (``NAME.meta.yaml``) and parameter files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import InputFileError

SIDECAR_SUFFIX = ".meta.yaml"
META_KEYS = ("title", "published", "source", "url", "author", "language", "standfirst")


def _yaml_loader():
    """A safe YAML loader that leaves dates as strings (we check them ourselves, with a clear
    message, instead of PyYAML failing on 2016-02-30)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _read_yaml(text: str, *, where: str) -> dict:
    import yaml

    try:
        data = yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputFileError(f"{where}: unreadable YAML{at}; fix the metadata's syntax") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputFileError(f"{where}: metadata must be 'key: value' lines, not a {type(data).__name__}")
    return data


def clean_meta(raw: dict) -> dict:
    """Keys lower-cased, ``date`` read as ``published``, only scalar values, strings stripped."""
    out = {}
    for key, value in raw.items():
        key = str(key).strip().lower()
        if key == "date" and "published" not in raw:
            key = "published"
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
    mapping (``{text: story, title: hed}`` or ``text=story,title=hed``) when it has one."""
    from .article import decode

    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}, None
    where = str(sidecar)
    raw = _read_yaml(decode(sidecar.read_bytes(), where=where), where=where)
    columns = raw.pop("columns", None)
    if columns is not None and not isinstance(columns, (dict, str)):
        raise InputFileError(f"{where}: 'columns' must map fields to column names, e.g. "
                             f"'columns: {{text: story, title: hed}}'")
    return clean_meta(raw), columns
