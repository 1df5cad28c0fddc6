"""Contracts a second reading of issue #20 found unkept: a fix of stdin that fails, a run
that finds no Markdown in a machine format, the exit codes and --output-format of every
command, --exit-zero against --exit-non-zero-on-fix, and a missing file named like a
command. Each runs the real command in a process of its own, as a user's shell does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from helpers import HEADER, ROW_A
from testrules import UNFIXED

from ddlint.cli.main import cli

TESTS = Path(__file__).resolve().parent.parent

CLEAN = "# List\n\n" + HEADER + ROW_A
PADDED = CLEAN.replace("00001)", "00001?utm_source=feed)")


def ddlint(
    *argv: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ddlint", *argv],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )


# -- `--fix -` that cannot fix: stdout still holds only the file, never the report --------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_undecodable_stdin_puts_nothing_on_stdout(fmt: str) -> None:
    done = ddlint("check", "--fix", "--output-format", fmt, "-", stdin=b"\xff| a |\n")
    assert done.returncode == 2
    assert done.stdout == b""  # as ruff: no text to give back
    assert b"ddlint: error:" in done.stderr


def test_binary_stdin_puts_nothing_on_stdout() -> None:
    done = ddlint("check", "--fix", "-", stdin=b"\0" * 1024)
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"No paper table found" not in done.stderr  # no such line beside a failed file


def test_a_refused_fix_of_stdin_gives_the_text_back_unchanged() -> None:
    """A fix that fails verification (a test rule whose 'safe' fix deletes a paper) writes
    nothing: for stdin, that is the text unchanged on stdout, so `> b.md` keeps every row."""
    text = UNFIXED + "LOSE\n"
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from testrules import LosesRows\n"
        "from ddlint.cli.main import main\n"
        "from ddlint.rules import registered\n"
        "with registered(LosesRows):\n"
        "    raise SystemExit(main(['check', '--fix', '-']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(TESTS)],
        input=text.encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout.decode() == text
    assert b"fix refused" in done.stderr


# -- no Markdown found: a warning, exit 0, and still a document in a machine format -------


@pytest.mark.parametrize(
    ("fmt", "parse"),
    [
        pytest.param("json", json.loads, id="json"),
        pytest.param("sarif", json.loads, id="sarif"),
        pytest.param("summary", str, id="summary"),
    ],
)
def test_no_markdown_found_still_prints_an_empty_report(
    tmp_path: Path, fmt: str, parse: object
) -> None:
    (tmp_path / "notes.txt").write_text("| a |\n")
    done = ddlint("check", "--output-format", fmt, str(tmp_path))
    assert done.returncode == 0
    assert b"warning: no Markdown file found" in done.stderr
    out = done.stdout.decode()
    if fmt == "json":
        assert json.loads(out) == []
    elif fmt == "sarif":
        log = json.loads(out)
        assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []
    else:
        assert out.startswith("## ddlint") and "No Markdown file found" in out


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_no_markdown_found_with_statistics_prints_nothing_on_stdout(
    tmp_path: Path, fmt: str
) -> None:
    """Nothing checked is not "All checks passed!": the warning on stderr is all."""
    done = ddlint("check", "--statistics", "--output-format", fmt, str(tmp_path))
    assert (done.returncode, done.stdout) == (0, b"")
    assert b"warning: no Markdown file found" in done.stderr


# -- every command: its exit codes in --help, --output-format with --format an alias ------


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_commands_help_lists_its_exit_codes(name: str) -> None:
    with click.Context(cli) as parent, click.Context(cli.commands[name], parent=parent) as ctx:
        text = " ".join(cli.commands[name].get_help(ctx).split())
    assert "Exit codes: 0 " in text


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["rules"], id="rules"),
        pytest.param(["rule", "DD402"], id="rule"),
        pytest.param(["explain", "missing-venue"], id="explain"),
        pytest.param(["schema"], id="schema"),
    ],
)
def test_every_command_that_prints_data_takes_output_format(argv: list[str]) -> None:
    new = ddlint(*argv, "--output-format", "json")
    old = ddlint(*argv, "--format", "json")
    assert new.returncode == 0 and new.stdout == old.stdout
    json.loads(new.stdout)


def test_rules_as_json_name_every_rule_and_rule_gives_its_page() -> None:
    listed = json.loads(ddlint("rules", "--output-format", "json").stdout)
    assert [rule["code"] for rule in listed][:2] == ["DD001", "DD101"]
    assert len(listed) == len(json.loads(ddlint("rules", "--format", "json").stdout))
    one = json.loads(ddlint("rule", "DD402", "--output-format", "json").stdout)
    assert one["name"] == "cell-format" and one["fix"] == "always"
    assert one["explanation"].startswith("## What it does")


def test_rules_markdown_is_an_output_format_too() -> None:
    assert (
        ddlint("rules", "--output-format", "markdown").stdout
        == ddlint("rules", "--markdown").stdout
    )


def test_rules_markdown_with_another_output_format_is_refused() -> None:
    done = ddlint("rules", "--markdown", "--output-format", "json")
    assert (done.returncode, done.stdout) == (2, b"")
    assert b"--markdown and --output-format json" in done.stderr


# -- ruff's refusals and words -----------------------------------------------------------


def test_exit_zero_and_exit_non_zero_on_fix_together_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(PADDED, encoding="utf-8")
    done = ddlint("check", "--fix", "--exit-zero", "--exit-non-zero-on-fix", str(path))
    assert done.returncode == 2
    assert b"cannot be used together" in done.stderr
    assert path.read_text(encoding="utf-8") == PADDED  # nothing written


@pytest.mark.parametrize("word", ["rules.md", "docs/diff.md", "check.markdown"])
def test_a_missing_file_named_like_a_command_is_a_missing_file(word: str, tmp_path: Path) -> None:
    done = ddlint(word, cwd=tmp_path)
    assert done.returncode == 2
    assert b"did you mean" not in done.stderr
    assert b"no such file" in done.stderr
