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
from ddlint.gfm.rows import Cell, Row, RowShape, SharedRow
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


@dataclass(frozen=True)
class Interruption:
    """A block between a table's rows and the stray rows after it (DD101)."""

    block: Block
    rows: tuple[int, ...]  # lines of the stray rows GitHub shows as text because of it

    @property
    def lost_rows(self) -> int:
        return len(self.rows)


_TableExtra = tuple[tuple[Row, ...], tuple[Interruption, ...], tuple[str | None, ...]]
# The stray rows, interruptions and alignments of tables without stray rows, by their
# alignments: one tuple for all of them.
_PLAIN_EXTRAS: dict[tuple[str | None, ...], _TableExtra] = {}


class Table:
    """A table GitHub renders, with the stray rows meant for it."""

    # Six slots, not eight: the stray rows, the interruptions and the alignments are kept
    # together, and tables without stray rows share that tuple (a list has a million).
    __slots__ = ("_block", "_extra", "body", "delimiter", "header", "index")
    index: int
    header: Row
    delimiter: Row
    body: tuple[Row, ...]  # rows GitHub renders
    _extra: _TableExtra
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
        for name, value in zip(self._FIELDS, (index, header, delimiter, body)):
            object.__setattr__(self, name, value)
        extra = (stray, interruptions, alignments)
        if not stray and not interruptions:
            if len(_PLAIN_EXTRAS) > 1_000:  # a bound on what odd alignments keep
                _PLAIN_EXTRAS.clear()
            extra = _PLAIN_EXTRAS.setdefault(alignments, extra)
        object.__setattr__(self, "_extra", extra)
        object.__setattr__(self, "_block", block)

    _FIELDS = ("index", "header", "delimiter", "body", "stray")

    @property
    def stray(self) -> tuple[Row, ...]:
        """Rows meant for this table that GitHub shows as text."""
        return self._extra[0]

    @property
    def interruptions(self) -> tuple[Interruption, ...]:
        return self._extra[1]

    @property
    def alignments(self) -> tuple[str | None, ...]:
        return self._extra[2]

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
