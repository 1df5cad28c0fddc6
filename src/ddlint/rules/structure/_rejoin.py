"""The edit that brings stray rows back into their table, shared by DD101 and DD102."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence

from ddlint.gfm.document import Block, Document, Row, Table
from ddlint.gfm.parse import parse_document
from ddlint.rules.base import SUPPRESSION_DIRECTIVE
from ddlint.text.findings import Edit, splice_edits
from ddlint.text.spans import Span

_HTML_COMMENT = 2  # CommonMark HTML block type 2: ``<!-- … -->``

# Seams for tests, read on each call. With ``CHAIN_GROUPS`` off, an edit rejoins one
# group and leaves the later ones to later fix passes, as before chaining (``_chained``).
# ``reads_as_before`` is the check an edit must pass when a block stands right under the
# last row (``_reads_as_before``, which reads one stretch of the text): a test puts a
# reading of the whole text in its place, to show that both decide alike.
CHAIN_GROUPS = True


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
    else stands in between (a suppression comment too: it would silence other lines
    there), or when earlier stray rows must be rejoined first.

    ``following``: the table's later groups of stray rows, in line order. Once
    ``rows`` rejoin, the next group is the first stray one, and the same rule would
    rejoin it on the next fix pass (``_chained``); those groups rejoin in this edit
    instead, with the blocks moved to just after the last of them.

    When a block stands right under the last row, or a row stands behind a container
    mark or an indent (``_plain``), the edit is tried on the text around it
    (``_reads_as_before``): as it is, then (a block under the rows) with a blank line
    under the rows and the moved blocks. If neither keeps the table's rows and the
    blocks below as they were, the last group is left out (it stays stray, reported
    without a fix).
    """
    last = document.lines[table.last_line - 1]
    first = rows[0]
    between = range(table.last_line + 1, first.line)
    moved: list[Block] = []
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
            if SUPPRESSION_DIRECTIVE.search(block.span.slice(document.text)):
                # Moved below the rows, a suppression comment would silence other lines,
                # and DD001 would call it unused: DD101's unsafe fix or a person moves it.
                return ()
            moved.append(block)
            comments_only = comments_only and block.html_type == _HTML_COMMENT
    if not moved and not between:
        return ()
    groups: list[Sequence[Row]] = [rows]
    gaps: list[list[Block]] = [[]]  # the comments between each group and the one before
    # Once ``rows`` rejoin, the next group is interrupted (DD101) if comments moved
    # under the table, and merely stray (DD102) if not: chain only into the same rule.
    interrupted = any(first.line in i.rows for i in table.interruptions)
    if CHAIN_GROUPS and following and comments_only and interrupted == bool(moved):
        for group, comments in _chained(
            document, table, rows, following, placeholders, moving=bool(moved)
        ):
            groups.append(group)
            gaps.append(comments)
    # Text right under the last stray row (same paragraph) would become a table row
    # too once the rows rejoin: GitHub continues a table with any line.
    if not moved and _line_below(document, groups[-1][-1]) == "same block":
        return ()
    if not last.newline:
        return ()
    # A stray row behind a container mark or indented as code (`- | a | b |`, a lazy
    # line of four spaces) is no table row once it stands right under the table: such
    # rows rejoin only where the text around them reads as before (``reads_as_before``).
    plain = all(_plain(document, row) for row in (table.header, *itertools.chain(*groups)))
    while groups:
        final = groups[-1][-1]
        blocks = [*moved, *itertools.chain(*gaps)]
        if _line_below(document, final) in ("none", "blank"):
            edits = _edits(document, table, groups, blocks, "")
            if plain or reads_as_before(document, table, groups, blocks, edits):
                return edits
        else:
            # A block right under the rows (a `<div>`, a heading, a list item) ended the
            # stray rows. Right under the table it may interrupt the table instead, and
            # then the rows of text after it count as the table's stray rows: records no
            # fix declared. A moved `<div>` runs on to the next blank line and swallows
            # what stood under the rows. A blank line keeps the block apart, as the stray
            # rows kept it.
            for separator in ("", document.lines[final.line - 1].newline):
                edits = _edits(document, table, groups, blocks, separator)
                if reads_as_before(document, table, groups, blocks, edits):
                    return edits
        # The groups before the last end in a blank line or a comment: they may rejoin.
        groups.pop()
        gaps.pop()
    return ()


