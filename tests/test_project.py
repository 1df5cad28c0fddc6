"""The project's own habits: the version written once, its own pre-commit hooks, nox
running the README's test command, and no timing figures in code comments.

Each test reads the files it guards as text, so it needs none of the tools (hatchling,
pre-commit, nox) those files are written for.
"""

from __future__ import annotations

import ast
import io
import re
import shlex
import sys
import tokenize

import pytest
import yaml
from helpers import ROOT

import ddlint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


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


# -- no timing figures in comments ---------------------------------------------------------

SRC = ROOT / "src" / "ddlint"

# A duration (``20 ms``, ``0.5 s``, ``3 seconds``), a rate (``5 000 rows/s``) or a factor
# (``1.8×``, ``2x``, ``3 times faster``). A bare ``s`` counts only after a space or a
# decimal, so ``100 000s`` (a count) and ``1990s`` do not.
TIMING = re.compile(
    r"\d\s?(?:ms|µs|us|ns)\b"
    r"|\d\s+s\b|\d\.\d+\s?s\b"
    r"|\d\s?(?:secs?|seconds?|milliseconds?|microseconds?|minutes?)\b"
    r"|\d\s?[a-z]+/s\b"
    r"|\d\s?[x×](?!\w)|\d\s+times\s+(?:faster|slower|quicker)\b",
    re.IGNORECASE,
)
# A share (``~12%``) is a timing figure only in a sentence about time: "90 % of its
# neighbouring pairs" is a threshold.
SHARE = re.compile(r"\d\s?%")
TIME_WORDS = re.compile(
    r"\b(?:checks?|runs?|lints?|fix|parse|start-up|startup|times?|timings?|fast(?:er)?"
    r"|slow(?:er)?|speed|cpu|costs?|spends?|takes)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(])")


def _prose(source: str) -> list[tuple[int, str]]:
    """Each comment block (consecutive comment lines, ``#`` removed) and each docstring of
    ``source``, with the line it starts on."""
    blocks: list[tuple[int, str]] = []
    last_line = -1
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        text = token.string.lstrip("#").strip()
        if token.start[0] == last_line + 1 and blocks:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + "\n" + text)
        else:
            blocks.append((token.start[0], text))
        last_line = token.start[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            docstring = ast.get_docstring(node, clean=False)
            if docstring is not None:
                blocks.append((node.body[0].lineno, docstring))
    return blocks


def timing_figures(source: str) -> list[tuple[int, str]]:
    """``(line, sentence)`` for each timing figure in the comments and docstrings."""
    found = []
    for first_line, text in _prose(source):
        offset = 0
        for sentence in SENTENCE_END.split(text):
            start = text.index(sentence, offset)
            offset = start + len(sentence)
            match = TIMING.search(sentence)
            if match is None and TIME_WORDS.search(sentence):
                match = SHARE.search(sentence)
            if match is not None:
                line = first_line + text.count("\n", 0, start + match.start())
                found.append((line, " ".join(sentence.split())))
    return found


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        pytest.param("# one by one, ~20 ms of a 250 ms check", True, id="ms"),
        pytest.param("# two tries of\n# 0.5 s each", True, id="seconds-over-lines"),
        pytest.param('"""Pauses the collector: ~12% of a check."""', True, id="share-of-a-check"),
        pytest.param("# parse 1.8x, records 1.0×", True, id="factor"),
        pytest.param("# about 5 000 rows/s", True, id="rate"),
        pytest.param("# three times faster than a regex", False, id="factor-in-words"),
        pytest.param("# slots: a large list has 100 000s", False, id="a-count"),
        pytest.param(
            '"""Held to that order (at least 90 % of its pairs)."""', False, id="threshold"
        ),
        pytest.param("# percent-encoded, 0x1F escaped", False, id="hex"),
        pytest.param('x = "20 ms"  # a string, not prose', False, id="not-a-comment"),
    ],
)
def test_timing_figures_are_found(text: str, figure: bool) -> None:
    assert bool(timing_figures(text + "\n")) is figure


def test_no_timing_figures_in_comments() -> None:
    """The figures go stale; benchmarks/RESULTS.md holds them, comments say why."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {sentence}"
        for path in sorted(SRC.rglob("*.py"))
        for line, sentence in timing_figures(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found)


# -- distribution: a licence, no link to a page that does not exist -------------------------


def test_the_license_file_is_mit_as_pyproject_says() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == {"text": "MIT"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert re.search(r"^Copyright \(c\) \d{4} the ddlint authors$", text, flags=re.MULTILINE)
    assert "Permission is hereby granted, free of charge" in text
    assert "LICENSE" in pyproject["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


# Addresses of a home ddlint does not have yet: a made-up GitHub organisation, a PyPI
# page of a package never published, a template to fill in left unmarked.
_NOWHERE = re.compile(
    r"github\.com/ddlint/|pypi\.org/project/ddlint|<owner>|ddlint-linkcheck", re.IGNORECASE
)


def test_no_link_points_to_a_page_that_does_not_exist() -> None:
    shipped = [
        ROOT / name
        for name in ("README.md", "CONTRIBUTING.md", "action.yml", ".pre-commit-hooks.yaml")
    ]
    shipped += sorted((ROOT / "docs").glob("*.md")) + sorted((ROOT / "src").rglob("*.py"))
    found = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in shipped
        for match in _NOWHERE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, found
    # The one place a maintainer fills in: the integration snippets and the
    # `git ls-remote` line that pins them, all under the note that says so.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("OWNER/ddlint") == 4
    section = readme.split("## Where maintainers use it", 1)[1].split("\n## ", 1)[0]
    assert section.count("OWNER/ddlint") == 4
