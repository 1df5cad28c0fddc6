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
  The finding covers the whole block, so `--diff-base` reports it when a row
  inside it changed. When the first line reads as a header (no link, and its
  cells name a title and an author, venue or date column), the block lacks its
  delimiter row under that header. Otherwise every line is a row (a section of
  papers whose header was never written): the block lacks a header and a
  delimiter row, and the message names the nearest table above with the same
  cell count, whose header they would take.

Pipe rows that belong to a table above (stray rows, DD101/DD102) are not reported.
The rows of a block are records all the same (`"rendered": false` in `ddlint
export`), read with the block's own header, else with the columns of that table
above, so the fixer counts them and cannot lose them.

## Why is this bad?
The whole table renders as a run of text with pipes in it: none of its papers
shows as a row.

## Example
```markdown
### 2022

| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

### 2021

| Alan Turing et al | [**Computable Numbers**](https://arxiv.org/abs/2101.00002) | NeurIPS, 2021 |
| Grace Hopper et al | [**Compiling Routines**](https://arxiv.org/abs/2101.00003) | ICLR, 2021 |
```

## Use instead
```markdown
### 2022

| Author | Title | Venue |
|---|---|---|
| Ada Lovelace et al | [**Notes on the Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

### 2021

| Author | Title | Venue |
|---|---|---|
| Alan Turing et al | [**Computable Numbers**](https://arxiv.org/abs/2101.00002) | NeurIPS, 2021 |
| Grace Hopper et al | [**Compiling Routines**](https://arxiv.org/abs/2101.00003) | ICLR, 2021 |
```

## Fix safety
Unsafe, and only for a block of rows at the top level of the document (not in a
list item or a block quote): its rows then render, which changes what the page
shows. A block whose first line is its header gets a delimiter row of that many
cells under it. A block without a header gets the header and delimiter row of the
nearest table above with the same cell count, copied as written (and a blank line
after it when text follows in the same paragraph, which would otherwise join the
table); with no such table there is no fix: which header the rows need is for a
person to write. A delimiter row with the wrong cell count has no fix: which
column it lacks is a guess.

## Options
None.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator

from ddlint.gfm.cells import count_cells
from ddlint.gfm.document import Block, Document, Row, Table
from ddlint.gfm.parse import parse_document
from ddlint.records.blocks import TextBlock, content_start, is_indented_delimiter
from ddlint.records.extract import extract_records
from ddlint.records.identity import Identity, paper_identity
from ddlint.rules.base import Rule, RuleContext, fingerprint, unsafe_fix
from ddlint.text.findings import Edit, Finding, Severity, splice_edits
from ddlint.text.spans import Span


class BrokenTable(Rule):
    __doc__ = __doc__
    code = "DD104"
    name = "broken-table"
    scope = "row"
    severity = Severity.ERROR
    fixable = "sometimes"
    fix_safety = "unsafe"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        stray = {row.line for table in ctx.document.tables for row in table.stray}
        for block in ctx.document.blocks:
            if block.kind == "paragraph":
                yield from self._paragraph(ctx, block, stray)
        # The rows of text blocks that are records: a block of other rows (a line of
        # in-page links) is reported, but no table above is its header.
        papers = {
            r.row.line for r in ctx.records.rows if r.paper is not None and not r.row.rendered
        }
        for text_block in ctx.records.text_blocks:
            if text_block.delimiter is None:
                holds_papers = any(row.line in papers for row in text_block.rows)
                yield self._undelimited(ctx, text_block, holds_papers)

    def _paragraph(self, ctx: RuleContext, block: Block, stray: set[int]) -> Iterator[Finding]:
        lines = [
            content_start(ctx.document, n) for n in range(block.first_line, block.last_line + 1)
        ]
        delimiters = [
            i for i, (_, start, text) in enumerate(lines) if is_indented_delimiter(start, text)
        ]
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

    def _undelimited(self, ctx: RuleContext, block: TextBlock, holds_papers: bool) -> Finding:
        first = block.header or block.rows[0]
        last = block.rows[-1] if block.rows else first
        span = Span(first.span.start, last.span.end)
        count = len(block.rows) + (block.header is not None)
        delimiter = "|" + " --- |" * block.cells
        fix = None
        if block.header is not None:
            message = (
                f"{count} pipe rows with no delimiter row: GitHub shows them as text, not "
                f"a table; add a delimiter row `{delimiter}` under the header"
            )
            newline = _newline(ctx, block)
            under = Edit(_line_start(ctx, block.header.line + 1), delimiter + newline)
            edits = [under, *_end(ctx, block)]
            if _makes_the_table(ctx, block, edits):
                fix = unsafe_fix("add a delimiter row under the header", *edits)
        elif (
            holds_papers
            and (source := block.source) is not None
            and (source_header := block.source_header) is not None
        ):
            line = source_header.line
            if isinstance(source, Table):
                where = f"the header and delimiter row of the table at line {line}"
            else:
                where = f"the header at line {line} and a delimiter row `{delimiter}`"
            message = (
                f"{count} pipe rows with no header and no delimiter row: GitHub shows them "
                f"as text, not a table; add {where} above them"
            )
            edits = [_header_edit(ctx, block, source, source_header), *_end(ctx, block)]
            if _makes_the_table(ctx, block, edits):
                fix = unsafe_fix(f"add {where} above the rows", *edits)
        else:
            message = (
                f"{count} pipe rows with no header and no delimiter row: GitHub shows them "
                f"as text, not a table; add a header row and a delimiter row `{delimiter}` "
                "above them"
            )
        finding = ctx.finding(self, span, message, fix=fix)
        # The fingerprint reads the block's first row only: a row added to the block
        # keeps a baselined finding hidden.
        stable = fingerprint(ctx.document, self.code, finding.line, first.span)
        return dataclasses.replace(finding, fingerprint=stable)


