"""The composite action, run the way GitHub runs it: each step's ``run`` script, with its
``env`` expressions filled in, under ``bash --noprofile --norc -eo pipefail`` with the
files and variables a runner provides (``GITHUB_STEP_SUMMARY``, ``GITHUB_OUTPUT``, the
event JSON), on a real repository whose pull request forked from an older ``main``,
checked out as its head or as GitHub's merge commit. The install step is skipped here
(ddlint is installed already) and run on its own in a fresh virtual environment; the
``uses`` step (actions/cache) is GitHub's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from gitrepo import commit_all, git, git_env, init_repo
from helpers import DEFECTIVE_ROW, ROOT, SEED, add_rows_to_2022
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step["id"]: step for step in ACTION["runs"]["steps"]}
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
CONSTRAINTS = ROOT / "action-constraints.txt"

# A row of the seed that main changes after the pull request forked (its padding): on a
# checkout of the pull request's head, that line differs from main's.
MAIN_ONLY_ROW = "| Songhua Liu et al |[**"


@pytest.fixture
def pull_request(tmp_path: Path) -> dict[str, Any]:
    """A repository: main has the seed, then changes one row; the pull request forked
    from the seed and adds two rows. The work tree is the pull request's head, and
    ``refs/pull/7/merge`` is GitHub's merge commit of it into main."""
    repo = init_repo(tmp_path / "workspace")
    readme = repo / "README.md"
    readme.write_bytes(SEED.read_bytes())
    fork_point = commit_all(repo, "seed")
    seed = readme.read_text(encoding="utf-8")
    assert seed.count(MAIN_ONLY_ROW) == 1
    readme.write_text(seed.replace(MAIN_ONLY_ROW, "| Songhua Liu et al | [**"), encoding="utf-8")
    base = commit_all(repo, "main: pad one row")
    git(repo, "checkout", "-q", "-b", "pr", fork_point)
    new_text, first_line = add_rows_to_2022(seed)
    readme.write_text(new_text, encoding="utf-8")
    head = commit_all(repo, "two new papers")
    git(repo, "checkout", "-q", "--detach", base)
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge pull request #7", head)
    git(repo, "update-ref", "refs/pull/7/merge", "HEAD")
    git(repo, "checkout", "-q", "--detach", head)
    event = tmp_path / "event.json"
    payload = {
        "action": "opened",
        "number": 7,
        "pull_request": {"number": 7, "base": {"sha": base}, "head": {"sha": head}},
    }
    event.write_text(json.dumps(payload), encoding="utf-8")
    return {
        "repo": repo,
        "event": event,
        "first_line": first_line,
        "tmp": tmp_path,
        "base": base,
        "fork_point": fork_point,
    }


