"""DD102 stray-row: noop and positive cases on real Markdown, and its fix."""

from __future__ import annotations

import pytest
from helpers import HEADER, ROW_A, ROW_B, TEMPLATE, lines

from ddlint.api import fix_text, lint_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEADER + ROW_A + ROW_B, [], id="clean"),
        pytest.param(HEADER + ROW_A + "\n" + ROW_B, [5], id="after-blank"),
        pytest.param(
            HEADER + ROW_A + "\n\n" + ROW_B + ROW_A + ROW_B, [6], id="most-rows-one-finding"
        ),
        pytest.param(
            HEADER + ROW_A + ROW_B + ROW_A + "\n\n" + ROW_B + ROW_A,
            [8],
            id="a-run-of-two-rows-of-five-one-finding",
        ),
        pytest.param(
            HEADER + ROW_A + ROW_B + ROW_A + ROW_B + "\n" + ROW_A + "\n" + ROW_B,
            [8, 10],
            id="two-gaps-two-findings",
        ),
        pytest.param(HEADER + ROW_A + "\n" + TEMPLATE, [], id="template-is-dd201s"),
        pytest.param(HEADER + ROW_A + "\nSome | text here\n", [], id="prose-with-a-pipe"),
        pytest.param(HEADER + ROW_A + "\n## Next\n\n" + ROW_B, [], id="other-section"),
        pytest.param(HEADER + ROW_A + "\n" + HEADER + ROW_B, [], id="second-table"),
    ],
)
def test_dd102(text: str, expected: list[int]) -> None:
    assert lines(text, "DD102") == expected


def test_dd102_fix_rejoins_all_groups() -> None:
    text = HEADER + ROW_A + "\n" + ROW_B + "\n\n" + ROW_B.replace("Two", "Three") + "\nProse.\n"
    fixed = fix_text(text, select=["DD102"]).text
    assert fixed == HEADER + ROW_A + ROW_B + ROW_B.replace("Two", "Three") + "\nProse.\n"


def test_dd102_a_stranded_body_is_one_finding_with_one_fix() -> None:
    # A blank line under the delimiter row: every row GitHub shows as text, one cause.
    rows = [ROW_A, ROW_B] * 3
    text = HEADER + "\n" + "".join(rows)
    (finding,) = lint_text(text, select=["DD102"])
    assert finding.rows == (4, 5, 6, 7, 8, 9)
    assert "6 of 6 rows" in finding.message
    assert fix_text(text, select=["DD102"]).text == HEADER + "".join(rows)


@pytest.mark.parametrize(
    ("between", "said"),
    [
        pytest.param("\n", "Row after a blank line below the table", id="blank"),
        pytest.param(
            "<!-- ddlint-disable DD204 -->\n" + ROW_B + "<!-- ddlint-enable -->\n",
            "Row after an HTML comment below the table",
            id="second-comment",
        ),
    ],
)
def test_dd102_says_what_stands_between_the_table_and_the_row(between: str, said: str) -> None:
    """A comment that interrupts a table is DD101's; the rows after a second comment are
    stray, and the message names the comment, not a blank line that is not there."""
    text = HEADER + ROW_A + between + ROW_A.replace("One", "Four").replace("00001", "00004")
    (finding,) = lint_text(text, select=["DD102"])
    assert finding.message.startswith(said)
