"""The document model: blocks that tile the text, and tables as GitHub renders them.

Tables carry their rows and cells as offsets into the text. Beside the rows GitHub
renders, a table also owns its *stray rows* (DESIGN.md §1): pipe rows the author
plainly meant for it (same cell count, right after it, separated only by blank
lines or one interrupting block such as an HTML comment) that GitHub shows as text.
``gfm.parse.parse_document`` builds a ``Document``; ``gfm.stray`` finds the stray rows.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from ddlint.text.spans import LineIndex, Span


@dataclass(frozen=True, slots=True)  # slots: one per line, row and cell, 100 000s
class Line:
    number: int  # 1-based
    start: int
    end: int  # end of the content, before the line ending
    newline: str  # "\r\n", "\r", "\n" or "" on the last line

    @property
    def span(self) -> Span:
        return Span(self.start, self.end + len(self.newline))


@dataclass(frozen=True, slots=True)
class Block:
    """Whole lines ``first_line..last_line`` (1-based), one leaf of GitHub's block tree."""

    kind: str  # blank, paragraph, heading, code, html, thematic_break, table, other
    first_line: int
    last_line: int
    span: Span
    level: int = 0  # heading level
    html_type: int = 0


@dataclass(frozen=True, slots=True, init=False)
class Cell:
    # A large list has millions of cells: each keeps only its start offset and its text
    # (trimmed of the spaces around it); the end and the span are derived on demand.
    start: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        if end - start != len(text):
            raise ValueError(f"cell text of length {len(text)} given the span {start}..{end}")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "text", text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # 1-based
    source: Line  # the line the row is on
    indent: int  # where the row's content starts in its line (past spaces and container marks)
    cells: tuple[Cell, ...]
    rendered: bool  # False for a stray row GitHub shows as text
    kind: str  # header, delimiter, body, stray
    has_pipe: bool  # False for a plain line GitHub swallowed as a one-cell row

    # Spans are made when asked for, not stored: two per row of a 100 000-row list.
    @property
    def span(self) -> Span:
        """The row's content: from its first non-space character to the line end."""
        return Span(self.source.start + self.indent, self.source.end)

    @property
    def line_span(self) -> Span:
        """The whole line, ending included."""
        return self.source.span


@dataclass(frozen=True)
class Interruption:
    """A block between a table's rows and the stray rows after it (DD101)."""

    block: Block
    rows: tuple[int, ...]  # lines of the stray rows GitHub shows as text because of it

    @property
    def lost_rows(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class Table:
    index: int
    header: Row
    delimiter: Row
    body: tuple[Row, ...]  # rows GitHub renders
    stray: tuple[Row, ...]  # rows meant for this table that GitHub shows as text
    interruptions: tuple[Interruption, ...]
    alignments: tuple[str | None, ...]
    block: Block

    @property
    def columns(self) -> int:
        return len(self.header.cells)

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every data row, rendered or stray, in line order."""
        if not self.stray:
            return self.body
        return tuple(sorted(self.body + self.stray, key=lambda row: row.line))

    @property
    def first_line(self) -> int:
        return self.header.line

    @property
    def last_line(self) -> int:
        """Last line GitHub renders as part of the table."""
        return self.body[-1].line if self.body else self.delimiter.line


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # raw inline source, markers and closing hashes removed
    span: Span


@dataclass(frozen=True)
class Document:
    text: str
    lines: tuple[Line, ...]
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...]
    headings: tuple[Heading, ...]

    @cached_property
    def line_index(self) -> LineIndex:
        starts = [0] + [line.end + len(line.newline) for line in self.lines if line.newline]
        return LineIndex.from_line_starts(starts, len(self.text))

    def line_text(self, number: int) -> str:
        line = self.lines[number - 1]
        return self.text[line.start : line.end]

    def block_at(self, line: int) -> Block:
        index = bisect_right(self._block_starts, line) - 1
        if index >= 0 and self.blocks[index].first_line <= line <= self.blocks[index].last_line:
            return self.blocks[index]
        raise ValueError(f"no line {line}")

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.first_line for block in self.blocks]
