"""DD101 table-interrupted: noop and positive cases on real Markdown, and its fix."""

from __future__ import annotations

import re

import pytest
from gfm_oracle import render
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


# -- a suppression comment between two rows (issue #20's trap) ------------------------------

NO_VENUE = "| Cy et al | [**Three**](https://example.org/three) | {} |\n"
NEXT_LINE = "<!-- ddlint-disable-next-line missing-venue -->\n"
CHECKED = ["DD001", "DD101", "DD102", "DD204"]


def test_the_message_points_to_the_comment_in_a_cell_of_the_row() -> None:
    text = HEADER + ROW_A + NEXT_LINE + NO_VENUE.format("") + ROW_B
    (finding,) = lint_text(text, select=CHECKED)
    assert finding.code == "DD101" and finding.line == 4
    assert "`ddlint-disable-next-line` comment" in finding.message
    assert "the row it means (line 5)" in finding.message
    assert "`<!-- ddlint-disable-line missing-venue -->` in one of its cells" in finding.message
    assert finding.fix is not None and finding.fix.applicability.value == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEADER + ROW_A + NEXT_LINE + NO_VENUE.format("") + ROW_B, id="next-line"),
        pytest.param(
            HEADER + ROW_A + "<!-- ddlint-disable DD204 -->\n" + NO_VENUE.format("") + ROW_B,
            id="disable",
        ),
        pytest.param(
            HEADER + ROW_A + "<!-- ddlint-disable-line DD204 -->\n" + NO_VENUE.format(""),
            id="disable-line-alone",
        ),
        pytest.param(HEADER + ROW_A + "\n" + NEXT_LINE + NO_VENUE.format(""), id="after-a-blank"),
        pytest.param(
            HEADER + ROW_A + "<!-- old row -->\n" + NEXT_LINE + NO_VENUE.format(""),
            id="behind-another-comment",
        ),
    ],
)
def test_the_safe_fix_never_moves_a_suppression_comment(text: str) -> None:
    """Below the rows it would silence other lines, the row it meant would be reported
    again and DD001 would call it unused (the trap #20 was filed for)."""
    assert fix_text(text, select=CHECKED).text == text


def _rendered_rows(text: str) -> list[list[str]]:
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", render(text), re.DOTALL)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL) for row in rows]


@pytest.mark.parametrize(
    ("comment", "cell", "written"),
    [
        pytest.param(NEXT_LINE, "", "<!-- ddlint-disable-line missing-venue --> ", id="empty-cell"),
        pytest.param(
            "<!--ddlint-disable-next-line  DD204,DD203-->\n",
            "",
            "<!-- ddlint-disable-line DD204,DD203 --> ",
            id="codes-as-written",
        ),
        pytest.param(
            "<!-- ddlint-disable-next-line -->\n", "", "<!-- ddlint-disable-line --> ", id="no-code"
        ),
    ],
)
def test_the_unsafe_fix_moves_the_comment_into_its_row(
    comment: str, cell: str, written: str
) -> None:
    text = "# List\n\n" + HEADER + ROW_A + comment + NO_VENUE.format(cell) + ROW_B
    fixed = fix_text(text, select=CHECKED, unsafe=True).text
    assert fixed == "# List\n\n" + HEADER + ROW_A + NO_VENUE.format(written.strip()) + ROW_B
    # GitHub renders every row, and the comment stays hidden inside its cell.
    assert len(_rendered_rows(text)) == 2  # header and the row above the comment
    rows = _rendered_rows(fixed)
    assert len(rows) == 4
    assert rows[2][2].strip() == written.strip()  # raw HTML in the cell: hidden
    assert "ddlint" not in re.sub(r"<!--.*?-->", "", render(fixed))
    # The same row is silenced, the comment is used, and a second pass changes nothing.
    assert lint_text(fixed, select=CHECKED) == []
    assert fix_text(fixed, select=CHECKED, unsafe=True).text == fixed


def test_the_unsafe_fix_appends_to_a_cell_that_holds_text() -> None:
    comment = "<!-- ddlint-disable-next-line DD303 -->\n"
    row = "| Cy et al | [**Three**](https://arxiv.org/abs/2201.00003?utm_source=x) | ICML, 2022 |\n"
    fixed = fix_text(HEADER + ROW_A + comment + row, select=["DD101"], unsafe=True).text
    assert fixed == HEADER + ROW_A + row.replace(
        "ICML, 2022 |", "ICML, 2022 <!-- ddlint-disable-line DD303 --> |"
    )
    assert lint_text(fixed, select=["DD001", "DD101", "DD303"]) == []


def test_every_comment_of_a_table_moves_and_the_fix_converges() -> None:
    """Two rows each silenced by a comment line above it: each comment moves into its
    row (one per pass), and the whole table renders."""
    text = HEADER + ROW_A + NEXT_LINE + NO_VENUE.format("") + NEXT_LINE + NO_VENUE.format("")
    fixed = fix_text(text, select=CHECKED, unsafe=True).text
    silenced = NO_VENUE.format("<!-- ddlint-disable-line missing-venue -->")
    assert fixed == HEADER + ROW_A + silenced + silenced
    assert len(_rendered_rows(fixed)) == 4
    assert lint_text(fixed, select=CHECKED) == []


def test_a_row_in_a_block_quote_gets_the_advice_but_no_fix() -> None:
    """The quote's `>` stands before the comment on its line: it is still the comment,
    and the message names the in-cell form; moving a line of a quote is not offered."""
    quoted = [HEADER.splitlines(keepends=True), [ROW_A, NEXT_LINE, NO_VENUE.format("")]]
    text = "".join("> " + line for part in quoted for line in part)
    (finding,) = lint_text(text, select=["DD101"])
    assert finding.line == 4 and finding.fix is None
    assert "`<!-- ddlint-disable-line missing-venue -->` in one of its cells" in finding.message
    assert fix_text(text, select=CHECKED, unsafe=True).text == text
