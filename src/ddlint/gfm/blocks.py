"""GitHub's block structure, line by line, as cmark-gfm's ``blocks.c`` builds it.

Only what decides where tables are is modelled: containers (block quotes, list
items, footnote definitions) and leaves (paragraphs, headings, code, HTML blocks,
thematic breaks, tables). Each source line is assigned to the leaf it ends up in,
so ``parse.py`` can tile the text with blocks and know, for every table, which
lines GitHub renders as its rows. GFM-TABLES.md lists the facts this follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ddlint.gfm.cells import is_delimiter_row, split_cells
from ddlint.gfm.document import Row

CODE_INDENT = 4
# table.c refuses further rows once padding would exceed this many cells.
MAX_AUTOCOMPLETED_CELLS = 0x80000

_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"(`{3,})(?!.*`)|(~{3,})")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:")
_ORDERED = re.compile(r"([0-9]{1,9})([.)])")
_HTML_1 = re.compile(r"<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.IGNORECASE)
_HTML_1_END = re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
_HTML_6 = re.compile(rf"</?(?:{_BLOCK_TAGS})(?:[ \t>]|/>|$)", re.IGNORECASE)
_ATTRIBUTE = (
    r"""(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)"""
)
_HTML_7 = re.compile(
    rf"(?:<[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*[ \t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$"
)
_HTML_END = {2: "-->", 3: "?>", 4: ">", 5: "]]>"}
# First characters that may start a block (or a container) on a line under a table.
_BLOCK_START_CHARS = frozenset(">#`~<=-*_[+0123456789 \t")

Cells = list[tuple[int, int]]
MakeRow = Callable[[int, str, int, str, Cells], Row]
# A table leaf keeps its rows, which know their lines: it keeps no lists of lines. One
# empty list serves every table: nothing adds a line to a table leaf (``_add`` is for
# the other leaves; tests/gfm check it stays empty).
_TABLE_LINES: list[int] = []


@dataclass(eq=False, slots=True)  # slots: one per table and paragraph, 100 000s
class Leaf:
    """A leaf block and where its lines are: a table's rows know their lines (see
    ``line_indexes``); every other leaf keeps the 0-based indexes of its lines."""

    kind: str  # paragraph, heading, code, html, thematic_break, table
    lines: list[int] = field(default_factory=list)
    # Offset in each line where the leaf's content starts (after container prefixes).
    starts: list[int] = field(default_factory=list)
    level: int = 0  # heading level
    html_type: int = 0
    # Tables: the header's cell count, which every row is cut or padded to.
    columns: int = 0
    autocompleted: int = 0
    visited: bool = False  # a failed delimiter "strikes" the paragraph (TABLE_VISITED)
    fence: str = ""
    fence_indent: int = 0
    closed: bool = False
    # Tables: each row, in line order, made (``make_row``) as the grammar takes it: a
    # table's cells are split once, and never kept as offsets for the whole document.
    # A list while the table is open, a tuple once it is closed.
    rows: Sequence[Row] = ()

    def line_indexes(self) -> Sequence[int]:
        """The 0-based indexes of the leaf's lines."""
        if self.kind == "table":
            return [row.line - 1 for row in self.rows]
        return self.lines


@dataclass(eq=False)
class _Container:
    kind: str  # document, block_quote, list, item, footnote
    content_indent: int = 0
    bullet: str = ""  # the list marker character (or delimiter for ordered lists)
    has_children: bool = False


