"""DD201 placeholder-row: a template row left in the table.

## What it does
Finds rows that hold no paper: no title, no authors, no venue and no link target,
such as the template row contributors copy (`| |[** **]() | … | [Code]() |`).
A template row left after the table's blank line (a stray row) is reported here,
not by DD102: the fix deletes it instead of rejoining it.

Only a template row is deleted: one whose every cell is empty once whitespace,
emphasis markers and empty-target links (`[Code]()`, `[** **]()`) are removed, or
one the list repeats identically whose title cell has an empty-target link or no
text (a template pre-filled with a task, `| |[** **]() | | Image Classification |
… |`, pasted under every table). A row without a paper that holds anything else
(a link in a Notes column, `| PSNR (peak signal-to-noise ratio) | - | |` in a
table of metrics, a pre-filled template that appears once) is reported without a
fix: it may be a paper whose cells went to the wrong columns, or a row that is no
paper at all, and only a person can tell. A line without a pipe that GitHub
absorbed into the table (`&nbsp;` right under it) is DD106's, not a template row.

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
Safe: a template row is deleted; it is no record and holds nothing, so no record
and no text changes. Any other row without a paper gets no fix: deleting it would
lose what it holds, so it is only reported (fill in the paper, or delete the row
yourself).

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.records.extract import is_empty_cell
from ddlint.records.model import RowRecord
from ddlint.rules.base import Rule, RuleContext, delete_line, safe_fix
from ddlint.text.findings import Finding


class PlaceholderRow(Rule):
    __doc__ = __doc__
    code = "DD201"
    name = "placeholder-row"
    scope = "row"
    fixable = "sometimes"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record in ctx.records.rows:
            if record.kind not in ("placeholder", "unread"):
                continue
            if not record.row.has_pipe:
                continue  # a line GitHub absorbed into the table: DD106 reports it
            row = record.row
            where = "" if row.rendered else " (after the table, rendered as text)"
            if record.kind == "placeholder":
                yield ctx.finding(
                    self,
                    row.span,
                    f"Template row left in{where}: it holds no paper; delete it",
                    fix=safe_fix("delete the template row", delete_line(row.line_span)),
                )
                continue
            held = _held(record, ctx)
            yield ctx.finding(
                self,
                row.span,
                f"Row without a paper{where}: no title, authors, venue or link target, yet "
                f"{held} not empty (no template row); fill in the paper, or delete the row "
                "by hand",
            )


def _held(record: RowRecord, ctx: RuleContext) -> str:
    """The columns that hold something, by header: `Notes is`, `Task and Notes are`."""
    headers = record.table.columns.headers
    names: list[str] = []
    for index, cell in enumerate(record.row.cells):
        if is_empty_cell(cell.text, ctx.records.inline):
            continue
        if index >= len(headers):
            names.append("a cell past the header")
            break
        header = ctx.records.inline.parse(headers[index]).text.strip()
        names.append(f"`{header}`" if header else f"column {index + 1}")
    if not names:
        return "the row is"
    if len(names) == 1:
        return f"{names[0]} is"
    return f"{', '.join(names[:-1])} and {names[-1]} are"


RULE = PlaceholderRow
