"""The project's own habits: the version written once, its own pre-commit hooks, and
nox running the README's test command.

Each test reads the files it guards as text, so it needs none of the tools (hatchling,
pre-commit, nox) those files are written for.
"""

from __future__ import annotations

import ast
import re
import shlex
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


# -- nox runs the README's test command ----------------------------------------------------


def _readme_test_command() -> list[list[str]]:
    """The README's second code block, one argv per ``&&`` step."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\w*\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL)
    return [shlex.split(step) for step in blocks[1].strip().split("&&")]


def _session_commands(noxfile: str, session: str) -> list[list[str]]:
    """The argv of every ``session.run`` in the named session function, ``*session.posargs``
    written as ``"<posargs>"``; any other ``session`` call that could run a command fails."""
    tree = ast.parse(noxfile)
    function = next(
        node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == session
    )
    commands = []
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "session"):
            continue
        assert node.func.attr == "run", f"the {session} session calls session.{node.func.attr}"
        argv = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                assert ast.unparse(arg.value) == "session.posargs", ast.unparse(arg)
                argv.append("<posargs>")
            else:
                argv.append(ast.literal_eval(arg))
        commands.append((node.lineno, argv))
    return [argv for _, argv in sorted(commands)]


def test_nox_tests_session_runs_the_readme_test_command() -> None:
    readme = _readme_test_command()
    assert "pytest" in readme[-1], readme  # the block found is the test command
    nox = _session_commands((ROOT / "noxfile.py").read_text(encoding="utf-8"), "tests")
    # Arguments after ``nox -s tests --`` may extend the last step, pytest's, only.
    if nox and nox[-1][-1:] == ["<posargs>"]:
        nox[-1] = nox[-1][:-1]
    assert nox == readme, "noxfile.py's tests session and the README's test command differ"