class _Cursor:
    """cmark's parser position in one line: offset, visual column, partly eaten tab."""

    __slots__ = (
        "blank",
        "column",
        "first_nonspace",
        "first_nonspace_column",
        "indent",
        "line",
        "offset",
        "partial_tab",
    )

    def __init__(self, line: str, offset: int) -> None:
        self.line = line
        self.offset = offset
        self.column = 0
        self.partial_tab = False
        self.first_nonspace = -1  # not scanned yet
        self.first_nonspace_column = 0
        self.find_first_nonspace()

    def find_first_nonspace(self) -> None:
        # As cmark's S_find_first_nonspace: the whitespace is scanned again only once
        # the offset has moved past the last first non-space. Every container on a
        # line advances the offset a little; scanning the rest of the indentation
        # each time would make a deeply nested line cost its depth squared.
        if self.first_nonspace > self.offset:
            self.indent = self.first_nonspace_column - self.column
            self.blank = self.first_nonspace == len(self.line)
            return
        line, pos, column = self.line, self.offset, self.column
        chars_to_tab = 4 - (column % 4)
        if self.partial_tab:
            chars_to_tab = 4 - (column % 4)
        end = len(line)
        while pos < end:
            ch = line[pos]
            if ch == " ":
                pos += 1
                column += 1
                chars_to_tab -= 1
                if chars_to_tab == 0:
                    chars_to_tab = 4
            elif ch == "\t":
                pos += 1
                column += chars_to_tab
                chars_to_tab = 4
            else:
                break
        self.first_nonspace = pos
        self.first_nonspace_column = column
        self.indent = column - self.column
        self.blank = pos == end

    def advance(self, count: int, columns: bool) -> None:
        line = self.line
        while count > 0 and self.offset < len(line):
            if line[self.offset] == "\t":
                chars_to_tab = 4 - (self.column % 4)
                if columns:
                    self.partial_tab = chars_to_tab > count
                    step = min(count, chars_to_tab)
                    self.column += step
                    if not self.partial_tab:
                        self.offset += 1
                    count -= step
                else:
                    self.partial_tab = False
                    self.column += chars_to_tab
                    self.offset += 1
                    count -= 1
            else:
                self.partial_tab = False
                self.offset += 1
                self.column += 1
                count -= 1
        self.find_first_nonspace()

    def advance_to_first_nonspace(self) -> None:
        self.advance(self.first_nonspace - self.offset, columns=False)

    def peek(self) -> str:
        # "\n" never occurs inside a line, so it matches no block start.
        return self.line[self.first_nonspace] if self.first_nonspace < len(self.line) else "\n"


