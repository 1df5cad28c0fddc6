"""DD402's reading of a table's own style: outer pipes, trailing whitespace, cell padding.

A row's text is read as GitHub splits it (an unescaped ``|`` ends a cell) into
pieces: the whitespace before each cell's text, the text, the whitespace after
it. From the rows of a table it reads, property by property, the table's
convention (``_format.clear_convention``: 80 % of the rows, and 5 rows):

* a leading pipe, and a trailing pipe, or none;
* no whitespace after the row (trailing whitespace is never a convention to keep:
  only its absence is one);
* the padding: one pair ``(before, after)`` of whitespace around every non-empty
  cell (`| a | b |` is ``(" ", " ")``, `|a|b|` is ``("", "")``), or, for a
  hand-aligned table, the display columns its pipes stand at.

Empty cells show no padding: `| |`, `||` and `|    |` fit every style.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ddlint.inline.width import display_width
from ddlint.rules.format._format import clear_convention, is_clear

_SPACE = " \t"
Padding = tuple[str, str]


class Piece(NamedTuple):
    # A tuple: read_row makes one per cell of every row, again at each fix pass.
    before: str  # whitespace between the pipe before the cell and its text
    text: str  # the cell's text, trimmed
    after: str  # whitespace between the text and the pipe after it


@dataclass(frozen=True, slots=True)
class RowShape:
    leading: bool  # the row starts with a pipe
    trailing: bool  # the row ends with a pipe (before any trailing whitespace)
    trailing_space: bool  # whitespace after the row's last character
    pieces: tuple[Piece, ...]
    padding: Padding | None  # the one pair around every non-empty cell; None: mixed or none
    pipes: tuple[int, ...]  # display columns of the row's pipes

    @property
    def shows_padding(self) -> bool:
        return any(piece.text for piece in self.pieces)


def read_row(text: str) -> RowShape:
    """The shape of a row's text (from its first non-space character to the line end)."""
    body = text.rstrip(_SPACE)
    raw, pipes = _split_at_pipes(body)
    leading = bool(pipes) and pipes[0] == 0
    trailing = bool(pipes) and pipes[-1] == len(body) - 1 and len(body) > 1
    first, last = (1 if leading else 0), (len(raw) - 1 if trailing else len(raw))
    pieces: list[Piece] = []
    befores: set[str] = set()
    afters: set[str] = set()
    for k in range(first, last):
        piece = raw[k]
        stripped = piece.strip(_SPACE)
        if not stripped:
            pieces.append(Piece(piece, "", ""))
            continue
        before = piece[: piece.index(stripped[0])]
        after = piece[len(before) + len(stripped) :]
        pieces.append(Piece(before, stripped, after))
        if k > 0:  # a pipe stands before it
            befores.add(before)
        if k < len(raw) - 1:  # and after it
            afters.add(after)
    padding: Padding | None = None
    if len(befores) <= 1 and len(afters) <= 1 and (befores or afters):
        padding = (next(iter(befores), ""), next(iter(afters), ""))
        if not befores or not afters:
            padding = None  # one side only (a one-cell row): it says too little
    if body.isascii() and body.isprintable():  # one column per character
        columns = tuple(pipes)
    else:
        columns = tuple(display_width(body[:p]) for p in pipes)
    return RowShape(leading, trailing, len(body) < len(text), tuple(pieces), padding, columns)


def _split_at_pipes(body: str) -> tuple[list[str], list[int]]:
    """The texts between the unescaped pipes of ``body``, and the pipes' offsets."""
    pipes: list[int] = []
    if "\\|" not in body:  # no escaped pipe: every pipe splits (str.split, done in C)
        raw = body.split("|")
        at = -1
        for part in raw[:-1]:
            at += len(part) + 1
            pipes.append(at)
        return raw, pipes
    at = body.find("|")
    while at >= 0:
        if at == 0 or body[at - 1] != "\\":  # a backslash before a pipe escapes it
            pipes.append(at)
        at = body.find("|", at + 1)
    cuts = [-1, *pipes, len(body)]
    return [body[cuts[k] + 1 : cuts[k + 1]] for k in range(len(cuts) - 1)], pipes


