"""DD402 cell-format: a table row not written in its table's style: padding, outer pipes.

## What it does
Reads each paper table's own style from its header and body rows, property by
property: a leading pipe, a trailing pipe, no whitespace after the row, and the
padding around the cells: compact `| a | b |`, tight `|a|b|`, any other one pair
of whitespace around every non-empty cell, or hand-aligned columns (every row's
pipes in the same display columns; East Asian wide characters and emoji count
two). A property is the table's convention when at least 80 % of its rows, and at
least 5, share it; a table that mixes its habits, or has fewer than 5 rows, has
none, and the rule says nothing about that property. Rows that break a convention
are reported at the first cell that deviates. Empty cells (`| |`, `||`) fit every
padding. The delimiter row is held to the outer pipes only: `|---|:---:|` and
`| --- | :---: |` are both fine, whatever the other rows do. So tight tables,
hand-aligned tables and tables without outer pipes are left alone, and only the
row that breaks their habit is reported.

With `table-style` set, every row is held to that style instead: `compact`
(`| a | b |`, outer pipes, one space inside each pipe, a delimiter row `|---|`
or `| --- |`) or `aligned` (every column padded to its widest cell). When most
rows of a table are not in it, the table gets one finding that says how many,
with one fix for all of them. Empty cells fit the configured `compact` style
whatever whitespace they hold (`| |`, `|  |`).

## Why is this bad?
A row padded unlike its neighbours makes the source hard to read and review, and
the next contributor copies whichever row they see, so the mix spreads. GitHub
renders the same either way: this is about the source only.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2201.00002) | ICML, 2022 |
|Grace Hopper et al|  [**Compilers**](https://arxiv.org/abs/2201.00003) |ICML, 2022|
| John Neumann et al | [**Games**](https://arxiv.org/abs/2201.00006) | ICML, 2022 |
| Kurt Goedel et al | [**Proofs**](https://arxiv.org/abs/2201.00004) | ICML, 2022 |
| Emmy Noether et al | [**Rings**](https://arxiv.org/abs/2201.00005) | ICML, 2022 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan Turing et al | [**Tables**](https://arxiv.org/abs/2201.00002) | ICML, 2022 |
| Grace Hopper et al | [**Compilers**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
| John Neumann et al | [**Games**](https://arxiv.org/abs/2201.00006) | ICML, 2022 |
| Kurt Goedel et al | [**Proofs**](https://arxiv.org/abs/2201.00004) | ICML, 2022 |
| Emmy Noether et al | [**Rings**](https://arxiv.org/abs/2201.00005) | ICML, 2022 |
```

## Fix safety
Safe: only whitespace and outer pipes change. The row is rewritten from its own
cells, unchanged (escaped pipes stay escaped), in the table's style: its padding,
its outer pipes, or its pipe columns (a row of a hand-aligned table whose cell is
wider than its column is only reported). Where the table has no convention for a
property, the row keeps its own. The indentation or container prefix before the
row and its line ending stay. The fix is offered only when GitHub splits the new
text into exactly the old cells: an outer pipe is never removed before an empty
first or after an empty last cell. A row with more or fewer cells than the header
keeps its cells (that is DD103's business). Rows GitHub swallowed without a pipe
(DD106) are left alone, and so are rows with an unescaped pipe inside a link, code
span or HTML attribute (DD105): padding that pipe as a boundary would write spaces
into the URL or text it belongs to.

## Options
`table-style`: `compact` or `aligned`; unset (the default), each table's own
clear style.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ddlint.gfm.cells import MAX_CELLS, alignment, is_delimiter_row, split_cells
from ddlint.gfm.document import Row, Table
from ddlint.gfm.render import (
    TableStyle,
    align_to,
    canonical_row,
    is_compact_delimiter,
    join_row,
    table_widths,
)
from ddlint.rules.base import Rule, RuleContext, safe_fix
from ddlint.rules.format import _padding
from ddlint.rules.format._format import most_rows_break
from ddlint.rules.options import Option
from ddlint.rules.structure._structure import row_text_pipes
from ddlint.text.findings import Edit, Finding
from ddlint.text.spans import Span

TABLE_STYLE: Option[TableStyle | None] = Option(
    "table-style",
    TableStyle | None,
    None,
    "how table rows are padded: compact or aligned; unset, each table's own clear style",
)


class CellFormat(Rule):
    __doc__ = __doc__
    code = "DD402"
    name = "cell-format"
    scope = "row"
    fixable = "always"
    options = (TABLE_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        configured = ctx.settings[TABLE_STYLE]
        placeholders = {r.row.line for r in ctx.records.rows if r.kind == "placeholder"}
        for paper_table in ctx.records.tables:
            if not paper_table.is_paper:
                continue
            table = paper_table.table
            rows = [
                row
                for row in (table.header, table.delimiter, *table.body, *table.stray)
                if row.line not in placeholders and row.has_pipe
            ]
            if configured is None:
                yield from self._own_style(ctx, table, rows)
            else:
                yield from self._configured(ctx, table, rows, configured)

    def _own_style(self, ctx: RuleContext, table: Table, rows: list[Row]) -> Iterator[Finding]:
        """Rows that break the table's own clear conventions, rewritten in its style."""
        document_text = ctx.text
        rows = [row for row in rows if row.kind in ("body", "stray")]
        texts = [row.span.slice(document_text) for row in rows]
        shapes = [_padding.read_row(text) for text in texts]
        style = _padding.read_table([s for r, s in zip(rows, shapes) if r.kind == "body"])
        for row, text, shape in zip(rows, texts, shapes):
            problem = _padding.breaks(shape, style)
            if problem is None or row_text_pipes(document_text, row, table.columns):
                continue  # DD105's row: its pipes are text split by mistake, no boundaries
            new = _in_table_style(table, row, shape, style)
            fix = None
            if new is not None and new != text and _same_cells(row, new):
                fix = safe_fix("rewrite the row in the table's style", Edit(row.span, new))
            if fix is not None:
                problem += "; run --fix (GitHub renders the same)"
            elif style.pipes is not None:
                problem += "; a cell is wider than its column: only re-aligning the table fits it"
            yield ctx.finding(
                self,
                _first_offending_cell(row, text, new if new is not None else text),
                problem,
                fix=fix,
            )

    def _configured(
        self, ctx: RuleContext, table: Table, rows: list[Row], style: TableStyle
    ) -> Iterator[Finding]:
        """Rows not in the configured style; one finding for the table when most are not."""
        document_text = ctx.text
        widths = table_widths(table) if style == "aligned" else None
        found: list[tuple[Row, str, str, Edit | None]] = []
        for row in rows:
            text = row.span.slice(document_text)
            new = canonical_row(table, row, style=style, widths=widths)
            if style == "compact" and row.kind == "delimiter":
                if is_compact_delimiter(text, [cell.text for cell in row.cells]):
                    continue
            elif text == new or (style == "compact" and _same_but_empty_cells(text, new)):
                continue
            if row_text_pipes(document_text, row, table.columns):
                continue
            found.append((row, text, new, Edit(row.span, new) if _same_cells(row, new) else None))
        if not found:
            return
        if most_rows_break(len(found), len(rows)):
            row, text, new, _ = found[0]
            edits = [edit for *_, edit in found if edit is not None]
            yield ctx.finding(
                self,
                _first_offending_cell(row, text, new),
                f"{len(found)} of {len(rows)} rows of this table are not in the configured "
                f"{style} style ({_SHAPE[style]}); run --fix (GitHub renders the same)",
                fix=safe_fix(f"rewrite {len(edits)} rows in {style} style", *edits)
                if edits
                else None,
            )
            return
        for row, text, new, edit in found:
            yield ctx.finding(
                self,
                _first_offending_cell(row, text, new),
                _message(text, style),
                fix=safe_fix(_fix_title(style), edit) if edit is not None else None,
            )