class BlockParser:
    """Feeds lines (without their endings) and returns the leaves, in order."""

    def __init__(self, source: Sequence[str], make_row: MakeRow) -> None:
        self.source = source
        self.make_row = make_row
        self.containers: list[_Container] = [_Container("document")]
        self.tip: Leaf | None = None
        self.leaves: list[Leaf] = []
        # The last split: the table continuation test and the row itself read the same line.
        self._split: tuple[str, int, Cells | None] = ("", -1, None)

    # -- driving ---------------------------------------------------------------

    def feed(self, index: int, line: str, offset: int = 0) -> None:
        tip = self.tip
        if (
            tip is not None
            and tip.kind == "table"
            and len(self.containers) == 1
            and self._feed_body_row(tip, index, line)
        ):
            return
        cursor = _Cursor(line, offset)
        matched = self._match_containers(cursor)
        if matched is None:  # a closing fence consumed the line
            self._add(self.tip, index, cursor.offset)
            self._close_tip()
            return
        depth, tip_matched = matched
        tip = self.tip
        if tip_matched and tip is not None and tip.kind in ("code", "html"):
            self._add_to_literal(tip, index, cursor)
            return
        all_matched = depth == len(self.containers) and (tip is None or tip_matched)
        lazy_candidate = tip is not None and tip.kind == "paragraph" and not tip_matched
        outcome = self._open_new_blocks(index, cursor, depth, tip_matched, all_matched)
        if outcome == "handled":
            return
        if outcome == "nothing" and lazy_candidate and not cursor.blank:
            assert tip is not None
            self._add(tip, index, cursor.offset)
            return
        if outcome == "nothing":
            self._close_unmatched(depth, tip_matched)
        if cursor.blank:
            return
        if outcome == "nothing" and tip_matched and self.tip and self.tip.kind == "paragraph":
            self._add(self.tip, index, cursor.first_nonspace)
            return
        self._start_paragraph(index, cursor)

    def _feed_body_row(self, table: Leaf, index: int, line: str) -> bool:
        """The fast path for a row under a top-level table: with no container open and
        nothing at the line's start that could begin another block, cmark's generic
        steps come down to ``_try_row``. Anything else returns False: the generic path."""
        start = 0
        while start < len(line) and line[start] == " ":
            start += 1
        if start > 3 or start == len(line) or line[start] in _BLOCK_START_CHARS:
            return False
        cells = self._cells(line, start)
        if cells is None or table.autocompleted > MAX_AUTOCOMPLETED_CELLS:
            return False
        table.autocompleted += max(0, table.columns - len(cells))
        self._keep_row(table, index, line, start, "body", cells)
        return True

    def _cells(self, line: str, start: int) -> Cells | None:
        last_line, last_start, cells = self._split
        if last_line is not line or last_start != start:
            cells = split_cells(line, start, len(line))
            self._split = (line, start, cells)
        return cells

    def finish(self) -> list[Leaf]:
        self._close_tip()
        return self.leaves

    # -- continuation of open blocks ---------------------------------------------

    def _match_containers(self, cursor: _Cursor) -> tuple[int, bool] | None:
        """How many containers, and whether the tip leaf, continue on this line."""
        depth = 1
        for container in self.containers[1:]:
            if not self._container_continues(container, cursor):
                return depth, False
            depth += 1
        tip = self.tip
        if tip is None:
            return depth, False
        if tip.kind == "code" and tip.fence:
            if cursor.indent < 4 and _is_closing_fence(cursor, tip.fence):
                return None
            # Skip up to the fence's own indentation.
            skip = min(tip.fence_indent, cursor.indent)
            cursor.advance(skip, columns=True)
            return depth, True
        if tip.kind == "code":
            if cursor.indent >= CODE_INDENT:
                cursor.advance(CODE_INDENT, columns=True)
                return depth, True
            if cursor.blank:
                cursor.advance_to_first_nonspace()
                return depth, True
            return depth, False
        if tip.kind == "html":
            return depth, not (tip.html_type >= 6 and cursor.blank)
        if tip.kind == "paragraph":
            return depth, not cursor.blank
        if tip.kind == "table":
            start = cursor.first_nonspace
            return depth, self._cells(cursor.line, start) is not None
        return depth, False  # headings and thematic breaks hold one line

    @staticmethod
    def _container_continues(container: _Container, cursor: _Cursor) -> bool:
        if container.kind == "block_quote":
            if cursor.indent <= 3 and cursor.peek() == ">":
                cursor.advance(cursor.indent + 1, columns=True)
                if cursor.offset < len(cursor.line) and cursor.line[cursor.offset] in " \t":
                    cursor.advance(1, columns=True)
                return True
            return False
        if container.kind == "item":
            if cursor.indent >= container.content_indent:
                cursor.advance(container.content_indent, columns=True)
                return True
            if cursor.blank and container.has_children:
                cursor.advance_to_first_nonspace()
                return True
            return False
        if container.kind == "footnote":
            if cursor.indent >= 4:
                cursor.advance(4, columns=True)
                return True
            # cmark-gfm lets only a truly empty line through, not one of spaces.
            return cursor.line == ""
        return True  # lists continue; their items decide

    # -- new blocks -------------------------------------------------------------

    def _open_new_blocks(
        self, index: int, cursor: _Cursor, depth: int, tip_matched: bool, all_matched: bool
    ) -> str:
        """Try block starts in cmark's order; "handled", "containers" or "nothing"."""
        line = cursor.line
        tip = self.tip
        in_paragraph = tip_matched and tip is not None and tip.kind == "paragraph"
        in_table = tip_matched and tip is not None and tip.kind == "table"
        maybe_lazy = tip is not None and tip.kind == "paragraph"
        level = depth
        opened = False
        while True:
            indented = cursor.indent >= CODE_INDENT
            char = cursor.peek()
            start = cursor.first_nonspace
            if not indented and char == ">":
                self._prepare(level)
                cursor.advance(start + 1 - cursor.offset, columns=False)
                if cursor.offset < len(line) and line[cursor.offset] in " \t":
                    cursor.advance(1, columns=True)
                self._push(_Container("block_quote"))
                level += 1
            elif not indented and char == "#" and _ATX.match(line, start):
                self._open_leaf(level, Leaf("heading", level=_atx_level(line, start)), index, start)
                self._close_tip()
                return "handled"
            elif not indented and char in "`~" and (fence := _FENCE.match(line, start)):
                leaf = Leaf("code", fence=fence.group(0), fence_indent=cursor.indent)
                self._open_leaf(level, leaf, index, start)
                return "handled"
            elif not indented and char == "<" and (html := _html_start(line, start, in_paragraph)):
                self._open_leaf(level, Leaf("html", html_type=html), index, start)
                if html <= 5 and _html_ends(html, line, start):
                    self._close_tip()
                return "handled"
            elif not indented and in_paragraph and char in "=-" and _SETEXT.match(line, start):
                assert tip is not None
                tip.kind = "heading"
                tip.level = 1 if char == "=" else 2
                self._add(tip, index, start)
                self._close_tip()
                return "handled"
            elif not indented and char in "-*_" and _is_thematic_break(line, start):
                self._open_leaf(level, Leaf("thematic_break"), index, start)
                self._close_tip()
                return "handled"
            elif not indented and char == "[" and (note := _FOOTNOTE.match(line, start)):
                self._prepare(level)
                cursor.advance(note.end() - cursor.offset, columns=False)
                self._push(_Container("footnote"))
                level += 1
            elif cursor.indent < 4 and (item := _list_marker(cursor, in_paragraph)):
                self._prepare(level)
                self._push_item(*item)
                level = len(self.containers)
            elif indented and not maybe_lazy and not cursor.blank:
                cursor.advance(CODE_INDENT, columns=True)
                self._open_leaf(level, Leaf("code"), index, cursor.offset)
                return "handled"
            elif not indented and self._try_table_line(index, cursor, in_paragraph, in_table):
                return "handled"
            else:
                return "containers" if opened else "nothing"
            opened = True
            in_paragraph = in_table = maybe_lazy = False

    def _try_table_line(
        self, index: int, cursor: _Cursor, in_paragraph: bool, in_table: bool
    ) -> bool:
        """The table extension: a delimiter under a paragraph, or a row under a table."""
        if in_paragraph and cursor.peek() in "|:-":
            return self._try_table(index, cursor)
        if in_table and not cursor.blank:
            return self._try_row(index, cursor)
        return False

    def _try_table(self, index: int, cursor: _Cursor) -> bool:
        paragraph = self.tip
        assert paragraph is not None
        line, start, end = cursor.line, cursor.first_nonspace, len(cursor.line)
        if paragraph.visited or not is_delimiter_row(line, start, end):
            return False
        header_index, header_start = paragraph.lines[-1], paragraph.starts[-1]
        header = self.source[header_index]
        delimiter_cells = self._cells(line, start)
        if delimiter_cells is None:  # more cells than GitHub counts: no delimiter row
            return False
        columns = len(delimiter_cells)
        header_cells = split_cells(header, header_start, len(header))
        if header_cells is None or len(header_cells) != columns:
            paragraph.visited = True  # one strike: table.c never tries this paragraph again
            return False
        paragraph.lines.pop()
        paragraph.starts.pop()
        if not paragraph.lines:
            # The paragraph is the tip, so the last leaf: no scan of the list.
            if self.leaves and self.leaves[-1] is paragraph:
                self.leaves.pop()
            else:
                self.leaves.remove(paragraph)
        self.tip = None
        table = Leaf("table", _TABLE_LINES, _TABLE_LINES, columns=columns, rows=[])
        self._keep_row(table, header_index, header, header_start, "header", header_cells)
        self._keep_row(table, index, line, start, "delimiter", delimiter_cells)
        self.leaves.append(table)
        self.tip = table
        return True

    def _try_row(self, index: int, cursor: _Cursor) -> bool:
        table = self.tip
        assert table is not None
        if table.autocompleted > MAX_AUTOCOMPLETED_CELLS:
            return False
        cells = self._cells(cursor.line, cursor.first_nonspace)
        if not cells:
            return False
        table.autocompleted += max(0, table.columns - len(cells))
        self._keep_row(table, index, cursor.line, cursor.first_nonspace, "body", cells)
        return True

    # -- bookkeeping ---------------------------------------------------------------

    def _keep_row(
        self, table: Leaf, index: int, line: str, start: int, kind: str, cells: Cells
    ) -> None:
        rows = table.rows
        assert isinstance(rows, list)
        rows.append(self.make_row(index, line, start, kind, cells))

    def _prepare(self, level: int) -> None:
        """Before a new block opens at ``level``: close what did not continue."""
        if len(self.containers) > level:
            del self.containers[level:]
        self._close_tip()

    def _push(self, container: _Container) -> None:
        self.containers[-1].has_children = True
        self.containers.append(container)

    def _push_item(self, bullet: str, content_indent: int) -> None:
        parent = self.containers[-1]
        if parent.kind != "list" or parent.bullet != bullet:
            if parent.kind == "list":
                self.containers.pop()
            self._push(_Container("list", bullet=bullet))
        self._push(_Container("item", content_indent=content_indent))

    def _open_leaf(self, level: int, leaf: Leaf, index: int, start: int) -> None:
        self._prepare(level)
        while self.containers[-1].kind == "list":  # a list holds only items
            self.containers.pop()
        self.containers[-1].has_children = True
        self._add(leaf, index, start)
        self.leaves.append(leaf)
        self.tip = leaf

    def _start_paragraph(self, index: int, cursor: _Cursor) -> None:
        self._open_leaf(len(self.containers), Leaf("paragraph"), index, cursor.first_nonspace)

    def _close_unmatched(self, depth: int, tip_matched: bool) -> None:
        if not tip_matched or len(self.containers) > depth:
            self._close_tip()
        del self.containers[depth:]

    def _close_tip(self) -> None:
        tip = self.tip
        if tip is not None:
            tip.closed = True
            if tip.kind == "table":  # a tuple takes less than the list it grew in
                tip.rows = tuple(tip.rows)
            self.tip = None

    @staticmethod
    def _add(leaf: Leaf | None, index: int, start: int) -> None:
        assert leaf is not None
        leaf.lines.append(index)
        leaf.starts.append(start)

    def _add_to_literal(self, leaf: Leaf, index: int, cursor: _Cursor) -> None:
        self._add(leaf, index, cursor.offset)
        ends = leaf.kind == "html" and leaf.html_type <= 5
        if ends and _html_ends(leaf.html_type, cursor.line, cursor.first_nonspace):
            self._close_tip()


