"""DD205 wrong-section: a paper whose year is not the year of its section.

## What it does
Compares the year of a paper's venue with the year of the section it sits in: a
heading such as `# 2022`, or a separator row such as `| **2021** | | |`. A heading
that names a range (`2015-2017`) or an open end (`2016 and before`) accepts every
year it covers. A row whose venue has no year is judged by its Year (or Date)
column. A preprint date is not the paper's year: a December 2022 preprint
published at CVPR 2023 belongs under 2023, and a list filed by preprint dates
keeps it under 2022, so a row is accepted when its section holds the venue's year
or the year of its Year, Date or other date column. A table below a line such as
`##2021` (a heading without its space, DD107) is left to DD107: the section it
meant to open is what is missing.

When sections are by topic (no year), a row's Year column, where it holds a bare
year (`2022`), is compared with its venue's year instead; a Date column, or a
Year column of dates (`2022.12`), is not, since it holds the preprint's date, a
year or so before the venue.

## Why is this bad?
Readers look for a paper under its year; a row in the wrong section is missed,
and counts per year are wrong.

## Example
```markdown
# 2022
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2101.00003) | ICLR, 2021 |

# 2021
| Author | Title | Venue |
|---|---|---|
| Hopper et al | [**Compilers**](https://arxiv.org/abs/2102.00004) | ICML, 2021 |
```

## Use instead
```markdown
# 2022
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |

# 2021
| Author | Title | Venue |
|---|---|---|
| Hopper et al | [**Compilers**](https://arxiv.org/abs/2102.00004) | ICML, 2021 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2101.00003) | ICLR, 2021 |
```

## Fix safety
Unsafe: it moves the row to the end of the table of the section with the paper's
year, which changes the record's section (and its place); every other field stays
as it was. It is offered only when exactly one table has that section year and
the same number of columns; otherwise the row is only reported. When that table's
columns come in another order, the row's cells are put in its order, column by
column, matched by header (then by the field a column feeds); a row with a
non-empty cell no column of that table takes gets no fix, and so does a row GitHub
shows as text after its table until DD101 or DD102 has put it back. Sort the target
table afterwards (DD401).

## Options
None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.gfm.document import Document
from ddlint.gfm.render import format_row
from ddlint.records.columns import ColumnMap, header_key
from ddlint.records.model import PaperTable, Records, RowRecord, Section
from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.fields._fields import cell_span, column_year, paper_rows, row_date_year
from ddlint.rules.structure.dd107_heading_without_space import (
    UnspacedHeading,
    unspaced_headings,
)
from ddlint.text.findings import Edit, Finding, Fix
from ddlint.text.spans import Span

_BARE_YEAR = re.compile(r"(?:19[5-9]\d|20\d\d)")
_YEARS = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_BEFORE = re.compile(r"\b(?:before|earlier|older|prior|and below|or earlier)\b|<", re.I)
_AFTER = re.compile(r"\b(?:after|later|onwards?|since|and above|or later)\b|\+|>", re.I)


class WrongSection(Rule):
    __doc__ = __doc__
    code = "DD205"
    name = "wrong-section"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"
    appends_rows = True  # every row moving into a table moves in one pass

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        targets = _tables_by_year(ctx.records)
        accepted: dict[tuple[str | None, int | None, int], bool] = {}  # a list has few sections
        for record, paper in paper_rows(ctx):
            venue_year = paper.venue.year if paper.venue is not None else None
            section = paper.section
            if section.year is None:  # topic sections: the Year column against the venue
                in_column = column_year(record, ("year",))
                if in_column is None or not _BARE_YEAR.fullmatch(in_column[1].text.strip(" *_`")):
                    continue  # `2023.10` in a Year column is a preprint's date, not the year
                if venue_year not in (None, in_column[0]):
                    yield ctx.finding(
                        self,
                        in_column[1].span,
                        f"Year {in_column[0]} disagrees with the venue's year {venue_year} "
                        f"(`{paper.venue.raw if paper.venue else ''}`); correct one of them",
                    )
                continue
            dated = row_date_year(ctx, record)
            year = venue_year if venue_year is not None else dated
            if year is None:
                continue
            if any(self._accepts(accepted, section, y) for y in {year, dated} if y is not None):
                continue
            if _under_unspaced_heading(ctx, record, year):
                continue  # `##2021` above the table: its section is missing (DD107's)
            fields = ("venue",) if venue_year is not None else ("year", "date")
            fix = _move(ctx.document, record, targets.get((year, len(record.cells))))
            where = "" if fix else f"; move the row to the {year} section"
            yield ctx.finding(
                self,
                cell_span(record, *fields),
                f"Paper of {year} in the {section.year} section: readers look for it "
                f"under {year}{where}",
                fix=fix,
            )

    @staticmethod
    def _accepts(
        memo: dict[tuple[str | None, int | None, int], bool], section: Section, year: int
    ) -> bool:
        key = (section.heading, section.year, year)
        if key not in memo:
            memo[key] = _accepts(section, year)
        return memo[key]


def _under_unspaced_heading(ctx: RuleContext, record: RowRecord, year: int) -> bool:
    """A line above the row's table, below its section's heading, would open a section
    of ``year`` if its `#` marks had a space after them."""
    found: list[UnspacedHeading] | None = ctx.shared.get(_UNSPACED)
    if found is None:
        found = ctx.shared[_UNSPACED] = list(unspaced_headings(ctx.document))
    if not found:
        return False
    header = record.table.table.header.line
    above = [h.line for h in ctx.document.headings if h.line < header]
    start = above[-1] if above else 0
    return any(start < h.line < header and str(year) in h.text for h in found)


_UNSPACED = "rules.fields.dd205_wrong_section.unspaced_headings"


def _accepts(section: Section, year: int) -> bool:
    heading = section.heading or ""
    years = [int(y) for y in _YEARS.findall(heading)]
    if section.year not in years:
        return year == section.year
    if len(years) >= 2:
        return min(years) <= year <= max(years)
    if _BEFORE.search(heading):
        return year <= section.year
    if _AFTER.search(heading):
        return year >= section.year
    return year == section.year


def _tables_by_year(records: Records) -> dict[tuple[int, int], PaperTable | None]:
    """The one paper table per (section year, column count); None when there are several."""
    found: dict[tuple[int, int], PaperTable | None] = {}
    for paper_table in records.tables:
        year = paper_table.section.year
        if not paper_table.is_paper or year is None:
            continue
        key = (year, paper_table.table.columns)
        found[key] = None if key in found else paper_table
    return found


def _move(document: Document, record: RowRecord, target: PaperTable | None) -> Fix | None:
    if target is None or target.table is record.table.table:
        return None
    row = record.row
    if not row.rendered:
        # A stray row moves once DD101 or DD102 has put it back in its table: taken out
        # of the paragraph or HTML block GitHub shows it in, it changes how the lines
        # after it read (a lazy line indented by a tab becomes code).
        return None
    source = document.lines[row.line - 1]
    last = document.lines[target.table.last_line - 1]
    content = document.text[source.start : source.end]
    order = _column_order(record.table.columns, target.columns)
    if order != list(range(len(order))):  # the target's columns come in another order
        cells = [""] * len(target.columns.headers)
        for index, cell in enumerate(row.cells):
            if not cell.text:
                continue
            if index >= len(order) or order[index] < 0:
                return None  # a cell the target has no column for: it would be lost
            cells[order[index]] = cell.text
        below = target.table.body[-1] if target.table.body else target.table.delimiter
        indent = document.text[below.source.start : below.source.start + below.indent]
        content = format_row(cells, indent=indent)  # under the target's container marks
    newline = source.newline or last.newline or "\n"
    if last.newline:
        insert = Edit(Span(last.span.end, last.span.end), content + newline)
    else:  # the table ends the file without a newline
        insert = Edit(Span(last.end, last.end), newline + content)
    remove = Edit(row.line_span, "")
    return unsafe_fix(
        f"move the row to the table at line {target.table.first_line}", remove, insert
    )


def _column_order(source: ColumnMap, target: ColumnMap) -> list[int]:
    """For each source column, the target column that takes its cells (-1: none): the
    column of the same header (the n-th of equal headers to the n-th), else the one
    column left that feeds the same fields."""
    order = [-1] * len(source.headers)
    free: dict[str, list[int]] = {}
    for index, header in enumerate(target.headers):
        free.setdefault(header_key(header), []).append(index)
    for index, header in enumerate(source.headers):
        same = free.get(header_key(header))
        if same:
            order[index] = same.pop(0)
    taken = set(order)
    for index, fields in enumerate(source.fields):
        if order[index] >= 0 or not fields:
            continue
        matches = [
            column
            for column, other in enumerate(target.fields)
            if other == fields and column not in taken
        ]
        if len(matches) == 1:
            order[index] = matches[0]
            taken.add(matches[0])
    return order


RULE = WrongSection
