"""Positions the document model derives instead of storing (cell ends, row spans) agree
with the text: every cell's span holds its text, every row's spans sit on its line."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.gfm.cells import split_cells
from ddlint.gfm.document import Cell, Document, Row
from ddlint.gfm.parse import parse_document, split_lines, split_lines_scanning

_TABLE_CHARS = st.sampled_from(
    [*list("|-: \t>*`[]\\a\r\n中😀"), "| a | b |\n", "|---|---|\n", "<!-- x -->\n", "- "]
)


def _rows(document: Document) -> list[Row]:
    return [
        row for table in document.tables for row in (table.header, table.delimiter, *table.rows)
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(_TABLE_CHARS, max_size=120).map("".join))
def test_derived_positions_match_the_text(text: str) -> None:
    document = parse_document(text)
    for row in _rows(document):
        line = document.lines[row.line - 1]
        assert row.source == line  # made on demand from the document's lines
        assert row.line_span == line.span
        assert row.span.start == line.start + row.indent
        assert row.span.end == line.end
        for cell in row.cells:
            assert cell.end == cell.start + len(cell.text)
            assert cell.span == (cell.start, cell.end)
            assert cell.span.slice(text) == cell.text
            assert row.span.start <= cell.start <= cell.end <= row.span.end


def test_repeated_cell_texts_share_one_string() -> None:
    document = parse_document("| a | b |\n|---|---|\n| x | ACCV |\n| y | ACCV |\n")
    first, second = (row.cells[1].text for row in document.tables[0].body)
    assert first == second == "ACCV"
    assert first is second


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\n", "\r", "\r\n", "a", "|", " ", "\x85", "\u2028", ""]), max_size=40
    ).map("".join)
    | st.text()
)
def test_split_lines_equals_the_scan(text: str) -> None:
    lines, scanned = split_lines(text), split_lines_scanning(text)
    assert lines == scanned
    assert list(lines) == list(scanned)  # every line's start, end and ending


def test_lines_with_other_starts_are_not_equal() -> None:
    """Equality compares where the lines start, not only the text and the endings."""
    from array import array

    from ddlint.gfm.lines import Lines

    text = "ab\ncd\n"
    wrong = Lines(text, array("I", [0, 1, 6]), bytearray(b"\x01\x01"))
    assert wrong != split_lines(text)


def test_line_texts_are_the_lines_without_their_endings() -> None:
    from ddlint.gfm.lines import LineTexts

    text = "a | b\r\n|---|\rlast"
    texts = LineTexts(split_lines(text))
    assert len(texts) == 3
    assert [texts[i] for i in range(3)] == ["a | b", "|---|", "last"]
    assert texts[1:] == ["|---|", "last"]
    assert list(texts) == text.splitlines()


def test_no_table_leaf_keeps_lines_of_its_own() -> None:
    """Every table leaf shares one empty list of lines (its rows know theirs): a parse
    that added to it would add a line to every table of every later document."""
    from ddlint.gfm.blocks import _TABLE_LINES

    parse_document("| a |\n|---|\n| 1 |\n\n> | b |\n> |---|\n> | 2 |\n")
    assert _TABLE_LINES == []


def test_a_cell_is_made_from_its_span_and_text() -> None:
    cell = Cell(3, 5, "ab")
    assert (cell.start, cell.end, cell.text, cell.span) == (3, 5, "ab", (3, 5))
    with pytest.raises(ValueError):
        Cell(3, 6, "ab")


@settings(max_examples=300, deadline=None)
@given(st.lists(_TABLE_CHARS, max_size=120).map("".join))
def test_rows_that_share_a_shape_have_the_cells_of_their_own_line(text: str) -> None:
    """A row repeating an earlier row's line makes its cells from the shape they share:
    they are the cells of its own line, at its own offsets."""
    document = parse_document(text)
    for row in _rows(document):
        line = document.lines[row.line - 1]
        found = split_cells(text[line.start : line.end], row.indent, line.end - line.start)
        if found is None:  # a stray row's own split gave a cell of the whole line
            continue
        assert [(c.start, c.end) for c in row.cells] == [
            (line.start + a, line.start + b) for a, b in found
        ]


@settings(max_examples=300, deadline=None)
@given(st.lists(_TABLE_CHARS, max_size=120).map("".join))
def test_lines_and_blocks_made_on_demand_tile_the_text(text: str) -> None:
    document = parse_document(text)
    blocks = list(document.blocks)
    assert [b.first_line for b in blocks] == [1, *(b.last_line + 1 for b in blocks)][: len(blocks)]
    assert not blocks or blocks[-1].last_line == len(document.lines)
    for block in blocks:
        first, last = document.lines[block.first_line - 1], document.lines[block.last_line - 1]
        assert block.span == (first.start, last.span.end)
        assert document.block_at(block.last_line) == block
    for table in document.tables:
        assert table.block.kind == "table"
        assert table.block.first_line == table.header.line


def test_a_document_pickles_and_compares_by_value() -> None:
    text = "| a | b |\n|---|---|\n| x | y |\n\n| a | b |\n|---|---|\n| x | y |\n"
    document = parse_document(text)
    copy = pickle.loads(pickle.dumps(document))
    assert copy == document == parse_document(text)
    assert copy.tables[1].header.cells == document.tables[1].header.cells
    assert copy.lines == tuple(document.lines)
    assert repr(document.tables[1].header) == repr(copy.tables[1].header)