def parse_blocks(lines: Sequence[str], make_row: MakeRow) -> list[Leaf]:
    """The leaves of a document given as its lines (without line endings); ``make_row``
    makes each table row, from its line index, its line, its start, kind and cells."""
    parser = BlockParser(lines, make_row)
    for index, line in enumerate(lines):
        # cmark skips a byte order mark at the very start of the input.
        offset = 1 if index == 0 and line.startswith("\ufeff") else 0
        parser.feed(index, line, offset)
    return parser.finish()


def _atx_level(line: str, start: int) -> int:
    level = 0
    while start + level < len(line) and line[start + level] == "#":
        level += 1
    return level


def _is_thematic_break(line: str, start: int) -> bool:
    marker = line[start]
    count = 0
    for char in line[start:]:
        if char == marker:
            count += 1
        elif char not in " \t":
            return False
    return count >= 3


def _is_closing_fence(cursor: _Cursor, fence: str) -> bool:
    line, start = cursor.line, cursor.first_nonspace
    end = start
    while end < len(line) and line[end] == fence[0]:
        end += 1
    return end - start >= len(fence) and line[end:].strip(" \t") == ""


def _html_start(line: str, start: int, in_paragraph: bool) -> int:
    """The CommonMark HTML block type (1-7) starting at ``start``, or 0."""
    if _HTML_1.match(line, start):
        return 1
    if line.startswith("<!--", start):
        return 2
    if line.startswith("<?", start):
        return 3
    if line.startswith("<![CDATA[", start):
        return 5
    if line.startswith("<!", start) and start + 2 < len(line) and line[start + 2].isalpha():
        return 4
    if _HTML_6.match(line, start):
        return 6
    # Type 7 (any complete tag alone on its line) cannot interrupt a paragraph.
    if not in_paragraph and _HTML_7.match(line, start):
        return 7
    return 0


