"""The document model: blocks that tile the text, and tables as GitHub renders them.

Tables carry their rows and cells as offsets into the text. Beside the rows GitHub
renders, a table also owns its *stray rows* (DESIGN.md §1): pipe rows the author
plainly meant for it (same cell count, right after it, separated only by blank
lines or one interrupting block such as an HTML comment) that GitHub shows as text.
``gfm.parse.parse_document`` builds a ``Document``; ``gfm.stray`` finds the stray rows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import FrozenInstanceError, dataclass
from functools import cached_property

from ddlint.gfm.lines import Block, Blocks, Line, Lines
from ddlint.text.spans import LineIndex, Span

__all__ = [
    "Block",
    "Blocks",
    "Cell",
    "Document",
    "Heading",
    "Interruption",
    "Line",
    "Lines",
    "Row",
    "RowShape",
    "SharedRow",
    "Table",
]


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

    @classmethod
    def at(cls, start: int, text: str) -> Cell:
        """The cell of ``text`` at ``start`` (its span follows from them)."""
        cell = cls.__new__(cls)
        object.__setattr__(cell, "start", start)
        object.__setattr__(cell, "text", text)
        return cell

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))


class RowShape:
    """The cells of a row as offsets from its line's start, and their texts: what rows of
    the same line content share (every table of a list repeats its header and delimiter
    rows, and some lists repeat whole rows), so that those rows keep no cells of their
    own and make them when asked for."""

    __slots__ = ("has_pipe", "indent", "offsets", "texts")

    def __init__(
        self, indent: int, offsets: tuple[int, ...], texts: tuple[str, ...], has_pipe: bool
    ) -> None:
        self.indent, self.offsets, self.texts, self.has_pipe = indent, offsets, texts, has_pipe

    @classmethod
    def of(cls, row: Row) -> RowShape:
        base = row.lines.start(row.line - 1)
        cells = row.cells
        offsets = tuple(c.start - base for c in cells)
        return cls(row.indent, offsets, tuple(c.text for c in cells), row.has_pipe)

    def cells(self, base: int) -> tuple[Cell, ...]:
        return tuple(
            [Cell.at(base + offset, text) for offset, text in zip(self.offsets, self.texts)]
        )


class Row:
    """A row of a table, rendered or stray: its line, where its content starts in that
    line, and its cells."""

    __slots__ = ("cells", "has_pipe", "indent", "kind", "line", "lines", "rendered")
    line: int  # 1-based
    lines: Lines  # the document's lines (the row's own is ``source``)
    indent: int  # where the row's content starts in its line (past spaces and container marks)
    cells: tuple[Cell, ...]
    rendered: bool  # False for a stray row GitHub shows as text
    kind: str  # header, delimiter, body, stray
    has_pipe: bool  # False for a plain line GitHub swallowed as a one-cell row

    def __new__(
        cls,
        line: int,
        lines: Lines,
        indent: int,
        cells: tuple[Cell, ...] | RowShape,
        rendered: bool,
        kind: str,
        has_pipe: bool,
    ) -> Row:
        # A row of a shared shape is a SharedRow: the cells of every other row stay a
        # plain attribute, read as fast as before.
        return object.__new__(SharedRow if isinstance(cells, RowShape) else cls)

    def __init__(
        self,
        line: int,
        lines: Lines,
        indent: int,
        cells: tuple[Cell, ...] | RowShape,
        rendered: bool,
        kind: str,
        has_pipe: bool,
    ) -> None:
        """``cells``: the row's own, or the shape it shares with rows of the same content."""
        for name, value in (
            ("line", line),
            ("lines", lines),
            ("indent", indent),
            ("shape" if isinstance(cells, RowShape) else "cells", cells),
            ("rendered", rendered),
            ("kind", kind),
            ("has_pipe", has_pipe),
        ):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[Row], tuple[object, ...]]:
        fields = (self.line, self.lines, self.indent, self._stored())
        return Row, (*fields, self.rendered, self.kind, self.has_pipe)

    def _stored(self) -> tuple[Cell, ...] | RowShape:
        return self.cells

    @property
    def cell_count(self) -> int:
        """``len(cells)``, without making the cells of a shared row."""
        return len(self.cells)

    def _key(self) -> tuple[object, ...]:
        return (
            self.line,
            self.lines,
            self.indent,
            self.cells,
            self.rendered,
            self.kind,
            self.has_pipe,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Row):
            return NotImplemented
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Row(line={self.line!r}, lines={self.lines!r}, indent={self.indent!r}, "
            f"cells={self.cells!r}, rendered={self.rendered!r}, kind={self.kind!r}, "
            f"has_pipe={self.has_pipe!r})"
        )

    # The line and the spans are made when asked for, not stored: a row keeps no
    # offsets of its own beside its cells'.
    @property
    def source(self) -> Line:
        """The line the row is on."""
        return self.lines[self.line - 1]

    @property
    def span(self) -> Span:
        """The row's content: from its first non-space character to the line end."""
        index = self.line - 1
        return Span(self.lines.start(index) + self.indent, self.lines.end(index))

    @property
    def line_span(self) -> Span:
        """The whole line, ending included."""
        index = self.line - 1
        return Span(self.lines.start(index), self.lines.span_end(index))


