"""DD103 cell-count: a row has more or fewer cells than the table's header.

## What it does
Counts each row's cells the way GitHub does (every `|` not preceded by `\\` ends
a cell) and compares with the header, in every table and for rendered and stray
rows alike. A row with more cells is reported at its first surplus cell: GitHub
drops the surplus cells without a trace (an error when one of them holds text).
A row with fewer cells is reported at its end: GitHub pads it with empty cells on
the right, so if the missing cell was in the middle every later cell sits one
column too far left. In a table written without closing pipes, a row ending in
`|` one cell short is how an empty last cell is written there (`… | ICML 2022 |`),
so it is not reported.

Not reported here: rows whose extra cells come from a pipe inside a code span or
link (DD105 reports the pipe; this rule looks at the row again once it is escaped),
lines without any `|` (DD106), template rows (DD201) and separator rows such as
`| **2015** |`, which are short on purpose.

## Why is this bad?
Surplus cells are data nobody sees on GitHub; a short row puts its Venue under
Dataset, its code link under Venue, and so on.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.001) | ICML, 2022 | | |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.001) | ICML, 2022 |
```

## Fix safety
Safe, and only when every surplus cell is empty: they are deleted and the row
keeps its closing pipe. GitHub drops them anyway, so no record changes. Surplus
cells with text are only reported (a person must say where that text belongs),
and so are short rows: only a person can say which cell is missing.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.gfm.document import Row
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.structure._structure import data_rows, row_text_pipes, skipped_lines
from ddlint.text.findings import Edit, Finding, Fix, Severity
from ddlint.text.spans import Span


class CellCount(Rule):
    __doc__ = __doc__
    code = "DD103"
    name = "cell-count"
    scope = "row"
    fixable = "sometimes"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        skipped = skipped_lines(ctx.records)
        for table in ctx.document.tables:
            columns = table.columns
            closed = _ends_in_pipe(ctx, table.header)
            for row in data_rows(table, skipped):
                count = len(row.cells)
                if count == columns or not row.has_pipe or row_text_pipes(ctx.text, row, columns):
                    continue
                if count > columns:
                    yield self._surplus(ctx, row, columns)
                elif closed or count < columns - 1 or not _ends_in_pipe(ctx, row):
                    yield self._short(ctx, row, columns)

    def _surplus(self, ctx: RuleContext, row: Row, columns: int) -> Finding:
        surplus = row.cells[columns:]
        extra = len(surplus)
        lost = [cell for cell in surplus if cell.text]
        span = Span(surplus[0].span.start, surplus[-1].span.end)
        head = _counts(row, columns)
        fix: Fix | None = None
        if lost:
            shown = ", ".join(f"`{cell.text}`" for cell in lost[:2])
            more = f" and {len(lost) - 2} more" if len(lost) > 2 else ""
            message = (
                f"{head}: GitHub drops the last {_cells(extra)} without a trace, losing "
                f"{shown}{more}; move that text into a cell or remove it"
            )
            severity = Severity.ERROR
        else:
            message = f"{head}: GitHub drops the last {_cells(extra)} (empty); delete them"
            severity = Severity.WARNING
            kept_pipe = ctx.text.index("|", row.cells[columns - 1].span.end)
            end = surplus[-1].span.end
            end = ctx.text.index("|", end) + 1  # an empty last cell always has its pipe
            fix = safe_fix("delete the empty surplus cells", Edit(Span(kept_pipe + 1, end), ""))
        return ctx.finding(self, span, message, fix=fix, severity=severity)

    def _short(self, ctx: RuleContext, row: Row, columns: int) -> Finding:
        text = row.span.slice(ctx.text).rstrip(" \t")
        end = row.span.start + len(text)
        missing = columns - len(row.cells)
        return ctx.finding(
            self,
            Span(end, end),
            f"{_counts(row, columns)}: GitHub adds {_cells(missing)} at the end, empty, "
            "so a cell "
            "missing in the middle shifts every later cell one column left; add the "
            "missing cell (`| |` if it is empty)",
        )


def _cells(count: int) -> str:
    return f"{count} cell{'s' if count != 1 else ''}"


def _counts(row: Row, columns: int) -> str:
    return f"Row has {_cells(len(row.cells))}, the header {columns}"


def _ends_in_pipe(ctx: RuleContext, row: Row) -> bool:
    return row.span.slice(ctx.text).rstrip(" \t").endswith("|")


RULE = CellCount