def _html_ends(html_type: int, line: str, start: int) -> bool:
    if html_type == 1:
        return _HTML_1_END.search(line, start) is not None
    return line.find(_HTML_END[html_type], start) >= 0


def _list_marker(cursor: _Cursor, interrupts_paragraph: bool) -> tuple[str, int] | None:
    """``(bullet, content indent)`` of a list item starting here, advancing past its marker."""
    line, start = cursor.line, cursor.first_nonspace
    char = cursor.peek()
    if char in ("*", "+", "-"):
        bullet, width = char, 1
    elif char.isdigit() and char.isascii():
        ordered = _ORDERED.match(line, start)
        if ordered is None:
            return None
        bullet, width = ordered.group(2), ordered.end() - start
        if interrupts_paragraph and int(ordered.group(1)) != 1:
            return None
    else:
        return None
    after = start + width
    if after < len(line) and line[after] not in " \t":
        return None
    if interrupts_paragraph and line[after:].strip(" \t") == "":
        return None
    marker_indent = cursor.indent
    cursor.advance(start + width - cursor.offset, columns=False)
    saved = (cursor.offset, cursor.column, cursor.partial_tab)
    while cursor.column - saved[1] <= 5 and cursor.offset < len(line):
        if line[cursor.offset] not in " \t":
            break
        cursor.advance(1, columns=True)
    spaces = cursor.column - saved[1]
    if spaces >= 5 or spaces < 1 or cursor.offset >= len(line):
        padding = width + 1
        cursor.offset, cursor.column, cursor.partial_tab = saved
        if spaces > 0:
            cursor.advance(1, columns=True)
    else:
        padding = width + spaces
    cursor.find_first_nonspace()
    return bullet, marker_indent + padding
