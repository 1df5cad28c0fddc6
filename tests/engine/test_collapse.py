"""One cause, one finding (``engine.collapse``): a rule's findings that share a reason on
most rows of a table become one table-level finding, with one fix, a fingerprint
without the row count, and the rows still named under ``--diff-base``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from gitrepo import commit_all, init_repo
from testrules import TrailingSpaces

from ddlint.api import fix_text, lint_text
from ddlint.cli.main import main
from ddlint.rules import registered
from ddlint.text.findings import Finding

HEADER = "| Title | Venue |\n|---|---|\n"


def _table(*trailing: int) -> str:
    """A table whose row ``i`` ends in ``trailing[i]`` spaces."""
    rows = [f"| Paper {i} | CVPR 2023 |{' ' * n}\n" for i, n in enumerate(trailing)]
    return HEADER + "".join(rows)


@pytest.fixture(autouse=True)
def _rule() -> Iterator[None]:
    with registered(TrailingSpaces):
        yield


def _lint(text: str) -> list[Finding]:
    return lint_text(text, select=["DD998"])


def test_most_rows_with_one_cause_give_one_finding_for_the_table() -> None:
    (finding,) = _lint(_table(2, 1, 0, 3))
    assert finding.message == "rows end in spaces (3 of 4 rows of the table at line 1)"
    assert (finding.line, finding.end_line) == (3, 6)
    assert finding.rows == (3, 4, 6)
    assert finding.fix is not None and len(finding.fix.edits) == 3


def test_a_few_rows_keep_their_own_findings() -> None:
    findings = _lint(_table(2, 0, 0, 3))  # half the rows is not most
    assert [(f.line, f.message, f.rows) for f in findings] == [
        (3, "line ends in 2 spaces", ()),
        (6, "line ends in 3 spaces", ()),
    ]


def test_the_one_fix_repairs_every_row() -> None:
    result = fix_text(_table(2, 1, 0, 3), select=["DD998"])
    assert result.text == _table(0, 0, 0, 0)
    assert [f.code for f in result.applied] == ["DD998"]


def test_two_tables_are_judged_each_on_its_own() -> None:
    text = _table(1, 1, 1) + "\n" + _table(0, 0, 1)
    assert [(f.line, bool(f.rows)) for f in _lint(text)] == [(3, True), (11, False)]


def test_the_fingerprint_leaves_out_the_row_count() -> None:
    (before,) = _lint(_table(2, 1, 0, 3))
    (after,) = _lint(_table(2, 1, 0, 3, 1))
    assert "4 of 5 rows" in after.message
    assert before.fingerprint == after.fingerprint


def test_the_json_report_lists_the_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.md"
    path.write_text(_table(2, 1, 0, 3), encoding="utf-8")
    assert main(["check", "--select", "DD998", "--output-format", "json", str(path)]) == 1
    (obj,) = json.loads(capsys.readouterr().out)
    assert obj["rows"] == [3, 4, 6]
    assert len(obj["fix"]["edits"]) == 3


def test_a_baseline_keeps_hiding_it_as_rows_are_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, baseline = tmp_path / "list.md", tmp_path / "baseline.json"
    path.write_text(_table(2, 1, 0, 3), encoding="utf-8")
    args = ["check", "--select", "DD998", "--baseline", str(baseline)]
    assert main([*args[:-2], "--write-baseline", str(baseline), str(path)]) == 0
    path.write_text(_table(2, 1, 0, 3, 5), encoding="utf-8")
    assert main([*args, str(path)]) == 0


def test_diff_base_names_the_changed_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = init_repo(tmp_path / "list")
    (root / "README.md").write_text(_table(2, 1, 0), encoding="utf-8")
    commit_all(root, "list")
    (root / "README.md").write_text(_table(2, 1, 0, 4), encoding="utf-8")
    monkeypatch.chdir(root)
    capsys.readouterr()
    args = ["check", "--select", "DD998", "--output-format", "json", "--diff-base", "HEAD"]
    assert main([*args, "README.md"]) == 1
    (obj,) = json.loads(capsys.readouterr().out)
    assert (obj["line"], obj["message"], "rows" in obj) == (6, "line ends in 4 spaces", False)


# -- runs: stray rows behind one blank gap (a rule that collapses_runs, DD102) ----------

ROW = "| Ada et al | [**Paper {n}**](https://arxiv.org/abs/2201.0000{n}) | ICML, 2022 |\n"
RUN_HEADER = "| Author | Title | Venue |\n|---|---|---|\n"


def _rows(*numbers: int) -> str:
    return "".join(ROW.format(n=n) for n in numbers)


def test_a_run_of_stray_rows_behind_one_gap_is_one_finding() -> None:
    # Three of eight rows: no table-level finding, but one gap strands all three.
    text = RUN_HEADER + _rows(1, 2, 3, 4, 5) + "\n\n" + _rows(6, 7, 8)
    (finding,) = lint_text(text, select=["DD102"])
    assert finding.message == (
        "Rows after a blank line below the table: GitHub renders them as text "
        "(3 rows, lines 10-12, below the table at line 1)"
    )
    assert finding.rows == (10, 11, 12)
    assert fix_text(text, select=["DD102"]).text == RUN_HEADER + _rows(1, 2, 3, 4, 5, 6, 7, 8)


def test_two_gaps_are_two_causes() -> None:
    text = RUN_HEADER + _rows(1, 2, 3, 4, 5, 6) + "\n" + _rows(7, 8) + "\n" + _rows(9)
    findings = lint_text(text, select=["DD102"])
    assert [(f.line, f.rows) for f in findings] == [(10, (10, 11)), (13, ())]


def test_a_run_keeps_its_fingerprint_as_rows_join_it() -> None:
    before = RUN_HEADER + _rows(1, 2, 3, 4, 5) + "\n" + _rows(6, 7)
    after = RUN_HEADER + _rows(1, 2, 3, 4, 5) + "\n" + _rows(6, 7, 8)
    (one,) = lint_text(before, select=["DD102"])
    (other,) = lint_text(after, select=["DD102"])
    assert one.fingerprint == other.fingerprint


def test_a_run_keeps_its_fingerprint_as_rows_are_added_above_it() -> None:
    before = RUN_HEADER + _rows(1, 2, 3, 4, 5) + "\n" + _rows(6, 7)
    after = RUN_HEADER + _rows(1, 2, 3, 4, 5) + "\n" + _rows(9, 6, 7)
    (one,) = lint_text(before, select=["DD102"])
    (other,) = lint_text(after, select=["DD102"])
    assert one.fingerprint == other.fingerprint
