"""A new row's text in its table's padding and pipes (DD402's reading, ``_padding``).

The table's clear conventions come first: outer pipes, one padding pair around every
cell, or the display columns of a hand-aligned table's pipes. Without a clear padding
convention each column is padded as most of its own cells are (lists often write
`| Name |[**Title**](…) |`). An empty cell is one space where the padding has one
(`| |`), else nothing (`||`); in an aligned table it fills its column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ddlint.gfm.document import Document, Row, Table
from ddlint.inline.width import display_width
from ddlint.rules.format._padding import Padding, RowShape, read_row, read_table


def row_shapes(document: Document, table: Table) -> list[RowShape]:
    return [read_row(_row_text(document, row)) for row in table.rows]


def _row_text(document: Document, row: Row) -> str:
    return document.text[row.source.start + row.indent : row.source.end]


def write_row(document: Document, table: Table, cells: Sequence[str]) -> str:
    """The row's text (no indent, no line ending) holding ``cells``, one per column."""
    shapes = row_shapes(document, table) or [read_row(_row_text(document, table.header))]
    style = read_table(shapes)
    leading = style.leading if style.leading is not None else _most(s.leading for s in shapes)
    trailing = style.trailing if style.trailing is not None else _most(s.trailing for s in shapes)
    if style.pipes is not None and len(style.pipes) == len(cells) + leading + trailing - 1:
        return _aligned(cells, style.pipes, leading, trailing)
    paddings = [style.padding or _column_padding(shapes, k) for k in range(len(cells))]
    pieces = []
    for text, (before, after) in zip(cells, paddings):
        pieces.append(f"{before}{text}{after}" if text else (" " if before or after else ""))
    row = "|".join(pieces)
    return ("|" if leading else "") + row + ("|" if trailing else "")


def _aligned(cells: Sequence[str], pipes: Sequence[int], leading: bool, trailing: bool) -> str:
    """Each cell padded so that the pipes stand in the table's columns (where it fits)."""
    row = "|" if leading else ""
    stops = list(pipes[1:] if leading else pipes)
    for index, text in enumerate(cells):
        piece = f" {text} " if text else " "
        row += piece
        if index < len(stops):
            row += " " * max(0, stops[index] - display_width(row)) + "|"
    if not trailing:
        row = row.rstrip()
    return row


def _column_padding(shapes: Sequence[RowShape], column: int) -> Padding:
    befores: Counter[str] = Counter()
    afters: Counter[str] = Counter()
    for shape in shapes:
        if column < len(shape.pieces) and shape.pieces[column].text:
            befores[shape.pieces[column].before] += 1
            afters[shape.pieces[column].after] += 1
    if not befores:
        return (" ", " ")
    return befores.most_common(1)[0][0], afters.most_common(1)[0][0]


def _most(values: Iterable[bool]) -> bool:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else True
