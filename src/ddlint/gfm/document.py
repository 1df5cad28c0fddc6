"""The document model: blocks that tile the text, and tables as GitHub renders them.

``parse_document`` splits the text into lines (on CRLF, CR or LF only), runs the
block grammar of ``gfm.py`` over them and groups the lines into blocks that cover
the text exactly, so ``render_document(parse_document(t)) == t`` for every string.

Tables carry their rows and cells as offsets into the text. Beside the rows GitHub
renders, a table also owns its *stray rows* (DESIGN.md §1): pipe rows the author
plainly meant for it (same cell count, right after it, separated only by blank
lines or one interrupting block such as an HTML comment) that GitHub shows as text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from ddlint.gfm.blocks import Leaf, parse_blocks
from ddlint.gfm.cells import alignment, is_delimiter_row, split_cells
from ddlint.text.spans import LINE_ENDING, LineIndex, Span


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


def split_lines(text: str) -> tuple[Line, ...]:
    if "\r" in text:
        return split_lines_scanning(text)
    # Only LF ends a line here: str.split finds them in C (equal to the scan, tested).
    pieces = text.split("\n")
    last = pieces.pop()  # after the final LF: "" when the text ends with one
    lines: list[Line] = []
    start = 0
    for number, piece in enumerate(pieces, 1):
        end = start + len(piece)
        lines.append(Line(number, start, end, "\n"))
        start = end + 1
    if last:
        lines.append(Line(len(lines) + 1, start, len(text), ""))
    return tuple(lines)


def split_lines_scanning(text: str) -> tuple[Line, ...]:
    """``split_lines`` by regular expression: the reference, and the path for CR endings."""
    lines: list[Line] = []
    start = 0
    for match in LINE_ENDING.finditer(text):
        lines.append(Line(len(lines) + 1, start, match.start(), match.group()))
        start = match.end()
    if start < len(text):
        lines.append(Line(len(lines) + 1, start, len(text), ""))
    return tuple(lines)


def render_document(document: Document) -> str:
    return "".join(block.span.slice(document.text) for block in document.blocks)


def parse_document(text: str) -> Document:
    lines = split_lines(text)
    contents = [text[line.start : line.end] for line in lines]
    leaves = parse_blocks(contents)
    owner: list[Leaf | None] = [None] * len(lines)
    for leaf in leaves:
        for index in leaf.lines:
            owner[index] = leaf
    blocks = _tile(lines, contents, owner)
    builder = _TableBuilder(text, lines, contents, leaves, blocks)
    table_leaves = [leaf for leaf in leaves if leaf.kind == "table"]
    tables = tuple(builder.build(leaf, index) for index, leaf in enumerate(table_leaves))
    headings = tuple(_heading(text, lines, leaf) for leaf in leaves if leaf.kind == "heading")
    return Document(text, lines, blocks, tables, headings)


def _tile(
    lines: tuple[Line, ...], contents: list[str], owner: list[Leaf | None]
) -> tuple[Block, ...]:
    """Group consecutive lines with the same leaf (or none) into blocks."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        leaf = owner[index]
        kind = leaf.kind if leaf is not None else _bare_kind(contents[index])
        end = index + 1
        while end < len(lines) and owner[end] is leaf:
            if leaf is None and _bare_kind(contents[end]) != kind:
                break
            end += 1
        first, last = lines[index], lines[end - 1]
        level, html_type = (leaf.level, leaf.html_type) if leaf is not None else (0, 0)
        span = Span(first.start, last.span.end)
        blocks.append(Block(kind, first.number, last.number, span, level, html_type))
        index = end
    return tuple(blocks)


def _bare_kind(content: str) -> str:
    # A line in no leaf is blank, or holds only container markers (`>`, `- `).
    return "blank" if content.strip(" \t") == "" else "other"


def _heading(text: str, lines: tuple[Line, ...], leaf: Leaf) -> Heading:
    first = lines[leaf.lines[0]]
    if len(leaf.lines) == 1:  # ATX: strip the opening and the optional closing hashes
        content = text[first.start + leaf.starts[0] : first.end].lstrip("#").strip(" \t")
        stripped = content.rstrip("#")
        if stripped != content and (stripped == "" or stripped[-1] in " \t"):
            content = stripped.rstrip(" \t")
    else:  # setext: every line but the underline
        parts = [
            text[lines[i].start + start : lines[i].end].strip(" \t")
            for i, start in zip(leaf.lines[:-1], leaf.starts[:-1])
        ]
        content = " ".join(parts)
    last = lines[leaf.lines[-1]]
    return Heading(first.number, leaf.level, content, Span(first.start, last.end))


