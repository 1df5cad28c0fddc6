"""DD104 broken-table: pipe rows GitHub shows as one paragraph of text, not a table.

## What it does
Reads every paragraph GitHub renders and reports the two ways a table fails to
start (GFM-TABLES.md §3):

- a delimiter row (`|---|---|`) whose cell count differs from the header line
  above it: GitHub needs equal counts. The finding points at the delimiter row
  and gives both counts. A second delimiter row later in the same paragraph
  cannot start a table either (GitHub tries only once per paragraph), so it is
  reported too.
- two or more consecutive lines starting with `|` and no delimiter row at all.
  The finding points at the first of them, the header.

Pipe rows that belong to a table above (stray rows, DD101/DD102) are not reported.

## Why is this bad?
The whole table renders as a run of text with pipes in it: none of its papers
shows as a row.

## Example
```markdown
| Author | Title | Venue |
|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Fix safety
No fix. Repairing the table would make GitHub render rows it shows as text today,
adding records, and which line is the header or which column the delimiter lacks
is a guess a person must make.

## Options
None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.gfm.cells import count_cells, is_delimiter_row
from ddlint.gfm.document import Block
from ddlint.rules.base import Rule, RuleContext
from ddlint.text.findings import Finding, Severity
from ddlint.text.spans import Span

# Container markers before a paragraph line's content: block quotes, and a list
# item's marker on its first line.
_PREFIX = re.compile(r"(?:[ \t]*>[ \t]?)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?P<indent>[ \t]*)")


class BrokenTable(Rule):
    __doc__ = __doc__
    code = "DD104"
    name = "broken-table"
    scope = "row"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        stray = {row.line for table in ctx.document.tables for row in table.stray}
        for block in ctx.document.blocks:
            if block.kind == "paragraph":
                yield from self._paragraph(ctx, block, stray)

    def _paragraph(self, ctx: RuleContext, block: Block, stray: set[int]) -> Iterator[Finding]:
        lines = [_content_start(ctx, n) for n in range(block.first_line, block.last_line + 1)]
        if not any(is_delimiter_row(text, start, len(text)) for _, start, text in lines):
            yield from self._undelimited(ctx, lines, stray)
        delimiters = [i for i, (_, start, text) in enumerate(lines) if _is_delimiter(start, text)]
        struck = False  # GitHub tries one delimiter row per paragraph, never a second
        for i in delimiters:
            if i == 0:
                continue
            number, start, text = lines[i]
            _, head_start, head = lines[i - 1]
            header = count_cells(head, head_start, len(head))
            cells = count_cells(text, start, len(text))
            span = _span(ctx, number, start)
            if header != cells:
                yield ctx.finding(
                    self,
                    span,
                    f"Delimiter row has {cells} cell{'s' if cells != 1 else ''}, the header "
                    f"above it {header}: GitHub renders no table here, only text; give "
                    "both the same number of cells",
                )
                struck = True
            elif struck:
                yield ctx.finding(
                    self,
                    span,
                    "A broken delimiter row earlier in this paragraph stops GitHub from "
                    "starting a table here: add a blank line above the header",
                )

    def _undelimited(
        self, ctx: RuleContext, lines: list[tuple[int, int, str]], stray: set[int]
    ) -> Iterator[Finding]:
        run: list[tuple[int, int, str]] = []
        for line in [*lines, (0, 0, "")]:
            number, start, text = line
            if number not in stray and text.startswith("|", start):
                run.append(line)
                continue
            if len(run) >= 2:
                number, start, text = run[0]
                cells = count_cells(text, start, len(text))
                delimiter = "|" + " --- |" * cells
                yield ctx.finding(
                    self,
                    _span(ctx, number, start),
                    f"{len(run)} pipe rows with no delimiter row: GitHub shows them as "
                    f"text, not a table; add a delimiter row `{delimiter}` under the header",
                )
            run = []


def _content_start(ctx: RuleContext, number: int) -> tuple[int, int, str]:
    """A paragraph line: its number, where its content starts, and its text."""
    text = ctx.document.line_text(number)
    match = _PREFIX.match(text)
    return number, match.end() if match else 0, text


def _is_delimiter(start: int, text: str) -> bool:
    # GitHub never tries a delimiter row indented 4 columns or more: it is text.
    match = _PREFIX.match(text)
    indent = match.group("indent").expandtabs(4) if match else ""
    return len(indent) < 4 and is_delimiter_row(text, start, len(text))


def _span(ctx: RuleContext, number: int, start: int) -> Span:
    line = ctx.document.lines[number - 1]
    return Span(line.start + start, line.end)


RULE = BrokenTable
