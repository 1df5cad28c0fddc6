"""DD106 absorbed-line: a line of text right under a table becomes a one-cell row.

## What it does
Finds a line with no `|` at all directly under a table's rows, such as a note
(`If you find a paper missing…`) or an update date. GitHub ends a table only at a
blank line or another block, so it renders that line as a row of the table: the
text in the first cell, the other cells empty. Tables with a single column are
not checked: there a row without a pipe is an ordinary row.

## Why is this bad?
A paragraph meant for readers shows up as a bogus row of the list (and becomes a
bogus record in every export); or, if it was meant as a row, its cells are missing.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
If you find a paper missing, please open a pull request.
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

If you find a paper missing, please open a pull request.
```

## Fix safety
No fix: only a person knows whether the line is a paragraph (add a blank line
above it) or a row (write its cells). Either repair changes what GitHub renders
and the records exported.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.text.findings import Finding


class AbsorbedLine(Rule):
    __doc__ = __doc__
    code = "DD106"
    name = "absorbed-line"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for table in ctx.document.tables:
            if table.columns < 2:
                continue
            for row in table.body:
                if row.has_pipe:
                    continue
                yield ctx.finding(
                    self,
                    row.cells[0].span,
                    f"Line without `|` under the table: GitHub renders it as a row with "
                    f"this text in the first cell and {table.columns - 1} empty; add a "
                    "blank line above it if it is a paragraph, or write it as a row",
                )


RULE = AbsorbedLine
