"""DD101 table-interrupted: a block inside a table ends it, and the rows after it render as text.

## What it does
Finds a block that starts between two table rows: an HTML comment (a row commented
out), a raw HTML line such as `<img …>` or `</div>`, a heading, a list item or a
block quote. GitHub ends the table there; the rows after it are shown as one
paragraph of pipe-separated text. The finding says how many rows are lost.

A suppression comment on a line of its own between two rows ends the table too
(`<!-- ddlint-disable-next-line missing-venue -->` meant for the row below it). The
finding then says what works inside a table: `<!-- ddlint-disable-line … -->` in a
cell of the row, which GitHub hides and which silences that row only.

## Why is this bad?
Every row after the block silently drops out of the rendered table, and nothing in
a pull request's diff shows it.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
<!-- | Old Row | [**Withdrawn**](https://arxiv.org/abs/2201.00002) | ICML, 2022 | -->
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
<!-- | Old Row | [**Withdrawn**](https://arxiv.org/abs/2201.00002) | ICML, 2022 | -->
```

## Fix safety
Safe for HTML blocks: the block moves, verbatim, to just after the rows it cut
off (with the comments between those rows, in their order), so every row renders
and no record changes. A block that stands right under those rows gets a blank
line above it, so that a moved `<div>` (which runs on to the next blank line) does
not swallow it. Where the rows or the text under them would read otherwise (a row
behind a list or quote mark, a line indented by four spaces that would become
code), the block is only reported; so is a heading, list item or block quote:
moving it would move rows between sections.

A suppression comment is never moved by the safe fix: below the rows it would silence
other lines, and the row it meant would be reported again (and DD001 would call the
comment unused). A `ddlint-disable-next-line` comment has an unsafe fix instead: it
becomes `<!-- ddlint-disable-line … -->`, with the same rules, at the end of the last
cell of the row it silenced, and its line goes. The table renders whole, and the same
row is silenced. The fix is unsafe because it rewrites a comment a person wrote
(`next-line` becomes `line`) and moves it into a row; a suppression comment is
ddlint's syntax, not one of the list's own forms. Other suppression comments between
rows (`ddlint-disable`, `ddlint-enable`, a `ddlint-disable-line` on a line of its own)
are only reported: a region or a line has no one row to go to.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.gfm.document import Block, Document, Row, Table
from ddlint.rules.base import (
    SUPPRESSION_COMMENT,
    Rule,
    RuleContext,
    safe_fix,
    unsafe_fix,
)
from ddlint.rules.structure._rejoin import reads_as_before, rejoin_edits, stray_groups
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

_WHAT = {"html": "An HTML block", "heading": "A heading", "thematic_break": "A thematic break"}


class TableInterrupted(Rule):
    __doc__ = __doc__
    code = "DD101"
    name = "table-interrupted"
    scope = "table"
    fixable = "sometimes"
    fix_safety = "mixed"
    # The unsafe fix deletes a suppression comment's line (it moves into a row's cell).
    edits_outside_tables = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        document = ctx.document
        placeholders: frozenset[int] | None = None
        for table in document.tables:
            if not table.interruptions:
                continue
            if placeholders is None:
                placeholders = frozenset(
                    r.row.line for r in ctx.records.rows if r.kind == "placeholder"
                )
            rows_by_line = {row.line: row for row in table.stray}
            for interruption in table.interruptions:
                block = interruption.block
                what = _WHAT.get(block.kind, "A list item or block quote")
                if block.kind == "html" and block.html_type == 2:
                    what = "An HTML comment"
                count = interruption.lost_rows
                rows = [rows_by_line[line] for line in interruption.rows]
                fix = None
                advice = ""
                directive = _directive(document, block)
                if directive is not None:
                    kind, codes = directive
                    what = f"A `ddlint-{kind}` comment"
                    comment = f"<!-- ddlint-disable-line {codes} -->" if codes else _BARE
                    advice = _ADVICE.get(kind, _ADVICE["disable"]).format(
                        comment=comment, line=rows[0].line if rows else block.last_line + 1
                    )
                    if kind == "disable-next-line":
                        edits = _into_row(document, table, block, rows, codes)
                        if edits:
                            fix = unsafe_fix(
                                "move the comment into the row, as disable-line", *edits
                            )
                elif block.kind == "html":
                    # The groups after these rows that later passes would rejoin too.
                    following = [g for g in stray_groups(table.stray) if g[0].line > rows[-1].line]
                    edits = rejoin_edits(document, table, rows, following, placeholders)
                    if edits:
                        fix = safe_fix("move the block below the rows it cut off", *edits)
                first_line = document.lines[block.first_line - 1]
                yield ctx.finding(
                    self,
                    type(block.span)(first_line.start, first_line.end),
                    f"{what} inside the table ends it: GitHub renders the {count} "
                    f"row{'s' if count != 1 else ''} after it as plain text{advice}",
                    fix=fix,
                )


_BARE = "<!-- ddlint-disable-line -->"  # silences every rule on its row

# What to write instead of a suppression comment between two rows, by its kind.
_ADVICE = {
    "disable-next-line": "; to silence the row it means (line {line}), put `{comment}` "
    "in one of its cells",
    "disable-line": "; to silence a row, put `{comment}` in one of its cells",
    "disable": (
        "; to silence one row, put `{comment}` in one of its cells, or put "
        "`ddlint-disable` and `ddlint-enable` above and below the whole table"
    ),
}


def _directive(document: Document, block: Block) -> tuple[str, str] | None:
    """The kind and the codes (as written) of the suppression comment that ``block``
    is, alone on its line; None for any other block."""
    if block.kind != "html" or block.html_type != 2 or block.first_line != block.last_line:
        return None
    # A block quote's markers stand before the comment on its line: a comment never
    # starts with `>`, so stripping them leaves the comment as written.
    match = SUPPRESSION_COMMENT.fullmatch(block.span.slice(document.text).strip().lstrip("> \t"))
    if match is None:
        return None
    return match.group(1).lower(), " ".join(match.group(2).split())


def _into_row(
    document: Document, table: Table, block: Block, rows: list[Row], codes: str
) -> tuple[Edit, ...]:
    """Edits that delete the ``disable-next-line`` comment line ``block`` and write it as
    ``disable-line`` into the row it silences (at the end of the row's last cell), so
    that the table renders whole and the same row is silenced. () when anything but
    blank lines and this comment stands between the table and that row, when the codes
    hold a character a cell would read otherwise, or when the rows would not read as
    the table's (``reads_as_before``)."""
    if not rows:
        return ()
    last = document.lines[table.last_line - 1]
    row = rows[0]
    if not last.newline or any(char in codes for char in "|`\\<"):
        return ()
    if any(
        number != block.first_line and document.line_text(number).strip()
        for number in range(table.last_line + 1, row.line)
    ):
        return ()
    if not all(_plain(document, r) for r in (table.header, *rows)):
        return ()
    columns = len(table.header.cells)
    cells = row.cells[:columns]
    if not cells:
        return ()
    cell = cells[-1]
    comment = f"<!-- ddlint-disable-line {codes} -->" if codes else _BARE
    into = Span(cell.end, cell.end)
    if not cell.text:  # the spaces of an empty cell give way to ` comment `
        start = cell.start
        while start > row.line_span.start and document.text[start - 1] in " \t":
            start -= 1
        into = Span(start, cell.end)
    edits = (
        Edit(Span(last.span.end, document.lines[row.line - 1].start), ""),
        Edit(into, f" {comment}" + ("" if cell.text else " ")),
    )
    return edits if reads_as_before(document, table, [rows], [], edits) else ()


def _plain(document: Document, row: Row) -> bool:
    """Whether nothing but up to three spaces stands before ``row`` on its line: a row
    behind a container mark or indented as code may not join the table."""
    before = document.text[row.source.start : row.source.start + row.indent]
    return row.indent < 4 and not before.strip(" ")


RULE = TableInterrupted
