"""Bad input gets one clear message naming the file and the problem, exit 2, file untouched."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SEED

from ddlint import __version__
from ddlint.cli.main import main
from ddlint.text.source import SourceError, read_source, write_atomic

# Root ignores file permissions; without these two capabilities it obeys them like anyone.
SETPRIV = shutil.which("setpriv")
UNPRIVILEGED = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--"] if SETPRIV else []
needs_permissions = pytest.mark.skipif(
    os.geteuid() == 0 and not SETPRIV, reason="root without setpriv ignores file permissions"
)


def run(*argv: str, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """The real ``ddlint`` process; ``unprivileged`` makes file permissions bind even for root."""
    prefix = UNPRIVILEGED if unprivileged and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "ddlint", *argv],
        capture_output=True,
        text=True,
        check=False,
    )


def _assert_clean_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"ddlint {__version__}"


def test_missing_path(tmp_path: Path) -> None:
    _assert_clean_error(run("check", str(tmp_path / "nope.md")), "nope.md", "no such file")


def test_directory_without_markdown_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    result = run("check", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "warning: no Markdown file found" in result.stderr


def test_not_utf8_names_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    data = b"# T\n\n| a |\n|---|\n| caf" + b"\xe9 |\n"
    path.write_bytes(data)
    result = run("check", str(path))
    offset = data.index(b"\xe9")
    _assert_clean_error(result, "latin1.md", "not valid UTF-8", "line 5", f"byte offset {offset}")
    assert path.read_bytes() == data


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    path.write_bytes(data)
    _assert_clean_error(run("check", "--fix", str(path)), "image.md", "binary")
    assert path.read_bytes() == data


@needs_permissions
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    shutil.copyfile(SEED, path)
    path.chmod(0o000)
    _assert_clean_error(
        run("check", str(path), unprivileged=True), "secret.md", "permission denied"
    )


def test_fix_on_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    shutil.copyfile(SEED, path)
    path.chmod(0o444)
    before = path.read_bytes()
    _assert_clean_error(run("check", "--fix", str(path)), "README.md", "read-only")
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@needs_permissions
def test_fix_in_read_only_directory(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "README.md"
    shutil.copyfile(SEED, path)
    path.chmod(0o666)
    folder.chmod(0o555)
    before = path.read_bytes()
    result = run("check", "--fix", str(path), unprivileged=True)
    _assert_clean_error(result, "README.md", "not writable")
    assert path.read_bytes() == before
    assert list(folder.iterdir()) == [path]
    folder.chmod(0o755)


def test_invalid_config_names_file_key_and_values(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "README.md")
    (tmp_path / "pyproject.toml").write_text('[tool.ddlint]\nselect = "DD201"\n')
    result = run("check", str(tmp_path / "README.md"))
    _assert_clean_error(
        result, "pyproject.toml", "key 'select'", "expected a list of rule codes or names"
    )


def test_invalid_config_value(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "README.md")
    (tmp_path / ".ddlint.toml").write_text('month-style = "roman"\n')
    result = run("check", str(tmp_path / "README.md"))
    _assert_clean_error(result, ".ddlint.toml", "month-style", "'abbrev-dot'")


def test_unknown_key_in_config(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "README.md")
    (tmp_path / ".ddlint.toml").write_text("colour = true\n")
    _assert_clean_error(
        run("check", str(tmp_path / "README.md")), ".ddlint.toml", "unknown key 'colour'"
    )


@pytest.mark.parametrize(
    ("pyproject", "needles"),
    [
        pytest.param(
            '[tool.ddlint]\nignore = ["DD401"]\n[broken\n',
            ["pyproject.toml: not valid TOML", "line 3, column 8"],
            id="not-toml",
        ),
        pytest.param("tool = 5\n", ["pyproject.toml: `tool` must be a table"], id="tool-int"),
        pytest.param('tool = "ddlint"\n', ["`tool` must be a table, not str"], id="tool-str"),
    ],
)
def test_a_broken_pyproject_is_an_error_and_nothing_is_written(
    tmp_path: Path, pyproject: str, needles: list[str]
) -> None:
    shutil.copyfile(SEED, tmp_path / "README.md")
    (tmp_path / "pyproject.toml").write_text(pyproject)
    result = run("check", "--fix", str(tmp_path / "README.md"))
    _assert_clean_error(result, *needles)
    assert (tmp_path / "README.md").read_bytes() == SEED.read_bytes()


def test_unknown_rule_in_select() -> None:
    _assert_clean_error(run("check", "--select", "DD999", str(SEED)), "DD999")


def test_unknown_rule_in_config(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "README.md")
    (tmp_path / ".ddlint.toml").write_text('ignore = ["no-such-rule"]\n')
    _assert_clean_error(run("check", str(tmp_path / "README.md")), ".ddlint.toml", "no-such-rule")


def test_unknown_rule_in_suppression_comment_is_a_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        "<!-- ddlint-disable DD999 -->\n\n| Title | Venue |\n|---|---|\n"
        "| [**T**](https://x.org) | ICML, 2022 |\n"
    )
    assert main(["check", str(path), "--select", "DD001", "--select", "DD204"]) == 1
    assert "DD001" in capsys.readouterr().out


def test_file_changed_between_read_and_write_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    shutil.copyfile(SEED, path)
    source = read_source(path)
    path.write_text(source.text + "\nA line added by someone else.\n", encoding="utf-8")
    changed = path.read_bytes()
    with pytest.raises(SourceError, match="changed on disk"):
        write_atomic(source, source.text.replace("Guang Li", "G. Li"))
    assert path.read_bytes() == changed


def test_stdin_with_filename(capsys: pytest.CaptureFixture[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ddlint", "check", "-", "--stdin-filename", "README.md"],
        input=SEED.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "README.md:59:" in result.stdout
