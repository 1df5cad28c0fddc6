"""Compose fixes whose edits nest, so that they land in one pass instead of several.

A fix pass applies the fixes whose edits do not collide; a fix that collides waits for
the next pass, which costs a whole lint. Most collisions are nested edits: a row
rewritten in the table style (DD402) holds a venue rewritten in place (DD403), and a
table sorted line by line (DD401) holds rows that other fixes rewrite. Such an outer
edit *carries* parts of the old text verbatim into its new text: each cell of a row
rewritten from its own cells, each line of lines put in another order. An edit inside
a carried part can ride along: it is made at the place the part lands in the outer
edit's new text.

The result is what the next pass would have made: the carried parts are the ones the
outer rule rebuilds its text from (a row from its cells, a sorted table from its lines),
and a safe fix changes no record value, so the outer rule would make the same text from
the edited parts (the sort order too). Where that does not hold to the byte (an edited
cell that now needs other padding), the next lint still finds it and a later pass fixes
it, as before. Only safe fixes of one edit are composed; the others collide as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ddlint.gfm.cells import split_cells
from ddlint.gfm.document import Document, Line, Row
from ddlint.text.findings import Applicability, Edit, Finding

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class _Carried:
    """Old text ``[start, end)`` that an edit's new text holds verbatim at ``target``."""

    start: int
    end: int
    target: int


class _Node:
    """An edit of the plan, with the edits that ride inside it (old offsets)."""

    __slots__ = ("_carried", "_find", "_starts", "children", "composable", "edit")

    def __init__(
        self, edit: Edit, composable: bool, find: Callable[[Edit], list[_Carried]]
    ) -> None:
        self.edit, self.composable, self._find = edit, composable, find
        self._carried: list[_Carried] | None = None  # found when first asked for
        self._starts: list[int] = []
        self.children = _Level()

    def carried(self) -> list[_Carried]:
        if self._carried is None:
            found = self._find(self.edit) if self.composable else []
            self._carried = sorted(found, key=lambda part: part.start)
            self._starts = [part.start for part in self._carried]
        return self._carried

    def part_holding(self, edit: Edit) -> _Carried | None:
        """The carried part that ``edit`` lies in, if any."""
        parts = self.carried()
        index = bisect_right(self._starts, edit.span.start) - 1
        if index >= 0 and parts[index].end >= edit.span.end:
            return parts[index]
        return None

    def text(self) -> str:
        """The new text, with the edits riding inside it made at their new places."""
        if not self.children.nodes:
            return self.edit.text
        moved: list[tuple[int, int, str]] = []
        for child in self.children.nodes:
            part = self.part_holding(child.edit)
            assert part is not None  # placed only inside a carried part
            start = part.target + child.edit.span.start - part.start
            moved.append((start, start + child.edit.span.end - child.edit.span.start, child.text()))
        moved.sort()
        pieces: list[str] = []
        position = 0
        for start, end, text in moved:
            pieces.append(self.edit.text[position:start])
            pieces.append(text)
            position = end
        pieces.append(self.edit.text[position:])
        return "".join(pieces)


@dataclass
class _Level:
    """Edits that do not collide, sorted by ``(start, end)``: their ends ascend too, so
    the edits an edit collides with are found by bisection and a short walk."""

    keys: list[tuple[int, int]] = field(default_factory=list)
    nodes: list[_Node] = field(default_factory=list)

    def hits(self, edit: Edit) -> list[int]:
        index = bisect_right(self.keys, (edit.span.end, edit.span.end)) - 1
        while index + 1 < len(self.keys) and self.keys[index + 1][0] <= edit.span.end:
            index += 1
        found: list[int] = []
        while index >= 0 and self.keys[index][1] >= edit.span.start:
            if collide(edit, self.nodes[index].edit):
                found.append(index)
            index -= 1
        return found

    def insert(self, node: _Node) -> None:
        key = (node.edit.span.start, node.edit.span.end)
        index = bisect_right(self.keys, key)
        self.keys.insert(index, key)
        self.nodes.insert(index, node)

    def pop(self, index: int) -> _Node:
        del self.keys[index]
        return self.nodes.pop(index)

    def place(self, node: _Node) -> bool:
        """Place ``node`` here, inside the one edit that carries it, or around the
        edits it carries; False if it collides otherwise."""
        hits = self.hits(node.edit)
        if not hits:
            self.insert(node)
            return True
        if len(hits) == 1:
            host = self.nodes[hits[0]]
            if host.part_holding(node.edit) is not None:
                return host.children.place(node)
        inner = [self.nodes[i] for i in hits]
        if all(n.composable and node.part_holding(n.edit) is not None for n in inner):
            for index in sorted(hits, reverse=True):
                node.children.insert(self.pop(index))
            self.insert(node)
            return True
        return False


