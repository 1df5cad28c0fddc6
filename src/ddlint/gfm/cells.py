"""How GitHub splits one table line into cells (GFM-TABLES.md §6).

cmark-gfm splits the raw line before any inline parsing: every ``|`` not directly
after a backslash ends a cell, backticks and link brackets protect nothing. These
functions return offsets, so every cell keeps its exact source text.
"""

from __future__ import annotations

_SPACE = " \t"

# cmark-gfm stores the column count in a uint16: a line of more cells is no row.
MAX_CELLS = 65535


def split_cells(line: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Trimmed ``(start, end)`` offsets of each cell of ``line[start:end]``.

    ``start`` is the first non-space character of the row (its indentation and
    container prefix already skipped). Returns None when the text yields no cell
    at all, or more than GitHub can count: such a line is not a table row.
    """
    row = line[start:end]
    if "\\|" in row:  # escaped pipes: the careful scan below
        return split_cells_scanning(line, start, end)
    # The common row: str.split does the scanning in C (equal to the scan, tested).
    pieces = row.split("|")
    if len(pieces) == 1:
        return [_trim(line, start, end)] if row else None
    pos = start
    if not pieces[0]:  # a leading pipe opens the first cell
        del pieces[0]
        pos += 1
    cells: list[tuple[int, int]] = []
    for piece in pieces:
        after = pos + len(piece)
        stripped = piece.strip(_SPACE)
        if stripped:
            cell_start = after - len(piece.lstrip(_SPACE))
            cells.append((cell_start, cell_start + len(stripped)))
        else:  # an empty cell sits at its closing pipe, where the scan stops
            cells.append((after, after))
        pos = after + 1
    if not pieces[-1].strip(_SPACE):  # only spaces after the last pipe: no cell there
        cells.pop()
    if not cells or len(cells) > MAX_CELLS:
        return None
    return cells


def split_cells_scanning(line: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """``split_cells`` one pipe at a time: the reference, and the path for ``\\|``."""
    pos = start
    if pos < end and line[pos] == "|":
        pos = _skip_space(line, pos + 1, end)
    cells: list[tuple[int, int]] = []
    while pos < end:
        cell_start = pos
        pipe = line.find("|", pos, end)
        # A backslash right before a pipe protects it, whatever precedes the backslash.
        while pipe > 0 and line[pipe - 1] == "\\" and pipe - 1 >= cell_start:
            pipe = line.find("|", pipe + 1, end)
        cell_end = end if pipe < 0 else pipe
        cells.append(_trim(line, cell_start, cell_end))
        if len(cells) > MAX_CELLS:
            return None
        if pipe < 0:
            break
        pos = _skip_space(line, pipe + 1, end)
    return cells or None


def count_cells(line: str, start: int, end: int) -> int:
    cells = split_cells(line, start, end)
    return len(cells) if cells else 0


def is_delimiter_row(line: str, start: int, end: int) -> bool:
    """cmark-gfm's ``table_start``: ``|? :?-+:? (| :?-+:?)* |?`` with spaces or tabs around."""
    pos = start
    if pos < end and line[pos] == "|":
        pos += 1
    cells = 0
    while True:
        pos = _skip_space(line, pos, end)
        if pos < end and line[pos] == ":":
            pos += 1
        dashes = pos
        while pos < end and line[pos] == "-":
            pos += 1
        if pos == dashes:
            # Only a trailing pipe (or nothing) may follow the last cell.
            return cells > 0 and _skip_space(line, pos, end) == end
        cells += 1
        if pos < end and line[pos] == ":":
            pos += 1
        pos = _skip_space(line, pos, end)
        if pos == end:
            return True
        if line[pos] != "|":
            return False
        pos += 1


def alignment(cell: str) -> str | None:
    """``left``/``center``/``right`` from a delimiter cell's colons, or None."""
    left, right = cell.startswith(":"), cell.endswith(":")
    if left and right:
        return "center"
    if right:
        return "right"
    if left:
        return "left"
    return None


def _skip_space(line: str, pos: int, end: int) -> int:
    while pos < end and line[pos] in _SPACE:
        pos += 1
    return pos


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in _SPACE:
        start += 1
    while end > start and line[end - 1] in _SPACE:
        end -= 1
    return start, end
