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