def _makes_the_table(ctx: RuleContext, block: TextBlock, edits: list[Edit]) -> bool:
    """Whether the text the edits make renders the block's rows as one new table, and
    every other table as before: no stray row below joins the new table, no row of
    another table is lost, nothing in a list item or a block quote (where a table
    cannot start this way).

    The block grammar decides, so the text is read again: only the stretch from the
    table above the block to the delimiter row of the table below it (which rows a
    table owns ends at the next table), so a long list is not read once per block.
    """
    if block.contained:
        return False
    document = ctx.document
    above = [t for t in document.tables if t.first_line < block.first_line]
    below = [t for t in document.tables if t.first_line > block.last_line]
    start = document.lines[above[-1].first_line - 1].start if above else 0
    end = len(document.text)
    if below:
        delimiter = document.lines[below[0].delimiter.line - 1]
        end = delimiter.end + len(delimiter.newline)
    if any(edit.span.start < start or edit.span.end > end for edit in edits):
        return False
    window = document.text[start:end]
    shifted = [Edit(Span(e.span.start - start, e.span.end - start), e.text) for e in edits]
    old, new = parse_document(window), parse_document(splice_edits(window, shifted))
    before = [(len(t.body), len(t.stray)) for t in old.tables]
    after = [(len(t.body), len(t.stray)) for t in new.tables]
    rows = (len(block.rows), 0)
    if not any(
        after[:i] + after[i + 1 :] == before and after[i] == rows for i in range(len(after))
    ):
        return False
    # The rows must read as the same papers once rendered (the fix declares no change of
    # a record): a header that gives the block's cells other meanings is no fix.
    return _papers(old) == _papers(new)


def _papers(document: Document) -> Counter[Identity]:
    return Counter(paper_identity(paper) for paper in extract_records(document).papers)


def _header_edit(
    ctx: RuleContext, block: TextBlock, source: Table | TextBlock, source_header: Row
) -> Edit:
    """The source's header and delimiter row (a plain one under a block's own header,
    as DD104's fix gives it), inserted above the block, each written as it is."""
    text, newline = ctx.document.text, _newline(ctx, block)
    header = text[source_header.span.start : source_header.span.end]
    if isinstance(source, Table):
        delimiter = text[source.delimiter.span.start : source.delimiter.span.end]
    else:
        delimiter = "|" + " --- |" * source.cells
    return Edit(_line_start(ctx, block.rows[0].line), header + newline + delimiter + newline)


def _end(ctx: RuleContext, block: TextBlock) -> list[Edit]:
    """A blank line after the block when its paragraph goes on: a table runs to the
    next blank line, and would take the next line of text as a row."""
    if block.paragraph.last_line > block.last_line:
        return [Edit(_line_start(ctx, block.last_line + 1), _newline(ctx, block))]
    return []


def _line_start(ctx: RuleContext, number: int) -> Span:
    start = ctx.document.lines[number - 1].start
    return Span(start, start)


def _newline(ctx: RuleContext, block: TextBlock) -> str:
    return ctx.document.lines[block.first_line - 1].newline or "\n"


def _span(ctx: RuleContext, number: int, start: int) -> Span:
    line = ctx.document.lines[number - 1]
    return Span(line.start + start, line.end)


RULE = BrokenTable
