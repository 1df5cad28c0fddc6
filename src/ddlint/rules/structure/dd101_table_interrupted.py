"""DD101 table-interrupted: a block inside a table ends it, and the rows after it render as text.

## What it does
Finds a block that starts between two table rows: an HTML comment (a row commented
out), a raw HTML line such as `<img …>` or `</div>`, a heading, a list item or a
block quote. GitHub ends the table there; the rows after it are shown as one
paragraph of pipe-separated text. The finding says how many rows are lost.

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

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.structure._rejoin import rejoin_edits, stray_groups
from ddlint.text.findings import Finding

_WHAT = {"html": "An HTML block", "heading": "A heading", "thematic_break": "A thematic break"}


class TableInterrupted(Rule):
    __doc__ = __doc__
    code = "DD101"
    name = "table-interrupted"
    scope = "table"
    fixable = "sometimes"

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
                if block.kind == "html":
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
                    f"row{'s' if count != 1 else ''} after it as plain text",
                    fix=fix,
                )


RULE = TableInterrupted
