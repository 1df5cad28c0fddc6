"""Pipe rows GitHub shows as text that belong to no table: text blocks (DD104).

Two shapes of a paragraph hold rows meant as a table that never started:

- a run of two or more lines starting with `|`, with no delimiter row anywhere in the
  paragraph (a section of papers written without a header, or whose header and
  delimiter row were lost);
- a header line over a delimiter row with another cell count (`|---|---|` under three
  header cells), and the pipe rows after it.

Rows a table above owns (its stray rows, DESIGN.md §1) are not text blocks. Each block
knows its own header when it has one (the line over a broken delimiter, or a first row
that reads as a paper table's header), else the nearest table above with the same cell
count: its columns read the block's rows, and DD104 proposes its header and delimiter
row as the fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ddlint.gfm.cells import count_cells, is_delimiter_row, split_cells
from ddlint.gfm.document import Block, Cell, Document, Row, Table
from ddlint.records.columns import map_columns

# Container markers before a paragraph line's content: block quotes, and a list
# item's marker on its first line.
_PREFIX = re.compile(r"(?:[ \t]*>[ \t]?)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?P<indent>[ \t]*)")


@dataclass(frozen=True)
class TextBlock:
    """Pipe rows of one paragraph that GitHub shows as text, meant as a table."""

    paragraph: Block
    rows: tuple[Row, ...]  # the data rows (not the header nor the delimiter row)
    header: Row | None  # the block's own header row
    delimiter: Row | None  # the block's delimiter row, whose cell count is wrong
    # Without a header of its own: the nearest table above of its width, or a block above
    # with a header of its own (DD104's fix makes it a table with that header).
    source: Table | TextBlock | None
    cells: int  # the block's width: its header's cell count, else its rows' usual count
    contained: bool  # inside a list item or a block quote (a container marker precedes it)

    @property
    def first_line(self) -> int:
        return self.header.line if self.header is not None else self.rows[0].line

    @property
    def last_line(self) -> int:
        return self.rows[-1].line if self.rows else self.first_line

    @property
    def source_header(self) -> Row | None:
        """The header row that reads the block's rows: its own, else its source's."""
        if self.header is not None or self.source is None:
            return self.header
        return self.source.header

    @property
    def lines(self) -> range:
        """Every line of the block, header and delimiter row included."""
        return range(self.first_line, self.last_line + 1)


_Line = tuple[int, int, str]  # number, where the content starts, text


def text_blocks(
    document: Document, aliases: Mapping[str, str] | None = None
) -> tuple[TextBlock, ...]:
    """The text blocks of ``document``, in line order (``aliases``: the configured header
    aliases, which tell whether a block's first row is a header)."""
    stray = {row.line for table in document.tables for row in table.stray}
    blocks: list[TextBlock] = []
    for paragraph in document.blocks:
        if paragraph.kind != "paragraph":
            continue
        lines = [
            content_start(document, n) for n in range(paragraph.first_line, paragraph.last_line + 1)
        ]
        # In a list item or a block quote, or indented: a fix could not start a table.
        contained = any(start > 0 for _, start, _ in lines)
        if any(is_delimiter_row(text, start, len(text)) for _, start, text in lines):
            block = _broken_delimiter(document, paragraph, lines, stray, contained)
            if block is not None:
                blocks.append(block)
            continue
        for run in _runs(lines, stray):
            rows = tuple(_row(document, line) for line in run)
            header = rows[0] if _is_header(rows[0], aliases) else None
            data = rows[1:] if header is not None else rows
            width = len(header.cells) if header else _usual_width(data)
            source = None if header is not None else _source(document, blocks, data[0], width)
            blocks.append(TextBlock(paragraph, data, header, None, source, width, contained))
    return tuple(blocks)


def content_start(document: Document, number: int) -> _Line:
    """A paragraph line: its number, where its content starts, and its text."""
    text = document.line_text(number)
    match = _PREFIX.match(text)
    return number, match.end() if match else 0, text


def is_indented_delimiter(start: int, text: str) -> bool:
    """A delimiter row GitHub tries: indented less than 4 columns (more is text)."""
    match = _PREFIX.match(text)
    indent = match.group("indent").expandtabs(4) if match else ""
    return len(indent) < 4 and is_delimiter_row(text, start, len(text))


def _runs(lines: list[_Line], stray: set[int]) -> list[list[_Line]]:
    """Two or more consecutive lines starting with `|`, owned by no table."""
    runs: list[list[_Line]] = []
    run: list[_Line] = []
    for line in [*lines, (0, 0, "")]:
        number, start, text = line
        if number and number not in stray and text.startswith("|", start):
            run.append(line)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    return runs


def _broken_delimiter(
    document: Document, paragraph: Block, lines: list[_Line], stray: set[int], contained: bool
) -> TextBlock | None:
    """The first delimiter row whose cell count differs from the header line above it,
    with the header and the pipe rows after it."""
    for index in range(1, len(lines)):
        _, start, text = lines[index]
        if not is_indented_delimiter(start, text) or lines[index - 1][0] in stray:
            continue
        head_line = lines[index - 1]
        width = count_cells(head_line[2], head_line[1], len(head_line[2]))
        if width == count_cells(text, start, len(text)):
            continue
        rows: list[Row] = []
        for line in lines[index + 1 :]:
            if not line[2].startswith("|", line[1]) or is_delimiter_row(
                line[2], line[1], len(line[2])
            ):
                break
            rows.append(_row(document, line))
        header, delimiter = _row(document, head_line), _row(document, lines[index])
        return TextBlock(paragraph, tuple(rows), header, delimiter, None, width, contained)
    return None


def _row(document: Document, line: _Line) -> Row:
    number, start, text = line
    source = document.lines[number - 1]
    found = split_cells(text, start, len(text)) or [(start, len(text))]
    cells = tuple(Cell(source.start + a, source.start + b, text[a:b]) for a, b in found)
    return Row(number, document.lines, start, cells, False, "stray", "|" in text[start:])


def _is_header(row: Row, aliases: Mapping[str, str] | None) -> bool:
    """A first row that reads as a paper table's header: no link, and its cells name
    a title and an author, venue or date column."""
    if any("](" in cell.text or "<" in cell.text for cell in row.cells):
        return False
    try:
        return map_columns([cell.text for cell in row.cells], aliases).is_paper_table
    except ValueError:  # aliases naming an unknown field: the configuration reports it
        return False


def _usual_width(rows: tuple[Row, ...]) -> int:
    return Counter(len(row.cells) for row in rows).most_common(1)[0][0]


def _source(
    document: Document, blocks: list[TextBlock], first: Row, width: int
) -> Table | TextBlock | None:
    """The nearest table above ``first`` with ``width`` columns, or block above with a
    header of its own of that width (or with such a source).

    Only the structure decides, never the cells: a fix changes cells, and must not
    change how the rows of a block are read (DESIGN.md §3.3). A block above counts as
    the table DD104's fix makes of it, so that fix changes no block below.
    """
    found: tuple[int, Table | TextBlock] | None = None
    for table in document.tables:
        if table.header.line >= first.line:
            break
        if table.columns == width:
            found = (table.header.line, table)
    for block in blocks:
        if block.delimiter is not None or block.cells != width:
            continue
        root = block if block.header is not None else block.source
        if root is not None and (found is None or block.first_line > found[0]):
            found = (block.first_line, root)
    return found[1] if found is not None else None


def block_lines(document: Document) -> set[int]:
    """The lines of every text block (the fixer counts them as table lines)."""
    return {line for block in text_blocks(document) for line in block.lines}
