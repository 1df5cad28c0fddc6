"""One row silenced by a comment inside one of its cells:
``| … | <!-- ddlint-disable-line missing-venue --> |``.

GitHub hides the comment and keeps the table whole (cmark-gfm is the oracle here),
the row's findings of the named rules are gone and no other row's, ``--fix`` keeps the
comment in its cell, and DD001 reports the comment only when it silences nothing.
"""

from __future__ import annotations

import re

import pytest
from gfm_oracle import render
from helpers import HEADER, ROW_A, ROW_B
from testrules import TrailingSpaces

from ddlint.api import fix_text, lint_text
from ddlint.engine.config import Config
from ddlint.engine.linter import lint
from ddlint.rules import registered

SILENCE_VENUE = "<!-- ddlint-disable-line missing-venue -->"
NO_VENUE = "| Cy et al | [**Three**](https://arxiv.org/abs/2201.00003) | {} |\n"


def _codes_by_line(text: str, codes: list[str]) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text, select=codes)]


def test_the_comment_silences_its_row_only() -> None:
    text = HEADER + NO_VENUE.format(SILENCE_VENUE) + NO_VENUE.format("")
    assert _codes_by_line(text, ["DD001", "DD204"]) == [(4, "DD204")]


@pytest.mark.parametrize(
    "comment",
    [
        pytest.param("<!-- ddlint-disable-line DD204 -->", id="code"),
        pytest.param("<!-- ddlint-disable-line missing-venue -->", id="name"),
        pytest.param("<!--ddlint-disable-line DD203,DD204-->", id="list-no-spaces"),
        pytest.param("<!-- ddlint-disable-line -->", id="every-rule"),
        pytest.param("<!-- DDLINT-DISABLE-LINE dd204 -->", id="any-case"),
    ],
)
def test_codes_names_and_no_codes(comment: str) -> None:
    assert _codes_by_line(HEADER + NO_VENUE.format(comment), ["DD001", "DD204"]) == []


def test_a_comment_in_another_cell_of_the_row_works_too() -> None:
    row = f"| Cy et al {SILENCE_VENUE} | [**Three**](https://arxiv.org/abs/2201.00003) | |\n"
    assert _codes_by_line(HEADER + row, ["DD001", "DD204"]) == []


def test_other_rules_on_the_row_are_still_reported() -> None:
    row = f"| | [**Three**](https://arxiv.org/abs/2201.00003) | {SILENCE_VENUE} |\n"
    assert _codes_by_line(HEADER + row, ["DD001", "DD203", "DD204"]) == [(3, "DD203")]


def test_dd001_reports_a_comment_that_silences_nothing() -> None:
    row = NO_VENUE.format(f"ICML, 2022 {SILENCE_VENUE}")
    (finding,) = lint_text(HEADER + row, select=["DD001", "DD204"])
    assert (finding.code, finding.line) == ("DD001", 3)
    assert finding.span.slice(HEADER + row) == SILENCE_VENUE


def test_dd001_reports_an_unknown_rule_in_the_comment() -> None:
    row = NO_VENUE.format("<!-- ddlint-disable-line DD204 no-such-rule -->")
    (finding,) = lint_text(HEADER + row, select=["DD001", "DD204"])
    assert finding.code == "DD001"
    assert finding.message.endswith("no-such-rule")


def test_a_comment_inside_a_code_span_is_text() -> None:
    row = NO_VENUE.format(f"`{SILENCE_VENUE}`")
    venue = lint_text(HEADER + row, select=["DD001", "DD204"])
    assert [f.code for f in venue] == []  # the cell is not empty: its code is shown
    title = NO_VENUE.replace(") |", f") `{SILENCE_VENUE}` |").format("")
    assert _codes_by_line(HEADER + title, ["DD001", "DD204"]) == [(3, "DD204")]


def test_a_comment_only_cell_is_an_empty_cell() -> None:
    """The venue cell holding only the comment is still an empty venue (then silenced);
    a cell holding only another comment is reported as empty."""
    text = HEADER + NO_VENUE.format("<!-- to do -->")
    assert _codes_by_line(text, ["DD204"]) == [(3, "DD204")]
    result = lint(HEADER + NO_VENUE.format(SILENCE_VENUE))
    assert not [f for f in result.findings if f.code == "DD204"]
    (paper,) = result.records.papers
    assert paper.venue is None or not paper.venue.raw


