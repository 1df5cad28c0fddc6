"""DD105 unescaped-pipe: a `|` meant as text splits its cell in two.

## What it does
Finds a `|` inside a backtick code span, a link (its text, its URL or its title)
or a quoted HTML attribute in a table row, with no `\\` before it. GitHub splits
cells on every unescaped pipe before it reads any Markdown, so backticks and
brackets protect nothing: the cell breaks in two there. The finding points at
the pipe. A pipe escaped as `\\|` is fine and is not reported. A code span is
only trusted when the row has more cells than the header: a lone backtick in each
of two cells would read as one code span around the pipe between them.

## Why is this bad?
The row gets one cell too many: the link or code span is cut in half and shown
as raw text, every later cell moves one column right, and GitHub drops the last
cell without a trace.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Sharp|Flat Minima**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Sharp\\|Flat Minima**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Fix safety
Unsafe: escaping the pipe as `\\|` rejoins the cell, so the row's record changes
(the title gets its whole text back and the later cells move back to their
columns). That is the intended record, but it is not the one GitHub shows today,
so the fix needs `--unsafe-fixes`. DD103 leaves rows with such a pipe to this
rule and looks at their cell count again once the pipes are escaped.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.structure._structure import row_text_pipes
from ddlint.text.findings import Edit, Finding, Severity
from ddlint.text.spans import Span


class UnescapedPipe(Rule):
    __doc__ = __doc__
    code = "DD105"
    name = "unescaped-pipe"
    scope = "row"
    fixable = "always"
    fix_safety = "unsafe"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for table in ctx.document.tables:
            for row in table.rows:
                pipes = row_text_pipes(ctx.text, row, table.columns)
                if not pipes:
                    continue
                cells, columns = len(row.cells), table.columns
                shown = f"GitHub splits the cell here ({cells} cells, the header has {columns})"
                for at, what in pipes:
                    yield ctx.finding(
                        self,
                        Span(at, at + 1),
                        f"Unescaped `|` inside {what}: {shown}; write it as `\\|`",
                        fix=unsafe_fix("escape the pipe as `\\|`", Edit(Span(at, at), "\\")),
                    )


RULE = UnescapedPipe