def _in_table_style(
    table: Table, row: Row, shape: _padding.RowShape, style: _padding.TableStyle
) -> str | None:
    """The row written in the table's clear conventions, keeping its own habits where
    the table has none; None when no such text keeps its cells."""
    leading = shape.leading if style.leading is None else style.leading
    trailing = shape.trailing if style.trailing is None else style.trailing
    pieces = [(p.before, p.text, p.after) for p in shape.pieces]
    if not pieces:
        return None
    before, after = style.padding or _own_padding(shape)
    delimiter = row.kind == "delimiter"
    if style.pipes is not None and not delimiter:
        texts = [p.text for p in shape.pieces]
        aligned = align_to(texts, style.pipes, table.alignments, leading=leading, trailing=trailing)
        return join_row(aligned, leading=leading, trailing=trailing) if aligned else None
    if style.padding is not None and not delimiter and not _padding.fits_padding(shape, style):
        empty = before or after
        pieces = [(before, text, after) if text else (empty, "", "") for _, text, _ in pieces]
    if leading and not shape.leading:  # the new first pipe gets the padding after a pipe
        pieces[0] = (before, pieces[0][1], pieces[0][2])
    if trailing and not shape.trailing:
        pieces[-1] = (pieces[-1][0], pieces[-1][1], after)
    return join_row(pieces, leading=leading, trailing=trailing)


def _same_but_empty_cells(text: str, new: str) -> bool:
    """``text`` is ``new`` but for the whitespace inside empty cells: `|  |` is as compact
    as `| |` (one space inside each pipe around no text), and empty cells fit every
    padding."""
    have, want = _padding.read_row(text), _padding.read_row(new)
    return (have.leading, have.trailing, have.trailing_space, _filled(have)) == (
        want.leading,
        want.trailing,
        want.trailing_space,
        _filled(want),
    )


def _filled(shape: _padding.RowShape) -> list[_padding.Piece | None]:
    """The row's cells, each empty one as None (its whitespace says nothing)."""
    return [piece if piece.text else None for piece in shape.pieces]


def _own_padding(shape: _padding.RowShape) -> _padding.Padding:
    """The row's own padding, for a pipe it gains: one space when it has no habit."""
    return shape.padding if shape.padding is not None else (" ", " ")


_SHAPE = {"compact": "`| a | b |`", "aligned": "columns padded to equal width"}


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
