"""The composite action, run the way GitHub runs it: each step's ``run`` script, with its
``env`` expressions filled in, under ``bash --noprofile --norc -eo pipefail`` with the
files and variables a runner provides. The install step is skipped: ddlint is
installed already.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from gitrepo import commit_all, git_env, init_repo
from helpers import DEFECTIVE_ROW, ROOT, SEED, add_rows_to_2022

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


@pytest.fixture
def pull_request(tmp_path: Path) -> dict[str, Any]:
    """A repository whose HEAD adds two rows to the seed, and the PR event for it."""
    repo = init_repo(tmp_path / "workspace")
    readme = repo / "README.md"
    readme.write_bytes(SEED.read_bytes())
    base = commit_all(repo, "seed")
    new_text, first_line = add_rows_to_2022(readme.read_text(encoding="utf-8"))
    readme.write_text(new_text, encoding="utf-8")
    head = commit_all(repo, "two new papers")
    event = tmp_path / "event.json"
    payload = {
        "action": "opened",
        "number": 7,
        "pull_request": {"number": 7, "base": {"sha": base}, "head": {"sha": head}},
    }
    event.write_text(json.dumps(payload), encoding="utf-8")
    return {"repo": repo, "event": event, "first_line": first_line, "tmp": tmp_path}


def _expand(value: str, inputs: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        if name == "github.action_path":
            return str(ROOT)
        raise AssertionError(f"unexpected expression {name}")

    return EXPRESSION.sub(one, value)


def run_action(pr: dict[str, Any], **given: str) -> dict[str, Any]:
    inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    assert set(given) <= set(inputs), "the test uses an input action.yml does not declare"
    inputs.update(given)
    tmp: Path = pr["tmp"]
    summary, output = tmp / "step_summary.md", tmp / "github_output"
    summary.write_text("")
    output.write_text("")
    runner_env = {
        **git_env(),
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(pr["repo"]),
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(pr["event"]),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
    }
    stdout, stderr, status = "", "", 0
    for step in ACTION["runs"]["steps"]:
        if step.get("id") == "install":
            continue
        assert step["shell"] == "bash"
        assert "${{" not in step["run"], "inputs reach scripts through env, not the script"
        env = {**runner_env, **{k: _expand(str(v), inputs) for k, v in step["env"].items()}}
        script = tmp / f"step-{step['id']}.sh"
        script.write_text(step["run"])
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=pr["repo"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        stdout += done.stdout
        stderr += done.stderr
        status = done.returncode
        if status:
            break
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if line)
    return {
        "stdout": stdout,
        "stderr": stderr,
        "status": status,
        "summary": summary.read_text(),
        "outputs": outputs,
    }


def _cell_bounds(line: str, index: int) -> tuple[int, int]:
    """1-based columns of the first and last character inside cell ``index`` (0-based)."""
    pipes = [i for i, ch in enumerate(line) if ch == "|"]
    return pipes[index] + 2, pipes[index + 1]


def test_action_annotates_cells_summarises_and_fails(pull_request: dict[str, Any]) -> None:
    result = run_action(pull_request)
    annotations = [ln for ln in result["stdout"].splitlines() if ln.startswith("::")]
    assert result["status"] == 1
    assert annotations
    assert result["outputs"]["findings"] == str(len(annotations))
    assert result["outputs"]["exit-code"] == "1"

    row = pull_request["first_line"] + 1
    missing_venue = [a for a in annotations if f"line={row}," in a and "DD204" in a]
    assert len(missing_venue) == 1
    fields = dict(re.findall(r"(\w+)=([^,:]+)", missing_venue[0].split("::")[1]))
    assert missing_venue[0].startswith("::warning file=README.md,")
    # The Venue cell, from its opening to its closing pipe: an empty cell's span is
    # empty, and sits at the closing pipe.
    start, end = _cell_bounds(DEFECTIVE_ROW, 5)
    assert start - 1 <= int(fields["col"]) <= end + 1, "the annotation points at the Venue cell"
    empty_link = next(a for a in annotations if f"line={row}," in a and "DD301" in a)
    assert f"col={DEFECTIVE_ROW.index('[Code]()') + 1}," in empty_link

    summary = result["summary"]
    assert summary.startswith("## ddlint\n")
    assert "| Rule | Name | Findings | Fixable |" in summary
    assert "| Location | Rule | Message |" in summary
    assert f"README.md:{row}:" in summary
    # The pull request's record-level change, under the findings.
    assert "## ddlint diff" in summary
    assert "**2 added**" in summary
    assert "A Fine New Paper on Distillation" in summary


def test_action_only_changed_reports_the_pull_requests_rows(pull_request: dict[str, Any]) -> None:
    sarif = pull_request["tmp"] / "ddlint.sarif"
    result = run_action(pull_request, **{"only-changed": "true", "sarif": str(sarif)})
    first = pull_request["first_line"]
    annotations = [ln for ln in result["stdout"].splitlines() if ln.startswith("::")]
    lines = {int(re.search(r",line=(\d+),", a).group(1)) for a in annotations}  # type: ignore[union-attr]
    assert lines == {first, first + 1} or lines == {first + 1}
    assert result["status"] == 1
    assert result["outputs"]["findings"] == str(len(annotations))
    log = json.loads(sarif.read_text())
    assert len(log["runs"][0]["results"]) == len(annotations)


def test_action_passes_with_fail_on_error_and_clean_rows(pull_request: dict[str, Any]) -> None:
    # Only the fine row is new; with only-changed it has at most style findings,
    # and `fail-on: error` lets warnings through.
    readme = pull_request["repo"] / "README.md"
    readme.write_text(readme.read_text().replace(DEFECTIVE_ROW + "\n", ""))
    commit_all(pull_request["repo"], "drop the defective row")
    result = run_action(pull_request, **{"only-changed": "true", "fail-on": "error"})
    assert result["status"] == 0, result
    assert result["outputs"]["exit-code"] == "0"
    assert result["summary"].startswith("## ddlint\n")


def test_action_fix_input_rewrites_the_working_tree(pull_request: dict[str, Any]) -> None:
    readme = pull_request["repo"] / "README.md"
    before = readme.read_text()
    result = run_action(pull_request, fix="true")
    after = readme.read_text()
    assert after != before, result["stderr"]
    assert "[** **]()" not in after  # the template rows are gone
    assert int(result["outputs"]["findings"]) > 0  # what safe fixes cannot repair


def test_action_inputs_are_documented_and_defaults_are_strings() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert [s["id"] for s in ACTION["runs"]["steps"]] == ["install", "check"]
    for name, spec in ACTION["inputs"].items():
        assert spec["description"], name
        assert isinstance(spec["default"], str), name
    assert set(ACTION["inputs"]) >= {"paths", "check-links", "fix", "version", "sarif", "fail-on"}
    assert ACTION["inputs"]["fail-on"]["default"] == "warning"
    assert ACTION["outputs"]["findings"]["value"] == "${{ steps.check.outputs.findings }}"


def test_install_step_installs_a_version_or_the_action_copy() -> None:
    install = next(s for s in ACTION["runs"]["steps"] if s["id"] == "install")
    assert install["env"]["DDLINT_ACTION_PATH"] == "${{ github.action_path }}"
    assert '"ddlint==$DDLINT_VERSION"' in install["run"]
    syntax = subprocess.run(["bash", "-n"], input=install["run"], text=True, check=False)
    assert syntax.returncode == 0
    assert os.access(shutil.which("bash") or "", os.X_OK)
