"""DD103 cell-count: rows with more or fewer cells than the header, and its safe fix."""

from __future__ import annotations

import pytest
from gfm_oracle import render
from helpers import HEADER, ROW, STRUCTURE_CODES, at, lint, rule_fixture

from ddlint.api import fix_text
from ddlint.text.findings import Applicability, Severity


def test_extra_cell_points_at_the_dropped_cell() -> None:
    text = rule_fixture("cell-count-extra.md")
    (finding,) = lint(text, STRUCTURE_CODES)
    assert at(text, finding) == "[Poster](https://kmorita.github.io/pc-condense/poster.pdf)"
    assert finding.severity is Severity.ERROR and finding.fix is None
    assert "8 cells, the header 7" in finding.message
    assert "poster.pdf" not in render(text)  # GitHub really drops it


def test_short_row_points_at_the_row_end() -> None:
    text = rule_fixture("cell-count-short.md")
    findings = lint(text, STRUCTURE_CODES)
    for finding in findings:
        line = text.splitlines()[finding.line - 1]
        assert finding.column == len(line.rstrip()) + 1
        assert finding.fix is None and finding.severity is Severity.WARNING
        assert "6 cells, the header 7" in finding.message


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        pytest.param(HEADER + ROW.replace(" |\n", " | | |\n"), HEADER + ROW, id="two-empty-cells"),
        pytest.param(HEADER + ROW.replace(" |\n", " ||\n"), HEADER + ROW, id="empty-cell-no-space"),
        pytest.param(
            "a | b\n--|--\nx | y | | |\n", "a | b\n--|--\nx | y |\n", id="no-leading-pipe"
        ),
        pytest.param(
            HEADER + ROW.replace(" |\n", " | |   \n"),
            HEADER + ROW.replace(" |\n", " |   \n"),
            id="trailing-spaces-kept",
        ),
    ],
)
def test_empty_surplus_cells_are_deleted_safely(src: str, expected: str) -> None:
    (finding,) = lint(src, STRUCTURE_CODES)
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
    assert finding.severity is Severity.WARNING
    assert fix_text(src, select=["DD103"]).text == expected


def test_surplus_with_text_and_short_rows_have_no_fix() -> None:
    for name in ("cell-count-extra.md", "cell-count-short.md"):
        text = rule_fixture(name)
        assert fix_text(text, select=["DD103"], unsafe=True).text == text
