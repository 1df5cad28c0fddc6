"""DD402 cell-format: a table row is not written in the table style: padding, outer pipes.

## What it does
Finds rows of a paper table (header, delimiter, data rows, and stray rows after it)
whose text differs from the table style. In the default `compact` style a row is
`| a | b |`: outer pipes, one space inside each pipe, `| |` for an empty cell, no
trailing spaces. Irregular padding (`|a|  b |`), a missing outer pipe and trailing
whitespace are reported at the first cell that deviates. A delimiter row may be
written `| --- | :---: |` or `|---|:---:|`; the number of dashes is free. In the
opt-in `aligned` style every column is padded to its widest cell, in display width
(East Asian wide characters and emoji count two columns).

## Why is this bad?
Irregular padding makes the source hard to read and review, and each contributor
copies whatever row they see, so the mess spreads. The compact style never re-pads
other rows, so adding a paper stays a one-line diff.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
|Ada Lovelace et al|  [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) |ICML, 2022|
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
```

## Fix safety
Safe: the row is rewritten from its own cells, unchanged (escaped pipes stay
escaped); the indentation or container prefix before the row and its line ending
stay. A row with more or fewer cells than the header keeps its cells (that is
DD103's business). Rows GitHub swallowed without a pipe (DD106) are left alone,
and so are rows with an unescaped pipe inside a link, code span or HTML attribute
(DD105): GitHub splits the cell there, but padding that pipe as a boundary would
write spaces into the URL or text it belongs to, and escaping it afterwards would
keep them (`https://example.org/x | y`).

## Options
`table-style`: `compact` (default) or `aligned`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ddlint.gfm.cells import MAX_CELLS, alignment, is_delimiter_row, split_cells
from ddlint.gfm.document import Row
from ddlint.gfm.render import TableStyle, canonical_row, is_compact_delimiter, table_widths
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.options import Option
from ddlint.rules.structure._structure import row_text_pipes
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

TABLE_STYLE: Option[TableStyle] = Option(
    "table-style", TableStyle, "compact", "how table rows are padded: compact or aligned"
)


class CellFormat(Rule):
    __doc__ = __doc__
    code = "DD402"
    name = "cell-format"
    scope = "row"
    fixable = "always"
    options = (TABLE_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        style = ctx.settings[TABLE_STYLE]
        document_text = ctx.text
        placeholders = {r.row.line for r in ctx.records.rows if r.kind == "placeholder"}
        for paper_table in ctx.records.tables:
            if not paper_table.is_paper:
                continue
            table = paper_table.table
            widths = table_widths(table) if style == "aligned" else None
            rows = (table.header, table.delimiter, *table.body, *table.stray)
            for row in rows:
                if row.line in placeholders or not row.has_pipe:
                    continue
                text = document_text[row.span.start : row.span.end]
                # ``is_canonical`` then ``canonical_row``, rendering the row once.
                new = canonical_row(table, row, style=style, widths=widths)
                if style == "compact" and row.kind == "delimiter":
                    if is_compact_delimiter(text, [cell.text for cell in row.cells]):
                        continue
                elif text == new:
                    continue
                if row_text_pipes(document_text, row, table.columns):
                    continue  # DD105's row: its pipes are text split by mistake, no boundaries
                fix = None
                if _same_cells(row, new):
                    fix = safe_fix(_fix_title(style), Edit(row.span, new))
                yield ctx.finding(
                    self, _first_offending_cell(row, text, new), _message(text, style), fix=fix
                )


def _same_cells(row: Row, new: str) -> bool:
    """GitHub splits the new text into exactly the old cells (the fix's proof); a new
    delimiter row has the old alignments."""
    if row.kind != "delimiter":
        texts = [cell.text for cell in row.cells]
        if _splits_plainly(texts):
            return True
    texts = [new[a:b] for a, b in split_cells(new, 0, len(new)) or []]
    if row.kind != "delimiter":
        return texts == [cell.text for cell in row.cells]
    return is_delimiter_row(new, 0, len(new)) and [alignment(t) for t in texts] == [
        alignment(cell.text) for cell in row.cells
    ]


def _splits_plainly(texts: list[str]) -> bool:
    """Cells that ``| a | b |`` gives back unchanged, without splitting it: at least one,
    none with a pipe, none with spaces or tabs around it (cells are stored trimmed)."""
    if not texts or len(texts) > MAX_CELLS:
        return False
    return "|" not in "".join(texts) and all(t == t.strip(" \t") for t in texts)


def _first_offending_cell(row: Row, text: str, new: str) -> Span:
    """The cell whose padding holds the first difference: spaces before a pipe belong
    to the cell on its left, spaces after it to the cell on its right."""
    position = _common_prefix(text, new)
    for cell in row.cells:
        pipe = text.find("|", cell.end - row.span.start)
        if pipe < 0 or position <= pipe:
            return cell.span
    return row.cells[-1].span


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by bisection on slice comparisons (done in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _message(text: str, style: str) -> str:
    return _compose(_problem(text, style), style)


def _problem(text: str, style: str) -> str:
    leading, trailing = text.startswith("|"), text.rstrip(" \t").endswith("|")
    if not leading and not trailing:
        problem = "Row without outer pipes"
    elif not leading:
        problem = "Row without a leading pipe"
    elif not trailing:
        problem = "Row without a trailing pipe"
    elif text != text.rstrip(" \t"):
        problem = "Trailing whitespace after the row"
    elif style == "aligned":
        problem = "Column not padded to the table's width"
    else:
        problem = "Irregular padding around a cell"
    return problem


# Memoised: one string per distinct message, and a large list can have a finding on
# most rows (memory).
@cache
def _compose(problem: str, style: str) -> str:
    shape = "`| a | b |`" if style == "compact" else "columns padded to equal width"
    return f"{problem}: the table's {style} style is {shape}; run --fix (GitHub renders the same)"


@cache
def _fix_title(style: str) -> str:
    return f"rewrite the row in {style} style"


RULE = CellFormat
