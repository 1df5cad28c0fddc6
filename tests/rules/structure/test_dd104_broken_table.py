"""DD104 broken-table: a header GitHub does not render as a table, checked against it."""

from __future__ import annotations

from gfm_oracle import rendered_tables
from helpers import STRUCTURE_CODES, at, lint, rule_fixture

from ddlint.text.findings import Severity


def test_broken_table_points_at_the_delimiter_with_both_counts() -> None:
    text = rule_fixture("broken-table-mismatch.md")
    (finding,) = lint(text, STRUCTURE_CODES)
    assert (finding.line, finding.column) == (7, 1)
    assert at(text, finding).startswith("|--------|")
    assert "6 cells" in finding.message and "7" in finding.message
    assert finding.severity is Severity.ERROR and finding.fix is None
    assert rendered_tables(text) == [[17, 18]]  # only the 2022 table renders


def test_missing_delimiter_points_at_the_header_and_suggests_one() -> None:
    text = rule_fixture("broken-table-no-delimiter.md")
    (finding,) = lint(text, STRUCTURE_CODES)
    assert at(text, finding).startswith("| Author | Title |")
    assert "`|" + " --- |" * 7 + "`" in finding.message
    assert rendered_tables(text) == [[16, 17]]


def test_one_strike_also_reports_the_later_delimiter() -> None:
    text = "| a | b |\n|---|---|---|\n| e | f |\n|---|---|\n"
    assert [f.line for f in lint(text, STRUCTURE_CODES)] == [2, 4]
    assert rendered_tables(text) == []
