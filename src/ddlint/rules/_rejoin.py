"""The edit that brings stray rows back into their table, shared by DD101 and DD102."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence

from ddlint.document import Document, Row, Table
from ddlint.findings import Edit
from ddlint.spans import Span

_HTML_COMMENT = 2  # CommonMark HTML block type 2: ``<!-- … -->``
# A suppression comment silences findings by line, and lines move as rows rejoin.
_DIRECTIVE = re.compile(r"ddlint-(?:disable|enable)", re.IGNORECASE)


def rejoin_edits(
    document: Document,
    table: Table,
    rows: Sequence[Row],
    following: Sequence[Sequence[Row]] = (),
    placeholders: Collection[int] = frozenset(),
) -> tuple[Edit, ...]:
    """Edits that put ``rows`` (consecutive stray lines) right under ``table``.

    Only the lines between the table's last rendered row and the first stray row
    change: blank lines go, and blocks that interrupted the table (an HTML comment)
    move, verbatim, to just after the last stray row. Returns () when anything
    else stands in between, or when earlier stray rows must be rejoined first.

    ``following``: the table's later groups of stray rows, in line order. Once
    ``rows`` rejoin, the next group is the first stray one, and the same rule would
    rejoin it on the next fix pass (``_chained``); those groups rejoin in this edit
    instead, with the blocks moved to just after the last of them.
    """
    last = document.lines[table.last_line - 1]
    first = rows[0]
    between = range(table.last_line + 1, first.line)
    moved: list[str] = []
    comments_only = True
    for number in between:
        block = document.block_at(number)
        if block.kind == "blank":
            continue
        if block.kind != "html" or block.first_line < table.last_line + 1:
            return ()
        if block.last_line >= first.line:
            return ()
        if number == block.first_line:
            moved.append(block.span.slice(document.text))
            comments_only = comments_only and block.html_type == _HTML_COMMENT
    if not moved and not between:
        return ()
    groups = [rows]
    # Once ``rows`` rejoin, the next group is interrupted (DD101) if comments moved
    # under the table, and merely stray (DD102) if not: chain only into the same rule.
    interrupted = any(first.line in i.rows for i in table.interruptions)
    if following and comments_only and interrupted == bool(moved):
        groups += _chained(document, table, rows, following, placeholders, moving=bool(moved))
    final = groups[-1][-1]
    after = final.line + 1
    # Text right under the last stray row (same paragraph) would become a table row
    # too once the rows rejoin: GitHub continues a table with any line.
    joined_text = after <= len(document.lines) and (
        document.block_at(after) is document.block_at(final.line)
    )
    if not moved and joined_text:
        return ()
    if not last.newline:
        return ()
    edits = [Edit(Span(last.span.end, document.lines[first.line - 1].start), "")]
    for previous, group in itertools.pairwise(groups):
        gap_start = document.lines[previous[-1].line - 1].span.end
        edits.append(Edit(Span(gap_start, document.lines[group[0].line - 1].start), ""))
    if moved:
        final_line = document.lines[final.line - 1]
        tail = "".join(moved)
        if not final_line.newline:  # the row ends the file: give it an ending first
            tail = last.newline + tail.rstrip("\r\n")
        edits.append(Edit(Span(final_line.span.end, final_line.span.end), tail))
    return tuple(edits)


def _chained(
    document: Document,
    table: Table,
    rows: Sequence[Row],
    following: Sequence[Sequence[Row]],
    placeholders: Collection[int],
    *,
    moving: bool,
) -> list[Sequence[Row]]:
    """The groups of ``following`` that fix passes would rejoin one after another.

    After ``rows`` rejoin, the moved comments (if any) sit right under the table and
    interrupt it before the next group (DD101 again); with nothing moved, only blank
    lines stand between (DD102 again). Either way the next pass deletes the blank
    lines and moves the comments below that group: the text this edit makes by
    deleting every gap and moving the comments below the last group. A group joins
    only where that next pass is sure to: its gap is blank lines only, it holds no
    template row (DD201 deletes those, which would leave the blank lines), and no
    suppression comment could silence the finding that carries the next pass's fix
    (``_has_directive``).
    """
    joined: list[Sequence[Row]] = []
    previous = rows[-1].line
    for group in following:
        gap = range(previous + 1, group[0].line)
        if not gap or any(document.block_at(number).kind != "blank" for number in gap):
            break
        if any(row.line in placeholders for row in group):
            break
        final = group[-1].line
        under = final + 1
        if not moving and under <= len(document.lines) and _same_block(document, under, final):
            break  # text right under the group: the next pass would not rejoin it
        joined.append(group)
        previous = final
    if joined and _has_directive(document, table, joined[-1][-1]):
        return []
    return joined


def _has_directive(document: Document, table: Table, final: Row) -> bool:
    """Whether a suppression comment stands in the table or among its stray rows: the
    lines it silences are the ones that move (one elsewhere silences the same rows)."""
    start = document.lines[table.first_line - 1].start
    return _DIRECTIVE.search(document.text, start, final.line_span.end) is not None


def _same_block(document: Document, line: int, other: int) -> bool:
    return document.block_at(line) is document.block_at(other)


def stray_groups(rows: Sequence[Row]) -> list[list[Row]]:
    """Stray rows on consecutive lines form one group, rejoined by one edit."""
    groups: list[list[Row]] = []
    for row in rows:
        if groups and groups[-1][-1].line + 1 == row.line:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups
