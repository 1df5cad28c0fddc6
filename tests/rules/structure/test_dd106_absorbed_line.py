"""DD106 absorbed-line: a line of text GitHub makes the table's last row."""

from __future__ import annotations

from gfm_oracle import rendered_tables
from helpers import HEADER, ROW, STRUCTURE_CODES, at, lint, rule_fixture


def test_absorbed_line_is_a_row_on_github() -> None:
    text = rule_fixture("absorbed-line.md")
    findings = lint(text, STRUCTURE_CODES)
    assert [at(text, f) for f in findings] == [
        "If you find a paper missing from this table, please open a pull request.",
        "*Updated on 2023-01-04.*",
    ]
    assert all(f.column == 1 and f.fix is None for f in findings)
    assert rendered_tables(text) == [[8, 9, 10, 11], [18, 19, 20]]


def test_pipe_less_line_is_not_a_short_row() -> None:
    text = HEADER + ROW + "Last updated today.\n"
    assert [f.code for f in lint(text, STRUCTURE_CODES)] == ["DD106"]