class Carriers:
    """Finds what an edit of one parsed text carries: a table row rewritten from its own
    cells carries each cell; lines put in another order carry each line."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.rows: dict[int, Row] = {}
        for table in document.tables:
            for row in (table.header, table.delimiter, *table.body, *table.stray):
                self.rows[row.span.start] = row

    def __call__(self, edit: Edit) -> list[_Carried]:
        row = self.rows.get(edit.span.start)
        if row is not None and row.span == edit.span:
            return _row_cells(row, edit.text)
        if "\n" in edit.text or "\r" in edit.text:
            return self._lines(edit)
        return []

    def _lines(self, edit: Edit) -> list[_Carried]:
        index = self.document.line_index
        first, column = index.position(edit.span.start)
        last, _ = index.position(edit.span.end)
        lines = self.document.lines[first - 1 : last]
        if column != 1 or not lines or lines[-1].end != edit.span.end:
            return []
        return _reordered_lines(self.document.text, lines, edit.text)


def _row_cells(row: Row, new: str) -> list[_Carried]:
    """Each cell, if ``new`` splits into exactly the row's cells."""
    cells = split_cells(new, 0, len(new)) or []
    if [new[a:b] for a, b in cells] != [cell.text for cell in row.cells]:
        return []
    return [_Carried(cell.start, cell.end, a) for cell, (a, _) in zip(row.cells, cells)]


def _reordered_lines(text: str, lines: Sequence[Line], new: str) -> list[_Carried]:
    """Each line, if ``new`` is the same lines in another order, line endings in place.
    Equal lines keep their order among themselves (a stable sort's). A line that stays
    in its place carries its line ending too (a fix may remove the whole line)."""
    endings = [line.newline for line in lines[:-1]]
    pieces = _NEWLINE.split(new)
    if len(pieces) != len(lines) or _NEWLINE.findall(new) != endings:
        return []
    slots: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    position = 0
    for slot, (piece, ending) in enumerate(zip(pieces, [*endings, ""])):
        slots[piece].append((slot, position))
        position += len(piece) + len(ending)
    for queue in slots.values():
        queue.reverse()
    carried: list[_Carried] = []
    for number, line in enumerate(lines):
        free = slots.get(text[line.start : line.end])
        if not free:
            return []
        slot, target = free.pop()
        end = line.end + len(line.newline) if slot == number and number < len(endings) else line.end
        carried.append(_Carried(line.start, end, target))
    return carried


def collide(a: Edit, b: Edit) -> bool:
    """Two edits collide when applying both would depend on their order."""
    if a.span.start < b.span.end and b.span.start < a.span.end:
        return True
    # Two insertions at one point would depend on order; one inside a deletion is lost.
    for point, other in ((a, b), (b, a)):
        if point.span.start == point.span.end:
            p = point.span.start
            if other.span.start < p < other.span.end:
                return True
            if other.span.start == other.span.end == p:
                return True
    return False


def any_collide(edits: Iterable[Edit]) -> bool:
    """Whether any two of ``edits`` collide, found in one sweep instead of comparing
    every pair (which made a fix of many edits, a rejoin of many stray rows, quadratic).

    Sorted by ``(start, end)``, an edit collides with one before it exactly when it starts
    before that one ends (an insertion at the start of another edit, or touching spans,
    do not), or when both are insertions at one point, which sort next to each other.
    """
    reach = 0  # the furthest end of the edits swept so far
    previous = None
    for key in sorted((edit.span.start, edit.span.end) for edit in edits):
        start, end = key
        if start < reach or (start == end and key == previous):
            return True
        reach = max(reach, end)
        previous = key
    return False


def compose(
    chosen: Sequence[Finding], deferred: Sequence[Finding], document: Document
) -> tuple[set[int], list[Edit]]:
    """Add to the ``chosen`` fixes of ``document`` (their edits do not collide) the
    ``deferred`` ones, in order, that can ride inside them or carry them.

    Returns the ``id`` of each deferred finding taken, and the edits to apply, which do
    not collide.
    """
    carriers = Carriers(document)
    top = _Level()
    for finding in chosen:
        assert finding.fix is not None
        composable = _composable(finding)
        for edit in finding.fix.edits:
            top.insert(_Node(edit, composable, carriers))
    taken: set[int] = set()
    for finding in deferred:
        if _composable(finding) and top.place(_Node(finding.fix.edits[0], True, carriers)):  # type: ignore[union-attr]
            taken.add(id(finding))
    return taken, [Edit(node.edit.span, node.text()) for node in top.nodes]


def _composable(finding: Finding) -> bool:
    fix = finding.fix
    return fix is not None and fix.applicability is Applicability.SAFE and len(fix.edits) == 1
