"""The project's own habits: the version written once, its own pre-commit hooks.

Each test reads the files it guards as text, so it needs none of the tools (hatchling,
pre-commit) those files are written for.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

import ddlint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


# -- the version, in one place -------------------------------------------------------------


def test_version_is_written_only_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    assert "version" not in project, "pyproject.toml reads the version from ddlint/__init__.py"
    assert "version" in project["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/ddlint/__init__.py"
    init = (ROOT / "src" / "ddlint" / "__init__.py").read_text(encoding="utf-8")
    written = re.findall(r'^__version__ = "([^"]+)"$', init, flags=re.MULTILINE)
    assert written == [ddlint.__version__]


# -- the project's own pre-commit hooks ----------------------------------------------------


def test_own_pre_commit_hooks_lint_python_and_the_project_markdown() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "mypy", "ddlint"} <= set(hooks)
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks["ddlint"]["entry"] == next(h["entry"] for h in shipped if h["id"] == "ddlint")
    markdown = re.compile(hooks["ddlint"]["files"])
    for name in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/rules.md"):
        assert markdown.search(name), name
    for name in ("tests/fixtures/dataset-distillation-papers.md", "benchmarks/RESULTS.md"):
        assert not markdown.search(name), name
