"""DD205 wrong-section: a paper under another year's section, and the unsafe move."""

from __future__ import annotations

import pytest
from helpers import FIELD_HEADER, FIXTURES, field_row, lint, pairs, rule_fixture

from ddlint.api import fix_text


def test_wrong_section_fixture_moves_row_to_2021() -> None:
    text = rule_fixture("wrong-section.md")
    fixed = fix_text(text, select=["DD205"], unsafe=True).text
    lines = fixed.split("\n")
    assert "Cyclic Learning Rates" in lines[-2]  # last row of the 2021 table
    assert pairs(fixed, ["DD205"]) == []


def test_year_separator_rows_are_sections() -> None:
    text = (FIXTURES / "lists" / "year-separator-rows.md").read_text(encoding="utf-8")
    findings = lint(text, ["DD205"])
    assert [f.line for f in findings] == [20, 23]
    assert all(f.fix is None for f in findings)  # one table: nowhere to move the row


def test_crlf_survives_a_move() -> None:
    text = (
        "# 2022\n"
        + FIELD_HEADER
        + field_row(venue="ICML, 2021")
        + "\n# 2021\n"
        + FIELD_HEADER
        + field_row("C")
    )
    crlf = text.replace("ICML, 2022", "ICML, 2021").replace("\n", "\r\n")
    fixed = fix_text(crlf, select=["DD205"], unsafe=True).text
    assert "\n" not in fixed.replace("\r\n", "")
    assert pairs(fixed, ["DD205"]) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "# 2022\n" + FIELD_HEADER + field_row(venue="ICML, 2021"), id="no-table-for-the-year"
        ),
        pytest.param(
            "# 2022\n"
            + FIELD_HEADER
            + field_row(venue="ICML, 2021")
            + "\n# 2021\n"
            + FIELD_HEADER
            + field_row("C", venue="ICML, 2021")
            + "\n# Also 2021\n"
            + FIELD_HEADER
            + field_row("D", venue="ICML, 2021"),
            id="two-tables-for-the-year",
        ),
        pytest.param(
            "# 2022\n"
            + FIELD_HEADER
            + field_row(venue="ICML, 2021")
            + "\n# 2021\n| Title | Venue |\n|---|---|\n| [C](https://x.org/c) | ICML, 2021 |\n",
            id="other-column-count",
        ),
    ],
)
def test_wrong_section_reports_without_fix(text: str) -> None:
    [finding] = lint(text, ["DD205"])
    assert finding.fix is None and "move the row to the 2021 section" in finding.message
