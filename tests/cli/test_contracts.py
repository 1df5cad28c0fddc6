"""The command line's contracts with the people and tools that call it (issue #20), each
in a real ``ddlint`` process: stdin fixing, export errors, ruff's spellings and exit codes,
--statistics in every format, colour, --output-format everywhere, --force-exclude, help."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from gitrepo import init_repo
from helpers import HEADER, ROW_A, SEED

from ddlint.cli.main import cli

# A list with one safe fix to make (a tracking parameter, DD303) and nothing else to report.
PADDED = "# List\n\n" + HEADER + ROW_A.replace("00001)", "00001?utm_source=feed)")
CLEAN = "# List\n\n" + HEADER + ROW_A
# A list with a finding whatever the style: a row without its venue (DD204).
NO_VENUE = "# List\n\n" + HEADER + "| Ada et al | [**One**](https://arxiv.org/abs/2201.00001) | |\n"


def ddlint(
    *argv: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ddlint", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


# -- stdin: only the fixed text on stdout ------------------------------------------------


def test_fixing_stdin_puts_only_the_fixed_text_on_stdout(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    done = ddlint("check", "--fix", "-", stdin=seed)
    on_disk = tmp_path / "README.md"
    on_disk.write_text(seed, encoding="utf-8")
    ddlint("check", "--fix", str(on_disk))
    assert done.returncode == 1  # findings are left, as for a file
    assert done.stdout == on_disk.read_text(encoding="utf-8")
    assert "Found " in done.stderr and "DD2" in done.stderr  # the report, on stderr


@pytest.mark.parametrize("mode", ["--fix", "--fix-only"])
def test_fixing_stdin_with_nothing_to_fix_gives_the_text_back(mode: str) -> None:
    done = ddlint("check", mode, "-", stdin=CLEAN)
    assert done.returncode == 0
    assert done.stdout == CLEAN


def test_fixing_stdin_in_json_keeps_stdout_for_the_text() -> None:
    done = ddlint("check", "--fix", "--output-format", "json", "-", stdin=PADDED)
    assert done.stdout == CLEAN
    assert json.loads(done.stderr) == []


# -- export -o -------------------------------------------------------------------------


def test_export_into_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "dir" / "x.json"
    done = ddlint("export", str(SEED), "-o", str(target))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{target}: cannot write: the folder {target.parent} does not exist" in done.stderr
    assert not target.parent.exists()


def test_export_writes_into_an_existing_folder(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    assert ddlint("export", str(SEED), "-o", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))


# -- ruff's spellings, and did you mean --------------------------------------------------


def test_rule_is_explain() -> None:
    rule, explain = ddlint("rule", "DD402"), ddlint("explain", "DD402")
    assert rule.returncode == 0 and rule.stdout == explain.stdout
    assert rule.stdout.startswith("# DD402 cell-format")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        pytest.param(["expalin", "DD402"], "did you mean 'explain'?", id="command"),
        pytest.param(["chekc", str(SEED)], "did you mean 'check'?", id="command-check"),
        pytest.param(["explain", "DD4O2"], "did you mean 'DD402'?", id="code"),
        pytest.param(["rule", "missing-venu"], "did you mean 'missing-venue'?", id="name"),
        pytest.param(["check", "--select", "DD2O4", str(SEED)], "did you mean 'DD204'?", id="sel"),
    ],
)
def test_did_you_mean(argv: list[str], needle: str) -> None:
    done = ddlint(*argv)
    assert done.returncode == 2
    assert needle in done.stderr and "Traceback" not in done.stderr


def test_a_file_named_like_a_command_is_still_a_file(tmp_path: Path) -> None:
    (tmp_path / "expalin").write_text(CLEAN, encoding="utf-8")
    assert ddlint("expalin", cwd=tmp_path).returncode == 0


# -- exit codes ------------------------------------------------------------------------


def test_exit_non_zero_on_fix_with_fix(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(PADDED, encoding="utf-8")
    assert ddlint("check", "--fix", str(path)).returncode == 0  # fixed, nothing left
    path.write_text(PADDED, encoding="utf-8")
    assert ddlint("check", "--fix", "--exit-non-zero-on-fix", str(path)).returncode == 1
    assert path.read_text(encoding="utf-8") == CLEAN
    assert ddlint("check", "--fix", "--exit-non-zero-on-fix", str(path)).returncode == 0
    assert ddlint("check", "--fix", "--exit-non-zero-on-fix", "-", stdin=PADDED).returncode == 1


def test_no_markdown_found_is_a_warning_and_exit_0(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("| a |\n")
    done = ddlint("check", str(tmp_path))
    assert done.returncode == 0
    assert "warning: no Markdown file found" in done.stderr


# -- --statistics, as ruff's -------------------------------------------------------------


def _statistics(fmt: str) -> subprocess.CompletedProcess[str]:
    return ddlint("check", "--statistics", "--output-format", fmt, "--select", "DD2", str(SEED))


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_statistics_as_text_is_the_table_only(fmt: str) -> None:
    done = _statistics(fmt)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "4\tDD201\t[*] placeholder-row"
    assert lines[-1].startswith("Found 13 findings")
    assert not any(line.startswith(("::", "  |")) for line in lines), "no finding is listed"


def test_statistics_as_json() -> None:
    rows = json.loads(_statistics("json").stdout)
    assert rows[0] == {"code": "DD201", "name": "placeholder-row", "count": 4, "fixable": True}
    assert sum(row["count"] for row in rows) == 13


def test_statistics_as_summary_has_the_rule_table_not_the_findings() -> None:
    out = _statistics("summary").stdout
    assert "| DD201 | placeholder-row | 4 |" in out
    assert "| Location | Rule | Message |" not in out


def test_statistics_in_sarif_is_refused_as_ruff_does() -> None:
    done = _statistics("sarif")
    assert done.returncode == 2
    assert "--statistics has no sarif form" in done.stderr


# -- colour ------------------------------------------------------------------------------


def _on_a_terminal(*argv: str, no_color: str | None = None) -> str:
    """What ``ddlint`` prints to a pseudo-terminal."""
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color is not None:
        env["NO_COLOR"] = no_color
    main, child = pty.openpty()
    try:
        subprocess.run(
            [sys.executable, "-m", "ddlint", *argv],
            stdout=child,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
            timeout=60,
        )
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the terminal's other end is closed, all is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    return b"".join(chunks).decode("utf-8")


ESC = "\x1b["


@pytest.mark.parametrize(
    ("argv", "no_color", "coloured"),
    [
        pytest.param([], None, True, id="auto-terminal"),
        pytest.param([], "1", False, id="auto-NO_COLOR"),
        pytest.param([], "", True, id="auto-empty-NO_COLOR"),
        pytest.param(["--color", "never"], None, False, id="never"),
        pytest.param(["--color", "always"], "1", True, id="always-beats-NO_COLOR"),
    ],
)
def test_colour_on_a_terminal(argv: list[str], no_color: str | None, coloured: bool) -> None:
    out = _on_a_terminal("check", "--select", "DD201", *argv, str(SEED), no_color=no_color)
    assert "DD201" in out
    assert (ESC in out) is coloured


def test_no_colour_into_a_pipe_unless_asked() -> None:
    assert ESC not in ddlint("check", "--select", "DD201", str(SEED)).stdout
    assert ESC in ddlint("check", "--color", "always", "--select", "DD201", str(SEED)).stdout


# -- --output-format everywhere, --format an alias -----------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["tables", str(SEED)], id="tables"),
        pytest.param(["export", str(SEED)], id="export"),
        pytest.param(["diff", str(SEED), str(SEED)], id="diff"),
        pytest.param(["check", "--select", "DD201", str(SEED)], id="check"),
    ],
)
def test_output_format_and_its_alias(argv: list[str]) -> None:
    new = ddlint(*argv, "--output-format", "json")
    old = ddlint(*argv, "--format", "json")
    assert new.stdout == old.stdout
    json.loads(new.stdout)


# -- --help: every option, its default, the exit codes -------------------------------------


def _commands() -> list[tuple[str, click.Command]]:
    return [(name, command) for name, command in cli.commands.items()]


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
def test_every_option_is_documented_with_its_default(name: str, command: click.Command) -> None:
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        assert param.help, f"ddlint {name} {param.opts[0]}: no help"
        valued = not param.is_flag
        if param.multiple:  # a repeatable option: its help says what is used without it
            assert "[default: " in param.help, f"ddlint {name} {param.opts[0]}: no default"
        elif valued and isinstance(param.default, (str, int)):
            assert param.show_default is not False, f"{param.opts[0]}: default hidden"
        elif valued:  # the default comes from elsewhere: the help says which
            assert "[default: " in param.help, f"ddlint {name} {param.opts[0]}: no default"
    out = ddlint(name, "--help").stdout
    for param in command.params:
        if isinstance(param, click.Option) and isinstance(param.default, (str, int)):
            assert f"[default: {param.default}]" in " ".join(out.split())


def test_help_lists_the_exit_codes() -> None:
    check_help = " ".join(ddlint("check", "--help").stdout.split())
    assert "Exit codes: 0 " in check_help and " 1 findings left" in check_help
    assert " 2 an error" in check_help
    assert "Exit codes: 0 clean, 1 findings left" in " ".join(ddlint("--help").stdout.split())


# -- --force-exclude: exclude and .gitignore for files named on the command line -----------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git work tree with a config that excludes `archive/`, a `.gitignore` that ignores
    `build/` and `*.draft.md`, and a defective list in each of those places."""
    root = init_repo(tmp_path / "project")
    (root / ".ddlint.toml").write_text('exclude = ["archive"]\n')
    (root / ".gitignore").write_text("build/\n*.draft.md\n")
    for name in ("README.md", "archive/old.md", "build/out.md", "notes.draft.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(NO_VENUE, encoding="utf-8")
    nested = root / "docs"
    nested.mkdir()
    (nested / ".gitignore").write_text("!keep.draft.md\n")
    (nested / "keep.draft.md").write_text(NO_VENUE, encoding="utf-8")
    return root


NAMED = ["README.md", "archive/old.md", "build/out.md", "notes.draft.md", "docs/keep.draft.md"]


def _paths(done: subprocess.CompletedProcess[str]) -> set[str]:
    return {finding["path"] for finding in json.loads(done.stdout)}


def test_named_files_are_checked_as_named_without_force_exclude(project: Path) -> None:
    done = ddlint("check", "--output-format", "json", *NAMED, cwd=project)
    assert _paths(done) == set(NAMED)


def test_force_exclude_applies_exclude_and_gitignore_to_named_files(project: Path) -> None:
    done = ddlint("check", "--force-exclude", "--output-format", "json", *NAMED, cwd=project)
    assert _paths(done) == {"README.md", "docs/keep.draft.md"}


def test_force_exclude_with_every_file_left_out_is_a_warning(project: Path) -> None:
    done = ddlint("check", "--force-exclude", "archive/old.md", cwd=project)
    assert done.returncode == 0 and "the 1 Markdown file found is excluded" in done.stderr


def test_a_directory_walk_honours_exclude_and_gitignore(project: Path) -> None:
    done = ddlint("check", "--output-format", "json", ".", cwd=project)
    assert _paths(done) == {"README.md", "docs/keep.draft.md"}


def test_gitignore_outside_a_git_repository_is_just_a_file(project: Path) -> None:
    shutil.rmtree(project / ".git")
    done = ddlint("check", "--force-exclude", "--output-format", "json", *NAMED, cwd=project)
    assert _paths(done) == {"README.md", "build/out.md", "notes.draft.md", "docs/keep.draft.md"}


def test_exclude_is_read_from_each_files_own_config_and_its_folder(tmp_path: Path) -> None:
    """A nested config's `exclude` applies to its files, and globs are read from the
    config's folder, whatever the working directory (pre-commit runs from the root)."""
    root = init_repo(tmp_path / "project")
    (root / "pyproject.toml").write_text('[tool.ddlint]\nexclude = ["docs/archive"]\n')
    (root / "lists").mkdir()
    (root / "lists" / ".ddlint.toml").write_text('exclude = ["archive"]\n')
    for name in ("lists/top.md", "lists/archive/a.md", "docs/archive/a.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(NO_VENUE, encoding="utf-8")
    named = ["lists/archive/a.md", "lists/top.md"]
    done = ddlint("check", "--force-exclude", "--output-format", "json", *named, cwd=root)
    assert _paths(done) == {"lists/top.md"}
    assert _paths(ddlint("check", "--output-format", "json", "lists", cwd=root)) == {"lists/top.md"}
    inside = root / "docs"
    done = ddlint("check", "--force-exclude", "--output-format", "json", "archive/a.md", cwd=inside)
    assert done.returncode == 0 and "archive/a.md" not in done.stdout
