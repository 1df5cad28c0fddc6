"""DD101 table-interrupted: noop and positive cases on real Markdown, and its fix."""

from __future__ import annotations

import pytest
from helpers import HEADER, ROW_A, ROW_B, SEED_TEXT, lines

from ddlint.api import fix_text, lint_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(HEADER + ROW_A + ROW_B, [], id="clean-table"),
        pytest.param(HEADER + ROW_A + "<!-- hidden -->\n" + ROW_B, [4], id="comment"),
        pytest.param(HEADER + ROW_A + "<img src='x.png'>\n" + ROW_B, [4], id="html-type-7"),
        pytest.param(HEADER + ROW_A + "</div>\n" + ROW_B, [4], id="closing-div"),
        pytest.param(HEADER + ROW_A + "#### Graphs\n" + ROW_B, [4], id="heading"),
        pytest.param(HEADER + ROW_A + "- TODO: add\n" + ROW_B, [4], id="list-item"),
        pytest.param(
            HEADER + ROW_A + ROW_B + "<!-- end of table -->\n", [], id="comment-after-last-row"
        ),
        pytest.param(HEADER + ROW_A + "\n<!-- note -->\n\nText.\n", [], id="comment-then-prose"),
    ],
)
def test_dd101(text: str, expected: list[int]) -> None:
    assert lines(text, "DD101") == expected


def test_dd101_reports_rows_lost_and_fix_moves_only_html() -> None:
    (finding,) = [f for f in lint_text(SEED_TEXT, select=["DD101"])]
    assert finding.line == 32 and "27 rows" in finding.message
    heading = HEADER + ROW_A + "#### Graphs\n" + ROW_B
    (report_only,) = lint_text(heading, select=["DD101"])
    assert report_only.fix is None
    assert fix_text(heading, select=["DD101"]).text == heading