def _plain(document: Document, row: Row) -> bool:
    """Whether nothing but up to three spaces stands before ``row`` on its line."""
    return row.indent < 4 and not document.text[
        row.source.start : row.source.start + row.indent
    ].strip(" ")


def _line_below(document: Document, row: Row) -> str:
    """What the line under ``row`` is: none, blank, same block (as the row) or other."""
    if row.line == len(document.lines):
        return "none"
    below = document.block_at(row.line + 1)
    if below.kind == "blank":
        return "blank"
    return "same block" if below == document.block_at(row.line) else "other"


def _edits(
    document: Document,
    table: Table,
    groups: Sequence[Sequence[Row]],
    moved: Sequence[Block],
    separator: str,
) -> tuple[Edit, ...]:
    """Delete the lines before each group; put ``moved`` and then ``separator`` (a
    blank line or "") right under the last row."""
    last = document.lines[table.last_line - 1]
    edits = [Edit(Span(last.span.end, document.lines[groups[0][0].line - 1].start), "")]
    for previous, group in itertools.pairwise(groups):
        gap_start = document.lines[previous[-1].line - 1].span.end
        edits.append(Edit(Span(gap_start, document.lines[group[0].line - 1].start), ""))
    final_line = document.lines[groups[-1][-1].line - 1]
    tail = "".join(block.span.slice(document.text) for block in moved) + separator
    if tail and not final_line.newline:  # the row ends the file: give it an ending first
        tail = last.newline + tail.rstrip("\r\n")
    if tail:
        edits.append(Edit(Span(final_line.span.end, final_line.span.end), tail))
    return tuple(edits)


def _reads_as_before(
    document: Document,
    table: Table,
    groups: Sequence[Sequence[Row]],
    moved: Sequence[Block],
    edits: Sequence[Edit],
) -> bool:
    """Whether, in the text ``edits`` make, the table holds the rows it held (rendered
    or stray) and every block under the rejoined rows reads as it did: the same text in
    the same blocks, read alike (``_reading``: text is not code), the moved blocks and
    what stood below the last row included.

    The block grammar decides: which rows a table owns hangs on which block stands
    right under it and on the blocks after that. Only the stretch from the table to the
    next table is read again, before and after the edits, the next table's header and
    delimiter included (to see that it still starts there): the rows the table can own
    end at another table, and once that one starts where it did, the rest of the text
    reads as before. So a list of many tables costs one stretch each, not the whole list
    each.
    """
    text = document.text
    start, end = _stretch(document, table)
    if any(edit.span.start < start or edit.span.end > end for edit in edits):
        return False
    window = text[start:end]
    shifted = [Edit(Span(e.span.start - start, e.span.end - start), e.text) for e in edits]
    before, after = parse_document(window), parse_document(splice_edits(window, shifted))
    rows = len(table.body) + len(table.stray)
    if not before.tables or len(before.tables[0].body) + len(before.tables[0].stray) != rows:
        return False  # the stretch alone reads otherwise (a table in a list item): no fix
    if not after.tables or after.tables[0].first_line != 1:
        return False
    rejoined = after.tables[0]
    if len(rejoined.body) + len(rejoined.stray) != rows:
        return False
    final = groups[-1][-1].line - table.first_line + 1  # in the stretch
    expected = [(_reading(block.kind), block.span.slice(text)) for block in moved]
    own = before.block_at(final)
    if own.last_line > final:  # the rest of the rows' paragraph, now under the moved blocks
        expected.append(("text", window[before.lines[final].start : own.span.end]))
    expected += _texts_after(before, final)
    return _texts_after(after, rejoined.last_line) == expected


reads_as_before = _reads_as_before  # a seam: see CHAIN_GROUPS


def _stretch(document: Document, table: Table) -> tuple[int, int]:
    """Offsets from the table's first line to the end of the next table's delimiter row
    (or of the text)."""
    start = document.lines[table.first_line - 1].start
    if table.index + 1 == len(document.tables):
        return start, len(document.text)
    delimiter = document.lines[document.tables[table.index + 1].delimiter.line - 1]
    return start, delimiter.end + len(delimiter.newline)


