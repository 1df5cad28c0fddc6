"""Changed-rows mode (``check --diff-base REF``) and baselines, on real git repositories."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gitrepo import commit_all, git, init_repo
from helpers import DEFECTIVE_ROW, SEED, add_rows_to_2022, run_cli

from ddlint.cli.main import main
from ddlint.engine.baseline import BaselineError, read_baseline
from ddlint.engine.gitdiff import GitError, added_lines, changed_lines
from ddlint.text.findings import Finding, Severity
from ddlint.text.spans import Span


def _findings(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    capsys.readouterr()
    status, out = run_cli(capsys, "check", "--output-format", "json", *args)
    return status, (json.loads(out) if out.strip() else [])


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = init_repo(tmp_path / "list")
    (root / "README.md").write_bytes(SEED.read_bytes())
    commit_all(root, "seed")
    monkeypatch.chdir(root)
    return root


def _add_rows(root: Path) -> int:
    readme = root / "README.md"
    text, first = add_rows_to_2022(readme.read_text(encoding="utf-8"))
    readme.write_text(text, encoding="utf-8")
    commit_all(root, "two new papers")
    return first


# -- git diff parsing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("diff", "lines"),
    [
        pytest.param("@@ -3 +3 @@\n-a\n+b\n", {3}, id="one-line-changed"),
        pytest.param("@@ -3,0 +4,2 @@\n+a\n+b\n", {4, 5}, id="two-lines-added"),
        pytest.param("@@ -3,2 +2,0 @@\n-a\n-b\n", set(), id="deletion-adds-nothing"),
        pytest.param("@@ -1 +1 @@ ## 2022\n-a\n+b\n@@ -9,0 +10 @@\n+c\n", {1, 10}, id="two-hunks"),
        pytest.param("", set(), id="no-change"),
    ],
)
def test_added_lines(diff: str, lines: set[int]) -> None:
    assert added_lines(diff) == lines


def test_changed_lines_follow_the_work_tree(repo: Path) -> None:
    readme = repo / "README.md"
    lines = readme.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if "Noel Loo" in line)
    lines[index] = lines[index].replace("Noel Loo", "Noel  Loo")
    readme.write_text("\n".join(lines), encoding="utf-8")
    assert changed_lines(readme, "HEAD") == {index + 1}
    (repo / "new.md").write_text("a\nb\n")
    assert changed_lines(repo / "new.md", "HEAD") == {1, 2}  # untracked: all new


def test_changed_lines_errors(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not a revision"):
        changed_lines(repo / "README.md", "no-such-ref")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.md").write_text("x\n")
    with pytest.raises(GitError, match="not inside a git repository"):
        changed_lines(outside / "x.md", "HEAD")


# -- check --diff-base ------------------------------------------------------------------


def test_diff_base_reports_only_the_added_rows(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _add_rows(repo)
    status, everything = _findings(capsys, "README.md")
    assert {f["line"] for f in everything} - {first, first + 1}, "the seed has old defects"

    status, changed = _findings(capsys, "--diff-base", "HEAD~1", "README.md")
    assert status == 1
    assert changed
    assert {f["line"] for f in changed} <= {first, first + 1}
    on_defective = {f["code"] for f in changed if f["line"] == first + 1}
    assert {"DD204", "DD301"} <= on_defective  # missing venue, empty [Code]() link
    venue = next(f for f in changed if f["code"] == "DD204")
    cells = [i + 1 for i, ch in enumerate(DEFECTIVE_ROW) if ch == "|"]
    assert cells[5] <= venue["column"] <= cells[6]  # the Venue cell, not the row
    assert not {"DD101", "DD401", "DD306", "DD308"} & {f["code"] for f in changed}


def test_diff_base_with_nothing_changed_is_clean(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _findings(capsys, "--diff-base", "HEAD", "README.md") == (0, [])


def test_diff_base_outside_git_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "--diff-base", "HEAD", "README.md"]) == 2
    assert "not inside a git repository" in capsys.readouterr().err


def test_diff_base_unknown_revision_is_an_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--diff-base", "v9.9.9", "README.md"]) == 2
    assert "'v9.9.9' is not a revision" in capsys.readouterr().err


# -- baselines --------------------------------------------------------------------------


def test_baseline_hides_known_findings_and_shows_new_ones(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--write-baseline", "ddlint-baseline.json", "README.md"]) == 0
    data = json.loads((repo / "ddlint-baseline.json").read_text())
    assert data["version"] == 1 and data["findings"]
    assert set(data["findings"][0]) == {"path", "code", "fingerprint", "message"}
    assert {entry["path"] for entry in data["findings"]} == {"README.md"}
    assert _findings(capsys, "--baseline", "ddlint-baseline.json", "README.md") == (0, [])

    # Move unrelated rows: two neighbours swap, and the new row below shifts every
    # row after it down a line.
    readme = repo / "README.md"
    lines = readme.read_text(encoding="utf-8").split("\n")
    nov = [i for i, line in enumerate(lines) if "arXiv, Nov., 2022" in line]
    lines[nov[0]], lines[nov[1]] = lines[nov[1]], lines[nov[0]]
    text, new_line = add_rows_to_2022("\n".join(lines), (DEFECTIVE_ROW,))
    readme.write_text(text, encoding="utf-8")

    status, new = _findings(capsys, "--baseline", "ddlint-baseline.json", "README.md")
    assert status == 1
    assert new, "the new row's defects are reported"
    assert {f["line"] for f in new} == {new_line}
    assert {"DD204", "DD301"} <= {f["code"] for f in new}


def test_baseline_from_another_directory(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    assert main(["check", "--write-baseline", "../baseline.json", "../README.md"]) == 0
    monkeypatch.chdir(repo)
    assert _findings(capsys, "--baseline", "baseline.json", "README.md") == (0, [])


def _finding(path: Path, fingerprint: str, line: int) -> Finding:
    return Finding(
        "DD201", "placeholder-row", Severity.WARNING, "m", Span(0, 1), line, 1, line, 2,
        path=str(path), fingerprint=fingerprint,
    )  # fmt: skip


def test_baseline_is_count_aware(tmp_path: Path) -> None:
    entries = [
        {"path": "README.md", "code": "DD201", "fingerprint": fp, "message": "m"}
        for fp in ("a", "a", "b")
    ]
    (tmp_path / "baseline.json").write_text(json.dumps({"version": 1, "findings": entries}))
    baseline = read_baseline(tmp_path / "baseline.json")
    readme = tmp_path / "README.md"
    findings = [_finding(readme, fp, line) for line, fp in enumerate("aaab", start=1)]
    kept, hidden = baseline.filter(findings)
    assert hidden == 3
    assert [(f.fingerprint, f.line) for f in kept] == [("a", 3)]
    other = _finding(tmp_path / "other.md", "b", 1)
    assert baseline.filter([other]) == ([other], 0)  # same fingerprint, another file


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{", "not JSON", id="not-json"),
        pytest.param('{"version": 2, "findings": []}', "not a ddlint baseline", id="version"),
        pytest.param('{"version": 1, "findings": [{"path": 1}]}', r"findings\[0\]", id="entry"),
    ],
)
def test_bad_baseline_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(BaselineError, match=message):
        read_baseline(path)


def test_missing_baseline_is_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--baseline", "nope.json", "README.md"]) == 2
    assert "no such baseline file" in capsys.readouterr().err


def test_changed_lines_are_empty_once_committed(repo: Path) -> None:
    _add_rows(repo)
    assert git(repo, "status", "--porcelain") == ""
    assert changed_lines(repo / "README.md", "HEAD") == set()
