"""The edit that brings stray rows back into their table, shared by DD101 and DD102."""

from __future__ import annotations

from collections.abc import Sequence

from ddlint.document import Document, Row, Table
from ddlint.findings import Edit
from ddlint.spans import Span


def rejoin_edits(document: Document, table: Table, rows: Sequence[Row]) -> tuple[Edit, ...]:
    """Edits that put ``rows`` (consecutive stray lines) right under ``table``.

    Only the lines between the table's last rendered row and the first stray row
    change: blank lines go, and blocks that interrupted the table (an HTML comment)
    move, verbatim, to just after the last stray row. Returns () when anything
    else stands in between, or when earlier stray rows must be rejoined first.
    """
    last = document.lines[table.last_line - 1]
    first, final = rows[0], rows[-1]
    between = range(table.last_line + 1, first.line)
    moved: list[str] = []
    for number in between:
        block = document.block_at(number)
        if block.kind == "blank":
            continue
        if block.kind != "html" or block.first_line < table.last_line + 1:
            return ()
        if block.last_line >= first.line:
            return ()
        if number == block.first_line:
            moved.append(block.span.slice(document.text))
    if not moved and not between:
        return ()
    after = final.line + 1
    # Text right under the last stray row (same paragraph) would become a table row
    # too once the rows rejoin: GitHub continues a table with any line.
    joined_text = after <= len(document.lines) and (
        document.block_at(after) is document.block_at(final.line)
    )
    if not moved and joined_text:
        return ()
    region = Span(last.span.end, document.lines[first.line - 1].start)
    if not last.newline:
        return ()
    edits = [Edit(region, "")]
    if moved:
        final_line = document.lines[final.line - 1]
        tail = "".join(moved)
        if not final_line.newline:  # the row ends the file: give it an ending first
            tail = last.newline + tail.rstrip("\r\n")
        edits.append(Edit(Span(final_line.span.end, final_line.span.end), tail))
    return tuple(edits)