class _TableBuilder:
    """Turns table leaves into ``Table``s, and finds each table's stray rows."""

    def __init__(
        self,
        text: str,
        lines: tuple[Line, ...],
        contents: list[str],
        leaves: list[Leaf],
        blocks: tuple[Block, ...],
    ) -> None:
        self.text, self.lines, self.contents = text, lines, contents
        self.blocks = blocks
        self.block_index = {block.first_line: i for i, block in enumerate(blocks)}
        self.leaf_at = {leaf.lines[0] + 1: leaf for leaf in leaves}
        # Cells repeat (a venue, a task, a type, an empty link column): one string for
        # each distinct text, not one per cell.
        self.texts: dict[str, str] = {}

    def row(
        self,
        index: int,
        start: int,
        kind: str,
        rendered: bool,
        found: list[tuple[int, int]] | None = None,
    ) -> Row | None:
        """The row at line ``index``; ``found``: its cells, when the grammar split them."""
        line, content = self.lines[index], self.contents[index]
        if found is None:
            found = split_cells(content, start, len(content))
            if found is None:
                return None
        base, texts = line.start, self.texts
        cells: list[Cell] = []
        for a, b in found:
            text = content[a:b]
            cells.append(Cell(base + a, base + b, texts.setdefault(text, text)))
        has_pipe = content.find("|", start) >= 0
        return Row(line.number, line, start, tuple(cells), rendered, kind, has_pipe)

    def build(self, leaf: Leaf, index: int) -> Table:
        rows = [
            self.row(i, start, kind, True, leaf.cells.pop(i, None))  # freed as rows are made
            for position, (i, start) in enumerate(zip(leaf.lines, leaf.starts))
            for kind in ("header" if position == 0 else "delimiter" if position == 1 else "body",)
        ]
        header, delimiter, *body = (row for row in rows if row is not None)
        block_position = self.block_index[header.line]
        block = self.blocks[block_position]
        columns = len(header.cells)
        stray, interruptions = self._stray_rows(block_position, columns)
        alignments = tuple(alignment(cell.text) for cell in delimiter.cells)
        return Table(
            index=index,
            header=header,
            delimiter=delimiter,
            body=tuple(body),
            stray=tuple(stray),
            interruptions=tuple(interruptions),
            alignments=alignments,
            block=block,
        )

    def _stray_rows(self, position: int, columns: int) -> tuple[list[Row], list[Interruption]]:
        """Rows after the table at ``blocks[position]`` that GitHub shows as text.

        Blank lines and HTML comments may stand between them and the table; any
        other block only when it sits directly under the last row (it interrupted
        the table) and the rows follow it directly.
        """
        stray: list[Row] = []
        interruptions: list[Interruption] = []
        interrupter: Block | None = None
        after_blank = False
        blocks = self.blocks
        for index in range(position + 1, len(blocks)):  # no slice: a copy per table is O(n²)
            block = blocks[index]
            if block.kind == "blank":
                after_blank = True
                continue
            adjacent = not after_blank and not stray
            if block.kind == "html" and adjacent and block.html_type >= 6:
                # `<img …>` or `</div>` under a row: the HTML block runs to the next
                # blank line and swallows the rows after it as raw HTML.
                rows = self._html_rows(block, columns)
                if rows:
                    first = self.lines[block.first_line - 1]
                    cut = Block("html", first.number, first.number, first.span, 0, block.html_type)
                    interruptions.append(Interruption(cut, tuple(r.line for r in rows)))
                    stray.extend(rows)
                    if rows[-1].line != block.last_line:
                        break
                    after_blank = False
                    continue
            if block.kind == "html" and (block.html_type == 2 or adjacent):
                if adjacent and interrupter is None:
                    interrupter = block
                continue
            if block.kind in ("heading", "thematic_break", "other") and adjacent:
                if interrupter is None and block.first_line == block.last_line:
                    interrupter = block
                    continue
                break
            if block.kind != "paragraph":
                break
            rows, complete = self._paragraph_rows(block, columns, adjacent and interrupter is None)
            if rows and interrupter is None and rows[0].line > block.first_line:
                # A list item or block quote line swallowed the rows as lazy lines.
                line = self.lines[block.first_line - 1]
                interrupter = Block("other", line.number, line.number, line.span)
            if not rows:
                break
            if interrupter is not None:
                interruptions.append(Interruption(interrupter, tuple(r.line for r in rows)))
                interrupter = None
            stray.extend(rows)
            if not complete:
                break
            after_blank = False
        return stray, interruptions

    def _html_rows(self, block: Block, columns: int) -> list[Row]:
        """Pipe rows inside an HTML block, after its first line, that fit the table."""
        rows: list[Row] = []
        for number in range(block.first_line + 1, block.last_line + 1):
            index = number - 1
            content = self.contents[index]
            start = len(content) - len(content.lstrip(" \t"))
            if not self._fits(index, start, columns):
                break
            row = self.row(index, start, "stray", False)
            if row is None:
                break
            rows.append(row)
        return rows

    def _paragraph_rows(
        self, block: Block, columns: int, may_skip_first: bool
    ) -> tuple[list[Row], bool]:
        """The leading pipe rows of a paragraph that fit a table of ``columns``."""
        leaf = self.leaf_at.get(block.first_line)
        if leaf is None or leaf.kind != "paragraph":
            return [], False
        pairs = list(zip(leaf.lines, leaf.starts))
        if may_skip_first and len(pairs) > 1 and not self._fits(*pairs[0], columns):
            if self.contents[pairs[0][0]][: pairs[0][1]].strip(" \t") == "":
                return [], False  # the first line has no container marker: plain text
            pairs = pairs[1:]
        rows: list[Row] = []
        for index, start in pairs:
            content = self.contents[index]
            if not self._fits(index, start, columns) or is_delimiter_row(
                content, start, len(content)
            ):
                break
            row = self.row(index, start, "stray", False)
            if row is None:
                break
            rows.append(row)
        if any(is_delimiter_row(self.contents[i], s, len(self.contents[i])) for i, s in pairs):
            return [], False  # a broken table of its own, not rows of this one
        return rows, len(rows) == len(pairs)

    def _fits(self, index: int, start: int, columns: int) -> bool:
        content = self.contents[index]
        cells = split_cells(content, start, len(content))
        if cells is None:
            return False
        if len(cells) == columns:
            return True
        # A row written with outer pipes is a row even with one cell too many or few.
        return content.startswith("|", start) and abs(len(cells) - columns) <= 1