class SharedRow(Row):
    """A row that repeats an earlier row's line content: it keeps the shape they share
    and makes its cells when asked for."""

    __slots__ = ("shape",)
    shape: RowShape

    # Read-only here (a Row is frozen anyway): made from the shape.
    @property
    def cells(self) -> tuple[Cell, ...]:  # type: ignore[override]
        return self.shape.cells(self.lines.start(self.line - 1))

    @property
    def cell_count(self) -> int:
        return len(self.shape.texts)

    def _stored(self) -> tuple[Cell, ...] | RowShape:
        return self.shape


@dataclass(frozen=True)
class Interruption:
    """A block between a table's rows and the stray rows after it (DD101)."""

    block: Block
    rows: tuple[int, ...]  # lines of the stray rows GitHub shows as text because of it

    @property
    def lost_rows(self) -> int:
        return len(self.rows)


class Table:
    """A table GitHub renders, with the stray rows meant for it."""

    __slots__ = (
        "_block",
        "alignments",
        "body",
        "delimiter",
        "header",
        "index",
        "interruptions",
        "stray",
    )
    index: int
    header: Row
    delimiter: Row
    body: tuple[Row, ...]  # rows GitHub renders
    stray: tuple[Row, ...]  # rows meant for this table that GitHub shows as text
    interruptions: tuple[Interruption, ...]
    alignments: tuple[str | None, ...]
    _block: Block | Blocks

    def __init__(
        self,
        index: int,
        header: Row,
        delimiter: Row,
        body: tuple[Row, ...],
        stray: tuple[Row, ...],
        interruptions: tuple[Interruption, ...],
        alignments: tuple[str | None, ...],
        block: Block | Blocks,
    ) -> None:
        """``block``: the table's block, or the document's blocks, of which the table's is
        the one its header starts (made when asked for)."""
        for name, value in zip(self._FIELDS, (index, header, delimiter, body, stray)):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "interruptions", interruptions)
        object.__setattr__(self, "alignments", alignments)
        object.__setattr__(self, "_block", block)

    _FIELDS = ("index", "header", "delimiter", "body", "stray")

    @property
    def block(self) -> Block:
        block = self._block
        if isinstance(block, Blocks):
            return block.starting_at(self.header.line)
        return block

    def _key(self) -> tuple[object, ...]:
        return (
            self.index,
            self.header,
            self.delimiter,
            self.body,
            self.stray,
            self.interruptions,
            self.alignments,
            self.block,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Table:
            return NotImplemented
        assert isinstance(other, Table)
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        names = (*self._FIELDS, "interruptions", "alignments", "block")
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(names, self._key()))
        return f"Table({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[Table], tuple[object, ...]]:
        return Table, (*self._key()[:-1], self._block)

    @property
    def columns(self) -> int:
        # Counted without making the header's cells: rules ask this for every row.
        return self.header.cell_count

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
    lines: Lines
    blocks: Blocks
    tables: tuple[Table, ...]
    headings: tuple[Heading, ...]

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex.from_line_starts(self.lines.line_starts(), len(self.text))

    def line_text(self, number: int) -> str:
        line = self.lines[number - 1]
        return self.text[line.start : line.end]

    def block_at(self, line: int) -> Block:
        index = bisect_right(self._block_starts, line) - 1
        if index >= 0 and (block := self.blocks[index]).first_line <= line <= block.last_line:
            return block
        raise ValueError(f"no line {line}")

    @property
    def _block_starts(self) -> Sequence[int]:
        return self.blocks.first_lines
