"""Offsets into a text, and the map from offsets to 1-based lines and columns.

Every position ddlint keeps is a pair of string offsets (code points). Lines and
columns are computed only when something is shown to a person, so edits and
re-parses never have to keep two coordinate systems in step.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

# A line ends at CRLF, a lone CR or a lone LF, exactly as in CommonMark.
# str.splitlines() would also split on \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029,
# which Markdown treats as ordinary characters.
LINE_ENDING = re.compile(r"\r\n|\r|\n")


class Span(NamedTuple):
    """Half-open range ``[start, end)`` of string offsets."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    @property
    def length(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def _line_starts(text: str) -> list[int]:
    """The offset of each line's first character, the first line's 0 included."""
    if "\r" in text:
        return [0] + [m.end() for m in LINE_ENDING.finditer(text)]
    # Only LF: str.find in a loop is several times faster than the regular expression
    # (the text report indexes a whole cached file to print a few of its lines).
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


class LineIndex:
    """Maps offsets of one text to 1-based ``(line, column)``; columns count code points."""

    def __init__(self, text: str) -> None:
        self._starts: Sequence[int] = _line_starts(text)
        self._length = len(text)

    @classmethod
    def from_line_starts(cls, starts: Sequence[int], length: int) -> LineIndex:
        """The index of a text whose lines are already known (``starts`` begins with 0):
        scanning a large text again for line endings would cost more than its use."""
        index = cls.__new__(cls)
        index._starts, index._length = starts, length
        return index

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` (``offset == len(text)`` is allowed)."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
