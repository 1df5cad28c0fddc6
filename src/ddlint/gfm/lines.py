"""Where a document's lines and blocks are: kept as arrays of offsets and codes, a
``Line`` or ``Block`` is made when asked for.

A list of a million one-row tables has four million lines and two million blocks; as
objects, with their offsets (an ``int`` above 256 is an object too), they would take
about 130 and 180 bytes each.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import sub
from typing import overload

from ddlint.text.spans import Span


@dataclass(frozen=True, slots=True)  # slots: one per line, row and cell, 100 000s
class Line:
    number: int  # 1-based
    start: int
    end: int  # end of the content, before the line ending
    newline: str  # "\r\n", "\r", "\n" or "" on the last line

    @property
    def span(self) -> Span:
        return Span(self.start, self.end + len(self.newline))


class Lines(Sequence[Line]):
    """A document's lines, kept as an array of offsets and one of ending lengths: a
    ``Line`` is made when asked for. A list of a million one-row tables has four million
    lines; as objects, with their offsets (an ``int`` above 256 is an object too), they
    would take 128 bytes each.

    ``starts`` holds every line's start and, last, where the last line's ending ends
    (the text's length); ``endings`` the length of every line's ending (2 for CRLF, 1,
    0 for a last line without one): a line ends where the next starts, less its ending.
    """

    __slots__ = ("_endings", "_starts", "text")

    def __init__(self, text: str, starts: array[int], endings: bytearray) -> None:
        if len(starts) != len(endings) + 1:
            raise ValueError(f"{len(starts)} line starts for {len(endings)} line endings")
        self.text = text
        self._starts = starts
        self._endings = endings

    def __len__(self) -> int:
        return len(self._endings)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Line, ...]: ...

    def __getitem__(self, index: int | slice) -> Line | tuple[Line, ...]:
        if isinstance(index, slice):
            return tuple(self._line(i) for i in range(*index.indices(len(self._endings))))
        if index < 0:
            index += len(self._endings)
        if not 0 <= index < len(self._endings):
            raise IndexError("line index out of range")
        return self._line(index)

    def __iter__(self) -> Iterator[Line]:
        return (self._line(i) for i in range(len(self._endings)))

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if isinstance(other, Lines):
            return (
                self.text == other.text
                and self._endings == other._endings
                and self._starts == other._starts
            )
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.text, len(self._endings)))

    def __repr__(self) -> str:
        return f"Lines({len(self._endings)} lines)"

    def _line(self, index: int) -> Line:
        after = self._starts[index + 1]
        end = after - self._endings[index]
        newline = self.text[end:after] if after != end else ""
        return Line(index + 1, self._starts[index], end, newline)

    def start(self, index: int) -> int:
        """Where the line at 0-based ``index`` starts."""
        return self._starts[index]

    def end(self, index: int) -> int:
        """Where the line at 0-based ``index`` ends, before its line ending."""
        return self._starts[index + 1] - self._endings[index]

    def span_end(self, index: int) -> int:
        """Where the line at 0-based ``index`` ends, its line ending included."""
        return self._starts[index + 1]

    def line_starts(self) -> array[int]:
        """Where each line starts, and the empty line after a final line ending."""
        count = len(self._endings)
        if count and not self._endings[-1]:
            return self._starts[:count]  # the last line has no ending
        return self._starts[:]


class LineTexts(Sequence[str]):
    """Each line's content, without its ending, sliced from the text when asked for: a
    list of them would keep a string for every line of the document through the parse
    (the block grammar reads each line once, in order; later steps read a few again)."""

    __slots__ = ("_lines",)

    def __init__(self, lines: Lines) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        lines = self._lines
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(lines)))]
        if index < 0:
            index += len(lines)
        if not 0 <= index < len(lines):
            raise IndexError("line index out of range")
        return lines.text[lines.start(index) : lines.end(index)]

    def __iter__(self) -> Iterator[str]:
        lines = self._lines
        starts = lines._starts
        ends = map(sub, islice(starts, 1, None), lines._endings)
        return map(lines.text.__getitem__, map(slice, starts, ends))


@dataclass(frozen=True, slots=True)
class Block:
    """Whole lines ``first_line..last_line`` (1-based), one leaf of GitHub's block tree."""

    kind: str  # blank, paragraph, heading, code, html, thematic_break, table, other
    first_line: int
    last_line: int
    span: Span
    level: int = 0  # heading level
    html_type: int = 0


# Every kind a block may have (``Block.kind``), by its code in ``Blocks``.
BLOCK_KINDS = ("blank", "paragraph", "heading", "code", "html", "thematic_break", "table", "other")
_KIND_CODES = {kind: code for code, kind in enumerate(BLOCK_KINDS)}


class Blocks(Sequence[Block]):
    """A document's blocks, which tile its lines: each kept as its first line, its kind,
    its heading level and its HTML block type; its last line is the line before the next
    block's first, its span follows from the lines."""

    __slots__ = ("_firsts", "_html_types", "_kinds", "_levels", "lines")

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        # Line numbers: four bytes each, as a text of fewer lines than that has.
        self._firsts = array("I" if len(lines) < 2**32 else "q")
        self._kinds = bytearray()
        self._levels = bytearray()
        self._html_types = bytearray()

    def append(self, kind: str, first_line: int, level: int = 0, html_type: int = 0) -> None:
        """The next block: from ``first_line`` to the line before the next block's first
        (the last block: to the last line)."""
        self._firsts.append(first_line)
        self._kinds.append(_KIND_CODES[kind])
        self._levels.append(level)
        self._html_types.append(html_type)

    @property
    def first_lines(self) -> Sequence[int]:
        return self._firsts

    @property
    def kinds(self) -> Iterator[str]:
        return (BLOCK_KINDS[code] for code in self._kinds)

    def starting_at(self, line: int) -> Block:
        """The block whose first line is ``line``."""
        index = bisect_left(self._firsts, line)
        if index == len(self._firsts) or self._firsts[index] != line:
            raise ValueError(f"no block starts at line {line}")
        return self._block(index)

    def __len__(self) -> int:
        return len(self._firsts)

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Block, ...]: ...

    def __getitem__(self, index: int | slice) -> Block | tuple[Block, ...]:
        if isinstance(index, slice):
            return tuple(self._block(i) for i in range(*index.indices(len(self._firsts))))
        if index < 0:
            index += len(self._firsts)
        if not 0 <= index < len(self._firsts):
            raise IndexError("block index out of range")
        return self._block(index)

    def __iter__(self) -> Iterator[Block]:
        return (self._block(i) for i in range(len(self._firsts)))

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if isinstance(other, Blocks | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.lines, len(self._firsts)))

    def __repr__(self) -> str:
        return f"Blocks({len(self._firsts)} blocks)"

    def _block(self, index: int) -> Block:
        first = self._firsts[index]
        last = self._firsts[index + 1] - 1 if index + 1 < len(self._firsts) else len(self.lines)
        lines = self.lines
        span = Span(lines.start(first - 1), lines.span_end(last - 1))
        kind = BLOCK_KINDS[self._kinds[index]]
        return Block(kind, first, last, span, self._levels[index], self._html_types[index])