def _texts_after(document: Document, line: int) -> list[tuple[str, str]]:
    """How each block that starts below ``line`` reads (``_reading``), and its text, blank
    lines left out: the same text may read otherwise (a line of text indented by four
    spaces, once a moved comment stands above it, is code)."""
    texts = []
    for block in document.blocks:
        if block.first_line > line and block.kind != "blank":
            text = block.span.slice(document.text)
            # Pipe rows in a paragraph are papers GitHub shows as text (records with
            # ``rendered: false``); in an HTML block they are no rows at all.
            pipe_rows = any(row.lstrip().startswith("|") for row in text.splitlines())
            texts.append((block.kind if pipe_rows else _reading(block.kind), text))
    return texts


def _reading(kind: str) -> str:
    """A block's kind as the check compares it: a paragraph and an HTML block alike read
    as text (a line `<img src=x>` shows the same inside a paragraph and on its own)."""
    return "text" if kind in ("paragraph", "html") else kind


def _chained(
    document: Document,
    table: Table,
    rows: Sequence[Row],
    following: Sequence[Sequence[Row]],
    placeholders: Collection[int],
    *,
    moving: bool,
) -> list[tuple[Sequence[Row], list[Block]]]:
    """The groups of ``following`` that fix passes would rejoin one after another, each
    with the comments between it and the group before, which those passes would move
    below the last.

    After ``rows`` rejoin, the moved comments (if any) sit right under the table and
    interrupt it before the next group (DD101 again); with nothing moved, only blank
    lines stand between (DD102 again). Either way the next pass deletes the blank
    lines and moves the comments below that group: the text this edit makes by
    deleting every gap and moving the comments below the last group. When comments
    move, a gap may hold comments too (a table with a row commented out every other
    row): the next pass moves them with the others, so they move here, in their order,
    and such a table is whole after one pass instead of one per comment. A group joins
    only where that next pass is sure to: its gap is blank lines (and, when comments
    move, comments) only, it holds no template row (DD201 deletes those, which would
    leave the blank lines), and no suppression comment could silence the finding that
    carries the next pass's fix (``_has_directive``).
    """
    joined: list[tuple[Sequence[Row], list[Block]]] = []
    previous = rows[-1].line
    for group in following:
        gap = _gap_comments(document, previous, group[0].line, moving=moving)
        if gap is None:
            break
        if any(row.line in placeholders for row in group):
            break
        if not moving and _line_below(document, group[-1]) == "same block":
            break  # text right under the group: the next pass would not rejoin it
        joined.append((group, gap))
        previous = group[-1].line
    if joined and _has_directive(document, table, joined[-1][0][-1]):
        return []
    return joined


def _gap_comments(document: Document, last: int, first: int, *, moving: bool) -> list[Block] | None:
    """The HTML comments between the row on line ``last`` and the one on line ``first``;
    None when the gap is empty or holds anything but blank lines and (with ``moving``)
    whole comments."""
    if first == last + 1:
        return None
    comments: list[Block] = []
    for number in range(last + 1, first):
        block = document.block_at(number)
        if block.kind == "blank":
            continue
        if not moving or block.kind != "html" or block.html_type != _HTML_COMMENT:
            return None
        if block.first_line <= last or block.last_line >= first:
            return None
        if number == block.first_line:
            comments.append(block)
    return comments


def _has_directive(document: Document, table: Table, final: Row) -> bool:
    """Whether a suppression comment stands in the table or among its stray rows: the
    lines it silences are the ones that move (one elsewhere silences the same rows).
    Any mention of a directive counts, comment or not: a rejoin waits rather than guess;
    but ``disable-line``, which silences the row it stands in and moves with it."""
    start = document.lines[table.first_line - 1].start
    mentions = SUPPRESSION_DIRECTIVE.finditer(document.text, start, final.line_span.end)
    return any(match.group(1).lower() != "disable-line" for match in mentions)


def stray_groups(rows: Sequence[Row]) -> list[list[Row]]:
    """Stray rows on consecutive lines form one group, rejoined by one edit."""
    groups: list[list[Row]] = []
    for row in rows:
        if groups and groups[-1][-1].line + 1 == row.line:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups
