"""One ``ddlint check`` over many files: a file that fails is named, the others are
still checked and written, and an invalid option or configuration writes nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import SEED
from testrules import UNFIXED, LosesRows, Raises

from ddlint.cli.main import main
from ddlint.rules import registered

# One row shows no padding style of its own: its padding is a defect (DD402's, the one
# fix these tests make) only against a configured style.
STYLED = 'table-style = "compact"\n'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / ".ddlint.toml").write_text(STYLED, encoding="utf-8")
    (tmp_path / "a.md").write_text(UNFIXED, encoding="utf-8")
    shutil.copyfile(SEED, tmp_path / "b.md")
    return tmp_path


def test_an_unreadable_file_is_named_and_the_others_are_checked(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "c.md").write_bytes(b"\xff\xfe not utf-8")
    assert main(["check", "--output-format", "json", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert '"path": "' + str(folder / "b.md") in out  # the seed's findings are reported
    assert err.strip().splitlines() == [
        f"ddlint: error: {folder / 'c.md'}: not valid UTF-8: byte 0xff at line 1, "
        "column 1 (byte offset 0)"
    ]


def test_a_crash_is_one_line_naming_the_file_and_exits_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "c.md").write_text("RAISE\n", encoding="utf-8")
    with registered(Raises):
        assert main(["check", "--exit-zero", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"ddlint: error: {folder / 'c.md'}: internal error: RuntimeError: boom. This is a "
        f"ddlint bug; {folder / 'c.md'} was not written (--debug shows the traceback). "
        "Please report it."
    ]
    with registered(Raises):
        assert main(["check", "--debug", str(folder / "c.md")]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_a_refusal_names_its_file_and_what_was_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "c.md").write_text(UNFIXED + "LOSE\n", encoding="utf-8")
    with registered(LosesRows):
        assert main(["check", "--fix-only", str(folder)]) == 2
    err = capsys.readouterr().err
    assert (folder / "c.md").read_text(encoding="utf-8") == UNFIXED + "LOSE\n"
    assert (folder / "a.md").read_text(encoding="utf-8") != UNFIXED  # fixed and written
    refusal = next(line for line in err.splitlines() if "fix refused" in line)
    assert refusal.startswith(f"ddlint: error: {folder / 'c.md'}: fix refused: ")
    assert refusal.endswith(
        f"{folder / 'c.md'} was not written. Please report it. "
        f"Written: {folder / 'a.md'}, {folder / 'b.md'}."
    )


@pytest.mark.parametrize(
    "option",
    [["--baseline", "missing.json"], ["--diff-base", "HEAD"], ["--select", "DD9999"]],
    ids=["missing-baseline", "diff-base-outside-git", "unknown-rule"],
)
def test_an_invalid_option_writes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch, option: list[str]
) -> None:
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(folder.parent))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["check", "--fix", *option, "."]) == 2
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_fifo_in_a_folder_does_not_hang_the_run(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(folder / "evil.md")
    (folder / "zero.md").symlink_to("/dev/zero")
    assert main(["check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"{folder / 'evil.md'}: not a regular file (a FIFO)" in err
    assert f"{folder / 'zero.md'}: not a regular file (a character device)" in err


def test_max_file_size_comes_from_the_config(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(folder)
    (folder / ".ddlint.toml").write_text(STYLED + "max-file-size = 100\n", encoding="utf-8")
    assert main(["check", "a.md"]) == 1  # read (84 bytes): its one finding
    capsys.readouterr()
    assert main(["check", "b.md"]) == 2
    err = capsys.readouterr().err
    assert "b.md: " in err and "more than the 100-byte limit; not read" in err


def test_a_symlink_out_of_the_checked_folder_is_fixed_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".ddlint.toml").write_text(STYLED, encoding="utf-8")
    outside = tmp_path / "outside.md"
    outside.write_text(UNFIXED, encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").symlink_to(outside)
    monkeypatch.chdir(repo)
    assert main(["check", "--fix-only", "."]) == 2
    assert "README.md: a symlink to" in capsys.readouterr().err
    assert outside.read_text(encoding="utf-8") == UNFIXED
    assert main(["check", "--fix-only", "--fix-symlink-targets", "."]) == 0
    assert outside.read_text(encoding="utf-8") != UNFIXED


def test_ignore_on_the_command_line_wins_over_the_config_when_fixing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    (folder / ".ddlint.toml").write_text(STYLED + 'extend-select = ["DD402"]\n', encoding="utf-8")
    assert main(["check", "--fix-only", "--ignore", "DD402", "a.md"]) == 0
    assert (folder / "a.md").read_text(encoding="utf-8") == UNFIXED
    assert main(["check", "--fix-only", "a.md"]) == 0
    assert (folder / "a.md").read_text(encoding="utf-8") != UNFIXED


def test_a_run_with_a_failed_file_does_not_say_all_checks_passed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = UNFIXED.replace("|  A  |", "| A |")  # the row without its extra spaces
    (tmp_path / "a.md").write_text(clean, encoding="utf-8")
    (tmp_path / "c.md").write_bytes(b"\xff\xfe not utf-8")
    assert main(["check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "All checks passed!" not in out
    assert out == "No findings, but 1 file failed.\n"
    assert f"ddlint: error: {tmp_path / 'c.md'}: not valid UTF-8" in err
    (tmp_path / "c.md").unlink()  # the same folder without it passes
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "All checks passed!\n"
