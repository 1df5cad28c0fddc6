"""gfm/render.py: canonical rows and delimiter rows in both styles, in display widths."""

from __future__ import annotations

import pytest

from ddlint.gfm.cells import split_cells
from ddlint.gfm.parse import parse_document
from ddlint.gfm.render import (
    canonical_row,
    column_widths,
    format_delimiter,
    format_row,
    is_canonical,
    is_compact_delimiter,
    table_widths,
)
from ddlint.inline.width import display_width


def cells_of(row: str) -> list[str]:
    found = split_cells(row, 0, len(row)) or []
    return [row[a:b] for a, b in found]


# -- compact ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        pytest.param(["a", "b"], "| a | b |", id="two-cells"),
        pytest.param(["a", "", "c"], "| a | | c |", id="empty-cell-one-space"),
        pytest.param(["", ""], "| | |", id="all-empty"),
        pytest.param(["Sharp \\| Flat", "x"], "| Sharp \\| Flat | x |", id="escaped-pipe-kept"),
        pytest.param(["ends in \\"], "| ends in \\ |", id="trailing-backslash-not-an-escape"),
        pytest.param(["`a  b`", "c"], "| `a  b` | c |", id="inner-spaces-kept"),
    ],
)
def test_format_row_compact(cells: list[str], expected: str) -> None:
    row = format_row(cells)
    assert row == expected
    assert cells_of(row) == cells  # GitHub reads back exactly the same cells


def test_format_row_renders_exactly_the_cells_given() -> None:
    # A short or long row is DD103's business: no padding to the header, nothing dropped.
    assert format_row(["a"], style="aligned", widths=[3, 3, 3]) == "| a   |"
    assert format_row(["a", "b", "c"], style="aligned", widths=[1]) == "| a | b | c |"


def test_format_row_indent() -> None:
    assert format_row(["a"], indent="  ") == "  | a |"


@pytest.mark.parametrize(
    ("alignments", "expected"),
    [
        pytest.param([None, None], "| --- | --- |", id="plain"),
        pytest.param(
            [None, "left", "center", "right"], "| --- | :--- | :---: | ---: |", id="alignments"
        ),
    ],
)
def test_format_delimiter_compact(alignments: list[str | None], expected: str) -> None:
    assert format_delimiter(alignments) == expected


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        pytest.param("| --- | :-: |", True, id="padded"),
        pytest.param("|---------|:-:|", True, id="tight-any-dashes"),
        pytest.param("| --- |:-:|", False, id="mixed-padding"),
        pytest.param("--- | :-:", False, id="no-outer-pipes"),
        pytest.param("| --- | :-: | ", False, id="trailing-space"),
    ],
)
def test_is_compact_delimiter(text: str, ok: bool) -> None:
    assert is_compact_delimiter(text, cells_of(text)) is ok


# -- aligned: display widths --------------------------------------------------------------


def test_column_widths_use_display_width_and_a_minimum_of_three() -> None:
    rows = [["Title", "Code"], ["数据蒸馏", "🚀"], ["a", ""]]
    assert column_widths(rows) == [8, 4]
    assert column_widths([["a"]]) == [3]


def test_aligned_rows_line_up_in_display_columns() -> None:
    rows = [["Title", "Code"], ["数据蒸馏", "🚀"], ["Plain", "-"]]
    widths = column_widths(rows)
    lines = [format_row(r, style="aligned", widths=widths) for r in rows]
    lines.insert(1, format_delimiter([None, None], style="aligned", widths=widths))
    assert lines == [
        "| Title    | Code |",
        "| -------- | ---- |",
        "| 数据蒸馏 | 🚀   |",
        "| Plain    | -    |",
    ]
    assert len({display_width(line) for line in lines}) == 1
    for line, cells in zip(lines[:1] + lines[2:], rows):
        assert cells_of(line) == cells


def test_aligned_padding_follows_the_delimiter_alignment() -> None:
    widths = [5, 5, 5]
    alignments = ["left", "center", "right"]
    row = format_row(["a", "b", "c"], style="aligned", widths=widths, alignments=alignments)
    assert row == "| a     |   b   |     c |"
    delimiter = format_delimiter(alignments, style="aligned", widths=widths)
    assert delimiter == "| :---- | :---: | ----: |"


# -- rows of a parsed table ---------------------------------------------------------------

NO_OUTER = "Title | Venue\n:--- | ---:\n[Paper](https://a.org/1) | ICML 2022 \n"


def test_canonical_row_adds_outer_pipes_and_keeps_alignment() -> None:
    table = parse_document(NO_OUTER).tables[0]
    assert canonical_row(table, table.header) == "| Title | Venue |"
    assert canonical_row(table, table.delimiter) == "| :--- | ---: |"
    assert canonical_row(table, table.body[0]) == "| [Paper](https://a.org/1) | ICML 2022 |"


def test_is_canonical_in_aligned_style() -> None:
    text = "| A   | Venue |\n| --- | ----- |\n| abc | x     |\n"
    table = parse_document(text).tables[0]
    widths = table_widths(table)
    for row in (table.header, table.delimiter, *table.body):
        assert is_canonical(table, row, row.span.slice(text), style="aligned", widths=widths)
    assert not is_canonical(table, table.body[0], "| abc | x |", style="aligned")
