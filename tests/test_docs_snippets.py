"""The integration snippets in the docs stay true: their YAML parses, the hook ids they
name exist in .pre-commit-hooks.yaml, the action inputs they set exist in action.yml,
and every ``ddlint`` command line they show uses real commands and options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from helpers import ROOT

from ddlint.cli.main import cli

DOCS = [p for p in (ROOT / "docs" / "integrations.md", ROOT / "README.md") if p.is_file()]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
HOOK_IDS = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())


def _fences(language: str) -> list[tuple[Path, str]]:
    return [
        (path, match.group(2))
        for path in DOCS
        for match in FENCE.finditer(path.read_text(encoding="utf-8"))
        if match.group(1) == language
    ]


def _yaml_snippets() -> list[tuple[Path, Any]]:
    return [(path, yaml.safe_load(body)) for path, body in _fences("yaml")]


def test_every_yaml_snippet_parses() -> None:
    snippets = _yaml_snippets()
    assert any("repos" in data for _, data in snippets), "a pre-commit snippet"
    assert any("jobs" in data for _, data in snippets), "a workflow snippet"


def test_pre_commit_snippets_name_real_hooks() -> None:
    for path, data in _yaml_snippets():
        for repo in data.get("repos", []) if isinstance(data, dict) else []:
            if repo["repo"].rstrip("/").endswith("/ddlint"):
                ids = {hook["id"] for hook in repo["hooks"]}
                assert ids <= HOOK_IDS, f"{path.name}: unknown hook ids {ids - HOOK_IDS}"
                # A tag once one is released; until then the default branch, which exists.
                assert re.fullmatch(r"v\d+\.\d+\.\d+|main", repo["rev"])


def _action_steps() -> list[tuple[Path, dict[str, Any]]]:
    steps = []
    for path, data in _yaml_snippets():
        for job in (data.get("jobs") or {}).values() if isinstance(data, dict) else []:
            steps += [(path, s) for s in job["steps"] if "/ddlint@" in s.get("uses", "")]
    return steps


def test_workflow_snippets_set_real_action_inputs() -> None:
    steps = _action_steps()
    assert steps
    for path, step in steps:
        used = set(step.get("with", {}))
        assert used <= set(ACTION["inputs"]), f"{path.name}: {used - set(ACTION['inputs'])}"
        assert all(isinstance(v, str) for v in step["with"].values()), "inputs are strings"


def test_inputs_table_matches_action_yml() -> None:
    tables = 0
    for path in DOCS:
        rows = re.findall(
            r"^\| `([\w-]+)` \| `?\"?([^`|\"]*)\"?`? \|", path.read_text(encoding="utf-8"), re.M
        )
        documented = {name: default for name, default in rows if name in ACTION["inputs"]}
        if not documented:
            continue
        tables += 1
        assert set(documented) == set(ACTION["inputs"]), path.name
        for name, default in documented.items():
            assert default == ACTION["inputs"][name]["default"], (path.name, name)
    assert tables, "the action's inputs are documented in a table"


def _command_lines() -> list[list[str]]:
    lines = []
    for _, body in _fences("sh") + _fences("console"):
        for line in body.splitlines():
            line = line.removeprefix("$ ").split("  #")[0].strip()
            if line.startswith("ddlint "):
                lines.append(shlex.split(line)[1:])
    return lines


@pytest.mark.parametrize("argv", _command_lines(), ids=" ".join)
def test_shown_command_lines_use_real_options(argv: list[str]) -> None:
    group: click.Group = cli
    name = argv[0] if argv[0] in group.commands else "check"
    command = group.commands[name]
    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for token in argv:
        if token.startswith("-") and token != "-":
            assert token.split("=")[0] in known, f"ddlint {name}: no option {token}"


def test_the_readme_suppression_example_silences_one_row() -> None:
    """The README's example, as written: the row's DD204 is silenced and the comment is
    used (no DD001); without the comment the row has its DD204; GitHub renders the same
    rows and cells either way; a fix keeps the comment in its cell."""
    from gfm_oracle import render

    from ddlint.api import fix_text, lint_text
    from ddlint.engine.config import Config

    (example,) = [body for _, body in _fences("markdown") if "ddlint-disable-line" in body]
    comment = re.search(r" <!-- ddlint-disable-line [^>]*-->", example).group()  # type: ignore[union-attr]
    row = next(n for n, line in enumerate(example.splitlines(), 1) if comment in line)
    assert lint_text(example, select=["ALL"]) == []
    plain = example.replace(comment, "")
    assert [(f.code, f.line) for f in lint_text(plain)] == [("DD204", row)]
    hide = re.compile(r"<!--.*?-->| data-sourcepos=\"[^\"]*\"")
    assert hide.sub("", render(example)).replace(" </td>", "</td>") == hide.sub("", render(plain))
    # A fix of that row (padding, in a configured style: two rows are no convention of
    # the table's own) keeps the comment where it is.
    messy = example.replace("| Grace Hopper et al |", "|Grace Hopper et al   |")
    assert fix_text(messy, config=Config(table_style="compact")).text == example


def test_the_snippets_say_where_the_maintainer_fills_in_ddlints_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "replace `OWNER/ddlint` with where\nddlint's repository lives" in readme
    for _, data in _yaml_snippets():
        for repo in data.get("repos", []) if isinstance(data, dict) else []:
            if repo["repo"].rstrip("/").endswith("/ddlint"):
                assert repo["repo"] == "https://github.com/OWNER/ddlint"
    assert [step["uses"] for _, step in _action_steps()] == ["OWNER/ddlint@main"]