# -- what GitHub renders -------------------------------------------------------------------

_ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _rendered_rows(text: str) -> list[list[str]]:
    """Every table row cmark-gfm renders, as its cells' HTML without comments."""
    return [
        [_COMMENT.sub("", cell).strip() for cell in _CELL.findall(row)]
        for row in _ROW.findall(render(text))
    ]


@pytest.mark.parametrize(
    "cell",
    [
        pytest.param(SILENCE_VENUE, id="alone"),
        pytest.param(f"ICML, 2022 {SILENCE_VENUE}", id="after-text"),
        pytest.param(f"{SILENCE_VENUE} ICML, 2022", id="before-text"),
    ],
)
def test_github_renders_the_same_rows_and_cells(cell: str) -> None:
    plain = cell.replace(SILENCE_VENUE, "").strip()
    with_comment = HEADER + ROW_A + NO_VENUE.format(cell) + ROW_B
    without = HEADER + ROW_A + NO_VENUE.format(plain) + ROW_B
    rows = _rendered_rows(with_comment)
    assert len(rows) == 4  # header and three rows: the table is whole
    assert rows == _rendered_rows(without)


# -- fixing --------------------------------------------------------------------------------


STYLED = Config(table_style="compact", sort=["-year"])


def test_fix_keeps_the_comment_in_its_cell() -> None:
    # Padding (DD402) rewrites the row; the sort (DD401) moves it. Both are configured:
    # three rows are too few for a convention of the table's own.
    messy = f"|Cy et al|[**Three**](https://arxiv.org/abs/2201.00003)|   {SILENCE_VENUE}|\n"
    newer = "| Bo et al | [**Two**](https://arxiv.org/abs/2301.00002) | ICML, 2023 |\n"
    text = "# List\n\n" + HEADER + messy + ROW_A + newer
    for unsafe in (False, True):
        result = fix_text(text, unsafe=unsafe, config=STYLED)
        row = next(line for line in result.text.splitlines() if "Three" in line)
        assert row.endswith(f"| {SILENCE_VENUE} |"), result.text
        after = lint_text(result.text, select=["DD001", "DD204"])
        assert after == [], "still silenced, still used"


def test_a_stray_row_with_the_comment_rejoins_its_table() -> None:
    """The comment moves with its row, so it does not hold the rejoin back (a comment
    line between the table and its stray rows does)."""
    text = HEADER + ROW_A + "\n" + NO_VENUE.format(SILENCE_VENUE)
    result = fix_text(text, select=["DD102"])
    assert result.text == HEADER + ROW_A + NO_VENUE.format(SILENCE_VENUE)


def test_disable_line_on_a_line_of_its_own_is_read_as_such() -> None:
    """Not as ``disable`` with an unknown rule ``-line``: it silences its own line, so
    nothing (DD001 says so), and DD101 says it ends the table."""
    text = HEADER + ROW_A + SILENCE_VENUE + "\n" + NO_VENUE.format("")
    findings = lint_text(text, select=["DD001", "DD101"])
    dd001 = [f for f in findings if f.code == "DD001"]
    assert [f.message.startswith("Unused suppression") for f in dd001] == [True]
    assert "DD101" in {f.code for f in findings}


# -- one cause, one finding: a silenced row is not counted ---------------------------------


def test_a_silenced_row_does_not_count_toward_the_table_finding() -> None:
    rows = [f"| Paper {i} | CVPR 2023 |  \n" for i in range(3)] + ["| Paper 3 | CVPR 2023 |\n"]
    text = "| Title | Venue |\n|---|---|\n" + "".join(rows)
    silenced = text.replace("| Paper 1 |", "| Paper 1 <!-- ddlint-disable-line DD998 --> |")
    with registered(TrailingSpaces):
        (whole,) = lint_text(text, select=["DD998"])
        assert whole.rows == (3, 4, 5)
        # Two of four rows are left: half is not most, each keeps its own finding.
        left = lint_text(silenced, select=["DD998", "DD001"])
    assert [(f.line, f.rows) for f in left] == [(3, ()), (5, ())]


