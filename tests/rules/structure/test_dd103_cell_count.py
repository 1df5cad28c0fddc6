"""DD103 cell-count: rows with more or fewer cells than the header, and its safe fix."""

from __future__ import annotations

import re

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


# A five-column table whose last column, Note, is optional: rows leave it out, or
# write it, the way real lists do. Titles and ids are invented.
NOTE_HEADER = "| Title | Venue | Year | Code | Note |\n|---|---|---|---|---|\n"


def note_row(n: int, *, note: str | None = None, code: bool = True) -> str:
    """A row of ``NOTE_HEADER``; without a ``note`` the row stops after Code."""
    cells = [
        f"[Paper {n}](https://arxiv.org/abs/2301.0000{n})",
        "ICML",
        "2023",
        f"[Code](https://example.org/p{n})" if code else "-",
    ]
    if note is not None:
        cells.append(note)
    return "| " + " | ".join(cells) + " |\n"


def dd103_lines(text: str) -> list[int]:
    return [f.line for f in lint(text, STRUCTURE_CODES) if f.code == "DD103"]


def test_rows_leaving_out_an_empty_last_cell_render_as_empty_cells() -> None:
    # GitHub pads the short row: the same table as with `| |` written.
    short = NOTE_HEADER + note_row(1)
    written = NOTE_HEADER + note_row(1, note="")
    assert _without_positions(render(short)) == _without_positions(render(written))


def _without_positions(html: str) -> str:
    return re.sub(r' data-sourcepos="[^"]*"', "", html)


def test_a_table_that_leaves_out_empty_last_cells_is_not_reported() -> None:
    rows = [note_row(n) for n in range(1, 7)] + [note_row(7, note="oral")]
    assert dd103_lines(NOTE_HEADER + "".join(rows)) == []


def test_no_clear_form_is_not_reported() -> None:
    # Three rows write the Note cell, three leave it out: neither is 80 %.
    rows = [note_row(n, note="x") for n in range(1, 4)] + [note_row(n) for n in range(4, 7)]
    assert dd103_lines(NOTE_HEADER + "".join(rows)) == []


def test_a_short_row_in_a_table_that_writes_every_cell() -> None:
    rows = [note_row(n, note="") for n in range(1, 6)] + [note_row(6)]
    (finding,) = lint(NOTE_HEADER + "".join(rows), STRUCTURE_CODES)
    assert finding.line == 8 and "write every cell" in finding.message


def test_a_cell_lost_in_the_middle_is_reported_whatever_the_form() -> None:
    # The Year cell is missing: the code link sits under Year, where rows have years.
    lost = (
        "| [Paper 9](https://arxiv.org/abs/2301.00009) | ICML | [Code](https://example.org/p9) |\n"
    )
    rows = [note_row(n) for n in range(1, 7)]
    findings = lint(NOTE_HEADER + "".join(rows) + lost, STRUCTURE_CODES)
    assert [(f.line, "missing in the middle" in f.message) for f in findings] == [(9, True)]


@pytest.mark.parametrize(
    "comment",
    [
        pytest.param("<!-- 2023-04-19 -->", id="html-comment"),
        pytest.param("[//]: # (04/19)", id="markdown-comment-idiom"),
        pytest.param("[//]: #04/19", id="markdown-comment-idiom-no-parentheses"),
    ],
)
def test_a_surplus_cell_hiding_a_comment_is_not_reported(comment: str) -> None:
    rows = [note_row(n, note="x").replace(" |\n", f" | {comment} |\n") for n in range(1, 4)]
    text = NOTE_HEADER + "".join(rows)
    assert dd103_lines(text) == []
    assert "04/19" not in render(text).split("<tbody>")[1]  # GitHub hides it either way


def test_a_surplus_cell_with_text_beside_a_comment_is_still_lost() -> None:
    text = NOTE_HEADER + note_row(1, note="x").replace(" |\n", " | <!-- a --> | kept? |\n")
    (finding,) = lint(text, STRUCTURE_CODES)
    assert finding.severity is Severity.ERROR and "kept?" in finding.message


@pytest.mark.parametrize(
    ("row", "kept"),
    [
        pytest.param(" | - |\n", " |\n", id="closed"),
        pytest.param(" | N/A\n", " |\n", id="no-closing-pipe"),
    ],
)
def test_a_surplus_placeholder_is_a_warning_with_an_unsafe_fix(row: str, kept: str) -> None:
    text = NOTE_HEADER + note_row(1, note="x").replace(" |\n", row)
    (finding,) = lint(text, STRUCTURE_CODES)
    assert finding.severity is Severity.WARNING and "holds only `" in finding.message
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    assert fix_text(text, select=["DD103"]).text == text
    expected = NOTE_HEADER + note_row(1, note="x").replace(" |\n", kept)
    assert fix_text(text, select=["DD103"], unsafe=True).text == expected