def _expand(value: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        if name == "github.action_path":
            return str(ROOT)
        if name == "runner.os":
            return "Linux"
        if name.startswith("steps."):
            _, step, _, key = name.split(".", 3)
            return outputs[step][key]
        raise AssertionError(f"unexpected expression {name}")

    return EXPRESSION.sub(one, value)


def run_action(pr: dict[str, Any], **given: str) -> dict[str, Any]:
    inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    assert set(given) <= set(inputs), "the test uses an input action.yml does not declare"
    inputs.update(given)
    tmp: Path = pr["tmp"]
    summary = tmp / "step_summary.md"
    summary.write_text("")
    stdout, stderr, status = "", "", 0
    outputs: dict[str, dict[str, str]] = {}
    for step in ACTION["runs"]["steps"]:
        if "uses" in step:  # GitHub's own action: its inputs must be known by now
            for value in step.get("with", {}).values():
                assert _expand(str(value), inputs, outputs)
            continue
        if step["id"] == "install":
            continue
        assert step["shell"] == "bash"
        assert "${{" not in step["run"], "inputs reach scripts through env, not the script"
        output = tmp / f"github_output-{step['id']}"
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
        env = {
            **runner_env,
            **{k: _expand(str(v), inputs, outputs) for k, v in step["env"].items()},
        }
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
        outputs[step["id"]] = dict(
            line.split("=", 1) for line in output.read_text().splitlines() if line
        )
        if status:
            break
    return {
        "stdout": stdout,
        "stderr": stderr,
        "status": status,
        "summary": summary.read_text(),
        "outputs": outputs.get("check", {}),
        "steps": outputs,
    }


def _annotations(result: dict[str, Any]) -> list[str]:
    return [ln for ln in result["stdout"].splitlines() if ln.startswith("::")]


def _lines(annotations: list[str]) -> set[int]:
    return {int(re.search(r",line=(\d+),", a).group(1)) for a in annotations}  # type: ignore[union-attr]


def _cell_bounds(line: str, index: int) -> tuple[int, int]:
    """1-based columns of the first and last character inside cell ``index`` (0-based)."""
    pipes = [i for i, ch in enumerate(line) if ch == "|"]
    return pipes[index] + 2, pipes[index + 1]


def test_action_annotates_cells_summarises_and_fails(pull_request: dict[str, Any]) -> None:
    result = run_action(pull_request)
    annotations = _annotations(result)
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


def test_every_finding_reaches_the_summary_which_says_annotations_were_capped(
    pull_request: dict[str, Any],
) -> None:
    result = run_action(pull_request)
    annotations = _annotations(result)
    by_level: dict[str, int] = {}
    for annotation in annotations:
        level = annotation[2:].split(" ", 1)[0]
        by_level[level] = by_level.get(level, 0) + 1
    assert by_level["warning"] > 10, "more than GitHub shows: the case this is about"
    summary = result["summary"].replace("\\", "")
    for annotation in annotations:
        fields = dict(re.findall(r"(\w+)=([^,:]+)", annotation.split("::")[1]))
        assert f"README.md:{fields['line']}:{fields['col']}" in summary, annotation
    note = (
        "GitHub shows at most 10 annotations of each level per step: "
        f"only 10 of {by_level['warning']} warnings"
    )
    assert note in summary


def test_fail_on_defaults_to_the_repositorys_config(pull_request: dict[str, Any]) -> None:
    repo = pull_request["repo"]
    (repo / ".ddlint.toml").write_text('fail-on = "error"\n')
    assert ACTION["inputs"]["fail-on"]["default"] == ""
    passed = run_action(pull_request)
    assert passed["status"] == 0, passed["stderr"]  # warnings only: the config lets them pass
    assert int(passed["outputs"]["findings"]) > 0
    assert run_action(pull_request, **{"fail-on": "warning"})["status"] == 1  # the input wins
    (repo / ".ddlint.toml").unlink()
    assert run_action(pull_request)["status"] == 1  # no config: ddlint's default, warning


@pytest.mark.parametrize("checkout", ["head", "merge-commit"])
def test_only_changed_reports_the_pull_requests_rows_against_the_merge_base(
    pull_request: dict[str, Any], checkout: str
) -> None:
    repo = pull_request["repo"]
    if checkout == "merge-commit":
        git(repo, "checkout", "-q", "--detach", "refs/pull/7/merge")
    sarif = pull_request["tmp"] / "ddlint.sarif"
    result = run_action(pull_request, **{"only-changed": "true", "sarif": str(sarif)})
    first = pull_request["first_line"]
    annotations = _annotations(result)
    # Only the two new rows: main's padded row is no change of the pull request's.
    assert _lines(annotations) in ({first, first + 1}, {first + 1})
    assert result["status"] == 1
    assert result["outputs"]["findings"] == str(len(annotations))
    log = json.loads(sarif.read_text())
    assert len(log["runs"][0]["results"]) == len(annotations)
    assert (
        "**2 added**" in result["summary"]
        and "changed" not in result["summary"].split("## ddlint diff")[1]
    )
    # What diffing against main's tip instead would have blamed the pull request for.
    main_row = next(
        n
        for n, line in enumerate((repo / "README.md").read_text().split("\n"), 1)
        if "Songhua Liu et al" in line
    )
    assert main_row not in _lines(annotations)
    if checkout == "head":
        blamed = subprocess.run(
            [sys.executable, "-m", "ddlint", "check", "--output-format", "github",
             "--diff-base", pull_request["base"], "README.md"],
            cwd=repo, env=git_env(), capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert main_row in _lines(_annotations({"stdout": blamed.stdout}))


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
    assert list(STEPS) == ["pip", "pip-cache", "install", "check"]
    for name, spec in ACTION["inputs"].items():
        assert spec["description"], name
        assert isinstance(spec["default"], str), name
    assert set(ACTION["inputs"]) >= {"paths", "check-links", "fix", "version", "sarif", "fail-on"}
    assert ACTION["outputs"]["findings"]["value"] == "${{ steps.check.outputs.findings }}"


# -- installing: pinned dependencies, pip's cache ------------------------------------------


def test_pip_cache_is_restored_under_a_key_of_the_pins(pull_request: dict[str, Any]) -> None:
    cache = STEPS["pip-cache"]
    assert cache["uses"].startswith("actions/cache@v")
    assert cache["with"]["path"] == "${{ steps.pip.outputs.dir }}"
    key = cache["with"]["key"]
    assert "${{ steps.pip.outputs.constraints }}" in key and "${{ runner.os }}" in key
    outputs = run_action(pull_request)["steps"]["pip"]
    assert Path(outputs["dir"]).is_absolute()
    assert outputs["python"] == "{}.{}".format(*sys.version_info[:2])
    assert re.fullmatch(r"[0-9a-f]{16}", outputs["constraints"])


def _pins() -> dict[str, Requirement]:
    lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    requirements = [Requirement(ln) for ln in lines if ln.strip() and not ln.startswith("#")]
    return {canonicalize_name(r.name): r for r in requirements}


def _dependency_closure() -> dict[str, Requirement]:
    """ddlint's runtime requirements and theirs, as installed here, by name."""
    from importlib import metadata

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    todo = [Requirement(item) for item in re.findall(r'"([^"]+)"', block)]
    found: dict[str, Requirement] = {}
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        found[name] = requirement
        try:
            requires = metadata.requires(requirement.name) or []
        except metadata.PackageNotFoundError:  # another Python's dependency (tomli on 3.10)
            continue
        for text in requires:
            nested = Requirement(text)
            if nested.marker is None or nested.marker.evaluate({"extra": ""}):
                todo.append(nested)
    return found


def test_every_dependency_is_pinned_within_pyprojects_ranges() -> None:
    pins = _pins()
    for name, requirement in _dependency_closure().items():
        assert name in pins, f"{name} is not pinned in {CONSTRAINTS.name}"
        (pinned,) = pins[name].specifier
        assert pinned.operator == "==", name
        assert requirement.specifier.contains(pinned.version, prereleases=True), (name, pinned)


def test_install_step_uses_the_shipped_constraints() -> None:
    install = STEPS["install"]
    assert install["env"]["DDLINT_ACTION_PATH"] == "${{ github.action_path }}"
    assert 'export PIP_CONSTRAINT="$DDLINT_ACTION_PATH/action-constraints.txt"' in install["run"]
    assert '"ddlint==$DDLINT_VERSION"' in install["run"]
    syntax = subprocess.run(["bash", "-n"], input=install["run"], text=True, check=False)
    assert syntax.returncode == 0


def test_install_step_installs_the_pinned_versions(tmp_path: Path) -> None:
    """The install step for real: a fresh virtual environment, the action's own copy (a
    snapshot of this tree), pip with an empty cache of its own."""
    action = tmp_path / "action"
    for name in ("pyproject.toml", "README.md", "action-constraints.txt", "action.yml"):
        shutil.copy2(ROOT / name, action / name if action.exists() else _mkdir(action) / name)
    shutil.copytree(
        ROOT / "src", action / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")},
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PIP_CACHE_DIR": str(tmp_path / "pip-cache"),
        "DDLINT_VERSION": "",
        "DDLINT_ACTION_PATH": str(action),
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", STEPS["install"]["run"]],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    freeze = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {
        canonicalize_name(name): version
        for name, _, version in (line.partition("==") for line in freeze.splitlines())
    }
    for name, pin in _pins().items():
        if name in installed:
            assert pin.specifier.contains(installed[name], prereleases=True), (name, pin)
    assert set(_dependency_closure()) - {"tomli"} <= set(installed)
    version = subprocess.run(
        [str(venv / "bin" / "ddlint"), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("ddlint ")


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
