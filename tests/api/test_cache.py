"""The result cache of ``ddlint check``: an unchanged file is not linted again, a change
of the file or of a setting is, and a cache entry that is corrupt is ignored.

The work is counted by a real rule that counts the texts it checks (the linter runs
every enabled rule once per text); no timing is asserted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from helpers import SEED

from ddlint.cli.main import main
from ddlint.engine.resultcache import CACHE_DIR_NAME, FORMAT
from ddlint.rules import Rule, RuleContext, registered
from ddlint.text.findings import Finding

RESULTS = f"results-{FORMAT}"


class Counted(Rule):
    """DD994 counted: counts the texts it is run on (what the result cache saves)."""

    code = "DD994"
    name = "counted"
    scope = "document"
    runs: ClassVar[int] = 0

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        Counted.runs += 1
        return iter(())


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A project (``.git`` marks its root) holding the seed list, as the current folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "README.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    Counted.runs = 0
    with registered(Counted):
        yield tmp_path


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _entries(root: Path) -> list[Path]:
    return sorted((root / RESULTS).glob("*.json"))


def test_an_unchanged_file_is_not_linted_again(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _check(capsys, "README.md")
    assert Counted.runs == 1
    assert first[0] == 1  # the seed's findings
    for _ in range(2):
        assert _check(capsys, "README.md") == first
    assert Counted.runs == 1  # read from the cache, not linted
    assert _check(capsys, "--no-cache", "README.md") == first
    assert Counted.runs == 2


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "text"])
def test_a_cached_report_is_the_linted_one_byte_for_byte(
    project: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # Table-level findings (one cause on most rows), fixes, fingerprints: all of it.
    linted = _check(capsys, "--no-cache", "--output-format", fmt, "--select", "ALL", ".")
    _check(capsys, "--select", "ALL", ".")  # fills the cache
    assert _check(capsys, "--output-format", fmt, "--select", "ALL", ".") == linted
    assert Counted.runs == 2


def test_a_change_to_the_file_or_a_setting_is_linted_again(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _check(capsys, "README.md")
    (project / "README.md").write_text(
        SEED.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8"
    )
    _check(capsys, "README.md")
    assert Counted.runs == 2
    (project / ".ddlint.toml").write_text('table-style = "aligned"\n', encoding="utf-8")
    aligned = _check(capsys, "README.md")
    assert Counted.runs == 3
    assert _check(capsys, "README.md") == aligned
    assert Counted.runs == 3
    _check(capsys, "--ignore", "DD402", "README.md")  # another selection of rules
    assert Counted.runs == 4
    (project / ".ddlint.toml").write_text('table-style = "aligned"\nfail-on = "error"\n')
    _check(capsys, "README.md")  # a key no finding depends on keeps the results
    assert Counted.runs == 4
    # Each selection and settings keeps its own entry, as ruff keeps one per settings.
    _check(capsys, "--ignore", "DD402", "README.md")
    assert Counted.runs == 4


@pytest.mark.parametrize(
    "corrupt",
    [
        "",
        "{not json",
        '{"key": "0"}',
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" * 100,
        "KEEP_KEY:wrong types",
        "KEEP_KEY:span past the text",
    ],
    ids=["empty", "not-json", "other-key", "deep", "wrong-types", "span-past-text"],
)
def test_a_corrupt_entry_is_linted_again_and_the_report_is_right(
    project: Path, capsys: pytest.CaptureFixture[str], corrupt: str
) -> None:
    right = _check(capsys, "--output-format", "json", "README.md")
    [entry] = _entries(project / CACHE_DIR_NAME)
    if corrupt.startswith("KEEP_KEY:"):  # the right key, but findings that are not
        data = json.loads(entry.read_text(encoding="utf-8"))
        if corrupt.endswith("wrong types"):
            data["findings"][0][6] = "7"  # a line number as text
        else:
            data["findings"][0][5] = 10**9
        corrupt = json.dumps(data)
    entry.write_text(corrupt, encoding="utf-8")
    assert _check(capsys, "--output-format", "json", "README.md") == right
    assert Counted.runs == 2  # linted again
    assert _check(capsys, "--output-format", "json", "README.md") == right
    assert Counted.runs == 2  # and stored again


def test_the_default_cache_is_at_the_project_root_and_ignored_by_git(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "docs").mkdir()
    monkeypatch.chdir(project / "docs")
    _check(capsys, "../README.md")
    root = project / CACHE_DIR_NAME
    assert (root / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (root / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: ")
    assert len(_entries(root)) == 1
    assert not (project / "docs" / CACHE_DIR_NAME).exists()


def test_cache_dir_from_the_option_or_the_config(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _check(capsys, "--cache-dir", "elsewhere", "README.md")
    assert len(_entries(project / "elsewhere")) == 1
    assert (project / "elsewhere" / ".gitignore").is_file()
    assert not (project / CACHE_DIR_NAME).exists()
    (project / "sub").mkdir()
    (project / "sub" / ".ddlint.toml").write_text('cache-dir = "../build/cache"\n')
    (project / "sub" / "list.md").write_text(SEED.read_text(encoding="utf-8"))
    _check(capsys, "--config", "sub/.ddlint.toml", "sub/list.md")
    assert len(_entries(project / "build" / "cache")) == 1


def test_no_cache_writes_no_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, "--no-cache", "README.md")
    assert not (project / CACHE_DIR_NAME).exists()


def test_a_fix_or_a_link_check_stores_no_result(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _check(capsys, "--diff", "README.md")
    # Links to a private address are not fetched: no network, and DD313 findings.
    (project / "links.md").write_text(
        "| Author | Title | Venue |\n|---|---|---|\n"
        "| Lovelace et al | [**Engines**](http://127.0.0.1:9/paper) | ICML, 2022 |\n",
        encoding="utf-8",
    )
    _, out, _ = _check(
        capsys, "--check-links", "--quiet", "--cache-dir", "c", "--output-format", "json", "."
    )
    assert "DD313" in out
    assert not (project / CACHE_DIR_NAME).exists()
    assert not (project / "c" / RESULTS).exists()


def test_a_cache_that_cannot_be_written_is_no_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "blocked").write_text("a file where the cache folder would be\n")
    linted = _check(capsys, "--no-cache", "README.md")
    assert _check(capsys, "--cache-dir", "blocked", "README.md") == linted


def test_workers_store_and_reuse_results(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ddlint.api import workers

    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 1)
    for name in ("a.md", "b.md", "c.md"):
        (project / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    first = _check(capsys, "--jobs", "2", ".")
    assert len(_entries(project / CACHE_DIR_NAME)) == 4
    stamps = [entry.stat().st_mtime_ns for entry in _entries(project / CACHE_DIR_NAME)]
    assert _check(capsys, "--jobs", "2", ".") == first
    assert [entry.stat().st_mtime_ns for entry in _entries(project / CACHE_DIR_NAME)] == stamps
    assert Counted.runs == 0  # every file was linted in a worker
