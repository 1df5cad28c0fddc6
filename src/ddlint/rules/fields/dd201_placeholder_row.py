"""DD201 placeholder-row: a template row left in the table.

## What it does
Finds rows that hold no paper: no title, no authors, no venue and no link target,
such as the template row contributors copy (`| |[** **]() | … | [Code]() |`).
A template row left after the table's blank line (a stray row) is reported here,
not by DD102: the fix deletes it instead of rejoining it.

## Why is this bad?
GitHub shows the empty template as a row of the list (or, after a blank line, as
a line of pipes), and every export of the list carries an empty record.

## Example
```markdown
| Author | Title | Venue | Code |
|---|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 | |
| |[** **]() | | [Code]() |
```

## Use instead
```markdown
| Author | Title | Venue | Code |
|---|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 | |
```

## Fix safety
Safe: the row is deleted, and a placeholder row is no record, so no record changes.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, delete_line, safe_fix
from ddlint.text.findings import Finding


class PlaceholderRow(Rule):
    __doc__ = __doc__
    code = "DD201"
    name = "placeholder-row"
    scope = "row"
    fixable = "always"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record in ctx.records.rows:
            if record.kind != "placeholder":
                continue
            row = record.row
            where = "" if row.rendered else " (after the table, rendered as text)"
            yield ctx.finding(
                self,
                row.span,
                f"Template row left in{where}: it holds no paper; delete it",
                fix=safe_fix("delete the template row", delete_line(row.line_span)),
            )


RULE = PlaceholderRow
