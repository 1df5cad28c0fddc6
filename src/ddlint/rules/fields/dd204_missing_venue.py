"""DD204 missing-venue: a paper row with an empty Venue cell.

## What it does
Finds paper rows whose Venue (Conference, Journal, Publication…) cell is empty, in
tables that have such a column. When the paper's link is an arXiv abs/pdf link,
the fix writes the preprint's venue from the arXiv id (`2204.01273` was submitted
in April 2022): `arXiv, Apr., 2022`.

## Why is this bad?
Readers cannot tell whether the paper is published, and the row cannot be dated,
sorted or checked against its year section.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://openreview.net/forum?id=Ab12Cd) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2204.01273) | |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Lovelace et al | [**Engine Notes**](https://openreview.net/forum?id=Ab12Cd) | ICML, 2022 |
| Turing et al | [**Tables**](https://arxiv.org/abs/2204.01273) | arXiv, Apr., 2022 |
```

## Fix safety
Unsafe, and only for arXiv links: it adds a value (the record gains a venue), and
a paper on arXiv may also have appeared at a conference the list should name.
Other rows are only reported. The venue is written the way the list writes its
venues with a month, where it has a clear style (see DD403), else as
`arXiv, Apr., 2022`.

## Options
`month-style` (see DD403) decides how the month of the written venue is spelled;
unset, the list's clear month style, else `abbrev-dot`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddlint.inline.urls import arxiv_parts
from ddlint.records.model import Paper, RowRecord
from ddlint.records.venues import ParsedVenue
from ddlint.rules.base import Rule, RuleContext, unsafe_fix
from ddlint.rules.fields._fields import cell_span, fill_cell, has_column, paper_rows
from ddlint.rules.format.dd403_venue_format import MONTH_STYLE, venue_in_list_style
from ddlint.text.findings import Finding, Fix

# New-style ids are YYMM.NNNNN; old-style ones end in YYMMNNN (cs/0701001).
_ID_DATE = re.compile(r"^(?:(\d\d)(\d\d)\.\d+|[^/]+/(\d\d)(\d\d)\d{3})$")


class MissingVenue(Rule):
    __doc__ = __doc__
    code = "DD204"
    name = "missing-venue"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "unsafe"
    other_options = (MONTH_STYLE,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for record, paper in paper_rows(ctx):
            if paper.venue is not None or not has_column(record, "venue"):
                continue
            yield ctx.finding(
                self,
                cell_span(record, "venue"),
                "Empty Venue cell: GitHub shows a blank where the venue belongs; write "
                "where and when the paper appeared (e.g. `ICML, 2022` or `arXiv, Apr., 2022`)",
                fix=self._fix(ctx, record, paper),
            )

    @staticmethod
    def _fix(ctx: RuleContext, record: RowRecord, paper: Paper) -> Fix | None:
        cell = record.cell("venue")
        parts = arxiv_parts(paper.url or "")
        match = _ID_DATE.match(parts[1]) if parts else None
        if cell is None or match is None:
            return None
        yy, mm = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        year, month = int(yy) + (1900 if int(yy) >= 90 else 2000), int(mm)
        if not 1 <= month <= 12:
            return None
        venue = ParsedVenue("", "arXiv", year, month, "preprint", None)
        text = venue_in_list_style(ctx, venue)
        if text is None:
            return None
        return unsafe_fix("write the arXiv venue", fill_cell(ctx.text, cell, text))


RULE = MissingVenue
