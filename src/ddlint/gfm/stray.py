"""Tables from the block grammar's table leaves, each with its stray rows (DESIGN.md §1).

A stray row is a pipe row the author plainly meant for a table (same cell count, right
after it, separated only by blank lines or one interrupting block such as an HTML
comment) that GitHub shows as text. The table owns it beside the rows GitHub renders,
with the block that interrupted the table (DD101).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ddlint.gfm.blocks import Cells, Leaf
from ddlint.gfm.cells import alignment, is_delimiter_row, split_cells
from ddlint.gfm.document import Block, Blocks, Cell, Interruption, Lines, Row, RowShape, Table


class TableBuilder:
    """Turns table leaves into ``Table``s, and finds each table's stray rows."""

    def __init__(self, text: str, lines: Lines, contents: Sequence[str]) -> None:
        """Made before the block grammar runs, which makes each rendered row through
        ``rendered_row``; ``place`` gives it the grammar's leaves and blocks."""
        self.text, self.lines, self.contents = text, lines, contents
        self.blocks = Blocks(lines)
        self.leaf_at: dict[int, Leaf] = {}
        # Cells repeat (a venue, a task, a type, an empty link column): one string for
        # each distinct text, not one per cell.
        self.texts: dict[str, str] = {}
        # Each line content made into a row, with its row, then the shape its repeats
        # share: a row that repeats an earlier one keeps no cells of its own.
        self.seen: dict[str, Row | RowShape] = {}
        # Tables repeat their delimiter row's alignments: one tuple for each distinct one.
        self.alignments: dict[tuple[str | None, ...], tuple[str | None, ...]] = {}

    def place(self, leaves: list[Leaf], blocks: Blocks) -> None:
        self.blocks = blocks
        # Only paragraphs are read for stray rows.
        self.leaf_at = {leaf.lines[0] + 1: leaf for leaf in leaves if leaf.kind == "paragraph"}

    def rendered_row(self, index: int, content: str, start: int, kind: str, found: Cells) -> Row:
        """A row the block grammar took into a table, with its line and the cells it split."""
        row = self.row(index, start, kind, True, found, content)
        assert row is not None  # cells given: always a row
        return row

    def row(
        self,
        index: int,
        start: int,
        kind: str,
        rendered: bool,
        found: list[tuple[int, int]] | None = None,
        content: str | None = None,
    ) -> Row | None:
        """The row at line ``index``; ``found``: its cells, when the grammar split them;
        ``content``: the line, when the caller has it."""
        if content is None:
            content = self.contents[index]
        seen = self.seen.get(content)
        if seen is not None and seen.indent == start:  # the same cells as an earlier row
            if isinstance(seen, Row):
                seen = self.seen[content] = RowShape.of(seen)
            return Row(index + 1, self.lines, start, seen, rendered, kind, seen.has_pipe)
        if found is None:
            found = split_cells(content, start, len(content))
            if found is None:
                return None
        base, texts = self.lines.start(index), self.texts
        cells: list[Cell] = []
        for a, b in found:
            text = content[a:b]
            cells.append(Cell(base + a, base + b, texts.setdefault(text, text)))
        has_pipe = content.find("|", start) >= 0
        row = Row(index + 1, self.lines, start, tuple(cells), rendered, kind, has_pipe)
        if seen is None:
            self.seen[content] = row
        return row

    def build_all(self, leaves: list[Leaf | None]) -> tuple[Table, ...]:
        """The tables of the table leaves, in order; each leaf is let go of once its
        table is made, not when the whole document is."""
        tables: list[Table] = []
        for index, leaf in enumerate(leaves):
            assert leaf is not None
            leaves[index] = None
            tables.append(self.build(leaf, index))
        return tuple(tables)

    def build(self, leaf: Leaf, index: int) -> Table:
        rows = leaf.rows
        header, delimiter, body = rows[0], rows[1], tuple(rows[2:])
        # The table's block is the one its header starts.
        block_position = bisect_left(self.blocks.first_lines, header.line)
        columns = header.cell_count
        stray, interruptions = self._stray_rows(block_position, columns)
        # Nothing reads a table leaf once its table is made: its rows go now, not when
        # the whole document is parsed.
        leaf.rows = ()
        alignments = tuple(alignment(cell.text) for cell in delimiter.cells)
        alignments = self.alignments.setdefault(alignments, alignments)
        return Table(
            index=index,
            header=header,
            delimiter=delimiter,
            body=body,
            stray=tuple(stray),
            interruptions=tuple(interruptions),
            alignments=alignments,
            block=self.blocks,  # the table's is made when asked for
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
