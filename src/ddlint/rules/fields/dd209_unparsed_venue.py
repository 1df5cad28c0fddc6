"""DD209 unparsed-venue: a venue without a year where nothing else dates the paper.

## What it does
Finds Venue cells that hold text but no readable year, such as `OpenReview`, `TNNLS`
or `Under review`, in rows that give the year nowhere else. A row is dated, and not
reported, when its section heading names a year (`## 2018`, `### CVPR 2023`), when a
Year, Date or Time column gives it (`2024`, `2024.06`, `2024-06-12`, `Jun 2024`,
`06/2024`), when any other column whose cells are dates (four in five of them, at
least 2) gives it, or when the paper's arXiv id does (`2306.12345` was submitted in 2023).
Nor is a row whose Year or Date cell says on purpose that it has no date (`-`,
`N/A`: a tool or a product in a list of papers), nor one with more cells than its
header (DD103 reports the shifted cells).

It also finds a cell of a Year, Date or Time column that holds digits but no year,
such as `20-` or `202`: a year cut short while typing (the row's venue is then not
reported too). Only where at least half the column's cells read as years: a list
that writes `23.06` throughout has a style of its own, not a defect.

When most rows of a table have such a venue, they are one finding for the table.

## Why is this bad?
Without a year the paper cannot be placed in its year section or sorted, and a
placeholder such as `TBD` goes stale silently once the paper is published. A cut-off
year shows readers a wrong date.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://openreview.net/forum?id=Ab12Cd) | ICML, 2022 |
| Turing et al | [**Tables**](https://openreview.net/forum?id=Ef34Gh) | Under review |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://openreview.net/forum?id=Ab12Cd) | ICML, 2022 |
| Turing et al | [**Tables**](https://openreview.net/forum?id=Ef34Gh) | ICLR, 2023 |
```

## Fix safety
No fix: where and when the paper appeared is not in the file, nor what a cut-off
year was meant to say.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from ddlint.rules.base import Rule, RuleContext
from ddlint.rules.fields._fields import (
    cell_span,
    paper_rows,
    row_year,
    undated_on_purpose,
    unreadable_year_cells,
)
from ddlint.text.findings import Finding

# A table whose venues all lack years (nothing else dates them) is one finding.
_REASON = (
    "Venues without a year, and nothing else in the rows or their section dates the "
    "papers: write where and when each appeared (e.g. `ICLR, 2023`), or give the table "
    "a Year column"
)


class UnparsedVenue(Rule):
    __doc__ = __doc__
    code = "DD209"
    name = "unparsed-venue"
    scope = "row"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record, paper in paper_rows(ctx):
            cut_off = unreadable_year_cells(ctx, record)
            for cell in cut_off:
                yield ctx.finding(
                    self,
                    cell.span,
                    f"`{cell.text}` holds no year: readers see a cut-off date and the "
                    "row cannot be sorted; write the year in full (e.g. `2023`)",
                )
            if cut_off:
                continue  # the year is what is missing: one finding, at its cell
            venue = paper.venue
            if venue is None or venue.year is not None or row_year(ctx, record, paper):
                continue
            if undated_on_purpose(record) or len(record.row.cells) > len(record.cells):
                continue  # a `-` in the Time column; surplus cells shift the row (DD103's)
            yield ctx.finding(
                self,
                cell_span(record, "venue"),
                f"Venue `{venue.raw}` has no year, and nothing else in the row or its "
                "section dates the paper: it cannot be dated or sorted; write where and "
                "when it appeared (e.g. `ICLR, 2023` or `arXiv, Mar., 2023`)",
                reason=_REASON,
            )


RULE = UnparsedVenue
