"""A folder named on the command line is checked, whatever ``exclude`` or .gitignore say
of it (ruff's way; the #20 review, D10): they leave out what the walk finds inside it,
and ``--force-exclude`` applies them to the named folder too. When every Markdown file
found is left out, the warning says so instead of "no Markdown file found"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import init_repo
from helpers import HEADER

from ddlint.cli.main import main
from ddlint.engine.gitignore import GitIgnore
from ddlint.text.paths import collect_paths

# A list with a finding whatever the style: a row without its venue (DD204).
NO_VENUE = "# List\n\n" + HEADER + "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | |\n"


def _project(root: Path, config: str, gitignore: str = "") -> Path:
    """A git work tree with ``config`` as its .ddlint.toml and a defective list at the top,
    in ``archive/`` and in ``archive/old/``."""
    init_repo(root)
    (root / ".ddlint.toml").write_text(config, encoding="utf-8")
    if gitignore:
        (root / ".gitignore").write_text(gitignore, encoding="utf-8")
    for name in ("README.md", "archive/a.md", "archive/old/b.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(NO_VENUE, encoding="utf-8")
    return root


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, set[str] | None, str]:
    """Exit code, the files with findings (``None`` when nothing was checked), stderr."""
    capsys.readouterr()
    code = main(["check", "--no-cache", "--output-format", "json", *argv])
    out, err = capsys.readouterr()
    paths = {str(f["path"]) for f in json.loads(out)} if out.strip() else None
    return code, paths, err


@pytest.mark.parametrize(
    ("config", "gitignore"),
    [('exclude = ["archive", "archive/old"]\n', ""), ("", "archive/\narchive/old/\n")],
    ids=["exclude", "gitignore"],
)
def test_the_named_folder_is_checked_and_what_it_holds_still_left_out(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    gitignore: str,
) -> None:
    monkeypatch.chdir(_project(tmp_path / "p", config, gitignore))
    assert _check(capsys, "archive")[:2] == (1, {"archive/a.md"})
    # A walk from above the folder still leaves it out.
    assert _check(capsys, ".")[:2] == (1, {"README.md"})


@pytest.mark.parametrize(
    ("config", "gitignore"),
    [('exclude = ["archive"]\n', ""), ("", "archive/\n")],
    ids=["exclude", "gitignore"],
)
def test_force_exclude_leaves_the_named_folder_out_and_says_so(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: str,
    gitignore: str,
) -> None:
    monkeypatch.chdir(_project(tmp_path / "p", config, gitignore))
    assert _check(capsys, "archive")[:2] == (1, {"archive/a.md", "archive/old/b.md"})
    code, paths, err = _check(capsys, "--force-exclude", "archive")
    assert (code, paths) == (0, set())  # an empty report: `[]`
    files = "2 Markdown files found are" if config else "1 Markdown file found is"
    assert f"warning: nothing to check: the {files} excluded" in err


def test_a_nested_config_does_not_exclude_the_folder_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The globs of the file's own configuration (``api.run``), read from its folder."""
    root = init_repo(tmp_path / "p")
    lists = root / "lists"
    (lists / "archive" / "old").mkdir(parents=True)
    (lists / ".ddlint.toml").write_text('exclude = ["archive", "archive/old"]\n')
    for name in ("top.md", "archive/a.md", "archive/old/b.md"):
        (lists / name).write_text(NO_VENUE, encoding="utf-8")
    monkeypatch.chdir(root)
    assert _check(capsys, "lists/archive")[:2] == (1, {"lists/archive/a.md"})
    assert _check(capsys, "lists")[:2] == (1, {"lists/top.md"})
    assert _check(capsys, "--force-exclude", "lists/archive")[:2] == (0, set())


def test_a_walk_with_everything_excluded_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path / "p", 'exclude = ["*.md", "archive"]\n')
    monkeypatch.chdir(root)
    code, paths, err = _check(capsys, ".")
    assert (code, paths) == (0, set())  # an empty report: `[]`
    assert "the 3 Markdown files found are excluded" in err


def test_collect_paths_counts_what_it_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path / "p", "", "old/\n"))
    (tmp_path / "p" / "archive" / "c.md").write_text(NO_VENUE, encoding="utf-8")
    exclude = ["archive", "archive/c.md"]
    found = collect_paths(["archive"], exclude=exclude, ignored=GitIgnore().ignored)
    assert (found.files, found.left_out, found.folders_left_out) == (["archive/a.md"], 1, 1)
    forced = collect_paths(
        ["archive"], exclude=exclude, ignored=GitIgnore().ignored, force_exclude=True
    )
    assert (forced.files, forced.left_out, forced.folders_left_out) == ([], 2, 1)


def test_the_summary_says_why_nothing_was_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The step summary gives the warning's reason, not "no Markdown file found"."""
    monkeypatch.chdir(_project(tmp_path / "p", 'exclude = ["archive"]\n'))
    capsys.readouterr()
    argv = ["check", "--no-cache", "--force-exclude", "--output-format", "summary", "archive"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "warning: nothing to check: the 2 Markdown files found are excluded" in err
    assert "Nothing to check: the 2 Markdown files found are excluded" in out
    assert "No Markdown file found" not in out


@pytest.mark.parametrize("fixing", [False, True], ids=["check", "fix"])
def test_force_exclude_leaves_out_stdin_by_its_stdin_filename(tmp_path: Path, fixing: bool) -> None:
    """An editor passes each buffer as stdin with its name (ruff's way): an excluded name
    is not checked, and a fix gives the buffer back unchanged, never an empty one."""
    root = _project(tmp_path / "p", 'exclude = ["archive"]\n')
    fix = ["--fix"] if fixing else []
    given = (NO_VENUE + "| | | |\n").encode()  # a template row: --fix deletes it

    def run(*argv: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "ddlint", "check", "--no-cache", *fix, *argv, "-"]
        return subprocess.run(command, input=given, capture_output=True, cwd=root, check=False)

    left_out = run("--force-exclude", "--stdin-filename", "archive/a.md")
    assert left_out.returncode == 0
    assert b"nothing to check" in left_out.stderr
    assert left_out.stdout == (given if fixing else b"")
    # Not excluded, or without --force-exclude: stdin is checked (and fixed).
    for argv in (
        ["--force-exclude", "--stdin-filename", "README.md"],
        ["--stdin-filename", "archive/a.md"],
    ):
        checked = run(*argv)
        assert checked.returncode == 1, checked.stderr
        assert b"DD204" in (checked.stderr if fixing else checked.stdout)
        if fixing:
            assert checked.stdout == NO_VENUE.encode()