@dataclass(frozen=True)
class TableStyle:
    """A table's clear conventions; None where it has none."""

    rows: int  # the rows read
    leading: bool | None
    trailing: bool | None
    no_trailing_space: bool  # at least 80 % of the rows (and 5) end without whitespace
    padding: Padding | None
    pipes: tuple[int, ...] | None  # the columns of a hand-aligned table's pipes
    padding_rows: int  # the rows that write the padding convention (or align)
    padding_shown: int  # the rows that show padding at all
    leading_rows: int = 0  # the rows that follow each convention
    trailing_rows: int = 0
    plain_end_rows: int = 0


def read_table(shapes: Sequence[RowShape]) -> TableStyle:
    """The clear conventions of a table, from the shapes of its rows."""
    rows = len(shapes)
    leadings = Counter(shape.leading for shape in shapes)
    trailings = Counter(shape.trailing for shape in shapes)
    leading, trailing = clear_convention(leadings), clear_convention(trailings)
    plain_end = sum(not shape.trailing_space for shape in shapes)
    showing = [shape for shape in shapes if shape.shows_padding]
    paddings = Counter(shape.padding for shape in showing if shape.padding is not None)
    padding = clear_convention(paddings, len(showing))
    pipes = None
    count = paddings[padding] if padding is not None else 0
    if padding is None:
        columns = Counter(shape.pipes for shape in showing if len(shape.pipes) > 1)
        pipes = clear_convention(columns, len(showing))
        count = columns[pipes] if pipes is not None else 0
    return TableStyle(
        rows,
        leading,
        trailing,
        is_clear(plain_end, rows),
        padding,
        pipes,
        count,
        len(showing),
        leadings[leading] if leading is not None else 0,
        trailings[trailing] if trailing is not None else 0,
        plain_end,
    )


def breaks(shape: RowShape, style: TableStyle, *, delimiter: bool = False) -> str | None:
    """What of the table's conventions the row breaks first, as a message; a delimiter
    row is held to the outer pipes only (its dashes and padding are free)."""
    of = f"of {style.rows} rows of this table"
    if style.leading is not None and shape.leading != style.leading:
        if style.leading:
            return f"Row without a leading pipe: {style.leading_rows} {of} start with `|`"
        return f"Row with a leading pipe: {style.leading_rows} {of} start without one"
    if style.trailing is not None and shape.trailing != style.trailing:
        if style.trailing:
            return f"Row without a trailing pipe: {style.trailing_rows} {of} end with `|`"
        return f"Row with a trailing pipe: {style.trailing_rows} {of} end without one"
    if not delimiter and shape.shows_padding and not fits_padding(shape, style):
        counted = f"{style.padding_rows} of {style.padding_shown} rows of this table"
        if style.padding is not None:
            shape_text = "|{0}a{1}|{0}b{1}|".format(*style.padding)
            return f"Cell padding unlike the table's: {counted} write `{shape_text}`"
        return f"Cells not aligned like the table's: {counted} put their pipes in the same columns"
    if style.no_trailing_space and shape.trailing_space:
        return f"Trailing whitespace after the row: {style.plain_end_rows} {of} end without it"
    return None


def fits_padding(shape: RowShape, style: TableStyle) -> bool:
    """The row's non-empty cells are padded as the table's convention says (or the
    table has no padding convention)."""
    if style.padding is not None:
        return shape.padding == style.padding or _fits_one_side(shape, style.padding)
    if style.pipes is not None:
        return shape.pipes == style.pipes
    return True


def _fits_one_side(shape: RowShape, padding: Padding) -> bool:
    """A row that shows padding on one side only (one cell, one outer pipe) fits when
    that side is the convention's."""
    if shape.padding is not None:
        return False
    befores = {p.before for k, p in enumerate(shape.pieces) if p.text and (k or shape.leading)}
    last = len(shape.pieces) - 1
    afters = {
        p.after for k, p in enumerate(shape.pieces) if p.text and (k < last or shape.trailing)
    }
    return befores <= {padding[0]} and afters <= {padding[1]} and len(befores | afters) > 0
