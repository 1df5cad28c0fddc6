"""DD102 stray-row: a row separated from its table by a blank line renders as text.

## What it does
Finds pipe rows with the table's cell count that come after the table, separated
from it only by blank lines (or HTML comments). GitHub ends a table at the first
blank line, so such a row is shown as a line of text with pipes. Template rows in
that position are reported by DD201 instead (its fix deletes them). When most rows
of a table are stray (one blank line under the delimiter row strands the whole body),
the table gets one finding naming its rows, with one fix; so does each run of
stray rows that one blank gap cut off from the table.

## Why is this bad?
The paper is in the file but not in the rendered table: readers of the list never
see it as a row.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan Turing et al | [**On Computable Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
```

## Fix safety
Safe: the blank lines between the table and the row are removed (HTML comments
there move below the row, verbatim). The record is unchanged; it only renders.
A block right under the row (a `<div>`, a heading, a list item) gets a blank line
above it: right under the table it would interrupt the table, and the rows of
text after it would count as the table's stray rows.
No fix (the row stays reported) when a line of text continues the row's paragraph
(rejoined, GitHub would make it a row too), or when no edit keeps the text below
the row reading as it did.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.structure._rejoin import rejoin_edits, stray_groups
from ddlint.text.findings import Finding, Fix


class StrayRow(Rule):
    __doc__ = __doc__
    code = "DD102"
    name = "stray-row"
    scope = "row"
    fixable = "sometimes"
    collapses_runs = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        placeholders = {r.row.line for r in ctx.records.rows if r.kind == "placeholder"}
        for table in ctx.document.tables:
            interrupted = {line for i in table.interruptions for line in i.rows}
            groups = stray_groups([r for r in table.stray if r.line not in interrupted])
            for number, group in enumerate(groups):
                edits = rejoin_edits(ctx.document, table, group, groups[number + 1 :], placeholders)
                message = _message(ctx.document.line_text(group[0].line - 1))
                for row in group:
                    if row.line in placeholders:
                        continue
                    # One edit rejoins the whole group; it rides on its first real row.
                    fix: Fix | None = None
                    if edits:
                        fix = safe_fix("remove the blank lines between table and row", *edits)
                        edits = ()
                    yield ctx.finding(
                        self,
                        row.span,
                        message,
                        fix=fix,
                        reason=STRANDED,
                    )


def _message(line_above: str) -> str:
    """What separates the row's group from the table: most often a blank line; a comment
    line stands there when one comment interrupted the table and another follows it."""
    if not line_above.strip():
        above = "a blank line"
    elif line_above.lstrip(" \t>").startswith("<!--"):
        above = "an HTML comment"
    else:
        above = "a block"
    return f"Row after {above} below the table: GitHub renders it as text, not as a table row"


# One blank line can strand a whole table body, or a run of its rows: the linter then
# reports the table, or the run, once.
STRANDED = "Rows after a blank line below the table: GitHub renders them as text"


RULE = StrayRow
