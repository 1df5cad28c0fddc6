"""The only code that writes new table text: canonical rows and delimiter rows.

Two table styles (``table-style`` in the config):

* ``compact`` (the default) keeps diffs small. A row is ``| a | b |``: outer pipes and
  one space inside each pipe, whatever the other rows look like, so adding a row never
  re-pads the table. An empty cell is ``| |``. A delimiter row keeps its alignment
  colons and is written ``| --- | :--- | :---: | ---: |``; a delimiter row written
  without padding (``|---|:---:|``, GitHub's own examples and most lists) is accepted as
  it is, because its dashes carry nothing (see :func:`is_compact_delimiter`).
* ``aligned`` pads every column to the display width of its widest cell, counted with
  ``wcwidth`` (East Asian wide characters and emoji take two columns), and aligns the
  text as the delimiter row says. One long new row re-pads the whole table: opt in.

The canonical form always has outer pipes, whatever the table used: a row with outer
pipes has the same cells as one without (GFM-TABLES.md §6), and a leading pipe makes a
row unambiguous inside list items and after lazy text.

A table with a style of its own (``table-style`` unset: DD402 reads it from the table)
has its rows written by :func:`join_row`, from each cell's text and the whitespace the
table puts around it, with or without outer pipes, or aligned to the columns of the
table's pipes by :func:`align_to`.

Cell texts are written back exactly as given: escaped pipes stay escaped, nothing is
trimmed inside a cell. The padding added around a cell is a space, so a cell ending in a
backslash never escapes the pipe after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from ddlint.gfm.document import Row, Table
from ddlint.inline.width import display_width

TableStyle = Literal["compact", "aligned"]
Alignment = str | None  # "left", "center", "right" or None

_MIN_DELIMITER = 3  # `---`: the shortest delimiter cell we write


def _pad(text: str, width: int, alignment: Alignment) -> str:
    room = max(width - display_width(text), 0)
    if alignment == "right":
        return " " * room + text
    if alignment == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


def format_row(
    cells: Sequence[str],
    *,
    style: TableStyle = "compact",
    widths: Sequence[int] | None = None,
    alignments: Sequence[Alignment] = (),
    indent: str = "",
) -> str:
    """One table row of exactly ``cells`` (never padded with or cut to the header's count).

    ``widths`` (from :func:`column_widths`) is used by the aligned style only; a cell
    beyond ``widths`` or ``alignments`` is written unpadded, left-aligned.
    """
    if style == "compact":  # the common case, in one pass
        return indent + "|" + "|".join([f" {text} " if text else " " for text in cells]) + "|"
    parts: list[str] = []
    for index, text in enumerate(cells):
        if style == "aligned" and widths is not None and index < len(widths):
            align = alignments[index] if index < len(alignments) else None
            text = _pad(text, widths[index], align)
        parts.append(f" {text} " if text else " ")
    return indent + "|" + "|".join(parts) + "|"


def _delimiter_cell(alignment: Alignment, width: int) -> str:
    left = ":" if alignment in ("left", "center") else ""
    right = ":" if alignment in ("right", "center") else ""
    dashes = max(width - len(left) - len(right), 1)
    return left + "-" * dashes + right


def format_delimiter(
    alignments: Sequence[Alignment],
    *,
    style: TableStyle = "compact",
    widths: Sequence[int] | None = None,
    indent: str = "",
) -> str:
    """The delimiter row: ``| --- | :---: |`` (compact) or dashes filling each column."""
    cells = []
    for index, alignment in enumerate(alignments):
        width = _MIN_DELIMITER
        if style == "aligned" and widths is not None and index < len(widths):
            width = max(widths[index], _MIN_DELIMITER)
        if alignment is not None and style == "compact":
            width += 1 + (alignment == "center")  # `:---`, `:---:`: three dashes each
        cells.append(_delimiter_cell(alignment, width))
    return indent + "|" + "|".join(f" {cell} " for cell in cells) + "|"


def column_widths(rows: Iterable[Sequence[str]]) -> list[int]:
    """The display width of the widest cell of each column (a delimiter needs ``---``)."""
    widths: list[int] = []
    for cells in rows:
        for index, text in enumerate(cells):
            width = display_width(text)
            if index == len(widths):
                widths.append(_MIN_DELIMITER)
            widths[index] = max(widths[index], width)
    return widths


def is_compact_delimiter(text: str, cells: Sequence[str]) -> bool:
    """Whether a delimiter row is acceptable in the compact style.

    Outer pipes and the same padding everywhere: ``| --- | :-: |`` or ``|---|:-:|``. The
    number of dashes is free: it renders the same and rewriting it is churn.
    """
    return text in ("|" + "|".join(cells) + "|", "| " + " | ".join(cells) + " |")


def table_widths(table: Table) -> list[int]:
    """Column widths of the aligned style: every row the table owns, stray rows included,
    so that rejoining them does not re-pad the table a second time."""
    rows = (table.header, *table.body, *table.stray)
    return column_widths([cell.text for cell in row.cells] for row in rows if row.has_pipe)


def canonical_row(
    table: Table, row: Row, *, style: TableStyle = "compact", widths: Sequence[int] | None = None
) -> str:
    """``row`` (header, delimiter, body or stray) written in ``style``, same cells.

    For the aligned style pass ``widths=table_widths(table)`` when rendering many rows.
    """
    if style == "aligned" and widths is None:
        widths = table_widths(table)
    if row.kind == "delimiter":
        return format_delimiter(table.alignments, style=style, widths=widths)
    texts = [cell.text for cell in row.cells]
    return format_row(texts, style=style, widths=widths, alignments=table.alignments)


def is_canonical(
    table: Table,
    row: Row,
    text: str,
    *,
    style: TableStyle = "compact",
    widths: Sequence[int] | None = None,
) -> bool:
    """Whether ``text`` (the row's content) is already in ``style``."""
    if style == "compact" and row.kind == "delimiter":
        return is_compact_delimiter(text, [cell.text for cell in row.cells])
    return text == canonical_row(table, row, style=style, widths=widths)


Piece = tuple[str, str, str]  # whitespace before a cell's text, the text, whitespace after


def join_row(pieces: Sequence[Piece], *, leading: bool, trailing: bool) -> str | None:
    """A row of exactly these cells, each written ``before + text + after``, with or
    without outer pipes. None when GitHub would read other cells back: without a
    leading pipe an empty first cell vanishes (and so does an empty last cell without
    a trailing pipe), and a line without any pipe is no row of its own.
    """
    if not pieces or (not leading and not pieces[0][1]) or (not trailing and not pieces[-1][1]):
        return None
    if not leading and not trailing and len(pieces) == 1:
        return None
    parts = [before + text + after for before, text, after in pieces]
    if not leading:  # the row starts at its first cell: spaces there would be indentation
        parts[0] = parts[0].lstrip(" \t")
    if not trailing:  # nor may the row end in whitespace
        parts[-1] = parts[-1].rstrip(" \t")
    return ("|" if leading else "") + "|".join(parts) + ("|" if trailing else "")


def align_to(
    texts: Sequence[str],
    pipes: Sequence[int],
    alignments: Sequence[Alignment],
    *,
    leading: bool,
    trailing: bool,
) -> list[Piece] | None:
    """The pieces that put a row's pipes at the display columns ``pipes`` (those of a
    hand-aligned table), each cell padded as its column is aligned; None when the
    cells do not fit (a cell wider than its column) or the counts differ."""
    bounds: list[int | None] = [*([] if leading else [-1]), *pipes, *([] if trailing else [None])]
    if len(bounds) != len(texts) + 1:
        return None
    pieces: list[Piece] = []
    for index, text in enumerate(texts):
        start, end = bounds[index], bounds[index + 1]
        before = "" if start == -1 else " "
        if end is None:  # the last cell of a row without a trailing pipe ends the line
            pieces.append((before, text, ""))
            continue
        assert start is not None
        room = end - start - 1 - len(before) - display_width(text)
        if room < (1 if text else 0) or (start == -1 and room and not text):
            return None
        align = alignments[index] if index < len(alignments) else None
        if not text:
            pieces.append((before + " " * room, "", ""))
        elif align == "right":
            pieces.append((before + " " * (room - 1), text, " "))
        elif align == "center":
            pieces.append((before + " " * ((room - 1) // 2), text, " " * (room - (room - 1) // 2)))
        else:
            pieces.append((before, text, " " * room))
    return pieces