def test_an_unsafe_fix_that_fills_the_cell_keeps_the_comment() -> None:
    # The venue cell shows empty (its comment is hidden): DD204 writes the arXiv venue
    # there, and the comment, which silences the row's tracking parameter, stays.
    silence = "<!-- ddlint-disable-line DD303 -->"
    row = f"| B et al | [**Q**](https://arxiv.org/abs/2201.00002?utm_source=x) | {silence} |\n"
    text = HEADER + row
    fixed = fix_text(text, unsafe=True).text
    assert fixed.endswith(
        f"| B et al | [**Q**](https://arxiv.org/abs/2201.00002?utm_source=x) "
        f"| arXiv, Jan., 2022 {silence} |\n"
    ), fixed
    assert lint_text(fixed, select=["DD001", "DD303"]) == []


# -- other kinds of comment in a cell: one form works, the others are reported -----------


@pytest.mark.parametrize(
    ("comment", "instead"),
    [
        pytest.param(
            "<!-- ddlint-disable-next-line missing-venue -->", SILENCE_VENUE, id="next-line"
        ),
        pytest.param(
            "<!-- ddlint-disable DD204 -->", "<!-- ddlint-disable-line DD204 -->", id="disable"
        ),
    ],
)
def test_another_kind_in_a_cell_silences_nothing_and_dd001_says_which_works(
    comment: str, instead: str
) -> None:
    text = HEADER + NO_VENUE.format(comment) + NO_VENUE.format("")
    findings = lint_text(text, select=["DD001", "DD204"])
    assert [(f.line, f.code) for f in findings] == [(3, "DD001"), (3, "DD204"), (4, "DD204")]
    dd001 = findings[0]
    assert dd001.span.slice(text) == comment
    assert f"write `{instead}`" in dd001.message
    assert "line 3" in dd001.message
    # Written as advised, the row is silenced and the comment is used.
    fixed = text.replace(comment, instead)
    assert _codes_by_line(fixed, ["DD001", "DD204"]) == [(4, "DD204")]


@pytest.mark.parametrize("comment", ["<!-- ddlint-enable -->", "<!-- ddlint-enable DD204 -->"])
def test_an_enable_in_a_cell_is_to_be_removed_not_turned_into_a_disable(comment: str) -> None:
    """An ``enable`` never meant to silence its row: DD001 asks to remove it, and does
    not advise a ``disable-line`` (which would silence every rule on the row)."""
    text = HEADER + NO_VENUE.format(comment) + NO_VENUE.format("")
    findings = lint_text(text, select=["DD001", "DD204"])
    assert [(f.line, f.code) for f in findings] == [(3, "DD001"), (3, "DD204"), (4, "DD204")]
    assert findings[0].span.slice(text) == comment
    assert "remove the comment" in findings[0].message
    assert "disable-line -->" not in findings[0].message


def test_another_kind_in_a_cell_opens_no_region() -> None:
    """``disable`` in a cell silences neither its row nor the rows below, and an
    ``enable`` in a cell closes no region opened above the table."""
    region = "<!-- ddlint-disable DD204 -->\n\n"
    text = region + HEADER + NO_VENUE.format("<!-- ddlint-enable DD204 -->") + NO_VENUE.format("")
    assert _codes_by_line(text, ["DD204"]) == []  # the region above still covers both


def test_dd001_pages_in_cell_examples() -> None:
    """DD001's page shows a ``disable-next-line`` in a cell (reported) and the
    ``disable-line`` to write instead (clean)."""
    from ddlint.rules.core.dd001_unused_suppression import RULE

    blocks = re.findall(r"```markdown\n(.*?)```", RULE.__doc__ or "", re.DOTALL)
    misplaced, instead = blocks[2], blocks[3]
    assert [f.code for f in lint_text(misplaced, select=["DD001", "DD204"])] == ["DD001", "DD204"]
    assert lint_text(instead, select=["DD001", "DD204"]) == []


def test_a_comment_github_shows_as_text_is_no_blank_cell() -> None:
    """`<!-- … --->` is no comment for cmark-gfm (its text may not end in `-`): GitHub
    shows it in the cell. So the cell is not blank (no DD204), and it silences nothing."""
    dashed = "<!-- ddlint-disable-line missing-venue --->"
    text = HEADER + NO_VENUE.format(dashed)
    assert "&lt;!-- ddlint-disable-line missing-venue ---&gt;" in render(text)
    assert _codes_by_line(text, ["DD001", "DD204"]) == []
    (paper,) = lint(text).records.papers
    assert paper.venue is not None and paper.venue.raw == dashed
