"""The pre-commit hooks, for real: ``pre-commit try-repo`` installs ddlint from a git
repository into its own environment and runs the hook on a committed list.

The hook repository is a snapshot of this working tree committed to a temporary
repository: ``try-repo`` on a dirty checkout would copy only tracked files, so a new,
not yet committed module would be missing from what it installs. The snapshot is
what CI (a clean checkout) and a developer's tree both have on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from gitrepo import commit_all, git, git_env, init_repo
from helpers import ROOT

HOOK_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml")

DEFECTIVE = """\
# Papers

## 2022

| Author | Title | Task | Venue | Supp. Material |
|---|---|---|---|---|
| Ada Lovelace et al | [**Notes on the Analytical Engine**](https://openreview.net/forum?id=Ab12Cd)\
 | Image Classification | ICML, 2022 | [Code](https://github.com/ada/engine) |
| | [** **]() | | | [Code]() |

| Alan Turing et al | [**On Computable Tables**](https://openreview.net/forum?id=Ef34Gh) \
| Image Classification | ICML, 2022 | |
"""

FIXED = """\
# Papers

## 2022

| Author | Title | Task | Venue | Supp. Material |
|---|---|---|---|---|
| Ada Lovelace et al | [**Notes on the Analytical Engine**](https://openreview.net/forum?id=Ab12Cd)\
 | Image Classification | ICML, 2022 | [Code](https://github.com/ada/engine) |
| Alan Turing et al | [**On Computable Tables**](https://openreview.net/forum?id=Ef34Gh) \
| Image Classification | ICML, 2022 | |
"""


def test_hooks_file_declares_both_hooks_without_network() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"ddlint", "ddlint-fix"}
    assert hooks["ddlint"]["entry"] == "ddlint check --force-exclude"
    assert hooks["ddlint-fix"]["entry"] == (
        "ddlint check --fix-only --exit-non-zero-on-fix --force-exclude"
    )
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["markdown"]
        assert "--check-links" not in hook["entry"]
        assert "--unsafe-fixes" not in hook["entry"]


def _snapshot_of_this_repo(target: Path) -> Path:
    init_repo(target)
    for name in HOOK_FILES:
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(
        ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    commit_all(target, "ddlint snapshot")
    return target


def _readme_snippet() -> tuple[str, list[str]]:
    """The ``rev`` and the hook ids of the README's pre-commit snippet, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for body in re.findall(r"^```yaml\n(.*?)^```", readme, re.MULTILINE | re.DOTALL):
        for repo in (yaml.safe_load(body) or {}).get("repos", []):
            if repo["repo"].rstrip("/").endswith("/ddlint"):
                return str(repo["rev"]), [hook["id"] for hook in repo["hooks"]]
    raise AssertionError("the README has no pre-commit snippet for ddlint")


REV, SNIPPET_HOOKS = _readme_snippet()


def _try_repo(
    hook_repo: Path, project: Path, home: Path, *hook: str
) -> subprocess.CompletedProcess[str]:
    env = {**git_env(), "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    # At the README's `rev`: the snapshot's branch, as on the maintainer's repository.
    command = ["pre-commit", "try-repo", str(hook_repo), *hook, "--ref", REV]
    return subprocess.run(
        [*command, "--all-files", "--color", "never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is a test dependency")
def test_pre_commit_try_repo_fixes_then_passes(tmp_path: Path) -> None:
    hook_repo = _snapshot_of_this_repo(tmp_path / "ddlint")
    project = init_repo(tmp_path / "project")
    (project / "papers.md").write_bytes(DEFECTIVE.encode())
    (project / "notes.txt").write_text("| not | markdown |\n")
    # Named by pre-commit, left out by --force-exclude: the config's exclude, .gitignore.
    (project / ".ddlint.toml").write_text('exclude = ["archive"]\n')
    (project / ".gitignore").write_text("*.draft.md\n")
    for name in ("archive/old.md", "list.draft.md"):
        (project / name).parent.mkdir(exist_ok=True)
        (project / name).write_bytes(DEFECTIVE.encode())
    commit_all(project, "a list with a template row and a stray row")
    git(project, "add", "--force", "list.draft.md")
    commit_all(project, "a draft git would ignore, tracked all the same")
    home = tmp_path / "pre-commit-home"  # one install, reused by every run below
    assert SNIPPET_HOOKS == ["ddlint-fix", "ddlint"], "the hooks the README tells to use"

    fix_hook, lint_hook = SNIPPET_HOOKS
    first = _try_repo(hook_repo, project, home, fix_hook)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout and "files were modified by this hook" in first.stdout
    assert (project / "papers.md").read_bytes() == FIXED.encode()
    assert (project / "notes.txt").read_text() == "| not | markdown |\n"
    for name in ("archive/old.md", "list.draft.md"):
        assert (project / name).read_bytes() == DEFECTIVE.encode(), name

    second = _try_repo(hook_repo, project, home, fix_hook)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (project / "papers.md").read_bytes() == FIXED.encode()

    lint = _try_repo(hook_repo, project, home, lint_hook)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "Passed" in lint.stdout
    assert os.listdir(home)  # the environment was built once, under the temporary home
