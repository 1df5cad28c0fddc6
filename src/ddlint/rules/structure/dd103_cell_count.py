"""DD103 cell-count: a row has more or fewer cells than the table's header.

## What it does
Counts each row's cells the way GitHub does (every `|` not preceded by `\\` ends
a cell) and compares with the header, in every table and for rendered and stray
rows alike.

A row with more cells is reported at its first surplus cell: GitHub drops the
surplus cells without a trace (an error when one of them holds text). Surplus cells
that hold only a comment, `<!-- … -->` or `[//]: # (…)`, are hidden on purpose (a
list that keeps a date there), and are not reported.

A row with fewer cells: GitHub pads it with empty cells on the right, so a row that
leaves out empty cells at its end renders as if it had written them, but a cell
missing in the middle puts every later cell one column too far left. The row is
reported
- when its last cell reads like a later column, not like its own (a code link in the
  Venue column, where the table's full rows have venues there and links one column
  on): a cell is missing in the middle;
- otherwise only in a table whose rows write every cell (at least 80 % of its rows,
  and at least 5): there the short row breaks the table's form and may hide a lost
  cell. A table whose rows leave out empty cells at their end, or that has no clear
  form, is left alone: that is the list's way of writing an empty cell.

In a table written without closing pipes, a row ending in `|` one cell short is how
an empty last cell is written there (`… | ICML 2022 |`), so it is not reported.

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
keeps its closing pipe. GitHub drops them anyway, so no record changes. Unsafe when
they hold only placeholders (`-`, `N/A`): a warning, not an error, as GitHub's
dropping them loses nothing, but deleting them removes what a person wrote. Surplus
cells with text are only reported (a person must say where that text belongs),
and so are short rows: only a person can say which cell is missing.

## Options
None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from ddlint.gfm.document import Row
from ddlint.rules.base import Rule, RuleContext, safe_fix, unsafe_fix
from ddlint.rules.structure._structure import data_rows, row_text_pipes, skipped_lines
from ddlint.text.findings import Edit, Finding, Fix, Severity
from ddlint.text.spans import Span

# A clear convention (issue #19): this share of the rows, and at least this many.
CONVENTION_SHARE = 0.8
CONVENTION_ROWS = 5
# A column "has" a kind of cell when at least this share of its full rows show it, and
# "never" has it below the lower share (a stray cell of the other kind is tolerated).
_COMMON, _RARE = 0.2, 0.1

# Comments a list hides in a surplus cell on purpose: `<!-- … -->`, `[//]: # (…)`.
_COMMENT = re.compile(r"(?:<!--.*?-->\s*)+|\[[^\]]*\]:\s*(?:#|<>).*", re.DOTALL)
_PLACEHOLDER = re.compile(r"[-–—/?]+|n/?a|none|tbd|null", re.IGNORECASE)
_DATE = re.compile(r"(?:19|20)\d\d(?:[./-]\d{1,2}){0,2}|\d{1,2}[./-](?:19|20)\d\d")
_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")
_LINK = re.compile(r"!?\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\((?:[^()\s]|\([^()\s]*\))*\)")
_LINK_SEPARATORS = re.compile(r"(?:<[^<>]*>|[\s,;/|·•&]|&nbsp;)*")


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
            rows = [row for row in data_rows(table, skipped) if row.has_pipe]
            short: list[Row] = []
            for row in rows:
                count = len(row.cells)
                if count == columns or row_text_pipes(ctx.text, row, columns):
                    continue
                if count > columns:
                    if not all(_hidden(cell.text) for cell in row.cells[columns:]):
                        yield self._surplus(ctx, row, columns)
                elif closed or count < columns - 1 or not _ends_in_pipe(ctx, row):
                    short.append(row)
            if short:
                yield from self._short_rows(ctx, rows, short, columns)

    def _short_rows(
        self, ctx: RuleContext, rows: list[Row], short: list[Row], columns: int
    ) -> Iterator[Finding]:
        full = sum(1 for row in rows if len(row.cells) >= columns)
        kinds = _column_kinds(rows, columns)
        writes_every_cell = full >= CONVENTION_ROWS and full >= CONVENTION_SHARE * len(rows)
        for row in short:
            shifted = _shifted(row, kinds)
            if shifted or writes_every_cell:
                yield self._short(ctx, row, columns, shifted)

    def _surplus(self, ctx: RuleContext, row: Row, columns: int) -> Finding:
        surplus = row.cells[columns:]
        extra = len(surplus)
        lost = [cell for cell in surplus if cell.text]
        span = Span(surplus[0].span.start, surplus[-1].span.end)
        head = _counts(row, columns)
        fix: Fix | None = None
        severity = Severity.WARNING
        if not lost:
            message = f"{head}: GitHub drops the last {_cells(extra)} (empty); delete them"
            fix = safe_fix("delete the empty surplus cells", _delete_surplus(ctx, row, columns))
        elif all(_PLACEHOLDER.fullmatch(cell.text) for cell in lost):
            shown = ", ".join(sorted({f"`{cell.text}`" for cell in lost}))
            message = (
                f"{head}: GitHub drops the last {_cells(extra)}, "
                f"which {'hold' if extra > 1 else 'holds'} only "
                f"{shown}; delete them"
            )
            fix = unsafe_fix(
                "delete the surplus placeholder cells", _delete_surplus(ctx, row, columns)
            )
        else:
            shown = ", ".join(f"`{cell.text}`" for cell in lost[:2])
            more = f" and {len(lost) - 2} more" if len(lost) > 2 else ""
            message = (
                f"{head}: GitHub drops the last {_cells(extra)} without a trace, losing "
                f"{shown}{more}; move that text into a cell or remove it"
            )
            severity = Severity.ERROR
        return ctx.finding(self, span, message, fix=fix, severity=severity)

    def _short(self, ctx: RuleContext, row: Row, columns: int, shifted: bool) -> Finding:
        text = row.span.slice(ctx.text).rstrip(" \t")
        end = row.span.start + len(text)
        missing = columns - len(row.cells)
        last = len(row.cells) - 1
        if shifted:
            why = (
                f"its last cell reads like a later column, not column {last + 1}: a cell "
                "is missing in the middle, and every later cell sits one column too far "
                "left; add the missing cell (`| |` if it is empty)"
            )
        else:
            why = (
                f"GitHub adds {_cells(missing)} at the end, empty, but the table's rows "
                "write every cell, so a cell missing in the middle would shift every later "
                "cell one column left; add the missing cell (`| |` if it is empty)"
            )
        return ctx.finding(self, Span(end, end), f"{_counts(row, columns)}: {why}")


def _cells(count: int) -> str:
    return f"{count} cell{'s' if count != 1 else ''}"


def _counts(row: Row, columns: int) -> str:
    return f"Row has {_cells(len(row.cells))}, the header {columns}"


def _ends_in_pipe(ctx: RuleContext, row: Row) -> bool:
    return row.span.slice(ctx.text).rstrip(" \t").endswith("|")


def _delete_surplus(ctx: RuleContext, row: Row, columns: int) -> Edit:
    """Deletes the cells after the header's last, keeping that cell's closing pipe."""
    kept_pipe = ctx.text.index("|", row.cells[columns - 1].span.end)
    end = row.cells[-1].span.end
    closing = ctx.text.find("|", end, row.span.end)
    return Edit(Span(kept_pipe + 1, closing + 1 if closing >= 0 else end), "")


def _hidden(cell_text: str) -> bool:
    """A surplus cell that holds only a comment: GitHub's dropping it hides what the
    author meant to hide. (An empty surplus cell is still reported: its fix deletes it.)"""
    return bool(cell_text) and _COMMENT.fullmatch(cell_text) is not None


def _kind(cell_text: str) -> str:
    """What a cell holds, coarsely: enough to tell a venue from a link or a year."""
    text = cell_text.strip().strip("*_ ")
    if not text:
        return "empty"
    if _PLACEHOLDER.fullmatch(text):
        return "placeholder"
    if _DATE.fullmatch(text):
        return "date"
    if _NUMBER.fullmatch(text):
        return "number"
    if "](" in text and _LINK_SEPARATORS.fullmatch(_LINK.sub(" ", text)):
        return "links"
    return "text"


def _column_kinds(rows: Sequence[Row], columns: int) -> list[Counter[str]]:
    """Per column, how many rows hold each kind of cell there."""
    kinds: list[Counter[str]] = [Counter() for _ in range(columns)]
    for row in rows:
        for column, cell in enumerate(row.cells[:columns]):
            kinds[column][_kind(cell.text)] += 1
    return kinds


def _shifted(row: Row, kinds: list[Counter[str]]) -> bool:
    """Whether a short row's last cell reads like a later column and not like its own:
    the other rows (one at least) almost never hold its kind in its column, and often
    one or more columns on."""
    last = len(row.cells) - 1
    if last < 0:
        return False
    kind = _kind(row.cells[last].text)
    own = kinds[last].copy()
    own[kind] -= 1  # the row itself is not evidence
    if not own.total() or _share(own, kind) >= _RARE:
        return False
    return any(_share(later, kind) >= _COMMON for later in kinds[last + 1 :])


def _share(counts: Counter[str], kind: str) -> float:
    total = sum(counts.values())
    return counts[kind] / total if total else 0.0


RULE = CellCount
